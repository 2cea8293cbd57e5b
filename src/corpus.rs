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

/// Fetches and decodes the corpus; the error says what went wrong, for a reader.
pub async fn load() -> Result<(), String> {
    if is_loaded() {
        return Ok(());
    }
    let href = gloo::utils::document()
        .query_selector("meta[name=\"lectern-corpus\"]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .ok_or("This page names no corpus file: it was not built by Lectern's indexer.")?;
    let failed = |what: &str| format!("The articles could not be loaded ({what}). Check the connection and try again.");
    let response =
        JsFuture::from(gloo::utils::window().fetch_with_str(&href)).await.map_err(|_| failed("no connection"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed("no response"))?;
    if !response.ok() {
        return Err(failed(&format!("the server answered {} for {href}", response.status())));
    }
    let buffer = response.array_buffer().map_err(|_| failed("unreadable response"))?;
    let buffer = JsFuture::from(buffer).await.map_err(|_| failed("the download broke off"))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let corpus = codec::decode(&bytes).map_err(|e| format!("The articles could not be read: {e}."))?;
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
