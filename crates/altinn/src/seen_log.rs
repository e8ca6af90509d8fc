//! Seen-log entries: who has seen a dialog and when.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::dialog::Actor;

/// One seen-log entry.
///
/// Serves the schemas `DialogSeenLog`, `DialogSeenLogListItem` (nullable
/// `isViaServiceOwner`), `DialogSeenLogSearchItem` and `DialogSeenLogDetails`,
/// which share their properties.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DialogSeenLog {
    /// Entry id.
    pub id: Uuid,
    /// When it was seen.
    #[serde(with = "crate::time::rfc3339")]
    pub seen_at: DateTime<Utc>,
    /// Who saw it.
    pub seen_by: Actor,
    /// Seen through a service owner's system on the user's behalf.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_via_service_owner: Option<bool>,
    /// The entry belongs to the authenticated user.
    #[serde(default)]
    pub is_current_end_user: bool,
}

/// `GET …/dialogs/{dialogId}/seenlog` items.
pub type DialogSeenLogSearchItem = DialogSeenLog;
/// `GET …/dialogs/{dialogId}/seenlog/{seenLogId}`.
pub type DialogSeenLogDetails = DialogSeenLog;
/// Seen-log entries inside a [`crate::DialogListItem`].
pub type DialogSeenLogListItem = DialogSeenLog;
