//! The header's offline controls: "Save for offline" (with progress in bytes and
//! articles, then what was saved), and the notice that a new version is ready, with the
//! reload that applies it.

use yew::prelude::*;

use crate::hooks::use_offline::{Offline, Status};
use crate::state::offline::size;

#[derive(Properties, PartialEq)]
pub struct OfflineControlsProps {
    pub offline: Offline,
}

#[component]
pub fn OfflineControls(props: &OfflineControlsProps) -> Html {
    let offline = &props.offline;
    let save = offline.save.reform(|_: MouseEvent| ());
    let (button, said): (Option<&str>, String) = match &offline.status {
        Status::Unavailable => (None, String::new()),
        Status::Online => (Some("Save for offline"), String::new()),
        Status::Saving(progress) => (None, format!("Saving for offline: {}", progress.describe())),
        Status::Saved(bytes) => (None, format!("Saved for offline ({})", size(*bytes))),
        Status::Stopped(why, progress) => {
            (Some("Try saving again"), format!("Saving stopped at {}: {why}", progress.describe()))
        }
    };
    html! {
        <div class="offline-controls">
            if let Some(label) = button {
                <button type="button" class="offline-save" onclick={save}>{ label }</button>
            }
            <span class="offline-status" role="status">{ said }</span>
            if offline.update_ready {
                <div class="update-ready" role="alert">
                    { "A new version of this library is ready. " }
                    <button type="button" onclick={offline.apply_update.reform(|_: MouseEvent| ())}>{ "Reload" }</button>
                </div>
            }
        </div>
    }
}
