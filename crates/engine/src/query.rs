//! The query language. [`parse`] never fails: whatever the input, it gives the query a
//! reader most likely meant.
//!
//! - words: all must match (AND); the last word, when the input does not end in
//!   whitespace, also matches as a prefix (the reader is still typing it);
//! - `"exact phrase"` anywhere (an unclosed quote runs to the end of the input);
//! - `-word`, `-"phrase"`, `-field:value` exclude;
//! - `a OR b` (upper case) matches either; a stray `OR` is ignored;
//! - fields: `title:`, `byline:` (alias `author:`), `source:`, `tag:`, `lang:`, `person:`, `place:`, `org:`, and
//!   `after:` / `before:` with a year, `yyyy-mm` or `yyyy-mm-dd`. `after:` includes the
//!   period it names, `before:` excludes it (`after:2024 before:2025` is 2024). An
//!   unknown field, or a date that is not one, is plain text;
//! - a piece the tokenizer splits into several terms (`U.S.-Israeli`, `東京都`) is a phrase.
//!
//! At most [`MAX_CLAUSES`] clauses, and [`MAX_ATOMS`] words, phrases and fields in all,
//! are kept, so a pasted page (or a long `a OR b OR …` chain) cannot make search slow.

use std::ops::Range;

use super::date;
use super::facet::Facet;
use super::index::date_key;
use super::tokenize;

/// Clauses beyond this many are dropped.
pub const MAX_CLAUSES: usize = 32;
/// Atoms beyond this many, counted over all clauses, are dropped: `a OR b OR …` is one
/// clause however long, and each atom costs search a term lookup and a typo walk.
pub const MAX_ATOMS: usize = 2 * MAX_CLAUSES;
/// Terms of a phrase beyond this many are dropped.
const MAX_PHRASE: usize = 32;

/// A parsed query: an AND of clauses, plus a date range.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub clauses: Vec<Clause>,
    /// Published on or after this `yyyymmdd`.
    pub after: Option<u32>,
    /// Published before this `yyyymmdd`.
    pub before: Option<u32>,
    /// The input the query was parsed from.
    pub input: String,
}

/// Atoms joined by OR; an excluded clause removes every article one of its atoms matches.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    pub any: Vec<Atom>,
    pub negated: bool,
}

/// Which text fields a word or phrase must occur in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Any,
    Title,
    Byline,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Atom {
    /// One folded term, matched exactly, by stem, with typos and, when `prefix`, as a
    /// prefix. `span` is its byte range in the input.
    Word { term: String, prefix: bool, scope: Scope, span: Range<usize> },
    /// Folded terms that must occur consecutively, matched exactly.
    Phrase { terms: Vec<String>, scope: Scope },
    /// Every term of `terms` must occur in the facet value (the last one as a prefix
    /// when `prefix`); for `lang`, the single term is a language subtag.
    Facet { field: Facet, terms: Vec<String>, prefix: bool },
}

impl Query {
    /// Whether the query asks for text (else it only filters: browsing).
    pub fn has_text(&self) -> bool {
        self.clauses.iter().any(|c| !c.negated)
    }

    /// Every dictionary term the query names (folded), excluded ones too: the index shards
    /// a search reads are theirs.
    pub fn terms(&self) -> impl Iterator<Item = &str> {
        self.clauses
            .iter()
            .flat_map(|c| &c.any)
            .flat_map(|atom| match atom {
                Atom::Word { term, .. } => std::slice::from_ref(term),
                Atom::Phrase { terms, .. } => terms.as_slice(),
                Atom::Facet { .. } => &[],
            })
            .map(String::as_str)
    }

    /// Every atom that should be marked: the words and phrases of clauses that are
    /// not excluded.
    pub fn positive_atoms(&self) -> impl Iterator<Item = &Atom> {
        self.clauses.iter().filter(|c| !c.negated).flat_map(|c| &c.any)
    }
}

