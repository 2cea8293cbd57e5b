//! The reading view's header: the page's one `<h1>` (the title, with its marks), the
//! metadata line, the word count and original link, and the tags, each a link to the
//! library filtered by it.

use yew::prelude::*;

use crate::components::article_meta::ArticleMeta;
use crate::components::query_link::QueryLink;
use crate::corpus::ArticleRef;
use crate::engine::article::is_safe_href;
use crate::route::Route;
use crate::state::library_query::{Facet, LibraryQuery};

#[derive(Properties, PartialEq)]
pub struct ReaderHeaderProps {
    pub article: ArticleRef,
    /// The title as marked text.
    pub title: Html,
}

#[component]
pub fn ReaderHeader(props: &ReaderHeaderProps) -> Html {
    let article = props.article;
    html! {
        <header class="reader-header">
            <h1 class="reader-title">{ props.title.clone() }</h1>
            <ArticleMeta {article} />
            <p class="meta meta-extra">
                { format!("{} words", article.word_count) }
                if let Some(url) = article.url.as_ref().filter(|u| is_safe_href(u)) {
                    <span class="meta-sep" aria-hidden="true">{ " · " }</span>
                    <a href={url.clone()} rel="noopener noreferrer">{ "Original article" }</a>
                }
            </p>
            if !article.tags.is_empty() {
                <ul class="tags" aria-label="Tags">
                    { for article.tags.iter().map(|tag| {
                        let mut q = LibraryQuery::default();
                        q.toggle(Facet::Tag, tag);
                        html! {
                            <li key={tag.clone()}>
                                <QueryLink to={Route::Library} query={q.to_query_string()} classes="tag">{ format!("#{tag}") }</QueryLink>
                            </li>
                        }
                    }) }
                </ul>
            }
        </header>
    }
}
