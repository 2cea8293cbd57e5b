//! Search: which articles match a query, in which order, with facet counts and a
//! respelling when nothing matches.
//!
//! **Matching.** Every clause of the query must match (AND); a clause matches when one of
//! its atoms does (OR). A word matches the dictionary terms [`expand`] gives it: itself,
//! its stems, completions of the word being typed, and corrections within its typo
//! budget. Phrases match consecutive exact terms. When a query of two or more text clauses
//! finds nothing (within the filters, exclusions and dates), the articles with the most
//! clauses are shown instead, marked as [`Partial`].
//!
//! **Ranking** follows the rules of [`rank`], in order (words, typo, exactness,
//! proximity, attribute, BM25F, then date and title); [`matcher`] scores each match.
//!
//! Submodules: [`matcher`] (matches and scores), [`rank`] (the rules), [`facets`]
//! (filters and disjunctive counts), [`suggest`] (did you mean), [`excerpt`] (what the
//! result list marks).

mod excerpt;
mod facets;
mod matcher;
pub mod rank;
mod suggest;
#[cfg(test)]
mod tests;

use super::corpus::Corpus;
use super::expand::{self, AtomTerms, Expansion, TypoLimits};
pub use super::index::Posting;
use super::query::{self, Atom, Clause, Query};

pub use excerpt::{details, Excerpt, HitDetails, EXCERPT_WORDS};
use facets::{Chosen, Counts, FacetBits, ALL_FACETS};
pub use facets::{Facets, Filters};
use matcher::{Matched, Matcher};
use rank::{Rank, PROXIMITY_TOP};

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
    pub const ALL: [Sort; 6] =
        [Sort::Relevance, Sort::Newest, Sort::Oldest, Sort::Longest, Sort::Shortest, Sort::Title];

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
        if query::parse(query).has_text() {
            Sort::Relevance
        } else {
            Sort::Newest
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    /// Every matching article, in order.
    pub hits: Vec<Hit>,
    pub facets: Facets,
    /// When no article has every clause: the hits have this many of them.
    pub partial: Option<Partial>,
    /// A respelled query that finds articles with every clause, when this one does not.
    pub suggestion: Option<String>,
    pub query: Query,
    /// What each word of the query expanded to (marking uses it too).
    pub expansion: Expansion,
}

/// Hits that have only some of the query's clauses: every hit has `matched` of `of`.
#[derive(Debug, Clone, PartialEq)]
pub struct Partial {
    pub matched: usize,
    pub of: usize,
    /// Whether filters, exclusions or dates narrowed the search (articles outside them
    /// may have every clause).
    pub narrowed: bool,
    /// The clauses as the reader typed them (`kursk`, `"north korea"`, `a OR b`).
    pub clauses: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index into `corpus.articles`.
    pub article: usize,
    pub rank: Rank,
    /// How many typos each word's match has here: marking shows no worse ones.
    pub limits: TypoLimits,
    /// Per positive clause, the posting of its best match here (where the excerpt is).
    pub words: Vec<Option<Posting>>,
}

/// A search planned: the query, what its words stand for, and the index shards it still
/// needs. The app fetches and installs the missing shards and plans again, until nothing is
/// missing; then [`search_planned`] evaluates the plan synchronously.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    pub query: Query,
    /// What each word stands for, once the dictionary shards of the words are here.
    expansion: Option<Expansion>,
    /// The shards to fetch, ascending: the dictionary shards of the words' first
    /// characters, else the postings chunks of the terms the words expand to.
    pub missing: Vec<usize>,
}

/// Plans a search for `input`. A search over missing shards finds nothing for their terms.
pub fn plan(corpus: &Corpus, input: &str) -> Plan {
    let index = &corpus.index;
    let query = query::parse(input);
    let first = index.missing(query.terms());
    if !first.is_empty() {
        return Plan { query, expansion: None, missing: first };
    }
    let expansion = expand::expand(index, &query);
    // Excluded words are looked up too (the matcher expands them the same way).
    let excluded: Vec<AtomTerms> = query
        .clauses
        .iter()
        .filter(|c| c.negated)
        .flat_map(|c| &c.any)
        .map(|a| expand::expand_atom(index, a))
        .collect();
    let mut terms = Vec::new();
    for atom in expansion.atoms.iter().chain(&excluded) {
        match atom {
            AtomTerms::Word { variants, .. } => terms.extend(variants.iter().map(|v| v.term)),
            AtomTerms::Phrase { terms: words, .. } => terms.extend(words.iter().filter_map(|w| index.exact(w))),
            AtomTerms::Facet => {}
        }
    }
    let missing = index.missing_postings(terms);
    Plan { query, expansion: Some(expansion), missing }
}

