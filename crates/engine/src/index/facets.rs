//! Facet values of the articles, interned: for each facet (source, byline, tag, language,
//! year: see `facet.rs`) a sorted list of its values, and each article's values as numbers
//! into them, with its date and its rank by title; and the one rule by which words find
//! facet values ([`FacetIndex::values_matching`]).

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::facet::{Facet, PerFacet};
use crate::tokenize;

/// Facet values, interned: each facet's list is sorted, and articles refer to its values
/// by number. Stored as [`FacetIndexFile`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "FacetIndexFile", into = "FacetIndexFile")]
pub struct FacetIndex {
    pub values: PerFacet<Vec<String>>,
    pub docs: Vec<DocFacets>,
    /// Each value's terms, found when first asked for.
    value_terms: ValueTerms,
}

/// Per facet, each value's terms by the one tokenizer, found once: a search asks on every
/// keystroke, and a corpus has thousands of names. A cache, so not part of the index's
/// value (any two compare equal).
#[derive(Debug, Clone, Default)]
struct ValueTerms(PerFacet<OnceLock<Vec<Vec<String>>>>);

impl PartialEq for ValueTerms {
    fn eq(&self, _: &ValueTerms) -> bool {
        true
    }
}

/// One article's facet values, as numbers into [`FacetIndex`]'s lists.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocFacets {
    /// Per facet, the article's values, sorted.
    pub values: PerFacet<Vec<u32>>,
    /// Publication date as `yyyymmdd`.
    pub date: Option<u32>,
    /// Rank of the article when sorted by folded title.
    pub title_rank: u32,
}

/// How the facet index is stored in the first file: the name facets (people, places,
/// organisations: many values, several an article) as each value's articles, in steps
/// from the one before, rather than as each article's values; smaller by a third.
#[derive(Serialize, Deserialize)]
struct FacetIndexFile {
    values: PerFacet<Vec<String>>,
    /// Every article's values, the name facets' left empty.
    docs: Vec<DocFacets>,
    /// Per name facet (in [`Facet::ALL`] order), per value, its articles as steps.
    names: Vec<Vec<Vec<u32>>>,
}

fn name_facets() -> impl Iterator<Item = Facet> {
    Facet::ALL.into_iter().filter(|f| f.name_kind().is_some())
}

impl From<FacetIndex> for FacetIndexFile {
    fn from(mut index: FacetIndex) -> FacetIndexFile {
        let names = name_facets()
            .map(|facet| {
                let mut postings: Vec<Vec<u32>> = vec![Vec::new(); index.values[facet].len()];
                let mut last: Vec<u32> = vec![0; postings.len()];
                for (doc, d) in index.docs.iter_mut().enumerate() {
                    for id in std::mem::take(&mut d.values[facet]) {
                        let (list, at) = (&mut postings[id as usize], &mut last[id as usize]);
                        list.push(doc as u32 - *at);
                        *at = doc as u32;
                    }
                }
                postings
            })
            .collect();
        FacetIndexFile { values: index.values, docs: index.docs, names }
    }
}

impl From<FacetIndexFile> for FacetIndex {
    fn from(file: FacetIndexFile) -> FacetIndex {
        let FacetIndexFile { values, mut docs, names } = file;
        for (facet, postings) in name_facets().zip(names) {
            for (id, steps) in postings.into_iter().enumerate() {
                let mut doc = 0u32;
                for step in steps {
                    doc = doc.saturating_add(step);
                    if let Some(d) = docs.get_mut(doc as usize) {
                        d.values[facet].push(id as u32);
                    }
                }
            }
        }
        FacetIndex { values, docs, value_terms: ValueTerms::default() }
    }
}

/// A date as the sortable number `yyyymmdd`.
pub fn date_key(year: u16, month: u8, day: u8) -> u32 {
    u32::from(year) * 10_000 + u32::from(month) * 100 + u32::from(day)
}

impl FacetIndex {
    pub(super) fn build(articles: &[Article]) -> FacetIndex {
        let per_article: Vec<PerFacet<Vec<String>>> =
            articles.iter().map(|a| PerFacet::from_fn(|facet| facet.values_of(a))).collect();
        let values = PerFacet::from_fn(|facet| {
            let mut all: Vec<String> = per_article.iter().flat_map(|v| v[facet].iter().cloned()).collect();
            all.sort();
            all.dedup();
            all
        });
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
            .zip(per_article)
            .zip(title_rank)
            .map(|((a, own), title_rank)| DocFacets {
                values: PerFacet::from_fn(|facet: Facet| {
                    let list = &values[facet];
                    let mut ids: Vec<u32> = own[facet]
                        .iter()
                        .map(|v| list.binary_search(v).expect("every value was interned") as u32)
                        .collect();
                    ids.sort_unstable();
                    ids.dedup();
                    ids
                }),
                date: a.published.map(|p| date_key(p.year, p.month, p.day)),
                title_rank,
            })
            .collect();
        FacetIndex { values, docs, value_terms: ValueTerms::default() }
    }

    /// Which of `facet`'s values hold every one of `terms` (folded), the last as a prefix
    /// when `prefix`: the rule of `source:new york` and of the names a search finds. A
    /// language is its one subtag, matched whole.
    pub fn values_matching(&self, facet: Facet, terms: &[String], prefix: bool) -> Vec<bool> {
        if facet == Facet::Lang {
            return self.values[facet].iter().map(|v| terms.first() == Some(v)).collect();
        }
        let all = self.value_terms.0[facet].get_or_init(|| {
            self.values[facet]
                .iter()
                .map(|v| tokenize::terms_with(v, str::to_string).into_iter().map(|t| t.term).collect())
                .collect()
        });
        all.iter()
            .map(|have| {
                terms.iter().enumerate().all(|(i, t)| {
                    have.iter().any(|h| h == t || (prefix && i + 1 == terms.len() && h.starts_with(t.as_str())))
                })
            })
            .collect()
    }

    /// The number of `value` in `facet`'s list.
    pub fn id(&self, facet: Facet, value: &str) -> Option<u32> {
        self.values[facet].binary_search_by(|v| v.as_str().cmp(value)).ok().map(|i| i as u32)
    }
}
