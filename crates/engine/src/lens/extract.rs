//! Finding an article's lenses, and making one corpus of them: the rules of `names`,
//! `quotes` and `figures` run on English prose only (a lens in another language would be
//! guesswork, and no lens is better than a wrong one); code blocks are never read.

use std::collections::HashMap;

use super::names::{self, Found};
use super::{figures, quotes, Lenses, Name, NameKind, Span, SpanKind};
use crate::article::{Article, TextRole};
use crate::tokenize;

/// Function words whose share tells English text.
const ENGLISH: &[&str] =
    &["the", "of", "and", "to", "in", "is", "that", "for", "it", "was", "on", "with", "as", "said", "by", "at"];

/// Whether the article reads as English: tagged so, and its prose full of English
/// function words.
fn is_english(article: &Article) -> bool {
    if tokenize::primary_subtag(&article.lang) != "en" {
        return false;
    }
    let (mut all, mut function) = (0usize, 0usize);
    for (role, text) in article.texts_with_roles() {
        if role != TextRole::Prose {
            continue;
        }
        for token in tokenize::words(&text.text) {
            all += 1;
            function += usize::from(ENGLISH.contains(&token.term.as_str()));
        }
    }
    all >= 20 && function * 100 >= all * 12
}

/// Whether a text is written in title case, like a heading ("Appointment Of Brendan Eich"):
/// its capitals say nothing of names.
fn title_case(words: &[names::Word<'_>]) -> bool {
    let long: Vec<&str> = words.iter().map(|w| w.s).filter(|w| w.chars().count() > 3).collect();
    let capitalised = long.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    long.len() >= 2 && words.len() <= 16 && capitalised * 10 >= long.len() * 8
}

/// The lenses of one article.
pub fn extract(article: &Article) -> Lenses {
    if !is_english(article) {
        return Lenses::default();
    }
    let texts = article.texts_with_roles();
    let strings: Vec<&str> =
        texts.iter().map(|(role, t)| if *role == TextRole::Code { "" } else { t.text.as_str() }).collect();
    let words: Vec<Vec<names::Word<'_>>> = strings.iter().enumerate().map(|(i, s)| names::words_of(i, s)).collect();
    let mentions: Vec<names::Mention> = strings
        .iter()
        .enumerate()
        .flat_map(|(i, s)| names::mentions(s, &words[i], texts[i].0 == TextRole::Heading || title_case(&words[i])))
        .collect();
    let found = names::resolve(&mentions);
    let quotes = quotes::quotes(&strings, &words, &found);
    let mut spans = Vec::new();
    for (i, name) in found.iter().enumerate() {
        for &(text, start, end) in &name.mentions {
            spans.push(span(text, start, end, SpanKind::Name(i as u32)));
        }
    }
    for q in &quotes {
        spans.push(span(q.text, q.start, q.end, SpanKind::Quote { speaker: q.speaker.map(|s| s as u32) }));
    }
    for (i, s) in strings.iter().enumerate() {
        if texts[i].0 == TextRole::Prose {
            for (start, end) in figures::figures(s, &words[i]) {
                spans.push(span(i, start, end, SpanKind::Figure));
            }
        }
    }
    spans.sort_by_key(|s| (s.text, s.start, s.end));
    let names = found.into_iter().map(into_name).collect();
    Lenses { names, spans }
}

fn span(text: usize, start: usize, end: usize, kind: SpanKind) -> Span {
    Span { text: text as u32, start: start as u32, end: end as u32, kind }
}

fn into_name(found: Found) -> Name {
    Name { kind: found.kind, mentions: found.mentions.len() as u32, name: found.name, aliases: found.aliases }
}

/// Makes the names of a corpus agree: a person named by one word in one article ("Trump")
/// is the person of the corpus whose name ends in it ("Donald Trump"), when exactly one
/// does. The short form becomes an alias.
pub fn unify(articles: &mut [Article]) {
    let mut full: HashMap<String, Vec<String>> = HashMap::new();
    for article in articles.iter() {
        for name in article.lenses.names_of(NameKind::Person) {
            if let Some((_, last)) = name.name.rsplit_once(' ') {
                let holders = full.entry(last.to_string()).or_default();
                if !holders.contains(&name.name) {
                    holders.push(name.name.clone());
                }
            }
        }
    }
    for article in articles.iter_mut() {
        for name in article.lenses.names.iter_mut() {
            if name.kind != NameKind::Person || name.name.contains(' ') {
                continue;
            }
            if let Some([only]) = full.get(&name.name).map(Vec::as_slice) {
                let short = std::mem::replace(&mut name.name, only.clone());
                if !name.aliases.contains(&short) {
                    name.aliases.insert(0, short);
                }
            }
        }
    }
}
