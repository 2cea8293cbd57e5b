//! Search: matching, ranking, filters, facet counts, suggestions and hit details.
//!
//! **Matching.** Every clause of the query must match (AND); a clause matches when one of
//! its atoms does (OR). A word matches the terms of the dictionary that equal it, share
//! its stem (in any stemming language of the corpus), start with it (the word being
//! typed, at most [`PREFIX_TERMS`] of the most frequent), or lie within its typo budget
//! (at most [`TYPO_TERMS`], closest first). Phrases match consecutive exact terms.
//!
//! **Ranking (BM25F).** For a word and an article, each matching term gets
//! `tf~ = Σ_field W_f · tf_f / (1 − B_f + B_f · len_f / avglen_f)` and contributes
//! `kind · tf~ / (K1 + tf~)`, where `kind` is [`EXACT`], [`STEMMED`], [`PREFIX`],
//! [`TYPO1`] or [`TYPO2`]; the word scores the best of its terms times
//! `idf = ln(1 + (N − n + 0.5) / (n + 0.5))`, `n` being the articles any of its terms is
//! in. A phrase scores like one term with the phrase's own frequencies, times
//! `1 + (terms − 1) / 2`. Clause scores add up. Among the best [`PROXIMITY_TOP`]
//! articles, when two or more words match in the same field, the score is multiplied by
//! `1 + PROXIMITY · (m − 1) / (w − 1)`, `w` being the smallest window of positions
//! holding all `m` of them. Ties go to the newer article, then by title.
//!
//! **Filters and facets.** Filters from the UI are OR within a facet and AND across
//! facets. Facet counts are disjunctive: the counts of one facet apply every filter but
//! that facet's own.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::ops::Range;

use super::corpus::Corpus;
use super::fuzzy;
use super::highlight::{self, Highlighter};
use super::index::{date_key, Field, Index, Posting, TermRef};
use super::query::{self, Atom, Clause, FacetField, Query, Scope};
use super::tokenize;

/// BM25 saturation.
pub const K1: f32 = 1.2;
/// Field weights: title, byline, body.
pub const WEIGHTS: [f32; 3] = [3.0, 2.0, 1.0];
/// Length normalisation per field: title, byline, body.
pub const B: [f32; 3] = [0.5, 0.3, 0.75];
/// Match kinds: exact > stemmed > prefix > typo.
pub const EXACT: f32 = 1.0;
pub const STEMMED: f32 = 0.75;
pub const PREFIX: f32 = 0.5;
pub const TYPO1: f32 = 0.35;
pub const TYPO2: f32 = 0.2;
/// Greatest proximity bonus (adjacent words), as a fraction of the score.
pub const PROXIMITY: f32 = 0.3;
/// How many of the best articles get the proximity bonus.
pub const PROXIMITY_TOP: usize = 200;
/// Dictionary terms a prefix expands to, most frequent first.
pub const PREFIX_TERMS: usize = 50;
/// Dictionary terms a typo expands to, closest first.
pub const TYPO_TERMS: usize = 20;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sort {
    Relevance,
    Newest,
    Oldest,
    Longest,
    Shortest,
    Title,
}

impl Sort {
    pub const ALL: [Sort; 6] = [Sort::Relevance, Sort::Newest, Sort::Oldest, Sort::Longest, Sort::Shortest, Sort::Title];

