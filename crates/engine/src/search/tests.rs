use super::*;
use crate::article::{Article, Block, Published, Text};
use crate::facet::Facet;
use crate::test_corpus::corpus_of;

struct Doc {
    title: &'static str,
    byline: Option<&'static str>,
    source: Option<&'static str>,
    date: Option<(u16, u8, u8)>,
    tags: &'static [&'static str],
    lang: &'static str,
    body: &'static [&'static str],
}

const DOCS: &[Doc] = &[
    Doc {
        title: "Russia acknowledges North Korean troops in Kursk",
        byline: Some("Jane Doe"),
        source: Some("CNN"),
        date: Some((2025, 4, 26)),
        tags: &["russia", "ukraine"],
        lang: "en",
        body: &[
            "Valery Gerasimov, the Russian chief of general staff, told President Vladimir Putin.",
            "More than 11,000 North Korean troops were fighting in the Kursk region.",
        ],
    },
    Doc {
        title: "Zelenskyy visits Kyiv hospital",
        byline: Some("John Smith"),
        source: Some("BBC News"),
        date: Some((2024, 6, 1)),
        tags: &["ukraine"],
        lang: "en",
        body: &[
            "The Ukrainian president Volodymyr Zelenskyy spoke to the wounded in Kyiv.",
            "The government promised more drones.",
        ],
    },
    Doc {
        title: "Budget talks in parliament",
        byline: Some("Jane Doe"),
        source: Some("The Guardian"),
        date: Some((2023, 1, 15)),
        tags: &["politics"],
        lang: "en",
        body: &[
            "The government is governing; governments come and go.",
            "Korean exports were discussed, and troops were not.",
        ],
    },
    Doc {
        title: "Un troisième Français mort dans le séisme au Népal",
        byline: Some("Sébastien Farcis"),
        source: Some("Libération"),
        date: Some((2015, 4, 30)),
        tags: &["monde"],
        lang: "fr",
        body: &["Les autorités françaises sont toujours sans nouvelles de l'avion."],
    },
    Doc {
        title: "宇航员在太空中喝酒会怎么样",
        byline: None,
        source: None,
        date: None,
        tags: &[],
        lang: "zh",
        body: &["宇航员在国际空间站上不能喝酒。"],
    },
    Doc {
        title: "Gardening in small spaces",
        byline: Some("Ann Green"),
        source: Some("BBC News"),
        date: Some((2024, 9, 3)),
        tags: &["home"],
        lang: "en",
        body: &["Korean troops are not mentioned here, but the north wall of the garden is.", "Grow herbs in pots."],
    },
];

fn corpus() -> Corpus {
    let articles = DOCS
        .iter()
        .enumerate()
        .map(|(i, d)| Article {
            slug: String::new(),
            title: d.title.into(),
            byline: d.byline.map(Into::into),
            source: d.source.map(Into::into),
            published: d.date.map(|(year, month, day)| Published { year, month, day, time: None }),
            url: None,
            tags: d.tags.iter().map(|t| t.to_string()).collect(),
            lang: d.lang.into(),
            blocks: d.body.iter().map(|t| Block::Paragraph(Text::plain(*t))).collect(),
            excerpt: d.body[0].into(),
            word_count: d.body.iter().map(|t| crate::tokenize::word_count(t) as u32).sum(),
            reading_minutes: 1,
            file: format!("{i}.md"),
            imported: Vec::new(),
            lenses: Default::default(),
        })
        .collect();
    Corpus::assemble(articles)
}

fn titles(corpus: &Corpus, results: &Results) -> Vec<String> {
    results.hits.iter().map(|h| corpus.articles[h.article].title.clone()).collect()
}

/// Searches with relevance order and no filters; `expected` lists title prefixes in
/// the order the hits must come.
fn check(query: &str, expected: &[&str]) {
    check_with(query, &Filters::default(), Sort::Relevance, expected);
}

