//! Facets with counts: one group of checkboxes per facet (OR within a group, AND across
//! groups), and a from–to date range. Groups with fewer than two values stay hidden.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::engine::date::format_day;
use crate::engine::facet::{display_value, worth_showing};
use crate::engine::search::Facets;
use crate::state::library_query::{Facet, LibraryQuery};

/// Values shown per group before "Show all".
const COLLAPSED_VALUES: usize = 8;

#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    /// From [`visible_groups`].
    pub groups: Vec<(Facet, Vec<(String, usize)>)>,
    /// Whether any matching article has a date (the range is offered then).
    pub dated: bool,
    pub query: LibraryQuery,
    pub on_toggle: Callback<(Facet, String)>,
    /// New from and to dates (`YYYY-MM-DD`, empty for none).
    pub on_range: Callback<(String, String)>,
}

/// The facet groups worth showing, with their values and counts: groups with two or more
/// values, or with a selection. A selected value stays listed (with its honest count)
/// even when nothing matches it.
pub fn visible_groups(facets: &Facets, query: &LibraryQuery) -> Vec<(Facet, Vec<(String, usize)>)> {
    Facet::ALL
        .into_iter()
        .filter_map(|facet| {
            let mut values = facets.values[facet].clone();
            // The engine lists selected values too; results kept from before a selection
            // (while its shards load) do not have it yet.
            let selected = query.values(facet);
            for value in selected {
                if !values.iter().any(|(v, _)| v == value) {
                    values.push((value.clone(), 0));
                }
            }
            worth_showing(values.len(), selected.len()).then_some((facet, values))
        })
        .collect()
}

#[component]
pub fn FacetPanel(props: &FacetPanelProps) -> Html {
    let groups: Vec<Html> = props
        .groups
        .iter()
        .cloned()
        .map(|(facet, values)| {
            html! {
                <FacetGroup
                    key={facet.key()}
                    {facet}
                    {values}
                    query={props.query.clone()}
                    on_toggle={props.on_toggle.clone()}
                />
            }
        })
        .collect();
    let day = |d: Option<(u16, u8, u8)>| d.map(format_day).unwrap_or_default();
    let (from, to) = (day(props.query.filters.from), day(props.query.filters.to));
    let on_from = {
        let (cb, to) = (props.on_range.clone(), to.clone());
        Callback::from(move |e: Event| cb.emit((e.target_unchecked_into::<HtmlInputElement>().value(), to.clone())))
    };
    let on_to = {
        let (cb, from) = (props.on_range.clone(), from.clone());
        Callback::from(move |e: Event| cb.emit((from.clone(), e.target_unchecked_into::<HtmlInputElement>().value())))
    };
    let dated = props.dated || !from.is_empty() || !to.is_empty();
    html! {
        <div class="facet-groups">
            { for groups }
            if dated {
                <fieldset class="facet facet-range">
                    <legend>{ "Published between" }</legend>
                    <label class="range-field">
                        <span>{ "From" }</span>
                        <input type="date" value={from} onchange={on_from} />
                    </label>
                    <label class="range-field">
                        <span>{ "To" }</span>
                        <input type="date" value={to} onchange={on_to} />
                    </label>
                </fieldset>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct FacetGroupProps {
    facet: Facet,
    values: Vec<(String, usize)>,
    query: LibraryQuery,
    on_toggle: Callback<(Facet, String)>,
}

#[component]
fn FacetGroup(props: &FacetGroupProps) -> Html {
    let expanded = use_state(|| false);
    let facet = props.facet;
    let total = props.values.len();
    let shown = if *expanded { total } else { total.min(COLLAPSED_VALUES) };
    let toggle_expanded = {
        let expanded = expanded.clone();
        Callback::from(move |_| expanded.set(!*expanded))
    };
    html! {
        <fieldset class="facet">
            <legend>{ facet.label() }</legend>
            <ul class="facet-values">
                { for props.values.iter().take(shown).map(|(value, count)| {
                    let checked = props.query.selected(facet, value);
                    let onchange = {
                        let (cb, value) = (props.on_toggle.clone(), value.clone());
                        Callback::from(move |_: Event| cb.emit((facet, value.clone())))
                    };
                    let label = display_value(facet, value);
                    html! {
                        <li key={value.clone()}>
                            <label class={classes!("facet-value", (*count == 0).then_some("is-empty"))}>
                                <input type="checkbox" {checked} {onchange} />
                                <span class="facet-label">
                                    { label }
                                    <span class="facet-count">{ format!(" ({count})") }</span>
                                </span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
            if total > COLLAPSED_VALUES {
                <button type="button" class="link-button" aria-expanded={expanded.to_string()} onclick={toggle_expanded}>
                    { if *expanded { "Show fewer".to_string() } else { format!("Show all {total}") } }
                </button>
            }
        </fieldset>
    }
}
