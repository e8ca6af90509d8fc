//! Synthetic Norwegian identifiers with valid check digits.

/// Check digit for a 9-digit organisation number (weights 3 2 7 6 5 4 3 2), None if 10.
fn org_check(first8: &[u32; 8]) -> Option<u32> {
    const W: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];
    let s: u32 = first8.iter().zip(W).map(|(d, w)| d * w).sum();
    match 11 - s % 11 {
        11 => Some(0),
        10 => None,
        c => Some(c),
    }
}

/// A valid organisation number whose first eight digits are `base` or the next base after it
/// that has a valid check digit.
pub fn org_number(base: u32) -> String {
    let mut b = base;
    loop {
        let s = format!("{b:08}");
        let digits: Vec<u32> = s.chars().map(|c| c.to_digit(10).unwrap()).collect();
        let arr: [u32; 8] = digits[..8].try_into().unwrap();
        if let Some(c) = org_check(&arr) {
            return format!("{s}{c}");
        }
        b += 1;
    }
}

/// Is `s` a 9-digit organisation number with a valid mod-11 check digit?
pub fn is_valid_org_number(s: &str) -> bool {
    let d: Vec<u32> = s.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 9 || s.len() != 9 {
        return false;
    }
    org_check(&d[..8].try_into().unwrap()) == Some(d[8])
}

fn pid_checks(d: &[u32]) -> Option<(u32, u32)> {
    const W1: [u32; 9] = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    const W2: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let k = |s: u32| match 11 - s % 11 {
        11 => Some(0),
        10 => None,
        c => Some(c),
    };
    let k1 = k(d[..9].iter().zip(W1).map(|(a, w)| a * w).sum())?;
    let mut ten = d[..9].to_vec();
    ten.push(k1);
    let k2 = k(ten.iter().zip(W2).map(|(a, w)| a * w).sum())?;
    Some((k1, k2))
}

/// A synthetic national identity number (month + 80, the convention for synthetic test
/// persons) born on `day.month.year`, with valid mod-11 check digits. `seq` picks among the
/// valid individual numbers.
pub fn synthetic_pid(day: u32, month: u32, year: u32, seq: u32) -> String {
    let yy = year % 100;
    // individual numbers 000–499 for 1900–1999, 500–999 for 2000–2039
    let (lo, hi) = if year >= 2000 { (500, 999) } else { (0, 499) };
    let mut found = 0;
    for ind in (lo..=hi).rev() {
        let s = format!("{day:02}{:02}{yy:02}{ind:03}", month + 80);
        let d: Vec<u32> = s.chars().map(|c| c.to_digit(10).unwrap()).collect();
        if let Some((k1, k2)) = pid_checks(&d) {
            if found == seq {
                return format!("{s}{k1}{k2}");
            }
            found += 1;
        }
    }
    unreachable!("no valid individual number")
}

/// Is `s` an 11-digit national identity number with valid check digits?
pub fn is_valid_pid(s: &str) -> bool {
    let d: Vec<u32> = s.chars().filter_map(|c| c.to_digit(10)).collect();
    d.len() == 11 && s.len() == 11 && pid_checks(&d) == Some((d[9], d[10]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_numbers_are_valid() {
        for i in 0..200 {
            assert!(is_valid_org_number(&org_number(91_000_000 + i * 37)));
            assert!(is_valid_pid(&synthetic_pid(
                1 + i % 28,
                1 + i % 12,
                1950 + i % 60,
                i % 3
            )));
        }
        assert!(is_valid_org_number("974760673")); // Brønnøysundregistrene
        assert!(!is_valid_org_number("974760674"));
    }
}
