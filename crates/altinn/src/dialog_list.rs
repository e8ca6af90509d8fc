//! Dialog search results: `GET /api/v1/enduser/dialogs` → [`PaginatedList`] of [`DialogListItem`].

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::activity::DialogActivity;
use crate::dialog::{DialogEndUserContext, DialogStatus, SystemLabel};
use crate::localization::ContentValue;
use crate::party::PartyUrn;
use crate::seen_log::DialogSeenLog;
use crate::serde_util::null_as_empty;

/// A page of results (`PaginatedListOf…`).
///
/// Keep requesting with `continuationToken` (and the same `orderBy`) while
/// `hasNextPage` is true. There is no total count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", bound(deserialize = "T: Deserialize<'de>"))]
pub struct PaginatedList<T> {
    /// The items of this page.
    #[serde(default = "Vec::new", deserialize_with = "null_as_empty")]
    pub items: Vec<T>,
    /// More pages follow.
    #[serde(default)]
    pub has_next_page: bool,
    /// Token for the next page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continuation_token: Option<String>,
    /// The sort order in force, e.g. `contentupdatedat_desc,id_desc`.
    #[serde(default)]
    pub order_by: String,
}

impl<T> Default for PaginatedList<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            has_next_page: false,
            continuation_token: None,
            order_by: String::new(),
        }
    }
}

/// `PaginatedListOfDialogListItem`.
pub type DialogSearchPage = PaginatedList<DialogListItem>;

/// A dialog in a search result (`DialogListItem`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DialogListItem {
    /// Dialog id (UUIDv7).
    pub id: Uuid,
    /// Service owner code, e.g. `skd`.
    #[serde(default)]
    pub org: String,
    /// `urn:altinn:resource:<id>`.
    #[serde(default)]
    pub service_resource: String,
    /// Resource type, e.g. `GenericAccessResource`.
    #[serde(default)]
    pub service_resource_type: String,
    /// The party the dialog belongs to.
    pub party: PartyUrn,
    /// Progress 1–100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<i32>,
    /// Process identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub process: Option<String>,
    /// Preceding process identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preceding_process: Option<String>,
    /// Number of attachments for GUI use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gui_attachment_count: Option<i32>,
    /// Service-specific status string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extended_status: Option<String>,
    /// Service-specific external reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_reference: Option<String>,
    /// Created.
    #[serde(with = "crate::time::rfc3339")]
    pub created_at: DateTime<Utc>,
    /// Last updated.
    #[serde(with = "crate::time::rfc3339")]
    pub updated_at: DateTime<Utc>,
    /// Content last updated (the default sort key).
    #[serde(with = "crate::time::rfc3339")]
    pub content_updated_at: DateTime<Utc>,
    /// Due date.
    #[serde(
        default,
        with = "crate::time::rfc3339_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub due_at: Option<DateTime<Utc>>,
    /// Aggregated status.
    pub status: DialogStatus,
    /// Deprecated single label (only Default/Bin/Archive); use `endUserContext`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_label: Option<SystemLabel>,
    /// End-user labels and revision.
    #[serde(default)]
    pub end_user_context: DialogEndUserContext,
    /// Transmissions not yet reported opened by the service owner.
    #[serde(default)]
    pub has_unopened_content: bool,
    /// Not meant for people; hide in GUIs.
    #[serde(default)]
    pub is_api_only: bool,
    /// Seen since last content update and not marked as unopened.
    #[serde(default)]
    pub is_content_seen: bool,
    /// Transmissions from the service owner.
    #[serde(default)]
    pub from_service_owner_transmissions_count: i32,
    /// Transmissions from the party.
    #[serde(default)]
    pub from_party_transmissions_count: i32,
    /// The latest activity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_activity: Option<DialogActivity>,
    /// Seen-log entries newer than `updatedAt`.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub seen_since_last_update: Vec<DialogSeenLog>,
    /// Seen-log entries newer than `contentUpdatedAt`.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub seen_since_last_content_update: Vec<DialogSeenLog>,
    /// Texts; `None` for API-only dialogs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<DialogContentSummary>,
}

/// Texts of a dialog in a search result (`DialogContentSummary`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DialogContentSummary {
    /// Title.
    #[serde(default)]
    pub title: ContentValue,
    /// Summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<ContentValue>,
    /// Sender name; when absent show the `org`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_name: Option<ContentValue>,
    /// Label for the `extendedStatus` value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extended_status: Option<ContentValue>,
}

impl DialogListItem {
    /// The title in the best language (see [`crate::best_match`]).
    pub fn title(&self, lang: &str) -> Option<&str> {
        self.content.as_ref().and_then(|c| c.title.best(lang))
    }

    /// The sender name in the best language, else the service owner code.
    pub fn sender_name<'a>(&'a self, lang: &str) -> &'a str {
        self.content
            .as_ref()
            .and_then(|c| c.sender_name.as_ref())
            .and_then(|s| s.best(lang))
            .unwrap_or(&self.org)
    }

    /// Unread in the inbox sense: content not seen, or marked as unopened.
    pub fn is_unread(&self) -> bool {
        !self.is_content_seen
            || self
                .end_user_context
                .has(&crate::dialog::SystemLabel::MarkedAsUnopened)
    }
}
