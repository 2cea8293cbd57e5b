//! The library's state as it lives in the URL: `#/?q=…&source=…&tag=…&sort=…`.
//! Pure: parsing never fails (bad values are dropped, broken percent-escapes kept as
//! text), and printing is canonical, so a shared link reproduces the same view.

use crate::engine::date::{format_day, parse_day};
pub use crate::engine::facet::Facet;
use crate::engine::search::{Filters, Sort};

/// What the library shows: the query text, facet filters, the sort order, and how many
/// pages of results.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LibraryQuery {
    pub q: String,
    pub filters: Filters,
    /// `None`: relevance with a query, newest without.
    pub sort: Option<Sort>,
    /// Pages of results shown beyond the first ("Show more"), in the URL as `pages=N`
    /// (N ≥ 2), so coming back from an article shows as many as before.
    pub more: u16,
}

/// Most pages a URL may ask for (beyond it the list would not be read, only rendered).
pub const MAX_PAGES: u16 = 500;

impl LibraryQuery {
    /// Reads a query string (with or without the leading `?`).
    pub fn parse(query_string: &str) -> LibraryQuery {
        let mut out = LibraryQuery::default();
        for (key, value) in pairs(query_string.strip_prefix('?').unwrap_or(query_string)) {
            // `q` keeps its spaces: it is the search field's text, and the field shows what
            // the URL says, so a trimmed `q` would erase a space as soon as it is typed.
            if key == "q" {
                out.q = if value.trim().is_empty() { String::new() } else { value };
                continue;
            }
            let value = value.trim().to_string();
            match key.as_str() {
                "sort" => out.sort = Sort::parse(&value),
                "pages" => out.more = value.parse::<u32>().map_or(0, |p| p.clamp(1, u32::from(MAX_PAGES)) as u16 - 1),
                "from" => out.filters.from = parse_day(&value, false),
                "to" => out.filters.to = parse_day(&value, true),
                _ if value.is_empty() => {}
                key => {
                    // A chosen value is read as the facet counts it: `pt-BR` selects `pt`
                    // (no stray "pt-BR (0)"), and `02019` is the year `2019`, which must not
                    // unselect a `2019` before it.
                    let Some(facet) = Facet::ALL.into_iter().find(|f| f.key() == key) else { continue };
                    let Some(value) = facet.normalise(&value) else { continue };
                    if !out.selected(facet, &value) {
                        out.toggle(facet, &value);
                    }
                }
            }
        }
        out
    }

    /// The canonical query string, without `?`; empty for the default view.
    pub fn to_query_string(&self) -> String {
        let mut parts: Vec<(&str, String)> = Vec::new();
        if !self.q.is_empty() {
            parts.push(("q", self.q.clone()));
        }
        for facet in Facet::ALL {
            for value in self.values(facet) {
                parts.push((facet.key(), value.clone()));
            }
        }
        if let Some(day) = self.filters.from {
            parts.push(("from", format_day(day)));
        }
        if let Some(day) = self.filters.to {
            parts.push(("to", format_day(day)));
        }
        if let Some(sort) = self.sort {
            parts.push(("sort", sort.as_str().to_string()));
        }
        if self.more > 0 {
            parts.push(("pages", (self.more + 1).to_string()));
        }
        parts.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect::<Vec<_>>().join("&")
    }

    pub fn effective_sort(&self) -> Sort {
        self.sort.unwrap_or_else(|| Sort::default_for(&self.q))
    }

    /// The selected values of one facet, as URL text.
    pub fn values(&self, facet: Facet) -> &[String] {
        &self.filters.values[facet]
    }

    pub fn selected(&self, facet: Facet, value: &str) -> bool {
        self.values(facet).iter().any(|v| v == value)
    }

