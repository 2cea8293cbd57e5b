//! "3 of 12" with previous/next buttons for stepping through search matches.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MatchNavProps {
    pub query: AttrValue,
    pub total: usize,
    /// The article is still being searched.
    pub searching: bool,
    pub current: Option<usize>,
    pub on_step: Callback<isize>,
}

#[component]
pub fn MatchNav(props: &MatchNavProps) -> Html {
    let status = match (props.total, props.current) {
        _ if props.searching => "Searching…".to_string(),
        (0, _) => format!("No matches for “{}”", props.query),
        (n, Some(i)) => format!("{} of {n}", i + 1),
        (1, None) => "1 match".to_string(),
        (n, None) => format!("{n} matches"),
    };
    html! {
        <div class="match-nav" role="group" aria-label="Search matches">
            <span class="match-query">{ format!("“{}”", props.query) }</span>
            <span class="match-count" role="status" aria-live="polite">{ status }</span>
            <button type="button" class="match-step" aria-label="Previous match" title="Previous match (Shift+N)"
                disabled={props.total == 0} onclick={props.on_step.reform(|_| -1)}>{ "↑" }</button>
            <button type="button" class="match-step" aria-label="Next match" title="Next match (N)"
                disabled={props.total == 0} onclick={props.on_step.reform(|_| 1)}>{ "↓" }</button>
        </div>
    }
}
