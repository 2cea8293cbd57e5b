//! Library journeys: instant search with an announced count, prefixes, facets whose
//! counts match the list (OR within a facet, AND across), sorting, the URL as the whole
//! state (reload, back, forward), keyboard-only use, the folded phone layout; and in the
//! reading view, marks for the query that `n` steps through.

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use lectern_e2e::*;

use crate::{check, match_counter, open, SEED_TITLE};

/// Types queries character by character and measures each keystroke (see the file).
const KEYSTROKES: &str = include_str!("keystrokes.js");

/// Waits until the live region announcing the result count says `expected`.
async fn status_is(c: &Client, expected: &str) -> Result {
    let seen = wait_for(|| async {
        let status = by_role(c, "status", Name::Any).await?;
        let text = text_of(&status).await?;
        Ok((text == expected).then_some(text))
    })
    .await;
    match seen {
        Ok(_) => Ok(()),
        Err(_) => {
            let now = text_of(&by_role(c, "status", Name::Any).await?).await?;
            Err(format!("status says {now:?}, expected {expected:?}").into())
        }
    }
}

async fn search_box(c: &Client) -> Result<fantoccini::elements::Element> {
    by_role(c, "searchbox", Name::Contains("Search")).await
}

/// The accessible names of the result links, in order.
async fn result_titles(c: &Client) -> Result<Vec<String>> {
    let list = by_role(c, "list", Name::Is("Articles")).await?;
    let mut names = Vec::new();
    for link in all_by_role_within(c, &list, "link", Name::Any).await? {
        names.push(name_of(c, &link).await?);
    }
    Ok(names)
}

/// The count in a facet checkbox's name, `"CNET (1)"` → 1.
fn count_in(name: &str) -> Result<usize> {
    let open = name.rfind('(').ok_or_else(|| format!("no count in {name:?}"))?;
    Ok(name[open + 1..].trim_end_matches(')').trim().parse()?)
}

/// Checkboxes inside the facet group named `group` ("Source", "Language", …).
async fn facet_boxes(c: &Client, group: &str) -> Result<Vec<(fantoccini::elements::Element, String)>> {
    let group = by_role(c, "group", Name::Is(group)).await?;
    let mut out = Vec::new();
    for el in all_by_role_within(c, &group, "checkbox", Name::Any).await? {
        let name = name_of(c, &el).await?;
        out.push((el, name));
    }
    Ok(out)
}

fn articles(n: usize) -> String {
    format!("{n} {}", if n == 1 { "article" } else { "articles" })
}

pub async fn seed_search_highlights_and_steps_through_matches(c: &Client, base: &str) -> Result {
    open(c, base).await?;
    search_box(c).await?.send_keys("kursk troops").await?;
    status_is(c, "1 article").await?;
    let list = by_role(c, "list", Name::Is("Articles")).await?;
    let marks = list.find_all(Locator::Css("mark")).await?;
    check(!marks.is_empty(), "the excerpt marks the query terms")?;
    for mark in &marks {
        let word = text_of(mark).await?.to_lowercase();
        check(word.starts_with("kursk") || word.starts_with("troop"), format!("marked {word:?}"))?;
    }
    check(c.current_url().await?.as_str().contains("q=kursk+troops"), "the query is in the URL")?;
    screenshot(c, "library-search-seed").await?;
    by_role(c, "link", Name::Contains("North Korean troops")).await?.click().await?;
    by_role(c, "heading", Name::Is(SEED_TITLE)).await?;
    // Title: "troops"; body: Kursk ×4, troops ×4 — every one marked.
    let marks = c.find_all(Locator::Css(".reader mark")).await?;
    check(marks.len() == 9, format!("{} marks in the article, expected 9", marks.len()))?;
    let counter = match_counter(c).await?;
    check(text_of(&counter).await? == "9 matches", format!("counter says {:?}", text_of(&counter).await?))?;
    c.find(Locator::Css("body")).await?.send_keys("n").await?;
    wait_for(|| async { Ok((text_of(&counter).await? == "1 of 9").then_some(())) }).await?;
    c.find(Locator::Css("body")).await?.send_keys("nn").await?;
    wait_for(|| async { Ok((text_of(&counter).await? == "3 of 9").then_some(())) }).await?;
    let current = c.find(Locator::Css("mark.is-current")).await?;
    check(current.attr("data-match").await?.as_deref() == Some("2"), "the third match is current")?;
    // The current match is scrolled into view.
    let visible = js(
        c,
        "const r = document.querySelector('mark.is-current').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;",
    )
    .await?;
    check(visible == serde_json::json!(true), "the current match is in view")?;
    by_role(c, "button", Name::Is("Previous match")).await?.click().await?;
    wait_for(|| async { Ok((text_of(&counter).await? == "2 of 9").then_some(())) }).await?;
    screenshot(c, "article-matches").await?;
    // Back to the results keeps the query.
    by_role(c, "link", Name::Contains("Results")).await?.click().await?;
    status_is(c, "1 article").await?;
    check(search_box(c).await?.prop("value").await?.as_deref() == Some("kursk troops"), "the query is restored")?;
    Ok(())
}

