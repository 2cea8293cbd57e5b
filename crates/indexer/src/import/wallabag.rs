//! A Wallabag JSON export (an array of entries) to one article per entry: `title`, `url`,
//! `published_by` (the byline), `published_at` (else `created_at`), `domain_name` (the
//! source), `language`, `tags`, the `content` HTML through [`html_blocks`], and the
//! `annotations` (`quote`, `text`) as the article's imported highlights.

use lectern_engine::article::ImportedHighlight;
use lectern_engine::diagnostic::Diagnostic;
use serde::Deserialize;
use serde_json::Value;

use super::{entry_of, html_blocks, Kind, Meta, Read};

#[derive(Deserialize, Default)]
#[serde(default)]
struct Entry {
    title: Option<String>,
    url: Option<String>,
    content: Option<String>,
    published_at: Option<String>,
    created_at: Option<String>,
    published_by: Option<Names>,
    domain_name: Option<String>,
    language: Option<String>,
    tags: Vec<Tag>,
    annotations: Vec<Annotation>,
}

/// Authors as a list of names, or as one.
#[derive(Deserialize)]
#[serde(untagged)]
enum Names {
    Many(Vec<String>),
    One(String),
}

/// A tag as a string, or as an object with a `label` (as Wallabag's API writes them).
#[derive(Deserialize)]
#[serde(untagged)]
enum Tag {
    Name(String),
    Labelled { label: String },
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Annotation {
    quote: String,
    text: Option<String>,
}

/// Reads the export's `entries` (the file is shown as `path`).
pub fn read(path: &str, entries: Vec<Value>) -> Read {
    let mut read = Read { kind: Kind::Wallabag, articles: Vec::new(), diagnostics: Vec::new() };
    for (i, value) in entries.into_iter().enumerate() {
        let at = format!("entry {}", i + 1);
        let entry: Entry = match entry_of(value) {
            Ok(entry) => entry,
            Err(e) => {
                read.diagnostics.push(Diagnostic::error(path, 0, format!("{at}: not a Wallabag entry: {e}")));
                continue;
            }
        };
        let mut meta = Meta::new(path, 0, at);
        meta.text("title", entry.title.as_deref());
        meta.text("url", entry.url.as_deref());
        let byline = entry.published_by.map(|names| match names {
            Names::Many(names) => names.join(", "),
            Names::One(name) => name,
        });
        meta.text("byline", byline.as_deref());
        meta.text("published", entry.published_at.as_deref().or(entry.created_at.as_deref()));
        meta.text("source", entry.domain_name.as_deref());
        meta.text("lang", entry.language.as_deref());
        let tags = entry.tags.into_iter().map(|t| match t {
            Tag::Name(name) | Tag::Labelled { label: name } => name,
        });
        meta.list("tags", tags.collect());
        let blocks = html_blocks::to_blocks(entry.content.as_deref().unwrap_or(""));
        let before = read.articles.len();
        meta.article(blocks, "its `content` is empty", &mut read);
        if let Some(article) = read.articles.get_mut(before) {
            article.imported = entry
                .annotations
                .into_iter()
                .filter(|a| !a.quote.trim().is_empty())
                .map(|a| ImportedHighlight {
                    quote: a.quote.trim().to_string(),
                    note: a.text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty()),
                })
                .collect();
        }
    }
    read
}
