//! System labels (inbox, archive, bin, marked as unread) through the proxied end-user API.
//!
//! Label changes carry `If-Match` with the end-user context revision, so a change made
//! elsewhere in the meantime is answered with 412 instead of being overwritten.

use gloo_net::http::Request;
use uuid::Uuid;

use super::{ApiError, ensure_ok, send_json};
use crate::api::wire::SystemLabel;
use crate::i18n::Lang;
use crate::routes::encode_component;

const END_USER: &str = "/api/dialogporten/api/v1/enduser";

/// Adds and removes system labels of one dialog
/// (`PUT …/dialogs/{id}/context/systemlabels`). Returns the new end-user context revision
/// (the answer's `ETag`), when the server sent one.
pub async fn set_system_labels(
    dialog_id: &str,
    revision: Uuid,
    add: Vec<SystemLabel>,
    remove: Vec<SystemLabel>,
    lang: Lang,
) -> Result<Option<Uuid>, ApiError> {
    let url = format!(
        "{END_USER}/dialogs/{}/context/systemlabels",
        encode_component(dialog_id)
    );
    let body = altinn::SetDialogSystemLabels::new(add, remove);
    let request = Request::put(&url).header("If-Match", &format!("\"{revision}\""));
    let response = ensure_ok(send_json(request, &body, lang).await?).await?;
    Ok(response.headers().get("etag").and_then(|etag| {
        Uuid::parse_str(etag.trim().trim_start_matches("W/").trim_matches('"')).ok()
    }))
}
