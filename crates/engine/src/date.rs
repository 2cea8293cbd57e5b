//! Calendar days as readers and sources write them: the one rule for which days exist, the
//! one reader of partial dates (`2024`, `2024-02`, `2024-02-29`) that the query language's
//! `after:`/`before:` and the URL's `from`/`to` share, and the one reader of publication
//! dates ([`parse_published`]) that front matter and every importer share: ISO 8601 (basic
//! or extended offsets, fractional seconds), RFC 2822 (RSS `pubDate`), years, year-months.

use super::article::Published;

/// Days in `month` (1 to 12) of `year`, in the Gregorian calendar.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `YYYY-MM-DD`, as in URLs and date inputs.
pub fn format_day((y, m, d): (u16, u8, u8)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; a partial date means its first day, or its last
/// day when `end` is set.
pub fn parse_day(s: &str, end: bool) -> Option<(u16, u8, u8)> {
    // Digits and dashes only: `parse` alone would take `+1` for a month.
    if !s.chars().all(|c| c.is_ascii_digit() || c == '-') {
        return None;
    }
    let mut parts = s.splitn(3, '-');
    let year: u16 = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let month: Option<u8> = match parts.next() {
        Some(m) => Some(m.parse().ok().filter(|m| (1..=12).contains(m))?),
        None => None,
    };
    let days_in = |m: u8| days_in_month(year, m);
    let day: Option<u8> = match (parts.next(), month) {
        (Some(d), Some(m)) => Some(d.parse().ok().filter(|d| (1..=days_in(m)).contains(d))?),
        _ => None,
    };
    Some(match (month, day, end) {
        (Some(m), Some(d), _) => (year, m, d),
        (Some(m), None, false) => (year, m, 1),
        (Some(m), None, true) => (year, m, days_in(m)),
        (None, _, false) => (year, 1, 1),
        (None, _, true) => (year, 12, 31),
    })
}

/// A publication date as sources write it, checked against the calendar:
/// - ISO 8601: `2025-04-26`, `2025-04-26T10:30`, `2025-04-26 10:30:00.123+0100`,
///   `2021-11-01T10:52:50+01:00`, `…Z` (the offset is read and not kept);
/// - a year-month or a year, meaning its first day: `2025-04`, `2025`;
/// - RFC 2822, as RSS writes `pubDate`: `Tue, 10 Jun 2003 04:00:00 GMT`, `10 Jun 2003 04:00 +0000`.
pub fn parse_published(s: &str) -> Result<Published, String> {
    let s = s.trim();
    let iso = s.len() >= 4 && s.as_bytes()[..4].iter().all(u8::is_ascii_digit) && s.as_bytes().get(4) != Some(&b' ');
    let read = if iso { iso_8601(s) } else { rfc_2822(s) };
    read.map_err(|problem| match problem {
        Problem::Shape => format!(
            "`{s}` is not a date: expected YYYY-MM-DD, optionally followed by a time such as T10:30:00Z, or YYYY-MM, YYYY, or a date such as `Tue, 10 Jun 2003 04:00:00 GMT`"
        ),
        Problem::Month(month) => format!("`{s}` has no month {month}: months run from 01 to 12"),
        Problem::Day(year, month) => {
            format!("`{s}` is not a real day: {year:04}-{month:02} has {} days", days_in_month(year, month))
        }
        Problem::Time => format!("`{s}` has an impossible time of day"),
    })
}

enum Problem {
    Shape,
    Month(u32),
    Day(u16, u8),
    Time,
}

/// The number in `s` when it is all ASCII digits (and not empty).
fn digits(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

/// A checked day of the calendar.
fn day_of(year: u32, month: u32, day: u32) -> Result<(u16, u8, u8), Problem> {
    if !(1..=12).contains(&month) {
        return Err(Problem::Month(month));
    }
    let (year, month) = (u16::try_from(year).map_err(|_| Problem::Shape)?, month as u8);
    if day == 0 || day > u32::from(days_in_month(year, month)) {
        return Err(Problem::Day(year, month));
    }
    Ok((year, month, day as u8))
}

fn iso_8601(s: &str) -> Result<Published, Problem> {
    let (date, time) = match s.find(['T', 't', ' ']) {
        Some(at) => (&s[..at], Some(&s[at + 1..])),
        None => (s, None),
    };
    let parts: Vec<&str> = date.split('-').collect();
    let number = |i: usize, len: usize| parts.get(i).filter(|p| p.len() == len).and_then(|p| digits(p));
    let year = number(0, 4).ok_or(Problem::Shape)?;
    let (month, day) = match parts.len() {
        1 => (1, 1),
        2 => (number(1, 2).ok_or(Problem::Shape)?, 1),
        3 => (number(1, 2).ok_or(Problem::Shape)?, number(2, 2).ok_or(Problem::Shape)?),
        _ => return Err(Problem::Shape),
    };
    let (year, month, day) = day_of(year, month, day)?;
    let time = match time {
        Some(t) if parts.len() == 3 => Some(iso_time(t)?),
        Some(_) => return Err(Problem::Shape),
        None => None,
    };
    Ok(Published { year, month, day, time })
}

/// `HH:MM[:SS[.fff]]` or `HHMM[SS]`, then nothing, `Z`, or an offset `±HH`, `±HHMM`, `±HH:MM`.
fn iso_time(t: &str) -> Result<(u8, u8, u8), Problem> {
    let zone_at = t.find(['Z', 'z', '+', '-']).unwrap_or(t.len());
    let (clock, zone) = t.split_at(zone_at);
    let clock = match clock.split_once(['.', ',']) {
        Some((whole, fraction)) if !fraction.is_empty() && fraction.bytes().all(|b| b.is_ascii_digit()) => whole,
        Some(_) => return Err(Problem::Shape),
        None => clock,
    };
    let fields: Vec<&str> = if clock.contains(':') {
        clock.split(':').collect()
    } else {
        clock.as_bytes().chunks(2).map(|c| std::str::from_utf8(c).unwrap_or("bad")).collect()
    };
    if !(2..=3).contains(&fields.len()) || fields.iter().any(|f| f.len() != 2) {
        return Err(Problem::Shape);
    }
    let field = |i: usize| fields.get(i).map_or(Some(0), |f| digits(f));
    let (Some(h), Some(m), Some(sec)) = (field(0), field(1), field(2)) else { return Err(Problem::Shape) };
    let zone_ok = match zone.as_bytes() {
        [] | [b'Z' | b'z'] => true,
        [b'+' | b'-', rest @ ..] => {
            let rest = std::str::from_utf8(rest).unwrap_or("");
            let compact = rest.replacen(':', "", 1);
            matches!(compact.len(), 2 | 4)
                && digits(&compact).is_some()
                && (rest.len() != 5 || rest.as_bytes()[2] == b':')
        }
        _ => false,
    };
    if !zone_ok {
        return Err(Problem::Shape);
    }
    if h > 23 || m > 59 || sec > 60 {
        return Err(Problem::Time);
    }
    Ok((h as u8, m as u8, sec as u8))
}

/// `[Weekday,] D Mon YYYY [HH:MM[:SS]] [zone]`, English month names (three letters or whole).
/// The months' English names, January first: dates read and shown, and the lenses' figures.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The weekdays' English names, Monday first.
pub const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

fn rfc_2822(s: &str) -> Result<Published, Problem> {
    let rest = match s.split_once(',') {
        Some((weekday, rest)) if weekday.trim().chars().all(|c| c.is_ascii_alphabetic()) => rest,
        _ => s,
    };
    let mut words = rest.split_whitespace();
    let day = words.next().and_then(digits).ok_or(Problem::Shape)?;
    let month = words.next().ok_or(Problem::Shape)?.to_ascii_lowercase();
    let month = MONTHS
        .iter()
        .position(|m| {
            month.get(..3).is_some_and(|p| m[..3].eq_ignore_ascii_case(p))
                && month.chars().all(|c| c.is_ascii_alphabetic())
        })
        .ok_or(Problem::Shape)? as u32
        + 1;
    let year = match words.next().ok_or(Problem::Shape)? {
        y if y.len() == 4 => digits(y).ok_or(Problem::Shape)?,
        // Two-digit years, as RFC 2822 reads them.
        y if y.len() == 2 => digits(y).map(|y| if y < 50 { 2000 + y } else { 1900 + y }).ok_or(Problem::Shape)?,
        _ => return Err(Problem::Shape),
    };
    let (year, month, day) = day_of(year, month, day)?;
    let time = match words.next() {
        Some(clock) => {
            let fields: Vec<Option<u32>> =
                clock.split(':').map(|f| (f.len() == 2).then(|| digits(f)).flatten()).collect();
            let (h, m, sec) = match fields.as_slice() {
                [Some(h), Some(m)] => (*h, *m, 0),
                [Some(h), Some(m), Some(sec)] => (*h, *m, *sec),
                _ => return Err(Problem::Shape),
            };
            if h > 23 || m > 59 || sec > 60 {
                return Err(Problem::Time);
            }
            Some((h as u8, m as u8, sec as u8))
        }
        None => None,
    };
    let zone_ok = match words.next() {
        None => true,
        Some(zone) => {
            let numeric = zone.len() == 5 && zone.starts_with(['+', '-']) && digits(&zone[1..]).is_some();
            numeric || (zone.len() <= 5 && zone.chars().all(|c| c.is_ascii_alphabetic()))
        }
    };
    if !zone_ok || words.next().is_some() {
        return Err(Problem::Shape);
    }
    Ok(Published { year, month, day, time })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Year, month, day and time of day.
    type Read = (u16, u8, u8, Option<(u8, u8, u8)>);

    fn published(s: &str) -> Option<Read> {
        parse_published(s).ok().map(|p| (p.year, p.month, p.day, p.time))
    }

    #[test]
    fn publication_dates_as_sources_write_them() {
        assert_eq!(published("2025-04-26"), Some((2025, 4, 26, None)));
        assert_eq!(published("2021-11-01T10:52:50+0100"), Some((2021, 11, 1, Some((10, 52, 50)))));
        assert_eq!(published("2021-11-01T10:52:50+01:00"), Some((2021, 11, 1, Some((10, 52, 50)))));
        assert_eq!(published("2021-11-01T10:52:50-05"), Some((2021, 11, 1, Some((10, 52, 50)))));
        assert_eq!(published("2023-06-01T08:15:30.123456Z"), Some((2023, 6, 1, Some((8, 15, 30)))));
        assert_eq!(published("2025-04-26 10:30"), Some((2025, 4, 26, Some((10, 30, 0)))));
        assert_eq!(published("20:30"), None);
        assert_eq!(published("2025-04-26T1030Z"), Some((2025, 4, 26, Some((10, 30, 0)))));
        assert_eq!(published("2025"), Some((2025, 1, 1, None)));
        assert_eq!(published("2025-04"), Some((2025, 4, 1, None)));
        assert_eq!(published("Tue, 10 Jun 2003 04:00:00 GMT"), Some((2003, 6, 10, Some((4, 0, 0)))));
        assert_eq!(published("10 June 2003 04:00 +0200"), Some((2003, 6, 10, Some((4, 0, 0)))));
        assert_eq!(published("Sat, 1 Feb 03 23:59:60 EST"), Some((2003, 2, 1, Some((23, 59, 60)))));
        assert_eq!(published("  2024-02-29  "), Some((2024, 2, 29, None)));
    }

    #[test]
    fn impossible_dates_are_explained() {
        let problem = |s: &str| parse_published(s).unwrap_err();
        assert_eq!(problem("2025-02-30"), "`2025-02-30` is not a real day: 2025-02 has 28 days");
        assert_eq!(
            problem("Sun, 30 Feb 2025 10:00:00 GMT"),
            "`Sun, 30 Feb 2025 10:00:00 GMT` is not a real day: 2025-02 has 28 days"
        );
        assert_eq!(problem("2025-13"), "`2025-13` has no month 13: months run from 01 to 12");
        assert_eq!(problem("2025-04-26T25:00"), "`2025-04-26T25:00` has an impossible time of day");
        for bad in [
            "26/04/2025",
            "2025-04-26Tjunk",
            "２０２５-04-26",
            "2025-04-26T10:30+1",
            "2025-04T10:00",
            "Tue, 10 Jum 2003",
            "10 Jun 2003 04:00 GMT extra",
            "",
            "2025-4-26",
            "2025-04-26T10:30:00.x",
        ] {
            assert!(problem(bad).contains("is not a date"), "{bad}: {}", problem(bad));
        }
    }

    #[test]
    fn partial_dates_mean_their_first_or_last_day() {
        assert_eq!(parse_day("2024", false), Some((2024, 1, 1)));
        assert_eq!(parse_day("2024", true), Some((2024, 12, 31)));
        assert_eq!(parse_day("2024-02", true), Some((2024, 2, 29)));
        assert_eq!(parse_day("2023-02", true), Some((2023, 2, 28)));
        assert_eq!(parse_day("2025-02-30", false), None);
        assert_eq!(parse_day("2023-02-29", false), None);
        assert_eq!(parse_day("2024-13", false), None);
        assert_eq!(parse_day("24", false), None);
        assert_eq!(parse_day("2024-+1", false), None);
        assert_eq!(parse_day("2024-01-01-01", false), None);
        assert_eq!(format_day((2024, 2, 9)), "2024-02-09");
        assert_eq!((days_in_month(1900, 2), days_in_month(2000, 2), days_in_month(2024, 4)), (28, 29, 30));
    }
}
