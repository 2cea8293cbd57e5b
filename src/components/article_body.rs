//! An article body rendered as VNodes: text nodes and elements only, never HTML strings,
//! so corpus text can never become markup.

use yew::prelude::*;

use crate::corpus::ArticleRef;
use crate::engine::article::{is_safe_href, Block, Inline, Text};

#[derive(Properties, PartialEq)]
pub struct ArticleBodyProps {
    pub article: ArticleRef,
}

#[component]
pub fn ArticleBody(props: &ArticleBodyProps) -> Html {
    html! {
        <div class="reader-body">
            { for props.article.blocks.iter().map(render_block) }
        </div>
    }
}

fn render_block(block: &Block) -> Html {
    match block {
        Block::Paragraph(t) => html! { <p>{ text(t) }</p> },
        // The article title is the page's only <h1>: body headings start at <h2>.
        Block::Heading { level, text: t } => {
            let tag = format!("h{}", (level + 1).clamp(2, 6));
            html! { <@{tag}>{ text(t) }</@> }
        }
        Block::Code(t) => html! { <pre><code>{ &t.text }</code></pre> },
        Block::Quote(inner) => html! { <blockquote>{ for inner.iter().map(render_block) }</blockquote> },
        Block::List { start: Some(start), items } => html! {
            <ol start={start.to_string()}>{ for items.iter().map(list_item) }</ol>
        },
        Block::List { start: None, items } => html! { <ul>{ for items.iter().map(list_item) }</ul> },
        Block::SectionBreak => html! { <hr class="section-break" /> },
    }
}

fn list_item(blocks: &Vec<Block>) -> Html {
    // A tight item is a single paragraph: render its text without a <p>.
    match blocks.as_slice() {
        [Block::Paragraph(t)] => html! { <li>{ text(t) }</li> },
        _ => html! { <li>{ for blocks.iter().map(render_block) }</li> },
    }
}

fn text(t: &Text) -> Html {
    if t.inlines.is_empty() {
        return html! { { t.text.as_str() } };
    }
    inlines(&t.text, &t.inlines)
}

fn inlines(source: &str, nodes: &[Inline]) -> Html {
    let slice = |start: &u32, end: &u32| source.get(*start as usize..*end as usize).unwrap_or("").to_string();
    html! {
        for node in nodes {
            { match node {
                Inline::Plain { start, end } => html! { { slice(start, end) } },
                Inline::Code { start, end } => html! { <code>{ slice(start, end) }</code> },
                Inline::Emphasis(children) => html! { <em>{ inlines(source, children) }</em> },
                Inline::Strong(children) => html! { <strong>{ inlines(source, children) }</strong> },
                Inline::Strikethrough(children) => html! { <s>{ inlines(source, children) }</s> },
                Inline::Link { href, children } if is_safe_href(href) => html! {
                    <a href={href.clone()} rel="noopener noreferrer">{ inlines(source, children) }</a>
                },
                Inline::Link { children, .. } => inlines(source, children),
                Inline::LineBreak => html! { <br /> },
            } }
        }
    }
}