    /// The name used in URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Longest => "longest",
            Sort::Shortest => "shortest",
            Sort::Title => "title",
        }
    }

    /// The name shown to readers.
    pub fn label(self) -> &'static str {
        match self {
            Sort::Relevance => "Relevance",
            Sort::Newest => "Newest first",
            Sort::Oldest => "Oldest first",
            Sort::Longest => "Longest first",
            Sort::Shortest => "Shortest first",
            Sort::Title => "Title (A–Z)",
        }
    }

    pub fn parse(name: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// Relevance when the query has text, else newest first.
    pub fn default_for(query: &str) -> Sort {
        if query::parse(query).has_text() { Sort::Relevance } else { Sort::Newest }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    /// Every matching article, in order.
    pub hits: Vec<Hit>,
    pub facets: Facets,
    /// A respelled query that finds something, when this one finds nothing.
    pub suggestion: Option<String>,
    pub query: Query,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Index into `corpus.articles`.
    pub article: usize,
    pub score: f32,
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

/// Searches `corpus` for `input` within `filters`, ordered by `sort`.
pub fn search(corpus: &Corpus, input: &str, filters: &Filters, sort: Sort) -> Results {
    let query = query::parse(input);
    let (hits, facets) = run(corpus, &query, filters, sort);
    let suggestion = if hits.is_empty() && query.has_text() { suggest(corpus, &query, filters) } else { None };
    Results { hits, facets, suggestion, query }
}

/// A matching article: its score and, per clause, the posting that matched a word.
struct Candidate {
    doc: u32,
    score: f32,
    words: Vec<Option<Posting>>,
}

fn run(corpus: &Corpus, query: &Query, filters: &Filters, sort: Sort) -> (Vec<Hit>, Facets) {
    let index = &corpus.index;
    let matcher = Matcher { index, n: index.len() as f32 };
    let positive: Vec<&Clause> = query.clauses.iter().filter(|c| !c.negated).collect();
    let mut candidates: Vec<Candidate> = if positive.is_empty() {
        (0..index.len() as u32).map(|doc| Candidate { doc, score: 0.0, words: Vec::new() }).collect()
    } else {
        let mut lists: Vec<Vec<Matched>> = positive.iter().map(|c| matcher.clause(c)).collect();
        // Start from the rarest clause; the others are looked up by binary search.
        let rarest = (0..lists.len()).min_by_key(|&i| lists[i].len()).expect("one clause at least");
        let first = std::mem::take(&mut lists[rarest]);
        first
            .into_iter()
            .filter_map(|m| {
                let mut words = vec![None; lists.len()];
                words[rarest] = m.word;
                let mut score = m.score;
                for (i, list) in lists.iter().enumerate() {
                    if i == rarest {
                        continue;
                    }
                    let found = &list[list.binary_search_by_key(&m.doc, |x| x.doc).ok()?];
                    score += found.score;
                    words[i] = found.word;
                }
                Some(Candidate { doc: m.doc, score, words })
            })
            .collect()
    };
    for clause in query.clauses.iter().filter(|c| c.negated) {
        let excluded = matcher.clause(clause);
        candidates.retain(|c| excluded.binary_search_by_key(&c.doc, |x| x.doc).is_err());
    }
    let facets = &index.facets;
    let from = filters.from.map(|(y, m, d)| date_key(y, m, d));
    let to = filters.to.map(|(y, m, d)| date_key(y, m, d));
    candidates.retain(|c| {
        let date = facets.docs[c.doc as usize].date;
        let within = |lower: Option<u32>, upper: Option<u32>, inclusive: bool| match (lower, upper) {
            (None, None) => true,
            _ => date.is_some_and(|d| {
                lower.is_none_or(|l| d >= l) && upper.is_none_or(|u| if inclusive { d <= u } else { d < u })
            }),
        };
        within(query.after, query.before, false) && within(from, to, true)
    });

    let selection = Selection::new(index, filters);
    let mut counts = Counts::new(index);
    candidates.retain(|c| {
        let passed = selection.passed(index, c.doc);
        counts.add(index, c.doc, passed);
        passed == ALL_FACETS
    });

    let info = |doc: u32| {
        let f = &facets.docs[doc as usize];
        (f.date, f.title_rank, corpus.articles[doc as usize].word_count)
    };
    // Newer first, undated last; then by title.
    let by_date_desc = |a: u32, b: u32| {
        let (da, ta, _) = info(a);
        let (db, tb, _) = info(b);
        db.cmp(&da).then(ta.cmp(&tb))
    };
    if sort == Sort::Relevance && positive.len() > 1 {
        let top = PROXIMITY_TOP.min(candidates.len());
        if top > 0 && top < candidates.len() {
            candidates.select_nth_unstable_by(top - 1, |a, b| b.score.total_cmp(&a.score));
        }
        for c in &mut candidates[..top] {
            c.score *= 1.0 + PROXIMITY * proximity(index, &c.words);
        }
    }
    candidates.sort_unstable_by(|a, b| {
        let (da, ta, la) = info(a.doc);
        let (db, tb, lb) = info(b.doc);
        let undated_last = |x: Option<u32>, y: Option<u32>| y.is_none().cmp(&x.is_none()).reverse();
        let order = match sort {
            Sort::Relevance => b.score.total_cmp(&a.score).then_with(|| by_date_desc(a.doc, b.doc)),
            Sort::Newest => by_date_desc(a.doc, b.doc),
            Sort::Oldest => undated_last(da, db).then(da.cmp(&db)),
            Sort::Longest => lb.cmp(&la),
            Sort::Shortest => la.cmp(&lb),
            Sort::Title => Ordering::Equal,
        };
        order.then(ta.cmp(&tb)).then(a.doc.cmp(&b.doc))
    });
    let hits = candidates.into_iter().map(|c| Hit { article: c.doc as usize, score: c.score }).collect();
    (hits, counts.into_facets(index, filters))
}

/// One article matched by an atom or clause.
struct Matched {
    doc: u32,
    score: f32,
    word: Option<Posting>,
}

struct Matcher<'a> {
    index: &'a Index,
    n: f32,
}

impl Matcher<'_> {
    /// Articles matching any atom of the clause, by article, scores added.
    fn clause(&self, clause: &Clause) -> Vec<Matched> {
        let mut all: Vec<Matched> = clause.any.iter().flat_map(|atom| self.atom(atom)).collect();
        all.sort_by_key(|m| m.doc);
        let mut out: Vec<Matched> = Vec::with_capacity(all.len());
        for m in all {
            match out.last_mut() {
                Some(last) if last.doc == m.doc => {
                    last.score += m.score;
                    last.word = last.word.or(m.word);
                }
                _ => out.push(m),
            }
        }
        out
    }

    fn atom(&self, atom: &Atom) -> Vec<Matched> {
        match atom {
            Atom::Word { term, prefix, scope, .. } => self.word(term, *prefix, *scope),
            Atom::Phrase { terms, scope } => self.phrase(terms, *scope),
            Atom::Facet { field, terms, prefix } => self.facet(*field, terms, *prefix),
        }
    }

    fn idf(&self, df: usize) -> f32 {
        let df = df as f32;
        (1.0 + (self.n - df + 0.5) / (df + 0.5)).ln()
    }

    /// Saturated BM25F term frequency of `tf` (per field) in article `doc`.
    fn saturated(&self, doc: u32, tf: [u32; 3], scope: Scope) -> f32 {
        let mut weighted = 0.0;
        for field in Field::ALL {
            let f = field as usize;
            let counts = match (scope, field) {
                (Scope::Any, _) | (Scope::Title, Field::Title) | (Scope::Byline, Field::Byline) => true,
                _ => false,
            };
            if !counts || tf[f] == 0 {
                continue;
            }
            let norm = 1.0 - B[f] + B[f] * self.index.field_len(doc, field) as f32 / self.index.avg_len(field);
            weighted += WEIGHTS[f] * tf[f] as f32 / norm;
        }
        weighted / (K1 + weighted)
    }

    /// The dictionary terms a query word stands for, with the weight of each kind of match.
    fn variants(&self, term: &str, prefix: bool) -> Vec<(TermRef, f32)> {
        let mut out: Vec<(TermRef, f32)> = Vec::new();
        let mut add = |r: TermRef, kind: f32| {
            if !out.iter().any(|(seen, _)| *seen == r) {
                out.push((r, kind));
            }
        };
        if let Some(r) = self.index.exact(term) {
            add(r, EXACT);
        }
        for r in self.index.stem_variants(term) {
            add(r, STEMMED);
        }
        if prefix {
            for (_, r) in self.index.prefixed(term, PREFIX_TERMS) {
                add(r, PREFIX);
            }
        }
        let budget = fuzzy::typo_budget(term);
        if budget > 0 {
            for (found, r) in self.index.fuzzy(term, budget, TYPO_TERMS) {
                let kind = if fuzzy::distance(term, &found, 1).is_some() { TYPO1 } else { TYPO2 };
                add(r, kind);
            }
        }
        out
    }

    fn word(&self, term: &str, prefix: bool, scope: Scope) -> Vec<Matched> {
        let variants = self.variants(term, prefix);
        // Best match per article: `slot[doc]` indexes `best`.
        let mut slot = vec![u32::MAX; self.index.len()];
        let mut best: Vec<Matched> = Vec::new();
        for (r, kind) in variants {
            for posting in self.index.postings(r) {
                let s = kind * self.saturated(posting.doc, posting.tf, scope);
                if s <= 0.0 {
                    continue;
                }
                let at = &mut slot[posting.doc as usize];
                if *at == u32::MAX {
                    *at = best.len() as u32;
                    best.push(Matched { doc: posting.doc, score: s, word: Some(posting) });
                } else if s > best[*at as usize].score {
                    best[*at as usize] = Matched { doc: posting.doc, score: s, word: Some(posting) };
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
        let Some(refs) = terms.iter().map(|t| self.index.exact(t)).collect::<Option<Vec<TermRef>>>() else {
            return Vec::new();
        };
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
            let s = self.saturated(p.doc, tf, scope);
            if s > 0.0 {
                found.push((p.doc, s));
            }
        }
        let boost = 1.0 + (terms.len() as f32 - 1.0) / 2.0;
        let idf = self.idf(found.len());
        found.into_iter().map(|(doc, s)| Matched { doc, score: idf * s * boost, word: None }).collect()
    }

    fn facet(&self, field: FacetField, terms: &[String], prefix: bool) -> Vec<Matched> {
        let facets = &self.index.facets;
        let values = match field {
            FacetField::Source => &facets.sources,
            FacetField::Tag => &facets.tags,
            FacetField::Lang => &facets.langs,
        };
        let wanted: Vec<bool> = values
            .iter()
            .map(|value| match field {
                FacetField::Lang => terms.first() == Some(value),
                _ => {
                    let have: Vec<String> =
                        tokenize::terms_with(value, str::to_string).into_iter().map(|t| t.term).collect();
                    terms.iter().enumerate().all(|(i, t)| {
                        have.iter().any(|h| h == t || (prefix && i + 1 == terms.len() && h.starts_with(t.as_str())))
                    })
                }
            })
            .collect();
        let has = |id: Option<u32>| id.is_some_and(|id| wanted[id as usize]);
        facets
            .docs
            .iter()
            .enumerate()
            .filter(|(_, d)| match field {
                FacetField::Source => has(d.source),
                FacetField::Tag => d.tags.iter().any(|&t| has(Some(t))),
                FacetField::Lang => has(Some(d.lang)),
            })
            .map(|(doc, _)| Matched { doc: doc as u32, score: 0.0, word: None })
            .collect()
    }
}

/// Proximity of the matched words in an article: `(m − 1) / (w − 1)` for the field where
/// `m ≥ 2` words fall in the smallest window `w`, the best over title and body; else 0.
fn proximity(index: &Index, words: &[Option<Posting>]) -> f32 {
    let positions: Vec<[Vec<u32>; 3]> = words.iter().flatten().map(|p| index.positions(p)).collect();
    let mut best: f32 = 0.0;
    for field in [Field::Title, Field::Body] {
        let mut merged: Vec<(u32, usize)> = Vec::new();
        for (word, pos) in positions.iter().enumerate() {
            merged.extend(pos[field as usize].iter().map(|&p| (p, word)));
        }
        let present = {
            let mut seen: Vec<usize> = merged.iter().map(|&(_, w)| w).collect();
            seen.sort_unstable();
            seen.dedup();
            seen.len()
        };
        if present < 2 {
            continue;
        }
        merged.sort_unstable();
        // Smallest window holding every present word: two pointers over the merged list.
        let mut count = vec![0usize; positions.len()];
        let mut covered = 0;
        let mut left = 0;
        let mut window = u32::MAX;
        for right in 0..merged.len() {
            let w = merged[right].1;
            count[w] += 1;
            if count[w] == 1 {
                covered += 1;
            }
            while covered == present {
                window = window.min(merged[right].0 - merged[left].0 + 1);
                let lw = merged[left].1;
                count[lw] -= 1;
                if count[lw] == 0 {
                    covered -= 1;
                }
                left += 1;
            }
        }
        let m = present as f32;
        best = best.max((m - 1.0) / (window.max(present as u32) as f32 - 1.0));
    }
    best
}

/// The UI's facet filters as sets of interned values.
struct Selection {
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
const ALL_FACETS: u8 = 31;

impl Selection {
    fn new(index: &Index, filters: &Filters) -> Selection {
        let ids = |values: &[String], chosen: &[String]| {
            (!chosen.is_empty()).then(|| {
                chosen
                    .iter()
                    .filter_map(|c| values.binary_search(c).ok().map(|i| i as u32))
                    .collect::<Vec<u32>>()
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
    fn passed(&self, index: &Index, doc: u32) -> u8 {
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
struct Counts {
    sources: Vec<usize>,
    bylines: Vec<usize>,
    tags: Vec<usize>,
    langs: Vec<usize>,
    years: BTreeMap<u16, usize>,
}

impl Counts {
    fn new(index: &Index) -> Counts {
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
    fn add(&mut self, index: &Index, doc: u32, passed: u8) {
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

    fn into_facets(self, index: &Index, filters: &Filters) -> Facets {
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

/// For a query that finds nothing: each word the dictionary lacks (exactly and by stem)
/// respelled as the closest, most frequent term within two edits, kept only if the
/// respelled query finds something.
fn suggest(corpus: &Corpus, query: &Query, filters: &Filters) -> Option<String> {
    let index = &corpus.index;
    let mut spans: Vec<(Range<usize>, String)> = Vec::new();
    for atom in query.positive_atoms() {
        let Atom::Word { term, span, .. } = atom else { continue };
        if index.exact(term).is_some() || !index.stem_variants(term).is_empty() {
            continue;
        }
        let max = if term.chars().count() <= 4 { 1 } else { 2 };
        if let Some((found, _)) = index.fuzzy(term, max, 1).into_iter().next() {
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
    let (hits, _) = run(corpus, &respelled, filters, Sort::Relevance);
    (!hits.is_empty()).then_some(text)
}

/// Where a query matched in one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HitDetails {
    /// Distinct folded terms of the article that matched, in order of first appearance.
    pub terms: Vec<String>,
    /// Match ranges in the title.
    pub title_ranges: Vec<Range<usize>>,
    /// For each text block with matches (its index in `Article::texts()`), the ranges.
    pub block_ranges: Vec<(usize, Vec<Range<usize>>)>,
    pub excerpt: Excerpt,
}

/// About [`EXCERPT_WORDS`] words of the body around the densest cluster of matches (or
/// the article's opening), with the matches in it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Excerpt {
    pub text: String,
    pub ranges: Vec<Range<usize>>,
}

/// Length of an excerpt, in words.
pub const EXCERPT_WORDS: usize = 30;

/// Where `query` matches article number `article` of the corpus.
pub fn details(corpus: &Corpus, query: &Query, article: usize) -> HitDetails {
    let a = &corpus.articles[article];
    let highlighter = Highlighter::new(query, &a.lang);
    let mut terms: Vec<String> = Vec::new();
    let mut mark = |text: &str| -> Vec<Range<usize>> {
        if highlighter.is_empty() {
            return Vec::new();
        }
        // The highlighter stems each distinct word itself.
        let found = tokenize::terms_with(text, |_| String::new());
        let mut matches = highlighter.matches(&found);
        matches.sort_unstable();
        for &(start, end) in &matches {
            for t in &found[start..=end] {
                if !terms.contains(&t.term) {
                    terms.push(t.term.clone());
                }
            }
        }
        highlight::merge(matches.into_iter().map(|(s, e)| found[s].start..found[e].end).collect())
    };
    let title_ranges = mark(&a.title);
    let texts = a.texts();
    let block_ranges: Vec<(usize, Vec<Range<usize>>)> =
        texts.iter().enumerate().map(|(i, t)| (i, mark(&t.text))).filter(|(_, r)| !r.is_empty()).collect();
    let excerpt = match densest(&texts.iter().map(|t| t.text.as_str()).collect::<Vec<_>>(), &block_ranges) {
        Some(excerpt) => excerpt,
        None => Excerpt { ranges: mark(&a.excerpt), text: a.excerpt.clone() },
    };
    HitDetails { terms, title_ranges, block_ranges, excerpt }
}

/// The window of [`EXCERPT_WORDS`] words holding the most matches, over all blocks,
/// centred on its matches, with `…` where it cuts the block.
fn densest(texts: &[&str], blocks: &[(usize, Vec<Range<usize>>)]) -> Option<Excerpt> {
    // Best window so far: ((distinct matched words, matches), block, first word, last word).
    // Distinct words come first, so "the war" shows a window with "war" in it rather than
    // one crowded with "the".
    let mut best: Option<((usize, usize), usize, usize, usize)> = None;
    let mut words_of: Vec<Vec<tokenize::Token>> = Vec::new();
    for (slot, (block, ranges)) in blocks.iter().enumerate() {
        let text = texts[*block];
        let words: Vec<tokenize::Token> = tokenize::words(text).collect();
        // The word each match starts in, and what it matched (folded).
        let starts: Vec<usize> = ranges.iter().map(|r| words.partition_point(|w| w.end <= r.start)).collect();
        let keys: Vec<String> = ranges.iter().map(|r| tokenize::fold(text.get(r.clone()).unwrap_or(""))).collect();
        let mut left = 0;
        for right in 0..starts.len() {
            while starts[right] - starts[left] >= EXCERPT_WORDS {
                left += 1;
            }
            let window = &keys[left..=right];
            let distinct = window.iter().enumerate().filter(|(i, k)| !window[..*i].contains(k)).count();
            let score = (distinct, right - left + 1);
            if best.is_none_or(|b| score > b.0) {
                best = Some((score, slot, starts[left], starts[right]));
            }
        }
        words_of.push(words);
    }
    let (_, slot, first, last) = best?;
    let (block, ranges) = &blocks[slot];
    let words = &words_of[slot];
    let text = texts[*block];
    if words.is_empty() {
        return None;
    }
    let spare = EXCERPT_WORDS.saturating_sub(last - first + 1);
    let start_word = first.saturating_sub(spare / 2).min(words.len().saturating_sub(EXCERPT_WORDS));
    let end_word = (start_word + EXCERPT_WORDS).min(words.len()) - 1;
    let from = if start_word == 0 { 0 } else { words[start_word].start };
    let to = if end_word + 1 == words.len() { text.len() } else { words[end_word].end };
    let lead = if from > 0 { "…" } else { "" };
    let tail = if to < text.len() { "…" } else { "" };
    let shifted = ranges
        .iter()
        .filter(|r| r.start >= from && r.end <= to)
        .map(|r| r.start - from + lead.len()..r.end - from + lead.len())
        .collect();
    Some(Excerpt { text: format!("{lead}{}{tail}", &text[from..to]), ranges: shifted })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::article::{Article, Block, Published, Text};

    struct Doc {
        title: &'static str,
        byline: Option<&'static str>,
        source: Option<&'static str>,
        date: Option<(u16, u8, u8)>,
        tags: &'static [&'static str],
        lang: &'static str,
        body: &'static [&'static str],
    }

    const DOCS: &[Doc] = &[
        Doc {
            title: "Russia acknowledges North Korean troops in Kursk",
            byline: Some("Jane Doe"),
            source: Some("CNN"),
            date: Some((2025, 4, 26)),
            tags: &["russia", "ukraine"],
            lang: "en",
            body: &[
                "Valery Gerasimov, the Russian chief of general staff, told President Vladimir Putin.",
                "More than 11,000 North Korean troops were fighting in the Kursk region.",
            ],
        },
        Doc {
            title: "Zelenskyy visits Kyiv hospital",
            byline: Some("John Smith"),
            source: Some("BBC News"),
            date: Some((2024, 6, 1)),
            tags: &["ukraine"],
            lang: "en",
            body: &["The Ukrainian president Volodymyr Zelenskyy spoke to the wounded in Kyiv.", "The government promised more drones."],
        },
        Doc {
            title: "Budget talks in parliament",
            byline: Some("Jane Doe"),
            source: Some("The Guardian"),
            date: Some((2023, 1, 15)),
            tags: &["politics"],
            lang: "en",
            body: &["The government is governing; governments come and go.", "Korean exports were discussed, and troops were not."],
        },
        Doc {
            title: "Un troisième Français mort dans le séisme au Népal",
            byline: Some("Sébastien Farcis"),
            source: Some("Libération"),
            date: Some((2015, 4, 30)),
            tags: &["monde"],
            lang: "fr",
            body: &["Les autorités françaises sont toujours sans nouvelles de l'avion."],
        },
        Doc {
            title: "宇航员在太空中喝酒会怎么样",
            byline: None,
            source: None,
            date: None,
            tags: &[],
            lang: "zh",
            body: &["宇航员在国际空间站上不能喝酒。"],
        },
        Doc {
            title: "Gardening in small spaces",
            byline: Some("Ann Green"),
            source: Some("BBC News"),
            date: Some((2024, 9, 3)),
            tags: &["home"],
            lang: "en",
            body: &["Korean troops are not mentioned here, but the north wall of the garden is.", "Grow herbs in pots."],
        },
    ];

    fn corpus() -> Corpus {
        let articles = DOCS
            .iter()
            .enumerate()
            .map(|(i, d)| Article {
                slug: String::new(),
                title: d.title.into(),
                byline: d.byline.map(Into::into),
                source: d.source.map(Into::into),
                published: d.date.map(|(year, month, day)| Published { year, month, day, time: None }),
                url: None,
                tags: d.tags.iter().map(|t| t.to_string()).collect(),
                lang: d.lang.into(),
                blocks: d.body.iter().map(|t| Block::Paragraph(Text::plain(*t))).collect(),
                excerpt: d.body[0].into(),
                word_count: d.body.iter().map(|t| crate::engine::tokenize::word_count(t) as u32).sum(),
                reading_minutes: 1,
                file: format!("{i}.md"),
            })
            .collect();
        Corpus::assemble(articles)
    }

    fn titles(corpus: &Corpus, results: &Results) -> Vec<String> {
        results.hits.iter().map(|h| corpus.articles[h.article].title.clone()).collect()
    }

    /// Searches with relevance order and no filters; `expected` lists title prefixes in
    /// the order the hits must come.
    fn check(query: &str, expected: &[&str]) {
        check_with(query, &Filters::default(), Sort::Relevance, expected);
    }

    fn check_with(query: &str, filters: &Filters, sort: Sort, expected: &[&str]) {
        let corpus = corpus();
        let got = titles(&corpus, &search(&corpus, query, filters, sort));
        let matches = got.len() == expected.len() && got.iter().zip(expected).all(|(g, e)| g.starts_with(e));
        assert!(matches, "query {query:?}: expected {expected:?}, got {got:?}");
    }

    #[test]
    fn words_must_all_match() {
        check("korean troops ", &["Russia acknowledges", "Gardening", "Budget"]);
        check("kursk gerasimov ", &["Russia acknowledges"]);
        check("kursk zelenskyy ", &[]);
    }

    #[test]
    fn title_matches_outrank_body_matches() {
        check("kyiv ", &["Zelenskyy visits"]);
        // Same body frequency: the shorter body (Budget) ranks first.
        check("troops ", &["Russia acknowledges", "Budget", "Gardening"]);
    }

    #[test]
    fn the_last_word_is_a_prefix_while_typing() {
        check("ukr", &["Zelenskyy visits"]);
        check("ukr ", &[]);
        check("north kor", &["Russia acknowledges", "Gardening"]);
    }

    #[test]
    fn folding_and_stemming() {
        check("seisme nepal ", &["Un troisième"]);
        check("autorite ", &["Un troisième"]);
        check("avion ", &["Un troisième"]);
        check("11000 ", &["Russia acknowledges"]);
        check("11,000 ", &["Russia acknowledges"]);
        // Exact before stemmed: "governments" is exact in Budget only, stemmed in both.
        check("governments ", &["Budget", "Zelenskyy visits"]);
    }

    #[test]
    fn typos_are_tolerated_and_rank_below_exact() {
        check("goverment ", &["Zelenskyy visits", "Budget"]);
        check("Zelensky ", &["Zelenskyy visits"]);
        check("Gerasimv ", &["Russia acknowledges"]);
        check("kyev ", &["Zelenskyy visits"]);
        // Three letters: no typo allowed.
        check("kus ", &[]);
        check("kusk ", &["Russia acknowledges"]);
    }

    #[test]
    fn phrases() {
        check("\"north korean\" ", &["Russia acknowledges"]);
        check("\"korean troops\"", &["Russia acknowledges", "Gardening"]);
        check("\"troops korean\"", &[]);
        check("kursk \"general staff\"", &["Russia acknowledges"]);
        // Blocks do not join into a phrase.
        check("\"putin more\"", &[]);
    }

    #[test]
    fn exclusions() {
        check("korean troops -kursk ", &["Gardening", "Budget"]);
        check("troops -\"north korean\" ", &["Budget", "Gardening"]);
        check("troops -source:cnn -tag:politics ", &["Gardening"]);
        // Nothing to rank: newest first, undated last.
        check("-troops -korean", &["Zelenskyy visits", "Un troisième", "宇航员"]);
    }

    #[test]
    fn or() {
        check("zelenskyy OR gerasimov ", &["Zelenskyy visits", "Russia acknowledges"]);
        check("nepal OR herbs drones OR pots", &["Gardening"]);
    }

    #[test]
    fn fields() {
        check("title:troops ", &["Russia acknowledges"]);
        check("title:\"north korean\"", &["Russia acknowledges"]);
        check("author:doe ", &["Russia acknowledges", "Budget"]);
        check("byline:doe government ", &["Budget"]);
        // No text to rank: newest first.
        check("source:bbc ", &["Gardening", "Zelenskyy visits"]);
        check("source:\"bbc news\" kyiv ", &["Zelenskyy visits"]);
        check("tag:ukraine ", &["Russia acknowledges", "Zelenskyy visits"]);
        check("lang:fr", &["Un troisième"]);
        check("troops after:2024 ", &["Russia acknowledges", "Gardening"]);
        check("troops before:2025 ", &["Budget", "Gardening"]);
        check("troops after:2024-01-01 before:2024-12-31 ", &["Gardening"]);
        // An unknown field is plain text.
        check("colour:red ", &[]);
    }

    #[test]
    fn cjk() {
        check("太空 ", &["宇航员"]);
        check("宇航员 ", &["宇航员"]);
        check("空间站", &["宇航员"]);
        check("喝", &["宇航员"]);
    }

    #[test]
    fn browsing_filters_and_sorts() {
        let all = Filters::default();
        check_with("", &all, Sort::Newest, &["Russia", "Gardening", "Zelenskyy", "Budget", "Un troisième", "宇航员"]);
        check_with("", &all, Sort::Oldest, &["Un troisième", "Budget", "Zelenskyy", "Gardening", "Russia", "宇航员"]);
        check_with("", &all, Sort::Title, &["Budget", "Gardening", "Russia", "Un troisième", "Zelenskyy", "宇航员"]);
        check_with("", &all, Sort::Shortest, &["Un troisième", "宇航员", "Budget", "Zelenskyy", "Gardening", "Russia"]);
        // Budget and Zelenskyy have as many words: by title.
        check_with("", &all, Sort::Longest, &["Russia", "Gardening", "Budget", "Zelenskyy", "宇航员", "Un troisième"]);
        let bbc_or_cnn = Filters { sources: vec!["BBC News".into(), "CNN".into()], ..Filters::default() };
        check_with("", &bbc_or_cnn, Sort::Newest, &["Russia", "Gardening", "Zelenskyy"]);
        let and_2024 = Filters { years: vec![2024], ..bbc_or_cnn.clone() };
        check_with("", &and_2024, Sort::Newest, &["Gardening", "Zelenskyy"]);
        let range = Filters { from: Some((2024, 6, 1)), to: Some((2024, 9, 3)), ..Filters::default() };
        check_with("", &range, Sort::Oldest, &["Zelenskyy", "Gardening"]);
        let lang = Filters { langs: vec!["fr-FR".into()], ..Filters::default() };
        check_with("", &lang, Sort::Newest, &["Un troisième"]);
        let unknown = Filters { tags: vec!["nothing".into()], ..Filters::default() };
        check_with("", &unknown, Sort::Newest, &[]);
        assert_eq!(Sort::default_for(""), Sort::Newest);
        assert_eq!(Sort::default_for("-x after:2020"), Sort::Newest);
        assert_eq!(Sort::default_for("kyiv"), Sort::Relevance);
        for sort in Sort::ALL {
            assert_eq!(Sort::parse(sort.as_str()), Some(sort));
        }
    }

    #[test]
    fn ties_break_by_date_then_title() {
        // "in" is in three titles; scores differ, but the same query twice is stable.
        let corpus = corpus();
        let a = search(&corpus, "grow OR promised OR discussed ", &Filters::default(), Sort::Relevance);
        let b = search(&corpus, "grow OR promised OR discussed ", &Filters::default(), Sort::Relevance);
        assert_eq!(a, b);
        check_with("-zzz", &Filters::default(), Sort::Relevance, &["Russia", "Gardening", "Zelenskyy", "Budget", "Un troisième", "宇航员"]);
    }

    #[test]
    fn facet_counts_are_disjunctive() {
        let corpus = corpus();
        let filters = Filters { sources: vec!["BBC News".into()], years: vec![2024], ..Filters::default() };
        let r = search(&corpus, "", &filters, Sort::Newest);
        assert_eq!(r.hits.len(), 2);
        // Sources ignore the source selection but apply the year: BBC 2, and no 2024 CNN.
        assert_eq!(r.facets.sources, [("BBC News".to_string(), 2)]);
        // Years ignore the year selection but apply the source.
        assert_eq!(r.facets.years, [(2024, 2)]);
        assert_eq!(r.facets.tags, [("home".to_string(), 1), ("ukraine".to_string(), 1)]);
        let filters = Filters { sources: vec!["CNN".into()], ..Filters::default() };
        let r = search(&corpus, "troops ", &filters, Sort::Relevance);
        assert_eq!(
            r.facets.sources,
            [("BBC News".to_string(), 1), ("CNN".to_string(), 1), ("The Guardian".to_string(), 1)]
        );
        assert_eq!(r.facets.langs, [("en".to_string(), 1)]);
        // A selected value with no articles still shows, with 0.
        let filters = Filters { tags: vec!["absent".into()], ..Filters::default() };
        let r = search(&corpus, "", &filters, Sort::Newest);
        assert!(r.facets.tags.contains(&("absent".to_string(), 0)));
    }

    #[test]
    fn suggests_a_spelling_that_finds_something() {
        let corpus = corpus();
        let r = search(&corpus, "gadrn herbs", &Filters::default(), Sort::Relevance);
        assert!(r.hits.is_empty());
        assert_eq!(r.suggestion.as_deref(), Some("garden herbs"));
        let r = search(&corpus, "kursk zelenskyy", &Filters::default(), Sort::Relevance);
        assert_eq!(r.suggestion, None);
        let r = search(&corpus, "kyiv", &Filters::default(), Sort::Relevance);
        assert_eq!(r.suggestion, None);
    }

    #[test]
    fn details_give_ranges_and_an_excerpt() {
        let corpus = corpus();
        let r = search(&corpus, "korean troops ", &Filters::default(), Sort::Relevance);
        let a = &corpus.articles[r.hits[0].article];
        let d = details(&corpus, &r.query, r.hits[0].article);
        let marked: Vec<&str> = d.title_ranges.iter().map(|x| &a.title[x.clone()]).collect();
        assert_eq!(marked, ["Korean", "troops"]);
        assert_eq!(d.terms, ["korean", "troops"]);
        assert_eq!(d.block_ranges.len(), 1);
        let (block, ranges) = &d.block_ranges[0];
        assert_eq!(*block, 1);
        let text = &a.texts()[1].text;
        assert_eq!(ranges.iter().map(|x| &text[x.clone()]).collect::<Vec<_>>(), ["Korean", "troops"]);
        let excerpt: Vec<&str> = d.excerpt.ranges.iter().map(|x| &d.excerpt.text[x.clone()]).collect();
        assert_eq!(excerpt, ["Korean", "troops"]);
        assert!(d.excerpt.text.contains("11,000"));
        // Without body matches the excerpt is the article's opening.
        let d = details(&corpus, &crate::engine::query::parse("acknowledges "), r.hits[0].article);
        assert!(d.block_ranges.is_empty());
        assert_eq!(d.excerpt.text, a.excerpt);
    }

    #[test]
    fn excerpts_center_on_the_densest_cluster() {
        let body = format!("{} kursk {} troops kursk troops {}", "alpha ".repeat(40), "beta ".repeat(40), "gamma ".repeat(40));
        let texts = [body.as_str()];
        let q = crate::engine::query::parse("kursk troops ");
        let ranges = highlight::highlight(&q, &body, "en");
        let e = densest(&texts, &[(0, ranges)]).unwrap();
        assert!(e.text.starts_with('…') && e.text.ends_with('…'));
        assert_eq!(e.ranges.len(), 3);
        assert_eq!(e.text.split_whitespace().count(), EXCERPT_WORDS);
        for r in &e.ranges {
            assert!(["kursk", "troops"].contains(&&e.text[r.clone()]));
        }
    }

    #[test]
    fn excerpts_prefer_windows_with_more_distinct_words() {
        let body = format!(
            "{} the the the the the the {} the war began {}",
            "alpha ".repeat(40),
            "beta ".repeat(40),
            "gamma ".repeat(40)
        );
        let texts = [body.as_str()];
        let q = crate::engine::query::parse("the war ");
        let ranges = highlight::highlight(&q, &body, "en");
        let e = densest(&texts, &[(0, ranges)]).unwrap();
        assert!(e.ranges.iter().any(|r| &e.text[r.clone()] == "war"), "{}", e.text);
    }

    /// Quality on real articles. For each article, the query is the three title terms
    /// with the highest IDF over the corpus (document frequency of the exact term in any
    /// field; ties to the earlier term; numbers and one-letter terms left out), joined by
    /// spaces with a trailing space. The article must be in the top 3 for 90% of them.
    #[test]
    fn distinctive_title_words_find_real_articles() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/real");
        let Ok(entries) = std::fs::read_dir(&root) else {
            println!("skipped: {} is absent", root.display());
            return;
        };
        let mut articles = Vec::new();
        for entry in entries {
            let path = entry.unwrap().path();
            let name = path.to_string_lossy().into_owned();
            let Some(format) = crate::engine::parse::Format::of_path(&name) else { continue };
            let bytes = std::fs::read(&path).unwrap();
            if let Ok(parsed) = crate::engine::parse::parse(&name, format, &bytes) {
                articles.push(parsed.article);
            }
        }
        assert!(articles.len() >= 40, "the real corpus parses");
        let corpus = Corpus::assemble(articles);
        let index = &corpus.index;
        let mut found = 0;
        let mut misses = Vec::new();
        for (i, article) in corpus.articles.iter().enumerate() {
            let mut terms: Vec<(u32, usize, String)> = Vec::new();
            for (at, t) in crate::engine::tokenize::terms(&article.title, &article.lang).into_iter().enumerate() {
                if t.term.chars().count() < 2 || t.term.chars().all(|c| c.is_numeric() || c == '.') {
                    continue;
                }
                if terms.iter().any(|(_, _, seen)| *seen == t.term) {
                    continue;
                }
                let df = index.exact(&t.term).map_or(0, |r| index.df(r));
                terms.push((df, at, t.term));
            }
            terms.sort();
            let query: String = terms.iter().take(3).map(|(_, _, t)| format!("{t} ")).collect();
            let results = search(&corpus, &query, &Filters::default(), Sort::Relevance);
            if results.hits.iter().take(3).any(|h| h.article == i) {
                found += 1;
            } else {
                misses.push(format!("{query:?} for {:?}", article.title));
            }
        }
        let share = found as f32 / corpus.articles.len() as f32;
        println!("title-word queries: {found}/{} in the top 3 ({:.0}%); misses: {misses:#?}", corpus.articles.len(), share * 100.0);
        assert!(share >= 0.9, "only {found}/{} found; misses: {misses:#?}", corpus.articles.len());
    }
}
