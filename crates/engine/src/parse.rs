//! One corpus file (its path and raw bytes) to an [`Article`], or every problem in it; and
//! [`article`], the one way any reader (these files, the indexer's importers) makes an
//! article from metadata and blocks.
//! Build time only: this module and Markdown parsing are not compiled into the app.

use super::article::{Article, Block, Text};
use super::diagnostic::Diagnostic;
use super::front_matter::{self, FrontMatter};
use super::lens::Lenses;
use super::search::EXCERPT_WORDS;
use super::sentences::sentences;
use super::{lens, markdown, tokenize};

/// The kinds of file that are articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text: every non-empty line is a paragraph; a blank line is a section break.
    Text,
    /// CommonMark.
    Markdown,
}

impl Format {
    /// The format a file name's extension announces, if it is an article at all.
    pub fn of_path(path: &str) -> Option<Format> {
        let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            _ => None,
        }
    }
}

/// A parsed article with the warnings its file produced (unknown keys and the like).
#[derive(Debug)]
pub struct Parsed {
    pub article: Article,
    pub warnings: Vec<Diagnostic>,
}

/// Longest derived title before it is shortened at a word boundary.
const TITLE_MAX_CHARS: usize = 80;

/// Parses one article file. `path` is used in messages and recorded in the article; the
/// slug is assigned later, when the whole corpus is known.
pub fn parse(path: &str, format: Format, bytes: &[u8]) -> Result<Parsed, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let text = text_of(path, bytes).map_err(|problem| vec![problem])?;
    let split = front_matter::split(path, &text, &mut diags);
    let blocks = match format {
        Format::Text => plain_blocks(split.body),
        Format::Markdown => markdown::to_blocks(split.body),
    };
    let article = article(path, split.front, blocks);
    if article.is_none() && !diags.iter().any(Diagnostic::is_error) {
        let problem = if text.trim().is_empty() {
            "empty file: an article needs some text".to_string()
        } else {
            format!("no article text after the front matter (line {})", split.body_line)
        };
        diags.push(Diagnostic::error(path, if text.trim().is_empty() { 0 } else { split.body_line }, problem));
    }
    match article {
        Some(article) if !diags.iter().any(Diagnostic::is_error) => Ok(Parsed { article, warnings: diags }),
        _ => Err(diags),
    }
}

/// The text of a corpus file: UTF-8 without NUL bytes, its byte-order mark dropped, every
/// line ending `\n`; else the problem, with its line.
pub fn text_of(path: &str, bytes: &[u8]) -> Result<String, Diagnostic> {
    if bytes.is_empty() {
        return Err(Diagnostic::error(path, 0, "empty file: an article needs some text"));
    }
    let raw = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            let kind = if bytes.iter().take(8000).any(|&b| b == 0) { " (this looks like a binary file)" } else { "" };
            return Err(Diagnostic::error(
                path,
                line,
                format!("not valid UTF-8 at byte {at}{kind}: save the file as UTF-8"),
            ));
        }
    };
    if let Some(at) = raw.find('\0') {
        let line = raw[..at].matches('\n').count() + 1;
        return Err(Diagnostic::error(path, line, "contains NUL bytes: this looks like a binary file, not an article"));
    }
    // One line-ending convention from here on: CRLF and lone CR become LF; a BOM is dropped.
    Ok(raw.strip_prefix('\u{feff}').unwrap_or(raw).replace("\r\n", "\n").replace('\r', "\n"))
}

/// An article from its metadata and body, however they were read (a file here, or an
/// importer's page, feed entry or export entry): the title as given, else derived from the
/// body; the excerpt, word count and reading time. `None` when the body has no text.
pub fn article(path: &str, front: FrontMatter, mut blocks: Vec<Block>) -> Option<Article> {
    let FrontMatter { title, byline, source, published, url, tags, lang } = front;
    let title = match title {
        Some(t) => Some(t),
        None => take_derived_title(&mut blocks),
    };
    if blocks.is_empty() {
        return None;
    }
    let lang = lang.unwrap_or_else(|| "en".to_string());
    let mut article = Article {
        slug: String::new(),
        title: title.unwrap_or_default(),
        byline,
        source,
        published,
        url,
        tags,
        lang,
        blocks,
        excerpt: String::new(),
        word_count: 0,
        reading_minutes: 0,
        file: path.to_string(),
        imported: Vec::new(),
        lenses: Lenses::default(),
    };
    let body: Vec<&str> = article.texts().into_iter().map(|t| t.text.as_str()).collect();
    let (excerpt, word_count, minutes) = (
        excerpt(&body),
        body.iter().map(|t| tokenize::word_count(t)).sum::<usize>() as u32,
        reading_minutes(&article.lang, &body),
    );
    article.excerpt = excerpt;
    article.word_count = word_count;
    article.reading_minutes = minutes;
    article.lenses = lens::extract(&article);
    Some(article)
}

