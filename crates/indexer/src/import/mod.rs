//! Every kind of input file, by extension, to articles of the engine's model: plain text
//! and Markdown (the engine's `parse`), saved web pages ([`page`]), feeds ([`feed`]),
//! Wallabag exports ([`wallabag`]), Omnivore export zips ([`omnivore`]), Pocket exports
//! (links only, reported: [`pocket`]) and JSON Lines ([`jsonl`]). HTML of any of them
//! becomes blocks through the one converter, [`html_blocks`]; metadata goes through front
//! matter's checks ([`Meta`]); an article is made by `parse::article` whatever its source.

pub mod feed;
pub mod html_blocks;
pub mod jsonl;
pub mod omnivore;
pub mod page;
pub mod pocket;
pub mod wallabag;

use std::fs;
use std::path::Path;

use lectern_engine::article::{Article, Block};
use lectern_engine::diagnostic::Diagnostic;
use lectern_engine::front_matter::{self, FrontMatter, Value};
use lectern_engine::parse::{self, Format};

/// The largest saved page read, and the largest file inside an export zip: 20 MB, ten
/// times a long article's page. A bigger one is refused with a message rather than
/// risking the build's time (a 19.5 MB page of 140,000 paragraphs reads in 2.6 s with the
/// indexer's profile, but Readability's work grows with the page's structure, not only
/// its size).
pub const MAX_PAGE_BYTES: u64 = 20_000_000;

/// The largest feed, export or JSON Lines file read, and the most an export zip may unpack
/// to in all: 500 MB (their work grows with their entries; the bound is memory). Plain
/// text and Markdown have no limit.
pub const MAX_EXPORT_BYTES: u64 = 500_000_000;

/// The kinds of input file, as the build's summary counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Text,
    Markdown,
    Page,
    Feed,
    Wallabag,
    Omnivore,
    Pocket,
    JsonLines,
}

impl Kind {
    /// How the summary names `n` files of this kind.
    pub fn files(self, n: usize) -> String {
        let (one, many) = match self {
            Kind::Text => ("plain-text file", "plain-text files"),
            Kind::Markdown => ("Markdown file", "Markdown files"),
            Kind::Page => ("saved page", "saved pages"),
            Kind::Feed => ("feed", "feeds"),
            Kind::Wallabag => ("Wallabag export", "Wallabag exports"),
            Kind::Omnivore => ("Omnivore export", "Omnivore exports"),
            Kind::Pocket => ("Pocket export", "Pocket exports"),
            Kind::JsonLines => ("JSON Lines file", "JSON Lines files"),
        };
        format!("{n} {}", if n == 1 { one } else { many })
    }
}

/// What one input file gave: its articles, and its problems (any error fails the build).
pub struct Read {
    pub kind: Kind,
    pub articles: Vec<Article>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Read {
    fn failed(kind: Kind, problem: Diagnostic) -> Read {
        Read { kind, articles: Vec::new(), diagnostics: vec![problem] }
    }
}

/// Extensions of input files, for the message naming the others.
pub const EXTENSIONS: &str = ".md, .txt, .html, .htm, .xml, .rss, .atom, .json, .jsonl, .zip (Omnivore), .csv (Pocket)";

/// Whether `rel` is a page's sidecar of metadata (`page.html.yml`), read with its page.
pub fn is_sidecar(rel: &str) -> bool {
    let lower = rel.to_ascii_lowercase();
    [".html.yml", ".htm.yml", ".html.yaml", ".htm.yaml"].iter().any(|ext| lower.ends_with(ext))
}

/// Reads the input file at `path`, shown as `shown` in messages; `None` when it is no
/// input Lectern reads (by extension, or a `.csv` that is not a Pocket export).
pub fn read(shown: &str, path: &Path) -> Option<Read> {
    let ext = shown.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let kind = match ext.as_str() {
        "txt" | "text" => Kind::Text,
        "md" | "markdown" => Kind::Markdown,
        "html" | "htm" => Kind::Page,
        "xml" | "rss" | "atom" | "json" => Kind::Feed,
        "jsonl" | "ndjson" => Kind::JsonLines,
        "zip" => Kind::Omnivore,
        "csv" => Kind::Pocket,
        _ => return None,
    };
    let size = fs::metadata(path).map_or(0, |meta| meta.len());
    let limit = match kind {
        Kind::Text | Kind::Markdown => u64::MAX,
        Kind::Page => MAX_PAGE_BYTES,
        _ => MAX_EXPORT_BYTES,
    };
    if size > limit {
        return Some(Read::failed(kind, too_big(shown, size, kind, limit)));
    }
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => return Some(Read::failed(kind, Diagnostic::error(shown, 0, format!("cannot be read: {e}")))),
    };
    match kind {
        Kind::Text | Kind::Markdown => {
            let format = if kind == Kind::Text { Format::Text } else { Format::Markdown };
            return Some(match parse::parse(shown, format, &bytes) {
                Ok(parsed) => Read { kind, articles: vec![parsed.article], diagnostics: parsed.warnings },
                Err(problems) => Read { kind, articles: Vec::new(), diagnostics: problems },
            });
        }
        Kind::Omnivore => return Some(omnivore::read(shown, &bytes)),
        _ => {}
    }
    let text = match ext.as_str() {
        // XML declares its own encoding, which the feed reader follows.
        "xml" | "rss" | "atom" => return Some(feed::read(shown, &bytes)),
        "html" | "htm" => page::text_of(shown, &bytes),
        _ => parse::text_of(shown, &bytes),
    };
    let text = match text {
        Ok(text) => text,
        Err(problem) => return Some(Read::failed(kind, problem)),
    };
    Some(match ext.as_str() {
        "html" | "htm" if pocket::is_html_export(&text) => pocket::read_html(shown, &text),
        "html" | "htm" => page::read(shown, &text, &sidecar_of(path)),
        "json" => json(shown, &text),
        "jsonl" | "ndjson" => jsonl::read(shown, &text),
        // What is left is `.csv`.
        _ => return pocket::is_csv_export(&text).then(|| pocket::read_csv(shown, &text)),
    })
}

