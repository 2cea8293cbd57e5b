//! The article's outline, for articles with two or more headings. Entries scroll to their
//! heading (buttons, not `#` links: the hash belongs to the router).

use web_sys::{ScrollBehavior, ScrollIntoViewOptions};
use yew::prelude::*;

use crate::components::article_body::heading_id;
use crate::corpus::ArticleRef;

#[derive(Properties, PartialEq)]
pub struct TableOfContentsProps {
    pub article: ArticleRef,
}

#[component]
pub fn TableOfContents(props: &TableOfContentsProps) -> Html {
    let outline = props.article.outline();
    if outline.len() < 2 {
        return html! {};
    }
    let top = outline.iter().map(|(_, level, _)| *level).min().unwrap_or(1);
    html! {
        <details class="toc">
            <summary>{ format!("Contents ({})", outline.len()) }</summary>
            <nav aria-label="Contents">
                <ol>
                    { for outline.into_iter().map(|(index, level, text)| {
                        let onclick = Callback::from(move |_: MouseEvent| {
                            if let Some(heading) = gloo::utils::document().get_element_by_id(&heading_id(index)) {
                                let options = ScrollIntoViewOptions::new();
                                options.set_behavior(ScrollBehavior::Smooth);
                                heading.scroll_into_view_with_scroll_into_view_options(&options);
                            }
                        });
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
