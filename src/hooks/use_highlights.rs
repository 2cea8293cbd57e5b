//! The reader's highlights for the article view: read from storage when the view opens,
//! written back on every change. A stored value that could not be read whole is first
//! copied aside (`lectern.highlights.unreadable`), so nothing is lost by the next write.

use std::rc::Rc;

use yew::prelude::*;

use crate::highlights::{Highlights, KEY};
use crate::storage;

const UNREADABLE_KEY: &str = "lectern.highlights.unreadable";

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
            saved.set(storage::write(KEY, &next.to_storage()));
            all.set(Rc::new(next));
        })
    };
    HighlightsHandle { all: (*all).clone(), update, saved: *saved }
}

fn load() -> Highlights {
    let Some(stored) = storage::read(KEY) else { return Highlights::default() };
    let (highlights, damaged) = Highlights::parse(&stored);
    if damaged && storage::read(UNREADABLE_KEY).is_none() {
        storage::write(UNREADABLE_KEY, &stored);
    }
    highlights
}
