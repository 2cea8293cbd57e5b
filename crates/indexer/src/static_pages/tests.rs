//! The static pages: escaping, hostile input, heading levels, paging, the sitemap and the
//! library's first view in `index.html`.

use std::path::PathBuf;

use lectern_engine::article::{Article, Block, Inline, Published, Text};
use lectern_engine::test_inputs::hostile;
use proptest::prelude::*;

use super::*;

fn article(file: &str, title: &str, day: u8) -> Article {
    Article {
        title: title.into(),
        file: file.into(),
        lang: "en".into(),
        published: Some(Published { year: 2024, month: 1, day, time: None }),
        excerpt: format!("The excerpt of {title}."),
        blocks: vec![Block::Paragraph(Text::plain(format!("The body of {title}.")))],
        ..Article::default()
    }
}

fn site(name: &str) -> PathBuf {
    let site = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/test-sites/static")).join(name);
    let _ = fs::remove_dir_all(&site);
    fs::create_dir_all(&site).unwrap();
    fs::write(
        site.join("index.html"),
        "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"/lectern/lectern-1a2b.css\" integrity=\"sha384-x\"/>\
         <link rel=\"icon\" href=\"https://cdn.example/i.png\"></head>\n<body>\n</body></html>",
    )
    .unwrap();
    site
}

fn read(site: &Path, path: &str) -> String {
    fs::read_to_string(site.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every tag in `html` is one these pages write, with no event handler and no link but
/// http, https and mailto (and the site's own relative ones).
fn only_our_tags(html: &str) -> std::result::Result<(), String> {
    const TAGS: &[&str] = &[
        "!DOCTYPE",
        "html",
        "head",
        "meta",
        "title",
        "link",
        "body",
        "a",
        "span",
        "header",
        "main",
        "article",
        "nav",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "p",
        "time",
        "ul",
        "ol",
        "li",
        "div",
        "pre",
        "code",
        "blockquote",
        "hr",
        "em",
        "strong",
        "s",
        "br",
        "section",
        "svg",
        "circle",
        "path",
        "input",
        "button",
        "label",
        "select",
        "option",
        "fieldset",
        "legend",
        "aside",
        "figure",
        "figcaption",
        "noscript",
        "!--",
    ];
    for (at, _) in html.match_indices('<') {
        let tag = &html[at + 1..at + html[at..].find('>').ok_or("an unclosed tag")?];
        let name = tag.trim_start_matches('/').split([' ', '\n']).next().unwrap_or("").trim_end_matches('/');
        if !TAGS.contains(&name) {
            return Err(format!("an unexpected tag <{tag}>"));
        }
        // Outside its quoted values (which cannot hold a `"`), a tag has no handler.
        let bare: String = tag.split('"').step_by(2).collect::<Vec<_>>().join("\"\"").to_ascii_lowercase();
        if bare.contains("javascript:") || bare.contains(" on") || bare.contains('<') || bare.contains('\'') {
            return Err(format!("a dangerous tag <{tag}>"));
        }
        if let Some(start) = tag.find("href=\"") {
            let href = &tag[start + 6..];
            let href = &href[..href.find('"').unwrap_or(href.len())];
            let own = !href.contains(':');
            if !own && !is_safe_href(href) {
                return Err(format!("an unsafe link <{tag}>"));
            }
        }
    }
    Ok(())
}

#[test]
fn the_hostile_fixtures_are_written_inert() {
    let folder = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/hostile"));
    let corpus = crate::corpus_folder::load(folder, "hostile").corpus.expect("the hostile fixtures load");
    let site = site("hostile");
    write(&corpus, &site, &Options::new(Some("https://example.org/a\"b/"), "/lectern/")).unwrap();
    let mut pages = 0;
    for folder in [site.join(FOLDER), site.join(FOLDER).join(name_pages::NAMES)] {
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                let html = fs::read_to_string(&path).unwrap();
                only_our_tags(&html).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                pages += 1;
            }
        }
    }
    assert!(pages > corpus.articles.len(), "the article pages, the list and the name pages");
    only_our_tags(&read(&site, "index.html")).unwrap();
}

