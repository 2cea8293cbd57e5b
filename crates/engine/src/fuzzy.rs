//! Typo tolerance: how many edits a query word may be away from a term, the edit distance
//! itself (optimal string alignment: insertions, deletions, substitutions and swaps of
//! adjacent characters, counted in characters, not bytes), and the same distance as an
//! `fst` automaton so the term dictionary is searched without visiting every term.
//!
//! The first character is never a typo: people rarely mistype it, and requiring it cuts
//! the dictionary walk about thirtyfold (a one-edit walk of a 15,000-term dictionary
//! took 2 ms without this rule).

use fst::Automaton;

/// Longest query word, in characters, that typo matching considers.
const MAX_CHARS: usize = 32;

/// Edits allowed for a query term: none below 4 characters, 1 from 4, 2 from 8. Numbers,
/// CJK bigrams and very long words get none.
pub fn typo_budget(term: &str) -> u8 {
    let chars = term.chars().count();
    if chars > MAX_CHARS || term.chars().any(|c| c.is_numeric() || super::tokenize::is_cjk(c)) {
        return 0;
    }
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Edits a "did you mean" respelling may be away from a word the dictionary lacks: one up
/// to 4 characters, two beyond. Wider than [`typo_budget`]: a suggestion is only offered,
/// and only when it finds something.
pub fn suggestion_budget(term: &str) -> u8 {
    if term.chars().count() <= 4 {
        1
    } else {
        2
    }
}

/// Edit distance between `a` and `b` when it is at most `max`.
pub fn distance(a: &str, b: &str, max: u8) -> Option<u8> {
    Levenshtein::new(a, max)?.distance(b)
}

/// Matches every string within `max` edits of `query`.
pub struct Levenshtein {
    query: Vec<char>,
    max: u8,
}

impl Levenshtein {
    /// `None` when `query` is too long for typo matching.
    pub fn new(query: &str, max: u8) -> Option<Levenshtein> {
        let query: Vec<char> = query.chars().collect();
        (query.len() <= MAX_CHARS).then_some(Levenshtein { query, max })
    }

    /// Edit distance from the query to `b`, when it is at most the automaton's maximum.
    pub fn distance(&self, b: &str) -> Option<u8> {
        if b.chars().count().abs_diff(self.query.len()) > usize::from(self.max) {
            return None;
        }
        let mut state = self.start();
        for c in b.chars() {
            state = self.step(&state, c);
            if !self.can_match(&state) {
                return None;
            }
        }
        let d = state.row[self.query.len()];
        (d <= self.max).then_some(d)
    }

    fn step(&self, state: &State, c: char) -> State {
        let cap = self.max + 1;
        let n = self.query.len();
        let i = usize::from(state.consumed) + 1;
        let mut row = [cap; MAX_CHARS + 1];
        if i == 1 && self.query.first() != Some(&c) {
            // A different first character: nothing through here matches.
            return State { prev: state.row, row, last: Some(c), consumed: 1, pending: [0; 4], pending_len: 0 };
        }
        row[0] = (i.min(usize::from(cap))) as u8;
        // Only cells within `max` of the diagonal can hold a distance up to `max`.
        let low = i.saturating_sub(usize::from(self.max)).max(1);
        let high = (i + usize::from(self.max)).min(n);
        for j in low..=high {
            let substitute = state.row[j - 1] + u8::from(self.query[j - 1] != c);
            let mut best = substitute.min(state.row[j] + 1).min(row[j - 1] + 1);
            if j > 1 && state.last == Some(self.query[j - 1]) && c == self.query[j - 2] {
                best = best.min(state.prev[j - 2] + 1);
            }
            row[j] = best.min(cap);
        }
        State {
            prev: state.row,
            row,
            last: Some(c),
            consumed: i.min(usize::from(u8::MAX)) as u8,
            pending: [0; 4],
            pending_len: 0,
        }
    }
}

/// One row of the edit-distance table (and the row before it, for swaps), plus the
/// bytes of a UTF-8 character not yet complete.
#[derive(Clone, Copy)]
pub struct State {
    prev: [u8; MAX_CHARS + 1],
    row: [u8; MAX_CHARS + 1],
    last: Option<char>,
    /// Characters consumed (saturating).
    consumed: u8,
    pending: [u8; 4],
    pending_len: u8,
}

impl Automaton for Levenshtein {
    type State = State;

    fn start(&self) -> State {
        let mut row = [self.max + 1; MAX_CHARS + 1];
        for (j, cell) in row.iter_mut().enumerate().take(self.query.len() + 1) {
            *cell = (j as u8).min(self.max + 1);
        }
        State { prev: row, row, last: None, consumed: 0, pending: [0; 4], pending_len: 0 }
    }

    fn is_match(&self, state: &State) -> bool {
        state.pending_len == 0 && state.row[self.query.len()] <= self.max
    }

    fn can_match(&self, state: &State) -> bool {
        let i = usize::from(state.consumed);
        let low = i.saturating_sub(usize::from(self.max));
        let high = (i + usize::from(self.max)).min(self.query.len());
        low <= high && state.row[low..=high].iter().any(|&d| d <= self.max)
    }

    fn accept(&self, state: &State, byte: u8) -> State {
        let mut next = *state;
        next.pending[usize::from(next.pending_len)] = byte;
        next.pending_len += 1;
        let bytes = &next.pending[..usize::from(next.pending_len)];
        match std::str::from_utf8(bytes) {
            Ok(s) => self.step(state, s.chars().next().expect("one complete character")),
            // Incomplete character: wait for its next byte (a key is valid UTF-8).
            Err(e) if e.error_len().is_none() && next.pending_len < 4 => next,
            // Not UTF-8 at all: no key through here can match.
            Err(_) => State { row: [self.max + 1; MAX_CHARS + 1], ..next },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budgets_grow_with_length() {
        assert_eq!(typo_budget("teh"), 0);
        assert_eq!(typo_budget("kyiv"), 1);
        assert_eq!(typo_budget("gerasimv"), 2);
        assert_eq!(typo_budget("11000000"), 0);
        assert_eq!(typo_budget("東京東京"), 0);
    }

    #[test]
    fn counts_edits_in_characters_with_swaps() {
        assert_eq!(distance("goverment", "government", 2), Some(1));
        assert_eq!(distance("zelensky", "zelenskyy", 1), Some(1));
        assert_eq!(distance("gerasimv", "gerasimov", 2), Some(1));
        assert_eq!(distance("form", "from", 1), Some(1));
        assert_eq!(distance("kyiv", "kyiv", 0), Some(0));
        assert_eq!(distance("cafe", "cafés", 2), Some(2));
        // The first character must match.
        assert_eq!(distance("kyiv", "tyiv", 1), None);
        assert_eq!(distance("ykiv", "kyiv", 1), None);
        assert_eq!(distance("ukraine", "russia", 2), None);
        assert_eq!(distance("příliš", "přílix", 1), Some(1));
    }

    #[test]
    fn the_automaton_agrees_with_the_distance_on_an_fst() {
        let words = ["gerasimov", "government", "governments", "governor", "kyiv", "kiev", "кремль", "ukraine"];
        let mut sorted = words.to_vec();
        sorted.sort();
        let set = fst::Set::from_iter(sorted).unwrap();
        for query in ["goverment", "kyev", "кремл", "ukriane", "gerasimv"] {
            let max = typo_budget(query).max(1);
            let found: Vec<String> = {
                use fst::{IntoStreamer, Streamer};
                let mut stream = set.search(Levenshtein::new(query, max).unwrap()).into_stream();
                let mut out = Vec::new();
                while let Some(key) = stream.next() {
                    out.push(String::from_utf8(key.to_vec()).unwrap());
                }
                out
            };
            let expected: Vec<&str> = {
                let mut e: Vec<&str> = words.iter().copied().filter(|w| distance(query, w, max).is_some()).collect();
                e.sort();
                e
            };
            assert_eq!(found, expected, "{query}");
            assert!(!found.is_empty(), "{query}");
        }
    }
}
