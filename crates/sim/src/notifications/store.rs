//! The simulator's state: orders, their computed status timelines, the status feed.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::clock::{Clock, SystemClock};
use super::testdata::{self, FEED_DELAY_SECS, Timeline};

/// Claims of a verified bearer token, as a JSON object.
pub type Claims = Map<String, Value>;
/// Verifies a bearer token (signature, and `exp`/`nbf` against the second argument, the
/// simulator clock's "now" in unix seconds) and returns its claims, or `None` when the token
/// is not acceptable. The simulator itself also rejects a token whose `exp` has passed.
pub type VerifyFn = Arc<dyn Fn(&str, i64) -> Option<Claims> + Send + Sync>;
/// Signs a claims object into a compact JWT (used by the token generator).
pub type SignFn = Arc<dyn Fn(&Claims) -> String + Send + Sync>;

/// The scope the order, shipment and feed endpoints require.
pub const REQUIRED_SCOPE: &str = "altinn:serviceowner/notifications.create";
/// The claim that names the calling service owner.
pub const ORG_CLAIM: &str = "urn:altinn:org";
/// Default issuer of minted enterprise tokens (the TT02 Altinn authentication issuer).
pub const DEFAULT_ISSUER: &str = "https://platform.tt02.altinn.no/authentication/api/v1/openid/";

#[derive(Clone)]
pub(crate) struct Settings {
    pub public_base_url: String,
    pub issuer: String,
    pub token_user: String,
    pub token_password: String,
}

/// The Notifications simulator. Cheap to clone; all clones share one state.
#[derive(Clone)]
pub struct NotificationsSim {
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) verify: VerifyFn,
    pub(crate) sign: Option<SignFn>,
    pub(crate) settings: Arc<Settings>,
    state: Arc<Mutex<State>>,
}

impl NotificationsSim {
    /// A simulator on the wall clock. `seed` makes ids deterministic; `verify` checks bearer
    /// tokens (plug in the simulator's JWT verification). Token generator credentials default
    /// to `sim`/`sim`; minting tokens needs [`NotificationsSim::with_signer`].
    pub fn new(seed: u64, verify: VerifyFn) -> Self {
        Self {
            clock: Arc::new(SystemClock),
            verify,
            sign: None,
            settings: Arc::new(Settings {
                public_base_url: String::new(),
                issuer: DEFAULT_ISSUER.to_owned(),
                token_user: "sim".to_owned(),
                token_password: "sim".to_owned(),
            }),
            state: Arc::new(Mutex::new(State::new(seed))),
        }
    }

    /// A simulator whose tokens are EdDSA JWTs from the simulator's JWT module: bearer tokens
    /// are verified with, and `GetEnterpriseToken` signs with, `Keys::from_seed(seed,
    /// "altinn-platform")` (the key the simulated Altinn authentication would use).
    pub fn from_seed(seed: u64) -> Self {
        Self::with_keys(seed, crate::jwt::Keys::from_seed(seed, "altinn-platform"))
    }

    /// Like [`NotificationsSim::from_seed`] with a given key pair.
    pub fn with_keys(seed: u64, keys: crate::jwt::Keys) -> Self {
        let verifier = keys.clone();
        let verify: VerifyFn =
            Arc::new(
                move |token: &str, now: i64| match verifier.verify(token, now) {
                    Ok(Value::Object(claims)) => Some(claims),
                    _ => None,
                },
            );
        let sign: SignFn =
            Arc::new(move |claims: &Claims| keys.sign(&Value::Object(claims.clone())));
        Self::new(seed, verify).with_signer(sign)
    }

    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// The JWT signing function used by `GET /sim/token-generator/GetEnterpriseToken`.
    pub fn with_signer(mut self, sign: SignFn) -> Self {
        self.sign = Some(sign);
        self
    }

    /// Basic-auth credentials of the token generator (default `sim`/`sim`).
    pub fn with_token_generator_credentials(
        mut self,
        user: impl Into<String>,
        password: impl Into<String>,
    ) -> Self {
        let s = Arc::make_mut(&mut self.settings);
        s.token_user = user.into();
        s.token_password = password.into();
        self
    }

    /// `iss` of minted tokens (default [`DEFAULT_ISSUER`]).
    pub fn with_issuer(mut self, issuer: impl Into<String>) -> Self {
        Arc::make_mut(&mut self.settings).issuer = issuer.into();
        self
    }

