//! Why a dialog cannot be shown, each reason with its own explanation and way out.

use chrono::Local;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::dialog_content::DialogLoadError;
use crate::components::ApiErrorNotice;
use crate::format::long_date;
use crate::i18n::{DialogKey, use_i18n};
use crate::routes::{encode_component, path_with_query};

/// Explains `error`; `on_retry` is offered where trying again can help.
#[component]
pub fn DialogLoadNotice(
    /// The reason.
    error: DialogLoadError,
    /// Loads the dialog again.
    on_retry: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let message = move |key: DialogKey| view! { <div class="notice notice--error" role="alert"><p class="notice__message">{i18n.tr(key)}</p></div> };
    match error {
        DialogLoadError::NotVisibleYet(at) => {
            let local = at.with_timezone(&Local).naive_local();
            let iso = at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
            view! {
                <div class="notice notice--info" role="alert">
                    <p class="notice__message">{i18n.tr(DialogKey::DialogNotVisibleYet)}</p>
                    <p>
                        {i18n.tr(DialogKey::AvailableFrom)} " "
                        <time datetime=iso>{move || long_date(local, i18n.lang())}</time>
                    </p>
                </div>
            }
            .into_any()
        }
        DialogLoadError::Deleted => message(DialogKey::DialogDeleted).into_any(),
        DialogLoadError::Forbidden => message(DialogKey::DialogForbidden).into_any(),
        DialogLoadError::NotFound => message(DialogKey::DialogNotFound).into_any(),
        DialogLoadError::AuthLevelTooLow => {
            let login = move || {
                let here = path_with_query(&location.pathname.get(), &location.search.get());
                format!("/api/login?returnTo={}&acr=high", encode_component(&here))
            };
            view! {
                <div class="notice notice--error" role="alert">
                    <p class="notice__message">{i18n.tr(DialogKey::DialogAuthLevel)}</p>
                    <p>{i18n.tr(DialogKey::DialogAuthLevelHelp)}</p>
                    <a class="button button--primary" href=login rel="external">
                        {i18n.tr(DialogKey::LogInHigherLevel)}
                    </a>
                </div>
            }
            .into_any()
        }
        DialogLoadError::Other(error) => {
            view! { <ApiErrorNotice error=error on_retry=on_retry /> }.into_any()
        }
    }
}
