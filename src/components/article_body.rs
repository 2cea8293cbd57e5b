//! An article body rendered as VNodes: text nodes and elements only, never HTML strings,
//! so corpus text can never become markup. Search matches become numbered `<mark>`s
//! (`data-match="i"`), so the reading view can step through them.

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

#[derive(Properties, PartialEq)]
pub struct ArticleBodyProps {
    pub article: ArticleRef,
    pub marks: Rc<BlockMarks>,
    /// The match shown as current, if any.
    pub current: Option<usize>,
}

#[component]
pub fn ArticleBody(props: &ArticleBodyProps) -> Html {
    let mut cx = Cursor { marks: &props.marks, block: 0, number: props.marks.first, current: props.current };
    let blocks: Vec<Html> = props.article.blocks.iter().map(|b| render_block(b, &mut cx)).collect();
    html! { <div class="reader-body">{ for blocks }</div> }
}

/// Where rendering is: which text block comes next and the number of its first match.
struct Cursor<'a> {
    marks: &'a BlockMarks,
    block: usize,
    number: usize,
    current: Option<usize>,
}

impl Cursor<'_> {
    /// Renders the next text block in document order with its marks.
    fn text(&mut self, t: &Text) -> Html {
        let ranges = self.marks.blocks.get(self.block).map(Vec::as_slice).unwrap_or(&[]);
        let html = marked_text(t, ranges, self.number, self.current);
        self.number += ranges.len();
        self.block += 1;
        html
    }
}

fn render_block(block: &Block, cx: &mut Cursor<'_>) -> Html {
    match block {
        Block::Paragraph(t) => html! { <p>{ cx.text(t) }</p> },
        // The article title is the page's only <h1>: body headings start at <h2>.
        Block::Heading { level, text: t } => {
            let tag = format!("h{}", (level + 1).clamp(2, 6));
            let id = heading_id(cx.block);
            html! { <@{tag} {id}>{ cx.text(t) }</@> }
        }
        Block::Code(t) => html! { <pre><code>{ cx.text(t) }</code></pre> },
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
        [Block::Paragraph(t)] => html! { <li>{ cx.text(t) }</li> },
        _ => {
            let inner: Vec<Html> = blocks.iter().map(|b| render_block(b, cx)).collect();
            html! { <li>{ for inner }</li> }
        }
    }
}

/// A text with its inline structure and its matches, numbered from `first`.
pub fn marked_text(t: &Text, ranges: &[Range<usize>], first: usize, current: Option<usize>) -> Html {
    let mut leaf = Leaves { source: &t.text, ranges, next: 0, first, current };
    if t.inlines.is_empty() {
        return leaf.split(0, t.text.len(), false);
    }
    leaf.inlines(&t.inlines)
}

/// Walks inline leaves in text order, cutting them where matches start and end.
struct Leaves<'a> {
    source: &'a str,
    ranges: &'a [Range<usize>],
    /// First range that may still overlap the next leaf.
    next: usize,
    first: usize,
    current: Option<usize>,
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

    /// The leaf `start..end` as text nodes and `<mark>`s (inside `<code>` when `code`).
    fn split(&mut self, start: usize, end: usize, code: bool) -> Html {
        let mut parts: Vec<Html> = Vec::new();
        let mut at = start;
        let source = self.source;
        let text = |a: usize, b: usize| source.get(a..b).unwrap_or("").to_string();
        let mut i = self.next;
        while let Some(r) = self.ranges.get(i) {
            if r.start >= end {
                break;
            }
            if r.end > at {
                let (a, b) = (r.start.max(at), r.end.min(end));
                if a > at {
                    parts.push(html! { { text(at, a) } });
                }
                let number = self.first + i;
                let is_current = self.current == Some(number);
                parts.push(html! {
                    <mark data-match={number.to_string()} class={classes!(is_current.then_some("is-current"))}>{ text(a, b) }</mark>
                });
                at = b;
            }
            if r.end <= end {
                i += 1;
            } else {
                break;
            }
        }
        self.next = i;
        if at < end {
            parts.push(html! { { text(at, end) } });
        }
        if code { html! { <code>{ for parts }</code> } } else { parts.into_iter().collect::<Html>() }
    }
}