    /// Base of the `Location` header of created orders, e.g. `http://127.0.0.1:8080`.
    pub fn with_public_base_url(mut self, url: impl Into<String>) -> Self {
        Arc::make_mut(&mut self.settings).public_base_url =
            url.into().trim_end_matches('/').to_owned();
        self
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

pub(crate) fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// splitmix64: deterministic ids from the seed.
pub(crate) struct Rng(u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn uuid(&mut self) -> Uuid {
        let mut b = [0u8; 16];
        b[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        b[8..].copy_from_slice(&self.next_u64().to_le_bytes());
        uuid::Builder::from_random_bytes(b).into_uuid()
    }

    /// W3C trace id, as ASP.NET puts it in ProblemDetails.
    pub fn trace_id(&mut self) -> String {
        format!(
            "00-{:016x}{:016x}-{:016x}-00",
            self.next_u64(),
            self.next_u64(),
            self.next_u64()
        )
    }
}

#[derive(Clone, Debug)]
pub(crate) enum Channel {
    Sms {
        phone_number: String,
        sender: String,
        body: String,
        ttl_secs: i64,
    },
    Email {
        address: String,
        sender: String,
        subject: String,
        body: String,
        content_type: String,
    },
}

pub(crate) struct Order {
    pub org: String,
    pub shipment_id: Uuid,
    pub senders_reference: Option<String>,
    pub ordered_at: DateTime<Utc>,
    pub channel: Channel,
    pub timeline: Timeline,
    /// The 201 body, answered again (with 200) for a repeated idempotencyId.
    pub response: Value,
    pub feed_seq: Option<i64>,
}

impl Order {
    /// (status, since) at `now`.
    pub fn status_at(&self, now: DateTime<Utc>) -> (&'static str, DateTime<Utc>) {
        let elapsed = now - self.ordered_at;
        let mut cur = self.timeline[0];
        for step in &self.timeline {
            if step.0 <= elapsed {
                cur = *step;
            }
        }
        (cur.1, self.ordered_at + cur.0)
    }

    pub fn final_at(&self) -> DateTime<Utc> {
        self.ordered_at + self.timeline.last().map_or(Duration::zero(), |s| s.0)
    }

    pub fn is_final(&self, now: DateTime<Utc>) -> bool {
        self.final_at() <= now
    }

    pub fn destination(&self) -> &str {
        match &self.channel {
            Channel::Sms { phone_number, .. } => phone_number,
            Channel::Email { address, .. } => address,
        }
    }

    pub fn recipient_type(&self) -> &'static str {
        match self.channel {
            Channel::Sms { .. } => "SMS",
            Channel::Email { .. } => "Email",
        }
    }

    /// Body of `GET /future/shipment/{id}`.
    pub fn shipment_json(&self, now: DateTime<Utc>) -> Value {
        let (status, since) = self.status_at(now);
        let (order_status, order_update) = if self.is_final(now) {
            ("Order_Completed", self.final_at())
        } else {
            ("Order_Processed", self.ordered_at)
        };
        let mut v = json!({
            "shipmentId": self.shipment_id,
            "type": "Instant",
            "status": order_status,
            "lastUpdate": ts(order_update),
            "recipients": [{
                "type": self.recipient_type(),
                "destination": self.destination(),
                "status": status,
                "lastUpdate": ts(since),
            }],
        });
        if let Some(r) = &self.senders_reference {
            v["sendersReference"] = Value::String(r.clone());
        }
        v
    }

    /// One entry of the status feed (only for final orders).
    pub fn feed_json(&self, seq: i64) -> Value {
        let final_at = self.final_at();
        let status = self.timeline.last().map_or("", |s| s.1);
        let mut v = json!({
            "sequenceNumber": seq,
            "shipmentId": self.shipment_id,
            "recipients": [{ "destination": self.destination(), "status": status, "lastUpdate": ts(final_at) }],
            "status": "Order_Completed",
            "lastUpdate": ts(final_at),
            "shipmentType": "Instant",
        });
        if let Some(r) = &self.senders_reference {
            v["sendersReference"] = Value::String(r.clone());
        }
        v
    }
}

pub(crate) enum Created {
    /// Same org and idempotencyId seen before: the original body.
    Existing(Value),
    New {
        response: Value,
        order_id: Uuid,
    },
    /// The simulated internal SMS/e-mail service is down (test recipient).
    Unavailable,
}

pub(crate) struct State {
    pub rng: Rng,
    pub orders: Vec<Order>,
    idempotency: HashMap<(String, String), usize>,
    shipments: HashMap<Uuid, usize>,
    /// Indices into `orders`, in sequence-number order.
    pub feed: Vec<usize>,
    next_seq: i64,
}

impl State {
    fn new(seed: u64) -> Self {
        Self {
            rng: Rng(seed ^ 0x6E6F_7469_6669_6361),
            orders: Vec::new(),
            idempotency: HashMap::new(),
            shipments: HashMap::new(),
            feed: Vec::new(),
            next_seq: 1,
        }
    }

    pub fn create(
        &mut self,
        org: &str,
        idempotency_id: &str,
        senders_reference: Option<String>,
        channel: Channel,
        now: DateTime<Utc>,
    ) -> Created {
        let key = (org.to_owned(), idempotency_id.to_owned());
        if let Some(&i) = self.idempotency.get(&key) {
            return Created::Existing(self.orders[i].response.clone());
        }
        let (unavailable, timeline) = match &channel {
            Channel::Sms {
                phone_number,
                ttl_secs,
                ..
            } => (
                testdata::sms_unavailable(phone_number),
                testdata::sms_timeline(phone_number, *ttl_secs),
            ),
            Channel::Email { address, .. } => (
                testdata::email_unavailable(address),
                testdata::email_timeline(address),
            ),
        };
        if unavailable {
            return Created::Unavailable;
        }
        let order_id = self.rng.uuid();
        let shipment_id = self.rng.uuid();
        let mut notification = json!({ "shipmentId": shipment_id });
        if let Some(r) = &senders_reference {
            notification["sendersReference"] = Value::String(r.clone());
        }
        let response = json!({ "notificationOrderId": order_id, "notification": notification });
        let idx = self.orders.len();
        self.orders.push(Order {
            org: org.to_owned(),
            shipment_id,
            senders_reference,
            ordered_at: now,
            channel,
            timeline,
            response: response.clone(),
            feed_seq: None,
        });
        self.idempotency.insert(key, idx);
        self.shipments.insert(shipment_id, idx);
        Created::New { response, order_id }
    }

    pub fn shipment(&self, org: &str, id: Uuid) -> Option<&Order> {
        self.shipments
            .get(&id)
            .map(|&i| &self.orders[i])
            .filter(|o| o.org == org)
    }

    /// Gives every order that has become final by `now` its sequence number, in the order in
    /// which they became final (like rows inserted into the feed table).
    pub fn sync_feed(&mut self, now: DateTime<Utc>) {
        let mut newly: Vec<usize> = (0..self.orders.len())
            .filter(|&i| self.orders[i].feed_seq.is_none() && self.orders[i].is_final(now))
            .collect();
        newly.sort_by_key(|&i| (self.orders[i].final_at(), i));
        for i in newly {
            self.orders[i].feed_seq = Some(self.next_seq);
            self.next_seq += 1;
            self.feed.push(i);
        }
    }

    /// The caller's visible feed entries (final > 2 s ago, at most 90 days old), by sequence.
    pub fn feed_page(
        &mut self,
        org: &str,
        seq: i64,
        page_size: usize,
        desc: bool,
        now: DateTime<Utc>,
    ) -> Vec<Value> {
        self.sync_feed(now);
        let visible_before = now - Duration::seconds(FEED_DELAY_SECS);
        let oldest = now - Duration::days(90);
        let entries = self.feed.iter().map(|&i| &self.orders[i]).filter(|o| {
            let f = o.final_at();
            o.org == org && f <= visible_before && f > oldest
        });
        let pick = |o: &&Order| -> bool {
            let s = o.feed_seq.unwrap_or_default();
            if desc { seq == 0 || s < seq } else { s > seq }
        };
        let list: Vec<&Order> = if desc {
            entries.rev().filter(pick).take(page_size).collect()
        } else {
            entries.filter(pick).take(page_size).collect()
        };
        list.into_iter()
            .map(|o| o.feed_json(o.feed_seq.unwrap_or_default()))
            .collect()
    }
}
