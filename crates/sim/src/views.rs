//! Wire shapes (JSON) of the Dialogporten end-user API, built from the internal store.
//!
//! TODO(altinn types): the `altinn` crate's typed models were not available when this was
//! written; the JSON here follows the spec's camelCase names and omits nulls like the real
//! API (`WhenWritingNull`). Switch to the typed models once they exist.

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::catalogue::{TEMPLATES, owner};
use crate::rng::Rng;
use crate::world::{Dialog, Label, World};

pub const LANGS: [&str; 3] = ["nb", "nn", "en"];
pub const MARKDOWN_EMBED: &str =
    "application/vnd.dialogporten.frontchannelembed-url;type=text/markdown";
pub const UNAUTHORIZED_URL: &str = "urn:dialogporten:unauthorized";

pub fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

pub fn loc3<S: AsRef<str>>(v: &[S; 3]) -> Value {
    Value::Array(
        v.iter()
            .zip(LANGS)
            .map(|(s, l)| json!({"value": s.as_ref(), "languageCode": l}))
            .collect(),
    )
}

pub fn cv<S: AsRef<str>>(v: &[S; 3]) -> Value {
    json!({"value": loc3(v), "mediaType": "text/plain"})
}

fn fill(s: &str, d: &Dialog) -> String {
    s.replace("{year}", &d.year.to_string())
}

fn fill3(v: &[&str; 3], d: &Dialog) -> [String; 3] {
    [fill(v[0], d), fill(v[1], d), fill(v[2], d)]
}

pub fn service_owner_actor() -> Value {
    json!({"actorType": "ServiceOwner"})
}

/// The actor of a persona acting for a party (ephemeral id, like the real API).
pub fn persona_actor(w: &World, p: usize) -> Value {
    let persona = &w.personas[p];
    // The register's form of the name ("NORDMANN OLA"), as the persona's own party has it.
    let name = w
        .parties
        .iter()
        .find(|party| party.is_person && party.ident == persona.pid)
        .map_or_else(|| persona.name.to_uppercase(), |party| party.name.clone());
    json!({
        "actorType": "PartyRepresentative",
        "actorName": name,
        "actorId": format!("urn:altinn:person:identifier-ephemeral:{}", &crate::jwt::hex(&sha(&persona.pid))[..10]),
    })
}

fn sha(s: &str) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    Sha256::digest(s.as_bytes()).into()
}

fn seen_item(w: &World, s: &crate::world::Seen, me: usize) -> Value {
    json!({
        "id": s.id,
        "seenAt": ts(s.at),
        "seenBy": persona_actor(w, s.persona),
        "isViaServiceOwner": false,
        "isCurrentEndUser": s.persona == me,
    })
}

/// Latest seen entry per person since `since`.
fn seen_since(w: &World, d: &Dialog, since: DateTime<Utc>, me: usize) -> Value {
    let mut latest: Vec<&crate::world::Seen> = Vec::new();
    for s in d.seen.iter().filter(|s| s.at >= since) {
        match latest.iter_mut().find(|x| x.persona == s.persona) {
            Some(x) if x.at < s.at => *x = s,
            Some(_) => {}
            None => latest.push(s),
        }
    }
    Value::Array(latest.into_iter().map(|s| seen_item(w, s, me)).collect())
}

pub fn is_content_seen(d: &Dialog, me: usize) -> bool {
    !d.has(Label::MarkedAsUnopened)
        && d.seen
            .iter()
            .any(|s| s.persona == me && s.at >= d.content_updated_at)
}

fn end_user_context(d: &Dialog) -> Value {
    let mut labels = d.labels.clone();
    labels.sort();
    json!({"revision": d.eu_revision, "systemLabels": labels.iter().map(|l| l.name()).collect::<Vec<_>>()})
}

/// Sub-objects of a dialog that are generated on demand from its seed (stable across calls).
pub struct Extras {
    pub attachments: Vec<Value>,
    pub gui_actions: Vec<Value>,
    pub api_actions: Vec<Value>,
    /// Transmission details (with `isOpened`, without `deletedAt`).
    pub transmissions: Vec<Value>,
    /// Activity details (with `performedBy`).
    pub activities: Vec<Value>,
    pub from_service_owner: usize,
    pub from_party: usize,
}

