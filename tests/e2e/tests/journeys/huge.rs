//! A huge article (30,000 paragraphs, about 3 MB, 15 headings) stays usable: it opens,
//! renders only what is near the window, finds a rare word anywhere in it and steps to
//! each match, jumps to its last heading, fills in as the reader scrolls to the end.
//! Timings are printed beside the same steps on a short article of the same site (the
//! baseline); nothing here fails on a slow machine.

use std::path::PathBuf;
use std::time::Instant;

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use lectern_e2e::*;
use serde_json::json;

use crate::{check, open};

/// Paragraphs in the huge article; `LECTERN_E2E_HUGE_PARAGRAPHS` asks for more (95,000
/// make about 10 MB) when measuring by hand.
fn paragraphs() -> usize {
    std::env::var("LECTERN_E2E_HUGE_PARAGRAPHS")
        .ok()
        .and_then(|n| n.parse().ok())
        .filter(|n| *n >= 30_000)
        .unwrap_or(30_000)
}
const HEADING_EVERY: usize = 2_000;
/// The rare word, in three paragraphs: near the start, the middle and the end.
const RARE: &str = "zephyr";
const RARE_AT: [usize; 3] = [5, 15_000, 29_990];
const HUGE_TITLE: &str = "The very long ledger";
const SHORT_TITLE: &str = "A short note";

/// Writes the corpus under `target/e2e-fixtures/huge` and returns its folder.
pub fn write_fixture() -> Result<PathBuf> {
    let dir = project_root().join("target/e2e-fixtures/huge");
    std::fs::create_dir_all(&dir)?;
    let mut body = format!("---\ntitle: \"{HUGE_TITLE}\"\nlang: \"en\"\n---\n");
    for i in 0..paragraphs() {
        if i % HEADING_EVERY == 0 {
            body.push_str(&format!("## Part {}\n\n", i / HEADING_EVERY + 1));
        }
        let word = if RARE_AT.contains(&i) { RARE } else { "ledger" };
        body.push_str(&format!(
            "Entry {i} of the {word}: the harbour master counted ships, cargo and weather at the turn of the tide.\n\n"
        ));
    }
    std::fs::write(dir.join("ledger.md"), body)?;
    let short = format!(
        "---\ntitle: \"{SHORT_TITLE}\"\nlang: \"en\"\n---\nThe {RARE} blew over the harbour. The ships stayed in.\n"
    );
    std::fs::write(dir.join("note.md"), short)?;
    Ok(dir)
}

/// Opens an article from the library and returns how long until its heading showed.
async fn open_article(c: &Client, base: &str, title: &str) -> Result<u128> {
    open(c, base).await?;
    let link = by_role(c, "link", Name::Is(title)).await?;
    let started = Instant::now();
    link.click().await?;
    by_role(c, "heading", Name::Is(title)).await?;
    Ok(started.elapsed().as_millis())
}

/// Puts `word` in the find box as one input event; returns the milliseconds until the
/// counter showed `expect`, and the longest task that blocked the page meanwhile
/// (measured in the page, so WebDriver's round trips don't count).
async fn find(c: &Client, word: &str, expect: &str) -> Result<(f64, f64)> {
    let script = format!(
        "let longest = 0;
         const observer = new PerformanceObserver(list => list.getEntries().forEach(e => longest = Math.max(longest, e.duration)));
         observer.observe({{ type: 'longtask' }});
         const input = document.querySelector('.find-input'); const t0 = performance.now();
         input.value = {word:?}; input.dispatchEvent(new InputEvent('input', {{ bubbles: true }}));
         const blocked = performance.now() - t0;
         return new Promise(done => {{ const tick = () => {{
             const c = document.querySelector('.match-count');
             const finish = ms => setTimeout(() => {{ observer.disconnect(); done([ms, Math.max(longest, blocked)]); }}, 100);
             if (c && c.textContent === {expect:?}) finish(performance.now() - t0); else if (performance.now() - t0 > 20000) finish(-1); else requestAnimationFrame(tick);
         }}; tick(); }});"
    );
    let v = js(c, &script).await?;
    let (ms, longest) = (v[0].as_f64().unwrap_or(-1.0), v[1].as_f64().unwrap_or(-1.0));
    check(ms >= 0.0, format!("the counter never said {expect:?} for {word:?}"))?;
    Ok((ms, longest))
}

/// The Long Tasks API reports tasks of 50 ms or more.
fn long_task(ms: f64) -> String {
    if ms < 50.0 {
        "none over 50 ms".into()
    } else {
        format!("{ms:.0} ms")
    }
}

async fn in_view(c: &Client, selector: &str) -> Result<bool> {
    let script = format!("const e = document.querySelector({selector:?}); if (!e) return false; const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight");
    Ok(js(c, &script).await? == json!(true))
}

