//! The site header: skip link, product name, staff navigation, language picker, and log in
//! / log out.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};

use super::LanguagePicker;
use super::api_log::ApiLogToggle;
use crate::a11y::focus_main_heading;
use crate::i18n::{Key, use_i18n};
use crate::routes::{Page, path_with_query};
use crate::session::{SessionStatus, use_session};

/// The header shown on every page.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let i18n = use_i18n();
    let skip = move |ev: web_sys::MouseEvent| {
        // Focus the heading ourselves: the router would treat "#main" as a navigation.
        ev.prevent_default();
        focus_main_heading();
    };
    view! {
        <header class="site-header">
            <a class="skip-link" href="#main" on:click=skip>
                {i18n.tr(Key::SkipToMain)}
            </a>
            <div class="site-header__inner">
                <a class="brand" href=Page::Start.href()>
                    <img class="brand__logo" src="/favicon.svg" alt="" width="28" height="28" />
                    <span>{i18n.tr(Key::AppName)}</span>
                </a>
                <StaffNav />
                <div class="site-header__tools">
                    <ApiLogToggle />
                    <LanguagePicker />
                    <AuthControls />
                </div>
            </div>
        </header>
    }
}

/// The staff's tools, shown only to service desk staff.
#[component]
fn StaffNav() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let location = use_location();
    let href = Page::VerifyPhone.href();
    let current = {
        let href = href.clone();
        move || (location.pathname.get() == href).then_some("page")
    };
    view! {
        <Show when=move || session.is_staff()>
            <nav class="site-nav" aria-label=i18n.tr(Key::SiteNav)>
                <a class="site-nav__link" href=href.clone() aria-current=current.clone()>
                    {i18n.tr(Key::OtpVerifyPhone)}
                </a>
            </nav>
        </Show>
    }
}

/// "Log in" (a plain link, so the browser leaves for the login) or the user's name and
/// "Log out". Nothing while the session is still being asked about.
#[component]
fn AuthControls() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let location = use_location();
    let navigate = use_navigate();
    let busy = RwSignal::new(false);

    let login_href = move || {
        let return_to = path_with_query(&location.pathname.get(), &location.search.get());
        Page::ApiLogin { return_to }.href()
    };
    let log_out = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let navigate = navigate.clone();
        let lang = i18n.lang_signal().get_untracked();
        spawn_local(async move {
            // Whatever the server answers, the portal forgets the session. Then on to the
            // identity provider's logout (it comes back to the start page), or home.
            let next = session.log_out(lang).await;
            busy.set(false);
            match next {
                Ok(url) if is_absolute_http(&url) => {
                    let _ = window().location().assign(&url);
                }
                Ok(path) if path.starts_with('/') && !path.starts_with("//") => {
                    navigate(&path, NavigateOptions::default())
                }
                _ => navigate(&Page::Start.href(), NavigateOptions::default()),
            }
        });
    };

    move || match session.status() {
        SessionStatus::Unknown => ().into_any(),
        SessionStatus::LoggedOut if !session.oidc_login_available() => view! {
            <a class="button button--primary" href=Page::DemoLogin.href()>
                {i18n.tr(Key::DemoLoginLink)}
            </a>
        }
        .into_any(),
        SessionStatus::LoggedOut => view! {
            <a class="button button--primary" href=login_href rel="external">
                {i18n.tr(Key::LogIn)}
            </a>
        }
        .into_any(),
        SessionStatus::LoggedIn { name, .. } => {
            let name = StoredValue::new(name);
            view! {
                <span class="site-header__user">
                    {move || name.with_value(|name| i18n.tf(Key::LoggedInAs, &[("name", name)]))}
                </span>
                <button
                    type="button"
                    class="button"
                    on:click=log_out.clone()
                    aria-disabled=move || busy.get().to_string()
                >
                    {i18n.tr(Key::LogOut)}
                </button>
            }
            .into_any()
        }
    }
}

/// An `http(s)://` URL (the identity provider's logout), as opposed to a path here.
fn is_absolute_http(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}
