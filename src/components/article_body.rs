//! An article body rendered as VNodes: text nodes and elements only, never HTML strings,
//! so corpus text can never become markup. Search matches become numbered `<mark>`s
//! (`data-match="i"`), so the reading view can step through them; the reader's own
//! highlights are `<mark class="highlight">`, the sentence read aloud a
//! `<span class="speaking">`, and the news lenses switched on their names, quotes and
//! figures (see `marked_text`).
//!
//! A very long body renders in chunks of blocks as they near the window (placeholders
//! of about the right height stand in for the rest); each chunk re-renders only when its
//! own marks change, so stepping through matches or typing in the find box stays quick.

use std::ops::Range;
use std::rc::Rc;

use yew::prelude::*;

use crate::components::marked_text::{marked_text, Layers, LensLayers};
use crate::corpus::ArticleRef;
use crate::engine::article::{Article, Block, Text};
use crate::hooks::use_seen_chunks::use_seen_chunks;
use crate::state::lenses::{BlockLenses, Mention, NameCard, NameEvent, TextLenses};
use crate::state::marks::{BlockHighlights, BlockMarks, TextHighlights};

/// Top-level blocks per chunk of a long body.
const CHUNK_BLOCKS: usize = 100;
/// A body with less text than this renders whole; a longer one renders chunk by chunk
/// as it nears the window, so a huge article opens and updates quickly.
const EAGER_BYTES: usize = 150_000;

#[derive(Properties, PartialEq)]
pub struct ArticleBodyProps {
    pub article: ArticleRef,
    pub marks: Rc<BlockMarks>,
    /// The match shown as current, if any.
    pub current: Option<usize>,
    pub highlights: Rc<BlockHighlights>,
    /// The sentence being read aloud: text block and range.
    pub speaking: Option<(usize, Range<usize>)>,
    /// A text block that must be on the page (a heading or highlight about to be shown).
    pub reveal: Option<usize>,
    /// The body is long (see [`is_long`]): it renders chunk by chunk.
    pub long: bool,
    /// Per text block, the spans of the lenses switched on (none: no lens is).
    pub lenses: Rc<BlockLenses>,
    /// The open name card and the mention it belongs to.
    pub card: Option<(Mention, Rc<NameCard>)>,
    /// Per name of the article, whether it has a page (its mentions link there) or only
    /// its card.
    pub name_pages: Rc<Vec<bool>>,
    pub on_name: Callback<NameEvent>,
}

/// A run of top-level blocks rendered together, and the text blocks inside them.
#[derive(Debug, Clone, PartialEq)]
struct Chunk {
    blocks: Range<usize>,
    texts: Range<usize>,
    bytes: usize,
}

/// The body cut into chunks of `per_chunk` top-level blocks.
fn plan(blocks: &[Block], per_chunk: usize) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut text = 0;
    for (i, group) in blocks.chunks(per_chunk).enumerate() {
        let texts: Vec<&Text> = group.iter().flat_map(Block::texts).collect();
        let bytes = texts.iter().map(|t| t.text.len()).sum();
        out.push(Chunk { blocks: i * per_chunk..i * per_chunk + group.len(), texts: text..text + texts.len(), bytes });
        text += texts.len();
    }
    out
}

/// Whether the article is long enough to render in chunks (and to be searched with care).
pub fn is_long(article: &Article) -> bool {
    article.texts().iter().map(|t| t.text.len()).sum::<usize>() >= EAGER_BYTES
}

#[component]
pub fn ArticleBody(props: &ArticleBodyProps) -> Html {
    let chunks = use_memo(props.article, |a| plan(&a.blocks, CHUNK_BLOCKS));
    let levels = *use_memo(props.article, |a| a.heading_levels());
    // The block of the current match, of the sentence read, and the one to reveal must
    // be rendered whatever the scroll position.
    let match_block = props.current.and_then(|c| block_of_match(&props.marks, c));
    let wanted = [
        match_block,
        props.speaking.as_ref().map(|(b, _)| *b),
        props.reveal,
        props.card.as_ref().map(|(m, _)| m.block),
    ];
    let wanted_chunks: Vec<usize> =
        wanted.iter().flatten().filter_map(|b| chunks.iter().position(|c| c.texts.contains(b))).collect();
    // Chunks that came near the window, or were wanted, once stay rendered: the reader
    // may still be looking at them when they are no longer wanted.
    let body = use_node_ref();
    let seen = use_seen_chunks(body.clone(), props.long, wanted_chunks.clone());
    let mut first_match = props.marks.first;
    let parts: Vec<Html> = chunks
        .iter()
        .enumerate()
        .map(|(i, chunk)| {
            let first = first_match;
            first_match += props.marks.blocks.get(chunk.texts.clone()).map_or(0, |b| b.iter().map(Vec::len).sum());
            let needed = !props.long || i == 0 || seen.contains(&i) || wanted_chunks.contains(&i);
            if !needed {
                // Roughly as tall as its text will be, so the scrollbar tells the truth.
                let lines = chunk.bytes / 70 + (chunk.blocks.end - chunk.blocks.start);
                return html! { <div class="chunk-placeholder" data-chunk={i.to_string()} data-lines={lines.to_string()}></div> };
            }
            let matches = first..first_match;
            html! {
                <BodyChunk article={props.article} blocks={chunk.blocks.clone()} texts={chunk.texts.clone()} first_match={first} {levels}
                    marks={props.marks.clone()} current={props.current.filter(|c| matches.contains(c))}
                    highlights={props.highlights.clone()}
                    speaking={props.speaking.clone().filter(|(b, _)| chunk.texts.contains(b))}
                    lenses={props.lenses.clone()} card={props.card.clone().filter(|(m, _)| chunk.texts.contains(&m.block))}
                    name_pages={props.name_pages.clone()} on_name={props.on_name.clone()} />
            }
        })
        .collect();
    html! { <div class="reader-body" ref={body}>{ for parts }</div> }
}

