//! The view for any address that names nothing.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::hooks::use_document_title::use_document_title;
use crate::route::Route;

#[component]
pub fn NotFoundPage() -> Html {
    use_document_title("Not found".to_string());
    html! {
        <section class="not-found">
            <h1>{ "Nothing here" }</h1>
            <p>{ "This address does not name an article in this library." }</p>
            <p><Link<Route> to={Route::Library}>{ "Back to the library" }</Link<Route>></p>
        </section>
    }
}
