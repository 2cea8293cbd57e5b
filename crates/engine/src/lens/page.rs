//! What the corpus says of one name, for its page (`#/name/<slug>`) and the reading view's
//! name card and its static page (`read/name/<slug>.html`): the articles that name it,
//! newest first, the names named most often beside it, and what it said (from a body);
//! and the names a library search names, to offer their pages. All but the quotes are read
//! from the facet index of the first file, so they need no article body.

use crate::article::Article;
use crate::corpus::slugify;
use crate::facet::Facet;
use crate::index::FacetIndex;
use crate::lens::{NameKind, SpanKind};
use crate::query::{self, Atom, Scope};

/// Letters a search must have typed before it is offered names.
const NAMED_FROM: usize = 3;

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
    newest_first(index, &mut found);
    found
}

/// [`articles_naming`] of every name of `facet` at once, by its number: one pass over the
/// articles, for writing every name's page.
pub fn articles_naming_each(index: &FacetIndex, facet: Facet) -> Vec<Vec<usize>> {
    let mut each = vec![Vec::new(); index.values[facet].len()];
    for (n, doc) in index.docs.iter().enumerate() {
        for &id in &doc.values[facet] {
            each[id as usize].push(n);
        }
    }
    for found in &mut each {
        newest_first(index, found);
    }
    each
}

fn newest_first(index: &FacetIndex, articles: &mut [usize]) {
    articles.sort_by_key(|&n| std::cmp::Reverse(index.docs[n].date.unwrap_or(0)));
}

/// The quotations `article` attributes to the name `name` (its fullest form), in order.
pub fn quotes_in<'a>(article: &'a Article, name: &str) -> Vec<&'a str> {
    let lenses = &article.lenses;
    let texts = article.texts();
    lenses
        .spans
        .iter()
        .filter(|span| {
            matches!(span.kind, SpanKind::Quote { .. }) && lenses.speaker(span).is_some_and(|s| s.name == name)
        })
        .filter_map(|span| texts.get(span.text as usize)?.text.get(span.start as usize..span.end as usize))
        .collect()
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

/// The names a library search `input` names, most written about first (then by name), at
/// most `limit`, each with its number of articles: every word of the search is a word of
/// the name, the last one as a prefix while it is typed ("putin", "vladimir pu" name Vladimir
/// Putin). None for a search of other kinds (a field, an OR, an exclusion, a phrase) or of
/// fewer than three letters.
pub fn named_by(index: &FacetIndex, input: &str, limit: usize) -> Vec<(NameId, usize)> {
    let parsed = query::parse(input);
    let mut terms = Vec::new();
    let mut prefix = false;
    for clause in &parsed.clauses {
        match clause.any.as_slice() {
            [Atom::Word { term, prefix: p, scope: Scope::Any, .. }] if !clause.negated => {
                terms.push(term.clone());
                prefix = *p;
            }
            _ => return Vec::new(),
        }
    }
    if terms.iter().map(|t| t.chars().count()).sum::<usize>() < NAMED_FROM {
        return Vec::new();
    }
    let mut found = Vec::new();
    for facet in NAME_FACETS {
        let wanted = index.values_matching(facet, &terms, prefix);
        if !wanted.contains(&true) {
            continue;
        }
        let mut articles = vec![0usize; wanted.len()];
        for doc in &index.docs {
            for &id in &doc.values[facet] {
                articles[id as usize] += usize::from(wanted[id as usize]);
            }
        }
        let named = articles.into_iter().enumerate().filter(|&(_, n)| n > 0);
        found.extend(named.map(|(id, n)| (NameId { facet, id: id as u32 }, n)));
    }
    found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| name_of(index, a.0).cmp(name_of(index, b.0))));
    found.truncate(limit);
    found
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
