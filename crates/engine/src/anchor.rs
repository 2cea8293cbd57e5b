//! Places in an article's text that survive a rebuild of the site: a [`Span`] runs from
//! one [`Point`] (text block, byte offset) to another, in [`Article::texts`] order, and
//! carries the quoted text so that it can be found again when the offsets have moved
//! (the article was edited, a paragraph added). Also maps offsets in the text the browser
//! shows (inline leaves laid end to end) back to offsets in a block's stored text.
//!
//! [`Article::texts`]: crate::article::Article::texts

use std::ops::Range;

use super::article::{Inline, Text};

/// Separates blocks inside a quote that runs over several of them (U+2029, PARAGRAPH
/// SEPARATOR: a character text almost never holds; where a block does, a quote of it
/// reads as two paragraphs in an export, and is still found again).
pub const BLOCK_SEPARATOR: char = '\u{2029}';

/// A place in the article: a text block and a byte offset into its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Point {
    pub block: u32,
    pub offset: u32,
}

/// A stretch of text from `start` (inclusive) to `end` (exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: Point,
    pub end: Point,
}

impl Point {
    pub fn new(block: usize, offset: usize) -> Point {
        Point { block: block as u32, offset: offset as u32 }
    }
}

impl Span {
    /// The byte range this span covers in each block it touches, in block order.
    /// Assumes the span is valid for `texts` (see [`quote`]).
    pub fn block_ranges(&self, texts: &[&Text]) -> Vec<(usize, Range<usize>)> {
        let (first, last) = (self.start.block as usize, self.end.block as usize);
        (first..=last.min(texts.len().saturating_sub(1)))
            .map(|block| {
                let start = if block == first { self.start.offset as usize } else { 0 };
                let end = if block == last { self.end.offset as usize } else { texts[block].text.len() };
                (block, start..end)
            })
            .filter(|(_, r)| r.start < r.end)
            .collect()
    }
}

/// The text `span` covers, blocks joined by [`BLOCK_SEPARATOR`]; `None` when the span
/// does not fit `texts` (a block or offset beyond the end, an offset inside a character,
/// an empty or reversed span).
pub fn quote(texts: &[&Text], span: &Span) -> Option<String> {
    if span.start >= span.end {
        return None;
    }
    let point_ok = |p: &Point| texts.get(p.block as usize).is_some_and(|t| t.text.is_char_boundary(p.offset as usize));
    if !point_ok(&span.start) || !point_ok(&span.end) {
        return None;
    }
    let parts: Vec<&str> = span.block_ranges(texts).into_iter().map(|(b, r)| &texts[b].text[r]).collect();
    let joined = parts.join(&BLOCK_SEPARATOR.to_string());
    (!joined.is_empty()).then_some(joined)
}

/// Finds quotes again in one version of an article. The article's text laid end to end
/// is built once, the first time a quote is not where its span says.
pub struct Resolver<'a> {
    texts: &'a [&'a Text],
    flat: std::cell::OnceCell<(String, Vec<usize>)>,
}

impl<'a> Resolver<'a> {
    pub fn new(texts: &'a [&'a Text]) -> Resolver<'a> {
        Resolver { texts, flat: std::cell::OnceCell::new() }
    }

    /// Where `quoted` is now: at `span` if the text there is still the quote, else at the
    /// occurrence nearest to where `span` was. `None` when the quote is gone.
    pub fn resolve(&self, span: &Span, quoted: &str) -> Option<Span> {
        if quoted.is_empty() {
            return None;
        }
        if quote(self.texts, span).as_deref() == Some(quoted) {
            return Some(*span);
        }
        // The blocks end to end, separated as quotes are.
        let (flat, starts) = self.flat.get_or_init(|| {
            let mut flat = String::new();
            let mut starts = Vec::with_capacity(self.texts.len());
            for (i, t) in self.texts.iter().enumerate() {
                if i > 0 {
                    flat.push(BLOCK_SEPARATOR);
                }
                starts.push(flat.len());
                flat.push_str(&t.text);
            }
            (flat, starts)
        });
        let to_point = |at: usize| {
            let block = starts.partition_point(|&s| s <= at) - 1;
            Point::new(block, at - starts[block])
        };
        let was = starts.get(span.start.block as usize).map_or(flat.len(), |s| s + span.start.offset as usize);
        let found = flat.match_indices(quoted).map(|(at, _)| at).min_by_key(|&at| at.abs_diff(was))?;
        Some(Span { start: to_point(found), end: to_point(found + quoted.len()) })
    }
}

/// The byte offset in `text.text` of the character at byte `shown` of the text as the
/// browser shows it (the inline leaves in order; a line break shows no text).
pub fn source_offset(text: &Text, shown: usize) -> usize {
    if text.inlines.is_empty() {
        return shown.min(text.text.len());
    }
    let mut leaves = Vec::new();
    leaf_ranges(&text.inlines, &mut leaves);
    let mut passed = 0;
    for r in &leaves {
        let len = r.end - r.start;
        if shown < passed + len {
            return r.start + (shown - passed);
        }
        passed += len;
    }
    leaves.last().map_or(0, |r| r.end)
}

