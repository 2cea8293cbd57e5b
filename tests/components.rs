//! Component tests in a real headless Chromium (wasm-bindgen-test): the pieces that turn
//! engine ranges into `<mark>`s render text as text, mark exactly the ranges, and never
//! trust ranges that are out of bounds or split a character; the news lenses layer with
//! them (names as links with their card, quotes with their speaker, figures), by the same
//! rule; a crash shows an error view.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use lectern::components::article_body::{ArticleBody, ArticleBodyProps};
use lectern::components::marked_text::{Marked, MarkedProps};
use lectern::corpus::ArticleRef;
use lectern::engine::article::{Article, Block, Inline, Text};
use lectern::engine::lens::{Lenses, Name, NameKind, Span, SpanKind};
use lectern::state::lenses::{layers, LensSet, Mention, NameCard};
use lectern::state::marks::BlockMarks;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element to render into.
fn root() -> Element {
    let document = gloo::utils::document();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Lets Yew's scheduler run the render.
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(10)).await;
}

/// An English article with these blocks, alive for the whole test run.
fn article(blocks: Vec<Block>) -> &'static Article {
    Box::leak(Box::new(Article {
        slug: "a".into(),
        title: "A".into(),
        lang: "en".into(),
        blocks,
        reading_minutes: 1,
        file: "a.md".into(),
        ..Article::default()
    }))
}

fn marks(root: &Element) -> Vec<String> {
    let nodes = root.query_selector_all("mark").unwrap();
    (0..nodes.length()).map(|i| nodes.item(i).unwrap().text_content().unwrap_or_default()).collect()
}

#[wasm_bindgen_test]
async fn marked_marks_exactly_the_ranges_and_escapes_text() {
    let root = root();
    let text = "<b>Kyiv</b> and Kyïv — 11,000";
    let kyiv = text.find("Kyiv").unwrap();
    let kyiv2 = text.find("Kyïv").unwrap();
    let props = MarkedProps { text: text.into(), ranges: vec![kyiv..kyiv + 4, kyiv2..kyiv2 + "Kyïv".len()] };
    yew::Renderer::<Marked>::with_root_and_props(root.clone(), props).render();
    settle().await;
    assert_eq!(marks(&root), ["Kyiv", "Kyïv"]);
    assert_eq!(root.text_content().unwrap(), text, "markup in the text stays text");
    assert!(root.query_selector("b").unwrap().is_none());
}

#[wasm_bindgen_test]
#[allow(clippy::reversed_empty_ranges)] // the reversed range is the point
async fn marked_skips_ranges_it_cannot_trust() {
    let root = root();
    let text = "Kyïv";
    // 2..3 splits "ï"; 3..99 is out of bounds; 1..0 is reversed.
    let props = MarkedProps { text: text.into(), ranges: vec![2..3, 3..99, 1..0] };
    yew::Renderer::<Marked>::with_root_and_props(root.clone(), props).render();
    settle().await;
    assert!(marks(&root).is_empty());
    assert_eq!(root.text_content().unwrap(), text);
}

#[wasm_bindgen_test]
async fn article_body_numbers_marks_across_inline_structure() {
    let root = root();
    // "Read the *small print* here" with a match spanning the emphasis boundary.
    let text = Text {
        text: "Read the small print here".into(),
        inlines: vec![
            Inline::Plain { start: 0, end: 9 },
            Inline::Emphasis(vec![Inline::Plain { start: 9, end: 20 }]),
            Inline::Plain { start: 20, end: 25 },
        ],
    };
    let article =
        article(vec![Block::Paragraph(Text::plain("first small")), Block::SectionBreak, Block::Paragraph(text)]);
    let marks_per_block = vec![vec![6..11], vec![5..14]];
    let props = ArticleBodyProps {
        article: ArticleRef(article),
        marks: Rc::new(BlockMarks { blocks: marks_per_block, first: 2 }),
        current: Some(3),
        highlights: Rc::new(vec![]),
        speaking: None,
        reveal: None,
        long: false,
        lenses: Rc::new(vec![]),
        card: None,
        name_pages: Rc::default(),
        on_name: Callback::noop(),
    };
    yew::Renderer::<ArticleBody>::with_root_and_props(root.clone(), props).render();
    settle().await;
    // The second range crosses into <em>: two <mark> pieces, one match number.
    assert_eq!(marks(&root), ["small", "the ", "small"]);
    let numbers: Vec<String> = {
        let nodes = root.query_selector_all("mark").unwrap();
        (0..nodes.length())
            .map(|i| nodes.item(i).unwrap().dyn_into::<Element>().unwrap().get_attribute("data-match").unwrap())
            .collect()
    };
    assert_eq!(numbers, ["2", "3", "3"]);
    assert_eq!(root.query_selector_all("mark.is-current").unwrap().length(), 2);
    assert_eq!(root.query_selector("em mark").unwrap().unwrap().text_content().unwrap(), "small");
    assert_eq!(root.query_selector_all("hr").unwrap().length(), 1);
    assert_eq!(root.query_selector_all("p").unwrap().length(), 2);
}

