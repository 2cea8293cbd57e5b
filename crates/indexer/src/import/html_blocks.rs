//! HTML to article blocks: the one converter for a saved page's extracted article, a feed
//! entry's content and an export's content. It walks the parsed HTML (html5ever, through
//! dom_query) and feeds its elements to the engine's block builder as document events
//! ([`markdown::from_events`]), so headings, paragraphs, lists, quotes, code, emphasis and
//! links follow the rules Markdown follows, link safety included. Only text is kept:
//! scripts, styles, frames, forms, media and images are dropped, and nothing is fetched.

use dom_query::{Document, NodeRef};
use lectern_engine::article::Block;
use lectern_engine::markdown;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Tag, TagEnd};

/// The blocks of an HTML document or fragment.
pub fn to_blocks(html: &str) -> Vec<Block> {
    let document = Document::fragment(html);
    let mut walk = Walk::default();
    walk.run(document.root());
    markdown::from_events(walk.events)
}

/// Elements whose content is not text a reader reads.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "svg",
    "math", "canvas", "video", "audio", "picture", "source", "track", "img", "input", "button", "select", "textarea",
    "head", "title", "meta", "link", "base", "map", "area", "dialog",
];

/// Elements that separate blocks without being one of the builder's blocks.
const BOUNDARIES: &[&str] = &[
    "html",
    "body",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "figure",
    "figcaption",
    "address",
    "details",
    "summary",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "center",
    "form",
    "fieldset",
    "legend",
    "hgroup",
    "li",
];

#[derive(Clone, Copy, PartialEq)]
enum Container {
    Quote,
    List,
    Item,
}

/// What leaving an element does.
enum Exit {
    /// Ends a block (a quote, a list or an item also leaves the walker's containers).
    End(TagEnd),
    /// Ends an inline span: emphasis, strong, strikethrough, a link.
    Inline(TagEnd),
    /// Ends a block-level element that is no block of its own.
    Boundary,
    /// Nothing: the element only holds its content (`span`, `font`, …).
    Transparent,
}

enum Step<'a> {
    Enter(NodeRef<'a>),
    Exit(Exit),
}

#[derive(Default)]
struct Walk<'a> {
    events: Vec<Event<'a>>,
    /// Nothing written in the current block yet: leading white space is dropped.
    at_start: bool,
    /// White space seen since the last text: one space before the next text.
    pending_space: bool,
    /// Open quotes, lists and items: an `li` is an item only directly in a list.
    containers: Vec<Container>,
}

