//! Human forms of dates and other values, per language. Plain Rust, tested natively.

use chrono::{Datelike, NaiveDateTime, Timelike};

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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
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
}