fn check_with(query: &str, filters: &Filters, sort: Sort, expected: &[&str]) {
    let corpus = corpus();
    let got = titles(&corpus, &search(&corpus, query, filters, sort));
    let matches = got.len() == expected.len() && got.iter().zip(expected).all(|(g, e)| g.starts_with(e));
    assert!(matches, "query {query:?}: expected {expected:?}, got {got:?}");
}

#[test]
fn words_must_all_match() {
    check("korean troops ", &["Russia acknowledges", "Gardening", "Budget"]);
    check("kursk gerasimov ", &["Russia acknowledges"]);
    // No article has both: those with one of the two, marked as partial.
    check("kursk zelenskyy ", &["Zelenskyy visits", "Russia acknowledges"]);
    let corpus = corpus();
    let r = search(&corpus, "kursk zelenskyy ", &Filters::default(), Sort::Relevance);
    assert_eq!(
        r.partial,
        Some(Partial { matched: 1, of: 2, clauses: vec!["kursk".into(), "zelenskyy".into()], narrowed: false })
    );
    // Within a filter: the notice says so, and the counts stay disjunctive (CNN's article
    // with one of the words is still offered beside BBC's).
    let bbc = Filters::default().with(Facet::Source, &["BBC News"]);
    let r = search(&corpus, "kursk zelenskyy ", &bbc, Sort::Relevance);
    assert_eq!(titles(&corpus, &r), ["Zelenskyy visits Kyiv hospital"]);
    assert!(r.partial.as_ref().is_some_and(|p| p.narrowed));
    assert_eq!(r.facets.values[Facet::Source], [("BBC News".to_string(), 1), ("CNN".to_string(), 1)]);
    assert_eq!(search(&corpus, "kursk gerasimov ", &Filters::default(), Sort::Relevance).partial, None);
}

#[test]
fn title_matches_outrank_body_matches() {
    check("kyiv ", &["Zelenskyy visits"]);
    // Same body frequency: the shorter body (Budget) ranks first.
    check("troops ", &["Russia acknowledges", "Budget", "Gardening"]);
}

#[test]
fn the_last_word_is_a_prefix_while_typing() {
    check("ukr", &["Zelenskyy visits"]);
    check("ukr ", &[]);
    check("north kor", &["Russia acknowledges", "Gardening"]);
}

#[test]
fn folding_and_stemming() {
    check("seisme nepal ", &["Un troisième"]);
    check("autorite ", &["Un troisième"]);
    check("avion ", &["Un troisième"]);
    check("11000 ", &["Russia acknowledges"]);
    check("11,000 ", &["Russia acknowledges"]);
    // Exact before stemmed: "governments" is exact in Budget only, stemmed in both.
    check("governments ", &["Budget", "Zelenskyy visits"]);
}

#[test]
fn typos_are_tolerated_and_rank_below_exact() {
    check("goverment ", &["Zelenskyy visits", "Budget"]);
    check("Zelensky ", &["Zelenskyy visits"]);
    check("Gerasimv ", &["Russia acknowledges"]);
    check("kyev ", &["Zelenskyy visits"]);
    // Three letters: no typo allowed.
    check("kus ", &[]);
    check("kusk ", &["Russia acknowledges"]);
}

#[test]
fn phrases() {
    check("\"north korean\" ", &["Russia acknowledges"]);
    check("\"korean troops\"", &["Russia acknowledges", "Gardening"]);
    check("\"troops korean\"", &[]);
    check("kursk \"general staff\"", &["Russia acknowledges"]);
    // Blocks do not join into a phrase.
    check("\"putin more\"", &[]);
}

#[test]
fn exclusions() {
    check("korean troops -kursk ", &["Gardening", "Budget"]);
    check("troops -\"north korean\" ", &["Budget", "Gardening"]);
    check("troops -source:cnn -tag:politics ", &["Gardening"]);
    // Nothing to rank: newest first, undated last.
    check("-troops -korean", &["Zelenskyy visits", "Un troisième", "宇航员"]);
}

#[test]
fn or() {
    check("zelenskyy OR gerasimov ", &["Zelenskyy visits", "Russia acknowledges"]);
    check("nepal OR herbs drones OR pots", &["Gardening"]);
}

