//! The news lenses of the reading view: the five toggles (pressed or not, kept across a
//! reload), names as links with their card on focus (how often, other names; Tab goes into
//! it and Escape closes it), quotes with their speaker, figures; axe finds nothing with
//! every lens on, in the light and dark themes, at desktop and phone widths; a highlight
//! made beside a speaker holds just what was selected; and on the real articles a name's
//! card lists another article naming it.

use fantoccini::elements::Element;
use fantoccini::Client;
use lectern_e2e::*;
use serde_json::{json, Value};

use crate::audit::{axe_source, no_violations};
use crate::reading_tools::{own_marks, select};
use crate::{check, handed_over, open, open_from_library, SEED_TITLE};

const LENSES: [&str; 5] = ["People", "Places", "Organisations", "Quotes", "Figures"];
const WAPO: &str = "Where do strained U.S.-Israeli relations go after Netanyahu’s victory?";
const ALL_ON: &str = "lenses=person+place+org+quote+figure";

async fn toggle(c: &Client, label: &str) -> Result<Element> {
    let group = by_role(c, "group", Name::Is("Lenses")).await?;
    let found = all_by_role_within(c, &group, "button", Name::Is(label)).await?;
    check(found.len() == 1, format!("one {label} toggle, found {}", found.len()))?;
    Ok(found.into_iter().next().ok_or("no toggle")?)
}

async fn pressed(c: &Client, label: &str) -> Result<bool> {
    Ok(toggle(c, label).await?.attr("aria-pressed").await?.as_deref() == Some("true"))
}

async fn switch_on(c: &Client, label: &str) -> Result {
    check(!pressed(c, label).await?, format!("{label} starts off"))?;
    let button = toggle(c, label).await?;
    // Clear of the sticky bar above the article.
    c.execute("arguments[0].scrollIntoView({ block: 'center' }); return null", vec![serde_json::to_value(&button)?])
        .await?;
    button.click().await?;
    wait_for(|| async { Ok(pressed(c, label).await?.then_some(())) }).await
}

/// A real key press, as the browser gets it from a keyboard.
async fn press(c: &Client, key: &str, code: u32) -> Result {
    for kind in ["keyDown", "keyUp"] {
        let event = json!({ "type": kind, "key": key, "code": key, "windowsVirtualKeyCode": code });
        cdp(c, "Input.dispatchKeyEvent", event).await?;
    }
    Ok(())
}

/// Moves the mouse to `(x, y)` in the window, as a real pointer does.
async fn mouse_to(c: &Client, x: f64, y: f64) -> Result {
    cdp(c, "Input.dispatchMouseEvent", json!({ "type": "mouseMoved", "x": x, "y": y })).await?;
    Ok(())
}

async fn focus(c: &Client, el: &Element) -> Result {
    c.execute("arguments[0].focus(); return null", vec![serde_json::to_value(el)?]).await?;
    Ok(())
}

/// The accessible name of what has focus.
async fn focused_name(c: &Client) -> Result<String> {
    let el = c.active_element().await?;
    name_of(c, &el).await
}

/// The open name card, found as a group named by the name.
async fn card(c: &Client, name: &str) -> Result<Element> {
    by_role(c, "group", Name::Is(name)).await
}

