//! The one definition of the corpus files' formats. Each file is a magic tag naming its
//! kind, the format version, then its content encoded with postcard:
//! - the first file (`LCTN`): the [`Corpus`] without bodies and shards: every article's
//!   metadata, the index's per-article data and facets, and the names of the other files;
//! - a shard of the index (`LCTS`): the terms of a range of first characters;
//! - a body (`LCTB`): one article's blocks, their start positions, its excerpt, and the
//!   highlights imported with it.
//!
//! The indexer writes them; the app reads the first at start and the others as searches
//! and pages need them.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::article::{Article, Block, ImportedHighlight};
use super::corpus::{Body, Corpus};
use super::index::Shard;
use super::lens::Lenses;

/// Bump whenever the encoded shape of any of the files changes.
pub const FORMAT_VERSION: u32 = 8;

/// The kinds of file, by their magic tag.
const FIRST: &[u8; 4] = b"LCTN";
const SHARD: &[u8; 4] = b"LCTS";
const BODY: &[u8; 4] = b"LCTB";

/// What a body file carries: the article's metadata is in the first file already.
#[derive(Serialize, Deserialize)]
struct BodyFile {
    blocks: Vec<Block>,
    excerpt: String,
    block_starts: Vec<u32>,
    imported: Vec<ImportedHighlight>,
    lenses: Lenses,
}

fn encode<T: Serialize>(magic: &[u8; 4], value: &T) -> Vec<u8> {
    let mut out = Vec::with_capacity(1024);
    out.extend_from_slice(magic);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    postcard::to_extend(value, out).expect("encoding into a Vec cannot fail")
}

fn decode<T: DeserializeOwned>(magic: &[u8; 4], what: &str, bytes: &[u8]) -> Result<T, String> {
    let body = bytes.strip_prefix(magic).ok_or_else(|| format!("not a Lectern {what}"))?;
    let (version, body) = body.split_at_checked(4).ok_or_else(|| format!("truncated {what}"))?;
    let version = u32::from_le_bytes(version.try_into().expect("four bytes"));
    if version != FORMAT_VERSION {
        return Err(format!("{what} has format {version}, this build reads {FORMAT_VERSION}"));
    }
    postcard::from_bytes(body).map_err(|e| format!("corrupt {what}: {e}"))
}

/// The first file of `corpus`.
pub fn encode_first(corpus: &Corpus) -> Vec<u8> {
    encode(FIRST, corpus)
}

/// A corpus from its first file, ready to receive its shards and bodies.
pub fn decode_first(bytes: &[u8]) -> Result<Corpus, String> {
    let mut corpus: Corpus = decode(FIRST, "corpus file", bytes)?;
    let articles = corpus.articles.len();
    if corpus.index.len() != articles
        || corpus.index.facets.docs.len() != articles
        || corpus.files.bodies.len() != articles
        || corpus.files.shards.len() != corpus.index.shard_count()
    {
        return Err("corrupt corpus file: the index, the articles and the file list disagree".into());
    }
    corpus.expect_parts();
    Ok(corpus)
}

pub fn encode_shard(shard: &Shard) -> Vec<u8> {
    encode(SHARD, shard)
}

pub fn decode_shard(bytes: &[u8]) -> Result<Shard, String> {
    decode(SHARD, "index shard", bytes)
}

pub fn encode_body(body: &Body) -> Vec<u8> {
    let article = &body.article;
    let file = BodyFile {
        blocks: article.blocks.clone(),
        excerpt: article.excerpt.clone(),
        block_starts: body.block_starts.clone(),
        imported: article.imported.clone(),
        lenses: article.lenses.clone(),
    };
    encode(BODY, &file)
}

/// The body of the article whose metadata is `meta`.
pub fn decode_body(bytes: &[u8], meta: &Article) -> Result<Body, String> {
    let file: BodyFile = decode(BODY, "article file", bytes)?;
    let article = Article {
        blocks: file.blocks,
        excerpt: file.excerpt,
        imported: file.imported,
        lenses: file.lenses,
        ..meta.clone()
    };
    Ok(Body { article, block_starts: file.block_starts })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_corpus::corpus_of;

    /// A corpus as the indexer writes it: its first file names one file per shard and body.
    fn written() -> Corpus {
        let mut corpus = corpus_of(&[("Troops", "en", &["Russian troops in Kursk."]), ("Avion", "fr", &["L'avion."])]);
        corpus.files.shards = (0..corpus.index.shard_count()).map(|i| format!("s{i}")).collect();
        corpus.files.bodies = vec![7, 8];
        corpus
    }

    #[test]
    fn imported_highlights_travel_in_the_body_file_only() {
        use crate::article::{ImportedHighlight, Text};
        let highlight = ImportedHighlight { quote: "troops".into(), note: Some("check".into()) };
        let article = Article {
            title: "Troops".into(),
            lang: "en".into(),
            file: "a.json".into(),
            blocks: vec![Block::Paragraph(Text::plain("Russian troops."))],
            imported: vec![highlight.clone()],
            ..Article::default()
        };
        let mut corpus = Corpus::assemble(vec![article]);
        corpus.files.bodies = vec![1];
        corpus.files.shards = (0..corpus.index.shard_count()).map(|i| format!("s{i}")).collect();
        assert!(corpus.articles[0].imported.is_empty(), "not in the metadata");
        let first = encode_first(&corpus);
        assert!(!first.windows(5).any(|w| w == b"check"));
        let decoded = decode_first(&first).unwrap();
        let body = decode_body(&encode_body(corpus.body(0).unwrap()), &decoded.articles[0]).unwrap();
        assert_eq!(body.article.imported, vec![highlight]);
    }

    #[test]
    fn every_file_round_trips() {
        let corpus = written();
        let decoded = decode_first(&encode_first(&corpus)).unwrap();
        assert_eq!(decoded.articles, corpus.articles);
        assert_eq!(decoded.files, corpus.files);
        assert!(decoded.body(0).is_none() && decoded.index.shard(0).is_none());
        for n in 0..corpus.articles.len() {
            let body = decode_body(&encode_body(corpus.body(n).unwrap()), &decoded.articles[n]).unwrap();
            assert!(decoded.install_body(n, body));
        }
        for s in 0..corpus.index.shard_count() {
            assert!(decoded.index.install(s, decode_shard(&encode_shard(corpus.index.shard(s).unwrap())).unwrap()));
        }
        assert_eq!(decoded, corpus);
    }

    #[test]
    fn rejects_foreign_old_truncated_and_mixed_up_files() {
        let corpus = written();
        assert!(decode_first(b"nope").unwrap_err().contains("not a Lectern corpus file"));
        let mut old = encode_first(&corpus);
        old[4] = 99;
        assert!(decode_first(&old).unwrap_err().contains("format 99"));
        let good = encode_first(&corpus);
        assert!(decode_first(&good[..good.len() - 1]).unwrap_err().contains("corrupt corpus file"));
        let mut unnamed = corpus.clone();
        unnamed.files.bodies.pop();
        assert!(decode_first(&encode_first(&unnamed)).unwrap_err().contains("disagree"));
        let shard = encode_shard(corpus.index.shard(0).unwrap());
        assert!(decode_body(&shard, &corpus.articles[0]).unwrap_err().contains("not a Lectern article file"));
        assert!(decode_shard(&shard[..shard.len() / 2]).unwrap_err().contains("corrupt index shard"));
    }
}