#[test]
fn fields() {
    check("title:troops ", &["Russia acknowledges"]);
    check("title:\"north korean\"", &["Russia acknowledges"]);
    check("author:doe ", &["Russia acknowledges", "Budget"]);
    check("byline:doe government ", &["Budget"]);
    // No text to rank: newest first.
    check("source:bbc ", &["Gardening", "Zelenskyy visits"]);
    check("source:\"bbc news\" kyiv ", &["Zelenskyy visits"]);
    check("tag:ukraine ", &["Russia acknowledges", "Zelenskyy visits"]);
    check("lang:fr", &["Un troisième"]);
    check("troops after:2024 ", &["Russia acknowledges", "Gardening"]);
    check("troops before:2025 ", &["Budget", "Gardening"]);
    check("troops after:2024-01-01 before:2024-12-31 ", &["Gardening"]);
    // An unknown field is plain text.
    check("colour:red ", &[]);
}

#[test]
fn cjk() {
    check("太空 ", &["宇航员"]);
    check("宇航员 ", &["宇航员"]);
    check("空间站", &["宇航员"]);
    check("喝", &["宇航员"]);
}

#[test]
fn browsing_filters_and_sorts() {
    let all = Filters::default();
    check_with("", &all, Sort::Newest, &["Russia", "Gardening", "Zelenskyy", "Budget", "Un troisième", "宇航员"]);
    check_with("", &all, Sort::Oldest, &["Un troisième", "Budget", "Zelenskyy", "Gardening", "Russia", "宇航员"]);
    check_with("", &all, Sort::Title, &["Budget", "Gardening", "Russia", "Un troisième", "Zelenskyy", "宇航员"]);
    check_with("", &all, Sort::Shortest, &["Un troisième", "宇航员", "Budget", "Zelenskyy", "Gardening", "Russia"]);
    // Budget and Zelenskyy have as many words: by title.
    check_with("", &all, Sort::Longest, &["Russia", "Gardening", "Budget", "Zelenskyy", "宇航员", "Un troisième"]);
    let bbc_or_cnn = Filters::default().with(Facet::Source, &["BBC News", "CNN"]);
    check_with("", &bbc_or_cnn, Sort::Newest, &["Russia", "Gardening", "Zelenskyy"]);
    let and_2024 = bbc_or_cnn.clone().with(Facet::Year, &["2024"]);
    check_with("", &and_2024, Sort::Newest, &["Gardening", "Zelenskyy"]);
    let range = Filters { from: Some((2024, 6, 1)), to: Some((2024, 9, 3)), ..Filters::default() };
    check_with("", &range, Sort::Oldest, &["Zelenskyy", "Gardening"]);
    let lang = Filters::default().with(Facet::Lang, &["fr-FR"]);
    check_with("", &lang, Sort::Newest, &["Un troisième"]);
    let unknown = Filters::default().with(Facet::Tag, &["nothing"]);
    check_with("", &unknown, Sort::Newest, &[]);
    assert_eq!(Sort::default_for(""), Sort::Newest);
    assert_eq!(Sort::default_for("-x after:2020"), Sort::Newest);
    assert_eq!(Sort::default_for("kyiv"), Sort::Relevance);
    for sort in Sort::ALL {
        assert_eq!(Sort::parse(sort.as_str()), Some(sort));
    }
}

#[test]
fn ties_break_by_date_then_title() {
    // "in" is in three titles; scores differ, but the same query twice is stable.
    let corpus = corpus();
    let a = search(&corpus, "grow OR promised OR discussed ", &Filters::default(), Sort::Relevance);
    let b = search(&corpus, "grow OR promised OR discussed ", &Filters::default(), Sort::Relevance);
    assert_eq!(a, b);
    check_with(
        "-zzz",
        &Filters::default(),
        Sort::Relevance,
        &["Russia", "Gardening", "Zelenskyy", "Budget", "Un troisième", "宇航员"],
    );
}

