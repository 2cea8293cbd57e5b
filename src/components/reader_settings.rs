//! The reading settings panel: text size, font, width, line spacing and theme, each a
//! group of buttons with `aria-pressed`.

use yew::prelude::*;

use crate::hooks::use_prefs::use_prefs;
use crate::state::prefs::{Choice, Family, Leading, ReaderPrefs, Theme, Width, FONT_SIZES};

#[component]
pub fn ReaderSettings() -> Html {
    let handle = use_prefs();
    let open = use_state(|| false);
    let prefs = handle.prefs;
    let set = handle.set.clone();
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    html! {
        <div class="reader-settings">
            <button type="button" class="settings-toggle" aria-expanded={open.to_string()} aria-controls="reader-settings"
                aria-label="Reading settings" title="Reading settings" onclick={toggle}>
                <span aria-hidden="true">{ "Aa" }</span>
            </button>
            if *open {
                <div id="reader-settings" class="settings-panel" role="group" aria-label="Reading settings">
                    <div class="settings-row" role="group" aria-label="Text size">
                        <span class="settings-label" aria-hidden="true">{ "Size" }</span>
                        // Named by its hidden text: the visible "A−" is not a name to say.
                        <button type="button" disabled={prefs.size == 0} onclick={set.reform(move |_| prefs.smaller())}>
                            <span aria-hidden="true">{ "A−" }</span><span class="visually-hidden">{ "Smaller text" }</span>
                        </button>
                        <span class="settings-value">{ format!("{} of {}", prefs.size + 1, FONT_SIZES) }</span>
                        <button type="button" disabled={prefs.size + 1 == FONT_SIZES} onclick={set.reform(move |_| prefs.larger())}>
                            <span aria-hidden="true">{ "A+" }</span><span class="visually-hidden">{ "Larger text" }</span>
                        </button>
                    </div>
                    { choices::<Family>("Font", prefs.family, &set, move |family| ReaderPrefs { family, ..prefs }) }
                    { choices::<Width>("Width", prefs.width, &set, move |width| ReaderPrefs { width, ..prefs }) }
                    { choices::<Leading>("Spacing", prefs.leading, &set, move |leading| ReaderPrefs { leading, ..prefs }) }
                    { choices::<Theme>("Theme", prefs.theme, &set, move |theme| ReaderPrefs { theme, ..prefs }) }
                </div>
            }
        </div>
    }
}

/// One row of mutually exclusive buttons for a setting.
fn choices<C: Choice>(
    label: &'static str,
    current: C,
    set: &Callback<ReaderPrefs>,
    with: impl Fn(C) -> ReaderPrefs + Copy + 'static,
) -> Html {
    html! {
        <div class="settings-row" role="group" aria-label={label}>
            <span class="settings-label" aria-hidden="true">{ label }</span>
            { for C::ALL.iter().map(|&choice| html! {
                <button type="button" aria-pressed={(choice == current).to_string()}
                    onclick={set.reform(move |_| with(choice))}>{ choice.label() }</button>
            }) }
        </div>
    }
}
