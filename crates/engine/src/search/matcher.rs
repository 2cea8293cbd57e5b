//! Which articles each clause of a query matches, and what the ranking rules need to know
//! of each match: typos, exactness, field, BM25F score, and a posting for proximity.
//!
//! **BM25F.** For a word and an article, a matching term gets
//! `tf~ = Σ_field W_f · tf_f / (1 − B_f + B_f · len_f / avglen_f)` and scores
//! `tf~ / (K1 + tf~)`; the word scores its best term (best by the ranking rules' tiers
//! first: fewest typos, then exactness, then this score) times
//! `idf = ln(1 + (N − n + 0.5) / (n + 0.5))`, `n` being the articles any of its terms is
//! in. A phrase scores like one term with the phrase's own frequencies, times
//! `1 + (terms − 1) / 2`. The words of an `a OR b` clause add up.

use super::super::expand::{self, AtomTerms, TypoLimits, Variant};
use super::super::facet::Facet;
use super::super::index::{Field, Index, Posting};
use super::super::query::{Atom, Scope};

/// BM25 saturation.
pub const K1: f32 = 1.2;
/// Field weights: title, byline, body.
pub const WEIGHTS: [f32; 3] = [3.0, 2.0, 1.0];
/// Length normalisation per field: title, byline, body.
pub const B: [f32; 3] = [0.5, 0.3, 0.75];

/// One article matched by an atom or a clause.
#[derive(Debug, Clone, Copy)]
pub struct Matched {
    pub doc: u32,
    /// Atoms of the clause that matched (1 for an atom).
    pub atoms: u16,
    pub typos: u8,
    pub inexactness: u8,
    /// The best field matched: 0 title, 1 byline, 2 body.
    pub field: u8,
    pub score: f32,
    /// A posting of a matched word, for proximity.
    pub posting: Option<Posting>,
    /// The typos of each word's match here, for marking.
    pub limits: TypoLimits,
}

impl Matched {
    fn new(doc: u32) -> Matched {
        Matched {
            doc,
            atoms: 1,
            typos: 0,
            inexactness: 0,
            field: 0,
            score: 0.0,
            posting: None,
            limits: TypoLimits::ANY,
        }
    }

    fn tier(&self) -> (u8, u8) {
        (self.typos, self.inexactness)
    }
}

pub struct Matcher<'a> {
    pub index: &'a Index,
    n: f32,
}