#[test]
fn facet_counts_are_disjunctive() {
    let corpus = corpus();
    let filters = Filters::default().with(Facet::Source, &["BBC News"]).with(Facet::Year, &["2024"]);
    let r = search(&corpus, "", &filters, Sort::Newest);
    assert_eq!(r.hits.len(), 2);
    // Sources ignore the source selection but apply the year: BBC 2, and no 2024 CNN.
    assert_eq!(r.facets.values[Facet::Source], [("BBC News".to_string(), 2)]);
    // Years ignore the year selection but apply the source.
    assert_eq!(r.facets.values[Facet::Year], [("2024".to_string(), 2)]);
    assert_eq!(r.facets.values[Facet::Tag], [("home".to_string(), 1), ("ukraine".to_string(), 1)]);
    let filters = Filters::default().with(Facet::Source, &["CNN"]);
    let r = search(&corpus, "troops ", &filters, Sort::Relevance);
    assert_eq!(
        r.facets.values[Facet::Source],
        [("BBC News".to_string(), 1), ("CNN".to_string(), 1), ("The Guardian".to_string(), 1)]
    );
    assert_eq!(r.facets.values[Facet::Lang], [("en".to_string(), 1)]);
    // A selected value with no articles still shows, with 0.
    let filters = Filters::default().with(Facet::Tag, &["absent"]);
    let r = search(&corpus, "", &filters, Sort::Newest);
    assert!(r.facets.values[Facet::Tag].contains(&("absent".to_string(), 0)));
}

#[test]
fn suggests_a_spelling_that_finds_something() {
    let corpus = corpus();
    let r = search(&corpus, "gadrn herbs", &Filters::default(), Sort::Relevance);
    // "herbs" alone finds Gardening; "garden herbs" finds it with both words.
    assert_eq!(r.partial.as_ref().map(|p| (p.matched, p.of)), Some((1, 2)));
    assert_eq!(r.suggestion.as_deref(), Some("garden herbs"));
    let r = search(&corpus, "gadrn", &Filters::default(), Sort::Relevance);
    assert!(r.hits.is_empty() && r.partial.is_none());
    assert_eq!(r.suggestion.as_deref(), Some("garden"));
    let r = search(&corpus, "kursk zelenskyy", &Filters::default(), Sort::Relevance);
    assert_eq!(r.suggestion, None);
    let r = search(&corpus, "kyiv", &Filters::default(), Sort::Relevance);
    assert_eq!(r.suggestion, None);
}

#[test]
fn details_give_ranges_and_an_excerpt() {
    let corpus = corpus();
    let r = search(&corpus, "korean troops ", &Filters::default(), Sort::Relevance);
    let a = &corpus.articles[r.hits[0].article];
    let d = details(&corpus, &r, &r.hits[0]);
    let marked: Vec<&str> = d.title_ranges.iter().map(|x| &a.title[x.clone()]).collect();
    assert_eq!(marked, ["Korean", "troops"]);
    let excerpt: Vec<&str> = d.excerpt.ranges.iter().map(|x| &d.excerpt.text[x.clone()]).collect();
    assert_eq!(excerpt, ["Korean", "troops"]);
    assert!(d.excerpt.text.contains("11,000"));
    // Without body matches the excerpt is the article's opening.
    let r = search(&corpus, "acknowledges ", &Filters::default(), Sort::Relevance);
    let d = details(&corpus, &r, &r.hits[0]);
    assert_eq!(d.excerpt.text, corpus.body(r.hits[0].article).unwrap().article.excerpt);
    assert!(d.excerpt.ranges.is_empty());
}

/// The excerpt of the only article of a corpus whose body is `body`, for `query`.
fn excerpt_of(body: &str, query: &str) -> Excerpt {
    let corpus = corpus_of(&[("T", "en", &[body])]);
    let r = search(&corpus, query, &Filters::default(), Sort::Relevance);
    details(&corpus, &r, &r.hits[0]).excerpt
}

