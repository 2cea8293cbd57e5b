//! Engine benchmark: `cargo bench --bench engine`.
//!
//! Generates corpora of 1,000 and 10,000 articles, deterministically, from real text: the
//! paragraphs of `seeds/` and of the real articles in `tests/fixtures/real` (each article
//! draws its paragraphs from one language). Prints index build time, the size of the site's
//! corpus files (first file, shards, bodies; raw and gzip), what a first search fetches,
//! decode times, and query latency p50/p95 over a fixed list of queries. Every time is the
//! median of several runs.

use std::hint::black_box;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use lectern_engine::article::{Article, Block, Published, Text};
use lectern_engine::codec;
use lectern_engine::corpus::Corpus;
use lectern_engine::facet::Facet;
use lectern_engine::lens::{self, Lenses};
use lectern_engine::parse::{self, Format};
use lectern_engine::relevance;
use lectern_engine::search::{details, rank, search, Filters, Sort};
use lectern_engine::tokenize;

/// Queries timed at each size: words, prefixes, typos, phrases, fields, exclusions, OR,
/// and very common words. Words come from the seed article, so they exist in every run.
const QUERIES: &[&str] = &[
    "ukraine ",
    "korean troops ",
    "military intelligence ",
    "president putin kremlin ",
    "the ",
    "of the ",
    "ukr",
    "gera",
    "k",
    "mil",
    "north korean tro",
    "gerasimv ",
    "pyongyong ",
    "kremln ",
    "inteligence ",
    "administation ",
    "\"north korean\" ",
    "\"kursk region\" troops ",
    "\"the front\"",
    "title:ukraine ",
    "author:smith ",
    "source:times ",
    "tag:politics war ",
    "lang:en moscow ",
    "after:2020 before:2023 troops ",
    "troops -korean ",
    "russia -\"north korean\" ",
    "kyiv OR moscow ",
    "zzzzzz ",
];

const RUNS: usize = 5;

fn main() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let pools = paragraphs(&[root.join("seeds"), root.join("tests/fixtures/real")]);
    let total: usize = pools.iter().map(|(_, p)| p.len()).sum();
    println!("source text: {total} paragraphs in {} language(s)", pools.len());
    ranking(root);
    // LECTERN_BENCH_SIZES=10000 runs one size only.
    let sizes: Vec<usize> = std::env::var("LECTERN_BENCH_SIZES")
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|_| vec![1_000, 10_000]);
    for n in sizes {
        bench(n, &pools);
    }
}

/// What the news lenses add to the corpus files, against the same articles without them
/// (the bar: under 10% of the first file and of the bodies, gzip).
fn lens_cost(articles: &[Article], first: &[u8], bodies_gz: usize) {
    let bare: Vec<Article> = articles.iter().cloned().map(|a| Article { lenses: Lenses::default(), ..a }).collect();
    let mut corpus = Corpus::assemble(bare);
    corpus.files.shards = (0..corpus.index.shard_count()).map(|s| s.to_string()).collect();
    corpus.files.bodies = (0..corpus.articles.len() as u32).collect();
    let bare_bytes = codec::encode_first(&corpus);
    let (first_gz, bare_first) = (gzip_len(first), gzip_len(&bare_bytes));
    let (decode, _) = median(RUNS, || codec::decode_first(first).expect("decodes"));
    let (bare_decode, _) = median(RUNS, || codec::decode_first(&bare_bytes).expect("decodes"));
    let bare_bodies: usize =
        (0..corpus.articles.len()).map(|n| gzip_len(&codec::encode_body(corpus.body(n).expect("built")))).sum();
    let names: std::collections::BTreeSet<&str> =
        articles.iter().flat_map(|a| a.lenses.names.iter().map(|n| n.name.as_str())).collect();
    let pairs: usize = articles.iter().map(|a| a.lenses.names.len()).sum();
    let spans: usize = articles.iter().map(|a| a.lenses.spans.len()).sum();
    let grow = |with: usize, without: usize| (with as f64 / without as f64 - 1.0) * 100.0;
    let (extract, _) = median(3, || articles.iter().map(lens::extract).count());
    println!("lens extraction (lens::extract, every article): {:>9.1} ms", ms(extract));
    println!(
        "lenses ({} distinct names, {:.1} an article, {:.1} spans an article): first file {:+.1}% gzip ({:.0} → {:.0} KB), bodies {:+.1}% gzip ({:.2} → {:.2} MB)",
        names.len(),
        pairs as f64 / articles.len() as f64,
        spans as f64 / articles.len() as f64,
        grow(first_gz, bare_first),
        bare_first as f64 / 1e3,
        first_gz as f64 / 1e3,
        grow(bodies_gz, bare_bodies),
        mb(bare_bodies),
        mb(bodies_gz)
    );
    println!("first file decode: {:.1} ms with the lenses' facets, {:.1} ms without", ms(decode), ms(bare_decode));
}

