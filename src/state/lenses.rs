//! The news lenses as the reading view shows them: which lenses the reader switched on
//! ([`LensSet`], stored with the reading settings), the spans of each text block that show
//! for them ([`layers`]), the card of a name ([`name_card`]): how often the article
//! names it, its other names, and the other articles that name it, and which card is open
//! ([`CardState`]: on hover or focus, closed by Escape). Pure: hooks compute with it, the
//! mark renderer and the card render it.

use std::ops::Range;

use crate::engine::corpus::Corpus;
use crate::engine::lens::{page, Lens, Lenses, NameKind, SpanKind};

/// The lenses switched on (none by default).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LensSet(u8);

impl LensSet {
    /// Every lens on.
    pub fn all() -> LensSet {
        Lens::ALL.into_iter().fold(LensSet::default(), LensSet::with)
    }

    fn bit(lens: Lens) -> u8 {
        1 << Lens::ALL.iter().position(|l| *l == lens).unwrap_or(0)
    }

    pub fn contains(self, lens: Lens) -> bool {
        self.0 & LensSet::bit(lens) != 0
    }

    pub fn with(self, lens: Lens) -> LensSet {
        LensSet(self.0 | LensSet::bit(lens))
    }

    /// The set with `lens` switched the other way.
    pub fn toggled(self, lens: Lens) -> LensSet {
        LensSet(self.0 ^ LensSet::bit(lens))
    }

    /// `person+quote`: the keys of the lenses on, in their order; empty when none is.
    pub fn to_storage(self) -> String {
        Lens::ALL.into_iter().filter(|l| self.contains(*l)).map(Lens::key).collect::<Vec<_>>().join("+")
    }

    /// Reads a stored set; parts naming no lens are skipped.
    pub fn from_storage(stored: &str) -> LensSet {
        stored
            .split('+')
            .filter_map(|key| Lens::ALL.into_iter().find(|l| l.key() == key))
            .fold(LensSet::default(), LensSet::with)
    }
}

/// What one text block shows of the lenses switched on. Each list is as the engine gives
/// it (sorted by start; the renderer skips what it cannot trust).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextLenses {
    /// Name mentions: the range and the name's index in [`Lenses::names`].
    pub names: Vec<(Range<usize>, u32)>,
    /// Quotes: the range and the speaker's index in [`Lenses::names`], when known.
    pub quotes: Vec<(Range<usize>, Option<u32>)>,
    pub figures: Vec<Range<usize>>,
}

/// Per text block (in `Article::texts` order), what it shows of the lenses.
pub type BlockLenses = Vec<TextLenses>;

/// The spans of `lenses` that show with the lenses `on`, per text block of an article of
/// `texts` text blocks. A name of an unknown index, a span of a block the article does not
/// have, and a speaker of an unknown index are left out.
pub fn layers(lenses: &Lenses, on: LensSet, texts: usize) -> BlockLenses {
    let mut blocks = vec![TextLenses::default(); if on == LensSet::default() { 0 } else { texts }];
    for span in &lenses.spans {
        let Some(block) = blocks.get_mut(span.text as usize) else { continue };
        if !lenses.lens_of(span).is_some_and(|lens| on.contains(lens)) {
            continue;
        }
        let range = span.start as usize..span.end as usize;
        match span.kind {
            SpanKind::Name(i) => block.names.push((range, i)),
            SpanKind::Quote { speaker } => {
                block.quotes.push((range, speaker.filter(|&i| (i as usize) < lenses.names.len())));
            }
            SpanKind::Figure => block.figures.push(range),
        }
    }
    blocks
}

/// A name mention in the article: its text block and where it starts there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub block: usize,
    pub start: usize,
    /// The name's index in [`Lenses::names`].
    pub name: u32,
}

/// What the reader does to a name mention, as the mark renderer reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameEvent {
    /// The pointer came onto a mention.
    Hover(Mention),
    /// The pointer left a mention and its card.
    Unhover,
    /// Focus came into a mention or its card.
    Focus(Mention),
    /// Focus left a mention or its card (the hook waits to see whether it came back).
    Blur,
    /// Escape was pressed in an open card or its mention.
    Escape(Mention),
}

