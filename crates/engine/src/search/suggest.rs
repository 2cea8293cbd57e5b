//! "Did you mean": a respelling of a query that finds nothing with all its words.

use std::ops::Range;

use super::super::corpus::Corpus;
use super::super::expand;
use super::super::fuzzy;
use super::super::query::{self, Atom, Query};
use super::{run, Filters, Sort};

/// For a query that no article matches with every word: each word the dictionary lacks
/// (exactly and by stem) respelled as the closest, most frequent term within
/// [`fuzzy::suggestion_budget`] edits (wider than search's typo budget), kept only if the
/// respelled query finds articles with every word.
pub(super) fn suggest(corpus: &Corpus, query: &Query, filters: &Filters) -> Option<String> {
    let index = &corpus.index;
    let mut spans: Vec<(Range<usize>, String)> = Vec::new();
    for atom in query.positive_atoms() {
        let Atom::Word { term, span, .. } = atom else { continue };
        if index.exact(term).is_some() || !index.stem_variants(term).is_empty() {
            continue;
        }
        if let Some((found, _)) = index.fuzzy(term, fuzzy::suggestion_budget(term), 1).into_iter().next() {
            spans.push((span.clone(), found));
        }
    }
    if spans.is_empty() {
        return None;
    }
    spans.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
    let mut text = query.input.clone();
    for (span, word) in spans {
        text.replace_range(span, &word);
    }
    let respelled = query::parse(text.trim_end());
    let expansion = expand::expand(index, &respelled);
    let (hits, ..) = run(corpus, &respelled, &expansion, filters, Sort::Relevance, false);
    (!hits.is_empty()).then_some(text)
}
