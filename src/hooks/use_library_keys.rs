//! Moving through the library with the keyboard: `/` focuses the search field from
//! anywhere on the page (selecting its text); ↓ in the field focuses the first result;
//! ↑/↓ move focus between results, and ↑ on the first goes back to the field. Enter then
//! opens the focused result (it is a link).

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::hooks::use_shortcuts::use_shortcuts;

#[derive(Clone, PartialEq)]
pub struct LibraryKeys {
    /// The search field.
    pub input_ref: NodeRef,
    /// The result list.
    pub list_ref: NodeRef,
    /// ↓ in the search field.
    pub on_arrow_down: Callback<()>,
    /// A key pressed in the result list.
    pub on_list_key: Callback<KeyboardEvent>,
}

#[hook]
pub fn use_library_keys() -> LibraryKeys {
    let input_ref = use_node_ref();
    let list_ref = use_node_ref();
    {
        let input_ref = input_ref.clone();
        use_shortcuts((), move |e| {
            if e.key() == "/" {
                e.prevent_default();
                if let Some(input) = input_ref.cast::<HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                }
            }
        });
    }
    let on_arrow_down = {
        let list_ref = list_ref.clone();
        Callback::from(move |()| {
            if let Some(first) = result_links(&list_ref).first() {
                let _ = first.focus();
            }
        })
    };
    let on_list_key = {
        let (list_ref, input_ref) = (list_ref.clone(), input_ref.clone());
        Callback::from(move |e: KeyboardEvent| {
            let step: isize = match e.key().as_str() {
                "ArrowDown" => 1,
                "ArrowUp" => -1,
                _ => return,
            };
            e.prevent_default();
            let links = result_links(&list_ref);
            let active = gloo::utils::document().active_element();
            let current = links.iter().position(|l| active.as_ref() == Some(l.unchecked_ref()));
            match current.map(|i| i as isize + step) {
                Some(-1) => {
                    if let Some(input) = input_ref.cast::<HtmlInputElement>() {
                        let _ = input.focus();
                    }
                }
                Some(i) if (i as usize) < links.len() => {
                    let _ = links[i as usize].focus();
                }
                _ => {}
            }
        })
    };
    LibraryKeys { input_ref, list_ref, on_arrow_down, on_list_key }
}

/// The result links in the list, in order.
fn result_links(list_ref: &NodeRef) -> Vec<HtmlElement> {
    let Some(list) = list_ref.cast::<HtmlElement>() else { return Vec::new() };
    let Ok(nodes) = list.query_selector_all("a.result-link") else { return Vec::new() };
    (0..nodes.length()).filter_map(|i| nodes.item(i)?.dyn_into::<HtmlElement>().ok()).collect()
}
