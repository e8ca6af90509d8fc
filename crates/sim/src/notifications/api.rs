//! The Notifications API: instant orders, shipment status, status feed.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value};
use uuid::Uuid;

use super::problem::{self, Errors, SEND_FAILED, SHIPMENT_NOT_FOUND};
use super::store::{Channel, Claims, Created, NotificationsSim, ORG_CLAIM, REQUIRED_SCOPE};
use super::validate::{is_valid_email, is_valid_mobile_number};

const TTL_MIN: i64 = 60;
const TTL_MAX: i64 = 172_800;
const DEFAULT_SMS_SENDER: &str = "Altinn";
const DEFAULT_EMAIL_SENDER: &str = "noreply@altinn.cloud";
const FEED_MAX_PAGE_SIZE: i64 = 500;

fn json_response(status: StatusCode, body: &Value) -> Response {
    let mut res = (status, body.to_string()).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    res
}

impl NotificationsSim {
    fn trace_id(&self) -> String {
        self.lock().rng.trace_id()
    }

    /// 401 without or with an unacceptable token; 403 without the scope.
    fn authenticate(&self, headers: &HeaderMap) -> Result<Claims, Denied> {
        let token = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                v.strip_prefix("Bearer ")
                    .or_else(|| v.strip_prefix("bearer "))
            })
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or(Denied::Unauthorized)?;
        let now = self.now().timestamp();
        let claims = (self.verify)(token, now).ok_or(Denied::Unauthorized)?;
        if claims
            .get("exp")
            .and_then(Value::as_i64)
            .is_some_and(|exp| exp <= now)
        {
            return Err(Denied::Unauthorized);
        }
        let has_scope = claims
            .get("scope")
            .and_then(Value::as_str)
            .is_some_and(|s| s.split([' ', ',']).any(|x| x == REQUIRED_SCOPE));
        if !has_scope {
            return Err(Denied::Forbidden);
        }
        Ok(claims)
    }
}

/// 401 or 403, both without a body.
#[derive(Debug, Clone, Copy)]
enum Denied {
    Unauthorized,
    Forbidden,
}

impl IntoResponse for Denied {
    fn into_response(self) -> Response {
        match self {
            Denied::Unauthorized => problem::unauthorized(),
            Denied::Forbidden => problem::forbidden(),
        }
    }
}

/// The caller's org (`urn:altinn:org`), or 403 without a body.
fn org_of(claims: &Claims) -> Result<String, Denied> {
    claims
        .get(ORG_CLAIM)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .map(str::to_owned)
        .ok_or(Denied::Forbidden)
}

fn is_json_content_type(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase())
        .is_some_and(|m| {
            m == "application/json" || (m.starts_with("application/") && m.ends_with("+json"))
        })
}

// ---- request parsing (the ASP.NET model-binding phase) -------------------------------------

const SMS_REQUEST_TYPE: &str =
    "Altinn.Notifications.Models.Orders.InstantSmsNotificationOrderRequestExt";
const SMS_DETAILS_TYPE: &str = "Altinn.Notifications.Models.Sms.ShortMessageDeliveryDetailsExt";
const EMAIL_REQUEST_TYPE: &str =
    "Altinn.Notifications.Models.Orders.InstantEmailNotificationOrderRequestExt";

/// Collects JSON conversion errors (which make the whole model null) and `[Required]` errors.
#[derive(Default)]
struct Binder {
    errors: Errors,
    json_failed: bool,
}

impl Binder {
    fn conversion(&mut self, path: &str, ty: &str) {
        self.errors.add(path, format!("The JSON value could not be converted to {ty}. Path: {path} | LineNumber: 0 | BytePositionInLine: 0."));
        self.json_failed = true;
    }

    fn missing_required(&mut self, ty: &str, prop: &str) {
        self.errors.add("$", format!("JSON deserialization for type '{ty}' was missing required properties including: '{prop}'."));
        self.json_failed = true;
    }

    fn string(&mut self, obj: &Map<String, Value>, key: &str, path: &str) -> Option<String> {
        match obj.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => {
                self.conversion(&format!("{path}.{key}"), "System.String");
                None
            }
        }
    }

    fn object<'a>(
        &mut self,
        obj: &'a Map<String, Value>,
        key: &str,
        path: &str,
        ty: &str,
    ) -> Option<&'a Map<String, Value>> {
        match obj.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::Object(o)) => Some(o),
            Some(_) => {
                self.conversion(&format!("{path}.{key}"), ty);
                None
            }
        }
    }

    fn required(&mut self, key: &str, field: &str) {
        self.errors
            .add(key, format!("The {field} field is required."));
    }

    /// Parses the body into a JSON object, or records why not.
    fn root(&mut self, body: &[u8], ty: &str) -> Option<Map<String, Value>> {
        match serde_json::from_slice::<Value>(body) {
            Ok(Value::Object(o)) => Some(o),
            Ok(_) => {
                self.conversion("$", ty);
                None
            }
            Err(e) => {
                self.errors.add(
                    "$",
                    format!("The JSON value could not be parsed: {e}. Path: $."),
                );
                self.json_failed = true;
                None
            }
        }
    }

    fn finish(mut self) -> Result<(), Errors> {
        if self.json_failed {
            self.errors.add("request", "The request field is required.");
        }
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self.errors)
        }
    }
}

