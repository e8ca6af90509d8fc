//! One dialog in full: `GET /api/v1/enduser/dialogs/{dialogId}` → [`Dialog`].

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::actions::{DialogApiAction, DialogGuiAction};
use crate::activity::DialogActivity;
use crate::attachment::{Attachment, AttachmentUrlConsumerType};
use crate::dialog::{DialogEndUserContext, DialogStatus, SystemLabel};
use crate::dialog_list::{DialogContentSummary, DialogListItem};
use crate::localization::ContentValue;
use crate::party::PartyUrn;
use crate::seen_log::DialogSeenLog;
use crate::serde_util::null_as_empty;
use crate::transmission::DialogTransmission;

/// A dialog with everything the end user may see (`Dialog`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Dialog {
    /// Dialog id (UUIDv7).
    pub id: Uuid,
    /// Revision; also sent as the `ETag` header.
    #[serde(default)]
    pub revision: Uuid,
    /// Service owner code.
    #[serde(default)]
    pub org: String,
    /// `urn:altinn:resource:<id>`.
    #[serde(default)]
    pub service_resource: String,
    /// Resource type.
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
    /// Service-specific status string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extended_status: Option<String>,
    /// Service-specific external reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_reference: Option<String>,
    /// Due date.
    #[serde(
        default,
        with = "crate::time::rfc3339_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub due_at: Option<DateTime<Utc>>,
    /// Last date the dialog is available.
    #[serde(
        default,
        with = "crate::time::rfc3339_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub expires_at: Option<DateTime<Utc>>,
    /// Created.
    #[serde(with = "crate::time::rfc3339")]
    pub created_at: DateTime<Utc>,
    /// Last updated.
    #[serde(with = "crate::time::rfc3339")]
    pub updated_at: DateTime<Utc>,
    /// Content last updated.
    #[serde(with = "crate::time::rfc3339")]
    pub content_updated_at: DateTime<Utc>,
    /// Aggregated status.
    pub status: DialogStatus,
    /// Deprecated single label; use `endUserContext`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_label: Option<SystemLabel>,
    /// Not meant for people.
    #[serde(default)]
    pub is_api_only: bool,
    /// Transmissions not yet reported opened by the service owner.
    #[serde(default)]
    pub has_unopened_content: bool,
    /// Texts.
    #[serde(default)]
    pub content: DialogContent,
    /// Signed JWT for embeds and write actions (new on every GET, 10 min).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dialog_token: Option<String>,
    /// Transmissions from the service owner.
    #[serde(default)]
    pub from_service_owner_transmissions_count: i32,
    /// Transmissions from the party.
    #[serde(default)]
    pub from_party_transmissions_count: i32,
    /// Dialog-level attachments.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub attachments: Vec<Attachment>,
    /// Transmissions.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub transmissions: Vec<DialogTransmission>,
    /// GUI actions.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub gui_actions: Vec<DialogGuiAction>,
    /// API actions.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub api_actions: Vec<DialogApiAction>,
    /// Activity history.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub activities: Vec<DialogActivity>,
    /// Seen-log entries newer than `updatedAt`.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub seen_since_last_update: Vec<DialogSeenLog>,
    /// Seen-log entries newer than `contentUpdatedAt`.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub seen_since_last_content_update: Vec<DialogSeenLog>,
    /// Seen since the last content update.
    #[serde(default)]
    pub is_content_seen: bool,
    /// End-user labels and revision.
    #[serde(default)]
    pub end_user_context: DialogEndUserContext,
}

/// Texts of a dialog (`Content`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DialogContent {
    /// Title.
    #[serde(default)]
    pub title: ContentValue,
    /// Summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<ContentValue>,
    /// Sender name; when absent show the `org`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_name: Option<ContentValue>,
    /// Longer explanation (may be Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_info: Option<ContentValue>,
    /// Label for the `extendedStatus` value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extended_status: Option<ContentValue>,
    /// Front-channel embed URL; masked when not authorized.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_content_reference: Option<ContentValue>,
}

impl Dialog {
    /// The title in the best language (see [`crate::best_match`]).
    pub fn title(&self, lang: &str) -> Option<&str> {
        self.content.title.best(lang)
    }

    /// The sender name in the best language, else the service owner code.
    pub fn sender_name<'a>(&'a self, lang: &str) -> &'a str {
        self.content
            .sender_name
            .as_ref()
            .and_then(|s| s.best(lang))
            .unwrap_or(&self.org)
    }

    /// The search-result view of this dialog, as the API derives it: the
    /// list-item fields, `latestActivity` = the newest activity,
    /// `guiAttachmentCount` = attachments with at least one GUI URL, and no
    /// `content` for API-only dialogs.
    pub fn to_list_item(&self) -> DialogListItem {
        let latest_activity = self
            .activities
            .iter()
            .enumerate()
            .max_by_key(|(i, a)| (a.created_at, *i))
            .map(|(_, a)| a.clone());
        let gui_attachment_count = self
            .attachments
            .iter()
            .filter(|a| {
                a.urls
                    .iter()
                    .any(|u| u.consumer_type == AttachmentUrlConsumerType::Gui)
            })
            .count();
        let c = &self.content;
        DialogListItem {
            id: self.id,
            org: self.org.clone(),
            service_resource: self.service_resource.clone(),
            service_resource_type: self.service_resource_type.clone(),
            party: self.party.clone(),
            progress: self.progress,
            process: self.process.clone(),
            preceding_process: self.preceding_process.clone(),
            gui_attachment_count: Some(i32::try_from(gui_attachment_count).unwrap_or(i32::MAX)),
            extended_status: self.extended_status.clone(),
            external_reference: self.external_reference.clone(),
            created_at: self.created_at,
            updated_at: self.updated_at,
            content_updated_at: self.content_updated_at,
            due_at: self.due_at,
            status: self.status.clone(),
            system_label: self.system_label.clone(),
            end_user_context: self.end_user_context.clone(),
            has_unopened_content: self.has_unopened_content,
            is_api_only: self.is_api_only,
            is_content_seen: self.is_content_seen,
            from_service_owner_transmissions_count: self.from_service_owner_transmissions_count,
            from_party_transmissions_count: self.from_party_transmissions_count,
            latest_activity,
            seen_since_last_update: self.seen_since_last_update.clone(),
            seen_since_last_content_update: self.seen_since_last_content_update.clone(),
            content: (!self.is_api_only).then(|| DialogContentSummary {
                title: c.title.clone(),
                summary: c.summary.clone(),
                sender_name: c.sender_name.clone(),
                extended_status: c.extended_status.clone(),
            }),
        }
    }
}