/// The byte ranges of the leaves of `inlines`, in the order they are shown.
fn leaf_ranges(inlines: &[Inline], out: &mut Vec<Range<usize>>) {
    for inline in inlines {
        match inline {
            Inline::Plain { start, end } | Inline::Code { start, end } => out.push(*start as usize..*end as usize),
            Inline::Emphasis(children) | Inline::Strong(children) | Inline::Strikethrough(children) => {
                leaf_ranges(children, out)
            }
            Inline::Link { children, .. } => leaf_ranges(children, out),
            Inline::LineBreak => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(owned: &[Text]) -> Vec<&Text> {
        owned.iter().collect()
    }

    fn span(b0: usize, o0: usize, b1: usize, o1: usize) -> Span {
        Span { start: Point::new(b0, o0), end: Point::new(b1, o1) }
    }

    #[test]
    fn a_quote_within_one_block_and_across_blocks() {
        let owned = [Text::plain("Alpha beta."), Text::plain("Gamma delta."), Text::plain("Epsilon.")];
        let t = texts(&owned);
        assert_eq!(quote(&t, &span(0, 6, 0, 10)).as_deref(), Some("beta"));
        assert_eq!(quote(&t, &span(0, 6, 2, 7)).as_deref(), Some("beta.\u{2029}Gamma delta.\u{2029}Epsilon"));
        assert_eq!(span(0, 6, 2, 7).block_ranges(&t), vec![(0, 6..11), (1, 0..12), (2, 0..7)]);
    }

    #[test]
    fn spans_that_do_not_fit_have_no_quote() {
        let owned = [Text::plain("héllo")];
        let t = texts(&owned);
        assert_eq!(quote(&t, &span(0, 2, 0, 4)), None, "offset inside é");
        assert_eq!(quote(&t, &span(0, 3, 0, 1)), None, "reversed");
        assert_eq!(quote(&t, &span(0, 1, 0, 1)), None, "empty");
        assert_eq!(quote(&t, &span(1, 0, 1, 1)), None, "no such block");
        assert_eq!(quote(&t, &span(0, 0, 0, 99)), None, "beyond the end");
    }

    #[test]
    fn an_unmoved_quote_stays_where_it_was() {
        let owned = [Text::plain("the cat and the cat")];
        let t = texts(&owned);
        let s = span(0, 16, 0, 19);
        assert_eq!(Resolver::new(&t).resolve(&s, "cat"), Some(s));
    }

    #[test]
    fn a_moved_quote_is_found_again_nearest_to_where_it_was() {
        // A paragraph was added before, and the text shifted inside its block.
        let before = [Text::plain("One cat."), Text::plain("Two cat.")];
        let after = [Text::plain("New opening."), Text::plain("So, one cat."), Text::plain("Now two cat.")];
        let s = span(1, 4, 1, 7);
        assert_eq!(quote(&texts(&before), &s).as_deref(), Some("cat"));
        assert_eq!(
            Resolver::new(&texts(&after)).resolve(&s, "cat"),
            Some(span(1, 8, 1, 11)),
            "the occurrence nearest block 1, offset 4"
        );
    }

    #[test]
    fn a_quote_across_blocks_is_found_again_across_blocks() {
        let after = [Text::plain("Intro."), Text::plain("First end."), Text::plain("Second start here.")];
        let quoted = "end.\u{2029}Second";
        let moved = Resolver::new(&texts(&after)).resolve(&span(0, 6, 1, 6), quoted).unwrap();
        assert_eq!(moved, span(1, 6, 2, 6));
        assert_eq!(quote(&texts(&after), &moved).as_deref(), Some(quoted));
    }

    #[test]
    fn a_vanished_quote_resolves_to_nothing() {
        let owned = [Text::plain("Nothing here.")];
        assert_eq!(Resolver::new(&texts(&owned)).resolve(&span(0, 0, 0, 4), "gone"), None);
        assert_eq!(Resolver::new(&texts(&owned)).resolve(&span(0, 0, 0, 4), ""), None);
    }

    #[test]
    fn shown_offsets_map_to_source_offsets_past_hidden_text() {
        // "a *b*\nc" shown as leaves "a ", "b", (line break), "c"; the source keeps a "\n".
        let text = Text {
            text: "a b\nc".into(),
            inlines: vec![
                Inline::Plain { start: 0, end: 2 },
                Inline::Emphasis(vec![Inline::Plain { start: 2, end: 3 }]),
                Inline::LineBreak,
                Inline::Plain { start: 4, end: 5 },
            ],
        };
        assert_eq!(source_offset(&text, 0), 0);
        assert_eq!(source_offset(&text, 2), 2);
        assert_eq!(source_offset(&text, 3), 4, "shown 'c' is source byte 4");
        assert_eq!(source_offset(&text, 4), 5, "the end maps to the end");
        assert_eq!(source_offset(&Text::plain("abc"), 9), 3);
    }

    proptest::proptest! {
        /// Leaves with hidden line breaks between them: every character the browser shows
        /// maps to that same character in the stored text.
        #[test]
        fn every_shown_character_maps_to_itself(pieces in proptest::collection::vec("[a-zé😀 ]{0,6}", 1..6)) {
            let mut text = String::new();
            let mut inlines = Vec::new();
            for (i, piece) in pieces.iter().enumerate() {
                if i > 0 {
                    text.push('\n');
                    inlines.push(Inline::LineBreak);
                }
                inlines.push(Inline::Emphasis(vec![Inline::Plain { start: text.len() as u32, end: (text.len() + piece.len()) as u32 }]));
                text.push_str(piece);
            }
            let t = Text { text: text.clone(), inlines };
            let shown: String = pieces.concat();
            for (k, c) in shown.char_indices() {
                let at = source_offset(&t, k);
                proptest::prop_assert!(text.is_char_boundary(at));
                proptest::prop_assert_eq!(text[at..].chars().next(), Some(c));
            }
            proptest::prop_assert_eq!(source_offset(&t, shown.len()), text.len(), "the end maps to the end");
        }
    }
}
