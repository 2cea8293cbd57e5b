//! Reading-view journeys: typography and theme settings that persist and survive a
//! corrupted stored value, every theme looked at on desktop and phone, the reading
//! position restored and offered as "Continue reading", and the keyboard shortcuts.

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use lectern_e2e::*;
use serde_json::json;

use crate::{check, match_counter, open, SEED_TITLE};

async fn body_font_px(c: &Client) -> Result<f64> {
    let v = js(c, "return parseFloat(getComputedStyle(document.querySelector('.reader-body')).fontSize)").await?;
    Ok(v.as_f64().unwrap_or(0.0))
}

async fn pressed(c: &Client, group: &str, choice: &str) -> Result<bool> {
    let group = by_role(c, "group", Name::Is(group)).await?;
    let button =
        all_by_role_within(c, &group, "button", Name::Is(choice)).await?.into_iter().next().ok_or("no such choice")?;
    Ok(button.attr("aria-pressed").await?.as_deref() == Some("true"))
}

async fn open_settings(c: &Client) -> Result {
    let toggle = by_role(c, "button", Name::Is("Reading settings")).await?;
    if toggle.attr("aria-expanded").await?.as_deref() != Some("true") {
        toggle.click().await?;
    }
    by_role(c, "group", Name::Is("Theme")).await?;
    Ok(())
}

async fn choose(c: &Client, group: &str, choice: &str) -> Result {
    let g = by_role(c, "group", Name::Is(group)).await?;
    let button =
        all_by_role_within(c, &g, "button", Name::Is(choice)).await?.into_iter().next().ok_or("no such choice")?;
    button.click().await?;
    wait_for(|| async { Ok(pressed(c, group, choice).await?.then_some(())) }).await
}

async fn theme_attr(c: &Client) -> Result<String> {
    Ok(js(c, "return document.documentElement.dataset.theme || ''").await?.as_str().unwrap_or("").to_string())
}

pub async fn settings_persist_and_survive_corruption(c: &Client, base: &str) -> Result {
    open(c, base).await?;
    by_role(c, "link", Name::Is(SEED_TITLE)).await?.click().await?;
    by_role(c, "heading", Name::Is(SEED_TITLE)).await?;
    let default_px = body_font_px(c).await?;
    open_settings(c).await?;
    by_role(c, "button", Name::Is("Larger text")).await?.click().await?;
    by_role(c, "button", Name::Is("Larger text")).await?.click().await?;
    choose(c, "Font", "Sans").await?;
    choose(c, "Theme", "Sepia").await?;
    choose(c, "Spacing", "Loose").await?;
    let larger_px = body_font_px(c).await?;
    check(larger_px > default_px, format!("text grew: {default_px} -> {larger_px}"))?;
    check(theme_attr(c).await? == "sepia", "the sepia theme applies to the page")?;
    let family = js(c, "return getComputedStyle(document.querySelector('.reader-body')).fontFamily").await?;
    check(!family.as_str().unwrap_or("").contains("Georgia"), format!("sans font applied: {family}"))?;
    // A reload keeps every choice.
    c.refresh().await?;
    by_role(c, "heading", Name::Is(SEED_TITLE)).await?;
    check((body_font_px(c).await? - larger_px).abs() < 0.1, "size survives a reload")?;
    check(theme_attr(c).await? == "sepia", "theme survives a reload")?;
    open_settings(c).await?;
    check(pressed(c, "Font", "Sans").await? && pressed(c, "Spacing", "Loose").await?, "choices survive a reload")?;
    // A corrupted stored value falls back to the defaults.
    js(c, "localStorage.setItem('lectern.prefs', '{\"garbage\":'); return null").await?;
    c.refresh().await?;
    by_role(c, "heading", Name::Is(SEED_TITLE)).await?;
    check((body_font_px(c).await? - default_px).abs() < 0.1, "size back to default")?;
    check(theme_attr(c).await? == "auto", "theme back to auto")?;
    Ok(())
}

/// Every theme, on the seed article and the library, at this window's width.
async fn theme_screens(c: &Client, base: &str, width: &str) -> Result {
    open(c, base).await?;
    by_role(c, "link", Name::Is(SEED_TITLE)).await?.click().await?;
    by_role(c, "heading", Name::Is(SEED_TITLE)).await?;
    open_settings(c).await?;
    for theme in ["Light", "Sepia", "Dark"] {
        choose(c, "Theme", theme).await?;
        let bg = js(c, "return getComputedStyle(document.body).backgroundColor").await?;
        screenshot(c, &format!("theme-{}-{width}", theme.to_lowercase())).await?;
        check(bg.as_str().is_some(), "a background colour")?;
    }
    let dark_bg = js(c, "return getComputedStyle(document.body).backgroundColor").await?;
    check(dark_bg == json!("rgb(22, 21, 19)"), format!("dark background is {dark_bg}"))?;
    // The text size applies at this width too.
    let before = body_font_px(c).await?;
    by_role(c, "button", Name::Is("Larger text")).await?.click().await?;
    wait_for(|| async { Ok((body_font_px(c).await? > before).then_some(())) }).await?;
    by_role(c, "link", Name::Contains("Library")).await?.click().await?;
    by_role(c, "searchbox", Name::Contains("Search")).await?;
    screenshot(c, &format!("theme-dark-library-{width}")).await?;
    Ok(())
}

