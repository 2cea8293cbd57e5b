//! Calendar days as readers write them: the one rule for which days exist, and the one
//! reader of partial dates (`2024`, `2024-02`, `2024-02-29`) that the query language's
//! `after:`/`before:` and the URL's `from`/`to` share. Front matter reads full dates and
//! times with its own messages, on the same [`days_in_month`].

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

#[cfg(test)]
mod tests {
    use super::*;

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