pub async fn typing_narrows_and_announces(c: &Client, base: &str) -> Result {
    open(c, base).await?;
    status_is(c, "45 articles").await?;
    let input = search_box(c).await?;
    input.send_keys("halib").await?;
    // A prefix finds its word while typing.
    status_is(c, "1 article").await?;
    check(result_titles(c).await?[0].starts_with("Alaskan halibut"), "the prefix finds halibut")?;
    input.send_keys("ut").await?;
    status_is(c, "1 article").await?;
    // A typo still finds it.
    by_role(c, "button", Name::Is("Clear search")).await?.click().await?;
    status_is(c, "45 articles").await?;
    input.send_keys("halibutt ").await?;
    status_is(c, "1 article").await?;
    for _ in 0..9 {
        input.send_keys(&Key::Backspace.to_string()).await?;
    }
    input.send_keys("zzqxjv ").await?;
    status_is(c, "0 articles").await?;
    let none = c.find(Locator::Css(".no-results")).await?;
    check(text_of(&none).await?.contains("No articles match"), "says there are no results")?;
    // Esc clears.
    input.send_keys(&Key::Escape.to_string()).await?;
    status_is(c, "45 articles").await?;
    Ok(())
}

pub async fn facets_narrow_with_honest_counts(c: &Client, base: &str) -> Result {
    open(c, base).await?;
    status_is(c, "45 articles").await?;
    // One language: the list has exactly as many results as its count.
    let langs = facet_boxes(c, "Language").await?;
    let (lang, lang_name) = langs.iter().max_by_key(|(_, n)| count_in(n).unwrap_or(0)).ok_or("a language facet")?;
    let n_lang = count_in(lang_name)?;
    lang.click().await?;
    status_is(c, &articles(n_lang)).await?;
    show_all_results(c).await?;
    check(result_titles(c).await?.len() == n_lang, "the list has as many results as the count")?;
    check(c.current_url().await?.as_str().contains("lang="), "the filter is in the URL")?;
    // Across facets, AND: each source count is what selecting it yields within the language.
    let sources = facet_boxes(c, "Source").await?;
    check(
        sources.iter().all(|(_, n)| count_in(n).unwrap_or(usize::MAX) <= n_lang),
        "no source count exceeds the language's",
    )?;
    let (first, first_name) = &sources[0];
    let n1 = count_in(first_name)?;
    first.click().await?;
    status_is(c, &articles(n1)).await?;
    // Within a facet, OR: its counts ignore its own selection, so a second source adds its count.
    let sources = facet_boxes(c, "Source").await?;
    let (second, second_name) =
        sources.iter().find(|(_, n)| n != first_name && count_in(n).unwrap_or(0) > 0).ok_or("a second source")?;
    let n2 = count_in(second_name)?;
    second.click().await?;
    status_is(c, &articles(n1 + n2)).await?;
    check(result_titles(c).await?.len() == n1 + n2, "OR within a facet")?;
    let chips = by_role(c, "list", Name::Is("Active filters")).await?;
    let chip_buttons = all_by_role_within(c, &chips, "button", Name::Contains("Remove filter")).await?;
    check(chip_buttons.len() == 3, format!("{} chips, expected 3", chip_buttons.len()))?;
    screenshot(c, "library-facets").await?;
    // Removing the language chip widens the sources back to all languages.
    by_role(c, "button", Name::Contains("Remove filter Language")).await?.click().await?;
    wait_for(|| async { Ok((!c.current_url().await?.as_str().contains("lang=")).then_some(())) }).await?;
    by_role(c, "button", Name::Is("Clear all")).await?.click().await?;
    status_is(c, "45 articles").await?;
    Ok(())
}