pub fn extras(w: &World, d: &Dialog, base: &str) -> Extras {
    let mut r = Rng::new(d.detail_seed);
    let t = &TEMPLATES[d.template];
    let o = owner(d.org);
    let id = d.id;
    let party = &w.parties[d.party];

    let mut attachments = Vec::new();
    for (names, file) in t.attachments {
        let file = fill(file, d);
        let aid = r.uuid_v4();
        let media = if file.ends_with(".csv") {
            "text/csv"
        } else {
            "application/pdf"
        };
        attachments.push(json!({
            "id": aid,
            "displayName": loc3(&fill3(names, d)),
            "name": file,
            "urls": [
                {"id": r.uuid_v4(), "url": format!("https://{}/dokumenter/{id}/{file}", o.host), "mediaType": media, "consumerType": "Gui"},
                {"id": r.uuid_v4(), "url": format!("https://api.{}/dokumenter/{id}/{aid}", o.host), "mediaType": media, "consumerType": "Api"},
            ],
        }));
    }

    let mut gui_actions = vec![json!({
        "id": r.uuid_v4(),
        "action": "read",
        "url": format!("https://{}/innboks/{id}", o.host),
        "isAuthorized": true,
        "isDeleteDialogAction": false,
        "priority": "Primary",
        "httpMethod": "GET",
        "title": loc3(&if d.status == "Draft" { ["Fortsett utfylling", "Hald fram utfyllinga", "Continue filling in"] } else { t.primary }),
    })];
    if r.chance(45) {
        let mut a = json!({
            "id": r.uuid_v4(),
            "action": "write",
            "url": format!("{base}/sim/actions/{id}/confirm"),
            "isAuthorized": true,
            "isDeleteDialogAction": false,
            "priority": "Secondary",
            "httpMethod": "POST",
            "title": loc3(&["Bekreft mottak", "Stadfest mottak", "Confirm receipt"]),
        });
        if r.chance(50) {
            a["prompt"] = loc3(&[
                "Er du sikker på at du vil bekrefte mottak?",
                "Er du sikker på at du vil stadfeste mottak?",
                "Are you sure you want to confirm receipt?",
            ]);
        }
        gui_actions.push(a);
    }
    if r.chance(20) {
        gui_actions.push(json!({
            "id": r.uuid_v4(),
            "action": "sign",
            "url": UNAUTHORIZED_URL,
            "authorizationAttribute": "urn:altinn:subresource:signering",
            "isAuthorized": false,
            "isDeleteDialogAction": false,
            "priority": "Secondary",
            "httpMethod": "POST",
            "title": loc3(&["Signer", "Signer", "Sign"]),
        }));
    }
    if d.status == "Draft" || r.chance(10) {
        gui_actions.push(json!({
            "id": r.uuid_v4(),
            "action": "delete",
            "url": format!("{base}/sim/actions/{id}/delete"),
            "isAuthorized": true,
            "isDeleteDialogAction": true,
            "priority": "Tertiary",
            "httpMethod": "DELETE",
            "title": loc3(&["Slett", "Slett", "Delete"]),
            "prompt": loc3(&["Er du sikker på at du vil slette denne dialogen?", "Er du sikker på at du vil slette denne dialogen?", "Are you sure you want to delete this dialog?"]),
        }));
    }

    let api_actions = vec![json!({
        "id": r.uuid_v4(),
        "action": "read",
        "isAuthorized": true,
        "name": format!("{}-hent", t.resource),
        "endpoints": [{
            "id": r.uuid_v4(),
            "version": "v1",
            "url": format!("https://api.{}/{}/v1/dialoger/{id}", o.host, t.resource),
            "httpMethod": "GET",
            "documentationUrl": format!("https://{}/api-dokumentasjon/{}", o.host, t.resource),
            "deprecated": false,
        }],
    })];

    // transmissions and activities
    let span = (d.content_updated_at - d.created_at).num_seconds().max(1);
    let n_tx = if d.api_only {
        0
    } else if d.many_transmissions {
        6
    } else {
        r.below(4) as usize
    };
    let mut transmissions = Vec::new();
    let mut activities: Vec<(DateTime<Utc>, Value)> = vec![(
        d.created_at,
        json!({"id": r.uuid_v4(), "createdAt": ts(d.created_at), "type": "DialogCreated", "performedBy": service_owner_actor()}),
    )];
    let (mut from_so, mut from_party) = (0, 0);
    let mut prev: Option<Uuid> = None;
    for i in 0..n_tx {
        let at = d.created_at + Duration::seconds(span * (i as i64 + 1) / (n_tx as i64 + 1));
        let tid = r.uuid_v4();
        let kind = *r.pick(&[
            "Information",
            "Request",
            "Alert",
            "Decision",
            "Submission",
            "Acceptance",
            "Correction",
        ]);
        let by_party = kind == "Submission";
        let (title, summary) = match kind {
            "Submission" => (
                [
                    "Innsending fra deg",
                    "Innsending frå deg",
                    "Your submission",
                ],
                [
                    "Vi har mottatt innsendingen din.",
                    "Vi har motteke innsendinga di.",
                    "We have received your submission.",
                ],
            ),
            "Request" => (
                [
                    "Vi trenger mer informasjon",
                    "Vi treng meir informasjon",
                    "We need more information",
                ],
                [
                    "Send oss dokumentasjon innen fristen.",
                    "Send oss dokumentasjon innan fristen.",
                    "Send us documentation by the deadline.",
                ],
            ),
            "Alert" => (
                [
                    "Påminnelse om frist",
                    "Påminning om frist",
                    "Deadline reminder",
                ],
                [
                    "Fristen nærmer seg.",
                    "Fristen nærmar seg.",
                    "The deadline is approaching.",
                ],
            ),
            "Decision" => (
                [
                    "Vedtak i saken din",
                    "Vedtak i saka di",
                    "Decision in your case",
                ],
                [
                    "Vedtaket er vedlagt.",
                    "Vedtaket er vedlagt.",
                    "The decision is attached.",
                ],
            ),
            "Acceptance" => (
                [
                    "Innsendingen er godkjent",
                    "Innsendinga er godkjend",
                    "Submission accepted",
                ],
                [
                    "Alt er i orden.",
                    "Alt er i orden.",
                    "Everything is in order.",
                ],
            ),
            "Correction" => (
                [
                    "Retting av tidligere melding",
                    "Retting av tidlegare melding",
                    "Correction of an earlier message",
                ],
                [
                    "Denne meldingen erstatter den forrige.",
                    "Denne meldinga erstattar den førre.",
                    "This message replaces the previous one.",
                ],
            ),
            _ => (
                [
                    "Informasjon om saken",
                    "Informasjon om saka",
                    "Information about your case",
                ],
                [
                    "Saken er under behandling.",
                    "Saka er under handsaming.",
                    "Your case is being processed.",
                ],
            ),
        };
        let sender = if by_party {
            from_party += 1;
            json!({"actorType": "PartyRepresentative", "actorName": party.name, "actorId": party.urn})
        } else {
            from_so += 1;
            service_owner_actor()
        };
        let mut content = json!({"title": cv(&title), "summary": cv(&summary)});
        if r.chance(50) {
            content["contentReference"] = json!({
                "value": [{"value": format!("{base}/sim/content/{id}/transmissions/{tid}.md"), "languageCode": "nb"}],
                "mediaType": MARKDOWN_EMBED,
            });
        }
        let mut tx = json!({
            "id": tid,
            "createdAt": ts(at),
            "isAuthorized": true,
            "type": kind,
            "sender": sender,
            "isOpened": r.chance(60),
            "content": content,
            "attachments": [],
            "navigationalActions": [],
        });
        if let Some(p) = prev
            && r.chance(50)
        {
            tx["relatedTransmissionId"] = json!(p);
        }
        if kind == "Decision" {
            tx["attachments"] = json!([{
                "id": r.uuid_v4(),
                "displayName": loc3(&["Vedtaksbrev", "Vedtaksbrev", "Decision letter"]),
                "name": "vedtak.pdf",
                "urls": [{"id": r.uuid_v4(), "url": format!("https://{}/dokumenter/{id}/{tid}/vedtak.pdf", o.host), "mediaType": "application/pdf", "consumerType": "Gui"}],
            }]);
            tx["navigationalActions"] = json!([{"title": loc3(&["Les vedtaket", "Les vedtaket", "Read the decision"]), "url": format!("https://{}/vedtak/{tid}", o.host)}]);
        }
        if kind == "Request" && r.chance(30) {
            tx["isAuthorized"] = json!(false);
            tx["authorizationAttribute"] = json!("urn:altinn:subresource:taushetsbelagt");
            tx["content"]
                .as_object_mut()
                .unwrap()
                .remove("contentReference");
        }
        prev = Some(tid);
        if by_party {
            activities.push((at, json!({"id": r.uuid_v4(), "createdAt": ts(at), "type": "FormSubmitted", "performedBy": persona_like(party)})));
        }
        if tx["isOpened"] == json!(true) {
            let at2 = at + Duration::minutes(r.range(5, 600));
            activities.push((at2, json!({"id": r.uuid_v4(), "createdAt": ts(at2), "type": "TransmissionOpened", "transmissionId": tid, "performedBy": persona_like(party)})));
        }
        transmissions.push(tx);
    }
    if r.chance(40) {
        let at = d.created_at + Duration::seconds(span / 3);
        activities.push((at, json!({
            "id": r.uuid_v4(), "createdAt": ts(at), "type": "Information", "performedBy": service_owner_actor(),
            "description": loc3(&["Saken er overført til en saksbehandler.", "Saka er overført til ein sakshandsamar.", "The case has been assigned to a caseworker."]),
        })));
    }
    if d.status == "Completed" {
        activities.push((d.updated_at, json!({"id": r.uuid_v4(), "createdAt": ts(d.updated_at), "type": "DialogClosed", "performedBy": service_owner_actor()})));
    }
    for s in &d.seen {
        activities.push((s.at, json!({"id": s.id, "createdAt": ts(s.at), "type": "DialogOpened", "performedBy": persona_actor(w, s.persona)})));
    }
    activities.sort_by_key(|(at, _)| *at);
    Extras {
        attachments,
        gui_actions,
        api_actions,
        transmissions,
        activities: activities.into_iter().map(|(_, v)| v).collect(),
        from_service_owner: from_so,
        from_party,
    }
}

