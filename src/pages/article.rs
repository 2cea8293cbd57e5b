//! The reading view: one `<h1>` with the title, a metadata line, the body, a way back.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::article_body::ArticleBody;
use crate::components::article_meta::ArticleMeta;
use crate::corpus::{corpus, ArticleRef};
use crate::hooks::use_document_title::use_document_title;
use crate::pages::not_found::NotFoundPage;

#[derive(Properties, PartialEq)]
pub struct ArticlePageProps {
    pub slug: String,
}

#[component]
pub fn ArticlePage(props: &ArticlePageProps) -> Html {
    let article = corpus().by_slug(&props.slug).map(ArticleRef);
    use_document_title(article.map(|a| a.title.clone()).unwrap_or_else(|| "Not found".into()));
    // A new article starts at its top, not at the scroll position of the previous view.
    use_effect_with(props.slug.clone(), |_| gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0));
    let Some(article) = article else {
        return html! { <NotFoundPage /> };
    };
    html! {
        <article class="reader" lang={article.lang.clone()}>
            <nav class="reader-nav" aria-label="Article">
                <Link<Route> to={Route::Library} classes="back-link">{ "← Library" }</Link<Route>>
            </nav>
            <header class="reader-header">
                <h1 class="reader-title">{ &article.title }</h1>
                <ArticleMeta {article} />
            </header>
            <ArticleBody {article} />
        </article>
    }
}