pub async fn lenses_mark_names_quotes_and_figures(c: &Client, base: &str) -> Result {
    open_from_library(c, base, SEED_TITLE).await?;
    for label in LENSES {
        check(!pressed(c, label).await?, format!("{label} is off at first"))?;
    }
    check(
        all_by_role(c, "link", Name::Is("Volodymyr Zelenskyy")).await?.is_empty(),
        "no name links while People is off",
    )?;

    // People: each mention of a person is a link named by its text.
    switch_on(c, "People").await?;
    let full =
        wait_for(|| async { Ok(all_by_role(c, "link", Name::Is("Volodymyr Zelenskyy")).await?.into_iter().next()) })
            .await?;
    let short = all_by_role(c, "link", Name::Is("Zelenskyy")).await?;
    check(!short.is_empty(), "the shorter mentions are links too")?;
    check(full.attr("href").await?.as_deref() == Some("#/name/volodymyr-zelenskyy"), "the name links to its page")?;
    check(all_by_role(c, "link", Name::Is("Kursk")).await?.is_empty(), "places wait for their lens")?;

    // Its card on focus: how often, its other names; Escape closes it, focus stays.
    focus(c, &full).await?;
    let group = card(c, "Volodymyr Zelenskyy").await?;
    let said = text_of(&group).await?;
    check(said.contains("Person"), format!("the card says what it is: {said}"))?;
    let times = said.lines().find(|l| l.starts_with("Named ")).unwrap_or_default().to_string();
    check(times.ends_with("times in this article"), format!("how often it is named: {said}"))?;
    check(said.contains("Also called Zelenskyy"), format!("its other names: {said}"))?;
    check(said.contains("No other article is about it."), format!("the seed has one article: {said}"))?;
    screenshot(c, "lenses-card-light-desktop").await?;
    press(c, "Escape", 27).await?;
    wait_for(|| async { Ok(all_by_role(c, "group", Name::Is("Volodymyr Zelenskyy")).await?.is_empty().then_some(())) })
        .await?;
    by_role(c, "heading", Name::Is(SEED_TITLE)).await?;
    check(focused_name(c).await? == "Volodymyr Zelenskyy", "Escape leaves focus on the name")?;
    // The pointer on a name opens its card too, and taking it away closes it.
    // (Focus stays on the name whose card was closed: it stays closed.)
    let at = c
        .execute(
            "arguments[0].scrollIntoView({ block: 'center' });
        const r = arguments[0].getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]",
            vec![serde_json::to_value(&short[0])?],
        )
        .await?;
    let (x, y) = (at[0].as_f64().unwrap_or(0.0), at[1].as_f64().unwrap_or(0.0));
    mouse_to(c, x, y).await?;
    card(c, "Volodymyr Zelenskyy").await?;
    mouse_to(c, 1.0, 1.0).await?;
    wait_for(|| async { Ok(all_by_role(c, "group", Name::Is("Volodymyr Zelenskyy")).await?.is_empty().then_some(())) })
        .await?;

    // Quotes: each with its speaker after it, when the text says who.
    switch_on(c, "Quotes").await?;
    let speakers = wait_for(|| async {
        let v = js(c, "return [...document.querySelectorAll('.lens-speaker')].map(e => e.textContent)").await?;
        Ok(v.as_array().filter(|a| !a.is_empty()).cloned())
    })
    .await?;
    check(
        speakers.iter().any(|s| s == "— Volodymyr Zelenskyy" || s == "— Valery Gerasimov" || s == "— Vladimir Putin"),
        format!("a quote's speaker is shown: {speakers:?}"),
    )?;
    let paragraphs = all_by_role(c, "paragraph", Name::Any).await?;
    let mut shown = false;
    for p in &paragraphs {
        shown |= text_of(p).await?.contains("— Volodymyr Zelenskyy");
    }
    check(shown, "Zelenskyy is shown as the speaker of his words")?;
    // A highlight made after a speaker holds what was selected: the speaker is not the
    // article's text.
    select(c, "between the two countries").await?;
    by_role(c, "toolbar", Name::Is("Selection")).await?;
    c.find(fantoccini::Locator::Css("body")).await?.send_keys("h").await?;
    wait_for(|| async { Ok((own_marks(c).await? == ["between the two countries"]).then_some(())) }).await?;

    // Figures, Places and Organisations.
    switch_on(c, "Figures").await?;
    let figures = wait_for(|| async {
        let v = js(c, "return [...document.querySelectorAll('.lens-figure')].map(e => e.textContent)").await?;
        Ok(v.as_array().filter(|a| !a.is_empty()).cloned())
    })
    .await?;
    check(figures.iter().any(|f| f.as_str().is_some_and(|f| f.contains("11,000"))), format!("figures: {figures:?}"))?;
    switch_on(c, "Places").await?;
    switch_on(c, "Organisations").await?;
    // North Korea has a page (the article is about it); the Kremlin, named once in passing,
    // has none: its mention is a button that shows its card.
    wait_for(|| async { Ok(all_by_role(c, "link", Name::Is("North Korean")).await?.into_iter().next()) }).await?;
    let kremlin = by_role(c, "button", Name::Is("Kremlin")).await?;
    check(kremlin.attr("aria-expanded").await?.as_deref() == Some("false"), "its card starts closed")?;
    kremlin.click().await?;
    let said = text_of(&card(c, "Kremlin").await?).await?;
    check(said.contains("Organisation") && said.contains("Named once in this article"), format!("its card: {said}"))?;
    press(c, "Escape", 27).await?;
    wait_for(|| async { Ok(all_by_role(c, "group", Name::Is("Kremlin")).await?.is_empty().then_some(())) }).await?;

    // The choice is a reading setting: a reload keeps it.
    c.refresh().await?;
    by_role(c, "heading", Name::Is(SEED_TITLE)).await?;
    for label in LENSES {
        check(pressed(c, label).await?, format!("{label} is still on after a reload"))?;
    }
    let stored = js(c, "return localStorage.getItem('lectern.prefs')").await?;
    check(stored.as_str().is_some_and(|s| s.contains(ALL_ON)), format!("stored: {stored}"))?;
    wait_for(|| async { Ok(all_by_role(c, "link", Name::Is("Volodymyr Zelenskyy")).await?.into_iter().next()) })
        .await?;

    // Switching one off takes its marks away.
    toggle(c, "Figures").await?.click().await?;
    wait_for(|| async {
        Ok((js(c, "return document.querySelectorAll('.lens-figure:not(.lens-swatch)').length").await? == json!(0))
            .then_some(()))
    })
    .await?;
    check(!pressed(c, "Figures").await?, "Figures is off again")
}

