//! The parties a user may act for, in the order the party picker shows them.
//!
//! The user first, then other persons, then organisations, each organisation followed by its
//! sub-units; names sorted the Norwegian way (… x y z æ ø å). Plain Rust, tested natively.

use std::cmp::Ordering;
use std::collections::HashSet;

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
    pub name: String,
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
    PartyEntry {
        urn: party.urn.clone(),
        name: party.name.clone(),
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
        (false, PartyKind::Person) => 1,
        (false, PartyKind::Organisation) => 2,
    };
    rank(a)
        .cmp(&rank(b))
        .then_with(|| compare_names(&a.name, &b.name))
}

/// Case-insensitive name order with the Norwegian letters after z, in the order æ ø å.
pub fn compare_names(a: &str, b: &str) -> Ordering {
    let key = |c: char| -> (u32, char) {
        let lower = c.to_lowercase().next().unwrap_or(c);
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
    fn user_first_then_persons_then_organisations_with_sub_units() {
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
            ("OLA NORDMANN", 0),
            ("KARI NORDMANN", 0),
            ("ZETA AS", 0),
            ("ØST AS", 0),
            ("ÅS BAKERI AS", 0),
            ("ÅS BAKERI AVD BRYN", 1),
            ("ÅS BAKERI AVD SENTRUM", 1),
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
            Some("DATTER AS")
        );
        assert!(!rows[0].selectable);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn duplicates_appear_once() {
        let a = party("A AS", PartyKind::Organisation);
        assert_eq!(flatten(&[a.clone(), a], false).len(), 1);
    }
}