impl<'a> Walk<'a> {
    /// Walks the tree from `root` with an explicit stack: deep documents cannot overflow it.
    fn run(&mut self, root: NodeRef<'a>) {
        self.at_start = true;
        let mut stack = vec![Step::Enter(root)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Exit(exit) => self.exit(exit),
                Step::Enter(node) if node.is_text() => self.text(&node.text()),
                Step::Enter(node) if node.is_element() => {
                    if let Some(exit) = self.enter(&node) {
                        stack.push(Step::Exit(exit));
                        let children: Vec<_> = node.children_it(false).collect();
                        stack.extend(children.into_iter().rev().map(Step::Enter));
                    }
                }
                Step::Enter(node) if node.is_document() || node.is_fragment() => {
                    let children: Vec<_> = node.children_it(false).collect();
                    stack.extend(children.into_iter().rev().map(Step::Enter));
                }
                Step::Enter(_) => {}
            }
        }
    }

    fn block(&mut self, event: Event<'a>) {
        self.drop_trailing_space();
        self.at_start = true;
        self.pending_space = false;
        self.events.push(event);
    }

    /// Opens `node`'s element; `None` when its content is skipped (dropped or taken whole).
    fn enter(&mut self, node: &NodeRef<'a>) -> Option<Exit> {
        let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        if DROPPED.contains(&name.as_str()) || node.has_attr("hidden") {
            return None;
        }
        let heading = |level| Tag::Heading { level, id: None, classes: Vec::new(), attrs: Vec::new() };
        let (tag, end) = match name.as_str() {
            "p" => (Tag::Paragraph, TagEnd::Paragraph),
            "h1" => (heading(HeadingLevel::H1), TagEnd::Heading(HeadingLevel::H1)),
            "h2" => (heading(HeadingLevel::H2), TagEnd::Heading(HeadingLevel::H2)),
            "h3" => (heading(HeadingLevel::H3), TagEnd::Heading(HeadingLevel::H3)),
            "h4" => (heading(HeadingLevel::H4), TagEnd::Heading(HeadingLevel::H4)),
            "h5" => (heading(HeadingLevel::H5), TagEnd::Heading(HeadingLevel::H5)),
            "h6" => (heading(HeadingLevel::H6), TagEnd::Heading(HeadingLevel::H6)),
            "pre" => {
                self.block(Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(CowStr::Borrowed("")))));
                self.events.push(Event::Text(CowStr::from(node.text().to_string())));
                self.block(Event::End(TagEnd::CodeBlock));
                return None;
            }
            "code" | "kbd" | "samp" | "tt" => {
                self.code(node.text().split_whitespace().collect::<Vec<_>>().join(" "));
                return None;
            }
            "br" => {
                self.block(Event::HardBreak);
                return None;
            }
            "hr" => {
                self.block(Event::Rule);
                return None;
            }
            "blockquote" => {
                self.containers.push(Container::Quote);
                self.block(Event::Start(Tag::BlockQuote(None)));
                return Some(Exit::End(TagEnd::BlockQuote(None)));
            }
            "ul" | "ol" => {
                let start = (name == "ol").then(|| node.attr("start").and_then(|s| s.trim().parse().ok()).unwrap_or(1));
                self.containers.push(Container::List);
                self.block(Event::Start(Tag::List(start)));
                return Some(Exit::End(TagEnd::List(start.is_some())));
            }
            "li" if self.containers.last() == Some(&Container::List) => {
                self.containers.push(Container::Item);
                (Tag::Item, TagEnd::Item)
            }
            "em" | "i" | "cite" | "dfn" | "var" => return self.inline(Tag::Emphasis, TagEnd::Emphasis),
            "strong" | "b" => return self.inline(Tag::Strong, TagEnd::Strong),
            "s" | "del" | "strike" => return self.inline(Tag::Strikethrough, TagEnd::Strikethrough),
            "a" => match node.attr("href") {
                Some(href) => {
                    let link = Tag::Link {
                        link_type: LinkType::Inline,
                        dest_url: CowStr::from(href.trim().to_string()),
                        title: CowStr::Borrowed(""),
                        id: CowStr::Borrowed(""),
                    };
                    return self.inline(link, TagEnd::Link);
                }
                None => return Some(Exit::Transparent),
            },
            other if BOUNDARIES.contains(&other) => {
                self.block(Event::Start(Tag::Paragraph));
                return Some(Exit::Boundary);
            }
            _ => return Some(Exit::Transparent),
        };
        self.block(Event::Start(tag));
        Some(Exit::End(end))
    }

    /// Opens an inline span; white space before it stays outside it.
    fn inline(&mut self, tag: Tag<'a>, end: TagEnd) -> Option<Exit> {
        self.flush_space();
        self.events.push(Event::Start(tag));
        Some(Exit::Inline(end))
    }

    fn exit(&mut self, exit: Exit) {
        match exit {
            Exit::End(end) => {
                if matches!(end, TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item) {
                    self.containers.pop();
                }
                self.block(Event::End(end));
            }
            Exit::Inline(end) => self.events.push(Event::End(end)),
            Exit::Boundary => self.block(Event::End(TagEnd::Paragraph)),
            Exit::Transparent => {}
        }
    }

    /// Text with runs of white space as one space, none at the start of a block; a run at
    /// the end waits for more text.
    fn text(&mut self, text: &str) {
        let mut out = String::new();
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space |= !self.at_start;
            } else {
                if self.pending_space {
                    out.push(' ');
                    self.pending_space = false;
                }
                out.push(c);
                self.at_start = false;
            }
        }
        if !out.is_empty() {
            self.events.push(Event::Text(CowStr::from(out)));
        }
    }

    /// Removes the spaces written before inline spans that no text followed (`word <a
    /// href=…></a>` at the end of a heading): a block ends with its last word.
    fn drop_trailing_space(&mut self) {
        let mut i = self.events.len();
        while i > 0 {
            match &self.events[i - 1] {
                Event::Text(t) if t.as_ref() == " " => {
                    self.events.remove(i - 1);
                }
                Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. })
                | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link) => {}
                _ => break,
            }
            i -= 1;
        }
    }

    fn flush_space(&mut self) {
        if self.pending_space {
            self.events.push(Event::Text(CowStr::Borrowed(" ")));
            self.pending_space = false;
        }
    }

    fn code(&mut self, code: String) {
        if code.is_empty() {
            return;
        }
        self.flush_space();
        self.at_start = false;
        self.events.push(Event::Code(CowStr::from(code)));
    }
}

