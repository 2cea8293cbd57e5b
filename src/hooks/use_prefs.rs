//! Reader preferences for the whole app: read once from storage, written back from an
//! effect (never from the update itself), and the theme applied to `<html data-theme>`.

use yew::prelude::*;

use crate::prefs::{Choice, ReaderPrefs};
use crate::storage;

const KEY: &str = "lectern.prefs";

/// The current preferences and a way to change them.
#[derive(Clone, PartialEq)]
pub struct PrefsHandle {
    pub prefs: ReaderPrefs,
    pub set: Callback<ReaderPrefs>,
}

#[derive(Properties, PartialEq)]
pub struct PrefsProviderProps {
    pub children: Html,
}

#[component]
pub fn PrefsProvider(props: &PrefsProviderProps) -> Html {
    let prefs = use_state(|| storage::read(KEY).map(|s| ReaderPrefs::from_storage(&s)).unwrap_or_default());
    use_effect_with(*prefs, |prefs| {
        storage::write(KEY, &prefs.to_storage());
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("data-theme", prefs.theme.key());
        }
    });
    let handle = PrefsHandle { prefs: *prefs, set: Callback::from(move |p| prefs.set(p)) };
    html! {
        <ContextProvider<PrefsHandle> context={handle}>{ props.children.clone() }</ContextProvider<PrefsHandle>>
    }
}

#[hook]
pub fn use_prefs() -> PrefsHandle {
    use_context::<PrefsHandle>().expect("PrefsProvider wraps the app")
}