/// The sidecar of the page at `path` (`page.html.yml`), as (its file name, its text).
fn sidecar_of(path: &Path) -> Option<(String, Vec<u8>)> {
    ["yml", "yaml"].iter().find_map(|ext| {
        let mut name = path.as_os_str().to_owned();
        name.push(format!(".{ext}"));
        let bytes = fs::read(&name).ok()?;
        Some((Path::new(&name).file_name()?.to_string_lossy().into_owned(), bytes))
    })
}

/// A `.json` file: a JSON Feed, a Wallabag export, or an error saying it is neither.
fn json(shown: &str, text: &str) -> Read {
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => {
            return Read::failed(Kind::Feed, Diagnostic::error(shown, e.line(), format!("not valid JSON: {e}")));
        }
    };
    let version = value.get("version").and_then(|v| v.as_str()).unwrap_or("");
    if version.starts_with("https://jsonfeed.org/version/") {
        return feed::read(shown, text.as_bytes());
    }
    if let serde_json::Value::Array(entries) = value {
        return wallabag::read(shown, entries);
    }
    Read::failed(
        Kind::Feed,
        Diagnostic::error(
            shown,
            0,
            "neither a JSON Feed (an object with \"version\": \"https://jsonfeed.org/version/1.1\") nor a Wallabag export (an array of entries): Lectern reads no other .json",
        ),
    )
}

fn too_big(shown: &str, bytes: u64, kind: Kind, limit: u64) -> Diagnostic {
    let (what, advice) = match kind {
        Kind::Page => ("saved pages", "save the article alone"),
        _ => ("feeds, exports and JSON Lines files", "split it"),
    };
    let size = bytes as f64 / 1e6;
    Diagnostic::error(
        shown,
        0,
        format!("is {size:.1} MB: Lectern reads {what} of at most {} MB ({advice})", limit / 1_000_000),
    )
}

/// Metadata of an imported article from a source's own fields, each checked as front
/// matter checks it. A field that fails is left out with a warning naming the entry; the
/// article is still read.
pub struct Meta<'a> {
    path: &'a str,
    line: usize,
    /// Where in the file: `entry 3` (empty for a whole file).
    at: String,
    pub front: FrontMatter,
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Meta<'a> {
    pub fn new(path: &'a str, line: usize, at: impl Into<String>) -> Self {
        Meta { path, line, at: at.into(), front: FrontMatter::default(), diagnostics: Vec::new() }
    }

    /// `key` from a text field, when the source gives one.
    pub fn text(&mut self, key: &str, value: Option<&str>) {
        if let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) {
            self.set(key, Value::Text(value.to_string()));
        }
    }

    /// `key` from a list field, when the source gives one.
    pub fn list(&mut self, key: &str, values: Vec<String>) {
        if !values.is_empty() {
            self.set(key, Value::List(values));
        }
    }

    fn set(&mut self, key: &str, value: Value) {
        let mut problems = Vec::new();
        front_matter::assign(self.path, self.line, key, value, &mut self.front, &mut problems);
        let prefix = self.prefix();
        let (path, line) = (self.path, self.line);
        self.diagnostics.extend(
            problems.into_iter().map(|d| Diagnostic::warning(path, line, format!("{prefix}{}; left out", d.message))),
        );
    }

    fn prefix(&self) -> String {
        if self.at.is_empty() {
            String::new()
        } else {
            format!("{}: ", self.at)
        }
    }

    /// The article of these metadata and `blocks`, with the warnings met; when it has no
    /// text, a warning that it is skipped, saying `why`.
    pub fn article(self, blocks: Vec<Block>, why: &str, read: &mut Read) {
        let skipped = format!("{}no text ({why}); skipped", self.prefix());
        read.diagnostics.extend(self.diagnostics);
        match parse::article(self.path, self.front, blocks) {
            Some(article) => read.articles.push(article),
            None => read.diagnostics.push(Diagnostic::warning(self.path, self.line, skipped)),
        }
    }
}

/// An export's entry as `T`, or what is wrong with it, naming the field at fault.
pub fn entry_of<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, String> {
    let whole = match serde_json::from_value::<T>(value.clone()) {
        Ok(entry) => return Ok(entry),
        Err(e) => e.to_string(),
    };
    // serde_json names no field: find the one that fails alone.
    if let serde_json::Value::Object(fields) = value {
        for (key, field) in fields {
            let alone = serde_json::Value::Object([(key.clone(), field)].into_iter().collect());
            if let Err(e) = serde_json::from_value::<T>(alone) {
                return Err(format!("`{key}`: {e}"));
            }
        }
    }
    Err(whole)
}

/// The plain text of some HTML (a title written as HTML): its blocks' text, spaced.
pub fn text_of_html(html: &str) -> String {
    let blocks = html_blocks::to_blocks(html);
    blocks.iter().flat_map(Block::texts).map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ")
}
