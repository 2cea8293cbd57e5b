//! Quotations and who said them.
//!
//! A quotation is text between typographic (“…”), straight ("…") or angle («…») quotation
//! marks; one left open at the end of a paragraph runs to its end (a quotation that goes on
//! in the next paragraph opens again there). Its speaker, a person or an organisation named
//! in the article, is found by these rules, first match wins:
//! 1. **After it**, in its sentence: "according to" a name; a verb of saying with the name
//!    just before it, or right after the quotation past an apposition ("…,” Gerasimov, the
//!    chief of staff, told Putin"), or just after a verb that takes its speaker after it
//!    ("said Smith"; "told Reuters" names who heard it); `he`/`she` and a verb (the person
//!    named last before the quote); a sentence ending "…, Indyk said."
//! 2. **Before it**, in its sentence: a verb of saying (or a colon); the speaker is the last
//!    name before the verb ("what the White House described as “very productive”"), or,
//!    for a participle after a comma (", adding that"), the sentence's first name ("Putin
//!    congratulated … from the Kremlin, adding that “…”").
//! 3. **Its neighbours**: a quotation opening a sentence, or following another in its
//!    sentence, takes the paragraph's last speaker ("“…,” she said. “…”"); a paragraph that
//!    is all quotation takes the speaker of the paragraph or two before it; a paragraph
//!    opening with a quotation takes the speaker of a previous paragraph ending in a colon.

use super::gazetteer::SAYING;
use super::names::{Found, Word};
use super::NameKind;

/// A quotation: byte range `start..end` of text block `text`, marks included.
#[derive(Debug, Clone)]
pub(super) struct FoundQuote {
    pub text: usize,
    pub start: usize,
    pub end: usize,
    pub speaker: Option<usize>,
}

/// The quotations of every text block, with their speakers among `names`.
pub(super) fn quotes(texts: &[&str], words: &[Vec<Word<'_>>], names: &[Found]) -> Vec<FoundQuote> {
    // Every mention of a person or an organisation, in text order: (text, start, end, name).
    let mut mentions: Vec<(usize, usize, usize, usize)> = names
        .iter()
        .enumerate()
        .filter(|(_, n)| n.kind != NameKind::Place)
        .flat_map(|(i, n)| n.mentions.iter().map(move |&(t, s, e)| (t, s, e, i)))
        .collect();
    mentions.sort_unstable();
    let people: Vec<(usize, usize)> =
        mentions.iter().filter(|m| names[m.3].kind == NameKind::Person).map(|m| (m.0, m.1)).collect();
    let person_at = |key: (usize, usize)| -> Option<usize> {
        let before = people.partition_point(|p| *p < key);
        before.checked_sub(1).and_then(|i| mentions.iter().find(|m| (m.0, m.1) == people[i]).map(|m| m.3))
    };
    let mut out: Vec<FoundQuote> = Vec::new();
    for (t, text) in texts.iter().enumerate() {
        let sentences = crate::sentences::sentences(text);
        let in_text: Vec<(usize, usize, usize)> =
            mentions.iter().filter(|m| m.0 == t).map(|m| (m.1, m.2, m.3)).collect();
        let first_of_block = out.len();
        let found = spans(text);
        for (i, &(start, end)) in found.iter().enumerate() {
            let sentence = sentences.iter().rev().find(|r| r.start <= start).cloned();
            let sentence = sentence.unwrap_or(0..text.len());
            let end_sentence = sentences.iter().find(|r| r.start < end && end <= r.end).map_or(sentence.end, |r| r.end);
            let previous_end = out[first_of_block..].last().map_or(0, |q| q.end);
            let next_open = found.get(i + 1).map_or(text.len(), |&(s, _)| s);
            let after = end..end_sentence.min(next_open).max(end);
            let before = sentence.start.max(previous_end)..start;
            let speaker = said_after(&words[t], &in_text, after, || person_at((t, start)))
                .or_else(|| said_before(text, &words[t], &in_text, before))
                .or_else(|| {
                    // “…,” she said. “…”: a quotation opening a sentence, or following one in
                    // its sentence, continues the paragraph's last speaker.
                    let opens_sentence = text[sentence.start..start].trim().is_empty();
                    let follows = out[first_of_block..].last().is_some_and(|q| q.end > sentence.start);
                    (opens_sentence || follows)
                        .then(|| out[first_of_block..].iter().rev().find_map(|q| q.speaker))
                        .flatten()
                })
                .or_else(|| {
                    // A paragraph that is all quotation continues the speaker of the
                    // paragraph or two before it.
                    let whole = text[..start].trim().is_empty() && text[end..].trim().is_empty();
                    let recent = out[..first_of_block].iter().rev().take_while(|q| q.text + 2 >= t);
                    whole.then(|| recent.filter_map(|q| q.speaker).next()).flatten()
                })
                .or_else(|| {
                    // A paragraph opening with a quotation, after one ending in a colon.
                    let opens = text[..start].trim().is_empty();
                    let prev = t.checked_sub(1)?;
                    let prev_text = texts[prev].trim_end();
                    if !opens || !prev_text.ends_with(':') {
                        return None;
                    }
                    let last = crate::sentences::sentences(prev_text).last()?.clone();
                    let in_prev: Vec<(usize, usize, usize)> =
                        mentions.iter().filter(|m| m.0 == prev).map(|m| (m.1, m.2, m.3)).collect();
                    said_before(prev_text, &words[prev], &in_prev, last.start..prev_text.len())
                });
            out.push(FoundQuote { text: t, start, end, speaker });
        }
    }
    out
}

/// The quotation spans of one text, marks included.
fn spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (at, c) in text.char_indices() {
        match (open, c) {
            (None, '“' | '«' | '"') => open = Some((at, c)),
            (Some((from, open_mark @ '“')), '”')
            | (Some((from, open_mark @ '«')), '»')
            | (Some((from, open_mark @ '"')), '"') => {
                if text[from + open_mark.len_utf8()..at].chars().any(char::is_alphanumeric) {
                    out.push((from, at + c.len_utf8()));
                }
                open = None;
            }
            _ => {}
        }
    }
    if let Some((from, _)) = open {
        if text[from..].chars().filter(|c| c.is_alphanumeric()).count() > 2 {
            out.push((from, text.trim_end().len()));
        }
    }
    out
}

