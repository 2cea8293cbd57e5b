//! The reading position of an article: a progress bar that follows scrolling, the
//! position saved as a fraction of the article, and restored on return; and the saved
//! positions, read once, for the library's "Continue reading".

use std::rc::Rc;

use gloo::events::EventListener;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::browser::storage;
use crate::state::reading_progress::Progress;

/// The positions remembered when the calling component mounted.
#[hook]
pub fn use_saved_progress() -> Rc<Progress> {
    use_memo((), |_| load())
}

/// All remembered positions.
fn load() -> Progress {
    storage::read(storage::PROGRESS).map(|s| Progress::parse(&s)).unwrap_or_default()
}

/// How far the page can scroll, in pixels.
fn scroll_range() -> f64 {
    let height = gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    f64::from(gloo::utils::document_element().scroll_height()) - height
}

/// Fraction of the page scrolled, 0 at the top, 1 at the bottom.
fn scrolled() -> f64 {
    let max = scroll_range();
    let y = gloo::utils::window().scroll_y().unwrap_or(0.0);
    if max <= 1.0 {
        1.0
    } else {
        (y / max).clamp(0.0, 1.0)
    }
}

/// Drives the bar in `bar` and remembers the position of `slug`. With `restore`, the
/// page first scrolls to where the reader left off.
#[hook]
pub fn use_reading_position(slug: String, restore: bool, bar: NodeRef) {
    use_effect_with((slug, restore), move |(slug, restore)| {
        let window = gloo::utils::window();
        let saved = load().get(slug).filter(|_| *restore);
        window.scroll_to_with_x_and_y(0.0, saved.map_or(0.0, |f| (f * scroll_range()).max(0.0)));
        // Whether the article is still on screen: a scroll event can arrive after the
        // view changed, and must not be taken for the reader's position.
        let mounted = {
            let bar = bar.clone();
            move || bar.get().is_some_and(|b| b.is_connected())
        };
        let paint = move |f: f64| {
            if let Some(bar) = bar.cast::<HtmlElement>() {
                let _ = bar.style().set_property("transform", &format!("scaleX({f:.4})"));
            }
        };
        paint(scrolled());
        // Only the reader's own scrolling is remembered, in steps of 1%.
        let slug = slug.clone();
        let mut last_saved = saved.unwrap_or(-1.0);
        let listener = EventListener::new(&window, "scroll", move |_| {
            if !mounted() {
                return;
            }
            let f = scrolled();
            paint(f);
            if (f - last_saved).abs() >= 0.01 {
                last_saved = f;
                let mut progress = load();
                progress.set(&slug, f);
                storage::write(storage::PROGRESS, &progress.to_storage());
            }
        });
        move || drop(listener)
    });
}
