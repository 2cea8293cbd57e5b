//! Articles as people have them: the site built from `tests/fixtures/import/mixed` (a
//! saved page with its sidecar, an RSS and an Atom feed, a JSON Feed, a Wallabag export,
//! an Omnivore zip, JSON Lines, Markdown and plain text, and two Pocket exports that hold
//! only links) lists every article, each opens, and the highlights that came with the
//! Wallabag export are the reader's highlights, with their notes.

use fantoccini::{Client, Locator};
use lectern_e2e::*;

use crate::{check, open};

/// Articles the mixed folder gives (the indexer's own test counts them too).
const ARTICLES: usize = 16;
const OCEAN: &str = "The ocean is absorbing more heat than ever";

pub async fn every_kind_of_input_opens_and_brings_its_highlights(c: &Client, base: &str) -> Result {
    open(c, base).await?;
    let want = format!("{ARTICLES} articles");
    wait_for(|| async {
        let count = js(c, "return document.querySelector('.result-count')?.textContent ?? ''").await?;
        Ok((count == want.as_str()).then_some(()))
    })
    .await?;
    show_all_results(c).await?;
    let list = by_role(c, "list", Name::Is("Articles")).await?;
    let mut targets = Vec::new();
    for link in all_by_role_within(c, &list, "link", Name::Any).await? {
        targets.push((name_of(c, &link).await?, link.attr("href").await?.unwrap_or_default()));
    }
    check(targets.len() == ARTICLES, format!("{} articles listed", targets.len()))?;
    screenshot(c, "import-library").await?;
    for (title, href) in &targets {
        open(c, &format!("{base}{href}")).await?;
        let heading = by_role(c, "heading", Name::Is(title)).await?;
        check(heading.tag_name().await? == "h1", format!("{title}: the title is the page's heading"))?;
        let body = wait_for(|| async {
            let text = c.find(Locator::Css(".reader-body")).await?.text().await?;
            Ok((!text.trim().is_empty()).then_some(text))
        })
        .await?;
        check(body.split_whitespace().count() >= 5, format!("{title}: a body of text"))?;
    }
    // The Wallabag annotations: marked in the text, listed with their note.
    let (_, ocean) = targets.iter().find(|(t, _)| t == OCEAN).ok_or("the Wallabag article")?;
    open(c, &format!("{base}{ocean}")).await?;
    by_role(c, "heading", Name::Is(OCEAN)).await?;
    by_role(c, "button", Name::Is("Your highlights (2)")).await?.click().await?;
    let panel = by_role(c, "group", Name::Is("Your highlights")).await?;
    let said = text_of(&panel).await?;
    check(
        said.contains("absorbed a record amount of heat") && said.contains("Compare with the 2019 figure"),
        format!("the panel lists the imported quote and its note: {said:?}"),
    )?;
    let marked = c.find_all(Locator::Css(".reader-body mark.highlight")).await?;
    check(!marked.is_empty(), "the imported quotes are marked in the article")?;
    screenshot(c, "import-highlights").await?;
    // Removed, it stays removed after a reload.
    let remove = all_by_role_within(c, &panel, "button", Name::Contains("Remove highlight: bleaches")).await?;
    remove.first().ok_or("a remove button for the second quote")?.click().await?;
    c.refresh().await?;
    by_role(c, "heading", Name::Is(OCEAN)).await?;
    by_role(c, "button", Name::Is("Your highlights (1)")).await?;
    Ok(())
}
