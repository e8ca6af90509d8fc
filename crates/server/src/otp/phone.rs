//! Phone numbers: what staff type in, normalised to E.164, and masked for display.

/// Why a number was refused (shown to staff as the `phoneNumber` field error).
pub const INVALID_FORMAT: &str = "Enter a mobile number in international format, e.g. +47 912 34 567, or an 8-digit Norwegian mobile number.";
/// A +47 number that is not a Norwegian mobile number.
pub const NOT_NORWEGIAN_MOBILE: &str =
    "A Norwegian mobile number has 8 digits and starts with 4 or 9.";

/// Normalises a number to E.164 (`+4791234567`).
///
/// Spaces, dashes, dots and brackets are ignored; `00` means `+`; 8 digits starting with 4 or
/// 9 (or the same after `47`) are a Norwegian mobile number. Other countries need `+`/`00`
/// and must have 8–15 digits with a country code that does not start with 0.
pub fn normalise(input: &str) -> Result<String, &'static str> {
    let compact: String = input
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '-' | '.' | '(' | ')'))
        .collect();
    let (international, digits) = if let Some(rest) = compact.strip_prefix('+') {
        (true, rest)
    } else if let Some(rest) = compact.strip_prefix("00") {
        (true, rest)
    } else {
        (false, compact.as_str())
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(INVALID_FORMAT);
    }
    let national = if international {
        None
    } else if digits.len() == 8 {
        Some(digits)
    } else if digits.len() == 10 && digits.starts_with("47") {
        Some(&digits[2..])
    } else {
        return Err(INVALID_FORMAT);
    };
    if let Some(n) = national {
        return norwegian_mobile(n);
    }
    if let Some(n) = digits.strip_prefix("47") {
        return norwegian_mobile(n);
    }
    if !(8..=15).contains(&digits.len()) || digits.starts_with('0') {
        return Err(INVALID_FORMAT);
    }
    Ok(format!("+{digits}"))
}

fn norwegian_mobile(n: &str) -> Result<String, &'static str> {
    if n.len() == 8 && (n.starts_with('4') || n.starts_with('9')) {
        Ok(format!("+47{n}"))
    } else {
        Err(NOT_NORWEGIAN_MOBILE)
    }
}

/// `+4791234567` → `+47*****567`: the country code and the last three digits stay.
pub fn mask(e164: &str) -> String {
    let chars: Vec<char> = e164.chars().collect();
    if chars.len() <= 6 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..3].iter().collect();
    let tail: String = chars[chars.len() - 3..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 6))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_normalised_or_refused() {
        let table: &[(&str, Result<&str, &str>)] = &[
            ("+4791234567", Ok("+4791234567")),
            ("+47 912 34 567", Ok("+4791234567")),
            ("0047 912 34 567", Ok("+4791234567")),
            ("91234567", Ok("+4791234567")),
            ("412-34-567", Ok("+4741234567")),
            ("4791234567", Ok("+4791234567")),
            ("(+47) 99999001", Ok("+4799999001")),
            ("+46701234567", Ok("+46701234567")),
            ("0046701234567", Ok("+46701234567")),
            ("+4721234567", Err(NOT_NORWEGIAN_MOBILE)),
            ("+479123456", Err(NOT_NORWEGIAN_MOBILE)),
            ("+47912345678", Err(NOT_NORWEGIAN_MOBILE)),
            ("21234567", Err(NOT_NORWEGIAN_MOBILE)),
            ("9123456", Err(INVALID_FORMAT)),
            ("912345678", Err(INVALID_FORMAT)),
            ("++4791234567", Err(INVALID_FORMAT)),
            ("+47abc", Err(INVALID_FORMAT)),
            ("", Err(INVALID_FORMAT)),
            ("   ", Err(INVALID_FORMAT)),
            ("+1234567", Err(INVALID_FORMAT)),
            ("+1234567890123456", Err(INVALID_FORMAT)),
            ("+0123456789", Err(INVALID_FORMAT)),
            ("tel:+4791234567", Err(INVALID_FORMAT)),
        ];
        for (input, want) in table {
            let got = normalise(input);
            assert_eq!(got.as_deref(), want.as_deref(), "input {input:?}");
        }
    }

    #[test]
    fn masks_all_but_country_code_and_last_three() {
        assert_eq!(mask("+4791234567"), "+47*****567");
        assert_eq!(mask("+46701234567"), "+46******567");
        assert_eq!(mask("+1234"), "*****");
    }
}
