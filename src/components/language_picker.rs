//! The language picker: a labelled native `<select>` (keyboard and screen reader support
//! come for free). Each language is named in itself, marked with its own `lang`.

use leptos::prelude::*;

use crate::i18n::{Key, Lang, use_i18n};

/// Lets the user choose the UI language; the choice is remembered.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let i18n = use_i18n();
    let on_change = move |ev| {
        if let Some(lang) = Lang::from_tag(&event_target_value(&ev)) {
            i18n.choose(lang);
        }
    };
    view! {
        <div class="language-picker">
            <label for="language-select">{i18n.tr(Key::Language)}</label>
            <select id="language-select" on:change=on_change>
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        view! {
                            <option
                                value=lang.code()
                                lang=lang.code()
                                selected=move || i18n.lang() == lang
                            >
                                {lang.autonym()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
