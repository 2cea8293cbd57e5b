//! Lectern's indexer: reads a corpus folder with the engine's parsers ([`corpus_folder`]),
//! reporting every problem of every file, and writes the corpus into a built site
//! ([`site`]) with pages readable without JavaScript ([`static_pages`]). Native only; the Trunk hook runs it for every build, so editing an article
//! recompiles no Rust.

pub mod corpus_folder;
pub mod site;
pub mod static_pages;