fn is_saying(word: &str) -> bool {
    SAYING.contains(&word)
}

/// Rule 1: a verb of saying and a name (or a pronoun) just after the quotation.
fn said_after(
    words: &[Word<'_>],
    mentions: &[(usize, usize, usize)],
    region: std::ops::Range<usize>,
    person_before: impl Fn() -> Option<usize>,
) -> Option<usize> {
    let near: Vec<&Word<'_>> = words.iter().filter(|w| region.start <= w.start && w.end <= region.end).collect();
    let word_of = |at: usize| near.iter().position(|w| w.start >= at).unwrap_or(near.len());
    let names: Vec<(usize, usize)> =
        mentions.iter().filter(|m| region.start <= m.0 && m.1 <= region.end).map(|m| (word_of(m.0), m.2)).collect();
    // "…, according to the Department of Conservation"
    if let Some(at) = near.windows(2).position(|p| p[0].s == "according" && p[1].s == "to") {
        if let Some(&(_, name)) = names.iter().find(|(w, _)| *w >= at + 2 && *w <= at + 4) {
            return Some(name);
        }
    }
    let verb = near.iter().take(10).position(|w| is_saying(w.s));
    if let Some(verb) = verb {
        // The name just before the verb ("Josh Earnest told"), or right after the quotation
        // with an apposition between ("Gerasimov, the Russian chief of staff, told");
        // else just after a verb that takes its speaker after it ("said Smith"; "told
        // Reuters" names who heard it).
        let before = names.iter().rev().find(|(w, _)| *w < verb && (*w + 3 >= verb || *w == 0));
        let inverted = matches!(near[verb].s, "said" | "says" | "added" | "adds" | "wrote" | "writes" | "asked");
        let after = names.iter().find(|(w, _)| inverted && *w > verb && *w <= verb + 3);
        if let Some(&(_, name)) = before.or(after) {
            return Some(name);
        }
        if near.iter().take(verb).any(|w| matches!(w.s, "he" | "she" | "He" | "She")) {
            return person_before();
        }
    }
    // "… to hold up on their plans, Indyk said."
    let n = near.len();
    if n >= 2 && is_saying(near[n - 1].s) {
        if let Some(&(_, name)) = names.iter().find(|(w, _)| *w + 2 >= n.saturating_sub(1) && *w < n - 1) {
            return Some(name);
        }
    }
    None
}

/// Rule 2: a verb of saying before the quotation, in its sentence.
fn said_before(
    text: &str,
    words: &[Word<'_>],
    mentions: &[(usize, usize, usize)],
    region: std::ops::Range<usize>,
) -> Option<usize> {
    let in_region: Vec<&Word<'_>> = words.iter().filter(|w| region.start <= w.start && w.end <= region.end).collect();
    let colon = text[region.clone()].trim_end().ends_with(':');
    let verb = in_region.iter().rev().find(|w| is_saying(w.s)).copied();
    let verb_at = match verb {
        Some(v) => v.start,
        None if colon => region.end,
        None => return None,
    };
    let names: Vec<&(usize, usize, usize)> =
        mentions.iter().filter(|m| region.start <= m.0 && m.1 <= verb_at).collect();
    // ", adding that “…”" goes back to the sentence's subject; "by saying that “…”" to the
    // name nearest.
    let participle = verb.is_some_and(|v| v.s.ends_with("ing") && text[..v.start].trim_end().ends_with(','));
    if participle {
        names.first().map(|m| m.2)
    } else {
        names.last().map(|m| m.2)
    }
}
