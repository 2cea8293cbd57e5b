//! THE list of facets, and what each one is: its name in the URL and the query, its
//! heading, how an article's values are read, how a chosen value is normalised, and the
//! order its values are listed in. Everything else (the interned values, filters, counts,
//! the URL codec, the panel) holds per-facet data in a [`PerFacet`] indexed by [`Facet`],
//! so adding a facet is a variant here and its arms below.

use std::ops::{Index, IndexMut};

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::lens::NameKind;
use crate::tokenize;

/// A facet the reader filters by: OR within a facet, AND across facets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Source,
    Byline,
    Tag,
    Person,
    Place,
    Org,
    Lang,
    Year,
}

/// How many facets there are.
pub const FACETS: usize = 8;

impl Facet {
    /// Every facet, in the order the panel shows them.
    pub const ALL: [Facet; FACETS] =
        [Facet::Source, Facet::Byline, Facet::Tag, Facet::Person, Facet::Place, Facet::Org, Facet::Lang, Facet::Year];

    /// Its name in the URL (`?source=CNN`).
    pub fn key(self) -> &'static str {
        match self {
            Facet::Source => "source",
            Facet::Byline => "byline",
            Facet::Tag => "tag",
            Facet::Person => "person",
            Facet::Place => "place",
            Facet::Org => "org",
            Facet::Lang => "lang",
            Facet::Year => "year",
        }
    }

    /// Heading shown above the facet's values.
    pub fn label(self) -> &'static str {
        match self {
            Facet::Source => "Source",
            Facet::Byline => "Author",
            Facet::Tag => "Tag",
            Facet::Person => "People",
            Facet::Place => "Places",
            Facet::Org => "Organisations",
            Facet::Lang => "Language",
            Facet::Year => "Year",
        }
    }

    /// The facet a query names with `name:` (`source:`, `tag:`, `lang:`, `person:`,
    /// `place:`, `org:`), matched against
    /// the article's values and not ranked. (`byline:`/`author:` search the byline's words
    /// instead, and years are chosen with `after:`/`before:`.)
    pub fn of_query_name(name: &str) -> Option<Facet> {
        match name {
            "source" => Some(Facet::Source),
            "tag" => Some(Facet::Tag),
            "lang" => Some(Facet::Lang),
            "person" => Some(Facet::Person),
            "place" => Some(Facet::Place),
            "org" => Some(Facet::Org),
            _ => None,
        }
    }

    /// The article's values of this facet, normalised as [`Facet::normalise`] does. The
    /// name facets hold the names the article is about ([`Lenses::salient`]), not every
    /// passing mention: that keeps the first file's growth under a tenth at 10,000 articles.
    ///
    /// [`Lenses::salient`]: crate::lens::Lenses::salient
    pub fn values_of(self, article: &Article) -> Vec<String> {
        match self {
            Facet::Source => article.source.iter().cloned().collect(),
            Facet::Byline => article.byline.iter().cloned().collect(),
            Facet::Tag => article.tags.clone(),
            Facet::Person | Facet::Place | Facet::Org => {
                let kind = self.name_kind().expect("a name facet");
                article.lenses.salient(kind).map(|n| n.name.clone()).collect()
            }
            Facet::Lang => vec![tokenize::primary_subtag(&article.lang)],
            Facet::Year => article.published.iter().map(|p| p.year.to_string()).collect(),
        }
    }

    /// A chosen value as the facet counts it, or `None` when it can name no value: a
    /// language is its primary subtag (`pt-BR` selects `pt`), a year a number (`02019` is
    /// `2019`). Values are trimmed.
    pub fn normalise(self, value: &str) -> Option<String> {
        let value = value.trim();
        match self {
            _ if value.is_empty() => None,
            Facet::Lang => Some(tokenize::primary_subtag(value)),
            Facet::Year => value.parse::<u16>().ok().map(|y| y.to_string()),
            _ => Some(value.to_string()),
        }
    }

    /// The kind of name a name facet lists (People, Places, Organisations).
    pub fn name_kind(self) -> Option<NameKind> {
        match self {
            Facet::Person => Some(NameKind::Person),
            Facet::Place => Some(NameKind::Place),
            Facet::Org => Some(NameKind::Org),
            _ => None,
        }
    }

    /// The facet listing names of `kind`.
    pub fn of_name_kind(kind: NameKind) -> Facet {
        match kind {
            NameKind::Person => Facet::Person,
            NameKind::Place => Facet::Place,
            NameKind::Org => Facet::Org,
        }
    }

    /// Whether the facet's values are listed newest first (years) rather than most
    /// frequent first.
    pub fn newest_first(self) -> bool {
        self == Facet::Year
    }
}

