//! Previous and next article within the result list the reader came from (`j` / `k` do
//! the same), keeping the query so highlights and the way back stay.

use yew::prelude::*;

use crate::components::query_link::QueryLink;
use crate::corpus::ArticleRef;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct ResultPagerProps {
    pub previous: Option<ArticleRef>,
    pub next: Option<ArticleRef>,
    /// 0-based position of the current article in the results, and their number.
    pub position: usize,
    pub total: usize,
    pub query: AttrValue,
}

#[component]
pub fn ResultPager(props: &ResultPagerProps) -> Html {
    let link = |article: &ArticleRef, rel: &'static str, label: &'static str| {
        html! {
            <QueryLink to={Route::Article { slug: article.slug.clone() }} query={props.query.clone()} classes={classes!("pager-link", rel)}>
                <span class="pager-label">{ label }</span>
                <span class="pager-title">{ &article.title }</span>
            </QueryLink>
        }
    };
    html! {
        <nav class="pager" aria-label="Results">
            if let Some(previous) = &props.previous { { link(previous, "pager-previous", "← Previous (k)") } }
            <span class="pager-position">{ format!("{} of {} results", props.position + 1, props.total) }</span>
            if let Some(next) = &props.next { { link(next, "pager-next", "Next (j) →") } }
        </nav>
    }
}
