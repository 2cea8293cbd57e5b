//! Pocket exports hold links, not articles: the HTML list (`ril_export.html`, titled
//! "Pocket Export") and the CSV (`part_000000.csv`, `title,url,time_added,tags,status`).
//! They are recognised and reported with how many links they hold, so that a reader who
//! brings one knows why no article came of it.

use lectern_engine::diagnostic::Diagnostic;

use super::{Kind, Read};

/// Whether a page is Pocket's HTML export.
pub fn is_html_export(html: &str) -> bool {
    let head: String = html.chars().take(4096).collect::<String>().to_ascii_lowercase();
    head.contains("<title>pocket export</title>")
}

/// Whether a CSV file is Pocket's export (by its header).
pub fn is_csv_export(csv: &str) -> bool {
    csv.lines().next().is_some_and(|header| header.trim().to_ascii_lowercase().starts_with("title,url,time_added"))
}

pub fn read_html(path: &str, html: &str) -> Read {
    let links = dom_query::Document::from(html).select("a[href]").length();
    skipped(path, links)
}

pub fn read_csv(path: &str, csv: &str) -> Read {
    // Records, not lines: a quoted title may hold a line break.
    let mut records = 0;
    let mut quoted = false;
    let mut empty = true;
    for c in csv.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => {
                records += usize::from(!empty);
                empty = true;
                continue;
            }
            _ => {}
        }
        empty &= c.is_whitespace();
    }
    records += usize::from(!empty);
    skipped(path, records.saturating_sub(1))
}

fn skipped(path: &str, links: usize) -> Read {
    let message = format!("a Pocket export holds links, not articles: {links} links skipped");
    Read { kind: Kind::Pocket, articles: Vec::new(), diagnostics: vec![Diagnostic::warning(path, 0, message)] }
}
