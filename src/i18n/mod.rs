//! Translations: the languages the portal speaks, the choice between them, and lookups.
//!
//! The tables ([`keys`]) and the language choice ([`Lang`]) are plain Rust without Leptos, so
//! they are tested natively; [`context`] puts the chosen language into the reactive tree.

pub mod context;
pub mod keys;

pub use context::{I18n, provide_i18n, use_i18n};
pub use keys::Key;

/// A language of the user interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Norwegian Bokmål, the default.
    #[default]
    Nb,
    /// Norwegian Nynorsk.
    Nn,
    /// English.
    En,
}

impl Lang {
    /// Every language, in the order the language picker lists them.
    pub const ALL: [Lang; 3] = [Lang::Nb, Lang::Nn, Lang::En];

    /// The BCP 47 code, as used in `lang` attributes, `Accept-Language` and storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }

    /// The language a BCP 47 tag names, if the portal speaks it (`no` counts as Bokmål).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        match primary.as_str() {
            "nb" | "no" => Some(Lang::Nb),
            "nn" => Some(Lang::Nn),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first of the user's preferred tags the portal speaks; Bokmål when none matches.
    pub fn best_match<S: AsRef<str>>(preferred: &[S]) -> Lang {
        preferred
            .iter()
            .find_map(|tag| Lang::from_tag(tag.as_ref()))
            .unwrap_or_default()
    }

    /// The language's own name for itself (shown the same in every UI language).
    pub fn autonym(self) -> &'static str {
        match self {
            Lang::Nb => "Norsk bokmål",
            Lang::Nn => "Norsk nynorsk",
            Lang::En => "English",
        }
    }

    /// The text of `key` in this language.
    pub fn t(self, key: Key) -> &'static str {
        let [nb, nn, en] = key.texts();
        match self {
            Lang::Nb => nb,
            Lang::Nn => nn,
            Lang::En => en,
        }
    }

    /// The text of `key` with each `{name}` placeholder replaced by its value.
    pub fn tf(self, key: Key, args: &[(&str, &str)]) -> String {
        args.iter()
            .fold(self.t(key).to_owned(), |text, (name, value)| {
                text.replace(&format!("{{{name}}}"), value)
            })
    }

    /// A count in words: `one` for exactly one (it has no placeholder), `many` with `{n}`
    /// filled otherwise ("1 attachment", "3 attachments").
    pub fn count(self, one: Key, many: Key, n: usize) -> String {
        if n == 1 {
            self.t(one).to_owned()
        } else {
            self.tf(many, &[("n", &n.to_string())])
        }
    }

    /// The language codes to try, best first, when a localised value from Altinn is chosen.
    pub fn fallbacks(self) -> [&'static str; 3] {
        match self {
            Lang::Nb => ["nb", "nn", "en"],
            Lang::Nn => ["nn", "nb", "en"],
            Lang::En => ["en", "nb", "nn"],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn best_match_follows_the_users_order() {
        assert_eq!(Lang::best_match(&["en-US", "nb-NO"]), Lang::En);
        assert_eq!(Lang::best_match(&["nn-NO", "en"]), Lang::Nn);
        assert_eq!(Lang::best_match(&["no"]), Lang::Nb);
        assert_eq!(Lang::best_match(&["sv-SE", "NB"]), Lang::Nb);
        assert_eq!(Lang::best_match(&["de", "fr"]), Lang::Nb);
        assert_eq!(Lang::best_match::<&str>(&[]), Lang::Nb);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.code()), Some(lang));
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn placeholders_are_filled() {
        assert_eq!(
            Lang::En.tf(Key::LoggedInAs, &[("name", "Ola")]),
            "Logged in as Ola"
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn one_is_singular_other_counts_plural() {
        let count = |lang: Lang, n| lang.count(Key::ListOneAttachment, Key::ListAttachments, n);
        assert_eq!(count(Lang::En, 1), "1 attachment");
        assert_eq!(count(Lang::En, 2), "2 attachments");
        assert_eq!(count(Lang::En, 0), "0 attachments");
        assert_eq!(count(Lang::Nn, 12), "12 vedlegg");
        assert_eq!(
            Lang::En.count(Key::PartyOneMatch, Key::PartyMatches, 1),
            "1 party"
        );
        assert_eq!(
            Lang::Nb.count(Key::ListOneMoreLoaded, Key::ListMoreLoaded, 1),
            "1 dialog til lastet inn"
        );
        // Every singular text names its count: no key is left with a placeholder.
        for lang in Lang::ALL {
            for one in [
                Key::ListOneAttachment,
                Key::PartyOneMatch,
                Key::ListOneMoreLoaded,
            ] {
                assert!(lang.t(one).starts_with("1 ") && !lang.t(one).contains('{'));
            }
        }
    }
}