/// Where an article sits among the hits of a search: the articles before and after it
/// (indices into `corpus.articles`), its position and how many hits there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Neighbours {
    pub previous: Option<usize>,
    pub next: Option<usize>,
    pub position: usize,
    pub total: usize,
}

/// Where `article` sits among the hits of `input` within `filters`, ordered by `sort`
/// (none when it is not a hit): what the reading view's previous and next need, without
/// the respelling a search looks for when it finds little.
pub fn neighbours(corpus: &Corpus, input: &str, filters: &Filters, sort: Sort, article: usize) -> Option<Neighbours> {
    let (_, _, (hits, _, _)) = evaluate(corpus, &plan(corpus, input), filters, sort);
    let position = hits.iter().position(|h| h.article == article)?;
    Some(Neighbours {
        previous: position.checked_sub(1).map(|i| hits[i].article),
        next: hits.get(position + 1).map(|h| h.article),
        position,
        total: hits.len(),
    })
}

/// The hits of a plan, with its expansion and how many text clauses it has.
fn evaluate(
    corpus: &Corpus,
    plan: &Plan,
    filters: &Filters,
    sort: Sort,
) -> (Expansion, usize, (Vec<Hit>, Facets, Mode)) {
    // A plan made before the dictionary shards of its words were here expands them now.
    let expansion = plan.expansion.clone().unwrap_or_else(|| expand::expand(&corpus.index, &plan.query));
    let text_clauses = plan.query.clauses.iter().filter(|c| !c.negated && is_text(c)).count();
    let run = run(corpus, &plan.query, &expansion, filters, sort, text_clauses >= 2);
    (expansion, text_clauses, run)
}

/// Searches `corpus` for `input` within `filters`, ordered by `sort`.
pub fn search(corpus: &Corpus, input: &str, filters: &Filters, sort: Sort) -> Results {
    search_planned(corpus, &plan(corpus, input), filters, sort)
}

/// Evaluates a planned search within `filters`, ordered by `sort`.
pub fn search_planned(corpus: &Corpus, plan: &Plan, filters: &Filters, sort: Sort) -> Results {
    let query = plan.query.clone();
    let (expansion, text_clauses, (hits, facets, mode)) = evaluate(corpus, plan, filters, sort);
    let mut partial = None;
    if mode == Mode::Most {
        if let Some(first) = hits.first() {
            let clauses =
                query.clauses.iter().filter(|c| !c.negated && is_text(c)).map(|c| clause_text(&query, c)).collect();
            let narrowed = !filters.is_empty()
                || query.after.is_some()
                || query.before.is_some()
                || query.clauses.iter().any(|c| c.negated || !is_text(c));
            partial = Some(Partial {
                matched: usize::from(first.rank.clauses) - facet_clauses(&query),
                of: text_clauses,
                clauses,
                narrowed,
            });
        }
    }
    let incomplete = hits.is_empty() || partial.is_some();
    let suggestion = if incomplete && query.has_text() { suggest::suggest(corpus, &query, filters) } else { None };
    Results { hits, facets, partial, suggestion, query, expansion }
}

/// Whether a clause asks for text (a word or phrase), not only for a facet value.
fn is_text(clause: &Clause) -> bool {
    clause.any.iter().any(|a| !matches!(a, Atom::Facet { .. }))
}

fn facet_clauses(query: &Query) -> usize {
    query.clauses.iter().filter(|c| !c.negated && !is_text(c)).count()
}

