//! What a reader does to the library, as data: an [`Action`] and the pure
//! [`LibraryQuery::apply`] that gives the next state (the URL is the store; the page
//! navigates to the result). Every change but "show more" starts again from the first
//! page of results.

use crate::engine::date::parse_day;
use crate::engine::search::Sort;
use crate::state::library_query::{Facet, LibraryQuery, MAX_PAGES};

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The search field's text.
    Type(String),
    /// A suggested respelling taken.
    Respell(String),
    Toggle(Facet, String),
    /// The date inputs' values (`YYYY-MM-DD`, empty for none).
    SetRange {
        from: String,
        to: String,
    },
    ClearRange,
    ClearFilters,
    /// The sort menu's value.
    Sort(String),
    ShowMore,
}

impl Action {
    /// Whether the change gets its own history entry. Typing replaces the current one
    /// (Back does not step through letters), and so does showing more results.
    pub fn pushes(&self) -> bool {
        !matches!(self, Action::Type(_) | Action::ShowMore)
    }
}

impl LibraryQuery {
    /// The state after `action`.
    pub fn apply(&self, action: Action) -> LibraryQuery {
        let mut q = LibraryQuery { more: 0, ..self.clone() };
        match action {
            Action::Type(text) | Action::Respell(text) => q.q = text,
            Action::Toggle(facet, value) => q.toggle(facet, &value),
            Action::SetRange { from, to } => {
                q.filters.from = parse_day(&from, false);
                q.filters.to = parse_day(&to, true);
            }
            Action::ClearRange => (q.filters.from, q.filters.to) = (None, None),
            Action::ClearFilters => q = q.without_filters(),
            // The default order for this query is not written: the URL stays the shortest.
            Action::Sort(value) => {
                let default = LibraryQuery { sort: None, ..q.clone() }.effective_sort();
                q.sort = Sort::parse(&value).filter(|s| *s != default);
            }
            Action::ShowMore => q.more = (self.more + 1).min(MAX_PAGES - 1),
        }
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(url: &str) -> LibraryQuery {
        LibraryQuery::parse(url)
    }

    /// `(state, action, next state)` as URLs.
    #[test]
    fn each_action_gives_the_next_url() {
        let cases: &[(&str, Action, &str)] = &[
            ("", Action::Type("kursk".into()), "q=kursk"),
            ("q=kursk&pages=3", Action::Type("kursk ".into()), "q=kursk+"),
            ("q=gadrn", Action::Respell("garden".into()), "q=garden"),
            ("q=x", Action::Toggle(Facet::Source, "CNN".into()), "q=x&source=CNN"),
            ("source=CNN&pages=2", Action::Toggle(Facet::Source, "CNN".into()), ""),
            ("", Action::SetRange { from: "2024-02".into(), to: "2024".into() }, "from=2024-02-01&to=2024-12-31"),
            ("from=2024-01-01&tag=war", Action::ClearRange, "tag=war"),
            ("q=x&tag=war&lang=fr&from=2024-01-01&sort=oldest", Action::ClearFilters, "q=x&sort=oldest"),
            ("q=x&pages=2", Action::ShowMore, "q=x&pages=3"),
            ("", Action::ShowMore, "pages=2"),
            ("pages=500", Action::ShowMore, "pages=500"),
            ("pages=70000", Action::ShowMore, "pages=500"),
        ];
        for (before, action, after) in cases {
            let got = at(before).apply(action.clone()).to_query_string();
            assert_eq!(got, *after, "{before:?} + {action:?}");
        }
    }

    #[test]
    fn the_default_sort_is_not_written() {
        // With text the default is relevance; without, newest.
        assert_eq!(at("q=x").apply(Action::Sort("relevance".into())).to_query_string(), "q=x");
        assert_eq!(at("q=x").apply(Action::Sort("newest".into())).to_query_string(), "q=x&sort=newest");
        assert_eq!(at("sort=oldest").apply(Action::Sort("newest".into())).to_query_string(), "");
        assert_eq!(at("").apply(Action::Sort("bogus".into())).to_query_string(), "");
    }

    #[test]
    fn only_typing_and_showing_more_replace_the_history_entry() {
        assert!(!Action::Type("x".into()).pushes());
        assert!(!Action::ShowMore.pushes());
        assert!(Action::Toggle(Facet::Tag, "war".into()).pushes());
        assert!(Action::Respell("x".into()).pushes());
        assert!(Action::Sort("title".into()).pushes());
    }
}
