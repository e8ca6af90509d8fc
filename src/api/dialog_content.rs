//! A dialog's details and its rendered content, as the details page needs them.
//!
//! - `GET /api/dialogporten/api/v1/enduser/dialogs/{id}` keeping the `Expires` header, which
//!   tells when a dialog that is "not visible yet" becomes visible;
//! - `GET /api/dialogs/{id}/content?ref=main|transmission:{tid}`: the server fetches the
//!   front-channel embed with the dialog token and answers an inert block tree
//!   ([`RenderedContent`]), never HTML.

use gloo_net::http::Request;
pub use portal_api::content::{Block, Inline, RenderedContent};

use super::{ApiError, ensure_ok, into_json, send};
use crate::api::wire::Dialog;
use crate::i18n::Lang;
use crate::routes::encode_component;

const END_USER: &str = "/api/dialogporten/api/v1/enduser";

/// Which content of a dialog to render.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContentRef {
    /// The dialog's `mainContentReference`.
    Main,
    /// A transmission's `contentReference`.
    Transmission(String),
}

impl ContentRef {
    /// The `ref` query value.
    pub fn as_query(&self) -> String {
        match self {
            ContentRef::Main => "main".to_owned(),
            ContentRef::Transmission(id) => format!("transmission:{id}"),
        }
    }
}

/// One dialog (Dialogporten records this as the user having seen it), with failures told
/// apart as the details page explains them.
pub async fn get_dialog_details(id: &str, lang: Lang) -> Result<Dialog, DialogLoadError> {
    let url = format!("{END_USER}/dialogs/{}", encode_component(id));
    let response = send(Request::get(&url), lang)
        .await
        .map_err(|err| DialogLoadError::classify(err, None))?;
    let expires = response.headers().get("expires");
    match ensure_ok(response).await {
        Ok(response) => into_json(response)
            .await
            .map_err(|err| DialogLoadError::classify(err, None)),
        Err(err) => Err(DialogLoadError::classify(err, expires.as_deref())),
    }
}

/// The rendered content `reference` of dialog `id`.
pub async fn get_content(
    id: &str,
    reference: &ContentRef,
    lang: Lang,
) -> Result<RenderedContent, ApiError> {
    let url = format!(
        "/api/dialogs/{}/content?ref={}",
        encode_component(id),
        encode_component(&reference.as_query())
    );
    into_json(send(Request::get(&url), lang).await?).await
}

/// Why a dialog could not be shown, each with its own explanation.
#[derive(Clone, Debug, PartialEq)]
pub enum DialogLoadError {
    /// 404 with `Expires`: the dialog becomes visible at this time (RFC 1123 as sent).
    NotVisibleYet(chrono::DateTime<chrono::Utc>),
    /// 410: deleted.
    Deleted,
    /// 403 "Altinn authentication level too low."
    AuthLevelTooLow,
    /// 403 otherwise.
    Forbidden,
    /// 404 otherwise.
    NotFound,
    /// Anything else (401, network, 5xx …), explained by the shared notice.
    Other(ApiError),
}

impl DialogLoadError {
    /// Classifies a failed `GET dialogs/{id}` from its error and its `Expires` header.
    pub fn classify(error: ApiError, expires: Option<&str>) -> Self {
        match &error {
            ApiError::Problem { status: 404, .. } => expires
                .and_then(crate::format::parse_http_date)
                .map(DialogLoadError::NotVisibleYet)
                .unwrap_or(DialogLoadError::NotFound),
            ApiError::Problem { status: 410, .. } => DialogLoadError::Deleted,
            ApiError::Problem {
                status: 403,
                problem,
            } => {
                let says_level = |text: &str| {
                    text.to_ascii_lowercase()
                        .contains("authentication level too low")
                };
                let mentioned = problem.errors.values().flatten().any(|m| says_level(m))
                    || problem.detail.as_deref().is_some_and(says_level)
                    || problem.title.as_deref().is_some_and(says_level);
                if mentioned {
                    DialogLoadError::AuthLevelTooLow
                } else {
                    DialogLoadError::Forbidden
                }
            }
            _ => DialogLoadError::Other(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use altinn::ProblemDetails;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn load_errors_are_told_apart() {
        let problem = |status: u16, message: &str| ApiError::Problem {
            status,
            problem: ProblemDetails {
                errors: [("Forbidden".to_owned(), vec![message.to_owned()])].into(),
                ..ProblemDetails::default()
            },
        };
        let when = "Fri, 25 Dec 2026 00:00:00 GMT";
        match DialogLoadError::classify(problem(404, "x"), Some(when)) {
            DialogLoadError::NotVisibleYet(at) => {
                assert_eq!(at.to_rfc3339(), "2026-12-25T00:00:00+00:00")
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            DialogLoadError::classify(problem(404, "x"), None),
            DialogLoadError::NotFound
        );
        assert_eq!(
            DialogLoadError::classify(problem(410, "x"), None),
            DialogLoadError::Deleted
        );
        assert_eq!(
            DialogLoadError::classify(problem(403, "Altinn authentication level too low."), None),
            DialogLoadError::AuthLevelTooLow
        );
        assert_eq!(
            DialogLoadError::classify(problem(403, "Forbidden"), None),
            DialogLoadError::Forbidden
        );
        assert_eq!(
            DialogLoadError::classify(ApiError::Unauthorized, None),
            DialogLoadError::Other(ApiError::Unauthorized)
        );
    }
}