impl<'a> Matcher<'a> {
    pub fn new(index: &'a Index) -> Matcher<'a> {
        Matcher { index, n: index.len() as f32 }
    }

    /// Articles matching any of `atoms` (with their expansions, numbered from `first` in
    /// the query's positive atoms), by article ascending.
    pub fn clause(&self, atoms: &[(&Atom, &AtomTerms)], first: usize) -> Vec<Matched> {
        if let [(atom, terms)] = atoms {
            return self.atom(atom, terms, first);
        }
        let mut all: Vec<Matched> =
            atoms.iter().enumerate().flat_map(|(i, (atom, terms))| self.atom(atom, terms, first + i)).collect();
        all.sort_by_key(|m| m.doc);
        let mut out: Vec<Matched> = Vec::with_capacity(all.len());
        for m in all {
            match out.last_mut() {
                Some(last) if last.doc == m.doc => {
                    if m.tier() < last.tier() {
                        (last.typos, last.inexactness) = m.tier();
                    }
                    last.atoms += 1;
                    last.field = last.field.min(m.field);
                    last.score += m.score;
                    last.posting = last.posting.or(m.posting);
                    last.limits = TypoLimits::both(last.limits, m.limits);
                }
                _ => out.push(m),
            }
        }
        out
    }

    /// The articles any of `atoms` matches (for exclusions), ascending.
    pub fn docs(&self, atoms: &[Atom]) -> Vec<u32> {
        let mut docs: Vec<u32> = atoms
            .iter()
            .flat_map(|atom| self.atom(atom, &expand::expand_atom(self.index, atom), usize::MAX))
            .map(|m| m.doc)
            .collect();
        docs.sort_unstable();
        docs.dedup();
        docs
    }

    fn atom(&self, atom: &Atom, terms: &AtomTerms, number: usize) -> Vec<Matched> {
        match (atom, terms) {
            (_, AtomTerms::Word { scope, variants }) => self.word(variants, *scope, number),
            (_, AtomTerms::Phrase { scope, terms }) => self.phrase(terms, *scope),
            (Atom::Facet { field, terms, prefix }, AtomTerms::Facet) => self.facet(*field, terms, *prefix),
            _ => Vec::new(),
        }
    }

    fn idf(&self, df: usize) -> f32 {
        let df = df as f32;
        (1.0 + (self.n - df + 0.5) / (df + 0.5)).ln()
    }

    /// Saturated BM25F term frequency of `tf` (per field) in article `doc`, and the best
    /// field counted; `None` when no field of `scope` has the term.
    fn saturated(&self, doc: u32, tf: [u32; 3], scope: Scope) -> Option<(f32, u8)> {
        let mut weighted = 0.0;
        let mut best = None;
        for field in Field::ALL {
            let f = field as usize;
            if !expand::in_scope(scope, field) || tf[f] == 0 {
                continue;
            }
            best = best.or(Some(f as u8));
            let norm = 1.0 - B[f] + B[f] * self.index.field_len(doc, field) as f32 / self.index.avg_len(field);
            weighted += WEIGHTS[f] * tf[f] as f32 / norm;
        }
        best.map(|field| (weighted / (K1 + weighted), field))
    }

    fn word(&self, variants: &[Variant], scope: Scope, number: usize) -> Vec<Matched> {
        // Best match per article: `slot[doc]` indexes `best`.
        let mut slot = vec![u32::MAX; self.index.len()];
        let mut best: Vec<Matched> = Vec::new();
        for v in variants {
            let (typos, inexactness) = (v.kind.typos(), v.kind.inexactness());
            for posting in self.index.postings(v.term) {
                let Some((score, field)) = self.saturated(posting.doc, posting.tf, scope) else { continue };
                let mut limits = TypoLimits::ANY;
                limits.lower(number, typos);
                let m = Matched {
                    typos,
                    inexactness,
                    field,
                    score,
                    posting: Some(posting),
                    limits,
                    ..Matched::new(posting.doc)
                };
                let at = &mut slot[posting.doc as usize];
                if *at == u32::MAX {
                    *at = best.len() as u32;
                    best.push(m);
                } else {
                    let old = &mut best[*at as usize];
                    if (m.tier(), -m.score) < (old.tier(), -old.score) {
                        *old = m;
                    }
                }
            }
        }
        let idf = self.idf(best.len());
        for m in &mut best {
            m.score *= idf;
        }
        best.sort_unstable_by_key(|m| m.doc);
        best
    }

    fn phrase(&self, terms: &[String], scope: Scope) -> Vec<Matched> {
        let Some(refs) = terms.iter().map(|t| self.index.exact(t)).collect::<Option<Vec<_>>>() else {
            return Vec::new();
        };
        if refs.is_empty() {
            return Vec::new();
        }
        let lists: Vec<Vec<Posting>> = refs.iter().map(|&r| self.index.postings(r).collect()).collect();
        let rarest = (0..lists.len()).min_by_key(|&i| lists[i].len()).expect("phrases have terms");
        let mut found = Vec::new();
        'docs: for p in &lists[rarest] {
            let mut postings = Vec::with_capacity(lists.len());
            for list in &lists {
                match list.binary_search_by_key(&p.doc, |x| x.doc) {
                    Ok(i) => postings.push(list[i]),
                    Err(_) => continue 'docs,
                }
            }
            let positions: Vec<[Vec<u32>; 3]> = postings.iter().map(|p| self.index.positions(p)).collect();
            let mut tf = [0u32; 3];
            for field in Field::ALL {
                let f = field as usize;
                tf[f] = positions[0][f]
                    .iter()
                    .filter(|&&start| {
                        positions.iter().enumerate().all(|(i, pos)| pos[f].binary_search(&(start + i as u32)).is_ok())
                    })
                    .count() as u32;
            }
            if let Some((score, field)) = self.saturated(p.doc, tf, scope) {
                found.push((postings[0], score, field));
            }
        }
        let boost = 1.0 + (terms.len() as f32 - 1.0) / 2.0;
        let idf = self.idf(found.len());
        // The first term's posting stands for the phrase where positions are wanted.
        found
            .into_iter()
            .map(|(first, s, field)| Matched {
                score: idf * s * boost,
                field,
                posting: Some(first),
                ..Matched::new(first.doc)
            })
            .collect()
    }

    fn facet(&self, field: Facet, terms: &[String], prefix: bool) -> Vec<Matched> {
        let facets = &self.index.facets;
        let wanted = facets.values_matching(field, terms, prefix);
        facets
            .docs
            .iter()
            .enumerate()
            .filter(|(_, d)| d.values[field].iter().any(|&v| wanted[v as usize]))
            .map(|(doc, _)| Matched::new(doc as u32))
            .collect()
    }
}
