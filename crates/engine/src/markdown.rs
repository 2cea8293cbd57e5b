//! CommonMark (via pulldown-cmark) to article blocks, at build time only.
//!
//! Raw HTML is never passed through: HTML blocks and inline HTML become visible text.
//! Links keep only http, https and mailto targets (others keep their text, lose the link).
//! Images are dropped: the reader shows text, and loads nothing from third parties.
//!
//! The builder of blocks from events ([`from_events`]) is the one the indexer's HTML reader
//! feeds too (it walks a page's elements as these events), so both follow the same rules.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::article::{is_safe_href, Block, Inline, Text};

/// Parses a Markdown body into blocks.
pub fn to_blocks(markdown: &str) -> Vec<Block> {
    from_events(Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH))
}

/// Blocks from a stream of document events, as pulldown-cmark writes them. A text event
/// outside any block opens a paragraph; a paragraph started inside another ends it.
pub fn from_events<'a>(events: impl IntoIterator<Item = Event<'a>>) -> Vec<Block> {
    let mut builder = Builder::default();
    for event in events {
        builder.event(event);
    }
    builder.finish()
}

#[derive(Default)]
struct Builder {
    /// Open containers (quotes, lists, list items); the document is the implicit root.
    containers: Vec<Container>,
    root: Vec<Block>,
    /// The text block being written, if any.
    text: Option<TextBuilder>,
    /// Depth of open images: their alt text is not shown.
    in_image: usize,
}

enum Container {
    Quote(Vec<Block>),
    List { start: Option<u64>, items: Vec<Vec<Block>> },
    Item(Vec<Block>),
}

#[derive(Clone, Copy)]
enum TextKind {
    Paragraph,
    Heading(u8),
    Code,
}

enum Frame {
    Emphasis,
    Strong,
    Strikethrough,
    Link(String),
}

struct TextBuilder {
    kind: TextKind,
    text: String,
    /// Open inline frames with the children collected so far; index 0 is the block root.
    frames: Vec<(Option<Frame>, Vec<Inline>)>,
}

impl TextBuilder {
    fn new(kind: TextKind) -> Self {
        TextBuilder { kind, text: String::new(), frames: vec![(None, Vec::new())] }
    }

    fn push_leaf(&mut self, s: &str, code: bool) {
        if s.is_empty() {
            return;
        }
        let start = self.text.len() as u32;
        self.text.push_str(s);
        let end = self.text.len() as u32;
        let children = &mut self.frames.last_mut().expect("root frame").1;
        match (children.last_mut(), code) {
            (Some(Inline::Plain { end: last_end, .. }), false) if *last_end == start => *last_end = end,
            _ => children.push(if code { Inline::Code { start, end } } else { Inline::Plain { start, end } }),
        }
    }

    fn open(&mut self, frame: Frame) {
        self.frames.push((Some(frame), Vec::new()));
    }

    fn close(&mut self) {
        if self.frames.len() < 2 {
            return;
        }
        let (frame, children) = self.frames.pop().expect("checked above");
        let parent = &mut self.frames.last_mut().expect("root frame").1;
        match frame {
            Some(Frame::Emphasis) => parent.push(Inline::Emphasis(children)),
            Some(Frame::Strong) => parent.push(Inline::Strong(children)),
            Some(Frame::Strikethrough) => parent.push(Inline::Strikethrough(children)),
            // A link with no text (an HTML heading's anchor) would be a link with no name.
            Some(Frame::Link(_)) if children.is_empty() => {}
            Some(Frame::Link(href)) if is_safe_href(&href) => parent.push(Inline::Link { href, children }),
            // An unsafe or relative link keeps its text and loses its target.
            Some(Frame::Link(_)) | None => parent.extend(children),
        }
    }

