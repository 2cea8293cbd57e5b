//! A name's page (`#/name/<slug>`): the person, place or organisation, the articles about
//! it (newest first), what it said in them (the quotes the reading view attributes to
//! it, from the newest articles' bodies), and the names most often beside it.

use yew::prelude::*;

use crate::components::query_link::QueryLink;
use crate::corpus::{arrived, corpus, use_parts, Part};
use crate::engine::corpus::slugify;
use crate::engine::facet::Facet;
use crate::engine::lens::page::{self, NameId};
use crate::hooks::use_document_title::use_document_title;
use crate::pages::not_found::NotFoundPage;
use crate::route::{href, name_address, Route};
use crate::state::library_query::LibraryQuery;

/// Articles listed before "see them all in the library".
const LISTED: usize = 50;
/// The newest articles whose bodies are read for quotes.
const QUOTED_FROM: usize = 20;
/// Names listed as often beside this one.
const COMPANIONS: usize = 12;

#[derive(Properties, PartialEq)]
pub struct NamePageProps {
    pub slug: String,
}

/// What the facet index says of the name: found once per slug, not on every render (the
/// page renders again as each body for its quotes arrives).
struct Facts {
    name: NameId,
    /// The articles about it, newest first.
    articles: Vec<usize>,
    companions: Vec<(NameId, usize)>,
}

fn facts_of(slug: &str) -> Option<Facts> {
    let facets = &corpus().index.facets;
    let name = page::by_slug(facets, slug)?;
    let articles = page::articles_naming(facets, name);
    let companions = page::companions(facets, name, &articles, COMPANIONS);
    Some(Facts { name, articles, companions })
}

#[component]
pub fn NamePage(props: &NamePageProps) -> Html {
    let facets = &corpus().index.facets;
    let facts = use_memo(props.slug.clone(), |slug| facts_of(slug));
    let found: &Option<Facts> = &facts;
    let articles = found.as_ref().map_or(&[][..], |f| &f.articles[..]);
    let bodies = use_parts(articles.iter().take(QUOTED_FROM).map(|&n| Part::Body(n)).collect());
    use_document_title(
        found.as_ref().map_or_else(|| "Not found".to_string(), |f| page::name_of(facets, f.name).to_string()),
    );
    let quotes = {
        let facts = facts.clone();
        use_memo((props.slug.clone(), arrived()), move |_| {
            (*facts).as_ref().map(|f| quotes_by(f.name, &f.articles)).unwrap_or_default()
        })
    };
    let Some(facts) = found.as_ref() else {
        return html! { <NotFoundPage /> };
    };
    let name = facts.name;
    let title = page::name_of(facets, name);
    let mut library = LibraryQuery::default();
    library.toggle(name.facet, title);
    let count = articles.len();
    html! {
        <article class="name-page" aria-labelledby="name-title">
            <header>
                <p class="name-kind">{ name.kind().label() }</p>
                <h1 id="name-title">{ title }</h1>
                <p class="meta">
                    { name.kind().in_articles(count) }
                    <span class="meta-sep" aria-hidden="true">{ " · " }</span>
                    <QueryLink to={Route::Library} query={library.to_query_string()}>
                        { "Show them in the library" }
                    </QueryLink>
                </p>
            </header>
            <section aria-labelledby="name-articles">
                <h2 id="name-articles">{ "Articles" }</h2>
                <ul class="name-articles">
                    { for articles.iter().take(LISTED).map(|&n| article_item(n)) }
                </ul>
                if count > LISTED {
                    <p>{ format!("and {} more, in the library", count - LISTED) }</p>
                }
            </section>
            if name.facet != Facet::Place {
                <section aria-labelledby="name-quotes">
                    <h2 id="name-quotes">{ "Quotes" }</h2>
                    if quotes.is_empty() && bodies.ready {
                        <p>{ format!("No quotes attributed to {title} in the newest {} articles.", count.min(QUOTED_FROM)) }</p>
                    } else if quotes.is_empty() {
                        <p>{ "Reading the articles…" }</p>
                    }
                    { for quotes.iter().map(|(n, text)| quote_item(*n, text)) }
                </section>
            }
            <section aria-labelledby="name-companions">
                <h2 id="name-companions">{ "Often named with" }</h2>
                <ul class="name-companions">
                    { for facts.companions.iter().map(|&(other, shared)| companion_item(other, shared)) }
                </ul>
            </section>
        </article>
    }
}

fn article_item(n: usize) -> Html {
    let a = &corpus().articles[n];
    let to = href(&Route::Article { slug: a.slug.clone() }, "");
    html! {
        <li>
            <a href={to}>{ &a.title }</a>
            if let Some(date) = &a.published {
                <span class="meta">{ " · " }<time datetime={date.iso_date()}>{ date.human() }</time></span>
            }
        </li>
    }
}

fn quote_item(n: usize, text: &str) -> Html {
    let a = &corpus().articles[n];
    let to = href(&Route::Article { slug: a.slug.clone() }, "");
    html! {
        <figure class="name-quote">
            <blockquote>{ text }</blockquote>
            <figcaption><a href={to}>{ &a.title }</a></figcaption>
        </figure>
    }
}

fn companion_item(other: NameId, shared: usize) -> Html {
    let facets = &corpus().index.facets;
    let other_name = page::name_of(facets, other);
    html! {
        <li>
            if slugify(other_name).is_empty() {
                { other_name }
            } else {
                <a href={name_address(other_name)}>{ other_name }</a>
            }
            <span class="meta">{ format!(" · {} · {shared} together", other.kind().label()) }</span>
        </li>
    }
}

/// The quotes attributed to `name` in the installed bodies of the first of `articles`, as
/// (article number, quoted text), in article order.
fn quotes_by(name: NameId, articles: &[usize]) -> Vec<(usize, String)> {
    let title = page::name_of(&corpus().index.facets, name);
    let installed = articles.iter().take(QUOTED_FROM).filter_map(|&n| Some((n, corpus().body(n)?)));
    installed
        .flat_map(|(n, body)| page::quotes_in(&body.article, title).into_iter().map(move |q| (n, q.to_string())))
        .collect()
}
