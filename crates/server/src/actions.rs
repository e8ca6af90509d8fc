//! `POST /api/dialogs/{dialogId}/actions/{actionId}`: performs a dialog's GUI action that
//! is not a link (POST, PUT, PATCH, DELETE) with the dialog token, server-side.
//!
//! The action must be one of the dialog's own GUI actions, authorised, with a real URL.
//! Answers: 204 when the service accepted it; 404 unknown dialog or action; 403
//! `action-unauthorized`; 400 `action-is-link` for GET actions (the portal links to
//! those) and `action-method-unsupported`; the service's 4xx as it came (401 → 502);
//! 502/504 when it failed or timed out.

use altinn::{DialogGuiAction, HttpVerb, UNAUTHORIZED_URL};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use portal_api::api_log::Upstream;
use uuid::Uuid;

use crate::AppState;
use crate::dialog_access::{
    Freshness, callable_url, caller, grant, problem, service_refusal, upstream_error,
};
use crate::dialog_grants::DialogGrant;
use crate::error::AppError;

fn find(grant: &DialogGrant, action_id: Uuid) -> Option<DialogGuiAction> {
    grant
        .gui_actions
        .iter()
        .find(|a| a.id == action_id)
        .cloned()
}

/// The method to call an action with, or why it is not performed here.
fn method_of(action: &DialogGuiAction) -> Result<Method, AppError> {
    if !action.is_authorized || action.url == UNAUTHORIZED_URL {
        return Err(problem(
            StatusCode::FORBIDDEN,
            "action-unauthorized",
            "You are not authorised to perform this action.",
        ));
    }
    match action.http_method {
        HttpVerb::Get => Err(problem(
            StatusCode::BAD_REQUEST,
            "action-is-link",
            "This action is a link; open its URL instead.",
        )),
        HttpVerb::Post => Ok(Method::POST),
        HttpVerb::Put => Ok(Method::PUT),
        HttpVerb::Patch => Ok(Method::PATCH),
        HttpVerb::Delete => Ok(Method::DELETE),
        _ => Err(problem(
            StatusCode::BAD_REQUEST,
            "action-method-unsupported",
            "The portal does not perform actions with this HTTP method.",
        )),
    }
}

/// The route.
pub async fn perform(
    State(state): State<AppState>,
    Path((dialog_id, action_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let dialog_id = Uuid::parse_str(&dialog_id).map_err(|_| AppError::NotFound)?;
    let action_id = Uuid::parse_str(&action_id).map_err(|_| AppError::NotFound)?;
    let caller = caller(&state, &headers).await?;

    let (mut current, mut freshness) = grant(&state, &caller, dialog_id, &headers, false).await?;
    let action = match find(&current, action_id) {
        Some(a) => a,
        None if freshness == Freshness::Cached => {
            (current, freshness) = grant(&state, &caller, dialog_id, &headers, true).await?;
            find(&current, action_id).ok_or(AppError::NotFound)?
        }
        None => return Err(AppError::NotFound),
    };
    let method = method_of(&action)?;
    let url = callable_url(&action.url)
        .ok_or_else(|| AppError::BadGateway("action URL is not http(s)".into()))?;

    let call = |token: String| {
        let request = state
            .http
            .request(method.clone(), url.clone())
            .bearer_auth(token)
            .header(header::ACCEPT, "application/json, */*;q=0.5")
            .header(header::CONTENT_LENGTH, "0");
        let log = caller.log.clone();
        async move {
            log.send(Upstream::ServiceOwner, request)
                .await
                .map_err(upstream_error)
        }
    };
    tracing::info!(%method, host = url.host_str().unwrap_or(""), "performing a GUI action");
    let mut response = call(current.token.clone()).await?;
    if response.status() == StatusCode::UNAUTHORIZED && freshness == Freshness::Cached {
        (current, _) = grant(&state, &caller, dialog_id, &headers, true).await?;
        response = call(current.token.clone()).await?;
    }
    // The dialog has (probably) changed: its next use fetches it anew.
    state.dialog_grants.remove(&caller.key, dialog_id);
    let status = response.status();
    if status.is_success() {
        Ok(StatusCode::NO_CONTENT.into_response())
    } else {
        Err(service_refusal(status))
    }
}
