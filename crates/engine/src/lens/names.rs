//! People, places and organisations, from capitalised phrases and their cues.
//!
//! The rules, in the order they apply:
//! 1. **Phrases.** A run of capitalised words joined by single spaces (with `of`, `de`,
//!    `van`… inside) is a candidate; a possessive ends it. Gazetteer entries (countries and
//!    their demonyms and other names, cities, regions, known organisations) are matched
//!    first, as units, longest first: "Democratic People's Republic of Korea" is North
//!    Korea, "North Korean" too.
//! 2. **Ordinary words** (function words, sentence starters, weekdays, months) are peeled
//!    from both ends of a run; a run of only them is nothing.
//! 3. **Whole-run organisations and places**: a run ending in an organisation word
//!    ("White House", "Defence Ministry") or starting with one before `of` ("Ministry of
//!    Defence") is an organisation; one ending in a capitalised place word ("Red Sea") a
//!    place.
//! 4. **Titles** ("President", "Pope", "Prime Minister") are dropped and make what follows
//!    a person; a demonym before them names its country ("Russian President Vladimir
//!    Putin": Russia, and the person Vladimir Putin).
//! 5. **Cues** add evidence to the rest: a known given name, ", the … chief" or ", who"
//!    after (a person); a verb of saying beside it (a speaker: a person unless it is known
//!    as an organisation); "region" after (a place); capitals only (an organisation).
//! 6. **Merging**: a one-word mention that is the first or last word of a longer name of
//!    the article is that name ("Zelenskyy" → "Volodymyr Zelenskyy"); when several are, the
//!    one named last before it. A longer name seen only in headings and title-case lines
//!    takes none ("Vidyard" in the text does not make "Vidyard Launches New Tools" a name).
//!    The kind is the one with most evidence over all mentions.
//! 7. **Refusals**: a name with no evidence is dropped, as is one seen only at the start of
//!    sentences or in headings and title-case lines, an ordinary word, a contraction, the
//!    acronyms of an article full of them (a technical one), and a person whose name holds
//!    an acronym or a digit: no lens beats a wrong one.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::gazetteer::{
    is_ordinary, COUNTRIES, DOMAINS, GIVEN_NAMES, JOINERS, NAME_ADJECTIVES, NOT_ACRONYMS, ORGS, ORG_FIRST, ORG_LAST,
    PLACES, PLACE_LAST, REGNAL, ROLE_WORDS, SAYING, TITLES,
};
use super::NameKind;
use crate::tokenize;

/// A word of a text block, as written, with what the name rules need to know of it.
#[derive(Debug, Clone)]
pub(super) struct Word<'a> {
    pub text: usize,
    pub start: usize,
    pub end: usize,
    pub s: &'a str,
    /// First word of a sentence, or of a quotation: its capital says nothing.
    pub initial: bool,
}

/// The words of one text block.
pub(super) fn words_of(text_index: usize, text: &str) -> Vec<Word<'_>> {
    let sentences = crate::sentences::sentences(text);
    let mut out: Vec<Word<'_>> = Vec::new();
    let mut sentence = 0;
    let mut last_end = 0;
    for token in tokenize::words(text) {
        while sentences.get(sentence).is_some_and(|r| r.end <= token.start) {
            sentence += 1;
        }
        let sentence_start = sentences.get(sentence).map_or(0, |r| r.start);
        let from = last_end.max(sentence_start);
        let gap = text.get(from..token.start).unwrap_or("");
        let initial = sentence_start >= last_end || gap.contains(['“', '"', '‘', '(', '[', ':', '—', '–']);
        out.push(Word {
            text: text_index,
            start: token.start,
            end: token.end,
            s: &text[token.start..token.end],
            initial,
        });
        last_end = token.end;
    }
    out
}