fn persona_like(party: &crate::world::Party) -> Value {
    json!({"actorType": "PartyRepresentative", "actorName": party.name, "actorId": party.urn})
}

fn content_summary(d: &Dialog) -> Value {
    let t = &TEMPLATES[d.template];
    let o = owner(d.org);
    let mut c = json!({
        "title": cv(&d.title),
        "summary": cv(&d.summary),
        "senderName": cv(&o.name),
    });
    if let Some(e) = d.extended_status {
        c["extendedStatus"] = cv(&t.ext[e].1);
    }
    c
}

fn common(w: &World, d: &Dialog, me: usize, x: &Extras) -> Map<String, Value> {
    let t = &TEMPLATES[d.template];
    let mut m = Map::new();
    let mut put = |k: &str, v: Value| {
        m.insert(k.to_owned(), v);
    };
    put("id", json!(d.id));
    put("org", json!(d.org));
    put("serviceResource", json!(d.service_resource));
    put("serviceResourceType", json!("genericaccessresource"));
    put("party", json!(w.parties[d.party].urn));
    put("progress", json!(d.progress));
    put("process", json!(d.process));
    put("precedingProcess", json!(d.preceding_process));
    put(
        "extendedStatus",
        json!(d.extended_status.map(|e| t.ext[e].0)),
    );
    put("externalReference", json!(d.external_reference));
    put("createdAt", json!(ts(d.created_at)));
    put("updatedAt", json!(ts(d.updated_at)));
    put("contentUpdatedAt", json!(ts(d.content_updated_at)));
    put("dueAt", json!(d.due_at.map(ts)));
    put("status", json!(d.status));
    put("systemLabel", json!(d.folder().name()));
    put("isApiOnly", json!(d.api_only));
    put("hasUnopenedContent", json!(d.has_unopened_content));
    put("isContentSeen", json!(is_content_seen(d, me)));
    put(
        "fromServiceOwnerTransmissionsCount",
        json!(x.from_service_owner),
    );
    put("fromPartyTransmissionsCount", json!(x.from_party));
    put("endUserContext", end_user_context(d));
    put("seenSinceLastUpdate", seen_since(w, d, d.updated_at, me));
    put(
        "seenSinceLastContentUpdate",
        seen_since(w, d, d.content_updated_at, me),
    );
    m
}

