//! User journeys against the built site in headless Chromium. Builds the site for the
//! seed corpus, for the 45 real articles of `tests/fixtures/real`, and for the other
//! fixtures the journeys need (the offline journey builds a second version of one).
//! Prints `N passed, N failed`.

mod audit;
mod csp;
mod foundation;
mod hostile;
mod huge;
mod import;
mod keyboard;
mod lenses;
mod library;
mod names;
mod offline;
mod reader;
mod reading_tools;
mod static_pages;

use std::time::Instant;

use fantoccini::Client;
use lectern_e2e::*;

/// The seed article's title, derived from its first sentence.
pub const SEED_TITLE: &str = "Russia acknowledged for the first time that North Korean troops were on the…";

macro_rules! case {
    ($site:expr, $w:expr, $h:expr, $m:ident :: $f:ident) => {
        Case {
            name: stringify!($f),
            site: $site,
            width: $w,
            height: $h,
            javascript: true,
            run: |c, b| Box::pin($m::$f(c, b)),
        }
    };
    (without JavaScript, $site:expr, $w:expr, $h:expr, $m:ident :: $f:ident) => {
        Case { javascript: false, ..case!($site, $w, $h, $m::$f) }
    };
}

#[derive(Clone, Copy, PartialEq)]
enum Site {
    Seed,
    Real,
    /// Built from `tests/fixtures/hostile`: XSS payloads in every field.
    Hostile,
    /// The seed site served with a strict Content-Security-Policy.
    SeedCsp,
    /// Built from `tests/fixtures/reading`: headings, tags, an original URL.
    Reading,
    /// Generated at test time: one article of 30,000 paragraphs beside a short one.
    Huge,
    /// Built from `tests/fixtures/import/mixed`: every input kind in one folder.
    Import,
}

struct Case {
    name: &'static str,
    site: Site,
    width: u32,
    height: u32,
    /// Whether the browser runs scripts.
    javascript: bool,
    run: TestFn,
}

