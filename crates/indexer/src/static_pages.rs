//! The corpus readable without JavaScript, and the library's first view before the wasm:
//! - `read/<slug>.html`, one page per article: its body as semantic HTML (escaped from the
//!   article model, links only where [`is_safe_href`] allows), the metadata line, tags,
//!   the original link, a description and Open Graph tags, in the app's reading-view
//!   classes and stylesheet;
//! - `read/index.html` (then `read/page-2.html`, …): every article, newest first;
//! - `read/name/<slug>.html`, a page per name some article is about ([`name_pages`]), which
//!   the article pages link to;
//! - `robots.txt`, and `sitemap.xml` when a base URL is given (`LECTERN_BASE_URL`: a
//!   sitemap needs absolute addresses), which also adds `og:url` and a canonical link;
//! - in `index.html`, the library's first view as static HTML ([`first_view`]), which the
//!   app replaces once it has rendered the same view (`src/browser/first_paint.rs`).
//!
//! Every path is relative (`read/…` from `index.html`, `../` from the read pages), so the
//! site works under any sub-path. All corpus text passes through [`escape`].

mod first_view;
mod name_pages;

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

use lectern_engine::article::{is_safe_href, Article, Block, Inline, Text};
use lectern_engine::corpus::Corpus;
use lectern_engine::lens::page::{self, NameId, NAME_FACETS};
use lectern_engine::lens::NameKind;
use lectern_engine::search::{search, Filters, Results, Sort};

use crate::markup::escape;

/// The site folder of the article pages.
pub const FOLDER: &str = "read";

/// Articles per page of `read/index.html`, `read/page-2.html`, ….
pub const PAGE_SIZE: usize = 10_000;

/// How the static pages are written.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// The site's absolute address, ending in `/` (`https://example.org/lectern/`).
    pub base_url: Option<String>,
    /// The site's path, as Trunk's `--public-url` gave it (`/lectern/`).
    pub public_url: String,
    /// Articles per page of the article list.
    pub page_size: usize,
}

impl Options {
    /// Pages under the site path `public_url`, with absolute addresses under `base_url`
    /// (`LECTERN_BASE_URL`, read by `main.rs`) when given.
    pub fn new(base_url: Option<&str>, public_url: &str) -> Options {
        let slashed = |s: &str| if s.ends_with('/') { s.to_string() } else { format!("{s}/") };
        Options { base_url: base_url.map(|b| slashed(b.trim())), public_url: slashed(public_url), page_size: PAGE_SIZE }
    }
}

/// Writes the read pages, `robots.txt` and (with a base URL) `sitemap.xml` into `site`,
/// replacing old ones, and puts the library's first view into `site/index.html`.
pub fn write(corpus: &Corpus, site: &Path, options: &Options) -> io::Result<()> {
    let index_path = site.join("index.html");
    let index = fs::read_to_string(&index_path)?;
    // The app's stylesheet and icon, as Trunk linked them, from the read pages.
    let from_read = |rel: &str| link_href(&index, rel, &options.public_url);
    let links = [("stylesheet", from_read("stylesheet")), ("icon", from_read("icon"))]
        .into_iter()
        .filter_map(|(rel, href)| Some(format!("<link rel=\"{rel}\" href=\"{}\">\n", escape(&href?))))
        .collect::<String>();
    let newest = search(corpus, "", &Filters::default(), Sort::Newest);
    fs::write(&index_path, first_view::inject(&index, &first_view::fragment(corpus, &newest)))?;

    let folder = site.join(FOLDER);
    if folder.exists() {
        fs::remove_dir_all(&folder)?;
    }
    fs::create_dir_all(&folder)?;
    for n in 0..corpus.articles.len() {
        let article = &corpus.body(n).expect("built natively: every body is there").article;
        let html = article_page(article, &names_of(corpus, n), &links, options);
        fs::write(folder.join(format!("{}.html", article.slug)), html)?;
    }
    for (name, html) in list_pages(corpus, &newest, &links, options.page_size.max(1)) {
        fs::write(folder.join(name), html)?;
    }
    let names = name_pages::pages(corpus, &links, options.base_url.as_deref());
    fs::create_dir_all(folder.join(name_pages::NAMES))?;
    for (slug, html) in &names {
        fs::write(folder.join(name_pages::NAMES).join(format!("{slug}.html")), html)?;
    }
    let sitemap = site.join("sitemap.xml");
    let mut robots = String::from("User-agent: *\nAllow: /\n");
    match &options.base_url {
        Some(base) => {
            let slugs: Vec<&str> = names.iter().map(|(slug, _)| slug.as_str()).collect();
            fs::write(&sitemap, sitemap_xml(corpus, &slugs, base))?;
            writeln!(robots, "Sitemap: {base}sitemap.xml").expect("a String");
        }
        None if sitemap.exists() => fs::remove_file(&sitemap)?,
        None => {}
    }
    fs::write(site.join("robots.txt"), robots)
}