/// One mention of a would-be name, with the evidence its surroundings give.
#[derive(Debug, Clone)]
pub(super) struct Mention {
    pub text: usize,
    pub start: usize,
    pub end: usize,
    /// As written, without a possessive.
    pub surface: String,
    /// The gazetteer's name for it, when it is in one ("North Korea" for "North Korean").
    pub known: Option<(NameKind, &'static str)>,
    pub evidence: Evidence,
    /// Only at a sentence start or in a heading: not enough alone.
    pub weak: bool,
}

/// Points for each kind a mention may be.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Evidence {
    pub person: u32,
    pub place: u32,
    pub org: u32,
}

impl Evidence {
    fn add(&mut self, other: Evidence) {
        self.person += other.person;
        self.place += other.place;
        self.org += other.org;
    }

    fn kind(&self) -> Option<NameKind> {
        let best = self.person.max(self.place).max(self.org);
        if best == 0 {
            None
        } else if self.person == best {
            Some(NameKind::Person)
        } else if self.org == best {
            Some(NameKind::Org)
        } else {
            Some(NameKind::Place)
        }
    }
}

/// A name of the article: its fullest form, its other forms, its kind, and its mentions.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub kind: NameKind,
    pub name: String,
    pub aliases: Vec<String>,
    /// (text block, start, end) of each mention, in order.
    pub mentions: Vec<(usize, usize, usize)>,
}

struct Lists {
    gazetteer: HashMap<&'static str, (NameKind, &'static str)>,
    longest: usize,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut gazetteer = HashMap::new();
        for (kind, table) in [(NameKind::Place, COUNTRIES), (NameKind::Place, PLACES), (NameKind::Org, ORGS)] {
            for entry in table {
                let mut forms = entry.split('|');
                let canonical = forms.next().expect("an entry has a name");
                gazetteer.entry(canonical).or_insert((kind, canonical));
                for form in forms {
                    gazetteer.entry(form).or_insert((kind, canonical));
                }
            }
        }
        let longest = gazetteer.keys().map(|k| k.split(' ').count()).max().unwrap_or(1);
        Lists { gazetteer, longest }
    })
}