/// One lexed piece of the input.
enum Item {
    Atom {
        atom: Atom,
        negated: bool,
    },
    Or,
    /// A date bound: it joins nothing with OR.
    Date,
}

const QUOTES: [char; 4] = ['"', '“', '”', '„'];

/// Parses `input`. The final bare word is a prefix unless `input` ends in whitespace.
pub fn parse(input: &str) -> Query {
    let mut query = Query { input: input.to_string(), ..Query::default() };
    let mut items = Vec::new();
    let mut at = 0;
    let mut last_bare: Option<(usize, usize)> = None; // (item index, end of piece)
    while let Some(c) = input[at..].chars().next() {
        if c.is_whitespace() {
            at += c.len_utf8();
            continue;
        }
        let mut negated = false;
        if c == '-' {
            let rest = input[at..].trim_start_matches('-');
            if rest.is_empty() || rest.starts_with(char::is_whitespace) {
                at = input.len() - rest.len();
                continue;
            }
            negated = true;
            at = input.len() - rest.len();
        }
        let rest = &input[at..];
        if rest.starts_with(QUOTES) {
            let (terms, end) = quoted(input, at);
            at = end;
            if let Some(atom) = phrase(terms, Scope::Any) {
                items.push(Item::Atom { atom, negated });
            }
            continue;
        }
        let piece_end = at + rest.find(|c: char| c.is_whitespace() || QUOTES.contains(&c)).unwrap_or(rest.len());
        let piece = &input[at..piece_end];
        if piece == "OR" && !negated {
            items.push(Item::Or);
            at = piece_end;
            continue;
        }
        if let Some((name, value)) = piece.split_once(':') {
            let name = name.to_ascii_lowercase();
            let value_at = at + name.len() + 1;
            match name.as_str() {
                "after" | "before" => {
                    if let Some(date) = parse_date(value) {
                        if name == "after" {
                            query.after = Some(query.after.map_or(date, |d| d.max(date)));
                        } else {
                            query.before = Some(query.before.map_or(date, |d| d.min(date)));
                        }
                        items.push(Item::Date);
                        at = piece_end;
                        continue;
                    }
                }
                field if matches!(field, "title" | "byline" | "author") || Facet::of_query_name(field).is_some() => {
                    let scope = match name.as_str() {
                        "title" => Some(Scope::Title),
                        "byline" | "author" => Some(Scope::Byline),
                        _ => None,
                    };
                    let facet = Facet::of_query_name(&name);
                    let (terms, end, bare) = if input[value_at..].starts_with(QUOTES) {
                        let (terms, end) = quoted(input, value_at);
                        (terms, end, false)
                    } else {
                        (terms_of(value), piece_end, true)
                    };
                    at = end;
                    let atom = match scope {
                        Some(scope) if terms.len() == 1 && bare => Some(word(terms, scope, value_at..end)),
                        Some(scope) => phrase(terms, scope),
                        None if terms.is_empty() => None,
                        None => {
                            let field = facet.expect("a facet field");
                            let terms = if field == Facet::Lang {
                                vec![tokenize::primary_subtag(&tokenize::fold(value.trim_matches(QUOTES)))]
                            } else {
                                terms
                            };
                            Some(Atom::Facet { field, terms, prefix: false })
                        }
                    };
                    if let Some(atom) = atom {
                        if bare {
                            last_bare = Some((items.len(), end));
                        }
                        items.push(Item::Atom { atom, negated });
                    }
                    continue;
                }
                _ => {}
            }
        }
        at = piece_end;
        let terms = terms_of(piece);
        let start = piece_end - piece.len();
        let atom = match terms.len() {
            0 => continue,
            1 => word(terms, Scope::Any, start..piece_end),
            _ => phrase(terms, Scope::Any).expect("several terms"),
        };
        last_bare = Some((items.len(), piece_end));
        items.push(Item::Atom { atom, negated });
    }
    // The reader is still typing the last word.
    if let Some((index, end)) = last_bare {
        if end == input.len() && index + 1 == items.len() {
            if let Some(Item::Atom {
                atom: Atom::Word { prefix, .. } | Atom::Facet { prefix, field: Facet::Source | Facet::Tag, .. },
                negated: false,
            }) = items.last_mut()
            {
                *prefix = true;
            }
        }
    }
    query.clauses = group(items);
    query
}