    /// Selects `value` in `facet`, or unselects it when it was selected (a value that
    /// names nothing, such as the year `soon`, changes nothing).
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        let Some(value) = facet.normalise(value) else { return };
        let list = &mut self.filters.values[facet];
        match list.iter().position(|v| *v == value) {
            Some(i) => {
                list.remove(i);
            }
            None => list.push(value),
        }
    }

    /// Whether any filter (not the query text) is active.
    pub fn is_filtered(&self) -> bool {
        !self.filters.is_empty()
    }

    /// The same view without any filter.
    pub fn without_filters(&self) -> LibraryQuery {
        LibraryQuery { filters: Filters::default(), ..self.clone() }
    }
}

/// `key=value` pairs of an `application/x-www-form-urlencoded` string.
fn pairs(s: &str) -> impl Iterator<Item = (String, String)> + '_ {
    s.split('&').filter(|p| !p.is_empty()).map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (decode(k), decode(v))
    })
}

/// Percent-decoding that never fails: a broken escape stays as written; bytes that are
/// not UTF-8 become U+FFFD.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (bytes.get(i + 1).and_then(hex_digit), bytes.get(i + 2).and_then(hex_digit)) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The value of an ASCII hex digit (not of a sign, as `u8::from_str_radix` would read it).
fn hex_digit(b: &u8) -> Option<u8> {
    (*b as char).to_digit(16).map(|d| d as u8)
}

