//! News lenses: who is named in an article (people, places, organisations), who said what
//! (quotes and their speakers) and the figures it rests on. The indexer finds them at build
//! time ([`extract`], native only: the wasm app only reads them); each kept span holds its
//! byte range in one text block, so the reading view marks exactly what was found.
//!
//! The data here travels in two places: an article's names feed the People, Places and
//! Organisations facets (the first file, [`crate::facet`]), and the whole [`Lenses`] ride
//! in the article's body file.

use serde::{Deserialize, Serialize};

#[cfg(not(target_arch = "wasm32"))]
mod extract;
#[cfg(not(target_arch = "wasm32"))]
mod figures;
#[cfg(not(target_arch = "wasm32"))]
mod gazetteer;
#[cfg(not(target_arch = "wasm32"))]
mod names;
pub mod page;
#[cfg(not(target_arch = "wasm32"))]
mod quotes;
#[cfg(not(target_arch = "wasm32"))]
pub mod score;

#[cfg(not(target_arch = "wasm32"))]
pub use extract::{extract, unify};

/// What a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum NameKind {
    Person,
    Place,
    Org,
}

impl NameKind {
    /// What a name of this kind is, as its card and its page say it.
    pub fn label(self) -> &'static str {
        match self {
            NameKind::Person => "Person",
            NameKind::Place => "Place",
            NameKind::Org => "Organisation",
        }
    }

    /// How a page refers to a name of this kind ("Follow them in Lectern").
    pub fn pronoun(self) -> &'static str {
        match self {
            NameKind::Person => "them",
            NameKind::Place | NameKind::Org => "it",
        }
    }

    /// The line of a name's page that says how much is written about it ("In 3 articles
    /// about them"), in the app and in the static page alike.
    pub fn in_articles(self, count: usize) -> String {
        format!("In {count} {} about {}", if count == 1 { "article" } else { "articles" }, self.pronoun())
    }
}

/// The lenses a reader switches on and off, in the order the reading view offers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lens {
    People,
    Places,
    Orgs,
    Quotes,
    Figures,
}

impl Lens {
    pub const ALL: [Lens; 5] = [Lens::People, Lens::Places, Lens::Orgs, Lens::Quotes, Lens::Figures];

    /// The toggle's name.
    pub fn label(self) -> &'static str {
        match self {
            Lens::People => "People",
            Lens::Places => "Places",
            Lens::Orgs => "Organisations",
            Lens::Quotes => "Quotes",
            Lens::Figures => "Figures",
        }
    }

    /// Short name for classes and stored preferences (`lens-person`).
    pub fn key(self) -> &'static str {
        match self {
            Lens::People => "person",
            Lens::Places => "place",
            Lens::Orgs => "org",
            Lens::Quotes => "quote",
            Lens::Figures => "figure",
        }
    }

    /// The lens that shows names of this kind.
    pub fn of_kind(kind: NameKind) -> Lens {
        match kind {
            NameKind::Person => Lens::People,
            NameKind::Place => Lens::Places,
            NameKind::Org => Lens::Orgs,
        }
    }
}

/// A person, place or organisation named in an article, with every form it takes there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Name {
    pub kind: NameKind,
    /// Its fullest form ("Volodymyr Zelenskyy", "North Korea"): the facet value and the
    /// name page's title.
    pub name: String,
    /// The other forms the article uses ("Zelenskyy"; "North Korean").
    pub aliases: Vec<String>,
    /// How many times the article names it.
    pub mentions: u32,
}

/// What a span marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SpanKind {
    /// A mention of `Lenses::names[i]`.
    Name(u32),
    /// Quoted speech or writing, with its speaker (an index into `Lenses::names`) when the
    /// text says who.
    Quote { speaker: Option<u32> },
    /// A number with what it counts, a date or a period.
    Figure,
}

/// One marked stretch of an article: byte range `start..end` of text block `text` (its
/// index in `Article::texts()`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub text: u32,
    pub start: u32,
    pub end: u32,
    pub kind: SpanKind,
}

