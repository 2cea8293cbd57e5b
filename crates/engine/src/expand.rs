//! What each word of a query stands for in the term dictionary: [`expand`] is the one
//! function that decides it, and both search (to match and rank) and the marker (to
//! mark) use its answer, so what is marked is what ranked.
//!
//! A word expands to, in this order (a term is listed once, under its best kind):
//! - the term itself, when the dictionary has it ([`Kind::Exact`]);
//! - the terms sharing its Snowball stem in a stemming language of the corpus
//!   ([`Kind::Stemmed`]);
//! - for the word being typed, the most frequent terms it begins ([`Kind::Prefix`]): as
//!   many as [`prefix_terms`] allows for its length;
//! - the [`TYPO_TERMS`] closest terms within its typo budget ([`fuzzy::typo_budget`]),
//!   ([`Kind::Typo`] with the number of edits).
//!
//! A word the dictionary lacks (and that, being typed, begins no term) is most likely
//! misspelt or unfinished: stemming it reads a suffix into letters that are not one
//! (`javas` → `java`, `parliment` → French `parl`). Its stem matches are kept, for
//! recall, but as [`Kind::LooseStem`], which ranks after every typo correction.

use super::fuzzy;
use super::index::{Field, Index, TermRef};
use super::query::{Atom, Query, Scope};

/// Dictionary terms a prefix expands to, most frequent first.
pub const PREFIX_TERMS: usize = 50;

/// Dictionary terms a prefix of `chars` characters expands to: fewer for one or two
/// letters, which begin thousands of terms and say little of the word to come (at 10,000
/// articles, `t` with fifty completions took 13 ms natively, with eight, a fifth of that).
pub fn prefix_terms(chars: usize) -> usize {
    match chars {
        0 | 1 => 8,
        2 => 20,
        _ => PREFIX_TERMS,
    }
}
/// Dictionary terms a typo expands to, closest first.
pub const TYPO_TERMS: usize = 20;
/// The typos a loose stem match counts as: more than any real typo budget allows.
pub const LOOSE_STEM_TYPOS: u8 = 3;

/// How a dictionary term matches a query word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Exact,
    Stemmed,
    Prefix,
    /// Within this many edits.
    Typo(u8),
    /// Shares the stem of a word the dictionary lacks.
    LooseStem,
}

impl Kind {
    /// Typos the match counts as (ranking rule "typo").
    pub fn typos(self) -> u8 {
        match self {
            Kind::Typo(edits) => edits,
            Kind::LooseStem => LOOSE_STEM_TYPOS,
            Kind::Exact | Kind::Stemmed | Kind::Prefix => 0,
        }
    }

    /// How far from the typed word a match without typos is (ranking rule "exactness"):
    /// 0 exact, 1 stemmed, 2 prefix completion. Matches with typos count 0 here: the
    /// typo rule has ranked them already.
    pub fn inexactness(self) -> u8 {
        match self {
            Kind::Stemmed => 1,
            Kind::Prefix => 2,
            Kind::Exact | Kind::Typo(_) | Kind::LooseStem => 0,
        }
    }
}

/// One dictionary term a word stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Variant {
    pub term: TermRef,
    pub kind: Kind,
}

/// What one positive atom of a query expands to. Atoms are numbered as
/// [`Query::positive_atoms`] lists them.
#[derive(Debug, Clone, PartialEq)]
pub enum AtomTerms {
    /// A word: its variants, best kinds first.
    Word { scope: Scope, variants: Vec<Variant> },
    /// A phrase: its terms, matched exactly and consecutively.
    Phrase { scope: Scope, terms: Vec<String> },
    /// A facet field: matched against facet values, never marked.
    Facet,
}

/// The expansion of every positive atom of a query, in [`Query::positive_atoms`] order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Expansion {
    pub atoms: Vec<AtomTerms>,
}

/// Expands every positive atom of `query` over `index`'s dictionary.
pub fn expand(index: &Index, query: &Query) -> Expansion {
    Expansion { atoms: query.positive_atoms().map(|atom| expand_atom(index, atom)).collect() }
}

/// Expands one atom (positive or excluded) over `index`'s dictionary.
pub fn expand_atom(index: &Index, atom: &Atom) -> AtomTerms {
    match atom {
        Atom::Word { term, prefix, scope, .. } => {
            AtomTerms::Word { scope: *scope, variants: variants(index, term, *prefix) }
        }
        Atom::Phrase { terms, scope } => AtomTerms::Phrase { scope: *scope, terms: terms.clone() },
        Atom::Facet { .. } => AtomTerms::Facet,
    }
}

/// The dictionary terms word `term` stands for, best kinds first.
pub fn variants(index: &Index, term: &str, prefix: bool) -> Vec<Variant> {
    let mut out: Vec<Variant> = Vec::new();
    let mut add = |term: TermRef, kind: Kind| {
        if !out.iter().any(|v| v.term == term) {
            out.push(Variant { term, kind });
        }
    };
    let exact = index.exact(term);
    let completions = if prefix { index.prefixed(term, prefix_terms(term.chars().count())) } else { Vec::new() };
    if let Some(r) = exact {
        add(r, Kind::Exact);
    }
    // The stems of a word the dictionary has are trusted; those of a word it lacks come
    // after the typos (so that a term that is both keeps the typo's kind).
    let stems = index.stem_variants(term);
    let known = exact.is_some();
    if known {
        stems.iter().for_each(|&r| add(r, Kind::Stemmed));
    }
    for (_, r) in completions {
        add(r, Kind::Prefix);
    }
    let budget = fuzzy::typo_budget(term);
    if budget > 0 {
        for (found, r) in index.fuzzy(term, budget, TYPO_TERMS) {
            add(r, Kind::Typo(fuzzy::distance(term, &found, budget).unwrap_or(budget)));
        }
    }
    if !known {
        stems.iter().for_each(|&r| add(r, Kind::LooseStem));
    }
    out
}

