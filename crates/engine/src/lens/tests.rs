//! Tests of the lens rules, one behaviour each, and of the spans' soundness on hostile
//! text. The labelled set's scores are guarded in `crates/indexer/tests/lenses.rs`.

use proptest::prelude::*;

use super::*;
use crate::article::Article;
use crate::parse::{self, Format};
use crate::test_inputs::hostile;

/// An article of `body` in `lang`: plain text, one paragraph a line, as the seed is.
fn article(body: &str, lang: &str) -> Article {
    let text = format!("---\ntitle: T\nlang: {lang}\n---\n{body}\n");
    parse::parse("a.txt", Format::Text, text.as_bytes()).expect("parses").article
}

fn names(body: &str) -> Vec<(NameKind, String, Vec<String>)> {
    article(body, "en").lenses.names.into_iter().map(|n| (n.kind, n.name, n.aliases)).collect()
}

fn has(body: &str, kind: NameKind, name: &str) -> bool {
    names(body).iter().any(|(k, n, _)| *k == kind && n == name)
}

const SEED: &str = include_str!("../../../../seeds/000_6567a31e3247bcbb.txt");

#[test]
fn surnames_join_the_full_name_and_titles_are_left_out() {
    let found = names(SEED);
    let zelenskyy = found.iter().find(|(_, n, _)| n == "Volodymyr Zelenskyy").expect("Zelenskyy is found");
    assert_eq!(zelenskyy.0, NameKind::Person);
    assert_eq!(zelenskyy.2, ["Zelenskyy"]);
    assert!(has(SEED, NameKind::Person, "Vladimir Putin"), "President is a title: {found:?}");
    assert!(has(SEED, NameKind::Person, "Pope Francis"), "a one-word name keeps its regnal title");
    assert!(has(SEED, NameKind::Person, "Donald Trump"), "the Trump administration is Trump's");
    assert!(!found.iter().any(|(_, n, _)| n == "President" || n == "Shortly" || n == "Trump administration"));
}

#[test]
fn demonyms_and_other_names_are_their_country() {
    let found = names(SEED);
    let korea = found.iter().find(|(_, n, _)| n == "North Korea").expect("North Korea");
    assert_eq!(korea.0, NameKind::Place);
    assert!(korea.2.iter().any(|a| a == "North Korean"), "{korea:?}");
    assert!(korea.2.iter().any(|a| a.starts_with("Democratic People")), "{korea:?}");
    assert!(has(SEED, NameKind::Place, "Kursk"), "the Kursk region");
    assert!(has(SEED, NameKind::Org, "Kremlin"));
    assert!(has(SEED, NameKind::Org, "White House"));
}

#[test]
fn organisation_words_make_organisations() {
    let body = "Officials at the Ministry of Defence met the Council on Foreign Relations. \
                Australian Federal Police Commissioner Andrew Colvin said little.";
    assert!(has(body, NameKind::Org, "Ministry of Defence"), "{:?}", names(body));
    assert!(has(body, NameKind::Org, "Council on Foreign Relations"), "{:?}", names(body));
    assert!(has(body, NameKind::Org, "Australian Federal Police"), "{:?}", names(body));
    assert!(has(body, NameKind::Person, "Andrew Colvin"), "{:?}", names(body));
}

#[test]
fn ordinary_capitals_are_not_names() {
    let body = "The report was released on Monday. However, Critics said it was late. \
                In March, the Data Retention Bill passed. The Bill was debated.";
    assert!(names(body).is_empty(), "{:?}", names(body));
}

#[test]
fn a_word_of_the_text_does_not_make_a_heading_a_name() {
    let body = "Vidyard Launches New Tools and Features for Businesses\n\
                Vidyard announced updates to its platform yesterday, and the company said it would grow.\n\
                Key changes to the platform of Vidyard include a new integration with the rest of them.";
    let found = names(body);
    assert!(!found.iter().any(|(_, n, _)| n.contains("Launches")), "{found:?}");
}

