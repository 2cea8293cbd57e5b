//! A feed (RSS 0.x/1.0/2.0, Atom, JSON Feed; read by `feed-rs`) to one article per entry:
//! title, authors (the byline), date (the engine's one date reader, through feed-rs's
//! timestamp hook), link (the article's address), categories (its tags), the feed's title
//! (its source) and language; the content, else the summary, becomes blocks through
//! [`html_blocks`] with no extraction. An entry without text is skipped with a warning
//! naming its number.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, NaiveDate, Utc};
use feed_rs::model::{Entry, Feed, Text};
use lectern_engine::article::Block;
use lectern_engine::date;
use lectern_engine::diagnostic::Diagnostic;
use lectern_engine::parse;

use super::{html_blocks, text_of_html, Kind, Meta, Read};

/// Reads the feed in `bytes` (shown as `path`).
pub fn read(path: &str, bytes: &[u8]) -> Read {
    let mut read = Read { kind: Kind::Feed, articles: Vec::new(), diagnostics: Vec::new() };
    let unread_dates: Arc<Mutex<Vec<String>>> = Arc::default();
    let seen = Arc::clone(&unread_dates);
    let parser = feed_rs::parser::Builder::new()
        .sanitize_content(false)
        .timestamp_parser(move |written| match date::parse_published(written) {
            Ok(published) => as_timestamp(published),
            Err(problem) => {
                seen.lock().expect("the feed parser does not panic holding it").push(problem);
                None
            }
        })
        .build();
    let feed = match parser.parse(bytes) {
        Ok(feed) => feed,
        Err(e) => {
            read.diagnostics.push(Diagnostic::error(
                path,
                0,
                format!("not a feed Lectern can read (RSS, Atom or JSON Feed): {e}"),
            ));
            return read;
        }
    };
    for problem in unread_dates.lock().expect("the parser is done").iter() {
        read.diagnostics.push(Diagnostic::warning(path, 0, format!("a date is left out: {problem}")));
    }
    let source = feed.title.as_ref().map(title_text);
    for (i, entry) in feed.entries.iter().enumerate() {
        let mut meta = Meta::new(path, 0, format!("entry {}", i + 1));
        entry_meta(&mut meta, &feed, entry, source.as_deref());
        meta.article(entry_blocks(entry), "neither content nor summary", &mut read);
    }
    read
}

fn entry_meta(meta: &mut Meta<'_>, feed: &Feed, entry: &Entry, source: Option<&str>) {
    meta.text("title", entry.title.as_ref().map(title_text).as_deref());
    let authors: Vec<&str> = entry.authors.iter().filter_map(|a| a.name.as_deref()).collect();
    meta.text("byline", Some(authors.join(", ").as_str()));
    meta.text("source", source);
    meta.front.published = entry.published.or(entry.updated).map(published_of);
    let link = entry.links.iter().find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"));
    meta.text("url", link.map(|l| l.href.as_str()));
    let tags = entry.categories.iter().map(|c| c.label.clone().unwrap_or_else(|| c.term.clone()));
    meta.list("tags", tags.filter(|t| !t.trim().is_empty()).collect());
    meta.text("lang", entry.language.as_deref().or(feed.language.as_deref()));
}

/// The entry's content, else its summary, as blocks.
fn entry_blocks(entry: &Entry) -> Vec<Block> {
    let content = entry.content.as_ref().and_then(|c| {
        let body = c.body.as_deref().filter(|b| !b.trim().is_empty())?;
        Some(if c.content_type.as_str().starts_with("text/plain") {
            parse::plain_blocks(body)
        } else {
            html_blocks::to_blocks(body)
        })
    });
    match content.filter(|blocks| !blocks.is_empty()) {
        Some(blocks) => blocks,
        None => entry.summary.as_ref().map(text_blocks).unwrap_or_default(),
    }
}

fn text_blocks(text: &Text) -> Vec<Block> {
    if is_plain(text) {
        parse::plain_blocks(&text.content)
    } else {
        html_blocks::to_blocks(&text.content)
    }
}

/// A title as text, whether the feed wrote it as text or as HTML.
fn title_text(text: &Text) -> String {
    if is_plain(text) {
        text.content.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        text_of_html(&text.content)
    }
}

fn is_plain(text: &Text) -> bool {
    text.content_type.as_str().starts_with("text/plain")
}

/// The written date and time as a timestamp (the offset already dropped by the reader).
fn as_timestamp(published: lectern_engine::article::Published) -> Option<DateTime<Utc>> {
    let (h, m, s) = published.time.unwrap_or((0, 0, 0));
    let day = NaiveDate::from_ymd_opt(published.year.into(), published.month.into(), published.day.into())?;
    Some(day.and_hms_opt(h.into(), m.into(), u32::from(s.min(59)))?.and_utc())
}

/// The timestamp back as the date written; midnight reads as a date without a time (the
/// timestamp cannot tell `2024-02-20` from `2024-02-20T00:00:00`).
fn published_of(at: DateTime<Utc>) -> lectern_engine::article::Published {
    use chrono::{Datelike, Timelike};
    let time = (at.hour(), at.minute(), at.second());
    lectern_engine::article::Published {
        year: at.year().clamp(0, 9999) as u16,
        month: at.month() as u8,
        day: at.day() as u8,
        time: (time != (0, 0, 0)).then_some((time.0 as u8, time.1 as u8, time.2 as u8)),
    }
}
