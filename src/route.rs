//! The app's routes and how to reach them: the `Route` enum, the `href` of a route with a
//! query string, and navigation that pushes or replaces a history entry. Hash routes
//! (`#/…`) work on any static host without rewrite rules and under any sub-path.

use yew_router::prelude::*;
use yew_router::query::Raw;

#[derive(Routable, PartialEq, Eq, Clone, Debug)]
pub enum Route {
    #[at("/")]
    Library,
    #[at("/a/:slug")]
    Article { slug: String },
    /// A person's, place's or organisation's page.
    #[at("/name/:slug")]
    Name { slug: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}

/// The `href` of a route with a query string (already encoded, without `?`) under the
/// hash router.
pub fn href(to: &Route, query: &str) -> String {
    if query.is_empty() {
        format!("#{}", to.to_path())
    } else {
        format!("#{}?{query}", to.to_path())
    }
}

/// Navigates to `to` with `query`, pushing a history entry or replacing the current one.
pub fn go(navigator: &Navigator, to: &Route, query: &str, push: bool) {
    match (query.is_empty(), push) {
        (true, true) => navigator.push(to),
        (true, false) => navigator.replace(to),
        (false, true) => {
            let _ = navigator.push_with_query(to, Raw(query));
        }
        (false, false) => {
            let _ = navigator.replace_with_query(to, Raw(query));
        }
    }
}

/// An article's full address in this Lectern: this page's address with the article's
/// route (what an export links to).
pub fn article_address(slug: &str) -> String {
    let location = gloo::utils::window().location();
    let base = format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
    format!("{base}{}", href(&Route::Article { slug: slug.to_string() }, ""))
}

/// The address of the page of a person, place or organisation, by its name.
pub fn name_address(name: &str) -> String {
    href(&Route::Name { slug: lectern_engine::corpus::slugify(name) }, "")
}
