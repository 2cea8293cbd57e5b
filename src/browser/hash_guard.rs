//! The router reads routes from hashes that start with `#/`, reading the rest as a URL
//! relative to the page, and throws when that is not a URL. An address like `#foo` or
//! `#%3Cscript…` (a hand-made or hostile link) would make it throw, and so would `#//` or
//! `#/\` (read as `//host`, with an empty or invalid host); this rewrites such a hash to
//! `#/` followed by the rest, without its leading slashes ([`fixed_hash`], pure), before
//! the router reads it: at start and on every navigation.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsValue;

/// What a URL parser reads as the slashes of `//host`, or skips between them.
const SLASHES: [char; 5] = ['/', '\\', '\t', '\n', '\r'];

/// The hash to use instead of `hash`, or `None` when the router reads it as it is: when
/// it is empty, or `#/` not followed by another slash.
pub fn fixed_hash(hash: &str) -> Option<String> {
    let path = hash.trim_start_matches('#').trim_start_matches(SLASHES);
    let fixed = format!("#/{path}");
    (!hash.is_empty() && hash != fixed).then_some(fixed)
}

/// Rewrites the current hash when the router cannot read it.
fn normalise() {
    let window = gloo::utils::window();
    let Ok(hash) = window.location().hash() else { return };
    let Some(fixed) = fixed_hash(&hash) else { return };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&fixed));
    }
}

/// Normalises now, and before any other listener on every hash navigation. Call before
/// the app (and its router) starts, so these listeners run first.
pub fn install() {
    normalise();
    let window = gloo::utils::window();
    for event in ["popstate", "hashchange"] {
        EventListener::new_with_options(&window, event, EventListenerOptions::run_in_capture_phase(), |_| normalise())
            .forget();
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::test_inputs::{hostile, long_input};

    #[test]
    fn routes_are_kept_and_anything_else_gets_one_leading_slash() {
        for readable in ["", "#/", "#/a/some-slug", "#/?q=%E0%A4%A&tag=x", "#/a/%ZZ", "#/#x"] {
            assert_eq!(fixed_hash(readable), None, "{readable:?}");
        }
        for (hash, fixed) in [
            ("#", "#/"),
            ("#foo", "#/foo"),
            ("#%3Cscript%3E__xss(933)%3C/script%3E", "#/%3Cscript%3E__xss(933)%3C/script%3E"),
            ("#?q=x", "#/?q=x"),
            ("##/a/x", "#/a/x"),
            ("#//", "#/"),
            ("#//evil.example/a/x", "#/evil.example/a/x"),
            ("#/\\", "#/"),
            ("#/\\\\/a/x", "#/a/x"),
        ] {
            assert_eq!(fixed_hash(hash).as_deref(), Some(fixed), "{hash:?}");
        }
        let long = format!("#{}", long_input());
        assert!(fixed_hash(&long).is_some_and(|f| f.starts_with("#/") && long.ends_with(&f[2..])));
    }

    proptest! {
        #[test]
        fn a_fixed_hash_is_readable_and_keeps_the_rest(hash in ("[#/\\\\\t]{0,4}", hostile()).prop_map(|(start, rest)| start + &rest)) {
            let readable = hash.is_empty() || hash.strip_prefix("#/").is_some_and(|rest| !rest.starts_with(SLASHES));
            match fixed_hash(&hash) {
                None => prop_assert!(readable, "{hash:?} is left as it is"),
                Some(fixed) => {
                    prop_assert!(!readable, "{hash:?} is rewritten");
                    prop_assert!(fixed.starts_with("#/") && !fixed[2..].starts_with(SLASHES), "{fixed:?}");
                    prop_assert!(hash.ends_with(&fixed[2..]), "{hash:?} lost text: {fixed:?}");
                    prop_assert_eq!(fixed_hash(&fixed), None);
                }
            }
        }
    }
}
