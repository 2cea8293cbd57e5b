//! The ranked results: title and excerpt with their matches marked, the metadata line.
//! Keys pressed in the list go to `on_key` (↑/↓ move focus: `hooks/use_library_keys.rs`).

use std::rc::Rc;

use yew::prelude::*;

use crate::components::article_meta::ArticleMeta;
use crate::components::marked_text::Marked;
use crate::components::query_link::QueryLink;
use crate::hooks::use_search::ResultItem;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    pub items: Rc<Vec<ResultItem>>,
    /// Query string the article links carry, so the reading view can highlight and return.
    pub link_query: AttrValue,
    pub list_ref: NodeRef,
    /// A key pressed in the list.
    pub on_key: Callback<KeyboardEvent>,
    /// A result is pointed at or focused: the reader may open it (its article number).
    pub on_interest: Callback<usize>,
}

#[component]
pub fn ResultList(props: &ResultListProps) -> Html {
    html! {
        <ul class="results" aria-label="Articles" ref={props.list_ref.clone()} onkeydown={props.on_key.clone()}>
            { for props.items.iter().map(|item| {
                let article = item.article;
                let number = item.number;
                let onmouseenter = props.on_interest.reform(move |_: MouseEvent| number);
                let onfocusin = props.on_interest.reform(move |_: FocusEvent| number);
                html! {
                    <li key={article.slug.clone()}>
                        <article class="card" lang={article.lang.clone()} {onmouseenter} {onfocusin}>
                            <h2 class="card-title">
                                <QueryLink to={Route::Article { slug: article.slug.clone() }} query={props.link_query.clone()} classes="result-link">
                                    <Marked text={article.title.clone()} ranges={item.title_ranges.clone()} />
                                </QueryLink>
                            </h2>
                            <ArticleMeta {article} />
                            <p class="card-excerpt">
                                <Marked text={item.excerpt.clone()} ranges={item.excerpt_ranges.clone()} />
                            </p>
                        </article>
                    </li>
                }
            }) }
        </ul>
    }
}
