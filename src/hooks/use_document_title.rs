//! Keeps `document.title` in step with the view.

use yew::prelude::*;

/// Sets the document title to `"{title} · Lectern"` (or `"Lectern"` for an empty title).
#[hook]
pub fn use_document_title(title: String) {
    use_effect_with(title, |title| {
        let full = if title.is_empty() { "Lectern".to_string() } else { format!("{title} · Lectern") };
        gloo::utils::document().set_title(&full);
    });
}
