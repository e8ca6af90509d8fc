//! The parties a user may act for, in the order the party picker shows them.
//!
//! The user first, then organisations, each followed by its sub-units, then other persons;
//! names sorted the Norwegian way (… x y z æ ø å) and shown in title case ("Nordmann Ola",
//! "Ddg Fitness AS"). Each row carries a lower-cased search key (name and organisation
//! number) so type-to-filter stays fast with 15,000 parties. Plain Rust, tested natively.

use std::cmp::Ordering;
use std::collections::HashSet;

use crate::case;

/// Whether a party is a person or an organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartyKind {
    Person,
    Organisation,
}

/// A party as the tree needs it (converted from the wire type at the edge).
#[derive(Clone, Debug, PartialEq)]
pub struct PartyInput {
    pub urn: String,
    pub name: String,
    pub kind: PartyKind,
    pub is_current_end_user: bool,
    pub is_deleted: bool,
    /// Listed only to show the hierarchy: the user may act for its sub-units, not for it.
    pub has_only_access_to_sub_parties: bool,
    pub sub_parties: Vec<PartyInput>,
}

/// One row of the flattened tree.
#[derive(Clone, Debug, PartialEq)]
pub struct PartyEntry {
    pub urn: String,
    /// The name in title case.
    pub name: String,
    /// The organisation number, for organisations.
    pub org_number: Option<String>,
    /// Lower-cased name and organisation number, for filtering.
    pub search_key: String,
    pub kind: PartyKind,
    /// 0 for top-level parties, 1 for sub-units.
    pub depth: u8,
    pub is_you: bool,
    pub is_deleted: bool,
    /// False for a parent shown only for the hierarchy.
    pub selectable: bool,
}

/// Flattens and orders the parties; deleted ones are left out unless `include_deleted`.
/// A party listed twice (the API has been seen doing so) appears once, at its first place.
pub fn flatten(parties: &[PartyInput], include_deleted: bool) -> Vec<PartyEntry> {
    let mut top: Vec<&PartyInput> = parties
        .iter()
        .filter(|p| include_deleted || !p.is_deleted)
        .collect();
    top.sort_by(|a, b| top_level_order(a, b));

    let mut seen = HashSet::new();
    let mut rows = Vec::with_capacity(parties.len());
    for party in top {
        if !seen.insert(party.urn.as_str()) {
            continue;
        }
        rows.push(entry(party, 0));
        let mut subs: Vec<&PartyInput> = party
            .sub_parties
            .iter()
            .filter(|p| include_deleted || !p.is_deleted)
            .collect();
        subs.sort_by(|a, b| compare_names(&a.name, &b.name));
        for sub in subs {
            if seen.insert(sub.urn.as_str()) {
                rows.push(entry(sub, 1));
            }
        }
    }
    rows
}

/// The party to show when the URL names none: the user, else the first one they may act for.
pub fn default_party(rows: &[PartyEntry]) -> Option<&PartyEntry> {
    rows.iter()
        .find(|row| row.is_you)
        .or_else(|| rows.iter().find(|row| row.selectable))
}

fn entry(party: &PartyInput, depth: u8) -> PartyEntry {
    let name = title_case(&party.name);
    let org_number = party
        .urn
        .strip_prefix("urn:altinn:organization:identifier-no:")
        .map(str::to_owned);
    let search_key = match &org_number {
        Some(number) => format!("{} {number}", case::lower(&name)),
        None => case::lower(&name),
    };
    PartyEntry {
        urn: party.urn.clone(),
        name,
        org_number,
        search_key,
        kind: party.kind,
        depth,
        is_you: party.is_current_end_user,
        is_deleted: party.is_deleted,
        selectable: !party.has_only_access_to_sub_parties,
    }
}

