//! Catches drift between the models and the real API's OpenAPI spec
//! (`reference/openapi.v1.enduser.verified.json`).
//!
//! For every schema the crate models, a sample object with *every* property
//! of the schema is generated from the spec, deserialized into the model and
//! serialized again. The result must equal the sample: a property the model
//! lacks would be dropped, a type mismatch fails to deserialize, and a renamed
//! field shows up as a difference. Properties the crate deliberately ignores
//! are listed in [`IGNORED`] with a reason. Enum values, endpoint response
//! types and the search endpoint's query parameter names are compared too.

use std::collections::BTreeSet;
use std::path::PathBuf;

use altinn::*;
use chrono::{TimeZone, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

fn spec() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/reference/openapi.v1.enduser.verified.json");
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(text.trim_start_matches('\u{feff}')).unwrap()
}

fn schemas(spec: &Value) -> &Map<String, Value> {
    spec["components"]["schemas"].as_object().unwrap()
}

fn ref_name(s: &Value) -> Option<&str> {
    s.get("$ref")?.as_str()?.rsplit('/').next()
}

/// Unwraps `$ref` and single-element `oneOf`/`allOf` to the referenced schema.
fn resolve<'a>(spec: &'a Value, s: &'a Value) -> &'a Value {
    if let Some(name) = ref_name(s) {
        return resolve(spec, &schemas(spec)[name]);
    }
    for key in ["oneOf", "allOf"] {
        if let Some(one) = s.get(key).and_then(Value::as_array).and_then(|a| a.first()) {
            return resolve(spec, one);
        }
    }
    s
}

/// A sample value with every property filled in.
fn sample(spec: &Value, schema: &Value, depth: usize) -> Value {
    let s = resolve(spec, schema);
    if let Some(values) = s.get("enum").and_then(Value::as_array) {
        return values[0].clone();
    }
    match s.get("type").and_then(Value::as_str) {
        Some("object") | None
            if s.get("properties").is_some() || s.get("additionalProperties").is_some() =>
        {
            let mut out = Map::new();
            if let Some(props) = s.get("properties").and_then(Value::as_object) {
                for (k, v) in props {
                    out.insert(k.clone(), sample(spec, v, depth + 1));
                }
            }
            // Untyped `additionalProperties` ({"nullable": true}) are RFC 7807
            // extension members; only typed maps get a sample entry.
            if let Some(extra) = s
                .get("additionalProperties")
                .filter(|v| v.get("type").is_some() || v.get("$ref").is_some())
            {
                out.insert("SomeKey".into(), sample(spec, extra, depth + 1));
            }
            Value::Object(out)
        }
        Some("array") => {
            if depth > 4 {
                json!([])
            } else {
                json!([sample(spec, &s["items"], depth + 1)])
            }
        }
        Some("string") => match s.get("format").and_then(Value::as_str) {
            Some("date-time") => json!("2026-01-02T03:04:05Z"),
            Some("guid") | Some("uuid") => json!("0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"),
            Some("uri") => json!("https://example.com/x"),
            _ => json!("x"),
        },
        Some("integer") => json!(7),
        Some("boolean") => json!(true),
        other => panic!("no sample for schema type {other:?}: {s}"),
    }
}

/// Properties the models deliberately leave out: (schema, property, reason).
const IGNORED: &[(&str, &str, &str)] = &[];

