//! The mark model of an article body: per text block (in `Article::texts` order), the
//! ranges search matched and the reader's own highlights. Hooks compute it, components
//! render it; neither owns it.

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
