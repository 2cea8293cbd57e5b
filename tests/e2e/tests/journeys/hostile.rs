//! Hostile input never runs: the site built from `tests/fixtures/hostile` (titles, bylines,
//! sources, tags, URLs and bodies carrying over two hundred XSS payloads) is visited in
//! every view (and the static pages the indexer writes, `read/`), with hostile searches,
//! hostile article queries and hostile hash routes, and no script from content or URL may
//! execute.
//!
//! How execution is detected. Every payload in the fixtures calls `window.__xss(id)` if it
//! ever runs. The canary (`CANARY` below) is installed with the Chrome DevTools Protocol's
//! `Page.addScriptToEvaluateOnNewDocument` (through chromedriver's `goog/cdp/execute`),
//! so Chromium runs it at the start of *every* document of the tab — the first load,
//! reloads, and any frame — before the page's own scripts and before the app renders a
//! single node. Installing hooks after `goto` and reloading would leave the first render
//! unwatched; serving an extra `<script>` from the test server would change the page under
//! test. The site is served with no Content-Security-Policy on purpose: a CSP would block
//! inline handlers and hide a rendering bug that this test exists to find.
//!
//! The canary defines `__xss`, replaces `alert`, `confirm`, `prompt` and `print`, wraps
//! every `console` method, and records uncaught script errors. Records go to
//! `sessionStorage` (so a payload that navigates or reloads the tab cannot erase them) and
//! frames forward theirs to the top window. A `MutationObserver` set up before the app
//! starts flags, at the moment they appear (even if later removed), any element with an
//! `on*` attribute or a `srcdoc`, any URL attribute whose scheme is `javascript:`,
//! `data:` or `vbscript:` (compared after removing whitespace and control characters and
//! lowercasing, as browsers do), and any `script`, `iframe`, `frame`, `object`, `embed`,
//! `applet`, `portal`, `base` or `meta http-equiv` that was not in the served `index.html`
//! (those are snapshotted when parsing ends, before any module script runs). After each
//! view settles, `AUDIT` repeats these checks over the whole DOM, requires every link to be
//! an app route (`#…`) or http, https or mailto, requires the page to still be the app's,
//! and returns every record. Each case starts with a self-test that injects a live payload
//! and requires the audit to catch it, so a broken canary cannot pass silently.
//!
//! Escaping, not dropping: the views must also *show* the payload text (`<script>…` as
//! visible characters in titles, metadata, facets and bodies), and keep the safe links.

use std::time::Duration;

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use lectern_e2e::*;
use serde_json::Value;

use crate::{check, open};

/// Articles in `tests/fixtures/hostile`.
const ARTICLES: usize = 7;

