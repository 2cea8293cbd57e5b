//! The service worker (`sw.js`, stamped at build time by `scripts/stamp-worker.sh`):
//! registering it, hearing that a new version is installed and waiting, handing over to
//! it when the reader reloads, and telling it which corpus files the current build names
//! (it drops the others from its cache). Browsers without service workers (or pages not
//! served from a secure origin) simply have none of this.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};
use yew::Callback;

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = gloo::utils::window().navigator();
    // `navigator.serviceWorker` is undefined outside secure contexts.
    js_sys::Reflect::get(&navigator, &"serviceWorker".into()).ok().filter(|v| !v.is_undefined())?;
    Some(navigator.service_worker())
}

/// Whether a service worker controls this page (then fetched corpus files are kept for
/// offline use).
pub fn controlled() -> bool {
    container().is_some_and(|c| c.controller().is_some())
}

/// Registers `sw.js` (beside `index.html`, so its scope is the site, under any sub-path);
/// `on_update` is told when a new version is installed and waits for a reload. Once a
/// worker controls the page, `on_ready` is told.
pub fn register(on_update: Callback<()>, on_ready: Callback<()>) {
    let Some(container) = container() else { return };
    wasm_bindgen_futures::spawn_local(async move {
        if container.controller().is_none() {
            let ready = on_ready.clone();
            let on_change = Closure::<dyn FnMut()>::new(move || ready.emit(()));
            container.add_event_listener_with_callback("controllerchange", on_change.as_ref().unchecked_ref()).ok();
            on_change.forget();
        } else {
            on_ready.emit(());
        }
        let Ok(registration) = JsFuture::from(container.register("sw.js")).await else { return };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        if registration.waiting().is_some() && controlled() {
            on_update.emit(());
        }
        // An update may already be installing (registering checks for one), or be found later.
        if let Some(installing) = registration.installing() {
            offer_when_installed(&installing, on_update.clone());
        }
        let watched = registration.clone();
        let on_found = Closure::<dyn FnMut()>::new(move || {
            if let Some(installing) = watched.installing() {
                offer_when_installed(&installing, on_update.clone());
            }
        });
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
        REGISTRATION.with_borrow_mut(|r| *r = Some(registration));
    });
}

/// Tells `on_update` once `worker` is installed, when another worker controls the page (a
/// first install takes over by itself; a later one waits to be offered).
fn offer_when_installed(worker: &ServiceWorker, on_update: Callback<()>) {
    let watched = worker.clone();
    let on_state = Closure::<dyn FnMut()>::new(move || {
        if watched.state() == ServiceWorkerState::Installed && controlled() {
            on_update.emit(());
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}

/// Hands over to the waiting version and reloads the page once it controls it (or at
/// once, when none waits).
pub fn apply_update() {
    let waiting: Option<ServiceWorker> = REGISTRATION.with_borrow(|r| r.as_ref().and_then(|r| r.waiting()));
    let (Some(waiting), Some(container)) = (waiting, container()) else {
        let _ = gloo::utils::window().location().reload();
        return;
    };
    let reload = Closure::<dyn FnMut()>::once(|| {
        let _ = gloo::utils::window().location().reload();
    });
    container.add_event_listener_with_callback("controllerchange", reload.as_ref().unchecked_ref()).ok();
    reload.forget();
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"skip-waiting".into());
    let _ = waiting.post_message(&message);
}

/// Tells the controlling worker every corpus file this build names (addresses as the
/// page fetches them), so it can drop the rest.
pub fn tell_corpus_files(files: &[String]) {
    let Some(worker) = container().and_then(|c| c.controller()) else { return };
    let list: js_sys::Array = files.iter().map(|f| JsValue::from_str(f)).collect();
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"corpus-files".into());
    let _ = js_sys::Reflect::set(&message, &"files".into(), &list);
    let _ = worker.post_message(&message);
}
