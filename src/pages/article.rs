//! The reading view: one `<h1>` with the title, a metadata line, the body, a way back.
//! Arriving from a search (`#/a/<slug>?q=…`), every match is marked; `n` / `N`, the
//! buttons and the rail step through them, scrolling the current one into view. The
//! reader highlights passages (`h`), can have the article read aloud, and can switch on
//! the news lenses: its people, places, organisations, quotes and figures marked, each
//! name with a card of the other articles naming it.

use std::rc::Rc;

use web_sys::ScrollLogicalPosition;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::browser::scroll::{first_block_in_view, scroll_to};
use crate::components::article_body::{heading_id, is_long, ArticleBody};
use crate::components::find_box::FindBox;
use crate::components::highlights_panel::HighlightsPanel;
use crate::components::lens_toggles::LensToggles;
use crate::components::load_failed::LoadFailed;
use crate::components::marked_text::{marked_text, Layers};
use crate::components::match_nav::MatchNav;
use crate::components::match_rail::{positions_by_text, MatchRail};
use crate::components::query_link::QueryLink;
use crate::components::read_aloud::ReadAloud;
use crate::components::reader_header::ReaderHeader;
use crate::components::reader_settings::ReaderSettings;
use crate::components::result_pager::ResultPager;
use crate::components::selection_bar::SelectionBar;
use crate::components::shortcut_help::ShortcutHelp;
use crate::components::table_of_contents::TableOfContents;
use crate::corpus::{arrived, corpus, use_parts, ArticleRef, LoadError, Part};
use crate::engine::article::Text;
use crate::engine::search::plan;
use crate::hooks::use_article_highlights::use_article_highlights;
use crate::hooks::use_document_title::use_document_title;
use crate::hooks::use_find::use_find;
use crate::hooks::use_has_selection::use_has_selection;
use crate::hooks::use_lenses::use_lenses;
use crate::hooks::use_mark_positions::use_mark_positions;
use crate::hooks::use_marks::use_marks;
use crate::hooks::use_match_cursor::use_match_cursor;
use crate::hooks::use_name_card::use_name_card;
use crate::hooks::use_neighbours::{use_neighbours, Place};
use crate::hooks::use_notice::use_notice;
use crate::hooks::use_prefs::use_prefs;
use crate::hooks::use_read_aloud::use_read_aloud;
use crate::hooks::use_reading_position::use_reading_position;
use crate::hooks::use_reveal::use_reveal;
use crate::hooks::use_shortcuts::use_shortcuts;
use crate::pages::not_found::NotFoundPage;
use crate::route::{go, Route};
use crate::state::library_query::LibraryQuery;
use crate::state::prefs::Choice;

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