#[cfg(test)]
mod tests {
    use lectern_engine::article::{Inline, Text};

    use super::*;

    fn p(text: &str) -> Block {
        Block::Paragraph(Text::plain(text))
    }

    #[test]
    fn elements_become_blocks() {
        let blocks = to_blocks(
            "<h1>Title</h1><div>Loose <b>bold</b>\n  text</div><p>One<br>two</p><blockquote><p>Quoted</p></blockquote>\
             <ul><li>a</li><li><p>b</p></li></ul><ol start=3><li>c</li></ol><pre>  code\n    kept</pre><hr><li>stray</li>",
        );
        assert!(matches!(&blocks[0], Block::Heading { level: 1, text } if text.text == "Title"));
        let Block::Paragraph(loose) = &blocks[1] else { panic!("{blocks:?}") };
        assert_eq!(loose.text, "Loose bold text");
        assert_eq!(loose.inlines[1], Inline::Strong(vec![Inline::Plain { start: 6, end: 10 }]));
        assert_eq!(
            blocks[2],
            Block::Paragraph(Text {
                text: "One\ntwo".into(),
                inlines: vec![
                    Inline::Plain { start: 0, end: 3 },
                    Inline::LineBreak,
                    Inline::Plain { start: 4, end: 7 }
                ]
            })
        );
        assert_eq!(blocks[3], Block::Quote(vec![p("Quoted")]));
        assert_eq!(blocks[4], Block::List { start: None, items: vec![vec![p("a")], vec![p("b")]] });
        assert_eq!(blocks[5], Block::List { start: Some(3), items: vec![vec![p("c")]] });
        assert_eq!(blocks[6], Block::Code(Text::plain("  code\n    kept")));
        assert_eq!(blocks[7], Block::SectionBreak);
        assert_eq!(blocks[8], p("stray"));
        let heading = to_blocks("<h2>Toolchains <a href=\"https://x.example/#a\"></a></h2>");
        assert!(matches!(&heading[0], Block::Heading { text, .. } if text.text == "Toolchains"), "{heading:?}");
        assert_eq!(blocks.len(), 9);
    }

    #[test]
    fn only_text_is_kept_and_links_are_safe() {
        let blocks = to_blocks(
            "<p>A <script>alert(1)</script><style>p{}</style><img src=x onerror=alert(2) alt=pic>b \
             <a href=\"javascript:alert(3)\">bad</a> <a href=\" https://ok.example/\">good</a> <a href=/rel>rel</a> \
             <code>x  &lt;y&gt;</code></p><iframe src=https://evil.example></iframe><p hidden>secret</p><svg><text>drawn</text></svg>",
        );
        assert_eq!(blocks.len(), 1, "{blocks:?}");
        let Block::Paragraph(t) = &blocks[0] else { panic!() };
        assert_eq!(t.text, "A b bad good rel x <y>");
        let links: Vec<&str> = t
            .inlines
            .iter()
            .filter_map(|i| if let Inline::Link { href, .. } = i { Some(href.as_str()) } else { None })
            .collect();
        assert_eq!(links, ["https://ok.example/"]);
        assert!(t.inlines.contains(&Inline::Code { start: 17, end: 22 }), "{:?}", t.inlines);
    }

    #[test]
    fn an_item_inside_an_item_without_its_list_is_kept() {
        let blocks = to_blocks("<ol><li>a<table><tr><td><li>b</li></td></tr></table></li></ol>");
        assert_eq!(blocks, vec![Block::List { start: Some(1), items: vec![vec![p("a"), p("b")]] }]);
    }

    #[test]
    fn deep_documents_do_not_overflow() {
        let deep = format!("{}deep{}", "<div><span>".repeat(2_000), "</span></div>".repeat(2_000));
        let blocks =
            std::thread::Builder::new().stack_size(256 << 10).spawn(move || to_blocks(&deep)).unwrap().join().unwrap();
        assert_eq!(blocks.iter().flat_map(Block::texts).map(|t| t.text.as_str()).collect::<Vec<_>>(), ["deep"]);
    }
}
