//! End-to-end harness: builds the site with Trunk, serves it under a sub-path on an
//! ephemeral loopback port, starts Debian's chromedriver, and finds elements the way a
//! person does: by ARIA role and accessible name (WebDriver's computed role and label).

use std::future::Future;
use std::net::TcpListener as StdListener;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use http::Method;
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

pub type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// The sub-path every test site is served under, as on a project page of a static host.
pub const PUBLIC_PATH: &str = "/lectern/";

/// The project root (two levels above this crate).
pub fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("project root")
}

/// `trunk build --release` of the app for the corpus in `seeds` (the default corpus when
/// `None`), into `target/e2e/<name>`, for serving under [`PUBLIC_PATH`].
pub fn build_site(name: &str, seeds: Option<&Path>) -> Result<PathBuf> {
    let root = project_root();
    let dist = root.join("target/e2e").join(name);
    let started = Instant::now();
    let mut cmd = Command::new("trunk");
    cmd.current_dir(&root)
        .args(["build", "--release", "--public-url", PUBLIC_PATH, "--dist"])
        .arg(&dist)
        .stdin(Stdio::null());
    match seeds {
        Some(seeds) => cmd.env("LECTERN_SEEDS", seeds),
        None => cmd.env_remove("LECTERN_SEEDS"),
    };
    let out = cmd.output().map_err(|e| format!("cannot run trunk (run scripts/setup.sh): {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "trunk build for {name} failed:\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    eprintln!("built site `{name}` in {:.1}s", started.elapsed().as_secs_f64());
    Ok(dist)
}

/// The policy README recommends: no inline script, no eval, nothing from elsewhere.
pub const STRICT_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/// Extra response headers for every file the test server sends.
#[derive(Clone, Default)]
pub struct Headers(pub Vec<(String, String)>);

/// Serves `dist` at `http://127.0.0.1:<port>/lectern/` until the process ends.
/// Returns the site's base URL.
pub async fn serve(dist: PathBuf, headers: Headers) -> Result<String> {
    Ok(serve_switchable(dist, headers).await?.0)
}

/// A test server's switches: which folder it serves (a new deployment), and whether it
/// answers at all (off: every connection is dropped unanswered, as with no network).
#[derive(Clone)]
pub struct Server {
    root: Arc<Mutex<PathBuf>>,
    up: Arc<AtomicBool>,
}

impl Server {
    /// Serves `dist` from now on.
    pub fn deploy(&self, dist: PathBuf) {
        *self.root.lock().expect("server root") = dist;
    }

    /// Answers requests (`true`) or drops them unanswered (`false`).
    pub fn set_up(&self, up: bool) {
        self.up.store(up, Ordering::SeqCst);
    }
}

/// [`serve`], with the switches of the server.
pub async fn serve_switchable(dist: PathBuf, headers: Headers) -> Result<(String, Server)> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let port = listener.local_addr()?.port();
    let server = Server { root: Arc::new(Mutex::new(dist)), up: Arc::new(AtomicBool::new(true)) };
    let switches = server.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut stream, _)) = listener.accept().await else { continue };
            if !switches.up.load(Ordering::SeqCst) {
                drop(stream);
                continue;
            }
            let dist = switches.root.lock().expect("server root").clone();
            let headers = headers.clone();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 16 * 1024];
                let mut len = 0;
                while !buf[..len].windows(4).any(|w| w == b"\r\n\r\n") && len < buf.len() {
                    match stream.read(&mut buf[len..]).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => len += n,
                    }
                }
                let request = String::from_utf8_lossy(&buf[..len]).to_string();
                let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
                let (status, mime, body) = respond(&dist, &path);
                let mut head = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nConnection: close\r\nCache-Control: no-store\r\n",
                    body.len()
                );
                for (k, v) in &headers.0 {
                    head.push_str(&format!("{k}: {v}\r\n"));
                }
                head.push_str("\r\n");
                let _ = stream.write_all(head.as_bytes()).await;
                let _ = stream.write_all(&body).await;
                let _ = stream.shutdown().await;
            });
        }
    });
    Ok((format!("http://127.0.0.1:{port}{PUBLIC_PATH}"), server))
}

fn respond(dist: &Path, url_path: &str) -> (&'static str, &'static str, Vec<u8>) {
    let path = url_path.split(['?', '#']).next().unwrap_or("/");
    let Some(rel) = path.strip_prefix(PUBLIC_PATH) else {
        return ("404 Not Found", "text/plain", b"outside the public path".to_vec());
    };
    if rel.split('/').any(|part| part == "..") {
        return ("400 Bad Request", "text/plain", Vec::new());
    }
    let rel = if rel.is_empty() { "index.html" } else { rel };
    let file = dist.join(rel);
    let mime = match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    };
    match std::fs::read(&file) {
        Ok(body) => ("200 OK", mime, body),
        Err(_) => ("404 Not Found", "text/plain", b"not found".to_vec()),
    }
}

