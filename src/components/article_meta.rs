//! The metadata line of an article: source · byline · date · reading time.

use yew::prelude::*;

use crate::corpus::ArticleRef;

#[derive(Properties, PartialEq)]
pub struct ArticleMetaProps {
    pub article: ArticleRef,
}

#[component]
pub fn ArticleMeta(props: &ArticleMetaProps) -> Html {
    let a = props.article;
    let mut parts: Vec<Html> = Vec::new();
    if let Some(source) = &a.source {
        parts.push(html! { <span class="meta-source">{ source }</span> });
    }
    if let Some(byline) = &a.byline {
        parts.push(html! { <span class="meta-byline">{ byline }</span> });
    }
    if let Some(date) = &a.published {
        parts.push(html! { <time datetime={date.iso_date()}>{ date.human() }</time> });
    }
    parts.push(html! { <span class="meta-time">{ format!("{} min read", a.reading_minutes) }</span> });
    let last = parts.len() - 1;
    html! {
        <p class="meta">
            { for parts.into_iter().enumerate().map(|(i, part)| html! {
                <>
                    { part }
                    if i < last { <span class="meta-sep" aria-hidden="true">{ " · " }</span> }
                </>
            }) }
        </p>
    }
}
