//! Reader preferences for the whole app: read once from storage, written back from an
//! effect (never from the update itself), and the theme applied to `<html data-theme>`.

use yew::prelude::*;

use crate::browser::storage;
use crate::state::prefs::{Choice, ReaderPrefs};

/// The current preferences and a way to change them.
#[derive(Clone, PartialEq)]
pub struct PrefsHandle {
    pub prefs: ReaderPrefs,
    pub set: Callback<ReaderPrefs>,
    /// False once storage refused a write (private mode, quota, blocked): settings and
    /// positions then last only until the tab closes.
    pub storage_ok: bool,
}

#[derive(Properties, PartialEq)]
pub struct PrefsProviderProps {
    pub children: Html,
}

#[component]
pub fn PrefsProvider(props: &PrefsProviderProps) -> Html {
    let prefs = use_state(|| storage::read(storage::PREFS).map(|s| ReaderPrefs::from_storage(&s)).unwrap_or_default());
    let storage_ok = use_state_eq(|| true);
    {
        let storage_ok = storage_ok.clone();
        use_effect_with(*prefs, move |prefs| {
            if !storage::write(storage::PREFS, &prefs.to_storage()) {
                storage_ok.set(false);
            }
            if let Some(root) = gloo::utils::document().document_element() {
                let _ = root.set_attribute("data-theme", prefs.theme.key());
            }
        });
    }
    let handle = PrefsHandle { prefs: *prefs, set: Callback::from(move |p| prefs.set(p)), storage_ok: *storage_ok };
    html! {
        <ContextProvider<PrefsHandle> context={handle}>{ props.children.clone() }</ContextProvider<PrefsHandle>>
    }
}

#[hook]
pub fn use_prefs() -> PrefsHandle {
    use_context::<PrefsHandle>().expect("PrefsProvider wraps the app")
}
