//! Active filters as removable chips, with "Clear all".

use yew::prelude::*;

use crate::engine::date::format_day;
use crate::engine::facet::display_value;
use crate::state::library_query::{Facet, LibraryQuery};

#[derive(Properties, PartialEq)]
pub struct FilterChipsProps {
    pub query: LibraryQuery,
    pub on_remove: Callback<(Facet, String)>,
    pub on_clear_range: Callback<()>,
    pub on_clear_all: Callback<()>,
}

#[component]
pub fn FilterChips(props: &FilterChipsProps) -> Html {
    if !props.query.is_filtered() {
        return html! {};
    }
    let range = match (props.query.filters.from, props.query.filters.to) {
        (Some(f), Some(t)) => Some(format!("{} – {}", format_day(f), format_day(t))),
        (Some(f), None) => Some(format!("from {}", format_day(f))),
        (None, Some(t)) => Some(format!("until {}", format_day(t))),
        (None, None) => None,
    };
    html! {
        <ul class="chips" aria-label="Active filters">
            { for Facet::ALL.into_iter().flat_map(|facet| props.query.values(facet).iter().map(move |v| (facet, v.clone()))).map(|(facet, value)| {
                let label = format!("{}: {}", facet.label(), display_value(facet, &value));
                let onclick = {
                    let (cb, value) = (props.on_remove.clone(), value.clone());
                    Callback::from(move |_| cb.emit((facet, value.clone())))
                };
                html! {
                    <li key={format!("{}={value}", facet.key())}>
                        <button type="button" class="chip" aria-label={format!("Remove filter {label}")} {onclick}>
                            { label }<span class="chip-x" aria-hidden="true">{ "×" }</span>
                        </button>
                    </li>
                }
            }) }
            if let Some(range) = range {
                <li key="range">
                    <button type="button" class="chip" aria-label={format!("Remove filter Published {range}")}
                        onclick={props.on_clear_range.reform(|_| ())}>
                        { format!("Published {range}") }<span class="chip-x" aria-hidden="true">{ "×" }</span>
                    </button>
                </li>
            }
            <li key="clear-all">
                <button type="button" class="link-button" onclick={props.on_clear_all.reform(|_| ())}>{ "Clear all" }</button>
            </li>
        </ul>
    }
}
