//! The lens guard: the names, quote speakers and figures found in the hand-labelled
//! articles of `tests/fixtures/lenses` keep their precision and recall. `LENS_DETAIL=1`
//! prints each article's misses.

use lectern_engine::lens::score::{self, Count, Scores};
use lectern_engine::lens::{Lenses, SpanKind};
use lectern_engine::parse::{self, Format};

fn row(what: &str, c: Count) -> String {
    format!(
        "{what:<9} precision {:.2} ({}/{})  recall {:.2} ({}/{})",
        c.precision(),
        c.right,
        c.found,
        c.recall(),
        c.recalled,
        c.labelled
    )
}

fn detail(labels: &score::Labels, article: &lectern_engine::article::Article, lenses: &Lenses) {
    println!("--- {}", labels.source);
    let normal = |s: &str| s.replace(['’', '‘'], "'");
    let forms = |n: &lectern_engine::lens::Name| -> Vec<String> {
        std::iter::once(&n.name).chain(&n.aliases).map(|s| normal(s)).collect()
    };
    for n in &lenses.names {
        let right = labels.names.iter().any(|(k, f)| *k == n.kind && forms(n).iter().any(|x| f.contains(x)));
        if !right {
            println!("  wrong {:?} {} | {}", n.kind, n.name, n.aliases.join(" | "));
        }
    }
    for (kind, f) in &labels.names {
        if !lenses.names.iter().any(|n| n.kind == *kind && forms(n).iter().any(|x| f.contains(x))) {
            println!("  missed {kind:?} {}", f.join(" | "));
        }
    }
    let texts = article.texts();
    for s in &lenses.spans {
        let text = &texts[s.text as usize].text[s.start as usize..s.end as usize];
        match s.kind {
            SpanKind::Quote { speaker } => {
                let found = speaker.map_or("-".to_string(), |i| lenses.names[i as usize].name.clone());
                let inner = normal(text.trim_start_matches(|c: char| !c.is_alphanumeric()));
                let label = labels
                    .quotes
                    .iter()
                    .find(|(p, _)| inner.starts_with(p.trim_start_matches(|c: char| !c.is_alphanumeric())));
                let expected = label.map_or("(not labelled)".to_string(), |(_, s)| s.clone().unwrap_or("-".into()));
                let mark = if expected == found || expected.starts_with('(') && found == "-" { " " } else { "x" };
                println!("  {mark} quote [{found}] want [{expected}] {}", text.chars().take(50).collect::<String>());
            }
            SpanKind::Figure if std::env::var_os("LENS_FIGURES").is_some() => println!("  figure {text}"),
            _ => {}
        }
    }
}

/// The summed scores of the label files in `dir` (relative to the repository), and how
/// many there are.
fn score_folder(dir: &str) -> (Scores, usize) {
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
        .expect("the labelled lens set is in the repository")
        .map(|e| e.expect("a readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "labels"))
        .collect();
    files.sort();
    let mut total = Scores::default();
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(file).unwrap();
        let labels = score::parse(&name, &text).unwrap_or_else(|e| panic!("{}", e.join("\n")));
        let bytes =
            std::fs::read(root.join(&labels.source)).unwrap_or_else(|e| panic!("{name}: {}: {e}", labels.source));
        let format = Format::of_path(&labels.source).expect("an article file");
        let article = parse::parse(&labels.source, format, &bytes).expect("the labelled article parses").article;
        let lenses = &article.lenses;
        let scores = score::score(&labels, &article, lenses);
        if std::env::var_os("LENS_DETAIL").is_some() {
            detail(&labels, &article, lenses);
            println!("  {}\n  {}", row("names", scores.names()), row("speakers", scores.speakers));
        }
        total.add(&scores);
    }
    (total, files.len())
}

fn table(total: &Scores) -> String {
    [
        row("people", total.people),
        row("places", total.places),
        row("orgs", total.orgs),
        row("names", total.names()),
        row("speakers", total.speakers),
        row("figures", total.figures),
    ]
    .join("\n")
}

/// The set the rules were tuned on meets the bar: 0.85 precision and 0.8 recall
/// for names and for quote speakers.
#[test]
fn the_labelled_articles_keep_their_lens_scores() {
    let (total, files) = score_folder("tests/fixtures/lenses");
    assert!(files >= 9, "the seed and at least 8 labelled articles");
    let lines = table(&total);
    println!("{files} labelled articles (tuned on)\n{lines}");
    let (names, speakers) = (total.names(), total.speakers);
    assert!(names.precision() >= 0.85 && names.recall() >= 0.80, "names fell below the bar:\n{lines}");
    assert!(speakers.precision() >= 0.85 && speakers.recall() >= 0.80, "speakers fell below the bar:\n{lines}");
}

/// The held-out set, labelled after the rules were tuned and never tuned on: what it
/// measures is what a reader gets from articles the rules have not seen. Its floor is
/// what it scored when first measured, less a margin, so a change that loses ground fails.
#[test]
fn the_held_out_articles_keep_their_lens_scores() {
    let (total, files) = score_folder("tests/fixtures/lenses/heldout");
    assert!(files >= 6);
    let lines = table(&total);
    println!("{files} held-out articles\n{lines}");
    let (names, speakers) = (total.names(), total.speakers);
    assert!(names.precision() >= HELD_OUT_FLOOR.0 && names.recall() >= HELD_OUT_FLOOR.1, "names lost ground:\n{lines}");
    assert!(
        speakers.precision() >= HELD_OUT_FLOOR.2 && speakers.recall() >= HELD_OUT_FLOOR.3,
        "speakers lost ground:\n{lines}"
    );
}

/// Precision and recall of names, then of speakers, on the held-out set, less 0.05: on its
/// first 3 articles names scored 0.93/0.71 and speakers 0.90/0.83; with 3 more (aclu,
/// salon-1, seattletimes-1, labelled later and never tuned on either) names 0.88/0.69 and
/// speakers 0.88/0.69, the floor's base.
const HELD_OUT_FLOOR: (f64, f64, f64, f64) = (0.83, 0.64, 0.83, 0.64);

/// Every article of the real corpus not in English gets no lenses (a wrong lens is worse
/// than none); `LENS_DUMP=1` prints the names found in each English one, to read them.
#[test]
fn articles_not_in_english_get_no_lenses() {
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let loaded = lectern_index::corpus_folder::load(&root.join("tests/fixtures/real"), "tests/fixtures/real");
    let corpus = loaded.corpus.expect("the real articles build");
    let mut foreign = 0;
    for n in 0..corpus.articles.len() {
        let article = &corpus.body(n).expect("bodies are installed natively").article;
        let english = lectern_engine::tokenize::primary_subtag(&article.lang) == "en";
        if std::env::var_os("LENS_DUMP").is_some() {
            let names: Vec<String> = article.lenses.names.iter().map(|n| format!("{:?}:{}", n.kind, n.name)).collect();
            println!("{} [{}] {}", article.file, article.lang, names.join(", "));
        }
        if !english {
            foreign += 1;
            assert!(article.lenses.spans.is_empty() && article.lenses.names.is_empty(), "{} has lenses", article.file);
        }
    }
    assert!(foreign >= 5, "the real corpus has French, Portuguese, Spanish, Japanese and Chinese articles");
}
