//! The reader's own highlights, kept per article in one stored value and exported as
//! Markdown. Pure. Each highlight is a [`Span`] plus the quoted text: when the site is
//! rebuilt and offsets move, the quote finds it again ([`anchor::resolve`]); a highlight
//! whose quote is gone is kept, listed as not found, and still exported.
//!
//! The stored form is lines of tab-separated fields (shown as ⇥ below; tab, newline,
//! carriage return and backslash escaped as `\t`, `\n`, `\r`, `\\`):
//!
//! ```text
//! lectern-highlights 1
//! a⇥<slug>⇥<title>[⇥i]
//! h⇥<start block>⇥<start offset>⇥<end block>⇥<end offset>⇥<quote>[⇥<note>]
//! ```
//!
//! Each `h` line belongs to the `a` line above it. `i` says the highlights that came with
//! the article from a read-it-later export were added once ([`Highlights::import`]): a
//! reader who removes one does not see it come back. A note is the reader's comment on
//! a highlight, as the export gave it. Reading a stored value never fails:
//! lines that cannot be read are skipped and the value is reported as damaged, so the
//! caller can keep the original aside before the next write replaces it.

use std::collections::BTreeMap;

use crate::engine::anchor::{self, Point, Resolver, Span, BLOCK_SEPARATOR};
use crate::engine::article::Text;

/// First line of the stored value; a value without it is not read (and kept aside).
const HEADER: &str = "lectern-highlights 1";
/// A longer selection is refused: a highlight marks a passage, not an article.
pub const MAX_QUOTE: usize = 20_000;
/// Highlights kept per article.
pub const MAX_PER_ARTICLE: usize = 1_000;

#[derive(Debug, Clone, PartialEq)]
pub struct Highlight {
    pub span: Span,
    pub quote: String,
    /// A comment on the passage (from an export's annotation).
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleHighlights {
    /// The article's title when last highlighted, for the export if it leaves the corpus.
    pub title: String,
    pub highlights: Vec<Highlight>,
    /// The article's imported highlights were added (see [`Highlights::import`]).
    pub imported: bool,
}

/// Every article's highlights, by slug.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Highlights {
    pub articles: BTreeMap<String, ArticleHighlights>,
}

/// Why a selection could not be highlighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// The span does not fit the article's text.
    NotInText,
    TooLong,
    TooMany,
}

impl Refused {
    pub fn message(self) -> String {
        match self {
            Refused::NotInText => "Select text in the article to highlight it.".into(),
            Refused::TooLong => format!("That selection is too long to highlight (at most {MAX_QUOTE} characters)."),
            Refused::TooMany => format!("This article has {MAX_PER_ARTICLE} highlights, the most Lectern keeps."),
        }
    }
}

impl Highlights {
    /// Reads a stored value. The flag is true when something in it could not be read.
    pub fn parse(stored: &str) -> (Highlights, bool) {
        let mut lines = stored.lines();
        if lines.next() != Some(HEADER) {
            return (Highlights::default(), true);
        }
        let mut damaged = false;
        let mut articles: BTreeMap<String, ArticleHighlights> = BTreeMap::new();
        let mut current: Option<String> = None;
        for line in lines {
            let fields: Vec<String> = line.split('\t').map(unescape).collect();
            match fields.as_slice() {
                [kind, slug, title, flags @ ..] if kind == "a" && !slug.is_empty() && flags.len() <= 1 => {
                    let entry = articles.entry(slug.clone()).or_default();
                    entry.title = title.clone();
                    entry.imported |= flags.first().is_some_and(|f| f == "i");
                    current = Some(slug.clone());
                }
                [kind, b0, o0, b1, o1, quote, note @ ..] if kind == "h" && note.len() <= 1 => {
                    let number = |f: &String| f.parse::<usize>().ok();
                    let span = match (number(b0), number(o0), number(b1), number(o1)) {
                        (Some(b0), Some(o0), Some(b1), Some(o1)) => {
                            Some(Span { start: Point::new(b0, o0), end: Point::new(b1, o1) })
                        }
                        _ => None,
                    };
                    let entry = current.as_ref().and_then(|slug| articles.get_mut(slug));
                    match (span, entry) {
                        (Some(span), Some(entry))
                            if span.start < span.end
                                && !quote.is_empty()
                                && quote.len() <= MAX_QUOTE
                                && entry.highlights.len() < MAX_PER_ARTICLE =>
                        {
                            let note = note.first().filter(|n| !n.is_empty()).cloned();
                            entry.highlights.push(Highlight { span, quote: quote.clone(), note })
                        }
                        _ => damaged = true,
                    }
                }
                _ => damaged = true,
            }
        }
        articles.retain(|_, a| !a.highlights.is_empty() || a.imported);
        (Highlights { articles }, damaged)
    }