/// An article's lenses: its names, and its spans sorted by text block then start. Names
/// do not overlap names, quotes do not overlap quotes, and figures do not overlap figures;
/// a quote may hold names and figures. Stored as [`LensesFile`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "LensesFile", into = "LensesFile")]
pub struct Lenses {
    pub names: Vec<Name>,
    pub spans: Vec<Span>,
}

/// How lenses are stored in a body file: each span as four small numbers, the text block
/// and the start as steps from the span before, the length, and the kind with its name
/// ([`SpanKind`] packed: `3i` a name, `2` a figure, `1` an unattributed quote, `3i + 4` a
/// quote by name `i`). About half the bytes of the spans written out whole.
#[derive(Serialize, Deserialize)]
struct LensesFile {
    names: Vec<Name>,
    spans: Vec<[u32; 4]>,
}

impl From<Lenses> for LensesFile {
    fn from(mut lenses: Lenses) -> LensesFile {
        lenses.spans.sort_by_key(|s| (s.text, s.start, s.end));
        let (mut text, mut start) = (0, 0);
        let spans = lenses
            .spans
            .iter()
            .map(|s| {
                let step = if s.text == text { s.start - start } else { s.start };
                let packed = [s.text - text, step, s.end.saturating_sub(s.start), pack(s.kind)];
                (text, start) = (s.text, s.start);
                packed
            })
            .collect();
        LensesFile { names: lenses.names, spans }
    }
}

impl From<LensesFile> for Lenses {
    fn from(file: LensesFile) -> Lenses {
        let (mut text, mut start) = (0u32, 0u32);
        let spans = file
            .spans
            .into_iter()
            .map(|[dt, ds, len, kind]| {
                start = if dt == 0 { start.saturating_add(ds) } else { ds };
                text = text.saturating_add(dt);
                Span { text, start, end: start.saturating_add(len), kind: unpack(kind) }
            })
            .collect();
        Lenses { names: file.names, spans }
    }
}

fn pack(kind: SpanKind) -> u32 {
    match kind {
        SpanKind::Name(i) => i.saturating_mul(3),
        SpanKind::Quote { speaker: None } => 1,
        SpanKind::Quote { speaker: Some(i) } => i.saturating_mul(3).saturating_add(4),
        SpanKind::Figure => 2,
    }
}

fn unpack(code: u32) -> SpanKind {
    match code % 3 {
        0 => SpanKind::Name(code / 3),
        1 if code == 1 => SpanKind::Quote { speaker: None },
        1 => SpanKind::Quote { speaker: Some((code - 4) / 3) },
        _ => SpanKind::Figure,
    }
}

impl Lenses {
    /// The article's names of `kind`, most mentioned first.
    pub fn names_of(&self, kind: NameKind) -> impl Iterator<Item = &Name> {
        self.names.iter().filter(move |n| n.kind == kind)
    }

    /// The article's names of `kind` that it is about: named twice or more, or in its
    /// opening paragraphs (the lede). These are its facet values.
    pub fn salient(&self, kind: NameKind) -> impl Iterator<Item = &Name> {
        self.names
            .iter()
            .enumerate()
            .filter(move |(i, n)| {
                n.kind == kind
                    && (n.mentions >= 2
                        || self.spans.iter().any(|s| s.kind == SpanKind::Name(*i as u32) && s.text <= 1))
            })
            .map(|(_, n)| n)
    }

    /// The lens a span belongs to.
    pub fn lens_of(&self, span: &Span) -> Option<Lens> {
        match span.kind {
            SpanKind::Name(i) => self.names.get(i as usize).map(|n| Lens::of_kind(n.kind)),
            SpanKind::Quote { .. } => Some(Lens::Quotes),
            SpanKind::Figure => Some(Lens::Figures),
        }
    }

    /// The speaker of a quote span, when the text says who.
    pub fn speaker(&self, span: &Span) -> Option<&Name> {
        match span.kind {
            SpanKind::Quote { speaker: Some(i) } => self.names.get(i as usize),
            _ => None,
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
