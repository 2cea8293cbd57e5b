//! Text with matches wrapped in `<mark>`: text nodes and elements only, never HTML.

use std::ops::Range;

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HighlightedProps {
    pub text: AttrValue,
    /// Byte ranges into `text`: sorted, disjoint, on character boundaries.
    #[prop_or_default]
    pub ranges: Vec<Range<usize>>,
}

#[component]
pub fn Highlighted(props: &HighlightedProps) -> Html {
    marked(&props.text, &props.ranges)
}

/// `text` as nodes, with `ranges` marked. Ranges that are out of bounds or not on
/// character boundaries are skipped rather than trusted.
fn marked(text: &str, ranges: &[Range<usize>]) -> Html {
    let mut nodes: Vec<Html> = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for r in ranges {
        if r.start < at || r.end <= r.start || text.get(r.clone()).is_none() {
            continue;
        }
        if r.start > at {
            nodes.push(html! { { &text[at..r.start] } });
        }
        nodes.push(html! { <mark>{ &text[r.clone()] }</mark> });
        at = r.end;
    }
    if at < text.len() {
        nodes.push(html! { { &text[at..] } });
    }
    nodes.into_iter().collect::<Html>()
}