/// Schemas the crate does not model, with the reason.
const NOT_MODELED: &[(&str, &str)] = &[
    ("AcceptedLanguage", "the accept-Language header, not a body"),
    (
        "AcceptedLanguages",
        "the accept-Language header, not a body",
    ),
    (
        "GetDialogActivityRequest",
        "request wrapper carrying only the accept-Language header",
    ),
    (
        "GetDialogLookupRequest",
        "request wrapper carrying only the accept-Language header",
    ),
    (
        "GetDialogRequest",
        "request wrapper carrying only the accept-Language header",
    ),
    (
        "GetDialogTransmissionRequest",
        "request wrapper carrying only the accept-Language header",
    ),
    (
        "GetServiceResourceMetadataRequest",
        "request wrapper carrying only the accept-Language header",
    ),
    (
        "SearchAuthorizedServiceResourcesRequest",
        "request wrapper carrying only the accept-Language header",
    ),
    (
        "SearchDialogActivitiesRequest",
        "request wrapper carrying only the accept-Language header",
    ),
    (
        "SearchDialogsRequest",
        "request wrapper carrying only the accept-Language header",
    ),
    (
        "SearchDialogTransmissionsRequest",
        "request wrapper carrying only the accept-Language header",
    ),
    (
        "AuthorizedServiceResourceList",
        "GET serviceresources: not used by the portal yet",
    ),
    ("ServiceResource", "service resource metadata: not used yet"),
    (
        "ServiceResourceAccessPackage",
        "service resource metadata: not used yet",
    ),
    (
        "ServiceResourceMetadata",
        "service resource metadata: not used yet",
    ),
    (
        "ServiceResourceMetadataList",
        "service resource metadata: not used yet",
    ),
    (
        "ServiceResourceOwner",
        "service resource metadata: not used yet",
    ),
    (
        "ServiceResourceRole",
        "service resource metadata: not used yet",
    ),
    ("Links", "service resource metadata: not used yet"),
    ("EndUserIdentifierLookup", "GET dialoglookup: not used yet"),
    (
        "IdentifierLookupAuthorizationEvidence",
        "GET dialoglookup: not used yet",
    ),
    (
        "IdentifierLookupAuthorizationEvidenceItem",
        "GET dialoglookup: not used yet",
    ),
    (
        "IdentifierLookupGrantType",
        "GET dialoglookup: not used yet",
    ),
    (
        "IdentifierLookupServiceOwner",
        "GET dialoglookup: not used yet",
    ),
    (
        "IdentifierLookupServiceResource",
        "GET dialoglookup: not used yet",
    ),
    (
        "Limits",
        "GET metadata/limits: the default caps are constants in `search`",
    ),
    (
        "EndUserSearchLimits",
        "GET metadata/limits: the default caps are constants in `search`",
    ),
    ("ServiceOwnerSearchLimits", "service-owner API"),
];

type Check = fn(&Value) -> Result<Value, String>;

fn via<T: DeserializeOwned + Serialize>(v: &Value) -> Result<Value, String> {
    let t: T = serde_json::from_value(v.clone()).map_err(|e| e.to_string())?;
    serde_json::to_value(&t).map_err(|e| e.to_string())
}

/// Object schemas and the model that serves each.
const MODELS: &[(&str, Check)] = &[
    ("Actor", via::<Actor>),
    ("AuthorizedParty", via::<AuthorizedParty>),
    ("Parties", via::<Parties>),
    ("BulkSetSystemLabel", via::<BulkSetSystemLabels>),
    ("DialogRevision", via::<DialogRevision>),
    ("SetDialogSystemLabelRequest", via::<SetDialogSystemLabels>),
    ("LabelAssignmentLog", via::<LabelAssignmentLog>),
    ("Localization", via::<Localization>),
    ("ContentValue", via::<ContentValue>),
    ("Content", via::<DialogContent>),
    ("Dialog", via::<Dialog>),
    ("DialogContentSummary", via::<DialogContentSummary>),
    ("DialogListItem", via::<DialogListItem>),
    ("PaginatedListOfDialogListItem", via::<DialogSearchPage>),
    ("DialogEndUserContext", via::<DialogEndUserContext>),
    ("DialogEndUserContextListItem", via::<DialogEndUserContext>),
    ("DialogActivity", via::<DialogActivity>),
    ("DialogActivityListItem", via::<DialogActivityListItem>),
    ("DialogActivityDetails", via::<DialogActivityDetails>),
    ("DialogActivitySearchItem", via::<DialogActivitySearchItem>),
    ("DialogApiAction", via::<DialogApiAction>),
    ("DialogApiActionEndpoint", via::<DialogApiActionEndpoint>),
    ("DialogGuiAction", via::<DialogGuiAction>),
    ("DialogAttachment", via::<Attachment>),
    ("DialogAttachmentUrl", via::<AttachmentUrl>),
    ("DialogSeenLog", via::<DialogSeenLog>),
    ("DialogSeenLogListItem", via::<DialogSeenLogListItem>),
    ("DialogSeenLogSearchItem", via::<DialogSeenLogSearchItem>),
    ("DialogSeenLogDetails", via::<DialogSeenLogDetails>),
    ("DialogTransmission", via::<DialogTransmission>),
    (
        "DialogTransmissionSearchItem",
        via::<DialogTransmissionSearchItem>,
    ),
    (
        "DialogTransmissionDetails",
        via::<DialogTransmissionDetails>,
    ),
    (
        "DialogTransmissionContent",
        via::<DialogTransmissionContent>,
    ),
    (
        "DialogTransmissionContentDetails",
        via::<DialogTransmissionContent>,
    ),
    (
        "DialogTransmissionSearchContent",
        via::<DialogTransmissionContent>,
    ),
    ("DialogTransmissionAttachment", via::<Attachment>),
    ("DialogTransmissionAttachmentDetails", via::<Attachment>),
    ("DialogTransmissionSearchAttachment", via::<Attachment>),
    ("DialogTransmissionAttachmentUrl", via::<AttachmentUrl>),
    (
        "DialogTransmissionAttachmentUrlDetails",
        via::<AttachmentUrl>,
    ),
    (
        "DialogTransmissionSearchAttachmentUrl",
        via::<AttachmentUrl>,
    ),
    (
        "DialogTransmissionNavigationalAction",
        via::<NavigationalAction>,
    ),
    (
        "DialogTransmissionNavigationalActionDetails",
        via::<NavigationalAction>,
    ),
    (
        "DialogTransmissionSearchNavigationalAction",
        via::<NavigationalAction>,
    ),
    ("ProblemDetails", via::<ProblemDetails>),
    ("ProblemDetails_Error", via::<ProblemDetailsError>),
];

