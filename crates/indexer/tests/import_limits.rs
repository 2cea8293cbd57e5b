//! Bad, huge and hostile inputs: each is read in reasonable time with a clear outcome — a
//! diagnostic naming the file and what is wrong, or articles holding only safe text.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lectern_engine::article::{is_safe_href, Block, Inline};
use lectern_index::import::{self, feed, html_blocks, page};

fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/test-imports"));
    fs::create_dir_all(dir).unwrap();
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

fn messages(read: &import::Read) -> Vec<String> {
    read.diagnostics.iter().map(|d| d.to_string()).collect()
}

#[test]
fn a_malformed_feed_is_an_error() {
    let read = feed::read(
        "broken.xml",
        b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>A</item></channel>",
    );
    let got = messages(&read);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("broken.xml: not a feed Lectern can read (RSS, Atom or JSON Feed): "), "{}", got[0]);
    assert!(read.diagnostics[0].is_error() && read.articles.is_empty());
    let not_a_feed = feed::read("page.xml", b"<html><body>hello</body></html>");
    assert!(not_a_feed.diagnostics[0].is_error(), "{:?}", messages(&not_a_feed));
}

#[test]
fn a_page_without_an_article_is_an_error() {
    for html in [
        "<html><head><title>Nothing</title></head><body><nav><a href=\"/\">Home</a></nav></body></html>",
        "<html><body><script>x()</script></body></html>",
    ] {
        let read = page::read("empty.html", html, &None);
        let got = messages(&read);
        assert!(read.articles.is_empty());
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].starts_with("empty.html: no article found in the page"), "{}", got[0]);
        assert!(read.diagnostics[0].is_error());
    }
}

#[test]
fn a_fifty_megabyte_page_is_refused_with_its_size() {
    let paragraph =
        "<p>Zelenskyy and Trump met in Rome ahead of the funeral, a meeting both sides called productive.</p>\n";
    let mut html = String::from("<html><body><article>");
    while html.len() < 50_000_000 {
        html.push_str(paragraph);
    }
    let path = scratch("huge.html", html.as_bytes());
    let started = Instant::now();
    let read = import::read("huge.html", &path).unwrap();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(
        messages(&read),
        ["huge.html: is 50.0 MB: Lectern reads saved pages of at most 20 MB (save the article alone)"]
    );
    fs::remove_file(path).unwrap();
}

#[test]
fn a_page_nested_too_deep_is_refused_and_a_deep_one_read() {
    let nested = |depth: usize| {
        let text = "A paragraph of the article, long enough to be read as one. ".repeat(5);
        format!(
            "<html><body><article><p>{text}</p>{}<p>{text}</p>{}</article></body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        )
    };
    let read = page::read("deep.html", &nested(3_000), &None);
    assert_eq!(
        messages(&read),
        ["deep.html: its elements are nested 3004 deep: Lectern reads pages nested at most 1000 deep"]
    );
    let read = page::read("deep.html", &nested(990), &None);
    assert_eq!((messages(&read), read.articles.len()), (Vec::<String>::new(), 1));
}

#[test]
fn a_feed_of_twenty_thousand_entries_is_read_whole() {
    let mut xml = String::from("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>");
    for i in 0..20_000 {
        xml.push_str(&format!(
            "<item><title>Story {i}</title><link>https://wire.example/{i}</link><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate><description>&lt;p&gt;Paragraph of story {i}.&lt;/p&gt;</description></item>"
        ));
    }
    xml.push_str("</channel></rss>");
    let started = Instant::now();
    let read = feed::read("wire.xml", xml.as_bytes());
    assert!(started.elapsed() < Duration::from_secs(120), "{:?}", started.elapsed());
    println!("20,000 entries read in {:.2} s", started.elapsed().as_secs_f64());
    assert_eq!(messages(&read), Vec::<String>::new());
    assert_eq!(read.articles.len(), 20_000);
    assert_eq!(read.articles[19_999].title, "Story 19999");
    assert_eq!(read.articles[19_999].texts()[0].text, "Paragraph of story 19999.");
}

#[test]
fn an_entity_bomb_does_not_explode() {
    let mut dtd = String::from("<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
    for level in 1..=9 {
        let previous = if level == 1 { "lol".to_string() } else { format!("lol{}", level - 1) };
        dtd.push_str(&format!("<!ENTITY lol{level} \"{}\">\n", format!("&{previous};").repeat(10)));
    }
    dtd.push_str("]>\n");
    let xml = format!("<?xml version=\"1.0\"?>\n{dtd}<rss version=\"2.0\"><channel><title>&lol9;</title><item><title>Bomb</title><description>&lol9;</description></item></channel></rss>");
    let started = Instant::now();
    let read = feed::read("bomb.xml", xml.as_bytes());
    assert!(started.elapsed() < Duration::from_secs(5));
    // Read without expanding the entities (left as written): never a billion laughs.
    assert_eq!(messages(&read), Vec::<String>::new());
    let texts: Vec<&str> = read.articles.iter().flat_map(|a| a.texts()).map(|t| t.text.as_str()).collect();
    assert_eq!(texts, ["&lol9;"]);
}

/// The text and link targets of `blocks`.
fn walk(blocks: &[Block], texts: &mut Vec<String>, hrefs: &mut Vec<String>) {
    fn links(inlines: &[Inline], hrefs: &mut Vec<String>) {
        for inline in inlines {
            match inline {
                Inline::Link { href, children } => {
                    hrefs.push(href.clone());
                    links(children, hrefs);
                }
                Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strikethrough(c) => links(c, hrefs),
                _ => {}
            }
        }
    }
    for block in blocks {
        for text in block.texts() {
            texts.push(text.text.clone());
            links(&text.inlines, hrefs);
        }
    }
}

/// `markdown` with each `[text](target)` also written as `<a href="target">text</a>`, so
/// that every hostile link target of the fixtures reaches the HTML reader as a link.
fn with_anchors(markdown: &str) -> String {
    let mut out = String::from(markdown);
    let mut rest = markdown;
    while let Some(at) = rest.find("](") {
        let text = rest[..at].rsplit('[').next().unwrap_or("");
        let target = rest[at + 2..].split(')').next().unwrap_or("");
        out.push_str(&format!("\n<p><a href=\"{}\">{text}</a></p>", target.replace('"', "&quot;")));
        rest = &rest[at + 2..];
    }
    out
}

#[test]
fn every_hostile_payload_becomes_safe_text() {
    let hostile = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/hostile"));
    let mut names: Vec<_> = fs::read_dir(hostile).unwrap().flatten().map(|e| e.path()).collect();
    names.sort();
    let (mut texts, mut hrefs) = (Vec::new(), Vec::new());
    for path in names {
        let html = with_anchors(&fs::read_to_string(path).unwrap());
        // The payloads read as HTML: converted directly (as feeds and exports are), and as a
        // saved page (extracted first).
        walk(&html_blocks::to_blocks(&html), &mut texts, &mut hrefs);
        let page = page::read("hostile.html", &format!("<html><body><article>{html}</article></body></html>"), &None);
        for article in &page.articles {
            walk(&article.blocks, &mut texts, &mut hrefs);
        }
    }
    assert!(texts.len() > 10, "{texts:?}");
    let all = texts.join("\n").to_ascii_lowercase();
    for script_body in ["__xss(110)", "__xss(111)", "__xss(112)", "__xss(114)", "__xss(116)", "__xss(117)"] {
        assert!(!all.contains(script_body), "the content of a script element reached the text: {script_body}");
    }
    assert!(!hrefs.is_empty() && hrefs.iter().all(|h| is_safe_href(h)), "{hrefs:?}");
}
