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

/// Mounts the app on the document body, or, when the page has the static first view of
/// the library, in a hidden container that replaces it once ready (`browser/first_paint.rs`).
pub fn start() {
    browser::crash::install();
    browser::hash_guard::install();
    match browser::first_paint::app_root() {
        Some(root) => {
            yew::Renderer::<app::App>::with_root(root).render();
            if !browser::first_paint::is_library_route() {
                browser::first_paint::reveal();
            }
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