/// Result quality on the labelled queries of the real articles: top-1 and MRR@10, by kind.
fn ranking(root: &Path) {
    let mut articles = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(root.join("tests/fixtures/real"))
        .expect("real articles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    for path in paths {
        let name = path.to_string_lossy().into_owned();
        let Some(format) = Format::of_path(&name) else { continue };
        let bytes = std::fs::read(&path).expect("readable");
        articles.push(parse::parse(&name, format, &bytes).expect("the real articles parse").article);
    }
    let corpus = Corpus::assemble(articles);
    let file = "tests/fixtures/ranking/queries.tsv";
    let text = std::fs::read_to_string(root.join(file)).expect("labelled queries");
    let judgements = relevance::parse(file, &text).unwrap_or_else(|e| panic!("{}", e.join("\n")));
    let outcomes = relevance::evaluate(&corpus, &judgements);
    let rules: Vec<&str> = rank::RULES.iter().map(|r| r.name()).collect();
    println!(
        "\n== ranking ({}), {} labelled queries on {} real articles",
        rules.join(" > "),
        outcomes.len(),
        corpus.articles.len()
    );
    let mut kinds: Vec<&str> = outcomes.iter().map(|o| o.judgement.kind.as_str()).collect();
    kinds.dedup();
    kinds.sort();
    kinds.dedup();
    println!("kind        queries  top-1  MRR@10");
    for kind in kinds {
        let of: Vec<relevance::Outcome> = outcomes.iter().filter(|o| o.judgement.kind == kind).cloned().collect();
        println!("{kind:<10} {:>8}  {:>5.3}  {:>6.3}", of.len(), relevance::top1(&of), relevance::mrr10(&of));
    }
    println!(
        "{:<10} {:>8}  {:>5.3}  {:>6.3}",
        "all",
        outcomes.len(),
        relevance::top1(&outcomes),
        relevance::mrr10(&outcomes)
    );
}

