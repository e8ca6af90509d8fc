//! The state of an inbox search, as it lives in the URL, and the Dialogporten query it means.
//!
//! A view ([`InboxView`]) is the route; everything else (parties, free text, filters, sort,
//! page size) is in the query string ([`SearchState`]). Reading a query string and writing
//! it back gives the same string, so back/forward, reload and bookmarks restore the exact
//! list. Plain Rust (no Leptos), tested natively.

use altinn::search::{percent_decode, percent_encode};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};

use crate::api::wire::{DialogSearchQuery, DialogStatus, PartyUrn, SystemLabel};
use crate::i18n::Key;
use altinn::{OrderBy, OrderDirection, OrderKey};

/// Shortest free text Dialogporten searches for.
pub const MIN_SEARCH_CHARS: usize = 3;
/// Dialogporten's cap on parties per search: larger choices are paged in chunks of this.
pub const PARTY_CHUNK: usize = 100;
/// Dialogs per page unless the URL says otherwise.
pub const DEFAULT_PAGE_SIZE: i32 = 50;

/// A folder-like view of the inbox; each is a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InboxView {
    /// System label Default.
    Inbox,
    /// Status Draft.
    Drafts,
    /// System label Sent.
    Sent,
    /// System label Archive.
    Archive,
    /// System label Bin.
    Bin,
}

impl InboxView {
    /// Every view, in navigation order.
    pub const ALL: [InboxView; 5] = [
        InboxView::Inbox,
        InboxView::Drafts,
        InboxView::Sent,
        InboxView::Archive,
        InboxView::Bin,
    ];

    /// The route of the view.
    pub fn path(self) -> &'static str {
        match self {
            InboxView::Inbox => "/inbox",
            InboxView::Drafts => "/drafts",
            InboxView::Sent => "/sent",
            InboxView::Archive => "/archive",
            InboxView::Bin => "/bin",
        }
    }

    /// The view a path shows, if any.
    pub fn from_path(path: &str) -> Option<InboxView> {
        let path = path.trim_end_matches('/');
        InboxView::ALL.into_iter().find(|view| view.path() == path)
    }

    /// The view's name (navigation link and heading).
    pub fn key(self) -> Key {
        match self {
            InboxView::Inbox => Key::Inbox,
            InboxView::Drafts => Key::Drafts,
            InboxView::Sent => Key::Sent,
            InboxView::Archive => Key::Archive,
            InboxView::Bin => Key::Bin,
        }
    }

    /// The folder label the view lists, when it is one.
    pub fn folder(self) -> Option<SystemLabel> {
        match self {
            InboxView::Inbox => Some(SystemLabel::Default),
            InboxView::Archive => Some(SystemLabel::Archive),
            InboxView::Bin => Some(SystemLabel::Bin),
            InboxView::Drafts | InboxView::Sent => None,
        }
    }
}

/// Whose dialogs to search.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum PartyScope {
    /// None chosen: the user's own party.
    #[default]
    Default,
    /// The parties named in the URL (`party=…`, repeated).
    Parties(Vec<String>),
    /// Every organisation (`all=organisations`), `chunk` (0-based) of [`PARTY_CHUNK`].
    AllOrganisations { chunk: usize },
    /// Every person (`all=persons`), `chunk` (0-based) of [`PARTY_CHUNK`].
    AllPersons { chunk: usize },
}

/// The read-status filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ReadFilter {
    #[default]
    All,
    Unread,
    Read,
}

impl ReadFilter {
    pub const ALL: [ReadFilter; 3] = [ReadFilter::All, ReadFilter::Unread, ReadFilter::Read];

    /// The URL value (empty for the default).
    pub fn as_str(self) -> &'static str {
        match self {
            ReadFilter::All => "",
            ReadFilter::Unread => "unread",
            ReadFilter::Read => "read",
        }
    }

    pub fn parse(value: &str) -> ReadFilter {
        match value {
            "unread" => ReadFilter::Unread,
            "read" => ReadFilter::Read,
            _ => ReadFilter::All,
        }
    }

    pub fn key(self) -> Key {
        match self {
            ReadFilter::All => Key::FilterReadAll,
            ReadFilter::Unread => Key::FilterUnread,
            ReadFilter::Read => Key::FilterRead,
        }
    }
}

