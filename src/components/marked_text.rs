//! THE mark renderer, and `Marked`, the component of a plain text with its search
//! matches (result titles and excerpts). The renderer: a text with its inline structure (emphasis, code, safe links) and
//! its layers of marks — search matches (`<mark>`, numbered `data-match="i"` in the
//! reading view, the current one `is-current`), the reader's highlights
//! (`<mark class="highlight">`), the sentence read aloud (`<span class="speaking">`) and
//! the news lenses switched on: a name is a link to its page (`lens-person`,
//! `lens-place`, `lens-org`; a span inside the text's own links) with its card after it
//! when open, a quote a `lens-quote` span followed by its speaker, a figure a
//! `lens-figure` span. What the lenses add to the text (a speaker, a card) is marked
//! `data-aside`, so a selection measures only the article's text.
//! Text nodes and elements only, never HTML strings. Ranges it cannot trust (out of
//! bounds, off a character boundary, reversed or overlapping) are skipped, by
//! `state::marks::trusted`, in every view alike.

use std::borrow::Cow;
use std::ops::Range;
use std::rc::Rc;

use yew::prelude::*;

use crate::components::name_card::NameCardView;
use crate::engine::article::{is_safe_href, Inline, Text};
use crate::engine::lens::{Lens, Name};
use crate::route::name_address;
use crate::state::lenses::{Mention, NameCard, NameEvent, TextLenses};
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
    /// The news lenses shown in this text, if any.
    pub lenses: Option<LensLayers<'a>>,
}

/// The lens spans of one text block, and what their names and cards need.
#[derive(Clone, Copy)]
pub struct LensLayers<'a> {
    pub spans: &'a TextLenses,
    /// The article's names, which the spans refer to.
    pub names: &'a [Name],
    /// Per name, whether it has a page: a link, else a button that shows its card.
    pub pages: &'a [bool],
    /// The text block's number, which the events name.
    pub block: usize,
    /// The open card, when it belongs to a mention here (starting at this byte).
    pub card: Option<(usize, &'a Rc<NameCard>)>,
    pub on_name: &'a Callback<NameEvent>,
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
    let lenses = layers.lenses.map(|layers| Lensed {
        names: trusted(source, &layers.spans.names, |(r, _)| r.clone()),
        quotes: trusted(source, &layers.spans.quotes, |(r, _)| r.clone()),
        figures: trusted(source, &layers.spans.figures, |r| r.clone()),
        layers,
        next: [0; 3],
    });
    let mut leaf = Leaves {
        source,
        matches: &matches,
        highlights: &highlights,
        speaking,
        first: layers.first,
        current: layers.current,
        next_match: 0,
        next_highlight: 0,
        lenses,
        in_link: false,
        asides: Vec::new(),
    };
    if inlines.is_empty() {
        return leaf.split(0, source.len(), false);
    }
    leaf.inlines(inlines)
}

/// The lens spans of a text that can be trusted, and where the walk is in each list.
struct Lensed<'a> {
    layers: LensLayers<'a>,
    names: Cow<'a, [(Range<usize>, u32)]>,
    quotes: Cow<'a, [(Range<usize>, Option<u32>)]>,
    figures: Cow<'a, [Range<usize>]>,
    /// First name, quote and figure that may still cover the next piece.
    next: [usize; 3],
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
    lenses: Option<Lensed<'a>>,
    /// Inside one of the text's own links, where a name cannot be a link.
    in_link: bool,
    /// Speakers of quotes that ended inside a name, shown after the name.
    asides: Vec<Html>,
}

/// The first item of `list` from `*next` on that ends after `at` (moving `*next` to it).
fn covering<'l, T>(list: &'l [T], next: &mut usize, at: usize, range: impl Fn(&T) -> &Range<usize>) -> Option<&'l T> {
    while list.get(*next).is_some_and(|item| range(item).end <= at) {
        *next += 1;
    }
    list.get(*next)
}

