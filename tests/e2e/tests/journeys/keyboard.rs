//! Every control by keyboard, and the page as a screen reader gets it: Tab walks the
//! library and the reading view through every link, button and field with a visible focus
//! ring and no trap (it comes back round to the start); Chromium's accessibility tree has
//! the landmarks, one `<h1>`, the live result count and a name for every button and link;
//! and the pages ask nothing of any other origin.

use std::collections::BTreeSet;

use fantoccini::Client;
use lectern_e2e::*;
use serde_json::{json, Value};

use crate::{check, open};

const ARTICLE: &str = "A field guide to autumn migration";

/// What has focus: a description, and whether its focus is drawn (outline or ring).
const FOCUSED: &str = "const e = document.activeElement;
    if (!e || e === document.body) return null;
    const s = getComputedStyle(e);
    // A date field's last stop is its calendar button, inside the field (the field itself
    // no longer matches :focus there): Chromium draws that button's ring itself.
    const picker = e.type === 'date' && !e.matches(':focus');
    const drawn = picker || (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    return [e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '') + (e.type ? '[' + e.type + ']' : '') + ':' + (e.getAttribute('aria-label') || e.textContent.trim().slice(0, 30)), drawn];";

/// Presses Tab until focus comes back to where it started; returns what was visited.
/// Fails if a focused control has no visible focus, or if focus never comes back (a trap).
async fn tab_round(c: &Client, limit: usize) -> Result<Vec<String>> {
    let mut seen: Vec<String> = Vec::new();
    let mut invisible = Vec::new();
    for _ in 0..limit {
        // A real key press, as the browser gets it from a keyboard (WebDriver's element
        // keys would focus an element first).
        for kind in ["keyDown", "keyUp"] {
            let key = json!({ "type": kind, "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9 });
            cdp(c, "Input.dispatchKeyEvent", key).await?;
        }
        let now = js(c, FOCUSED).await?;
        let Some([what, drawn]) = now.as_array().map(|a| [a[0].clone(), a[1].clone()]) else { continue };
        let what = what.as_str().unwrap_or("").to_string();
        if seen.first() == Some(&what) {
            check(invisible.is_empty(), format!("focus not drawn on: {invisible:?}"))?;
            return Ok(seen);
        }
        if drawn != Value::Bool(true) {
            invisible.push(what.clone());
        }
        seen.push(what);
    }
    Err(format!("Tab did not come back round in {limit} presses (a trap?): {seen:?}").into())
}

/// Roles and names in Chromium's accessibility tree (CDP `Accessibility.getFullAXTree`).
async fn ax_tree(c: &Client) -> Result<Vec<(String, String)>> {
    cdp(c, "Accessibility.enable", json!({})).await?;
    let tree = cdp(c, "Accessibility.getFullAXTree", json!({})).await?;
    let nodes = tree["nodes"].as_array().cloned().unwrap_or_default();
    Ok(nodes
        .iter()
        .filter(|n| n["ignored"] != Value::Bool(true))
        .map(|n| {
            let text = |v: &Value| v["value"].as_str().unwrap_or("").to_string();
            (text(&n["role"]), text(&n["name"]))
        })
        .collect())
}

fn unnamed(tree: &[(String, String)], roles: &[&str]) -> Vec<String> {
    tree.iter().filter(|(r, n)| roles.contains(&r.as_str()) && n.trim().is_empty()).map(|(r, _)| r.clone()).collect()
}

pub async fn every_control_by_keyboard_and_screen_reader(c: &Client, base: &str) -> Result {
    open(c, base).await?;
    by_role(c, "link", Name::Is(ARTICLE)).await?;
    let library = tab_round(c, 80).await?;
    for wanted in ["a.skip-link", "input.search-input", "select", "a.result-link", "input[checkbox]"] {
        check(library.iter().any(|w| w.starts_with(wanted)), format!("Tab reaches {wanted}: {library:?}"))?;
    }
    let tree = ax_tree(c).await?;
    let roles: BTreeSet<&str> = tree.iter().map(|(r, _)| r.as_str()).collect();
    for landmark in ["banner", "main", "search", "complementary"] {
        check(roles.contains(landmark), format!("the library has a {landmark} landmark: {roles:?}"))?;
    }
    check(tree.iter().filter(|(r, _)| r == "heading").count() >= 2, "headings: the page's and each result's")?;
    check(tree.iter().any(|(r, _)| r == "status"), "the result count is a live status")?;
    let missing = unnamed(&tree, &["button", "link", "searchbox", "combobox", "checkbox", "textbox"]);
    check(missing.is_empty(), format!("controls without a name in the library: {missing:?}"))?;

    by_role(c, "link", Name::Is(ARTICLE)).await?.click().await?;
    by_role(c, "heading", Name::Is(ARTICLE)).await?;
    let reader = tab_round(c, 80).await?;
    for wanted in ["a.back-link", "input.find-input", "button", "a.tag"] {
        check(reader.iter().any(|w| w.starts_with(wanted)), format!("Tab reaches {wanted}: {reader:?}"))?;
    }
    let tree = ax_tree(c).await?;
    let headings: Vec<&(String, String)> = tree.iter().filter(|(r, _)| r == "heading").collect();
    check(headings.iter().any(|(_, n)| n == ARTICLE), format!("the article's title is a heading: {headings:?}"))?;
    check(headings.len() >= 2, "the article's sections are headings")?;
    let roles: BTreeSet<&str> = tree.iter().map(|(r, _)| r.as_str()).collect();
    for landmark in ["banner", "main", "navigation", "article"] {
        check(roles.contains(landmark), format!("the reading view has a {landmark}: {roles:?}"))?;
    }
    let missing = unnamed(&tree, &["button", "link", "searchbox", "textbox"]);
    check(missing.is_empty(), format!("controls without a name in the reading view: {missing:?}"))?;

    // Nothing was asked of another origin, on any page.
    let foreign =
        js(c, "return performance.getEntriesByType('resource').map(e => e.name).filter(u => new URL(u).origin !== location.origin)")
            .await?;
    check(foreign.as_array().is_some_and(Vec::is_empty), format!("requests to other origins: {foreign}"))?;
    Ok(())
}
