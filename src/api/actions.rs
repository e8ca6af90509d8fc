//! GUI actions that are not plain links: the server performs them with the dialog token,
//! which never reaches the browser (`POST /api/dialogs/{id}/actions/{actionId}`).

use gloo_net::http::Request;

use super::{ApiError, ensure_ok, send};
use crate::i18n::Lang;
use crate::routes::encode_component;

/// Asks the server to perform GUI action `action_id` of dialog `dialog_id`. Success is any
/// 2xx (the server answers 204); failures come back as problem details.
pub async fn perform_gui_action(
    dialog_id: &str,
    action_id: &str,
    lang: Lang,
) -> Result<(), ApiError> {
    let url = format!(
        "/api/dialogs/{}/actions/{}",
        encode_component(dialog_id),
        encode_component(action_id)
    );
    ensure_ok(send(Request::post(&url), lang).await?).await?;
    Ok(())
}
