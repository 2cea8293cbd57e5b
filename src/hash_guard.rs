//! The router reads routes from hashes that start with `#/`. An address like `#foo` or
//! `#%3Cscript…` (a hand-made or hostile link) would make it throw; this rewrites such a
//! hash to `#/…` before the router reads it: at start and on every navigation.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsValue;

/// Rewrites the current hash when it does not start with `#/`.
fn normalise() {
    let window = gloo::utils::window();
    let Ok(hash) = window.location().hash() else { return };
    if hash.is_empty() || hash.starts_with("#/") {
        return;
    }
    let fixed = format!("#/{}", hash.trim_start_matches('#'));
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&fixed));
    }
}

/// Normalises now, and before any other listener on every hash navigation. Call before
/// the app (and its router) starts, so these listeners run first.
pub fn install() {
    normalise();
    let window = gloo::utils::window();
    for event in ["popstate", "hashchange"] {
        EventListener::new_with_options(&window, event, EventListenerOptions::run_in_capture_phase(), |_| normalise()).forget();
    }
}
