//! A confirmation dialog on the native `<dialog>` element opened with `showModal()`: the
//! browser makes the rest of the page inert (focus stays inside), Escape cancels, and we
//! return focus to where it was.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::{DialogKey, use_i18n};

/// What to confirm.
#[derive(Clone, Debug, PartialEq)]
pub struct ConfirmRequest {
    /// The dialog's heading (the action's title).
    pub heading: String,
    /// The question (the action's prompt).
    pub text: String,
}

/// Asks to confirm `request` while it is `Some`; the answer goes to `on_answer` (true:
/// confirmed). Cancel, Escape and confirming all close it.
#[component]
pub fn ConfirmDialog(
    /// The open request, `None` when closed.
    #[prop(into)]
    request: Signal<Option<ConfirmRequest>>,
    /// Called once per request with the user's answer.
    on_answer: Callback<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let dialog_ref = NodeRef::<html::Dialog>::new();
    let confirm_ref = NodeRef::<html::Button>::new();
    let cancel_ref = NodeRef::<html::Button>::new();
    // The element focused before opening, to return to.
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let answered = StoredValue::new(true);

    Effect::new(move |_| {
        let open = request.with(Option::is_some);
        let Some(dialog) = dialog_ref.get() else {
            return;
        };
        let element: &web_sys::Element = dialog.as_ref();
        let is_open = element.has_attribute("open");
        if open && !is_open {
            opener.set_value(
                document()
                    .active_element()
                    .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()),
            );
            answered.set_value(false);
            call_method(element, "showModal");
        } else if !open && is_open {
            call_method(element, "close");
        }
    });

    let answer = move |yes: bool| {
        if !answered.get_value() {
            answered.set_value(true);
            on_answer.run(yes);
        }
        if let Some(dialog) = dialog_ref.get_untracked() {
            call_method(dialog.as_ref(), "close");
        }
    };
    // Closed by Escape (or by us): an unanswered request counts as cancelled.
    let on_close = move |_| {
        answer(false);
        if let Some(opener) = opener.get_value() {
            let _ = opener.focus();
        }
    };

    // Tab and Shift+Tab go round the two buttons, never out of the dialog.
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() != "Tab" {
            return;
        }
        let (Some(first), Some(last)) = (confirm_ref.get_untracked(), cancel_ref.get_untracked())
        else {
            return;
        };
        let active = document().active_element();
        let is = |el: &web_sys::HtmlElement| {
            active
                .as_ref()
                .is_some_and(|a| a == AsRef::<web_sys::Element>::as_ref(el))
        };
        let target = if ev.shift_key() {
            (is(&first) || !is(&last)).then_some(last)
        } else {
            (is(&last) || !is(&first)).then_some(first)
        };
        if let Some(target) = target {
            ev.prevent_default();
            let _ = target.focus();
        }
    };

    view! {
        <dialog
            class="confirm"
            node_ref=dialog_ref
            aria-modal="true"
            aria-labelledby="confirm-heading"
            aria-describedby="confirm-text"
            on:close=on_close
            on:keydown=on_keydown
        >
            <h2 id="confirm-heading" class="confirm__heading">
                {move || request.with(|r| r.as_ref().map(|r| r.heading.clone()))}
            </h2>
            <p id="confirm-text">{move || request.with(|r| r.as_ref().map(|r| r.text.clone()))}</p>
            <div class="confirm__buttons">
                <button
                    type="button"
                    class="button button--primary"
                    node_ref=confirm_ref
                    on:click=move |_| answer(true)
                >
                    {i18n.tr(DialogKey::Confirm)}
                </button>
                <button
                    type="button"
                    class="button"
                    autofocus
                    node_ref=cancel_ref
                    on:click=move |_| answer(false)
                >
                    {i18n.tr(DialogKey::Cancel)}
                </button>
            </div>
        </dialog>
    }
}

/// Calls a method without arguments (`showModal`, `close`) on an element.
fn call_method(element: &web_sys::Element, name: &str) {
    let target: &JsValue = element.as_ref();
    if let Ok(function) = js_sys::Reflect::get(target, &JsValue::from_str(name))
        .and_then(|f| f.dyn_into::<js_sys::Function>())
    {
        let _ = function.call0(target);
    }
}
