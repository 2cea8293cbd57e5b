//! User journeys against the built site in headless Chromium. Builds the site for the
//! seed corpus and, where `../shared/corpora/real` exists, for the 45 real articles
//! (those journeys are skipped, not failed, without it). Prints `N passed, N failed`.

use std::time::Instant;

use fantoccini::{Client, Locator};
use lectern_e2e::*;

const SEED_TITLE: &str = "Russia acknowledged for the first time that North Korean troops were on the…";

macro_rules! case {
    ($site:expr, $w:expr, $h:expr, $f:ident) => {
        Case { name: stringify!($f), site: $site, width: $w, height: $h, run: |c, b| Box::pin($f(c, b)) }
    };
}

#[derive(Clone, Copy, PartialEq)]
enum Site {
    Seed,
    Real,
}

struct Case {
    name: &'static str,
    site: Site,
    width: u32,
    height: u32,
    run: TestFn,
}

fn cases() -> Vec<Case> {
    vec![
        case!(Site::Seed, 1280, 900, library_lists_the_seed_article),
        case!(Site::Seed, 1280, 900, reading_view_shows_the_whole_article),
        case!(Site::Seed, 1280, 900, reloading_an_article_url_shows_the_same_article),
        case!(Site::Seed, 1280, 900, unknown_slug_shows_not_found),
        case!(Site::Seed, 390, 844, phone_views),
        case!(Site::Real, 1280, 900, real_library_lists_every_article_and_each_opens),
    ]
}

fn main() {
    let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
    let code = runtime.block_on(run());
    std::process::exit(code);
}

async fn run() -> i32 {
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let cases: Vec<Case> = cases().into_iter().filter(|c| filter.as_deref().is_none_or(|f| c.name.contains(f))).collect();
    let needs_real = cases.iter().any(|c| c.site == Site::Real);
    let setup = async {
        let seed = build_site("seed", None)?;
        let seed_url = serve(seed, Headers::default()).await?;
        let real_url = match real_corpus() {
            Some(dir) if needs_real => Some(serve(build_site("real", Some(&dir))?, Headers::default()).await?),
            _ => None,
        };
        let driver = Driver::start().await?;
        Result::<_>::Ok((seed_url, real_url, driver))
    };
    let (seed_url, real_url, driver) = match setup.await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("e2e setup failed: {e}");
            println!("0 passed, 1 failed");
            return 1;
        }
    };
    let (mut passed, mut failed, mut skipped) = (0, 0, 0);
    for case in &cases {
        let base = match case.site {
            Site::Seed => seed_url.clone(),
            Site::Real => match &real_url {
                Some(url) => url.clone(),
                None => {
                    println!("test {} ... skipped (../shared/corpora/real is absent)", case.name);
                    skipped += 1;
                    continue;
                }
            },
        };
        let started = Instant::now();
        let outcome = match driver.session(case.width, case.height).await {
            Ok(client) => {
                let result = (case.run)(&client, &base).await;
                let _ = client.close().await;
                result
            }
            Err(e) => Err(e),
        };
        match outcome {
            Ok(()) => {
                passed += 1;
                println!("test {} ... ok ({:.1}s)", case.name, started.elapsed().as_secs_f64());
            }
            Err(e) => {
                failed += 1;
                println!("test {} ... FAILED: {e}", case.name);
            }
        }
    }
    println!("{passed} passed, {failed} failed, {skipped} skipped");
    i32::from(failed > 0)
}

fn check(cond: bool, what: impl Into<String>) -> Result {
    if cond { Ok(()) } else { Err(what.into().into()) }
}

async fn open(client: &Client, url: &str) -> Result {
    client.goto(url).await?;
    Ok(())
}

async fn library_lists_the_seed_article(c: &Client, base: &str) -> Result {
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

async fn reading_view_shows_the_whole_article(c: &Client, base: &str) -> Result {
    open(c, base).await?;
    by_role(c, "link", Name::Is(SEED_TITLE)).await?.click().await?;
    let h1 = wait_for(|| async { Ok(c.find_all(Locator::Css("h1")).await?.into_iter().next()) }).await?;
    check(c.find_all(Locator::Css("h1")).await?.len() == 1, "exactly one h1")?;
    check(text_of(&h1).await? == SEED_TITLE, format!("h1 is {:?}", text_of(&h1).await?))?;
    by_role(c, "heading", Name::Is(SEED_TITLE)).await?;
    let url = c.current_url().await?;
    check(url.fragment() == Some("/a/russia-acknowledged-for-the-first-time-that-north-korean-troops-were-on-the"), format!("url is {url}"))?;
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

async fn reloading_an_article_url_shows_the_same_article(c: &Client, base: &str) -> Result {
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

async fn unknown_slug_shows_not_found(c: &Client, base: &str) -> Result {
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

async fn phone_views(c: &Client, base: &str) -> Result {
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

async fn real_library_lists_every_article_and_each_opens(c: &Client, base: &str) -> Result {
    let dir = real_corpus().ok_or("real corpus vanished")?;
    let expected = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok())
        .filter(|e| matches!(e.path().extension().and_then(|x| x.to_str()), Some("md" | "txt")))
        .count();
    open(c, base).await?;
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
        let h1s = wait_for(|| async {
            let h1s = c.find_all(Locator::Css("h1")).await?;
            Ok((!h1s.is_empty()).then_some(h1s))
        })
        .await?;
        check(h1s.len() == 1, format!("{href}: {} h1 elements", h1s.len()))?;
        let shown = name_of(c, &h1s[0]).await?;
        check(shown == title, format!("{href}: h1 {shown:?} but link {title:?}"))?;
        let paragraphs = c.find_all(Locator::Css(".reader-body > *")).await?;
        check(!paragraphs.is_empty(), format!("{href}: empty body"))?;
    }
    Ok(())
}
