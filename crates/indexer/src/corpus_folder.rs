//! Reads a corpus folder into a [`Corpus`]: the indexer's IO, kept apart from its `main`
//! so that tests can run it on folders of bad files.
//!
//! Sub-folders are read recursively; symbolic links to files are followed, links to
//! folders are reported and not followed. Each file is read by its kind ([`import`]);
//! files that are no input (by extension) are reported as warnings. Any problem in any
//! article is an error, and every error of every file is collected in one pass. Files are
//! parsed on every core, reported in file order.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use lectern_engine::article::Article;
use lectern_engine::corpus::Corpus;
use lectern_engine::diagnostic::Diagnostic;
use lectern_engine::lens;

use crate::import::{self, Kind};

/// What reading a corpus folder found.
pub struct Loaded {
    /// The corpus, when no file had an error.
    pub corpus: Option<Corpus>,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Per kind of input file, how many files of it were read and how many articles they
    /// gave (each file is read, or has an error).
    pub kinds: BTreeMap<Kind, (usize, usize)>,
}

impl Loaded {
    /// Input files read, of every kind.
    pub fn input_files(&self) -> usize {
        self.kinds.values().map(|(files, _)| files).sum()
    }

    /// Articles those files gave (all in the corpus, when it builds).
    pub fn articles(&self) -> usize {
        self.kinds.values().map(|(_, articles)| articles).sum()
    }

    /// `2 Markdown files (2 articles), 1 feed (12 articles)`.
    pub fn summary(&self) -> String {
        let kinds: Vec<String> = self
            .kinds
            .iter()
            .map(|(kind, (files, articles))| {
                format!("{} ({articles} article{})", kind.files(*files), if *articles == 1 { "" } else { "s" })
            })
            .collect();
        kinds.join(", ")
    }
}