/// Joins `a OR b OR c` into one clause; any other item is a clause of its own.
fn group(items: Vec<Item>) -> Vec<Clause> {
    let mut clauses: Vec<Clause> = Vec::new();
    let mut atoms = 0;
    let mut joinable = false; // the last clause is positive and was the previous item
    let mut pending_or = false;
    for item in items {
        match item {
            Item::Or => pending_or = joinable,
            Item::Date => {
                joinable = false;
                pending_or = false;
            }
            Item::Atom { atom, negated } => {
                let joins = pending_or && !negated;
                if atoms == MAX_ATOMS || (!joins && clauses.len() == MAX_CLAUSES) {
                    joinable = false;
                    pending_or = false;
                    continue;
                }
                atoms += 1;
                if joins {
                    clauses.last_mut().expect("an OR follows a clause").any.push(atom);
                } else {
                    clauses.push(Clause { any: vec![atom], negated });
                }
                joinable = !negated;
                pending_or = false;
            }
        }
    }
    clauses
}

/// The terms between the quote at `at` and the next quote (or the end of the input),
/// and where the phrase ends.
fn quoted(input: &str, at: usize) -> (Vec<String>, usize) {
    let open = input[at..].chars().next().expect("a quote").len_utf8();
    let body_at = at + open;
    let body = &input[body_at..];
    match body.find(QUOTES) {
        Some(close) => {
            let close_len = body[close..].chars().next().expect("a quote").len_utf8();
            (terms_of(&body[..close]), body_at + close + close_len)
        }
        None => (terms_of(body), input.len()),
    }
}

/// A one-word atom. A single CJK character is always a prefix: it can only match the
/// start of an indexed bigram.
fn word(terms: Vec<String>, scope: Scope, span: Range<usize>) -> Atom {
    let term = terms.into_iter().next().expect("one term");
    Atom::Word { prefix: tokenize::is_cjk_char(&term), term, scope, span }
}

fn phrase(mut terms: Vec<String>, scope: Scope) -> Option<Atom> {
    terms.truncate(MAX_PHRASE);
    (!terms.is_empty()).then_some(Atom::Phrase { terms, scope })
}

/// The folded search terms of a piece of query text (stems are looked up per corpus
/// language when searching).
fn terms_of(text: &str) -> Vec<String> {
    tokenize::terms_with(text, str::to_string).into_iter().map(|t| t.term).collect()
}

