//! Where the article sits in the results the reader came from: the previous and next
//! result (`j` / `k` and the pager), its position and how many results there are.

use std::rc::Rc;

use yew::prelude::*;

use crate::corpus::{arrived, corpus, ArticleRef};
use crate::engine::search::neighbours;
use crate::state::library_query::LibraryQuery;

/// The article's place among the library's results.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    pub previous: Option<ArticleRef>,
    pub next: Option<ArticleRef>,
    /// 0-based.
    pub position: usize,
    pub total: usize,
}

/// `article`'s place among the results of `library` (none when it is not one of them),
/// found again as the index shards arrive.
#[hook]
pub fn use_neighbours(article: ArticleRef, library: &LibraryQuery) -> Rc<Option<Place>> {
    use_memo((article, library.clone(), arrived()), |(article, library, _)| {
        let corpus = corpus();
        let number = corpus.number(&article.slug)?;
        let found = neighbours(corpus, &library.q, &library.filters, library.effective_sort(), number)?;
        let at = |n: Option<usize>| n.map(|n| ArticleRef(&corpus.articles[n]));
        Some(Place { previous: at(found.previous), next: at(found.next), position: found.position, total: found.total })
    })
}