/// The address, from a page in `read/`, of the file Trunk linked with `rel` in `index.html`
/// (under the site path `public_url`, or anywhere else).
fn link_href(index: &str, rel: &str, public_url: &str) -> Option<String> {
    let mut rest = index;
    while let Some(at) = rest.find("<link") {
        let tag = &rest[at..at + rest[at..].find('>')?];
        rest = &rest[at + tag.len()..];
        if !tag.contains(&format!("rel=\"{rel}\"")) {
            continue;
        }
        let start = tag.find("href=\"")? + 6;
        let href = &tag[start..start + tag[start..].find('"')?];
        return Some(match href.strip_prefix(public_url) {
            Some(in_site) => format!("../{in_site}"),
            None if href.contains(':') || href.starts_with('/') => href.to_string(),
            None => format!("../{href}"),
        });
    }
    None
}

/// The `<head>` of a static page, from `<!DOCTYPE html>` to `<body>`; `links` and `extra`
/// are HTML.
fn head(lang: &str, title: &str, description: &str, links: &str, extra: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n<title>{}</title>\n\
         <meta name=\"description\" content=\"{}\">\n{links}{extra}</head>\n<body>\n",
        escape(lang),
        escape(title),
        escape(description)
    )
}

/// The skip link and the site header, with the brand linking to `home`, then `tools`.
fn site_header(home: &str, tools: &str) -> String {
    format!(
        "<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n<header class=\"site-header\"><a class=\"brand\" href=\"{home}\">\
         <span class=\"brand-mark\" aria-hidden=\"true\">❦</span>Lectern</a>{tools}</header>\n"
    )
}

/// The names article `n` is about (its People, Places and Organisations), with their kind.
fn names_of(corpus: &Corpus, n: usize) -> Vec<(&str, NameKind)> {
    let facets = &corpus.index.facets;
    let ids = NAME_FACETS
        .into_iter()
        .flat_map(|facet| facets.docs[n].values[facet].iter().map(move |&id| NameId { facet, id }));
    ids.map(|name| (page::name_of(facets, name), name.kind())).collect()
}

/// One article's page, `read/<slug>.html`, with the `<link>`s `links`; `names` link to
/// their pages.
fn article_page(article: &Article, names: &[(&str, NameKind)], links: &str, options: &Options) -> String {
    let slug = escape(&article.slug);
    let mut og = format!(
        "<meta property=\"og:type\" content=\"article\">\n<meta property=\"og:title\" content=\"{}\">\n\
         <meta property=\"og:description\" content=\"{}\">\n",
        escape(&article.title),
        escape(&article.excerpt)
    );
    if let Some(base) = &options.base_url {
        let url = escape(&format!("{base}{FOLDER}/{}.html", article.slug));
        let _ = write!(og, "<meta property=\"og:url\" content=\"{url}\">\n<link rel=\"canonical\" href=\"{url}\">\n");
    }
    let mut out = head(&article.lang, &format!("{} — Lectern", article.title), &article.excerpt, links, &og);
    out.push_str(&site_header("../", ""));
    let _ = write!(
        out,
        "<main id=\"main\" tabindex=\"-1\">\n<article class=\"reader\" data-size=\"3\">\n\
         <nav class=\"reader-nav\" aria-label=\"Article\"><a class=\"back-link\" href=\"index.html\">← All articles</a>\
         <a class=\"back-link\" href=\"../#/a/{slug}\">Search and read in Lectern</a></nav>\n\
         <header class=\"reader-header\">\n<h1 class=\"reader-title\">{}</h1>\n{}\n<p class=\"meta meta-extra\">{} words",
        escape(&article.title),
        meta_line(article),
        article.word_count
    );
    if let Some(url) = article.url.as_ref().filter(|u| is_safe_href(u)) {
        let _ = write!(
            out,
            "<span class=\"meta-sep\" aria-hidden=\"true\"> · </span><a href=\"{}\" rel=\"noopener noreferrer\">Original article</a>",
            escape(url)
        );
    }
    out.push_str("</p>\n");
    if !article.tags.is_empty() {
        out.push_str("<ul class=\"tags\" aria-label=\"Tags\">");
        for tag in &article.tags {
            let _ = write!(out, "<li><span class=\"tag\">#{}</span></li>", escape(tag));
        }
        out.push_str("</ul>\n");
    }
    let linked: Vec<_> =
        names.iter().filter_map(|&(name, kind)| Some((name, kind, name_pages::from_article(name)?))).collect();
    if !linked.is_empty() {
        out.push_str("<nav class=\"names-found\" aria-label=\"Names in this article\"><ul>");
        for (name, kind, href) in linked {
            let _ = write!(
                out,
                "<li><a href=\"{}\">{}</a><span class=\"meta\"> {}</span></li>",
                escape(&href),
                escape(name),
                kind.label()
            );
        }
        out.push_str("</ul></nav>\n");
    }
    out.push_str("</header>\n<div class=\"reader-body\">\n");
    let levels = article.heading_levels();
    blocks(&article.blocks, &levels, &mut out);
    out.push_str("</div>\n</article>\n</main>\n</body>\n</html>\n");
    out
}

