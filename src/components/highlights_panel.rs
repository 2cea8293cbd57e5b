//! The reader's highlights of this article, behind a toggle in the reading bar: each
//! quote scrolls to its place, each can be removed, and all highlights (of every article)
//! export as one Markdown file. A highlight whose text is gone from the article is
//! listed as such, never dropped.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::anchor::Span;
use crate::state::highlights::{one_line, Highlight};

/// Characters of a quote shown in the list.
const SHOWN: usize = 160;

#[derive(Properties, PartialEq)]
pub struct HighlightsPanelProps {
    pub highlights: Rc<Vec<Highlight>>,
    /// Where each highlight is now; `None` when its text is gone.
    pub placed: Rc<Vec<Option<Span>>>,
    /// Highlights of every article, for the export button.
    pub total: usize,
    pub saved: bool,
    pub on_go: Callback<usize>,
    pub on_remove: Callback<usize>,
    pub on_export: Callback<()>,
}

#[component]
pub fn HighlightsPanel(props: &HighlightsPanelProps) -> Html {
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let count = props.highlights.len();
    // Removing a highlight removes the focused button: focus goes to the panel's heading.
    let heading = use_node_ref();
    let on_remove = {
        let (remove, heading) = (props.on_remove.clone(), heading.clone());
        Callback::from(move |i: usize| {
            remove.emit(i);
            if let Some(heading) = heading.cast::<web_sys::HtmlElement>() {
                let _ = heading.focus();
            }
        })
    };
    html! {
        <div class="reader-highlights">
            <button type="button" class="highlights-toggle" aria-expanded={open.to_string()} aria-controls="highlights-panel"
                aria-label={format!("Your highlights ({count})")} title="Your highlights" onclick={toggle}>
                <span aria-hidden="true">{ "✎" }</span>
                if count > 0 { <span class="highlights-count" aria-hidden="true">{ count }</span> }
            </button>
            if *open {
                <div id="highlights-panel" class="highlights-panel" role="group" aria-label="Your highlights">
                    <h2 class="panel-title" tabindex="-1" ref={heading}>{ "Your highlights" }</h2>
                    if count == 0 {
                        <p class="panel-note">{ "Select text in the article, then press Highlight (or h)." }</p>
                    } else {
                        <ol class="highlight-list">
                            { for props.highlights.iter().enumerate().map(|(i, h)| item(props, &on_remove, i, h)) }
                        </ol>
                    }
                    if !props.saved {
                        <p class="panel-note" role="alert">{ "This browser refused to save highlights: they last until you close the tab." }</p>
                    }
                    <button type="button" class="export-button" disabled={props.total == 0}
                        onclick={props.on_export.reform(|_| ())}>{ format!("Export all highlights ({}) as Markdown", props.total) }</button>
                </div>
            }
        </div>
    }
}

fn item(props: &HighlightsPanelProps, on_remove: &Callback<usize>, i: usize, h: &Highlight) -> Html {
    let text = one_line(&h.quote);
    let cut = truncate(&text, SHOWN);
    let shown = if cut.len() < text.len() { format!("{cut}…") } else { text.clone() };
    let found = props.placed.get(i).is_some_and(Option::is_some);
    html! {
        <li class={classes!(found.then_some("is-found"))}>
            if found {
                <button type="button" class="link-button quote-button" onclick={props.on_go.reform(move |_| i)}>{ shown }</button>
            } else {
                <span class="quote-missing">{ shown }</span>
                <span class="panel-note">{ " — no longer in this article" }</span>
            }
            <button type="button" class="remove-highlight" aria-label={format!("Remove highlight: {}", truncate(&text, 40))}
                onclick={on_remove.reform(move |_| i)}>{ "×" }</button>
            if let Some(note) = &h.note {
                <p class="highlight-note">{ note.clone() }</p>
            }
        </li>
    }
}

fn truncate(text: &str, chars: usize) -> &str {
    text.char_indices().nth(chars).map_or(text, |(cut, _)| &text[..cut])
}