/// Percent-encodes everything but unreserved characters; spaces become `+`.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::test_inputs::{hostile, hostile_short, long_input};

    #[test]
    fn round_trips_every_field() {
        let mut q =
            LibraryQuery { q: "north korea \"troops\" & more".into(), sort: Some(Sort::Oldest), ..Default::default() };
        q.toggle(Facet::Source, "CNN");
        q.toggle(Facet::Source, "The Guardian");
        q.toggle(Facet::Tag, "war/peace");
        q.toggle(Facet::Year, "2019");
        q.toggle(Facet::Lang, "fr");
        q.toggle(Facet::Byline, "Jane Doe");
        q.filters.from = Some((2019, 1, 1));
        q.filters.to = Some((2020, 12, 31));
        let s = q.to_query_string();
        assert_eq!(
            s,
            "q=north+korea+%22troops%22+%26+more&source=CNN&source=The+Guardian&byline=Jane+Doe&tag=war%2Fpeace&lang=fr&year=2019&from=2019-01-01&to=2020-12-31&sort=oldest"
        );
        assert_eq!(LibraryQuery::parse(&s), q);
        assert_eq!(LibraryQuery::parse(&format!("?{s}")), q);
    }

    #[test]
    fn a_language_is_its_primary_subtag() {
        let q = LibraryQuery::parse("lang=pt-BR&lang=PT&lang=en_GB");
        assert_eq!(q.values(Facet::Lang), ["pt", "en"]);
        assert_eq!(q.to_query_string(), "lang=pt&lang=en");
    }

    #[test]
    fn the_default_view_has_an_empty_query_string() {
        assert_eq!(LibraryQuery::default().to_query_string(), "");
        assert_eq!(LibraryQuery::parse(""), LibraryQuery::default());
        assert_eq!(LibraryQuery::default().effective_sort(), Sort::Newest);
        assert_eq!(LibraryQuery::parse("q=x").effective_sort(), Sort::Relevance);
    }

    #[test]
    fn the_query_text_keeps_the_space_just_typed() {
        assert_eq!(LibraryQuery::parse("q=kursk+").q, "kursk ");
        assert_eq!(LibraryQuery::parse("q=+kursk+troops").to_query_string(), "q=+kursk+troops");
        assert_eq!(LibraryQuery::parse("q=+++").q, "");
    }

    #[test]
    fn bad_input_is_dropped_not_fatal() {
        let q = LibraryQuery::parse(
            "q=%E2%82&q2=&sort=sideways&year=20x9&from=2025-02-30&to=soon&%%%=1&source=&tag=a&tag=a",
        );
        assert_eq!(q.q, "\u{fffd}");
        assert_eq!(q.sort, None);
        assert!(q.values(Facet::Year).is_empty());
        assert_eq!(q.filters.from, None);
        assert_eq!(q.filters.to, None);
        assert!(q.values(Facet::Source).is_empty());
        assert_eq!(q.values(Facet::Tag), ["a"]);
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
    }

    #[test]
    fn a_sign_is_not_a_hex_digit() {
        // Found by `decoding_keeps_what_is_not_an_escape`: `%+1` decoded to U+0001.
        assert_eq!(decode("%+1"), "% 1");
        assert_eq!(decode("%-1%+F%2B1"), "%-1% F+1");
        assert_eq!(LibraryQuery::parse("q=%+1").q, "% 1");
    }

    #[test]
    fn a_year_spelt_twice_stays_selected() {
        // Found by `more_parameters_never_unselect_a_value`: the second spelling toggled
        // the year off.
        assert_eq!(LibraryQuery::parse("year=2018&year=02018").values(Facet::Year), ["2018"]);
        assert_eq!(LibraryQuery::parse("year=+2018&year=2018&year=%202018").to_query_string(), "year=2018");
    }

    #[test]
    fn toggling_twice_unselects() {
        let mut q = LibraryQuery::default();
        q.toggle(Facet::Tag, "x");
        assert!(q.selected(Facet::Tag, "x") && q.is_filtered());
        q.toggle(Facet::Tag, "x");
        assert!(!q.is_filtered());
    }

    #[test]
    fn a_10000_character_query_string_round_trips() {
        let input = long_input();
        let parsed = LibraryQuery::parse(&input);
        assert_eq!(LibraryQuery::parse(&parsed.to_query_string()), parsed);
        let q = LibraryQuery { q: input.clone(), ..Default::default() };
        assert_eq!(LibraryQuery::parse(&q.to_query_string()).q, input);
    }

    /// Query strings shaped like ours, with years likely to repeat in other spellings
    /// (`2019`, `+2019`, ` 02019`); or hostile text of any shape.
    fn query_string() -> impl Strategy<Value = String> {
        let key = prop_oneof![
            1 => Just("year"),
            1 => proptest::sample::select(&["q", "source", "byline", "tag", "lang", "from", "to", "sort", "%71", "", "x"][..]),
        ];
        let value = prop_oneof![
            3 => "[+0 ]{0,2}201[89]",
            1 => "[0-9]{4}(-[0-9]{1,2}(-[0-9]{1,2})?)?",
            1 => proptest::sample::select(Sort::ALL.map(Sort::as_str).to_vec()).prop_map(str::to_string),
            2 => hostile_short(4),
        ];
        let pair = prop_oneof![
            3 => (key, value).prop_map(|(k, v)| format!("{k}={v}")),
            1 => hostile_short(4),
        ];
        prop_oneof![proptest::collection::vec(pair, 0..8).prop_map(|pairs| pairs.join("&")), hostile()]
    }

    proptest! {
        #[test]
        fn parsing_is_canonical(input in query_string()) {
            let parsed = LibraryQuery::parse(&input);
            let printed = parsed.to_query_string();
            let reparsed = LibraryQuery::parse(&printed);
            prop_assert_eq!(&reparsed, &parsed);
            prop_assert_eq!(reparsed.to_query_string(), printed);
        }

        #[test]
        fn more_parameters_never_unselect_a_value(a in query_string(), b in query_string()) {
            let first = LibraryQuery::parse(&a);
            let both = LibraryQuery::parse(&format!("{a}&{b}"));
            for facet in Facet::ALL {
                for value in first.values(facet) {
                    prop_assert!(both.selected(facet, value), "{} {:?} unselected", facet.key(), value);
                }
            }
        }

        #[test]
        fn decoding_inverts_encoding(s in hostile()) {
            let encoded = encode(&s);
            prop_assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.~+%".contains(&b)));
            prop_assert_eq!(decode(&encoded), s);
        }

        #[test]
        fn decoding_keeps_what_is_not_an_escape(s in hostile_short(40)) {
            // Without a `%` followed by two hex digits, only `+` changes. (Long text nearly
            // always holds an escape, so it is left to the tests above.)
            let escapes = s.as_bytes().windows(3).any(|w| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit());
            prop_assume!(!escapes);
            prop_assert_eq!(decode(&s), s.replace('+', " "));
        }
    }
}
