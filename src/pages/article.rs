//! The reading view: one `<h1>` with the title, a metadata line, the body, a way back.
//! Arriving from a search (`#/a/<slug>?q=…`), every match is marked; `n` / `N` and the
//! buttons step through them, scrolling the current one into view.

use std::rc::Rc;

use web_sys::{HtmlInputElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::article_body::{marked_text, ArticleBody, BlockMarks};
use crate::components::article_meta::ArticleMeta;
use crate::components::match_nav::MatchNav;
use crate::components::query_link::{go, QueryLink};
use crate::components::reader_settings::ReaderSettings;
use crate::components::result_pager::ResultPager;
use crate::components::shortcut_help::ShortcutHelp;
use crate::components::table_of_contents::TableOfContents;
use crate::corpus::{corpus, ArticleRef};
use crate::engine::article::{is_safe_href, Text};
use crate::engine::highlight::Highlighter;
use crate::engine::query;
use crate::engine::search::search;
use crate::hooks::use_document_title::use_document_title;
use crate::hooks::use_prefs::use_prefs;
use crate::hooks::use_reading_position::use_reading_position;
use crate::hooks::use_shortcuts::use_shortcuts;
use crate::library_query::{Facet, LibraryQuery};
use crate::prefs::Choice;
use crate::pages::not_found::NotFoundPage;

#[derive(Properties, PartialEq)]
pub struct ArticlePageProps {
    pub slug: String,
}

#[component]
pub fn ArticlePage(props: &ArticlePageProps) -> Html {
    let location = use_location();
    let query_string = location.as_ref().map(|l| l.query_str().trim_start_matches('?').to_string()).unwrap_or_default();
    let library = LibraryQuery::parse(&query_string);
    let article = corpus().by_slug(&props.slug).map(ArticleRef);
    use_document_title(article.map(|a| a.title.clone()).unwrap_or_else(|| "Not found".into()));

    // A find box searches within the article; while it holds text it replaces the query
    // the reader came with as what is marked.
    let find = use_state(String::new);
    let marked_query = if find.trim().is_empty() { library.q.clone() } else { find.to_string() };
    // Title marks first, then the body's, numbered in reading order.
    let marks = use_memo((props.slug.clone(), marked_query.clone()), |(_, q)| {
        let Some(article) = article else { return (Vec::new(), Rc::new(BlockMarks::default())) };
        let highlighter = Highlighter::new(&query::parse(q), &article.lang);
        let title = highlighter.ranges(&article.title);
        let blocks = article.texts().iter().map(|t| highlighter.ranges(&t.text)).collect();
        let first = title.len();
        (title, Rc::new(BlockMarks { blocks, first }))
    });
    let total = marks.0.len() + marks.1.count();
    let current = use_state(|| None::<usize>);
    {
        let current = current.clone();
        use_effect_with((props.slug.clone(), marked_query.clone()), move |_| current.set(None));
    }
    // From a search the article opens at its top, ready to step through matches;
    // otherwise where the reader left off.
    let bar = use_node_ref();
    use_reading_position(props.slug.clone(), library.q.trim().is_empty(), bar.clone());
    let prefs = use_prefs().prefs;
    // Where this article sits in the results the reader came from.
    let neighbours = use_memo((props.slug.clone(), query_string.clone()), |(slug, _)| {
        let results = search(corpus(), &library.q, &library.filters, library.effective_sort());
        let at = |i: usize| results.hits.get(i).map(|h| ArticleRef(&corpus().articles[h.article]));
        let position = results.hits.iter().position(|h| corpus().articles[h.article].slug == *slug)?;
        Some((position.checked_sub(1).and_then(at), at(position + 1), position, results.hits.len()))
    });
    let help = use_state(|| false);
    // The current match is scrolled into view after it is rendered.
    use_effect_with(*current, |current| {
        if let Some(i) = current {
            let selector = format!("mark[data-match=\"{i}\"]");
            if let Ok(Some(mark)) = gloo::utils::document().query_selector(&selector) {
                let options = ScrollIntoViewOptions::new();
                options.set_block(ScrollLogicalPosition::Center);
                options.set_behavior(ScrollBehavior::Smooth);
                mark.scroll_into_view_with_scroll_into_view_options(&options);
            }
        }
    });
    let on_step = {
        let current = current.clone();
        Callback::from(move |step: isize| {
            if total == 0 {
                return;
            }
            let next = match *current {
                None if step > 0 => 0,
                None => total - 1,
                Some(i) => (i as isize + step).rem_euclid(total as isize) as usize,
            };
            current.set(Some(next));
        })
    };
    // n / N step through matches; Esc or Backspace return to the library as it was;
    // ? shows every shortcut.
    {
        let (on_step, help) = (on_step.clone(), help.clone());
        let navigator = use_navigator();
        let back = library.to_query_string();
        let neighbours = neighbours.clone();
        let link_query = back.clone();
        use_shortcuts((total, back.clone(), props.slug.clone()), move |e| match e.key().as_str() {
            "n" => on_step.emit(1),
            "N" => on_step.emit(-1),
            "j" | "k" => {
                let target = (*neighbours).and_then(|(previous, next, _, _)| if e.key() == "j" { next } else { previous });
                if let (Some(target), Some(nav)) = (target, &navigator) {
                    go(nav, &Route::Article { slug: target.slug.clone() }, &link_query, true);
                }
            }
            "?" => help.set(!*help),
            "Escape" if *help => help.set(false),
            "Escape" | "Backspace" => {
                e.prevent_default();
                if let Some(nav) = &navigator {
                    go(nav, &Route::Library, &back, true);
                }
            }
            _ => {}
        });
    }

    let Some(article) = article else {
        return html! { <NotFoundPage /> };
    };
    let title = marked_text(&Text::plain(article.title.clone()), &marks.0, 0, *current);
    let on_find = {
        let find = find.clone();
        Callback::from(move |e: InputEvent| find.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    // Enter steps to the next match (Shift+Enter the previous); Esc clears the box.
    let on_find_key = {
        let (find, on_step) = (find.clone(), on_step.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => on_step.emit(if e.shift_key() { -1 } else { 1 }),
            "Escape" => {
                e.stop_propagation();
                find.set(String::new());
            }
            _ => {}
        })
    };
    let close_help = {
        let help = help.clone();
        Callback::from(move |_| help.set(false))
    };
    html! {
        <>
        <div class="progress" aria-hidden="true"><div class="progress-bar" ref={bar}></div></div>
        <article class="reader" lang={article.lang.clone()} data-size={prefs.size.to_string()}
            data-font={prefs.family.key()} data-width={prefs.width.key()} data-leading={prefs.leading.key()}>
            <nav class="reader-nav" aria-label="Article">
                <QueryLink to={Route::Library} query={library.to_query_string()} classes="back-link">
                    { if library.q.is_empty() { "← Library" } else { "← Results" } }
                </QueryLink>
                <input type="search" class="find-input" aria-label="Find in article" placeholder="Find in article"
                    value={(*find).clone()} oninput={on_find} onkeydown={on_find_key} />
                if !marked_query.trim().is_empty() {
                    <MatchNav query={marked_query.trim().to_string()} {total} current={*current} {on_step} />
                }
                <ReaderSettings />
            </nav>
            <header class="reader-header">
                <h1 class="reader-title">{ title }</h1>
                <ArticleMeta {article} />
                <p class="meta meta-extra">
                    { format!("{} words", article.word_count) }
                    if let Some(url) = article.url.as_ref().filter(|u| is_safe_href(u)) {
                        <span class="meta-sep" aria-hidden="true">{ " · " }</span>
                        <a href={url.clone()} rel="noopener noreferrer">{ "Original article" }</a>
                    }
                </p>
                if !article.tags.is_empty() {
                    <ul class="tags" aria-label="Tags">
                        { for article.tags.iter().map(|tag| {
                            let mut q = LibraryQuery::default();
                            q.toggle(Facet::Tag, tag);
                            html! {
                                <li key={tag.clone()}>
                                    <QueryLink to={Route::Library} query={q.to_query_string()} classes="tag">{ format!("#{tag}") }</QueryLink>
                                </li>
                            }
                        }) }
                    </ul>
                }
            </header>
            <TableOfContents {article} />
            <ArticleBody {article} marks={marks.1.clone()} current={*current} />
            if let Some((previous, next, position, total)) = *neighbours {
                if total > 1 {
                    <ResultPager {previous} {next} {position} {total} query={library.to_query_string()} />
                }
            }
        </article>
        if *help {
            <ShortcutHelp on_close={close_help} />
        }
        </>
    }
}