fn top_level_order(a: &PartyInput, b: &PartyInput) -> Ordering {
    let rank = |p: &PartyInput| match (p.is_current_end_user, p.kind) {
        (true, _) => 0,
        (false, PartyKind::Organisation) => 1,
        (false, PartyKind::Person) => 2,
    };
    rank(a)
        .cmp(&rank(b))
        .then_with(|| compare_names(&a.name, &b.name))
}

/// The rows whose name or organisation number contains `needle` (case-insensitive), as
/// indices into `rows`. A matching sub-unit brings its organisation along (as context), so
/// the hierarchy stays readable. An empty needle keeps every row.
pub fn filter_rows(rows: &[PartyEntry], needle: &str) -> Vec<usize> {
    let needle = case::lower(needle.trim());
    if needle.is_empty() {
        return (0..rows.len()).collect();
    }
    let mut out = Vec::new();
    let mut parent: Option<usize> = None;
    let mut parent_added = false;
    for (index, row) in rows.iter().enumerate() {
        if row.depth == 0 {
            parent = Some(index);
            parent_added = false;
        }
        if row.search_key.contains(&needle) {
            if row.depth > 0
                && !parent_added
                && let Some(parent) = parent
            {
                out.push(parent);
            }
            if row.depth == 0 {
                parent_added = true;
            }
            out.push(index);
        }
    }
    out
}

/// Words kept in upper case: company forms and similar abbreviations.
const UPPER_WORDS: &[&str] = &[
    "AS", "ASA", "ANS", "DA", "BA", "SA", "NUF", "BRL", "KS", "IKS", "SF", "ENK", "FKF", "KF",
];

/// Small words kept in lower case inside a name ("Skog og Fjell").
const LOWER_WORDS: &[&str] = &["og", "i", "på", "av", "for", "til", "med", "under"];