    pub fn to_storage(&self) -> String {
        let mut out = String::from(HEADER);
        for (slug, entry) in &self.articles {
            let flag = if entry.imported { "\ti" } else { "" };
            out.push_str(&format!("\na\t{}\t{}{flag}", escape_field(slug), escape_field(&entry.title)));
            for h in &entry.highlights {
                let Span { start, end } = h.span;
                out.push_str(&format!(
                    "\nh\t{}\t{}\t{}\t{}\t{}",
                    start.block,
                    start.offset,
                    end.block,
                    end.offset,
                    escape_field(&h.quote)
                ));
                if let Some(note) = &h.note {
                    out.push_str(&format!("\t{}", escape_field(note)));
                }
            }
        }
        out
    }

    pub fn of(&self, slug: &str) -> &[Highlight] {
        self.articles.get(slug).map_or(&[], |a| a.highlights.as_slice())
    }

    pub fn count(&self) -> usize {
        self.articles.values().map(|a| a.highlights.len()).sum()
    }

    /// Highlights `span` of the article `slug`. Highlights it overlaps or touches merge
    /// into one; the others of the article are moved to where their quotes are now. When
    /// refused, nothing changes.
    pub fn add(&mut self, slug: &str, title: &str, texts: &[&Text], span: Span) -> Result<(), Refused> {
        let quote = anchor::quote(texts, &span).ok_or(Refused::NotInText)?;
        if quote.len() > MAX_QUOTE {
            return Err(Refused::TooLong);
        }
        let resolver = Resolver::new(texts);
        let mut merged = span;
        let mut notes: Vec<&str> = Vec::new();
        let mut kept = Vec::new();
        for h in self.of(slug) {
            match resolver.resolve(&h.span, &h.quote) {
                Some(at) if at.start <= merged.end && merged.start <= at.end => {
                    merged = Span { start: merged.start.min(at.start), end: merged.end.max(at.end) };
                    notes.extend(h.note.as_deref());
                }
                Some(at) => kept.push(Highlight { span: at, ..h.clone() }),
                None => kept.push(h.clone()),
            }
        }
        let quote = anchor::quote(texts, &merged).ok_or(Refused::NotInText)?;
        if quote.len() > MAX_QUOTE {
            return Err(Refused::TooLong);
        }
        if kept.len() >= MAX_PER_ARTICLE {
            return Err(Refused::TooMany);
        }
        let note = (!notes.is_empty()).then(|| notes.join("\n"));
        kept.push(Highlight { span: merged, quote, note });
        kept.sort_by_key(|h| h.span);
        let entry = self.articles.entry(slug.to_string()).or_default();
        entry.title = title.to_string();
        entry.highlights = kept;
        Ok(())
    }

