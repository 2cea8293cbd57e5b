//! The pure core of Lectern, used by the indexer (which parses and indexes the corpus,
//! natively) and by the wasm app (which decodes and searches it).
//!
//! Invariant: std, serde, postcard, text crates (segmentation, normalization, stemmers)
//! and `fst` only (pulldown-cmark for parsing, native only). No yew, web-sys, gloo or
//! wasm-bindgen; no IO and no clocks.

pub mod anchor;
pub mod article;
pub mod codec;
pub mod corpus;
pub mod date;
pub mod diagnostic;
pub mod expand;
pub mod facet;
pub mod fuzzy;
pub mod index;
pub mod lens;
pub mod mark;
pub mod query;
pub mod search;
pub mod sentences;
#[cfg(test)]
pub mod test_corpus;
/// Hostile text for property tests, here and in the app (feature `test-inputs`).
#[cfg(any(test, feature = "test-inputs"))]
pub mod test_inputs;
pub mod tokenize;

// Parsing runs in the indexer only and is left out of the wasm app; so is the scoring of
// the labelled ranking queries.
#[cfg(not(target_arch = "wasm32"))]
pub mod front_matter;
#[cfg(not(target_arch = "wasm32"))]
pub mod markdown;
#[cfg(not(target_arch = "wasm32"))]
pub mod parse;
#[cfg(not(target_arch = "wasm32"))]
pub mod relevance;
