//! The corpus in a built site: the files of `lectern_engine::codec` in the folder
//! `corpus/`, each named by a hash of its bytes so that a host may cache it forever:
//! - `corpus-<hash>.bin`, the first file (metadata, facets, the names of the others);
//! - `terms-<hash>.bin`, one per index shard;
//! - `article-<number>-<hash>.bin`, one per article body (the first file holds its 4-byte
//!   hash, not its name);
//!
//! and a `<meta name="lectern-corpus" content="…">` in the site's `index.html` that tells
//! the app where the first file is (the others are named relative to it).

use std::fs;
use std::io;
use std::path::Path;

use lectern_engine::codec;
use lectern_engine::corpus::{body_file, Corpus};

/// The name of the meta element that names the first corpus file.
pub const META_NAME: &str = "lectern-corpus";

/// The site folder of the corpus files.
pub const FOLDER: &str = "corpus";

/// What was written.
#[derive(Debug, PartialEq)]
pub struct Written {
    /// The first file's path in the site.
    pub file: String,
    /// Its size.
    pub bytes: usize,
    /// Number of files and bytes of them all.
    pub files: usize,
    pub total_bytes: usize,
}

/// Writes `corpus` into the site folder `site` (replacing any corpus files there) and
/// names its first file in `site/index.html`, under `public_url` (the site's path).
pub fn write(corpus: &Corpus, site: &Path, public_url: &str) -> io::Result<Written> {
    let folder = site.join(FOLDER);
    if folder.exists() {
        fs::remove_dir_all(&folder)?;
    }
    fs::create_dir_all(&folder)?;
    let mut total_bytes = 0;
    let mut put = |name: String, bytes: &[u8]| -> io::Result<String> {
        fs::write(folder.join(&name), bytes)?;
        total_bytes += bytes.len();
        Ok(name)
    };
    let named_by_hash = |kind: &str, bytes: &[u8]| format!("{kind}-{:016x}.bin", content_hash(bytes));
    let mut named = corpus.clone();
    named.files.shards = (0..corpus.index.shard_count())
        .map(|s| {
            let bytes = codec::encode_shard(corpus.index.shard(s).expect("built natively: every shard is there"));
            put(named_by_hash("terms", &bytes), &bytes)
        })
        .collect::<io::Result<_>>()?;
    named.files.bodies = (0..corpus.articles.len())
        .map(|n| {
            let bytes = codec::encode_body(corpus.body(n).expect("built natively: every body is there"));
            let hash = content_hash(&bytes) as u32;
            put(body_file(n, hash), &bytes).map(|_| hash)
        })
        .collect::<io::Result<_>>()?;
    let first = codec::encode_first(&named);
    let name = put(named_by_hash("corpus", &first), &first)?;
    let files = named.files.shards.len() + named.files.bodies.len() + 1;
    let html_path = site.join("index.html");
    let html = fs::read_to_string(&html_path)?;
    let file = format!("{FOLDER}/{name}");
    let href =
        format!("{}{file}", if public_url.ends_with('/') { public_url.to_string() } else { format!("{public_url}/") });
    fs::write(&html_path, with_meta(&html, &href))?;
    Ok(Written { file, bytes: first.len(), files, total_bytes })
}

/// 64-bit FNV-1a: enough to tell one corpus from another in a file name.
fn content_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// `html` with one `<meta name="lectern-corpus" content="href">`, replacing an old one,
/// else inserted before `</head>`.
fn with_meta(html: &str, href: &str) -> String {
    let escaped = crate::markup::escape(href);
    let tag = format!("<meta name=\"{META_NAME}\" content=\"{escaped}\">");
    let marker = format!("<meta name=\"{META_NAME}\"");
    if let Some(start) = html.find(&marker) {
        let end = start + html[start..].find('>').map_or(html.len() - start, |e| e + 1);
        return format!("{}{tag}{}", &html[..start], &html[end..]);
    }
    // Before `</head>` (any case); failing that, after `<head>`, so that no doctype is
    // pushed down into quirks mode.
    let lower = html.to_ascii_lowercase();
    match (lower.find("</head>"), lower.find("<head>")) {
        (Some(at), _) => format!("{}  {tag}\n{}", &html[..at], &html[at..]),
        (None, Some(at)) => format!("{}{tag}{}", &html[..at + 6], &html[at + 6..]),
        (None, None) => format!("{tag}\n{html}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_meta_element_is_added_once() {
        let html = "<html><head>\n<title>x</title>\n</head><body></body></html>";
        let once = with_meta(html, "/lectern/corpus-1.bin");
        assert!(once.contains("<meta name=\"lectern-corpus\" content=\"/lectern/corpus-1.bin\">\n</head>"));
        assert!(with_meta("<HEAD></HEAD>", "/a\"b").contains("content=\"/a&quot;b\">\n</HEAD>"));
        let twice = with_meta(&once, "/lectern/corpus-2.bin");
        assert_eq!(twice.matches("lectern-corpus").count(), 1);
        assert!(twice.contains("corpus-2.bin") && !twice.contains("corpus-1.bin"));
    }

    #[test]
    fn the_files_are_named_by_their_content_and_replace_the_old_ones() {
        let site = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/test-sites/site"));
        let _ = fs::remove_dir_all(site);
        fs::create_dir_all(site.join(FOLDER)).unwrap();
        fs::write(site.join("index.html"), "<head></head>").unwrap();
        fs::write(site.join(FOLDER).join("corpus-old.bin"), "stale").unwrap();
        use lectern_engine::article::{Article, Block, Text};
        let article = |file: &str, title: &str, body: &[&str]| Article {
            title: title.into(),
            file: file.into(),
            lang: "en".into(),
            blocks: body.iter().map(|t| Block::Paragraph(Text::plain(*t))).collect(),
            ..Article::default()
        };
        let corpus =
            Corpus::assemble(vec![article("a.md", "Troops", &["Russian troops."]), article("b.md", "Kyiv", &[])]);
        let written = write(&corpus, site, "/lectern").unwrap();
        assert_eq!(write(&corpus, site, "/lectern").unwrap(), written, "the same corpus, the same names");
        assert!(!site.join(FOLDER).join("corpus-old.bin").exists());
        assert_eq!(fs::read_dir(site.join(FOLDER)).unwrap().count(), written.files);
        assert_eq!(written.files, 1 + corpus.index.shard_count() + 2);
        // The first file names the others, and each decodes to what was written.
        let back = codec::decode_first(&fs::read(site.join(&written.file)).unwrap()).unwrap();
        assert_eq!(back.articles, corpus.articles);
        for (s, name) in back.files.shards.iter().enumerate() {
            let shard = codec::decode_shard(&fs::read(site.join(FOLDER).join(name)).unwrap()).unwrap();
            assert!(back.index.install(s, shard));
        }
        for n in 0..back.articles.len() {
            let name = back.files.body(n).unwrap();
            let body = codec::decode_body(&fs::read(site.join(FOLDER).join(name)).unwrap(), &back.articles[n]).unwrap();
            assert!(back.install_body(n, body));
        }
        assert_eq!(back.articles.len(), 2);
        assert_eq!(back.body(0), corpus.body(0));
        assert_eq!(back.index, corpus.index);
        let html = fs::read_to_string(site.join("index.html")).unwrap();
        assert!(html.contains(&format!("content=\"/lectern/{}\"", written.file)), "{html}");
    }
}
