//! Reads a corpus folder into a [`Corpus`]: the indexer's IO, kept apart from its `main`
//! so that tests can run it on folders of bad files.
//!
//! Sub-folders are read recursively; symbolic links to files are followed, links to
//! folders are reported and not followed. Files that are not articles (by extension) are
//! reported as warnings. Any problem in any article is an error, and every error of every
//! file is collected in one pass. Files are parsed on every core, reported in file order.

use std::fs;
use std::path::{Path, PathBuf};

use lectern_engine::corpus::Corpus;
use lectern_engine::diagnostic::Diagnostic;
use lectern_engine::parse::{self, Format};

/// What reading a corpus folder found.
pub struct Loaded {
    /// The corpus, when no file had an error.
    pub corpus: Option<Corpus>,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Files with an article extension (each is in the corpus, or has an error).
    pub article_files: usize,
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
            "corpus folder not found (LECTERN_SEEDS names a folder of .md and .txt files)",
        ));
        return Loaded { corpus: None, diagnostics, article_files: 0 };
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
    let mut article_files = 0;
    for file in read {
        match file {
            Read::NotAnArticle(warning) => diagnostics.push(warning),
            Read::Article(article, warnings) => {
                article_files += 1;
                diagnostics.extend(warnings);
                articles.push(*article);
            }
            Read::Failed(problems) => {
                article_files += 1;
                diagnostics.extend(problems);
            }
        }
    }
    if article_files == 0 {
        diagnostics.push(Diagnostic::error(shown, 0, "no articles: add .md or .txt files to the corpus folder"));
    }
    let corpus = (!diagnostics.iter().any(Diagnostic::is_error)).then(|| Corpus::assemble(articles));
    Loaded { corpus, diagnostics, article_files }
}

/// What reading one file gave.
enum Read {
    NotAnArticle(Diagnostic),
    Article(Box<lectern_engine::article::Article>, Vec<Diagnostic>),
    Failed(Vec<Diagnostic>),
}

/// Reads and parses the file at `path` (`rel` under the corpus folder).
fn read_one(shown: &str, rel: &str, path: &Path) -> Read {
    let shown_path = format!("{shown}/{rel}");
    let Some(format) = Format::of_path(rel) else {
        return Read::NotAnArticle(Diagnostic::warning(
            &shown_path,
            0,
            "not an article (articles are .md or .txt files); not bundled",
        ));
    };
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => return Read::Failed(vec![Diagnostic::error(&shown_path, 0, format!("cannot be read: {e}"))]),
    };
    match parse::parse(&shown_path, format, &bytes) {
        Ok(parsed) => {
            let mut article = parsed.article;
            article.file = rel.to_string();
            Read::Article(Box::new(article), parsed.warnings)
        }
        Err(problems) => Read::Failed(problems),
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
        let corpus = loaded.corpus.expect("seeds build");
        assert_eq!(corpus.articles.len(), loaded.article_files);
        assert!(loaded.article_files >= 1);
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
                ("notes.html", b"<p>hi</p>"),
                ("sub/nested.md", b"Nested article.\n"),
            ],
        );
        let loaded = load(&dir, "corpus");
        assert!(loaded.corpus.is_none());
        assert_eq!(loaded.article_files, 6);
        assert_eq!(
            messages(&loaded),
            [
                "corpus/empty.txt: empty file: an article needs some text",
                "corpus/latin1.txt:1: not valid UTF-8 at byte 3: save the file as UTF-8",
                "corpus/notes.html: not an article (articles are .md or .txt files); not bundled",
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
            ["corpus/image.png: not an article (articles are .md or .txt files); not bundled"]
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
    fn a_folder_without_articles_is_an_error() {
        let dir = folder("none", &[("readme.rst", b"x")]);
        let loaded = load(&dir, "corpus");
        assert!(
            messages(&loaded).contains(&"corpus: no articles: add .md or .txt files to the corpus folder".to_string())
        );
        assert!(load(&dir.join("missing"), "missing").corpus.is_none());
    }
}
