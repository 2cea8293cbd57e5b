//! The hand-over from the library's first view, which the indexer writes into `index.html`
//! as static HTML (`<div id="static-library">`, `crates/indexer/src/static_pages/first_view.rs`),
//! to the app: the app renders into a hidden container after it, and [`reveal`] swaps the
//! two in one task (the static view removed, the app shown), so that no frame shows both or
//! neither. Without the static view (component tests, older builds) the app mounts on the
//! body as before.

use gloo::timers::callback::Timeout;
use web_sys::Element;

/// The static first view's id.
const STATIC_ID: &str = "static-library";

/// The app's container while the static view is shown.
const APP_ID: &str = "app";

/// The longest the static view stays once the app runs, should the app never say it is
/// ready (a corpus file that does not arrive).
const SAFETY_MS: u32 = 3_000;

/// When the page has the static first view: a hidden container after it, for the app to
/// render into (the app is shown by [`reveal`], or after a safety timeout).
pub fn app_root() -> Option<Element> {
    let document = gloo::utils::document();
    let first = document.get_element_by_id(STATIC_ID)?;
    let root = document.create_element("div").ok()?;
    root.set_id(APP_ID);
    root.set_attribute("hidden", "").ok()?;
    first.after_with_node_1(&root).ok()?;
    Timeout::new(SAFETY_MS, reveal).forget();
    Some(root)
}

/// Whether the static first view is still what the reader sees.
pub fn pending() -> bool {
    gloo::utils::document().get_element_by_id(STATIC_ID).is_some()
}

/// Whether the address is the library's (`#/`, `#/?…`, or no route): only then does the
/// static view show what the app will; any other route is shown at once.
pub fn is_library_route() -> bool {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    matches!(hash.as_str(), "" | "#" | "#/") || hash.starts_with("#/?")
}

/// Shows the app in place of the static view, in one task; nothing once done or without one.
pub fn reveal() {
    let document = gloo::utils::document();
    let Some(first) = document.get_element_by_id(STATIC_ID) else { return };
    first.remove();
    if let Some(root) = document.get_element_by_id(APP_ID) {
        let _ = root.remove_attribute("hidden");
    }
}