/// The "Updated" filter: a preset or a custom range of local dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum UpdatedFilter {
    #[default]
    Any,
    Today,
    Last7Days,
    Last30Days,
    Last12Months,
    Custom,
}

impl UpdatedFilter {
    pub const ALL: [UpdatedFilter; 6] = [
        UpdatedFilter::Any,
        UpdatedFilter::Today,
        UpdatedFilter::Last7Days,
        UpdatedFilter::Last30Days,
        UpdatedFilter::Last12Months,
        UpdatedFilter::Custom,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            UpdatedFilter::Any => "",
            UpdatedFilter::Today => "today",
            UpdatedFilter::Last7Days => "7d",
            UpdatedFilter::Last30Days => "30d",
            UpdatedFilter::Last12Months => "12m",
            UpdatedFilter::Custom => "custom",
        }
    }

    pub fn parse(value: &str) -> UpdatedFilter {
        UpdatedFilter::ALL
            .into_iter()
            .find(|f| !value.is_empty() && f.as_str() == value)
            .unwrap_or_default()
    }

    pub fn key(self) -> Key {
        match self {
            UpdatedFilter::Any => Key::UpdatedAny,
            UpdatedFilter::Today => Key::UpdatedToday,
            UpdatedFilter::Last7Days => Key::UpdatedLast7Days,
            UpdatedFilter::Last30Days => Key::UpdatedLast30Days,
            UpdatedFilter::Last12Months => Key::UpdatedLast12Months,
            UpdatedFilter::Custom => Key::UpdatedCustom,
        }
    }
}

/// The sort order the user may choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortChoice {
    /// Content updated, newest first.
    #[default]
    ContentUpdated,
    /// Created, newest first.
    Created,
    /// Due date, soonest first.
    Due,
}

impl SortChoice {
    pub const ALL: [SortChoice; 3] = [
        SortChoice::ContentUpdated,
        SortChoice::Created,
        SortChoice::Due,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SortChoice::ContentUpdated => "",
            SortChoice::Created => "created",
            SortChoice::Due => "due",
        }
    }

    pub fn parse(value: &str) -> SortChoice {
        match value {
            "created" => SortChoice::Created,
            "due" => SortChoice::Due,
            _ => SortChoice::ContentUpdated,
        }
    }

    pub fn key(self) -> Key {
        match self {
            SortChoice::ContentUpdated => Key::SortContentUpdated,
            SortChoice::Created => Key::SortCreated,
            SortChoice::Due => Key::SortDue,
        }
    }

    /// The `orderBy` sent with every page.
    pub fn order_by(self) -> OrderBy {
        let term = match self {
            SortChoice::ContentUpdated => (OrderKey::ContentUpdatedAt, OrderDirection::Desc),
            SortChoice::Created => (OrderKey::CreatedAt, OrderDirection::Desc),
            SortChoice::Due => (OrderKey::DueAt, OrderDirection::Asc),
        };
        OrderBy::new([term]).unwrap_or_default()
    }
}

/// Every status a dialog may have, in the order the filter lists them.
pub const STATUSES: [DialogStatus; 6] = [
    DialogStatus::RequiresAttention,
    DialogStatus::InProgress,
    DialogStatus::Awaiting,
    DialogStatus::Draft,
    DialogStatus::Completed,
    DialogStatus::NotApplicable,
];

