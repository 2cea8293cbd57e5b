//! The reading view's find box: searches within the article. Enter steps to the next
//! match (Shift+Enter the previous); Esc clears the box.

use yew::prelude::*;

use web_sys::HtmlInputElement;

#[derive(Properties, PartialEq)]
pub struct FindBoxProps {
    pub value: AttrValue,
    /// The box's new text.
    pub on_input: Callback<String>,
    /// Step forward (`1`) or back (`-1`).
    pub on_step: Callback<isize>,
}

#[component]
pub fn FindBox(props: &FindBoxProps) -> Html {
    let oninput = props.on_input.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let onkeydown = {
        let (on_input, on_step) = (props.on_input.clone(), props.on_step.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => on_step.emit(if e.shift_key() { -1 } else { 1 }),
            "Escape" => {
                // The box's Esc clears it; it does not also leave the article.
                e.stop_propagation();
                on_input.emit(String::new());
            }
            _ => {}
        })
    };
    html! {
        <input type="search" class="find-input" aria-label="Find in article" placeholder="Find in article"
            value={props.value.clone()} {oninput} {onkeydown} />
    }
}