/// Where the piece starting at `at` ends because of `r`: where `r` starts, or ends if it
/// covers `at`.
fn edge(r: &Range<usize>, at: usize) -> usize {
    if r.start > at {
        r.start
    } else {
        r.end
    }
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
                Inline::Link { href, children } if is_safe_href(href) => {
                    let outer = std::mem::replace(&mut self.in_link, true);
                    let inner = self.inlines(children);
                    self.in_link = outer;
                    html! { <a href={href.clone()} rel="noopener noreferrer">{ inner }</a> }
                }
                Inline::Link { children, .. } => self.inlines(children),
                Inline::LineBreak => html! { <br /> },
            })
            .collect();
        parts.into_iter().collect::<Html>()
    }

    /// The leaf `start..end`, cut first by the name mentions in it (each one's pieces
    /// inside its link), then into pieces by the other marks (inside `<code>` when `code`).
    fn split(&mut self, start: usize, end: usize, code: bool) -> Html {
        let mut parts: Vec<Html> = Vec::new();
        let mut at = start;
        while at < end {
            let name = self
                .lenses
                .as_mut()
                .and_then(|l| covering(&l.names[..], &mut l.next[0], at, |(r, _)| r).map(|(r, i)| (r.clone(), *i)));
            match name {
                Some((range, index)) if range.start <= at => {
                    let until = range.end.min(end);
                    let inner = self.pieces(at, until, true);
                    parts.push(self.name(&range, index, until == range.end, inner));
                    parts.append(&mut self.asides);
                    at = until;
                }
                next => {
                    let until = next.map_or(end, |(r, _)| r.start.min(end));
                    let inner = self.pieces(at, until, false);
                    parts.extend(inner);
                    at = until;
                }
            }
        }
        if code {
            html! { <code>{ for parts }</code> }
        } else {
            parts.into_iter().collect::<Html>()
        }
    }

    /// `start..end` as text, cut into pieces wherever a mark starts or ends; each piece is
    /// wrapped in the marks that cover it, and a quote's speaker follows its last piece
    /// (kept aside until the name ends, when `in_name`).
    fn pieces(&mut self, start: usize, end: usize, in_name: bool) -> Vec<Html> {
        let (matches, highlights, speaking) = (self.matches, self.highlights, self.speaking);
        let mut parts: Vec<Html> = Vec::new();
        let mut at = start;
        while at < end {
            let next_match = covering(&matches[..], &mut self.next_match, at, |r| r).cloned();
            let next_highlight = covering(&highlights[..], &mut self.next_highlight, at, |(r, _)| r).cloned();
            let (quote, figure) = match self.lenses.as_mut() {
                Some(l) => {
                    let [_, q, f] = &mut l.next;
                    (
                        covering(&l.quotes[..], q, at, |(r, _)| r).cloned(),
                        covering(&l.figures[..], f, at, |r| r).cloned(),
                    )
                }
                None => (None, None),
            };
            // The piece ends where the next mark starts or a covering one ends (marks end
            // on character boundaries; a leaf's own ends come from the corpus's inlines).
            let until = [
                Some(end),
                next_match.as_ref().map(|r| edge(r, at)),
                next_highlight.as_ref().map(|(r, _)| edge(r, at)),
                speaking.filter(|r| r.end > at).map(|r| edge(r, at)),
                quote.as_ref().map(|(r, _)| edge(r, at)),
                figure.as_ref().map(|r| edge(r, at)),
            ]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(end);
            let covers = |r: &Range<usize>| r.start <= at;
            let mut piece = html! { { self.source.get(at..until).unwrap_or("").to_string() } };
            if figure.as_ref().is_some_and(covers) {
                piece = html! { <span class="lens-figure">{ piece }</span> };
            }
            let quote = quote.filter(|(r, _)| covers(r));
            if quote.is_some() {
                piece = html! { <span class="lens-quote">{ piece }</span> };
            }
            if next_match.as_ref().is_some_and(covers) {
                piece = match self.first.map(|first| first + self.next_match) {
                    Some(number) => {
                        let class = classes!((self.current == Some(number)).then_some("is-current"));
                        html! { <mark data-match={number.to_string()} {class}>{ piece }</mark> }
                    }
                    None => html! { <mark>{ piece }</mark> },
                };
            }
            if let Some((_, number)) = next_highlight.filter(|(r, _)| covers(r)) {
                piece = html! { <mark class="highlight" data-highlight={number.to_string()}>{ piece }</mark> };
            }
            if speaking.is_some_and(|r| r.start <= at && at < r.end) {
                piece = html! { <span class="speaking">{ piece }</span> };
            }
            parts.push(piece);
            if let Some(speaker) = quote.filter(|(r, _)| r.end == until).and_then(|(_, s)| self.speaker(s?)) {
                if in_name {
                    self.asides.push(speaker);
                } else {
                    parts.push(speaker);
                }
            }
            at = until;
        }
        parts
    }

    /// "— Volodymyr Zelenskyy", after a quote.
    fn speaker(&self, index: u32) -> Option<Html> {
        let name = self.lenses.as_ref()?.layers.names.get(index as usize)?;
        Some(html! { <span class="lens-speaker" data-aside="">{ "— " }{ name.name.clone() }</span> })
    }

    /// A name mention's pieces (`inner`) in a link to its page, with its card after it
    /// when the card is open and this is the mention's last part; in a span inside one of
    /// the text's own links.
    fn name(&self, range: &Range<usize>, index: u32, last: bool, inner: Vec<Html>) -> Html {
        let Some(lensed) = self.lenses.as_ref() else { return inner.into_iter().collect() };
        let layers = lensed.layers;
        let Some(name) = layers.names.get(index as usize) else { return inner.into_iter().collect() };
        let class = classes!("lens-name", format!("lens-{}", Lens::of_kind(name.kind).key()));
        if self.in_link {
            return html! { <span {class}>{ for inner }</span> };
        }
        let mention = Mention { block: layers.block, start: range.start, name: index };
        let card = layers.card.filter(|(start, _)| last && *start == range.start).map(|(_, card)| card.clone());
        let open = card.is_some();
        let on = layers.on_name;
        let onmouseenter = on.reform(move |_: MouseEvent| NameEvent::Hover(mention));
        let onmouseleave = on.reform(|_: MouseEvent| NameEvent::Unhover);
        let onfocusin = on.reform(move |_: FocusEvent| NameEvent::Focus(mention));
        let onfocusout = on.reform(|_: FocusEvent| NameEvent::Blur);
        let onkeydown = {
            let on = on.clone();
            Callback::from(move |e: KeyboardEvent| {
                // Escape closes the card, and goes no further (it would leave the article).
                if open && e.key() == "Escape" {
                    e.stop_propagation();
                    on.emit(NameEvent::Escape(mention));
                }
            })
        };
        let described = open.then_some("name-card-summary");
        let start = range.start.to_string();
        // A name no article is about has no page: its mention is a button showing its card.
        let mention_html = if layers.pages.get(index as usize) == Some(&true) {
            html! {
                <a {class} href={name_address(&name.name)} data-mention={start} {onmouseenter}
                    aria-describedby={described}>{ for inner }</a>
            }
        } else {
            // A click opens the card (a press focuses it first, which opens it too); Escape
            // closes it.
            let onclick = on.reform(move |_: MouseEvent| NameEvent::Focus(mention));
            html! {
                <button type="button" {class} data-mention={start} {onmouseenter} {onclick}
                    aria-expanded={open.to_string()} aria-describedby={described}>{ for inner }</button>
            }
        };
        // The wrapper stays whether the card is open or not, so opening it keeps focus.
        html! {
            <span class="lens-name-wrap" {onmouseleave} {onfocusin} {onfocusout} {onkeydown}>
                { mention_html }
                if let Some(card) = card {
                    <NameCardView {card} />
                }
            </span>
        }
    }
}