#[test]
fn every_name_has_a_static_page_linked_from_its_articles() {
    use lectern_engine::parse::{parse, Format};
    let dated = |date: &str, body: &str| {
        let text = format!("---\ntitle: Day {date}\ndate: {date}\n---\n{body} The rest of the plan was on the table, and all of them agreed with it in the end.\n");
        parse(&format!("{date}.txt"), Format::Text, text.as_bytes()).expect("parses").article
    };
    let corpus = Corpus::assemble(vec![
        dated("2020-01-01", "President Vladimir Putin met officials in Moscow."),
        dated(
            "2024-05-01",
            "“We will <b>win</b>,” President Vladimir Putin said in Moscow with Valery Gerasimov, the chief of staff.",
        ),
    ]);
    let site = site("names");
    write(&corpus, &site, &Options::new(Some("https://example.org/lectern/"), "/lectern/")).unwrap();
    let putin = read(&site, "read/name/vladimir-putin.html");
    only_our_tags(&putin).unwrap();
    assert!(putin.contains("<title>Vladimir Putin — Lectern</title>"), "{putin}");
    assert!(putin.contains("<p class=\"name-kind\">Person</p>") && putin.contains(">Vladimir Putin</h1>"));
    assert!(putin.contains("In 2 articles about them"), "{putin}");
    assert!(putin.contains("<link rel=\"stylesheet\" href=\"../../lectern-1a2b.css\">"), "two folders down: {putin}");
    assert!(putin.contains("href=\"../../#/name/vladimir-putin\">Follow them in Lectern</a>"));
    let newer = putin.find("href=\"../day-2024-05-01.html\"").expect("the newer article");
    let older = putin.find("href=\"../day-2020-01-01.html\"").expect("the older article");
    assert!(newer < older, "newest first");
    assert!(
        putin.contains("<blockquote>“We will &lt;b&gt;win&lt;/b&gt;,”</blockquote>"),
        "the quote, escaped: {putin}"
    );
    assert!(putin
        .contains("<a href=\"valery-gerasimov.html\">Valery Gerasimov</a><span class=\"meta\"> · Person · 1 together"));
    assert!(
        putin.contains("<link rel=\"canonical\" href=\"https://example.org/lectern/read/name/vladimir-putin.html\">")
    );
    let moscow = read(&site, "read/name/moscow.html");
    assert!(moscow.contains("In 2 articles about it") && !moscow.contains("Quotes"), "a place says nothing");
    let article = read(&site, "read/day-2024-05-01.html");
    assert!(article.contains("<nav class=\"names-found\" aria-label=\"Names in this article\">"), "{article}");
    assert!(
        article.contains("<a href=\"name/vladimir-putin.html\">Vladimir Putin</a><span class=\"meta\"> Person</span>")
    );
    let sitemap = read(&site, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/lectern/read/name/moscow.html</loc>"), "{sitemap}");
}

fn hostile_article() -> impl Strategy<Value = Article> {
    (hostile(), hostile(), hostile(), hostile(), hostile()).prop_map(|(title, byline, body, tag, href)| {
        let len = body.len() as u32;
        Article {
            slug: "a".into(),
            title: title.clone(),
            byline: Some(byline),
            source: Some(format!("<script>{title}</script>")),
            url: Some(href.clone()),
            tags: vec![tag],
            lang: "en\" onload=\"x".into(),
            excerpt: body.clone(),
            blocks: vec![
                Block::Heading { level: 2, text: Text::plain(title) },
                Block::Paragraph(Text {
                    text: body,
                    inlines: vec![Inline::Link { href, children: vec![Inline::Plain { start: 0, end: len }] }],
                }),
            ],
            ..Article::default()
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn hostile_text_never_makes_a_tag(article in hostile_article()) {
        let links = "<link rel=\"stylesheet\" href=\"../a.css\">";
        let html = article_page(&article, &[], links, &Options::new(Some("https://example.org/"), "/"));
        prop_assert_eq!(only_our_tags(&html), Ok(()));
        prop_assert_eq!(only_our_tags(&meta_line(&article)), Ok(()));
    }
}

#[test]
fn headings_are_ranked_from_h2_without_gaps() {
    let mut a = article("a.md", "Title", 1);
    a.slug = "title".into();
    a.blocks = vec![
        Block::Heading { level: 3, text: Text::plain("Three") },
        Block::Heading { level: 5, text: Text::plain("Five") },
        Block::List { start: Some(3), items: vec![vec![Block::Paragraph(Text::plain("item"))]] },
        Block::Quote(vec![Block::Code(Text::plain("a < b"))]),
        Block::SectionBreak,
    ];
    let html = article_page(&a, &[], "", &Options::new(None, "/"));
    assert!(html.contains("<h1 class=\"reader-title\">Title</h1>"), "{html}");
    assert!(html.contains("<h2>Three</h2>\n<h3>Five</h3>\n<ol start=\"3\"><li>item</li></ol>"), "{html}");
    assert!(
        html.contains("<blockquote>\n<pre><code>a &lt; b</code></pre>\n</blockquote>\n<hr class=\"section-break\">")
    );
    assert!(!html.contains("og:url") && !html.contains("canonical"), "no base URL, no absolute address");
    assert!(html.contains("href=\"../#/a/title\">Search and read in Lectern</a>"));
}

#[test]
fn the_article_list_is_paged_newest_first() {
    let corpus = Corpus::assemble((1..=5).map(|d| article(&format!("{d}.md"), &format!("Day {d}"), d)).collect());
    let site = site("paged");
    let mut options = Options::new(None, "/lectern");
    options.page_size = 2;
    write(&corpus, &site, &options).unwrap();
    let first = read(&site, "read/index.html");
    assert!(first.find("Day 5").unwrap() < first.find("Day 4").unwrap() && !first.contains("Day 3"), "{first}");
    assert!(first.contains("href=\"page-2.html\">Next page") && !first.contains("Previous page"));
    assert!(first.contains("<link rel=\"stylesheet\" href=\"../lectern-1a2b.css\">"), "{first}");
    assert!(first.contains("<link rel=\"icon\" href=\"https://cdn.example/i.png\">"), "{first}");
    let second = read(&site, "read/page-2.html");
    assert!(
        second.contains("Day 3")
            && second.contains("href=\"index.html\">← Previous page")
            && second.contains("page-3.html")
    );
    let third = read(&site, "read/page-3.html");
    assert!(third.contains("Day 1") && !third.contains("Next page"));
    assert!(!site.join("read/page-4.html").exists());
    for d in 1..=5 {
        assert!(read(&site, &format!("read/day-{d}.html")).contains(&format!("The body of Day {d}.")));
    }
}

#[test]
fn a_sitemap_only_with_a_base_url() {
    let corpus = Corpus::assemble(vec![article("a.md", "Alpha", 1)]);
    let site = site("sitemap");
    write(&corpus, &site, &Options::new(Some("https://example.org/lectern"), "/lectern/")).unwrap();
    let sitemap = read(&site, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/lectern/</loc>"), "{sitemap}");
    assert!(sitemap.contains("<loc>https://example.org/lectern/read/alpha.html</loc>"), "{sitemap}");
    assert!(read(&site, "robots.txt").contains("Sitemap: https://example.org/lectern/sitemap.xml"));
    let page = read(&site, "read/alpha.html");
    assert!(page.contains("<link rel=\"canonical\" href=\"https://example.org/lectern/read/alpha.html\">"), "{page}");
    write(&corpus, &site, &Options::new(None, "/lectern/")).unwrap();
    assert!(!site.join("sitemap.xml").exists());
    assert_eq!(read(&site, "robots.txt"), "User-agent: *\nAllow: /\n");
}

#[test]
fn index_html_holds_the_newest_twenty_with_their_excerpts() {
    let articles = (1..=25).map(|d| article(&format!("{d:02}.md"), &format!("Day {d}"), d as u8)).collect();
    let corpus = Corpus::assemble(articles);
    let site = site("first-view");
    write(&corpus, &site, &Options::new(None, "/lectern/")).unwrap();
    write(&corpus, &site, &Options::new(None, "/lectern/")).unwrap();
    let index = read(&site, "index.html");
    assert_eq!(index.matches("id=\"static-library\"").count(), 1, "replaced, not added again");
    assert_eq!(index.matches("<!-- /static-library --></div>").count(), 1, "its end, inside it");
    assert!(index.contains("<body>\n<div id=\"static-library\">"), "the first child of <body>");
    assert_eq!(index.matches("<article class=\"card\"").count(), first_view::FIRST_PAGE);
    assert!(index.contains("<p class=\"result-count\" role=\"status\" aria-live=\"polite\">25 articles</p>"));
    assert!(index.contains("href=\"read/day-25.html\">Day 25</a>") && !index.contains("Day 5<"), "newest first");
    assert!(index.contains("<p class=\"card-excerpt\">The excerpt of Day 25.</p>"));
    assert!(index.contains("<time datetime=\"2024-01-25\">25 January 2024</time>"));
    assert!(index.contains("<a class=\"show-more\" href=\"read/index.html\">Show more (20 of 25 shown)</a>"));
    assert!(index.contains("<option value=\"newest\" selected>Newest first</option>"));
    assert!(index.contains("<legend>Published between</legend>"), "dated articles offer the range");
}
