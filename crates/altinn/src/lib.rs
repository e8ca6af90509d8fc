//! Typed serde models of Altinn's real APIs.
//!
//! - Dialogporten end-user API v1 (`/dialogporten/api/v1/enduser/...`): parties,
//!   dialog search and details, transmissions, activities, seen log, labels,
//!   errors, and the search query string.
//! - Notifications instant SMS orders and shipment status.
//!
//! No I/O; builds for native targets and `wasm32-unknown-unknown`.
//!
//! Conventions, following the real API: JSON is camelCase; null properties
//! are omitted on output (`Option` fields use `skip_serializing_if`) and
//! tolerated on input; nullable arrays that are always lists in practice are
//! plain `Vec`s where `null` reads as empty; every enum has an `Unknown(String)`
//! fallback so a new server value never breaks a page; dates are
//! `chrono::DateTime<Utc>`, read and written by [`time`].

mod serde_util;
mod string_enum;
pub mod time;

pub mod actions;
pub mod activity;
pub mod attachment;
pub mod dialog;
pub mod dialog_details;
pub mod dialog_list;
pub mod labels;
pub mod localization;
pub mod notifications;
pub mod order_by;
pub mod party;
pub mod problem;
pub mod search;
pub mod seen_log;
pub mod transmission;

pub use actions::{
    DialogApiAction, DialogApiActionEndpoint, DialogGuiAction, DialogGuiActionPriority, HttpVerb,
};
pub use activity::{
    DialogActivity, DialogActivityDetails, DialogActivityListItem, DialogActivitySearchItem,
    DialogActivityType,
};
pub use attachment::{
    Attachment, AttachmentUrl, AttachmentUrlConsumerType, EXPIRED_URL, UNAUTHORIZED_URL,
};
pub use dialog::{Actor, ActorType, DialogEndUserContext, DialogStatus, SystemLabel};
pub use dialog_details::{Dialog, DialogContent};
pub use dialog_list::{DialogContentSummary, DialogListItem, DialogSearchPage, PaginatedList};
pub use labels::{
    BulkSetSystemLabels, DialogRevision, LabelAction, LabelAssignmentLog, SetDialogSystemLabels,
};
pub use localization::{BestMatch, ContentValue, Localization, best_match, normalize_language};
pub use order_by::{OrderBy, OrderByError, OrderDirection, OrderKey, OrderTerm};
pub use party::{AuthorizedParty, Parties, PartyType, PartyUrn, PartyUrnError};
pub use problem::{ProblemDetails, ProblemDetailsError};
pub use search::{DialogSearchQuery, QueryError};
pub use seen_log::{
    DialogSeenLog, DialogSeenLogDetails, DialogSeenLogListItem, DialogSeenLogSearchItem,
};
pub use transmission::{
    DialogTransmission, DialogTransmissionContent, DialogTransmissionDetails,
    DialogTransmissionSearchItem, DialogTransmissionType, NavigationalAction,
};