/// A clause as typed: its words from the input, phrases in quotes, joined by `OR`.
fn clause_text(query: &Query, clause: &Clause) -> String {
    let atoms: Vec<String> = clause
        .any
        .iter()
        .filter_map(|atom| match atom {
            Atom::Word { span, term, .. } => Some(query.input.get(span.clone()).unwrap_or(term).to_string()),
            Atom::Phrase { terms, .. } => Some(format!("\u{201c}{}\u{201d}", terms.join(" "))),
            Atom::Facet { .. } => None,
        })
        .collect();
    atoms.join(" OR ")
}

/// Whether an article must match every clause, or the most clauses any article matches
/// (facet clauses stay required).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    All,
    Most,
}

/// A matching article: what the rules know of it, and per clause the posting of a word.
struct Candidate {
    doc: u32,
    rank: Rank,
    words: Vec<Option<Posting>>,
    limits: TypoLimits,
}

impl Candidate {
    fn new(doc: u32, clauses: usize) -> Candidate {
        let rank = Rank {
            clauses: 0,
            atoms: 0,
            typos: 0,
            inexactness: 0,
            proximity: Rank::UNKNOWN_PROXIMITY,
            attribute: 0,
            score: 0.0,
        };
        Candidate { doc, rank, words: vec![None; clauses], limits: TypoLimits::ANY }
    }

    fn add(&mut self, clause: usize, m: &Matched) {
        let r = &mut self.rank;
        r.clauses += 1;
        r.atoms += m.atoms;
        r.typos += u16::from(m.typos);
        r.inexactness += u16::from(m.inexactness);
        r.attribute += u16::from(m.field);
        r.score += m.score;
        self.words[clause] = m.posting;
        self.limits = TypoLimits::both(self.limits, m.limits);
    }
}

/// The ranked hits and facet counts of `query`. When no article has every clause within
/// the filters and `partial` is allowed, the articles with the most clauses, from the
/// same matches; the mode says which it was.
fn run(
    corpus: &Corpus,
    query: &Query,
    expansion: &Expansion,
    filters: &Filters,
    sort: Sort,
    partial: bool,
) -> (Vec<Hit>, Facets, Mode) {
    let index = &corpus.index;
    let matcher = Matcher::new(index);
    // Positive clauses with their atoms' expansions; atoms numbered as the query lists them.
    let mut numbered = expansion.atoms.iter();
    let mut first = 0;
    let positive: Vec<Positive> = query
        .clauses
        .iter()
        .filter(|c| !c.negated)
        .map(|c| {
            let atoms: Vec<(&Atom, &AtomTerms)> = c.any.iter().zip(numbered.by_ref()).collect();
            let at = first;
            first += atoms.len();
            (c, atoms, at)
        })
        .collect();
    let lists: Vec<Vec<Matched>> = positive.iter().map(|(_, atoms, at)| matcher.clause(atoms, *at)).collect();
    let excluded: Vec<Vec<u32>> = query.clauses.iter().filter(|c| c.negated).map(|c| matcher.docs(&c.any)).collect();
    let allowed = |c: &Candidate| {
        excluded.iter().all(|docs| docs.binary_search(&c.doc).is_err())
            && facets::within_dates(index, query, filters, c.doc)
    };
    let chosen = Chosen::new(index, filters);
    let mut mode = Mode::All;
    let mut candidates = every_clause(index.len(), &lists);
    candidates.retain(allowed);
    if partial && !candidates.iter().any(|c| chosen.passed(index, c.doc) == ALL_FACETS) {
        mode = Mode::Most;
        candidates = most_clauses(index.len(), &lists, &positive.iter().map(|(c, ..)| is_text(c)).collect::<Vec<_>>());
        candidates.retain(allowed);
    }
    let passed: Vec<FacetBits> = candidates.iter().map(|c| chosen.passed(index, c.doc)).collect();
    // Partial matches show the articles with the most clauses among those the filters
    // let through; facet counts count every article with at least as many, each by the
    // filters it passes, so they stay disjunctive.
    let level = match mode {
        Mode::All => 0,
        Mode::Most => candidates
            .iter()
            .zip(&passed)
            .filter(|(_, p)| **p == ALL_FACETS)
            .map(|(c, _)| c.rank.clauses)
            .max()
            .unwrap_or(0),
    };
    let mut counts = Counts::new(index);
    for (c, &p) in candidates.iter().zip(&passed) {
        if c.rank.clauses >= level {
            counts.add(index, c.doc, p);
        }
    }
    let mut passed = passed.into_iter();
    candidates.retain(|c| passed.next() == Some(ALL_FACETS) && (mode == Mode::All || c.rank.clauses == level));

    // Ties (and the other sorts) go newer first, undated last; then by title.
    let facets = &index.facets;
    let sort_key = |c: &Candidate| {
        let f = &facets.docs[c.doc as usize];
        let newest = u32::MAX - f.date.unwrap_or(0);
        let length = corpus.articles[c.doc as usize].word_count;
        let first = match sort {
            Sort::Relevance => rank::key(&c.rank),
            Sort::Newest | Sort::Title => 0,
            Sort::Oldest => u128::from(f.date.unwrap_or(u32::MAX)),
            Sort::Longest => u128::from(u32::MAX - length),
            Sort::Shortest => u128::from(length),
        };
        let second = if matches!(sort, Sort::Relevance | Sort::Newest) { newest } else { 0 };
        (first, second, f.title_rank, c.doc)
    };
    if sort == Sort::Relevance && positive.len() > 1 {
        // Proximity reads positions: measure it for the best articles by the other rules
        // (every proximity is still unknown, so it decides nothing yet).
        let top = PROXIMITY_TOP.min(candidates.len());
        if top > 0 && top < candidates.len() {
            candidates.select_nth_unstable_by_key(top - 1, sort_key);
        }
        for c in &mut candidates[..top] {
            let positions: Vec<[Vec<u32>; 3]> = c.words.iter().flatten().map(|p| index.positions(p)).collect();
            c.rank.proximity = rank::proximity(&positions);
        }
    }
    candidates.sort_by_cached_key(sort_key);
    let hits = candidates
        .into_iter()
        .map(|c| Hit { article: c.doc as usize, rank: c.rank, limits: c.limits, words: c.words })
        .collect();
    (hits, counts.into_facets(index, filters), mode)
}