fn is_in(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

/// A word without its possessive (`Russia’s` → `Russia`), and whether it had one.
fn without_possessive(word: &str) -> (&str, bool) {
    for tail in ["’s", "'s", "’", "'"] {
        if let Some(stem) = word.strip_suffix(tail) {
            if !stem.is_empty() && (tail.ends_with('s') || stem.ends_with('s')) {
                return (stem, true);
            }
        }
    }
    (word, false)
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && word.chars().all(|c| c.is_uppercase() || c == '.' || c == '&')
        && !is_in(NOT_ACRONYMS, word)
}

/// One piece of a capitalised run: a gazetteer entry over several words, or one word.
#[derive(Debug, Clone)]
struct Unit {
    first: usize,
    last: usize,
    known: Option<(NameKind, &'static str)>,
}

/// Every would-be name in the words of one text block.
pub(super) fn mentions(text: &str, words: &[Word<'_>], heading: bool) -> Vec<Mention> {
    let units = units_of(text, words);
    let mut out = Vec::new();
    let mut i = 0;
    while i < units.len() {
        if !starts_run(&units[i], words) {
            i += 1;
            continue;
        }
        let j = run_end(text, words, &units, i);
        run(text, words, &units[i..=j], heading, &mut out);
        i = j + 1;
    }
    out
}

/// The last unit of the capitalised run starting at unit `i`: units joined by single
/// spaces or hyphens (or `. ` after an initial or a title), with joiners inside.
fn run_end(text: &str, words: &[Word<'_>], units: &[Unit], i: usize) -> usize {
    let mut j = i;
    let mut organisational = false;
    let plain = |u: &Unit| u.known.is_none().then(|| without_possessive(words[u.first].s).0);
    while j + 1 < units.len() {
        let (a, b) = (&units[j], &units[j + 1]);
        let word = plain(a).unwrap_or("");
        organisational |= is_in(ORG_FIRST, word) || is_in(ORG_LAST, word);
        let gap = &text[words[a.last].end..words[b.first].start];
        let dotted = gap == ". " && a.known.is_none() && (is_initial(word) || is_in(TITLES, word));
        if !(gap == " " || gap == "-" || dotted) {
            break;
        }
        // A possessive ends the run, except an organisation's ("Stanford University's Center on …").
        if without_possessive(words[a.last].s).1
            && !(is_in(ORG_LAST, word) && plain(b).is_some_and(|w| is_in(ORG_FIRST, w)))
        {
            break;
        }
        if starts_run(b, words) {
            j += 1;
            continue;
        }
        let joiner = words[b.first].s;
        let allowed = match joiner {
            "of" => {
                organisational
                    || is_in(TITLES, word)
                    || is_in(PLACE_LAST, word)
                    || matches!(word, "Republic" | "Kingdom" | "Gulf" | "Bay" | "Isle")
            }
            "on" | "for" | "and" | "the" => organisational,
            _ => is_in(JOINERS, joiner),
        };
        let continues = units
            .get(j + 2)
            .is_some_and(|c| starts_run(c, words) && &text[words[b.last].end..words[c.first].start] == " ");
        if allowed && continues {
            j += 2;
        } else {
            break;
        }
    }
    j
}

/// An initial or an initialism: `M`, `H.W`, `U.N`.
fn is_initial(word: &str) -> bool {
    let mut letters = 0;
    for part in word.split('.') {
        if part.chars().count() != 1 || !part.chars().all(char::is_uppercase) {
            return false;
        }
        letters += 1;
    }
    letters >= 1
}

fn starts_run(unit: &Unit, words: &[Word<'_>]) -> bool {
    unit.known.is_some() || is_capitalised(words[unit.first].s)
}

/// The words of a block as units, gazetteer entries matched longest first.
fn units_of(text: &str, words: &[Word<'_>]) -> Vec<Unit> {
    let lists = lists();
    let mut units = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut matched = None;
        for len in (1..=lists.longest.min(words.len() - i)).rev() {
            let last = i + len - 1;
            let (stem, _) = without_possessive(&text[words[i].start..words[last].end]);
            if let Some(known) = lists.gazetteer.get(stem) {
                matched = Some((last, *known));
                break;
            }
        }
        match matched {
            Some((last, known)) => {
                units.push(Unit { first: i, last, known: Some(known) });
                i = last + 1;
            }
            None => {
                units.push(Unit { first: i, last: i, known: None });
                i += 1;
            }
        }
    }
    units
}

/// Function words and sentence starters: ordinary words that never begin a name.
fn is_function_word(word: &str) -> bool {
    is_ordinary(word) && !is_in(NAME_ADJECTIVES, word) || is_in(JOINERS, word)
}

/// The names in one capitalised run: split where titles stand, each part read whole.
fn run(text: &str, words: &[Word<'_>], units: &[Unit], heading: bool, out: &mut Vec<Mention>) {
    let plain = |u: &Unit| u.known.is_none().then(|| without_possessive(words[u.first].s).0);
    let mut part_start = 0;
    let mut titled: Option<&str> = None;
    let mut organisational = false;
    let mut k = 0;
    while k <= units.len() {
        // A title, unless it stands in an organisation's name ("U.N. General Assembly",
        // "Council on Foreign Relations").
        let next_is_org = units.get(k + 1).and_then(plain).is_some_and(|w| is_in(ORG_LAST, w));
        let title = units
            .get(k)
            .and_then(plain)
            .filter(|w| is_in(TITLES, w) && k + 1 < units.len() && !organisational && !next_is_org);
        organisational |= units.get(k).and_then(plain).is_some_and(|w| is_in(ORG_FIRST, w));
        if k == units.len() || title.is_some() {
            if part_start < k {
                part(text, words, &units[part_start..k], titled, heading, out);
            }
            match title {
                Some(t) => {
                    // A title's `of` phrase goes with it ("Secretary of State John Kerry").
                    titled = Some(t);
                    k += 1;
                    if units.get(k).and_then(plain) == Some("of") {
                        k += 2;
                    }
                    part_start = k;
                    continue;
                }
                None => break,
            }
        }
        k += 1;
    }
}

/// One part of a run, after a title (`titled`) or not.
fn part(text: &str, words: &[Word<'_>], units: &[Unit], titled: Option<&str>, heading: bool, out: &mut Vec<Mention>) {
    let plain = |u: &Unit| u.known.is_none().then(|| without_possessive(words[u.first].s).0);
    let mut from = 0;
    let mut to = units.len();
    while from < to && plain(&units[from]).is_some_and(is_function_word) {
        from += 1;
    }
    while to > from && plain(&units[to - 1]).is_some_and(is_function_word) {
        to -= 1;
    }
    let units = &units[from..to];
    let (Some(first), Some(last)) = (units.first(), units.last()) else { return };
    let last_word = plain(last);
    // "Joint Committee on Intelligence", "Stanford University's Center on Poverty".
    let org_phrase = units.windows(2).any(|pair| {
        plain(&pair[0]).is_some_and(|w| is_in(ORG_FIRST, w))
            && plain(&pair[1]).is_some_and(|w| matches!(w, "of" | "on" | "for"))
    });
    let org = units.len() > 1 && (last_word.is_some_and(|w| is_in(ORG_LAST, w)) || org_phrase);
    let place = units.len() > 1 && last_word.is_some_and(|w| is_in(PLACE_LAST, w) && is_capitalised(w));
    if org || place {
        let evidence =
            if org { Evidence { org: 3, ..Evidence::default() } } else { Evidence { place: 3, ..Evidence::default() } };
        out.push(mention(text, words, first.first, last.last, None, evidence, heading));
        return;
    }
    // Otherwise: gazetteer entries on their own, the words between them one name each.
    let mut k = 0;
    while k < units.len() {
        if let Some(known) = units[k].known {
            out.push(mention(text, words, units[k].first, units[k].last, Some(known), Evidence::default(), heading));
            k += 1;
            continue;
        }
        let mut end = k;
        while end + 1 < units.len() && units[end + 1].known.is_none() {
            end += 1;
        }
        let loose = |w: &str| is_ordinary(w) || !is_capitalised(w);
        let mut from = k;
        while from < end && plain(&units[from]).is_some_and(loose) {
            from += 1;
        }
        let mut to = end;
        while to > from && plain(&units[to]).is_some_and(loose) {
            to -= 1;
        }
        let lone = from == to
            && plain(&units[from]).is_some_and(|w| is_ordinary(w) || is_in(TITLES, w) || w.chars().count() < 2);
        // Laws are not names ("the Data Retention Bill").
        let law =
            to > from && plain(&units[to]).is_some_and(|w| matches!(w, "Bill" | "Act" | "Law" | "Treaty" | "Accord"));
        if !lone && !law {
            let mut evidence =
                Evidence { person: if titled.is_some() && k == 0 { 3 } else { 0 }, ..Evidence::default() };
            if to > from && plain(&units[to]).is_some_and(|w| is_in(ORG_LAST, w)) {
                evidence.org += 3;
            }
            // "Pope Francis": a one-word name keeps its regnal title.
            let first_word = match titled {
                Some(t) if k == 0 && from == to && is_in(REGNAL, t) => units[from].first - 1,
                _ => units[from].first,
            };
            out.push(mention(text, words, first_word, units[to].last, None, evidence, heading));
        }
        k = end + 1;
    }
}

/// A mention of words `first..=last`, with the cues around it.
fn mention(
    text: &str,
    words: &[Word<'_>],
    first: usize,
    last: usize,
    known: Option<(NameKind, &'static str)>,
    mut evidence: Evidence,
    heading: bool,
) -> Mention {
    let start = words[first].start;
    let (surface, _) = without_possessive(&text[start..words[last].end]);
    let mut surface = surface.to_string();
    // "U.N." keeps its last dot.
    if is_initial(words[last].s) && words[last].s.contains('.') && text[words[last].end..].starts_with('.') {
        surface.push('.');
    }
    let end = start + surface.len();
    let parts: Vec<&str> = surface.split([' ', '-']).filter(|p| !p.is_empty()).collect();
    let next = |n: usize| words.get(last + n).map(|w| w.s);
    let gap_after = words.get(last + 1).map_or("", |w| &text[words[last].end..w.start]);
    let gap_before = first.checked_sub(1).map_or("", |p| &text[words[p].end..start]);
    let before = |n: usize| first.checked_sub(n).map(|i| words[i].s);
    if known.is_none() {
        if before(1).is_some_and(|w| w.eq_ignore_ascii_case("the")) && gap_before == " " {
            // People are not "the Bill".
        } else if parts.len() >= 2 && is_in(GIVEN_NAMES, parts[0]) {
            evidence.person += 2;
        } else if parts.len() == 1 && is_in(GIVEN_NAMES, parts[0]) {
            evidence.person += 1;
        }
        if parts.len() == 1 && is_acronym(parts[0]) && !gap_after.starts_with('-') {
            let shouting = |w: Option<&str>| w.is_some_and(|w| w.len() > 1 && w.chars().all(|c| !c.is_lowercase()));
            if !shouting(next(1)) && !shouting(before(1)) {
                evidence.org += 2;
            }
        }
        if DOMAINS.iter().any(|d| surface.ends_with(d)) {
            evidence.org += 4;
        }
        // "the Kursk region", "the region of Kursk"
        let region = |w: &str| matches!(w, "region" | "province" | "county" | "oblast" | "district" | "prefecture");
        if next(1).is_some_and(region) && gap_after == " " || before(1) == Some("of") && before(2).is_some_and(region) {
            evidence.place += 3;
        }
        // ", the Russian chief of general staff," / ", who" / "is an integral member"
        let role_after = (gap_after.starts_with(',') || matches!(next(1), Some("is" | "was")))
            && words[last + 1..].iter().take(6).any(|w| is_in(ROLE_WORDS, w.s));
        // "The priest, Fidelis Mukonori," / "his daughter Kaiarahi"
        let role_before = before(1).is_some_and(|w| is_in(ROLE_WORDS, w)) && matches!(gap_before, ", " | " ");
        if role_after || role_before {
            evidence.person += 2;
        }
    }
    let said_after = next(1).is_some_and(|w| is_in(SAYING, w)) && !gap_after.contains(['.', ';']);
    let said_before = before(1).is_some_and(|w| matches!(w, "said" | "says" | "told" | "asked"))
        || (before(1) == Some("to") && before(2) == Some("according"));
    if (said_after || said_before) && known.is_none() {
        evidence.person += 1;
    }
    if before(1).is_some_and(|w| w.eq_ignore_ascii_case("the")) && gap_before == " " && parts.len() == 1 {
        evidence.person = 0;
    }
    let weak = heading || (words[first].initial && parts.len() == 1);
    Mention { text: words[first].text, start, end, surface, known, evidence, weak }
}

/// The article's names, from all its mentions: merged, typed, ordered by first mention.
pub(super) fn resolve(mentions: &[Mention]) -> Vec<Found> {
    // Group by the name each mention is known as, else its surface.
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let key = m.known.map_or_else(|| m.surface.clone(), |(_, name)| name.to_string());
        let at = *by_key.entry(key.clone()).or_insert_with(|| {
            groups.push(Group {
                key,
                members: Vec::new(),
                evidence: Evidence::default(),
                known: m.known,
                strong: false,
            });
            groups.len() - 1
        });
        let group = &mut groups[at];
        group.members.push(i);
        group.evidence.add(m.evidence);
        group.strong |= !m.weak;
    }
    // One-word names join the longer name they are the first or last word of; when several
    // are ("Parata": Hori Parata, Te Kaurinui Parata), each mention joins the one named
    // last before it (else the first named).
    let words_of = |key: &str| key.split(' ').map(str::to_string).collect::<Vec<_>>();
    let mut moves: Vec<(usize, usize, usize)> = Vec::new(); // (group, member, holder)
    for (i, g) in groups.iter().enumerate() {
        if g.known.is_some() || g.key.contains(' ') {
            continue;
        }
        let holders: Vec<usize> = groups
            .iter()
            .enumerate()
            .filter(|(j, h)| {
                let parts = words_of(&h.key);
                *j != i
                    && h.known.is_none()
                    && h.strong
                    && parts.len() > 1
                    && (parts.last() == Some(&g.key) || parts.first() == Some(&g.key))
            })
            .map(|(j, _)| j)
            .collect();
        let Some(&first_named) = holders.iter().min_by_key(|&&h| groups[h].members[0]) else { continue };
        for &m in &g.members {
            let last_before = holders
                .iter()
                .filter_map(|&h| groups[h].members.iter().filter(|&&x| x < m).max().map(|&x| (x, h)))
                .max()
                .map_or(first_named, |(_, h)| h);
            moves.push((i, m, last_before));
        }
    }
    for (group, member, holder) in moves {
        groups[group].members.retain(|&x| x != member);
        let (evidence, strong) = (mentions[member].evidence, !mentions[member].weak);
        let holder = &mut groups[holder];
        holder.members.push(member);
        holder.evidence.add(evidence);
        holder.strong |= strong;
    }
    // An article full of acronyms is technical: its capitals name terms, not organisations.
    let acronyms = groups.iter().filter(|g| g.known.is_none() && is_acronym(&g.key) && !g.members.is_empty()).count();
    let technical = acronyms > 6;
    let mut found = Vec::new();
    for mut g in groups.into_iter().filter(|g| !g.members.is_empty()) {
        let parts: Vec<&str> = g.key.split(' ').collect();
        let contraction =
            ["’ll", "'ll", "’ve", "'ve", "’re", "'re", "’m", "'m", "’d", "'d"].iter().any(|c| g.key.ends_with(c));
        if g.known.is_none() && (is_ordinary(&g.key) || contraction || technical && is_acronym(&g.key)) {
            continue;
        }
        // A surname used alone elsewhere makes a pair of capitalised words a person
        // ("Buck Cullen" … "Cullen is a member").
        let surname_alone =
            parts.len() >= 2 && g.members.iter().any(|&m| Some(&mentions[m].surface.as_str()) == parts.last());
        if g.known.is_none() && surname_alone {
            g.evidence.person += 1;
        }
        let kind = match g.known {
            Some((kind, _)) => kind,
            None if !g.strong => continue,
            None => match g.evidence.kind() {
                Some(kind) => kind,
                None => continue,
            },
        };
        // People's names hold no acronyms or digits ("JavaScript API", "GDDR5 RAM").
        let technical_word = |p: &&str| p.chars().any(|c| c.is_ascii_digit()) || is_acronym(p) && !p.contains('.');
        if kind == NameKind::Person && g.known.is_none() && parts.iter().any(technical_word) {
            continue;
        }
        let mut members = g.members;
        members.sort_unstable();
        let mut aliases: Vec<String> = Vec::new();
        for &m in &members {
            let surface = &mentions[m].surface;
            if *surface != g.key && !aliases.contains(surface) {
                aliases.push(surface.clone());
            }
        }
        let spans = members.iter().map(|&m| (mentions[m].text, mentions[m].start, mentions[m].end)).collect();
        found.push(Found { kind, name: g.key, aliases, mentions: spans });
    }
    found.sort_by_key(|f| f.mentions[0]);
    found
}

struct Group {
    key: String,
    members: Vec<usize>,
    evidence: Evidence,
    known: Option<(NameKind, &'static str)>,
    strong: bool,
}
