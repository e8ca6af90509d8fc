//! Browser tests of the developer API log's toggle and panel: shown only when the server
//! offers the log, a disclosure that opens a labelled region, and a translated message
//! when the log cannot be read (the test server has no `/api/dev/api-log`). The list
//! itself needs the server and is covered by `e2e/tests/api-log.spec.ts`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use portal::components::api_log::{ApiLogPanel, ApiLogToggle, provide_api_log};
use portal::i18n::{I18n, Lang};
use portal::session::{SessionState, SessionStatus};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod support;

use support::{container, tick};

wasm_bindgen_test_configure!(run_in_browser);

fn mount(available: bool, lang: Lang) -> web_sys::HtmlElement {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(I18n::new(lang));
        let session = SessionState::new(SessionStatus::LoggedIn {
            name: "Ola".into(),
            is_staff: false,
            party: None,
        });
        session.set_api_log_available(available);
        provide_context(session);
        provide_api_log();
        view! {
            <ApiLogToggle />
            <ApiLogPanel />
        }
    });
    handle.forget();
    root
}

fn element(root: &web_sys::HtmlElement, selector: &str) -> Option<web_sys::HtmlElement> {
    root.query_selector(selector)
        .expect("selector")
        .map(|e| e.unchecked_into())
}

#[wasm_bindgen_test]
async fn without_the_server_offering_it_there_is_no_toggle() {
    let root = mount(false, Lang::En);
    tick().await;
    assert!(element(&root, "button").is_none());
    let panel = element(&root, "section#api-log").expect("the panel element");
    assert!(panel.hidden());
    root.remove();
}

#[wasm_bindgen_test]
async fn the_toggle_opens_a_labelled_region_and_says_when_the_log_cannot_be_read() {
    let root = mount(true, Lang::Nb);
    tick().await;
    let toggle = element(&root, "button").expect("the toggle");
    assert_eq!(toggle.text_content().unwrap_or_default(), "API-logg");
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        toggle.get_attribute("aria-controls").as_deref(),
        Some("api-log")
    );
    let panel = element(&root, "section#api-log").expect("the panel");
    assert!(panel.hidden());
    assert_eq!(
        panel.get_attribute("aria-labelledby").as_deref(),
        Some("api-log-heading")
    );

    toggle.click();
    tick().await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(!panel.hidden());
    let heading = element(&root, "#api-log-heading").expect("the heading");
    assert_eq!(heading.text_content().unwrap_or_default(), "API-logg");
    // The test server answers 404 for the log: a translated note, no list.
    for _ in 0..40 {
        if panel
            .text_content()
            .unwrap_or_default()
            .contains("Vi klarte ikke")
        {
            break;
        }
        tick().await;
    }
    assert!(
        panel
            .text_content()
            .unwrap_or_default()
            .contains("Vi klarte ikke å hente API-loggen."),
        "{:?}",
        panel.text_content()
    );
    assert!(element(&root, "ol").is_none());

    toggle.click();
    tick().await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(panel.hidden());
    root.remove();
}