fn bench(n: usize, pools: &[(String, Vec<String>)]) {
    println!("\n== {n} articles");
    let articles = generate(n, pools);
    let words: u64 = articles.iter().map(|a| u64::from(a.word_count)).sum();
    println!("words: {words}");
    let build_runs = if n > 5_000 { 3 } else { RUNS };
    let (build, corpus) = median(build_runs, || Corpus::assemble(articles.clone()));
    println!("index build (Corpus::assemble):   {:>9.1} ms", ms(build));

    // The files of the site (as `lectern-index` writes them): the first file, the index
    // shards, one file per body.
    let mut named = corpus.clone();
    named.files.shards = (0..corpus.index.shard_count()).map(|s| s.to_string()).collect();
    named.files.bodies = (0..corpus.articles.len() as u32).collect();
    let first = codec::encode_first(&named);
    let shards: Vec<Vec<u8>> =
        (0..corpus.index.shard_count()).map(|s| codec::encode_shard(corpus.index.shard(s).expect("built"))).collect();
    let shard_gz: Vec<usize> = shards.iter().map(|s| gzip_len(s)).collect();
    let bodies: Vec<Vec<u8>> =
        (0..corpus.articles.len()).map(|n| codec::encode_body(corpus.body(n).expect("built"))).collect();
    let body_gz: Vec<usize> = bodies.iter().map(|b| gzip_len(b)).collect();
    let (first_gz, shards_raw, bodies_raw) =
        (gzip_len(&first), shards.iter().map(Vec::len).sum::<usize>(), bodies.iter().map(Vec::len).sum::<usize>());
    println!("file         count   raw (MB)  gzip (MB)  largest gzip (KB)");
    println!("first            1  {:>9.2}  {:>9.2}  {:>17.0}", mb(first.len()), mb(first_gz), first_gz as f64 / 1e3);
    let largest = |v: &[usize]| v.iter().max().copied().unwrap_or(0) as f64 / 1e3;
    println!(
        "shards    {:>6}  {:>9.2}  {:>9.2}  {:>17.0}",
        shards.len(),
        mb(shards_raw),
        mb(shard_gz.iter().sum()),
        largest(&shard_gz)
    );
    println!(
        "bodies    {:>6}  {:>9.2}  {:>9.2}  {:>17.0}",
        bodies.len(),
        mb(bodies_raw),
        mb(body_gz.iter().sum()),
        largest(&body_gz)
    );
    lens_cost(&articles, &first, body_gz.iter().sum());
    let (decode, decoded) = median(RUNS, || codec::decode_first(&first).expect("decodes"));
    assert!(decoded.articles == corpus.articles, "the first file round-trips");
    let biggest = shards.iter().max_by_key(|s| s.len()).expect("one shard at least");
    let (shard_decode, _) = median(RUNS, || codec::decode_shard(biggest).expect("decodes"));
    println!(
        "decode: first file {:.1} ms, largest shard ({:.1} MB) {:.1} ms",
        ms(decode),
        mb(biggest.len()),
        ms(shard_decode)
    );
    // What a first search fetches (gzip): the first file, its shards, the bodies of the
    // ten results shown.
    let filters = Filters::default();
    let mut fetched: Vec<usize> = QUERIES
        .iter()
        .map(|q| {
            // As the app does: fetch what the plan names until it names nothing.
            let fresh = codec::decode_first(&first).expect("decodes");
            let mut bytes = first_gz;
            loop {
                let plan = lectern_engine::search::plan(&fresh, q).missing;
                if plan.is_empty() {
                    break;
                }
                for s in plan {
                    bytes += shard_gz[s];
                    fresh.index.install(s, corpus.index.shard(s).expect("built").clone());
                }
            }
            let r = search(&fresh, q, &filters, Sort::default_for(q));
            bytes + r.hits.iter().take(10).map(|h| body_gz[h.article]).sum::<usize>()
        })
        .collect();
    fetched.sort_unstable();
    println!(
        "bytes before a first search's results (gzip): median {:.0} KB, max {:.0} KB",
        fetched[fetched.len() / 2] as f64 / 1e3,
        fetched[fetched.len() - 1] as f64 / 1e3
    );
    drop(decoded);

    let mut latencies: Vec<(Duration, &str, usize)> = QUERIES
        .iter()
        .map(|q| {
            let (t, r) = median(RUNS, || search(&corpus, q, &filters, Sort::default_for(q)));
            (t, *q, r.hits.len())
        })
        .collect();
    latencies.sort();
    let (p50, p95) = percentiles(&latencies.iter().map(|l| l.0).collect::<Vec<_>>());
    let slowest = latencies.last().expect("queries");
    println!(
        "search latency over {} queries: p50 {:.3} ms, p95 {:.3} ms, max {:.3} ms ({:?}, {} hits)",
        QUERIES.len(),
        ms(p50),
        ms(p95),
        ms(slowest.0),
        slowest.1,
        slowest.2
    );
    for (t, q, hits) in &latencies {
        println!("    {:>8.3} ms  {hits:>6} hits  {q:?}", ms(*t));
    }
    // What the library page does per keystroke: search, then details for the 10 shown hits.
    let mut page: Vec<Duration> = QUERIES
        .iter()
        .map(|q| {
            median(RUNS, || {
                let r = search(&corpus, q, &filters, Sort::default_for(q));
                for hit in r.hits.iter().take(10) {
                    black_box(details(&corpus, &r, hit));
                }
            })
            .0
        })
        .collect();
    page.sort();
    let (p50, p95) = percentiles(&page);
    println!("search + details of 10 hits: p50 {:.3} ms, p95 {:.3} ms", ms(p50), ms(p95));
    let faceted = Filters::default().with(Facet::Year, &["2021", "2022"]).with(Facet::Lang, &["en"]);
    let (t, r) = median(RUNS, || search(&corpus, "", &faceted, Sort::Newest));
    println!("browse with year+lang filters: {:.3} ms ({} hits)", ms(t), r.hits.len());
}

