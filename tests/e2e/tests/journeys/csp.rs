//! The site under a strict Content-Security-Policy (`STRICT_CSP`, as README gives it):
//! the app starts (Trunk's loader is a file, not inline script), and searching, reading
//! and changing the reading settings cause no policy violation.

use fantoccini::{Client, Locator};
use lectern_e2e::*;
use serde_json::json;

use crate::{check, open, SEED_TITLE};

pub async fn runs_under_a_strict_content_security_policy(c: &Client, base: &str) -> Result {
    open(c, base).await?;
    // The wasm app rendered, so its loader and module ran under the policy.
    by_role(c, "link", Name::Is(SEED_TITLE)).await?;
    let inline = js(c, "return [...document.scripts].filter(s => !s.src).length").await?;
    check(inline == json!(0), format!("{inline} inline scripts in the page"))?;
    js(c, "window.__violations = []; document.addEventListener('securitypolicyviolation', e => __violations.push(e.violatedDirective + ' ' + e.blockedURI)); return null").await?;
    by_role(c, "searchbox", Name::Contains("Search")).await?.send_keys("kursk").await?;
    by_role(c, "link", Name::Contains("North Korean troops")).await?.click().await?;
    by_role(c, "heading", Name::Is(SEED_TITLE)).await?;
    check(!c.find_all(Locator::Css(".reader mark")).await?.is_empty(), "matches are marked")?;
    let before = js(c, "return parseFloat(getComputedStyle(document.querySelector('.reader-body')).fontSize)").await?;
    by_role(c, "button", Name::Is("Reading settings")).await?.click().await?;
    by_role(c, "button", Name::Is("Larger text")).await?.click().await?;
    let after = wait_for(|| async {
        let px = js(c, "return parseFloat(getComputedStyle(document.querySelector('.reader-body')).fontSize)").await?;
        Ok((px != before).then_some(px))
    })
    .await?;
    check(after.as_f64() > before.as_f64(), "the larger size applies without inline styles")?;
    let violations = js(c, "return window.__violations").await?;
    check(violations == json!([]), format!("policy violations: {violations}"))?;
    Ok(())
}
