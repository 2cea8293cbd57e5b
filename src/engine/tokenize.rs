//! THE tokenizer: the one place where text becomes terms. Indexing, query parsing,
//! highlighting, word counts and slugs all go through it, so they never disagree.
//!
//! Words are found by Unicode word segmentation (UAX #29); each keeps its byte range in
//! the original text. Terms are case-folded and diacritic-folded (`Élan` → `elan`);
//! numbers drop their group separators (`11,000` → `11000`).

use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_segmentation::UnicodeSegmentation;

/// A word of the original text and the term it normalises to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Folded form: lowercase, without diacritics, numbers without separators.
    pub term: String,
    /// Byte range of the word in the text it came from.
    pub start: usize,
    pub end: usize,
}

/// Every word of `text`, in order. Punctuation and spaces are not words.
pub fn words(text: &str) -> impl Iterator<Item = Token> + '_ {
    text.unicode_word_indices().filter_map(|(start, word)| {
        let term = fold(word);
        (!term.is_empty()).then(|| Token { term, start, end: start + word.len() })
    })
}

/// Number of words in `text`, as a reader would count them.
pub fn word_count(text: &str) -> usize {
    words(text).count()
}

/// Case- and diacritic-folds one word; numbers lose `,` and `'` group separators.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        fold_char(c, &mut out);
    }
    if out.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        out.retain(|c| !matches!(c, ',' | '\''));
    }
    out
}

fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    // Letters that do not decompose into base + mark.
    let special = match c {
        'ß' | 'ẞ' => Some("ss"),
        'æ' | 'Æ' => Some("ae"),
        'œ' | 'Œ' => Some("oe"),
        'ø' | 'Ø' => Some("o"),
        'đ' | 'Đ' | 'ð' | 'Ð' => Some("d"),
        'ł' | 'Ł' => Some("l"),
        'ı' => Some("i"),
        'þ' | 'Þ' => Some("th"),
        '’' | 'ʼ' => Some("'"),
        _ => None,
    };
    if let Some(s) = special {
        out.push_str(s);
        return;
    }
    for lower in c.to_lowercase() {
        decompose_canonical(lower, |d| {
            if !is_combining_mark(d) {
                out.push(d);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        words(text).map(|t| t.term).collect()
    }

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(terms("Élan ZELENSKYY Kyïv Straße Łódź příliš"), ["elan", "zelenskyy", "kyiv", "strasse", "lodz", "prilis"]);
    }

    #[test]
    fn keeps_byte_ranges_of_the_original() {
        let text = "« Déjà vu », dit-il.";
        for t in words(text) {
            assert_eq!(fold(&text[t.start..t.end]), t.term);
        }
        assert_eq!(terms(text), ["deja", "vu", "dit", "il"]);
    }

    #[test]
    fn numbers_lose_group_separators() {
        assert_eq!(terms("more than 11,000 troops, 3.5 km"), ["more", "than", "11000", "troops", "3.5", "km"]);
    }

    #[test]
    fn counts_words() {
        assert_eq!(word_count("Russia’s army — in 2025 — advanced."), 5);
    }
}
