//! The simulated phone / mailbox: messages the simulator has "delivered", as JSON and HTML.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Json, Response};
use serde::Serialize;
use serde_json::json;

use super::store::{Channel, NotificationsSim, Order, ts};
use super::testdata::{self, TEST_EMAIL_ADDRESSES, TEST_PHONE_NUMBERS};

/// One SMS as the recipient's phone shows it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OutboxSms {
    pub to: String,
    pub sender: String,
    pub body: String,
    pub ordered_at: String,
    /// `null` until (unless) the message is delivered.
    pub delivered_at: Option<String>,
    pub shipment_id: String,
    pub status: String,
    pub org: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub senders_reference: Option<String>,
}

/// One e-mail as the recipient's mailbox shows it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OutboxEmail {
    pub to: String,
    pub from: String,
    pub subject: String,
    pub body: String,
    pub content_type: String,
    pub ordered_at: String,
    pub delivered_at: Option<String>,
    pub shipment_id: String,
    pub status: String,
    pub org: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub senders_reference: Option<String>,
}

fn delivered_at(
    o: &Order,
    now: chrono::DateTime<chrono::Utc>,
) -> Option<chrono::DateTime<chrono::Utc>> {
    let (status, since) = o.status_at(now);
    status.ends_with("_Delivered").then_some(since)
}

/// Newest first: by delivery time (or order time when not delivered), then by order.
fn newest_first(
    orders: &[Order],
    now: chrono::DateTime<chrono::Utc>,
    keep: impl Fn(&Order) -> bool,
    all: bool,
) -> Vec<&Order> {
    let mut list: Vec<(usize, &Order)> = orders
        .iter()
        .enumerate()
        .filter(|(_, o)| keep(o) && (all || delivered_at(o, now).is_some()))
        .collect();
    list.sort_by_key(|(i, o)| {
        std::cmp::Reverse((delivered_at(o, now).unwrap_or(o.ordered_at), *i))
    });
    list.into_iter().map(|(_, o)| o).collect()
}

/// One SMS as `GET /sim/api/sms?to=` lists it (the shape the e2e tests read).
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SentSms {
    pub to: String,
    pub body: String,
    /// When the order was placed (RFC 3339, milliseconds).
    pub sent_at: String,
    /// The recipient status now, e.g. `SMS_Sending`, `SMS_Delivered`, `SMS_Failed_TTL`.
    pub status: String,
}

impl NotificationsSim {
    /// Every SMS ordered (to `to`, when given), whatever its status, newest order first.
    pub fn sms_sent(&self, to: Option<&str>) -> Vec<SentSms> {
        let now = self.now();
        let want = to.map(testdata::phone_key).filter(|k| !k.is_empty());
        let state = self.lock();
        let mut list: Vec<(usize, &Order)> = state
            .orders
            .iter()
            .enumerate()
            .filter(|(_, o)| match &o.channel {
                Channel::Sms { phone_number, .. } => want
                    .as_ref()
                    .is_none_or(|w| *w == testdata::phone_key(phone_number)),
                Channel::Email { .. } => false,
            })
            .collect();
        list.sort_by_key(|(i, o)| std::cmp::Reverse((o.ordered_at, *i)));
        list.into_iter()
            .filter_map(|(_, o)| match &o.channel {
                Channel::Sms {
                    phone_number, body, ..
                } => Some(SentSms {
                    to: phone_number.clone(),
                    body: body.clone(),
                    sent_at: ts(o.ordered_at),
                    status: o.status_at(now).0.to_owned(),
                }),
                Channel::Email { .. } => None,
            })
            .collect()
    }
}

/// `GET /sim/api/sms?to=+47…`: every SMS to the number, newest first, with its status.
pub(crate) async fn sms_sent_json(
    State(sim): State<NotificationsSim>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let to = q
        .get("to")
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .map(|v| {
            if v.starts_with('+') || v.starts_with("00") {
                v.to_owned()
            } else {
                format!("+{v}")
            }
        });
    no_store(Json(sim.sms_sent(to.as_deref())).into_response())
}

