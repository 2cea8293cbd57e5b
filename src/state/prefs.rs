//! The reader's typography and theme choices, the lenses switched on, the read-aloud
//! rate, and their storage form. Pure: parsing a
//! stored value never fails — unknown, old or corrupted values fall back to defaults,
//! one setting at a time, and a value far larger than ours is not read at all. The view
//! shows them as `data-*` attributes that the stylesheet maps to sizes and fonts (no
//! inline styles, so a strict CSP needs no exception).

/// Number of font-size steps (`data-size` 0 to 8 in the stylesheet).
pub const FONT_SIZES: usize = 9;
const DEFAULT_SIZE: usize = 3;
use crate::state::lenses::LensSet;

/// Prefix of the stored form; a value without it is from another format and ignored.
const VERSION: &str = "v1";
/// Longest stored value read, in bytes. What we write is under 100 bytes; anything much
/// longer was not written by us (or was corrupted), and falls back to the defaults
/// before any of it is parsed.
const MAX_STORED: usize = 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReaderPrefs {
    /// Index into [`FONT_SIZES`].
    pub size: usize,
    pub family: Family,
    pub width: Width,
    pub leading: Leading,
    pub theme: Theme,
    /// The news lenses shown in the reading view.
    pub lenses: LensSet,
}

impl Default for ReaderPrefs {
    fn default() -> Self {
        ReaderPrefs {
            size: DEFAULT_SIZE,
            family: Family::Serif,
            width: Width::Medium,
            leading: Leading::Normal,
            theme: Theme::Auto,
            lenses: LensSet::default(),
        }
    }
}

/// A setting with a fixed set of named choices.
pub trait Choice: Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    /// Name in storage and in `data-*` attributes.
    fn key(self) -> &'static str;
    /// Name shown on its button.
    fn label(self) -> &'static str;
    fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.key() == s)
    }
}

macro_rules! choice {
    ($name:ident { $($variant:ident => $key:literal, $label:literal;)* }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($variant),* }
        impl Choice for $name {
            const ALL: &'static [Self] = &[$($name::$variant),*];
            fn key(self) -> &'static str { match self { $($name::$variant => $key),* } }
            fn label(self) -> &'static str { match self { $($name::$variant => $label),* } }
        }
    };
}

choice!(Family { Serif => "serif", "Serif"; Sans => "sans", "Sans"; Mono => "mono", "Mono"; });
choice!(Width { Narrow => "narrow", "Narrow"; Medium => "medium", "Medium"; Wide => "wide", "Wide"; });
choice!(Leading { Compact => "compact", "Compact"; Normal => "normal", "Normal"; Loose => "loose", "Loose"; });
choice!(Theme { Auto => "auto", "Auto"; Light => "light", "Light"; Sepia => "sepia", "Sepia"; Dark => "dark", "Dark"; });

impl ReaderPrefs {
    /// `v1;size=3;family=serif;width=medium;leading=normal;theme=auto;lenses=person+quote`
    /// (a value stored before lenses existed reads as none on).
    pub fn to_storage(self) -> String {
        format!(
            "{VERSION};size={};family={};width={};leading={};theme={};lenses={}",
            self.size,
            self.family.key(),
            self.width.key(),
            self.leading.key(),
            self.theme.key(),
            self.lenses.to_storage()
        )
    }

    /// Reads a stored value; anything unreadable falls back to the default. A setting
    /// stored twice takes its last readable value.
    pub fn from_storage(stored: &str) -> ReaderPrefs {
        let mut prefs = ReaderPrefs::default();
        if stored.len() > MAX_STORED {
            return prefs;
        }
        let mut parts = stored.split(';');
        if parts.next() != Some(VERSION) {
            return prefs;
        }
        for part in parts {
            let Some((key, value)) = part.split_once('=') else { continue };
            match key {
                "size" => {
                    if let Some(size) = value.parse::<usize>().ok().filter(|s| *s < FONT_SIZES) {
                        prefs.size = size;
                    }
                }
                "family" => prefs.family = Family::parse(value).unwrap_or(prefs.family),
                "width" => prefs.width = Width::parse(value).unwrap_or(prefs.width),
                "leading" => prefs.leading = Leading::parse(value).unwrap_or(prefs.leading),
                "theme" => prefs.theme = Theme::parse(value).unwrap_or(prefs.theme),
                "lenses" => prefs.lenses = LensSet::from_storage(value),
                _ => {}
            }
        }
        prefs
    }

