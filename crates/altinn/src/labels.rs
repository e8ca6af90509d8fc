//! Changing system labels, and the label assignment log.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::dialog::{Actor, SystemLabel};
use crate::serde_util::null_as_empty;
use crate::string_enum::string_enum;

/// Body of `PUT /api/v1/enduser/dialogs/{dialogId}/context/systemlabels`
/// (`SetDialogSystemLabelRequest`). Send `if-Match: <endUserContext.revision>`
/// to guard against concurrent changes (412 on mismatch).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetDialogSystemLabels {
    /// Labels to add (the last of Bin/Archive/Default wins).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub add_labels: Vec<SystemLabel>,
    /// Labels to remove (removing Bin/Archive re-adds Default).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub remove_labels: Vec<SystemLabel>,
    /// Deprecated alias of `addLabels`; read by servers, not written by clients.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_labels: Option<Vec<SystemLabel>>,
}

impl SetDialogSystemLabels {
    /// Adds `add` and removes `remove`.
    pub fn new(add: Vec<SystemLabel>, remove: Vec<SystemLabel>) -> Self {
        Self {
            add_labels: add,
            remove_labels: remove,
            system_labels: None,
        }
    }

    /// `addLabels` plus the deprecated `systemLabels`, as the server reads them.
    pub fn effective_add_labels(&self) -> Vec<SystemLabel> {
        let mut all = self.add_labels.clone();
        all.extend(self.system_labels.iter().flatten().cloned());
        all
    }
}

/// Body of `POST /api/v1/enduser/dialogs/context/systemlabels/actions/bulkset`
/// (`BulkSetSystemLabel`); 1–100 dialogs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkSetSystemLabels {
    /// Target dialogs.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub dialogs: Vec<DialogRevision>,
    /// Labels to add.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub add_labels: Vec<SystemLabel>,
    /// Labels to remove.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub remove_labels: Vec<SystemLabel>,
    /// Deprecated alias of `addLabels`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_labels: Option<Vec<SystemLabel>>,
}

/// A bulk target (`DialogRevision`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DialogRevision {
    /// Dialog id.
    pub dialog_id: Uuid,
    /// Expected end-user-context revision, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_user_context_revision: Option<Uuid>,
}

string_enum! {
    /// What happened to a label (`LabelAssignmentLog.action`).
    pub enum LabelAction {
        /// The label was set.
        Set => "set",
        /// The label was removed.
        Remove => "remove",
    }
}

/// `GET …/dialogs/{dialogId}/context/labellog` items (`LabelAssignmentLog`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LabelAssignmentLog {
    /// When.
    #[serde(with = "crate::time::rfc3339")]
    pub created_at: DateTime<Utc>,
    /// Label name, e.g. `systemlabel:Bin`.
    #[serde(default)]
    pub name: String,
    /// `set` or `remove`.
    pub action: LabelAction,
    /// Who.
    pub performed_by: Actor,
}

impl LabelAssignmentLog {
    /// The system label for `systemlabel:<Label>` names.
    pub fn system_label(&self) -> Option<SystemLabel> {
        self.name
            .strip_prefix("systemlabel:")
            .map(SystemLabel::from_wire)
    }
}
