//! Reading tools: the match rail, the reader's own highlights (made from a selection,
//! kept across reloads, found again by their quote, listed, exported as Markdown,
//! removed), and read-aloud — with no voices, and with a scripted speech engine that
//! lets the test say when each sentence ends.

use fantoccini::{Client, Locator};
use lectern_e2e::*;
use serde_json::json;

use crate::{check, match_counter, open, open_from_library, SEED_TITLE};

const GUIDE: &str = "A field guide to autumn migration";

pub async fn the_rail_shows_matches_and_a_tick_leads_to_its_match(c: &Client, base: &str) -> Result {
    open_from_library(c, base, GUIDE).await?;
    by_role(c, "searchbox", Name::Is("Find in article")).await?.send_keys("migrat").await?;
    let counter = match_counter(c).await?;
    wait_for(|| async { Ok((text_of(&counter).await? == "6 matches").then_some(())) }).await?;
    let ticks = wait_for(|| async {
        let ticks = c.find_all(Locator::Css(".match-rail rect")).await?;
        Ok((!ticks.is_empty()).then_some(ticks))
    })
    .await?;
    check(ticks.len() <= 6, format!("{} ticks for 6 matches", ticks.len()))?;
    // Ticks run top to bottom in match order.
    let mut numbers = Vec::new();
    for t in &ticks {
        numbers
            .push(t.attr("data-match").await?.and_then(|n| n.parse::<usize>().ok()).ok_or("a tick without its match")?);
    }
    check(numbers.windows(2).all(|w| w[0] < w[1]), format!("ticks in order: {numbers:?}"))?;
    let last = *numbers.last().ok_or("no tick")?;
    ticks.last().ok_or("no tick")?.click().await?;
    wait_for(|| async { Ok((text_of(&counter).await? == format!("{} of 6", last + 1)).then_some(())) }).await?;
    let shown = wait_for(|| async {
        let r = js(c, &format!("const r = document.querySelector('mark[data-match=\"{last}\"]').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight")).await?;
        Ok((r == json!(true)).then_some(true))
    })
    .await?;
    check(shown, "the tick's match is scrolled into view")?;
    check(
        js(
            c,
            &format!("return document.querySelector('mark[data-match=\"{last}\"]').classList.contains('is-current')"),
        )
        .await?
            == json!(true),
        "the tick's match is the current one",
    )?;
    screenshot(c, "article-match-rail").await?;
    Ok(())
}

/// Selects `text` inside the body's text block containing it, the way a reader's drag would.
pub async fn select(c: &Client, text: &str) -> Result {
    let script = format!(
        r#"const want = {text:?};
        const block = [...document.querySelectorAll('.reader-body [data-block]')].find(b => b.textContent.includes(want));
        if (!block) return false;
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        const nodes = []; let n; while ((n = walker.nextNode())) nodes.push(n);
        const at = block.textContent.indexOf(want);
        const place = (offset) => {{ for (const node of nodes) {{ if (offset <= node.data.length) return [node, offset]; offset -= node.data.length; }} }};
        const r = document.createRange();
        r.setStart(...place(at)); r.setEnd(...place(at + want.length));
        const s = getSelection(); s.removeAllRanges(); s.addRange(r);
        return true;"#
    );
    check(js(c, &script).await? == json!(true), format!("{text:?} is in the article"))
}

pub async fn own_marks(c: &Client) -> Result<Vec<String>> {
    let v = js(c, "const out = {}; document.querySelectorAll('.reader-body mark.highlight').forEach(m => { const n = m.dataset.highlight; out[n] = (out[n] || '') + m.textContent; }); return Object.values(out)").await?;
    Ok(serde_json::from_value(v)?)
}

