//! A link to a route plus a raw query string (`#/a/slug?q=…`). A real `href`, so it can
//! be opened in a new tab; a plain click pushes through the router.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::route::{go, href, Route};

#[derive(Properties, PartialEq)]
pub struct QueryLinkProps {
    pub to: Route,
    /// Already encoded, without `?`; empty for none.
    #[prop_or_default]
    pub query: AttrValue,
    #[prop_or_default]
    pub classes: Classes,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn QueryLink(props: &QueryLinkProps) -> Html {
    let navigator = use_navigator();
    let onclick = {
        let (to, query) = (props.to.clone(), props.query.clone());
        Callback::from(move |e: MouseEvent| {
            if e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() {
                return;
            }
            e.prevent_default();
            if let Some(nav) = &navigator {
                go(nav, &to, &query, true);
            }
        })
    };
    html! {
        <a class={props.classes.clone()} href={href(&props.to, &props.query)} {onclick}>{ props.children.clone() }</a>
    }
}
