//! The name card: which one is open (`state::lenses::CardState`, on hover or focus), its
//! content from the corpus, and the events the mark renderer reports. Focus leaving a
//! name is acted on a moment later, so focus moving from the name into its card (or back)
//! keeps the card open; Escape closes it and returns focus to the name.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::browser::focus::focus;
use crate::corpus::{corpus, ArticleRef};
use crate::state::lenses::{name_card, CardState, Mention, NameCard, NameEvent};

#[derive(Clone, PartialEq)]
pub struct NameCardHandle {
    /// The open card and the mention it belongs to.
    pub open: Option<(Mention, Rc<NameCard>)>,
    /// What the reader does to names (stable across renders).
    pub on_name: Callback<NameEvent>,
}

#[derive(Default, PartialEq)]
struct Card(CardState);

impl Reducible for Card {
    type Action = NameEvent;
    fn reduce(self: Rc<Self>, event: NameEvent) -> Rc<Self> {
        Rc::new(Card(self.0.apply(event)))
    }
}

#[hook]
pub fn use_name_card(article: ArticleRef) -> NameCardHandle {
    let state = use_reducer_eq(Card::default);
    let blur = use_mut_ref(|| None::<Timeout>);
    let on_name = {
        let dispatch = state.dispatcher();
        use_callback((), move |event: NameEvent, _| on_event(event, &dispatch, &blur))
    };
    let shown = state.0.shown();
    let card = use_memo((article, shown.map(|m| m.name)), |(article, name)| {
        let this = corpus().number(&article.slug)?;
        name_card(&article.lenses, (*name)?, corpus(), this).map(Rc::new)
    });
    NameCardHandle { open: shown.zip((*card).clone()), on_name }
}

fn on_event(event: NameEvent, dispatch: &UseReducerDispatcher<Card>, blur: &Rc<RefCell<Option<Timeout>>>) {
    match event {
        NameEvent::Blur => {
            let dispatch = dispatch.clone();
            *blur.borrow_mut() = Some(Timeout::new(0, move || dispatch.dispatch(NameEvent::Blur)));
        }
        NameEvent::Focus(_) => {
            // Focus moved within the name and its card: it has not left.
            drop(blur.borrow_mut().take().map(Timeout::cancel));
            dispatch.dispatch(event);
        }
        NameEvent::Escape(m) => {
            dispatch.dispatch(event);
            focus(&format!("[data-block=\"{}\"] a[data-mention=\"{}\"]", m.block, m.start));
        }
        _ => dispatch.dispatch(event),
    }
}
