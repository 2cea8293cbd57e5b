//! How far the reader got in each article: a small map, most recent first, kept in one
//! storage value (`slug=0.420;slug=0.100`). Pure; unreadable entries are skipped, and so
//! is every entry of a slug after its first; a value far larger than any written here is
//! not read at all.

use std::collections::HashSet;

/// Articles remembered; older ones are forgotten.
const KEEP: usize = 200;
/// Longest stored value read, in bytes. What we write is at most [`KEEP`] entries of a
/// slug (80 bytes, plus a `-n` suffix when titles repeat) and a fraction: under 20 KiB.
/// Anything longer was not written by us (or was corrupted); it reads as empty, before
/// any of it is parsed.
const MAX_STORED: usize = 64 * 1024;
/// Below this an article counts as not begun, above it as finished.
const BEGUN: f64 = 0.02;
const FINISHED: f64 = 0.97;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Progress {
    /// (slug, fraction read in 0..=1), most recent first.
    pub entries: Vec<(String, f64)>,
}

impl Progress {
    pub fn parse(stored: &str) -> Progress {
        if stored.len() > MAX_STORED {
            return Progress::default();
        }
        let mut seen = HashSet::new();
        let entries = stored
            .split(';')
            .filter_map(|e| {
                let (slug, f) = e.split_once('=')?;
                let f: f64 = f.parse().ok().filter(|f: &f64| f.is_finite())?;
                (!slug.is_empty()).then_some((slug, f.clamp(0.0, 1.0)))
            })
            .filter(|(slug, _)| seen.insert(*slug))
            .take(KEEP)
            .map(|(slug, f)| (slug.to_string(), f))
            .collect();
        Progress { entries }
    }

    pub fn to_storage(&self) -> String {
        self.entries.iter().map(|(s, f)| format!("{s}={f:.3}")).collect::<Vec<_>>().join(";")
    }

    pub fn get(&self, slug: &str) -> Option<f64> {
        self.entries.iter().find(|(s, _)| s == slug).map(|(_, f)| *f)
    }

    /// Records `fraction` for `slug` as the most recent entry.
    pub fn set(&mut self, slug: &str, fraction: f64) {
        self.entries.retain(|(s, _)| s != slug);
        self.entries.insert(0, (slug.to_string(), fraction.clamp(0.0, 1.0)));
        self.entries.truncate(KEEP);
    }

    /// Articles begun but not finished, most recent first.
    pub fn in_progress(&self) -> impl Iterator<Item = (&str, f64)> {
        self.entries.iter().filter(|(_, f)| *f > BEGUN && *f < FINISHED).map(|(s, f)| (s.as_str(), *f))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::test_inputs::{hostile, hostile_short};

    #[test]
    fn remembers_most_recent_first() {
        let mut p = Progress::default();
        p.set("a", 0.5);
        p.set("b", 1.0);
        p.set("a", 0.6);
        assert_eq!(p.to_storage(), "a=0.600;b=1.000");
        assert_eq!(Progress::parse(&p.to_storage()), p);
        assert_eq!(p.in_progress().collect::<Vec<_>>(), vec![("a", 0.6)]);
    }

    #[test]
    fn bad_entries_are_skipped() {
        let p = Progress::parse("a=0.5;=0.2;b=NaN;c=x;d;e=7;f=-1");
        assert_eq!(p.entries, vec![("a".to_string(), 0.5), ("e".to_string(), 1.0), ("f".to_string(), 0.0)]);
    }

    #[test]
    fn keeps_a_bounded_number() {
        let mut p = Progress::default();
        for i in 0..300 {
            p.set(&format!("s{i}"), 0.5);
        }
        assert_eq!(p.entries.len(), KEEP);
        assert_eq!(p.entries[0].0, "s299");
    }

    #[test]
    fn repeated_and_injected_entries_do_not_double_an_article() {
        // The first entry of a slug is its most recent.
        let p = Progress::parse("a=0.5;b=0.2;a=0.9;b=0.3=0.4;c=0.1;0.5;d=0.3;d");
        assert_eq!(
            p.entries,
            vec![("a".to_string(), 0.5), ("b".to_string(), 0.2), ("c".to_string(), 0.1), ("d".to_string(), 0.3)]
        );
        assert_eq!(p.in_progress().count(), 4);
        assert_eq!(Progress::parse("a=0.5=0.9").entries, vec![]);
    }

    #[test]
    fn numbers_that_are_not_fractions() {
        let p = Progress::parse("a=NaN;b=inf;c=-inf;d=-0.5;e=1e308;f=1e-400;g= 0.5;h=0x1;i=0,5;j=.5");
        assert_eq!(
            p.entries,
            vec![("d".to_string(), 0.0), ("e".to_string(), 1.0), ("f".to_string(), 0.0), ("j".to_string(), 0.5)]
        );
    }

    #[test]
    fn an_oversized_value_reads_as_empty() {
        // The most we write: every remembered article with a slug of the longest kind.
        let mut p = Progress::default();
        for i in 0..KEEP {
            p.set(&format!("{}-{i}", "x".repeat(80)), 0.5);
        }
        let largest = p.to_storage();
        assert!(largest.len() * 3 < MAX_STORED);
        assert_eq!(Progress::parse(&largest), p);
        let oversized = format!("a=0.5;{}", "b".repeat(MAX_STORED));
        assert_eq!(Progress::parse(&oversized), Progress::default());
        assert_eq!(Progress::parse(&"a=0.5;".repeat(MAX_STORED)), Progress::default());
    }

    #[test]
    fn old_formats_and_garbage_are_skipped() {
        assert_eq!(Progress::parse("{\"a\":0.5}").entries, vec![]);
        assert_eq!(Progress::parse("a:0.5,b:0.2").entries, vec![]);
        assert_eq!(Progress::parse("\0;\u{202E}=0.5;=;;;").entries, vec![("\u{202E}".to_string(), 0.5)]);
    }

    /// Stored values of our shape, with repeated slugs, odd numbers and stray separators.
    fn stored() -> impl Strategy<Value = String> {
        let entry = prop_oneof![
            3 => (
                proptest::sample::select(&["a", "b", "c", "ab", "", "a b", "\u{202E}"][..]),
                proptest::sample::select(&["0.5", "1", "0", "0.999", "-1", "-0", ".5", "1e308", "1e-400", "NaN", "inf", "-inf", " 0.5", "0.5=0.4", ""][..]),
            )
                .prop_map(|(s, f)| format!("{s}={f}")),
            1 => hostile_short(3),
        ];
        prop_oneof![proptest::collection::vec(entry, 0..300).prop_map(|e| e.join(";")), hostile()]
    }

    proptest! {
        #[test]
        fn parsed_entries_are_sound_and_round_trip(input in stored()) {
            let p = Progress::parse(&input);
            prop_assert!(p.entries.len() <= KEEP);
            for (i, (slug, f)) in p.entries.iter().enumerate() {
                prop_assert!(!slug.is_empty() && !slug.contains([';', '=']), "{:?}", slug);
                prop_assert!((0.0..=1.0).contains(f), "{}", f);
                prop_assert!(p.entries[..i].iter().all(|(s, _)| s != slug), "{:?} twice", slug);
            }
            let stored = p.to_storage();
            prop_assert_eq!(Progress::parse(&stored).to_storage(), stored);
        }
    }
}