#[wasm_bindgen_test]
#[allow(clippy::reversed_empty_ranges)] // the reversed range is the point
async fn article_body_skips_ranges_it_cannot_trust_as_results_do() {
    let root = root();
    let article = article(vec![Block::Paragraph(Text::plain("Kyïv and Kyiv"))]);
    // 2..3 splits "ï", 9..8 is reversed, 11..99 is out of bounds: only 10..14 is marked,
    // and no text is lost. Highlights and the spoken sentence follow the same rule.
    let props = ArticleBodyProps {
        article: ArticleRef(article),
        marks: Rc::new(BlockMarks { blocks: vec![vec![2..3, 9..8, 10..14, 11..99]], first: 0 }),
        current: None,
        highlights: Rc::new(vec![vec![(1..3, 0)]]),
        speaking: Some((0, 5..200)),
        reveal: None,
        long: false,
        lenses: Rc::new(vec![]),
        card: None,
        name_pages: Rc::default(),
        on_name: Callback::noop(),
    };
    yew::Renderer::<ArticleBody>::with_root_and_props(root.clone(), props).render();
    settle().await;
    assert_eq!(marks(&root), ["Kyiv"]);
    assert_eq!(root.text_content().unwrap(), "Kyïv and Kyiv");
    assert!(root.query_selector(".speaking").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn article_body_layers_matches_own_highlights_and_the_spoken_sentence() {
    let root = root();
    let article = article(vec![Block::Paragraph(Text::plain("Alpha beta gamma delta"))]);
    let props = ArticleBodyProps {
        article: ArticleRef(article),
        marks: Rc::new(BlockMarks { blocks: vec![vec![6..10]], first: 0 }),
        current: None,
        // The reader's highlight ends inside the match; the sentence read covers both.
        highlights: Rc::new(vec![vec![(0..8, 0)]]),
        speaking: Some((0, 0..16)),
        reveal: None,
        long: false,
        lenses: Rc::new(vec![]),
        card: None,
        name_pages: Rc::default(),
        on_name: Callback::noop(),
    };
    yew::Renderer::<ArticleBody>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let joined = |selector: &str| -> String {
        let nodes = root.query_selector_all(selector).unwrap();
        (0..nodes.length()).map(|i| nodes.item(i).unwrap().text_content().unwrap()).collect()
    };
    assert_eq!(root.text_content().unwrap(), "Alpha beta gamma delta", "nothing added or lost");
    assert_eq!(joined("mark.highlight"), "Alpha be");
    assert_eq!(joined("mark[data-match]"), "beta");
    assert_eq!(joined(".speaking"), "Alpha beta gamma");
    assert_eq!(joined("mark.highlight mark[data-match]"), "be", "the match inside the highlight");
    assert_eq!(root.query_selector("[data-block]").unwrap().unwrap().get_attribute("data-block").as_deref(), Some("0"));
}

/// An article of these paragraphs with these lenses, alive for the whole test run.
fn lensed(paragraphs: &[&str], lenses: Lenses) -> &'static Article {
    let blocks = paragraphs.iter().map(|p| Block::Paragraph(Text::plain(*p))).collect();
    Box::leak(Box::new(Article { lenses, ..article(blocks).clone() }))
}

fn person(name: &str, aliases: &[&str]) -> Name {
    Name {
        kind: NameKind::Person,
        name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        mentions: 2,
    }
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length()).map(|i| nodes.item(i).unwrap().text_content().unwrap()).collect()
}

