//! Component tests in a real headless Chromium (wasm-bindgen-test): the pieces that turn
//! engine ranges into `<mark>`s render text as text, mark exactly the ranges, and never
//! trust ranges that are out of bounds or split a character; a crash shows an error view.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use lectern::components::article_body::{ArticleBody, ArticleBodyProps};
use lectern::components::marked_text::{Marked, MarkedProps};
use lectern::corpus::ArticleRef;
use lectern::engine::article::{Article, Block, Inline, Text};
use lectern::state::marks::BlockMarks;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

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