pub async fn a_huge_article_opens_finds_and_scrolls(c: &Client, base: &str) -> Result {
    let paragraphs = paragraphs();
    // The baseline: the same steps on the short article.
    let short_open = open_article(c, base, SHORT_TITLE).await?;
    let (short_find, short_longest) = find(c, RARE, "1 match").await?;

    let huge_open = open_article(c, base, HUGE_TITLE).await?;
    let rendered =
        js(c, "return document.querySelectorAll('.reader-body [data-block]').length").await?.as_u64().unwrap_or(0);
    check(
        rendered > 0 && rendered < 2_000,
        format!("{rendered} of {} text blocks rendered at first", paragraphs + paragraphs / HEADING_EVERY),
    )?;
    // What is not rendered yet still takes its room: the scrollbar tells the truth.
    let height = js(c, "return document.documentElement.scrollHeight").await?.as_f64().unwrap_or(0.0);
    let per_paragraph = js(c, "const p = document.querySelectorAll('.reader-body p'); return (p[p.length - 1].getBoundingClientRect().bottom - p[0].getBoundingClientRect().top) / (p.length - 1)").await?.as_f64().unwrap_or(0.0);
    let estimate = height / (paragraphs as f64 * per_paragraph);
    check(
        (0.7..1.4).contains(&estimate),
        format!("page height {height:.0} px is {estimate:.2} of {paragraphs} paragraphs at {per_paragraph:.0} px"),
    )?;
    let (huge_find, huge_longest) = find(c, RARE, "3 matches").await?;
    // Each match, even far below what is rendered, is brought in and shown.
    let input = by_role(c, "searchbox", Name::Is("Find in article")).await?;
    let counter = c.find(Locator::Css(".match-count")).await?;
    for n in 1..=3 {
        input.send_keys(&Key::Enter.to_string()).await?;
        wait_for(|| async { Ok((text_of(&counter).await? == format!("{n} of 3")).then_some(())) }).await?;
        let current = format!("mark[data-match=\"{}\"]", n - 1);
        if let Err(e) = wait_for(|| async { Ok(in_view(c, &current).await?.then_some(())) }).await {
            let state = js(c, &format!("const m = document.querySelector('{}'); return [document.querySelector('.match-count').textContent, !!m, m ? m.getBoundingClientRect().top : null, scrollY, document.documentElement.scrollHeight, document.querySelectorAll('.reader-body [data-block]').length]", current.replace('\'', "\\'"))).await?;
            screenshot(c, "huge-debug").await?;
            return Err(format!("match {n} not in view: {state} ({e})").into());
        }
        let text = js(
            c,
            &format!(
                "return document.querySelector('{}').closest('[data-block]').textContent",
                current.replace('\'', "\\'")
            ),
        )
        .await?;
        let expected = format!("Entry {} of the {RARE}", RARE_AT[n - 1]);
        check(
            text.as_str().unwrap_or("").starts_with(&expected),
            format!("match {n} is in {text}, expected {expected:?}"),
        )?;
    }
    screenshot(c, "huge-article-last-match").await?;
    // The rail places every match, rendered or not: the last one near the bottom.
    let rail =
        js(c, "return [...document.querySelectorAll('.match-rail rect')].map(r => +r.getAttribute('y'))").await?;
    let rows: Vec<f64> = serde_json::from_value(rail)?;
    // The rail has 120 rows; the last match sits at its share of the text.
    let expected = 120.0 * RARE_AT[2] as f64 / paragraphs as f64;
    check(
        rows.len() == 3 && rows[2] > rows[1] && rows[1] > rows[0] && (rows[2] - expected).abs() <= 3.0,
        format!("rail rows {rows:?}, the last near {expected:.0}"),
    )?;
    // A common word: every paragraph matches.
    let started = Instant::now();
    input.clear().await?;
    input.send_keys("harbour").await?;
    let counter = c.find(Locator::Css(".match-count")).await?;
    wait_for(|| async { Ok((text_of(&counter).await? == format!("{paragraphs} matches")).then_some(())) }).await?;
    let huge_find_common = started.elapsed().as_millis();
    input.send_keys(&Key::Escape.to_string()).await?;
    // The last heading, from the contents at the top.
    js(c, "window.scrollTo(0, 0); return null").await?;
    c.find(Locator::Css(".toc summary")).await?.click().await?;
    let last_part = format!("Part {}", paragraphs / HEADING_EVERY);
    by_role(c, "button", Name::Is(&last_part)).await?.click().await?;
    let script = format!(
        "const h = [...document.querySelectorAll('.reader-body [id^=section-]')].find(h => h.textContent === {last_part:?}); \
         if (!h) return false; const r = h.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight"
    );
    if let Err(e) = wait_for(|| async { Ok((js(c, &script).await? == json!(true)).then_some(())) }).await {
        let state = js(c, &format!("const h = [...document.querySelectorAll('.reader-body [id^=section-]')].find(h => h.textContent === {last_part:?}); return [!!h, h ? h.id : null, h ? h.getBoundingClientRect().top : null, scrollY, document.querySelectorAll('.reader-body [id^=section-]').length, document.activeElement.textContent]")).await?;
        return Err(format!("heading not in view: {state} ({e})").into());
    }
    // Scrolling to the end fills in the end.
    js(c, "window.scrollTo(0, document.documentElement.scrollHeight); return null").await?;
    let last = format!("Entry {} of the ledger", paragraphs - 1);
    let script = format!("return [...document.querySelectorAll('.reader-body [data-block]')].some(b => b.textContent.startsWith({last:?}))");
    wait_for(|| async {
        js(c, "window.scrollTo(0, document.documentElement.scrollHeight); return null").await?;
        Ok((js(c, &script).await? == json!(true)).then_some(()))
    })
    .await?;
    eprintln!(
        "huge article ({paragraphs} paragraphs) vs short article: open {huge_open} ms vs {short_open} ms; \
         find a rare word {huge_find:.0} ms vs {short_find:.0} ms (the long article waits {pause} ms for typing to pause), \
         longest task meanwhile {} vs {}; \
         typing a word found in every paragraph {huge_find_common} ms",
        long_task(huge_longest),
        long_task(short_longest),
        pause = 250
    );
    Ok(())
}
