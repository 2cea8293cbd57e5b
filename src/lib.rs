//! Lectern: a reading room for a corpus of articles, shipped as one static bundle.
//!
//! `engine` is the pure core (also compiled into the build script); the rest is the thin
//! Yew app around it. See README.md for the code map and its invariants.

pub mod engine;

// The build script's folder reader, compiled here only for its native tests.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod corpus_folder;

mod app;
pub mod crash;
pub mod components;
pub mod corpus;
mod download;
mod hash_guard;
mod highlights;
mod hooks;
mod library_query;
mod pages;
mod prefs;
mod reading_progress;
mod route;
// The labelled ranking queries and their scoring: native tests and the benchmark only.
#[cfg(not(target_arch = "wasm32"))]
pub mod relevance;
mod selection;
mod storage;
#[cfg(test)]
mod test_inputs;

/// Mounts the app on the document body.
pub fn start() {
    crash::install();
    hash_guard::install();
    yew::Renderer::<app::App>::new().render();
}
