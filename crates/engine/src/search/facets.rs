//! Filters and facets. Filters from the UI are OR within a facet and AND across facets.
//! Facet counts are disjunctive: the counts of one facet apply every filter but that
//! facet's own, so a reader sees how many articles choosing another value would add.

use super::super::facet::{Facet, PerFacet, FACETS};
use super::super::index::{date_key, Index};
use super::super::query::Query;

/// Filters chosen in the UI. Empty lists filter nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    /// Per facet, the values chosen (as the URL gives them: see [`Facet::normalise`]).
    pub values: PerFacet<Vec<String>>,
    /// Published on or after this day.
    pub from: Option<(u16, u8, u8)>,
    /// Published on or before this day.
    pub to: Option<(u16, u8, u8)>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// The same filters with one facet's values.
    pub fn with(mut self, facet: Facet, values: &[&str]) -> Filters {
        self.values[facet] = values.iter().map(|v| v.to_string()).collect();
        self
    }

    /// The chosen values of `facet` as the facet counts them, without repeats.
    fn chosen(&self, facet: Facet) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for value in self.values[facet].iter().filter_map(|v| facet.normalise(v)) {
            if !out.contains(&value) {
                out.push(value);
            }
        }
        out
    }
}

/// Per facet, its values with the number of matching articles, most frequent first (or
/// newest first: see [`Facet::newest_first`]). Selected values are listed even when their
/// count is zero.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facets {
    pub values: PerFacet<Vec<(String, usize)>>,
}

/// The UI's facet filters as sets of interned values (`None`: the facet filters nothing).
pub(super) struct Chosen(PerFacet<Option<Vec<u32>>>);

/// A set of facets, one bit each.
pub(super) type FacetBits = u16;
pub(super) const ALL_FACETS: FacetBits = (1 << FACETS) - 1;

fn bit(facet: Facet) -> FacetBits {
    1 << facet as u8
}

impl Chosen {
    pub(super) fn new(index: &Index, filters: &Filters) -> Chosen {
        Chosen(PerFacet::from_fn(|facet| {
            let chosen = filters.chosen(facet);
            (!chosen.is_empty()).then(|| chosen.iter().filter_map(|c| index.facets.id(facet, c)).collect())
        }))
    }

    /// The facets whose filter article `doc` passes, as a bit set.
    pub(super) fn passed(&self, index: &Index, doc: u32) -> FacetBits {
        let have = &index.facets.docs[doc as usize].values;
        self.0
            .iter()
            .filter(|(facet, chosen)| chosen.as_ref().is_none_or(|ids| have[*facet].iter().any(|v| ids.contains(v))))
            .fold(0, |bits, (facet, _)| bits | bit(facet))
    }
}

/// Disjunctive facet counts being gathered: per facet, a count per interned value.
pub(super) struct Counts(PerFacet<Vec<usize>>);

impl Counts {
    pub(super) fn new(index: &Index) -> Counts {
        Counts(PerFacet::from_fn(|facet| vec![0; index.facets.values[facet].len()]))
    }

    /// Counts article `doc` in each facet whose count ignores the one filter it fails (or
    /// in every facet, when it fails none).
    pub(super) fn add(&mut self, index: &Index, doc: u32, passed: FacetBits) {
        let have = &index.facets.docs[doc as usize].values;
        for facet in Facet::ALL {
            if passed | bit(facet) == ALL_FACETS {
                have[facet].iter().for_each(|&v| self.0[facet][v as usize] += 1);
            }
        }
    }

    pub(super) fn into_facets(self, index: &Index, filters: &Filters) -> Facets {
        let values = PerFacet::from_fn(|facet| {
            let chosen = filters.chosen(facet);
            let mut out: Vec<(String, usize)> = index.facets.values[facet]
                .iter()
                .zip(&self.0[facet])
                .filter(|(v, n)| **n > 0 || chosen.contains(v))
                .map(|(v, n)| (v.clone(), *n))
                .collect();
            for c in chosen {
                if index.facets.id(facet, &c).is_none() {
                    out.push((c, 0));
                }
            }
            if facet.newest_first() {
                out.sort_by_key(|(v, _)| std::cmp::Reverse(v.parse::<u32>().unwrap_or(0)));
            } else {
                out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            }
            out
        });
        Facets { values }
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