#[test]
fn a_surname_goes_to_the_person_named_last_before_it() {
    let body = "Hori Parata spoke first. His son, Te Kaurinui Parata, spoke next. \
                Parata said it was hard. Hori Parata left. Later Parata returned.";
    let lenses = article(body, "en").lenses;
    let count = |name: &str| lenses.names.iter().find(|n| n.name == name).map_or(0, |n| n.mentions);
    assert_eq!(count("Te Kaurinui Parata"), 2, "{:?}", lenses.names);
    assert_eq!(count("Hori Parata"), 3, "{:?}", lenses.names);
}

fn speakers(body: &str) -> Vec<(String, Option<String>)> {
    let article = article(body, "en");
    let texts = article.texts();
    let lenses = &article.lenses;
    lenses
        .spans
        .iter()
        .filter(|s| matches!(s.kind, SpanKind::Quote { .. }))
        .map(|s| {
            let text = texts[s.text as usize].text[s.start as usize..s.end as usize].to_string();
            (text, lenses.speaker(s).map(|n| n.name.clone()))
        })
        .collect()
}

#[test]
fn quotes_get_the_speaker_the_sentence_names() {
    let found = speakers(SEED);
    let speaker_of = |start: &str| {
        found.iter().find(|(t, _)| t.trim_start_matches('“').starts_with(start)).and_then(|(_, s)| s.clone())
    };
    assert_eq!(speaker_of("I would like").as_deref(), Some("Valery Gerasimov"), "after, past an apposition");
    assert_eq!(speaker_of("significant").as_deref(), Some("Valery Gerasimov"), "before: Gerasimov added");
    assert_eq!(speaker_of("the full defeat").as_deref(), Some("Vladimir Putin"), ", adding: the subject");
    assert_eq!(speaker_of("very productive").as_deref(), Some("White House"), "the name before the verb");
    assert_eq!(speaker_of("A good meeting").as_deref(), Some("Volodymyr Zelenskyy"));
    assert_eq!(speaker_of("believed to").as_deref(), None, "no one is named");
}

#[test]
fn told_names_who_heard_it_and_pronouns_go_back() {
    let body = "Maria Lopez arrived. “It is over,” she said. \
                The army turned on \"criminals\" in his circle, a source told Reuters.";
    let found = speakers(body);
    assert_eq!(found[0].1.as_deref(), Some("Maria Lopez"), "{found:?}");
    assert_eq!(found[1].1, None, "{found:?}");
}

#[test]
fn figures_hold_their_number_and_what_it_counts() {
    let article = article(SEED, "en");
    let texts = article.texts();
    let figures: Vec<&str> = article
        .lenses
        .spans
        .iter()
        .filter(|s| s.kind == SpanKind::Figure)
        .map(|s| &texts[s.text as usize].text[s.start as usize..s.end as usize])
        .collect();
    for expected in [
        "more than 11,000 North Korean troops",
        "3,000 troops",
        "three years ago",
        "Saturday",
        "between January and February",
        "last summer",
    ] {
        assert!(figures.contains(&expected), "{expected:?} in {figures:?}");
    }
}

#[test]
fn articles_not_in_english_get_no_lenses() {
    let french = "Le président Emmanuel Macron a déclaré à Paris que « la France est prête », selon Le Monde.";
    assert_eq!(article(french, "fr").lenses, Lenses::default());
    // Tagged English but written in another language: no lens either.
    assert_eq!(article(&format!("{french} {french}"), "en").lenses, Lenses::default());
}

#[test]
fn unify_gives_a_lone_surname_the_corpus_full_name() {
    let filler = "The plan of the week was on the table, and the rest of them agreed with it in the end.";
    let mut articles = vec![
        article(&format!("President Donald Trump spoke. Trump left. {filler}"), "en"),
        article(&format!("On Tuesday, Trump said no. {filler}"), "en"),
    ];
    assert_eq!(articles[1].lenses.names[0].name, "Trump");
    unify(&mut articles);
    assert!(articles[1]
        .lenses
        .names
        .iter()
        .any(|n| n.name == "Donald Trump" && n.aliases.contains(&"Trump".to_string())));
}