/// A register name ("NORDMANN OLA", "DDG FITNESS AS") in title case ("Nordmann Ola",
/// "Ddg Fitness AS"); company forms stay upper case, small words ("og", "i") lower case
/// after the first word, hyphenated parts are capitalised each.
pub fn title_case(name: &str) -> String {
    name.split(' ')
        .enumerate()
        .map(|(position, word)| {
            let upper = case::upper(word);
            if UPPER_WORDS.contains(&upper.as_str()) {
                return upper;
            }
            let lower = case::lower(word);
            if position > 0 && LOWER_WORDS.contains(&lower.as_str()) {
                return lower;
            }
            word.split('-')
                .map(|part| {
                    let mut chars = part.chars();
                    match chars.next() {
                        Some(first) => {
                            let mut out = String::with_capacity(part.len());
                            case::for_each_upper(first, |u| out.push(u));
                            out.push_str(&case::lower(chars.as_str()));
                            out
                        }
                        None => String::new(),
                    }
                })
                .collect::<Vec<String>>()
                .join("-")
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// Case-insensitive name order with the Norwegian letters after z, in the order æ ø å.
pub fn compare_names(a: &str, b: &str) -> Ordering {
    let key = |c: char| -> (u32, char) {
        let lower = case::lower_first(c);
        let weight = match lower {
            'æ' | 'ä' => 'z' as u32 + 1,
            'ø' | 'ö' => 'z' as u32 + 2,
            'å' => 'z' as u32 + 3,
            other => other as u32,
        };
        (weight, c)
    };
    let primary = a.chars().map(|c| key(c).0).cmp(b.chars().map(|c| key(c).0));
    primary.then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn party(name: &str, kind: PartyKind) -> PartyInput {
        PartyInput {
            urn: format!("urn:test:{name}"),
            name: name.to_owned(),
            kind,
            is_current_end_user: false,
            is_deleted: false,
            has_only_access_to_sub_parties: false,
            sub_parties: Vec::new(),
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn user_first_then_organisations_with_sub_units_then_persons() {
        let mut me = party("OLA NORDMANN", PartyKind::Person);
        me.is_current_end_user = true;
        let mut org = party("ÅS BAKERI AS", PartyKind::Organisation);
        org.sub_parties = vec![
            party("ÅS BAKERI AVD SENTRUM", PartyKind::Organisation),
            party("ÅS BAKERI AVD BRYN", PartyKind::Organisation),
        ];
        let mut deleted = party("GAMMEL AS", PartyKind::Organisation);
        deleted.is_deleted = true;
        let input = vec![
            org,
            party("ZETA AS", PartyKind::Organisation),
            deleted,
            party("KARI NORDMANN", PartyKind::Person),
            me,
            party("ØST AS", PartyKind::Organisation),
        ];

        let names: Vec<(String, u8)> = flatten(&input, false)
            .into_iter()
            .map(|row| (row.name, row.depth))
            .collect();
        let expected = [
            ("Ola Nordmann", 0),
            ("Zeta AS", 0),
            ("Øst AS", 0),
            ("Ås Bakeri AS", 0),
            ("Ås Bakeri Avd Bryn", 1),
            ("Ås Bakeri Avd Sentrum", 1),
            ("Kari Nordmann", 0),
        ];
        let expected: Vec<(String, u8)> = expected
            .iter()
            .map(|(name, depth)| (name.to_string(), *depth))
            .collect();
        assert_eq!(names, expected);
        assert_eq!(flatten(&input, true).len(), 8);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn default_is_the_user_else_the_first_selectable() {
        let mut parent = party("KONSERN AS", PartyKind::Organisation);
        parent.has_only_access_to_sub_parties = true;
        parent.sub_parties = vec![party("DATTER AS", PartyKind::Organisation)];
        let rows = flatten(&[parent], false);
        assert_eq!(
            default_party(&rows).map(|r| r.name.as_str()),
            Some("Datter AS")
        );
        assert!(!rows[0].selectable);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn names_in_title_case_with_company_forms_upper() {
        assert_eq!(title_case("NORDMANN OLA"), "Nordmann Ola");
        assert_eq!(title_case("DDG FITNESS AS"), "Ddg Fitness AS");
        assert_eq!(title_case("OSLOS VAKRESTE BRL"), "Oslos Vakreste BRL");
        assert_eq!(title_case("ØSTLI-HANSEN ÅSE"), "Østli-Hansen Åse");
        assert_eq!(title_case("NORSK HYDRO ASA"), "Norsk Hydro ASA");
        assert_eq!(title_case("Fjord nuf"), "Fjord NUF");
        assert_eq!(
            title_case("SKOG OG FJELL CONSULTING AS"),
            "Skog og Fjell Consulting AS"
        );
        assert_eq!(title_case("I SKOGEN DA"), "I Skogen DA");
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn filtering_by_name_or_org_number_keeps_the_parent_of_a_sub_unit() {
        let mut org = party("ÅS BAKERI AS", PartyKind::Organisation);
        org.urn = "urn:altinn:organization:identifier-no:310000001".into();
        let mut sub = party("ÅS BAKERI AVD BRYN", PartyKind::Organisation);
        sub.urn = "urn:altinn:organization:identifier-no:310000002".into();
        org.sub_parties = vec![sub];
        let rows = flatten(&[org, party("KARI NORDMANN", PartyKind::Person)], false);
        let names = |indices: Vec<usize>| -> Vec<String> {
            indices.into_iter().map(|i| rows[i].name.clone()).collect()
        };
        assert_eq!(
            names(filter_rows(&rows, "bryn")),
            ["Ås Bakeri AS", "Ås Bakeri Avd Bryn"]
        );
        assert_eq!(
            names(filter_rows(&rows, "310000002")),
            ["Ås Bakeri AS", "Ås Bakeri Avd Bryn"]
        );
        assert_eq!(names(filter_rows(&rows, " KARI ")), ["Kari Nordmann"]);
        assert_eq!(filter_rows(&rows, "").len(), 3);
        assert!(filter_rows(&rows, "zzz").is_empty());
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn duplicates_appear_once() {
        let a = party("A AS", PartyKind::Organisation);
        assert_eq!(flatten(&[a.clone(), a], false).len(), 1);
    }
}
