//! Dialog activities: the history of what happened to a dialog.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::dialog::Actor;
use crate::localization::Localization;
use crate::string_enum::string_enum;

string_enum! {
    /// The type of an activity (`DialogActivityType`).
    pub enum DialogActivityType {
        /// The dialog was created.
        DialogCreated => "DialogCreated",
        /// The dialog was closed.
        DialogClosed => "DialogClosed",
        /// Free-text information (see `description`).
        Information => "Information",
        /// A transmission was opened.
        TransmissionOpened => "TransmissionOpened",
        /// A payment was made.
        PaymentMade => "PaymentMade",
        /// A signature was provided.
        SignatureProvided => "SignatureProvided",
        /// The dialog was opened.
        DialogOpened => "DialogOpened",
        /// The dialog was deleted.
        DialogDeleted => "DialogDeleted",
        /// The dialog was restored.
        DialogRestored => "DialogRestored",
        /// Sent to signing.
        SentToSigning => "SentToSigning",
        /// Sent to form filling.
        SentToFormFill => "SentToFormFill",
        /// Sent to submission.
        SentToSendIn => "SentToSendIn",
        /// Sent to payment.
        SentToPayment => "SentToPayment",
        /// A form was submitted.
        FormSubmitted => "FormSubmitted",
        /// A form was saved.
        FormSaved => "FormSaved",
        /// A correspondence was opened.
        CorrespondenceOpened => "CorrespondenceOpened",
        /// A correspondence was confirmed.
        CorrespondenceConfirmed => "CorrespondenceConfirmed",
    }
}

/// One activity.
///
/// Serves `DialogActivity` (in dialog details), `DialogActivityListItem`
/// (`latestActivity` in search), `DialogActivityDetails` and
/// `DialogActivitySearchItem`; the last has no `performedBy`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DialogActivity {
    /// Activity id.
    pub id: Uuid,
    /// When it happened.
    #[serde(
        default,
        with = "crate::time::rfc3339_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<DateTime<Utc>>,
    /// Service-specific activity type (URI/URN).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extended_type: Option<String>,
    /// The activity type.
    #[serde(rename = "type")]
    pub activity_type: DialogActivityType,
    /// Related transmission, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transmission_id: Option<Uuid>,
    /// Who did it (absent in the activity search list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub performed_by: Option<Actor>,
    /// Text, only for `Information` activities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Vec<Localization>>,
}

/// `GET …/dialogs/{dialogId}/activities` items (no `performedBy`).
pub type DialogActivitySearchItem = DialogActivity;
/// `GET …/dialogs/{dialogId}/activities/{activityId}`.
pub type DialogActivityDetails = DialogActivity;
/// `latestActivity` of a [`crate::DialogListItem`].
pub type DialogActivityListItem = DialogActivity;