/// Every span is on character boundaries of its text block, sorted, and kept apart from
/// others of its layer; every name index is valid.
fn check(article: &Article) -> Result<(), TestCaseError> {
    let texts = article.texts();
    let lenses = &article.lenses;
    let mut last_end: std::collections::HashMap<(u32, u8), u32> = Default::default();
    let mut previous = (0, 0);
    for s in &lenses.spans {
        let text = &texts.get(s.text as usize).ok_or_else(|| TestCaseError::fail("no such text"))?.text;
        prop_assert!(s.start < s.end && text.get(s.start as usize..s.end as usize).is_some(), "{s:?} in {text:?}");
        prop_assert!((s.text, s.start) >= previous, "sorted");
        previous = (s.text, s.start);
        let layer = match s.kind {
            SpanKind::Name(i) => {
                prop_assert!((i as usize) < lenses.names.len());
                0
            }
            SpanKind::Quote { speaker } => {
                prop_assert!(speaker.is_none_or(|i| (i as usize) < lenses.names.len()));
                1
            }
            SpanKind::Figure => 2,
        };
        let end = last_end.entry((s.text, layer)).or_insert(0);
        prop_assert!(s.start >= *end, "{s:?} overlaps its layer");
        *end = s.end;
    }
    Ok(())
}

#[test]
fn the_seed_spans_are_sound() {
    check(&article(SEED, "en")).unwrap();
}

proptest! {
    #[test]
    fn extraction_never_panics_and_spans_are_sound(
        body in prop_oneof!["\\PC{0,300}", "([A-Z][a-z]{1,6}|said|“|”|\"|the|of|[0-9,]{1,6}|March|,|\\.| ){0,60}", hostile()],
    ) {
        let text = format!("{body} the of and to in is that for it was on with as said by at the of and to.");
        if let Ok(parsed) = parse::parse("a.txt", Format::Text, text.as_bytes()) {
            check(&parsed.article)?;
        }
    }
}

/// An article titled `title` (dated `title` when it is a date) whose body is `body` and a
/// sentence of function words (so that it reads as English).
fn news(title: &str, body: &str) -> Article {
    let date = if title.starts_with("20") { format!("date: {title}\n") } else { String::new() };
    let text = format!("---\ntitle: {title}\n{date}---\n{body} The rest of the plan was on the table, and all of them agreed with it in the end.\n");
    parse::parse(&format!("{title}.txt"), Format::Text, text.as_bytes()).expect("parses").article
}

#[test]
fn a_name_page_lists_its_articles_newest_first_and_its_companions() {
    let corpus = crate::corpus::Corpus::assemble(vec![
        news("2020-01-01", "President Vladimir Putin met officials in Moscow."),
        news("2024-05-01", "President Vladimir Putin spoke in Moscow with Valery Gerasimov, the chief of staff."),
        news("2022-03-01", "Valery Gerasimov, the chief of staff, was in Kyiv."),
    ]);
    let facets = &corpus.index.facets;
    let putin = page::by_slug(facets, "vladimir-putin").expect("Putin has a page");
    assert_eq!(putin.facet, crate::facet::Facet::Person);
    assert_eq!(page::name_of(facets, putin), "Vladimir Putin");
    let about = page::articles_naming(facets, putin);
    let titles: Vec<&str> = about.iter().map(|&n| corpus.articles[n].title.as_str()).collect();
    assert_eq!(titles, ["2024-05-01", "2020-01-01"]);
    let companions: Vec<(String, usize)> = page::companions(facets, putin, &about, 5)
        .into_iter()
        .map(|(id, n)| (page::name_of(facets, id).to_string(), n))
        .collect();
    assert_eq!(companions, [("Moscow".to_string(), 2), ("Valery Gerasimov".to_string(), 1)]);
    assert_eq!(page::by_name(facets, NameKind::Place, "Kyiv").map(|id| id.facet), Some(crate::facet::Facet::Place));
    assert_eq!(page::by_name(facets, NameKind::Person, "Kyiv"), None);
    assert_eq!(page::by_slug(facets, "nobody"), None);
}

#[test]
fn a_name_page_quotes_what_the_article_gives_the_name() {
    let seed = article(SEED, "en");
    let putin = page::quotes_in(&seed, "Vladimir Putin");
    assert!(putin.iter().any(|q| q.contains("the full defeat of the enemy")), "{putin:?}");
    assert!(!putin.iter().any(|q| q.contains("A good meeting")), "Zelenskyy's words are not Putin's");
    assert!(page::quotes_in(&seed, "Volodymyr Zelenskyy").iter().any(|q| q.contains("A good meeting")));
    assert!(page::quotes_in(&seed, "Kyiv").is_empty());
}

