//! The article's outline, for articles with two or more headings. Entries ask the page
//! to show their heading (buttons, not `#` links: the hash belongs to the router).

use yew::prelude::*;

use crate::corpus::ArticleRef;

#[derive(Properties, PartialEq)]
pub struct TableOfContentsProps {
    pub article: ArticleRef,
    /// Shows the heading that is this text block.
    pub on_go: Callback<usize>,
}

#[component]
pub fn TableOfContents(props: &TableOfContentsProps) -> Html {
    let outline = use_memo(props.article, |a| a.0.outline());
    if outline.len() < 2 {
        return html! {};
    }
    let top = outline.iter().map(|(_, level, _)| *level).min().unwrap_or(1);
    html! {
        <details class="toc">
            <summary>{ format!("Contents ({})", outline.len()) }</summary>
            <nav aria-label="Contents">
                <ol>
                    { for outline.iter().map(|&(index, level, text)| {
                        let onclick = props.on_go.reform(move |_: MouseEvent| index);
                        html! {
                            <li class={format!("toc-level-{}", (level - top).min(3))}>
                                <button type="button" class="link-button" {onclick}>{ text.to_string() }</button>
                            </li>
                        }
                    }) }
                </ol>
            </nav>
        </details>
    }
}
