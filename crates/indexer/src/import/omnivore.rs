//! An Omnivore export zip to one article per saved item. The zip holds `metadata_*.json`
//! files, each an array of items (`slug`, `title`, `author`, `url`, `publishedAt`, else
//! `savedAt`, `labels`); an item's content is `content/<slug>.html` (read through
//! [`html_blocks`]), and its highlights are `highlights/<slug>.md`, `> quote` lines each
//! followed by the reader's note, if any, which become the article's imported highlights.

use std::collections::HashMap;
use std::io::{Cursor, Read as _};

use lectern_engine::article::ImportedHighlight;
use lectern_engine::diagnostic::Diagnostic;
use serde::Deserialize;

use super::{entry_of, html_blocks, Kind, Meta, Read, MAX_EXPORT_BYTES, MAX_PAGE_BYTES};

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Item {
    slug: String,
    title: Option<String>,
    author: Option<String>,
    url: Option<String>,
    saved_at: Option<String>,
    published_at: Option<String>,
    labels: Vec<Label>,
}

/// A label as a string, or as an object with a `name`.
#[derive(Deserialize)]
#[serde(untagged)]
enum Label {
    Name(String),
    Named { name: String },
}

/// Reads the export zip in `bytes` (shown as `path`).
pub fn read(path: &str, bytes: &[u8]) -> Read {
    let mut read = Read { kind: Kind::Omnivore, articles: Vec::new(), diagnostics: Vec::new() };
    let files = match unzip(bytes) {
        Ok(files) => files,
        Err(problem) => {
            read.diagnostics.push(Diagnostic::error(path, 0, problem));
            return read;
        }
    };
    let mut listings: Vec<&String> = files.keys().filter(|name| is_listing(name)).collect();
    listings.sort();
    if listings.is_empty() {
        let problem =
            "not an Omnivore export: the zip holds no metadata_*.json (Lectern reads zips exported by Omnivore)";
        read.diagnostics.push(Diagnostic::error(path, 0, problem));
        return read;
    }
    let mut number = 0;
    for listing in listings {
        let items: Vec<serde_json::Value> = match serde_json::from_slice(&files[listing]) {
            Ok(items) => items,
            Err(e) => {
                let problem = format!("{listing}: not a list of Omnivore items: {e}");
                read.diagnostics.push(Diagnostic::error(path, 0, problem));
                continue;
            }
        };
        let folder = listing.rsplit_once('/').map_or(String::new(), |(folder, _)| format!("{folder}/"));
        for value in items {
            number += 1;
            item(path, number, &folder, value, &files, &mut read);
        }
    }
    read
}

fn item(
    path: &str,
    number: usize,
    folder: &str,
    value: serde_json::Value,
    files: &HashMap<String, Vec<u8>>,
    read: &mut Read,
) {
    let at = format!("entry {number}");
    let item: Item = match entry_of(value) {
        Ok(item) => item,
        Err(e) => return read.diagnostics.push(Diagnostic::error(path, 0, format!("{at}: not an Omnivore item: {e}"))),
    };
    let content_name = format!("{folder}content/{}.html", item.slug);
    let Some(content) = files.get(&content_name).filter(|_| !item.slug.is_empty()) else {
        let problem = format!("{at} (slug `{}`): {content_name} is missing from the export", item.slug);
        return read.diagnostics.push(Diagnostic::error(path, 0, problem));
    };
    let mut meta = Meta::new(path, 0, at);
    meta.text("title", item.title.as_deref());
    meta.text("byline", item.author.as_deref());
    meta.text("url", item.url.as_deref());
    meta.text("published", item.published_at.as_deref().or(item.saved_at.as_deref()));
    let labels = item.labels.into_iter().map(|l| match l {
        Label::Name(name) | Label::Named { name } => name,
    });
    meta.list("tags", labels.collect());
    let blocks = html_blocks::to_blocks(&String::from_utf8_lossy(content));
    let before = read.articles.len();
    meta.article(blocks, "its content file is empty", read);
    let highlights = files.get(&format!("{folder}highlights/{}.md", item.slug));
    if let (Some(article), Some(markdown)) = (read.articles.get_mut(before), highlights) {
        article.imported = highlights_of(&String::from_utf8_lossy(markdown));
    }
}

/// `metadata_0_to_49.json`, in the zip's root or a folder.
fn is_listing(name: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    file.starts_with("metadata_") && file.ends_with(".json")
}

/// Every file of the zip by name: each at most [`MAX_PAGE_BYTES`] unpacked, and all of
/// them at most [`MAX_EXPORT_BYTES`] (a zip bomb is refused, not unpacked).
fn unzip(bytes: &[u8]) -> Result<HashMap<String, Vec<u8>>, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("not a zip archive: {e}"))?;
    let mut files = HashMap::new();
    let mut total = 0;
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).map_err(|e| format!("a damaged zip: {e}"))?;
        if file.is_dir() {
            continue;
        }
        let name = file.name().to_string();
        let mut content = Vec::new();
        let unpacked = (&mut file).take(MAX_PAGE_BYTES + 1).read_to_end(&mut content);
        unpacked.map_err(|e| format!("{name}: cannot be unpacked: {e}"))?;
        total += content.len() as u64;
        if content.len() as u64 > MAX_PAGE_BYTES {
            return Err(format!(
                "{name} unpacks to more than {} MB, the most Lectern reads of one file",
                MAX_PAGE_BYTES / 1_000_000
            ));
        }
        if total > MAX_EXPORT_BYTES {
            return Err(format!(
                "the zip unpacks to more than {} MB, the most Lectern reads of an export",
                MAX_EXPORT_BYTES / 1_000_000
            ));
        }
        files.insert(name, content);
    }
    Ok(files)
}

/// The highlights of an Omnivore highlights file: each `> ` line (a quote's lines run on;
/// its `[⤴️](…)` link back is dropped), then the note on the lines after it.
fn highlights_of(markdown: &str) -> Vec<ImportedHighlight> {
    let mut out: Vec<ImportedHighlight> = Vec::new();
    let mut in_quote = false;
    for line in markdown.lines() {
        let line = line.trim();
        if let Some(quote) = line.strip_prefix('>') {
            let quote = quote.trim();
            let quote = quote.rfind(" [⤴️](").map_or(quote, |at| &quote[..at]).trim();
            match out.last_mut() {
                Some(last) if in_quote => {
                    last.quote.push(' ');
                    last.quote.push_str(quote);
                }
                _ => out.push(ImportedHighlight { quote: quote.to_string(), note: None }),
            }
            in_quote = true;
        } else if line.is_empty() || line.starts_with('#') {
            in_quote = false;
        } else if let Some(last) = out.last_mut() {
            in_quote = false;
            let note = last.note.get_or_insert_with(String::new);
            if !note.is_empty() {
                note.push('\n');
            }
            note.push_str(line);
        }
    }
    out.retain(|h| !h.quote.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_are_quotes_with_their_notes() {
        let md = "# Highlights\n\n> The first passage [⤴️](https://omnivore.app/me/a#1)\n\nMy note\n\n> Second\n> continued\n";
        assert_eq!(
            highlights_of(md),
            vec![
                ImportedHighlight { quote: "The first passage".into(), note: Some("My note".into()) },
                ImportedHighlight { quote: "Second continued".into(), note: None },
            ]
        );
    }
}
