//! "Continue reading": articles begun but not finished, most recent first.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::query_link::QueryLink;
use crate::corpus::corpus;
use crate::route::Route;
use crate::state::reading_progress::Progress;

/// Articles shown at most.
const SHOWN: usize = 4;

#[derive(Properties, PartialEq)]
pub struct ContinueReadingProps {
    pub progress: Rc<Progress>,
}

#[component]
pub fn ContinueReading(props: &ContinueReadingProps) -> Html {
    let items: Vec<Html> = props
        .progress
        .in_progress()
        .filter_map(|(slug, f)| corpus().by_slug(slug).map(|a| (a, f)))
        .take(SHOWN)
        .map(|(article, f)| {
            let percent = (f * 100.0).round() as u32;
            html! {
                <li key={article.slug.clone()}>
                    <QueryLink to={Route::Article { slug: article.slug.clone() }} classes="continue-link">
                        <span class="continue-title">{ &article.title }</span>
                        <progress class="continue-meter" aria-hidden="true" max="100" value={percent.to_string()}></progress>
                        <span class="continue-percent">{ format!("{percent}% read") }</span>
                    </QueryLink>
                </li>
            }
        })
        .collect();
    if items.is_empty() {
        return html! {};
    }
    html! {
        <section class="continue" aria-labelledby="continue-heading">
            <h2 id="continue-heading">{ "Continue reading" }</h2>
            <ul>{ for items }</ul>
        </section>
    }
}
