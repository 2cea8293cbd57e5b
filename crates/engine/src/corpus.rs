//! The corpus as the app holds it: every article's metadata (always there), the search
//! index over them, and the articles' bodies, each installed once it has arrived (all of
//! them when the corpus is assembled natively). Articles have a unique slug.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::article::Article;
use super::index::{Index, CHUNK_BYTES, SHARD_TERMS};
use super::lens::Lenses;
use super::tokenize;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    /// Articles in corpus-file order, without their blocks, excerpt and imported highlights:
    /// those come with the body, from [`Corpus::body`].
    pub articles: Vec<Article>,
    /// Search index; its article numbers are positions in `articles`.
    pub index: Index,
    /// The files the site carries the shards and bodies in (empty until the site is written).
    pub files: Files,
    /// Per article, its body once installed.
    #[serde(skip)]
    bodies: Vec<OnceLock<Body>>,
}

/// The files holding the index shards and the article bodies, relative to the first file.
/// Their names change when their content does, so a host may cache them forever.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Files {
    /// Per shard, its file's name.
    pub shards: Vec<String>,
    /// Per article, a hash of its body file's content, which names the file (with the
    /// article's number): [`Files::body`]. Four bytes an article, not a name.
    pub bodies: Vec<u32>,
}

impl Files {
    /// The name of article `n`'s body file.
    pub fn body(&self, n: usize) -> Option<String> {
        self.bodies.get(n).map(|hash| body_file(n, *hash))
    }
}

/// The name of the body file of article `n` whose content hashes to `hash`.
pub fn body_file(n: usize, hash: u32) -> String {
    format!("article-{n}-{hash:08x}.bin")
}

/// One article whole, and the body position where each of its text blocks starts (as the
/// index counts positions), so a matched position tells its block.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Body {
    pub article: Article,
    pub block_starts: Vec<u32>,
}

impl Body {
    /// The text block (its index in `Article::texts()`) holding body position `position`.
    pub fn block_at(&self, position: u32) -> usize {
        self.block_starts.partition_point(|&start| start <= position).saturating_sub(1)
    }
}

/// Longest slug, in bytes, before the uniqueness suffix.
const SLUG_MAX: usize = 80;

impl Corpus {
    /// Builds the corpus from parsed articles, ordering them by file and giving each a
    /// unique slug derived from its title (else its file name), and indexes them. Every
    /// body and every shard is installed.
    pub fn assemble(articles: Vec<Article>) -> Corpus {
        Corpus::assemble_sharded(articles, SHARD_TERMS, CHUNK_BYTES)
    }

    /// [`Corpus::assemble`] with the index's shards cut as [`Index::build_sharded`] does.
    pub(crate) fn assemble_sharded(mut articles: Vec<Article>, shard_terms: usize, chunk_bytes: usize) -> Corpus {
        articles.sort_by(|a, b| a.file.cmp(&b.file));
        assign_slugs(&mut articles);
        let (index, block_starts) = Index::build_sharded(&articles, shard_terms, chunk_bytes);
        let bodies = articles
            .iter_mut()
            .zip(block_starts)
            .map(|(article, block_starts)| {
                let whole = article.clone();
                article.blocks = Vec::new();
                article.excerpt = String::new();
                article.imported = Vec::new();
                article.lenses = Lenses::default();
                OnceLock::from(Body { article: whole, block_starts })
            })
            .collect();
        Corpus { articles, index, files: Files::default(), bodies }
    }

    /// Readies a decoded corpus to receive its bodies and shards (none is installed), and
    /// gives its articles their slugs (the first file does not carry them: they follow
    /// from the titles and files).
    pub fn expect_parts(&mut self) {
        assign_slugs(&mut self.articles);
        self.index.expect_shards();
        self.bodies = (0..self.articles.len()).map(|_| OnceLock::new()).collect();
    }

    /// Article `n` whole, when its body is installed.
    pub fn body(&self, n: usize) -> Option<&Body> {
        self.bodies.get(n).and_then(OnceLock::get)
    }

