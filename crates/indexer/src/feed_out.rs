//! Feeds of the corpus, written into the site beside `index.html` so that a feed reader
//! can follow it: `feed.json` (JSON Feed 1.1) and `feed.xml` (Atom 1.0), newest first.
//! Every article is an item, linking to its address in the app, `<base>#/a/<slug>` when
//! the site's absolute address is given (`LECTERN_BASE_URL`), else `./#/a/<slug>`, with its
//! metadata and its excerpt as text (never HTML). The bodies stay out: a feed of a corpus
//! of 10,000 articles stays a few megabytes, and the reader follows the link to read.

use std::fs;
use std::io;
use std::path::Path;

use lectern_engine::article::{Article, Published};
use lectern_engine::corpus::Corpus;
use serde_json::json;

use crate::markup::escape;

/// The environment variable naming the site's absolute address.
pub const BASE_URL_VAR: &str = "LECTERN_BASE_URL";
pub const JSON_FEED: &str = "feed.json";
pub const ATOM_FEED: &str = "feed.xml";
const TITLE: &str = "Lectern";

/// Writes both feeds of `corpus` into `site`.
pub fn write(corpus: &Corpus, site: &Path, base: Option<&str>) -> io::Result<()> {
    fs::write(site.join(JSON_FEED), json_feed(corpus, base))?;
    fs::write(site.join(ATOM_FEED), atom_feed(corpus, base))
}

/// One article of the feed: its metadata and its excerpt.
struct Item<'a> {
    article: &'a Article,
    address: String,
    excerpt: &'a str,
}

/// The articles newest first (undated last, in corpus order), with their addresses.
fn items<'a>(corpus: &'a Corpus, base: Option<&str>) -> Vec<Item<'a>> {
    let mut items: Vec<Item<'a>> = (0..corpus.articles.len())
        .map(|n| {
            let article = &corpus.articles[n];
            Item {
                article,
                address: format!("{}#/a/{}", home(base), article.slug),
                excerpt: corpus.body(n).map_or("", |b| b.article.excerpt.as_str()),
            }
        })
        .collect();
    items.sort_by(|a, b| {
        b.article
            .published
            .is_some()
            .cmp(&a.article.published.is_some())
            .then(b.article.published.cmp(&a.article.published))
    });
    items
}

/// The app's address: the base with a final `/`, else `./`.
fn home(base: Option<&str>) -> String {
    match base.map(str::trim).filter(|b| !b.is_empty()) {
        Some(base) if base.ends_with('/') => base.to_string(),
        Some(base) => format!("{base}/"),
        None => "./".to_string(),
    }
}

/// RFC 3339, as both feeds write dates (the offset is not kept: written as UTC).
fn timestamp(p: &Published) -> String {
    let (h, m, s) = p.time.unwrap_or((0, 0, 0));
    format!("{}T{h:02}:{m:02}:{s:02}Z", p.iso_date())
}

/// The JSON Feed 1.1 of the corpus.
pub fn json_feed(corpus: &Corpus, base: Option<&str>) -> String {
    let items: Vec<serde_json::Value> = items(corpus, base)
        .iter()
        .map(|item| {
            let a = item.article;
            let mut entry = json!({
                "id": item.address,
                "url": item.address,
                "title": a.title,
                "content_text": item.excerpt,
                "language": a.lang,
            });
            let fields = entry.as_object_mut().expect("an object");
            if let Some(url) = &a.url {
                fields.insert("external_url".into(), json!(url));
            }
            if let Some(p) = &a.published {
                fields.insert("date_published".into(), json!(timestamp(p)));
            }
            if let Some(byline) = &a.byline {
                fields.insert("authors".into(), json!([{ "name": byline }]));
            }
            if !a.tags.is_empty() {
                fields.insert("tags".into(), json!(a.tags));
            }
            entry
        })
        .collect();
    let mut feed = json!({ "version": "https://jsonfeed.org/version/1.1", "title": TITLE, "items": items });
    if base.is_some() {
        let fields = feed.as_object_mut().expect("an object");
        fields.insert("home_page_url".into(), json!(home(base)));
        fields.insert("feed_url".into(), json!(format!("{}{JSON_FEED}", home(base))));
    }
    serde_json::to_string_pretty(&feed).expect("JSON values always serialize")
}

