//! The corpus in a built site: one file, `corpus-<hash>.bin`, in the bundled format of
//! `lectern_engine::codec`, named by a hash of its bytes so that a host may cache it
//! forever; and a `<meta name="lectern-corpus" content="…">` in the site's `index.html`
//! that tells the app where it is.

use std::fs;
use std::io;
use std::path::Path;

use lectern_engine::codec;
use lectern_engine::corpus::Corpus;

/// The name of the meta element that names the corpus file.
pub const META_NAME: &str = "lectern-corpus";

/// What was written.
#[derive(Debug, PartialEq)]
pub struct Written {
    /// The corpus file's name in the site.
    pub file: String,
    pub bytes: usize,
}

/// Writes `corpus` into the site folder `site` (replacing any corpus file there) and
/// names it in `site/index.html`, under `public_url` (the site's path, ending in `/`).
pub fn write(corpus: &Corpus, site: &Path, public_url: &str) -> io::Result<Written> {
    let bytes = codec::encode(corpus);
    let file = format!("corpus-{:016x}.bin", content_hash(&bytes));
    for entry in fs::read_dir(site)?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("corpus-") && name.ends_with(".bin") && name != file {
            fs::remove_file(entry.path())?;
        }
    }
    fs::write(site.join(&file), &bytes)?;
    let html_path = site.join("index.html");
    let html = fs::read_to_string(&html_path)?;
    let href =
        format!("{}{file}", if public_url.ends_with('/') { public_url.to_string() } else { format!("{public_url}/") });
    fs::write(&html_path, with_meta(&html, &href))?;
    Ok(Written { file, bytes: bytes.len() })
}

/// 64-bit FNV-1a: enough to tell one corpus from another in a file name.
fn content_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// `html` with one `<meta name="lectern-corpus" content="href">`, replacing an old one,
/// else inserted before `</head>`.
fn with_meta(html: &str, href: &str) -> String {
    let escaped = href.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;");
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
    fn the_file_is_named_by_its_content_and_replaces_the_old_one() {
        let site = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/test-sites/site"));
        let _ = fs::remove_dir_all(site);
        fs::create_dir_all(site).unwrap();
        fs::write(site.join("index.html"), "<head></head>").unwrap();
        fs::write(site.join("corpus-old.bin"), "stale").unwrap();
        let empty = write(&Corpus::default(), site, "/").unwrap();
        assert_eq!(write(&Corpus::default(), site, "/").unwrap(), empty, "the same corpus, the same name");
        assert!(!site.join("corpus-old.bin").exists());
        let bytes = fs::read(site.join(&empty.file)).unwrap();
        assert_eq!(codec::decode(&bytes), Ok(Corpus::default()));
        let html = fs::read_to_string(site.join("index.html")).unwrap();
        assert!(html.contains(&format!("content=\"/{}\"", empty.file)), "{html}");
    }
}