/// Whether a word or phrase of `scope` counts in `field`.
pub fn in_scope(scope: Scope, field: Field) -> bool {
    matches!((scope, field), (Scope::Any, _) | (Scope::Title, Field::Title) | (Scope::Byline, Field::Byline))
}

/// Per positive atom of a query, the most typos a matched term may have in one article:
/// the fewest the article has for that word, so that a correction the article did not
/// need (a "from" where the article has the "form" typed) is not marked. Two bits per
/// atom; [`TypoLimits::ANY`] lets every variant through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypoLimits([u64; 2]);

impl TypoLimits {
    pub const ANY: TypoLimits = TypoLimits([u64::MAX; 2]);

    /// The limit for atom `atom`; atoms beyond 64 have none.
    pub fn get(self, atom: usize) -> u8 {
        if atom >= 64 {
            LOOSE_STEM_TYPOS
        } else {
            ((self.0[atom / 32] >> (2 * (atom % 32))) & 3) as u8
        }
    }

    /// Lowers the limit of atom `atom` to `typos` (never raises it).
    pub fn lower(&mut self, atom: usize, typos: u8) {
        if atom < 64 && typos < self.get(atom) {
            let (lane, shift) = (atom / 32, 2 * (atom % 32));
            self.0[lane] &= !(3u64 << shift);
            self.0[lane] |= u64::from(typos.min(3)) << shift;
        }
    }

    /// The limits of matches of different atoms together: each atom keeps the limit of
    /// the match that lowered it (the other left it at 3, all bits set).
    pub fn both(a: TypoLimits, b: TypoLimits) -> TypoLimits {
        TypoLimits([a.0[0] & b.0[0], a.0[1] & b.0[1]])
    }

    /// The limits for article `doc` alone, read from the postings of each variant (for a
    /// page that shows one article; search computes them for every hit as it ranks).
    pub fn of_article(index: &Index, expansion: &Expansion, doc: u32) -> TypoLimits {
        let mut limits = TypoLimits::ANY;
        for (i, atom) in expansion.atoms.iter().enumerate() {
            let AtomTerms::Word { variants, scope } = atom else { continue };
            // As search counts it: in a field the word's scope allows.
            let counts = |tf: [u32; 3]| Field::ALL.iter().any(|&f| tf[f as usize] > 0 && in_scope(*scope, f));
            for v in variants {
                let typos = v.kind.typos();
                if typos < limits.get(i)
                    && index.postings(v.term).take_while(|p| p.doc <= doc).any(|p| p.doc == doc && counts(p.tf))
                {
                    limits.lower(i, typos);
                }
            }
        }
        limits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::query::parse;
    use crate::test_corpus::corpus_of;

    fn corpus(bodies: &[(&str, &str)]) -> Corpus {
        let articles: Vec<(&str, &str, &[&str])> =
            bodies.iter().map(|(lang, body)| ("Article", *lang, std::slice::from_ref(body))).collect();
        corpus_of(&articles)
    }

    fn kinds(corpus: &Corpus, input: &str) -> Vec<Kind> {
        let query = parse(input);
        let Some(AtomTerms::Word { variants, .. }) = expand(&corpus.index, &query).atoms.into_iter().next() else {
            panic!("a word")
        };
        variants.into_iter().map(|v| v.kind).collect()
    }

    #[test]
    fn a_known_word_expands_to_itself_its_stems_then_typos() {
        let c = corpus(&[("en", "blank blankly blanky")]);
        assert_eq!(kinds(&c, "blankly "), [Kind::Exact, Kind::Stemmed, Kind::Typo(1)]);
    }

    #[test]
    fn an_unknown_word_has_loose_stems_after_its_typos() {
        // "javas" stems to "java" in English; being typed, it begins "javascript".
        let c = corpus(&[("en", "java javascript")]);
        assert_eq!(kinds(&c, "javas"), [Kind::Prefix, Kind::Typo(1)]);
        let c = corpus(&[("en", "java")]);
        assert_eq!(kinds(&c, "javas "), [Kind::Typo(1)]);
        let c = corpus(&[("en", "jav")]);
        assert_eq!(kinds(&c, "javas "), Vec::<Kind>::new());
        // French "parler" and "parliment" share the stem "parl"; "parliament" is one edit.
        let c = corpus(&[("fr", "parler"), ("en", "parliament")]);
        assert_eq!(kinds(&c, "parliment "), [Kind::Typo(1), Kind::LooseStem]);
    }

    #[test]
    fn limits_follow_the_articles_best_match() {
        let c = corpus(&[("en", "the form"), ("en", "the from")]);
        let query = parse("form ");
        let e = expand(&c.index, &query);
        assert_eq!(TypoLimits::of_article(&c.index, &e, 0).get(0), 0);
        assert_eq!(TypoLimits::of_article(&c.index, &e, 1).get(0), 1);
        // A title word counts the title only: the body's "form" does not lower its limit.
        let c = corpus_of(&[("Letter from the office", "en", &["Fill in the form."])]);
        let e = expand(&c.index, &parse("title:form "));
        assert_eq!(TypoLimits::of_article(&c.index, &e, 0).get(0), 1);
        let mut limits = TypoLimits::ANY;
        limits.lower(3, 2);
        limits.lower(3, 3);
        assert_eq!((limits.get(3), limits.get(2), limits.get(70)), (2, 3, 3));
    }
}