pub async fn a_highlight_is_kept_listed_exported_and_removed(c: &Client, base: &str) -> Result {
    // Catch the exported file as the page hands it to the browser.
    add_init_script(c, "(() => { const create = URL.createObjectURL; URL.createObjectURL = function (blob) { window.__exported = blob; return create.call(URL, blob); }; })();").await?;
    open_from_library(c, base, GUIDE).await?;
    // Select, then the selection bar's button.
    select(c, "read the sun, the stars").await?;
    let bar = by_role(c, "toolbar", Name::Is("Selection")).await?;
    all_by_role_within(c, &bar, "button", Name::Contains("Highlight"))
        .await?
        .into_iter()
        .next()
        .ok_or("a Highlight button")?
        .click()
        .await?;
    wait_for(|| async { Ok((own_marks(c).await? == ["read the sun, the stars"]).then_some(())) }).await?;
    // Across inline styling (an <em>), and with the h key.
    select(c, "every count helps").await?;
    by_role(c, "toolbar", Name::Is("Selection")).await?;
    c.find(Locator::Css("body")).await?.send_keys("h").await?;
    wait_for(|| async {
        let marks = own_marks(c).await?;
        Ok((marks == ["read the sun, the stars", "every count helps"]).then_some(()))
    })
    .await?;
    screenshot(c, "article-own-highlights").await?;
    // Kept across a reload, and listed.
    c.refresh().await?;
    by_role(c, "heading", Name::Is(GUIDE)).await?;
    wait_for(|| async { Ok((own_marks(c).await?.len() == 2).then_some(())) }).await?;
    by_role(c, "button", Name::Is("Your highlights (2)")).await?.click().await?;
    let panel = by_role(c, "group", Name::Is("Your highlights")).await?;
    let text = text_of(&panel).await?;
    check(
        text.contains("read the sun, the stars") && text.contains("every count helps"),
        format!("the list shows both: {text}"),
    )?;
    screenshot(c, "article-highlights-panel").await?;
    // Exported as Markdown: the title, a link back, the quotes.
    all_by_role_within(c, &panel, "button", Name::Contains("Export all highlights"))
        .await?
        .into_iter()
        .next()
        .ok_or("an export button")?
        .click()
        .await?;
    let markdown = wait_for(|| async {
        Ok(js(c, "return window.__exported ? window.__exported.text() : null").await?.as_str().map(String::from))
    })
    .await?;
    check(markdown.starts_with("# Highlights\n"), format!("export: {markdown}"))?;
    check(markdown.contains(&format!("## {GUIDE}")), "the export names the article")?;
    check(markdown.contains("/lectern/#/a/"), "the export links back to the article")?;
    check(markdown.contains("[Original article](https://example.org/field-guide)"), "the export links the original")?;
    check(
        markdown.contains("> read the sun, the stars\n") && markdown.contains("> every count helps\n"),
        "the export quotes both",
    )?;
    // Removed from the list: gone from the text, and after a reload.
    all_by_role_within(c, &panel, "button", Name::Contains("Remove highlight: every count"))
        .await?
        .into_iter()
        .next()
        .ok_or("a remove button")?
        .click()
        .await?;
    wait_for(|| async { Ok((own_marks(c).await? == ["read the sun, the stars"]).then_some(())) }).await?;
    c.refresh().await?;
    by_role(c, "heading", Name::Is(GUIDE)).await?;
    wait_for(|| async { Ok((own_marks(c).await? == ["read the sun, the stars"]).then_some(())) }).await?;
    Ok(())
}

pub async fn a_highlight_is_found_again_by_its_quote(c: &Client, base: &str) -> Result {
    open_from_library(c, base, GUIDE).await?;
    let slug = js(c, "return location.hash.split('/a/')[1].split('?')[0]").await?;
    let slug = slug.as_str().ok_or("a slug")?.to_string();
    // Stored against an older version of the article: offsets that no longer fit, and a
    // highlight whose words are gone.
    let stored = format!(
        "lectern-highlights 1\na\t{slug}\t{GUIDE}\nh\t0\t3\t0\t19\tEstuaries and headlands\nh\t1\t0\t1\t9\ta paragraph since deleted"
    );
    js(c, &format!("localStorage.setItem('lectern.highlights', {}); return null", serde_json::to_string(&stored)?))
        .await?;
    c.refresh().await?;
    by_role(c, "heading", Name::Is(GUIDE)).await?;
    wait_for(|| async { Ok((own_marks(c).await? == ["Estuaries and headlands"]).then_some(())) }).await?;
    by_role(c, "button", Name::Is("Your highlights (2)")).await?.click().await?;
    let panel = by_role(c, "group", Name::Is("Your highlights")).await?;
    check(
        text_of(&panel).await?.contains("no longer in this article"),
        "the lost highlight is listed as such, not dropped",
    )?;
    // Damaged storage is set aside before anything overwrites it.
    js(c, "localStorage.setItem('lectern.highlights', '{\"v\":1,\"articles\":{\"x\":'); return null").await?;
    c.refresh().await?;
    by_role(c, "heading", Name::Is(GUIDE)).await?;
    let kept_aside = "return Object.keys(localStorage).filter(k => k.startsWith('lectern.highlights.unreadable.')).map(k => localStorage.getItem(k))";
    let kept = js(c, kept_aside).await?;
    check(kept == json!(["{\"v\":1,\"articles\":{\"x\":"]), format!("the unreadable value is kept aside: {kept}"))?;
    // Highlighting again starts a fresh store; what was kept aside stays.
    select(c, "Go early").await?;
    c.find(Locator::Css("body")).await?.send_keys("h").await?;
    wait_for(|| async { Ok((own_marks(c).await? == ["Go early"]).then_some(())) }).await?;
    check(js(c, kept_aside).await? == kept, "the kept value is untouched")?;
    Ok(())
}