    /// Adds the highlights that came with article `slug` from an export (`(quote, note)`),
    /// once: after that the article is marked as imported, and the reader's removals
    /// stand. A quote is placed where the article's text has it; one the text lacks is
    /// kept at the article's start, and listed as not found. Returns how many were added.
    pub fn import(&mut self, slug: &str, title: &str, texts: &[&Text], quotes: &[(String, Option<String>)]) -> usize {
        if quotes.is_empty() || self.articles.get(slug).is_some_and(|a| a.imported) {
            return 0;
        }
        let resolver = Resolver::new(texts);
        // Nowhere in particular: the quote is looked for in the whole text.
        let nowhere = Span { start: Point::new(0, 0), end: Point::new(0, 1) };
        let entry = self.articles.entry(slug.to_string()).or_default();
        entry.title = title.to_string();
        entry.imported = true;
        let mut added = 0;
        for (quote, note) in quotes {
            let quote = quote.trim();
            let fits = !quote.is_empty() && quote.len() <= MAX_QUOTE && entry.highlights.len() < MAX_PER_ARTICLE;
            if !fits || entry.highlights.iter().any(|h| h.quote == quote) {
                continue;
            }
            let span = resolver.resolve(&nowhere, quote).unwrap_or(nowhere);
            entry.highlights.push(Highlight { span, quote: quote.to_string(), note: note.clone() });
            added += 1;
        }
        entry.highlights.sort_by_key(|h| h.span);
        added
    }

    /// Forgets the `index`-th highlight of `slug`.
    pub fn remove(&mut self, slug: &str, index: usize) {
        if let Some(entry) = self.articles.get_mut(slug) {
            if index < entry.highlights.len() {
                entry.highlights.remove(index);
            }
            if entry.highlights.is_empty() && !entry.imported {
                self.articles.remove(slug);
            }
        }
    }

    /// Every highlight as Markdown: a section per article (its title, a link to it in
    /// Lectern and to the original), then its quotes in order. `current` gives an
    /// article's present title and original address, `None` when it left the corpus.
    pub fn to_markdown(
        &self,
        link: impl Fn(&str) -> String,
        current: impl Fn(&str) -> Option<(String, Option<String>)>,
    ) -> String {
        let mut out = String::from("# Highlights\n");
        for (slug, entry) in self.articles.iter().filter(|(_, a)| !a.highlights.is_empty()) {
            let (title, original) = current(slug).unwrap_or_else(|| (entry.title.clone(), None));
            out.push_str(&format!("\n## {}\n\n[Read in Lectern]({})", escape(&title), link(slug)));
            if let Some(url) = original {
                out.push_str(&format!(
                    " · [Original article]({})",
                    url.replace(' ', "%20").replace('(', "%28").replace(')', "%29")
                ));
            }
            out.push('\n');
            for h in &entry.highlights {
                let paragraphs: Vec<String> = h
                    .quote
                    .split(BLOCK_SEPARATOR)
                    .map(|p| p.lines().map(|l| format!("> {}", escape(l))).collect::<Vec<_>>().join("\n"))
                    .collect();
                out.push_str(&format!("\n{}\n", paragraphs.join("\n>\n")));
                if let Some(note) = &h.note {
                    out.push_str(&format!("\n{}\n", escape(&one_line(note).replace('\n', " "))));
                }
            }
        }
        out
    }
}

/// Where each highlight is in the article now (`None`: its quote is not found).
pub fn placed(highlights: &[Highlight], texts: &[&Text]) -> Vec<Option<Span>> {
    let resolver = Resolver::new(texts);
    highlights.iter().map(|h| resolver.resolve(&h.span, &h.quote)).collect()
}

/// Quoted text as one line for lists: blocks joined by a space.
pub fn one_line(quote: &str) -> String {
    quote.replace(BLOCK_SEPARATOR, " ")
}

/// A field of the stored form, with the characters that separate fields escaped.
fn escape_field(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

fn unescape(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            },
            (c, false) => out.push(c),
        }
    }
    out
}

