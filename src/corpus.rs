//! The corpus store. At start the app fetches the first corpus file (named by
//! `<meta name="lectern-corpus">` in `index.html`): every article's metadata and facets, so
//! the library can render at once. The index shards a search needs and the bodies of the
//! articles shown are fetched when asked for ([`use_parts`]), installed into the corpus,
//! and kept; each file is fetched once, and a failure is kept until the reader retries.
//! The wasm embeds no article.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::OnceLock;

use yew::prelude::*;

pub use crate::browser::fetch::LoadError;
use crate::browser::fetch::{fetch, first_href, stale};
use crate::engine::article::Article;
use crate::engine::codec;
use crate::engine::corpus::Corpus;

static CORPUS: OnceLock<Corpus> = OnceLock::new();

/// The corpus. Only pages call it, and the shell renders them once [`load`] succeeded.
pub fn corpus() -> &'static Corpus {
    CORPUS.get().expect("pages render only after the corpus is loaded")
}

/// Whether the first file is here.
pub fn is_loaded() -> bool {
    CORPUS.get().is_some()
}

/// Fetches and decodes the first corpus file.
pub async fn load() -> Result<(), LoadError> {
    if is_loaded() {
        return Ok(());
    }
    let href = first_href()?;
    let bytes = fetch(&href).await?;
    let corpus = codec::decode_first(&bytes).map_err(|e| stale(format!("The articles could not be read: {e}.")))?;
    let _ = CORPUS.set(corpus);
    Ok(())
}

/// A file of the corpus fetched on demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// An index shard, by number.
    Shard(usize),
    /// An article's body, by article number.
    Body(usize),
}

impl Part {
    fn is_installed(self) -> bool {
        match self {
            Part::Shard(s) => corpus().index.shard(s).is_some(),
            Part::Body(n) => corpus().body(n).is_some(),
        }
    }

    /// Its file's name, relative to the first file.
    fn file(self) -> Option<String> {
        let files = &corpus().files;
        match self {
            Part::Shard(s) => files.shards.get(s).cloned(),
            Part::Body(n) => files.body(n),
        }
    }

    /// Decodes and installs the part from its bytes.
    fn install(self, bytes: &[u8]) -> Result<(), String> {
        let corpus = corpus();
        match self {
            Part::Shard(s) => codec::decode_shard(bytes).map(|shard| {
                corpus.index.install(s, shard);
            }),
            Part::Body(n) => {
                let meta = corpus.articles.get(n).ok_or("no such article")?;
                codec::decode_body(bytes, meta).map(|body| {
                    corpus.install_body(n, body);
                })
            }
        }
    }
}

#[derive(Default)]
struct Store {
    in_flight: HashSet<Part>,
    failed: HashMap<Part, LoadError>,
    listeners: Vec<(u32, Callback<()>)>,
    next_listener: u32,
    /// Parts installed so far: it changes whenever one arrives.
    arrived: u64,
    /// The listeners are told at the next frame, once for every part that ended by then.
    telling: Option<gloo::render::AnimationFrame>,
}

thread_local! {
    static STORE: RefCell<Store> = RefCell::new(Store::default());
}

/// Starts fetching the parts that are neither installed, nor on their way, nor failed.
fn request(parts: &[Part]) {
    let base = base();
    for &part in parts {
        let start = STORE.with_borrow_mut(|store| {
            !part.is_installed() && !store.failed.contains_key(&part) && store.in_flight.insert(part)
        });
        if !start {
            continue;
        }
        let href = match (&base, part.file()) {
            (Some(base), Some(file)) => format!("{base}{file}"),
            _ => {
                finish(part, Err(stale("The corpus names no file for this part: reload the page.".into())));
                continue;
            }
        };
        wasm_bindgen_futures::spawn_local(async move {
            let result = match fetch(&href).await {
                Ok(bytes) => part.install(&bytes).map_err(|e| stale(format!("The articles could not be read: {e}."))),
                Err(e) => Err(e),
            };
            finish(part, result);
        });
    }
}

/// The folder of the first file, which the other files' names are relative to.
fn base() -> Option<String> {
    first_href().ok().map(|href| href.rsplit_once('/').map_or(String::new(), |(dir, _)| format!("{dir}/")))
}

/// Every file of the corpus as the page fetches it: the first file, the index shards,
/// then each article's body (with the article's number).
pub fn every_file() -> Vec<(String, Option<usize>)> {
    let (Some(base), Ok(first)) = (base(), first_href()) else { return Vec::new() };
    let files = &corpus().files;
    let shards = files.shards.iter().map(|name| (format!("{base}{name}"), None));
    let bodies = (0..corpus().articles.len()).filter_map(|n| Some((format!("{base}{}", files.body(n)?), Some(n))));
    std::iter::once((first, None)).chain(shards).chain(bodies).collect()
}

/// Records how a fetch ended; every listener is told before the next frame is drawn (once
/// for all the parts that arrived meanwhile, so twenty bodies re-render a page once).
fn finish(part: Part, result: Result<(), LoadError>) {
    STORE.with_borrow_mut(|store| {
        store.in_flight.remove(&part);
        match result {
            Ok(()) => store.arrived += 1,
            Err(e) => drop(store.failed.insert(part, e)),
        }
        if store.telling.is_none() {
            store.telling = Some(gloo::render::request_animation_frame(|_| {
                let listeners: Vec<Callback<()>> = STORE.with_borrow_mut(|store| {
                    store.telling = None;
                    store.listeners.iter().map(|(_, l)| l.clone()).collect()
                });
                for listener in listeners {
                    listener.emit(());
                }
            }));
        }
    });
}

/// What a page knows of the parts it asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Parts {
    /// Every part is installed.
    pub ready: bool,
    /// Why a part could not be had, if one failed.
    pub failed: Option<LoadError>,
    /// Forgets the failures and fetches again.
    pub retry: Callback<()>,
}

/// Asks for `parts` and re-renders the component as they (or any other parts) arrive.
#[hook]
pub fn use_parts(parts: Vec<Part>) -> Parts {
    let update = use_force_update();
    use_effect_with((), move |_| {
        let id = STORE.with_borrow_mut(|store| {
            store.next_listener += 1;
            let id = store.next_listener;
            store.listeners.push((id, Callback::from(move |()| update.force_update())));
            id
        });
        move || STORE.with_borrow_mut(|store| store.listeners.retain(|(l, _)| *l != id))
    });
    let parts = Rc::new(parts);
    use_effect_with(parts.clone(), |parts| request(parts));
    let missing: Vec<Part> = parts.iter().copied().filter(|p| !p.is_installed()).collect();
    let failed = STORE.with_borrow(|store| missing.iter().find_map(|p| store.failed.get(p).cloned()));
    let retry = Callback::from(move |()| {
        STORE.with_borrow_mut(|store| parts.iter().for_each(|p| drop(store.failed.remove(p))));
        request(&parts);
    });
    Parts { ready: missing.is_empty(), failed, retry }
}

/// How many parts have arrived so far: a memo keyed on it is computed again when one does.
pub fn arrived() -> u64 {
    STORE.with_borrow(|store| store.arrived)
}

/// Starts fetching an article's body before it is needed (a result is hovered or focused).
pub fn prefetch_body(n: usize) {
    request(&[Part::Body(n)]);
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
