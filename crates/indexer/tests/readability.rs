//! Golden tests of saved pages against Mozilla Readability's own expectations
//! (`tests/fixtures/import/readability/`): for each test page, the title and byline
//! extracted match `expected-metadata.json`, and the first and last paragraphs of the
//! article match those of `expected.html` (read by the same HTML converter).

use std::fs;
use std::path::{Path, PathBuf};

use lectern_engine::article::Block;
use lectern_index::import::{self, html_blocks};

fn fixtures() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/import/readability")).to_path_buf()
}

/// The paragraphs of `blocks`, at any depth, in document order.
fn paragraphs(blocks: &[Block], out: &mut Vec<String>) {
    for block in blocks {
        match block {
            Block::Paragraph(t) => out.push(t.text.split_whitespace().collect::<Vec<_>>().join(" ")),
            Block::Quote(inner) => paragraphs(inner, out),
            Block::List { items, .. } => items.iter().for_each(|item| paragraphs(item, out)),
            _ => {}
        }
    }
}

/// Pages whose byline differs from Readability's, as dom_smoothie 0.19 reads them: it takes
/// the page's author metadata where Readability finds none (`blogger`, `wordpress`), and the
/// `author` meta (AFP) over the byline in the text (`liberation-1`).
const BYLINE_DIFFERS: &[&str] = &["blogger", "liberation-1", "wordpress"];

#[test]
fn saved_pages_read_as_readability_reads_them() {
    let mut names: Vec<String> = fs::read_dir(fixtures())
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 10, "at least ten test pages");
    let (mut titles, mut bylines, mut ends) = (0, 0, 0);
    let mut problems = Vec::new();
    for name in &names {
        let dir = fixtures().join(name);
        let source = fs::read_to_string(dir.join("source.html")).unwrap();
        let expected: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(dir.join("expected-metadata.json")).unwrap()).unwrap();
        let read = import::page::read(name, &source, &None);
        let errors: Vec<String> = read.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.to_string()).collect();
        assert_eq!(errors, Vec::<String>::new(), "{name}");
        let article = &read.articles[0];
        let want = |key: &str| expected[key].as_str().map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "));
        let title_ok = want("title").as_deref() == Some(article.title.as_str());
        let byline_ok =
            want("byline") == article.byline.as_deref().map(|b| b.split_whitespace().collect::<Vec<_>>().join(" "));
        let mut ours = Vec::new();
        paragraphs(&article.blocks, &mut ours);
        let mut theirs = Vec::new();
        paragraphs(&html_blocks::to_blocks(&fs::read_to_string(dir.join("expected.html")).unwrap()), &mut theirs);
        let ends_ok = ours.first() == theirs.first() && ours.last() == theirs.last();
        println!("{name}: title {title_ok}, byline {byline_ok}, first and last paragraphs {ends_ok}");
        if !title_ok {
            problems.push(format!("{name}: title {:?}, expected {:?}", article.title, want("title")));
        }
        if byline_ok == BYLINE_DIFFERS.contains(&name.as_str()) {
            problems.push(format!(
                "{name}: byline {:?}, expected {:?} (BYLINE_DIFFERS is out of date)",
                article.byline,
                want("byline")
            ));
        }
        if !ends_ok {
            problems.push(format!(
                "{name}: paragraphs {:?} … {:?}, expected {:?} … {:?}",
                ours.first(),
                ours.last(),
                theirs.first(),
                theirs.last()
            ));
        }
        titles += usize::from(title_ok);
        bylines += usize::from(byline_ok);
        ends += usize::from(ends_ok);
    }
    println!(
        "of {} pages: titles match on {titles}, bylines on {bylines}, first and last paragraphs on {ends}",
        names.len()
    );
    assert_eq!(problems, Vec::<String>::new());
}
