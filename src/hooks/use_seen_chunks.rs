//! Which chunks of a long article body have come near the window (or were wanted: the
//! current match's, the spoken sentence's, a block about to be shown): an
//! IntersectionObserver on the body's placeholders, which also sizes them. A chunk once
//! seen stays rendered.

use std::collections::BTreeSet;
use std::rc::Rc;

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The chunks seen so far in the body `body` (its placeholders carry `data-chunk` and
/// `data-lines`); `wanted` are counted as seen at once. Observes only when `long`.
#[hook]
pub fn use_seen_chunks(body: NodeRef, long: bool, wanted: Vec<usize>) -> UseReducerHandle<Seen> {
    let seen = use_reducer(Seen::default);
    {
        let seen = seen.dispatcher();
        use_effect(move || {
            if !wanted.is_empty() {
                seen.dispatch(wanted);
            }
            let observer = long.then(|| observe_placeholders(&body, seen)).flatten();
            move || {
                if let Some((observer, _callback)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    seen
}

/// Indices of chunks seen near the window.
#[derive(Default, PartialEq)]
pub struct Seen(BTreeSet<usize>);

impl Seen {
    pub fn contains(&self, chunk: &usize) -> bool {
        self.0.contains(chunk)
    }
}

impl Reducible for Seen {
    type Action = Vec<usize>;
    fn reduce(self: Rc<Self>, action: Vec<usize>) -> Rc<Self> {
        if action.iter().all(|i| self.0.contains(i)) {
            return self;
        }
        let mut next = self.0.clone();
        next.extend(action);
        Rc::new(Seen(next))
    }
}

type Observer = (web_sys::IntersectionObserver, Closure<dyn FnMut(js_sys::Array)>);

/// Sizes the placeholders in `body` and reports those that come within a window's
/// height and a half of the view.
fn observe_placeholders(body: &NodeRef, seen: UseReducerDispatcher<Seen>) -> Option<Observer> {
    let body = body.cast::<web_sys::Element>()?;
    let placeholders = body.query_selector_all(".chunk-placeholder").ok()?;
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let near: Vec<usize> = entries
            .iter()
            .filter_map(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
            .filter(|e| e.is_intersecting())
            .filter_map(|e| e.target().get_attribute("data-chunk")?.parse().ok())
            .collect();
        if !near.is_empty() {
            seen.dispatch(near);
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin("150% 0px");
    let observer = web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options).ok()?;
    for i in 0..placeholders.length() {
        let Some(placeholder) = placeholders.item(i).and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok()) else {
            continue;
        };
        let lines = placeholder.get_attribute("data-lines").unwrap_or_default();
        let _ = placeholder.style().set_property("height", &format!("calc({lines} * 1lh)"));
        observer.observe(&placeholder);
    }
    Some((observer, callback))
}