#[wasm_bindgen_test]
#[allow(clippy::reversed_empty_ranges)] // the reversed range is the point
async fn lenses_layer_with_marks_and_skip_ranges_they_cannot_trust() {
    let root = root();
    let first = "“A good meeting,” Zelenskyy said of Kyïv, with 11,000 troops.";
    let at = |s: &str| first.find(s).unwrap() as u32;
    let (quote_end, name, place, figure) = (at(" Zelenskyy"), at("Zelenskyy"), at("Kyïv"), at("11,000"));
    let link = Text {
        text: "Read Zelenskyy’s page later.".into(),
        inlines: vec![
            Inline::Plain { start: 0, end: 5 },
            Inline::Link { href: "https://example.com/".into(), children: vec![Inline::Plain { start: 5, end: 23 }] },
            Inline::Plain { start: 23, end: 30 },
        ],
    };
    let name_span = |text, start, end, i| Span { text, start, end, kind: SpanKind::Name(i) };
    let lenses = Lenses {
        names: vec![
            person("Volodymyr Zelenskyy", &["Zelenskyy"]),
            Name { kind: NameKind::Place, name: "Kyiv".into(), aliases: vec![], mentions: 1 },
        ],
        spans: vec![
            Span { text: 0, start: 0, end: quote_end, kind: SpanKind::Quote { speaker: Some(0) } },
            name_span(0, name, name + 9, 0),
            // Splits "ï": skipped, as a match would be.
            name_span(0, place, place + 3, 1),
            Span { text: 0, start: figure, end: figure + 13, kind: SpanKind::Figure },
            // Reversed, and out of bounds.
            Span { text: 0, start: 9, end: 8, kind: SpanKind::Figure },
            Span { text: 0, start: figure, end: 999, kind: SpanKind::Figure },
            // Inside the text's own link: a span, never a nested link.
            name_span(1, 5, 14, 0),
        ],
    };
    let blocks = vec![Block::Paragraph(Text::plain(first)), Block::Paragraph(link)];
    let article: &'static Article = Box::leak(Box::new(Article { lenses, ..article(blocks).clone() }));
    let shown = layers(&article.lenses, LensSet::all(), 2);
    let props = ArticleBodyProps {
        article: ArticleRef(article),
        // A search match inside the quote, crossing into the name.
        marks: Rc::new(BlockMarks { blocks: vec![vec![quote_end as usize - 4..name as usize + 5], vec![]], first: 0 }),
        current: None,
        highlights: Rc::new(vec![]),
        speaking: None,
        reveal: None,
        long: false,
        lenses: Rc::new(shown),
        card: None,
        name_pages: Rc::new(vec![true, false]),
        on_name: Callback::noop(),
    };
    yew::Renderer::<ArticleBody>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let p = root.query_selector("p").unwrap().unwrap();
    // The speaker is added after the quote; nothing of the text is lost or added else.
    assert_eq!(texts(&root, ".lens-speaker"), ["— Volodymyr Zelenskyy"]);
    let speaker = root.query_selector(".lens-speaker").unwrap().unwrap();
    assert!(speaker.has_attribute("data-aside"));
    let without_speaker = p.text_content().unwrap().replacen("— Volodymyr Zelenskyy", "", 1);
    assert_eq!(without_speaker, first);
    assert_eq!(texts(&root, ".lens-quote").concat(), "“A good meeting,”");
    // The name is one link to its page, whatever marks cut it.
    let links = root.query_selector_all("a.lens-name").unwrap();
    assert_eq!(links.length(), 1, "the untrusted place range and the name inside a link are not links");
    let name_link = links.item(0).unwrap().dyn_into::<Element>().unwrap();
    assert_eq!(name_link.text_content().unwrap(), "Zelenskyy");
    assert_eq!(name_link.get_attribute("href").as_deref(), Some("#/name/volodymyr-zelenskyy"));
    assert_eq!(name_link.get_attribute("class").as_deref(), Some("lens-name lens-person"));
    assert_eq!(texts(&name_link, "mark").concat(), "Zelen", "the match inside the name");
    assert_eq!(texts(&root, "mark").concat(), ",” Zelen", "the match across the quote's end and into the name");
    assert!(root.query_selector(".lens-place").unwrap().is_none());
    assert_eq!(texts(&root, ".lens-figure"), ["11,000 troops"]);
    // In the text's own link: a span, never a nested <a>.
    assert!(root.query_selector("a a").unwrap().is_none());
    assert_eq!(texts(&root, "a[href^=https] .lens-person"), ["Zelenskyy"]);
    assert_eq!(
        root.query_selector_all("p").unwrap().item(1).unwrap().text_content().unwrap(),
        "Read Zelenskyy’s page later."
    );
    assert!(root.query_selector(".name-card").unwrap().is_none(), "no card is open");
}

