//! `lectern-index [FOLDER] [SITE]`: indexes the corpus folder (default: `$LECTERN_SEEDS`,
//! else `seeds`) into the built site (default: `$TRUNK_STAGING_DIR`, set when Trunk runs
//! it as a hook), under the site path `$TRUNK_PUBLIC_URL` (default `/`), with the feeds of
//! the corpus (their links absolute under `$LECTERN_BASE_URL` when set). Prints every
//! warning and how many files of each kind gave how many articles; on any error prints
//! every error as `path:line: what is wrong` and exits 1.

use std::path::PathBuf;
use std::time::Instant;
use std::{env, process};

use lectern_index::{corpus_folder, feed_out, site, static_pages};

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
    let Some(corpus) = &loaded.corpus else {
        let errors: Vec<_> = loaded.diagnostics.iter().filter(|d| d.is_error()).collect();
        eprintln!("Lectern cannot build the corpus in {shown}: {} problem(s)", errors.len());
        for error in errors {
            eprintln!("error: {error}");
        }
        process::exit(1);
    };
    assert_eq!(corpus.articles.len(), loaded.articles(), "every article read is in the corpus");
    let base = env::var(feed_out::BASE_URL_VAR).ok().filter(|b| !b.trim().is_empty());
    let pages = static_pages::Options::new(base.as_deref(), &public_url);
    let written = site::write(corpus, &site_dir, &public_url)
        .and_then(|written| feed_out::write(corpus, &site_dir, base.as_deref()).map(|()| written))
        .and_then(|written| static_pages::write(corpus, &site_dir, &pages).map(|()| written));
    match written {
        Ok(written) => eprintln!(
            "Lectern: read {} in {shown}: {} articles in {} files ({} bytes; the first, {}, {} bytes), {}, {} and the pages without JavaScript; read and indexed in {:.2} s, written in {:.2} s",
            loaded.summary(),
            corpus.articles.len(),
            written.files,
            written.total_bytes,
            written.file,
            written.bytes,
            feed_out::JSON_FEED,
            feed_out::ATOM_FEED,
            indexed.as_secs_f64(),
            (started.elapsed() - indexed).as_secs_f64()
        ),
        Err(e) => {
            eprintln!("Lectern cannot write the corpus into {}: {e}", site_dir.display());
            process::exit(1);
        }
    }
}
