//! Attachments of dialogs and transmissions.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::localization::Localization;
use crate::serde_util::null_as_empty;
use crate::string_enum::string_enum;

/// Placeholder URL for content the user may not access.
pub const UNAUTHORIZED_URL: &str = "urn:dialogporten:unauthorized";
/// Placeholder URL for an expired navigational action.
pub const EXPIRED_URL: &str = "urn:dialogporten:expired";

string_enum! {
    /// Who an attachment URL is for (`AttachmentUrlConsumerType`).
    pub enum AttachmentUrlConsumerType {
        /// For people, in a browser.
        Gui => "Gui",
        /// For systems.
        Api => "Api",
    }
}

/// An attachment (`DialogAttachment`, `DialogTransmissionAttachment`, and the
/// transmission search/details variants; all share their properties).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Attachment {
    /// Attachment id.
    pub id: Uuid,
    /// Name to show.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub display_name: Vec<Localization>,
    /// Logical name, e.g. `receipt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// One URL per representation.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub urls: Vec<AttachmentUrl>,
    /// When it stops being available.
    #[serde(
        default,
        with = "crate::time::rfc3339_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub expires_at: Option<DateTime<Utc>>,
}

/// One URL of an attachment (`DialogAttachmentUrl` and its transmission twins).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AttachmentUrl {
    /// URL id.
    pub id: Uuid,
    /// The URL, or [`UNAUTHORIZED_URL`].
    #[serde(default)]
    pub url: String,
    /// Media type, e.g. `application/pdf`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// GUI or API.
    pub consumer_type: AttachmentUrlConsumerType,
}

impl AttachmentUrl {
    /// False for the unauthorized placeholder.
    pub fn is_accessible(&self) -> bool {
        self.url != UNAUTHORIZED_URL && self.url != EXPIRED_URL
    }
}