/// Reads every file under `root`. `shown` is how the folder is named in messages.
pub fn load(root: &Path, shown: &str) -> Loaded {
    let shown = shown.trim_end_matches('/');
    let mut diagnostics = Vec::new();
    let mut found = Vec::new();
    if !root.is_dir() {
        diagnostics.push(Diagnostic::error(
            shown,
            0,
            "corpus folder not found (LECTERN_SEEDS names a folder of articles)",
        ));
        return Loaded { corpus: None, diagnostics, kinds: BTreeMap::new() };
    }
    walk(shown, root, root, &mut found, &mut diagnostics);
    found.sort();

    // Files are read and parsed on every core; results are kept in file order.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(found.len().max(1));
    let per_thread = found.len().div_ceil(threads).max(1);
    let read: Vec<Read> = std::thread::scope(|scope| {
        let workers: Vec<_> = found
            .chunks(per_thread)
            .map(|chunk| {
                scope.spawn(move || chunk.iter().map(|(rel, path)| read_one(shown, rel, path)).collect::<Vec<_>>())
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().expect("a parser thread panicked")).collect()
    });
    let mut articles = Vec::new();
    let mut kinds: BTreeMap<Kind, (usize, usize)> = BTreeMap::new();
    for file in read {
        match file {
            Read::Skipped(warning) => diagnostics.extend(warning),
            Read::Input(rel, input) => {
                let count = kinds.entry(input.kind).or_default();
                count.0 += 1;
                count.1 += input.articles.len();
                diagnostics.extend(input.diagnostics);
                articles.extend(input.articles.into_iter().map(|article| Article { file: rel.clone(), ..article }));
            }
        }
    }
    if articles.is_empty() && !diagnostics.iter().any(Diagnostic::is_error) {
        diagnostics.push(Diagnostic::error(
            shown,
            0,
            format!("no articles: add articles ({}) to the corpus folder", import::EXTENSIONS),
        ));
    }
    // One person across the corpus: "Trump" in one article is "Donald Trump" of another.
    lens::unify(&mut articles);
    let corpus = (!diagnostics.iter().any(Diagnostic::is_error)).then(|| Corpus::assemble(articles));
    Loaded { corpus, diagnostics, kinds }
}

/// What reading one file gave.
enum Read {
    /// No input: a warning saying so, or nothing (a page's sidecar, read with its page).
    Skipped(Option<Diagnostic>),
    /// An input file (its path under the folder) and what it gave.
    Input(String, import::Read),
}

/// Reads and parses the file at `path` (`rel` under the corpus folder).
fn read_one(shown: &str, rel: &str, path: &Path) -> Read {
    let shown_path = format!("{shown}/{rel}");
    if import::is_sidecar(rel) {
        let page = rel.rsplit_once('.').map_or(rel, |(page, _)| page);
        return Read::Skipped((!path.with_extension("").is_file()).then(|| {
            Diagnostic::warning(&shown_path, 0, format!("a sidecar of metadata without its page `{page}`; not bundled"))
        }));
    }
    match import::read(&shown_path, path) {
        Some(input) => Read::Input(rel.to_string(), input),
        None => Read::Skipped(Some(Diagnostic::warning(
            &shown_path,
            0,
            format!("not an article (Lectern reads {}); not bundled", import::EXTENSIONS),
        ))),
    }
}

/// Collects files under `dir` as (path relative to `root` with `/`, full path).
fn walk(shown: &str, root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>, diags: &mut Vec<Diagnostic>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            diags.push(Diagnostic::error(&dir.display().to_string(), 0, format!("cannot read folder: {e}")));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let rel = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        let shown_path = format!("{shown}/{rel}");
        let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() && is_link => diags.push(Diagnostic::warning(
                &shown_path,
                0,
                "symbolic link to a folder is not followed; not bundled",
            )),
            Ok(meta) if meta.is_dir() => walk(shown, root, &path, files, diags),
            Ok(_) => files.push((rel, path)),
            Err(e) if is_link => diags.push(Diagnostic::error(&shown_path, 0, format!("broken symbolic link: {e}"))),
            Err(e) => diags.push(Diagnostic::error(&shown_path, 0, format!("cannot be read: {e}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh folder under the target directory holding `files`.
    fn folder(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
        let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("target/test-corpora").join(name);
        let _ = fs::remove_dir_all(&dir);
        for (rel, bytes) in files {
            let path = dir.join(rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, bytes).unwrap();
        }
        dir
    }

    fn messages(loaded: &Loaded) -> Vec<String> {
        loaded.diagnostics.iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn the_seed_folder_builds() {
        let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("seeds");
        let loaded = load(&root, "seeds");
        assert_eq!(messages(&loaded), Vec::<String>::new());
        let corpus = loaded.corpus.as_ref().expect("seeds build");
        assert_eq!(corpus.articles.len(), loaded.articles());
        assert!(loaded.input_files() >= 1);
    }

    #[test]
    fn the_real_corpus_builds_and_round_trips() {
        let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/fixtures/real");
        let loaded = load(&root, "real");
        let errors: Vec<String> = loaded.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.to_string()).collect();
        assert_eq!(errors, Vec::<String>::new());
        let corpus = loaded.corpus.expect("real corpus builds");
        assert_eq!(corpus.articles.len(), 45);
        assert!(
            (0..45).all(|n| !corpus.articles[n].title.is_empty() && !corpus.body(n).unwrap().article.blocks.is_empty())
        );
    }

    #[test]
    fn every_problem_of_every_file_is_reported_at_once() {
        let dir = folder(
            "bad",
            &[
                ("good.md", b"---\ntitle: Fine\n---\nBody.\n"),
                ("empty.txt", b""),
                ("unterminated.md", b"---\ntitle: x\nBody\n"),
                ("types.md", b"---\ntitle: 12\ntags: solo\npublished: 2025-02-30\n---\nBody\n"),
                ("latin1.txt", b"caf\xe9\n"),
                ("notes.rst", b"hi"),
                ("sub/nested.md", b"Nested article.\n"),
            ],
        );
        let loaded = load(&dir, "corpus");
        assert!(loaded.corpus.is_none());
        assert_eq!(loaded.input_files(), 6);
        assert_eq!(
            messages(&loaded),
            [
                "corpus/empty.txt: empty file: an article needs some text",
                "corpus/latin1.txt:1: not valid UTF-8 at byte 3: save the file as UTF-8",
                "corpus/notes.rst: not an article (Lectern reads .md, .txt, .html, .htm, .xml, .rss, .atom, .json, .jsonl, .zip (Omnivore), .csv (Pocket)); not bundled",
                "corpus/types.md:2: `title` must be text, found the number 12 (put it in quotes)",
                "corpus/types.md:3: `tags` must be a list like [\"russia\", \"ukraine\"], found text",
                "corpus/types.md:4: `published`: `2025-02-30` is not a real day: 2025-02 has 28 days",
                "corpus/unterminated.md:1: unterminated front matter: the `---` on line 1 is never closed by another `---` line",
            ]
        );
    }

    #[test]
    fn sub_folders_are_read_and_other_files_reported() {
        let dir =
            folder("nested", &[("a.md", b"# One\n\nText.\n"), ("deeper/b.txt", b"Two.\n"), ("image.png", b"\x89PNG")]);
        let loaded = load(&dir, "corpus");
        assert_eq!(
            messages(&loaded),
            ["corpus/image.png: not an article (Lectern reads .md, .txt, .html, .htm, .xml, .rss, .atom, .json, .jsonl, .zip (Omnivore), .csv (Pocket)); not bundled"]
        );
        let corpus = loaded.corpus.unwrap();
        let files: Vec<&str> = corpus.articles.iter().map(|a| a.file.as_str()).collect();
        assert_eq!(files, ["a.md", "deeper/b.txt"]);
    }

    #[test]
    fn very_large_articles_are_built_whole() {
        let paragraph = "Zelenskyy and Trump met in Rome ahead of the funeral, a meeting both sides called productive and symbolic.";
        // About 10 MB of plain text, and 20,000 short Markdown paragraphs.
        let big: String = (0..95_000).map(|i| format!("{i} {paragraph}\n")).collect();
        let many: String = (0..20_000).map(|i| format!("Paragraph {i}.\n\n")).collect();
        assert!(big.len() > 10_000_000);
        let dir = folder("large", &[("big.txt", big.as_bytes()), ("many.md", many.as_bytes())]);
        let loaded = load(&dir, "corpus");
        assert_eq!(messages(&loaded), Vec::<String>::new());
        let corpus = loaded.corpus.expect("large articles build");
        let by_file =
            |f: &str| &corpus.body(corpus.articles.iter().position(|a| a.file == f).unwrap()).unwrap().article;
        assert_eq!(by_file("big.txt").texts().len(), 95_000);
        assert_eq!(by_file("many.md").texts().len(), 20_000);
        assert!(by_file("big.txt").reading_minutes > 1000);
    }

    #[test]
    fn sidecars_are_read_with_their_pages_and_their_problems_named() {
        let page = b"<html><head><title>Kursk</title></head><body><article><p>Russia acknowledged for the first time that North Korean troops fought in the Kursk region, a senior official said on Saturday in Moscow.</p></article></body></html>";
        let dir = folder(
            "sidecars",
            &[
                ("a.html", page),
                (
                    "a.html.yml",
                    b"source: CNN
tags: solo
",
                ),
                (
                    "orphan.html.yml",
                    b"source: x
",
                ),
            ],
        );
        let loaded = load(&dir, "corpus");
        assert_eq!(
            messages(&loaded),
            [
                "corpus/a.html.yml:2: `tags` must be a list like [\"russia\", \"ukraine\"], found text",
                "corpus/orphan.html.yml: a sidecar of metadata without its page `orphan.html`; not bundled",
            ]
        );
        let dir = folder("sidecar", &[("a.html", page), ("a.html.yml", b"---\nsource: CNN\n---\n")]);
        let corpus = load(&dir, "corpus").corpus.expect("builds");
        assert_eq!((corpus.articles[0].title.as_str(), corpus.articles[0].source.as_deref()), ("Kursk", Some("CNN")));
    }

    #[test]
    fn a_folder_without_articles_is_an_error() {
        let dir = folder("none", &[("readme.rst", b"x")]);
        let loaded = load(&dir, "corpus");
        assert!(
            messages(&loaded).contains(&"corpus: no articles: add articles (.md, .txt, .html, .htm, .xml, .rss, .atom, .json, .jsonl, .zip (Omnivore), .csv (Pocket)) to the corpus folder".to_string())
        );
        assert!(load(&dir.join("missing"), "missing").corpus.is_none());
    }
}
