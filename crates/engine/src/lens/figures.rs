//! Figures: numbers with what they count, dates and periods.
//!
//! - **Numbers**: digits ("11,000", "3.5", "$10", "150K") or number words ("three",
//!   "dozens"), with a quantifier before them ("more than", "around", "at least"), a scale
//!   after ("million", "percent") and what is counted (up to two capitalised words and a
//!   noun: "11,000 North Korean troops", "three years ago"). A number word needs its noun.
//! - **Dates**: weekdays; months (`May` only with a day or after `in`), with their day and
//!   year; years from 1800 to 2100; "between January and February" is one.
//! - **Periods**: "last summer", "this year", "earlier this year", "next week".

use super::names::Word;
use crate::date::{MONTHS, WEEKDAYS};

const QUANTIFIERS: &[&[&str]] = &[
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["at", "least"],
    &["up", "to"],
    &["as", "many", "as"],
    &["about"],
    &["around"],
    &["nearly"],
    &["almost"],
    &["over"],
    &["roughly"],
    &["approximately"],
    &["some"],
    &["an", "estimated"],
    &["just"],
    &["only"],
    &["under"],
];

const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "half",
];

const SCALES: &[&str] = &["hundred", "thousand", "million", "billion", "trillion", "percent", "per", "cent", "bn", "m"];

const PERIODS: &[&str] = &[
    "year", "years", "week", "weeks", "month", "months", "summer", "winter", "spring", "autumn", "fall", "weekend",
    "decade", "century", "night", "morning", "season", "quarter",
];

/// Words that are no noun to count ("three of them", "two and").
const NOT_NOUNS: &[&str] = &[
    "of", "and", "or", "the", "a", "an", "to", "in", "on", "at", "by", "for", "with", "from", "that", "which", "who",
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "it", "its", "this", "these", "those", "as",
    "than", "but", "not", "more", "less", "into", "after", "before", "over", "under", "per", "about", "he", "she",
    "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "so", "if", "when", "while", "will", "would",
    "can", "could", "should", "may", "might", "must", "do", "does", "did", "also", "each",
];

/// The figure spans of one text block's words, as byte ranges, in order and disjoint.
pub(super) fn figures(text: &str, words: &[Word<'_>]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match figure_at(text, words, i) {
            Some((first, last)) => {
                let start = words[first].start;
                let start =
                    if text[..start].ends_with(['$', '£', '€']) { start - prev_len(text, start) } else { start };
                if out.last().is_none_or(|&(_, e)| e <= start) {
                    out.push((start, words[last].end));
                }
                i = last + 1;
            }
            None => i += 1,
        }
    }
    out
}

fn prev_len(text: &str, at: usize) -> usize {
    text[..at].chars().next_back().map_or(0, char::len_utf8)
}

/// Whether words `i..` are joined by single spaces up to `j`.
fn spaced(text: &str, words: &[Word<'_>], i: usize, j: usize) -> bool {
    (i..j).all(|k| {
        let gap = &text[words[k].end..words[k + 1].start];
        gap == " " || gap == "\u{a0}"
    })
}

fn is_number(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_ascii_digit())
}

fn is_year(word: &str) -> bool {
    word.len() == 4 && word.parse::<u16>().is_ok_and(|y| (1800..=2100).contains(&y))
}

/// The figure whose number, date or period word is word `i`, as (first, last) word.
fn figure_at(text: &str, words: &[Word<'_>], i: usize) -> Option<(usize, usize)> {
    let w = words[i].s;
    let lower = w.to_lowercase();
    let next = |k: usize| words.get(k).filter(|_| spaced(text, words, k - 1, k)).map(|x| x.s);
    // Periods: "last summer", "this year", "earlier this year".
    if matches!(lower.as_str(), "last" | "this" | "next" | "past") && next(i + 1).is_some_and(|n| PERIODS.contains(&n))
    {
        let first = if i > 0 && matches!(words[i - 1].s, "earlier" | "later") && spaced(text, words, i - 1, i) {
            i - 1
        } else {
            i
        };
        return Some((first, i + 1));
    }
    // Weekdays and months.
    if WEEKDAYS.contains(&w) {
        return Some((i, i));
    }
    if MONTHS.contains(&w) {
        let prev = i.checked_sub(1).filter(|&p| spaced(text, words, p, i)).map(|p| words[p].s.to_lowercase());
        let day_after = next(i + 1).is_some_and(is_number);
        let after_in = prev.as_deref().is_some_and(|p| {
            matches!(
                p,
                "in" | "since"
                    | "until"
                    | "by"
                    | "early"
                    | "late"
                    | "mid"
                    | "from"
                    | "between"
                    | "and"
                    | "of"
                    | "last"
                    | "next"
                    | "this"
            )
        });
        if w == "May" && !day_after && !after_in {
            return None;
        }
        if w != "May" || day_after || after_in {
            let mut last = i;
            if day_after {
                last = i + 1;
                if next(last + 1).is_some_and(is_year)
                    || (text[words[last].end..].starts_with(", ") && words.get(last + 1).is_some_and(|x| is_year(x.s)))
                {
                    last += 1;
                }
            } else if next(i + 1).is_some_and(is_year) {
                last = i + 1;
            }
            // "between January and February"
            let first = if prev.as_deref() == Some("between") { i - 1 } else { i };
            if first < i && next(last + 1) == Some("and") && next(last + 2).is_some_and(|m| MONTHS.contains(&m)) {
                return Some((first, last + 2));
            }
            return Some((i, last));
        }
    }
    let number = is_number(w) || NUMBER_WORDS.contains(&lower.as_str());
    if !number {
        return None;
    }
    if is_year(w) && !text[..words[i].start].ends_with(['$', '£', '€']) {
        return Some((i, i));
    }
    // The quantifier before it.
    let mut first = i;
    for q in QUANTIFIERS {
        let n = q.len();
        if i >= n && (0..n).all(|k| words[i - n + k].s.eq_ignore_ascii_case(q[k])) && spaced(text, words, i - n, i) {
            first = i - n;
            break;
        }
    }
    let mut last = i;
    while next(last + 1).is_some_and(|n| SCALES.contains(&n) || is_number(n)) {
        last += 1;
    }
    if text[words[last].end..].starts_with('%') {
        return Some((first, last));
    }
    // What is counted: up to two capitalised words, then a lowercase noun.
    let mut k = last + 1;
    let mut caps = 0;
    while caps < 2 && next(k).is_some_and(|n| n.chars().next().is_some_and(char::is_uppercase)) {
        k += 1;
        caps += 1;
    }
    let noun = next(k).filter(|n| n.chars().next().is_some_and(char::is_lowercase) && !NOT_NOUNS.contains(n));
    match noun {
        Some(_) => {
            let mut end = k;
            if next(k + 1) == Some("ago") {
                end = k + 1;
            }
            Some((first, end))
        }
        None if is_number(w) => Some((first, last)),
        None => None,
    }
}