fn cases() -> Vec<Case> {
    vec![
        case!(Site::Seed, 1280, 900, foundation::library_lists_the_seed_article),
        case!(Site::Seed, 1280, 900, foundation::reading_view_shows_the_whole_article),
        case!(Site::Seed, 1280, 900, foundation::reloading_an_article_url_shows_the_same_article),
        case!(Site::Seed, 1280, 900, foundation::unknown_slug_shows_not_found),
        case!(Site::Seed, 390, 844, foundation::phone_views),
        case!(Site::Seed, 1280, 900, foundation::a_corpus_that_cannot_load_is_said_and_retried),
        case!(Site::Real, 1280, 900, foundation::real_library_lists_every_article_and_each_opens),
        case!(Site::Seed, 1280, 900, library::seed_search_highlights_and_steps_through_matches),
        case!(Site::Real, 1280, 900, library::typing_narrows_and_announces),
        case!(Site::Real, 1280, 900, library::ranking_puts_the_word_first_and_labels_partial_matches),
        case!(Site::Real, 1280, 900, library::typing_is_measured_on_real_articles),
        case!(Site::Real, 1280, 900, library::facets_narrow_with_honest_counts),
        case!(Site::Real, 1280, 900, library::sort_orders_change_the_order),
        case!(Site::Real, 1280, 900, library::url_reproduces_the_view),
        case!(Site::Real, 1280, 900, library::show_more_is_kept_when_coming_back_from_an_article),
        case!(Site::Real, 1280, 900, library::keyboard_only_opens_an_article),
        case!(Site::Real, 390, 844, library::phone_library_folds_the_facets),
        case!(Site::Seed, 1280, 900, names::name_facets_filter_and_lead_to_name_pages),
        case!(Site::Real, 1280, 900, names::a_name_shared_by_real_articles_lists_them_newest_first),
        case!(Site::Seed, 390, 844, names::a_name_page_on_a_phone),
        case!(Site::Seed, 1280, 900, names::a_search_offers_the_pages_of_the_names_it_spells),
        case!(Site::Seed, 1280, 900, reader::settings_persist_and_survive_corruption),
        case!(Site::Seed, 1280, 900, reader::themes_desktop),
        case!(Site::Seed, 390, 844, reader::themes_phone),
        case!(Site::Real, 1280, 900, reader::position_is_restored_and_offered),
        case!(Site::Seed, 1280, 900, reader::reader_keyboard_shortcuts),
        case!(Site::Seed, 1280, 900, reader::refused_storage_is_said_once_and_the_app_works),
        case!(Site::SeedCsp, 1280, 900, csp::runs_under_a_strict_content_security_policy),
        case!(Site::Reading, 1280, 900, reader::contents_find_box_tags_and_original_link),
        case!(Site::Real, 1280, 900, reader::j_and_k_walk_the_results),
        case!(Site::Reading, 1280, 900, reading_tools::the_rail_shows_matches_and_a_tick_leads_to_its_match),
        case!(Site::Reading, 1280, 900, reading_tools::a_highlight_is_kept_listed_exported_and_removed),
        case!(Site::Reading, 1280, 900, reading_tools::a_highlight_is_found_again_by_its_quote),
        case!(Site::Seed, 1280, 900, reading_tools::read_aloud_says_when_there_are_no_voices),
        case!(Site::Seed, 1280, 900, reading_tools::read_aloud_reads_sentence_by_sentence),
        case!(Site::Reading, 1280, 900, reading_tools::reading_tools_in_the_dark_on_a_desktop),
        case!(Site::Reading, 390, 844, reading_tools::reading_tools_in_the_dark_on_a_phone),
        case!(Site::Seed, 1280, 900, lenses::lenses_mark_names_quotes_and_figures),
        case!(Site::Seed, 1280, 900, lenses::lenses_pass_axe_in_light_and_dark),
        case!(Site::Seed, 390, 844, lenses::lenses_pass_axe_in_light_and_dark),
        case!(Site::Real, 1280, 900, lenses::a_name_card_lists_other_articles),
        case!(Site::Reading, 1280, 900, offline::works_offline_after_saving_and_offers_an_update),
        case!(Site::Reading, 1280, 900, audit::axe_finds_no_violations_in_any_view_or_theme),
        case!(Site::Reading, 360, 800, audit::axe_finds_no_violations_in_any_view_or_theme),
        case!(Site::Reading, 768, 1024, audit::axe_finds_no_violations_in_any_view_or_theme),
        case!(Site::Reading, 1440, 900, audit::axe_finds_no_violations_in_any_view_or_theme),
        case!(Site::Reading, 1280, 900, keyboard::every_control_by_keyboard_and_screen_reader),
        case!(Site::Huge, 1280, 900, huge::a_huge_article_opens_finds_and_scrolls),
        case!(Site::Import, 1280, 900, import::every_kind_of_input_opens_and_brings_its_highlights),
        case!(Site::Hostile, 1280, 900, hostile::hostile_corpus_runs_no_script_in_library_or_articles),
        case!(Site::Hostile, 1280, 900, hostile::hostile_searches_run_no_script),
        case!(Site::Hostile, 1280, 900, hostile::hostile_routes_run_no_script),
        case!(Site::Hostile, 1280, 900, hostile::hostile_static_pages_run_no_script),
        case!(without JavaScript, Site::Real, 1280, 900, static_pages::readable_without_javascript),
        case!(without JavaScript, Site::Real, 390, 844, static_pages::readable_without_javascript_on_a_phone),
        case!(Site::Real, 1280, 900, static_pages::the_app_takes_over_without_a_layout_shift),
        case!(without JavaScript, Site::Seed, 1280, 900, static_pages::name_pages_without_javascript),
    ]
}

fn main() {
    let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
    let code = runtime.block_on(run());
    std::process::exit(code);
}

