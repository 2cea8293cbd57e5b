//! Moving keyboard focus to an element of the page.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::browser::scroll::element;

/// Focuses the first element matching `selector`, if there is one.
pub fn focus(selector: &str) {
    if let Some(target) = element(selector).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = target.focus();
    }
}