#[test]
fn excerpts_center_on_the_densest_cluster() {
    let body =
        format!("{} kursk {} troops kursk troops {}", "alpha ".repeat(40), "beta ".repeat(40), "gamma ".repeat(40));
    let e = excerpt_of(&body, "kursk troops ");
    assert!(e.text.starts_with('…') && e.text.ends_with('…'));
    assert_eq!(e.ranges.len(), 3);
    assert_eq!(e.text.split_whitespace().count(), EXCERPT_WORDS);
    for r in &e.ranges {
        assert!(["kursk", "troops"].contains(&&e.text[r.clone()]));
    }
}

#[test]
fn excerpts_prefer_windows_with_more_distinct_words() {
    let body = format!(
        "{} the the the the the the {} the war began {}",
        "alpha ".repeat(40),
        "beta ".repeat(40),
        "gamma ".repeat(40)
    );
    let e = excerpt_of(&body, "the war ");
    assert!(e.ranges.iter().any(|r| &e.text[r.clone()] == "war"), "{}", e.text);
}

/// Quality on real articles. For each article, the query is the three title terms
/// with the highest IDF over the corpus (document frequency of the exact term in any
/// field; ties to the earlier term; numbers and one-letter terms left out), joined by
/// spaces with a trailing space. The article must be in the top 3 for 90% of them.
#[test]
fn distinctive_title_words_find_real_articles() {
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/fixtures/real");
    let entries = std::fs::read_dir(&root).expect("the real articles are in the repository");
    let mut articles = Vec::new();
    for entry in entries {
        let path = entry.unwrap().path();
        let name = path.to_string_lossy().into_owned();
        let Some(format) = crate::parse::Format::of_path(&name) else { continue };
        let bytes = std::fs::read(&path).unwrap();
        if let Ok(parsed) = crate::parse::parse(&name, format, &bytes) {
            articles.push(parsed.article);
        }
    }
    assert!(articles.len() >= 40, "the real corpus parses");
    let corpus = Corpus::assemble(articles);
    let index = &corpus.index;
    let mut found = 0;
    let mut misses = Vec::new();
    for (i, article) in corpus.articles.iter().enumerate() {
        let mut terms: Vec<(u32, usize, String)> = Vec::new();
        for (at, t) in crate::tokenize::terms(&article.title, &article.lang).into_iter().enumerate() {
            if t.term.chars().count() < 2 || t.term.chars().all(|c| c.is_numeric() || c == '.') {
                continue;
            }
            if terms.iter().any(|(_, _, seen)| *seen == t.term) {
                continue;
            }
            let df = index.exact(&t.term).map_or(0, |r| index.df(r));
            terms.push((df, at, t.term));
        }
        terms.sort();
        let query: String = terms.iter().take(3).map(|(_, _, t)| format!("{t} ")).collect();
        let results = search(&corpus, &query, &Filters::default(), Sort::Relevance);
        if results.hits.iter().take(3).any(|h| h.article == i) {
            found += 1;
        } else {
            misses.push(format!("{query:?} for {:?}", article.title));
        }
    }
    let share = found as f32 / corpus.articles.len() as f32;
    println!(
        "title-word queries: {found}/{} in the top 3 ({:.0}%); misses: {misses:#?}",
        corpus.articles.len(),
        share * 100.0
    );
    assert!(share >= 0.9, "only {found}/{} found; misses: {misses:#?}", corpus.articles.len());
}

/// One data-driven test per ranking rule: articles as (title, body), a query, and the
/// titles in the order the rule puts them, where every later rule would order them the
/// other way.
fn ranked(articles: &[(&str, &str)], query: &str) -> Vec<String> {
    let articles: Vec<(&str, &str, &[&str])> =
        articles.iter().map(|(title, body)| (*title, "en", std::slice::from_ref(body))).collect();
    let corpus = corpus_of(&articles);
    titles(&corpus, &search(&corpus, query, &Filters::default(), Sort::Relevance))
}

