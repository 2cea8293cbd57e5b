//! Small corpora for the engine's tests: articles given as title, language and body
//! paragraphs, numbered as given (files `0.md`, `1.md`, …, so corpus order is the order
//! given for up to ten articles).

use super::article::{Article, Block, Text};
use super::corpus::Corpus;

/// A corpus of `(title, lang, paragraphs)` articles.
pub fn corpus_of(articles: &[(&str, &str, &[&str])]) -> Corpus {
    Corpus::assemble(
        articles
            .iter()
            .enumerate()
            .map(|(i, (title, lang, paragraphs))| Article {
                title: title.to_string(),
                lang: lang.to_string(),
                blocks: paragraphs.iter().map(|p| Block::Paragraph(Text::plain(*p))).collect(),
                file: format!("{i}.md"),
                ..Article::default()
            })
            .collect(),
    )
}
