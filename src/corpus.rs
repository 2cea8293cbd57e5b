//! The bundled corpus: the only module that reads OUT_DIR. The bytes written by the build
//! script are embedded in the wasm and decoded once, on first use.

use std::sync::LazyLock;

use crate::engine::article::Article;
use crate::engine::codec;
use crate::engine::corpus::Corpus;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

static CORPUS: LazyLock<Corpus> =
    LazyLock::new(|| codec::decode(BYTES).expect("the build script wrote this bundle with the same codec"));

/// The corpus, decoded on first use.
pub fn corpus() -> &'static Corpus {
    &CORPUS
}

/// A reference to a bundled article that compares by identity, cheap to pass as a prop.
#[derive(Clone, Copy, Debug)]
pub struct ArticleRef(pub &'static Article);

impl PartialEq for ArticleRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl std::ops::Deref for ArticleRef {
    type Target = Article;
    fn deref(&self) -> &Article {
        self.0
    }
}