struct SmsRequest {
    idempotency_id: Option<String>,
    senders_reference: Option<String>,
    recipient: Option<SmsRecipient>,
}

struct SmsRecipient {
    phone_number: Option<String>,
    ttl: i64,
    sender: Option<String>,
    body: String,
}

fn bind_sms(body: &[u8]) -> Result<SmsRequest, Errors> {
    let mut b = Binder::default();
    let Some(root) = b.root(body, SMS_REQUEST_TYPE) else {
        return Err(b.finish().unwrap_err());
    };
    let idempotency_id = b.string(&root, "idempotencyId", "$");
    let senders_reference = b.string(&root, "sendersReference", "$");
    let mut recipient = None;
    if let Some(rs) = b.object(&root, "recipientSms", "$", SMS_DETAILS_TYPE) {
        let phone_number = b.string(rs, "phoneNumber", "$.recipientSms");
        let ttl = match rs.get("timeToLiveInSeconds") {
            None => {
                b.missing_required(SMS_DETAILS_TYPE, "timeToLiveInSeconds");
                None
            }
            Some(v) => match v.as_i64().filter(|n| i32::try_from(*n).is_ok()) {
                Some(n) => Some(n),
                None => {
                    b.conversion("$.recipientSms.timeToLiveInSeconds", "System.Int32");
                    None
                }
            },
        };
        let settings = b.object(
            rs,
            "smsSettings",
            "$.recipientSms",
            "Altinn.Notifications.Models.Sms.ShortMessageContentExt",
        );
        let (sender, text) = match settings {
            Some(ss) => {
                let sender = b.string(ss, "sender", "$.recipientSms.smsSettings");
                let text = b.string(ss, "body", "$.recipientSms.smsSettings");
                if text.as_deref().is_none_or(|t| t.trim().is_empty()) {
                    b.required("RecipientSms.SmsSettings.Body", "Body");
                }
                (sender, text)
            }
            None => {
                b.required("RecipientSms.SmsSettings", "SmsSettings");
                (None, None)
            }
        };
        if let (Some(ttl), Some(text)) = (ttl, text) {
            recipient = Some(SmsRecipient {
                phone_number,
                ttl,
                sender,
                body: text,
            });
        }
    }
    b.finish()?;
    Ok(SmsRequest {
        idempotency_id,
        senders_reference,
        recipient,
    })
}

/// The FluentValidation phase.
fn validate_sms(req: &SmsRequest) -> Errors {
    let mut e = Errors::default();
    if req
        .idempotency_id
        .as_deref()
        .is_none_or(|s| s.trim().is_empty())
    {
        e.add("IdempotencyId", "IdempotencyId cannot be null or empty.");
    }
    match &req.recipient {
        None => e.add("RecipientSms", "'Recipient Sms' must not be empty."),
        Some(r) => {
            if !r
                .phone_number
                .as_deref()
                .is_some_and(is_valid_mobile_number)
            {
                e.add(
                    "RecipientSms.PhoneNumber",
                    "Recipient phone number is not a valid mobile number.",
                );
            }
            if !(TTL_MIN..=TTL_MAX).contains(&r.ttl) {
                e.add(
                    "RecipientSms.TimeToLiveInSeconds",
                    "Time-to-live must be between 60 and 172800 seconds (48 hours).",
                );
            }
        }
    }
    e
}

struct EmailRequest {
    idempotency_id: Option<String>,
    senders_reference: Option<String>,
    address: Option<String>,
    settings: Option<EmailSettings>,
    has_recipient: bool,
}

struct EmailSettings {
    subject: Option<String>,
    body: Option<String>,
    sender: Option<String>,
    content_type: String,
}