impl NotificationsSim {
    /// Delivered SMS (all SMS with `all`), newest first, optionally for one number
    /// (`+47…`, `0047…` and `47…` match alike).
    pub fn sms_outbox(&self, phone_number: Option<&str>, all: bool) -> Vec<OutboxSms> {
        let now = self.now();
        let want = phone_number
            .map(testdata::phone_key)
            .filter(|k| !k.is_empty());
        let state = self.lock();
        newest_first(
            &state.orders,
            now,
            |o| match &o.channel {
                Channel::Sms { phone_number, .. } => want
                    .as_ref()
                    .is_none_or(|w| *w == testdata::phone_key(phone_number)),
                Channel::Email { .. } => false,
            },
            all,
        )
        .into_iter()
        .filter_map(|o| match &o.channel {
            Channel::Sms {
                phone_number,
                sender,
                body,
                ..
            } => Some(OutboxSms {
                to: phone_number.clone(),
                sender: sender.clone(),
                body: body.clone(),
                ordered_at: ts(o.ordered_at),
                delivered_at: delivered_at(o, now).map(ts),
                shipment_id: o.shipment_id.to_string(),
                status: o.status_at(now).0.to_owned(),
                org: o.org.clone(),
                senders_reference: o.senders_reference.clone(),
            }),
            Channel::Email { .. } => None,
        })
        .collect()
    }

    /// Delivered e-mails (all with `all`), newest first, optionally for one address.
    pub fn email_outbox(&self, address: Option<&str>, all: bool) -> Vec<OutboxEmail> {
        let now = self.now();
        let want = address.map(str::trim).filter(|a| !a.is_empty());
        let state = self.lock();
        newest_first(
            &state.orders,
            now,
            |o| match &o.channel {
                Channel::Email { address, .. } => {
                    want.is_none_or(|w| w.eq_ignore_ascii_case(address))
                }
                Channel::Sms { .. } => false,
            },
            all,
        )
        .into_iter()
        .filter_map(|o| match &o.channel {
            Channel::Email {
                address,
                sender,
                subject,
                body,
                content_type,
            } => Some(OutboxEmail {
                to: address.clone(),
                from: sender.clone(),
                subject: subject.clone(),
                body: body.clone(),
                content_type: content_type.clone(),
                ordered_at: ts(o.ordered_at),
                delivered_at: delivered_at(o, now).map(ts),
                shipment_id: o.shipment_id.to_string(),
                status: o.status_at(now).0.to_owned(),
                org: o.org.clone(),
                senders_reference: o.senders_reference.clone(),
            }),
            Channel::Sms { .. } => None,
        })
        .collect()
    }
}

