//! Saving the corpus for offline reading, as data: how far a save has come, what was
//! saved (the build's first corpus file names the build, so a new deployment is not
//! "saved" until saved again), its stored form, and sizes as a reader reads them.

/// How far saving has come.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub bytes: u64,
    pub files: usize,
    pub of_files: usize,
    pub articles: usize,
    pub of_articles: usize,
}

impl Progress {
    pub fn done(&self) -> bool {
        self.files == self.of_files
    }

    /// "1.2 MB · 30 of 45 articles".
    pub fn describe(&self) -> String {
        format!("{} · {} of {} articles", size(self.bytes), self.articles, self.of_articles)
    }
}

/// A finished save: the build it was of (its first file) and how many bytes it took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub build: String,
    pub bytes: u64,
}

impl Saved {
    /// The stored form: `<build>\t<bytes>`.
    pub fn to_storage(&self) -> String {
        format!("{}\t{}", self.build, self.bytes)
    }

    /// Reads a stored form; `None` when it cannot be read.
    pub fn parse(stored: &str) -> Option<Saved> {
        let (build, bytes) = stored.split_once('\t')?;
        (!build.is_empty()).then_some(())?;
        Some(Saved { build: build.to_string(), bytes: bytes.parse().ok()? })
    }
}

/// A size as a reader reads it: `980 B`, `12 KB`, `4.5 MB`, `1.2 GB` (powers of 1000).
pub fn size(bytes: u64) -> String {
    const UNITS: [&str; 3] = ["KB", "MB", "GB"];
    if bytes < 1000 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1000.0;
    let mut unit = 0;
    while value >= 999.95 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    if value < 10.0 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{value:.0} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(size(0), "0 B");
        assert_eq!(size(999), "999 B");
        assert_eq!(size(1_000), "1.0 KB");
        assert_eq!(size(12_345), "12 KB");
        assert_eq!(size(4_500_000), "4.5 MB");
        assert_eq!(size(999_999), "1.0 MB");
        assert_eq!(size(1_200_000_000), "1.2 GB");
        assert!(size(u64::MAX).ends_with(" GB"));
    }

    #[test]
    fn a_save_round_trips_and_bad_values_are_none() {
        let saved = Saved { build: "corpus/corpus-ab12.bin".into(), bytes: 4_500_000 };
        assert_eq!(Saved::parse(&saved.to_storage()), Some(saved));
        assert_eq!(Saved::parse(""), None);
        assert_eq!(Saved::parse("\t12"), None);
        assert_eq!(Saved::parse("x\ttwelve"), None);
    }

    #[test]
    fn progress_says_bytes_and_articles() {
        let p = Progress { bytes: 1_234_567, files: 40, of_files: 50, articles: 30, of_articles: 45 };
        assert_eq!(p.describe(), "1.2 MB · 30 of 45 articles");
        assert!(!p.done());
        assert!(Progress { files: 50, ..p }.done());
    }
}