    fn finish(mut self) -> Option<Block> {
        while self.frames.len() > 1 {
            self.close();
        }
        let inlines = self.frames.pop().map(|(_, c)| c).unwrap_or_default();
        if self.text.trim().is_empty() {
            return None;
        }
        let all_plain =
            matches!(inlines.as_slice(), [Inline::Plain { start: 0, end }] if *end as usize == self.text.len());
        let text = Text { inlines: if all_plain { Vec::new() } else { inlines }, text: self.text };
        Some(match self.kind {
            TextKind::Paragraph => Block::Paragraph(text),
            TextKind::Heading(level) => Block::Heading { level, text },
            TextKind::Code => Block::Code(Text::plain(text.text.trim_end_matches('\n'))),
        })
    }
}

impl Builder {
    fn push_block(&mut self, block: Block) {
        match self.containers.last_mut() {
            Some(Container::Quote(blocks)) | Some(Container::Item(blocks)) => blocks.push(block),
            // Content directly in a list (never produced by pulldown-cmark) joins a new item.
            Some(Container::List { items, .. }) => items.push(vec![block]),
            None => self.root.push(block),
        }
    }

    fn end_text(&mut self) {
        if let Some(block) = self.text.take().and_then(TextBuilder::finish) {
            self.push_block(block);
        }
    }

    /// The text block inline content goes to; tight list items get an implicit paragraph.
    fn text(&mut self) -> &mut TextBuilder {
        self.text.get_or_insert_with(|| TextBuilder::new(TextKind::Paragraph))
    }