/// Which name card is open: the one hovered, else the one holding focus, unless the
/// reader closed it with Escape (it stays closed until focus leaves or the pointer comes
/// back to it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CardState {
    hover: Option<Mention>,
    focus: Option<Mention>,
    dismissed: Option<Mention>,
}

impl CardState {
    pub fn apply(self, event: NameEvent) -> CardState {
        match event {
            NameEvent::Hover(m) => CardState { hover: Some(m), dismissed: self.dismissed.filter(|d| *d != m), ..self },
            NameEvent::Unhover => CardState { hover: None, ..self },
            NameEvent::Focus(m) => CardState { focus: Some(m), dismissed: self.dismissed.filter(|d| *d == m), ..self },
            NameEvent::Blur => CardState { focus: None, dismissed: None, ..self },
            NameEvent::Escape(m) => CardState { hover: None, dismissed: Some(m), ..self },
        }
    }

    /// The mention whose card shows.
    pub fn shown(self) -> Option<Mention> {
        self.hover.or(self.focus).filter(|m| self.dismissed != Some(*m))
    }
}

/// How many other articles a name card lists.
pub const CARD_ARTICLES: usize = 5;

/// What a name's card says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameCard {
    pub name: String,
    pub kind: NameKind,
    /// How many times this article names it.
    pub mentions: u32,
    /// The other forms this article uses.
    pub aliases: Vec<String>,
    /// Other articles about it, newest first (undated last): title and slug; at most
    /// [`CARD_ARTICLES`].
    pub others: Vec<(String, String)>,
    /// How many other articles are about it.
    pub others_total: usize,
    /// Whether it has a page: some article is about it (names it twice, or in its lede).
    pub has_page: bool,
}

/// The card of name `name` of article `this`, whose lenses are `lenses`; `None` for an
/// unknown name.
pub fn name_card(lenses: &Lenses, name: u32, corpus: &Corpus, this: usize) -> Option<NameCard> {
    let found = lenses.names.get(name as usize)?;
    let facets = &corpus.index.facets;
    let id = page::by_name(facets, found.kind, &found.name);
    let others: Vec<usize> =
        id.map(|id| page::articles_naming(facets, id)).unwrap_or_default().into_iter().filter(|&n| n != this).collect();
    Some(NameCard {
        name: found.name.clone(),
        kind: found.kind,
        mentions: found.mentions,
        aliases: found.aliases.clone(),
        others_total: others.len(),
        others: others
            .into_iter()
            .take(CARD_ARTICLES)
            .filter_map(|n| corpus.articles.get(n))
            .map(|a| (a.title.clone(), a.slug.clone()))
            .collect(),
        has_page: id.is_some(),
    })
}