/// The article with its marks, the reader's tools and the way on: each concern is a hook
/// (`hooks/use_find.rs`, `use_match_cursor.rs`, `use_article_highlights.rs`, …) and each
/// piece of the page a component; this function wires them together.
#[component]
fn Reader(props: &ReaderProps) -> Html {
    let article = props.article;
    let slug = article.slug.clone();
    let location = use_location();
    let query_string = location.as_ref().map(|l| l.query_str().trim_start_matches('?').to_string()).unwrap_or_default();
    let library = LibraryQuery::parse(&query_string);
    let back = library.to_query_string();
    use_document_title(article.title.clone());

    // What is marked: the find box's text while it holds some, else the query the reader
    // came with. Marking waits for the index shards of its words ("Searching…" meanwhile).
    let long = *use_memo(article, |a| is_long(a));
    let find = use_find(long);
    let marked_query = if find.marked.trim().is_empty() { library.q.clone() } else { find.marked.to_string() };
    let planned = use_memo((marked_query.clone(), arrived()), |(q, _)| plan(corpus(), q));
    let shards = use_parts(planned.missing.iter().map(|&s| Part::Shard(s)).collect());
    // Title marks first, then the body's, numbered in reading order.
    let marks = use_marks(article, marked_query.clone(), long, shards.ready);
    let total = marks.total();
    let cursor = use_match_cursor(article, marked_query.clone(), total);

    // From a search the article opens at its top, ready to step through matches;
    // otherwise where the reader left off.
    let bar = use_node_ref();
    use_reading_position(slug.clone(), library.q.trim().is_empty(), bar.clone());
    let prefs = use_prefs().prefs;
    let reader_ref = use_node_ref();
    // The rail: measured on the page, or for a long body (not all rendered) by the text.
    let measured = use_mark_positions(reader_ref.clone(), (article, marked_query.clone(), marks.searching), !long);
    let by_text = {
        let marks = marks.clone();
        use_memo((article, marked_query.clone(), marks.searching), move |(article, _, _)| {
            long.then(|| Rc::new(positions_by_text(&article.texts(), &marks.body, marks.title.len())))
        })
    };
    let positions = (*by_text).clone().unwrap_or(measured);
    let neighbours = use_neighbours(article, &library);

    let reveal = use_reveal();
    let on_heading =
        reveal.show.reform(|block: usize| (block, format!("#{}", heading_id(block)), ScrollLogicalPosition::Start));
    let notice = use_notice();
    let highlights = use_article_highlights(article, notice.say.clone(), reveal.show.clone());
    let has_selection = use_has_selection();
    let lenses = use_lenses(article);
    let name_card = use_name_card(article);

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

    // n / N step through matches; h highlights the selection; j / k open the next and
    // previous result; Esc or Backspace return to the library as it was; ? shows every
    // shortcut.
    let help = use_state(|| false);
    {
        let (step, add, help) = (cursor.step.clone(), highlights.add.clone(), help.clone());
        let navigator = use_navigator();
        let neighbours = neighbours.clone();
        let back = back.clone();
        use_shortcuts((total, back.clone(), slug.clone(), *help), move |e| match e.key().as_str() {
            "n" => step.emit(1),
            "N" => step.emit(-1),
            "h" => add.emit(()),
            "j" | "k" => {
                let target = neighbours.and_then(|place| if e.key() == "j" { place.next } else { place.previous });
                if let (Some(target), Some(nav)) = (target, &navigator) {
                    go(nav, &Route::Article { slug: target.slug.clone() }, &back, true);
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
    let close_help = {
        let help = help.clone();
        Callback::from(move |_| help.set(false))
    };

    let speaking_title = read_aloud.speaking.as_ref().filter(|(block, _)| block.is_none()).map(|(_, r)| r);
    let title = marked_text(
        &Text::plain(article.title.clone()),
        Layers {
            matches: &marks.title,
            first: Some(0),
            current: cursor.current,
            highlights: &[],
            speaking: speaking_title,
            lenses: None,
        },
    );
    let speaking_body = read_aloud.speaking.clone().and_then(|(block, r)| Some((block?, r)));
    html! {
        <>
        <div class="progress" aria-hidden="true"><div class="progress-bar" ref={bar}></div></div>
        <article class="reader" lang={article.lang.clone()} data-size={prefs.size.to_string()} ref={reader_ref}
            data-font={prefs.family.key()} data-width={prefs.width.key()} data-leading={prefs.leading.key()}>
            <nav class="reader-nav" aria-label="Article">
                <QueryLink to={Route::Library} query={back.clone()} classes="back-link">
                    { if library.q.is_empty() { "← Library" } else { "← Results" } }
                </QueryLink>
                <FindBox value={find.text.to_string()} on_input={find.set.clone()} on_step={cursor.step.clone()} />
                if !marked_query.trim().is_empty() {
                    <MatchNav query={marked_query.trim().to_string()} {total} searching={marks.searching} current={cursor.current} on_step={cursor.step.clone()} />
                }
                <div class="reader-tools">
                    <ReadAloud handle={read_aloud.clone()} {on_play} />
                    <HighlightsPanel highlights={highlights.list.clone()} placed={highlights.placed.clone()} total={highlights.total}
                        saved={highlights.saved} on_go={highlights.go.clone()} on_remove={highlights.remove.clone()} on_export={highlights.export.clone()} />
                    <ReaderSettings />
                </div>
            </nav>
            <ReaderHeader {article} {title} />
            // Always an element here, lenses or not: a node appearing just before the body,
            // which is keyed by article, would make Yew insert before a node it is replacing.
            <div class="lens-bar">
                if !article.lenses.spans.is_empty() {
                    <LensToggles on={lenses.on} on_toggle={lenses.toggle.clone()} />
                }
            </div>
            <TableOfContents {article} on_go={on_heading} />
            // Keyed by article: which chunks were seen belongs to one article.
            <ArticleBody key={article.slug.clone()} {article} marks={marks.body.clone()} current={cursor.current} highlights={highlights.blocks.clone()}
                speaking={speaking_body} reveal={reveal.block} {long} lenses={lenses.blocks.clone()} name_pages={lenses.pages.clone()}
                card={name_card.open.clone()} on_name={name_card.on_name.clone()} />
            if let Some(Place { previous, next, position, total }) = *neighbours {
                if total > 1 {
                    <ResultPager {previous} {next} {position} {total} query={back.clone()} />
                }
            }
        </article>
        <MatchRail {positions} current={cursor.current} on_select={cursor.select.clone()} />
        if has_selection {
            <SelectionBar on_highlight={highlights.add.clone()} />
        }
        // Always on the page, so screen readers hear each new message.
        <p class="reader-notice" role="status">{ notice.text.to_string() }</p>
        if *help {
            <ShortcutHelp on_close={close_help} />
        }
        </>
    }
}
