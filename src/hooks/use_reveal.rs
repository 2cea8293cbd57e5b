//! Showing a text block of the reading view (a heading, a highlight): the body renders it
//! first (a long body renders only what is near the window), then it is scrolled to.

use web_sys::ScrollLogicalPosition;
use yew::prelude::*;

use crate::browser::scroll::scroll_to;

/// What to show: the text block, the element to scroll to, and where in the window.
pub type Target = (usize, String, ScrollLogicalPosition);

#[derive(Clone, PartialEq)]
pub struct Reveal {
    /// The text block the body must render, once one was asked for.
    pub block: Option<usize>,
    /// Shows a target.
    pub show: Callback<Target>,
}

#[hook]
pub fn use_reveal() -> Reveal {
    // Numbered, so showing the same target twice scrolls twice.
    let reveal = use_state(|| None::<(Target, u32)>);
    let show = {
        let reveal = reveal.clone();
        Callback::from(move |target: Target| {
            let n = reveal.as_ref().map_or(0, |r| r.1 + 1);
            reveal.set(Some((target, n)));
        })
    };
    use_effect_with((*reveal).clone(), |reveal| {
        if let Some(((_, selector, at), _)) = reveal {
            scroll_to(selector, *at);
        }
    });
    Reveal { block: reveal.as_ref().map(|r| r.0 .0), show }
}
