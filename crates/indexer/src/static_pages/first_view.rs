//! The library's first view as static HTML, put into `index.html` as the first child of
//! `<body>` (`<div id="static-library">`): what the app shows at `#/` (no query, newest
//! first, the first [`FIRST_PAGE`] articles) with the same elements and classes (`app.rs`,
//! `pages/library.rs`, `components/{search_box,facet_panel,result_list,article_meta}.rs`),
//! so that it paints before the wasm arrives and the app takes over without a shift.
//! Controls that need the app are `disabled`; cards link to the static `read/` pages.

use std::fmt::Write as _;

use lectern_engine::corpus::Corpus;
use lectern_engine::facet::{display_value, worth_showing, Facet};
use lectern_engine::search::{details, Results, Sort};

use super::{escape, meta_line, FOLDER};

/// The id of the static first view; the app looks for it (`src/browser/first_paint.rs`).
pub const ID: &str = "static-library";

/// Results on the library's first page (`PAGE` in `src/pages/library.rs`).
pub const FIRST_PAGE: usize = 20;

/// Facet values shown before "Show all" (`COLLAPSED_VALUES` in `components/facet_panel.rs`).
const COLLAPSED_VALUES: usize = 8;

/// Ends the fragment (inside its `<div>`, so that it leaves with it), so that a second run
/// replaces it.
const END: &str = "<!-- /static-library --></div>";

/// The first view of the library for `newest`, the corpus searched for nothing, newest first.
pub fn fragment(corpus: &Corpus, newest: &Results) -> String {
    let total = newest.hits.len();
    // The groups the app's panel shows with nothing chosen.
    let groups: Vec<(Facet, &Vec<(String, usize)>)> = Facet::ALL
        .into_iter()
        .map(|f| (f, &newest.facets.values[f]))
        .filter(|(_, v)| worth_showing(v.len(), 0))
        .collect();
    let dated = !newest.facets.values[Facet::Year].is_empty();
    let has_facets = !groups.is_empty() || dated;
    let mut out = format!("<div id=\"{ID}\">\n");
    // The app's header holds its offline controls (empty until the service worker answers).
    out.push_str(&super::site_header("./", "<div class=\"offline-controls\"></div>"));
    let _ = write!(
        out,
        "<main id=\"main\" tabindex=\"-1\"><section class=\"library{}\">\
         <h1 class=\"visually-hidden\">Library</h1>\
         <div class=\"library-bar\"><div class=\"search-box\" role=\"search\">\
         <svg class=\"search-icon\" viewBox=\"0 0 24 24\" aria-hidden=\"true\"><circle cx=\"10.5\" cy=\"10.5\" r=\"6.5\"></circle><path d=\"M15.5 15.5 21 21\"></path></svg>\
         <input type=\"search\" class=\"search-input\" aria-label=\"Search articles\" placeholder=\"Search articles\" autocomplete=\"off\" spellcheck=\"false\" disabled>\
         </div><div class=\"library-tools\">",
        if has_facets { " with-facets" } else { "" }
    );
    if has_facets {
        out.push_str("<button type=\"button\" class=\"facets-toggle\" aria-expanded=\"false\" aria-controls=\"facets\" disabled>Filters</button>");
    }
    out.push_str("<label class=\"sort\"><span>Sort by</span><select disabled>");
    for s in Sort::ALL {
        let selected = if s == Sort::Newest { " selected" } else { "" };
        let _ = write!(out, "<option value=\"{}\"{selected}>{}</option>", s.as_str(), escape(s.label()));
    }
    out.push_str("</select></label></div></div>\n<div class=\"library-layout\">");
    if has_facets {
        out.push_str("<aside id=\"facets\" class=\"facets\" aria-label=\"Filters\"><div class=\"facet-groups\">");
        for (facet, values) in &groups {
            facet_group(*facet, values, &mut out);
        }
        if dated {
            out.push_str(
                "<fieldset class=\"facet facet-range\"><legend>Published between</legend>\
                 <label class=\"range-field\"><span>From</span><input type=\"date\" disabled></label>\
                 <label class=\"range-field\"><span>To</span><input type=\"date\" disabled></label></fieldset>",
            );
        }
        out.push_str("</div></aside>");
    }
    let _ = write!(
        out,
        "\n<div class=\"library-results\" aria-busy=\"false\"><p class=\"result-count\" role=\"status\" aria-live=\"polite\">{total} {}</p>\
         <noscript><p class=\"noscript\">Searching and filtering need JavaScript; every article can be read without it: \
         <a href=\"{FOLDER}/index.html\">All articles</a>.</p></noscript>\n",
        if total == 1 { "article" } else { "articles" }
    );
    if total > 0 {
        out.push_str("<ul class=\"results\" aria-label=\"Articles\">\n");
        for hit in newest.hits.iter().take(FIRST_PAGE) {
            let a = &corpus.articles[hit.article];
            let excerpt = details(corpus, newest, hit).excerpt.text;
            let _ = writeln!(
                out,
                "<li><article class=\"card\" lang=\"{}\"><h2 class=\"card-title\"><a class=\"result-link\" href=\"{FOLDER}/{}.html\">{}</a></h2>{}<p class=\"card-excerpt\">{}</p></article></li>",
                escape(&a.lang),
                escape(&a.slug),
                escape(&a.title),
                meta_line(a),
                escape(&excerpt)
            );
        }
        out.push_str("</ul>");
        if total > FIRST_PAGE {
            let _ = write!(
                out,
                "<a class=\"show-more\" href=\"{FOLDER}/index.html\">Show more ({FIRST_PAGE} of {total} shown)</a>"
            );
        }
    } else {
        out.push_str("<div class=\"no-results\"><p>No articles match these filters.</p></div>");
    }
    let _ = write!(out, "</div></div></section></main>\n{END}");
    out
}

/// One facet's checkboxes, as `FacetGroup` renders them collapsed.
fn facet_group(facet: Facet, values: &[(String, usize)], out: &mut String) {
    let _ =
        write!(out, "<fieldset class=\"facet\"><legend>{}</legend><ul class=\"facet-values\">", escape(facet.label()));
    for (value, count) in values.iter().take(COLLAPSED_VALUES) {
        let _ = write!(
            out,
            "<li><label class=\"facet-value\"><input type=\"checkbox\" disabled><span class=\"facet-label\">{}<span class=\"facet-count\"> ({count})</span></span></label></li>",
            escape(&display_value(facet, value))
        );
    }
    out.push_str("</ul>");
    if values.len() > COLLAPSED_VALUES {
        let _ = write!(
            out,
            "<button type=\"button\" class=\"link-button\" aria-expanded=\"false\" disabled>Show all {}</button>",
            values.len()
        );
    }
    out.push_str("</fieldset>");
}

/// `html` with `fragment` as the first child of `<body>`, replacing an earlier one.
pub fn inject(html: &str, fragment: &str) -> String {
    let marker = format!("<div id=\"{ID}\">");
    let html = match (html.find(&marker), html.find(END)) {
        (Some(start), Some(end)) if end > start => format!("{}{}", &html[..start], &html[end + END.len()..]),
        _ => html.to_string(),
    };
    let lower = html.to_ascii_lowercase();
    match lower.find("<body").and_then(|at| lower[at..].find('>').map(|end| at + end + 1)) {
        Some(at) => format!("{}\n{fragment}{}", &html[..at], &html[at..]),
        None => format!("{html}{fragment}"),
    }
}