/// Paragraphs of at least 8 words from every article file in `folders`, by language.
fn paragraphs(folders: &[std::path::PathBuf]) -> Vec<(String, Vec<String>)> {
    let mut pools: Vec<(String, Vec<String>)> = Vec::new();
    for folder in folders {
        let Ok(entries) = std::fs::read_dir(folder) else { continue };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let name = path.to_string_lossy().into_owned();
            let Some(format) = Format::of_path(&name) else { continue };
            let Ok(bytes) = std::fs::read(&path) else { continue };
            let Ok(parsed) = parse::parse(&name, format, &bytes) else { continue };
            let lang = tokenize::primary_subtag(&parsed.article.lang);
            let texts: Vec<String> = parsed
                .article
                .texts()
                .into_iter()
                .map(|t| t.text.clone())
                .filter(|t| tokenize::word_count(t) >= 8 || t.chars().any(tokenize::is_cjk))
                .collect();
            match pools.iter_mut().find(|(l, _)| *l == lang) {
                Some((_, pool)) => pool.extend(texts),
                None => pools.push((lang, texts)),
            }
        }
    }
    pools.retain(|(_, p)| !p.is_empty());
    assert!(!pools.is_empty(), "no source text: seeds/ is empty");
    pools
}

/// xorshift64*: deterministic and good enough to shuffle text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn generate(n: usize, pools: &[(String, Vec<String>)]) -> Vec<Article> {
    const FIRST: &[&str] =
        &["Jane", "John", "Amal", "Chen", "Sofia", "Igor", "Maria", "Kenji", "Lucy", "Omar", "Eva", "Tom"];
    const LAST: &[&str] =
        &["Smith", "Doe", "Garcia", "Ivanova", "Tanaka", "Okafor", "Müller", "Dubois", "Rossi", "Kim"];
    const SOURCES: &[&str] =
        &["The Times", "CNN", "Reuters", "Le Monde", "Folha", "BBC News", "Quanta", "Medium", "Kotaku", "AP"];
    const TAGS: &[&str] =
        &["politics", "war", "science", "games", "health", "tech", "economy", "culture", "sport", "climate"];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let weights: usize = pools.iter().map(|(_, p)| p.len()).sum();
    (0..n)
        .map(|i| {
            let mut pick = rng.below(weights);
            let (lang, pool) = pools
                .iter()
                .find(|(_, p)| {
                    if pick < p.len() {
                        true
                    } else {
                        pick -= p.len();
                        false
                    }
                })
                .expect("a pool");
            let paragraphs: Vec<String> = (0..3 + rng.below(10)).map(|_| pool[rng.below(pool.len())].clone()).collect();
            let source_words: Vec<&str> = pool[rng.below(pool.len())].split_whitespace().collect();
            let start = rng.below(source_words.len().saturating_sub(8).max(1));
            let title = source_words[start..(start + 4 + rng.below(6)).min(source_words.len())].join(" ");
            let excerpt: String = tokenize::words(&paragraphs[0])
                .take(30)
                .last()
                .map_or(String::new(), |t| paragraphs[0][..t.end].to_string());
            let word_count = paragraphs.iter().map(|p| tokenize::word_count(p) as u32).sum();
            let mut article = Article {
                slug: String::new(),
                title,
                byline: (rng.below(10) > 0)
                    .then(|| format!("{} {}", FIRST[rng.below(FIRST.len())], LAST[rng.below(LAST.len())])),
                source: (rng.below(10) > 1).then(|| SOURCES[rng.below(SOURCES.len())].to_string()),
                published: (rng.below(20) > 0).then(|| Published {
                    year: 2010 + rng.below(16) as u16,
                    month: 1 + rng.below(12) as u8,
                    day: 1 + rng.below(28) as u8,
                    time: None,
                }),
                url: None,
                tags: (0..rng.below(4)).map(|_| TAGS[rng.below(TAGS.len())].to_string()).collect(),
                lang: lang.clone(),
                blocks: paragraphs.into_iter().map(|p| Block::Paragraph(Text::plain(p))).collect(),
                excerpt,
                word_count,
                reading_minutes: word_count / 230 + 1,
                file: format!("gen/{i:05}.md"),
                imported: Vec::new(),
                lenses: Lenses::default(),
            };
            // The indexer finds every article's lenses as it parses it.
            article.lenses = lens::extract(&article);
            article
        })
        .collect()
}

/// Median time of `runs` runs of `f`, and the last result.
fn median<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let out = black_box(f());
        times.push(start.elapsed());
        last = Some(out);
    }
    times.sort();
    (times[runs / 2], last.expect("at least one run"))
}

/// p50 and p95 of sorted durations (nearest rank).
fn percentiles(sorted: &[Duration]) -> (Duration, Duration) {
    let at = |p: f64| sorted[((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len()) - 1];
    (at(0.50), at(0.95))
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).expect("writes to memory");
    encoder.finish().expect("writes to memory").len()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1_000.0
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1_000_000.0
}
