//! Search-match highlighting: which parts of a text the words of a free-text search match,
//! case-insensitively (Unicode lower case, so "ÆØÅ" matches "æøå"). The result is plain
//! text pieces; the view wraps the matched ones in `<mark>` as text, never as markup.
//! Plain Rust, tested natively; cheap enough for 1,000 rows (texts without a match cost one
//! lower-casing and a substring search per word).

use crate::case;

/// What to mark for a search, lower-cased, without repeats: the whole phrase, and each of its
/// words of three or more characters (the length a search needs). Shorter words ("i", "og",
/// "på") are marked only as part of the phrase, or when they are the whole search: alone they
/// would light up inside every other word.
pub fn search_words(search: &str) -> Vec<String> {
    let words: Vec<String> = search.split_whitespace().map(case::lower).collect();
    let mut marks: Vec<String> = Vec::new();
    let mut add = |word: String| {
        if !word.is_empty() && !marks.contains(&word) {
            marks.push(word);
        }
    };
    if words.len() > 1 {
        add(words.join(" "));
    }
    let single = words.len() == 1;
    for word in words {
        if single || word.chars().count() >= 3 {
            add(word);
        }
    }
    marks
}

/// `text` cut into pieces, each marked `true` when a word of `words` (from
/// [`search_words`]) matches it. Overlapping and adjacent matches make one marked piece.
pub fn split_matches<'a>(text: &'a str, words: &[String]) -> Vec<(bool, &'a str)> {
    let lower = case::lower(text);
    if !words.iter().any(|w| lower.contains(w.as_str())) {
        return vec![(false, text)];
    }
    // The lower-case characters with the byte offset of the character each came from (a
    // character may lower-case to several).
    let mut chars: Vec<(char, usize)> = Vec::with_capacity(lower.len());
    for (at, c) in text.char_indices() {
        case::for_each_lower(c, |l| chars.push((l, at)));
    }
    // Marked byte ranges of `text`, in order of their start.
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for start in 0..chars.len() {
        let end = words
            .iter()
            .filter_map(|w| {
                let mut n = 0;
                for wc in w.chars() {
                    if chars.get(start + n).map(|c| c.0) != Some(wc) {
                        return None;
                    }
                    n += 1;
                }
                (n > 0).then(|| chars[start + n - 1].1)
            })
            .max();
        if let Some(last) = end {
            let from = chars[start].1;
            let to = last + text[last..].chars().next().map_or(0, char::len_utf8);
            match ranges.last_mut() {
                Some(prev) if from <= prev.1 => prev.1 = prev.1.max(to),
                _ => ranges.push((from, to)),
            }
        }
    }
    let mut pieces = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for (from, to) in ranges {
        if from > at {
            pieces.push((false, &text[at..from]));
        }
        pieces.push((true, &text[from..to]));
        at = to;
    }
    if at < text.len() {
        pieces.push((false, &text[at..]));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn marks(text: &str, search: &str) -> Vec<(bool, String)> {
        split_matches(text, &search_words(search))
            .into_iter()
            .map(|(m, s)| (m, s.to_owned()))
            .collect()
    }

    fn marked(text: &str, search: &str) -> String {
        marks(text, search)
            .into_iter()
            .map(|(m, s)| if m { format!("[{s}]") } else { s })
            .collect()
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn words_are_lower_cased_once_each_with_the_phrase_first() {
        assert_eq!(
            search_words("  Skatt  og SKATT "),
            vec!["skatt og skatt", "skatt"]
        );
        assert_eq!(search_words("om"), vec!["om"]);
        assert!(search_words("   ").is_empty());
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn short_words_are_marked_only_in_the_phrase() {
        assert_eq!(
            marked("Vedtak om kommunal skatt", "vedtak om"),
            "[Vedtak om] kommunal skatt"
        );
        assert_eq!(
            marked("Melding om kommunal skatt", "skatt om"),
            "Melding om kommunal [skatt]"
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn matches_ignore_case() {
        assert_eq!(marked("Tax return 2026", "tax"), "[Tax] return 2026");
        assert_eq!(
            marked("Skattemelding for SKATT", "Skatt"),
            "[Skatt]emelding for [SKATT]"
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn norwegian_letters_match_their_upper_case() {
        assert_eq!(
            marked("ÆRBØDIG SØKNAD om Ås", "søknad ærbødig"),
            "[ÆRBØDIG] [SØKNAD] om Ås"
        );
        assert_eq!(marked("Bøter på vegen", "BØTER PÅ"), "[Bøter på] vegen");
        assert_eq!(marked("Søknad om Ås", "Ås"), "Søknad om [Ås]");
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn several_words_overlapping_and_adjacent_matches() {
        assert_eq!(
            marked("Melding om vedtak", "melding vedtak"),
            "[Melding] om [vedtak]"
        );
        // Overlapping words make one mark; so do adjacent ones.
        assert_eq!(marked("abcdef", "abcd cdef"), "[abcdef]");
        assert_eq!(marked("abcdef", "abc def"), "[abcdef]");
        assert_eq!(marked("aaaa", "aa"), "[aaaa]");
        assert_eq!(marked("abc xyz", "xyz abc"), "[abc] [xyz]");
        // Every piece of the text is kept, in order.
        let pieces = marks("x Tax y tax z", "tax");
        assert_eq!(
            pieces,
            vec![
                (false, "x ".to_owned()),
                (true, "Tax".to_owned()),
                (false, " y ".to_owned()),
                (true, "tax".to_owned()),
                (false, " z".to_owned()),
            ]
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn no_match_or_no_words_keeps_the_text_whole() {
        assert_eq!(
            marks("Tax return", "vat"),
            vec![(false, "Tax return".to_owned())]
        );
        assert_eq!(
            marks("Tax return", ""),
            vec![(false, "Tax return".to_owned())]
        );
        assert_eq!(marks("", "tax"), vec![(false, String::new())]);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn markup_in_texts_and_searches_is_only_text() {
        assert_eq!(marked("<b>Tax</b> & <i>", "<b>"), "[<b>]Tax</b> & <i>");
        assert_eq!(
            marked("a <b>bold</b> claim", "bold"),
            "a <b>[bold]</b> claim"
        );
        assert_eq!(
            marked("50% (est.) [x]*", "(est.) [x]*"),
            "50% [(est.) [x]*]"
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn characters_that_lower_case_to_several_stay_whole() {
        // "İ" lower-cases to two characters; the mark covers the original character.
        assert_eq!(marked("İstanbul", "i̇st"), "[İst]anbul");
        assert_eq!(marked("Straße STRASSE", "straße"), "[Straße] STRASSE");
    }
}