async fn run() -> i32 {
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    // `a|b` runs the journeys whose names contain `a` or `b`.
    let wanted = |name: &str| filter.as_deref().is_none_or(|f| f.split('|').any(|f| name.contains(f)));
    let cases: Vec<Case> = cases().into_iter().filter(|c| wanted(c.name)).collect();
    let needs_real = cases.iter().any(|c| c.site == Site::Real);
    let needs_hostile = cases.iter().any(|c| c.site == Site::Hostile);
    let setup = async {
        let seed = build_site("seed", None)?;
        let seed_url = serve(seed.clone(), Headers::default()).await?;
        let csp_url = serve(seed, Headers(vec![("Content-Security-Policy".into(), STRICT_CSP.into())])).await?;
        let real_url = match needs_real {
            true => Some(serve(build_site("real", Some(&real_corpus()))?, Headers::default()).await?),
            false => None,
        };
        let hostile_url = match project_root().join("tests/fixtures/hostile") {
            dir if needs_hostile => Some(serve(build_site("hostile", Some(&dir))?, Headers::default()).await?),
            _ => None,
        };
        let reading_url = match cases.iter().any(|c| c.site == Site::Reading) {
            true => Some(
                serve(build_site("reading", Some(&project_root().join("tests/fixtures/reading")))?, Headers::default())
                    .await?,
            ),
            false => None,
        };
        let huge_url = match cases.iter().any(|c| c.site == Site::Huge) {
            true => Some(serve(build_site("huge", Some(&huge::write_fixture()?))?, Headers::default()).await?),
            false => None,
        };
        let import_url = match cases.iter().any(|c| c.site == Site::Import) {
            true => Some(
                serve(
                    build_site("import", Some(&project_root().join("tests/fixtures/import/mixed")))?,
                    Headers::default(),
                )
                .await?,
            ),
            false => None,
        };
        let driver = Driver::start().await?;
        Result::<_>::Ok((seed_url, csp_url, real_url, hostile_url, reading_url, huge_url, import_url, driver))
    };
    let (seed_url, csp_url, real_url, hostile_url, reading_url, huge_url, import_url, driver) = match setup.await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("e2e setup failed: {e}");
            println!("0 passed, 1 failed");
            return 1;
        }
    };
    let (mut passed, mut failed) = (0, 0);
    for case in &cases {
        let base = match case.site {
            Site::Seed => seed_url.clone(),
            Site::Real => real_url.clone().expect("built when a case needs it"),
            Site::Hostile => hostile_url.clone().expect("built when a case needs it"),
            Site::SeedCsp => csp_url.clone(),
            Site::Reading => reading_url.clone().expect("built when a case needs it"),
            Site::Huge => huge_url.clone().expect("built when a case needs it"),
            Site::Import => import_url.clone().expect("built when a case needs it"),
        };
        let started = Instant::now();
        let session = match case.javascript {
            true => driver.session(case.width, case.height).await,
            false => driver.session_without_js(case.width, case.height).await,
        };
        let outcome = match session {
            Ok(client) => {
                let result = (case.run)(&client, &base).await;
                let _ = client.close().await;
                result
            }
            Err(e) => Err(e),
        };
        match outcome {
            Ok(()) => {
                passed += 1;
                println!("test {} ... ok ({:.1}s)", case.name, started.elapsed().as_secs_f64());
            }
            Err(e) => {
                failed += 1;
                println!("test {} ... FAILED: {e}", case.name);
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    i32::from(failed > 0)
}

pub fn check(cond: bool, what: impl Into<String>) -> Result {
    if cond {
        Ok(())
    } else {
        Err(what.into().into())
    }
}

/// The reading view's "3 of 12" counter: the status inside the "Search matches" group
/// (the page has other live regions).
pub async fn match_counter(c: &Client) -> Result<fantoccini::elements::Element> {
    wait_for(|| async {
        let Some(group) = all_by_role(c, "group", Name::Is("Search matches")).await?.into_iter().next() else {
            return Ok(None);
        };
        Ok(all_by_role_within(c, &group, "status", Name::Any).await?.into_iter().next())
    })
    .await
}

/// Opens the library at `base` and the article titled `title` from it, and waits for its
/// heading.
pub async fn open_from_library(c: &Client, base: &str, title: &str) -> Result {
    open(c, base).await?;
    by_role(c, "link", Name::Is(title)).await?.click().await?;
    by_role(c, "heading", Name::Is(title)).await?;
    Ok(())
}

/// Stores the reader's settings `prefs` (as stored, without the version: `theme=dark;…`)
/// and reloads the page, which reads them.
pub async fn reload_with_prefs(client: &Client, prefs: &str) -> Result {
    js(client, &format!("localStorage.setItem('lectern.prefs', 'v1;{prefs}'); return null")).await?;
    client.refresh().await?;
    Ok(())
}

/// Goes to `url` and waits until the app has taken over from the static first view.
pub async fn open(client: &Client, url: &str) -> Result {
    client.goto(url).await?;
    handed_over(client).await
}

/// Waits until the app shows in place of the static first view of the library.
pub async fn handed_over(client: &Client) -> Result {
    let done = "return !document.getElementById('static-library') && !document.querySelector('#app[hidden]')";
    wait_for(|| async { Ok((js(client, done).await? == true).then_some(())) }).await
}
