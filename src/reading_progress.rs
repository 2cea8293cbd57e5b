//! How far the reader got in each article: a small map, most recent first, kept in one
//! storage value (`slug=0.420;slug=0.100`). Pure; unreadable entries are skipped.

/// Articles remembered; older ones are forgotten.
const KEEP: usize = 200;
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
        let entries = stored
            .split(';')
            .filter_map(|e| {
                let (slug, f) = e.rsplit_once('=')?;
                let f: f64 = f.parse().ok().filter(|f: &f64| f.is_finite())?;
                (!slug.is_empty()).then(|| (slug.to_string(), f.clamp(0.0, 1.0)))
            })
            .take(KEEP)
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
    use super::*;

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
}
