//! The ranked results: title and excerpt with their matches marked, the metadata line.
//! ↑/↓ move focus between results; Enter opens the focused one (it is a link).

use std::ops::Range;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::components::article_meta::ArticleMeta;
use crate::components::highlighted::Highlighted;
use crate::components::query_link::QueryLink;
use crate::corpus::ArticleRef;
use crate::route::Route;

/// One result as shown.
#[derive(Clone, PartialEq)]
pub struct ResultItem {
    /// The article's number in the corpus.
    pub number: usize,
    pub article: ArticleRef,
    pub title_ranges: Vec<Range<usize>>,
    pub excerpt: AttrValue,
    pub excerpt_ranges: Vec<Range<usize>>,
}

#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    pub items: Rc<Vec<ResultItem>>,
    /// Query string the article links carry, so the reading view can highlight and return.
    pub link_query: AttrValue,
    pub list_ref: NodeRef,
    /// ↑ on the first result: back to the search field.
    pub on_leave_top: Callback<()>,
    /// A result is pointed at or focused: the reader may open it (its article number).
    pub on_interest: Callback<usize>,
}

#[component]
pub fn ResultList(props: &ResultListProps) -> Html {
    let onkeydown = {
        let (list_ref, on_leave_top) = (props.list_ref.clone(), props.on_leave_top.clone());
        Callback::from(move |e: KeyboardEvent| {
            let step: isize = match e.key().as_str() {
                "ArrowDown" => 1,
                "ArrowUp" => -1,
                _ => return,
            };
            e.prevent_default();
            let links = result_links(&list_ref);
            let active = gloo::utils::document().active_element();
            let current = links.iter().position(|l| active.as_ref() == Some(l.unchecked_ref()));
            match current.map(|i| i as isize + step) {
                Some(-1) => on_leave_top.emit(()),
                Some(i) if (i as usize) < links.len() => {
                    let _ = links[i as usize].focus();
                }
                _ => {}
            }
        })
    };
    html! {
        <ul class="results" aria-label="Articles" ref={props.list_ref.clone()} {onkeydown}>
            { for props.items.iter().map(|item| {
                let article = item.article;
                let number = item.number;
                let onmouseenter = props.on_interest.reform(move |_: MouseEvent| number);
                let onfocusin = props.on_interest.reform(move |_: FocusEvent| number);
                html! {
                    <li key={article.slug.clone()}>
                        <article class="card" lang={article.lang.clone()} {onmouseenter} {onfocusin}>
                            <h2 class="card-title">
                                <QueryLink to={Route::Article { slug: article.slug.clone() }} query={props.link_query.clone()} classes="result-link">
                                    <Highlighted text={article.title.clone()} ranges={item.title_ranges.clone()} />
                                </QueryLink>
                            </h2>
                            <ArticleMeta {article} />
                            <p class="card-excerpt">
                                <Highlighted text={item.excerpt.clone()} ranges={item.excerpt_ranges.clone()} />
                            </p>
                        </article>
                    </li>
                }
            }) }
        </ul>
    }
}

/// The result links in the list, in order.
pub fn result_links(list_ref: &NodeRef) -> Vec<HtmlElement> {
    let Some(list) = list_ref.cast::<HtmlElement>() else { return Vec::new() };
    let Ok(nodes) = list.query_selector_all("a.result-link") else { return Vec::new() };
    (0..nodes.length()).filter_map(|i| nodes.item(i)?.dyn_into::<HtmlElement>().ok()).collect()
}