pub async fn themes_desktop(c: &Client, base: &str) -> Result {
    theme_screens(c, base, "desktop").await
}

pub async fn themes_phone(c: &Client, base: &str) -> Result {
    theme_screens(c, base, "phone").await
}

pub async fn position_is_restored_and_offered(c: &Client, base: &str) -> Result {
    open(c, base).await?;
    let list = by_role(c, "list", Name::Is("Articles")).await?;
    let first = all_by_role_within(c, &list, "link", Name::Any).await?.into_iter().next().ok_or("an article")?;
    let title = name_of(c, &first).await?;
    first.click().await?;
    by_role(c, "heading", Name::Is(&title)).await?;
    js(c, "window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2); return null").await?;
    let bar = wait_for(|| async {
        let w =
            js(c, "return document.querySelector('.progress-bar').getBoundingClientRect().width / innerWidth").await?;
        let w = w.as_f64().unwrap_or(0.0);
        Ok((w > 0.4 && w < 0.6).then_some(w))
    })
    .await?;
    check(bar > 0.4, "the progress bar follows scrolling")?;
    by_role(c, "link", Name::Contains("Library")).await?.click().await?;
    let cont = by_role(c, "region", Name::Is("Continue reading")).await?;
    let link = all_by_role_within(c, &cont, "link", Name::Contains(&title))
        .await?
        .into_iter()
        .next()
        .ok_or("a continue link")?;
    let name = name_of(c, &link).await?;
    let percent: u32 = name.rsplit(' ').nth(1).and_then(|p| p.trim_end_matches('%').parse().ok()).unwrap_or(0);
    check((45..=55).contains(&percent), format!("continue link says {name:?}"))?;
    screenshot(c, "library-continue").await?;
    link.click().await?;
    by_role(c, "heading", Name::Is(&title)).await?;
    let at =
        js(c, "return scrollY / (document.documentElement.scrollHeight - innerHeight)").await?.as_f64().unwrap_or(0.0);
    check((at - 0.5).abs() < 0.05, format!("restored at {at:.2}, expected 0.50"))?;
    // A reload restores it too.
    c.refresh().await?;
    by_role(c, "heading", Name::Is(&title)).await?;
    let at =
        js(c, "return scrollY / (document.documentElement.scrollHeight - innerHeight)").await?.as_f64().unwrap_or(0.0);
    check((at - 0.5).abs() < 0.05, format!("after reload at {at:.2}"))?;
    Ok(())
}

pub async fn reader_keyboard_shortcuts(c: &Client, base: &str) -> Result {
    open(c, base).await?;
    let input = by_role(c, "searchbox", Name::Contains("Search")).await?;
    input.send_keys("kursk").await?;
    wait_for(|| async { Ok(c.current_url().await?.as_str().contains("q=kursk").then_some(())) }).await?;
    input.send_keys(&Key::Down.to_string()).await?;
    c.active_element().await?.send_keys(&Key::Enter.to_string()).await?;
    by_role(c, "heading", Name::Is(SEED_TITLE)).await?;
    let body = c.find(Locator::Css("body")).await?;
    body.send_keys("?").await?;
    let dialog = by_role(c, "dialog", Name::Is("Keyboard shortcuts")).await?;
    check(text_of(&dialog).await?.contains("Next match"), "the help lists shortcuts")?;
    c.active_element().await?.send_keys(&Key::Escape.to_string()).await?;
    wait_for(|| async { Ok(all_by_role(c, "dialog", Name::Any).await?.is_empty().then_some(())) }).await?;
    c.find(Locator::Css("body")).await?.send_keys(&Key::Escape.to_string()).await?;
    // Back in the library, with the search as it was.
    let input = by_role(c, "searchbox", Name::Contains("Search")).await?;
    check(input.prop("value").await?.as_deref() == Some("kursk"), "Esc returns to the library with its state")?;
    Ok(())
}

