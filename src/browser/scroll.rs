//! Scrolling the page and looking at what is on it: an element into view (near ones
//! smoothly, far ones at once and checked again), the reading view's body, the first
//! text block in view.

use wasm_bindgen::JsCast;
use web_sys::{Element, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

/// Scrolls the first element matching `selector` into view: smoothly when it is near,
/// at once when it is far (a smooth ride through a long body would render every chunk on
/// the way). Chunks that render around it can move it, so a far target is looked at
/// again shortly after and brought back into view if it moved.
pub fn scroll_to(selector: &str, block: ScrollLogicalPosition) {
    let Some(target) = element(selector) else { return };
    let height = gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0);
    let far = target.get_bounding_client_rect().top().abs() > 2.0 * height;
    let options = ScrollIntoViewOptions::new();
    options.set_block(block);
    options.set_behavior(if far { ScrollBehavior::Instant } else { ScrollBehavior::Smooth });
    target.scroll_into_view_with_scroll_into_view_options(&options);
    if far {
        for delay in [100, 400] {
            let (selector, options) = (selector.to_string(), options.clone());
            gloo::timers::callback::Timeout::new(delay, move || {
                if let Some(target) = element(&selector) {
                    let r = target.get_bounding_client_rect();
                    if r.top() < 0.0 || r.bottom() > height {
                        target.scroll_into_view_with_scroll_into_view_options(&options);
                    }
                }
            })
            .forget();
        }
    }
}

/// The first element matching `selector`.
pub fn element(selector: &str) -> Option<Element> {
    gloo::utils::document().query_selector(selector).ok().flatten()
}

/// The reading view's body, where the article's text blocks are.
pub fn reader_body() -> Option<Element> {
    element(".reader-body")
}

/// The first text block whose bottom is below the top of the window, unless the page is
/// (nearly) at its top.
pub fn first_block_in_view() -> Option<usize> {
    if gloo::utils::window().scroll_y().unwrap_or(0.0) < 80.0 {
        return None;
    }
    let blocks = reader_body()?.query_selector_all("[data-block]").ok()?;
    (0..blocks.length())
        .filter_map(|i| blocks.item(i)?.dyn_into::<Element>().ok())
        .find(|b| b.get_bounding_client_rect().bottom() > 0.0)
        .and_then(|b| b.get_attribute("data-block")?.parse().ok())
}
