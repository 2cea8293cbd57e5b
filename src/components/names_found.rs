//! The names a library search spells ("putin", "north kor"), above its results: each a link
//! to its name page, with what it is and how many articles are about it. The engine's
//! `lens::page::named_by` decides which.

use yew::prelude::*;

use crate::corpus::corpus;
use crate::engine::corpus::slugify;
use crate::engine::lens::page;
use crate::route::name_address;

/// Names offered at most.
const OFFERED: usize = 4;

#[derive(Properties, PartialEq)]
pub struct NamesFoundProps {
    /// The search as typed.
    pub q: AttrValue,
}

#[component]
pub fn NamesFound(props: &NamesFoundProps) -> Html {
    let names = use_memo(props.q.clone(), |q| {
        let facets = &corpus().index.facets;
        page::named_by(facets, q, OFFERED)
            .into_iter()
            .map(|(id, articles)| (page::name_of(facets, id).to_string(), id.kind(), articles))
            .filter(|(name, ..)| !slugify(name).is_empty())
            .collect::<Vec<_>>()
    });
    if names.is_empty() {
        return html! {};
    }
    html! {
        <nav class="names-found" aria-label="Names">
            <ul>
                { for names.iter().map(|(name, kind, articles)| html! {
                    <li>
                        <a href={name_address(name)}>{ name }</a>
                        <span class="meta">
                            { format!(" {} · {articles} {}", kind.label(), if *articles == 1 { "article" } else { "articles" }) }
                        </span>
                    </li>
                }) }
            </ul>
        </nav>
    }
}
