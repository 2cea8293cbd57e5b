//! The article model shared by the indexer and the app: metadata, and a body made of
//! blocks whose text is stored once, as plain text, with inline styling kept as byte ranges
//! into it. Search, highlighting and rendering all address the same plain text.

use serde::{Deserialize, Serialize};

use crate::lens::Lenses;

/// One article of the corpus, as the indexer parses it and the corpus file carries it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Unique, URL-safe identifier: the article's address is `#/a/<slug>`. Not in the
    /// corpus files: the corpus assigns it from the title and file.
    #[serde(skip)]
    pub slug: String,
    pub title: String,
    pub byline: Option<String>,
    pub source: Option<String>,
    pub published: Option<Published>,
    /// Original address of the article (http or https only).
    pub url: Option<String>,
    pub tags: Vec<String>,
    /// BCP 47 language tag as given (`en`, `pt-BR`); `en` when the file names none.
    pub lang: String,
    pub blocks: Vec<Block>,
    /// About thirty words from the start of the body.
    pub excerpt: String,
    pub word_count: u32,
    pub reading_minutes: u32,
    /// The corpus file this article came from, relative to the corpus folder.
    pub file: String,
    /// Highlights that came with the article from a read-it-later export (Wallabag
    /// annotations, Omnivore highlights). Carried in the article's body file, not the first.
    #[serde(skip)]
    pub imported: Vec<ImportedHighlight>,
    /// Who the article names, who it quotes and its figures, found at build time. Carried
    /// in the body file; the names also feed the name facets of the first file.
    #[serde(skip)]
    pub lenses: Lenses,
}

/// A passage someone marked in another reader, with their note on it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedHighlight {
    /// The marked text, as the export gives it.
    pub quote: String,
    pub note: Option<String>,
}

/// A publication date, with the time of day when the front matter gives one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Published {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    /// Hour, minute and second as written (the offset is not kept).
    pub time: Option<(u8, u8, u8)>,
}

impl Published {
    /// `2025-04-26`
    pub fn iso_date(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `26 April 2025`
    pub fn human(&self) -> String {
        let month = crate::date::MONTHS[usize::from(self.month.clamp(1, 12)) - 1];
        format!("{} {} {}", self.day, month, self.year)
    }
}

/// A structural piece of an article body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Block {
    Paragraph(Text),
    Heading {
        level: u8,
        text: Text,
    },
    /// Preformatted text, shown as written.
    Code(Text),
    Quote(Vec<Block>),
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    /// A blank line between paragraphs of a plain-text article, or `***` in Markdown.
    SectionBreak,
}

/// The text of one block: plain text plus inline structure as ranges into it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Text {
    pub text: String,
    /// Inline structure covering `text` in order. Empty means "all plain text".
    pub inlines: Vec<Inline>,
}

/// Inline structure. Leaves hold byte ranges into the owning [`Text::text`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Inline {
    Plain {
        start: u32,
        end: u32,
    },
    Code {
        start: u32,
        end: u32,
    },
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Strikethrough(Vec<Inline>),
    /// `href` is always http, https or mailto: other targets are dropped at build time.
    Link {
        href: String,
        children: Vec<Inline>,
    },
    LineBreak,
}

impl Text {
    pub fn plain(text: impl Into<String>) -> Self {
        Text { text: text.into(), inlines: Vec::new() }
    }
}

impl Block {
    /// The text-bearing blocks in this one, in document order.
    pub fn texts(&self) -> Vec<&Text> {
        let mut out = Vec::new();
        collect_texts(std::slice::from_ref(self), &mut out);
        out.into_iter().map(|(_, text)| text).collect()
    }
}

impl Article {
    /// Every text-bearing block in document order. This order defines "block index" for
    /// search hits, marks and highlights: indexing and rendering both walk it.
    pub fn texts(&self) -> Vec<&Text> {
        self.texts_with_roles().into_iter().map(|(_, text)| text).collect()
    }

    /// [`Article::texts`], each with the role of its block.
    pub fn texts_with_roles(&self) -> Vec<(TextRole, &Text)> {
        let mut out = Vec::new();
        collect_texts(&self.blocks, &mut out);
        out
    }

    /// The headings of the body as (text-block index, level, text), in document order:
    /// the article's outline.
    pub fn outline(&self) -> Vec<(usize, u8, &str)> {
        let mut out = Vec::new();
        let mut index = 0;
        outline_of(&self.blocks, &mut index, &mut out);
        out
    }

