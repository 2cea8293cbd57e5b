//! The ranking rules: the one place that says in which order matches are ranked. Search
//! sorts by them, the tests check each, and the benchmark prints them.
//!
//! Each rule decides only between articles that tie on every rule before it, as
//! Meilisearch's ranking rules and Algolia's tie-breaking do: no amount of BM25 lifts an
//! article over one that wins an earlier rule. In order:
//!
//! 1. **Words**: more of the query's clauses matched (this decides only for partial
//!    matches, when no article has every word), then more of the words of `a OR b`
//!    clauses.
//! 2. **Typo**: fewer typos, summed over the clauses (a clause counts its best word).
//!    A stem match of a word the dictionary lacks counts as more typos than any typo
//!    budget allows ([`crate::expand::LOOSE_STEM_TYPOS`]).
//! 3. **Exactness**: for the words matched without typos, the word as typed before a word
//!    of the same stem, before a completion of the word being typed (summed: 0, 1, 2).
//! 4. **Proximity**: the query's words close together and in order: per pair of
//!    consecutive words, the distance between their nearest occurrences in one field
//!    (1 when adjacent and in order, +1 when reversed), each capped at [`FAR`]; summed.
//!    Computed for the first [`PROXIMITY_TOP`] articles by the other rules; the rest
//!    count as far apart.
//! 5. **Attribute**: where the words matched: title before byline before body (0, 1, 2,
//!    summed over the clauses).
//! 6. **BM25F**: the relevance score, which weighs frequency, rarity and field length.
//!
//! Then newer before older (undated last), then by title.
//!
//! Why this order. On the 120 labelled queries of `tests/fixtures/ranking/` every
//! article comes first with it (the ranking before these rules: top-1 0.851, MRR@10
//! 0.884 on the first 114). Typo must come before exactness: the other way round, five
//! queries typed half way (`shareh`, `creatu`, `changese`, `hermiti`, `stack overf`) rank
//! a word one edit from the prefix (`share`, `create`) above the words being typed.
//! Exactness must come before BM25: a long article with the rare word as typed has to
//! beat short ones with only its stem (`existence` against `exist`, `lastly` against
//! `last`). Proximity must come before BM25: with BM25 first, five of the six queries
//! whose words stand together in one article only (`state machine`, `control system`,
//! `power source`…) put an article with the words apart first. The set does not tell
//! proximity and attribute apart (swapping them changes no first hit), so their order is
//! Meilisearch's default; words first matters only for `a OR b` and partial matches,
//! where it is what the reader asked for.

use std::cmp::Ordering;

/// Proximity of a pair of words whose nearest occurrences are this far apart or further,
/// or in different fields (body blocks are [`crate::index::BLOCK_GAP`] apart).
pub const FAR: u16 = 8;
/// How many of the best articles get their proximity computed (it reads positions).
pub const PROXIMITY_TOP: usize = 200;

/// One ranking rule; see the module docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Words,
    Typo,
    Exactness,
    Proximity,
    Attribute,
    Bm25,
}

/// The rules, in the order they apply.
pub const RULES: [Rule; 6] = [Rule::Words, Rule::Typo, Rule::Exactness, Rule::Proximity, Rule::Attribute, Rule::Bm25];

/// What the rules know about one matching article.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rank {
    /// Clauses of the query matched.
    pub clauses: u16,
    /// Words and phrases matched, counting each alternative of `a OR b`.
    pub atoms: u16,
    pub typos: u16,
    pub inexactness: u16,
    /// [`Rank::UNKNOWN_PROXIMITY`] until measured.
    pub proximity: u16,
    /// Sum of the best field per clause: 0 title, 1 byline, 2 body.
    pub attribute: u16,
    pub score: f32,
}

impl Rank {
    /// The proximity of an article whose proximity was not measured: the worst.
    pub const UNKNOWN_PROXIMITY: u16 = u16::MAX;
}

impl Rule {
    pub fn name(self) -> &'static str {
        match self {
            Rule::Words => "words",
            Rule::Typo => "typo",
            Rule::Exactness => "exactness",
            Rule::Proximity => "proximity",
            Rule::Attribute => "attribute",
            Rule::Bm25 => "bm25",
        }
    }

    /// `Less` when `a` ranks before `b` by this rule alone.
    pub fn compare(self, a: &Rank, b: &Rank) -> Ordering {
        self.key(a).1.cmp(&self.key(b).1)
    }

    /// This rule's part of the sort key: its width in bits, and a value that is smaller
    /// for the article that ranks first.
    fn key(self, r: &Rank) -> (u32, u128) {
        let capped = |v: u16, bits: u32| u128::from(v.min((1 << bits) - 1));
        match self {
            Rule::Words => (14, (127 - capped(r.clauses, 7)) << 7 | (127 - capped(r.atoms, 7))),
            Rule::Typo => (8, capped(r.typos, 8)),
            Rule::Exactness => (8, capped(r.inexactness, 8)),
            Rule::Proximity => (16, u128::from(r.proximity)),
            Rule::Attribute => (8, capped(r.attribute, 8)),
            // Higher scores first: the float's order as an integer, inverted.
            Rule::Bm25 => {
                let bits = r.score.to_bits();
                let ascending = if bits >> 31 == 1 { !bits } else { bits | 1 << 31 };
                (32, u128::from(!ascending))
            }
        }
    }
}

