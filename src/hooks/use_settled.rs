//! Whether a value has stopped changing: work that is only worth doing once typing pauses
//! (fetching the bodies of the results shown) waits for it.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// True when `value` has stayed the same for `ms` milliseconds, and at the first render.
#[hook]
pub fn use_settled<T: PartialEq + Clone + 'static>(value: T, ms: u32) -> bool {
    let settled = use_state(|| value.clone());
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let settled = settled.clone();
        use_effect_with(value.clone(), move |value| {
            // A newer value cancels the wait for the last one.
            let wait = (*settled != *value).then(|| {
                let value = value.clone();
                Timeout::new(ms, move || settled.set(value))
            });
            *timer.borrow_mut() = wait;
        });
    }
    *settled == value
}
