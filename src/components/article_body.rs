//! An article body rendered as VNodes: text nodes and elements only, never HTML strings,
//! so corpus text can never become markup. Search matches become numbered `<mark>`s
//! (`data-match="i"`), so the reading view can step through them; the reader's own
//! highlights are `<mark class="highlight">`, and the sentence read aloud a
//! `<span class="speaking">`.

use std::ops::Range;
use std::rc::Rc;

use yew::prelude::*;

use crate::corpus::ArticleRef;
use crate::engine::article::{is_safe_href, Block, Inline, Text};

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

/// Per text block, the reader's highlights in it as `(range, highlight number)`.
pub type BlockHighlights = Vec<Vec<(Range<usize>, usize)>>;

#[derive(Properties, PartialEq)]
pub struct ArticleBodyProps {
    pub article: ArticleRef,
    pub marks: Rc<BlockMarks>,
    /// The match shown as current, if any.
    pub current: Option<usize>,
    pub highlights: Rc<BlockHighlights>,
    /// The sentence being read aloud: text block and range.
    pub speaking: Option<(usize, Range<usize>)>,
}

#[component]
pub fn ArticleBody(props: &ArticleBodyProps) -> Html {
    let mut cx = Cursor { props, block: 0, number: props.marks.first };
    let blocks: Vec<Html> = props.article.blocks.iter().map(|b| render_block(b, &mut cx)).collect();
    html! { <div class="reader-body">{ for blocks }</div> }
}

/// Where rendering is: which text block comes next and the number of its first match.
struct Cursor<'a> {
    props: &'a ArticleBodyProps,
    block: usize,
    number: usize,
}

impl Cursor<'_> {
    /// Renders the next text block in document order with its marks.
    fn text(&mut self, t: &Text) -> Html {
        let props = self.props;
        let matches = props.marks.blocks.get(self.block).map(Vec::as_slice).unwrap_or(&[]);
        let layers = Layers {
            matches,
            first: self.number,
            current: props.current,
            highlights: props.highlights.get(self.block).map(Vec::as_slice).unwrap_or(&[]),
            speaking: props.speaking.as_ref().filter(|(b, _)| *b == self.block).map(|(_, r)| r),
        };
        let html = marked_text(t, layers);
        self.number += matches.len();
        self.block += 1;
        html
    }
}

/// Text-bearing elements carry their text block's index (`data-block`), so a selection
/// in the page can be mapped back to the article's text.
fn render_block(block: &Block, cx: &mut Cursor<'_>) -> Html {
    let index = cx.block.to_string();
    match block {
        Block::Paragraph(t) => html! { <p data-block={index}>{ cx.text(t) }</p> },
        // The article title is the page's only <h1>: body headings start at <h2>.
        Block::Heading { level, text: t } => {
            let tag = format!("h{}", (level + 1).clamp(2, 6));
            let id = heading_id(cx.block);
            html! { <@{tag} {id} data-block={index}>{ cx.text(t) }</@> }
        }
        Block::Code(t) => html! { <pre data-block={index}><code>{ cx.text(t) }</code></pre> },
        Block::Quote(inner) => {
            let inner: Vec<Html> = inner.iter().map(|b| render_block(b, cx)).collect();
            html! { <blockquote>{ for inner }</blockquote> }
        }
        Block::List { start, items } => {
            let items: Vec<Html> = items.iter().map(|item| list_item(item, cx)).collect();
            match start {
                Some(start) => html! { <ol start={start.to_string()}>{ for items }</ol> },
                None => html! { <ul>{ for items }</ul> },
            }
        }
        Block::SectionBreak => html! { <hr class="section-break" /> },
    }
}

/// The `id` of the heading that is text block `block`, for the table of contents.
pub fn heading_id(block: usize) -> String {
    format!("section-{block}")
}

fn list_item(blocks: &[Block], cx: &mut Cursor<'_>) -> Html {
    // A tight item is a single paragraph: render its text without a <p>.
    match blocks {
        [Block::Paragraph(t)] => html! { <li data-block={cx.block.to_string()}>{ cx.text(t) }</li> },
        _ => {
            let inner: Vec<Html> = blocks.iter().map(|b| render_block(b, cx)).collect();
            html! { <li>{ for inner }</li> }
        }
    }
}

/// What is marked inside one text: search matches (numbered from `first`, `current`
/// shown distinctly), the reader's highlights (`(range, number)`, disjoint and sorted) and
/// the sentence being read aloud. Ranges are byte ranges into the text, sorted.
#[derive(Clone, Copy, Default)]
pub struct Layers<'a> {
    pub matches: &'a [Range<usize>],
    pub first: usize,
    pub current: Option<usize>,
    pub highlights: &'a [(Range<usize>, usize)],
    pub speaking: Option<&'a Range<usize>>,
}

/// A text with its inline structure and its marks.
pub fn marked_text(t: &Text, layers: Layers<'_>) -> Html {
    let mut leaf = Leaves { source: &t.text, layers, next_match: 0, next_highlight: 0 };
    if t.inlines.is_empty() {
        return leaf.split(0, t.text.len(), false);
    }
    leaf.inlines(&t.inlines)
}

/// Walks inline leaves in text order, cutting them where marks start and end.
struct Leaves<'a> {
    source: &'a str,
    layers: Layers<'a>,
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
        let Layers { matches, first, current, highlights, speaking } = self.layers;
        let mut parts: Vec<Html> = Vec::new();
        let mut at = start;
        while at < end {
            while matches.get(self.next_match).is_some_and(|r| r.end <= at) {
                self.next_match += 1;
            }
            while highlights.get(self.next_highlight).is_some_and(|(r, _)| r.end <= at) {
                self.next_highlight += 1;
            }
            let in_match = matches.get(self.next_match).filter(|r| r.start <= at).map(|_| first + self.next_match);
            let in_highlight = highlights.get(self.next_highlight).filter(|(r, _)| r.start <= at).map(|(_, n)| *n);
            let in_speaking = speaking.is_some_and(|r| r.start <= at && at < r.end);
            // The piece ends where the next mark starts or a covering one ends.
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
            if let Some(number) = in_match {
                let class = classes!((current == Some(number)).then_some("is-current"));
                piece = html! { <mark data-match={number.to_string()} {class}>{ piece }</mark> };
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
        if code { html! { <code>{ for parts }</code> } } else { parts.into_iter().collect::<Html>() }
    }
}