    fn event(&mut self, event: Event<'_>) {
        if self.in_image > 0 {
            match event {
                Event::Start(Tag::Image { .. }) => self.in_image += 1,
                Event::End(TagEnd::Image) => self.in_image -= 1,
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(s) => self.text().push_leaf(&s, false),
            Event::Code(s) => self.text().push_leaf(&s, true),
            Event::InlineHtml(s) | Event::InlineMath(s) | Event::DisplayMath(s) => self.text().push_leaf(&s, false),
            // An HTML block arrives line by line: shown as one paragraph of text.
            Event::Html(s) => {
                let t = self.text();
                if !t.text.is_empty() {
                    t.push_leaf(" ", false);
                }
                t.push_leaf(s.trim_end_matches('\n'), false);
            }
            Event::SoftBreak => self.text().push_leaf(" ", false),
            Event::HardBreak => {
                let t = self.text();
                t.text.push('\n');
                t.frames.last_mut().expect("root frame").1.push(Inline::LineBreak);
            }
            Event::Rule => {
                self.end_text();
                self.push_block(Block::SectionBreak);
            }
            Event::FootnoteReference(s) => self.text().push_leaf(&format!("[{s}]"), false),
            Event::TaskListMarker(done) => self.text().push_leaf(if done { "☑ " } else { "☐ " }, false),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => {
                self.end_text();
                self.text = Some(TextBuilder::new(TextKind::Paragraph));
            }
            Tag::Heading { level, .. } => {
                self.end_text();
                self.text = Some(TextBuilder::new(TextKind::Heading(level as u8)));
            }
            Tag::CodeBlock(_) => {
                self.end_text();
                self.text = Some(TextBuilder::new(TextKind::Code));
            }
            Tag::HtmlBlock => {
                self.end_text();
                self.text = Some(TextBuilder::new(TextKind::Paragraph));
            }
            Tag::BlockQuote(_) => {
                self.end_text();
                self.containers.push(Container::Quote(Vec::new()));
            }
            Tag::List(start) => {
                self.end_text();
                self.containers.push(Container::List { start, items: Vec::new() });
            }
            Tag::Item => {
                self.end_text();
                self.containers.push(Container::Item(Vec::new()));
            }
            Tag::Emphasis => self.text().open(Frame::Emphasis),
            Tag::Strong => self.text().open(Frame::Strong),
            Tag::Strikethrough => self.text().open(Frame::Strikethrough),
            // An e-mail autolink (`<a@b.c>`) carries the bare address: it links as mailto.
            Tag::Link { link_type: LinkType::Email, dest_url, .. } => {
                self.text().open(Frame::Link(format!("mailto:{dest_url}")))
            }
            Tag::Link { dest_url, .. } => self.text().open(Frame::Link(dest_url.to_string())),
            Tag::Image { .. } => self.in_image = 1,
            // Extensions that are not enabled, and footnote definitions: their content
            // flows into ordinary blocks.
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::HtmlBlock => self.end_text(),
            TagEnd::BlockQuote(_) => {
                self.end_text();
                if let Some(Container::Quote(blocks)) = self.containers.pop() {
                    if !blocks.is_empty() {
                        self.push_block(Block::Quote(blocks));
                    }
                }
            }
            TagEnd::Item => {
                self.end_text();
                if let Some(Container::Item(blocks)) = self.containers.pop() {
                    if let Some(Container::List { items, .. }) = self.containers.last_mut() {
                        items.push(blocks);
                    }
                }
            }
            TagEnd::List(_) => {
                self.end_text();
                if let Some(Container::List { start, items }) = self.containers.pop() {
                    if items.iter().any(|i| !i.is_empty()) {
                        self.push_block(Block::List { start, items });
                    }
                }
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link => {
                if let Some(t) = self.text.as_mut() {
                    t.close();
                }
            }
            _ => {}
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.end_text();
        while let Some(container) = self.containers.pop() {
            let block = match container {
                Container::Quote(blocks) => Block::Quote(blocks),
                Container::List { start, items } => Block::List { start, items },
                Container::Item(blocks) => Block::List { start: None, items: vec![blocks] },
            };
            self.push_block(block);
        }
        self.root
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(block: &Block) -> &str {
        match block {
            Block::Paragraph(t) | Block::Heading { text: t, .. } | Block::Code(t) => &t.text,
            _ => "",
        }
    }

    #[test]
    fn headings_paragraphs_quotes_lists_code() {
        let blocks = to_blocks("# Title\n\nSome *em* and **strong**.\n\n> quoted\n\n- one\n- two\n\n1. first\n\n```\ncode <b>\n```\n\n***\n");
        assert!(matches!(&blocks[0], Block::Heading { level: 1, text } if text.text == "Title"));
        assert_eq!(text_of(&blocks[1]), "Some em and strong.");
        match &blocks[1] {
            Block::Paragraph(t) => assert_eq!(
                t.inlines,
                vec![
                    Inline::Plain { start: 0, end: 5 },
                    Inline::Emphasis(vec![Inline::Plain { start: 5, end: 7 }]),
                    Inline::Plain { start: 7, end: 12 },
                    Inline::Strong(vec![Inline::Plain { start: 12, end: 18 }]),
                    Inline::Plain { start: 18, end: 19 },
                ]
            ),
            other => panic!("{other:?}"),
        }
        assert!(matches!(&blocks[2], Block::Quote(inner) if text_of(&inner[0]) == "quoted"));
        assert!(
            matches!(&blocks[3], Block::List { start: None, items } if items.len() == 2 && text_of(&items[1][0]) == "two")
        );
        assert!(matches!(&blocks[4], Block::List { start: Some(1), .. }));
        assert_eq!(text_of(&blocks[5]), "code <b>");
        assert_eq!(blocks[6], Block::SectionBreak);
    }

    #[test]
    fn links_keep_only_safe_targets() {
        let blocks = to_blocks("[ok](https://a.example) [bad](javascript:alert(1)) [rel](/x) [mail](mailto:a@b.c)");
        let Block::Paragraph(t) = &blocks[0] else { panic!() };
        let hrefs: Vec<&str> = t
            .inlines
            .iter()
            .filter_map(|i| match i {
                Inline::Link { href, .. } => Some(href.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(hrefs, ["https://a.example", "mailto:a@b.c"]);
        assert_eq!(t.text, "ok bad rel mail");
        assert_eq!(to_blocks("[](https://a.example) x"), vec![Block::Paragraph(Text::plain(" x"))], "no empty link");
    }

    #[test]
    fn raw_html_becomes_text_and_images_vanish() {
        let blocks =
            to_blocks("<script>alert(1)</script>\n\nA <img src=x onerror=alert(1)> b ![alt](https://x/y.png)\n");
        assert_eq!(text_of(&blocks[0]), "<script>alert(1)</script>");
        assert_eq!(text_of(&blocks[1]), "A <img src=x onerror=alert(1)> b ");
    }
}
