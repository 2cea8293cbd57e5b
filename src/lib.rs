//! Lectern: a reading room for a corpus of articles, served as static files.
//!
//! `engine` is the pure core (its own crate, `crates/engine`, shared with the indexer);
//! the rest is the thin Yew app around it. See ARCHITECTURE.md for the code map and
//! its invariants.

pub use lectern_engine as engine;

mod app;
pub mod browser;
pub mod components;
pub mod corpus;
mod hooks;
mod pages;
mod route;
pub mod state;
#[cfg(all(test, not(target_arch = "wasm32")))]
use lectern_engine::test_inputs;

/// Mounts the app on the document body.
pub fn start() {
    browser::crash::install();
    browser::hash_guard::install();
    yew::Renderer::<app::App>::new().render();
}
