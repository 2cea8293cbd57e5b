//! The foundation journeys: the library lists the corpus, each article opens in the
//! reading view with its whole text, addresses survive reloads, unknown ones say so.

use fantoccini::{Client, Locator};
use lectern_e2e::*;

use crate::{check, open, SEED_TITLE};

pub async fn library_lists_the_seed_article(c: &Client, base: &str) -> Result {
    open(c, base).await?;
    let link = by_role(c, "link", Name::Is(SEED_TITLE)).await?;
    let status = by_role(c, "status", Name::Any).await?;
    check(text_of(&status).await? == "1 article", format!("status says {:?}", text_of(&status).await?))?;
    let href = link.attr("href").await?.unwrap_or_default();
    check(href.starts_with("#/a/"), format!("article link is {href}"))?;
    check(c.title().await? == "Library · Lectern", "document title follows the view")?;
    screenshot(c, "library-desktop").await?;
    Ok(())
}

pub async fn reading_view_shows_the_whole_article(c: &Client, base: &str) -> Result {
    open(c, base).await?;
    by_role(c, "link", Name::Is(SEED_TITLE)).await?.click().await?;
    let h1 = wait_for(|| async { Ok(c.find_all(Locator::Css("h1")).await?.into_iter().next()) }).await?;
    check(c.find_all(Locator::Css("h1")).await?.len() == 1, "exactly one h1")?;
    check(text_of(&h1).await? == SEED_TITLE, format!("h1 is {:?}", text_of(&h1).await?))?;
    by_role(c, "heading", Name::Is(SEED_TITLE)).await?;
    let url = c.current_url().await?;
    check(
        url.fragment() == Some("/a/russia-acknowledged-for-the-first-time-that-north-korean-troops-were-on-the"),
        format!("url is {url}"),
    )?;
    let body = c.find(Locator::Css(".reader-body")).await?;
    let paragraphs = all_by_role_within(c, &body, "paragraph", Name::Any).await?;
    check(paragraphs.len() == 13, format!("{} paragraphs, expected 13", paragraphs.len()))?;
    let first = text_of(&paragraphs[0]).await?;
    check(first.starts_with("Russia acknowledged for the first time"), "first paragraph in order")?;
    let last = text_of(&paragraphs[12]).await?;
    check(last.starts_with("“A good meeting,” Zelenskyy said"), format!("last paragraph is {last:?}"))?;
    let breaks = all_by_role_within(c, &body, "separator", Name::Any).await?;
    check(breaks.len() == 1, format!("{} section breaks, expected 1", breaks.len()))?;
    check(c.title().await?.starts_with("Russia acknowledged"), "document title is the article's")?;
    screenshot(c, "article-desktop").await?;
    by_role(c, "link", Name::Contains("Library")).await?;
    Ok(())
}

pub async fn reloading_an_article_url_shows_the_same_article(c: &Client, base: &str) -> Result {
    open(c, base).await?;
    by_role(c, "link", Name::Is(SEED_TITLE)).await?.click().await?;
    by_role(c, "heading", Name::Is(SEED_TITLE)).await?;
    let url = c.current_url().await?;
    c.refresh().await?;
    by_role(c, "heading", Name::Is(SEED_TITLE)).await?;
    check(c.current_url().await? == url, "reload keeps the url")?;
    // And a fresh visit straight to the address (a shared link).
    open(c, url.as_str()).await?;
    by_role(c, "heading", Name::Is(SEED_TITLE)).await?;
    c.back().await?;
    Ok(())
}

pub async fn unknown_slug_shows_not_found(c: &Client, base: &str) -> Result {
    open(c, &format!("{base}#/a/no-such-article")).await?;
    by_role(c, "heading", Name::Is("Nothing here")).await?;
    check(c.title().await? == "Not found · Lectern", "document title says not found")?;
    screenshot(c, "not-found").await?;
    by_role(c, "link", Name::Is("Back to the library")).await?.click().await?;
    by_role(c, "link", Name::Is(SEED_TITLE)).await?;
    open(c, &format!("{base}#/no/such/route")).await?;
    by_role(c, "heading", Name::Is("Nothing here")).await?;
    Ok(())
}

