//! Build script: reads the corpus folder (`seeds/`, or the folder named by
//! `LECTERN_SEEDS`), parses every article with the engine, and writes the encoded corpus
//! to `OUT_DIR/corpus.bin` for `src/corpus.rs` to embed.
//!
//! Sub-folders are read recursively. Files that are not articles (by extension) are named
//! in a warning. Any problem in any article fails the build, with every problem listed
//! as `path:line: what is wrong` in one run: no article is ever dropped silently.

#[allow(dead_code)]
#[path = "engine/mod.rs"]
mod engine;

use std::path::{Path, PathBuf};
use std::{env, fs, process};

use engine::corpus::Corpus;
use engine::diagnostic::Diagnostic;
use engine::parse::{self, Format};

fn main() {
    println!("cargo:rerun-if-env-changed=LECTERN_SEEDS");
    println!("cargo:rerun-if-changed=src/engine");
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let shown_root = env::var("LECTERN_SEEDS").unwrap_or_else(|_| "seeds".to_string());
    let root = manifest.join(&shown_root);
    println!("cargo:rerun-if-changed={}", root.display());

    let mut files = Vec::new();
    let mut diags = Vec::new();
    if !root.is_dir() {
        fail(&[Diagnostic::error(&shown_root, 0, "corpus folder not found (set LECTERN_SEEDS to a folder of .md and .txt files)")]);
    }
    walk(&shown_root, &root, &root, &mut files, &mut diags);
    files.sort();

    let display = |rel: &str| format!("{}/{rel}", shown_root.trim_end_matches('/'));
    let mut articles = Vec::new();
    let mut article_files = 0;
    for (rel, path) in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let Some(format) = Format::of_path(rel) else {
            diags.push(Diagnostic::warning(&display(rel), 0, "not an article (articles are .md or .txt files); not bundled"));
            continue;
        };
        article_files += 1;
        let bytes = match fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                diags.push(Diagnostic::error(&display(rel), 0, format!("cannot be read: {e}")));
                continue;
            }
        };
        match parse::parse(&display(rel), format, &bytes) {
            Ok(parsed) => {
                diags.extend(parsed.warnings);
                let mut article = parsed.article;
                article.file = rel.clone();
                articles.push(article);
            }
            Err(problems) => diags.extend(problems),
        }
    }

    for warning in diags.iter().filter(|d| !d.is_error()) {
        println!("cargo:warning={warning}");
    }
    let errors: Vec<Diagnostic> = diags.iter().filter(|d| d.is_error()).cloned().collect();
    if !errors.is_empty() {
        fail(&errors);
    }
    if articles.is_empty() {
        fail(&[Diagnostic::error(&shown_root, 0, "no articles: add .md or .txt files to the corpus folder")]);
    }
    let corpus = Corpus::assemble(articles);
    assert_eq!(corpus.articles.len(), article_files, "every accepted article file is bundled");
    let bytes = engine::codec::encode(&corpus);
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.bin");
    fs::write(&out, &bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    println!(
        "cargo:warning=Lectern: {} article files in {shown_root}, {} articles bundled ({} bytes)",
        article_files,
        corpus.articles.len(),
        bytes.len()
    );
}

/// Collects regular files under `dir` (following symlinks to files, not to folders).
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
        let shown_path = format!("{}/{rel}", shown.trim_end_matches('/'));
        let is_link = entry.file_type().map(|t| t.is_symlink()).unwrap_or(false);
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

fn fail(errors: &[Diagnostic]) -> ! {
    eprintln!("Lectern cannot build the corpus: {} problem(s)", errors.len());
    for error in errors {
        eprintln!("error: {error}");
        println!("cargo:warning=error: {error}");
    }
    process::exit(1);
}
