//! `/login` (on to the server's login) and `/login-error` (why it did not work).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::a11y::use_page_title;
use crate::i18n::{Key, use_i18n};
use crate::routes::Page;

/// `/login?returnTo=…`: leaves for `/api/login` at once (a full navigation).
#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    use_page_title(Key::LoginHeading);
    let return_to = query
        .with_untracked(|q| q.get("returnTo"))
        .unwrap_or_default();
    let target = Page::ApiLogin { return_to }.href();
    let _ = window().location().replace(&target);
    view! {
        <div class="page page--narrow">
            <h1 tabindex="-1">{i18n.tr(Key::LoginHeading)}</h1>
            <p role="status">{i18n.tr(Key::LoginRedirecting)}</p>
        </div>
    }
}

/// `/login-error?reason=…`: the login failed; says why, and offers another try.
#[component]
pub fn LoginErrorPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    use_page_title(Key::LoginFailedHeading);
    let reason = move || query.with(|q| q.get("reason").or_else(|| q.get("loginError")));
    view! {
        <div class="page page--narrow">
            <h1 tabindex="-1">{i18n.tr(Key::LoginFailedHeading)}</h1>
            <p>{move || i18n.t(login_error_key(reason().as_deref().unwrap_or_default()))}</p>
            <p>
                <a class="button button--primary" href=Page::Login.href()>
                    {i18n.tr(Key::LoginTryAgain)}
                </a>
            </p>
        </div>
    }
}

/// A failed login explained in a sentence (for pages that show it inline).
#[component]
pub fn LoginErrorMessage(
    /// The reason code the server passed along.
    #[prop(into)]
    reason: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let key = login_error_key(&reason);
    view! {
        <div class="notice notice--error" role="alert">
            <p class="notice__message">{i18n.tr(Key::LoginFailedHeading)}</p>
            <p>{i18n.tr(key)}</p>
        </div>
    }
}

/// The message for a login error code (OAuth `error` values and the server's own).
pub fn login_error_key(reason: &str) -> Key {
    match reason {
        "access_denied" | "cancelled" | "canceled" | "login_cancelled" => Key::LoginErrorCancelled,
        "state" | "invalid_state" | "state_mismatch" | "expired" | "login_expired" => {
            Key::LoginErrorExpired
        }
        "login-not-configured" => Key::LoginErrorNotConfigured,
        _ => Key::LoginErrorGeneric,
    }
}
