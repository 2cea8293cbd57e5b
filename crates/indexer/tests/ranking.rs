//! The ranking guard: every labelled query of `tests/fixtures/ranking/queries.tsv` ranks
//! its article first on the project's real articles (`tests/fixtures/real`).

use lectern_engine::relevance;

/// Every labelled query ranks its article first on the project's real articles.
#[test]
fn the_labelled_queries_rank_their_article_first() {
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let loaded = lectern_index::corpus_folder::load(&root.join("tests/fixtures/real"), "tests/fixtures/real");
    let corpus = loaded.corpus.expect("the real articles build");
    let file = "tests/fixtures/ranking/queries.tsv";
    let text = std::fs::read_to_string(root.join(file)).expect("the labelled queries are in the repository");
    let judgements = relevance::parse(file, &text).unwrap_or_else(|e| panic!("{}", e.join("\n")));
    assert!(judgements.len() >= 60, "at least 60 labelled queries");
    let outcomes = relevance::evaluate(&corpus, &judgements);
    let misses: Vec<String> = outcomes
        .iter()
        .filter(|o| !o.is_first())
        .map(|o| {
            let j = &o.judgement;
            format!(
                "{file}:{}: {} {:?}: expected {:?}, rank {:?}, top {:?} ({})",
                j.line, j.kind, j.query, j.expected, o.rank, o.top, j.why
            )
        })
        .collect();
    println!(
        "top-1 {:.3}, MRR@10 {:.3} over {} queries",
        relevance::top1(&outcomes),
        relevance::mrr10(&outcomes),
        outcomes.len()
    );
    assert!(misses.is_empty(), "{} of {} queries miss:\n{}", misses.len(), outcomes.len(), misses.join("\n"));
}