fn param(q: &HashMap<String, String>, name: &str) -> Option<String> {
    q.get(name)
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// A `+` in a query string decodes to a space; treat a number that lost it as E.164.
fn phone_param(q: &HashMap<String, String>) -> Option<String> {
    q.get("phoneNumber")
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .map(|v| {
            if v.starts_with('+') || v.starts_with("00") {
                v.to_owned()
            } else {
                format!("+{v}")
            }
        })
}

fn all_param(q: &HashMap<String, String>) -> bool {
    param(q, "all").is_some_and(|v| v == "true" || v == "1")
}

fn no_store(mut res: Response) -> Response {
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// `GET /sim/api/sms-outbox?phoneNumber=+47…[&all=true]`
pub(crate) async fn sms_outbox_json(
    State(sim): State<NotificationsSim>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    no_store(Json(sim.sms_outbox(phone_param(&q).as_deref(), all_param(&q))).into_response())
}

/// `GET /sim/api/email-outbox?emailAddress=…[&all=true]`
pub(crate) async fn email_outbox_json(
    State(sim): State<NotificationsSim>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    no_store(
        Json(sim.email_outbox(param(&q, "emailAddress").as_deref(), all_param(&q))).into_response(),
    )
}

/// `GET /sim/api/notifications/test-numbers`
pub(crate) async fn test_numbers() -> Response {
    Json(json!({
        "sms": TEST_PHONE_NUMBERS,
        "email": TEST_EMAIL_ADDRESSES,
        "timing": {
            "acceptedAfterSeconds": testdata::ACCEPTED_AFTER_SECS,
            "deliveredAfterSeconds": testdata::DELIVERED_AFTER_SECS,
            "ttlGraceSeconds": testdata::TTL_GRACE_SECS,
            "feedDelaySeconds": testdata::FEED_DELAY_SECS,
        },
    }))
    .into_response()
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escaped text with line breaks kept.
fn esc_lines(s: &str) -> String {
    esc(s).replace("\r\n", "\n").replace('\n', "<br>")
}

fn page(
    title: &str,
    action: &str,
    field: (&str, &str, &str, &str),
    value: &str,
    summary: &str,
    items: &str,
) -> String {
    let (name, label, input_type, autocomplete) = field;
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title} – Altinn simulator</title>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n\
<p>Messages the simulated Altinn Notifications service has delivered, newest first.</p>\n\
<form method=\"get\" action=\"{action}\" role=\"search\" aria-label=\"Filter messages\">\n\
<label for=\"{name}\">{label}</label>\n\
<input id=\"{name}\" name=\"{name}\" type=\"{input_type}\" autocomplete=\"{autocomplete}\" value=\"{value}\">\n\
<button type=\"submit\">Filter</button>\n</form>\n\
<p role=\"status\">{summary}</p>\n{items}</main>\n</body>\n</html>\n",
        value = esc(value),
    )
}

fn count_summary(n: usize, filter: Option<&str>) -> String {
    let what = if n == 1 {
        "1 message".to_owned()
    } else {
        format!("{n} messages")
    };
    match filter {
        Some(f) => format!("{what} to {}.", esc(f)),
        None => format!("{what}."),
    }
}

fn row(label: &str, value: &str) -> String {
    format!("<tr><th scope=\"row\">{label}</th><td>{value}</td></tr>\n")
}

/// `GET /sim/sms-outbox?phoneNumber=…`
pub(crate) async fn sms_outbox_page(
    State(sim): State<NotificationsSim>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let filter = phone_param(&q);
    let list = sim.sms_outbox(filter.as_deref(), all_param(&q));
    let mut items = String::new();
    for (n, m) in list.iter().enumerate() {
        let when = m.delivered_at.as_deref().unwrap_or(&m.ordered_at);
        items.push_str(&format!(
            "<table>\n<caption>SMS {} to {} from {}</caption>\n<tbody>\n",
            n + 1,
            esc(&m.to),
            esc(&m.sender)
        ));
        items.push_str(&row("To", &esc(&m.to)));
        items.push_str(&row("From", &esc(&m.sender)));
        items.push_str(&row("Message", &esc_lines(&m.body)));
        items.push_str(&row(
            if m.delivered_at.is_some() {
                "Delivered"
            } else {
                "Ordered"
            },
            &format!("<time datetime=\"{0}\">{0}</time>", esc(when)),
        ));
        items.push_str(&row("Status", &esc(&m.status)));
        items.push_str(&row("Service owner", &esc(&m.org)));
        items.push_str(&row("Shipment", &esc(&m.shipment_id)));
        items.push_str("</tbody>\n</table>\n");
    }
    if list.is_empty() {
        items.push_str("<p>No messages.</p>\n");
    }
    let html = page(
        "SMS outbox",
        "/sim/sms-outbox",
        ("phoneNumber", "Phone number", "tel", "tel"),
        filter.as_deref().unwrap_or(""),
        &count_summary(list.len(), filter.as_deref()),
        &items,
    );
    no_store(Html(html).into_response())
}

/// `GET /sim/email-outbox?emailAddress=…`
pub(crate) async fn email_outbox_page(
    State(sim): State<NotificationsSim>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let filter = param(&q, "emailAddress");
    let list = sim.email_outbox(filter.as_deref(), all_param(&q));
    let mut items = String::new();
    for (n, m) in list.iter().enumerate() {
        let when = m.delivered_at.as_deref().unwrap_or(&m.ordered_at);
        items.push_str(&format!(
            "<table>\n<caption>E-mail {} to {}: {}</caption>\n<tbody>\n",
            n + 1,
            esc(&m.to),
            esc(&m.subject)
        ));
        items.push_str(&row("To", &esc(&m.to)));
        items.push_str(&row("From", &esc(&m.from)));
        items.push_str(&row("Subject", &esc(&m.subject)));
        // HTML bodies are shown as text: the page must not run what a sender wrote.
        items.push_str(&row("Message", &esc_lines(&m.body)));
        items.push_str(&row(
            if m.delivered_at.is_some() {
                "Delivered"
            } else {
                "Ordered"
            },
            &format!("<time datetime=\"{0}\">{0}</time>", esc(when)),
        ));
        items.push_str(&row("Status", &esc(&m.status)));
        items.push_str(&row("Service owner", &esc(&m.org)));
        items.push_str(&row("Shipment", &esc(&m.shipment_id)));
        items.push_str("</tbody>\n</table>\n");
    }
    if list.is_empty() {
        items.push_str("<p>No messages.</p>\n");
    }
    let html = page(
        "E-mail outbox",
        "/sim/email-outbox",
        ("emailAddress", "E-mail address", "email", "email"),
        filter.as_deref().unwrap_or(""),
        &count_summary(list.len(), filter.as_deref()),
        &items,
    );
    no_store(Html(html).into_response())
}