/// The text block holding match number `number`.
fn block_of_match(marks: &BlockMarks, number: usize) -> Option<usize> {
    let mut at = marks.first;
    for (block, ranges) in marks.blocks.iter().enumerate() {
        if number < at + ranges.len() {
            return (number >= at).then_some(block);
        }
        at += ranges.len();
    }
    None
}

#[derive(Properties)]
struct BodyChunkProps {
    article: ArticleRef,
    blocks: Range<usize>,
    texts: Range<usize>,
    first_match: usize,
    /// The page heading level of each of the article's heading levels.
    levels: [u8; 7],
    marks: Rc<BlockMarks>,
    /// The current match, when it is in this chunk.
    current: Option<usize>,
    highlights: Rc<BlockHighlights>,
    speaking: Option<(usize, Range<usize>)>,
    lenses: Rc<BlockLenses>,
    /// The open name card, when its mention is in this chunk.
    card: Option<(Mention, Rc<NameCard>)>,
    name_pages: Rc<Vec<bool>>,
    on_name: Callback<NameEvent>,
}

/// A chunk re-renders only when what it shows changed: its own marks, highlights, lenses
/// and card.
impl PartialEq for BodyChunkProps {
    fn eq(&self, other: &Self) -> bool {
        fn marks(p: &BodyChunkProps) -> Option<&[Vec<Range<usize>>]> {
            p.marks.blocks.get(p.texts.clone())
        }
        fn highlights(p: &BodyChunkProps) -> Option<&[TextHighlights]> {
            p.highlights.get(p.texts.clone())
        }
        fn lenses(p: &BodyChunkProps) -> Option<&[TextLenses]> {
            p.lenses.get(p.texts.clone())
        }
        self.article == other.article
            && self.blocks == other.blocks
            && self.texts == other.texts
            && self.first_match == other.first_match
            && self.levels == other.levels
            && self.current == other.current
            && self.speaking == other.speaking
            && marks(self) == marks(other)
            && highlights(self) == highlights(other)
            && lenses(self) == lenses(other)
            && self.card == other.card
            && self.name_pages == other.name_pages
            && self.on_name == other.on_name
    }
}

#[component]
fn BodyChunk(props: &BodyChunkProps) -> Html {
    let mut cx = Cursor { props, block: props.texts.start, number: props.first_match };
    let blocks = props.article.blocks.get(props.blocks.clone()).unwrap_or(&[]);
    blocks.iter().map(|b| render_block(b, &mut cx)).collect::<Html>()
}

/// Where rendering is: which text block comes next and the number of its first match.
struct Cursor<'a> {
    props: &'a BodyChunkProps,
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
            first: Some(self.number),
            current: props.current,
            highlights: props.highlights.get(self.block).map(Vec::as_slice).unwrap_or(&[]),
            speaking: props.speaking.as_ref().filter(|(b, _)| *b == self.block).map(|(_, r)| r),
            lenses: props.lenses.get(self.block).map(|spans| LensLayers {
                spans,
                names: &props.article.lenses.names,
                pages: &props.name_pages,
                block: self.block,
                card: props.card.as_ref().filter(|(m, _)| m.block == self.block).map(|(m, card)| (m.start, card)),
                on_name: &props.on_name,
            }),
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
        // The article title is the page's only <h1>: body headings start at <h2>, with no
        // gap in the outline.
        Block::Heading { level, text: t } => {
            let tag = format!("h{}", cx.props.levels[usize::from((*level).clamp(1, 6))]);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn p(t: &str) -> Block {
        Block::Paragraph(Text::plain(t))
    }

    #[test]
    fn chunks_cover_every_block_and_count_their_texts() {
        let blocks = vec![p("a"), Block::SectionBreak, Block::Quote(vec![p("bb"), p("cc")]), p("ddd"), p("e")];
        let chunks = plan(&blocks, 2);
        assert_eq!(
            chunks,
            vec![
                Chunk { blocks: 0..2, texts: 0..1, bytes: 1 },
                Chunk { blocks: 2..4, texts: 1..4, bytes: 7 },
                Chunk { blocks: 4..5, texts: 4..5, bytes: 1 },
            ]
        );
    }

    #[test]
    fn a_match_number_leads_to_its_block() {
        let marks = BlockMarks { blocks: vec![vec![0..1, 2..3], vec![], vec![0..1]], first: 2 };
        assert_eq!(block_of_match(&marks, 1), None, "a title match");
        assert_eq!(block_of_match(&marks, 2), Some(0));
        assert_eq!(block_of_match(&marks, 3), Some(0));
        assert_eq!(block_of_match(&marks, 4), Some(2));
        assert_eq!(block_of_match(&marks, 5), None);
    }
}
