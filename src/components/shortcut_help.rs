//! The list of keyboard shortcuts, shown with `?`.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShortcutHelpProps {
    pub on_close: Callback<()>,
}

const SHORTCUTS: [(&str, &str); 10] = [
    ("/", "Search the library"),
    ("↓ ↑", "Move through results"),
    ("Enter", "Open the focused result"),
    ("n", "Next match"),
    ("Shift + N", "Previous match"),
    ("h", "Highlight the selected text"),
    ("j / k", "Next / previous article in the results"),
    ("Esc / Backspace", "Back to the library"),
    ("Esc (in the search field)", "Clear the search"),
    ("?", "Show or hide this list"),
];

#[component]
pub fn ShortcutHelp(props: &ShortcutHelpProps) -> Html {
    let close_ref = use_node_ref();
    {
        let close_ref = close_ref.clone();
        use_effect_with((), move |_| {
            if let Some(button) = close_ref.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    html! {
        <div class="shortcut-help" role="dialog" aria-modal="false" aria-labelledby="shortcut-title">
            <h2 id="shortcut-title">{ "Keyboard shortcuts" }</h2>
            <dl>
                { for SHORTCUTS.iter().map(|(keys, what)| html! {
                    <><dt><kbd>{ *keys }</kbd></dt><dd>{ *what }</dd></>
                }) }
            </dl>
            <button type="button" ref={close_ref} onclick={props.on_close.reform(|_| ())}>{ "Close" }</button>
        </div>
    }
}