/// Runs first in every document (see the module doc).
const CANARY: &str = r#"(() => {
  if (window.__xssCanary) return;
  const KEY = '__lectern_xss_log';
  const memory = [];
  const show = v => { try { return typeof v === 'string' ? v : JSON.stringify(v); } catch (_) { return String(v); } };
  const record = (kind, detail) => {
    const entry = kind + ' ' + show(detail).slice(0, 200) + ' @ ' + String(location.href).slice(0, 200);
    memory.push(entry);
    try {
      const list = JSON.parse(sessionStorage.getItem(KEY) || '[]');
      list.push(entry);
      sessionStorage.setItem(KEY, JSON.stringify(list));
    } catch (_) {}
    try { if (window.top !== window) window.top.postMessage({ __xss: entry }, '*'); } catch (_) {}
  };
  const fixed = (name, value) => Object.defineProperty(window, name, { value, writable: false, configurable: false });
  fixed('__xssCanary', true);
  fixed('__xssMemory', memory);
  fixed('__xss', id => record('canary fired:', id));
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    fixed(name, (...args) => { record(name + '() called:', args); return name === 'confirm' ? false : null; });
  }
  for (const name of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table']) {
    const original = console[name] && console[name].bind(console);
    console[name] = (...args) => { record('console.' + name + ':', args.map(show).join(' ')); if (original) original(...args); };
  }
  addEventListener('message', e => { if (e.data && typeof e.data.__xss === 'string') record('from a frame:', e.data.__xss); });
  addEventListener('error', e => { if (e instanceof ErrorEvent) record('uncaught error:', e.message); });
  addEventListener('unhandledrejection', e => record('unhandled rejection:', show(e.reason && (e.reason.message || e.reason))));

  const BAD_SCHEME = /^(javascript|data|vbscript):/;
  const URL_ATTRS = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'codebase', 'background',
    'poster', 'dynsrc', 'lowsrc', 'srcset', 'ping', 'cite', 'longdesc', 'icon', 'manifest', 'to', 'from', 'values']);
  const FORBIDDEN = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'base']);
  // What browsers ignore in a URL's scheme: whitespace and controls, anywhere; then case.
  const clean = v => String(v).replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g, '').toLowerCase();
  const own = new WeakSet();
  const describe = el => '<' + el.localName + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '') + '>';
  const forbidden = el => FORBIDDEN.has(el.localName) || (el.localName === 'meta' && el.hasAttribute('http-equiv'));
  const inspect = el => {
    const found = [];
    for (const a of Array.from(el.attributes || [])) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on')) found.push(describe(el) + ' has the handler attribute ' + name + '=' + show(a.value).slice(0, 80));
      if (name === 'srcdoc') found.push(describe(el) + ' has srcdoc');
      if (URL_ATTRS.has(name) && BAD_SCHEME.test(clean(a.value))) found.push(describe(el) + ' has ' + name + '=' + show(a.value).slice(0, 80));
    }
    if (forbidden(el) && !own.has(el)) found.push('a ' + describe(el) + ' element that the app did not ship');
    return found;
  };
  fixed('__xssInspect', inspect);
  fixed('__xssLog', () => {
    let stored = [];
    try { stored = JSON.parse(sessionStorage.getItem(KEY) || '[]'); } catch (_) {}
    return Array.from(new Set(stored.concat(memory)));
  });
  fixed('__xssClear', () => { memory.length = 0; try { sessionStorage.removeItem(KEY); } catch (_) {} });
  document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'loading') for (const el of document.querySelectorAll('*')) if (forbidden(el)) own.add(el);
  });
  const visit = node => {
    if (node.nodeType !== 1) return;
    for (const problem of inspect(node)) record('unsafe DOM:', problem);
    for (const child of node.querySelectorAll('*')) for (const problem of inspect(child)) record('unsafe DOM:', problem);
  };
  new MutationObserver(mutations => {
    if (document.readyState === 'loading') return;
    for (const m of mutations) {
      if (m.type === 'attributes') visit(m.target);
      for (const node of m.addedNodes || []) visit(node);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
})();"#;

/// Inspects the whole document now; returns `{ canary, problems, log }`.
const AUDIT: &str = r#"
  if (!window.__xssCanary) return { canary: false, problems: [], log: [] };
  const problems = [];
  for (const el of document.querySelectorAll('*')) problems.push(...window.__xssInspect(el));
  // A fragment, http, https, mailto, or a relative path (no scheme before its first / ? #).
  const allowed = /^(#|https?:|mailto:|[^:\/?#]*([\/?#]|$))/;
  for (const a of document.querySelectorAll('a[href], area[href]')) {
    const href = a.getAttribute('href');
    if (!allowed.test(href.replace(/[\u0000-\u0020\u007f-\u00a0]/g, '').toLowerCase())) problems.push('a link to ' + JSON.stringify(href));
  }
  const site = arguments[0];
  if (!String(location.href).startsWith(site)) problems.push('the tab left the site for ' + location.href);
  return { canary: true, problems, log: window.__xssLog() };
"#;

/// Installs the canary for every document this session loads from now on.
async fn arm(c: &Client) -> Result {
    add_init_script(c, CANARY).await
}

/// Fails with everything the canary and the DOM audit found, naming the view.
async fn audit(c: &Client, base: &str, view: &str) -> Result {
    // Let load errors and timers of anything injected fire.
    tokio::time::sleep(Duration::from_millis(150)).await;
    let report = c.execute(AUDIT, vec![Value::String(base.to_string())]).await?;
    check(report["canary"] == Value::Bool(true), format!("{view}: the canary is not installed"))?;
    let mut found: Vec<String> = Vec::new();
    for key in ["log", "problems"] {
        for item in report[key].as_array().into_iter().flatten() {
            let item = item.as_str().unwrap_or_default();
            found.push(item.to_string());
        }
    }
    check(found.is_empty(), format!("{view}: {} finding(s):\n  {}", found.len(), found.join("\n  ")))?;
    Ok(())
}

/// Proves the detector works in this session: a live payload injected by the test must be
/// caught by the canary, the handler check, the scheme check and the element check.
async fn self_test(c: &Client, base: &str) -> Result {
    js(
        c,
        r#"const d = document.createElement('div');
           d.id = 'xss-self-test';
           d.innerHTML = '<img src="x-missing" onerror="__xss(\'self-test\')"><a href=" JaVa\tScRiPt:void(0)">x</a><iframe></iframe>';
           document.body.append(d);
           alert('self-test');"#,
    )
    .await?;
    let caught = audit(c, base, "self-test").await;
    let text = match &caught {
        Ok(()) => String::new(),
        Err(e) => e.to_string(),
    };
    for needle in [
        "canary fired: self-test",
        "alert() called",
        "has the handler attribute onerror",
        "a link to",
        "<iframe> element",
    ] {
        check(text.contains(needle), format!("the detector missed {needle:?} in its self-test; it reported: {text}"))?;
    }
    js(c, "document.getElementById('xss-self-test').remove(); window.__xssClear();").await?;
    audit(c, base, "after the self-test").await
}

/// Waits until the app has rendered a view: `main` holds a heading or the result list.
async fn settled(c: &Client, view: &str) -> Result {
    let rendered = wait_for(|| async {
        let n =
            js(c, "return document.querySelectorAll('main h1, main ul[aria-label=Articles], main .no-results').length")
                .await?;
        Ok((n.as_u64().unwrap_or(0) > 0).then_some(()))
    })
    .await;
    let title = c.title().await.unwrap_or_default();
    rendered.map_err(|_| format!("{view}: the app rendered no view (title {title:?}); it may have crashed").into())
}

/// The visible text of the page.
async fn page_text(c: &Client) -> Result<String> {
    Ok(js(c, "return document.body.innerText").await?.as_str().unwrap_or_default().to_string())
}

async fn shows(c: &Client, view: &str, texts: &[&str]) -> Result {
    let text = page_text(c).await?;
    for t in texts {
        check(text.contains(t), format!("{view}: the text {t:?} is not shown (escaped, not dropped)"))?;
    }
    Ok(())
}

async fn status(c: &Client) -> Result<String> {
    text_of(&by_role(c, "status", Name::Any).await?).await
}

/// Slugs of every article the library lists.
async fn listed_slugs(c: &Client) -> Result<Vec<String>> {
    let mut slugs = Vec::new();
    for link in c.find_all(Locator::Css("ul[aria-label=Articles] > li a[href^='#/a/']")).await? {
        let href = link.attr("href").await?.unwrap_or_default();
        let slug = href.trim_start_matches("#/a/").split('?').next().unwrap_or("").to_string();
        if !slugs.contains(&slug) {
            slugs.push(slug);
        }
    }
    Ok(slugs)
}

/// The indexer's static pages of the hostile corpus (`read/`): each article's, and the list.
pub async fn hostile_static_pages_run_no_script(c: &Client, base: &str) -> Result {
    arm(c).await?;
    open(c, &format!("{base}read/index.html")).await?;
    self_test(c, base).await?;
    let mut pages = Vec::new();
    for link in c.find_all(Locator::Css("ul[aria-label=Articles] a.result-link")).await? {
        pages.push(link.attr("href").await?.unwrap_or_default());
    }
    check(pages.len() == ARTICLES, format!("the list links {} articles, expected {ARTICLES}", pages.len()))?;
    audit(c, base, "the static list").await?;
    for page in &pages {
        open(c, &format!("{base}read/{page}")).await?;
        check(c.find_all(Locator::Css("h1")).await?.len() == 1, format!("{page}: exactly one h1"))?;
        audit(c, base, &format!("static page {page}")).await?;
    }
    let raw = pages.iter().find(|p| p.starts_with("raw-html")).ok_or("no raw-html page")?;
    open(c, &format!("{base}read/{raw}")).await?;
    let h1 = text_of(&c.find(Locator::Css("h1")).await?).await?;
    check(h1 == "Raw HTML blocks and inline HTML <script>__xss(101)</script>", format!("the h1 reads {h1:?}"))?;
    shows(c, "raw HTML static page", &["<img src=x onerror=__xss(102)>", "<script>__xss(110)</script>"]).await?;
    screenshot(c, "static-hostile-article").await?;
    Ok(())
}

pub async fn hostile_corpus_runs_no_script_in_library_or_articles(c: &Client, base: &str) -> Result {
    arm(c).await?;
    open(c, base).await?;
    settled(c, "library").await?;
    self_test(c, base).await?;
    wait_for(|| async { Ok((status(c).await? == format!("{ARTICLES} articles")).then_some(())) }).await?;
    show_all_results(c).await?;
    audit(c, base, "library").await?;
    // Titles, metadata and tags are shown as the characters they are.
    shows(
        c,
        "library",
        &[
            "Raw HTML blocks and inline HTML <script>__xss(101)</script>",
            "<svg/onload=__xss(301)> SVG, frames, objects and embeds",
            "<img src=x onerror=__xss(601)> a title taken from a heading",
            "<script>__xss(105)</script>",
        ],
    )
    .await?;
    let slugs = listed_slugs(c).await?;
    check(slugs.len() == ARTICLES, format!("the library links {} articles, expected {ARTICLES}", slugs.len()))?;
    screenshot(c, "hostile-library").await?;

    for slug in &slugs {
        let view = format!("article {slug}");
        open(c, &format!("{base}#/a/{slug}")).await?;
        settled(c, &view).await?;
        check(c.find_all(Locator::Css("h1")).await?.len() == 1, format!("{view}: exactly one h1"))?;
        audit(c, base, &view).await?;
        // And from a cold start at the article's address.
        c.refresh().await?;
        settled(c, &view).await?;
        audit(c, base, &format!("{view} (reloaded)")).await?;
    }

    // Escaping, not dropping: payloads are visible text in the bodies and metadata.
    let raw = slugs.iter().find(|s| s.starts_with("raw-html")).ok_or("no raw-html article")?;
    open(c, &format!("{base}#/a/{raw}")).await?;
    settled(c, "raw HTML article").await?;
    let h1 = text_of(&c.find(Locator::Css("h1")).await?).await?;
    check(h1 == "Raw HTML blocks and inline HTML <script>__xss(101)</script>", format!("the h1 reads {h1:?}"))?;
    shows(
        c,
        "raw HTML article",
        &[
            "<img src=x onerror=__xss(102)>",
            "<svg onload=__xss(103)>",
            "<script>__xss(110)</script>",
            "<img src=x onerror=__xss(120)>",
            "<!-- <script>__xss(162)</script> -->",
            "<![CDATA[<script>__xss(164)</script>]]>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:__xss(150)\">",
        ],
    )
    .await?;
    screenshot(c, "hostile-article").await?;

    let links = slugs.iter().find(|s| s.starts_with("links")).ok_or("no links article")?;
    open(c, &format!("{base}#/a/{links}")).await?;
    settled(c, "links article").await?;
    shows(
        c,
        "links article",
        &["plain javascript", "entity encoded", "data base64", "first ref", "javascript:__xss(250)"],
    )
    .await?;
    // Safe links survive, hostile ones are text: the body links are exactly the safe ones.
    let hrefs = js(c, "return [...document.querySelectorAll('main article a[href], main .reader-body a[href]')].map(a => a.getAttribute('href'))").await?;
    let hrefs: Vec<&str> = hrefs.as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    for want in [
        "https://example.com/safe-239",
        "mailto:reader@example.com?subject=__xss(240)",
        "https://example.com/auto-254",
        "mailto:reader@example.com",
    ] {
        check(hrefs.contains(&want), format!("links article: the safe link {want} is missing; links are {hrefs:?}"))?;
    }
    let names = js(c, "return [...document.querySelectorAll('main a[href]')].map(a => a.textContent)").await?;
    for text in [
        "plain javascript",
        "mixed case",
        "entity encoded",
        "data html",
        "vbscript",
        "first ref",
        "collapsed",
        "shortcut",
        "emph",
    ] {
        check(
            !names.as_array().into_iter().flatten().any(|n| n.as_str() == Some(text)),
            format!("links article: {text:?} is still a link"),
        )?;
    }

    let encodings = slugs.iter().find(|s| s.starts_with("encodings")).ok_or("no encodings article")?;
    open(c, &format!("{base}#/a/{encodings}")).await?;
    settled(c, "encodings article").await?;
    // Markdown decodes an entity once: `&amp;lt;` shows as `&lt;`, never as `<`.
    shows(
        c,
        "encodings article",
        &["<script>__xss(410)</script>", "&lt;script&gt;__xss(413)&lt;/script&gt;", "<img src=x onerror=__xss(402)>"],
    )
    .await?;

    let plain = slugs.iter().find(|s| s.contains("plain-text")).ok_or("no plain-text article")?;
    open(c, &format!("{base}#/a/{plain}")).await?;
    settled(c, "plain-text article").await?;
    shows(
        c,
        "plain-text article",
        &["'';!--\"<XSS>=&{()} __xss(516)", "</p></section></main><script>__xss(518)</script>"],
    )
    .await?;
    audit(c, base, "after the text checks").await
}

/// Search texts typed into the search box, each itself a payload.
const SEARCHES: &[&str] = &[
    "<script>__xss(901)</script>",
    "<img src=x onerror=__xss(902)>",
    "javascript:__xss(903)",
    "\"><svg onload=__xss(904)>",
    "'-__xss(905)-'",
    "title:\"<iframe srcdoc=<script>parent.__xss(906)</script>>\"",
    "-xss <details open ontoggle=__xss(907)>",
    "source:<svg tag:<img %E0%A4%A %ZZ \\u003cscript",
    "xss",
];

pub async fn hostile_searches_run_no_script(c: &Client, base: &str) -> Result {
    arm(c).await?;
    open(c, base).await?;
    settled(c, "library").await?;
    self_test(c, base).await?;
    for text in SEARCHES {
        let view = format!("search {text:?}");
        let input = by_role(c, "searchbox", Name::Contains("Search")).await?;
        input.send_keys(&Key::Escape.to_string()).await?;
        wait_for(|| async { Ok((status(c).await? == format!("{ARTICLES} articles")).then_some(())) }).await?;
        input.send_keys(text).await?;
        // The query reaches the URL once the view has caught up with the typing.
        let reached = wait_for(|| async {
            let value = input.prop("value").await?.unwrap_or_default();
            let url = c.current_url().await?;
            Ok((value == *text && url.as_str().contains("q=")).then_some(()))
        })
        .await;
        if reached.is_err() {
            let value = input.prop("value").await?.unwrap_or_default();
            let url = c.current_url().await?;
            return Err(
                format!("{view}: the search did not reach the URL: the box holds {value:?}, the URL is {url}").into()
            );
        }
        settled(c, &view).await?;
        audit(c, base, &view).await?;
        // The query travels on into the reading view, where its matches are marked.
        let first = c.find_all(Locator::Css("ul[aria-label=Articles] > li a[href^='#/a/']")).await?;
        if let Some(link) = first.into_iter().next() {
            link.click().await?;
            settled(c, &format!("{view}, first result")).await?;
            audit(c, base, &format!("{view}, first result")).await?;
            c.back().await?;
            settled(c, &view).await?;
        }
        // A reload of the search's own address.
        c.refresh().await?;
        settled(c, &format!("{view} (reloaded)")).await?;
        audit(c, base, &format!("{view} (reloaded)")).await?;
        let value = by_role(c, "searchbox", Name::Contains("Search")).await?.prop("value").await?.unwrap_or_default();
        check(value == *text, format!("{view}: after a reload the search box holds {value:?}"))?;
    }
    // Matches of a hostile query are marked inside the payload text, which stays text.
    let input = by_role(c, "searchbox", Name::Contains("Search")).await?;
    input.send_keys(&Key::Escape.to_string()).await?;
    input.send_keys("onerror").await?;
    wait_for(|| async {
        Ok((!c.find_all(Locator::Css("ul[aria-label=Articles] mark")).await?.is_empty()).then_some(()))
    })
    .await?;
    audit(c, base, "search for onerror").await
}

/// Addresses whose hash carries payloads: article queries and whole routes.
fn hostile_addresses(slug: &str) -> Vec<String> {
    let mut out: Vec<String> = [
        "?q=<script>__xss(911)</script>",
        "?q=%3Cimg%20src%3Dx%20onerror%3D__xss(912)%3E",
        "?q=%253Csvg%2520onload%253D__xss(913)%253E",
        "?q=%E0%A4%A",
        "?q=%",
        "?q=%ZZ%",
        "?q=javascript:__xss(914)&q=data:text/html,__xss(915)",
        "?q=\"><iframe srcdoc=\"<script>parent.__xss(916)</script>\">",
        "?q=%22%3E%3Cscript%3E__xss(917)%3C%2Fscript%3E&match=%3Cimg",
    ]
    .iter()
    .map(|q| format!("#/a/{slug}{q}"))
    .collect();
    out.extend(
        [
            "#/<img src=x onerror=__xss(920)>",
            "#/%3Cimg%20src%3Dx%20onerror%3D__xss(921)%3E",
            "#/a/<script>__xss(922)</script>",
            "#/a/%3Cscript%3E__xss(923)%3C%2Fscript%3E",
            "#/a/%E0%A4%A",
            "#/%E0%A4%A",
            "#/a/%",
            "#/a/%ZZ",
            "#javascript:__xss(924)",
            "#/a/javascript:__xss(925)",
            "#/a/data:text/html,<script>__xss(926)</script>",
            "#/?q=<svg onload=__xss(927)>&source=<img src=x onerror=__xss(928)>&tag=<script>__xss(929)</script>",
            "#/?q=%E0%A4%A&sort=<script>__xss(930)</script>&lang=%ZZ&year=<svg>&from=%E0&to=javascript:x",
            "#/?byline=%3Cimg%20src%3Dx%20onerror%3D__xss(931)%3E&tag=%3Cscript%3E__xss(105)%3C%2Fscript%3E",
            "#/a/\u{202e}<svg onload=__xss(932)>",
            "#/a/%F0%9F%92%A9%CC%81%D8%A7?q=%F0%9F%92",
            "#%3Cscript%3E__xss(933)%3C/script%3E",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    out
}

pub async fn hostile_routes_run_no_script(c: &Client, base: &str) -> Result {
    arm(c).await?;
    open(c, base).await?;
    settled(c, "library").await?;
    self_test(c, base).await?;
    let slug = listed_slugs(c).await?.into_iter().find(|s| s.starts_with("raw-html")).ok_or("no raw-html article")?;
    let title = "Raw HTML blocks and inline HTML <script>__xss(101)</script>";
    // Every address is tried; the failures are reported together.
    let mut failures = Vec::new();
    for hash in hostile_addresses(&slug) {
        let outcome = async {
            let view = format!("address {hash:?}");
            // Within the running app (a hash change), then as a fresh load of that address.
            open(c, &format!("{base}{hash}")).await?;
            settled(c, &view).await?;
            audit(c, base, &view).await?;
            // The app still routes afterwards.
            open(c, &format!("{base}#/a/{slug}")).await?;
            by_role(c, "heading", Name::Is(title))
                .await
                .map_err(|e| format!("{view}: afterwards an article does not open: {e}"))?;
            open(c, &format!("{base}{hash}")).await?;
            c.refresh().await?;
            settled(c, &format!("{view} (cold)")).await?;
            audit(c, base, &format!("{view} (cold)")).await
        }
        .await;
        if let Err(e) = outcome {
            failures.push(e.to_string());
            js(c, "window.__xssClear && window.__xssClear()").await?;
        }
        // Back to a known view, so the next address is a real change.
        open(c, base).await?;
        c.refresh().await?;
        settled(c, "library").await?;
    }
    check(failures.is_empty(), failures.join("\n"))?;
    // An article query that is a payload is shown as text where the reading view shows it.
    open(c, &format!("{base}#/a/{slug}?q=%3Cscript%3E__xss(110)%3C%2Fscript%3E")).await?;
    settled(c, "article with a payload query").await?;
    // The marks come once the index shards of the query's words have arrived.
    let marked = wait_for(|| async {
        let marks = js(c, "return [...document.querySelectorAll('main mark')].map(m => m.textContent)").await?;
        Ok(marks.as_array().is_some_and(|m| !m.is_empty()).then_some(()))
    })
    .await;
    check(marked.is_ok(), "the payload query's terms are marked in the article (as text)")?;
    audit(c, base, "article with a payload query").await
}
