//! Filters and facets. Filters from the UI are OR within a facet and AND across facets.
//! Facet counts are disjunctive: the counts of one facet apply every filter but that
//! facet's own, so a reader sees how many articles choosing another value would add.

use std::collections::BTreeMap;

use super::super::index::{date_key, Index};
use super::super::query::Query;
use super::super::tokenize;

/// Filters chosen in the UI. Empty lists filter nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    pub sources: Vec<String>,
    pub bylines: Vec<String>,
    pub tags: Vec<String>,
    /// Primary language subtags (`en`, `fr`).
    pub langs: Vec<String>,
    pub years: Vec<u16>,
    /// Published on or after this day.
    pub from: Option<(u16, u8, u8)>,
    /// Published on or before this day.
    pub to: Option<(u16, u8, u8)>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// Facet values with the number of matching articles, most frequent first (years: newest
/// first). Selected values are listed even when their count is zero.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facets {
    pub sources: Vec<(String, usize)>,
    pub bylines: Vec<(String, usize)>,
    pub tags: Vec<(String, usize)>,
    pub langs: Vec<(String, usize)>,
    pub years: Vec<(u16, usize)>,
}

/// The UI's facet filters as sets of interned values.
pub(super) struct Selection {
    sources: Option<Vec<u32>>,
    bylines: Option<Vec<u32>>,
    tags: Option<Vec<u32>>,
    langs: Option<Vec<u32>>,
    years: Option<Vec<u16>>,
}

const SOURCE: u8 = 1;
const BYLINE: u8 = 2;
const TAG: u8 = 4;
const LANG: u8 = 8;
const YEAR: u8 = 16;
pub(super) const ALL_FACETS: u8 = 31;

impl Selection {
    pub(super) fn new(index: &Index, filters: &Filters) -> Selection {
        let ids = |values: &[String], chosen: &[String]| {
            (!chosen.is_empty()).then(|| {
                chosen.iter().filter_map(|c| values.binary_search(c).ok().map(|i| i as u32)).collect::<Vec<u32>>()
            })
        };
        let f = &index.facets;
        let langs: Vec<String> = filters.langs.iter().map(|l| tokenize::primary_subtag(l)).collect();
        Selection {
            sources: ids(&f.sources, &filters.sources),
            bylines: ids(&f.bylines, &filters.bylines),
            tags: ids(&f.tags, &filters.tags),
            langs: ids(&f.langs, &langs),
            years: (!filters.years.is_empty()).then(|| filters.years.clone()),
        }
    }

    /// The facets whose filter article `doc` passes, as a bit set.
    pub(super) fn passed(&self, index: &Index, doc: u32) -> u8 {
        let d = &index.facets.docs[doc as usize];
        fn test(chosen: &Option<Vec<u32>>, mut have: impl Iterator<Item = u32>) -> bool {
            chosen.as_ref().is_none_or(|ids| have.any(|v| ids.contains(&v)))
        }
        let mut bits = 0;
        if test(&self.sources, d.source.into_iter()) {
            bits |= SOURCE;
        }
        if test(&self.bylines, d.byline.into_iter()) {
            bits |= BYLINE;
        }
        if test(&self.tags, d.tags.iter().copied()) {
            bits |= TAG;
        }
        if test(&self.langs, std::iter::once(d.lang)) {
            bits |= LANG;
        }
        if self.years.as_ref().is_none_or(|years| d.year().is_some_and(|y| years.contains(&y))) {
            bits |= YEAR;
        }
        bits
    }
}

/// Disjunctive facet counts being gathered.
pub(super) struct Counts {
    sources: Vec<usize>,
    bylines: Vec<usize>,
    tags: Vec<usize>,
    langs: Vec<usize>,
    years: BTreeMap<u16, usize>,
}

impl Counts {
    pub(super) fn new(index: &Index) -> Counts {
        let f = &index.facets;
        Counts {
            sources: vec![0; f.sources.len()],
            bylines: vec![0; f.bylines.len()],
            tags: vec![0; f.tags.len()],
            langs: vec![0; f.langs.len()],
            years: BTreeMap::new(),
        }
    }

    /// Counts article `doc` in each facet whose count ignores the one filter it fails (or
    /// in every facet, when it fails none).
    pub(super) fn add(&mut self, index: &Index, doc: u32, passed: u8) {
        let d = &index.facets.docs[doc as usize];
        let counts_in = |facet: u8| passed | facet == ALL_FACETS;
        if counts_in(SOURCE) {
            d.source.into_iter().for_each(|v| self.sources[v as usize] += 1);
        }
        if counts_in(BYLINE) {
            d.byline.into_iter().for_each(|v| self.bylines[v as usize] += 1);
        }
        if counts_in(TAG) {
            d.tags.iter().for_each(|&v| self.tags[v as usize] += 1);
        }
        if counts_in(LANG) {
            self.langs[d.lang as usize] += 1;
        }
        if counts_in(YEAR) {
            if let Some(year) = d.year() {
                *self.years.entry(year).or_default() += 1;
            }
        }
    }

    pub(super) fn into_facets(self, index: &Index, filters: &Filters) -> Facets {
        fn list(values: &[String], counts: Vec<usize>, chosen: &[String]) -> Vec<(String, usize)> {
            let mut out: Vec<(String, usize)> = values
                .iter()
                .zip(counts)
                .filter(|(v, n)| *n > 0 || chosen.contains(v))
                .map(|(v, n)| (v.clone(), n))
                .collect();
            for c in chosen {
                if !values.contains(c) {
                    out.push((c.clone(), 0));
                }
            }
            out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            out
        }
        let f = &index.facets;
        let langs: Vec<String> = filters.langs.iter().map(|l| tokenize::primary_subtag(l)).collect();
        let mut years = self.years;
        for &y in &filters.years {
            years.entry(y).or_default();
        }
        Facets {
            sources: list(&f.sources, self.sources, &filters.sources),
            bylines: list(&f.bylines, self.bylines, &filters.bylines),
            tags: list(&f.tags, self.tags, &filters.tags),
            langs: list(&f.langs, self.langs, &langs),
            years: years.into_iter().rev().collect(),
        }
    }
}

/// Whether article `doc` lies within the query's `after:`/`before:` bounds (before is
/// exclusive) and the UI's date range (inclusive). Undated articles pass only when
/// neither names a bound.
pub(super) fn within_dates(index: &Index, query: &Query, filters: &Filters, doc: u32) -> bool {
    let date = index.facets.docs[doc as usize].date;
    let from = filters.from.map(|(y, m, d)| date_key(y, m, d));
    let to = filters.to.map(|(y, m, d)| date_key(y, m, d));
    let within = |lower: Option<u32>, upper: Option<u32>, inclusive: bool| match (lower, upper) {
        (None, None) => true,
        _ => date.is_some_and(|d| {
            lower.is_none_or(|l| d >= l) && upper.is_none_or(|u| if inclusive { d <= u } else { d < u })
        }),
    };
    within(query.after, query.before, false) && within(from, to, true)
}
