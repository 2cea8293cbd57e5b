//! Single-key shortcuts on the whole page (`/`, `n`, `N`, …), ignored while the reader
//! types in a field or holds Ctrl, Alt or Meta.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

/// Calls `handler` with each shortcut key press; re-registered when `deps` change.
#[hook]
pub fn use_shortcuts<D, F>(deps: D, handler: F)
where
    D: PartialEq + 'static,
    F: Fn(&KeyboardEvent) + 'static,
{
    use_effect_with(deps, move |_| {
        // Not passive: a shortcut's key must not also reach the page (`/` must not be typed).
        let options = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |e| {
            let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
            if !e.ctrl_key() && !e.meta_key() && !e.alt_key() && !is_typing(e) {
                handler(e);
            }
        });
        move || drop(listener)
    });
}

/// Whether a key press is going into a text field.
fn is_typing(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
        .is_some_and(|t| matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || t.is_content_editable())
}