fn bind_email(body: &[u8]) -> Result<EmailRequest, Errors> {
    let mut b = Binder::default();
    let Some(root) = b.root(body, EMAIL_REQUEST_TYPE) else {
        return Err(b.finish().unwrap_err());
    };
    let idempotency_id = b.string(&root, "idempotencyId", "$");
    let senders_reference = b.string(&root, "sendersReference", "$");
    let mut req = EmailRequest {
        idempotency_id,
        senders_reference,
        address: None,
        settings: None,
        has_recipient: false,
    };
    if let Some(re) = b.object(
        &root,
        "recipientEmail",
        "$",
        "Altinn.Notifications.Models.Email.InstantEmailDetailsExt",
    ) {
        req.has_recipient = true;
        req.address = b.string(re, "emailAddress", "$.recipientEmail");
        if let Some(es) = b.object(
            re,
            "emailSettings",
            "$.recipientEmail",
            "Altinn.Notifications.Models.Email.EmailSendingOptionsExt",
        ) {
            let path = "$.recipientEmail.emailSettings";
            let subject = b.string(es, "subject", path);
            let body = b.string(es, "body", path);
            let sender = b.string(es, "senderEmailAddress", path);
            let content_type = match es.get("contentType") {
                None | Some(Value::Null) => Some("Plain".to_owned()),
                Some(Value::String(s)) if s.eq_ignore_ascii_case("plain") => {
                    Some("Plain".to_owned())
                }
                Some(Value::String(s)) if s.eq_ignore_ascii_case("html") => Some("Html".to_owned()),
                Some(Value::Number(n)) if n.as_i64() == Some(0) => Some("Plain".to_owned()),
                Some(Value::Number(n)) if n.as_i64() == Some(1) => Some("Html".to_owned()),
                Some(_) => {
                    b.conversion(
                        &format!("{path}.contentType"),
                        "Altinn.Notifications.Models.Email.EmailContentTypeExt",
                    );
                    None
                }
            };
            if let Some(content_type) = content_type {
                req.settings = Some(EmailSettings {
                    subject,
                    body,
                    sender,
                    content_type,
                });
            }
        }
    }
    b.finish()?;
    Ok(req)
}

fn validate_email(req: &EmailRequest) -> Errors {
    let mut e = Errors::default();
    if req
        .idempotency_id
        .as_deref()
        .is_none_or(|s| s.trim().is_empty())
    {
        e.add("IdempotencyId", "IdempotencyId cannot be null or empty.");
    }
    if !req.has_recipient {
        e.add("RecipientEmail", "'Recipient Email' must not be empty.");
        return e;
    }
    if !req.address.as_deref().is_some_and(is_valid_email) {
        e.add(
            "RecipientEmail.EmailAddress",
            "Invalid email address format.",
        );
    }
    match &req.settings {
        None => e.add(
            "RecipientEmail.EmailSettings",
            "'Email Settings' must not be empty.",
        ),
        Some(s) => {
            if s.subject.as_deref().is_none_or(|x| x.trim().is_empty()) {
                e.add(
                    "RecipientEmail.EmailSettings.Subject",
                    "'Subject' must not be empty.",
                );
            }
            if s.body.as_deref().is_none_or(|x| x.trim().is_empty()) {
                e.add(
                    "RecipientEmail.EmailSettings.Body",
                    "'Body' must not be empty.",
                );
            }
            if let Some(sender) = s.sender.as_deref().filter(|x| !x.trim().is_empty())
                && !is_valid_email(sender)
            {
                e.add(
                    "RecipientEmail.EmailSettings.SenderEmailAddress",
                    "Invalid sender email address format.",
                );
            }
        }
    }
    e
}

// ---- handlers -----------------------------------------------------------------------------

fn place_order(
    sim: &NotificationsSim,
    org: &str,
    idempotency_id: &str,
    senders_reference: Option<String>,
    channel: Channel,
) -> Response {
    let now = sim.now();
    let created = sim
        .lock()
        .create(org, idempotency_id, senders_reference, channel, now);
    match created {
        Created::Existing(body) => json_response(StatusCode::OK, &body),
        Created::Unavailable => SEND_FAILED.into_response(sim.trace_id()),
        Created::New { response, order_id } => {
            let mut res = json_response(StatusCode::CREATED, &response);
            let location = format!(
                "{}/notifications/api/v1/orders/chain/{order_id}",
                sim.settings.public_base_url
            );
            if let Ok(v) = HeaderValue::from_str(&location) {
                res.headers_mut().insert(header::LOCATION, v);
            }
            res
        }
    }
}

/// `POST /notifications/api/v1/future/orders/instant/sms`
pub(crate) async fn post_instant_sms(
    State(sim): State<NotificationsSim>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let claims = match sim.authenticate(&headers) {
        Ok(c) => c,
        Err(denied) => return denied.into_response(),
    };
    if !is_json_content_type(&headers) {
        return problem::unsupported_media_type(sim.trace_id());
    }
    let req = match bind_sms(&body) {
        Ok(r) => r,
        Err(errors) => return errors.into_response(sim.trace_id()),
    };
    let errors = validate_sms(&req);
    if !errors.is_empty() {
        return errors.into_response(sim.trace_id());
    }
    let org = match org_of(&claims) {
        Ok(o) => o,
        Err(denied) => return denied.into_response(),
    };
    let (Some(r), Some(idempotency_id)) = (req.recipient, req.idempotency_id) else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let sender = r
        .sender
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_SMS_SENDER.to_owned());
    let channel = Channel::Sms {
        phone_number: r.phone_number.unwrap_or_default(),
        sender,
        body: r.body,
        ttl_secs: r.ttl,
    };
    place_order(&sim, &org, &idempotency_id, req.senders_reference, channel)
}

