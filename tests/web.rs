//! Browser tests (wasm-bindgen-test in headless Chromium): `cargo test -p portal --target
//! wasm32-unknown-unknown`. Pure logic is also unit-tested natively in its own modules.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use leptos::prelude::*;
use portal::components::{DialogList, PartyPicker};
use portal::i18n::{I18n, Key, Lang};
use portal::inbox_model::DialogRow;
use portal::party_tree::{PartyInput, PartyKind, flatten};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn every_key_is_translated() {
    for key in Key::ALL {
        for lang in Lang::ALL {
            assert!(
                !lang.t(*key).trim().is_empty(),
                "{key:?} missing in {lang:?}"
            );
        }
    }
}

fn party(name: &str, kind: PartyKind, me: bool) -> PartyInput {
    PartyInput {
        urn: format!("urn:test:{}", name.replace(' ', "-")),
        name: name.to_owned(),
        kind,
        is_current_end_user: me,
        is_deleted: false,
        has_only_access_to_sub_parties: false,
        sub_parties: Vec::new(),
    }
}

fn sample() -> Vec<PartyInput> {
    let mut org = party("BAKERI AS", PartyKind::Organisation, false);
    org.sub_parties = vec![party("BAKERI AVD SENTRUM", PartyKind::Organisation, false)];
    vec![
        org,
        party("KARI NORDMANN", PartyKind::Person, false),
        party("OLA NORDMANN", PartyKind::Person, true),
    ]
}

#[wasm_bindgen_test]
fn the_user_comes_first_and_sub_units_follow_their_organisation() {
    let names: Vec<String> = flatten(&sample(), false)
        .into_iter()
        .map(|r| r.name)
        .collect();
    assert_eq!(
        names,
        [
            "OLA NORDMANN",
            "KARI NORDMANN",
            "BAKERI AS",
            "BAKERI AVD SENTRUM"
        ]
    );
}

async fn tick() {
    // Lets effects and the browser's rendering run.
    gloo_timers_sleep(Duration::from_millis(50)).await;
}

async fn gloo_timers_sleep(duration: Duration) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                duration.as_millis() as i32,
            );
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn by_id(id: &str) -> web_sys::HtmlElement {
    document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("#{id} exists"))
        .unchecked_into()
}

fn key(target: &web_sys::HtmlElement, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
        .expect("keyboard event");
    target.dispatch_event(&event).expect("dispatched");
}

#[wasm_bindgen_test]
async fn party_picker_opens_moves_chooses_and_closes() {
    let container: web_sys::HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&container)
        .expect("appended");

    let chosen = RwSignal::new(None::<String>);
    let rows = flatten(&sample(), false);
    let first = rows[0].urn.clone();
    let _handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(I18n::new(Lang::En));
        view! {
            <PartyPicker
                parties=Signal::stored(rows.clone())
                selected=Signal::stored(Some(first.clone()))
                on_select=Callback::new(move |urn: String| chosen.set(Some(urn)))
            />
        }
    });
    tick().await;

    let button = by_id("party-picker-button");
    assert_eq!(button.text_content().as_deref(), Some("Choose party"));
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    let list = by_id("party-picker-list");
    assert!(list.hidden());

    button.click();
    tick().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(!list.hidden());
    let options = list.query_selector_all("[role=option]").expect("options");
    assert_eq!(options.length(), 4);
    let first_option: web_sys::Element = options.get(0).expect("option").unchecked_into();
    assert_eq!(
        first_option.get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    assert!(
        first_option
            .text_content()
            .unwrap_or_default()
            .contains("OLA NORDMANN")
    );

    key(&list, "End");
    tick().await;
    assert_eq!(
        list.get_attribute("aria-activedescendant").as_deref(),
        Some("party-option-3")
    );
    key(&list, "Enter");
    tick().await;
    assert_eq!(
        chosen.get_untracked().as_deref(),
        Some("urn:test:BAKERI-AVD-SENTRUM")
    );
    assert!(list.hidden());

    button.click();
    tick().await;
    key(&list, "Escape");
    tick().await;
    assert!(list.hidden());
    let focused = document().active_element().map(|el| el.id());
    assert_eq!(focused.as_deref(), Some("party-picker-button"));

    container.remove();
}

#[wasm_bindgen_test]
async fn dialog_list_is_named_and_links_each_dialog_by_title() {
    let container: web_sys::HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&container)
        .expect("appended");

    let updated_at = chrono::DateTime::parse_from_rfc3339("2025-03-03T13:05:00Z")
        .expect("date")
        .to_utc();
    let rows = vec![
        DialogRow {
            id: "a1".into(),
            title: "Skattemelding 2025".into(),
            sender: "Skatteetaten".into(),
            status: Key::StatusRequiresAttention,
            status_class: "requires-attention",
            unread: true,
            updated_at,
        },
        DialogRow {
            id: "b2".into(),
            title: "Kvittering".into(),
            sender: "nav".into(),
            status: Key::StatusCompleted,
            status_class: "completed",
            unread: false,
            updated_at,
        },
    ];
    let _handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(I18n::new(Lang::Nb));
        view! {
            <DialogList
                dialogs=Signal::stored(rows.clone())
                party=Signal::stored(Some("urn:altinn:person:identifier-no:08844397713".to_owned()))
            />
        }
    });
    tick().await;

    let list = container
        .query_selector("ul")
        .expect("query")
        .expect("a list");
    assert_eq!(
        list.get_attribute("aria-label").as_deref(),
        Some("Dialoger")
    );
    let links = list.query_selector_all("a").expect("links");
    assert_eq!(links.length(), 2);
    let first: web_sys::Element = links.get(0).expect("link").unchecked_into();
    assert_eq!(
        first.get_attribute("href").as_deref(),
        Some("/inbox/a1?party=urn%3Aaltinn%3Aperson%3Aidentifier-no%3A08844397713")
    );
    let text = first.text_content().unwrap_or_default();
    for expected in [
        "Skattemelding 2025",
        "Ulest",
        "Skatteetaten",
        "Krever handling",
        "2025",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text:?}");
    }
    let time = first
        .query_selector("time")
        .expect("query")
        .expect("a time");
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2025-03-03T13:05:00Z")
    );
    let second: web_sys::Element = links.get(1).expect("link").unchecked_into();
    assert!(!second.text_content().unwrap_or_default().contains("Ulest"));

    container.remove();
}
