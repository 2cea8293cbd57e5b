//! THE mark renderer, and `Marked`, the component of a plain text with its search
//! matches (result titles and excerpts). The renderer: a text with its inline structure (emphasis, code, safe links) and
//! its layers of marks — search matches (`<mark>`, numbered `data-match="i"` in the
//! reading view, the current one `is-current`), the reader's highlights
//! (`<mark class="highlight">`) and the sentence read aloud (`<span class="speaking">`).
//! Text nodes and elements only, never HTML strings. Ranges it cannot trust (out of
//! bounds, off a character boundary, reversed or overlapping) are skipped, by
//! `state::marks::trusted`, in every view alike.

use std::borrow::Cow;
use std::ops::Range;

use yew::prelude::*;

use crate::engine::article::{is_safe_href, Inline, Text};
use crate::state::marks::trusted;

#[derive(Properties, PartialEq)]
pub struct MarkedProps {
    pub text: AttrValue,
    /// Byte ranges into `text`: sorted, disjoint, on character boundaries (others are
    /// skipped).
    #[prop_or_default]
    pub ranges: Vec<Range<usize>>,
}

/// A plain text with its search matches marked (not numbered).
#[component]
pub fn Marked(props: &MarkedProps) -> Html {
    marked(&props.text, &[], Layers { matches: &props.ranges, ..Layers::default() })
}

/// What is marked inside one text: search matches (numbered from `first` when it is
/// given, `current` shown distinctly), the reader's highlights (`(range, number)`) and the
/// sentence being read aloud. Ranges are byte ranges into the text, sorted and disjoint
/// (others are skipped).
#[derive(Clone, Copy, Default)]
pub struct Layers<'a> {
    pub matches: &'a [Range<usize>],
    /// The number of the first match, for `data-match`; `None`: matches are not numbered.
    pub first: Option<usize>,
    pub current: Option<usize>,
    pub highlights: &'a [(Range<usize>, usize)],
    pub speaking: Option<&'a Range<usize>>,
}

/// A text with its inline structure and its marks.
pub fn marked_text(t: &Text, layers: Layers<'_>) -> Html {
    marked(&t.text, &t.inlines, layers)
}

/// `source` with its inline structure (none: plain text) and its marks.
fn marked(source: &str, inlines: &[Inline], layers: Layers<'_>) -> Html {
    let matches = trusted(source, layers.matches, |r| r.clone());
    let highlights = trusted(source, layers.highlights, |(r, _)| r.clone());
    let speaking = layers.speaking.filter(|r| trusted(source, std::slice::from_ref(*r), |r| r.clone()).len() == 1);
    let mut leaf = Leaves {
        source,
        matches: &matches,
        highlights: &highlights,
        speaking,
        first: layers.first,
        current: layers.current,
        next_match: 0,
        next_highlight: 0,
    };
    if inlines.is_empty() {
        return leaf.split(0, source.len(), false);
    }
    leaf.inlines(inlines)
}

/// Walks inline leaves in text order, cutting them where marks start and end.
struct Leaves<'a> {
    source: &'a str,
    matches: &'a Cow<'a, [Range<usize>]>,
    highlights: &'a Cow<'a, [(Range<usize>, usize)]>,
    speaking: Option<&'a Range<usize>>,
    first: Option<usize>,
    current: Option<usize>,
    /// First match, and first highlight, that may still cover the next leaf.
    next_match: usize,
    next_highlight: usize,
}

impl Leaves<'_> {
    fn inlines(&mut self, nodes: &[Inline]) -> Html {
        let parts: Vec<Html> = nodes
            .iter()
            .map(|node| match node {
                Inline::Plain { start, end } => self.split(*start as usize, *end as usize, false),
                Inline::Code { start, end } => self.split(*start as usize, *end as usize, true),
                Inline::Emphasis(children) => html! { <em>{ self.inlines(children) }</em> },
                Inline::Strong(children) => html! { <strong>{ self.inlines(children) }</strong> },
                Inline::Strikethrough(children) => html! { <s>{ self.inlines(children) }</s> },
                Inline::Link { href, children } if is_safe_href(href) => html! {
                    <a href={href.clone()} rel="noopener noreferrer">{ self.inlines(children) }</a>
                },
                Inline::Link { children, .. } => self.inlines(children),
                Inline::LineBreak => html! { <br /> },
            })
            .collect();
        parts.into_iter().collect::<Html>()
    }

    /// The leaf `start..end` as text, cut into pieces wherever a mark starts or ends; each
    /// piece is wrapped in the marks that cover it (inside `<code>` when `code`).
    fn split(&mut self, start: usize, end: usize, code: bool) -> Html {
        let (matches, highlights, speaking) = (self.matches, self.highlights, self.speaking);
        let mut parts: Vec<Html> = Vec::new();
        let mut at = start;
        while at < end {
            while matches.get(self.next_match).is_some_and(|r| r.end <= at) {
                self.next_match += 1;
            }
            while highlights.get(self.next_highlight).is_some_and(|(r, _)| r.end <= at) {
                self.next_highlight += 1;
            }
            let in_match = matches.get(self.next_match).is_some_and(|r| r.start <= at);
            let in_highlight = highlights.get(self.next_highlight).filter(|(r, _)| r.start <= at).map(|(_, n)| *n);
            let in_speaking = speaking.is_some_and(|r| r.start <= at && at < r.end);
            // The piece ends where the next mark starts or a covering one ends (marks end
            // on character boundaries; a leaf's own ends come from the corpus's inlines).
            let edge = |r: &Range<usize>| if r.start > at { r.start } else { r.end };
            let until = [
                Some(end),
                matches.get(self.next_match).map(edge),
                highlights.get(self.next_highlight).map(|(r, _)| edge(r)),
                speaking.filter(|r| r.end > at).map(edge),
            ]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(end);
            let mut piece = html! { { self.source.get(at..until).unwrap_or("").to_string() } };
            if in_match {
                piece = match self.first.map(|first| first + self.next_match) {
                    Some(number) => {
                        let class = classes!((self.current == Some(number)).then_some("is-current"));
                        html! { <mark data-match={number.to_string()} {class}>{ piece }</mark> }
                    }
                    None => html! { <mark>{ piece }</mark> },
                };
            }
            if let Some(number) = in_highlight {
                piece = html! { <mark class="highlight" data-highlight={number.to_string()}>{ piece }</mark> };
            }
            if in_speaking {
                piece = html! { <span class="speaking">{ piece }</span> };
            }
            parts.push(piece);
            at = until;
        }
        if code {
            html! { <code>{ for parts }</code> }
        } else {
            parts.into_iter().collect::<Html>()
        }
    }
}