/// Everything about a search that the URL holds (the view is the route).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SearchState {
    pub parties: PartyScope,
    /// Free text as typed (sent only when at least [`MIN_SEARCH_CHARS`] long).
    pub search: String,
    pub status: Vec<DialogStatus>,
    /// Service owner codes.
    pub org: Vec<String>,
    /// Service resource URNs.
    pub service: Vec<String>,
    pub read: ReadFilter,
    pub updated: UpdatedFilter,
    /// Custom range, local dates (inclusive).
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub sort: SortChoice,
    /// Page size, when the URL sets one (1–1000).
    pub limit: Option<i32>,
}

impl SearchState {
    /// Reads a raw query string (with or without `?`). Unknown keys and bad values are ignored.
    pub fn from_query_string(query: &str) -> SearchState {
        let query = query.trim_start_matches('?');
        let mut state = SearchState::default();
        let mut parties = Vec::new();
        let mut all = None::<String>;
        let mut chunk = 0usize;
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            match percent_decode(key).as_str() {
                "party" if !value.is_empty() => parties.push(value),
                "all" => all = Some(value),
                "partyPage" => {
                    chunk = value.parse::<usize>().unwrap_or(1).saturating_sub(1);
                }
                "search" => state.search = value,
                "status" => match DialogStatus::from_wire(&value) {
                    DialogStatus::Unknown(_) => {}
                    status if !state.status.contains(&status) => state.status.push(status),
                    _ => {}
                },
                "org" if !value.is_empty() && !state.org.contains(&value) => state.org.push(value),
                "service" if !value.is_empty() && !state.service.contains(&value) => {
                    state.service.push(value)
                }
                "read" => state.read = ReadFilter::parse(&value),
                "updated" => state.updated = UpdatedFilter::parse(&value),
                "from" => state.from = crate::format::parse_ymd(&value),
                "to" => state.to = crate::format::parse_ymd(&value),
                "sort" => state.sort = SortChoice::parse(&value),
                "limit" => {
                    state.limit = value.parse::<i32>().ok().filter(|n| (1..=1000).contains(n))
                }
                _ => {}
            }
        }
        state.parties = match all.as_deref() {
            Some("organisations") => PartyScope::AllOrganisations { chunk },
            Some("persons") => PartyScope::AllPersons { chunk },
            _ if !parties.is_empty() => PartyScope::Parties(parties),
            _ => PartyScope::Default,
        };
        if state.updated != UpdatedFilter::Custom {
            state.from = None;
            state.to = None;
        }
        state
    }

    /// The query string (without `?`) in a fixed order; defaults are left out.
    pub fn to_query_string(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        match &self.parties {
            PartyScope::Default => {}
            PartyScope::Parties(urns) => {
                pairs.extend(urns.iter().map(|urn| ("party", urn.clone())));
            }
            PartyScope::AllOrganisations { chunk } | PartyScope::AllPersons { chunk } => {
                let all = if matches!(self.parties, PartyScope::AllOrganisations { .. }) {
                    "organisations"
                } else {
                    "persons"
                };
                pairs.push(("all", all.to_owned()));
                if *chunk > 0 {
                    pairs.push(("partyPage", (chunk + 1).to_string()));
                }
            }
        }
        if !self.search.is_empty() {
            pairs.push(("search", self.search.clone()));
        }
        pairs.extend(
            self.status
                .iter()
                .map(|s| ("status", s.as_str().to_owned())),
        );
        pairs.extend(self.org.iter().map(|o| ("org", o.clone())));
        pairs.extend(self.service.iter().map(|s| ("service", s.clone())));
        for (key, value) in [
            ("read", self.read.as_str()),
            ("updated", self.updated.as_str()),
        ] {
            if !value.is_empty() {
                pairs.push((key, value.to_owned()));
            }
        }
        if self.updated == UpdatedFilter::Custom {
            if let Some(from) = self.from {
                pairs.push(("from", from.to_string()));
            }
            if let Some(to) = self.to {
                pairs.push(("to", to.to_string()));
            }
        }
        if !self.sort.as_str().is_empty() {
            pairs.push(("sort", self.sort.as_str().to_owned()));
        }
        if let Some(limit) = self.limit {
            pairs.push(("limit", limit.to_string()));
        }
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", percent_encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The address of `view` with this search.
    pub fn href(&self, view: InboxView) -> String {
        let query = self.to_query_string();
        if query.is_empty() {
            view.path().to_owned()
        } else {
            format!("{}?{query}", view.path())
        }
    }

    /// The same search with only the parties kept (what a party switch or a view link keeps).
    pub fn parties_only(&self) -> SearchState {
        SearchState {
            parties: self.parties.clone(),
            limit: self.limit,
            ..SearchState::default()
        }
    }

    /// True when any filter or free text narrows the list (parties and sort aside).
    pub fn is_filtered(&self) -> bool {
        self.search_text().is_some()
            || !self.status.is_empty()
            || !self.org.is_empty()
            || !self.service.is_empty()
            || self.read != ReadFilter::All
            || self.updated != UpdatedFilter::Any
    }

    /// The free text to send, when long enough.
    pub fn search_text(&self) -> Option<&str> {
        let text = self.search.trim();
        (text.chars().count() >= MIN_SEARCH_CHARS).then_some(text)
    }

    /// The Dialogporten query for the first page of `view` over `parties`; `now` fixes what
    /// "today" means (the user's local time zone).
    pub fn to_dialog_query<Tz: TimeZone>(
        &self,
        view: InboxView,
        parties: &[String],
        lang_code: &str,
        now: &DateTime<Tz>,
    ) -> DialogSearchQuery {
        let mut query = DialogSearchQuery {
            party: parties.iter().map(|p| PartyUrn::parse_lenient(p)).collect(),
            status: self.status.clone(),
            org: self.org.clone(),
            service_resource: self.service.clone(),
            order_by: Some(self.sort.order_by()),
            limit: Some(self.limit.unwrap_or(DEFAULT_PAGE_SIZE)),
            ..DialogSearchQuery::default()
        };
        match view {
            InboxView::Drafts => query.status = vec![DialogStatus::Draft],
            InboxView::Sent => query.system_label = vec![SystemLabel::Sent],
            _ => query.system_label = view.folder().into_iter().collect(),
        }
        if let Some(text) = self.search_text() {
            query.search = Some(text.to_owned());
            query.search_language_code = Some(lang_code.to_owned());
        }
        query.is_content_seen = match self.read {
            ReadFilter::All => None,
            ReadFilter::Unread => Some(false),
            ReadFilter::Read => Some(true),
        };
        let (after, before) = self.updated_range(now);
        query.content_updated_after = after;
        query.content_updated_before = before;
        query
    }

    /// The content-updated range the "Updated" filter means, in UTC.
    pub fn updated_range<Tz: TimeZone>(
        &self,
        now: &DateTime<Tz>,
    ) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
        let today = now.date_naive();
        let start_of = |day: NaiveDate| local_to_utc(&now.timezone(), day, NaiveTime::MIN);
        match self.updated {
            UpdatedFilter::Any => (None, None),
            UpdatedFilter::Today => (start_of(today), None),
            UpdatedFilter::Last7Days => (start_of(today - Duration::days(6)), None),
            UpdatedFilter::Last30Days => (start_of(today - Duration::days(29)), None),
            UpdatedFilter::Last12Months => (
                start_of(
                    today
                        .checked_sub_months(chrono::Months::new(12))
                        .unwrap_or(today),
                ),
                None,
            ),
            UpdatedFilter::Custom => (
                self.from.and_then(start_of),
                self.to
                    .and_then(|to| to.succ_opt())
                    .and_then(start_of)
                    .map(|end| end - Duration::seconds(1)),
            ),
        }
    }
}

