//! Whether the reader has selected text in the article body (the selection bar shows
//! while they have).

use yew::prelude::*;

use crate::browser::scroll::reader_body;
use crate::browser::selection::current_range;

#[hook]
pub fn use_has_selection() -> bool {
    let has_selection = use_state_eq(|| false);
    {
        let has_selection = has_selection.setter();
        use_effect_with((), move |_| {
            let listener = gloo::events::EventListener::new(&gloo::utils::document(), "selectionchange", move |_| {
                has_selection.set(reader_body().is_some_and(|body| current_range(&body).is_some()));
            });
            move || drop(listener)
        });
    }
    *has_selection
}