#[wasm_bindgen_test]
async fn an_open_card_follows_its_name_and_lists_other_articles() {
    let root = root();
    let text = "Zelenskyy met Zelenskyy.";
    let lenses = Lenses {
        names: vec![person("Volodymyr Zelenskyy", &["Zelenskyy"])],
        spans: vec![
            Span { text: 0, start: 0, end: 9, kind: SpanKind::Name(0) },
            Span { text: 0, start: 14, end: 23, kind: SpanKind::Name(0) },
        ],
    };
    let article = lensed(&[text], lenses);
    let card = NameCard {
        name: "Volodymyr Zelenskyy".into(),
        kind: NameKind::Person,
        mentions: 2,
        aliases: vec!["Zelenskyy".into()],
        others: (0..5).map(|i| (format!("<b>Other {i}</b>"), format!("other-{i}"))).collect(),
        others_total: 8,
        has_page: true,
    };
    let props = ArticleBodyProps {
        article: ArticleRef(article),
        marks: Rc::new(BlockMarks { blocks: vec![vec![]], first: 0 }),
        current: None,
        highlights: Rc::new(vec![]),
        speaking: None,
        reveal: None,
        long: false,
        lenses: Rc::new(layers(&article.lenses, LensSet::all(), 1)),
        card: Some((Mention { block: 0, start: 14, name: 0 }, Rc::new(card))),
        name_pages: Rc::new(vec![true]),
        on_name: Callback::noop(),
    };
    yew::Renderer::<ArticleBody>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let cards = root.query_selector_all(".name-card").unwrap();
    assert_eq!(cards.length(), 1);
    let card = cards.item(0).unwrap().dyn_into::<Element>().unwrap();
    // Right after the second mention, inside its wrapper: Tab goes from the name into it.
    let wrap = card.parent_element().unwrap();
    assert_eq!(
        wrap.query_selector("a.lens-name").unwrap().unwrap().get_attribute("data-mention").as_deref(),
        Some("14")
    );
    assert_eq!(card.get_attribute("role").as_deref(), Some("group"));
    let said = card.text_content().unwrap();
    assert!(said.contains("Named 2 times in this article"), "{said}");
    assert!(said.contains("Also called Zelenskyy"), "{said}");
    let links = texts(&card, "a");
    assert_eq!(links.len(), 6, "five articles, then all of them: {links:?}");
    assert_eq!(links[0], "<b>Other 0</b>", "titles are text");
    assert!(card.query_selector("b").unwrap().is_none());
    assert_eq!(card.query_selector("a").unwrap().unwrap().get_attribute("href").as_deref(), Some("#/a/other-0"));
    assert_eq!(links[5], "All 8 other articles about Volodymyr Zelenskyy");
    // The article's text is the same, the card aside.
    let p = root.query_selector("p").unwrap().unwrap();
    assert_eq!(p.text_content().unwrap().replacen(&said, "", 1), text);
    assert!(card.has_attribute("data-aside"));
}

#[wasm_bindgen_test]
fn a_crash_shows_an_error_view_with_a_way_back() {
    let page = root();
    page.set_text_content(Some("the app was here"));
    lectern::browser::crash::show(&page, "panicked at <script>alert(1)</script>");
    assert!(!page.text_content().unwrap().contains("the app was here"), "the crashed view is replaced");
    let view = page.query_selector("main.crash[role=alert]").unwrap().expect("the error view");
    assert_eq!(view.query_selector("h1").unwrap().unwrap().text_content().unwrap(), "Something went wrong");
    let back = view.query_selector("a").unwrap().unwrap();
    assert_eq!(back.text_content().unwrap(), "Back to the library");
    assert_eq!(back.get_attribute("href").unwrap(), "./");
    // The panic message is text, not markup.
    assert!(view.query_selector("script").unwrap().is_none());
    assert!(view.query_selector("pre").unwrap().unwrap().text_content().unwrap().contains("<script>"));
}