/// Enum schemas and the crate's known values.
const ENUMS: &[(&str, &[&str])] = &[
    ("ActorType", ActorType::known_values()),
    (
        "AttachmentUrlConsumerType",
        AttachmentUrlConsumerType::known_values(),
    ),
    ("DialogActivityType", DialogActivityType::known_values()),
    (
        "DialogGuiActionPriority",
        DialogGuiActionPriority::known_values(),
    ),
    ("DialogStatus", DialogStatus::known_values()),
    (
        "DialogTransmissionType",
        DialogTransmissionType::known_values(),
    ),
    ("HttpVerb", HttpVerb::known_values()),
    ("SystemLabel", SystemLabel::known_values()),
];

#[test]
fn every_schema_is_modeled_or_listed() {
    let spec = spec();
    let mut unaccounted = Vec::new();
    for name in schemas(&spec).keys() {
        let known = MODELS.iter().any(|(n, _)| n == name)
            || ENUMS.iter().any(|(n, _)| n == name)
            || NOT_MODELED.iter().any(|(n, _)| n == name);
        if !known {
            unaccounted.push(name.clone());
        }
    }
    assert!(
        unaccounted.is_empty(),
        "new schemas in the spec: {unaccounted:?}"
    );
    let listed = MODELS
        .iter()
        .map(|(n, _)| *n)
        .chain(NOT_MODELED.iter().map(|(n, _)| *n));
    for name in listed.chain(ENUMS.iter().map(|(n, _)| *n)) {
        assert!(
            schemas(&spec).contains_key(name),
            "schema {name} is gone from the spec"
        );
    }
}

fn strip_ignored(schema: &str, v: &mut Value) {
    if let Some(obj) = v.as_object_mut() {
        for (s, prop, _) in IGNORED {
            if *s == schema {
                obj.remove(*prop);
            }
        }
    }
}

