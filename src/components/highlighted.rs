//! Text with matches wrapped in `<mark>` (result titles and excerpts), rendered by THE
//! mark renderer (`marked_text.rs`): text nodes and elements only, never HTML; ranges it
//! cannot trust are skipped.

use std::ops::Range;

use yew::prelude::*;

use crate::components::marked_text::{marked_text, Layers};
use crate::engine::article::Text;

#[derive(Properties, PartialEq)]
pub struct HighlightedProps {
    pub text: AttrValue,
    /// Byte ranges into `text`: sorted, disjoint, on character boundaries.
    #[prop_or_default]
    pub ranges: Vec<Range<usize>>,
}

#[component]
pub fn Highlighted(props: &HighlightedProps) -> Html {
    marked_text(&Text::plain(props.text.to_string()), Layers { matches: &props.ranges, ..Layers::default() })
}
