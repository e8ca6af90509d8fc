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
    /// When the dialog was created (the list may be sorted and grouped by it).
    pub created_at: DateTime<Utc>,
    /// The summary in the best language, when there is one.
    pub summary: Option<String>,
    pub due_at: Option<DateTime<Utc>>,
    /// Attachments meant for people.
    pub attachments: u32,
    /// The dialog's party (its link keeps it).
    pub party: String,
    /// The end-user context revision (`If-Match` on label changes).
    pub revision: String,
    /// The folder the dialog is in (Default, Archive or Bin).
    pub folder: SystemLabel,
    /// Service owner code and service resource (for the filter choices).
    pub org: String,
    pub service_resource: String,
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
        let labels = &item.end_user_context.system_labels;
        let folder = [SystemLabel::Bin, SystemLabel::Archive]
            .into_iter()
            .find(|label| labels.contains(label))
            .unwrap_or(SystemLabel::Default);
        DialogRow {
            id: item.id.to_string(),
            title,
            sender,
            status,
            status_class,
            unread: item.is_unread(),
            updated_at: item.content_updated_at,
            created_at: item.created_at,
            summary: content
                .and_then(|c| c.summary.as_ref())
                .and_then(|s| s.best(code))
                .filter(|s| !s.trim().is_empty())
                .map(str::to_owned),
            due_at: item.due_at,
            attachments: item.gui_attachment_count.unwrap_or(0).max(0) as u32,
            party: item.party.to_string(),
            revision: item.end_user_context.revision.to_string(),
            folder,
            org: item.org.clone(),
            service_resource: item.service_resource.clone(),
        }
    }
}

impl Default for DialogRow {
    fn default() -> Self {
        DialogRow {
            id: String::new(),
            title: String::new(),
            sender: String::new(),
            status: Key::StatusNotApplicable,
            status_class: "not-applicable",
            unread: false,
            updated_at: DateTime::<Utc>::default(),
            created_at: DateTime::<Utc>::default(),
            summary: None,
            due_at: None,
            attachments: 0,
            party: String::new(),
            revision: String::new(),
            folder: SystemLabel::Default,
            org: String::new(),
            service_resource: String::new(),
        }
    }
}

/// A change of system labels the user can make from the list (per row or in bulk).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LabelAction {
    MoveToArchive,
    MoveToBin,
    RestoreToInbox,
    MarkAsUnread,
}

impl LabelAction {
    /// Every action, in the order the bulk bar shows them.
    pub const ALL: [LabelAction; 4] = [
        LabelAction::MoveToArchive,
        LabelAction::MoveToBin,
        LabelAction::RestoreToInbox,
        LabelAction::MarkAsUnread,
    ];

    /// The button text.
    pub fn key(self) -> Key {
        match self {
            LabelAction::MoveToArchive => Key::ListMoveToArchive,
            LabelAction::MoveToBin => Key::ListMoveToBin,
            LabelAction::RestoreToInbox => Key::ListRestoreToInbox,
            LabelAction::MarkAsUnread => Key::ListMarkAsUnread,
        }
    }

    /// The confirmation text (`{n}`: how many dialogs).
    pub fn done_key(self) -> Key {
        match self {
            LabelAction::MoveToArchive => Key::ListMovedToArchive,
            LabelAction::MoveToBin => Key::ListMovedToBin,
            LabelAction::RestoreToInbox => Key::ListMovedToInbox,
            LabelAction::MarkAsUnread => Key::ListMarkedUnread,
        }
    }

    /// Labels to add and to remove.
    pub fn change(self) -> (Vec<SystemLabel>, Vec<SystemLabel>) {
        match self {
            LabelAction::MoveToArchive => (vec![SystemLabel::Archive], vec![]),
            LabelAction::MoveToBin => (vec![SystemLabel::Bin], vec![]),
            LabelAction::RestoreToInbox => (vec![SystemLabel::Default], vec![]),
            LabelAction::MarkAsUnread => (vec![SystemLabel::MarkedAsUnopened], vec![]),
        }
    }

