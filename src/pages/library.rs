//! The library: instant search, facets with counts, sorting, and a page of results at a
//! time. Its whole state lives in the URL (`#/?q=…&source=…&sort=…`): typing replaces the
//! history entry, committed changes push one.

use web_sys::HtmlSelectElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::continue_reading::ContinueReading;
use crate::components::facet_panel::{visible_groups, FacetPanel};
use crate::components::filter_chips::FilterChips;
use crate::route::{go, Route};

use crate::browser::first_paint;
use crate::components::load_failed::LoadFailed;
use crate::components::names_found::NamesFound;
use crate::components::result_list::ResultList;
use crate::components::search_box::SearchBox;
use crate::corpus::{corpus, prefetch_body};
use crate::engine::search::Sort;
use crate::hooks::use_document_title::use_document_title;
use crate::hooks::use_hand_over::use_hand_over;
use crate::hooks::use_library_keys::use_library_keys;
use crate::hooks::use_reading_position::use_saved_progress;
use crate::hooks::use_search::{use_search, Search};
use crate::state::library_action::Action;
use crate::state::library_query::{Facet, LibraryQuery};

/// Results rendered per page; "Show more" adds another page.
const PAGE: usize = 20;

#[component]
pub fn LibraryPage() -> Html {
    let location = use_location();
    let navigator = use_navigator();
    let query = LibraryQuery::parse(location.as_ref().map(|l| l.query_str()).unwrap_or(""));
    use_document_title(if query.q.is_empty() {
        "Library".to_string()
    } else {
        format!("“{}” — search", query.q)
    });

    let progress = use_saved_progress();
    // How many results are shown: a page, and a page more per "Show more" (in the URL).
    let shown = PAGE * (usize::from(query.more) + 1);
    let Search { results, items, updating, failed, retry } = use_search(&query, shown);
    let sort = query.effective_sort();

    // The static first view gives way once this page shows the same: the default view with
    // the first page's excerpts (their bodies arrived); any other view at once.
    let complete = !updating && results.hits.iter().take(shown).all(|h| corpus().body(h.article).is_some());
    use_hand_over(query != LibraryQuery::default() || failed.is_some() || complete);
    // The library opens at its top, not at the scroll position of the article left (nor
    // where the reader scrolled the static first view to, which it replaces in place).
    use_effect_with((), |_| {
        if !first_paint::pending() {
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    // `/`, ↓ and ↑ between the search field and the results.
    let keys = use_library_keys();
    let (input_ref, list_ref) = (keys.input_ref.clone(), keys.list_ref.clone());

    // Every change is an action; its result goes to the URL.
    let dispatch = {
        let (query, navigator) = (query.clone(), navigator.clone());
        Callback::from(move |action: Action| {
            if let Some(nav) = &navigator {
                let push = action.pushes();
                go(nav, &Route::Library, &query.apply(action).to_query_string(), push);
            }
        })
    };
    let on_input = dispatch.reform(Action::Type);
    let on_toggle = dispatch.reform(|(facet, value): (Facet, String)| Action::Toggle(facet, value));
    let on_range = dispatch.reform(|(from, to): (String, String)| Action::SetRange { from, to });
    let on_clear_range = dispatch.reform(|()| Action::ClearRange);
    let on_clear_filters = dispatch.reform(|()| Action::ClearFilters);
    let on_sort = dispatch.reform(|e: Event| Action::Sort(e.target_unchecked_into::<HtmlSelectElement>().value()));
    let on_arrow_down = keys.on_arrow_down.clone();
    let facets_open = use_state(|| false);
    let toggle_facets = {
        let facets_open = facets_open.clone();
        Callback::from(move |_| facets_open.set(!*facets_open))
    };

    let total = results.hits.len();
    let link_query: AttrValue = query.to_query_string().into();
    let groups = visible_groups(&results.facets, &query);
    let dated = !results.facets.values[Facet::Year].is_empty();
    let has_facets = !groups.is_empty() || dated;
    let active_filters = Facet::ALL.iter().map(|f| query.values(*f).len()).sum::<usize>()
        + usize::from(query.filters.from.is_some() || query.filters.to.is_some());
    let show_more = dispatch.reform(|_| Action::ShowMore);

    let did_you_mean = match results.suggestion.clone() {
        Some(suggestion) => {
            let q = suggestion.clone();
            let onclick = dispatch.reform(move |_| Action::Respell(q.clone()));
            html! {
                <p>
                    { "Did you mean " }
                    <button type="button" class="link-button suggestion" {onclick}>{ suggestion }</button>
                    { "?" }
                </p>
            }
        }
        None => html! {},
    };
    let count = match &results.partial {
        Some(p) => {
            format!("{total} {} with {} of {} words", if total == 1 { "article" } else { "articles" }, p.matched, p.of)
        }
        None => format!("{total} {}", if total == 1 { "article" } else { "articles" }),
    };

    html! {
        <section class={classes!("library", has_facets.then_some("with-facets"))}>
            <h1 class="visually-hidden">{ "Library" }</h1>
            <div class="library-bar">
                <SearchBox value={query.q.clone()} input_ref={input_ref.clone()} {on_input} {on_arrow_down} />
                <div class="library-tools">
                    if has_facets {
                        <button type="button" class="facets-toggle" aria-expanded={facets_open.to_string()}
                            aria-controls="facets" onclick={toggle_facets}>
                            { if active_filters > 0 { format!("Filters ({active_filters})") } else { "Filters".to_string() } }
                        </button>
                    }
                    <label class="sort">
                        <span>{ "Sort by" }</span>
                        <select onchange={on_sort}>
                            { for Sort::ALL.into_iter().map(|s| html! {
                                <option value={s.as_str()} selected={s == sort}>{ s.label() }</option>
                            }) }
                        </select>
                    </label>
                </div>
            </div>
            if query.q.is_empty() && !query.is_filtered() {
                <ContinueReading progress={progress.clone()} />
            }
            <FilterChips query={query.clone()} on_remove={on_toggle.clone()} {on_clear_range} on_clear_all={on_clear_filters.clone()} />
            <div class="library-layout">
                if has_facets {
                    <aside id="facets" class={classes!("facets", facets_open.then_some("is-open"))} aria-label="Filters">
                        <FacetPanel {groups} {dated} query={query.clone()} {on_toggle} {on_range} />
                    </aside>
                }
                <div class="library-results" aria-busy={(updating && failed.is_none()).to_string()}>
                    <p class="result-count" role="status" aria-live="polite">
                        { match (&failed, updating) {
                            (Some(_), _) => "The search could not be finished.".to_string(),
                            (None, true) => "Searching…".to_string(),
                            (None, false) => count,
                        } }
                    </p>
                    if let Some(error) = failed {
                        <LoadFailed {error} retry={retry.clone()} />
                    }
                    <NamesFound q={query.q.clone()} />
                    // While a search waits, its last results stay; "no results" is only said
                    // of a search that ran.
                    if total == 0 {
                        if !updating {
                            <div class="no-results">
                                <p>{
                                    if query.q.trim().is_empty() { "No articles match these filters.".to_string() }
                                    else { format!("No articles match “{}”.", query.q.trim()) }
                                }</p>
                                { did_you_mean.clone() }
                                if query.is_filtered() {
                                    <p><button type="button" class="link-button" onclick={on_clear_filters.reform(|_| ())}>{ "Clear all filters" }</button></p>
                                }
                            </div>
                        }
                    } else {
                        if let Some(partial) = &results.partial {
                            <div class="partial-notice">
                                <p>
                                    { if partial.narrowed { "No article within these filters has all of: " } else { "No article has all of: " } }
                                    { for partial.clauses.iter().enumerate().map(|(i, c)| html! {
                                        <>{ if i > 0 { ", " } else { "" } }<strong>{ c.clone() }</strong></>
                                    }) }
                                    { format!(". {} {} of {}.", if total == 1 { "This one has" } else { "These have" }, partial.matched, partial.of) }
                                </p>
                                { did_you_mean.clone() }
                            </div>
                        }
                        <ResultList items={items.clone()} {link_query} list_ref={list_ref.clone()} on_key={keys.on_list_key.clone()}
                            on_interest={Callback::from(prefetch_body)} />
                        if total > shown {
                            <button type="button" class="show-more" onclick={show_more}>
                                { format!("Show more ({shown} of {total} shown)") }
                            </button>
                        }
                    }
                </div>
            </div>
        </section>
    }
}
