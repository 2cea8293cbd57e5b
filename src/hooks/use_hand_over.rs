//! The app takes over from the static first view (`browser/first_paint.rs`) once the view
//! it renders is complete: the hook's caller says when (`ready`), and the swap happens
//! after that render is in the DOM.

use yew::prelude::*;

use crate::browser::first_paint;

/// Reveals the app, in place of the static first view, once `ready` holds.
#[hook]
pub fn use_hand_over(ready: bool) {
    use_effect_with(ready, |ready| {
        if *ready {
            first_paint::reveal();
        }
    });
}
