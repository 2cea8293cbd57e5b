//! Said once, when the browser refuses to store anything: the app keeps working, but
//! settings and reading positions will not outlive the tab.

use yew::prelude::*;

use crate::hooks::use_prefs::use_prefs;

#[component]
pub fn StorageNotice() -> Html {
    let storage_ok = use_prefs().storage_ok;
    let dismissed = use_state(|| false);
    if storage_ok || *dismissed {
        return html! {};
    }
    let dismiss = Callback::from(move |_| dismissed.set(true));
    html! {
        <div class="storage-notice" role="alert">
            <span>{ "This browser won't let Lectern save your reading settings and positions (private mode, or storage is full or blocked). Everything else works; changes last until you close the tab." }</span>
            <button type="button" onclick={dismiss}>{ "Dismiss" }</button>
        </div>
    }
}
