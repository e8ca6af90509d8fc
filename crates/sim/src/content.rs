//! Simulator-only routes: personas, fixtures, front-channel embed content (markdown) and
//! the targets of the seeded GUI actions.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use uuid::Uuid;

use crate::catalogue::owner;
use crate::dialogporten::{accept_languages, check_dialog_token, mark_deleted};
use crate::{Fixtures, PersonaInfo, Sim};

pub async fn personas(State(sim): State<Arc<Sim>>) -> Json<Vec<PersonaInfo>> {
    Json(sim.personas())
}

pub async fn fixtures(State(sim): State<Arc<Sim>>) -> Json<Fixtures> {
    Json(sim.fixtures())
}

fn markdown(body: String) -> Response {
    let mut r = body.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/markdown; charset=utf-8"),
    );
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

fn lang_index(headers: &HeaderMap) -> usize {
    for l in accept_languages(headers) {
        match l.as_str() {
            "nb" => return 0,
            "nn" => return 1,
            "en" => return 2,
            _ => {}
        }
    }
    0
}

/// `GET /sim/content/{id}/main.md` (needs the dialog token of that dialog).
pub async fn main_md(
    State(sim): State<Arc<Sim>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    if let Err(s) = check_dialog_token(&sim, &headers, &id) {
        return s.into_response();
    }
    let w = sim.world.read().unwrap();
    let Some(d) = Uuid::parse_str(&id)
        .ok()
        .and_then(|u| w.by_id.get(&u))
        .map(|&i| &w.dialogs[i])
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let l = lang_index(&headers);
    let o = owner(d.org);
    let (h_about, h_next, h_more, li) = match l {
        1 => (
            "Om saka",
            "Dette må du gjere",
            "Meir informasjon",
            [
                "Les gjennom opplysningane",
                "Kontroller at alt stemmer",
                "Send inn innan fristen",
            ],
        ),
        2 => (
            "About this case",
            "What you need to do",
            "More information",
            [
                "Read through the information",
                "Check that everything is correct",
                "Submit by the deadline",
            ],
        ),
        _ => (
            "Om saken",
            "Dette må du gjøre",
            "Mer informasjon",
            [
                "Les gjennom opplysningene",
                "Kontroller at alt stemmer",
                "Send inn innen fristen",
            ],
        ),
    };
    let mut md = format!(
        "# {title}\n\n{summary}\n\n## {h_about}\n\n**{sender}** ({org}) · {status}\n\n## {h_next}\n\n1. {a}\n2. {b}\n3. {c}\n\n- {sender}\n- `{res}`\n\n## {h_more}\n\n[{host}](https://{host}/) · <https://{host}/kontakt>\n",
        title = d.title[l],
        summary = d.summary[l],
        sender = o.name[l],
        org = d.org,
        status = d.status,
        a = li[0],
        b = li[1],
        c = li[2],
        res = d.service_resource,
        host = o.host,
    );
    if d.script_content {
        md.push_str(
            "\n## Aktivt innhold\n\nDenne teksten inneholder HTML som aldri skal kjøres:\n\n\
             <script>alert('xss fra dialoginnhold')</script>\n\n\
             <img src=\"x\" onerror=\"alert('xss fra bilde')\">\n\n\
             [Klikk her](javascript:alert('xss fra lenke'))\n",
        );
    }
    markdown(md)
}

/// `GET /sim/content/{id}/transmissions/{tid}.md`.
pub async fn transmission_md(
    State(sim): State<Arc<Sim>>,
    headers: HeaderMap,
    Path((id, file)): Path<(String, String)>,
) -> Response {
    if let Err(s) = check_dialog_token(&sim, &headers, &id) {
        return s.into_response();
    }
    let Some(tid) = file.strip_suffix(".md") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let w = sim.world.read().unwrap();
    let Some(d) = Uuid::parse_str(&id)
        .ok()
        .and_then(|u| w.by_id.get(&u))
        .map(|&i| &w.dialogs[i])
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let x = crate::views::extras(&w, d, &sim.base);
    let Some(t) = x.transmissions.iter().find(|t| t["id"] == tid) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let l = lang_index(&headers);
    let pick = |v: &serde_json::Value| {
        v["value"][l]["value"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    markdown(format!(
        "## {}\n\n{}\n\n- Type: {}\n- Dato: {}\n",
        pick(&t["content"]["title"]),
        pick(&t["content"]["summary"]),
        t["type"].as_str().unwrap_or_default(),
        t["createdAt"].as_str().unwrap_or_default()
    ))
}

/// `POST|DELETE /sim/actions/{id}/{action}`: targets of the seeded GUI actions; need the
/// dialog token. `DELETE …/delete` deletes the dialog (later GETs answer 410).
pub async fn action(
    State(sim): State<Arc<Sim>>,
    method: Method,
    headers: HeaderMap,
    Path((id, action)): Path<(String, String)>,
) -> Response {
    if let Err(s) = check_dialog_token(&sim, &headers, &id) {
        return s.into_response();
    }
    match (method, action.as_str()) {
        (Method::DELETE, "delete") => {
            if mark_deleted(&sim, &id) {
                StatusCode::NO_CONTENT.into_response()
            } else {
                StatusCode::NOT_FOUND.into_response()
            }
        }
        (Method::POST, "confirm") | (Method::POST, "sign") => {
            StatusCode::NO_CONTENT.into_response()
        }
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}
