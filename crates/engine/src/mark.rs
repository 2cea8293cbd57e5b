//! Where a query matches a text: byte ranges, sorted, disjoint, on character boundaries.
//! A word marks the dictionary terms search expanded it to ([`crate::expand`]),
//! and no worse a typo than the article's best match of it; a phrase marks its
//! consecutive terms; a `title:` word or phrase marks titles only. Excluded clauses and
//! facet fields are not marked. No HTML: the UI turns ranges into `<mark>` nodes.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::expand::{self, AtomTerms, Expansion, TypoLimits};
use super::index::{Field, Index, TermRef};
use super::query::{Query, Scope};
use super::tokenize::{self, Term};

/// A query's expansion prepared for marking texts of one article. Whether a word of the
/// text matches depends only on the word, so each distinct word is looked up once,
/// however often it occurs.
pub struct Marker<'a> {
    index: &'a Index,
    words: Vec<Word>,
    phrases: Vec<(Scope, Vec<String>)>,
    /// Per distinct folded term: which of `words` it matches, as bits.
    known: RefCell<HashMap<String, u64>>,
}

struct Word {
    scope: Scope,
    terms: HashSet<TermRef>,
}

impl<'a> Marker<'a> {
    /// Marks the variants of `expansion` that `limits` lets through.
    pub fn new(index: &'a Index, expansion: &Expansion, limits: TypoLimits) -> Marker<'a> {
        let mut words = Vec::new();
        let mut phrases = Vec::new();
        for (i, atom) in expansion.atoms.iter().enumerate() {
            match atom {
                AtomTerms::Word { scope, variants } => words.push(Word {
                    scope: *scope,
                    terms: variants.iter().filter(|v| v.kind.typos() <= limits.get(i)).map(|v| v.term).collect(),
                }),
                AtomTerms::Phrase { scope, terms } if !terms.is_empty() => phrases.push((*scope, terms.clone())),
                AtomTerms::Phrase { .. } | AtomTerms::Facet => {}
            }
        }
        words.truncate(64);
        Marker { index, words, phrases, known: RefCell::default() }
    }

    /// Marks `query` in article number `doc`, as search would have ranked it there.
    pub fn for_article(index: &'a Index, query: &Query, doc: u32) -> Marker<'a> {
        let expansion = expand::expand(index, query);
        let limits = TypoLimits::of_article(index, &expansion, doc);
        Marker::new(index, &expansion, limits)
    }

    /// Whether there is anything to mark.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phrases.is_empty()
    }

    /// Every match in `text`, a text of `field`, merged where matches overlap.
    pub fn ranges(&self, field: Field, text: &str) -> Vec<Range<usize>> {
        if self.is_empty() {
            return Vec::new();
        }
        // Terms are looked up as typed in the text; stems are the dictionary's business.
        let terms = tokenize::terms_with(text, |_| String::new());
        merge(self.matches(field, &terms).into_iter().map(|(start, end)| terms[start].start..terms[end].end).collect())
    }

    /// Matches in `terms` (of a text of `field`) as inclusive ranges of term indices, in
    /// any order.
    pub fn matches(&self, field: Field, terms: &[Term]) -> Vec<(usize, usize)> {
        let mut wanted = 0u64;
        for (i, w) in self.words.iter().enumerate() {
            if expand::in_scope(w.scope, field) {
                wanted |= 1 << i;
            }
        }
        let mut out = Vec::new();
        if wanted != 0 {
            for (i, t) in terms.iter().enumerate() {
                if self.words_matching(&t.term) & wanted != 0 {
                    out.push((i, i));
                }
            }
        }
        for (scope, phrase) in &self.phrases {
            if !expand::in_scope(*scope, field) {
                continue;
            }
            for (i, window) in terms.windows(phrase.len()).enumerate() {
                if window.iter().zip(phrase).all(|(t, p)| t.term == *p) {
                    out.push((i, i + phrase.len() - 1));
                }
            }
        }
        out
    }

    /// Which words folded term `term` matches, as bits.
    fn words_matching(&self, term: &str) -> u64 {
        if let Some(&bits) = self.known.borrow().get(term) {
            return bits;
        }
        let bits = self.index.exact(term).map_or(0, |r| {
            self.words.iter().enumerate().filter(|(_, w)| w.terms.contains(&r)).fold(0, |bits, (i, _)| bits | 1 << i)
        });
        self.known.borrow_mut().insert(term.to_string(), bits);
        bits
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
    use crate::corpus::Corpus;
    use crate::query::parse;
    use crate::test_corpus::corpus_of;
    use crate::test_inputs::{hostile, long_input};

    /// The marks of `query` in `text`, the body of the only article of a corpus.
    fn ranges_of(query: &Query, text: &str, lang: &str) -> Vec<Range<usize>> {
        let corpus = one_article("Title", text, lang);
        Marker::for_article(&corpus.index, query, 0).ranges(Field::Body, text)
    }

    fn one_article(title: &str, body: &str, lang: &str) -> Corpus {
        corpus_of(&[(title, lang, &[body])])
    }

    fn marked(input: &str, text: &str, lang: &str) -> Vec<String> {
        ranges_of(&parse(input), text, lang).into_iter().map(|r| text[r].to_string()).collect()
    }

    #[test]
    fn a_title_word_marks_the_title_only() {
        let corpus = one_article("Kursk troops", "Troops in Kursk", "en");
        let h = Marker::for_article(&corpus.index, &parse("title:kursk troops "), 0);
        let marks =
            |field, text: &str| h.ranges(field, text).into_iter().map(|r| text[r].to_string()).collect::<Vec<_>>();
        assert_eq!(marks(Field::Title, "Kursk troops"), ["Kursk", "troops"]);
        assert_eq!(marks(Field::Body, "Troops in Kursk"), ["Troops"]);
        let h = Marker::for_article(&corpus.index, &parse("title:\"kursk troops\""), 0);
        assert!(h.ranges(Field::Body, "Kursk troops").is_empty());
        let title = h.ranges(Field::Title, "Kursk troops");
        assert_eq!(title.iter().map(|r| &"Kursk troops"[r.clone()]).collect::<Vec<_>>(), ["Kursk troops"]);
    }

    #[test]
    fn a_typo_the_article_does_not_need_is_not_marked() {
        // "from" is one edit from "form": marked only where "form" is absent.
        assert_eq!(marked("form ", "Fill in the form from the office", "en"), ["form"]);
        assert_eq!(marked("form ", "A letter from the office", "en"), ["from"]);
        // A word neither search nor the article has is not marked by a similar one.
        assert_eq!(marked("zebra ", "A letter from the office", "en"), Vec::<String>::new());
    }

    #[test]
    fn marks_exact_stemmed_prefix_and_typo_matches() {
        let text = "Governments govern; the government’s Ukrainian troops. Gerasimov. Kyiv!";
        assert_eq!(marked("govern ", text, "en"), ["Governments", "govern", "government"]);
        assert_eq!(marked("ukr", text, "en"), ["Ukrainian"]);
        assert_eq!(marked("ukr ", text, "en"), Vec::<String>::new());
        // "government" is one edit from "goverment": "governments", two, is not marked.
        assert_eq!(marked("Gerasimv goverment ", text, "en"), ["government", "Gerasimov"]);
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
    fn a_10000_character_query_marks_in_a_10000_character_text() {
        let long = long_input();
        let ranges = ranges_of(&parse(&long), &long, "en");
        check_ranges(&long, &ranges).unwrap();
        assert!(!ranges.is_empty(), "the text matches its own words");
    }

    proptest! {
        #[test]
        fn marking_never_panics_and_ranges_are_sound(
            query in prop_oneof!["\\PC{0,40}", hostile()],
            text in prop_oneof!["\\PC{0,200}", hostile()],
            lang in "(en|fr|zh|ar|he|ja|pt-BR|xx|)",
        ) {
            check_ranges(&text, &ranges_of(&parse(&query), &text, &lang))?;
        }

        #[test]
        fn words_of_the_text_are_marked_in_it(text in "[a-zA-Zéü東京 ,.'-]{1,120}", pick in 0usize..20) {
            let words: Vec<Term> = tokenize::terms(&text, "en");
            if let Some(word) = words.get(pick % words.len().max(1)) {
                // Lowercase, so that a word "OR" is not read as the operator.
                let ranges = ranges_of(&parse(&format!("{} ", text[word.start..word.end].to_lowercase())), &text, "en");
                check_ranges(&text, &ranges)?;
                prop_assert!(ranges.iter().any(|r| r.start <= word.start && word.end <= r.end));
            }
        }
    }
}
