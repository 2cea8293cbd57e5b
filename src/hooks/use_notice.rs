//! A short message about the reader's last action ("Highlighted."), gone after a few
//! seconds. Messages are numbered, so the same message twice is said (and timed) twice.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// How long a message stays.
const NOTICE_MS: u32 = 4_000;

#[derive(Clone, PartialEq)]
pub struct Notice {
    /// The message shown now (empty for none).
    pub text: Rc<str>,
    /// Shows a message.
    pub say: Callback<String>,
}

#[hook]
pub fn use_notice() -> Notice {
    let message = use_state(|| (Rc::<str>::from(""), 0u32));
    {
        let clear = message.setter();
        use_effect_with(message.1, move |_| {
            let timeout = Timeout::new(NOTICE_MS, move || clear.set((Rc::from(""), 0)));
            move || drop(timeout)
        });
    }
    let say = {
        let message = message.clone();
        Callback::from(move |text: String| message.set((text.into(), message.1.wrapping_add(1))))
    };
    Notice { text: message.0.clone(), say }
}