/// `POST /notifications/api/v1/future/orders/instant/email`
pub(crate) async fn post_instant_email(
    State(sim): State<NotificationsSim>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let claims = match sim.authenticate(&headers) {
        Ok(c) => c,
        Err(denied) => return denied.into_response(),
    };
    if !is_json_content_type(&headers) {
        return problem::unsupported_media_type(sim.trace_id());
    }
    let req = match bind_email(&body) {
        Ok(r) => r,
        Err(errors) => return errors.into_response(sim.trace_id()),
    };
    let errors = validate_email(&req);
    if !errors.is_empty() {
        return errors.into_response(sim.trace_id());
    }
    let org = match org_of(&claims) {
        Ok(o) => o,
        Err(denied) => return denied.into_response(),
    };
    let (Some(s), Some(address), Some(idempotency_id)) =
        (req.settings, req.address, req.idempotency_id)
    else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let sender = s
        .sender
        .filter(|x| !x.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_EMAIL_SENDER.to_owned());
    let channel = Channel::Email {
        address: address.trim().to_owned(),
        sender,
        subject: s.subject.unwrap_or_default(),
        body: s.body.unwrap_or_default(),
        content_type: s.content_type,
    };
    place_order(&sim, &org, &idempotency_id, req.senders_reference, channel)
}

/// `GET /notifications/api/v1/future/shipment/{shipmentId}`
pub(crate) async fn get_shipment(
    State(sim): State<NotificationsSim>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    // The real route has a `{id:guid}` constraint: anything else matches no route.
    let Ok(id) = Uuid::parse_str(&id) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let claims = match sim.authenticate(&headers) {
        Ok(c) => c,
        Err(denied) => return denied.into_response(),
    };
    let org = match org_of(&claims) {
        Ok(o) => o,
        Err(denied) => return denied.into_response(),
    };
    let now = sim.now();
    let body = sim.lock().shipment(&org, id).map(|o| o.shipment_json(now));
    match body {
        Some(b) => json_response(StatusCode::OK, &b),
        None => SHIPMENT_NOT_FOUND.into_response(sim.trace_id()),
    }
}

/// `GET /notifications/api/v1/future/shipment/feed?seq=&pageSize=&orderBy=`
pub(crate) async fn get_feed(
    State(sim): State<NotificationsSim>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let claims = match sim.authenticate(&headers) {
        Ok(c) => c,
        Err(denied) => return denied.into_response(),
    };
    if headers.contains_key(header::CONTENT_TYPE) && !is_json_content_type(&headers) {
        return problem::unsupported_media_type(sim.trace_id());
    }
    // Query keys bind case-insensitively in ASP.NET.
    let get = |name: &str| {
        q.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim().to_owned())
    };
    let mut errors = Errors::default();
    let seq = match get("seq").filter(|s| !s.is_empty()) {
        None => 0,
        Some(s) => match s.parse::<i64>() {
            Ok(n) if n < 0 => {
                errors.add("Seq", "'Seq' must be greater than or equal to '0'.");
                0
            }
            Ok(n) => n,
            Err(_) => {
                errors.add("seq", format!("The value '{s}' is not valid for Seq."));
                0
            }
        },
    };
    let page_size = match get("pageSize").filter(|s| !s.is_empty()) {
        None => FEED_MAX_PAGE_SIZE,
        Some(s) => match s.parse::<i32>() {
            Ok(n) => i64::from(n).clamp(1, FEED_MAX_PAGE_SIZE),
            Err(_) => {
                errors.add(
                    "pageSize",
                    format!("The value '{s}' is not valid for PageSize."),
                );
                FEED_MAX_PAGE_SIZE
            }
        },
    };
    let desc = match get("orderBy").filter(|s| !s.is_empty()) {
        None => false,
        Some(s) if s.eq_ignore_ascii_case("asc") => false,
        Some(s) if s.eq_ignore_ascii_case("desc") => true,
        Some(s) => {
            errors.add(
                "orderBy",
                format!("The value '{s}' is not valid for OrderBy."),
            );
            false
        }
    };
    if !errors.is_empty() {
        return errors.into_response(sim.trace_id());
    }
    let org = match org_of(&claims) {
        Ok(o) => o,
        Err(denied) => return denied.into_response(),
    };
    let now = sim.now();
    let page = sim
        .lock()
        .feed_page(&org, seq, page_size as usize, desc, now);
    json_response(StatusCode::OK, &Value::Array(page))
}
