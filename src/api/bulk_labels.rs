//! Changing the system labels of up to 100 dialogs at once (archive, bin, restore, mark as
//! unread) from the inbox list, through the server's proxy to Dialogporten.

use gloo_net::http::Request;
use uuid::Uuid;

use super::{ApiError, ensure_ok, send_json};
use crate::api::wire::SystemLabel;
use crate::i18n::Lang;
use altinn::{BulkSetSystemLabels, DialogRevision};

/// Dialogporten's cap on dialogs per bulk change.
pub const MAX_BULK: usize = 100;

/// `POST …/dialogs/context/systemlabels/actions/bulkset` for 1–[`MAX_BULK`] dialogs, each
/// with the end-user context revision it was loaded at, when known (412 when one changed).
pub async fn bulk_set_labels(
    dialogs: &[(String, Option<String>)],
    add: Vec<SystemLabel>,
    remove: Vec<SystemLabel>,
    lang: Lang,
) -> Result<(), ApiError> {
    let body = BulkSetSystemLabels {
        dialogs: dialogs
            .iter()
            .filter_map(|(id, revision)| {
                Some(DialogRevision {
                    dialog_id: Uuid::parse_str(id).ok()?,
                    end_user_context_revision: revision
                        .as_deref()
                        .and_then(|r| Uuid::parse_str(r).ok()),
                })
            })
            .collect(),
        add_labels: add,
        remove_labels: remove,
        system_labels: None,
    };
    let request = Request::post(
        "/api/dialogporten/api/v1/enduser/dialogs/context/systemlabels/actions/bulkset",
    );
    ensure_ok(send_json(request, &body, lang).await?)
        .await
        .map(|_| ())
}