    /// The change that undoes this one for a dialog that was in `folder` before.
    pub fn undo_change(self, folder: &SystemLabel) -> (Vec<SystemLabel>, Vec<SystemLabel>) {
        match self {
            LabelAction::MarkAsUnread => (vec![], vec![SystemLabel::MarkedAsUnopened]),
            _ => (vec![folder.clone()], vec![]),
        }
    }

    /// The actions offered in a row's menu: moves away from its folder, and "Mark as
    /// unread" for a read dialog.
    pub fn for_row(row: &DialogRow) -> Vec<LabelAction> {
        let mut actions: Vec<LabelAction> = match row.folder {
            SystemLabel::Archive => vec![LabelAction::RestoreToInbox, LabelAction::MoveToBin],
            SystemLabel::Bin => vec![LabelAction::RestoreToInbox, LabelAction::MoveToArchive],
            _ => vec![LabelAction::MoveToArchive, LabelAction::MoveToBin],
        };
        if !row.unread {
            actions.push(LabelAction::MarkAsUnread);
        }
        actions
    }
}

/// A service owner code and its names (nb, nn, en): the senders the filter always offers,
/// besides those found in the loaded dialogs.
pub const KNOWN_SENDERS: &[(&str, [&str; 3])] = &[
    (
        "skd",
        [
            "Skatteetaten",
            "Skatteetaten",
            "The Norwegian Tax Administration",
        ],
    ),
    (
        "nav",
        [
            "NAV",
            "NAV",
            "NAV (Norwegian Labour and Welfare Administration)",
        ],
    ),
    (
        "svv",
        [
            "Statens vegvesen",
            "Statens vegvesen",
            "Norwegian Public Roads Administration",
        ],
    ),
    (
        "ssb",
        [
            "Statistisk sentralbyrå",
            "Statistisk sentralbyrå",
            "Statistics Norway",
        ],
    ),
    (
        "dibk",
        [
            "Direktoratet for byggkvalitet",
            "Direktoratet for byggkvalitet",
            "Norwegian Building Authority",
        ],
    ),
    (
        "brg",
        [
            "Brønnøysundregistrene",
            "Brønnøysundregistera",
            "The Brønnøysund Register Centre",
        ],
    ),
    (
        "digdir",
        [
            "Digitaliseringsdirektoratet",
            "Digitaliseringsdirektoratet",
            "Norwegian Digitalisation Agency",
        ],
    ),
    (
        "udir",
        [
            "Utdanningsdirektoratet",
            "Utdanningsdirektoratet",
            "Norwegian Directorate for Education and Training",
        ],
    ),
    (
        "lanekassen",
        [
            "Lånekassen",
            "Lånekassen",
            "The Norwegian State Educational Loan Fund",
        ],
    ),
    ("ok", ["Oslo kommune", "Oslo kommune", "City of Oslo"]),
    (
        "kv",
        ["Kartverket", "Kartverket", "Norwegian Mapping Authority"],
    ),
];

/// A filter choice: the value sent, and the name shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterOption {
    pub value: String,
    pub label: String,
}

/// A service from the catalogue: resource URN and name, owner code and name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogueEntry {
    pub resource: String,
    pub name: String,
    pub owner_code: String,
    pub owner_name: String,
}

/// Sender choices: the known list, the catalogue's owners and every org in `rows` (named
/// by the rows' sender names), plus any chosen ones, sorted by name.
pub fn sender_options(
    rows: &[DialogRow],
    catalogue: &[CatalogueEntry],
    chosen: &[String],
    lang: Lang,
) -> Vec<FilterOption> {
    let index = match lang {
        Lang::Nb => 0,
        Lang::Nn => 1,
        Lang::En => 2,
    };
    let mut options: Vec<FilterOption> = KNOWN_SENDERS
        .iter()
        .map(|(code, names)| FilterOption {
            value: (*code).to_owned(),
            label: names[index].to_owned(),
        })
        .collect();
    for entry in catalogue {
        if !entry.owner_code.is_empty() && !options.iter().any(|o| o.value == entry.owner_code) {
            options.push(FilterOption {
                value: entry.owner_code.clone(),
                label: entry.owner_name.clone(),
            });
        }
    }
    for row in rows {
        if !row.org.is_empty() && !options.iter().any(|o| o.value == row.org) {
            options.push(FilterOption {
                value: row.org.clone(),
                label: row.sender.clone(),
            });
        }
    }
    for code in chosen {
        if !options.iter().any(|o| &o.value == code) {
            options.push(FilterOption {
                value: code.clone(),
                label: code.clone(),
            });
        }
    }
    options.sort_by(|a, b| crate::party_tree::compare_names(&a.label, &b.label));
    options
}

