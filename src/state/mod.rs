//! The app's state as pure data: what the library shows (its URL codec and the actions
//! that change it), the reader's preferences, reading positions and highlights (their
//! storage codecs), the mark model of an article body, and the news lenses it shows.
//!
//! Invariant: nothing here imports a web crate (yew, web-sys, gloo, js-sys,
//! wasm-bindgen): every module is tested natively, and `browser/` and `hooks/` connect it
//! to the page.

pub mod highlights;
pub mod lenses;
pub mod library_action;
pub mod library_query;
pub mod marks;
pub mod offline;
pub mod prefs;
pub mod reading_progress;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    /// The invariant above, checked on the sources: no module here names a web crate.
    #[test]
    fn state_modules_import_no_web_crate() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/state");
        let mut read = 0;
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let source = std::fs::read_to_string(&path).unwrap();
            for web in ["yew", "web_sys", "gloo", "js_sys", "wasm_bindgen"] {
                let named = source.lines().filter(|l| !l.trim_start().starts_with("//")).any(|l| {
                    l.contains(&format!("{web}::"))
                        || l.contains(&format!("use {web}"))
                        || l.contains(&format!("{web}!"))
                });
                assert!(!named, "{} names {web}", path.display());
            }
            read += 1;
        }
        assert!(read >= 6, "read {read} modules");
    }
}
