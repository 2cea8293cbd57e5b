//! Where the search matches are on the page, as fractions of the document's height (by
//! match number), for the match rail. Measured after each render that changes the marks,
//! and again whenever the observed element changes size (text size, width, window).

use std::rc::Rc;

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver};
use yew::prelude::*;

/// Measures while `enabled` (a body not all rendered has marks that cannot be measured).
#[hook]
pub fn use_mark_positions<D: PartialEq + 'static>(observed: NodeRef, deps: D, enabled: bool) -> Rc<Vec<f64>> {
    let positions = use_state_eq(|| Rc::new(Vec::new()));
    {
        let set = positions.setter();
        use_effect_with((deps, enabled), move |(_, enabled)| {
            let enabled = *enabled;
            let measure = move || set.set(Rc::new(if enabled { measure() } else { Vec::new() }));
            measure();
            let observer = observed.cast::<Element>().filter(|_| enabled).and_then(|element| {
                let callback = Closure::<dyn FnMut()>::new(measure);
                let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
                observer.observe(&element);
                Some((observer, callback))
            });
            move || {
                if let Some((observer, _callback)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    (*positions).clone()
}

/// The top of each numbered match (its first piece) over the document's height.
fn measure() -> Vec<f64> {
    let height = f64::from(gloo::utils::document_element().scroll_height()).max(1.0);
    let y = gloo::utils::window().scroll_y().unwrap_or(0.0);
    let mut out = Vec::new();
    let Ok(marks) = gloo::utils::document().query_selector_all("mark[data-match]") else { return out };
    for i in 0..marks.length() {
        let Some(mark) = marks.item(i).and_then(|m| m.dyn_into::<Element>().ok()) else { continue };
        let Some(number) = mark.get_attribute("data-match").and_then(|n| n.parse::<usize>().ok()) else { continue };
        if number == out.len() {
            out.push(((mark.get_bounding_client_rect().top() + y) / height).clamp(0.0, 1.0));
        }
    }
    out
}
