//! Page-level accessibility: the document title, and focus after navigation.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use crate::i18n::{Key, Text, use_i18n};

/// Keeps `document.title` as "<page> – <product>" in the current language.
pub fn use_page_title(page: impl Text) {
    let i18n = use_i18n();
    use_page_title_with(move || i18n.t(page).to_owned());
}

/// Like [`use_page_title`], for pages named by their content (a dialog's title).
pub fn use_page_title_with(page: impl Fn() -> String + 'static) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let title = format!("{} – {}", page(), i18n.t(Key::AppName));
        document().set_title(&title);
    });
}

/// Moves focus to the main heading whenever the path changes (not on the first load, and
/// not when only the query changes, e.g. when another party is chosen), so screen reader
/// users hear the new page and keyboard users start from its top.
pub fn use_focus_on_navigation() {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|previous| previous != path) {
            NAVIGATED.with(|n| n.set(true));
            request_animation_frame(focus_main_heading);
        }
        path
    });
}

thread_local! {
    static NAVIGATED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// For a page whose code arrives after the route changed (a lazily loaded page, see
/// `lazy_page!` in app.rs): focuses its heading once it is drawn, as
/// [`use_focus_on_navigation`] did for the page before it. Nothing on the app's first page.
pub fn focus_heading_when_drawn() {
    if NAVIGATED.with(std::cell::Cell::get) {
        request_animation_frame(focus_main_heading);
    }
}

/// Focuses the page's `h1` (made focusable on the fly), else `<main>`.
pub fn focus_main_heading() {
    let doc = document();
    let target = doc
        .query_selector("main h1")
        .ok()
        .flatten()
        .or_else(|| doc.get_element_by_id("main"));
    if let Some(element) = target.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        if !element.has_attribute("tabindex") {
            let _ = element.set_attribute("tabindex", "-1");
        }
        let _ = element.focus();
    }
}

/// Focuses the element with `id`; false when there is none (or it cannot take focus).
pub fn focus_id(id: &str) -> bool {
    document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| el.focus().is_ok())
}