/// The metadata line, as `components/article_meta.rs` renders it.
pub(crate) fn meta_line(a: &Article) -> String {
    let mut parts = Vec::new();
    if let Some(source) = &a.source {
        parts.push(format!("<span class=\"meta-source\">{}</span>", escape(source)));
    }
    if let Some(byline) = &a.byline {
        parts.push(format!("<span class=\"meta-byline\">{}</span>", escape(byline)));
    }
    if let Some(date) = &a.published {
        parts.push(format!("<time datetime=\"{}\">{}</time>", date.iso_date(), escape(&date.human())));
    }
    parts.push(format!("<span class=\"meta-time\">{} min read</span>", a.reading_minutes));
    format!("<p class=\"meta\">{}</p>", parts.join("<span class=\"meta-sep\" aria-hidden=\"true\"> · </span>"))
}

/// The body blocks as HTML; headings ranked by `levels` (from `Article::heading_levels`).
fn blocks(blocks: &[Block], levels: &[u8; 7], out: &mut String) {
    for block in blocks {
        match block {
            Block::Paragraph(t) => {
                out.push_str("<p>");
                text(t, out);
                out.push_str("</p>\n");
            }
            Block::Heading { level, text: t } => {
                let h = levels[usize::from((*level).clamp(1, 6))];
                let _ = write!(out, "<h{h}>");
                text(t, out);
                let _ = writeln!(out, "</h{h}>");
            }
            Block::Code(t) => {
                out.push_str("<pre><code>");
                text(t, out);
                out.push_str("</code></pre>\n");
            }
            Block::Quote(inner) => {
                out.push_str("<blockquote>\n");
                self::blocks(inner, levels, out);
                out.push_str("</blockquote>\n");
            }
            Block::List { start, items } => {
                let close = match start {
                    Some(start) => {
                        let _ = write!(out, "<ol start=\"{start}\">");
                        "</ol>\n"
                    }
                    None => {
                        out.push_str("<ul>");
                        "</ul>\n"
                    }
                };
                for item in items {
                    out.push_str("<li>");
                    match item.as_slice() {
                        // A tight item is a single paragraph: its text without a <p>.
                        [Block::Paragraph(t)] => text(t, out),
                        item => self::blocks(item, levels, out),
                    }
                    out.push_str("</li>");
                }
                out.push_str(close);
            }
            Block::SectionBreak => out.push_str("<hr class=\"section-break\">\n"),
        }
    }
}

/// One text block with its inline structure.
fn text(t: &Text, out: &mut String) {
    if t.inlines.is_empty() {
        out.push_str(&escape(&t.text));
    } else {
        inlines(&t.text, &t.inlines, out);
    }
}

