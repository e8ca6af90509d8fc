//! The app shell: contexts, header, the `<main>` landmark and the routes.

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;
use leptos_router::{Lazy, LazyRoute};

use crate::a11y::use_focus_on_navigation;
use crate::components::SiteHeader;
use crate::components::api_log::{ApiLogPanel, provide_api_log};
use crate::i18n::{Key, provide_i18n, use_i18n};
use crate::pages::{InboxPage, LoginErrorPage, LoginPage, NotFoundPage, StartPage};
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
                <Route path=path!("/inbox/:id") view={Lazy::<DialogRoute>::new()} />
                <Route path=path!("/verify-phone") view={Lazy::<VerifyPhoneRoute>::new()} />
                <Route path=path!("/drafts") view=InboxPage />
                <Route path=path!("/sent") view=InboxPage />
                <Route path=path!("/archive") view=InboxPage />
                <Route path=path!("/bin") view=InboxPage />
                <Route path=path!("/saved-searches") view={Lazy::<SavedSearchesRoute>::new()} />
                <Route path=path!("/demo-login") view={Lazy::<DemoLoginRoute>::new()} />
            </Routes>
        </main>
    }
}

/// A route whose page is code the first page a user sees does not need: the release build
/// (`--cfg portal_split`, see the Makefile) cuts it out of the main wasm into a module of its
/// own, fetched the first time the route is shown (`wasm_split`, what Leptos' `#[lazy]` uses, here
/// `fallible`: a module that cannot be fetched gets an explanation, not a crash; split by
/// `wasm-split-cli` in `scripts/split/`). Other builds (tests, `trunk serve`) call
/// the page directly.
// rustfmt re-indents the attribute below on every run (not idempotent inside macro_rules).
#[rustfmt::skip]
macro_rules! lazy_page {
    ($route:ident, $view:ident, $preload:ident, $page:path) => {
        struct $route;

        #[cfg_attr(
            portal_split,
            leptos::wasm_split::wasm_split(
                $view,
                wasm_split_path = ::leptos::wasm_split,
                preload($preload),
                fallible
            )
        )]
        fn $view() -> Result<AnyView, SplitLoaderError> {
            Ok(view! { <$page /> }.into_any())
        }

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_this: Self) -> AnyView {
                #[cfg(portal_split)]
                let view = $view().await;
                #[cfg(not(portal_split))]
                let view = $view();
                crate::a11y::focus_heading_when_drawn();
                view.unwrap_or_else(|_| view! { <PageLoadFailed /> }.into_any())
            }
        }
    };
}

// The dialog page (content, actions, transmissions, history) is the largest; the service
// desk's phone verification is for staff only; saved searches and demo login are visited
// rarely. The inbox, the start page and login stay in the main module.
lazy_page!(
    DialogRoute,
    dialog_view,
    preload_dialog_view,
    crate::pages::DialogPage
);
lazy_page!(
    VerifyPhoneRoute,
    verify_phone_view,
    preload_verify_phone_view,
    crate::pages::VerifyPhonePage
);
lazy_page!(
    SavedSearchesRoute,
    saved_searches_view,
    preload_saved_searches_view,
    crate::pages::SavedSearchesPage
);
lazy_page!(
    DemoLoginRoute,
    demo_login_view,
    preload_demo_login_view,
    crate::pages::DemoLoginPage
);

/// A page whose module could not be fetched (offline, or a new release replaced it): says so
/// and offers to load the portal again. The next visit to the route tries again.
#[component]
fn PageLoadFailed() -> impl IntoView {
    let i18n = use_i18n();
    crate::a11y::use_page_title(Key::PageLoadFailedHeading);
    view! {
        <div class="page page--narrow">
            <h1 tabindex="-1">{i18n.tr(Key::PageLoadFailedHeading)}</h1>
            <p role="alert">{i18n.tr(Key::PageLoadFailedBody)}</p>
            <button
                type="button"
                class="button button--primary"
                on:click=|_| {
                    let _ = window().location().reload();
                }
            >
                {i18n.tr(Key::PageLoadFailedReload)}
            </button>
        </div>
    }
}

/// Fetches the dialog page's module ahead of need (the inbox does once it lists dialogs, at
/// the browser's next idle moment), so opening a dialog waits only for the dialog's data. Nothing to fetch in unsplit builds.
pub fn preload_dialog_page() {
    #[cfg(portal_split)]
    crate::load::prefetch_when_idle(preload_dialog_view);
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
