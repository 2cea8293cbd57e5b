//! Accessibility audited with axe-core (`.tools/audit`, installed by `scripts/setup.sh`):
//! the library, a search with results, a search with none, the facets, and the reading
//! view with its settings and highlights panels open, each in the light, sepia and dark
//! themes, at this window's width: zero violations, no view scrolls sideways, and on a
//! phone every control is a touch target of at least 44 px.

use std::path::PathBuf;

use fantoccini::Client;
use lectern_e2e::*;
use serde_json::{json, Value};

use crate::{check, open};

const ARTICLE: &str = "A field guide to autumn migration";

pub fn axe_source() -> Result<String> {
    let path: PathBuf = project_root().join(".tools/audit/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path)
        .map_err(|e| format!("{} is missing (scripts/setup.sh installs axe-core): {e}", path.display()).into())
}

/// Runs axe on the page as it is; every violation is named with its rule and elements.
pub async fn no_violations(c: &Client, axe: &str, view: &str, found: &mut Vec<String>) -> Result {
    if js(c, "return typeof window.axe").await? != json!("object") {
        js(c, &format!("{axe}\n;return null")).await?;
    }
    let script = "const done = arguments[arguments.length - 1];
        axe.run(document, { resultTypes: ['violations'] })
          .then(r => done(r.violations.map(v => ({ id: v.id, nodes: v.nodes.map(n => n.target.join(' ')) }))))
          .catch(e => done([{ id: 'axe failed: ' + e, nodes: [] }]));";
    let violations: Value = c.execute_async(script, vec![]).await?;
    // On a phone, every control is a touch target of at least 44 px (a checkbox by its
    // label; links inside running text are exempt, as WCAG 2.5.8 exempts them).
    let small = js(
        c,
        "if (innerWidth > 640) return [];
         const out = [];
         for (const e of document.querySelectorAll('a, button, select, input, summary')) {
           if (e.closest('.reader-body, .meta, .meta-extra, .card-excerpt, .no-results p, .panel-note, #static-library')) continue;
           const t = e.type === 'checkbox' ? (e.closest('label') || e) : e;
           const r = t.getBoundingClientRect();
           if (!r.width || !r.height || getComputedStyle(t).visibility === 'hidden') continue;
           if (Math.min(r.width, r.height) < 43.5) out.push((e.className || e.tagName.toLowerCase()) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
         }
         return [...new Set(out)];",
    )
    .await?;
    if small.as_array().is_some_and(|a| !a.is_empty()) {
        found.push(format!("{view}: touch targets under 44 px: {small}"));
    }
    let wide = js(c, "return document.documentElement.scrollWidth - innerWidth").await?;
    if wide.as_f64().unwrap_or(0.0) > 0.0 {
        found.push(format!("{view}: scrolls sideways by {wide} px"));
    }
    for v in violations.as_array().into_iter().flatten() {
        found.push(format!("{view}: {} at {}", v["id"], v["nodes"]));
    }
    Ok(())
}

/// Waits until `condition` (JavaScript) holds; the error names `what`.
async fn until(c: &Client, what: &str, condition: &str) -> Result {
    wait_for(|| async { Ok(js(c, &format!("return !!({condition})")).await?.as_bool().filter(|b| *b)) })
        .await
        .map(|_| ())
        .map_err(|e| format!("{what}: {e}").into())
}

/// Types `text` into an empty search field.
async fn search(c: &Client, text: &str) -> Result {
    let input = by_role(c, "searchbox", Name::Contains("Search")).await?;
    // The field shows the URL's query: empty the query first, then type.
    js(c, "location.hash = '#/'; return null").await?;
    until(c, "the search field emptied", "document.querySelector('input[type=search]').value === ''").await?;
    input.send_keys(text).await?;
    Ok(())
}

pub async fn axe_finds_no_violations_in_any_view_or_theme(c: &Client, base: &str) -> Result {
    let axe = axe_source()?;
    let width = js(c, "return innerWidth").await?;
    let mut found = Vec::new();
    for theme in ["light", "sepia", "dark"] {
        open(c, base).await?;
        crate::reload_with_prefs(c, &format!("theme={theme}")).await?;
        by_role(c, "link", Name::Is(ARTICLE)).await?;
        let at = |view: &str| format!("{theme} {width}px {view}");
        no_violations(c, &axe, &at("library"), &mut found).await?;
        search(c, "migration").await?;
        by_role(c, "status", Name::Any).await?;
        wait_for(|| async {
            Ok(js(c, "return location.hash.includes('q=migration')").await?.as_bool().filter(|b| *b))
        })
        .await?;
        no_violations(c, &axe, &at("search with results"), &mut found).await?;
        // Facets: behind a toggle on a phone, beside the results on a desktop.
        if let Some(toggle) = all_by_role(c, "button", Name::Is("Filters")).await?.into_iter().next() {
            toggle.click().await?;
        }
        until(
            c,
            "the facets shown",
            "[...document.querySelectorAll('.facet legend')].some(l => l.offsetParent && l.textContent == 'Tag')",
        )
        .await?;
        no_violations(c, &axe, &at("facets open"), &mut found).await?;
        search(c, "zzzqqxx").await?;
        until(c, "no results said", "document.querySelector('.no-results')?.textContent.includes('No articles match')")
            .await?;
        no_violations(c, &axe, &at("no results"), &mut found).await?;
        search(c, "autumn").await?;
        by_role(c, "link", Name::Contains("field guide")).await?.click().await?;
        by_role(c, "heading", Name::Is(ARTICLE)).await?;
        by_role(c, "button", Name::Is("Reading settings")).await?.click().await?;
        by_role(c, "group", Name::Is("Theme")).await?;
        no_violations(c, &axe, &at("article, settings open"), &mut found).await?;
        by_role(c, "button", Name::Contains("Your highlights")).await?.click().await?;
        by_role(c, "group", Name::Is("Your highlights")).await?;
        no_violations(c, &axe, &at("article, highlights open"), &mut found).await?;
    }
    check(found.is_empty(), format!("axe violations:\n{}", found.join("\n")))
}
