//! `/verify-phone`: a service desk employee confirms that a caller holds a phone number.
//!
//! Only staff may use it: others get a translated 403 page, visitors a way to log in. The
//! flow itself is [`PhoneVerification`].

use leptos::prelude::*;

use crate::a11y::use_page_title_with;
use crate::components::PhoneVerification;
use crate::i18n::{Key, OtpKey, use_i18n};
use crate::routes::Page;
use crate::session::{SessionStatus, use_session};

/// Who is looking at the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Access {
    Unknown,
    LoggedOut,
    NotStaff,
    Staff,
}

/// The page: a gate in front of [`PhoneVerification`].
#[component]
pub fn VerifyPhonePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let access = Memo::new(move |_| match session.status() {
        SessionStatus::Unknown => Access::Unknown,
        SessionStatus::LoggedOut => Access::LoggedOut,
        SessionStatus::LoggedIn {
            is_staff: false, ..
        } => Access::NotStaff,
        SessionStatus::LoggedIn { is_staff: true, .. } => Access::Staff,
    });
    let heading = move || match access.get() {
        Access::NotStaff => i18n.t(OtpKey::OtpNoAccessHeading),
        _ => i18n.t(Key::OtpVerifyPhone),
    };
    use_page_title_with(move || heading().to_owned());

    move || match access.get() {
        Access::Unknown => view! {
            <div class="page page--narrow">
                <h1 tabindex="-1">{heading}</h1>
            </div>
        }
        .into_any(),
        Access::LoggedOut => view! {
            <div class="page page--narrow">
                <h1 tabindex="-1">{heading}</h1>
                <p>{i18n.tr(OtpKey::OtpLoginHint)}</p>
                <p>
                    <a
                        class="button button--primary"
                        href=Page::ApiLogin {
                            return_to: Page::VerifyPhone.href(),
                        }
                            .href()
                        rel="external"
                    >
                        {i18n.tr(Key::LogIn)}
                    </a>
                </p>
            </div>
        }
        .into_any(),
        Access::NotStaff => view! {
            <div class="page page--narrow">
                <h1 tabindex="-1">{heading}</h1>
                <p>{i18n.tr(OtpKey::OtpNoAccessBody)}</p>
                <p class="muted">{move || i18n.tf(Key::ErrorCode, &[("status", "403")])}</p>
                <p>
                    <a href=Page::Start.href()>{i18n.tr(Key::GoHome)}</a>
                </p>
            </div>
        }
        .into_any(),
        Access::Staff => view! {
            <div class="page page--narrow otp">
                <h1 tabindex="-1">{heading}</h1>
                <PhoneVerification />
            </div>
        }
        .into_any(),
    }
}