    /// The page heading level of each of the article's heading levels (indexed 1 to 6),
    /// so that the page's outline has no gaps under its title (the `<h1>`): the levels the
    /// article uses, shallowest first, become 2, 3, … (at most 6).
    pub fn heading_levels(&self) -> [u8; 7] {
        let mut used = [false; 7];
        for (_, level, _) in self.outline() {
            used[usize::from(level.clamp(1, 6))] = true;
        }
        let mut out = [2; 7];
        let mut next = 2;
        for level in 1..=6 {
            out[level] = next.min(6);
            if used[level] {
                next += 1;
            }
        }
        out
    }
}

fn outline_of<'a>(blocks: &'a [Block], index: &mut usize, out: &mut Vec<(usize, u8, &'a str)>) {
    for block in blocks {
        match block {
            Block::Heading { level, text } => {
                out.push((*index, *level, text.text.as_str()));
                *index += 1;
            }
            Block::Paragraph(_) | Block::Code(_) => *index += 1,
            Block::Quote(inner) => outline_of(inner, index, out),
            Block::List { items, .. } => items.iter().for_each(|item| outline_of(item, index, out)),
            Block::SectionBreak => {}
        }
    }
}

/// What a text block is to its article: running prose, a heading, or code shown as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextRole {
    Prose,
    Heading,
    Code,
}

fn collect_texts<'a>(blocks: &'a [Block], out: &mut Vec<(TextRole, &'a Text)>) {
    for block in blocks {
        match block {
            Block::Paragraph(text) => out.push((TextRole::Prose, text)),
            Block::Heading { text, .. } => out.push((TextRole::Heading, text)),
            Block::Code(text) => out.push((TextRole::Code, text)),
            Block::Quote(inner) => collect_texts(inner, out),
            Block::List { items, .. } => items.iter().for_each(|item| collect_texts(item, out)),
            Block::SectionBreak => {}
        }
    }
}

/// Whether a link target may reach the page: only http, https and mailto, by scheme,
/// case-insensitively, after trimming what browsers ignore.
pub fn is_safe_href(href: &str) -> bool {
    let trimmed: String = href
        .trim_matches(|c: char| c.is_whitespace() || c.is_control())
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    let lower = trimmed.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_hrefs_are_http_https_mailto_only() {
        assert!(is_safe_href("https://example.com"));
        assert!(is_safe_href("HTTP://example.com"));
        assert!(is_safe_href("mailto:a@b.c"));
        assert!(!is_safe_href("javascript:alert(1)"));
        assert!(!is_safe_href(" JaVaScRiPt:alert(1)"));
        assert!(!is_safe_href("java\tscript:alert(1)"));
        assert!(!is_safe_href("data:text/html,<script>alert(1)</script>"));
        assert!(!is_safe_href("/relative"));
        assert!(!is_safe_href("vbscript:x"));
    }

    #[test]
    fn the_outline_numbers_headings_like_texts() {
        let h = |level, t: &str| Block::Heading { level, text: Text::plain(t) };
        let p = |t: &str| Block::Paragraph(Text::plain(t));
        let blocks = vec![
            p("intro"),
            h(1, "One"),
            Block::Quote(vec![p("quoted")]),
            Block::List { start: None, items: vec![vec![p("item")], vec![h(2, "Inner")]] },
            Block::SectionBreak,
            h(2, "Two"),
        ];
        let article = Article { lang: "en".into(), blocks, reading_minutes: 1, ..Article::default() };
        assert_eq!(article.outline(), vec![(1, 1, "One"), (4, 2, "Inner"), (5, 2, "Two")]);
        let texts = article.texts();
        for (i, _, t) in article.outline() {
            assert_eq!(texts[i].text, t, "outline indices are text-block indices");
        }
    }

    #[test]
    fn heading_levels_leave_no_gap_under_the_title() {
        let h = |level, t: &str| Block::Heading { level, text: Text::plain(t) };
        let article = |blocks| Article { blocks, ..Article::default() };
        // ## and #### only: h2 and h3.
        let levels = article(vec![h(2, "a"), h(4, "b"), h(2, "c")]).heading_levels();
        assert_eq!((levels[2], levels[4]), (2, 3));
        // # to ###: h2 to h4.
        let levels = article(vec![h(1, "a"), h(2, "b"), h(3, "c")]).heading_levels();
        assert_eq!(&levels[1..4], [2, 3, 4]);
        // Deep outlines stop at h6.
        let levels = article((1..=6).map(|l| h(l, "x")).collect()).heading_levels();
        assert_eq!(&levels[1..], [2, 3, 4, 5, 6, 6]);
    }

    #[test]
    fn dates_format_for_people_and_machines() {
        let d = Published { year: 2025, month: 4, day: 26, time: None };
        assert_eq!(d.iso_date(), "2025-04-26");
        assert_eq!(d.human(), "26 April 2025");
    }
}
