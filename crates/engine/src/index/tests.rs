//! Tests of the index: building, shards and chunks, look-ups, facets, encoding.

use super::*;
use crate::article::{Article, Block, Published, Text};
use crate::facet::Facet;

fn article(title: &str, lang: &str, body: &[&str]) -> Article {
    Article {
        slug: String::new(),
        title: title.into(),
        byline: Some("Jane Doe".into()),
        source: Some("CNN".into()),
        published: Some(Published { year: 2025, month: 4, day: 26, time: None }),
        url: None,
        tags: vec!["war".into(), "russia".into()],
        lang: lang.into(),
        blocks: body.iter().map(|t| Block::Paragraph(Text::plain(*t))).collect(),
        excerpt: String::new(),
        word_count: 0,
        reading_minutes: 1,
        file: String::new(),
        imported: Vec::new(),
        lenses: Default::default(),
    }
}

fn articles() -> Vec<Article> {
    vec![
        article("Troops in Kursk", "en", &["Russian troops advanced.", "Troops rested in Kursk."]),
        article("Les troupes", "fr", &["Les autorités françaises", "l'avion"]),
    ]
}

fn sample() -> Index {
    Index::build(&articles()).0
}

#[test]
fn shards_cut_by_first_character_and_answer_once_installed() {
    // A dictionary shard per first character, and all postings in one chunk.
    let (index, starts) = Index::build_sharded(&articles(), 1, usize::MAX);
    assert_eq!(starts[0], vec![0, 3 + BLOCK_GAP]);
    // The first shard starts at 0 and holds the a-words.
    let starts: String = index.shard_starts.iter().filter_map(|&c| char::from_u32(c)).collect();
    assert_eq!(starts, "\0dfijklrt");
    assert_eq!(index.shard_count(), starts.chars().count() + 1);
    assert_eq!(index.shard_of("troupes"), index.shard_of("troops"));
    assert_ne!(index.shard_of("kursk"), index.shard_of("troops"));
    // Decoded, nothing is installed: every look-up misses until its shard arrives.
    let mut decoded: Index = postcard::from_bytes(&postcard::to_allocvec(&index).unwrap()).unwrap();
    decoded.expect_shards();
    let copy =
        |s: usize| -> Shard { postcard::from_bytes(&postcard::to_allocvec(index.shard(s).unwrap()).unwrap()).unwrap() };
    assert_eq!(decoded.exact("troops"), None);
    assert!(decoded.prefixed("tr", 5).is_empty() && decoded.fuzzy("trops", 1, 5).is_empty());
    let t = index.shard_of("troops").unwrap();
    let mut both = vec![t, index.shard_of("kursk").unwrap()];
    both.sort();
    assert_eq!(decoded.missing(["troops", "troupes", "kursk"]), both);
    assert!(decoded.install(t, copy(t)));
    assert!(!decoded.install(t, copy(t)), "a shard is installed once");
    assert!(!decoded.install(99, Shard::default()));
    assert_eq!(decoded.missing(["troops"]), Vec::<usize>::new());
    assert_eq!(decoded.prefixed("tr", 10).len(), 2);
    // The dictionary knows the term and its frequency; its postings wait for their chunk.
    let troops = decoded.exact("troops").unwrap();
    assert_eq!(decoded.df(troops), 1);
    assert_eq!(decoded.stem_variants("troop"), vec![troops]);
    assert_eq!(decoded.postings(troops).count(), 0);
    let chunk = decoded.missing_postings([troops]);
    assert_eq!(chunk, [index.shard_count() - 1]);
    assert!(decoded.install(chunk[0], copy(chunk[0])));
    assert_eq!(decoded.missing_postings([troops]), Vec::<usize>::new());
    let postings: Vec<Posting> = decoded.postings(troops).collect();
    assert_eq!(decoded.positions(&postings[0]), [vec![0], vec![], vec![1, 3 + BLOCK_GAP]]);
    assert_eq!(decoded.exact("kursk"), None);
    // Small corpora come as one dictionary shard and one chunk.
    assert_eq!(sample().shard_count(), 2);
    assert_eq!(Index::build(&[]).0.shard_count(), 1);
}