/// Backslash-escapes what Markdown would read as markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(b0: usize, o0: usize, b1: usize, o1: usize) -> Span {
        Span { start: Point::new(b0, o0), end: Point::new(b1, o1) }
    }

    fn article() -> Vec<Text> {
        vec![
            Text::plain("Troops crossed the border."),
            Text::plain("Officials denied it."),
            Text::plain("Talks resumed."),
        ]
    }

    #[test]
    fn a_highlight_round_trips_through_storage() {
        let owned = article();
        let texts: Vec<&Text> = owned.iter().collect();
        let mut h = Highlights::default();
        h.add("kursk", "Kursk", &texts, span(0, 7, 0, 14)).unwrap();
        h.add("kursk", "Kursk", &texts, span(1, 0, 2, 5)).unwrap();
        assert_eq!(h.of("kursk")[0].quote, "crossed");
        assert_eq!(h.of("kursk")[1].quote, "Officials denied it.\u{2029}Talks");
        let (back, damaged) = Highlights::parse(&h.to_storage());
        assert_eq!(back, h);
        assert!(!damaged);
    }

    #[test]
    fn imported_highlights_are_added_once_with_their_notes() {
        let owned = article();
        let texts: Vec<&Text> = owned.iter().collect();
        let mut h = Highlights::default();
        let quotes = vec![
            ("denied it".to_string(), Some("Check this\tclaim".to_string())),
            ("crossed the border".to_string(), None),
            ("not in this article".to_string(), None),
            ("  ".to_string(), None),
        ];
        assert_eq!(h.import("kursk", "Kursk", &texts, &quotes), 3);
        let of = h.of("kursk");
        // Placed where the text has them, in reading order; the missing quote is kept.
        let placed = placed(of, &texts);
        let found: Vec<Option<&str>> = of.iter().zip(&placed).map(|(x, p)| p.map(|_| x.quote.as_str())).collect();
        assert_eq!(found.iter().flatten().collect::<Vec<_>>(), [&"crossed the border", &"denied it"]);
        assert_eq!(found.iter().filter(|f| f.is_none()).count(), 1);
        assert!(of.iter().any(|x| x.note.as_deref() == Some("Check this\tclaim")));
        // Stored and read back whole, the import is not repeated; a removal stands.
        let (mut back, damaged) = Highlights::parse(&h.to_storage());
        assert!(!damaged);
        assert_eq!(back, h);
        for _ in 0..3 {
            back.remove("kursk", 0);
        }
        assert_eq!(back.import("kursk", "Kursk", &texts, &quotes), 0);
        let (mut again, _) = Highlights::parse(&back.to_storage());
        assert!(again.of("kursk").is_empty());
        assert_eq!(again.import("kursk", "Kursk", &texts, &quotes), 0, "removed imports do not come back");
        // The note is exported under its quote.
        let md = h.to_markdown(|s| format!("#/a/{s}"), |_| None);
        assert!(md.contains("> denied it\n\nCheck this"), "{md}");
    }

    #[test]
    fn a_highlight_merged_with_an_imported_one_keeps_its_note() {
        let owned = article();
        let texts: Vec<&Text> = owned.iter().collect();
        let mut h = Highlights::default();
        h.import("a", "A", &texts, &[("crossed".to_string(), Some("why?".to_string()))]);
        h.add("a", "A", &texts, span(0, 0, 0, 10)).unwrap();
        assert_eq!(h.of("a").len(), 1);
        assert_eq!(h.of("a")[0].quote, "Troops crossed");
        assert_eq!(h.of("a")[0].note.as_deref(), Some("why?"));
    }

    #[test]
    fn overlapping_highlights_merge() {
        let owned = article();
        let texts: Vec<&Text> = owned.iter().collect();
        let mut h = Highlights::default();
        h.add("a", "A", &texts, span(0, 0, 0, 6)).unwrap();
        h.add("a", "A", &texts, span(0, 4, 0, 14)).unwrap();
        h.add("a", "A", &texts, span(2, 0, 2, 5)).unwrap();
        let quotes: Vec<&str> = h.of("a").iter().map(|x| x.quote.as_str()).collect();
        assert_eq!(quotes, ["Troops crossed", "Talks"]);
    }

    #[test]
    fn selections_outside_the_text_or_too_long_are_refused() {
        let owned = article();
        let texts: Vec<&Text> = owned.iter().collect();
        let mut h = Highlights::default();
        assert_eq!(h.add("a", "A", &texts, span(5, 0, 5, 3)), Err(Refused::NotInText));
        let long = [Text::plain("x".repeat(MAX_QUOTE + 1))];
        let long: Vec<&Text> = long.iter().collect();
        assert_eq!(h.add("a", "A", &long, span(0, 0, 0, MAX_QUOTE + 1)), Err(Refused::TooLong));
        assert_eq!(h.count(), 0);
    }

    #[test]
    fn a_merge_that_would_be_too_long_changes_nothing() {
        let owned = [Text::plain("x".repeat(MAX_QUOTE - 10)), Text::plain("tail words here")];
        let texts: Vec<&Text> = owned.iter().collect();
        let mut h = Highlights::default();
        h.add("a", "A", &texts, span(0, 0, 0, MAX_QUOTE - 10)).unwrap();
        h.add("a", "A", &texts, span(1, 0, 1, 4)).unwrap();
        let before = h.clone();
        // Overlaps the long one: merged, it would pass the limit.
        assert_eq!(h.add("a", "A", &texts, span(0, 5, 1, 15)), Err(Refused::TooLong));
        assert_eq!(h, before, "a refused highlight loses nothing");
    }

    #[test]
    fn at_the_limit_an_overlapping_selection_still_merges() {
        let text = "ab ".repeat(MAX_PER_ARTICLE);
        let owned = [Text::plain(text)];
        let texts: Vec<&Text> = owned.iter().collect();
        let mut h = Highlights::default();
        for i in 0..MAX_PER_ARTICLE {
            h.add("a", "A", &texts, span(0, i * 3, 0, i * 3 + 1)).unwrap();
        }
        assert_eq!(h.add("a", "A", &texts, span(0, 0, 0, 2)), Ok(()), "grows the first, adds none");
        assert_eq!(h.of("a").len(), MAX_PER_ARTICLE);
        // One more place to highlight, and no room for it.
        let longer = [Text::plain("ab ".repeat(MAX_PER_ARTICLE + 1))];
        let more: Vec<&Text> = longer.iter().collect();
        assert_eq!(
            h.add("a", "A", &more, span(0, MAX_PER_ARTICLE * 3, 0, MAX_PER_ARTICLE * 3 + 1)),
            Err(Refused::TooMany)
        );
    }

    #[test]
    fn unreadable_values_read_as_empty_and_damaged() {
        for stored in ["", "not ours", "lectern-highlights 2\na\tx\tX", "{\"v\":1,\"articles\":{}}"] {
            let (h, damaged) = Highlights::parse(stored);
            assert_eq!(h.count(), 0, "{stored}");
            assert!(damaged, "{stored}");
        }
    }

    #[test]
    fn one_bad_line_does_not_lose_the_others() {
        let stored = "lectern-highlights 1\n\
            h\t0\t0\t0\t4\tOrphan line before any article\n\
            a\tgood\tGood\n\
            h\t0\t0\t0\t4\tGood\n\
            h\t0\tx\t0\t4\tBad number\n\
            h\t0\t4\t0\t0\tReversed\n\
            h\t0\t0\t0\t4\t\n\
            a\tempty\tNothing kept\n\
            something else";
        let (h, damaged) = Highlights::parse(stored);
        assert!(damaged);
        assert_eq!(h.articles.keys().collect::<Vec<_>>(), ["good"]);
        assert_eq!(h.of("good").len(), 1);
    }

    #[test]
    fn separators_in_titles_and_quotes_survive_storage() {
        let owned = [Text::plain("tab\there, back\\slash, line\nbreak")];
        let texts: Vec<&Text> = owned.iter().collect();
        let mut h = Highlights::default();
        h.add("s\tlug", "A\ttitle\nwith breaks\\", &texts, span(0, 0, 0, owned[0].text.len())).unwrap();
        let stored = h.to_storage();
        assert_eq!(stored.lines().count(), 3, "one header, one article, one highlight: {stored:?}");
        assert_eq!(Highlights::parse(&stored), (h, false));
    }

    #[test]
    fn highlights_follow_their_quote_after_a_rebuild_and_orphans_are_kept() {
        let owned = article();
        let texts: Vec<&Text> = owned.iter().collect();
        let mut h = Highlights::default();
        h.add("a", "A", &texts, span(1, 0, 1, 9)).unwrap(); // "Officials"
        h.add("a", "A", &texts, span(2, 0, 2, 5)).unwrap(); // "Talks"
        let rebuilt = [
            Text::plain("A new first paragraph."),
            Text::plain("Troops crossed the border."),
            Text::plain("Officials denied it."),
        ];
        let rebuilt: Vec<&Text> = rebuilt.iter().collect();
        assert_eq!(placed(h.of("a"), &rebuilt), vec![Some(span(2, 0, 2, 9)), None]);
    }

    #[test]
    fn removing_the_last_highlight_forgets_the_article() {
        let owned = article();
        let texts: Vec<&Text> = owned.iter().collect();
        let mut h = Highlights::default();
        h.add("a", "A", &texts, span(0, 0, 0, 6)).unwrap();
        h.remove("a", 5);
        assert_eq!(h.count(), 1);
        h.remove("a", 0);
        assert!(h.articles.is_empty());
    }

    #[test]
    fn markdown_export_has_titles_links_and_escaped_quotes() {
        let owned = [Text::plain("# not a heading *really*"), Text::plain("Second.")];
        let texts: Vec<&Text> = owned.iter().collect();
        let mut h = Highlights::default();
        h.add("a", "Old title", &texts, span(0, 0, 1, 7)).unwrap();
        h.add("gone", "Gone [article]", &texts, span(1, 0, 1, 6)).unwrap();
        let md = h.to_markdown(
            |slug| format!("https://example.org/lectern/#/a/{slug}"),
            |slug| (slug == "a").then(|| ("New title".to_string(), Some("https://news.example/a".to_string()))),
        );
        assert_eq!(
            md,
            "# Highlights\n\n## New title\n\n[Read in Lectern](https://example.org/lectern/#/a/a) · [Original article](https://news.example/a)\n\n\
             > \\# not a heading \\*really\\*\n>\n> Second.\n\n\
             ## Gone \\[article\\]\n\n[Read in Lectern](https://example.org/lectern/#/a/gone)\n\n> Second\n"
        );
    }

    proptest::proptest! {
        /// Any stored value reads without panicking, and what was read stores and reads
        /// back the same.
        #[test]
        fn any_stored_value_reads_and_round_trips(stored in crate::test_inputs::hostile(), lines in proptest::collection::vec((0usize..4, crate::test_inputs::hostile_short(4)), 0..8)) {
            let (h, _) = Highlights::parse(&stored);
            proptest::prop_assert_eq!(Highlights::parse(&h.to_storage()), (h, false));
            // Lines of our own shape with hostile fields.
            let mut value = String::from(HEADER);
            for (kind, field) in &lines {
                value.push_str(&match kind {
                    0 => format!("\na\t{field}\t{field}"),
                    1 => format!("\nh\t0\t0\t1\t3\t{field}"),
                    2 => format!("\nh\t{field}\t0\t1\t3\tq"),
                    _ => format!("\n{field}"),
                });
            }
            let (h, _) = Highlights::parse(&value);
            proptest::prop_assert_eq!(Highlights::parse(&h.to_storage()), (h, false));
        }

        /// Highlighting any span of hostile text never panics; what is kept quotes the text.
        #[test]
        fn any_span_of_any_text_is_highlighted_or_refused(
            a in crate::test_inputs::hostile_short(6), b in crate::test_inputs::hostile_short(6),
            points in proptest::collection::vec((0usize..3, 0usize..80), 2),
        ) {
            let owned = [Text::plain(a), Text::plain(b)];
            let texts: Vec<&Text> = owned.iter().collect();
            let s = Span { start: Point::new(points[0].0, points[0].1), end: Point::new(points[1].0, points[1].1) };
            let mut h = Highlights::default();
            if h.add("a", "A", &texts, s).is_ok() {
                let kept = &h.of("a")[0];
                let quoted = anchor::quote(&texts, &kept.span);
                proptest::prop_assert_eq!(quoted.as_deref(), Some(kept.quote.as_str()));
                proptest::prop_assert_eq!(placed(h.of("a"), &texts), vec![Some(kept.span)]);
            }
        }
    }
}
