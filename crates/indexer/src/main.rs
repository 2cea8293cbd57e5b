//! `lectern-index [FOLDER] [SITE]`: indexes the corpus folder (default: `$LECTERN_SEEDS`,
//! else `seeds`) into the built site (default: `$TRUNK_STAGING_DIR`, set when Trunk runs
//! it as a hook), under the site path `$TRUNK_PUBLIC_URL` (default `/`). Prints every
//! warning; on any error prints every error as `path:line: what is wrong` and exits 1.

use std::path::PathBuf;
use std::time::Instant;
use std::{env, process};

use lectern_index::{corpus_folder, site, static_pages};

fn main() {
    let mut args = env::args().skip(1);
    let shown = args.next().or_else(|| env::var("LECTERN_SEEDS").ok()).unwrap_or_else(|| "seeds".to_string());
    let Some(site_dir) = args.next().or_else(|| env::var("TRUNK_STAGING_DIR").ok()).map(PathBuf::from) else {
        eprintln!("usage: lectern-index [FOLDER] SITE (or run by Trunk, which sets TRUNK_STAGING_DIR)");
        process::exit(2);
    };
    let public_url = env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".to_string());
    let started = Instant::now();
    let loaded = corpus_folder::load(&PathBuf::from(&shown), &shown);
    let indexed = started.elapsed();
    for warning in loaded.diagnostics.iter().filter(|d| !d.is_error()) {
        eprintln!("warning: {warning}");
    }
    let Some(corpus) = loaded.corpus else {
        let errors: Vec<_> = loaded.diagnostics.iter().filter(|d| d.is_error()).collect();
        eprintln!("Lectern cannot build the corpus in {shown}: {} problem(s)", errors.len());
        for error in errors {
            eprintln!("error: {error}");
        }
        process::exit(1);
    };
    assert_eq!(corpus.articles.len(), loaded.article_files, "every accepted article file is in the corpus");
    match site::write(&corpus, &site_dir, &public_url) {
        Ok(written) => eprintln!(
            "Lectern: {} article files in {shown}, {} articles in {} files ({} bytes; the first, {}, {} bytes); read and indexed in {:.2} s, written in {:.2} s",
            loaded.article_files,
            corpus.articles.len(),
            written.files,
            written.total_bytes,
            written.file,
            written.bytes,
            indexed.as_secs_f64(),
            (started.elapsed() - indexed).as_secs_f64()
        ),
        Err(e) => {
            eprintln!("Lectern cannot write the corpus into {}: {e}", site_dir.display());
            process::exit(1);
        }
    }
    static_pages::write(&corpus, &site_dir, &static_pages::Options::from_env(&public_url))
        .unwrap_or_else(|e| panic!("Lectern cannot write the static pages into {}: {e}", site_dir.display()));
}