/// A running chromedriver; killed when dropped.
pub struct Driver {
    child: Child,
    pub url: String,
    /// The browser profiles of this run's sessions, removed with the driver.
    profiles: PathBuf,
}

impl Driver {
    pub async fn start() -> Result<Driver> {
        let port = StdListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let binary = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let child = Command::new(&binary)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {binary} (run scripts/setup.sh): {e}"))?;
        let deadline = Instant::now() + Duration::from_secs(20);
        while tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_err() {
            if Instant::now() > deadline {
                return Err("chromedriver did not start listening within 20s".into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let profiles = std::env::temp_dir().join(format!("lectern-e2e-{}", std::process::id()));
        Ok(Driver { child, url: format!("http://127.0.0.1:{port}"), profiles })
    }

    /// A new headless Chromium session with a fresh profile, at `width`×`height`.
    pub async fn session(&self, width: u32, height: u32) -> Result<Client> {
        self.session_with(width, height, json!({})).await
    }

    /// [`Driver::session`] with JavaScript switched off (a reader without it, or a crawler).
    pub async fn session_without_js(&self, width: u32, height: u32) -> Result<Client> {
        self.session_with(width, height, json!({ "profile.managed_default_content_settings.javascript": 2 })).await
    }

    async fn session_with(&self, width: u32, height: u32, prefs: Value) -> Result<Client> {
        let profile = self.profiles.join(unique().to_string());
        let mut caps = serde_json::Map::new();
        let binary = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": binary,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--hide-scrollbars", "--force-device-scale-factor=1",
                    format!("--window-size={width},{height}"),
                    format!("--user-data-dir={}", profile.display()),
                ],
                "prefs": prefs,
            }),
        );
        let client = ClientBuilder::native().capabilities(caps).connect(&self.url).await?;
        client.set_window_size(width, height).await?;
        Ok(client)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profiles);
    }
}

fn unique() -> u64 {
    use std::sync::atomic::AtomicU64;
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

/// WebDriver's "Get Computed Role" / "Get Computed Label" for one element.
#[derive(Debug)]
struct Computed {
    element: String,
    what: &'static str,
}

impl WebDriverCompatibleCommand for Computed {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> std::result::Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/element/{}/{}", session.unwrap_or(""), self.element, self.what))
    }

    fn method_and_body(&self, _: &url::Url) -> (Method, Option<String>) {
        (Method::GET, None)
    }
}

async fn computed(client: &Client, el: &Element, what: &'static str) -> Result<String> {
    let value = client.issue_cmd(Computed { element: el.element_id().to_string(), what }).await?;
    Ok(value.as_str().unwrap_or("").to_string())
}

pub async fn role_of(client: &Client, el: &Element) -> Result<String> {
    computed(client, el, "computedrole").await
}

pub async fn name_of(client: &Client, el: &Element) -> Result<String> {
    computed(client, el, "computedlabel").await
}

/// CSS that finds every element which may have `role`; the computed role decides. The
/// static first view of the library (`#static-library`, which the app replaces once it has
/// rendered the same) and the app while it is still hidden are left out: journeys address
/// the app (the static-pages journey addresses the static view by CSS).
fn candidates(role: &str) -> String {
    format!(":is({}):not(#static-library *, #app[hidden] *)", native_candidates(role))
}

fn native_candidates(role: &str) -> String {
    let native = match role {
        "link" => "a[href]",
        "button" => "button, input[type=button], input[type=submit]",
        "heading" => "h1, h2, h3, h4, h5, h6",
        "searchbox" => "input[type=search]",
        "textbox" => "input:not([type]), input[type=text], textarea",
        "checkbox" => "input[type=checkbox]",
        "combobox" => "select",
        "list" => "ul, ol",
        "group" => "fieldset",
        "region" => "section[aria-label], section[aria-labelledby]",
        "listitem" => "li",
        "separator" => "hr",
        "status" => "output",
        "navigation" => "nav",
        "article" => "article",
        "paragraph" => "p",
        "mark" => "mark",
        _ => "",
    };
    if native.is_empty() {
        format!("[role={role}]")
    } else {
        format!("{native}, [role={role}]")
    }
}

/// How an accessible name is matched.
#[derive(Clone, Copy)]
pub enum Name<'a> {
    Any,
    Is(&'a str),
    Contains(&'a str),
}

impl Name<'_> {
    fn matches(&self, name: &str) -> bool {
        match self {
            Name::Any => true,
            Name::Is(want) => name.trim() == *want,
            Name::Contains(want) => name.contains(want),
        }
    }
}

/// Every element whose computed role is `role` and whose accessible name matches, now.
pub async fn all_by_role(client: &Client, role: &str, name: Name<'_>) -> Result<Vec<Element>> {
    let found = client.find_all(Locator::Css(&candidates(role))).await?;
    filter_by_role(client, found, role, name).await
}