    pub fn smaller(self) -> ReaderPrefs {
        ReaderPrefs { size: self.size.saturating_sub(1), ..self }
    }

    pub fn larger(self) -> ReaderPrefs {
        ReaderPrefs { size: (self.size + 1).min(FONT_SIZES - 1), ..self }
    }
}

/// Read-aloud rates offered, 1 being the voice's normal speed.
pub const RATES: [f64; 6] = [0.75, 1.0, 1.25, 1.5, 1.75, 2.0];
pub const DEFAULT_RATE: f64 = 1.0;

/// Reads a stored read-aloud rate; anything but one of [`RATES`] is the default.
pub fn rate_from_storage(stored: &str) -> f64 {
    stored.trim().parse::<f64>().ok().filter(|r| RATES.contains(r)).unwrap_or(DEFAULT_RATE)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::engine::lens::Lens;
    use crate::test_inputs::hostile;

    #[test]
    fn round_trips() {
        let prefs = ReaderPrefs {
            size: 7,
            family: Family::Mono,
            width: Width::Wide,
            leading: Leading::Loose,
            theme: Theme::Sepia,
            lenses: LensSet::default().with(Lens::People).with(Lens::Figures),
        };
        assert_eq!(ReaderPrefs::from_storage(&prefs.to_storage()), prefs);
        assert_eq!(ReaderPrefs::from_storage(&ReaderPrefs::default().to_storage()), ReaderPrefs::default());
    }

    #[test]
    fn bad_values_fall_back_one_setting_at_a_time() {
        assert_eq!(ReaderPrefs::from_storage(""), ReaderPrefs::default());
        assert_eq!(ReaderPrefs::from_storage("{\"json\":true}"), ReaderPrefs::default());
        assert_eq!(ReaderPrefs::from_storage("v0;size=8"), ReaderPrefs::default(), "an old format is ignored");
        let p = ReaderPrefs::from_storage("v1;size=99;family=comic;theme=dark;width;=;leading=loose\u{0}");
        assert_eq!(p, ReaderPrefs { theme: Theme::Dark, ..ReaderPrefs::default() });
    }

    #[test]
    fn size_steps_stay_in_range() {
        let mut p = ReaderPrefs::default();
        for _ in 0..20 {
            p = p.larger();
        }
        assert_eq!(p.size, FONT_SIZES - 1);
        for _ in 0..20 {
            p = p.smaller();
        }
        assert_eq!(p.size, 0);
        const { assert!(FONT_SIZES >= 7) };
    }

    /// Every combination of settings.
    fn all_prefs() -> impl Iterator<Item = ReaderPrefs> {
        (0..FONT_SIZES).flat_map(|size| {
            Family::ALL.iter().flat_map(move |&family| {
                Width::ALL.iter().flat_map(move |&width| {
                    Leading::ALL.iter().flat_map(move |&leading| {
                        Theme::ALL.iter().map(move |&theme| ReaderPrefs {
                            size,
                            family,
                            width,
                            leading,
                            theme,
                            lenses: LensSet::all(),
                        })
                    })
                })
            })
        })
    }

    #[test]
    fn every_combination_round_trips_well_under_the_size_limit() {
        for prefs in all_prefs() {
            let stored = prefs.to_storage();
            assert!(stored.len() * 4 < MAX_STORED, "{stored}");
            assert_eq!(ReaderPrefs::from_storage(&stored), prefs);
        }
    }

    #[test]
    fn an_oversized_value_falls_back_to_defaults() {
        let dark = ReaderPrefs { theme: Theme::Dark, ..ReaderPrefs::default() }.to_storage();
        let padded = format!("{dark};{}", "x".repeat(MAX_STORED));
        assert_eq!(ReaderPrefs::from_storage(&padded), ReaderPrefs::default());
        assert_eq!(
            ReaderPrefs::from_storage(&format!("{dark}{}", ";theme=dark".repeat(MAX_STORED))),
            ReaderPrefs::default()
        );
        assert_eq!(
            ReaderPrefs::from_storage(&padded[..MAX_STORED]).theme,
            Theme::Dark,
            "a value up to the limit is read"
        );
    }

    #[test]
    fn other_formats_and_versions_fall_back_to_defaults() {
        for stored in [
            "size=8;theme=dark",
            "v2;size=8;theme=dark",
            "V1;size=8",
            "v1 ;size=8",
            " v1;size=8",
            "v10;size=8",
            "\u{FEFF}v1;size=8",
            "8",
        ] {
            assert_eq!(ReaderPrefs::from_storage(stored), ReaderPrefs::default(), "{stored:?}");
        }
    }

    #[test]
    fn numbers_that_are_not_sizes_fall_back() {
        for size in ["NaN", "inf", "-1", "-0.0", "3.0", "1e1", " 3", "9", "18446744073709551616", "٣", ""] {
            assert_eq!(ReaderPrefs::from_storage(&format!("v1;size={size}")).size, DEFAULT_SIZE, "{size:?}");
        }
    }

    #[test]
    fn lenses_are_kept_beside_the_other_settings() {
        let before_lenses = "v1;size=3;family=serif;width=medium;leading=normal;theme=dark";
        assert_eq!(ReaderPrefs::from_storage(before_lenses).lenses, LensSet::default(), "none on by default");
        let p = ReaderPrefs::from_storage("v1;theme=dark;lenses=quote+person+nonsense");
        assert_eq!(p.lenses, LensSet::default().with(Lens::Quotes).with(Lens::People));
        assert_eq!(p.theme, Theme::Dark);
        assert_eq!(ReaderPrefs::from_storage("v1;lenses=figure;lenses=").lenses, LensSet::default());
        let every = ReaderPrefs { lenses: LensSet::all(), ..ReaderPrefs::default() };
        assert_eq!(ReaderPrefs::from_storage(&every.to_storage()), every);
    }

    #[test]
    fn a_repeated_setting_takes_its_last_readable_value() {
        assert_eq!(ReaderPrefs::from_storage("v1;theme=dark;theme=sepia").theme, Theme::Sepia);
        assert_eq!(ReaderPrefs::from_storage("v1;size=1;size=2;size=99").size, 2);
    }

    #[test]
    fn injected_separators_set_nothing_else() {
        let p = ReaderPrefs::from_storage("v1;theme=dark=light;family=mono;width=wide=;leading=loose;v1;theme");
        assert_eq!(p, ReaderPrefs { family: Family::Mono, leading: Leading::Loose, ..ReaderPrefs::default() });
        assert_eq!(ReaderPrefs::from_storage("v1;family=sans;theme=dark%3Bsize%3D8").theme, Theme::Auto);
    }

    proptest! {
        #[test]
        fn any_stored_value_reads_as_settings_that_round_trip(stored in prop_oneof![hostile(), hostile().prop_map(|s| format!("v1;{s}"))]) {
            let prefs = ReaderPrefs::from_storage(&stored);
            prop_assert!(prefs.size < FONT_SIZES);
            prop_assert_eq!(ReaderPrefs::from_storage(&prefs.to_storage()), prefs);
        }
    }

    #[test]
    fn a_stored_rate_is_one_offered_or_the_default() {
        for r in RATES {
            assert_eq!(rate_from_storage(&r.to_string()), r);
        }
        for bad in ["", "fast", "NaN", "inf", "-1", "1.3", "9", "1e308"] {
            assert_eq!(rate_from_storage(bad), DEFAULT_RATE, "{bad}");
        }
    }
}