/// The Atom feed of the corpus.
pub fn atom_feed(corpus: &Corpus, base: Option<&str>) -> String {
    let items = items(corpus, base);
    let newest =
        items.first().and_then(|i| i.article.published).map_or("1970-01-01T00:00:00Z".to_string(), |p| timestamp(&p));
    let home = home(base);
    // Without an absolute address, ids are URNs: Atom ids must be absolute IRIs.
    let feed_id = if base.is_some() { home.clone() } else { "urn:lectern:corpus".to_string() };
    let id = |item: &Item<'_>| match base {
        Some(_) => item.address.clone(),
        None => format!("urn:lectern:article:{}", item.article.slug),
    };
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    out += &format!("  <title>{TITLE}</title>\n  <id>{}</id>\n  <updated>{newest}</updated>\n", escape(&feed_id));
    out +=
        &format!("  <author><name>{TITLE}</name></author>\n  <link rel=\"alternate\" href=\"{}\"/>\n", escape(&home));
    if base.is_some() {
        out += &format!("  <link rel=\"self\" href=\"{}\"/>\n", escape(&format!("{home}{ATOM_FEED}")));
    }
    for item in &items {
        let a = item.article;
        let updated = a.published.map_or(newest.clone(), |p| timestamp(&p));
        out += &format!("  <entry xml:lang=\"{}\">\n", escape(&a.lang));
        out += &format!("    <title>{}</title>\n    <id>{}</id>\n", escape(&a.title), escape(&id(item)));
        out += &format!(
            "    <link rel=\"alternate\" href=\"{}\"/>\n    <updated>{updated}</updated>\n",
            escape(&item.address)
        );
        if let Some(p) = &a.published {
            out += &format!("    <published>{}</published>\n", timestamp(p));
        }
        if let Some(byline) = &a.byline {
            out += &format!("    <author><name>{}</name></author>\n", escape(byline));
        }
        if let Some(url) = &a.url {
            out += &format!("    <link rel=\"related\" href=\"{}\"/>\n", escape(url));
        }
        for tag in &a.tags {
            out += &format!("    <category term=\"{}\"/>\n", escape(tag));
        }
        out += &format!("    <summary type=\"text\">{}</summary>\n  </entry>\n", escape(item.excerpt));
    }
    out + "</feed>\n"
}

#[cfg(test)]
mod tests {
    use lectern_engine::article::{Block, Text};

    use super::*;

    const HOSTILE: &str = "<script>alert(\"x\")</script> & ]]> 'quotes' \u{1}\u{7f} émoji 🦀 \u{202e}";

    fn corpus() -> Corpus {
        let article = |file: &str, title: &str, published: Option<Published>| Article {
            title: title.into(),
            byline: Some(format!("{title} author")),
            file: file.into(),
            lang: "en".into(),
            published,
            url: Some("https://example.com/a?b=1&c=<2>".into()),
            tags: vec!["<tag>".into()],
            blocks: vec![Block::Paragraph(Text::plain(format!("Body of {title}.")))],
            excerpt: format!("Excerpt of {title}"),
            ..Article::default()
        };
        let day = |day| Some(Published { year: 2025, month: 4, day, time: None });
        Corpus::assemble(vec![
            article("a.md", "Older", day(1)),
            article("b.md", HOSTILE, day(2)),
            article("c.md", "Undated", None),
        ])
    }

    /// `HOSTILE` as XML 1.0 can carry it: without its control characters.
    fn hostile_as_xml() -> String {
        HOSTILE.chars().filter(|c| !c.is_control() || *c == '\u{7f}').collect()
    }

    #[test]
    fn the_atom_feed_parses_back_with_hostile_titles_whole() {
        let atom = atom_feed(&corpus(), Some("https://reader.example/lectern"));
        let feed = feed_rs::parser::parse(atom.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{atom}"));
        let titles: Vec<String> = feed.entries.iter().map(|e| e.title.as_ref().unwrap().content.clone()).collect();
        assert_eq!(titles, [hostile_as_xml(), "Older".to_string(), "Undated".to_string()], "newest first");
        let hostile = &feed.entries[0];
        assert_eq!(hostile.links[0].href, format!("https://reader.example/lectern/#/a/{}", corpus().articles[1].slug));
        assert_eq!(hostile.links[1].href, "https://example.com/a?b=1&c=%3C2%3E", "as feed-rs normalizes it");
        assert_eq!(hostile.categories[0].term, "<tag>");
        assert_eq!(hostile.summary.as_ref().unwrap().content, format!("Excerpt of {}", hostile_as_xml()));
        assert_eq!(hostile.published.unwrap().to_rfc3339(), "2025-04-02T00:00:00+00:00");
        assert!(!atom.contains("<script>"));
    }

    #[test]
    fn the_json_feed_parses_back_with_relative_links_without_a_base() {
        let json = json_feed(&corpus(), None);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["version"], "https://jsonfeed.org/version/1.1");
        assert_eq!(value["items"][0]["title"], HOSTILE);
        assert_eq!(value["items"][0]["url"], format!("./#/a/{}", corpus().articles[1].slug));
        assert_eq!(value["items"][0]["content_text"], format!("Excerpt of {HOSTILE}"));
        assert_eq!(value["items"][2]["title"], "Undated");
        assert!(value.get("feed_url").is_none());
        let feed = feed_rs::parser::parse(json.as_bytes()).unwrap();
        assert_eq!(feed.entries.len(), 3);
        let with_base = json_feed(&corpus(), Some("https://reader.example/"));
        let value: serde_json::Value = serde_json::from_str(&with_base).unwrap();
        assert_eq!(value["feed_url"], "https://reader.example/feed.json");
        assert!(value["items"][1]["url"].as_str().unwrap().starts_with("https://reader.example/#/a/older"));
    }
}