/// Like [`all_by_role`], among the descendants of `scope`.
pub async fn all_by_role_within(client: &Client, scope: &Element, role: &str, name: Name<'_>) -> Result<Vec<Element>> {
    let found = scope.find_all(Locator::Css(&candidates(role))).await?;
    filter_by_role(client, found, role, name).await
}

async fn filter_by_role(client: &Client, found: Vec<Element>, role: &str, name: Name<'_>) -> Result<Vec<Element>> {
    let mut out = Vec::new();
    for el in found {
        if role_of(client, &el).await? == role
            && (matches!(name, Name::Any) || name.matches(&name_of(client, &el).await?))
        {
            out.push(el);
        }
    }
    Ok(out)
}

/// Waits (up to 10 s) for exactly one element with this role and name.
pub async fn by_role(client: &Client, role: &str, name: Name<'_>) -> Result<Element> {
    let found = wait_for(|| async move {
        let all = all_by_role(client, role, name).await?;
        Ok((all.len() == 1).then(|| all.into_iter().next()).flatten())
    })
    .await;
    match found {
        Ok(el) => Ok(el),
        Err(_) => {
            let all = all_by_role(client, role, name).await?;
            Err(format!("expected one {role} named {}, found {}", describe(name), all.len()).into())
        }
    }
}

fn describe(name: Name<'_>) -> String {
    match name {
        Name::Any => "anything".into(),
        Name::Is(s) => format!("{s:?}"),
        Name::Contains(s) => format!("containing {s:?}"),
    }
}

/// Polls `check` until it yields a value, for up to 10 seconds.
pub async fn wait_for<'a, T, F, Fut>(mut check: F) -> Result<T>
where
    F: FnMut() -> Fut + 'a,
    Fut: Future<Output = Result<Option<T>>> + 'a,
{
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let last = check().await;
        match last {
            Ok(Some(value)) => return Ok(value),
            Ok(None) | Err(_) if Instant::now() < deadline => tokio::time::sleep(Duration::from_millis(50)).await,
            Ok(None) => return Err("condition not met within 10s".into()),
            Err(e) => return Err(e),
        }
    }
}

/// Clicks the library's "Show more" button until every result is in the list, checking
/// that each click adds a page.
pub async fn show_all_results(client: &Client) -> Result {
    loop {
        let more = all_by_role(client, "button", Name::Contains("Show more")).await?;
        let Some(button) = more.into_iter().next() else { return Ok(()) };
        let before = client.find_all(Locator::Css("ul[aria-label=Articles] > li")).await?.len();
        button.click().await?;
        wait_for(|| async {
            let now = client.find_all(Locator::Css("ul[aria-label=Articles] > li")).await?.len();
            Ok((now > before).then_some(()))
        })
        .await?;
    }
}

/// Text of an element as rendered.
pub async fn text_of(el: &Element) -> Result<String> {
    Ok(el.text().await?)
}

/// Runs `script` (a function body; `arguments` as usual) and returns its value.
pub async fn js(client: &Client, script: &str) -> Result<Value> {
    Ok(client.execute(script, vec![]).await?)
}

/// Saves a PNG of the viewport under `target/screenshots/<name>.png`.
pub async fn screenshot(client: &Client, name: &str) -> Result<PathBuf> {
    let dir = project_root().join("target/screenshots");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, client.screenshot().await?)?;
    Ok(path)
}

/// A test body: gets a fresh browser session and the site's base URL.
pub type TestFn = for<'a> fn(&'a Client, &'a str) -> Pin<Box<dyn Future<Output = Result> + 'a>>;

/// The project's 45 real articles (`tests/fixtures/real`).
pub fn real_corpus() -> PathBuf {
    project_root().join("tests/fixtures/real")
}

/// Chromedriver's `goog/cdp/execute`: one Chrome DevTools Protocol command, with its result.
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> std::result::Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/goog/cdp/execute", session.unwrap_or("")))
    }

    fn method_and_body(&self, _: &url::Url) -> (Method, Option<String>) {
        (Method::POST, Some(json!({ "cmd": self.cmd, "params": self.params }).to_string()))
    }
}

/// Runs one Chrome DevTools Protocol command in the session's current tab.
pub async fn cdp(client: &Client, cmd: &'static str, params: Value) -> Result<Value> {
    Ok(client.issue_cmd(Cdp { cmd, params }).await?)
}

/// Makes `source` run at the start of every document the tab loads from now on, in every
/// frame, before any of the page's own scripts (CDP `Page.addScriptToEvaluateOnNewDocument`).
pub async fn add_init_script(client: &Client, source: &str) -> Result {
    cdp(client, "Page.enable", json!({})).await?;
    cdp(client, "Page.addScriptToEvaluateOnNewDocument", json!({ "source": source })).await?;
    Ok(())
}
