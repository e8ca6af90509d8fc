//! Upper and lower case without the standard library's Unicode case tables (−8.7 KB brotli
//! on the release wasm). ASCII and Latin-1 (æ ø å é ü …) are mapped here; any other
//! character (Sami č đ ŋ š ŧ ž, ß, Greek, Cyrillic …) goes to the browser's own
//! `toLowerCase`/`toUpperCase` in the portal, and to the standard library natively (tests),
//! so every script still folds correctly.

/// `s` in lower case.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        for_each_lower(c, |l| out.push(l));
    }
    out
}

/// `s` in upper case.
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        for_each_upper(c, |u| out.push(u));
    }
    out
}

/// Calls `f` with each character of `c` in lower case (usually one; `İ` gives two).
pub fn for_each_lower(c: char, mut f: impl FnMut(char)) {
    match c {
        'A'..='Z' => f(c.to_ascii_lowercase()),
        // Latin-1's capitals: À–Þ except ×.
        'À'..='Þ' if c != '×' => f(shift(c, 0x20, true)),
        '\0'..='\u{FF}' => f(c),
        _ => other(c, false, f),
    }
}

/// Calls `f` with each character of `c` in upper case (usually one; `ß` gives `SS`).
pub fn for_each_upper(c: char, mut f: impl FnMut(char)) {
    match c {
        'a'..='z' => f(c.to_ascii_uppercase()),
        // Latin-1's small letters with a Latin-1 capital: à–þ except ÷.
        'à'..='þ' if c != '÷' => f(shift(c, 0x20, false)),
        'ß' | 'µ' | 'ÿ' => other(c, true, f),
        '\0'..='\u{FF}' => f(c),
        _ => other(c, true, f),
    }
}

/// The first character of `c` in lower case (for ordering).
pub fn lower_first(c: char) -> char {
    let mut first = None;
    for_each_lower(c, |l| {
        first.get_or_insert(l);
    });
    first.unwrap_or(c)
}

fn shift(c: char, by: u32, up: bool) -> char {
    let code = if up { c as u32 + by } else { c as u32 - by };
    char::from_u32(code).unwrap_or(c)
}

#[cfg(target_arch = "wasm32")]
fn other(c: char, upper: bool, mut f: impl FnMut(char)) {
    let mut buf = [0u8; 4];
    let js = js_sys::JsString::from(&*c.encode_utf8(&mut buf));
    let mapped = if upper {
        js.to_upper_case()
    } else {
        js.to_lower_case()
    };
    String::from(mapped).chars().for_each(&mut f);
}

#[cfg(not(target_arch = "wasm32"))]
fn other(c: char, upper: bool, f: impl FnMut(char)) {
    if upper {
        c.to_uppercase().for_each(f);
    } else {
        c.to_lowercase().for_each(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn agrees_with_the_standard_library() {
        // ASCII, Latin-1, Latin Extended-A (Sami), Greek, Cyrillic, and the special cases.
        let samples =
            "Hello WORLD ÆØÅ æøå ÉÜÖ éüö ×÷ ÿŸ ß µ ČĐŊŠŦŽ čđŋšŧž ΣΑΒ σαβ ЖЯ жя İ ﬁ 123 -_";
        assert_eq!(lower(samples), samples.to_lowercase());
        assert_eq!(upper(samples), samples.to_uppercase());
        for c in samples.chars() {
            let mut one = String::new();
            for_each_lower(c, |l| one.push(l));
            assert_eq!(one, c.to_lowercase().collect::<String>(), "{c}");
            let mut one = String::new();
            for_each_upper(c, |u| one.push(u));
            assert_eq!(one, c.to_uppercase().collect::<String>(), "{c}");
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn every_latin_1_character_folds_as_std_does() {
        for c in ('\0'..='\u{FF}').chain('\u{100}'..='\u{17F}') {
            assert_eq!(
                lower(&c.to_string()),
                c.to_lowercase().collect::<String>(),
                "{c}"
            );
            assert_eq!(
                upper(&c.to_string()),
                c.to_uppercase().collect::<String>(),
                "{c}"
            );
            assert_eq!(lower_first(c), c.to_lowercase().next().unwrap(), "{c}");
        }
    }
}