/// Plain text: each non-empty line is a paragraph; blank lines between paragraphs become
/// one section break.
pub fn plain_blocks(body: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut pending_break = false;
    for line in body.lines() {
        let line = line.trim();
        if line.is_empty() {
            pending_break = !blocks.is_empty();
            continue;
        }
        if pending_break {
            blocks.push(Block::SectionBreak);
            pending_break = false;
        }
        blocks.push(Block::Paragraph(Text::plain(line)));
    }
    blocks
}

/// A title for an article whose front matter has none: a leading heading (removed from the
/// body, so it is not shown twice), else the first sentence, shortened at a word boundary.
fn take_derived_title(blocks: &mut Vec<Block>) -> Option<String> {
    let first = blocks.iter().position(|b| !matches!(b, Block::SectionBreak))?;
    if let Block::Heading { text, .. } = &blocks[first] {
        let title = text.text.trim().to_string();
        blocks.remove(first);
        return Some(title);
    }
    let first_text = blocks.iter().find_map(|b| match b {
        Block::Paragraph(t) | Block::Code(t) => Some(t.text.as_str()),
        _ => None,
    })?;
    Some(shorten(first_sentence(first_text), TITLE_MAX_CHARS))
}

/// The first sentence of `text` ([`sentences`]), without its final full stop.
fn first_sentence(text: &str) -> &str {
    let first = sentences(text).into_iter().next().map_or("", |r| &text[r]);
    first.strip_suffix('.').unwrap_or(first)
}

/// At most `max` characters, cut at a word boundary with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    let at_word = match head.rfind(char::is_whitespace) {
        Some(space) if space > cut / 2 => &head[..space],
        _ => head,
    };
    format!("{}…", at_word.trim_end_matches(|c: char| c.is_whitespace() || ",;:—–-".contains(c)))
}

/// About [`EXCERPT_WORDS`] words from the start of the body, cut after a whole word.
fn excerpt(texts: &[&str]) -> String {
    let mut out = String::new();
    let mut words = 0;
    for text in texts {
        let mut end = None;
        for token in tokenize::words(text) {
            words += 1;
            if words == EXCERPT_WORDS {
                end = Some(token.end);
                break;
            }
        }
        if !out.is_empty() {
            out.push(' ');
        }
        match end {
            Some(end) => {
                let more = text[end..].chars().any(char::is_alphanumeric) || texts.len() > 1;
                out.push_str(text[..end].trim());
                if more {
                    out.push('…');
                }
                return out;
            }
            None => out.push_str(text.trim()),
        }
    }
    out
}

