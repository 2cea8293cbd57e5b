//! Every input kind read from the hand-made fixtures of `tests/fixtures/import/`: what each
//! gives (metadata, blocks, imported highlights), what each reports, and the folder that
//! mixes them all building into one corpus.

use std::fs;
use std::path::{Path, PathBuf};

use lectern_engine::article::{Article, Block, ImportedHighlight, Inline};
use lectern_engine::codec;
use lectern_index::import::{self, Kind};
use lectern_index::{corpus_folder, site};

fn fixture(rel: &str) -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/import")).join(rel)
}

fn read(rel: &str) -> import::Read {
    import::read(rel, &fixture(rel)).expect("an input file")
}

fn messages(read: &import::Read) -> Vec<String> {
    read.diagnostics.iter().map(|d| d.to_string()).collect()
}

fn texts(article: &Article) -> Vec<&str> {
    article.texts().into_iter().map(|t| t.text.as_str()).collect()
}

fn hrefs(blocks: &[Block]) -> Vec<String> {
    fn walk(inlines: &[Inline], out: &mut Vec<String>) {
        for inline in inlines {
            match inline {
                Inline::Link { href, children } => {
                    out.push(href.clone());
                    walk(children, out);
                }
                Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strikethrough(c) => walk(c, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for block in blocks {
        for text in block.texts() {
            walk(&text.inlines, &mut out);
        }
    }
    out
}

#[test]
fn an_rss_feed_gives_an_article_an_entry_and_reports_the_empty_one() {
    let feed = read("feeds/rss.xml");
    assert_eq!((feed.kind, feed.articles.len()), (Kind::Feed, 2));
    assert_eq!(messages(&feed), ["feeds/rss.xml: entry 3: no text (neither content nor summary); skipped"]);
    let bees = &feed.articles[0];
    assert_eq!(bees.title, "Les abeilles sauvages face au réchauffement");
    assert_eq!(bees.byline.as_deref(), Some("Camille Durand"));
    assert_eq!(bees.source.as_deref(), Some("Le Journal des Sciences"));
    assert_eq!(bees.published.map(|p| (p.iso_date(), p.time)), Some(("2024-06-11".into(), Some((8, 30, 0)))));
    assert_eq!(bees.url.as_deref(), Some("https://sciences.example.fr/2024/06/abeilles"));
    assert_eq!(bees.tags, ["écologie", "insectes"]);
    assert_eq!(bees.lang, "fr");
    assert!(matches!(&bees.blocks[1], Block::Heading { level: 2, text } if text.text == "Une étude sur dix ans"));
    assert!(matches!(&bees.blocks[3], Block::List { items, .. } if items.len() == 2));
    assert_eq!(hrefs(&bees.blocks), ["https://doi.example.org/10.1000/abeilles"]);
    assert!(!texts(bees).iter().any(|t| t.contains("alert")), "the script is dropped");
    let fusion = &feed.articles[1];
    assert_eq!(
        texts(fusion),
        ["Le réacteur expérimental a maintenu un plasma pendant six minutes, un record européen."]
    );
    assert_eq!(fusion.published.map(|p| p.iso_date()).as_deref(), Some("2024-05-30"));
}

#[test]
fn an_atom_feed_reads_html_titles_quotes_and_code() {
    let feed = read("feeds/atom.xml");
    assert_eq!(messages(&feed), Vec::<String>::new());
    let rust = &feed.articles[0];
    assert_eq!(rust.title, "Warum Rust in der Bahn fährt");
    assert_eq!((rust.byline.as_deref(), rust.lang.as_str()), (Some("Jürgen Weiß"), "de"));
    assert_eq!(rust.tags, ["Programmierung"]);
    assert_eq!(rust.published.map(|p| p.time), Some(Some((10, 15, 30))), "the time as written, fractions dropped");
    assert!(matches!(&rust.blocks[1], Block::Quote(_)));
    assert!(matches!(&rust.blocks[2], Block::Code(t) if t.text.contains("println!(\"Grüß Gott\");")));
    let pumps = &feed.articles[1];
    assert_eq!(pumps.title, "Übersicht: Wärmepumpen im Altbau");
    assert_eq!(pumps.published.map(|p| p.iso_date()).as_deref(), Some("2024-02-20"), "updated when not published");
    assert_eq!(pumps.source.as_deref(), Some("Technik-Notizen"));
}

#[test]
fn a_json_feed_reads_html_and_text_content() {
    let feed = read("feeds/feed.json");
    assert_eq!((feed.kind, messages(&feed)), (Kind::Feed, Vec::<String>::new()));
    let beach = &feed.articles[0];
    assert_eq!((beach.lang.as_str(), beach.byline.as_deref()), ("pt-BR", Some("Ana Beatriz Souza")));
    assert_eq!(
        texts(beach),
        [
            "O sol nasceu às cinco e meia, e os vendedores já estavam na areia.",
            "À tarde, a maré subiu e levou as cadeiras."
        ]
    );
    assert_eq!(beach.tags, ["praia", "cotidiano"]);
    assert_eq!(
        texts(&feed.articles[1]),
        ["Toda sexta-feira, o bar da esquina vira palco.", "Ninguém sabe quem começou a roda."]
    );
}

#[test]
fn a_wallabag_export_keeps_its_annotations() {
    let export = read("wallabag/export.json");
    assert_eq!((export.kind, messages(&export)), (Kind::Wallabag, Vec::<String>::new()));
    let ocean = &export.articles[0];
    assert_eq!(ocean.byline.as_deref(), Some("Maria Lopez, Tom Reed"));
    assert_eq!(ocean.published.map(|p| (p.iso_date(), p.time)), Some(("2021-11-01".into(), Some((10, 52, 50)))));
    assert_eq!((ocean.lang.as_str(), ocean.source.as_deref()), ("en_US", Some("news.example.org")));
    assert_eq!(ocean.tags, ["climate", "oceans"]);
    assert_eq!(texts(ocean).len(), 2, "the image is dropped: {:?}", texts(ocean));
    assert_eq!(
        ocean.imported,
        [
            ImportedHighlight {
                quote: "absorbed a record amount of heat".into(),
                note: Some("Compare with the 2019 figure".into())
            },
            ImportedHighlight { quote: "bleaches coral reefs".into(), note: None },
        ]
    );
    let forests = &export.articles[1];
    assert_eq!(
        forests.published.map(|p| p.iso_date()).as_deref(),
        Some("2022-04-10"),
        "created_at without published_at"
    );
    assert!(forests.byline.is_none() && forests.imported.is_empty());
}

#[test]
fn an_annotation_written_by_the_indexer_comes_back_from_the_body_file() {
    let site = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/test-sites/imported"));
    let _ = fs::remove_dir_all(site);
    fs::create_dir_all(site).unwrap();
    fs::write(site.join("index.html"), "<head></head>").unwrap();
    let corpus = lectern_engine::corpus::Corpus::assemble(read("wallabag/export.json").articles);
    let written = site::write(&corpus, site, "/").unwrap();
    let first = codec::decode_first(&fs::read(site.join(&written.file)).unwrap()).unwrap();
    let n = first.number("the-ocean-is-absorbing-more-heat-than-ever").unwrap();
    assert!(first.articles[n].imported.is_empty(), "the first file carries no highlights");
    let name = first.files.body(n).unwrap();
    let body = codec::decode_body(&fs::read(site.join("corpus").join(name)).unwrap(), &first.articles[n]).unwrap();
    assert_eq!(body.article.imported[0].quote, "absorbed a record amount of heat");
    assert_eq!(body.article.imported[0].note.as_deref(), Some("Compare with the 2019 figure"));
}

/// A zip of the fixture folder `omnivore/`, made here, with `skip` left out.
fn omnivore_zip(skip: &str) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for rel in [
        "metadata_0_to_1.json",
        "content/the-quiet-return-of-the-night-train-18a7c2.html",
        "content/a-short-history-of-the-pencil-2b91f0.html",
        "highlights/the-quiet-return-of-the-night-train-18a7c2.md",
    ] {
        if rel != skip {
            zip.start_file(rel, zip::write::SimpleFileOptions::default()).unwrap();
            zip.write_all(&fs::read(fixture("omnivore").join(rel)).unwrap()).unwrap();
        }
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn an_omnivore_export_keeps_its_highlights() {
    let export = import::omnivore::read("export.zip", &omnivore_zip(""));
    assert_eq!((export.kind, messages(&export)), (Kind::Omnivore, Vec::<String>::new()));
    let train = &export.articles[0];
    assert_eq!(
        (train.title.as_str(), train.byline.as_deref()),
        ("The quiet return of the night train", Some("Elena Petrova"))
    );
    assert_eq!(train.tags, ["travel", "rail"]);
    assert_eq!(train.published.map(|p| p.iso_date()).as_deref(), Some("2023-06-10"));
    assert_eq!(hrefs(&train.blocks), ["https://travel.example.com/routes"]);
    assert_eq!(train.imported.len(), 2);
    assert_eq!(train.imported[0].note.as_deref(), Some("Not any more: see the 2024 timetable."));
    let pencil = &export.articles[1];
    assert_eq!(pencil.published.map(|p| p.iso_date()).as_deref(), Some("2023-07-01"), "savedAt without publishedAt");
    assert!(pencil.imported.is_empty());
}

#[test]
fn an_omnivore_export_without_a_content_file_is_an_error() {
    let export =
        import::omnivore::read("export.zip", &omnivore_zip("content/a-short-history-of-the-pencil-2b91f0.html"));
    assert_eq!(
        messages(&export),
        ["export.zip: entry 2 (slug `a-short-history-of-the-pencil-2b91f0`): content/a-short-history-of-the-pencil-2b91f0.html is missing from the export"]
    );
    assert_eq!(export.articles.len(), 1);
}

#[test]
fn a_zip_that_is_not_an_omnivore_export_is_an_error() {
    let export = import::omnivore::read("photos.zip", &omnivore_zip("metadata_0_to_1.json"));
    assert_eq!(
        messages(&export),
        ["photos.zip: not an Omnivore export: the zip holds no metadata_*.json (Lectern reads zips exported by Omnivore)"]
    );
    assert!(import::omnivore::read("x.zip", b"PK not really").diagnostics[0].message.starts_with("not a zip archive"));
}

#[test]
fn a_zip_bomb_is_refused_not_unpacked() {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("content/bomb.html", zip::write::SimpleFileOptions::default()).unwrap();
    zip.write_all(&vec![b' '; 21_000_000]).unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < 1_000_000, "it packs small");
    assert_eq!(
        messages(&import::omnivore::read("bomb.zip", &bytes)),
        ["bomb.zip: content/bomb.html unpacks to more than 20 MB, the most Lectern reads of one file"]
    );
}

#[test]
fn pocket_exports_are_reported_as_links() {
    for rel in ["pocket/ril_export.html", "pocket/part_000000.csv"] {
        let export = read(rel);
        assert_eq!(export.kind, Kind::Pocket);
        assert!(export.articles.is_empty());
        assert_eq!(messages(&export), [format!("{rel}: a Pocket export holds links, not articles: 3 links skipped")]);
        assert!(!export.diagnostics[0].is_error());
    }
    let other_csv = fixture("../../../target/other.csv");
    fs::write(&other_csv, "a,b\n1,2\n").unwrap();
    assert!(import::read("other.csv", &other_csv).is_none(), "another CSV is no input");
}

#[test]
fn json_lines_give_an_article_a_line() {
    let lines = read("jsonl/articles.jsonl");
    assert_eq!((lines.kind, messages(&lines)), (Kind::JsonLines, Vec::<String>::new()));
    let titles: Vec<&str> = lines.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Notes on the Tokyo metro", "Receita de pão de queijo", "A heading becomes the title"]);
    let metro = &lines.articles[0];
    assert_eq!(metro.published.map(|p| p.time), Some(Some((7, 30, 0))));
    assert!(
        matches!(&metro.blocks[0], Block::Paragraph(t) if t.inlines.iter().any(|i| matches!(i, Inline::Strong(_))))
    );
    assert_eq!(texts(&lines.articles[1]), ["Misture o polvilho com o leite quente.", "Asse por 25 minutos."]);
}

#[test]
fn json_lines_errors_name_their_lines() {
    let text = "{\"title\": 12, \"text\": \"x\"}\n\nnot json\n[1]\n{\"title\": \"no body\"}\n{\"text\": \"ok\", \"url\": \"ftp://x\", \"mood\": \"fine\"}\n{\"html\": \"<script>x</script>\"}\n";
    let read = import::jsonl::read("a.jsonl", text);
    let got = messages(&read);
    assert_eq!(got.len(), 7, "{got:#?}");
    assert_eq!(got[0], "a.jsonl:1: `title` must be text, found the number 12 (put it in quotes)");
    assert!(got[1].starts_with("a.jsonl:3: not valid JSON: "), "{}", got[1]);
    assert_eq!(got[2], "a.jsonl:4: not a JSON object: each line holds one article");
    assert_eq!(got[3], "a.jsonl:5: no `text` or `html`: an article needs its body");
    assert!(got[4..6].contains(&"a.jsonl:6: `url` must start with http:// or https://, found `ftp://x`".to_string()));
    assert!(got[4..6].iter().any(|m| m.starts_with("a.jsonl:6: unknown front-matter key `mood`")));
    assert_eq!(got[6], "a.jsonl:7: the article's `text` or `html` is empty");
    assert!(read.articles.is_empty());
}

#[test]
fn a_wallabag_entry_of_the_wrong_shape_is_named_with_its_field() {
    let entries = serde_json::from_str("[1, {\"title\": 3, \"content\": \"<p>x</p>\"}]").unwrap();
    assert_eq!(
        messages(&import::wallabag::read("w.json", entries)),
        [
            "w.json: entry 1: not a Wallabag entry: invalid type: integer `1`, expected struct Entry",
            "w.json: entry 2: not a Wallabag entry: `title`: invalid type: integer `3`, expected a string",
        ]
    );
}

#[test]
fn a_json_file_of_another_kind_is_an_error() {
    let other = fixture("../../../target/other.json");
    fs::write(&other, "{\"name\": \"package\"}").unwrap();
    let read = import::read("other.json", &other).unwrap();
    assert_eq!(messages(&read), ["other.json: neither a JSON Feed (an object with \"version\": \"https://jsonfeed.org/version/1.1\") nor a Wallabag export (an array of entries): Lectern reads no other .json"]);
}

#[test]
fn pages_and_feeds_in_other_encodings_are_read_in_theirs() {
    let sentence = "Le café de la gare ferme à midi, et les habitués s'inquiètent déjà de la suite des événements.";
    let latin1 = |s: &str| s.chars().map(|c| u8::try_from(u32::from(c)).unwrap()).collect::<Vec<u8>>();
    let page = |head: &str| {
        format!("<html><head>{head}<title>Café</title></head><body><article><p>{sentence}</p></article></body></html>")
    };
    let utf16: Vec<u8> = [0xff, 0xfe].into_iter().chain(page("").encode_utf16().flat_map(u16::to_le_bytes)).collect();
    for (name, bytes) in [
        ("meta.html", latin1(&page("<meta charset=\"ISO-8859-1\">"))),
        (
            "http-equiv.html",
            latin1(&page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">")),
        ),
        ("unlabelled.html", latin1(&page(""))),
        ("utf16.html", utf16),
    ] {
        let path = fixture("../../../target").join(name);
        fs::write(&path, bytes).unwrap();
        let read = import::read(name, &path).unwrap();
        assert_eq!(messages(&read), Vec::<String>::new(), "{name}");
        assert_eq!((read.articles[0].title.as_str(), texts(&read.articles[0])), ("Café", vec![sentence]), "{name}");
    }
    let rss = format!("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Gare</title><item><title>Café</title><description>{sentence}</description></item></channel></rss>");
    let path = fixture("../../../target/latin1.rss");
    fs::write(&path, latin1(&rss)).unwrap();
    let read = import::read("latin1.rss", &path).unwrap();
    assert_eq!((read.articles[0].title.as_str(), texts(&read.articles[0])), ("Café", vec![sentence]));
    let binary = fixture("../../../target/binary.html");
    fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe").unwrap();
    assert!(messages(&import::read("binary.html", &binary).unwrap())[0].contains("contains NUL bytes"));
}

#[test]
fn a_sidecar_wins_over_what_the_page_says() {
    let page = read("mixed/pages/code-coverage.html");
    assert_eq!(messages(&page), Vec::<String>::new());
    let article = &page.articles[0];
    assert_eq!(article.title, "Get your Frontend JavaScript Code Covered | Code", "extracted");
    assert_eq!(article.byline.as_deref(), Some("Nicolas Perriault"), "extracted");
    assert_eq!(article.source.as_deref(), Some("Nicolas Perriault's blog"), "from the sidecar");
    assert_eq!(article.tags, ["javascript", "testing"]);
    assert_eq!(article.published.map(|p| p.iso_date()).as_deref(), Some("2013-06-04"));
}

#[test]
fn the_mixed_folder_builds_into_one_corpus() {
    let loaded = corpus_folder::load(&fixture("mixed"), "mixed");
    let errors: Vec<String> = loaded.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.to_string()).collect();
    assert_eq!(errors, Vec::<String>::new());
    let warnings: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        warnings,
        [
            "mixed/part_000000.csv: a Pocket export holds links, not articles: 3 links skipped",
            "mixed/ril_export.html: a Pocket export holds links, not articles: 3 links skipped",
            "mixed/science.rss: entry 3: no text (neither content nor summary); skipped",
        ]
    );
    assert_eq!(
        loaded.summary(),
        "1 plain-text file (1 article), 1 Markdown file (1 article), 1 saved page (1 article), 3 feeds (6 articles), 1 Wallabag export (2 articles), 1 Omnivore export (2 articles), 2 Pocket exports (0 articles), 1 JSON Lines file (3 articles)"
    );
    let corpus = loaded.corpus.as_ref().expect("the mixed folder builds");
    assert_eq!(corpus.articles.len(), loaded.articles());
    assert_eq!(corpus.articles.len(), 16);
    let kursk = corpus.by_slug("russia-acknowledges-north-korean-troops-in-kursk").unwrap();
    assert_eq!(kursk.published.map(|p| p.time), Some(Some((10, 52, 50))), "a +0100 offset in front matter");
    let files: Vec<&str> = corpus.articles.iter().map(|a| a.file.as_str()).collect();
    assert!(files.contains(&"omnivore-export.zip") && files.contains(&"pages/code-coverage.html"));
}
