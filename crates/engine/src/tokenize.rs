//! THE tokenizer: the one place where text becomes terms. Indexing, query parsing,
//! marking, word counts and slugs all go through it, so they never disagree.
//!
//! Words are found by Unicode word segmentation (UAX #29); each keeps its byte range in
//! the original text. Terms are case-folded and diacritic-folded (`Élan` → `elan`);
//! numbers drop their group separators (`11,000` → `11000`).
//!
//! For search, [`terms`] goes further: French-style elisions lose their article
//! (`l'avion` → `avion`), possessive `'s` is dropped, runs of Chinese, Japanese and Korean
//! characters become overlapping character bigrams (`東京都` → `東京`, `京都`), every term
//! gets a position, and a Snowball stem in the text's language ([`Stemmer`]).

use std::borrow::Cow;

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

/// A search term of a text: what indexing, queries and marking compare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Folded form (see [`fold`]); a character bigram for CJK text.
    pub term: String,
    /// Snowball stem of `term` in the text's language; equal to `term` when the language
    /// has no stemmer or the term is a number or CJK.
    pub stem: String,
    /// Byte range in the original text. CJK bigrams overlap their neighbours.
    pub start: usize,
    pub end: usize,
    /// Ordinal of the term in the text: consecutive terms have consecutive positions.
    pub position: u32,
}

/// Every search term of `text`, stemmed in language `lang` (a BCP 47 tag).
pub fn terms(text: &str, lang: &str) -> Vec<Term> {
    let stemmer = Stemmer::for_lang(lang);
    terms_with(text, |term| stemmer.stem(term).into_owned())
}

/// Every search term of `text`, with stems from `stem` (which the index uses to stem
/// each distinct term once instead of every occurrence).
pub fn terms_with(text: &str, mut stem: impl FnMut(&str) -> String) -> Vec<Term> {
    let mut raw: Vec<(String, usize, usize)> = Vec::new();
    // A run of CJK characters waiting to become bigrams: (char, start, end).
    let mut run: Vec<(char, usize, usize)> = Vec::new();
    for (start, word) in text.unicode_word_indices() {
        if !word.chars().any(is_cjk) {
            flush_cjk(&mut run, &mut raw);
            push_word(word, start, &mut raw);
            continue;
        }
        if run.last().is_some_and(|&(_, _, end)| end != start) {
            flush_cjk(&mut run, &mut raw);
        }
        let mut other = None;
        for (i, c) in word.char_indices() {
            let at = start + i;
            if is_cjk(c) {
                if let Some(from) = other.take() {
                    push_word(&text[from..at], from, &mut raw);
                }
                if run.last().is_some_and(|&(_, _, end)| end != at) {
                    flush_cjk(&mut run, &mut raw);
                }
                run.push((c, at, at + c.len_utf8()));
            } else {
                flush_cjk(&mut run, &mut raw);
                other.get_or_insert(at);
            }
        }
        if let Some(from) = other {
            push_word(&text[from..start + word.len()], from, &mut raw);
        }
    }
    flush_cjk(&mut run, &mut raw);
    raw.into_iter()
        .enumerate()
        .map(|(position, (term, start, end))| {
            let stem = if stemmable(&term) { stem(&term) } else { term.clone() };
            Term { term, stem, start, end, position: position as u32 }
        })
        .collect()
}

/// Folds one UAX #29 word into a term, dropping an elided article (`l'`, `d'`, `qu'`)
/// or a possessive `'s`, and narrowing the byte range to what remains.
fn push_word(word: &str, start: usize, out: &mut Vec<(String, usize, usize)>) {
    let mut from = 0;
    let mut to = word.len();
    // Elisions repeat (`qu'l'a`), so that a term tokenizes to itself again.
    while let Some((i, apostrophe)) = word[from..].char_indices().find(|&(_, c)| matches!(c, '\'' | '’' | 'ʼ')) {
        let before = &word[from..from + i];
        let after = &word[from + i + apostrophe.len_utf8()..];
        if before.chars().count() <= 2
            && before.chars().all(char::is_alphabetic)
            && after.chars().next().is_some_and(char::is_alphabetic)
        {
            from += i + apostrophe.len_utf8();
        } else {
            if !before.is_empty() && fold(after) == "s" {
                to = from + i;
            }
            break;
        }
    }
    let term = fold(&word[from..to]);
    if !term.is_empty() {
        out.push((term, start + from, start + to));
    }
}

fn flush_cjk(run: &mut Vec<(char, usize, usize)>, out: &mut Vec<(String, usize, usize)>) {
    if let [(c, start, end)] = run[..] {
        let mut term = String::new();
        fold_char(c, &mut term);
        out.push((term, start, end));
    }
    for pair in run.windows(2) {
        let mut term = String::new();
        fold_char(pair[0].0, &mut term);
        fold_char(pair[1].0, &mut term);
        out.push((term, pair[0].1, pair[1].2));
    }
    run.clear();
}

/// Han ideographs, kana and Hangul: scripts written without spaces between words (or,
/// for Korean, with particles glued on), indexed as character bigrams.
pub fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x11FF | 0x3005 | 0x3040..=0x30FF | 0x3130..=0x318F | 0x31F0..=0x31FF
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF
        | 0xFF66..=0xFF9F | 0x20000..=0x2EBEF | 0x30000..=0x3134F)
}

