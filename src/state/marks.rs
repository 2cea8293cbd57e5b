//! The mark model of an article body: per text block (in `Article::texts` order), the
//! ranges search matched and the reader's own highlights. Hooks compute it, components
//! render it; neither owns it.

use std::borrow::Cow;
use std::ops::Range;

/// Match ranges per text block (in [`Article::texts`] order), numbered from `first`.
///
/// [`Article::texts`]: crate::engine::article::Article::texts
#[derive(Debug, Default, PartialEq)]
pub struct BlockMarks {
    pub blocks: Vec<Vec<Range<usize>>>,
    /// Number of the first match in the body (matches in the title come before).
    pub first: usize,
}

impl BlockMarks {
    pub fn count(&self) -> usize {
        self.blocks.iter().map(Vec::len).sum()
    }
}

/// The reader's highlights in one text block, as `(range, highlight number)`.
pub type TextHighlights = Vec<(Range<usize>, usize)>;

/// Per text block, the reader's highlights in it.
pub type BlockHighlights = Vec<TextHighlights>;

/// The items of `ranges` (sorted by start) whose range, as `range_of` gives it, can be
/// trusted in `text`: in bounds, on character boundaries, not empty or reversed, and not
/// overlapping the one before. Borrowed when all can (the usual case).
pub fn trusted<'a, T: Clone>(text: &str, ranges: &'a [T], range_of: impl Fn(&T) -> Range<usize>) -> Cow<'a, [T]> {
    let mut kept: Option<Vec<T>> = None;
    let mut at = 0;
    for (i, item) in ranges.iter().enumerate() {
        let r = range_of(item);
        let ok = r.start >= at && r.end > r.start && text.get(r.clone()).is_some();
        if ok {
            at = r.end;
        }
        match (&mut kept, ok) {
            (Some(kept), true) => kept.push(item.clone()),
            (None, false) => kept = Some(ranges[..i].to_vec()),
            _ => {}
        }
    }
    kept.map_or(Cow::Borrowed(ranges), Cow::Owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::reversed_empty_ranges)] // the reversed range is the point
    fn untrusted_ranges_are_skipped() {
        let text = "Kyïv and Kyiv";
        let id = |r: &Range<usize>| r.clone();
        let good = [0..5, 10..14];
        assert!(matches!(trusted(text, &good, id), Cow::Borrowed(_)));
        // 2..3 splits "ï"; 4..6 overlaps 0..5; 3..99 is out of bounds; 9..8 is reversed.
        let bad = [0..5, 2..3, 4..6, 9..8, 10..14, 3..99];
        assert_eq!(trusted(text, &bad, id).as_ref(), [0..5, 10..14]);
        let numbered = [(2..3, 0), (6..9, 1)];
        assert_eq!(trusted(text, &numbered, |(r, _)| r.clone()).as_ref(), [(6..9, 1)]);
    }
}
