//! What the corpus says of one name, for its page (`#/name/<slug>`) and the reading view's
//! name card: the articles that name it, newest first, and the names named most often
//! beside it. Read from the facet index of the first file, so it needs no article body.

use crate::corpus::slugify;
use crate::facet::Facet;
use crate::index::FacetIndex;
use crate::lens::NameKind;

/// The name facets, in the order a slug is looked up in (a slug shared by a person and a
/// place is the person's).
pub const NAME_FACETS: [Facet; 3] = [Facet::Person, Facet::Org, Facet::Place];

/// A name of the corpus: its facet and its number in that facet's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NameId {
    pub facet: Facet,
    pub id: u32,
}

/// The name whose slug is `slug`.
pub fn by_slug(index: &FacetIndex, slug: &str) -> Option<NameId> {
    NAME_FACETS.into_iter().find_map(|facet| {
        let found = index.values[facet].iter().position(|v| slugify(v) == slug)?;
        Some(NameId { facet, id: found as u32 })
    })
}

/// The name of `kind` called `name` (its fullest form), when some article is about it.
pub fn by_name(index: &FacetIndex, kind: NameKind, name: &str) -> Option<NameId> {
    let facet = Facet::of_name_kind(kind);
    index.id(facet, name).map(|id| NameId { facet, id })
}

/// The articles naming `name`, newest first (undated ones last, in corpus order).
pub fn articles_naming(index: &FacetIndex, name: NameId) -> Vec<usize> {
    let mut found: Vec<usize> = index
        .docs
        .iter()
        .enumerate()
        .filter(|(_, d)| d.values[name.facet].binary_search(&name.id).is_ok())
        .map(|(n, _)| n)
        .collect();
    found.sort_by_key(|&n| std::cmp::Reverse(index.docs[n].date.unwrap_or(0)));
    found
}

/// The names most often named in `articles`, the articles about `name`, beside it
/// (`(name, articles in common)`), most first, at most `limit`.
pub fn companions(index: &FacetIndex, name: NameId, articles: &[usize], limit: usize) -> Vec<(NameId, usize)> {
    let mut counts: std::collections::HashMap<NameId, usize> = std::collections::HashMap::new();
    for &n in articles {
        for facet in NAME_FACETS {
            for &id in &index.docs[n].values[facet] {
                let other = NameId { facet, id };
                if other != name {
                    *counts.entry(other).or_default() += 1;
                }
            }
        }
    }
    let mut ranked: Vec<(NameId, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| index.values[a.0.facet][a.0.id as usize].cmp(&index.values[b.0.facet][b.0.id as usize]))
    });
    ranked.truncate(limit);
    ranked
}

impl NameId {
    /// What the name names.
    pub fn kind(self) -> NameKind {
        self.facet.name_kind().expect("a name is in a name facet")
    }
}

/// The name's fullest form.
pub fn name_of(index: &FacetIndex, name: NameId) -> &str {
    &index.values[name.facet][name.id as usize]
}