    /// Installs an arrived body; false when there is no such article or it has one.
    pub fn install_body(&self, n: usize, body: Body) -> bool {
        self.bodies.get(n).is_some_and(|slot| slot.set(body).is_ok())
    }

    pub fn by_slug(&self, slug: &str) -> Option<&Article> {
        self.number(slug).map(|i| &self.articles[i])
    }

    /// The article's number (its position in `articles` and in the index).
    pub fn number(&self, slug: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.slug == slug)
    }
}

/// Gives each article (in corpus order) a unique slug derived from its title, else its
/// file name, else `article`; a repeated one gets `-2`, `-3`, ….
fn assign_slugs(articles: &mut [Article]) {
    let mut taken = std::collections::HashSet::new();
    for article in articles {
        let stem = article.file.rsplit('/').next().unwrap_or("").rsplit_once('.').map_or("", |(s, _)| s);
        let base = [slugify(&article.title), slugify(stem)]
            .into_iter()
            .find(|s| !s.is_empty())
            .unwrap_or_else(|| "article".to_string());
        let mut slug = base.clone();
        let mut n = 2;
        while !taken.insert(slug.clone()) {
            slug = format!("{base}-{n}");
            n += 1;
        }
        article.slug = slug;
    }
}

/// Lowercase ASCII words joined by `-`, from the tokenizer's folded terms. Words in scripts
/// without an ASCII form are left out; the result may be empty.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for token in tokenize::words(text) {
        let word: String = token.term.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
        if word.is_empty() {
            continue;
        }
        if slug.len() + word.len() + 1 > SLUG_MAX && !slug.is_empty() {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word);
    }
    slug.truncate(SLUG_MAX);
    slug
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Block, Text};
    use crate::index::BLOCK_GAP;

    fn article(file: &str, title: &str) -> Article {
        Article { title: title.into(), lang: "en".into(), reading_minutes: 1, file: file.into(), ..Article::default() }
    }

    #[test]
    fn slugs_come_from_titles_and_are_unique() {
        let corpus = Corpus::assemble(vec![
            article("c.md", "Same Title"),
            article("a.md", "Russia’s “Kursk” move — Zelenskyy, Kyïv"),
            article("b.md", "Same Title"),
            article("日本.md", "日本語のタイトル"),
            article("d-file.md", "日本語"),
        ]);
        let slugs: Vec<&str> = corpus.articles.iter().map(|a| a.slug.as_str()).collect();
        assert_eq!(slugs, ["russias-kursk-move-zelenskyy-kyiv", "same-title", "same-title-2", "d-file", "article"]);
        assert!(corpus.by_slug("same-title-2").is_some_and(|a| a.file == "c.md"));
    }

    #[test]
    fn bodies_are_kept_apart_from_the_metadata() {
        let mut whole = article("a.md", "Troops");
        whole.blocks = vec![Block::Paragraph(Text::plain("Russian troops.")), Block::Paragraph(Text::plain("Kursk."))];
        let corpus = Corpus::assemble(vec![whole]);
        assert!(corpus.articles[0].blocks.is_empty());
        let body = corpus.body(0).unwrap();
        assert_eq!((body.article.slug.as_str(), body.article.blocks.len()), ("troops", 2));
        assert_eq!((body.block_at(0), body.block_at(2), body.block_at(2 + BLOCK_GAP)), (0, 0, 1));
        let mut decoded = corpus.clone();
        decoded.expect_parts();
        assert!(decoded.body(0).is_none() && decoded.body(1).is_none());
        assert!(decoded.install_body(0, body.clone()));
        assert!(!decoded.install_body(0, body.clone()) && !decoded.install_body(1, body.clone()));
        assert_eq!(decoded.body(0), Some(body));
    }

    #[test]
    fn slugs_are_bounded() {
        let long = "word ".repeat(100);
        assert!(slugify(&long).len() <= SLUG_MAX);
        assert!(!slugify(&long).ends_with('-'));
    }
}
