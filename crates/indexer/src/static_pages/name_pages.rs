//! `read/name/<slug>.html`: a page per name some article is about, for readers without
//! JavaScript and for crawlers, as the app's name page (`#/name/<slug>`) shows it: what
//! it is, the articles about it newest first, the quotes its articles give it, and the
//! names most often beside it, each linking to its own page. Everything is read through
//! `lens::page`, the app's look-ups; all corpus text passes through [`escape`].

use std::collections::HashSet;
use std::fmt::Write as _;

use lectern_engine::corpus::{slugify, Corpus};
use lectern_engine::lens::page::{self, NameId, NAME_FACETS};
use lectern_engine::lens::NameKind;

use super::{head, site_header, FOLDER};
use crate::markup::escape;

/// The folder of the name pages, inside [`FOLDER`].
pub const NAMES: &str = "name";

/// Names listed as often beside one, as the app's page lists them.
const COMPANIONS: usize = 12;

/// Every name page: (its slug, its HTML). A slug two names share is the first's, in the
/// order the app looks a slug up in ([`NAME_FACETS`]); a name with no slug has no page.
pub fn pages(corpus: &Corpus, links: &str, base_url: Option<&str>) -> Vec<(String, String)> {
    let facets = &corpus.index.facets;
    // The stylesheet and icon links are written for pages one folder up.
    let links = links.replace("href=\"../", "href=\"../../");
    let mut taken = HashSet::new();
    let mut out = Vec::new();
    for facet in NAME_FACETS {
        for (id, articles) in page::articles_naming_each(facets, facet).into_iter().enumerate() {
            let name = NameId { facet, id: id as u32 };
            let slug = slugify(page::name_of(facets, name));
            if articles.is_empty() || slug.is_empty() || !taken.insert(slug.clone()) {
                continue;
            }
            let html = name_page(corpus, name, &slug, &articles, &links, base_url);
            out.push((slug, html));
        }
    }
    out
}

/// The address of the page of `name` from a page in the same folder, when it has one.
fn page_href(name: &str) -> Option<String> {
    let slug = slugify(name);
    (!slug.is_empty()).then(|| format!("{slug}.html"))
}

/// The address of the name's page from an article's page (in [`FOLDER`]).
pub fn from_article(name: &str) -> Option<String> {
    page_href(name).map(|href| format!("{NAMES}/{href}"))
}

fn name_page(corpus: &Corpus, name: NameId, slug: &str, articles: &[usize], links: &str, base: Option<&str>) -> String {
    let facets = &corpus.index.facets;
    let (title, kind) = (page::name_of(facets, name), name.kind());
    let about = kind.in_articles(articles.len());
    let description = format!("{}: {title}. {about} in this Lectern library.", kind.label());
    let canonical = base.map_or_else(String::new, |base| {
        format!("<link rel=\"canonical\" href=\"{}\">\n", escape(&format!("{base}{FOLDER}/{NAMES}/{slug}.html")))
    });
    let mut out = head("en", &format!("{title} — Lectern"), &description, links, &canonical);
    out.push_str(&site_header("../../", ""));
    let _ = write!(
        out,
        "<main id=\"main\" tabindex=\"-1\">\n<article class=\"name-page\" aria-labelledby=\"name-title\">\n<header>\n\
         <p class=\"name-kind\">{}</p>\n<h1 id=\"name-title\">{}</h1>\n<p class=\"meta\">{about}\
         <span class=\"meta-sep\" aria-hidden=\"true\"> · </span><a href=\"../../#/name/{}\">Follow {} in Lectern</a></p>\n</header>\n",
        kind.label(),
        escape(title),
        escape(slug),
        kind.pronoun()
    );
    out.push_str("<section aria-labelledby=\"name-articles\">\n<h2 id=\"name-articles\">Articles</h2>\n<ul class=\"name-articles\">\n");
    for &n in articles {
        let a = &corpus.articles[n];
        let _ = write!(out, "<li><a href=\"../{}.html\">{}</a>", escape(&a.slug), escape(&a.title));
        if let Some(date) = &a.published {
            let _ = write!(
                out,
                "<span class=\"meta\"> · <time datetime=\"{}\">{}</time></span>",
                date.iso_date(),
                escape(&date.human())
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</section>\n");
    if kind != NameKind::Place {
        out.push_str("<section aria-labelledby=\"name-quotes\">\n<h2 id=\"name-quotes\">Quotes</h2>\n");
        let mut quoted = 0;
        for &n in articles {
            let Some(body) = corpus.body(n) else { continue };
            for quote in page::quotes_in(&body.article, title) {
                quoted += 1;
                let a = &corpus.articles[n];
                let _ = writeln!(
                    out,
                    "<figure class=\"name-quote\"><blockquote>{}</blockquote><figcaption><a href=\"../{}.html\">{}</a></figcaption></figure>",
                    escape(quote),
                    escape(&a.slug),
                    escape(&a.title)
                );
            }
        }
        if quoted == 0 {
            let _ = writeln!(out, "<p>No quotes attributed to {} in these articles.</p>", escape(title));
        }
        out.push_str("</section>\n");
    }
    out.push_str("<section aria-labelledby=\"name-companions\">\n<h2 id=\"name-companions\">Often named with</h2>\n<ul class=\"name-companions\">\n");
    for (other, shared) in page::companions(facets, name, articles, COMPANIONS) {
        let other_name = page::name_of(facets, other);
        out.push_str("<li>");
        match page_href(other_name) {
            Some(href) => {
                let _ = write!(out, "<a href=\"{}\">{}</a>", escape(&href), escape(other_name));
            }
            None => out.push_str(&escape(other_name)),
        }
        let _ = writeln!(out, "<span class=\"meta\"> · {} · {shared} together</span></li>", other.kind().label());
    }
    out.push_str("</ul>\n</section>\n</article>\n</main>\n</body>\n</html>\n");
    out
}
