//! The bar that appears while the reader has text selected in the article: "Highlight"
//! (or `h`).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SelectionBarProps {
    pub on_highlight: Callback<()>,
}

#[component]
pub fn SelectionBar(props: &SelectionBarProps) -> Html {
    html! {
        <div class="selection-bar" role="toolbar" aria-label="Selection">
            // Pressing the button must not take the selection away before the click.
            <button type="button" onmousedown={|e: MouseEvent| e.prevent_default()}
                onclick={props.on_highlight.reform(|_| ())}>{ "Highlight" }<kbd aria-hidden="true">{ "h" }</kbd></button>
        </div>
    }
}
