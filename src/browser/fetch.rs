//! Fetching a corpus file over HTTP, and why it could not be had, said for a reader: a
//! network failure can be retried; a file the site no longer has (a page from before a
//! new deployment) or cannot read needs the page reloaded. The corpus store
//! (`corpus.rs`) decides what to fetch.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a corpus file is not here, for a reader.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    pub message: String,
    /// Fetching again cannot help (the page names a file the site no longer has, or one
    /// that cannot be read): the page itself must be loaded again.
    pub reload: bool,
}

fn offline(what: &str) -> LoadError {
    LoadError {
        message: format!("The articles could not be loaded ({what}). Check the connection and try again."),
        reload: false,
    }
}

pub fn stale(message: String) -> LoadError {
    LoadError { message, reload: true }
}

/// The address of the first corpus file.
pub fn first_href() -> Result<String, LoadError> {
    gloo::utils::document()
        .query_selector("meta[name=\"lectern-corpus\"]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .ok_or_else(|| stale("This page names no corpus file: it was not built by Lectern's indexer.".into()))
}

/// The bytes at `href`.
pub async fn fetch(href: &str) -> Result<Vec<u8>, LoadError> {
    let response =
        JsFuture::from(gloo::utils::window().fetch_with_str(href)).await.map_err(|_| offline("no connection"))?;
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
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
