//! What the inbox shows, derived from the wire types: party rows and dialog rows.
//!
//! Plain Rust (no Leptos), so the choices made here (which title, which sender, which status
//! word) are tested natively.

use chrono::{DateTime, Utc};

use crate::api::wire::{
    AuthorizedParty, DialogListItem, DialogSearchQuery, DialogStatus, Parties, PartyType, PartyUrn,
    SystemLabel,
};
use crate::i18n::{Key, Lang};
use crate::party_tree::{PartyInput, PartyKind};

/// The search for the first page of one party's inbox (label Default), newest first.
pub fn inbox_query(party: &str, limit: i32) -> DialogSearchQuery {
    DialogSearchQuery {
        party: vec![PartyUrn::parse_lenient(party)],
        system_label: vec![SystemLabel::Default],
        limit: Some(limit),
        ..DialogSearchQuery::default()
    }
}

/// The parties of a `GET /parties` answer, as the party tree takes them.
pub fn party_inputs(parties: &Parties) -> Vec<PartyInput> {
    parties.authorized_parties.iter().map(party_input).collect()
}

fn party_input(party: &AuthorizedParty) -> PartyInput {
    let urn = party.party.to_string();
    let kind = match party.party_type {
        PartyType::Organization => PartyKind::Organisation,
        PartyType::Person => PartyKind::Person,
        // Unknown types: judge by the identifier.
        _ if urn.starts_with("urn:altinn:organization:") => PartyKind::Organisation,
        _ => PartyKind::Person,
    };
    PartyInput {
        urn,
        name: party.name.clone(),
        kind,
        is_current_end_user: party.is_current_end_user,
        is_deleted: party.is_deleted,
        has_only_access_to_sub_parties: party.has_only_access_to_sub_parties,
        sub_parties: party
            .sub_parties
            .iter()
            .flatten()
            .map(party_input)
            .collect(),
    }
}

/// One row of the dialog list.
#[derive(Clone, Debug, PartialEq)]
pub struct DialogRow {
    pub id: String,
    pub title: String,
    /// The sender's name in the best language, else the service owner's code.
    pub sender: String,
    pub status: Key,
    /// A stable CSS modifier for the status badge.
    pub status_class: &'static str,
    pub unread: bool,
    pub updated_at: DateTime<Utc>,
}

impl DialogRow {
    /// The row for `item`, with texts chosen for `lang`.
    pub fn new(item: &DialogListItem, lang: Lang) -> Self {
        let code = lang.code();
        let content = item.content.as_ref();
        let title = content
            .and_then(|c| c.title.best(code))
            .filter(|t| !t.trim().is_empty())
            .map(str::to_owned)
            .unwrap_or_else(|| lang.t(Key::Untitled).to_owned());
        let sender = content
            .and_then(|c| c.sender_name.as_ref())
            .and_then(|name| name.best(code))
            .filter(|s| !s.trim().is_empty())
            .map(str::to_owned)
            .unwrap_or_else(|| item.org.to_string());
        let (status, status_class) = status_word(&item.status);
        DialogRow {
            id: item.id.to_string(),
            title,
            sender,
            status,
            status_class,
            unread: !item.is_content_seen,
            updated_at: item.content_updated_at,
        }
    }
}

/// The human word for a status, and its CSS modifier. Unknown values read as "no status".
pub fn status_word(status: &DialogStatus) -> (Key, &'static str) {
    match status {
        DialogStatus::InProgress => (Key::StatusInProgress, "in-progress"),
        DialogStatus::Draft => (Key::StatusDraft, "draft"),
        DialogStatus::RequiresAttention => (Key::StatusRequiresAttention, "requires-attention"),
        DialogStatus::Completed => (Key::StatusCompleted, "completed"),
        DialogStatus::Awaiting => (Key::StatusAwaiting, "awaiting"),
        _ => (Key::StatusNotApplicable, "not-applicable"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn item(json: serde_json::Value) -> DialogListItem {
        serde_json::from_value(json).expect("a dialog list item")
    }

    fn base() -> serde_json::Value {
        serde_json::json!({
            "id": "0198a5c6-7d1e-7a2b-9c3d-4e5f60718293",
            "org": "skd",
            "serviceResource": "urn:altinn:resource:test",
            "serviceResourceType": "GenericAccessResource",
            "party": "urn:altinn:person:identifier-no:08844397713",
            "status": "RequiresAttention",
            "createdAt": "2026-03-01T10:00:00Z",
            "updatedAt": "2026-03-02T10:00:00Z",
            "contentUpdatedAt": "2026-03-02T10:00:00Z",
            "hasUnopenedContent": false,
            "isApiOnly": false,
            "isContentSeen": false,
            "fromServiceOwnerTransmissionsCount": 0,
            "fromPartyTransmissionsCount": 0,
            "guiAttachmentCount": 0,
            "systemLabel": "Default",
            "endUserContext": { "revision": "0198a5c6-7d1e-7a2b-9c3d-4e5f60718294", "systemLabels": ["Default"] },
            "seenSinceLastUpdate": [],
            "seenSinceLastContentUpdate": [],
            "content": {
                "title": { "mediaType": "text/plain", "value": [
                    { "value": "Skattemelding", "languageCode": "nb" },
                    { "value": "Tax return", "languageCode": "en" }
                ]}
            }
        })
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn title_in_the_chosen_language_sender_falls_back_to_org() {
        let row = DialogRow::new(&item(base()), Lang::En);
        assert_eq!(row.title, "Tax return");
        assert_eq!(row.sender, "skd");
        assert_eq!(row.status, Key::StatusRequiresAttention);
        assert!(row.unread);
        let row = DialogRow::new(&item(base()), Lang::Nn);
        assert_eq!(row.title, "Skattemelding");
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn sender_name_wins_over_org() {
        let mut json = base();
        json["content"]["senderName"] = serde_json::json!({ "mediaType": "text/plain", "value": [
            { "value": "Skatteetaten", "languageCode": "nb" }
        ]});
        json["isContentSeen"] = serde_json::json!(true);
        let row = DialogRow::new(&item(json), Lang::En);
        assert_eq!(row.sender, "Skatteetaten");
        assert!(!row.unread);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn every_status_has_a_word() {
        for status in [
            "InProgress",
            "Draft",
            "RequiresAttention",
            "Completed",
            "NotApplicable",
            "Awaiting",
        ] {
            let status: DialogStatus =
                serde_json::from_value(serde_json::json!(status)).expect("status");
            let (key, class) = status_word(&status);
            assert!(!class.is_empty());
            assert!(!Lang::Nb.t(key).is_empty());
        }
    }
}
