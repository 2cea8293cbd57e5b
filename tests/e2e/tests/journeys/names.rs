//! Name journeys: the People, Places and Organisations facets filter the library and live in
//! the URL, `person:` narrows a search, and a name's page lists its articles, its quotes and
//! the names beside it, linking on to theirs; on the seed and on the real articles.

use fantoccini::{Client, Locator};
use lectern_e2e::*;

use crate::{check, open, SEED_TITLE};

/// The checkbox named `value (n)` in the facet group `group`.
async fn facet_box(c: &Client, group: &str, value: &str) -> Result<fantoccini::elements::Element> {
    let group = by_role(c, "group", Name::Is(group)).await?;
    for el in all_by_role_within(c, &group, "checkbox", Name::Any).await? {
        if name_of(c, &el).await?.starts_with(&format!("{value} (")) {
            return Ok(el);
        }
    }
    Err(format!("no {value:?} in the {group:?} facet").into())
}

async fn heading_is(c: &Client, text: &str) -> Result {
    wait_for(|| async {
        let h1 = c.find_all(Locator::Css("h1")).await?;
        Ok(match h1.first() {
            Some(h) if text_of(h).await? == text => Some(()),
            _ => None,
        })
    })
    .await
}

/// The name page open, to be looked at in several themes.
struct NamePage {
    name: &'static str,
    /// Words of a quote the page shows once its articles' bodies have arrived.
    said: &'static str,
    /// The view, as axe's findings name it, and the screenshots' name.
    view: &'static str,
    shot: &'static str,
}

impl NamePage {
    /// Reloads the page in each of `themes`, waits for its quotes, then runs axe (adding
    /// to `found`) and takes `shot-<theme>`.
    async fn in_themes(&self, c: &Client, axe: &str, themes: &[&str], found: &mut Vec<String>) -> Result {
        for theme in themes {
            crate::reload_with_prefs(c, &format!("theme={theme}")).await?;
            heading_is(c, self.name).await?;
            let quotes = by_role(c, "region", Name::Is("Quotes")).await?;
            wait_for(|| async { Ok(text_of(&quotes).await?.contains(self.said).then_some(())) }).await?;
            crate::audit::no_violations(c, axe, &format!("{theme} {}", self.view), found).await?;
            screenshot(c, &format!("{}-{theme}", self.shot)).await?;
        }
        Ok(())
    }
}

pub async fn name_facets_filter_and_lead_to_name_pages(c: &Client, base: &str) -> Result {
    open(c, base).await?;
    // The names the article is about: named twice, or in its opening paragraphs (the
    // Kremlin and the White House, named once further on, are not).
    for group in ["People", "Places"] {
        by_role(c, "group", Name::Is(group)).await?;
    }
    facet_box(c, "Places", "North Korea").await?;
    check(all_by_role(c, "group", Name::Is("Organisations")).await?.is_empty(), "no organisation is salient")?;
    let putin = facet_box(c, "People", "Vladimir Putin").await?;
    putin.click().await?;
    wait_for(|| async { Ok(c.current_url().await?.as_str().contains("person=Vladimir").then_some(())) }).await?;
    by_role(c, "link", Name::Is(SEED_TITLE)).await?;
    screenshot(c, "library-name-facets").await?;
    // The query language names the same facet.
    open(c, &format!("{base}#/?q=person%3Aputin")).await?;
    by_role(c, "link", Name::Is(SEED_TITLE)).await?;
    open(c, &format!("{base}#/?q=person%3Anobody")).await?;
    wait_for(|| async { Ok(c.find_all(Locator::Css(".result-link")).await?.is_empty().then_some(())) }).await?;

    // The name's page.
    open(c, &format!("{base}#/name/vladimir-putin")).await?;
    heading_is(c, "Vladimir Putin").await?;
    check(c.title().await? == "Vladimir Putin · Lectern", "the document title is the name")?;
    let articles = by_role(c, "region", Name::Is("Articles")).await?;
    let links = all_by_role_within(c, &articles, "link", Name::Any).await?;
    check(links.len() == 1 && name_of(c, &links[0]).await? == SEED_TITLE, "the seed article is listed")?;
    let quotes = by_role(c, "region", Name::Is("Quotes")).await?;
    let said = wait_for(|| async {
        let text = text_of(&quotes).await?;
        Ok(text.contains("the full defeat of the enemy").then_some(text))
    })
    .await?;
    check(!said.contains("A good meeting"), "Zelenskyy's words are not Putin's")?;
    let beside = by_role(c, "region", Name::Is("Often named with")).await?;
    let gerasimov = all_by_role_within(c, &beside, "link", Name::Is("Valery Gerasimov")).await?;
    check(gerasimov.len() == 1, "Gerasimov is named beside Putin")?;
    screenshot(c, "name-page").await?;
    // Accessible in every theme, on this width.
    let axe = crate::audit::axe_source()?;
    let mut found = Vec::new();
    let page = NamePage { name: "Vladimir Putin", said: "the full defeat", view: "name page", shot: "name-page" };
    page.in_themes(c, &axe, &["light", "sepia", "dark"], &mut found).await?;
    check(found.is_empty(), format!("axe violations:\n{}", found.join("\n")))?;
    js(c, "localStorage.removeItem('lectern.prefs'); return null").await?;
    c.refresh().await?;
    heading_is(c, "Vladimir Putin").await?;
    let beside = by_role(c, "region", Name::Is("Often named with")).await?;
    let gerasimov = all_by_role_within(c, &beside, "link", Name::Is("Valery Gerasimov")).await?;
    gerasimov[0].click().await?;
    heading_is(c, "Valery Gerasimov").await?;
    check(c.current_url().await?.fragment() == Some("/name/valery-gerasimov"), "his page has his address")?;
    // The library link filters by the name.
    by_role(c, "link", Name::Is("Show them in the library")).await?.click().await?;
    wait_for(|| async { Ok(c.current_url().await?.as_str().contains("person=Valery").then_some(())) }).await?;
    by_role(c, "link", Name::Is(SEED_TITLE)).await?;
    // A name no article is about.
    open(c, &format!("{base}#/name/nobody-at-all")).await?;
    heading_is(c, "Nothing here").await?;
    Ok(())
}

