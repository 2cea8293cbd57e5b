//! The card of a person, place or organisation named in the article: what it is, how often
//! this article names it, its other names here, and the other articles naming it (at most
//! five, then a link to all of them on its page). The mark renderer puts it right after
//! the focused or hovered name, so Tab goes on into its links.

use std::rc::Rc;

use yew::prelude::*;

use crate::route::{href, name_address, Route};
use crate::state::lenses::{NameCard, CARD_ARTICLES};

#[derive(Properties, PartialEq)]
pub struct NameCardProps {
    pub card: Rc<NameCard>,
}

#[component]
pub fn NameCardView(props: &NameCardProps) -> Html {
    let card = &props.card;
    let times = match card.mentions {
        1 => "Named once in this article".to_string(),
        n => format!("Named {n} times in this article"),
    };
    let more = card.others_total > CARD_ARTICLES;
    html! {
        // Inside a paragraph: spans shown as blocks (and a list, which the DOM allows).
        <span class="name-card" role="group" aria-label={card.name.clone()} data-aside="">
            <span class="name-card-title">
                <strong>{ card.name.clone() }</strong>
                <span class="name-card-kind">{ card.kind.label() }</span>
            </span>
            <span class="name-card-line" id="name-card-summary">{ times }</span>
            if !card.aliases.is_empty() {
                <span class="name-card-line">{ format!("Also called {}", card.aliases.join(", ")) }</span>
            }
            if card.others.is_empty() {
                <span class="name-card-line">{ "No other article is about it." }</span>
            } else {
                <span class="name-card-line">{ "Also in:" }</span>
                <ul class="name-card-articles">
                    { for card.others.iter().map(|(title, slug)| html! {
                        <li key={slug.clone()}>
                            <a href={href(&Route::Article { slug: slug.clone() }, "")}>{ title.clone() }</a>
                        </li>
                    }) }
                </ul>
                if more {
                    <a class="name-card-all" href={name_address(&card.name)}>{ format!("All {} other articles about {}", card.others_total, card.name) }</a>
                }
            }
        </span>
    }
}