#[test]
fn rule_words_more_of_an_or_first() {
    // B has "herbs" in its title and twice in a short body; A has both words of the OR.
    let got = ranked(
        &[("B", "herbs herbs"), ("A", "herbs and pots, in a much longer body of text about a garden")],
        "herbs OR pots ",
    );
    assert_eq!(got, ["A", "B"]);
    // Partial matches: two of three words beat one, whatever else.
    let got = ranked(
        &[("One", "alpha alpha alpha"), ("Two", "a long body with alpha and then beta at its end")],
        "alpha beta gamma ",
    );
    assert_eq!(got, ["Two"], "only the articles with the most words");
}

#[test]
fn rule_typo_fewer_typos_first() {
    // "gardan" is one edit from "garden" (A, once, in a long body) and exact in B's title.
    let long = format!("{} garden {}", "words ".repeat(60), "more ".repeat(60));
    assert_eq!(ranked(&[("Gardan", "gardan gardan"), ("A", &long)], "garden "), ["A", "Gardan"]);
    // A stem of an unknown word ranks after its corrections: "throughly" stems to
    // "through"; "thoroughly" is one edit away.
    let got = ranked(
        &[("Through", "through through through"), ("Clean", "cleaned thoroughly once in a long text")],
        "throughly ",
    );
    assert_eq!(got, ["Clean", "Through"]);
}

#[test]
fn rule_exactness_as_typed_then_stem_then_prefix() {
    let long = format!("{} troop {}", "words ".repeat(80), "more ".repeat(80));
    let got = ranked(&[("Troopers", "troopers"), ("Troops", "troops troops"), ("Long", &long)], "troop");
    assert_eq!(got, ["Long", "Troops", "Troopers"]);
    // Typing "javas": completions of it before a term one edit away that is also its stem.
    let got = ranked(
        &[("Java", "java java java"), ("Script", "a long text that mentions javascript only once here")],
        "javas",
    );
    assert_eq!(got, ["Script", "Java"]);
}

#[test]
fn rule_proximity_words_together_first() {
    let far =
        format!("north {} korea north korea", "filler ".repeat(20)).replace(" north korea", " north filler korea");
    let got = ranked(
        &[("Far", &far), ("Near", "a longer body that says north korea once and nothing else of note")],
        "north korea ",
    );
    assert_eq!(got, ["Near", "Far"]);
    // In order before reversed.
    let got = ranked(&[("Reversed", "korea north"), ("Ordered", "the north korea of a longer body")], "north korea ");
    assert_eq!(got, ["Ordered", "Reversed"]);
}

#[test]
fn rule_attribute_title_before_body() {
    let got = ranked(
        &[("Body", "kyiv kyiv kyiv"), ("Kyiv today", "a longer body that does not name the city at all")],
        "kyiv ",
    );
    assert_eq!(got, ["Kyiv today", "Body"]);
}

#[test]
fn rule_bm25_decides_what_is_left() {
    let got = ranked(&[("Once", "kyiv and a much longer body of many other words"), ("Twice", "kyiv kyiv")], "kyiv ");
    assert_eq!(got, ["Twice", "Once"]);
}

#[test]
fn the_excerpt_comes_from_the_block_with_the_densest_matches() {
    let mut blocks: Vec<String> =
        (0..200).map(|i| format!("Paragraph {i} of filler words about nothing much.")).collect();
    blocks[20] = "Only troops here.".into();
    blocks[150] = "Here the north korean troops stand, and the korean border.".into();
    let paragraphs: Vec<&str> = blocks.iter().map(String::as_str).collect();
    let corpus = corpus_of(&[("T", "en", &paragraphs)]);
    for query in ["korean troops ", "\"north korean\" ", "troops kor"] {
        let r = search(&corpus, query, &Filters::default(), Sort::Relevance);
        let e = details(&corpus, &r, &r.hits[0]).excerpt;
        assert!(e.text.starts_with("Here the north korean troops"), "{query:?}: {}", e.text);
        assert!(!e.ranges.is_empty(), "{query:?}: marks in the excerpt");
    }
    // A title-only match shows the opening.
    let r = search(&corpus, "title:t ", &Filters::default(), Sort::Relevance);
    assert_eq!(details(&corpus, &r, &r.hits[0]).excerpt.text, corpus.articles[0].excerpt);
}

