//! Hostile text for property tests of everything that reads what a reader or a link can
//! type: the query parser, the marker, the URL state, the hash fix-up and stored
//! settings. It mixes plain ASCII with the pieces that break naive parsers — broken and
//! invalid percent-escapes, URL and query operators, stacked combining marks, emoji
//! sequences, right-to-left text and direction overrides, CJK, NUL and control
//! characters — and sometimes runs past 10,000 characters. (Lone surrogates cannot occur
//! in a Rust `String`.)

use proptest::prelude::*;

/// Pieces hostile text is made of.
const FRAGMENTS: &[&str] = &[
    // Percent-escapes: truncated, not hex, overlong or invalid UTF-8, a valid euro sign,
    // an encoded surrogate, beyond U+10FFFF, an encoded `%`.
    "%",
    "%%",
    "%G1",
    "%2",
    "%+1",
    "%-1",
    "%E2%82",
    "%E2%82%AC",
    "%C0%AF",
    "%FF",
    "%ED%A0%80",
    "%F4%90%80%80",
    "%25",
    "%00",
    // URL, query-string and query-language syntax.
    "+",
    "&",
    "=",
    "#",
    "#/",
    "?",
    "/",
    "//",
    "\\",
    ";",
    ":",
    "\"",
    "'",
    "“",
    "”",
    "„",
    "-",
    "--",
    " OR ",
    "OR",
    "title:",
    "tag:",
    "source:\"",
    "after:",
    "before:2024-02-30",
    "q=",
    "&q=",
    "sort=",
    "year=",
    "from=",
    "to=",
    "v1",
    "size=",
    "=0.5",
    // Combining marks, on a letter and alone.
    "e\u{301}",
    "\u{301}\u{301}\u{301}\u{301}",
    "Z\u{36B}\u{33E}\u{31A}\u{344}\u{325}\u{347}",
    "\u{20DD}",
    // Emoji: a ZWJ family, a rainbow flag, regional-indicator flags, skin tones, a keycap,
    // a tag sequence (Scotland), a lone regional indicator.
    "👩\u{200D}👩\u{200D}👧\u{200D}👦",
    "🏳\u{FE0F}\u{200D}🌈",
    "🇺🇦",
    "🇯🇵",
    "👍🏽",
    "🧑🏿\u{200D}🚀",
    "1\u{FE0F}\u{20E3}",
    "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
    "🇦",
    // Right-to-left: Arabic, pointed Hebrew, overrides, marks and isolates.
    "مرحبا بالعالم",
    "שָׁלוֹם",
    "\u{202E}",
    "\u{202D}",
    "\u{200F}",
    "\u{200E}",
    "\u{2067}",
    "\u{2069}",
    "\u{61C}",
    // CJK, Korean, half-width katakana.
    "東京都",
    "宇航员",
    "한국어",
    "ｶﾀｶﾅ",
    // NUL, controls, odd spaces and separators, the replacement character, the last scalar.
    "\0",
    "\u{7}",
    "\t",
    "\n",
    "\r\n",
    "\u{1B}",
    "\u{7F}",
    "\u{85}",
    "\u{A0}",
    "\u{2028}",
    "\u{FEFF}",
    "\u{200B}",
    "\u{FFFD}",
    "\u{10FFFF}",
];

/// One piece of hostile text (never empty): a [`FRAGMENTS`] entry, a run of ASCII, any
/// character, or a letter under up to 300 acute accents.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        3 => "[ -~]{1,8}",
        2 => any::<char>().prop_map(String::from),
        1 => (1usize..300).prop_map(|n| format!("a{}", "\u{301}".repeat(n))),
    ]
}

/// Text of up to `max_pieces` pieces.
pub fn hostile_short(max_pieces: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..=max_pieces).prop_map(|pieces| pieces.concat())
}

/// Hostile text: mostly short, sometimes a sample of up to 40 pieces repeated to
/// 10,000–12,000 characters.
pub fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => hostile_short(40),
        1 => (proptest::collection::vec(piece(), 1..=40), 10_000usize..=12_000).prop_map(|(pieces, len)| repeat_to(&pieces.concat(), len)),
    ]
}

/// Every fragment, repeated to exactly 10,000 characters: the long input of unit tests.
pub fn long_input() -> String {
    repeat_to(&FRAGMENTS.concat(), 10_000)
}

/// A non-empty `sample` repeated to exactly `len` characters.
fn repeat_to(sample: &str, len: usize) -> String {
    sample.chars().cycle().take(len).collect()
}
