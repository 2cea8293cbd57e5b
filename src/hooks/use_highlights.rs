//! The reader's highlights for the article view: read from storage when the view opens,
//! written back on every change. A stored value that could not be read whole is first
//! copied aside (`lectern.highlights.unreadable.<time>`), so the next write loses nothing.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::storage;
use crate::state::highlights::Highlights;

/// A change to the highlights.
pub type Change = Box<dyn FnOnce(&mut Highlights)>;

#[derive(Clone, PartialEq)]
pub struct HighlightsHandle {
    pub all: Rc<Highlights>,
    /// Applies a change and stores the result.
    pub update: Callback<Change>,
    /// False once storage refused to keep them.
    pub saved: bool,
}

#[hook]
pub fn use_highlights() -> HighlightsHandle {
    let all = use_state(|| Rc::new(load()));
    let saved = use_state_eq(|| true);
    let update = {
        let (all, saved) = (all.clone(), saved.clone());
        Callback::from(move |change: Change| {
            let mut next = (**all).clone();
            change(&mut next);
            saved.set(storage::write(storage::HIGHLIGHTS, &next.to_storage()));
            all.set(Rc::new(next));
        })
    };
    HighlightsHandle { all: (*all).clone(), update, saved: *saved }
}

fn load() -> Highlights {
    let Some(stored) = storage::read(storage::HIGHLIGHTS) else { return Highlights::default() };
    let (highlights, damaged) = Highlights::parse(&stored);
    // Kept aside once: what could be read replaces it, so the next view finds it whole.
    if damaged && storage::write(&format!("{}.{}", storage::HIGHLIGHTS_UNREADABLE, js_sys::Date::now() as u64), &stored)
    {
        storage::write(storage::HIGHLIGHTS, &highlights.to_storage());
    }
    highlights
}