/// Whether a facet's group is worth showing: it offers a choice (two values or more), or
/// the reader has chosen in it. The app's panel and the static first view both ask.
pub fn worth_showing(values: usize, chosen: usize) -> bool {
    values > 1 || chosen > 0
}

/// One `T` per facet, indexed by [`Facet`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PerFacet<T>(pub [T; FACETS]);

impl<T> PerFacet<T> {
    /// A value for each facet, made by `make`.
    pub fn from_fn(mut make: impl FnMut(Facet) -> T) -> PerFacet<T> {
        PerFacet(Facet::ALL.map(&mut make))
    }

    /// Each facet with its value.
    pub fn iter(&self) -> impl Iterator<Item = (Facet, &T)> {
        Facet::ALL.into_iter().zip(self.0.iter())
    }

    /// Each facet with its value, as owned pairs.
    pub fn into_pairs(self) -> impl Iterator<Item = (Facet, T)> {
        Facet::ALL.into_iter().zip(self.0)
    }
}

impl<T> Index<Facet> for PerFacet<T> {
    type Output = T;
    fn index(&self, facet: Facet) -> &T {
        &self.0[facet as usize]
    }
}

impl<T> IndexMut<Facet> for PerFacet<T> {
    fn index_mut(&mut self, facet: Facet) -> &mut T {
        &mut self.0[facet as usize]
    }
}

/// How a facet value reads to a person: language codes become names (the app's panel and
/// chips, and the indexer's static library).
pub fn display_value(facet: Facet, value: &str) -> String {
    if facet != Facet::Lang {
        return value.to_string();
    }
    let name = match value {
        "en" => "English",
        "fr" => "French",
        "pt" => "Portuguese",
        "es" => "Spanish",
        "de" => "German",
        "it" => "Italian",
        "nl" => "Dutch",
        "ru" => "Russian",
        "uk" => "Ukrainian",
        "ja" => "Japanese",
        "zh" => "Chinese",
        "ko" => "Korean",
        "ar" => "Arabic",
        "cs" => "Czech",
        "pl" => "Polish",
        "sv" => "Swedish",
        "tr" => "Turkish",
        _ => return value.to_string(),
    };
    name.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Published;

    #[test]
    fn all_lists_each_facet_once_at_its_own_index() {
        for (i, facet) in Facet::ALL.into_iter().enumerate() {
            assert_eq!(facet as usize, i);
        }
        let keys: std::collections::BTreeSet<&str> = Facet::ALL.iter().map(|f| f.key()).collect();
        assert_eq!(keys.len(), FACETS);
    }

    #[test]
    fn values_are_normalised_as_chosen_values_are() {
        let article = Article {
            lang: "pt-BR".into(),
            tags: vec!["war".into(), "peace".into()],
            source: Some("CNN".into()),
            published: Some(Published { year: 2019, month: 3, day: 1, time: None }),
            ..Article::default()
        };
        assert_eq!(Facet::Lang.values_of(&article), ["pt"]);
        assert_eq!(Facet::Lang.normalise(" pt-BR "), Some("pt".into()));
        assert_eq!(Facet::Year.values_of(&article), ["2019"]);
        assert_eq!(Facet::Year.normalise("02019"), Some("2019".into()));
        assert_eq!(Facet::Year.normalise("nineteen"), None);
        assert_eq!(Facet::Byline.values_of(&article), Vec::<String>::new());
        assert_eq!(Facet::Tag.normalise("  "), None);
        for facet in Facet::ALL {
            for value in facet.values_of(&article) {
                assert_eq!(facet.normalise(&value).as_deref(), Some(value.as_str()), "{facet:?}");
            }
        }
    }

    #[test]
    fn per_facet_is_indexed_by_facet() {
        let mut per = PerFacet::from_fn(|f| f.key().len());
        per[Facet::Tag] = 99;
        assert_eq!(per[Facet::Tag], 99);
        assert_eq!(per[Facet::Source], "source".len());
        assert_eq!(per.iter().map(|(f, _)| f).collect::<Vec<_>>(), Facet::ALL);
    }
}
