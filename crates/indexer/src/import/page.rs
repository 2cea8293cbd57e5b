//! A saved web page (`.html`, `.htm`) to one article, as Firefox's Reader View reads it:
//! the readable article is extracted ([`extract`], the one place that names the extractor,
//! `dom_smoothie`, a port of Mozilla's Readability) with its title, byline, date, site name
//! (the article's source), language and address, and its content becomes blocks through
//! [`html_blocks`]. A sidecar `page.html.yml` of front-matter lines wins over what was
//! extracted. Pages saved in another encoding than UTF-8 are read in the one they declare
//! ([`text_of`]).

use lectern_engine::diagnostic::Diagnostic;
use lectern_engine::front_matter::{self, FrontMatter};
use lectern_engine::parse;

use super::{html_blocks, Kind, Meta, Read};

/// The fewest characters (not counting spaces) of a page that Readability does not find
/// probably readable: about ten words, more than a menu's or a cookie banner's.
const MIN_TEXT: usize = 50;

/// What the extractor found in a page.
#[derive(Debug, Default)]
pub struct Extracted {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub site_name: Option<String>,
    pub lang: Option<String>,
    pub url: Option<String>,
    /// The article's content, as HTML.
    pub content: String,
}

/// The deepest nesting of elements read: Readability walks the tree recursively, and a
/// hostile page nested tens of thousands deep would overflow its stack. Real pages nest
/// a few dozen deep.
const MAX_DEPTH: usize = 1_000;

/// The readable article of a whole page, or why there is none. A page is read when
/// Readability finds it probably readable (as Firefox shows its Reader View button only
/// then), or when what it extracts still has [`MIN_TEXT`] characters.
pub fn extract(html: &str) -> Result<Extracted, String> {
    let document = dom_query::Document::from(html);
    let depth = depth_of(document.root());
    if depth > MAX_DEPTH {
        return Err(format!(
            "its elements are nested {depth} deep: Lectern reads pages nested at most {MAX_DEPTH} deep"
        ));
    }
    let mut readability = dom_smoothie::Readability::with_document(document, None, None)
        .map_err(|e| format!("cannot be read as HTML: {e}"))?;
    let readable = readability.is_probably_readable();
    let article = readability.parse().map_err(|e| format!("no article found in the page ({e})"))?;
    let length = article.text_content.chars().filter(|c| !c.is_whitespace()).count();
    if !readable && length < MIN_TEXT {
        return Err(format!("no article found in the page: its readable text is {length} characters"));
    }
    let some = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(Extracted {
        title: some(Some(article.title)),
        byline: some(article.byline),
        published: some(article.published_time),
        site_name: some(article.site_name),
        lang: some(article.lang),
        url: some(article.url),
        content: article.content.to_string(),
    })
}

/// How deep elements nest under `root`, walked without recursion.
fn depth_of(root: dom_query::NodeRef<'_>) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(root, 0)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        stack.extend(node.children_it(false).filter(|n| n.is_element()).map(|n| (n, depth + 1)));
    }
    deepest
}

/// The text of a saved page: UTF-8, or the encoding its byte-order mark or its
/// `<meta charset>` names, else windows-1252 (HTML's default for an unlabelled page).
pub fn text_of(path: &str, bytes: &[u8]) -> Result<String, Diagnostic> {
    let utf8 = std::str::from_utf8(bytes).is_ok() || bytes.starts_with(b"\xef\xbb\xbf");
    let declared = match encoding_rs::Encoding::for_bom(bytes) {
        Some((encoding, _)) => Some(encoding),
        None => meta_charset(&bytes[..bytes.len().min(1024)])
            .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes())),
    };
    match declared {
        _ if utf8 => parse::text_of(path, bytes),
        Some(encoding) if encoding == encoding_rs::UTF_8 => parse::text_of(path, bytes),
        other => {
            let (text, _, _) = other.unwrap_or(encoding_rs::WINDOWS_1252).decode(bytes);
            parse::text_of(path, text.as_bytes())
        }
    }
}

/// The charset a page's first bytes declare: `<meta charset="…">` or `content="…;
/// charset=…"`.
fn meta_charset(head: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("<meta")?;
    let after = &head[at..];
    let value = &after[after.find("charset=")? + "charset=".len()..];
    let label: String = value
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "-_:.".contains(*c))
        .collect();
    (!label.is_empty()).then_some(label)
}

/// Reads the page `html` (shown as `path`) with its sidecar, if any (file name, bytes).
pub fn read(path: &str, html: &str, sidecar: &Option<(String, Vec<u8>)>) -> Read {
    let mut read = Read { kind: Kind::Page, articles: Vec::new(), diagnostics: Vec::new() };
    let overrides = sidecar.as_ref().map(|(name, bytes)| {
        let sidecar_path = match path.rsplit_once('/') {
            Some((folder, _)) => format!("{folder}/{name}"),
            None => name.clone(),
        };
        match parse::text_of(&sidecar_path, bytes) {
            Ok(text) => front_matter::parse_lines(&sidecar_path, &text, &mut read.diagnostics),
            Err(problem) => {
                read.diagnostics.push(problem);
                FrontMatter::default()
            }
        }
    });
    let extracted = match extract(html) {
        Ok(extracted) => extracted,
        Err(problem) => {
            read.diagnostics.push(Diagnostic::error(path, 0, problem));
            return read;
        }
    };
    let mut meta = Meta::new(path, 0, "");
    meta.text("title", extracted.title.as_deref());
    meta.text("byline", extracted.byline.as_deref());
    meta.text("source", extracted.site_name.as_deref());
    meta.text("published", extracted.published.as_deref());
    meta.text("url", extracted.url.as_deref());
    meta.text("lang", extracted.lang.as_deref());
    read.diagnostics.append(&mut meta.diagnostics);
    let front = match overrides {
        Some(overrides) => overrides.overriding(meta.front),
        None => meta.front,
    };
    match parse::article(path, front, html_blocks::to_blocks(&extracted.content)) {
        Some(article) => read.articles.push(article),
        None => read.diagnostics.push(Diagnostic::error(path, 0, "no article found in the page: it has no text")),
    }
    read
}