/// A `DialogListItem`.
pub fn list_item(w: &World, d: &Dialog, me: usize, base: &str) -> Value {
    let x = extras(w, d, base);
    let mut m = common(w, d, me, &x);
    m.insert(
        "guiAttachmentCount".into(),
        json!(
            x.attachments
                .iter()
                .filter(|a| a["urls"]
                    .as_array()
                    .is_some_and(|u| u.iter().any(|u| u["consumerType"] == "Gui")))
                .count()
        ),
    );
    if let Some(last) = x.activities.last() {
        m.insert("latestActivity".into(), last.clone());
    }
    if !d.api_only {
        m.insert("content".into(), content_summary(d));
    }
    let mut v = Value::Object(m);
    strip_nulls(&mut v);
    v
}

/// A `Dialog` (details) with a fresh dialog token.
pub fn details(w: &World, d: &Dialog, me: usize, base: &str, dialog_token: &str) -> Value {
    let x = extras(w, d, base);
    let mut m = common(w, d, me, &x);
    m.insert("revision".into(), json!(d.revision));
    m.insert("expiresAt".into(), json!(d.expires_at.map(ts)));
    m.insert("dialogToken".into(), json!(dialog_token));
    let mut content = content_summary(d);
    content["additionalInfo"] = cv(&[
        "Har du spørsmål, kan du kontakte oss på telefon eller via skjemaet på nettsidene våre.",
        "Har du spørsmål, kan du kontakte oss på telefon eller via skjemaet på nettsidene våre.",
        "If you have questions, contact us by phone or through the form on our website.",
    ]);
    content["mainContentReference"] = json!({
        "value": [{"value": format!("{base}/sim/content/{}/main.md", d.id), "languageCode": "nb"}],
        "mediaType": MARKDOWN_EMBED,
        "isAuthorized": true,
    });
    m.insert("content".into(), content);
    m.insert("attachments".into(), Value::Array(x.attachments));
    m.insert("guiActions".into(), Value::Array(x.gui_actions));
    m.insert("apiActions".into(), Value::Array(x.api_actions));
    m.insert("activities".into(), Value::Array(x.activities));
    m.insert("transmissions".into(), Value::Array(x.transmissions));
    let mut v = Value::Object(m);
    strip_nulls(&mut v);
    v
}

