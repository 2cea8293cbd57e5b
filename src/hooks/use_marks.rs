//! The search matches to mark in an article: title ranges, then body ranges per text
//! block, numbered in reading order. A long article is searched in slices of a few
//! milliseconds between frames, so scrolling and typing stay smooth while it is searched;
//! its marks appear once the whole article has been searched.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::corpus::{corpus, ArticleRef};
use crate::engine::article::Text;
use crate::engine::index::Field;
use crate::engine::mark::Marker;
use crate::engine::query;
use crate::state::marks::BlockMarks;

/// Work done between two frames, in milliseconds.
const SLICE_MS: f64 = 8.0;

#[derive(Debug, Default, PartialEq)]
pub struct Marks {
    pub title: Vec<Range<usize>>,
    pub body: Rc<BlockMarks>,
    /// True while a long article is still being searched.
    pub searching: bool,
}

impl Marks {
    pub fn total(&self) -> usize {
        self.title.len() + self.body.count()
    }
}

/// The marks of `query` in `article`; `long` articles are searched in slices. Until the
/// index shards the query needs are here (`ready`), it is searching.
#[hook]
pub fn use_marks(article: ArticleRef, query: String, long: bool, ready: bool) -> Rc<Marks> {
    let searching = || Rc::new(Marks { searching: !query.trim().is_empty(), ..Marks::default() });
    let whole = use_memo((article, query.clone(), long, ready), |(article, q, long, ready)| {
        (!long && *ready).then(|| Rc::new(search_all(*article, q)))
    });
    // The sliced result, with the article and query it is for.
    let sliced = use_state(|| None::<(ArticleRef, String, Rc<Marks>)>);
    {
        let set = sliced.setter();
        use_effect_with((article, query.clone(), long, ready), move |(article, q, long, ready)| {
            let timer = Rc::new(RefCell::new(None::<Timeout>));
            if *long && *ready {
                let job = Job::new(*article, q);
                let (article, q) = (*article, q.clone());
                let done = Callback::from(move |marks: Rc<Marks>| set.set(Some((article, q.clone(), marks))));
                run(Rc::new(RefCell::new(job)), done, timer.clone());
            }
            // A new query or article abandons the search under way.
            move || drop(timer.borrow_mut().take())
        });
    }
    if let Some(whole) = (*whole).clone() {
        return whole;
    }
    match &*sliced {
        Some((a, q, marks)) if ready && *a == article && *q == query => marks.clone(),
        // Not searched yet: nothing to mark, and the counter says it is searching.
        _ => searching(),
    }
}

fn search_all(article: ArticleRef, q: &str) -> Marks {
    let mut job = Job::new(article, q);
    while job.step() {}
    job.finish()
}

/// A search of one article, block by block.
struct Job {
    marker: Marker<'static>,
    texts: Vec<&'static Text>,
    title: Vec<Range<usize>>,
    blocks: Vec<Vec<Range<usize>>>,
}

impl Job {
    fn new(article: ArticleRef, q: &str) -> Job {
        let corpus = corpus();
        let doc = corpus.number(&article.slug).unwrap_or(usize::MAX) as u32;
        let marker = Marker::for_article(&corpus.index, &query::parse(q), doc);
        let title = marker.ranges(Field::Title, &article.title);
        let texts = if marker.is_empty() { Vec::new() } else { article.0.texts() };
        Job { marker, title, blocks: Vec::with_capacity(texts.len()), texts }
    }

    /// Searches the next block; false when every block has been searched.
    fn step(&mut self) -> bool {
        let Some(text) = self.texts.get(self.blocks.len()) else { return false };
        self.blocks.push(self.marker.ranges(Field::Body, &text.text));
        true
    }

    fn finish(&mut self) -> Marks {
        let first = self.title.len();
        let blocks = std::mem::take(&mut self.blocks);
        Marks { title: std::mem::take(&mut self.title), body: Rc::new(BlockMarks { blocks, first }), searching: false }
    }
}

/// Searches for a slice of time, then lets the browser draw before the next slice.
fn run(job: Rc<RefCell<Job>>, done: Callback<Rc<Marks>>, timer: Rc<RefCell<Option<Timeout>>>) {
    let started = js_sys::Date::now();
    let mut more = true;
    while more && js_sys::Date::now() - started < SLICE_MS {
        more = job.borrow_mut().step();
    }
    if !more {
        done.emit(Rc::new(job.borrow_mut().finish()));
        return;
    }
    let next = timer.clone();
    *timer.borrow_mut() = Some(Timeout::new(0, move || run(job, done, next)));
}