#[test]
fn a_search_names_the_names_it_spells() {
    let corpus = crate::corpus::Corpus::assemble(vec![
        news("One", "President Vladimir Putin spoke in Moscow. Vladimir Putin left."),
        news("Two", "President Vladimir Putin spoke in Moscow with Valery Gerasimov, the chief of staff."),
        news("Three", "Valery Gerasimov, the chief of staff, was in Kyiv with Vladislav Surkov, the aide."),
    ]);
    let facets = &corpus.index.facets;
    let named = |input: &str| -> Vec<(String, usize)> {
        page::named_by(facets, input, 5).into_iter().map(|(id, n)| (page::name_of(facets, id).to_string(), n)).collect()
    };
    let putin = [("Vladimir Putin".to_string(), 2)];
    assert_eq!(named("putin"), putin, "a surname");
    assert_eq!(named("Vladimir Pu"), putin, "the last word as a prefix while typed");
    assert_eq!(named("PUTIN "), putin);
    assert_eq!(named("vladimir pu "), [], "a finished word is whole");
    assert_eq!(named("putin moscow"), [], "every word in one name");
    assert_eq!(named("mos"), [("Moscow".to_string(), 2)]);
    assert_eq!(named("v"), [], "too short to offer names");
    assert_eq!(named("va"), [], "too short to offer names");
    assert_eq!(named("val"), [("Valery Gerasimov".to_string(), 2)]);
    assert_eq!(named("title:putin"), [], "a field asks something else");
    assert_eq!(named("putin OR kyiv"), []);
    assert_eq!(named("-putin"), []);
    assert_eq!(named("\"vladimir putin\""), []);
    assert_eq!(
        named("vla"),
        [("Vladimir Putin".to_string(), 2), ("Vladislav Surkov".to_string(), 1)],
        "the most written about first"
    );
    assert_eq!(page::named_by(facets, "vla", 1).len(), 1, "at most the limit");
}

#[test]
fn names_are_facets_and_query_filters() {
    use crate::facet::Facet;
    use crate::search::{search, Filters, Sort};
    let corpus = crate::corpus::Corpus::assemble(vec![
        news("One", "President Vladimir Putin spoke at the Kremlin about Ukraine."),
        news("Two", "Valery Gerasimov, the chief of staff, was in Kyiv."),
    ]);
    let titles = |query: &str, filters: &Filters| -> Vec<String> {
        search(&corpus, query, filters, Sort::Title)
            .hits
            .iter()
            .map(|h| corpus.articles[h.article].title.clone())
            .collect()
    };
    assert_eq!(titles("person:putin", &Filters::default()), ["One"]);
    assert_eq!(titles("place:kyiv", &Filters::default()), ["Two"]);
    assert_eq!(titles("org:kremlin", &Filters::default()), ["One"]);
    assert_eq!(titles("person:\"valery gerasimov\"", &Filters::default()), ["Two"]);
    let mut people = Filters::default();
    people.values[Facet::Person] = vec!["Valery Gerasimov".into()];
    assert_eq!(titles("", &people), ["Two"]);
    let facets = search(&corpus, "", &Filters::default(), Sort::Title).facets;
    assert!(facets.values[Facet::Person].iter().any(|(v, n)| v == "Vladimir Putin" && *n == 1), "{:?}", facets.values);
}

#[test]
fn facets_hold_the_names_an_article_is_about() {
    use crate::facet::Facet;
    let body = "Valery Gerasimov, the chief of staff, was in Kyiv.\nThe talks went on for the rest of the week and the plan was on the table.\n\
                Nothing was agreed with them, and it was in the end a long week.\nLater, Maria Lopez, the mayor, spoke.\nGerasimov left Kyiv.";
    let article = article(body, "en");
    assert!(article.lenses.names.iter().any(|n| n.name == "Maria Lopez"), "found in the lenses");
    assert_eq!(Facet::Person.values_of(&article), ["Valery Gerasimov"], "named twice; Maria Lopez once, past the lede");
    assert_eq!(Facet::Place.values_of(&article), ["Kyiv"]);
}