/// Every lens on, in the light and dark themes at this window's width: axe finds nothing
/// (and on a phone every control is a touch target of 44 px), with a name's card open
/// too; screenshots of each.
pub async fn lenses_pass_axe_in_light_and_dark(c: &Client, base: &str) -> Result {
    let axe = axe_source()?;
    let width = js(c, "return innerWidth").await?.as_u64().unwrap_or(0);
    let form = if width <= 640 { "phone" } else { "desktop" };
    let mut found = Vec::new();
    for theme in ["light", "dark"] {
        open(c, base).await?;
        crate::reload_with_prefs(c, &format!("theme={theme};{ALL_ON}")).await?;
        open_from_library(c, base, SEED_TITLE).await?;
        for label in LENSES {
            check(pressed(c, label).await?, format!("{label} is on"))?;
        }
        let name = wait_for(|| async {
            Ok(all_by_role(c, "link", Name::Is("Volodymyr Zelenskyy")).await?.into_iter().next())
        })
        .await?;
        // The toggles, and the first quotes and names, in view below the sticky bar; the
        // pointer away from the text.
        js(
            c,
            "document.querySelector('.lens-toggles').scrollIntoView({ block: 'start' });
               scrollBy(0, -document.querySelector('.reader-nav').offsetHeight - 12); return null",
        )
        .await?;
        mouse_to(c, 1.0, 1.0).await?;
        screenshot(c, &format!("lenses-{theme}-{form}")).await?;
        no_violations(c, &axe, &format!("{theme} {width}px article, every lens on"), &mut found).await?;
        focus(c, &name).await?;
        card(c, "Volodymyr Zelenskyy").await?;
        screenshot(c, &format!("lenses-card-{theme}-{form}")).await?;
        no_violations(c, &axe, &format!("{theme} {width}px article, a name card open"), &mut found).await?;
        let fits = js(
            c,
            "const r = document.querySelector('.name-card').getBoundingClientRect();
             return r.left >= 0 && r.right <= innerWidth",
        )
        .await?;
        check(fits == json!(true), format!("{theme} {form}: the card stays inside the window"))?;
    }
    check(found.is_empty(), format!("axe violations:\n{}", found.join("\n")))
}

/// On the real articles, a name in the Washington Post's article has a card listing another
/// article that names it; Tab goes from the name into the card's links, and Escape closes
/// the card and brings focus back to the name.
pub async fn a_name_card_lists_other_articles(c: &Client, base: &str) -> Result {
    open(c, base).await?;
    crate::reload_with_prefs(c, ALL_ON).await?;
    handed_over(c).await?;
    by_role(c, "searchbox", Name::Contains("Search")).await?.send_keys("Netanyahu").await?;
    by_role(c, "link", Name::Is(WAPO)).await?.click().await?;
    by_role(c, "heading", Name::Is(WAPO)).await?;
    check(pressed(c, "People").await?, "People is on")?;
    let names = wait_for(|| async {
        let names = c.find_all(fantoccini::Locator::Css("a.lens-name")).await?;
        Ok((!names.is_empty()).then_some(names))
    })
    .await?;
    let mut listed: Option<(String, Vec<String>)> = None;
    for link in names.iter().take(60) {
        let name = name_of(c, link).await?;
        focus(c, link).await?;
        // The card, read again when it is re-rendered while being read.
        let card = wait_for(|| async {
            let Ok(card) = c.find(fantoccini::Locator::Css(".name-card")).await else { return Ok(None) };
            let mut others = Vec::new();
            for a in all_by_role_within(c, &card, "link", Name::Any).await? {
                others.push(name_of(c, &a).await?);
            }
            Ok(Some(others))
        })
        .await;
        let Ok(others) = card else { continue };
        if let Some(first) = others.first() {
            check(first != WAPO, "the card lists other articles, not this one")?;
            listed = Some((name, others));
            break;
        }
    }
    let (name, others) = listed.ok_or("no name's card lists another article")?;
    // Tab goes from the name into its card, onto the first article listed.
    check(focused_name(c).await? == name, "the name has focus")?;
    press(c, "Tab", 9).await?;
    check(focused_name(c).await? == others[0], format!("Tab goes into the card of {name}: {others:?}"))?;
    let hash = js(c, "return document.activeElement.getAttribute('href')").await?;
    check(hash.as_str().is_some_and(|h| h.starts_with("#/a/")), format!("an article's address: {hash}"))?;
    screenshot(c, "lenses-card-real-desktop").await?;
    press(c, "Escape", 27).await?;
    wait_for(|| async {
        Ok((js(c, "return document.querySelector('.name-card') === null").await? == Value::Bool(true)).then_some(()))
    })
    .await?;
    check(focused_name(c).await? == name, "Escape brings focus back to the name")?;
    by_role(c, "heading", Name::Is(WAPO)).await?;
    Ok(())
}
