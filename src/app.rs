//! The application shell: providers, the header, and which page each route shows.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::storage_notice::StorageNotice;
use crate::hooks::use_prefs::PrefsProvider;
use crate::pages::article::ArticlePage;
use crate::pages::library::LibraryPage;
use crate::pages::not_found::NotFoundPage;
use crate::route::Route;

#[component]
pub fn App() -> Html {
    html! {
        <PrefsProvider>
        <HashRouter>
            <a class="skip-link" href="#main" onclick={skip_to_main()}>{ "Skip to content" }</a>
            <header class="site-header">
                <Link<Route> to={Route::Library} classes="brand">
                    <span class="brand-mark" aria-hidden="true">{ "❦" }</span>
                    { "Lectern" }
                </Link<Route>>
            </header>
            <StorageNotice />
            <main id="main" tabindex="-1">
                <Switch<Route> render={switch} />
            </main>
        </HashRouter>
        </PrefsProvider>
    }
}

/// The skip link moves focus without touching the hash, which belongs to the router.
fn skip_to_main() -> Callback<MouseEvent> {
    Callback::from(|e: MouseEvent| {
        e.prevent_default();
        if let Some(main) = gloo::utils::document().get_element_by_id("main") {
            if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
                let _ = main.focus();
            }
        }
    })
}

fn switch(route: Route) -> Html {
    match route {
        Route::Library => html! { <LibraryPage /> },
        Route::Article { slug } => html! { <ArticlePage {slug} /> },
        Route::NotFound => html! { <NotFoundPage /> },
    }
}