fn local_to_utc<Tz: TimeZone>(tz: &Tz, day: NaiveDate, time: NaiveTime) -> Option<DateTime<Utc>> {
    tz.from_local_datetime(&day.and_time(time))
        .earliest()
        .map(|at| at.with_timezone(&Utc))
}

/// The query for the page after `first`: the same search with the continuation token.
pub fn next_page_query(first: &DialogSearchQuery, token: &str) -> DialogSearchQuery {
    DialogSearchQuery {
        continuation_token: Some(token.to_owned()),
        ..first.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn query_strings_round_trip() {
        let cases = [
            "",
            "party=urn%3Aaltinn%3Aperson%3Aidentifier-no%3A12038300000",
            "party=a&party=b&search=skatt%20og%20avgift&status=InProgress&status=Draft&org=skd&org=nav&service=urn%3Aaltinn%3Aresource%3Askd-mva&read=unread&updated=7d&sort=created&limit=20",
            "all=organisations&partyPage=3&updated=custom&from=2026-01-01&to=2026-02-28&sort=due",
            "all=persons",
        ];
        for case in cases {
            let state = SearchState::from_query_string(case);
            assert_eq!(state.to_query_string(), case, "{case}");
            assert_eq!(
                SearchState::from_query_string(&state.to_query_string()),
                state
            );
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn bad_values_are_ignored() {
        let state = SearchState::from_query_string(
            "?status=Nope&limit=0&read=maybe&updated=soon&from=2026-01-01&sort=x&junk=1",
        );
        assert_eq!(state, SearchState::default());
        let state = SearchState::from_query_string("all=organisations&partyPage=2");
        assert_eq!(state.parties, PartyScope::AllOrganisations { chunk: 1 });
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn the_query_follows_view_filters_and_language() {
        let state = SearchState::from_query_string(
            "search=ab&status=Completed&read=read&sort=due&limit=20",
        );
        let now = FixedOffset::east_opt(3600)
            .unwrap()
            .with_ymd_and_hms(2026, 3, 10, 0, 30, 0)
            .unwrap();
        let parties = vec!["urn:altinn:person:identifier-no:12038300000".to_owned()];
        let q = state.to_dialog_query(InboxView::Archive, &parties, "nb", &now);
        assert_eq!(q.system_label, vec![SystemLabel::Archive]);
        assert_eq!(q.search, None, "two characters are not searched");
        assert_eq!(q.is_content_seen, Some(true));
        assert_eq!(q.status, vec![DialogStatus::Completed]);
        assert_eq!(q.limit, Some(20));
        assert_eq!(q.order_by.unwrap().to_string(), "dueat_asc,id_desc");

        let state = SearchState::from_query_string("search=skatt&updated=today&status=Completed");
        let q = state.to_dialog_query(InboxView::Drafts, &parties, "en", &now);
        assert_eq!(q.search.as_deref(), Some("skatt"));
        assert_eq!(q.search_language_code.as_deref(), Some("en"));
        assert_eq!(q.status, vec![DialogStatus::Draft]);
        assert!(q.system_label.is_empty());
        // Local midnight at UTC+1 is 23:00 the day before in UTC.
        assert_eq!(
            q.content_updated_after.unwrap().to_rfc3339(),
            "2026-03-09T23:00:00+00:00"
        );
        let next = next_page_query(&q, "tok");
        assert_eq!(next.order_by, q.order_by);
        assert_eq!(next.continuation_token.as_deref(), Some("tok"));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn custom_range_covers_whole_days() {
        let state = SearchState::from_query_string("updated=custom&from=2026-01-01&to=2026-01-31");
        let now = Utc.with_ymd_and_hms(2026, 3, 10, 12, 0, 0).unwrap();
        let (after, before) = state.updated_range(&now);
        assert_eq!(after.unwrap().to_rfc3339(), "2026-01-01T00:00:00+00:00");
        assert_eq!(before.unwrap().to_rfc3339(), "2026-01-31T23:59:59+00:00");
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn views_have_paths() {
        for view in InboxView::ALL {
            assert_eq!(InboxView::from_path(view.path()), Some(view));
        }
        assert_eq!(InboxView::from_path("/inbox/"), Some(InboxView::Inbox));
        assert_eq!(InboxView::from_path("/inbox/123"), None);
    }
}
