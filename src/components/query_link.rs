//! A link to a route plus a raw query string (`#/a/slug?q=…`). A real `href`, so it can
//! be opened in a new tab; a plain click pushes through the router.

use yew::prelude::*;
use yew_router::prelude::*;
use yew_router::query::Raw;

use crate::app::Route;

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

/// The `href` of a route with a query string under the hash router.
pub fn href(to: &Route, query: &str) -> String {
    if query.is_empty() { format!("#{}", to.to_path()) } else { format!("#{}?{query}", to.to_path()) }
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

/// Navigates to `to` with `query`, pushing a history entry or replacing the current one.
pub fn go(navigator: &Navigator, to: &Route, query: &str, push: bool) {
    match (query.is_empty(), push) {
        (true, true) => navigator.push(to),
        (true, false) => navigator.replace(to),
        (false, true) => {
            let _ = navigator.push_with_query(to, Raw(query));
        }
        (false, false) => {
            let _ = navigator.replace_with_query(to, Raw(query));
        }
    }
}
