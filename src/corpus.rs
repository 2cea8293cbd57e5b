//! The corpus, fetched once at start from the file the indexer wrote beside the app
//! (`corpus-<hash>.bin`, named by `<meta name="lectern-corpus">` in `index.html`) and
//! decoded; the app renders its pages only once it is here, so they read it
//! synchronously through [`corpus`]. The wasm embeds no article.

use std::sync::OnceLock;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::engine::article::Article;
use crate::engine::codec;
use crate::engine::corpus::Corpus;

static CORPUS: OnceLock<Corpus> = OnceLock::new();

/// The corpus. Only pages call it, and the shell renders them once [`load`] succeeded.
pub fn corpus() -> &'static Corpus {
    CORPUS.get().expect("pages render only after the corpus is loaded")
}

/// Whether the corpus is here.
pub fn is_loaded() -> bool {
    CORPUS.get().is_some()
}

/// Why the corpus is not here, for a reader.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    pub message: String,
    /// Fetching again cannot help (the page names a file the site no longer has, or one
    /// that cannot be read): the page itself must be loaded again.
    pub reload: bool,
}

/// Fetches and decodes the corpus.
pub async fn load() -> Result<(), LoadError> {
    if is_loaded() {
        return Ok(());
    }
    let offline = |what: &str| LoadError {
        message: format!("The articles could not be loaded ({what}). Check the connection and try again."),
        reload: false,
    };
    let stale = |message: String| LoadError { message, reload: true };
    let href = gloo::utils::document()
        .query_selector("meta[name=\"lectern-corpus\"]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .ok_or_else(|| stale("This page names no corpus file: it was not built by Lectern's indexer.".into()))?;
    let response =
        JsFuture::from(gloo::utils::window().fetch_with_str(&href)).await.map_err(|_| offline("no connection"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| offline("no response"))?;
    if !response.ok() {
        // A page from before a new deployment names a file the site no longer has.
        return Err(stale(format!(
            "The articles could not be loaded: the server answered {} for {href}. The site may have been updated: reload the page.",
            response.status()
        )));
    }
    let buffer = response.array_buffer().map_err(|_| offline("unreadable response"))?;
    let buffer = JsFuture::from(buffer).await.map_err(|_| offline("the download broke off"))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let corpus = codec::decode(&bytes).map_err(|e| stale(format!("The articles could not be read: {e}.")))?;
    let _ = CORPUS.set(corpus);
    Ok(())
}

/// A reference to an article of the corpus that compares by identity, cheap to pass as a
/// prop.
#[derive(Clone, Copy, Debug)]
pub struct ArticleRef(pub &'static Article);

impl PartialEq for ArticleRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl std::ops::Deref for ArticleRef {
    type Target = Article;
    fn deref(&self) -> &Article {
        self.0
    }
}
