//! Lectern: a reading room for a corpus of articles, served as static files.
//!
//! `engine` is the pure core (its own crate, `crates/engine`, shared with the indexer);
//! the rest is the thin Yew app around it. See README.md for the code map and its
//! invariants.

pub use lectern_engine as engine;

mod app;
pub mod components;
pub mod corpus;
pub mod crash;
mod download;
mod hash_guard;
mod highlights;
mod hooks;
mod library_action;
mod library_query;
pub mod marks;
mod pages;
mod prefs;
mod reading_progress;
mod route;
mod selection;
mod storage;
mod timing;
#[cfg(all(test, not(target_arch = "wasm32")))]
use lectern_engine::test_inputs;

/// Mounts the app on the document body.
pub fn start() {
    crash::install();
    hash_guard::install();
    yew::Renderer::<app::App>::new().render();
}
