//! Translations: the languages the portal speaks, the choice between them, and lookups.
//!
//! The tables and the language choice ([`Lang`]) are plain Rust without Leptos, so they are
//! tested natively; [`context`] puts the chosen language into the reactive tree.
//!
//! There is one table per wasm module: [`Key`] for the shell and the inbox (the first
//! download), and one for each page the release build fetches on demand ([`DialogKey`],
//! [`OtpKey`], [`SavedSearchKey`], [`DemoLoginKey`]). Only code in that page's module looks up
//! its table, so the split tool moves the table's strings into the module with the code (the
//! pages' texts are more than half of all texts). A key both the shell and a page use lives
//! in [`Key`].

/// Defines a table of texts: an enum of keys, each with its text in Bokmål, Nynorsk and
/// English. One row per key with three columns, so a key cannot exist in one language only.
macro_rules! texts {
    ($(#[$meta:meta])* $table:ident; $($(#[$doc:meta])* $key:ident => [$nb:expr, $nn:expr, $en:expr $(,)?],)+) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $table {
            $($(#[$doc])* $key,)+
        }

        impl $table {
            /// Every key, in table order.
            pub const ALL: &'static [$table] = &[$($table::$key,)+];
        }

        impl $crate::i18n::Text for $table {
            fn texts(self) -> [&'static str; 3] {
                match self {
                    $($table::$key => [$nb, $nn, $en],)+
                }
            }
        }
    };
}

pub mod context;
pub mod demo_login;
pub mod dialog;
pub mod keys;
pub mod otp;
pub mod saved_searches;

pub use context::{I18n, provide_i18n, use_i18n};
pub use demo_login::DemoLoginKey;
pub use dialog::DialogKey;
pub use keys::Key;
pub use otp::OtpKey;
pub use saved_searches::SavedSearchKey;

/// A key of one of the tables: its texts in Bokmål, Nynorsk and English.
pub trait Text: Copy + std::fmt::Debug + Send + Sync + 'static {
    /// The texts in Bokmål, Nynorsk and English.
    fn texts(self) -> [&'static str; 3];
}

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
    pub fn t(self, key: impl Text) -> &'static str {
        let [nb, nn, en] = key.texts();
        match self {
            Lang::Nb => nb,
            Lang::Nn => nn,
            Lang::En => en,
        }
    }

    /// The text of `key` with each `{name}` placeholder replaced by its value.
    pub fn tf(self, key: impl Text, args: &[(&str, &str)]) -> String {
        args.iter()
            .fold(self.t(key).to_owned(), |text, (name, value)| {
                text.replace(&format!("{{{name}}}"), value)
            })
    }

    /// A count in words: `one` for exactly one (it has no placeholder), `many` with `{n}`
    /// filled otherwise ("1 attachment", "3 attachments").
    pub fn count<K: Text>(self, one: K, many: K, n: usize) -> String {
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
