//! Where a query matches a text: byte ranges, sorted, disjoint, on character boundaries.
//! A term matches the way search matches it — exactly, by stem (in the text's language),
//! as a prefix for the word being typed, or within the typo budget — and a phrase
//! matches its consecutive terms. Excluded clauses and facet fields are not highlighted.
//! No HTML: the UI turns ranges into `<mark>` nodes.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;

use super::fuzzy;
use super::query::{Atom, Query};
use super::tokenize::{self, Stemmer, Term};

/// Every match of `query` in `text`, a text in language `lang`.
pub fn highlight(query: &Query, text: &str, lang: &str) -> Vec<Range<usize>> {
    Highlighter::new(query, lang).ranges(text)
}

/// A query prepared for highlighting many texts of one language. Whether a word of the
/// text matches depends only on the word, so each distinct word is stemmed and compared
/// once, however often it occurs.
pub struct Highlighter {
    words: Vec<Word>,
    phrases: Vec<Vec<String>>,
    stemmer: Stemmer,
    known: RefCell<HashMap<String, bool>>,
}

struct Word {
    term: String,
    stem: String,
    prefix: bool,
    /// Within the typo budget, when the word has one.
    typos: Option<fuzzy::Levenshtein>,
}

impl Highlighter {
    pub fn new(query: &Query, lang: &str) -> Highlighter {
        let stemmer = Stemmer::for_lang(lang);
        let mut words = Vec::new();
        let mut phrases = Vec::new();
        for atom in query.positive_atoms() {
            match atom {
                Atom::Word { term, prefix, .. } => words.push(Word {
                    stem: stemmer.stem(term).into_owned(),
                    prefix: *prefix,
                    typos: Some(fuzzy::typo_budget(term)).filter(|&b| b > 0).and_then(|b| fuzzy::Levenshtein::new(term, b)),
                    term: term.clone(),
                }),
                Atom::Phrase { terms, .. } => phrases.push(terms.clone()),
                Atom::Facet { .. } => {}
            }
        }
        Highlighter { words, phrases, stemmer, known: RefCell::default() }
    }

    /// Whether there is anything to highlight.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phrases.is_empty()
    }

    /// Every match in `text`, merged where matches overlap.
    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        if self.is_empty() {
            return Vec::new();
        }
        // Stems are found per distinct word below, not per occurrence here.
        let terms = tokenize::terms_with(text, |_| String::new());
        merge(self.matches(&terms).into_iter().map(|(start, end)| terms[start].start..terms[end].end).collect())
    }

    /// Matches as inclusive ranges of term indices into `terms`, in any order.
    pub fn matches(&self, terms: &[Term]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (i, t) in terms.iter().enumerate() {
            if self.word_matches(&t.term) {
                out.push((i, i));
            }
        }
        for phrase in &self.phrases {
            for (i, window) in terms.windows(phrase.len()).enumerate() {
                if window.iter().zip(phrase).all(|(t, p)| t.term == *p) {
                    out.push((i, i + phrase.len() - 1));
                }
            }
        }
        out
    }

    /// Whether folded term `term` matches a word of the query.
    fn word_matches(&self, term: &str) -> bool {
        if let Some(&known) = self.known.borrow().get(term) {
            return known;
        }
        let stem = self.stemmer.stem(term);
        let matches = self.words.iter().any(|w| w.matches(term, &stem));
        self.known.borrow_mut().insert(term.to_string(), matches);
        matches
    }
}

impl Word {
    fn matches(&self, term: &str, stem: &str) -> bool {
        term == self.term
            || stem == self.stem
            || (self.prefix && term.starts_with(&self.term))
            || self.typos.as_ref().is_some_and(|typos| typos.distance(term).is_some())
    }
}

/// Sorts ranges and merges overlapping ones.
pub fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::engine::query::parse;
    use crate::test_inputs::{hostile, long_input};

    fn marked(input: &str, text: &str, lang: &str) -> Vec<String> {
        highlight(&parse(input), text, lang).into_iter().map(|r| text[r].to_string()).collect()
    }

    #[test]
    fn marks_exact_stemmed_prefix_and_typo_matches() {
        let text = "Governments govern; the government’s Ukrainian troops. Gerasimov. Kyiv!";
        assert_eq!(marked("govern ", text, "en"), ["Governments", "govern", "government"]);
        assert_eq!(marked("ukr", text, "en"), ["Ukrainian"]);
        assert_eq!(marked("ukr ", text, "en"), Vec::<String>::new());
        assert_eq!(marked("Gerasimv goverment ", text, "en"), ["Governments", "government", "Gerasimov"]);
        assert_eq!(marked("kyïv -troops", text, "en"), ["Kyiv"]);
    }

    #[test]
    fn marks_phrases_as_one_range_and_merges_overlaps() {
        let text = "North Korean troops and South Korean media";
        assert_eq!(marked("\"korean troops\" troops ", text, "en"), ["Korean troops"]);
        assert_eq!(marked("\"korean media\"", text, "en"), ["Korean media"]);
        let zh = "宇航员在太空中喝酒";
        assert_eq!(marked("太空 ", zh, "zh"), ["太空"]);
        assert_eq!(marked("宇航员 ", zh, "zh"), ["宇航员"]);
    }

    #[test]
    fn facets_and_exclusions_are_not_marked() {
        assert!(marked("source:cnn -cnn tag:cnn", "CNN reports", "en").is_empty());
    }

    fn check_ranges(text: &str, ranges: &[Range<usize>]) -> Result<(), TestCaseError> {
        for r in ranges {
            prop_assert!(r.start < r.end && r.end <= text.len());
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
        for pair in ranges.windows(2) {
            prop_assert!(pair[0].end <= pair[1].start);
        }
        Ok(())
    }

    #[test]
    fn a_10000_character_query_highlights_in_a_10000_character_text() {
        let long = long_input();
        let ranges = highlight(&parse(&long), &long, "en");
        check_ranges(&long, &ranges).unwrap();
        assert!(!ranges.is_empty(), "the text matches its own words");
    }

    proptest! {
        #[test]
        fn highlighting_never_panics_and_ranges_are_sound(
            query in prop_oneof!["\\PC{0,40}", hostile()],
            text in prop_oneof!["\\PC{0,200}", hostile()],
            lang in "(en|fr|zh|ar|he|ja|pt-BR|xx|)",
        ) {
            check_ranges(&text, &highlight(&parse(&query), &text, &lang))?;
        }

        #[test]
        fn words_of_the_text_highlight_in_it(text in "[a-zA-Zéü東京 ,.'-]{1,120}", pick in 0usize..20) {
            let words: Vec<Term> = tokenize::terms(&text, "en");
            if let Some(word) = words.get(pick % words.len().max(1)) {
                // Lowercase, so that a word "OR" is not read as the operator.
                let ranges = highlight(&parse(&format!("{} ", text[word.start..word.end].to_lowercase())), &text, "en");
                check_ranges(&text, &ranges)?;
                prop_assert!(ranges.iter().any(|r| r.start <= word.start && word.end <= r.end));
            }
        }
    }
}