/// Per name of `lenses`, whether it has a page (some article is about it): those are
/// links, the others only show their card.
pub fn name_pages(lenses: &Lenses, corpus: &Corpus) -> Vec<bool> {
    lenses.names.iter().map(|n| page::by_name(&corpus.index.facets, n.kind, &n.name).is_some()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::article::{Article, Published};
    use crate::engine::lens::{Name, Span};

    fn name(kind: NameKind, name: &str, aliases: &[&str], mentions: u32) -> Name {
        Name { kind, name: name.into(), aliases: aliases.iter().map(|a| a.to_string()).collect(), mentions }
    }

    fn span(text: u32, start: u32, end: u32, kind: SpanKind) -> Span {
        Span { text, start, end, kind }
    }

    fn seed_like() -> Lenses {
        Lenses {
            names: vec![
                name(NameKind::Person, "Volodymyr Zelenskyy", &["Zelenskyy"], 3),
                name(NameKind::Place, "Kyiv", &[], 2),
                name(NameKind::Org, "Kremlin", &[], 1),
            ],
            spans: vec![
                span(0, 0, 9, SpanKind::Name(0)),
                span(0, 10, 30, SpanKind::Quote { speaker: Some(0) }),
                span(0, 12, 16, SpanKind::Name(1)),
                span(0, 20, 25, SpanKind::Figure),
                span(1, 0, 7, SpanKind::Name(2)),
                span(1, 8, 20, SpanKind::Quote { speaker: Some(9) }),
                span(1, 8, 12, SpanKind::Name(7)),
                span(5, 0, 4, SpanKind::Name(1)),
            ],
        }
    }

    #[test]
    fn a_card_opens_on_hover_or_focus_and_escape_closes_it() {
        let a = Mention { block: 0, start: 0, name: 0 };
        let b = Mention { block: 3, start: 8, name: 1 };
        let run = |events: &[NameEvent]| events.iter().fold(CardState::default(), |s, e| s.apply(*e)).shown();
        assert_eq!(run(&[]), None);
        assert_eq!(run(&[NameEvent::Hover(a)]), Some(a));
        assert_eq!(run(&[NameEvent::Hover(a), NameEvent::Unhover]), None);
        assert_eq!(run(&[NameEvent::Focus(a)]), Some(a));
        assert_eq!(run(&[NameEvent::Focus(a), NameEvent::Hover(b)]), Some(b), "the pointer's card first");
        assert_eq!(run(&[NameEvent::Focus(a), NameEvent::Hover(b), NameEvent::Unhover]), Some(a));
        assert_eq!(run(&[NameEvent::Focus(a), NameEvent::Blur]), None);
        // Escape closes it, and focus coming back to the mention (as it does from the
        // card) does not reopen it; leaving, or the pointer, does.
        let closed = [NameEvent::Focus(a), NameEvent::Escape(a)];
        assert_eq!(run(&closed), None);
        assert_eq!(run(&[closed.as_slice(), &[NameEvent::Focus(a)]].concat()), None);
        assert_eq!(run(&[closed.as_slice(), &[NameEvent::Focus(b)]].concat()), Some(b));
        assert_eq!(run(&[closed.as_slice(), &[NameEvent::Blur, NameEvent::Focus(a)]].concat()), Some(a));
        assert_eq!(run(&[closed.as_slice(), &[NameEvent::Hover(a)]].concat()), Some(a));
        let elsewhere = [NameEvent::Hover(b), NameEvent::Unhover];
        assert_eq!(run(&[closed.as_slice(), &elsewhere].concat()), None, "pointing elsewhere does not reopen it");
        assert_eq!(run(&[NameEvent::Hover(a), NameEvent::Escape(a)]), None, "Escape closes a hovered card too");
    }

    #[test]
    fn lens_sets_round_trip_and_skip_what_names_no_lens() {
        assert_eq!(LensSet::default().to_storage(), "");
        assert_eq!(LensSet::from_storage(""), LensSet::default());
        for bits in 0..32u8 {
            let set = Lens::ALL
                .into_iter()
                .enumerate()
                .filter(|(i, _)| bits & (1 << i) != 0)
                .fold(LensSet::default(), |s, (_, l)| s.with(l));
            assert_eq!(LensSet::from_storage(&set.to_storage()), set);
        }
        assert_eq!(LensSet::all().to_storage(), "person+place+org+quote+figure");
        let read = LensSet::from_storage("quote+bogus++person+quote;x");
        assert_eq!(read, LensSet::default().with(Lens::Quotes).with(Lens::People));
        assert!(LensSet::default().toggled(Lens::Figures).contains(Lens::Figures));
        assert!(!LensSet::all().toggled(Lens::Figures).contains(Lens::Figures));
    }

    #[test]
    fn only_the_lenses_on_show() {
        let lenses = seed_like();
        assert!(layers(&lenses, LensSet::default(), 6).is_empty(), "nothing on, nothing to show");
        let people = layers(&lenses, LensSet::default().with(Lens::People), 6);
        assert_eq!(people.len(), 6);
        assert_eq!(people[0], TextLenses { names: vec![(0..9, 0)], ..TextLenses::default() });
        assert!(people[1].names.is_empty(), "an organisation and a name of unknown index");
        let places = layers(&lenses, LensSet::default().with(Lens::Places), 6);
        assert_eq!(places[0].names, [(12..16, 1)]);
        assert_eq!(places[5].names, [(0..4, 1)]);
        let orgs = layers(&lenses, LensSet::default().with(Lens::Orgs), 6);
        assert_eq!(orgs[1].names, [(0..7, 2)]);
        let quotes = layers(&lenses, LensSet::default().with(Lens::Quotes), 6);
        assert_eq!(quotes[0].quotes, [(10..30, Some(0))], "the speaker shows without the People lens");
        assert_eq!(quotes[1].quotes, [(8..20, None)], "a speaker of unknown index is not shown");
        assert!(quotes[0].names.is_empty() && quotes[0].figures.is_empty());
        let figures = layers(&lenses, LensSet::default().with(Lens::Figures), 6);
        assert_eq!(figures[0].figures, vec![Range { start: 20, end: 25 }]);
        let all = layers(&lenses, LensSet::all(), 6);
        assert_eq!(all[0].names, [(0..9, 0), (12..16, 1)]);
        // A span of a block past the article's end is left out.
        assert_eq!(layers(&lenses, LensSet::all(), 2).len(), 2);
    }

    fn article(file: &str, title: &str, year: Option<u16>, names: Vec<Name>) -> Article {
        Article {
            title: title.into(),
            lang: "en".into(),
            file: file.into(),
            published: year.map(|year| Published { year, month: 1, day: 1, time: None }),
            lenses: Lenses { names, spans: Vec::new() },
            ..Article::default()
        }
    }

    #[test]
    fn a_card_lists_the_other_articles_newest_first() {
        // Named twice, so each article is about him (its facet holds him).
        let zelenskyy = || name(NameKind::Person, "Volodymyr Zelenskyy", &["Zelenskyy"], 2);
        let mut articles = vec![article("00.md", "This one", Some(2025), vec![zelenskyy()])];
        for (i, year) in
            [Some(2019), None, Some(2024), Some(2021), Some(2023), Some(2022), Some(2020)].iter().enumerate()
        {
            articles.push(article(&format!("{:02}.md", i + 1), &format!("Other {i}"), *year, vec![zelenskyy()]));
        }
        articles.push(article("99.md", "Kyiv only", Some(2026), vec![name(NameKind::Place, "Kyiv", &[], 2)]));
        let corpus = Corpus::assemble(articles);
        let this = corpus.number("this-one").unwrap();
        let lenses =
            Lenses { names: vec![name(NameKind::Person, "Volodymyr Zelenskyy", &["Zelenskyy"], 4)], spans: vec![] };
        let card = name_card(&lenses, 0, &corpus, this).unwrap();
        assert_eq!(card.name, "Volodymyr Zelenskyy");
        assert_eq!(
            (card.mentions, card.aliases.as_slice(), card.others_total),
            (4, ["Zelenskyy".to_string()].as_slice(), 7)
        );
        assert!(card.has_page);
        let titles: Vec<&str> = card.others.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(titles, ["Other 2", "Other 4", "Other 5", "Other 3", "Other 6"]);
        assert_eq!(card.others[0].1, "other-2");
        assert!(name_card(&lenses, 1, &corpus, this).is_none(), "an unknown name");
        let alone = Lenses { names: vec![name(NameKind::Org, "Kremlin", &[], 1)], spans: vec![] };
        let card = name_card(&alone, 0, &corpus, this).unwrap();
        assert!(card.others.is_empty());
        assert_eq!(card.others_total, 0);
        assert!(!card.has_page, "no article is about the Kremlin");
        assert_eq!(name_pages(&lenses, &corpus), [true]);
        assert_eq!(name_pages(&alone, &corpus), [false]);
        assert_eq!(card.kind.label(), "Organisation");
    }
}
