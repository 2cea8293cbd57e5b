//! The library's search: planned as the reader types, the index shards it names fetched,
//! then evaluated; the last results stay (marked as updating) until the new ones are
//! ready. The bodies of the results shown are fetched once typing pauses, and the match
//! details (title and excerpt marks) are made for the results on screen only.

use std::ops::Range;
use std::rc::Rc;

use yew::prelude::*;

use crate::browser::timing::measured;
use crate::corpus::{arrived, corpus, use_parts, ArticleRef, LoadError, Part};
use crate::engine::search::{details, plan, search_planned, Filters, Results, Sort};
use crate::hooks::use_settled::use_settled;
use crate::state::library_query::LibraryQuery;

/// How long typing pauses before the bodies of the results shown are fetched.
const SETTLE_MS: u32 = 150;

/// One result as shown.
#[derive(Clone, PartialEq)]
pub struct ResultItem {
    /// The article's number in the corpus.
    pub number: usize,
    pub article: ArticleRef,
    pub title_ranges: Vec<Range<usize>>,
    pub excerpt: AttrValue,
    pub excerpt_ranges: Vec<Range<usize>>,
}

/// The search as the library shows it.
pub struct Search {
    /// The results of the query, or the last ones while its shards load.
    pub results: Rc<Results>,
    /// The first `shown` results, with their marks.
    pub items: Rc<Vec<ResultItem>>,
    /// The shown results are not yet the query's.
    pub updating: bool,
    /// A shard could not be fetched.
    pub failed: Option<LoadError>,
    pub retry: Callback<()>,
}

/// The search of `query`, with details for its first `shown` results.
#[hook]
pub fn use_search(query: &LibraryQuery, shown: usize) -> Search {
    let sort = query.effective_sort();
    let search_key = (query.q.clone(), query.filters.clone(), sort);
    // The plan (what the words stand for, which shards are missing) is made again when a
    // shard arrives; once nothing is missing the search evaluates it. Meanwhile the last
    // results stay, marked as updating.
    let plan = use_memo((query.q.clone(), arrived()), |(q, _)| plan(corpus(), q));
    let shards = use_parts(plan.missing.iter().map(|&s| Part::Shard(s)).collect());
    let searched = {
        let plan = plan.clone();
        use_memo((search_key.clone(), shards.ready), move |((_, filters, sort), ready)| {
            ready.then(|| Rc::new(measured("lectern search", || search_planned(corpus(), &plan, filters, *sort))))
        })
    };
    let last = use_mut_ref(|| None::<(Rc<Results>, (String, Filters, Sort))>);
    if let Some(results) = &*searched {
        *last.borrow_mut() = Some((results.clone(), search_key.clone()));
    }
    let (results, results_key) =
        last.borrow().clone().unwrap_or_else(|| (Rc::new(Results::default()), search_key.clone()));
    // The bodies of the results shown, for their excerpts (until one arrives, a result
    // shows its title), once typing pauses: the results of a half-typed word are gone
    // before their bodies would arrive.
    let settled = use_settled(search_key.clone(), SETTLE_MS);
    use_parts(if settled {
        results.hits.iter().take(shown).map(|h| Part::Body(h.article)).collect()
    } else {
        Vec::new()
    });
    // Match details (title and excerpt ranges) for the results on screen only, once per
    // search and per arrival of a body.
    let items = {
        let results = results.clone();
        use_memo((results_key, shown, arrived()), move |(_, shown, _)| {
            measured("lectern details", || {
                results
                    .hits
                    .iter()
                    .take(*shown)
                    .map(|hit| {
                        let d = details(corpus(), &results, hit);
                        ResultItem {
                            number: hit.article,
                            article: ArticleRef(&corpus().articles[hit.article]),
                            title_ranges: d.title_ranges,
                            excerpt: d.excerpt.text.into(),
                            excerpt_ranges: d.excerpt.ranges,
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    Search { results, items, updating: !shards.ready, failed: shards.failed.clone(), retry: shards.retry.clone() }
}