pub async fn sort_orders_change_the_order(c: &Client, base: &str) -> Result {
    open(c, base).await?;
    status_is(c, "45 articles").await?;
    let newest = result_titles(c).await?;
    let select = by_role(c, "combobox", Name::Contains("Sort")).await?;
    select.select_by_value("oldest").await?;
    wait_for(|| async { Ok(c.current_url().await?.as_str().contains("sort=oldest").then_some(())) }).await?;
    let oldest = result_titles(c).await?;
    check(oldest != newest, "oldest first differs from newest first")?;
    let select = by_role(c, "combobox", Name::Contains("Sort")).await?;
    select.select_by_value("title").await?;
    wait_for(|| async { Ok(c.current_url().await?.as_str().contains("sort=title").then_some(())) }).await?;
    let by_title = result_titles(c).await?;
    let mut sorted = by_title.clone();
    sorted.sort_by_key(|t| t.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_lowercase());
    check(
        by_title.first() == sorted.first(),
        format!("title order starts with {:?}, expected {:?}", by_title.first(), sorted.first()),
    )?;
    let select = by_role(c, "combobox", Name::Contains("Sort")).await?;
    select.select_by_value("longest").await?;
    wait_for(|| async { Ok(c.current_url().await?.as_str().contains("sort=longest").then_some(())) }).await?;
    show_all_results(c).await?;
    let longest = result_titles(c).await?;
    let select = by_role(c, "combobox", Name::Contains("Sort")).await?;
    select.select_by_value("shortest").await?;
    wait_for(|| async { Ok(c.current_url().await?.as_str().contains("sort=shortest").then_some(())) }).await?;
    show_all_results(c).await?;
    let shortest = result_titles(c).await?;
    check(
        longest.first() == shortest.last() && shortest.first() == longest.last(),
        "shortest is longest reversed at the ends",
    )?;
    Ok(())
}

pub async fn url_reproduces_the_view(c: &Client, base: &str) -> Result {
    open(c, base).await?;
    status_is(c, "45 articles").await?;
    search_box(c).await?.send_keys("the").await?;
    wait_for(|| async { Ok(c.current_url().await?.as_str().contains("q=the").then_some(())) }).await?;
    let typed_count = text_of(&by_role(c, "status", Name::Any).await?).await?;
    let sources = facet_boxes(c, "Source").await?;
    let (first, name) = sources.first().ok_or("a source")?;
    let n = count_in(name)?;
    first.click().await?;
    status_is(c, &articles(n)).await?;
    let filtered_url = c.current_url().await?;
    let filtered_titles = result_titles(c).await?;
    // Reload: the same view.
    c.refresh().await?;
    status_is(c, &articles(n)).await?;
    check(result_titles(c).await? == filtered_titles, "reload shows the same results")?;
    check(search_box(c).await?.prop("value").await?.as_deref() == Some("the"), "reload keeps the query")?;
    let (_, checked_name) =
        facet_boxes(c, "Source").await?.into_iter().find(|(_, nm)| nm == name).ok_or("the checked source")?;
    check(checked_name == *name, "the same facet value")?;
    // Back: before the filter click (typing replaced entries, so one step back).
    c.back().await?;
    status_is(c, &typed_count).await?;
    c.forward().await?;
    status_is(c, &articles(n)).await?;
    check(c.current_url().await? == filtered_url, "forward restores the URL")?;
    // A shared link in a fresh visit.
    open(c, "about:blank").await?;
    open(c, filtered_url.as_str()).await?;
    status_is(c, &articles(n)).await?;
    Ok(())
}

