//! Localized texts: [`Localization`], [`ContentValue`] and picking the best language.

use serde::{Deserialize, Serialize};

use crate::serde_util::null_as_empty;

/// One text in one language (`{ "value", "languageCode" }`, ISO 639-1 code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Localization {
    /// The localized text (or a URL for front-channel embeds).
    #[serde(default)]
    pub value: String,
    /// ISO 639-1 language code, e.g. `nb`, `nn`, `en`.
    #[serde(default)]
    pub language_code: String,
}

impl Localization {
    /// A localization from text and language code.
    pub fn new(value: impl Into<String>, language_code: impl Into<String>) -> Self {
        Self {
            value: value.into(),
            language_code: language_code.into(),
        }
    }
}

/// A content field: localized values plus a media type.
///
/// `mediaType` is e.g. `text/plain`, `text/markdown` or
/// `application/vnd.dialogporten.frontchannelembed-url;type=text/markdown`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContentValue {
    /// The localizations.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub value: Vec<Localization>,
    /// The media type of the content.
    #[serde(default)]
    pub media_type: String,
    /// False when the user may not see the content (the value is then masked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_authorized: Option<bool>,
}

impl ContentValue {
    /// A `text/plain` value with the given localizations.
    pub fn plain(value: Vec<Localization>) -> Self {
        Self {
            value,
            media_type: "text/plain".to_owned(),
            is_authorized: None,
        }
    }

    /// The best text for `lang`; see [`best_match`].
    pub fn best(&self, lang: &str) -> Option<&str> {
        best_match(&self.value, lang)
    }

    /// True when the media type marks a front-channel embed URL.
    pub fn is_embed(&self) -> bool {
        self.media_type
            .starts_with("application/vnd.dialogporten.frontchannelembed")
    }
}

/// Normalizes a language code for comparison: lower case, region dropped,
/// `no`/`nob` → `nb`, `nno` → `nn`, `eng` → `en`.
pub fn normalize_language(code: &str) -> String {
    let primary = code
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match primary.as_str() {
        "no" | "nob" => "nb".to_owned(),
        "nno" => "nn".to_owned(),
        "eng" => "en".to_owned(),
        _ => primary,
    }
}

/// Picks the best text: the chosen language, then `nb`, then `en`, then the first.
///
/// `nb`/`no`/`nob` are the same language, as are `nn`/`nno`; region suffixes
/// (`nb-NO`) are ignored. Returns `None` only for an empty list.
pub fn best_match<'a>(list: &'a [Localization], lang: &str) -> Option<&'a str> {
    let find = |want: &str| {
        list.iter()
            .find(|l| normalize_language(&l.language_code) == want)
            .map(|l| l.value.as_str())
    };
    find(&normalize_language(lang))
        .or_else(|| find("nb"))
        .or_else(|| find("en"))
        .or_else(|| list.first().map(|l| l.value.as_str()))
}

/// [`best_match`] as a method on localization lists.
pub trait BestMatch {
    /// See [`best_match`].
    fn best_match(&self, lang: &str) -> Option<&str>;
}

impl BestMatch for [Localization] {
    fn best_match(&self, lang: &str) -> Option<&str> {
        best_match(self, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(pairs: &[(&str, &str)]) -> Vec<Localization> {
        pairs
            .iter()
            .map(|(v, l)| Localization::new(*v, *l))
            .collect()
    }

    #[test]
    fn chosen_language_first() {
        let l = list(&[("hello", "en"), ("hei", "nb"), ("hallo", "nn")]);
        assert_eq!(best_match(&l, "nn"), Some("hallo"));
        assert_eq!(best_match(&l, "en"), Some("hello"));
        assert_eq!(best_match(&l, "nb"), Some("hei"));
    }

    #[test]
    fn aliases_are_equal() {
        let l = list(&[("hello", "en"), ("hei", "no"), ("hallo", "nno")]);
        assert_eq!(best_match(&l, "nb"), Some("hei"));
        assert_eq!(best_match(&l, "nob"), Some("hei"));
        assert_eq!(best_match(&l, "nn"), Some("hallo"));
        assert_eq!(best_match(&l, "nb-NO"), Some("hei"));
        assert_eq!(l.best_match("NO"), Some("hei"));
    }

    #[test]
    fn fallback_order_nb_en_first() {
        let l = list(&[("hej", "sv"), ("hello", "en"), ("hei", "nb")]);
        assert_eq!(best_match(&l, "nn"), Some("hei"));
        let l = list(&[("hej", "sv"), ("hello", "en")]);
        assert_eq!(best_match(&l, "nn"), Some("hello"));
        let l = list(&[("hej", "sv"), ("moi", "fi")]);
        assert_eq!(best_match(&l, "nb"), Some("hej"));
        assert_eq!(best_match(&[], "nb"), None);
    }

    #[test]
    fn content_value_serializes_camel_case_without_nulls() {
        let c = ContentValue::plain(list(&[("Tittel", "nb")]));
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            r#"{"value":[{"value":"Tittel","languageCode":"nb"}],"mediaType":"text/plain"}"#
        );
        assert_eq!(c.best("en"), Some("Tittel"));
    }
}
