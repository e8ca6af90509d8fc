//! Browser tests of the phone-verification page's gate (issue 4): who sees what.
//! The staff flow itself needs the server and is covered by `e2e/tests/otp.spec.ts`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use portal::i18n::{I18n, Lang};
use portal::pages::VerifyPhonePage;
use portal::session::{SessionState, SessionStatus};
use wasm_bindgen_test::*;

mod support;

use support::{container, tick};

wasm_bindgen_test_configure!(run_in_browser);

fn mount(status: SessionStatus, lang: Lang) -> web_sys::HtmlElement {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(I18n::new(lang));
        provide_context(SessionState::new(status.clone()));
        view! { <VerifyPhonePage /> }
    });
    handle.forget();
    root
}

fn text_of(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .expect("selector")
        .unwrap_or_else(|| panic!("{selector} exists"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn users_who_are_not_staff_get_a_translated_403_page() {
    let root = mount(
        SessionStatus::LoggedIn {
            name: "Ola".into(),
            is_staff: false,
            party: None,
        },
        Lang::Nn,
    );
    tick().await;
    assert_eq!(text_of(&root, "h1"), "Inga tilgang");
    assert!(text_of(&root, ".page").contains("Feilkode 403"));
    assert!(root.query_selector("form").expect("selector").is_none());
    root.remove();
}

#[wasm_bindgen_test]
async fn visitors_are_offered_a_login_that_comes_back_here() {
    let root = mount(SessionStatus::LoggedOut, Lang::En);
    tick().await;
    assert_eq!(text_of(&root, "h1"), "Verify phone number");
    let link = root
        .query_selector("a[rel=external]")
        .expect("selector")
        .expect("a login link");
    assert_eq!(link.text_content().as_deref(), Some("Log in"));
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/api/login?returnTo=%2Fverify-phone")
    );
    root.remove();
}