pub async fn keyboard_only_opens_an_article(c: &Client, base: &str) -> Result {
    open(c, base).await?;
    status_is(c, "45 articles").await?;
    c.find(Locator::Css("body")).await?.send_keys("/").await?;
    let focused = c.active_element().await?;
    check(role_of(c, &focused).await? == "searchbox", "/ focuses the search field")?;
    focused.send_keys("halibut").await?;
    status_is(c, "1 article").await?;
    focused.send_keys(&Key::Down.to_string()).await?;
    let link = c.active_element().await?;
    check(role_of(c, &link).await? == "link", "↓ moves to the first result")?;
    let title = name_of(c, &link).await?;
    check(title.starts_with("Alaskan halibut"), format!("focused {title:?}"))?;
    link.send_keys(&Key::Up.to_string()).await?;
    check(
        role_of(c, &c.active_element().await?).await? == "searchbox",
        "↑ from the first result returns to the field",
    )?;
    c.active_element().await?.send_keys(&Key::Down.to_string()).await?;
    c.active_element().await?.send_keys(&Key::Enter.to_string()).await?;
    let h1 = by_role(c, "heading", Name::Is(&title)).await?;
    check(!h1.find_all(Locator::Css("mark")).await?.is_empty(), "the title marks the query")?;
    let url = c.current_url().await?;
    check(url.as_str().contains("q=halibut"), format!("the article URL {url} carries the query"))?;
    Ok(())
}

pub async fn phone_library_folds_the_facets(c: &Client, base: &str) -> Result {
    open(c, base).await?;
    status_is(c, "45 articles").await?;
    let toggle = by_role(c, "button", Name::Is("Filters")).await?;
    check(toggle.attr("aria-expanded").await?.as_deref() == Some("false"), "facets start folded")?;
    check(!facet_group_visible(c, "Source").await?, "folded facets are hidden")?;
    screenshot(c, "library-phone-real").await?;
    toggle.click().await?;
    check(toggle.attr("aria-expanded").await?.as_deref() == Some("true"), "the toggle says it is open")?;
    check(facet_group_visible(c, "Source").await?, "unfolded facets show")?;
    screenshot(c, "library-phone-facets").await?;
    let width = js(c, "return document.documentElement.scrollWidth").await?.as_i64().unwrap_or(0);
    check(width <= 390, format!("library overflows horizontally: {width}px"))?;
    Ok(())
}

/// Whether the facet group whose legend is `legend` is displayed.
async fn facet_group_visible(c: &Client, legend: &str) -> Result<bool> {
    let script = format!(
        "return [...document.querySelectorAll('fieldset')].some(f => f.querySelector('legend')?.textContent === {legend:?} && f.offsetParent !== null)"
    );
    Ok(js(c, &script).await? == serde_json::json!(true))
}

/// The marked words in the result list, lowercased.
async fn marked_in_results(c: &Client) -> Result<Vec<String>> {
    let list = by_role(c, "list", Name::Is("Articles")).await?;
    let mut words = Vec::new();
    for mark in list.find_all(Locator::Css("mark")).await? {
        words.push(text_of(&mark).await?.to_lowercase());
    }
    Ok(words)
}

pub async fn ranking_puts_the_word_first_and_labels_partial_matches(c: &Client, base: &str) -> Result {
    open(c, base).await?;
    status_is(c, "45 articles").await?;
    let input = search_box(c).await?;
    // "existence" is only in the 50,000-character Metroid article; 13 shorter ones have
    // only "exist", "exists" or "existing".
    input.send_keys("existence ").await?;
    wait_for(|| async { Ok(result_titles(c).await?.first().is_some_and(|t| t.contains("Metroid")).then_some(())) })
        .await?;
    let marked = marked_in_results(c).await?;
    check(marked.iter().any(|w| w == "existence"), format!("the excerpt marks the word: {marked:?}"))?;
    // No article has both words: the ones with one of them, said so.
    by_role(c, "button", Name::Is("Clear search")).await?.click().await?;
    input.send_keys("halibut changeset ").await?;
    // Typing goes a key at a time: wait for the notice of the whole query.
    let expected = "No article has all of: halibut, changeset. These have 1 of 2.";
    let seen = wait_for(|| async {
        let Ok(notice) = c.find(Locator::Css(".partial-notice")).await else { return Ok(None) };
        Ok(text_of(&notice).await?.contains(expected).then_some(()))
    })
    .await;
    check(seen.is_ok(), format!("the notice says {expected:?}"))?;
    let status = text_of(&by_role(c, "status", Name::Any).await?).await?;
    check(status.ends_with("articles with 1 of 2 words"), format!("status says {status:?}"))?;
    // The two with a word as typed come before those with a correction ("changes").
    let titles = result_titles(c).await?;
    let first_two = titles.iter().take(2).collect::<Vec<_>>();
    check(
        first_two.iter().any(|t| t.contains("Alaskan halibut")) && first_two.iter().any(|t| t.contains("Mercurial")),
        format!("{titles:?}"),
    )?;
    screenshot(c, "library-partial-matches").await?;
    // A title: word marks the title, and nothing in the body.
    by_role(c, "button", Name::Is("Clear search")).await?.click().await?;
    input.send_keys("title:halibut ").await?;
    status_is(c, "1 article").await?;
    by_role(c, "link", Name::Contains("Alaskan halibut")).await?.click().await?;
    by_role(c, "heading", Name::Contains("Alaskan halibut")).await?;
    let counter = match_counter(c).await?;
    wait_for(|| async { Ok((text_of(&counter).await? == "1 match").then_some(())) }).await?;
    let in_body = c.find_all(Locator::Css(".reader-body mark")).await?;
    check(in_body.is_empty(), format!("{} marks in the body of a title: search", in_body.len()))?;
    Ok(())
}

