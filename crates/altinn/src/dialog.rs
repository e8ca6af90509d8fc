//! Shared Dialogporten vocabulary: dialog status, system labels, actors and the
//! end-user context.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::serde_util::null_as_empty;
use crate::string_enum::string_enum;

string_enum! {
    /// The aggregated status of a dialog (`DialogStatus`).
    pub enum DialogStatus {
        /// Under way; the party may act.
        InProgress => "InProgress",
        /// Started by the user, not yet sent.
        Draft => "Draft",
        /// The party must do something.
        RequiresAttention => "RequiresAttention",
        /// Finished.
        Completed => "Completed",
        /// No explicit status (the default).
        NotApplicable => "NotApplicable",
        /// Waiting on the service owner.
        Awaiting => "Awaiting",
    }
}

string_enum! {
    /// End-user system labels (`SystemLabel`).
    ///
    /// `Default`, `Bin` and `Archive` are mutually exclusive.
    pub enum SystemLabel {
        /// In the inbox.
        Default => "Default",
        /// In the bin.
        Bin => "Bin",
        /// Archived.
        Archive => "Archive",
        /// The user marked it as unread; removed when details are loaded.
        MarkedAsUnopened => "MarkedAsUnopened",
        /// Sent by the user; end users can neither add nor remove it.
        Sent => "Sent",
    }
}

string_enum! {
    /// Who an [`Actor`] is (`ActorType`).
    pub enum ActorType {
        /// Someone acting on behalf of the party.
        PartyRepresentative => "PartyRepresentative",
        /// The service owner.
        ServiceOwner => "ServiceOwner",
    }
}

/// A performer or sender (`Actor`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Actor {
    /// Service owner or party representative.
    pub actor_type: ActorType,
    /// Display name, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_name: Option<String>,
    /// URN of the actor, e.g. `urn:altinn:person:identifier-ephemeral:…` or an organization URN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_id: Option<String>,
}

impl Actor {
    /// The service owner, without name or id.
    pub fn service_owner() -> Self {
        Self {
            actor_type: ActorType::ServiceOwner,
            actor_name: None,
            actor_id: None,
        }
    }
}

/// End-user owned metadata of a dialog (`DialogEndUserContext`, `DialogEndUserContextListItem`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DialogEndUserContext {
    /// Revision for optimistic concurrency (`if-Match` on label updates).
    pub revision: Uuid,
    /// The labels currently set.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub system_labels: Vec<SystemLabel>,
}

impl DialogEndUserContext {
    /// Whether `label` is set.
    pub fn has(&self, label: &SystemLabel) -> bool {
        self.system_labels.contains(label)
    }
}
