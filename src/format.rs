//! Human forms of dates and other values, per language. Plain Rust, tested natively.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Timelike, Utc};

use crate::i18n::{Key, Lang};

const MONTHS_NB: [&str; 12] = [
    "jan.", "feb.", "mars", "apr.", "mai", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "des.",
];
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A short, human date for a list: "I dag 14:05", "I går 09:30", "3. mars", "3. mars 2025"
/// (English: "Today 14:05", "3 Mar", "3 Mar 2025"). Both times are local wall-clock times.
pub fn short_date(at: NaiveDateTime, now: NaiveDateTime, lang: Lang) -> String {
    let (day, today) = (at.date(), now.date());
    let clock = || format!("{:02}:{:02}", at.hour(), at.minute());
    if day == today {
        return format!("{} {}", lang.t(Key::Today), clock());
    }
    if today.pred_opt() == Some(day) {
        return format!("{} {}", lang.t(Key::Yesterday), clock());
    }
    let month = (at.month0()) as usize;
    let same_year = day.year() == today.year();
    match (lang, same_year) {
        (Lang::En, true) => format!("{} {}", day.day(), MONTHS_EN[month]),
        (Lang::En, false) => format!("{} {} {}", day.day(), MONTHS_EN[month], day.year()),
        (_, true) => format!("{}. {}", day.day(), MONTHS_NB[month]),
        (_, false) => format!("{}. {} {}", day.day(), MONTHS_NB[month], day.year()),
    }
}

/// A full date and time for a tooltip or screen reader: "3. mars 2025 kl. 14:05" /
/// "3 Mar 2025, 14:05".
pub fn long_date(at: NaiveDateTime, lang: Lang) -> String {
    let month = at.month0() as usize;
    let (h, m) = (at.hour(), at.minute());
    match lang {
        Lang::En => format!(
            "{} {} {}, {h:02}:{m:02}",
            at.day(),
            MONTHS_EN[month],
            at.year()
        ),
        _ => format!(
            "{}. {} {} kl. {h:02}:{m:02}",
            at.day(),
            MONTHS_NB[month],
            at.year()
        ),
    }
}

/// Parses a calendar date in the form `2026-03-10` (a date input's value, the URL's `from`
/// and `to`). Written out instead of chrono's format-string parser, which costs the wasm
/// download far more than these lines.
pub fn parse_ymd(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let number = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse::<u32>().ok())?
    };
    NaiveDate::from_ymd_opt(number(y)? as i32, number(m)?, number(d)?)
}

/// Parses an HTTP date in the IMF-fixdate form every HTTP/1.1 server sends
/// (`Tue, 25 Nov 2026 10:00:00 GMT`, RFC 9110 §5.6.7), e.g. an `Expires` header.
pub fn parse_http_date(text: &str) -> Option<DateTime<Utc>> {
    let mut words = text.split_ascii_whitespace();
    let _weekday = words.next()?.strip_suffix(',')?;
    let day: u32 = words.next()?.parse().ok()?;
    let month = words.next()?;
    let month = MONTHS_EN
        .iter()
        .position(|m| m.eq_ignore_ascii_case(month))? as u32
        + 1;
    let year: i32 = words.next()?.parse().ok()?;
    let mut clock = words
        .next()?
        .split(':')
        .map(|part| part.parse::<u32>().ok());
    let (h, mi, sec) = (clock.next()??, clock.next()??, clock.next()??);
    if clock.next().is_some() || words.next()? != "GMT" || words.next().is_some() {
        return None;
    }
    let at = NaiveDate::from_ymd_opt(year, month, day)?.and_hms_opt(h, mi, sec)?;
    Some(at.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, mo, d)
            .and_then(|date| date.and_hms_opt(h, mi, 0))
            .expect("valid date")
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn short_dates_are_relative_near_now() {
        let now = at(2026, 3, 10, 12, 0);
        assert_eq!(
            short_date(at(2026, 3, 10, 9, 5), now, Lang::Nb),
            "I dag 09:05"
        );
        assert_eq!(
            short_date(at(2026, 3, 9, 23, 59), now, Lang::En),
            "Yesterday 23:59"
        );
        assert_eq!(short_date(at(2026, 3, 1, 8, 0), now, Lang::Nn), "1. mars");
        assert_eq!(
            short_date(at(2025, 11, 24, 8, 0), now, Lang::Nb),
            "24. nov. 2025"
        );
        assert_eq!(
            short_date(at(2025, 11, 24, 8, 0), now, Lang::En),
            "24 Nov 2025"
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn long_dates_carry_the_time() {
        let when = at(2025, 3, 3, 14, 5);
        assert_eq!(long_date(when, Lang::Nb), "3. mars 2025 kl. 14:05");
        assert_eq!(long_date(when, Lang::En), "3 Mar 2025, 14:05");
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn calendar_dates_parse_only_in_the_iso_form() {
        assert_eq!(
            parse_ymd("2026-03-10"),
            NaiveDate::from_ymd_opt(2026, 3, 10)
        );
        assert_eq!(
            parse_ymd(" 2024-02-29 "),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        for bad in [
            "",
            "2026-3-10",
            "2026-02-30",
            "2025-02-29",
            "26-03-10",
            "2026-13-01",
            "2026-03-1x",
            "+026-03-10",
            "2026/03/10",
            "2026-03-10-01",
        ] {
            assert_eq!(parse_ymd(bad), None, "{bad}");
        }
        let day = NaiveDate::from_ymd_opt(2026, 11, 4).expect("valid");
        assert_eq!(
            parse_ymd(&day.to_string()),
            Some(day),
            "the URL form round-trips"
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn http_dates_parse_in_the_imf_fixdate_form() {
        let expected = at(2026, 11, 25, 10, 7).and_utc() + chrono::Duration::seconds(9);
        assert_eq!(
            parse_http_date("Wed, 25 Nov 2026 10:07:09 GMT"),
            Some(expected)
        );
        assert_eq!(
            parse_http_date(" Wed, 25 nov 2026 10:07:09 GMT "),
            Some(expected)
        );
        for bad in [
            "",
            "Wed, 25 Nov 2026 10:07:09",
            "Wed 25 Nov 2026 10:07:09 GMT",
            "Wed, 31 Nov 2026 10:07:09 GMT",
            "Wed, 25 Foo 2026 10:07:09 GMT",
            "Wed, 25 Nov 2026 25:07:09 GMT",
            "Wed, 25 Nov 2026 10:07 GMT",
            "Wed, 25 Nov 2026 10:07:09 +0100",
            "2026-11-25T10:07:09Z",
        ] {
            assert_eq!(parse_http_date(bad), None, "{bad}");
        }
    }
}
