//! The corpus without JavaScript, and the first paint before the wasm: with scripts off,
//! `index.html` shows the library's first page (the indexer's static first view), a card
//! opens the article's static page with its heading and text, and "All articles" lists
//! every article; with scripts on, the app takes over from the static view without a
//! layout shift (CLS summed by a `PerformanceObserver` from the first paint), and its
//! search works at once.

use fantoccini::{Client, Locator};
use lectern_e2e::*;

use crate::{check, handed_over};

/// The real articles' site has 45.
const ARTICLES: usize = 45;

pub async fn readable_without_javascript(c: &Client, base: &str) -> Result {
    without_javascript(c, base, "static-nojs-desktop").await
}

pub async fn readable_without_javascript_on_a_phone(c: &Client, base: &str) -> Result {
    without_javascript(c, base, "static-nojs-phone").await
}

async fn without_javascript(c: &Client, base: &str, shots: &str) -> Result {
    c.goto(base).await?;
    // The static first view (journeys' role look-ups skip it, so it is read by CSS here).
    let cards = c.find_all(Locator::Css("#static-library ul.results > li a.result-link")).await?;
    check(cards.len() == 20, format!("the first page of 20 articles, found {}", cards.len()))?;
    let count = c.find(Locator::Css("#static-library p.result-count")).await?;
    check(text_of(&count).await? == format!("{ARTICLES} articles"), "the count of every article")?;
    let search = c.find(Locator::Css("#static-library input[type=search]")).await?;
    check(name_of(c, &search).await?.contains("Search"), "the search field is named")?;
    check(search.attr("disabled").await?.is_some(), "the search field is disabled without JavaScript")?;
    let excerpts = c.find_all(Locator::Css("#static-library p.card-excerpt")).await?;
    check(!text_of(&excerpts[0]).await?.is_empty(), "the cards have their excerpts")?;
    check(c.find_all(Locator::Css("#app")).await?.is_empty(), "no script ran")?;
    screenshot(c, &format!("{shots}-library")).await?;

    let title = name_of(c, &cards[0]).await?;
    let href = cards[0].attr("href").await?.unwrap_or_default();
    check(href.starts_with("read/") && href.ends_with(".html"), format!("a card links to its static page: {href}"))?;
    cards[0].click().await?;
    let heading = by_role(c, "heading", Name::Is(&title)).await?;
    check(heading.tag_name().await? == "h1", "the article's title is the page's <h1>")?;
    check(c.current_url().await?.as_str().ends_with(&href), "the static page's address")?;
    let paragraphs = c.find_all(Locator::Css(".reader-body p")).await?;
    let mut words = 0;
    for p in &paragraphs {
        words += text_of(p).await?.split_whitespace().count();
    }
    check(words > 50, format!("the article's text is there ({words} words)"))?;
    check(c.title().await?.starts_with(&title), "the page is titled by the article")?;
    by_role(c, "link", Name::Is("Search and read in Lectern")).await?;
    screenshot(c, &format!("{shots}-article")).await?;

    by_role(c, "link", Name::Contains("All articles")).await?.click().await?;
    let list = by_role(c, "list", Name::Is("Articles")).await?;
    let all = all_by_role_within(c, &list, "link", Name::Any).await?;
    check(all.len() == ARTICLES, format!("every article is listed, found {}", all.len()))?;
    check(!all_by_role(c, "link", Name::Is(&title)).await?.is_empty(), "the article read is among them")?;
    screenshot(c, &format!("{shots}-all")).await?;
    Ok(())
}

/// Sums every layout shift from the first paint on, lists the largest-contentful-paint
/// candidates (printed, not checked), and notes whether the static view was in the page
/// as it loaded.
const OBSERVE: &str = "window.__cls = 0; window.__shifts = [];
    new PerformanceObserver(list => { for (const e of list.getEntries()) {
        if (!e.hadRecentInput) { window.__cls += e.value; window.__shifts.push(e.value); } } })
      .observe({ type: 'layout-shift', buffered: true });
    window.__lcp = [];
    new PerformanceObserver(list => { for (const e of list.getEntries()) {
        const where = !e.element ? 'removed' : e.element.closest('#static-library') ? 'static' : 'app';
        window.__lcp.push(`${Math.round(e.startTime)} ms ${e.size} px² ${e.element?.className ?? ''} (${where})`); } })
      .observe({ type: 'largest-contentful-paint', buffered: true });
    document.addEventListener('DOMContentLoaded', () => {
        window.__static = !!document.getElementById('static-library'); });";

