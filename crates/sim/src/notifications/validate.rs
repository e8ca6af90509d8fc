//! Recipient validation: a small stand-in for libphonenumber's `IsValidNumber` and the
//! Altinn 2 e-mail rule.

/// (country calling code, shortest and longest national number, allowed first digits).
const COUNTRIES: &[(&str, usize, usize, &str)] = &[
    ("47", 8, 8, "23456789"),    // Norway
    ("46", 7, 9, "123456789"),   // Sweden
    ("45", 8, 8, "23456789"),    // Denmark
    ("358", 5, 12, "123456789"), // Finland
    ("354", 7, 9, "45678"),      // Iceland
    ("44", 9, 10, "123578"),     // United Kingdom
    ("49", 6, 13, "123456789"),  // Germany
    ("1", 10, 10, "23456789"),   // NANP
];

/// `+` or `00`, then a country code and a national number that fit E.164 (at most 15 digits).
/// Spaces, dashes, dots and parentheses are tolerated like libphonenumber does; `++` is not.
pub fn is_valid_mobile_number(number: &str) -> bool {
    let rest = if let Some(r) = number.strip_prefix('+') {
        r
    } else if let Some(r) = number.strip_prefix("00") {
        r
    } else {
        return false;
    };
    if rest.starts_with('+') {
        return false;
    }
    let mut digits = String::with_capacity(rest.len());
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => return false,
        }
    }
    if !(8..=15).contains(&digits.len()) || digits.starts_with('0') {
        return false;
    }
    for (cc, min, max, first) in COUNTRIES {
        if let Some(national) = digits.strip_prefix(cc) {
            let n = national.len();
            let ok_first = national.chars().next().is_some_and(|c| first.contains(c));
            return (*min..=*max).contains(&n) && ok_first;
        }
    }
    true
}

/// One address, trimmed: `local@domain.tld`.
pub fn is_valid_email(address: &str) -> bool {
    let a = address.trim();
    let Some((local, domain)) = a.split_once('@') else {
        return false;
    };
    if local.is_empty() || local.len() > 64 || domain.contains('@') {
        return false;
    }
    let local_ok = local
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c))
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..");
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|t| t.len() >= 2 && t.chars().all(|c| c.is_ascii_alphabetic()));
    local_ok && domain_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers() {
        for ok in [
            "+4799999999",
            "004799999999",
            "+4741234567",
            "+46701234567",
            "+4799999001",
        ] {
            assert!(is_valid_mobile_number(ok), "{ok}");
        }
        for bad in [
            "+4712345678",
            "1234567890",
            "invalid-phone",
            "++4799999999",
            "+479999999",
            "+47999999999",
            "",
            "+",
        ] {
            assert!(!is_valid_mobile_number(bad), "{bad}");
        }
    }

    #[test]
    fn emails() {
        assert!(is_valid_email("ola.nordmann@example.com"));
        assert!(is_valid_email(" ola@example.no "));
        for bad in [
            "ola",
            "ola@",
            "@example.com",
            "a@b",
            "a@@b.no",
            "a b@c.no",
            "a@b.no,c@d.no",
        ] {
            assert!(!is_valid_email(bad), "{bad}");
        }
    }
}
