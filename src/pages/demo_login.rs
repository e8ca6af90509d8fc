//! `/demo-login`: log in as a test person through Altinn's test token generator, for demos
//! without an ID-porten client. The server decides whether it is available (never in
//! production) and checks the number; this page only asks for it and explains refusals.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::a11y::use_page_title;
use crate::api::ApiError;
use crate::api::session::demo_login;
use crate::i18n::{DemoLoginKey, Key, use_i18n};
use crate::routes::Page;

const PID_ID: &str = "demo-login-pid";
const PID_ERROR_ID: &str = "demo-login-pid-error";

/// Why a demo login did not work, as the page explains it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DemoLoginError {
    /// The number is not a valid national identity number (said at the field).
    InvalidNumber,
    /// The test token generator refused or failed.
    GeneratorFailed,
    /// The server does not offer demo login.
    Unavailable,
    /// Anything else (network, server error).
    Failed,
}

impl DemoLoginError {
    /// The error for a failed `POST /api/demo-login`.
    pub fn from_api(error: &ApiError) -> Self {
        match error {
            ApiError::Problem { status: 400, .. } => DemoLoginError::InvalidNumber,
            ApiError::Problem { status: 404, .. } => DemoLoginError::Unavailable,
            ApiError::Problem { status: 502, .. } => DemoLoginError::GeneratorFailed,
            _ => DemoLoginError::Failed,
        }
    }

    pub fn key(self) -> DemoLoginKey {
        match self {
            DemoLoginError::InvalidNumber => DemoLoginKey::DemoLoginInvalidNumber,
            DemoLoginError::GeneratorFailed => DemoLoginKey::DemoLoginGeneratorFailed,
            DemoLoginError::Unavailable => DemoLoginKey::DemoLoginUnavailable,
            DemoLoginError::Failed => DemoLoginKey::DemoLoginFailed,
        }
    }
}

/// Whether the text could be a national identity number (the server checks the rest).
pub fn looks_like_pid(text: &str) -> bool {
    let text = text.trim();
    text.len() == 11 && text.bytes().all(|b| b.is_ascii_digit())
}

/// `/demo-login`: the number, "Log in", and on success on to the inbox.
#[component]
pub fn DemoLoginPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(DemoLoginKey::DemoLoginHeading);
    let pid = RwSignal::new(String::new());
    let error = RwSignal::new(None::<DemoLoginError>);
    let busy = RwSignal::new(false);

    let focus_field = || {
        if let Some(input) = document().get_element_by_id(PID_ID) {
            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(input).focus();
        }
    };
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let number = pid.get_untracked().trim().to_owned();
        if !looks_like_pid(&number) {
            error.set(Some(DemoLoginError::InvalidNumber));
            focus_field();
            return;
        }
        busy.set(true);
        error.set(None);
        let lang = i18n.lang_signal().get_untracked();
        spawn_local(async move {
            match demo_login(&number, lang).await {
                Ok(()) => {
                    // A full navigation: the portal starts again with the new session.
                    let _ = window()
                        .location()
                        .assign(&Page::Inbox { party: None }.href());
                }
                Err(e) => {
                    let reason = DemoLoginError::from_api(&e);
                    busy.set(false);
                    error.set(Some(reason));
                    if reason == DemoLoginError::InvalidNumber {
                        focus_field();
                    }
                }
            }
        });
    };
    let field_error = move || error.get() == Some(DemoLoginError::InvalidNumber);
    let other_error = move || error.get().filter(|e| *e != DemoLoginError::InvalidNumber);

    view! {
        <div class="page page--narrow">
            <h1 tabindex="-1">{i18n.tr(DemoLoginKey::DemoLoginHeading)}</h1>
            <p class="lead">{i18n.tr(DemoLoginKey::DemoLoginIntro)}</p>
            {move || {
                other_error()
                    .map(|e| {
                        view! {
                            <div class="notice notice--error" role="alert">
                                <p class="notice__message">{i18n.tr(e.key())}</p>
                            </div>
                        }
                    })
            }}
            <form on:submit=on_submit novalidate>
                <div class="field">
                    <label for=PID_ID>{i18n.tr(DemoLoginKey::NationalIdentityNumber)}</label>
                    <p class="field__hint" id="demo-login-pid-hint">
                        {i18n.tr(DemoLoginKey::NationalIdentityNumberHint)}
                    </p>
                    <input
                        id=PID_ID
                        class="input"
                        type="text"
                        inputmode="numeric"
                        autocomplete="off"
                        maxlength="11"
                        aria-required="true"
                        aria-invalid=move || field_error().to_string()
                        aria-describedby=move || {
                            if field_error() {
                                format!("demo-login-pid-hint {PID_ERROR_ID}")
                            } else {
                                "demo-login-pid-hint".to_owned()
                            }
                        }
                        prop:value=move || pid.get()
                        on:input=move |ev| {
                            pid.set(event_target_value(&ev));
                            if field_error() {
                                error.set(None);
                            }
                        }
                    />
                    <Show when=field_error>
                        <p class="field__error" id=PID_ERROR_ID role="alert">
                            {i18n.tr(DemoLoginKey::DemoLoginInvalidNumber)}
                        </p>
                    </Show>
                </div>
                <button
                    type="submit"
                    class="button button--primary"
                    aria-disabled=move || busy.get().to_string()
                >
                    {i18n.tr(Key::LogIn)}
                </button>
            </form>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ProblemDetails;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn problem(status: u16) -> ApiError {
        ApiError::Problem {
            status,
            problem: ProblemDetails::default(),
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn refusals_get_their_own_message() {
        assert_eq!(
            DemoLoginError::from_api(&problem(400)).key(),
            DemoLoginKey::DemoLoginInvalidNumber
        );
        assert_eq!(
            DemoLoginError::from_api(&problem(502)).key(),
            DemoLoginKey::DemoLoginGeneratorFailed
        );
        assert_eq!(
            DemoLoginError::from_api(&problem(404)).key(),
            DemoLoginKey::DemoLoginUnavailable
        );
        assert_eq!(
            DemoLoginError::from_api(&ApiError::Network("offline".into())).key(),
            DemoLoginKey::DemoLoginFailed
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn only_eleven_digits_are_sent() {
        assert!(looks_like_pid(" 12838310026 "));
        assert!(!looks_like_pid("1283831002"));
        assert!(!looks_like_pid("1283831002a"));
        assert!(!looks_like_pid(""));
    }
}
