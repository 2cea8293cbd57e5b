//! The pure core of Lectern, compiled twice: into the build script (which parses and
//! indexes the corpus) and into the wasm app (which decodes and searches it).
//!
//! Invariant: std, serde, postcard, text crates (segmentation, normalization, stemmers)
//! and `fst` only. No yew, web-sys,
//! gloo or wasm-bindgen; no IO and no clocks.

pub mod anchor;
pub mod article;
pub mod codec;
pub mod corpus;
pub mod diagnostic;
pub mod expand;
pub mod fuzzy;
pub mod highlight;
pub mod index;
pub mod query;
pub mod search;
pub mod sentences;
pub mod tokenize;
#[cfg(test)]
pub mod test_corpus;

// Parsing runs at build time only and is left out of the wasm app.
#[cfg(not(target_arch = "wasm32"))]
pub mod front_matter;
#[cfg(not(target_arch = "wasm32"))]
pub mod markdown;
#[cfg(not(target_arch = "wasm32"))]
pub mod parse;
