//! The wasm entry point Trunk builds: everything lives in the library.

fn main() {
    lectern::start();
}
