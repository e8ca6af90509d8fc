//! `/api/saved-searches`: the logged-in user's saved searches (see
//! [`portal_api::saved_search`]).
//!
//! - `GET` → 200 `{items}` sorted by name (case-insensitive)
//! - `POST {name, query}` → 201 the search (`Location` set); 409 `saved-search-limit` at
//!   [`MAX_PER_USER`]
//! - `PUT /{id} {name, query}` → 200 the search; 404 for an unknown or another user's id
//! - `DELETE /{id}` → 204; 404 likewise
//!
//! Validation failures are 400 `validation` with `errors.name` / `errors.query`: the name
//! is trimmed and must have 1–100 characters; the query must be a path on this origin
//! (starts with `/`, not `//`), at most 2000 characters, without control characters.

use std::collections::BTreeMap;

use altinn::ProblemDetails;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{SubsecRound, Utc};
use portal_api::saved_search::{SaveSearch, SavedSearch, SavedSearchList};
use uuid::Uuid;

use crate::AppState;
use crate::auth::current_session;
use crate::dialog_access::problem;
use crate::error::{AppError, Json};
use crate::store::Session;

/// Saved searches one user may keep.
pub const MAX_PER_USER: usize = 100;
pub const MAX_NAME_CHARS: usize = 100;
pub const MAX_QUERY_CHARS: usize = 2000;

/// The user the searches belong to: the pid, else the ID token's subject.
async fn owner(state: &AppState, headers: &HeaderMap) -> Result<String, AppError> {
    let session: Session = current_session(state, headers)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    Ok(match session.pid {
        Some(pid) if !pid.is_empty() => format!("pid:{pid}"),
        _ => format!("sub:{}", session.subject),
    })
}

/// The trimmed name and the query, or a 400 naming each bad field.
pub fn validate(input: &SaveSearch) -> Result<(String, String), AppError> {
    let mut errors: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let name = input.name.trim();
    let name_len = name.chars().count();
    if name_len == 0 {
        errors
            .entry("name".into())
            .or_default()
            .push("The name must not be empty.".into());
    } else if name_len > MAX_NAME_CHARS {
        errors.entry("name".into()).or_default().push(format!(
            "The name must be at most {MAX_NAME_CHARS} characters."
        ));
    }
    if name.chars().any(char::is_control) {
        errors
            .entry("name".into())
            .or_default()
            .push("The name must not contain control characters.".into());
    }
    let query = input.query.trim();
    if !is_portal_path(query) {
        errors.entry("query".into()).or_default().push(format!(
            "The query must be a portal path starting with '/' of at most {MAX_QUERY_CHARS} characters."
        ));
    }
    if errors.is_empty() {
        return Ok((name.to_owned(), query.to_owned()));
    }
    let mut p = ProblemDetails::new(400, "One or more validation errors occurred.");
    p.code = Some("validation".into());
    p.errors = errors;
    Err(AppError::Problem(Box::new(p)))
}

fn is_portal_path(q: &str) -> bool {
    q.starts_with('/')
        && !q.starts_with("//")
        && !q.starts_with("/\\")
        && q.chars().count() <= MAX_QUERY_CHARS
        && !q.chars().any(|c| c.is_control() || c == '\\')
}

fn new_id() -> Result<Uuid, AppError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(uuid::Builder::from_random_bytes(bytes).into_uuid())
}

fn parse_id(id: &str) -> Result<Uuid, AppError> {
    Uuid::parse_str(id).map_err(|_| AppError::NotFound)
}

/// `GET /api/saved-searches`.
pub async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<SavedSearchList>, AppError> {
    let owner = owner(&state, &headers).await?;
    let items = state.saved_searches.list(&owner).await?;
    Ok(Json(SavedSearchList { items }))
}

/// `POST /api/saved-searches`.
pub async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    Json(input): Json<SaveSearch>,
) -> Result<Response, AppError> {
    let owner = owner(&state, &headers).await?;
    let (name, query) = validate(&input)?;
    let now = Utc::now().trunc_subsecs(3);
    let search = SavedSearch {
        id: new_id()?,
        name,
        query,
        created_at: now,
        updated_at: now,
    };
    if !state
        .saved_searches
        .insert(&owner, &search, MAX_PER_USER)
        .await?
    {
        return Err(problem(
            StatusCode::CONFLICT,
            "saved-search-limit",
            &format!("At most {MAX_PER_USER} saved searches; delete one first."),
        ));
    }
    let mut response = (StatusCode::CREATED, Json(search.clone())).into_response();
    if let Ok(location) = HeaderValue::from_str(&format!("/api/saved-searches/{}", search.id)) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// `PUT /api/saved-searches/{id}`.
pub async fn update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Json(input): Json<SaveSearch>,
) -> Result<Json<SavedSearch>, AppError> {
    let owner = owner(&state, &headers).await?;
    let id = parse_id(&id)?;
    let (name, query) = validate(&input)?;
    let now = Utc::now().trunc_subsecs(3);
    state
        .saved_searches
        .update(&owner, id, &name, &query, now)
        .await?
        .map(Json)
        .ok_or(AppError::NotFound)
}

/// `DELETE /api/saved-searches/{id}`.
pub async fn delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<StatusCode, AppError> {
    let owner = owner(&state, &headers).await?;
    let id = parse_id(&id)?;
    if state.saved_searches.delete(&owner, id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::NotFound)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str, query: &str) -> SaveSearch {
        SaveSearch {
            name: name.into(),
            query: query.into(),
        }
    }

    fn error_keys(e: AppError) -> Vec<String> {
        e.problem().errors.into_keys().collect()
    }

    #[test]
    fn names_and_queries_are_validated() {
        assert_eq!(
            validate(&input("  Skatt  ", "/inbox?search=skatt")).unwrap(),
            ("Skatt".to_owned(), "/inbox?search=skatt".to_owned())
        );
        assert!(validate(&input(&"æ".repeat(100), "/")).is_ok());
        for bad in ["", "   ", &"x".repeat(101), "a\u{0}b"] {
            assert_eq!(
                error_keys(validate(&input(bad, "/")).unwrap_err()),
                ["name"]
            );
        }
        let long = format!("/{}", "x".repeat(2000));
        for bad in [
            "inbox",
            "//evil.example",
            "https://evil.example/",
            "/\\x",
            &long,
        ] {
            assert_eq!(
                error_keys(validate(&input("n", bad)).unwrap_err()),
                ["query"],
                "{bad}"
            );
        }
        let both = validate(&input("", "x")).unwrap_err().problem();
        assert_eq!(both.status, Some(400));
        assert_eq!(both.errors.len(), 2);
    }
}