pub async fn read_aloud_says_when_there_are_no_voices(c: &Client, base: &str) -> Result {
    add_init_script(c, "if (window.speechSynthesis) speechSynthesis.getVoices = () => [];").await?;
    open(c, base).await?;
    by_role(c, "link", Name::Is(SEED_TITLE)).await?.click().await?;
    by_role(c, "heading", Name::Is(SEED_TITLE)).await?;
    let group = by_role(c, "group", Name::Is("Read aloud")).await?;
    check(text_of(&group).await?.contains("No voices"), "the control says why it cannot read")?;
    let described = js(c, "const id = document.querySelector('.read-aloud [aria-describedby]').getAttribute('aria-describedby'); return document.getElementById(id).textContent").await?;
    check(
        described.as_str().unwrap_or("").contains("no speech voices installed"),
        format!("the button is described: {described}"),
    )?;
    let button = all_by_role_within(c, &group, "button", Name::Is("Read aloud"))
        .await?
        .into_iter()
        .next()
        .ok_or("a Read aloud button")?;
    check(!button.is_enabled().await?, "the button is disabled")?;
    Ok(())
}

/// A speech engine the test drives: it records what it is asked to say, and a sentence
/// ends when the test calls `__endSentence()`.
const FAKE_SPEECH: &str = r#"(() => {
  const engine = new EventTarget();
  let current = null;
  window.__spoken = [];
  window.__paused = false;
  engine.getVoices = () => [{ lang: 'en-GB', name: 'Test voice' }];
  engine.speak = (u) => { current = u; window.__spoken.push({ text: u.text, lang: u.lang, rate: u.rate }); };
  window.__cancelled = 0;
  engine.cancel = () => { const u = current; current = null; if (u) { window.__cancelled += 1; u.dispatchEvent(Object.assign(new Event('error'), { error: 'interrupted' })); } };
  engine.pause = () => { window.__paused = true; };
  engine.resume = () => { window.__paused = false; };
  window.__endSentence = () => { const u = current; current = null; if (u) u.dispatchEvent(new Event('end')); return !!u; };
  Object.defineProperty(window, 'speechSynthesis', { value: engine, configurable: true });
})();"#;

async fn speaking(c: &Client) -> Result<String> {
    Ok(js(c, "return [...document.querySelectorAll('.speaking')].map(s => s.textContent).join('')")
        .await?
        .as_str()
        .unwrap_or("")
        .to_string())
}

async fn last_spoken(c: &Client) -> Result<serde_json::Value> {
    js(c, "return window.__spoken[window.__spoken.length - 1] || null").await
}

