//! The dialog list's month groups: rows under a heading per month of the date the list is
//! sorted on (content updated, created or due), like Altinn's own inbox. Plain Rust, tested
//! natively.

use chrono::{DateTime, Datelike, Local, Utc};

use crate::i18n::{Key, Lang};
use crate::inbox_model::DialogRow;
use crate::inbox_search::SortChoice;

/// A calendar month: (year, month 1–12).
pub type Month = (i32, u32);

/// Rows of one month (`None`: rows without the sort date), as indices into the row list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthGroup {
    pub month: Option<Month>,
    pub rows: Vec<usize>,
}

/// The date `sort` orders on; only the due date may be missing.
pub fn sort_date(row: &DialogRow, sort: SortChoice) -> Option<DateTime<Utc>> {
    match sort {
        SortChoice::ContentUpdated => Some(row.updated_at),
        SortChoice::Created => Some(row.created_at),
        SortChoice::Due => row.due_at,
    }
}

/// The month of `at` in the user's time zone (as the rows show their dates).
pub fn local_month(at: DateTime<Utc>) -> Month {
    let local = at.with_timezone(&Local);
    (local.year(), local.month())
}

/// Groups rows by month, in order of first appearance; the rows of a month stay together
/// even when they are not next to each other (a month continuing on a page loaded with
/// "Load more" joins its group), and rows without a month come last.
pub fn group_by_month(months: impl IntoIterator<Item = Option<Month>>) -> Vec<MonthGroup> {
    let mut groups: Vec<MonthGroup> = Vec::new();
    for (i, month) in months.into_iter().enumerate() {
        // Sorted lists continue the last group; look there first.
        match groups.iter_mut().rev().find(|g| g.month == month) {
            Some(group) => group.rows.push(i),
            None => groups.push(MonthGroup {
                month,
                rows: vec![i],
            }),
        }
    }
    if let Some(i) = groups.iter().position(|g| g.month.is_none()) {
        let undated = groups.remove(i);
        groups.push(undated);
    }
    groups
}

/// The heading of a group: "November 2026", or the text for rows without the date.
pub fn month_heading(month: Option<Month>, lang: Lang) -> String {
    match month {
        Some((year, m)) => format!("{} {year}", lang.t(MONTHS[(m as usize + 11) % 12])),
        None => lang.t(Key::ListNoDueDate).to_owned(),
    }
}

/// The id of a group's heading (the group's list is labelled by it).
pub fn month_heading_id(month: Option<Month>) -> String {
    match month {
        Some((year, m)) => format!("dialogs-{year}-{m:02}"),
        None => "dialogs-undated".to_owned(),
    }
}

const MONTHS: [Key; 12] = [
    Key::MonthJanuary,
    Key::MonthFebruary,
    Key::MonthMarch,
    Key::MonthApril,
    Key::MonthMay,
    Key::MonthJune,
    Key::MonthJuly,
    Key::MonthAugust,
    Key::MonthSeptember,
    Key::MonthOctober,
    Key::MonthNovember,
    Key::MonthDecember,
];

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn months(groups: &[MonthGroup]) -> Vec<Option<Month>> {
        groups.iter().map(|g| g.month).collect()
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn rows_are_grouped_by_month_in_list_order() {
        let groups = group_by_month([
            Some((2026, 11)),
            Some((2026, 11)),
            Some((2026, 10)),
            Some((2025, 12)),
            Some((2025, 12)),
        ]);
        assert_eq!(
            groups,
            vec![
                MonthGroup {
                    month: Some((2026, 11)),
                    rows: vec![0, 1]
                },
                MonthGroup {
                    month: Some((2026, 10)),
                    rows: vec![2]
                },
                MonthGroup {
                    month: Some((2025, 12)),
                    rows: vec![3, 4]
                },
            ]
        );
        assert!(group_by_month([]).is_empty());
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn a_month_continued_on_the_next_page_gets_no_second_group() {
        // Page 1 ends in October; "Load more" appends page 2, which starts in October too.
        let page1 = [Some((2026, 11)), Some((2026, 10))];
        let page2 = [Some((2026, 10)), Some((2026, 10)), Some((2026, 9))];
        let before = group_by_month(page1);
        let after = group_by_month(page1.into_iter().chain(page2));
        assert_eq!(months(&before), vec![Some((2026, 11)), Some((2026, 10))]);
        assert_eq!(
            months(&after),
            vec![Some((2026, 11)), Some((2026, 10)), Some((2026, 9))]
        );
        // The groups of page 1 keep their rows and grow; page 1's heading stays the first.
        assert_eq!(after[0], before[0]);
        assert_eq!(after[1].rows, vec![1, 2, 3]);
        assert_eq!(after[2].rows, vec![4]);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn rows_without_the_date_come_last_and_months_never_repeat() {
        let groups = group_by_month([
            None,
            Some((2026, 1)),
            Some((2026, 2)),
            None,
            Some((2026, 1)),
        ]);
        assert_eq!(
            months(&groups),
            vec![Some((2026, 1)), Some((2026, 2)), None]
        );
        assert_eq!(groups[0].rows, vec![1, 4]);
        assert_eq!(groups[2].rows, vec![0, 3]);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn the_sort_date_decides_the_month() {
        let at = |s: &str| s.parse::<DateTime<Utc>>().expect("date");
        let row = DialogRow {
            updated_at: at("2026-11-15T12:00:00Z"),
            created_at: at("2026-03-15T12:00:00Z"),
            due_at: None,
            ..DialogRow::default()
        };
        assert_eq!(
            sort_date(&row, SortChoice::ContentUpdated),
            Some(row.updated_at)
        );
        assert_eq!(sort_date(&row, SortChoice::Created), Some(row.created_at));
        assert_eq!(sort_date(&row, SortChoice::Due), None);
        // Mid-month: the same month in every time zone.
        assert_eq!(local_month(row.updated_at), (2026, 11));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn headings_name_month_and_year_in_each_language() {
        assert_eq!(month_heading(Some((2026, 11)), Lang::En), "November 2026");
        assert_eq!(month_heading(Some((2026, 1)), Lang::Nb), "Januar 2026");
        assert_eq!(month_heading(Some((2025, 12)), Lang::Nn), "Desember 2025");
        assert_eq!(month_heading(None, Lang::En), "No due date");
        assert_eq!(month_heading_id(Some((2026, 3))), "dialogs-2026-03");
        assert_eq!(month_heading_id(None), "dialogs-undated");
    }
}
