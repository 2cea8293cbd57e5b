//! The whole corpus as the app receives it: every article, with a unique slug, and the
//! search index built over them.

use serde::{Deserialize, Serialize};

use super::article::Article;
use super::index::Index;
use super::tokenize;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    /// Articles in corpus-file order.
    pub articles: Vec<Article>,
    /// Search index; its article numbers are positions in `articles`.
    pub index: Index,
}

/// Longest slug, in bytes, before the uniqueness suffix.
const SLUG_MAX: usize = 80;

impl Corpus {
    /// Builds the corpus from parsed articles, ordering them by file and giving each a
    /// unique slug derived from its title (else its file name), and indexes them.
    pub fn assemble(mut articles: Vec<Article>) -> Corpus {
        articles.sort_by(|a, b| a.file.cmp(&b.file));
        let mut taken = std::collections::HashSet::new();
        for article in &mut articles {
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
        let index = Index::build(&articles);
        Corpus { articles, index }
    }

    pub fn by_slug(&self, slug: &str) -> Option<&Article> {
        self.number(slug).map(|i| &self.articles[i])
    }

    /// The article's number (its position in `articles` and in the index).
    pub fn number(&self, slug: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.slug == slug)
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
    fn slugs_are_bounded() {
        let long = "word ".repeat(100);
        assert!(slugify(&long).len() <= SLUG_MAX);
        assert!(!slugify(&long).ends_with('-'));
    }
}