pub async fn read_aloud_reads_sentence_by_sentence(c: &Client, base: &str) -> Result {
    add_init_script(c, FAKE_SPEECH).await?;
    open(c, base).await?;
    by_role(c, "link", Name::Is(SEED_TITLE)).await?.click().await?;
    by_role(c, "heading", Name::Is(SEED_TITLE)).await?;
    by_role(c, "button", Name::Is("Read aloud")).await?.click().await?;
    // The title first, in the article's language, marked while it is read.
    wait_for(|| async { Ok((speaking(c).await? == SEED_TITLE).then_some(())) }).await?;
    let first = last_spoken(c).await?;
    check(
        first["text"] == json!(SEED_TITLE) && first["lang"] == json!("en") && first["rate"] == json!(1),
        format!("first utterance {first}"),
    )?;
    // Each end of a sentence moves on to the next one, in the body.
    for _ in 0..2 {
        let before = speaking(c).await?;
        check(js(c, "return window.__endSentence()").await? == json!(true), "a sentence was being read")?;
        wait_for(|| async {
            let now = speaking(c).await?;
            Ok((now != before && !now.is_empty()).then_some(()))
        })
        .await?;
        let said = last_spoken(c).await?;
        check(said["text"] == json!(speaking(c).await?), format!("the marked sentence is the one read: {said}"))?;
    }
    check(
        js(c, "return !!document.querySelector('.reader-body .speaking')").await? == json!(true),
        "the sentence read is marked in the body",
    )?;
    screenshot(c, "article-read-aloud").await?;
    // Pause and resume.
    by_role(c, "button", Name::Is("Pause reading")).await?.click().await?;
    by_role(c, "button", Name::Is("Resume reading")).await?;
    check(js(c, "return window.__paused").await? == json!(true), "the engine is paused")?;
    by_role(c, "button", Name::Is("Resume reading")).await?.click().await?;
    by_role(c, "button", Name::Is("Pause reading")).await?;
    check(js(c, "return window.__paused").await? == json!(false), "the engine resumed")?;
    // A new speed restarts the sentence at that rate, and is remembered.
    let sentence = speaking(c).await?;
    c.find(Locator::Css("select.rate-select")).await?.select_by_value("1.5").await?;
    wait_for(|| async { Ok((last_spoken(c).await?["rate"] == json!(1.5)).then_some(())) }).await?;
    check(last_spoken(c).await?["text"] == json!(sentence), "the same sentence starts again")?;
    check(js(c, "return localStorage.getItem('lectern.speech-rate')").await? == json!("1.5"), "the rate is stored")?;
    // Stop: nothing marked, ready to start again.
    by_role(c, "button", Name::Is("Stop reading")).await?.click().await?;
    by_role(c, "button", Name::Is("Read aloud")).await?;
    check(speaking(c).await?.is_empty(), "nothing is marked after stop")?;
    // The engine reported the cancelled sentences at once, inside `cancel()`: no crash.
    check(js(c, "return window.__cancelled").await? == json!(2), "both interruptions were reported")?;
    check(js(c, "return !document.querySelector('main.crash')").await? == json!(true), "the app did not crash")?;
    Ok(())
}

/// Every reading tool at once in the dark theme, at this window's width: a search's
/// marks and rail, a highlight, the sentence read aloud, the highlights panel and the
/// selection bar — all inside the window. Screenshots for looking at.
async fn tools_in_the_dark(c: &Client, base: &str, width: &str) -> Result {
    add_init_script(c, FAKE_SPEECH).await?;
    add_init_script(
        c,
        "localStorage.setItem('lectern.prefs', 'v1;size=3;family=serif;width=medium;leading=normal;theme=dark');",
    )
    .await?;
    open_from_library(c, base, GUIDE).await?;
    by_role(c, "searchbox", Name::Is("Find in article")).await?.send_keys("migrat").await?;
    wait_for(|| async { Ok((!c.find_all(Locator::Css(".match-rail rect")).await?.is_empty()).then_some(())) }).await?;
    select(c, "Food runs short").await?;
    c.find(Locator::Css("body")).await?.send_keys("h").await?;
    wait_for(|| async { Ok((own_marks(c).await? == ["Food runs short"]).then_some(())) }).await?;
    by_role(c, "button", Name::Is("Read aloud")).await?.click().await?;
    wait_for(|| async { Ok((speaking(c).await? == GUIDE).then_some(())) }).await?;
    js(c, "window.__endSentence(); window.__endSentence(); return null").await?;
    wait_for(|| async { Ok(speaking(c).await?.starts_with("This guide").then_some(())) }).await?;
    screenshot(c, &format!("reading-tools-dark-{width}")).await?;
    // The panel and the selection bar fit the window.
    by_role(c, "button", Name::Is("Your highlights (1)")).await?.click().await?;
    let fits = "const r = document.querySelector(arguments[0]).getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth";
    let panel = c.execute(fits, vec![json!(".highlights-panel")]).await?;
    check(panel == json!(true), format!("the highlights panel fits a {width} window"))?;
    screenshot(c, &format!("reading-tools-dark-panel-{width}")).await?;
    select(c, "Birds read the sun").await?;
    by_role(c, "toolbar", Name::Is("Selection")).await?;
    let bar = c.execute(fits, vec![json!(".selection-bar")]).await?;
    check(bar == json!(true), format!("the selection bar fits a {width} window"))?;
    screenshot(c, &format!("reading-tools-dark-selection-{width}")).await?;
    Ok(())
}

pub async fn reading_tools_in_the_dark_on_a_desktop(c: &Client, base: &str) -> Result {
    tools_in_the_dark(c, base, "desktop").await
}

pub async fn reading_tools_in_the_dark_on_a_phone(c: &Client, base: &str) -> Result {
    tools_in_the_dark(c, base, "phone").await
}
