//! A failed fetch, explained: each kind of [`ApiError`] has its own message and way out.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::ApiError;
use crate::i18n::{Key, use_i18n};
use crate::routes::{Page, path_with_query};

/// Explains `error` to the user, announced as an alert.
///
/// - 401: the session has ended, with a "Log in again" link back to this page;
/// - network failure, 5xx and unreadable answers: a "Try again" button (when `on_retry`);
/// - 403 / 404: their own messages; other problems: the server's title and detail.
#[component]
pub fn ApiErrorNotice(
    /// The error to explain.
    #[prop(into)]
    error: Signal<ApiError>,
    /// Called when the user asks to try again; without it no button is shown.
    #[prop(optional, into)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();

    let message = move || {
        let key = match error.get() {
            ApiError::Unauthorized => Key::ErrorSessionEnded,
            ApiError::Network(_) => Key::ErrorNetwork,
            ApiError::Decode(_) => Key::ErrorDecode,
            ApiError::Problem { status: 403, .. } => Key::ErrorForbidden,
            ApiError::Problem { status: 404, .. } => Key::ErrorNotFound,
            ApiError::Problem { status: 410, .. } => Key::ErrorGone,
            ApiError::Problem {
                status: 502..=504, ..
            } => Key::ErrorUnavailable,
            ApiError::Problem { .. } => Key::ErrorHeading,
        };
        i18n.t(key)
    };
    // The server's own words, when it gave any beyond the status line.
    let details = move || match error.get() {
        ApiError::Problem { status, problem } => {
            let text = [problem.title.clone(), problem.detail.clone()]
                .into_iter()
                .flatten()
                .filter(|s| !s.trim().is_empty())
                .collect::<Vec<_>>()
                .join(" – ");
            let code = i18n.tf(Key::ErrorCode, &[("status", &status.to_string())]);
            Some(if text.is_empty() {
                code
            } else {
                format!("{text} ({code})")
            })
        }
        _ => None,
    };
    let is_unauthorized = move || matches!(error.get(), ApiError::Unauthorized);
    let retryable = move || {
        on_retry.is_some()
            && match error.get() {
                ApiError::Network(_) | ApiError::Decode(_) => true,
                ApiError::Problem { status, .. } => status >= 500,
                ApiError::Unauthorized => false,
            }
    };
    let login_href = move || {
        let return_to = path_with_query(&location.pathname.get(), &location.search.get());
        Page::ApiLogin { return_to }.href()
    };

    view! {
        <div class="notice notice--error" role="alert">
            <p class="notice__message">{message}</p>
            {move || details().map(|text| view! { <p class="notice__details">{text}</p> })}
            <Show when=is_unauthorized>
                <a class="button button--primary" href=login_href rel="external">
                    {i18n.tr(Key::LogInAgain)}
                </a>
            </Show>
            <Show when=retryable>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        if let Some(retry) = on_retry {
                            retry.run(());
                        }
                    }
                >
                    {i18n.tr(Key::TryAgain)}
                </button>
            </Show>
        </div>
    }
}
