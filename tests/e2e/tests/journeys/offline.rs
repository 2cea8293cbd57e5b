//! Offline after one visit, and updates that announce themselves: the reading fixtures'
//! site is visited once and saved for offline reading; with the server answering nothing,
//! a reload still shows the library, a search finds an article and the article opens.
//! Then a changed build is deployed: the page offers the new version, and a reload with
//! it shows the new article.

use std::path::PathBuf;

use fantoccini::{Client, Locator};
use lectern_e2e::*;

use crate::{check, open};

const FIELD_GUIDE: &str = "A field guide to autumn migration";
const NEW_ARTICLE: &str = "Swifts sleep on the wing";

/// The reading fixtures plus one new article: the next deployment.
fn changed_corpus() -> Result<PathBuf> {
    let dir = project_root().join("target/e2e/fixtures/reading-v2");
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    std::fs::create_dir_all(&dir)?;
    for entry in std::fs::read_dir(project_root().join("tests/fixtures/reading"))? {
        let path = entry?.path();
        std::fs::copy(&path, dir.join(path.file_name().ok_or("a file name")?))?;
    }
    std::fs::write(
        dir.join("swifts.md"),
        format!("---\ntitle: \"{NEW_ARTICLE}\"\npublished: \"2024-11-01\"\n---\nCommon swifts stay aloft for months, sleeping in short glides high above the ground.\n"),
    )?;
    Ok(dir)
}

async fn status_says(c: &Client, what: &str) -> Result<String> {
    wait_for(|| async {
        for status in all_by_role(c, "status", Name::Any).await? {
            let text = text_of(&status).await?;
            if text.contains(what) {
                return Ok(Some(text));
            }
        }
        Ok(None)
    })
    .await
}

pub async fn works_offline_after_saving_and_offers_an_update(c: &Client, base: &str) -> Result {
    // The reading site this run built, served by a server the journey can switch off.
    let v1 = project_root().join("target/e2e/reading");
    check(v1.join("sw.js").is_file(), "the build wrote sw.js")?;
    let (base_here, server) = serve_switchable(v1, Headers::default()).await?;
    check(base_here != base, "a server of its own")?;
    open(c, &base_here).await?;
    by_role(c, "link", Name::Is(FIELD_GUIDE)).await?;
    wait_for(|| async { Ok((js(c, "return !!navigator.serviceWorker.controller").await? == true).then_some(())) })
        .await?;
    by_role(c, "button", Name::Is("Save for offline")).await?.click().await?;
    let said = status_says(c, "Saved for offline").await?;
    check(said.contains(" B)") || said.contains("KB)"), format!("the size is said: {said:?}"))?;
    screenshot(c, "offline-saved").await?;

    // No network: the library, a search and an article still work.
    server.set_up(false);
    c.refresh().await?;
    by_role(c, "link", Name::Is(FIELD_GUIDE)).await?;
    by_role(c, "searchbox", Name::Contains("Search")).await?.send_keys("wetlands").await?;
    let hit = by_role(c, "link", Name::Contains("service stations")).await?;
    hit.click().await?;
    by_role(c, "heading", Name::Contains("service stations")).await?;
    check(!c.find_all(Locator::Css(".reader mark")).await?.is_empty(), "the search's words are marked offline")?;
    // Saved status survives the reload.
    status_says(c, "Saved for offline").await?;

    // A new deployment: offered, not applied until the reader reloads.
    let v2 = build_site("reading-v2", Some(&changed_corpus()?))?;
    server.deploy(v2);
    server.set_up(true);
    open(c, &base_here).await?;
    let offer = wait_for(|| async {
        for alert in all_by_role(c, "alert", Name::Any).await? {
            if text_of(&alert).await?.contains("new version") {
                return Ok(Some(alert));
            }
        }
        Ok(None)
    })
    .await?;
    check(all_by_role(c, "link", Name::Is(NEW_ARTICLE)).await?.is_empty(), "the old version stays until the reload")?;
    screenshot(c, "update-offered").await?;
    let reload = all_by_role_within(c, &offer, "button", Name::Is("Reload")).await?;
    reload.first().ok_or("a Reload button in the offer")?.click().await?;
    by_role(c, "link", Name::Is(NEW_ARTICLE)).await?;
    by_role(c, "link", Name::Is(FIELD_GUIDE)).await?;
    check(all_by_role(c, "alert", Name::Any).await?.is_empty(), "no offer after the update")?;
    // This build is not saved yet: offered again.
    by_role(c, "button", Name::Is("Save for offline")).await?;
    Ok(())
}