/// A year, month or day as the sortable `yyyymmdd` of its first day; `None` when it is
/// not a real one (`2025-02-30`).
fn parse_date(value: &str) -> Option<u32> {
    date::parse_day(value, false).map(|(year, month, day)| date_key(year, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(term: &str, prefix: bool) -> Atom {
        Atom::Word { term: term.into(), prefix, scope: Scope::Any, span: 0..0 }
    }

    /// The clauses of `input` with spans blanked, for comparison.
    fn clauses(input: &str) -> Vec<(Vec<Atom>, bool)> {
        parse(input)
            .clauses
            .into_iter()
            .map(|c| {
                let any = c
                    .any
                    .into_iter()
                    .map(|a| match a {
                        Atom::Word { term, prefix, scope, .. } => Atom::Word { term, prefix, scope, span: 0..0 },
                        other => other,
                    })
                    .collect();
                (any, c.negated)
            })
            .collect()
    }

    fn phrase_of(terms: &[&str]) -> Atom {
        Atom::Phrase { terms: terms.iter().map(|t| t.to_string()).collect(), scope: Scope::Any }
    }

    #[test]
    fn words_and_the_prefix_while_typing() {
        assert_eq!(clauses("North Ukr"), [(vec![word("north", false)], false), (vec![word("ukr", true)], false)]);
        assert_eq!(clauses("North Ukr "), [(vec![word("north", false)], false), (vec![word("ukr", false)], false)]);
        assert_eq!(clauses("Kyïv"), [(vec![word("kyiv", true)], false)]);
    }

    #[test]
    fn phrases_exclusions_and_or() {
        assert_eq!(
            clauses(r#"troops "north korean" -drone -"kursk region" a OR b OR c"#),
            [
                (vec![word("troops", false)], false),
                (vec![phrase_of(&["north", "korean"])], false),
                (vec![word("drone", false)], true),
                (vec![phrase_of(&["kursk", "region"])], true),
                (vec![word("a", false), word("b", false), word("c", true)], false),
            ]
        );
    }

    #[test]
    fn stray_operators_and_unbalanced_quotes_are_harmless() {
        assert_eq!(clauses("OR ukraine OR"), [(vec![word("ukraine", false)], false)]);
        assert_eq!(clauses("- -- ukraine OR OR russia"), [(vec![word("ukraine", false), word("russia", true)], false)]);
        assert_eq!(
            clauses(r#"war "north korean"#),
            [(vec![word("war", false)], false), (vec![phrase_of(&["north", "korean"])], false)]
        );
        assert_eq!(clauses(r#""""#), []);
        assert_eq!(clauses("!!! ... ---"), []);
        assert_eq!(clauses("e-mail"), [(vec![phrase_of(&["e", "mail"])], false)]);
        assert_eq!(clauses("a OR -b"), [(vec![word("a", false)], false), (vec![word("b", false)], true)]);
        let long = "word ".repeat(2_000) + &"\"".repeat(3);
        assert_eq!(parse(&long).clauses.len(), MAX_CLAUSES);
    }

    #[test]
    fn fields() {
        let q =
            parse(r#"title:Kursk author:doe source:"new york" tag:war lang:pt-BR after:2024-03 before:2025 color:red"#);
        let atoms: Vec<&Atom> = q.clauses.iter().flat_map(|c| &c.any).collect();
        assert!(matches!(atoms[0], Atom::Word { term, scope: Scope::Title, .. } if term == "kursk"));
        assert!(matches!(atoms[1], Atom::Word { term, scope: Scope::Byline, .. } if term == "doe"));
        assert_eq!(
            atoms[2],
            &Atom::Facet { field: Facet::Source, terms: vec!["new".into(), "york".into()], prefix: false }
        );
        assert_eq!(atoms[3], &Atom::Facet { field: Facet::Tag, terms: vec!["war".into()], prefix: false });
        assert_eq!(atoms[4], &Atom::Facet { field: Facet::Lang, terms: vec!["pt".into()], prefix: false });
        // An unknown field is text, as the tokenizer sees it.
        assert!(matches!(atoms[5], Atom::Word { term, prefix: true, .. } if term == "color:red"));
        assert_eq!((q.after, q.before), (Some(20240301), Some(20250101)));
        assert_eq!(
            parse("title:\"north korean\"").clauses[0].any[0],
            Atom::Phrase { terms: vec!["north".into(), "korean".into()], scope: Scope::Title }
        );
        assert!(matches!(&parse("title:ukr").clauses[0].any[0], Atom::Word { prefix: true, scope: Scope::Title, .. }));
        assert!(matches!(&parse("tag:ukr").clauses[0].any[0], Atom::Facet { prefix: true, .. }));
        // Not a date: plain text.
        assert_eq!(parse("after:tomorrow").after, None);
        assert_eq!(parse("after:tomorrow").clauses.len(), 1);
        assert_eq!(parse("before:2024-12").before, Some(20241201));
        assert_eq!(parse("after:2024-13").after, None);
        // A day that does not exist is no date either (the URL and front matter agree).
        assert_eq!(parse("after:2024-02-30").after, None);
        assert_eq!(parse("after:2024-02-30").clauses.len(), 1);
        assert_eq!(parse("after:2024-02-29").after, Some(20240229));
        assert!(parse("-source:cnn").clauses[0].negated);
    }

    #[test]
    fn spans_point_into_the_input() {
        let input = "Zelenskyy  title:Kyïv";
        let q = parse(input);
        let spans: Vec<&str> = q
            .clauses
            .iter()
            .flat_map(|c| &c.any)
            .map(|a| match a {
                Atom::Word { span, .. } => &input[span.clone()],
                _ => "",
            })
            .collect();
        assert_eq!(spans, ["Zelenskyy", "Kyïv"]);
    }

    #[test]
    fn cjk_words_are_bigram_phrases() {
        assert_eq!(clauses("東京都 "), [(vec![phrase_of(&["東京", "京都"])], false)]);
    }

    /// The invariants of any parse: bounded clauses, words with spans on character
    /// boundaries of the input.
    fn check_parse(input: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        let q = parse(input);
        proptest::prop_assert!(q.clauses.len() <= MAX_CLAUSES);
        proptest::prop_assert!(q.clauses.iter().map(|c| c.any.len()).sum::<usize>() <= MAX_ATOMS);
        for atom in q.clauses.iter().flat_map(|c| &c.any) {
            if let Atom::Word { span, term, .. } = atom {
                proptest::prop_assert!(input.is_char_boundary(span.start) && input.is_char_boundary(span.end));
                proptest::prop_assert!(span.start <= span.end && span.end <= input.len() && !term.is_empty());
            }
        }
        Ok(())
    }

    #[test]
    fn an_or_chain_keeps_a_bounded_number_of_atoms() {
        // Found by `parsing_never_panics_and_spans_are_sound`: a chain of ORs is one
        // clause, and kept every one of its atoms.
        let q = parse(&"kursk OR ".repeat(2_000));
        assert_eq!(q.clauses.len(), 1);
        assert_eq!(q.clauses[0].any.len(), MAX_ATOMS);
        let q = parse(&format!("{} {}", "a ".repeat(MAX_CLAUSES - 1), "b OR ".repeat(100)));
        assert_eq!(q.clauses.len(), MAX_CLAUSES);
        assert_eq!(q.clauses.iter().map(|c| c.any.len()).sum::<usize>(), MAX_ATOMS);
    }

    #[test]
    fn a_10000_character_query_parses() {
        let input = crate::test_inputs::long_input();
        assert_eq!(input.chars().count(), 10_000);
        check_parse(&input).unwrap();
        assert!(parse(&input).has_text());
    }

    /// Up to 2,500 pieces of the query language (up to some 25,000 characters), joined
    /// by spaces, tabs, nothing, or `OR`.
    fn query_like() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::{sample::select, strategy::Strategy};
        const PIECES: &[&str] = &[
            "kursk",
            "Ukr",
            "OR",
            "OR OR",
            "-drone",
            "-",
            "--",
            "\"north korean\"",
            "\"",
            "-\"kursk region\"",
            "“quoted”",
            "title:war",
            "author:\"jane doe\"",
            "tag:",
            "source:cnn",
            "-source:cnn",
            "lang:pt-BR",
            "after:2024",
            "before:2025-02",
            "after:2024-13",
            "color:red",
            "東京都",
            "e\u{301}",
            "U.S.-Israeli",
            "%E2%82",
            "\u{202E}عربي",
            "👩\u{200D}👩\u{200D}👧",
        ];
        (proptest::collection::vec(select(PIECES), 0..2_500), select(&[" ", "\t", "", " OR "][..]))
            .prop_map(|(pieces, sep)| pieces.join(sep))
    }

    proptest::proptest! {
        #[test]
        fn parsing_never_panics_and_spans_are_sound(input in proptest::prop_oneof!["\\PC{0,200}", "[-\"“” :ORtileag]{0,60}", query_like(), crate::test_inputs::hostile()]) {
            check_parse(&input)?;
        }
    }
}