/// Minutes to read at the language's average speed in characters per minute (IReST,
/// Trauzettel-Klosinski et al. 2012), counting characters other than spaces.
fn reading_minutes(lang: &str, texts: &[&str]) -> u32 {
    let primary = lang.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    let per_minute = match primary.as_str() {
        "ar" => 612,
        "zh" => 255,
        "ja" => 357,
        "nl" => 978,
        "fi" => 1078,
        "fr" => 998,
        "de" => 920,
        "he" => 833,
        "it" => 950,
        "pl" => 916,
        "pt" => 913,
        "ru" => 986,
        "sl" => 885,
        "es" => 1025,
        "sv" => 917,
        "tr" => 1054,
        _ => 987,
    };
    let chars: usize = texts.iter().map(|t| t.chars().filter(|c| !c.is_whitespace()).count()).sum();
    (chars.div_ceil(per_minute)).max(1) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(path: &str, src: &str) -> Article {
        let format = Format::of_path(path).unwrap();
        parse(path, format, src.as_bytes()).unwrap_or_else(|e| panic!("{e:?}")).article
    }

    fn errors(path: &str, bytes: &[u8]) -> Vec<String> {
        let format = Format::of_path(path).unwrap();
        parse(path, format, bytes).expect_err("should fail").iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn plain_text_lines_are_paragraphs_and_blank_lines_breaks() {
        let a = ok("a.txt", "First line here. More.\nSecond.\n\n\nThird.\n");
        assert_eq!(a.title, "First line here");
        assert_eq!(
            a.blocks,
            vec![
                Block::Paragraph(Text::plain("First line here. More.")),
                Block::Paragraph(Text::plain("Second.")),
                Block::SectionBreak,
                Block::Paragraph(Text::plain("Third.")),
            ]
        );
        assert_eq!(a.word_count, 6);
        assert_eq!(a.lang, "en");
        assert_eq!(a.reading_minutes, 1);
    }

    #[test]
    fn derived_titles_are_shortened_at_a_word_boundary() {
        let a = ok("a.txt", "Russia acknowledged for the first time that North Korean troops were on the front lines of its war with Ukraine, with a senior official.");
        assert_eq!(a.title, "Russia acknowledged for the first time that North Korean troops were on the…");
        assert!(a.title.chars().count() <= TITLE_MAX_CHARS + 1);
        assert_eq!(ok("b.txt", "The U.S. economy grew. Then it shrank.").title, "The U.S. economy grew");
        assert_eq!(ok("c.txt", "Dr. Smith won! Yes.").title, "Dr. Smith won!");
        assert_eq!(ok("d.txt", "中国经济增长。后来。").title, "中国经济增长。");
    }

    #[test]
    fn a_leading_markdown_heading_becomes_the_title() {
        let a = ok("a.md", "# The Heading\n\nBody text.\n");
        assert_eq!(a.title, "The Heading");
        assert_eq!(a.blocks.len(), 1);
        let b = ok("b.md", "---\ntitle: Given\n---\n# The Heading\n\nBody.\n");
        assert_eq!(b.title, "Given");
        assert_eq!(b.blocks.len(), 2);
    }

    #[test]
    fn excerpts_stop_after_thirty_words() {
        let long: Vec<String> = (1..=50).map(|i| format!("w{i}")).collect();
        let a = ok("a.txt", &format!("Title.\n{}", long.join(" ")));
        assert!(a.excerpt.starts_with("Title. w1 w2"), "{}", a.excerpt);
        assert!(a.excerpt.ends_with("w29…"), "{}", a.excerpt);
        assert_eq!(ok("b.txt", "Short one.").excerpt, "Short one.");
    }

    #[test]
    fn reading_time_depends_on_language() {
        let text = "字".repeat(2000);
        let zh = ok("a.md", &format!("---\nlang: zh-TW\n---\n{text}\n"));
        let en = ok("b.md", &format!("---\nlang: en\n---\n{text}\n"));
        assert_eq!(zh.reading_minutes, 8);
        assert_eq!(en.reading_minutes, 3);
    }

    #[test]
    fn byte_order_marks_and_crlf_are_accepted() {
        let a = ok("a.md", "\u{feff}---\r\ntitle: \"T\"\r\n---\r\nOne\r\n\r\nTwo\rThree\n");
        assert_eq!(a.title, "T");
        assert_eq!(a.texts().iter().map(|t| t.text.as_str()).collect::<Vec<_>>(), ["One", "Two Three"]);
    }

    #[test]
    fn bad_files_are_explained() {
        assert_eq!(errors("a.txt", b""), ["a.txt: empty file: an article needs some text"]);
        assert_eq!(errors("a.txt", b"  \n\n"), ["a.txt: empty file: an article needs some text"]);
        assert_eq!(
            errors("a.txt", b"line one\nline \xff two\n"),
            ["a.txt:2: not valid UTF-8 at byte 14: save the file as UTF-8"]
        );
        assert_eq!(
            errors("a.md", b"---\ntitle: x\n---\n\n"),
            ["a.md:4: no article text after the front matter (line 4)"]
        );
        assert_eq!(
            errors("a.md", b"---\ntitle: 7\ntags: x\n---\nBody\n"),
            [
                "a.md:2: `title` must be text, found the number 7 (put it in quotes)",
                "a.md:3: `tags` must be a list like [\"russia\", \"ukraine\"], found text"
            ]
        );
        assert_eq!(
            errors("a.txt", b"ab\x00\x01\x02"),
            ["a.txt:1: contains NUL bytes: this looks like a binary file, not an article"]
        );
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::of_path("x/a.TXT"), Some(Format::Text));
        assert_eq!(Format::of_path("a.markdown"), Some(Format::Markdown));
        assert_eq!(Format::of_path("a.html"), None);
        assert_eq!(Format::of_path("README"), None);
    }
}
