//! Offline reading for the app shell: registers the service worker, offers a new version
//! when one waits ("A new version is ready"), tells the worker which corpus files this
//! build names, and saves the whole corpus for offline reading on request, with progress
//! in bytes and articles. Whether this build was saved is remembered in storage.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use yew::prelude::*;

use crate::browser::fetch::{fetch, first_href};
use crate::browser::{service_worker, storage};
use crate::corpus::every_file;
use crate::state::offline::{Progress, Saved};

/// Files fetched at once while saving.
const AT_ONCE: usize = 4;

/// Where offline reading is.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// No service worker controls the page (yet), or the corpus is not here: nothing can
    /// be saved.
    Unavailable,
    /// Ready to save.
    Online,
    Saving(Progress),
    Saved(u64),
    /// Saving stopped: why, and how far it came.
    Stopped(String, Progress),
}

#[derive(Clone, PartialEq)]
pub struct Offline {
    pub status: Status,
    pub save: Callback<()>,
    /// A new version is installed and waits.
    pub update_ready: bool,
    pub apply_update: Callback<()>,
}

/// Offline reading; `corpus_ready` once the first corpus file is here.
#[hook]
pub fn use_offline(corpus_ready: bool) -> Offline {
    let update_ready = use_state_eq(|| false);
    let controlled = use_state_eq(service_worker::controlled);
    let status = use_state(|| None::<Status>);
    {
        // Registered once the first corpus file is here: installing the worker fetches the
        // app's files again (from the HTTP cache where the host allows), and must not
        // compete with the library's first view.
        let (update_ready, controlled) = (update_ready.setter(), controlled.setter());
        let registered = use_mut_ref(|| false);
        use_effect_with(corpus_ready, move |ready| {
            if *ready && !std::mem::replace(&mut *registered.borrow_mut(), true) {
                service_worker::register(
                    Callback::from(move |()| update_ready.set(true)),
                    Callback::from(move |()| controlled.set(true)),
                );
            }
        });
    }
    use_effect_with((corpus_ready, *controlled), |(ready, controlled)| {
        if *ready && *controlled {
            let files: Vec<String> = every_file().into_iter().map(|(href, _)| href).collect();
            service_worker::tell_corpus_files(&files);
        }
    });
    let save = {
        let status = status.clone();
        Callback::from(move |()| {
            if matches!(*status, Some(Status::Saving(_))) {
                return;
            }
            save_all(status.setter());
        })
    };
    let shown = match (&*status, *controlled && corpus_ready) {
        (Some(status), _) => status.clone(),
        (None, false) => Status::Unavailable,
        (None, true) => match saved_build() {
            Some(saved) => Status::Saved(saved.bytes),
            None => Status::Online,
        },
    };
    Offline {
        status: shown,
        save,
        update_ready: *update_ready,
        apply_update: Callback::from(|()| service_worker::apply_update()),
    }
}

/// This build's save, if it was saved.
fn saved_build() -> Option<Saved> {
    let saved = Saved::parse(&storage::read(storage::OFFLINE)?)?;
    (first_href().ok()? == saved.build).then_some(saved)
}

/// Fetches every corpus file (the service worker keeps each), a few at a time, telling
/// `status` how far it came (every few files, and at the end).
fn save_all(status: UseStateSetter<Option<Status>>) {
    let files: VecDeque<(String, Option<usize>)> = every_file().into();
    let progress = Progress {
        of_files: files.len(),
        of_articles: files.iter().filter(|(_, n)| n.is_some()).count(),
        ..Progress::default()
    };
    status.set(Some(Status::Saving(progress)));
    let shared = Rc::new(RefCell::new((files, progress, None::<String>)));
    for _ in 0..AT_ONCE {
        let (shared, status) = (shared.clone(), status.clone());
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                let next = shared.borrow_mut().0.pop_front();
                let Some((href, article)) = next else { break };
                if shared.borrow().2.is_some() {
                    break;
                }
                let result = fetch(&href).await;
                let mut state = shared.borrow_mut();
                match result {
                    Ok(bytes) => {
                        state.1.bytes += bytes.len() as u64;
                        state.1.files += 1;
                        state.1.articles += usize::from(article.is_some());
                    }
                    Err(error) => {
                        state.0.clear();
                        state.2.get_or_insert(error.message);
                    }
                }
                let (progress, stopped) = (state.1, state.2.clone());
                drop(state);
                if let Some(why) = stopped {
                    status.set(Some(Status::Stopped(why, progress)));
                    break;
                }
                if progress.done() {
                    if let Ok(build) = first_href() {
                        storage::write(storage::OFFLINE, &Saved { build, bytes: progress.bytes }.to_storage());
                    }
                    status.set(Some(Status::Saved(progress.bytes)));
                } else if progress.files % 16 == 0 {
                    status.set(Some(Status::Saving(progress)));
                }
            }
        });
    }
}
