//! The reading view: one `<h1>` with the title, a metadata line, the body, a way back.
//! Arriving from a search (`#/a/<slug>?q=…`), every match is marked; `n` / `N`, the
//! buttons and the rail step through them, scrolling the current one into view. The
//! reader highlights passages (`h`), and can have the article read aloud.

use std::rc::Rc;

use web_sys::{HtmlInputElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::article_body::{heading_id, is_long, marked_text, ArticleBody, Layers};
use crate::components::article_meta::ArticleMeta;
use crate::components::highlights_panel::HighlightsPanel;
use crate::components::load_failed::LoadFailed;
use crate::components::match_nav::MatchNav;
use crate::components::match_rail::{positions_by_text, MatchRail};
use crate::components::query_link::QueryLink;
use crate::components::read_aloud::ReadAloud;
use crate::components::reader_settings::ReaderSettings;
use crate::components::result_pager::ResultPager;
use crate::components::shortcut_help::ShortcutHelp;
use crate::components::table_of_contents::TableOfContents;
use crate::corpus::{arrived, corpus, use_parts, ArticleRef, LoadError, Part};
use crate::download::save_text;
use crate::engine::article::{is_safe_href, Text};
use crate::engine::search::{plan, search};
use crate::highlights::{placed, Highlights, Refused};
use crate::hooks::use_document_title::use_document_title;
use crate::hooks::use_highlights::use_highlights;
use crate::hooks::use_mark_positions::use_mark_positions;
use crate::hooks::use_marks::use_marks;
use crate::hooks::use_prefs::use_prefs;
use crate::hooks::use_read_aloud::use_read_aloud;
use crate::hooks::use_reading_position::use_reading_position;
use crate::hooks::use_shortcuts::use_shortcuts;
use crate::library_query::{Facet, LibraryQuery};
use crate::marks::BlockHighlights;
use crate::pages::not_found::NotFoundPage;
use crate::prefs::Choice;
use crate::route::{go, Route};
use crate::selection::{current_range, selected_span};

/// In a long article, the find box marks this long after the last key press.
const FIND_PAUSE_MS: u32 = 250;

#[derive(Properties, PartialEq)]
pub struct ArticlePageProps {
    pub slug: String,
}

/// The article once its body has arrived: until then its title and "Loading", or why it
/// could not be had.
#[component]
pub fn ArticlePage(props: &ArticlePageProps) -> Html {
    let number = corpus().number(&props.slug);
    let body = use_parts(number.map(Part::Body).into_iter().collect());
    let Some(number) = number else { return html! { <NotFoundPage /> } };
    if let Some(whole) = corpus().body(number) {
        return html! { <Reader article={ArticleRef(&whole.article)} /> };
    }
    html! { <ArticleLoading title={corpus().articles[number].title.clone()} failed={body.failed} retry={body.retry} /> }
}

#[derive(Properties, PartialEq)]
struct ArticleLoadingProps {
    title: AttrValue,
    failed: Option<LoadError>,
    retry: Callback<()>,
}

#[component]
fn ArticleLoading(props: &ArticleLoadingProps) -> Html {
    use_document_title(props.title.to_string());
    match &props.failed {
        Some(error) => {
            html! { <LoadFailed heading={props.title.clone()} error={error.clone()} retry={props.retry.clone()} /> }
        }
        None => html! {
            // The title shows at once; the page's heading comes with the article.
            <article class="reader" aria-busy="true">
                <header class="reader-header">
                    <p class="reader-title">{ props.title.clone() }</p>
                </header>
                <p class="loading" role="status">{ "Loading the article…" }</p>
            </article>
        },
    }
}

#[derive(Properties, PartialEq)]
struct ReaderProps {
    article: ArticleRef,
}

#[component]
fn Reader(props: &ReaderProps) -> Html {
    let article = props.article;
    let slug = article.slug.clone();
    let location = use_location();
    let query_string = location.as_ref().map(|l| l.query_str().trim_start_matches('?').to_string()).unwrap_or_default();
    let library = LibraryQuery::parse(&query_string);
    use_document_title(article.title.clone());

    // A find box searches within the article; while it holds text it replaces the query
    // the reader came with as what is marked.
    // In a very long article, marking waits until typing pauses.
    let find = use_state(String::new);
    let find_marked = use_state(String::new);
    let find_timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let long = *use_memo(article, |a| is_long(a));
    let marked_query = if find_marked.trim().is_empty() { library.q.clone() } else { find_marked.to_string() };
    // Marking waits for the index shards of the query's words ("Searching…" meanwhile).
    let planned = use_memo((marked_query.clone(), arrived()), |(q, _)| plan(corpus(), q));
    let shards = use_parts(planned.missing.iter().map(|&s| Part::Shard(s)).collect());
    // Title marks first, then the body's, numbered in reading order.
    let marks = use_marks(article, marked_query.clone(), long, shards.ready);
    let total = marks.total();
    let current = use_state(|| None::<usize>);
    {
        let current = current.clone();
        use_effect_with((article, marked_query.clone()), move |_| current.set(None));
    }
    // From a search the article opens at its top, ready to step through matches;
    // otherwise where the reader left off.
    let bar = use_node_ref();
    use_reading_position(slug.clone(), library.q.trim().is_empty(), bar.clone());
    let prefs = use_prefs().prefs;
    let reader_ref = use_node_ref();
    // The rail: measured on the page, or for a long body (not all rendered) by the text.
    let measured = use_mark_positions(reader_ref.clone(), (article, marked_query.clone(), marks.searching), !long);
    // The marks follow from the article, the query and whether the search is done.
    let by_text = {
        let marks = marks.clone();
        use_memo((article, marked_query.clone(), marks.searching), move |(article, _, _)| {
            long.then(|| Rc::new(positions_by_text(&article.texts(), &marks.body, marks.title.len())))
        })
    };
    let positions = (*by_text).clone().unwrap_or(measured);
    // Where this article sits in the results the reader came from.
    let neighbours = use_memo((article, query_string.clone(), arrived()), |(article, ..)| {
        let results = search(corpus(), &library.q, &library.filters, library.effective_sort());
        let at = |i: usize| results.hits.get(i).map(|h| ArticleRef(&corpus().articles[h.article]));
        let position = results.hits.iter().position(|h| corpus().articles[h.article].slug == article.slug)?;
        Some((position.checked_sub(1).and_then(at), at(position + 1), position, results.hits.len()))
    });
    let help = use_state(|| false);
    // The current match is scrolled into view after it is rendered.
    use_effect_with(*current, |current| {
        if let Some(i) = current {
            scroll_to(&format!("mark[data-match=\"{i}\"]"), ScrollLogicalPosition::Center);
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
    let on_rail = {
        let current = current.clone();
        Callback::from(move |i: usize| current.set(Some(i)))
    };

    // Showing a text block (a heading, a highlight): it is rendered first (a long body
    // renders only what is near the window), then scrolled to.
    let reveal = use_state(|| None::<(usize, String, ScrollLogicalPosition, u32)>);
    let go_to = {
        let reveal = reveal.clone();
        Callback::from(move |(block, selector, at): (usize, String, ScrollLogicalPosition)| {
            let n = reveal.as_ref().map_or(0, |r| r.3 + 1);
            reveal.set(Some((block, selector, at, n)));
        })
    };
    use_effect_with((*reveal).clone(), |reveal| {
        if let Some((_, selector, at, _)) = reveal {
            scroll_to(selector, *at);
        }
    });
    let on_heading =
        go_to.reform(|block: usize| (block, format!("#{}", heading_id(block)), ScrollLogicalPosition::Start));

    // The reader's highlights: where each is now, and the ranges to mark per block.
    let highlights = use_highlights();
    let placed_now = use_memo((article, highlights.all.clone()), |(article, all)| {
        let texts = article.texts();
        let list = Rc::new(all.of(&article.slug).to_vec());
        let placed = placed(&list, &texts);
        let mut blocks: BlockHighlights = vec![Vec::new(); texts.len()];
        for (number, span) in placed.iter().enumerate() {
            for (block, range) in span.iter().flat_map(|s| s.block_ranges(&texts)) {
                blocks[block].push((range, number));
            }
        }
        blocks.iter_mut().for_each(|b| b.sort_by_key(|(r, _)| r.start));
        (list, Rc::new(placed), Rc::new(blocks))
    });
    let has_selection = use_state_eq(|| false);
    {
        let has_selection = has_selection.setter();
        use_effect_with((), move |_| {
            let listener = gloo::events::EventListener::new(&gloo::utils::document(), "selectionchange", move |_| {
                has_selection.set(reader_body().is_some_and(|body| current_range(&body).is_some()));
            });
            move || drop(listener)
        });
    }
    // A short message about the last action, gone after a few seconds; numbered, so the
    // same message twice is said (and timed) twice.
    let message = use_state(|| (String::new(), 0u32));
    {
        let clear = message.setter();
        use_effect_with(message.1, move |_| {
            let timeout = gloo::timers::callback::Timeout::new(4_000, move || clear.set((String::new(), 0)));
            move || drop(timeout)
        });
    }
    let notice = {
        let message = message.clone();
        Callback::from(move |text: String| message.set((text, message.1.wrapping_add(1))))
    };
    let on_highlight = {
        let (update, notice) = (highlights.update.clone(), notice.clone());
        Callback::from(move |()| {
            let Some(body) = reader_body() else { return };
            let texts = article.texts();
            let Some(span) = selected_span(&body, &texts) else {
                notice.emit(Refused::NotInText.message());
                return;
            };
            let notice = notice.clone();
            update.emit(Box::new(move |all: &mut Highlights| {
                let texts = article.texts();
                match all.add(&article.slug, &article.title, &texts, span) {
                    Ok(()) => notice.emit("Highlighted.".into()),
                    Err(why) => notice.emit(why.message()),
                }
            }));
            if let Ok(Some(selection)) = gloo::utils::window().get_selection() {
                let _ = selection.remove_all_ranges();
            }
        })
    };
    let on_remove = {
        let update = highlights.update.clone();
        Callback::from(move |i: usize| update.emit(Box::new(move |all: &mut Highlights| all.remove(&article.slug, i))))
    };
    let on_go = {
        let (go_to, placed) = (go_to.clone(), placed_now.1.clone());
        Callback::from(move |i: usize| {
            if let Some(Some(span)) = placed.get(i) {
                go_to.emit((
                    span.start.block as usize,
                    format!("mark[data-highlight=\"{i}\"]"),
                    ScrollLogicalPosition::Center,
                ));
            }
        })
    };
    let on_export = {
        let all = highlights.all.clone();
        let notice = notice.clone();
        Callback::from(move |()| {
            let markdown = all.to_markdown(article_link, |slug| {
                corpus().by_slug(slug).map(|a| (a.title.clone(), a.url.clone().filter(|u| is_safe_href(u))))
            });
            if !save_text("lectern-highlights.md", "text/markdown", &markdown) {
                notice.emit("This browser would not save the file.".into());
            }
        })
    };

    // Reading aloud starts at the title, or at the first block in view once scrolled.
    let read_aloud = use_read_aloud(article);
    let on_play = {
        let play = read_aloud.play.clone();
        Callback::from(move |()| play.emit(first_block_in_view()))
    };
    use_effect_with(read_aloud.speaking.clone(), |speaking| {
        if speaking.is_some() {
            scroll_to(".speaking", ScrollLogicalPosition::Nearest);
        }
    });

    // n / N step through matches; h highlights the selection; Esc or Backspace return
    // to the library as it was; ? shows every shortcut.
    {
        let (on_step, on_highlight, help) = (on_step.clone(), on_highlight.clone(), help.clone());
        let navigator = use_navigator();
        let back = library.to_query_string();
        let neighbours = neighbours.clone();
        let link_query = back.clone();
        use_shortcuts((total, back.clone(), slug.clone(), *help), move |e| match e.key().as_str() {
            "n" => on_step.emit(1),
            "N" => on_step.emit(-1),
            "h" => on_highlight.emit(()),
            "j" | "k" => {
                let target =
                    (*neighbours).and_then(|(previous, next, _, _)| if e.key() == "j" { next } else { previous });
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

    let speaking_title = read_aloud.speaking.as_ref().filter(|(block, _)| block.is_none()).map(|(_, r)| r);
    let title = marked_text(
        &Text::plain(article.title.clone()),
        Layers { matches: &marks.title, first: 0, current: *current, highlights: &[], speaking: speaking_title },
    );
    let speaking_body = read_aloud.speaking.clone().and_then(|(block, r)| Some((block?, r)));
    let set_find = {
        let (find, find_marked) = (find.clone(), find_marked.clone());
        Callback::from(move |value: String| {
            find.set(value.clone());
            if long && !value.is_empty() {
                let find_marked = find_marked.clone();
                *find_timer.borrow_mut() =
                    Some(gloo::timers::callback::Timeout::new(FIND_PAUSE_MS, move || find_marked.set(value)));
            } else {
                find_timer.borrow_mut().take();
                find_marked.set(value);
            }
        })
    };
    let on_find = set_find.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    // Enter steps to the next match (Shift+Enter the previous); Esc clears the box.
    let on_find_key = {
        let (set_find, on_step) = (set_find.clone(), on_step.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => on_step.emit(if e.shift_key() { -1 } else { 1 }),
            "Escape" => {
                e.stop_propagation();
                set_find.emit(String::new());
            }
            _ => {}
        })
    };
    let close_help = {
        let help = help.clone();
        Callback::from(move |_| help.set(false))
    };
    let (list, placed_spans, block_highlights) = (*placed_now).clone();
    html! {
        <>
        <div class="progress" aria-hidden="true"><div class="progress-bar" ref={bar}></div></div>
        <article class="reader" lang={article.lang.clone()} data-size={prefs.size.to_string()} ref={reader_ref}
            data-font={prefs.family.key()} data-width={prefs.width.key()} data-leading={prefs.leading.key()}>
            <nav class="reader-nav" aria-label="Article">
                <QueryLink to={Route::Library} query={library.to_query_string()} classes="back-link">
                    { if library.q.is_empty() { "← Library" } else { "← Results" } }
                </QueryLink>
                <input type="search" class="find-input" aria-label="Find in article" placeholder="Find in article"
                    value={(*find).clone()} oninput={on_find} onkeydown={on_find_key} />
                if !marked_query.trim().is_empty() {
                    <MatchNav query={marked_query.trim().to_string()} {total} searching={marks.searching} current={*current} {on_step} />
                }
                <div class="reader-tools">
                    <ReadAloud handle={read_aloud.clone()} {on_play} />
                    <HighlightsPanel highlights={list} placed={placed_spans} total={highlights.all.count()}
                        saved={highlights.saved} {on_go} {on_remove} {on_export} />
                    <ReaderSettings />
                </div>
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
            <TableOfContents {article} on_go={on_heading} />
            // Keyed by article: which chunks were seen belongs to one article.
            <ArticleBody key={article.slug.clone()} {article} marks={marks.body.clone()} current={*current} highlights={block_highlights}
                speaking={speaking_body} reveal={reveal.as_ref().map(|r| r.0)} {long} />
            if let Some((previous, next, position, total)) = *neighbours {
                if total > 1 {
                    <ResultPager {previous} {next} {position} {total} query={library.to_query_string()} />
                }
            }
        </article>
        <MatchRail {positions} current={*current} on_select={on_rail} />
        if *has_selection {
            <div class="selection-bar" role="toolbar" aria-label="Selection">
                // Pressing the button must not take the selection away before the click.
                <button type="button" onmousedown={|e: MouseEvent| e.prevent_default()}
                    onclick={on_highlight.reform(|_| ())}>{ "Highlight" }<kbd aria-hidden="true">{ "h" }</kbd></button>
            </div>
        }
        // Always on the page, so screen readers hear each new message.
        <p class="reader-notice" role="status">{ message.0.clone() }</p>
        if *help {
            <ShortcutHelp on_close={close_help} />
        }
        </>
    }
}

fn reader_body() -> Option<web_sys::Element> {
    element(".reader-body")
}

/// Scrolls the first element matching `selector` into view: smoothly when it is near,
/// at once when it is far (a smooth ride through a long body would render every chunk on
/// the way). Chunks that render around it can move it, so a far target is looked at
/// again shortly after and brought back into view if it moved.
fn scroll_to(selector: &str, block: ScrollLogicalPosition) {
    let Some(target) = element(selector) else { return };
    let height = gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0);
    let far = target.get_bounding_client_rect().top().abs() > 2.0 * height;
    let options = ScrollIntoViewOptions::new();
    options.set_block(block);
    options.set_behavior(if far { ScrollBehavior::Instant } else { ScrollBehavior::Smooth });
    target.scroll_into_view_with_scroll_into_view_options(&options);
    if far {
        for delay in [100, 400] {
            let (selector, options) = (selector.to_string(), options.clone());
            gloo::timers::callback::Timeout::new(delay, move || {
                if let Some(target) = element(&selector) {
                    let r = target.get_bounding_client_rect();
                    if r.top() < 0.0 || r.bottom() > height {
                        target.scroll_into_view_with_scroll_into_view_options(&options);
                    }
                }
            })
            .forget();
        }
    }
}

fn element(selector: &str) -> Option<web_sys::Element> {
    gloo::utils::document().query_selector(selector).ok().flatten()
}

/// The article's address in this Lectern: this page's address with the article's route.
fn article_link(slug: &str) -> String {
    let location = gloo::utils::window().location();
    let base = format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
    format!("{base}#/a/{slug}")
}

/// The first text block whose bottom is below the top of the window, unless the page is
/// (nearly) at its top.
fn first_block_in_view() -> Option<usize> {
    if gloo::utils::window().scroll_y().unwrap_or(0.0) < 80.0 {
        return None;
    }
    let blocks = reader_body()?.query_selector_all("[data-block]").ok()?;
    (0..blocks.length())
        .filter_map(|i| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(blocks.item(i)?).ok())
        .find(|b| b.get_bounding_client_rect().bottom() > 0.0)
        .and_then(|b| b.get_attribute("data-block")?.parse().ok())
}