pub async fn phone_views(c: &Client, base: &str) -> Result {
    open(c, base).await?;
    by_role(c, "link", Name::Is(SEED_TITLE)).await?;
    screenshot(c, "library-phone").await?;
    let width: i64 = js(c, "return document.documentElement.scrollWidth").await?.as_i64().unwrap_or(0);
    check(width <= 390, format!("library overflows horizontally: {width}px"))?;
    by_role(c, "link", Name::Is(SEED_TITLE)).await?.click().await?;
    by_role(c, "heading", Name::Is(SEED_TITLE)).await?;
    screenshot(c, "article-phone").await?;
    let width: i64 = js(c, "return document.documentElement.scrollWidth").await?.as_i64().unwrap_or(0);
    check(width <= 390, format!("article overflows horizontally: {width}px"))?;
    Ok(())
}

pub async fn real_library_lists_every_article_and_each_opens(c: &Client, base: &str) -> Result {
    let dir = real_corpus();
    let expected = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok())
        .filter(|e| matches!(e.path().extension().and_then(|x| x.to_str()), Some("md" | "txt")))
        .count();
    open(c, base).await?;
    by_role(c, "button", Name::Is("Show more (20 of 45 shown)")).await?;
    check(c.find_all(Locator::Css("ul[aria-label=Articles] > li")).await?.len() == 20, "one page of 20 at first")?;
    show_all_results(c).await?;
    let list = by_role(c, "list", Name::Is("Articles")).await?;
    let links = all_by_role_within(c, &list, "link", Name::Any).await?;
    check(links.len() == expected, format!("{} links listed, expected {expected}", links.len()))?;
    let status = text_of(&by_role(c, "status", Name::Any).await?).await?;
    check(status == format!("{expected} articles"), format!("status says {status:?}"))?;
    screenshot(c, "library-real").await?;
    let mut targets = Vec::new();
    for link in &links {
        targets.push((name_of(c, link).await?, link.attr("href").await?.unwrap_or_default()));
    }
    for (title, href) in targets {
        check(!title.trim().is_empty(), format!("link to {href} has no name"))?;
        open(c, &format!("{base}{href}")).await?;
        // Only the hash changes: the previous article's h1 may still be there a moment.
        let shown = wait_for(|| async {
            let h1s = c.find_all(Locator::Css("h1")).await?;
            let name = match h1s.first() {
                Some(h1) if h1s.len() == 1 => name_of(c, h1).await?,
                _ => return Ok(None),
            };
            Ok((name == title).then_some(name))
        })
        .await;
        let now = c.find_all(Locator::Css("h1")).await?;
        check(now.len() == 1, format!("{href}: {} h1 elements", now.len()))?;
        let shown = match shown {
            Ok(name) => name,
            Err(_) => name_of(c, &now[0]).await?,
        };
        check(shown == title, format!("{href}: h1 {shown:?} but link {title:?}"))?;
        let paragraphs = c.find_all(Locator::Css(".reader-body > *")).await?;
        check(!paragraphs.is_empty(), format!("{href}: empty body"))?;
    }
    Ok(())
}

/// The corpus is a file beside the app: when it cannot be fetched the page says so, with a
/// way to try again that works once the file is back.
pub async fn a_corpus_that_cannot_load_is_said_and_retried(c: &Client, base: &str) -> Result {
    cdp(c, "Network.enable", serde_json::json!({})).await?;
    cdp(c, "Network.setBlockedURLs", serde_json::json!({ "urls": ["*corpus-*.bin"] })).await?;
    open(c, base).await?;
    let alert = by_role(c, "alert", Name::Any).await?;
    let said = text_of(&alert).await?;
    check(
        said.contains("The library could not be opened") && said.contains("try again"),
        format!("the alert says {said:?}"),
    )?;
    screenshot(c, "corpus-failed").await?;
    cdp(c, "Network.setBlockedURLs", serde_json::json!({ "urls": [] })).await?;
    by_role(c, "button", Name::Is("Try again")).await?.click().await?;
    by_role(c, "link", Name::Is(SEED_TITLE)).await?;
    check(c.find_all(Locator::Css(".load-failed")).await?.is_empty(), "the alert is gone")?;
    Ok(())
}
