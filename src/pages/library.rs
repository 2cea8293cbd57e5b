//! The library: every article of the corpus, newest first.

use yew::prelude::*;

use crate::components::article_card::ArticleCard;
use crate::corpus::{corpus, ArticleRef};
use crate::hooks::use_document_title::use_document_title;

#[component]
pub fn LibraryPage() -> Html {
    use_document_title("Library".to_string());
    let corpus = corpus();
    let mut articles: Vec<ArticleRef> = corpus.articles.iter().map(ArticleRef).collect();
    // Newest first; undated articles last, then by title.
    articles.sort_by(|a, b| b.published.is_some().cmp(&a.published.is_some()).then(b.published.cmp(&a.published)).then_with(|| a.title.cmp(&b.title)));
    let count = articles.len();
    html! {
        <section class="library">
            <h1 class="visually-hidden">{ "Library" }</h1>
            <p class="result-count" role="status" aria-live="polite">
                { format!("{count} {}", if count == 1 { "article" } else { "articles" }) }
            </p>
            <ul class="results" aria-label="Articles">
                { for articles.into_iter().map(|article| html! {
                    <li key={article.slug.clone()}><ArticleCard {article} /></li>
                }) }
            </ul>
        </section>
    }
}
