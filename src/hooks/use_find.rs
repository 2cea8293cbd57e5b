//! The reading view's find box: the text in the box, and the text marked. In a long
//! article marking waits until typing pauses; in a short one it follows every key.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// In a long article, the find box marks this long after the last key press.
const FIND_PAUSE_MS: u32 = 250;

#[derive(Clone, PartialEq)]
pub struct Find {
    /// What the box holds.
    pub text: Rc<str>,
    /// What is marked: the box's text, once marking has caught up with it.
    pub marked: Rc<str>,
    /// Puts text in the box (empty clears it).
    pub set: Callback<String>,
}

#[hook]
pub fn use_find(long: bool) -> Find {
    let text = use_state(|| Rc::<str>::from(""));
    let marked = use_state(|| Rc::<str>::from(""));
    let timer = use_mut_ref(|| None::<Timeout>);
    let set = {
        let (text, marked) = (text.clone(), marked.clone());
        Callback::from(move |value: String| {
            let value: Rc<str> = value.into();
            text.set(value.clone());
            if long && !value.is_empty() {
                let marked = marked.clone();
                *timer.borrow_mut() = Some(Timeout::new(FIND_PAUSE_MS, move || marked.set(value)));
            } else {
                timer.borrow_mut().take();
                marked.set(value);
            }
        })
    };
    Find { text: (*text).clone(), marked: (*marked).clone(), set }
}
