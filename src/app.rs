//! The application shell: providers, the header, and which page each route shows.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::load_failed::LoadFailed;
use crate::components::offline_controls::OfflineControls;
use crate::components::storage_notice::StorageNotice;
use crate::corpus;
use crate::hooks::use_hand_over::use_hand_over;
use crate::hooks::use_offline::use_offline;
use crate::hooks::use_prefs::PrefsProvider;
use crate::pages::article::ArticlePage;
use crate::pages::library::LibraryPage;
use crate::pages::name::NamePage;
use crate::pages::not_found::NotFoundPage;
use crate::route::Route;

/// Where the corpus is: on its way, here, or failed with a message for the reader.
#[derive(Clone, PartialEq)]
enum Loading {
    Pending,
    Ready,
    Failed(corpus::LoadError),
}

#[component]
pub fn App() -> Html {
    let loading = use_state(|| if corpus::is_loaded() { Loading::Ready } else { Loading::Pending });
    let fetch = {
        let loading = loading.clone();
        Callback::from(move |_: ()| {
            let loading = loading.clone();
            loading.set(Loading::Pending);
            wasm_bindgen_futures::spawn_local(async move {
                loading.set(match corpus::load().await {
                    Ok(()) => Loading::Ready,
                    Err(error) => Loading::Failed(error),
                });
            });
        })
    };
    {
        let fetch = fetch.clone();
        use_effect_with((), move |_| {
            if !corpus::is_loaded() {
                fetch.emit(());
            }
        });
    }
    let offline = use_offline(*loading == Loading::Ready);
    // The library page says when its first view is complete; a failure is shown at once.
    use_hand_over(matches!(*loading, Loading::Failed(_)));
    let page = match &*loading {
        Loading::Ready => html! { <Switch<Route> render={switch} /> },
        Loading::Pending => html! { <p class="loading" role="status">{ "Loading the library…" }</p> },
        Loading::Failed(error) => html! {
            <LoadFailed heading="The library could not be opened" error={error.clone()} retry={fetch.clone()} />
        },
    };
    html! {
        <PrefsProvider>
        <HashRouter>
            <a class="skip-link" href="#main" onclick={skip_to_main()}>{ "Skip to content" }</a>
            <header class="site-header">
                <Link<Route> to={Route::Library} classes="brand">
                    <span class="brand-mark" aria-hidden="true">{ "❦" }</span>
                    { "Lectern" }
                </Link<Route>>
                <OfflineControls {offline} />
            </header>
            <StorageNotice />
            <main id="main" tabindex="-1">
                { page }
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
        Route::Name { slug } => html! { <NamePage {slug} /> },
        Route::NotFound => html! { <NotFoundPage /> },
    }
}
