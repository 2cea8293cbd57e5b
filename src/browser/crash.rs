//! What the reader sees if the app panics: instead of a frozen or blank page, an error
//! view with a way back. Built with DOM calls (text nodes only), since Yew is gone by then.

use std::panic::PanicHookInfo;

/// Installs the panic hook: the panic goes to the console, and the body shows [`show`].
pub fn install() {
    std::panic::set_hook(Box::new(|info: &PanicHookInfo<'_>| {
        console_error_panic_hook::hook(info);
        if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
            show(&body, &info.to_string());
        }
    }));
}

/// Replaces the content of `page` (the body) with the error view; `detail` is shown as text.
pub fn show(page: &web_sys::Element, detail: &str) {
    let Some(document) = page.owner_document() else { return };
    let element = |tag: &str, text: &str| {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        Some(el)
    };
    let Some(main) = document.create_element("main").ok() else { return };
    let _ = main.set_attribute("class", "crash");
    let _ = main.set_attribute("role", "alert");
    let back = element("a", "Back to the library");
    if let Some(back) = &back {
        // The page's own address without the hash: a full reload, since the crashed app
        // cannot route any more.
        let _ = back.set_attribute("href", "./");
    }
    let parts = [
        element("h1", "Something went wrong"),
        element("p", "Lectern hit an internal error and stopped. Reloading the page usually helps; your settings and reading positions are kept."),
        back,
        element("pre", detail),
    ];
    for part in parts.into_iter().flatten() {
        let _ = main.append_child(&part);
    }
    page.set_text_content(None);
    let _ = page.append_child(&main);
}
