//! What a reader sees when a corpus file could not be had: the reason, and the one action
//! that can help (try again, or reload a page that names files the site no longer has).

use yew::prelude::*;

use crate::corpus::LoadError;

#[derive(Properties, PartialEq)]
pub struct LoadFailedProps {
    /// A heading for the message, when it stands for the whole page.
    #[prop_or_default]
    pub heading: Option<AttrValue>,
    pub error: LoadError,
    pub retry: Callback<()>,
}

#[component]
pub fn LoadFailed(props: &LoadFailedProps) -> Html {
    let (label, onclick) = if props.error.reload {
        ("Reload the page", Callback::from(|_: MouseEvent| drop(gloo::utils::window().location().reload())))
    } else {
        ("Try again", props.retry.reform(|_: MouseEvent| ()))
    };
    html! {
        <div class="load-failed" role="alert">
            if let Some(heading) = &props.heading {
                <h1>{ heading.clone() }</h1>
            }
            <p>{ props.error.message.clone() }</p>
            <button type="button" {onclick}>{ label }</button>
        </div>
    }
}
