//! The chosen language in the reactive tree, and where it comes from.
//!
//! The user's explicit choice is kept in `localStorage` (the language code and nothing
//! else); without one, the browser's `navigator.languages` decides.

use leptos::prelude::*;

use super::{Lang, Text};

const STORAGE_KEY: &str = "portal.lang";

/// The language of the user interface, shared through context.
#[derive(Clone, Copy, Debug)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    /// A context with a fixed starting language (tests, and [`provide_i18n`]).
    pub fn new(lang: Lang) -> Self {
        Self {
            lang: RwSignal::new(lang),
        }
    }

    /// The current language (tracked).
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// The current language as a signal, for props.
    pub fn lang_signal(&self) -> Signal<Lang> {
        self.lang.into()
    }

    /// The text of `key` in the current language (tracked).
    pub fn t(&self, key: impl Text) -> &'static str {
        self.lang.get().t(key)
    }

    /// The text of `key` as a signal that follows the language: for text and attributes in
    /// views. One boxed closure type per table, where `move || i18n.t(key)` makes the view code
    /// generic over a new closure each time (130 uses: −10 KB raw release wasm).
    pub fn tr(&self, key: impl Text) -> Signal<&'static str> {
        let lang = self.lang;
        Signal::derive(move || lang.get().t(key))
    }

    /// The text of `key` with placeholders filled, in the current language (tracked).
    pub fn tf(&self, key: impl Text, args: &[(&str, &str)]) -> String {
        self.lang.get().tf(key, args)
    }

    /// A count in words in the current language (tracked); see [`Lang::count`].
    pub fn count<K: Text>(&self, one: K, many: K, n: usize) -> String {
        self.lang.get().count(one, many, n)
    }

    /// Switches language because the user asked to, and remembers the choice.
    pub fn choose(&self, lang: Lang) {
        if let Some(storage) = local_storage() {
            // Storage may be full or disabled; the choice then lasts for this page only.
            let _ = storage.set_item(STORAGE_KEY, lang.code());
        }
        self.lang.set(lang);
    }
}

/// Decides the starting language, provides it as context, and keeps `<html lang>` in step.
pub fn provide_i18n() -> I18n {
    let i18n = I18n::new(initial_lang());
    provide_context(i18n);
    Effect::new(move |_| {
        let code = i18n.lang().code();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", code);
        }
    });
    i18n
}

/// The language context; panics outside [`provide_i18n`] (a programming error).
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

fn initial_lang() -> Lang {
    let stored = local_storage()
        .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|code| Lang::from_tag(&code));
    stored.unwrap_or_else(|| {
        let preferred: Vec<String> = window()
            .navigator()
            .languages()
            .iter()
            .filter_map(|tag| tag.as_string())
            .collect();
        Lang::best_match(&preferred)
    })
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}
