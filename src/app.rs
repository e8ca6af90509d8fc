//! The app shell: contexts, header, the `<main>` landmark and the routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::a11y::use_focus_on_navigation;
use crate::components::SiteHeader;
use crate::components::api_log::{ApiLogPanel, provide_api_log};
use crate::i18n::provide_i18n;
use crate::pages::{
    DemoLoginPage, DialogPage, InboxPage, LoginErrorPage, LoginPage, NotFoundPage,
    SavedSearchesPage, StartPage, VerifyPhonePage,
};
use crate::session::provide_session;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let i18n = provide_i18n();
    provide_session(i18n.lang_signal().get_untracked());
    view! {
        <Router>
            <Shell />
        </Router>
    }
}

/// Everything inside the router (the focus handling needs the router's location).
#[component]
fn Shell() -> impl IntoView {
    use_focus_on_navigation();
    number_pages();
    provide_api_log();
    view! {
        <SiteHeader />
        <ApiLogPanel />
        <main id="main" tabindex="-1">
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=StartPage />
                <Route path=path!("/login") view=LoginPage />
                <Route path=path!("/login-error") view=LoginErrorPage />
                <Route path=path!("/inbox") view=InboxPage />
                <Route path=path!("/inbox/:id") view=DialogPage />
                <Route path=path!("/verify-phone") view=VerifyPhonePage />
                <Route path=path!("/drafts") view=InboxPage />
                <Route path=path!("/sent") view=InboxPage />
                <Route path=path!("/archive") view=InboxPage />
                <Route path=path!("/bin") view=InboxPage />
                <Route path=path!("/saved-searches") view=SavedSearchesPage />
                <Route path=path!("/demo-login") view=DemoLoginPage />
            </Routes>
        </main>
    }
}

/// Gives each route its own page number for the server's API log (`X-Portal-Page`, see
/// [`crate::api::page`]): the API module reads the route when it builds a request, and is
/// told of every route change. Only the path counts: a page that rewrites its own query
/// (filters, the party) stays the same page.
fn number_pages() {
    let location = use_location();
    crate::api::page::follow_route(move || location.pathname.get_untracked());
    Effect::new(move |_| {
        location.pathname.track();
        crate::api::page::sync();
    });
}
