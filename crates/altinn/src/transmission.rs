//! Transmissions: messages sent within a dialog.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::attachment::Attachment;
use crate::dialog::Actor;
use crate::localization::{ContentValue, Localization};
use crate::serde_util::null_as_empty;
use crate::string_enum::string_enum;

string_enum! {
    /// The type of a transmission (`DialogTransmissionType`).
    pub enum DialogTransmissionType {
        /// Information only.
        Information => "Information",
        /// An acceptance.
        Acceptance => "Acceptance",
        /// A rejection.
        Rejection => "Rejection",
        /// A request.
        Request => "Request",
        /// An alert.
        Alert => "Alert",
        /// A decision.
        Decision => "Decision",
        /// A submission.
        Submission => "Submission",
        /// A correction.
        Correction => "Correction",
    }
}

/// A transmission.
///
/// Serves `DialogTransmission` (in dialog details: has `isOpened`, no
/// `deletedAt`) and `DialogTransmissionSearchItem` / `DialogTransmissionDetails`
/// (has `deletedAt`, no `isOpened`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DialogTransmission {
    /// Transmission id.
    pub id: Uuid,
    /// When it was created.
    #[serde(with = "crate::time::rfc3339")]
    pub created_at: DateTime<Utc>,
    /// Authorization attribute guarding it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_attribute: Option<String>,
    /// False: content and attachments are replaced by placeholders.
    #[serde(default)]
    pub is_authorized: bool,
    /// Service-specific type URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extended_type: Option<String>,
    /// Service-specific external reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_reference: Option<String>,
    /// The transmission this one relates to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related_transmission_id: Option<Uuid>,
    /// Deletion time (search and details endpoints only).
    #[serde(
        default,
        with = "crate::time::rfc3339_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub deleted_at: Option<DateTime<Utc>>,
    /// Transmission type.
    #[serde(rename = "type")]
    pub transmission_type: DialogTransmissionType,
    /// The sender.
    pub sender: Actor,
    /// Opened by the party (dialog details only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_opened: Option<bool>,
    /// Title, summary and content reference.
    #[serde(default)]
    pub content: DialogTransmissionContent,
    /// Attachments.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub attachments: Vec<Attachment>,
    /// Links to follow.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub navigational_actions: Vec<NavigationalAction>,
}

/// `GET …/dialogs/{dialogId}/transmissions` items.
pub type DialogTransmissionSearchItem = DialogTransmission;
/// `GET …/dialogs/{dialogId}/transmissions/{transmissionId}`.
pub type DialogTransmissionDetails = DialogTransmission;

/// Content of a transmission (`DialogTransmissionContent` and twins).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DialogTransmissionContent {
    /// Title.
    #[serde(default)]
    pub title: ContentValue,
    /// Summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<ContentValue>,
    /// Front-channel embed URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_reference: Option<ContentValue>,
}

/// A link on a transmission (`DialogTransmissionNavigationalAction` and twins).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NavigationalAction {
    /// Link text.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub title: Vec<Localization>,
    /// URL, or `urn:dialogporten:unauthorized` / `urn:dialogporten:expired`.
    #[serde(default)]
    pub url: String,
    /// When it expires.
    #[serde(
        default,
        with = "crate::time::rfc3339_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub expires_at: Option<DateTime<Utc>>,
}