pub async fn contents_find_box_tags_and_original_link(c: &Client, base: &str) -> Result {
    let title = "A field guide to autumn migration";
    open(c, base).await?;
    by_role(c, "link", Name::Is(title)).await?.click().await?;
    by_role(c, "heading", Name::Is(title)).await?;
    // Contents: one entry per heading; an entry brings its heading into view.
    c.find(Locator::Css(".toc summary")).await?.click().await?;
    let contents = by_role(c, "navigation", Name::Is("Contents")).await?;
    let entries = all_by_role_within(c, &contents, "button", Name::Any).await?;
    check(entries.len() == 3, format!("{} contents entries, expected 3", entries.len()))?;
    by_role(c, "button", Name::Is("Where to watch")).await?.click().await?;
    wait_for(|| async {
        let seen = js(c, "const r = [...document.querySelectorAll('.reader-body [id^=section-]')].find(h => h.textContent === 'Where to watch').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && scrollY > 0").await?;
        Ok((seen == json!(true)).then_some(()))
    })
    .await?;
    // Find in the article: the same engine, so a prefix and stems match.
    let find = by_role(c, "searchbox", Name::Is("Find in article")).await?;
    find.send_keys("migrat").await?;
    let counter = match_counter(c).await?;
    wait_for(|| async { Ok(text_of(&counter).await?.ends_with("matches").then_some(())) }).await?;
    let marks: Vec<String> = {
        let mut out = Vec::new();
        for m in c.find_all(Locator::Css(".reader mark")).await? {
            out.push(text_of(&m).await?.to_lowercase());
        }
        out
    };
    check(marks.len() == 6 && marks.iter().all(|m| m.starts_with("migrat")), format!("find marked {marks:?}"))?;
    find.send_keys(&Key::Enter.to_string()).await?;
    wait_for(|| async { Ok((text_of(&counter).await? == "1 of 6").then_some(())) }).await?;
    find.send_keys(&Key::Escape.to_string()).await?;
    wait_for(|| async { Ok(c.find_all(Locator::Css(".reader mark")).await?.is_empty().then_some(())) }).await?;
    // The original article, and tags that filter the library.
    let original = by_role(c, "link", Name::Is("Original article")).await?;
    check(original.attr("href").await?.as_deref() == Some("https://example.org/field-guide"), "original URL")?;
    check(original.attr("rel").await?.as_deref() == Some("noopener noreferrer"), "rel on the original link")?;
    screenshot(c, "article-contents").await?;
    by_role(c, "link", Name::Is("#birds")).await?.click().await?;
    let status = by_role(c, "status", Name::Any).await?;
    wait_for(|| async { Ok((text_of(&status).await? == "2 articles").then_some(())) }).await?;
    check(c.current_url().await?.as_str().contains("tag=birds"), "the tag filter is in the URL")?;
    Ok(())
}

pub async fn j_and_k_walk_the_results(c: &Client, base: &str) -> Result {
    open(c, base).await?;
    let input = by_role(c, "searchbox", Name::Contains("Search")).await?;
    input.send_keys("facebook").await?;
    wait_for(|| async { Ok(c.current_url().await?.as_str().contains("q=facebook").then_some(())) }).await?;
    let list = by_role(c, "list", Name::Is("Articles")).await?;
    let links = all_by_role_within(c, &list, "link", Name::Any).await?;
    check(links.len() >= 2, format!("{} results for facebook", links.len()))?;
    let (first, second) = (name_of(c, &links[0]).await?, name_of(c, &links[1]).await?);
    links[0].click().await?;
    by_role(c, "heading", Name::Is(&first)).await?;
    let pager = by_role(c, "navigation", Name::Is("Results")).await?;
    check(text_of(&pager).await?.contains(&format!("1 of {} results", links.len())), "the pager says where we are")?;
    c.find(Locator::Css("body")).await?.send_keys("j").await?;
    by_role(c, "heading", Name::Is(&second)).await?;
    check(c.current_url().await?.as_str().contains("q=facebook"), "the query travels with j")?;
    check(!c.find_all(Locator::Css(".reader mark")).await?.is_empty(), "the next article marks the query")?;
    c.find(Locator::Css("body")).await?.send_keys("k").await?;
    by_role(c, "heading", Name::Is(&first)).await?;
    Ok(())
}

pub async fn refused_storage_is_said_once_and_the_app_works(c: &Client, base: &str) -> Result {
    // Every write to storage throws, as in some private modes or with a full quota.
    add_init_script(
        c,
        "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
    )
    .await?;
    open(c, base).await?;
    let notice = by_role(c, "alert", Name::Any).await?;
    check(text_of(&notice).await?.contains("won't let Lectern save"), "the notice says what is lost")?;
    screenshot(c, "storage-notice").await?;
    // Everything else works: search, open, change a setting for this visit.
    by_role(c, "searchbox", Name::Contains("Search")).await?.send_keys("kursk").await?;
    by_role(c, "link", Name::Contains("North Korean troops")).await?.click().await?;
    by_role(c, "heading", Name::Is(SEED_TITLE)).await?;
    let before = body_font_px(c).await?;
    open_settings(c).await?;
    by_role(c, "button", Name::Is("Larger text")).await?.click().await?;
    wait_for(|| async { Ok((body_font_px(c).await? > before).then_some(())) }).await?;
    // Said once: dismissed, it stays away while the reader goes on.
    by_role(c, "button", Name::Is("Dismiss")).await?.click().await?;
    by_role(c, "link", Name::Contains("Results")).await?.click().await?;
    by_role(c, "searchbox", Name::Contains("Search")).await?;
    check(all_by_role(c, "alert", Name::Any).await?.is_empty(), "the notice does not come back")?;
    Ok(())
}