/// Queries typed character by character in the timing journey: words, prefixes, typos,
/// phrases, fields, exclusions, OR, and very common words.
const TYPED: &[&str] = &[
    "ukraine ",
    "korean troops ",
    "military intelligence ",
    "the ",
    "of the ",
    "ukr",
    "k",
    "mil",
    "gerasimv ",
    "inteligence ",
    "\"north korean\" ",
    "title:ukraine ",
    "troops -korean ",
    "kyiv OR moscow ",
    "then",
    "javascript",
    "privacy tracking",
    "halibut",
    "mercurial changeset",
    "existence",
];

/// Prints how long each keystroke takes to show its results on the real articles (input
/// event to the first paint after the list changed): p50, p95, the slowest, and the
/// keystrokes of `the `. A measurement, not a timed test: it checks only that typing
/// shows results.
pub async fn typing_is_measured_on_real_articles(c: &Client, base: &str) -> Result {
    open(c, base).await?;
    status_is(c, "45 articles").await?;
    let per_query: Vec<(String, Vec<f64>)> =
        serde_json::from_value(c.execute_async(KEYSTROKES, vec![serde_json::json!(TYPED)]).await?)?;
    let mut times: Vec<f64> = per_query.iter().flat_map(|(_, t)| t.iter().copied()).collect();
    check(times.len() > TYPED.len(), format!("{} keystrokes changed the page", times.len()))?;
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    let (slowest, slow) = per_query
        .iter()
        .map(|(q, t)| (q, t.iter().copied().fold(0.0, f64::max)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .expect("queries");
    let the = per_query.iter().find(|(q, _)| q == "the ").map(|(_, t)| t.iter().map(|x| x.round()).collect::<Vec<_>>());
    println!(
        "keystroke to painted results on 45 real articles: {} keystrokes, p50 {:.1} ms, p95 {:.1} ms, slowest {slow:.1} ms ({slowest:?}); typing `the `: {:?} ms",
        times.len(),
        at(0.5),
        at(0.95),
        the.unwrap_or_default()
    );
    check(!result_titles(c).await?.is_empty(), "typing shows results")?;
    Ok(())
}

pub async fn show_more_is_kept_when_coming_back_from_an_article(c: &Client, base: &str) -> Result {
    open(c, base).await?;
    status_is(c, "45 articles").await?;
    check(result_titles(c).await?.len() == 20, "a page of 20")?;
    by_role(c, "button", Name::Contains("Show more")).await?.click().await?;
    wait_for(|| async { Ok((result_titles(c).await?.len() == 40).then_some(())) }).await?;
    check(c.current_url().await?.as_str().contains("pages=2"), "the pages shown are in the URL")?;
    let titles = result_titles(c).await?;
    let list = by_role(c, "list", Name::Is("Articles")).await?;
    let links = all_by_role_within(c, &list, "link", Name::Any).await?;
    links[30].click().await?;
    by_role(c, "heading", Name::Is(&titles[30])).await?;
    c.back().await?;
    wait_for(|| async { Ok((result_titles(c).await?.len() == 40).then_some(())) }).await?;
    // Typing starts again from the first page.
    search_box(c).await?.send_keys("the").await?;
    wait_for(|| async { Ok((result_titles(c).await?.len() == 20).then_some(())) }).await?;
    check(!c.current_url().await?.as_str().contains("pages="), "a new search shows one page")?;
    Ok(())
}