/// Whether a term is a word a stemmer can shorten: letters, not a number, not CJK.
fn stemmable(term: &str) -> bool {
    term.chars().all(|c| c.is_alphabetic() || c == '\'') && !term.chars().any(is_cjk)
}

/// The Snowball stemmer for a language, or none (terms stay as they are).
pub struct Stemmer(Option<rust_stemmers::Stemmer>);

impl Stemmer {
    /// The stemmer for BCP 47 tag `lang`, chosen by its primary subtag; an empty tag
    /// means English.
    pub fn for_lang(lang: &str) -> Stemmer {
        Stemmer(algorithm(&primary_subtag(lang)).map(rust_stemmers::Stemmer::create))
    }

    pub fn stem<'a>(&self, term: &'a str) -> Cow<'a, str> {
        match &self.0 {
            Some(stemmer) if stemmable(term) => stemmer.stem(term),
            _ => Cow::Borrowed(term),
        }
    }
}

/// Lowercase primary subtag of a BCP 47 tag (`pt-BR` → `pt`); `en` when empty.
pub fn primary_subtag(lang: &str) -> String {
    let primary = lang.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    if primary.is_empty() {
        "en".to_string()
    } else {
        primary
    }
}

/// Whether Snowball has a stemmer for primary subtag `primary`.
pub fn has_stemmer(primary: &str) -> bool {
    algorithm(primary).is_some()
}

fn algorithm(primary: &str) -> Option<rust_stemmers::Algorithm> {
    use rust_stemmers::Algorithm::*;
    Some(match primary {
        "ar" => Arabic,
        "da" => Danish,
        "nl" => Dutch,
        "en" => English,
        "fi" => Finnish,
        "fr" => French,
        "de" => German,
        "el" => Greek,
        "hu" => Hungarian,
        "it" => Italian,
        "no" | "nb" | "nn" => Norwegian,
        "pt" => Portuguese,
        "ro" => Romanian,
        "ru" => Russian,
        "es" => Spanish,
        "sv" => Swedish,
        "ta" => Tamil,
        "tr" => Turkish,
        _ => return None,
    })
}

/// A one-character CJK term: it can only match the start of an indexed bigram.
pub fn is_cjk_char(term: &str) -> bool {
    let mut chars = term.chars();
    chars.next().is_some_and(is_cjk) && chars.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        words(text).map(|t| t.term).collect()
    }

    fn search_terms(text: &str, lang: &str) -> Vec<(String, String)> {
        terms(text, lang).into_iter().map(|t| (t.term, t.stem)).collect()
    }

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(
            folded("Élan ZELENSKYY Kyïv Straße Łódź příliš"),
            ["elan", "zelenskyy", "kyiv", "strasse", "lodz", "prilis"]
        );
    }

    #[test]
    fn keeps_byte_ranges_of_the_original() {
        let text = "« Déjà vu », dit-il.";
        for t in words(text) {
            assert_eq!(fold(&text[t.start..t.end]), t.term);
        }
        assert_eq!(folded(text), ["deja", "vu", "dit", "il"]);
    }

    #[test]
    fn numbers_lose_group_separators() {
        assert_eq!(folded("more than 11,000 troops, 3.5 km"), ["more", "than", "11000", "troops", "3.5", "km"]);
    }

    #[test]
    fn counts_words() {
        assert_eq!(word_count("Russia’s army — in 2025 — advanced."), 5);
    }

    #[test]
    fn stems_by_language() {
        let en = search_terms("Running governments", "en-GB");
        assert_eq!(en, [("running".into(), "run".into()), ("governments".into(), "govern".into())]);
        let fr = search_terms("Les autorités françaises", "fr");
        assert_eq!(fr[1], ("autorites".to_string(), "autorit".to_string()));
        // No Snowball stemmer for Czech: terms stay whole.
        assert_eq!(search_terms("vládami", "cs"), [("vladami".to_string(), "vladami".to_string())]);
        // Numbers are never stemmed.
        assert_eq!(search_terms("11,000", "en")[0].1, "11000");
    }

    #[test]
    fn drops_elisions_and_possessives_keeping_ranges() {
        let text = "l’avion d'Orsay, Russia’s army, don't";
        let got = terms(text, "fr");
        let words: Vec<&str> = got.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(words, ["avion", "Orsay", "Russia", "army", "don't"]);
        assert_eq!(got.iter().map(|t| t.position).collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
    }

    #[test]
    fn cjk_runs_become_bigrams_with_their_byte_ranges() {
        let text = "宇航员在太空 ok 東 ヒーロー";
        let got = terms(text, "zh");
        let pieces: Vec<(&str, &str)> = got.iter().map(|t| (t.term.as_str(), &text[t.start..t.end])).collect();
        assert_eq!(
            pieces[..5],
            [("宇航", "宇航"), ("航员", "航员"), ("员在", "员在"), ("在太", "在太"), ("太空", "太空")]
        );
        assert_eq!(pieces[5], ("ok", "ok"));
        assert_eq!(pieces[6], ("東", "東"));
        assert_eq!(pieces[7].1, "ヒー");
        assert_eq!(got.len(), 10);
    }

    #[test]
    fn every_term_keeps_a_valid_range() {
        let text = "« Déjà vu », dit-il. 11,000 Gerasimov’s 한국어 テスト";
        for t in terms(text, "fr") {
            assert!(t.start < t.end && text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        }
    }
}