#[test]
fn a_search_reads_only_the_shards_it_plans_and_finds_what_the_whole_index_finds() {
    use crate::codec;
    // A dictionary shard per first character, postings chunks of about 12 bytes.
    let whole =
        Corpus::assemble_sharded((0..DOCS.len()).map(|n| corpus().body(n).unwrap().article.clone()).collect(), 1, 12);
    let mut written = whole.clone();
    written.files.shards = (0..whole.index.shard_count()).map(|i| i.to_string()).collect();
    written.files.bodies = (0..whole.articles.len() as u32).collect();
    let decoded = codec::decode_first(&codec::encode_first(&written)).unwrap();
    let query = "ukrane \"north korean\" -garden";
    let first = plan(&decoded, query).missing;
    let mut want: Vec<usize> =
        ["ukrane", "north", "korean", "garden"].map(|w| whole.index.shard_of(w).unwrap()).to_vec();
    want.sort();
    want.dedup();
    assert_eq!(first, want);
    assert!(plan(&whole, query).missing.is_empty(), "assembled natively, every shard is there");
    for s in first {
        assert!(decoded.index.install(s, whole.index.shard(s).unwrap().clone()));
    }
    // Then the postings chunks of the terms the words expand to.
    let planned = plan(&decoded, query);
    let chunks = planned.missing.clone();
    assert!(!chunks.is_empty() && chunks.iter().all(|s| !want.contains(s)), "{chunks:?} after {want:?}");
    assert!(chunks.len() < whole.index.shard_count() - want.len(), "not every chunk");
    for s in chunks {
        assert!(decoded.index.install(s, whole.index.shard(s).unwrap().clone()));
    }
    assert!(plan(&decoded, query).missing.is_empty());
    let filters = Filters::default();
    let got = search(&decoded, query, &filters, Sort::Relevance);
    let want = search(&whole, query, &filters, Sort::Relevance);
    assert!(!want.hits.is_empty());
    assert_eq!(titles(&decoded, &got), titles(&whole, &want));
    // A plan made while its chunks were on their way evaluates the same once they are here.
    assert_eq!(search_planned(&decoded, &planned, &filters, Sort::Relevance), got);
    // Until a body arrives, a result has its title marks and no excerpt.
    let hit = &got.hits[0];
    let early = details(&decoded, &got, hit);
    assert_eq!(
        (early.title_ranges, early.excerpt),
        (details(&whole, &want, &want.hits[0]).title_ranges, Excerpt::default())
    );
    assert!(decoded.install_body(hit.article, whole.body(hit.article).unwrap().clone()));
    assert_eq!(details(&decoded, &got, hit), details(&whole, &want, &want.hits[0]));
}

#[test]
fn neighbours_are_the_hits_around_an_article() {
    let corpus = corpus();
    for (q, filters, sort) in [
        ("troops ", Filters::default(), Sort::Relevance),
        ("", Filters::default(), Sort::Newest),
        ("", Filters::default().with(Facet::Source, &["BBC News", "CNN"]), Sort::Oldest),
        ("kursk zelenskyy ", Filters::default(), Sort::Relevance),
    ] {
        let hits: Vec<usize> = search(&corpus, q, &filters, sort).hits.iter().map(|h| h.article).collect();
        assert!(!hits.is_empty(), "{q:?}");
        for article in 0..corpus.articles.len() {
            let found = neighbours(&corpus, q, &filters, sort, article);
            match hits.iter().position(|&h| h == article) {
                None => assert_eq!(found, None),
                Some(position) => assert_eq!(
                    found,
                    Some(Neighbours {
                        previous: position.checked_sub(1).map(|i| hits[i]),
                        next: hits.get(position + 1).copied(),
                        position,
                        total: hits.len(),
                    }),
                    "{q:?} article {article}"
                ),
            }
        }
    }
}
