//! The labelled query set (`tests/fixtures/ranking/queries.tsv`) and how a ranking scores
//! on it: whether each query's right article comes first (top-1), and the mean
//! reciprocal rank of the first right article within the top 10 (MRR@10). Read by the
//! native test that guards the ranking (`crates/indexer/tests/ranking.rs`) and by the
//! benchmark that reports it. Native only.
//!
//! The file has one query per line, tab-separated: kind, query, expected article(s) (file
//! stems, comma-separated: any may come first), and why. `#` starts a comment line, and
//! a line whose kind is `kind` is the header. The
//! query is what the reader types; every kind but `prefix` is a finished word, so a space
//! is appended.

use crate::corpus::Corpus;
use crate::search::{search, Filters, Sort};

/// One labelled query.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    /// Line in the file, from 1.
    pub line: usize,
    pub kind: String,
    /// As typed, with the space appended for finished words.
    pub query: String,
    /// File stems of the articles that may come first.
    pub expected: Vec<String>,
    pub why: String,
}

/// Parses the labelled set; `file` names it in errors (`file:line: problem`).
pub fn parse(file: &str, text: &str) -> Result<Vec<Judgement>, Vec<String>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.first() == Some(&"kind") {
            continue; // the header
        }
        let [kind, query, expected, why] = fields[..] else {
            errors.push(format!(
                "{file}:{line_no}: expected 4 tab-separated fields (kind, query, expected, why), found {}",
                fields.len()
            ));
            continue;
        };
        let expected: Vec<String> =
            expected.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
        if query.trim().is_empty() || expected.is_empty() {
            errors.push(format!("{file}:{line_no}: the query and the expected article must not be empty"));
            continue;
        }
        let query = if kind == "prefix" { query.to_string() } else { format!("{query} ") };
        out.push(Judgement { line: line_no, kind: kind.to_string(), query, expected, why: why.to_string() });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// How one query ranked.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub judgement: Judgement,
    /// Position (from 1) of the first expected article among the top 10.
    pub rank: Option<usize>,
    /// File stems of the top 3 hits.
    pub top: Vec<String>,
}

impl Outcome {
    pub fn is_first(&self) -> bool {
        self.rank == Some(1)
    }
}

/// The file stem of an article (`sub/cnn.md` → `cnn`).
pub fn stem(file: &str) -> &str {
    let name = file.rsplit('/').next().unwrap_or(file);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

/// Runs every query on `corpus` (relevance order, no filters).
pub fn evaluate(corpus: &Corpus, judgements: &[Judgement]) -> Vec<Outcome> {
    judgements
        .iter()
        .map(|j| {
            let results = search(corpus, &j.query, &Filters::default(), Sort::Relevance);
            let stems: Vec<&str> =
                results.hits.iter().take(10).map(|h| stem(&corpus.articles[h.article].file)).collect();
            let rank = stems.iter().position(|s| j.expected.iter().any(|e| e == s)).map(|p| p + 1);
            Outcome { judgement: j.clone(), rank, top: stems.iter().take(3).map(|s| s.to_string()).collect() }
        })
        .collect()
}

/// Share of queries whose right article comes first.
pub fn top1(outcomes: &[Outcome]) -> f64 {
    outcomes.iter().filter(|o| o.is_first()).count() as f64 / outcomes.len().max(1) as f64
}

/// Mean reciprocal rank of the first right article within the top 10.
pub fn mrr10(outcomes: &[Outcome]) -> f64 {
    outcomes.iter().map(|o| o.rank.map_or(0.0, |r| 1.0 / r as f64)).sum::<f64>() / outcomes.len().max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_format_and_names_bad_lines() {
        let text = "# comment\nkind\tquery\texpected\twhy\nexact\tblankly\twikipedia\tonly one\nprefix\tjavas\ta,b\ttyping\n\nbad line\n";
        let err = parse("q.tsv", text).unwrap_err();
        assert_eq!(err, ["q.tsv:6: expected 4 tab-separated fields (kind, query, expected, why), found 1"]);
        let ok = parse("q.tsv", &text.replace("bad line\n", "")).unwrap();
        assert_eq!(ok[0].query, "blankly ");
        assert_eq!(ok[1].query, "javas");
        assert_eq!(ok[1].expected, ["a", "b"]);
        assert_eq!((ok[0].line, ok[1].line), (3, 4));
        assert_eq!(stem("sub/cnn.md"), "cnn");
    }

    #[test]
    fn scores_top1_and_mrr() {
        let j = |rank| Outcome {
            judgement: Judgement {
                line: 1,
                kind: String::new(),
                query: String::new(),
                expected: vec![],
                why: String::new(),
            },
            rank,
            top: vec![],
        };
        let outcomes = [j(Some(1)), j(Some(2)), j(None), j(Some(4))];
        assert_eq!(top1(&outcomes), 0.25);
        assert_eq!(mrr10(&outcomes), (1.0 + 0.5 + 0.25) / 4.0);
    }
}