#[test]
fn every_property_of_every_modeled_schema_round_trips() {
    let spec = spec();
    let mut failures = Vec::new();
    for (name, check) in MODELS {
        let schema = &schemas(&spec)[*name];
        let mut input = sample(&spec, schema, 0);
        strip_ignored(name, &mut input);
        match check(&input) {
            Err(e) => failures.push(format!("{name}: does not deserialize a full sample: {e}")),
            Ok(output) => {
                let keys = |v: &Value| {
                    v.as_object()
                        .map(|o| o.keys().cloned().collect::<BTreeSet<_>>())
                        .unwrap_or_default()
                };
                let (i, o) = (keys(&input), keys(&output));
                let missing: Vec<_> = i.difference(&o).collect();
                let extra: Vec<_> = o.difference(&i).collect();
                if !missing.is_empty() || !extra.is_empty() {
                    failures.push(format!(
                        "{name}: model lacks {missing:?}, model adds {extra:?}"
                    ));
                } else if input != output {
                    failures.push(format!(
                        "{name}: values change in a round trip:\n  in:  {input}\n  out: {output}"
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "spec drift:\n{}", failures.join("\n"));
}

#[test]
fn enum_values_match_the_spec() {
    let spec = spec();
    for (name, known) in ENUMS {
        let values: Vec<&str> = schemas(&spec)[*name]["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(&values, known, "enum {name}");
    }
}

#[test]
fn endpoints_return_the_modeled_schemas() {
    let spec = spec();
    let expect = [
        ("/api/v1/enduser/parties", "get", "200", "Parties"),
        (
            "/api/v1/enduser/dialogs",
            "get",
            "200",
            "PaginatedListOfDialogListItem",
        ),
        ("/api/v1/enduser/dialogs/{dialogId}", "get", "200", "Dialog"),
        (
            "/api/v1/enduser/dialogs/{dialogId}/activities",
            "get",
            "200",
            "[DialogActivitySearchItem]",
        ),
        (
            "/api/v1/enduser/dialogs/{dialogId}/activities/{activityId}",
            "get",
            "200",
            "DialogActivityDetails",
        ),
        (
            "/api/v1/enduser/dialogs/{dialogId}/transmissions",
            "get",
            "200",
            "[DialogTransmissionSearchItem]",
        ),
        (
            "/api/v1/enduser/dialogs/{dialogId}/transmissions/{transmissionId}",
            "get",
            "200",
            "DialogTransmissionDetails",
        ),
        (
            "/api/v1/enduser/dialogs/{dialogId}/seenlog",
            "get",
            "200",
            "[DialogSeenLogSearchItem]",
        ),
        (
            "/api/v1/enduser/dialogs/{dialogId}/seenlog/{seenLogId}",
            "get",
            "200",
            "DialogSeenLogDetails",
        ),
        (
            "/api/v1/enduser/dialogs/{dialogId}/context/labellog",
            "get",
            "200",
            "[LabelAssignmentLog]",
        ),
    ];
    for (path, method, status, want) in expect {
        let s = &spec["paths"][path][method]["responses"][status]["content"]["application/json"]["schema"];
        let got = match ref_name(s) {
            Some(n) => n.to_owned(),
            None => format!("[{}]", ref_name(&s["items"]).unwrap_or("?")),
        };
        assert_eq!(got, want, "{method} {path}");
    }
    let bodies = [
        (
            "/api/v1/enduser/dialogs/{dialogId}/context/systemlabels",
            "put",
            "SetDialogSystemLabelRequest",
        ),
        (
            "/api/v1/enduser/dialogs/context/systemlabels/actions/bulkset",
            "post",
            "BulkSetSystemLabel",
        ),
    ];
    for (path, method, want) in bodies {
        let s =
            &spec["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"];
        assert_eq!(ref_name(s), Some(want), "{method} {path}");
    }
}

#[test]
fn search_query_parameters_match_the_spec() {
    let spec = spec();
    let params = spec["paths"]["/api/v1/enduser/dialogs"]["get"]["parameters"]
        .as_array()
        .unwrap();
    let spec_names: Vec<&str> = params
        .iter()
        .filter(|p| p["in"] == "query")
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(spec_names, altinn::search::PARAMETER_NAMES);

    // Array parameters in the spec are exactly the ones sent as repeated keys.
    let spec_arrays: BTreeSet<&str> = params
        .iter()
        .filter(|p| p["in"] == "query" && p["schema"]["type"] == "array")
        .map(|p| p["name"].as_str().unwrap())
        .collect();

    let t = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap();
    let full = DialogSearchQuery {
        org: vec!["skd".into(), "digdir".into()],
        service_resource: vec![
            "urn:altinn:resource:a".into(),
            "urn:altinn:resource:b".into(),
        ],
        party: vec![
            PartyUrn::organization("310010693").unwrap(),
            PartyUrn::person("08844397713").unwrap(),
        ],
        extended_status: vec!["a".into(), "b".into()],
        external_reference: Some("ref".into()),
        status: vec![DialogStatus::InProgress, DialogStatus::Draft],
        created_after: Some(t),
        created_before: Some(t),
        updated_after: Some(t),
        updated_before: Some(t),
        content_updated_after: Some(t),
        content_updated_before: Some(t),
        is_content_seen: Some(true),
        due_after: Some(t),
        due_before: Some(t),
        process: Some("urn:p".into()),
        system_label: vec![SystemLabel::Bin, SystemLabel::Archive],
        exclude_api_only: Some(false),
        search: Some("skatt".into()),
        search_language_code: Some("nb".into()),
        order_by: Some(OrderBy::default()),
        continuation_token: Some("tok".into()),
        limit: Some(10),
    };
    let pairs = full.to_query_pairs();
    let mut emitted: Vec<&str> = Vec::new();
    for (k, _) in &pairs {
        if emitted.last() != Some(&k.as_str()) {
            emitted.push(k);
        }
    }
    assert_eq!(emitted, spec_names, "emitted names, in spec order");
    let repeated: BTreeSet<&str> = emitted
        .iter()
        .copied()
        .filter(|n| pairs.iter().filter(|(k, _)| k == n).count() > 1)
        .collect();
    assert_eq!(repeated, spec_arrays);
    // Enum-valued parameters use the spec's enum values.
    for (name, e) in [("status", "DialogStatus"), ("systemLabel", "SystemLabel")] {
        let p = params.iter().find(|p| p["name"] == name).unwrap();
        assert_eq!(ref_name(&p["schema"]["items"]), Some(e));
    }
    assert_eq!(DialogSearchQuery::from_query_pairs(pairs).unwrap(), full);
}