#[test]
fn postings_come_in_chunks_and_a_heavy_term_has_one_of_its_own() {
    // `jane` and `doe` (the byline of both articles) weigh 10 bytes, `troops` 7.
    let (index, _) = Index::build_sharded(&articles(), SHARD_TERMS, 10);
    let chunk = |term: &str| index.entry(index.exact(term).unwrap()).1;
    assert_eq!(index.shard_count(), 1 + index.chunks as usize);
    assert!(index.chunks > 3);
    assert_ne!(chunk("doe"), chunk("jane"));
    assert_ne!(chunk("doe"), chunk("francaises"));
    // Terms share chunks, in dictionary order.
    assert_eq!(chunk("advanced"), chunk("autorites"));
    let doe: Vec<Posting> = index.postings(index.exact("doe").unwrap()).collect();
    assert_eq!(doe.iter().map(|p| (p.doc, p.tf)).collect::<Vec<_>>(), [(0, [0, 1, 0]), (1, [0, 1, 0])]);
    assert_eq!(index.positions(&doe[1]), [vec![], vec![1], vec![]]);
    let troops: Vec<Posting> = index.postings(index.exact("troops").unwrap()).collect();
    assert_eq!(index.positions(&troops[0]), [vec![0], vec![], vec![1, 3 + BLOCK_GAP]]);
}

#[test]
fn postings_keep_fields_and_positions() {
    let index = sample();
    let troops = index.exact("troops").unwrap();
    assert_eq!(index.df(troops), 1);
    let postings: Vec<Posting> = index.postings(troops).collect();
    assert_eq!(postings.len(), 1);
    assert_eq!(postings[0].tf, [1, 0, 2]);
    // "Russian troops advanced." is 3 terms, then the gap, then "Troops".
    assert_eq!(index.positions(&postings[0]), [vec![0], vec![], vec![1, 3 + BLOCK_GAP]]);
    let kursk: Vec<Posting> = index.postings(index.exact("kursk").unwrap()).collect();
    assert_eq!(index.positions(&kursk[0]), [vec![2], vec![], vec![3 + BLOCK_GAP + 3]]);
    let doe: Vec<Posting> = index.postings(index.exact("doe").unwrap()).collect();
    assert_eq!(doe.iter().map(|p| (p.doc, p.tf)).collect::<Vec<_>>(), [(0, [0, 1, 0]), (1, [0, 1, 0])]);
    assert_eq!(index.field_len(0, Field::Body), 7);
    assert_eq!(index.field_len(1, Field::Title), 2);
}

#[test]
fn dictionary_answers_prefix_fuzzy_and_stem_lookups() {
    let index = sample();
    let names = |v: Vec<(String, TermRef)>| v.into_iter().map(|(t, _)| t).collect::<Vec<_>>();
    assert_eq!(names(index.prefixed("tr", 10)), ["troops", "troupes"]);
    assert_eq!(names(index.prefixed("tr", 1)).len(), 1);
    assert_eq!(names(index.fuzzy("kursks", 1, 10)), ["kursk"]);
    assert_eq!(names(index.fuzzy("trops", 1, 10)), ["troops"]);
    let troop = index.stem_variants("troop");
    assert_eq!(troop, vec![index.exact("troops").unwrap()]);
    // French stems come from French articles only.
    assert!(index.stem_variants("autorite").contains(&index.exact("autorites").unwrap()));
    assert!(index.exact("avion").is_some());
}

#[test]
fn facets_are_interned() {
    let index = sample();
    let f = &index.facets;
    assert_eq!(f.values[Facet::Lang], ["en", "fr"]);
    assert_eq!(f.values[Facet::Tag], ["russia", "war"]);
    assert_eq!(f.docs[1].values[Facet::Lang], [1]);
    assert_eq!(f.docs[0].values[Facet::Tag], [0, 1]);
    assert_eq!(f.values[Facet::Year][f.docs[0].values[Facet::Year][0] as usize], "2025");
    assert_eq!(f.id(Facet::Tag, "war"), Some(1));
    assert_eq!(index.facets.docs[0].title_rank, 1);
}

#[test]
fn round_trips_through_postcard() {
    let index = sample();
    let mut back: Index = postcard::from_bytes(&postcard::to_allocvec(&index).unwrap()).unwrap();
    back.expect_shards();
    for s in 0..index.shard_count() {
        let shard = postcard::from_bytes(&postcard::to_allocvec(index.shard(s).unwrap()).unwrap()).unwrap();
        assert!(back.install(s, shard));
    }
    assert_eq!(back, index);
    assert_eq!(back.prefixed("kur", 5).len(), 1);
}