pub async fn a_name_shared_by_real_articles_lists_them_newest_first(c: &Client, base: &str) -> Result {
    open(c, &format!("{base}#/name/united-states")).await?;
    heading_is(c, "United States").await?;
    let articles = by_role(c, "region", Name::Is("Articles")).await?;
    let links = all_by_role_within(c, &articles, "link", Name::Any).await?;
    check(links.len() >= 5, format!("{} articles name the United States", links.len()))?;
    let dates: Vec<String> = {
        let mut out = Vec::new();
        for time in articles.find_all(Locator::Css("time")).await? {
            out.push(time.attr("datetime").await?.unwrap_or_default());
        }
        out
    };
    check(dates.windows(2).all(|w| w[0] >= w[1]), format!("newest first: {dates:?}"))?;
    check(all_by_role(c, "region", Name::Is("Quotes")).await?.is_empty(), "a place says nothing")?;
    screenshot(c, "name-page-real").await?;
    links[0].click().await?;
    wait_for(|| async { Ok(c.current_url().await?.fragment().is_some_and(|f| f.starts_with("/a/")).then_some(())) })
        .await?;
    // A search spelling several names offers the most written about first.
    open(c, &format!("{base}#/?q=united")).await?;
    let names = by_role(c, "navigation", Name::Is("Names")).await?;
    let offered = all_by_role_within(c, &names, "link", Name::Any).await?;
    check(offered.len() >= 2, format!("{} names hold “united”", offered.len()))?;
    check(name_of(c, &offered[0]).await? == "United States", "the United States first")?;
    screenshot(c, "library-names-found-real").await?;
    Ok(())
}

pub async fn a_name_page_on_a_phone(c: &Client, base: &str) -> Result {
    let axe = crate::audit::axe_source()?;
    let mut found = Vec::new();
    open(c, &format!("{base}#/name/volodymyr-zelenskyy")).await?;
    let page = NamePage {
        name: "Volodymyr Zelenskyy",
        said: "A good meeting",
        view: "phone name page",
        shot: "name-page-phone",
    };
    page.in_themes(c, &axe, &["light", "dark"], &mut found).await?;
    // The names a search spells, in the dark theme still.
    open(c, &format!("{base}#/?q=zelen")).await?;
    let names = by_role(c, "navigation", Name::Is("Names")).await?;
    check(
        all_by_role_within(c, &names, "link", Name::Is("Volodymyr Zelenskyy")).await?.len() == 1,
        "Zelenskyy offered",
    )?;
    crate::audit::no_violations(c, &axe, "dark phone library names", &mut found).await?;
    screenshot(c, "library-names-found-phone-dark").await?;
    check(found.is_empty(), format!("axe violations:\n{}", found.join("\n")))
}

pub async fn a_search_offers_the_pages_of_the_names_it_spells(c: &Client, base: &str) -> Result {
    open(c, base).await?;
    let input = by_role(c, "searchbox", Name::Contains("Search")).await?;
    input.send_keys("gerasim").await?;
    let names = by_role(c, "navigation", Name::Is("Names")).await?;
    let links = all_by_role_within(c, &names, "link", Name::Any).await?;
    check(links.len() == 1, format!("{} names spell “gerasim”", links.len()))?;
    check(name_of(c, &links[0]).await? == "Valery Gerasimov", "the name typed so far")?;
    let line = text_of(&names).await?;
    check(line.contains("Person · 1 article"), format!("what it is and how often: {line:?}"))?;
    by_role(c, "link", Name::Is(SEED_TITLE)).await?;
    screenshot(c, "library-names-found").await?;
    // A word no name holds takes the names away; the results stay.
    input.clear().await?;
    input.send_keys("defeat").await?;
    wait_for(|| async { Ok(all_by_role(c, "navigation", Name::Is("Names")).await?.is_empty().then_some(())) }).await?;
    by_role(c, "link", Name::Is(SEED_TITLE)).await?;
    // From the address too, and on to the name's page.
    open(c, &format!("{base}#/?q=putin")).await?;
    let names = by_role(c, "navigation", Name::Is("Names")).await?;
    let putin = all_by_role_within(c, &names, "link", Name::Is("Vladimir Putin")).await?;
    check(putin.len() == 1, "Putin is offered")?;
    putin[0].click().await?;
    heading_is(c, "Vladimir Putin").await?;
    check(c.current_url().await?.fragment() == Some("/name/vladimir-putin"), "his page")?;
    Ok(())
}
