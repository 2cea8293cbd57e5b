//! Build script: reads the corpus folder (`seeds/`, or the folder named by
//! `LECTERN_SEEDS`), parses every article with the engine, and writes the encoded corpus
//! to `OUT_DIR/corpus.bin` for `src/corpus.rs` to embed. Any problem in any article
//! fails the build with every problem listed as `path:line: what is wrong`.

#[allow(dead_code, unused_imports)]
#[path = "engine/mod.rs"]
mod engine;

#[path = "corpus_folder.rs"]
mod corpus_folder;

use std::path::PathBuf;
use std::{env, fs, process};

fn main() {
    println!("cargo:rerun-if-env-changed=LECTERN_SEEDS");
    println!("cargo:rerun-if-changed=src/engine");
    println!("cargo:rerun-if-changed=src/corpus_folder.rs");
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let shown = env::var("LECTERN_SEEDS").unwrap_or_else(|_| "seeds".to_string());
    let root = manifest.join(&shown);
    // A folder path makes Cargo rescan it: adding or removing a file triggers a rebuild.
    println!("cargo:rerun-if-changed={}", root.display());

    let loaded = corpus_folder::load(&root, &shown);
    for file in &loaded.files {
        println!("cargo:rerun-if-changed={}", file.display());
    }
    for warning in loaded.diagnostics.iter().filter(|d| !d.is_error()) {
        println!("cargo:warning={warning}");
    }
    let Some(corpus) = loaded.corpus else {
        let errors: Vec<_> = loaded.diagnostics.iter().filter(|d| d.is_error()).collect();
        eprintln!("Lectern cannot build the corpus in {shown}: {} problem(s)", errors.len());
        for error in errors {
            eprintln!("error: {error}");
            println!("cargo:warning=error: {error}");
        }
        process::exit(1);
    };
    assert_eq!(corpus.articles.len(), loaded.article_files, "every accepted article file is bundled");
    let bytes = engine::codec::encode(&corpus);
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.bin");
    fs::write(&out, &bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    println!(
        "cargo:warning=Lectern: {} article files in {shown}, {} articles bundled ({} bytes)",
        loaded.article_files,
        corpus.articles.len(),
        bytes.len()
    );
}