/// `DialogTransmissionSearchItem`s / `…Details`: `deletedAt` (null, omitted) instead of `isOpened`.
pub fn transmission_item(mut t: Value) -> Value {
    t.as_object_mut().unwrap().remove("isOpened");
    t
}

/// `DialogActivitySearchItem`: without `performedBy`.
pub fn activity_item(mut a: Value) -> Value {
    a.as_object_mut().unwrap().remove("performedBy");
    a
}

pub fn seenlog(w: &World, d: &Dialog, me: usize) -> Value {
    Value::Array(d.seen.iter().map(|s| seen_item(w, s, me)).collect())
}

pub fn labellog(w: &World, d: &Dialog) -> Value {
    Value::Array(
        d.label_log
            .iter()
            .map(|l| json!({"createdAt": ts(l.at), "name": l.name, "action": l.action, "performedBy": persona_actor(w, l.persona)}))
            .collect(),
    )
}

/// `AuthorizedParty`.
pub fn authorized_party(w: &World, a: &crate::world::Access, me: usize) -> Value {
    let persona = &w.personas[me];
    let one = |idx: usize, top: bool| {
        let p = &w.parties[idx];
        let mut v = json!({
            "party": p.urn,
            "partyUuid": p.uuid,
            "partyId": p.party_id,
            "name": p.name,
            "dateOfBirth": p.date_of_birth,
            "partyType": if p.is_person { "Person" } else { "Organization" },
            "isDeleted": p.deleted,
            "hasKeyRole": top && a.key_role,
            "isCurrentEndUser": idx == persona.party,
            "isMainAdministrator": top && a.main_admin,
            "isAccessManager": top && a.access_manager,
            "hasOnlyAccessToSubParties": top && a.only_subs,
        });
        strip_nulls(&mut v);
        v
    };
    let mut v = one(a.party, true);
    if !a.subs.is_empty() {
        v["subParties"] = Value::Array(a.subs.iter().map(|s| one(*s, false)).collect());
    }
    v
}

/// Removes null-valued object fields recursively (the API omits nulls).
pub fn strip_nulls(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.retain(|_, x| !x.is_null());
            m.values_mut().for_each(strip_nulls);
        }
        Value::Array(a) => a.iter_mut().for_each(strip_nulls),
        _ => {}
    }
}

/// Trims every localization list to the best match for `langs` (then `en`, then `nb`);
/// leaves a list whole when nothing matches. Mirrors the `accept-language` handling.
pub fn trim_localizations(v: &mut Value, langs: &[String]) {
    match v {
        Value::Array(a) => {
            let is_loc = !a.is_empty()
                && a.iter().all(|x| {
                    x.get("languageCode").is_some() && x.get("value").is_some_and(Value::is_string)
                });
            if is_loc {
                let order = langs.iter().map(String::as_str).chain(["en", "nb"]);
                for l in order {
                    if let Some(pos) = a.iter().position(|x| x["languageCode"] == l) {
                        let keep = a.swap_remove(pos);
                        a.clear();
                        a.push(keep);
                        return;
                    }
                }
            } else {
                a.iter_mut().for_each(|x| trim_localizations(x, langs));
            }
        }
        Value::Object(m) => m.values_mut().for_each(|x| trim_localizations(x, langs)),
        _ => {}
    }
}
