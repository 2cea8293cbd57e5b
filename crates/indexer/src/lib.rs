//! Lectern's indexer: reads a corpus folder ([`corpus_folder`]) of articles, saved pages,
//! feeds and exports ([`import`]), reporting every problem of every file, and writes the
//! corpus into a built site ([`site`]) with feeds of it ([`feed_out`]) and pages readable
//! without JavaScript ([`static_pages`]). Native only; the Trunk hook runs it for every
//! build, so editing an article recompiles no Rust.

pub mod corpus_folder;
pub mod feed_out;
pub mod import;
pub mod markup;
pub mod site;
pub mod static_pages;
