//! One article in the library list: its title as a link, the metadata line, the excerpt.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::article_meta::ArticleMeta;
use crate::corpus::ArticleRef;

#[derive(Properties, PartialEq)]
pub struct ArticleCardProps {
    pub article: ArticleRef,
}

#[component]
pub fn ArticleCard(props: &ArticleCardProps) -> Html {
    let article = props.article;
    html! {
        <article class="card" lang={article.lang.clone()}>
            <h2 class="card-title">
                <Link<Route> to={Route::Article { slug: article.slug.clone() }}>{ &article.title }</Link<Route>>
            </h2>
            <ArticleMeta {article} />
            <p class="card-excerpt">{ &article.excerpt }</p>
        </article>
    }
}