fn inlines(source: &str, inlines: &[Inline], out: &mut String) {
    let slice = |start: &u32, end: &u32| escape(source.get(*start as usize..*end as usize).unwrap_or(""));
    for inline in inlines {
        match inline {
            Inline::Plain { start, end } => out.push_str(&slice(start, end)),
            Inline::Code { start, end } => {
                let _ = write!(out, "<code>{}</code>", slice(start, end));
            }
            Inline::Emphasis(children) => wrapped("em", source, children, out),
            Inline::Strong(children) => wrapped("strong", source, children, out),
            Inline::Strikethrough(children) => wrapped("s", source, children, out),
            Inline::Link { href, children } if is_safe_href(href) => {
                let _ = write!(out, "<a href=\"{}\" rel=\"noopener noreferrer\">", escape(href));
                self::inlines(source, children, out);
                out.push_str("</a>");
            }
            Inline::Link { children, .. } => self::inlines(source, children, out),
            Inline::LineBreak => out.push_str("<br>"),
        }
    }
}

fn wrapped(tag: &str, source: &str, children: &[Inline], out: &mut String) {
    let _ = write!(out, "<{tag}>");
    inlines(source, children, out);
    let _ = write!(out, "</{tag}>");
}

/// The name of page `page` (0-based) of the article list.
fn list_page_name(page: usize) -> String {
    if page == 0 {
        "index.html".to_string()
    } else {
        format!("page-{}.html", page + 1)
    }
}

/// The pages of the article list, newest first, `page_size` articles each: (file name, HTML).
fn list_pages(corpus: &Corpus, newest: &Results, links: &str, page_size: usize) -> Vec<(String, String)> {
    let pages: Vec<_> = newest.hits.chunks(page_size).collect();
    let count = pages.len().max(1);
    (0..count)
        .map(|page| {
            let title = if count == 1 { "All articles".to_string() } else { format!("All articles, page {} of {count}", page + 1) };
            let mut out = head("en", &format!("{title} — Lectern"), "Every article of this Lectern library.", links, "");
            out.push_str(&site_header("../", ""));
            let _ = write!(
                out,
                "<main id=\"main\" tabindex=\"-1\">\n<section class=\"library\">\n<h1 class=\"reader-title\">{title}</h1>\n\
                 <p class=\"result-count\">{} articles · <a href=\"../\">Search them in Lectern</a></p>\n<ul class=\"results\" aria-label=\"Articles\">\n",
                newest.hits.len()
            );
            for hit in pages.get(page).copied().unwrap_or(&[]) {
                let a = &corpus.articles[hit.article];
                let _ = writeln!(
                    out,
                    "<li><article class=\"card\" lang=\"{}\"><h2 class=\"card-title\"><a class=\"result-link\" href=\"{}.html\">{}</a></h2>{}</article></li>",
                    escape(&a.lang),
                    escape(&a.slug),
                    escape(&a.title),
                    meta_line(a)
                );
            }
            out.push_str("</ul>\n");
            if count > 1 {
                out.push_str("<nav class=\"pager\" aria-label=\"Pages\">");
                if page > 0 {
                    let _ = write!(out, "<a class=\"pager-link\" rel=\"prev\" href=\"{}\">← Previous page</a>", list_page_name(page - 1));
                }
                let _ = write!(out, "<span class=\"pager-position\">Page {} of {count}</span>", page + 1);
                if page + 1 < count {
                    let _ = write!(out, "<a class=\"pager-link\" rel=\"next\" href=\"{}\">Next page →</a>", list_page_name(page + 1));
                }
                out.push_str("</nav>\n");
            }
            out.push_str("</section>\n</main>\n</body>\n</html>\n");
            (list_page_name(page), out)
        })
        .collect()
}

/// The sitemap: the site's root, every article's page and the pages of the names `slugs`,
/// as absolute URLs under `base`.
fn sitemap_xml(corpus: &Corpus, slugs: &[&str], base: &str) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let _ = writeln!(out, "<url><loc>{}</loc></url>", escape(base));
    for a in &corpus.articles {
        let _ = writeln!(out, "<url><loc>{}</loc></url>", escape(&format!("{base}{FOLDER}/{}.html", a.slug)));
    }
    for slug in slugs {
        let _ = writeln!(
            out,
            "<url><loc>{}</loc></url>",
            escape(&format!("{base}{FOLDER}/{}/{slug}.html", name_pages::NAMES))
        );
    }
    out.push_str("</urlset>\n");
    out
}

#[cfg(test)]
mod tests;