/// A positive clause, its atoms with their expansions, and the number of its first atom.
type Positive<'a> = (&'a Clause, Vec<(&'a Atom, &'a AtomTerms)>, usize);

/// The articles every clause matches (every article when there is no clause).
fn every_clause(articles: usize, lists: &[Vec<Matched>]) -> Vec<Candidate> {
    let clauses = lists.len();
    if lists.is_empty() {
        return (0..articles as u32).map(|doc| Candidate::new(doc, 0)).collect();
    }
    // Start from the rarest clause; the others are looked up by binary search.
    let rarest = (0..lists.len()).min_by_key(|&i| lists[i].len()).expect("one clause at least");
    lists[rarest]
        .iter()
        .filter_map(|m| {
            let mut c = Candidate::new(m.doc, clauses);
            for (i, list) in lists.iter().enumerate() {
                if i == rarest {
                    c.add(i, m);
                } else {
                    c.add(i, &list[list.binary_search_by_key(&m.doc, |x| x.doc).ok()?]);
                }
            }
            Some(c)
        })
        .collect()
}

/// The articles matching every required (non-text) clause and at least one text clause.
fn most_clauses(articles: usize, lists: &[Vec<Matched>], text: &[bool]) -> Vec<Candidate> {
    let clauses = lists.len();
    let mut slot = vec![u32::MAX; articles];
    let mut out: Vec<Candidate> = Vec::new();
    let mut required = vec![0usize; 0];
    for (i, list) in lists.iter().enumerate() {
        for m in list {
            let at = &mut slot[m.doc as usize];
            if *at == u32::MAX {
                *at = out.len() as u32;
                out.push(Candidate::new(m.doc, clauses));
                required.push(0);
            }
            out[*at as usize].add(i, m);
            if !text[i] {
                required[*at as usize] += 1;
            }
        }
    }
    let needed = text.iter().filter(|t| !**t).count();
    out.into_iter()
        .zip(required)
        .filter(|(c, r)| *r == needed && usize::from(c.rank.clauses) > needed)
        .map(|(c, _)| c)
        .collect()
}
