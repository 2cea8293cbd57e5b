//! The lens toggles of the reading view: a group "Lenses" of five buttons with
//! `aria-pressed` (People, Places, Organisations, Quotes, Figures), each named by its
//! lens and showing its legend: a sample styled as the lens marks the text (a colour and
//! a line style of its own, so colour is never the only cue).

use yew::prelude::*;

use crate::engine::lens::Lens;
use crate::state::lenses::LensSet;

#[derive(Properties, PartialEq)]
pub struct LensTogglesProps {
    pub on: LensSet,
    pub on_toggle: Callback<Lens>,
}

#[component]
pub fn LensToggles(props: &LensTogglesProps) -> Html {
    html! {
        <div class="lens-toggles" role="group" aria-label="Lenses">
            <span class="lens-toggles-label" aria-hidden="true">{ "Lenses" }</span>
            { for Lens::ALL.into_iter().map(|lens| html! {
                <button type="button" class={classes!("lens-toggle", format!("lens-toggle-{}", lens.key()))}
                    aria-pressed={props.on.contains(lens).to_string()} onclick={props.on_toggle.reform(move |_| lens)}>
                    <span class={classes!("lens-swatch", format!("lens-{}", lens.key()))} aria-hidden="true">{ "Ab" }</span>
                    { lens.label() }
                </button>
            }) }
        </div>
    }
}