pub async fn the_app_takes_over_without_a_layout_shift(c: &Client, base: &str) -> Result {
    add_init_script(c, OBSERVE).await?;
    c.goto(base).await?;
    handed_over(c).await?;
    check(js(c, "return window.__static").await? == true, "the page opened with the static first view")?;
    let status = c.find(Locator::Css("#app p.result-count")).await?;
    check(text_of(&status).await? == format!("{ARTICLES} articles"), "the app counts every article")?;
    // Layout shifts are reported after the frame they happened in.
    tokio::time::sleep(std::time::Duration::from_millis(1000)).await;
    let cls = js(c, "return window.__cls").await?.as_f64().unwrap_or(f64::NAN);
    let shifts = js(c, "return window.__shifts").await?;
    eprintln!("cumulative layout shift across the hand-over: {cls:.4} (shifts {shifts})");
    eprintln!("largest-contentful-paint candidates: {}", js(c, "return window.__lcp").await?);
    check(cls < 0.02, format!("CLS {cls} under 0.02 (shifts {shifts})"))?;
    screenshot(c, "static-handed-over").await?;
    let list = by_role(c, "list", Name::Is("Articles")).await?;
    let link = all_by_role_within(c, &list, "link", Name::Any).await?.into_iter().next().ok_or("a result")?;
    check(link.attr("href").await?.unwrap_or_default().starts_with("#/a/"), "the app's cards link into the app")?;

    let input = by_role(c, "searchbox", Name::Contains("Search")).await?;
    input.send_keys("halibut").await?;
    wait_for(|| async { Ok((text_of(&status).await? == "1 article").then_some(())) }).await?;
    let titles = all_by_role_within(c, &list, "link", Name::Any).await?;
    check(titles.len() == 1, "the search narrows the results")?;
    check(name_of(c, &titles[0]).await?.starts_with("Alaskan halibut"), "to the article with the word")?;
    screenshot(c, "static-handed-over-search").await?;
    Ok(())
}

/// Without JavaScript, an article's static page links to the pages of the names it is
/// about, and a name's page lists its articles, its quotes and the names beside it.
pub async fn name_pages_without_javascript(c: &Client, base: &str) -> Result {
    c.goto(base).await?;
    let card = c.find(Locator::Css("#static-library ul.results > li a.result-link")).await?;
    card.click().await?;
    by_role(c, "heading", Name::Is(crate::SEED_TITLE)).await?;
    let names = by_role(c, "navigation", Name::Is("Names in this article")).await?;
    let putin = all_by_role_within(c, &names, "link", Name::Is("Vladimir Putin")).await?;
    check(putin.len() == 1, "the article links to Putin's page")?;
    putin[0].click().await?;
    let heading = by_role(c, "heading", Name::Is("Vladimir Putin")).await?;
    check(heading.tag_name().await? == "h1", "the name is the page's <h1>")?;
    check(c.current_url().await?.as_str().ends_with("read/name/vladimir-putin.html"), "the name page's address")?;
    check(c.title().await? == "Vladimir Putin — Lectern", "the page is titled by the name")?;
    let articles = by_role(c, "region", Name::Is("Articles")).await?;
    let listed = all_by_role_within(c, &articles, "link", Name::Any).await?;
    check(listed.len() == 1 && name_of(c, &listed[0]).await? == crate::SEED_TITLE, "the seed article is listed")?;
    let quotes = text_of(&by_role(c, "region", Name::Is("Quotes")).await?).await?;
    check(quotes.contains("the full defeat of the enemy"), "Putin's words")?;
    check(!quotes.contains("A good meeting"), "not Zelenskyy's")?;
    check(c.find_all(Locator::Css("#app")).await?.is_empty(), "no script ran")?;
    screenshot(c, "static-nojs-name-page").await?;
    let beside = by_role(c, "region", Name::Is("Often named with")).await?;
    let gerasimov = all_by_role_within(c, &beside, "link", Name::Is("Valery Gerasimov")).await?;
    check(gerasimov.len() == 1, "Gerasimov is named beside Putin")?;
    gerasimov[0].click().await?;
    by_role(c, "heading", Name::Is("Valery Gerasimov")).await?;
    by_role(c, "link", Name::Is("Follow them in Lectern")).await?;
    Ok(())
}
