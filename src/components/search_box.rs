//! The search field: results follow every keystroke; a clear button; Esc clears; ↓ moves
//! into the results.

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub value: AttrValue,
    pub input_ref: NodeRef,
    pub on_input: Callback<String>,
    /// ↓ in the field: move focus to the first result.
    pub on_arrow_down: Callback<()>,
}

#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let oninput = props.on_input.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let onkeydown = {
        let on_input = props.on_input.clone();
        let on_arrow_down = props.on_arrow_down.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => {
                e.prevent_default();
                on_input.emit(String::new());
            }
            "ArrowDown" => {
                e.prevent_default();
                on_arrow_down.emit(());
            }
            _ => {}
        })
    };
    let clear = {
        let on_input = props.on_input.clone();
        let input_ref = props.input_ref.clone();
        Callback::from(move |_| {
            on_input.emit(String::new());
            if let Some(input) = input_ref.cast::<HtmlInputElement>() {
                let _ = input.focus();
            }
        })
    };
    html! {
        <div class="search-box" role="search">
            <svg class="search-icon" viewBox="0 0 24 24" aria-hidden="true">
                <circle cx="10.5" cy="10.5" r="6.5" />
                <path d="M15.5 15.5 21 21" />
            </svg>
            <input
                ref={props.input_ref.clone()}
                type="search"
                class="search-input"
                aria-label="Search articles"
                placeholder="Search articles"
                autocomplete="off"
                spellcheck="false"
                value={props.value.clone()}
                {oninput}
                {onkeydown}
            />
            if !props.value.is_empty() {
                <button type="button" class="search-clear" aria-label="Clear search" onclick={clear}>{ "×" }</button>
            }
        </div>
    }
}
