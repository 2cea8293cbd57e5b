//! Facet values of the articles, interned: sources, bylines, tags and languages as sorted
//! lists, each article's values as numbers into them, its date and its rank by title.

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::tokenize;

/// Facet values, interned: each list is sorted, and articles refer to them by number.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FacetIndex {
    pub sources: Vec<String>,
    pub bylines: Vec<String>,
    pub tags: Vec<String>,
    /// Primary language subtags, lowercase.
    pub langs: Vec<String>,
    pub docs: Vec<DocFacets>,
}

/// One article's facet values, as numbers into [`FacetIndex`]'s lists.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocFacets {
    pub source: Option<u32>,
    pub byline: Option<u32>,
    pub tags: Vec<u32>,
    pub lang: u32,
    /// Publication date as `yyyymmdd`.
    pub date: Option<u32>,
    /// Rank of the article when sorted by folded title.
    pub title_rank: u32,
}

impl DocFacets {
    pub fn year(&self) -> Option<u16> {
        self.date.map(|d| (d / 10_000) as u16)
    }
}

/// A date as the sortable number `yyyymmdd`.
pub fn date_key(year: u16, month: u8, day: u8) -> u32 {
    u32::from(year) * 10_000 + u32::from(month) * 100 + u32::from(day)
}

impl FacetIndex {
    pub(super) fn build(articles: &[Article]) -> FacetIndex {
        fn intern<'a>(values: impl Iterator<Item = &'a str>) -> Vec<String> {
            let mut all: Vec<String> = values.map(str::to_string).collect();
            all.sort();
            all.dedup();
            all
        }
        let sources = intern(articles.iter().filter_map(|a| a.source.as_deref()));
        let bylines = intern(articles.iter().filter_map(|a| a.byline.as_deref()));
        let tags = intern(articles.iter().flat_map(|a| a.tags.iter().map(String::as_str)));
        let primaries: Vec<String> = articles.iter().map(|a| tokenize::primary_subtag(&a.lang)).collect();
        let langs = intern(primaries.iter().map(String::as_str));
        let find =
            |list: &[String], value: &str| list.binary_search_by(|v| v.as_str().cmp(value)).ok().map(|i| i as u32);
        let mut by_title: Vec<(String, usize)> =
            // Leading quotes and punctuation do not decide the order: 'What… sorts under W.
            articles.iter().enumerate().map(|(i, a)| (tokenize::fold(a.title.trim_start_matches(|c: char| !c.is_alphanumeric())), i)).collect();
        by_title.sort();
        let mut title_rank = vec![0; articles.len()];
        for (rank, (_, doc)) in by_title.into_iter().enumerate() {
            title_rank[doc] = rank as u32;
        }
        let docs = articles
            .iter()
            .zip(&primaries)
            .zip(title_rank)
            .map(|((a, primary), title_rank)| DocFacets {
                source: a.source.as_deref().and_then(|s| find(&sources, s)),
                byline: a.byline.as_deref().and_then(|s| find(&bylines, s)),
                tags: {
                    let mut ids: Vec<u32> = a.tags.iter().filter_map(|t| find(&tags, t)).collect();
                    ids.sort_unstable();
                    ids.dedup();
                    ids
                },
                lang: find(&langs, primary).expect("every language was interned"),
                date: a.published.map(|p| date_key(p.year, p.month, p.day)),
                title_rank,
            })
            .collect();
        FacetIndex { sources, bylines, tags, langs, docs }
    }
}