/// Service choices: the catalogue's services ("VAT return (Skatteetaten)"), every other
/// service resource in `rows` (named by its id and sender) and the chosen ones.
pub fn service_options(
    rows: &[DialogRow],
    catalogue: &[CatalogueEntry],
    chosen: &[String],
) -> Vec<FilterOption> {
    let mut options: Vec<FilterOption> = catalogue
        .iter()
        .map(|entry| FilterOption {
            value: entry.resource.clone(),
            label: if entry.owner_name.is_empty() {
                entry.name.clone()
            } else {
                format!("{} ({})", entry.name, entry.owner_name)
            },
        })
        .collect();
    let label = |urn: &str, sender: Option<&str>| {
        let id = urn.rsplit(':').next().unwrap_or(urn);
        match sender {
            Some(sender) => format!("{id} ({sender})"),
            None => id.to_owned(),
        }
    };
    for row in rows {
        if !row.service_resource.is_empty()
            && !options.iter().any(|o| o.value == row.service_resource)
        {
            options.push(FilterOption {
                value: row.service_resource.clone(),
                label: label(&row.service_resource, Some(&row.sender)),
            });
        }
    }
    for urn in chosen {
        if !options.iter().any(|o| &o.value == urn) {
            options.push(FilterOption {
                value: urn.clone(),
                label: label(urn, None),
            });
        }
    }
    options.sort_by(|a, b| crate::party_tree::compare_names(&a.label, &b.label));
    options
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

    #[wasm_bindgen_test(unsupported = test)]
    fn filter_choices_show_names_not_codes() {
        let row = DialogRow {
            org: "xyz".into(),
            sender: "Xyz etaten".into(),
            service_resource: "urn:altinn:resource:xyz-thing".into(),
            ..DialogRow::default()
        };
        let catalogue = vec![CatalogueEntry {
            resource: "urn:altinn:resource:skd-mva-melding".into(),
            name: "VAT return".into(),
            owner_code: "skd".into(),
            owner_name: "Skatteetaten".into(),
        }];
        let senders = sender_options(
            std::slice::from_ref(&row),
            &catalogue,
            &["zzz".into()],
            Lang::En,
        );
        let label = |code: &str| {
            senders
                .iter()
                .find(|o| o.value == code)
                .map(|o| o.label.clone())
        };
        assert_eq!(
            label("skd").as_deref(),
            Some("The Norwegian Tax Administration")
        );
        assert_eq!(label("xyz").as_deref(), Some("Xyz etaten"));
        assert_eq!(label("zzz").as_deref(), Some("zzz"));
        let services = service_options(&[row], &catalogue, &[]);
        let labels: Vec<&str> = services.iter().map(|o| o.label.as_str()).collect();
        assert_eq!(
            labels,
            ["VAT return (Skatteetaten)", "xyz-thing (Xyz etaten)"]
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn row_actions_follow_the_folder() {
        let mut row = DialogRow::default();
        assert_eq!(
            LabelAction::for_row(&row),
            [
                LabelAction::MoveToArchive,
                LabelAction::MoveToBin,
                LabelAction::MarkAsUnread
            ]
        );
        row.folder = SystemLabel::Bin;
        row.unread = true;
        assert_eq!(
            LabelAction::for_row(&row),
            [LabelAction::RestoreToInbox, LabelAction::MoveToArchive]
        );
        assert_eq!(
            LabelAction::MoveToBin.undo_change(&SystemLabel::Archive),
            (vec![SystemLabel::Archive], vec![])
        );
        assert_eq!(
            LabelAction::MarkAsUnread.undo_change(&SystemLabel::Default),
            (vec![], vec![SystemLabel::MarkedAsUnopened])
        );
    }

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