/// The sort key of a rank: every rule's part, in the order of [`RULES`] (86 bits), so
/// sorting by it applies the rules in order.
pub fn key(r: &Rank) -> u128 {
    RULES.iter().fold(0, |key, rule| {
        let (bits, value) = rule.key(r);
        key << bits | value
    })
}

/// Proximity of words whose positions in each field are given, in query order: per
/// consecutive pair, the distance of their nearest occurrences in one field (reversed
/// order costs one more), capped at [`FAR`]; summed. One word or none: 0.
pub fn proximity(words: &[[Vec<u32>; 3]]) -> u16 {
    words
        .windows(2)
        .map(|pair| (0..3).map(|field| nearest(&pair[0][field], &pair[1][field])).min().unwrap_or(FAR).min(FAR))
        .sum()
}

/// Least distance from a position in `a` to one in `b` (sorted): `q − p` when `b`'s
/// comes after, `p − q + 1` when before; [`FAR`] when either is empty.
fn nearest(a: &[u32], b: &[u32]) -> u16 {
    let (mut i, mut j) = (0, 0);
    let mut best = u32::from(FAR);
    while i < a.len() && j < b.len() {
        let (p, q) = (a[i], b[j]);
        best = best.min(if q > p { q - p } else { p - q + 1 });
        if p < q {
            i += 1
        } else {
            j += 1
        }
    }
    best as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Less` when `a` ranks before `b`: the first rule that tells them apart decides.
    fn compare(a: &Rank, b: &Rank) -> Ordering {
        key(a).cmp(&key(b))
    }

    fn rank() -> Rank {
        Rank { clauses: 2, atoms: 2, typos: 0, inexactness: 0, proximity: 0, attribute: 0, score: 1.0 }
    }

    #[test]
    fn each_rule_decides_before_the_next() {
        // `better` wins the rule named; `worse` wins every later one.
        let cases: [(Rule, Rank, Rank); 6] = [
            (Rule::Words, Rank { clauses: 3, ..rank() }, Rank { typos: 0, score: 9.0, ..rank() }),
            (Rule::Typo, Rank { typos: 0, inexactness: 4, ..rank() }, Rank { typos: 1, ..rank() }),
            (Rule::Exactness, Rank { inexactness: 0, proximity: 9, ..rank() }, Rank { inexactness: 1, ..rank() }),
            (Rule::Proximity, Rank { proximity: 1, attribute: 4, ..rank() }, Rank { proximity: 2, ..rank() }),
            (Rule::Attribute, Rank { attribute: 0, score: 0.1, ..rank() }, Rank { attribute: 2, score: 9.0, ..rank() }),
            (Rule::Bm25, Rank { score: 2.0, ..rank() }, Rank { score: 1.0, ..rank() }),
        ];
        for (rule, better, worse) in cases {
            assert_eq!(rule.compare(&better, &worse), Ordering::Less, "{}", rule.name());
            assert_eq!(compare(&better, &worse), Ordering::Less, "{} decides", rule.name());
            assert_eq!(compare(&worse, &better), Ordering::Greater, "{} decides", rule.name());
        }
        assert_eq!(
            RULES.iter().map(|r| r.name()).collect::<Vec<_>>(),
            ["words", "typo", "exactness", "proximity", "attribute", "bm25"]
        );
    }

    #[test]
    fn proximity_counts_distance_and_order() {
        let at = |title: &[u32], body: &[u32]| [title.to_vec(), vec![], body.to_vec()];
        // Adjacent, in order.
        assert_eq!(proximity(&[at(&[], &[4]), at(&[], &[5])]), 1);
        // Reversed costs one more.
        assert_eq!(proximity(&[at(&[], &[5]), at(&[], &[4])]), 2);
        // The nearest pair counts, in whichever field.
        assert_eq!(proximity(&[at(&[0], &[1, 40]), at(&[2], &[43])]), 2);
        // Different fields, or far apart: FAR.
        assert_eq!(proximity(&[at(&[0], &[]), at(&[], &[1])]), FAR);
        assert_eq!(proximity(&[at(&[], &[1]), at(&[], &[100])]), FAR);
        // Three words: two pairs.
        assert_eq!(proximity(&[at(&[], &[1]), at(&[], &[2]), at(&[], &[3])]), 2);
        assert_eq!(proximity(&[at(&[], &[1])]), 0);
    }
}
