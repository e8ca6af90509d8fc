//! The reference examples and the cleaned fixtures deserialize into the right types.
//!
//! `reference/` holds byte-for-byte copies of the upstream examples (scrubbed:
//! invalid dates, numeric labels); `fixtures/` holds cleaned copies (see its
//! README.md) that deserialize completely.

use std::path::PathBuf;

use altinn::notifications::{EmailContentType, InstantEmailOrderRequest, InstantSmsOrderRequest};
use altinn::*;
use serde::de::DeserializeOwned;
use uuid::Uuid;

fn read(rel: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.trim_start_matches('\u{feff}').to_owned()
}

fn parse<T: DeserializeOwned>(rel: &str) -> T {
    let text = read(rel);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn raw(name: &str) -> serde_json::Value {
    parse(&format!("reference/dialogporten-examples/{name}"))
}

fn fixture<T: DeserializeOwned>(name: &str) -> T {
    parse(&format!("fixtures/{name}"))
}

/// Re-serializing a parsed fixture and parsing again gives the same value.
fn round_trips<T: DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug>(v: &T) {
    let again: T = serde_json::from_str(&serde_json::to_string(v).unwrap()).unwrap();
    assert_eq!(&again, v);
}

const RAW_FILES: &[&str] = &[
    "activities-list.json",
    "dialog-details.enduser.json",
    "error-403-auth-level.json",
    "error-404.json",
    "error-410.json",
    "labellog-list.json",
    "parties.json",
    "seenlog-list.json",
    "transmission-details.json",
    "transmissions-list.json",
];

#[test]
fn every_raw_example_is_json_and_listed() {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/reference/dialogporten-examples");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    on_disk.sort();
    assert_eq!(on_disk, RAW_FILES, "a new example needs a test");
    for f in RAW_FILES {
        let _ = raw(f);
    }
}

#[test]
fn raw_parties_and_errors_deserialize_as_is() {
    let p: Parties = parse("reference/dialogporten-examples/parties.json");
    assert_eq!(p.authorized_parties.len(), 3);
    for (file, status, title, key) in [
        ("error-403-auth-level.json", 403, "Forbidden.", "Forbidden"),
        ("error-404.json", 404, "Resource not found.", "DialogEntity"),
        (
            "error-410.json",
            410,
            "Resource no longer available.",
            "DialogEntity",
        ),
    ] {
        let e: ProblemDetails = parse(&format!("reference/dialogporten-examples/{file}"));
        assert_eq!(e.status, Some(status), "{file}");
        assert_eq!(e.title.as_deref(), Some(title));
        assert_eq!(e.errors[key].len(), 1);
        assert_eq!(
            ProblemDetails::for_status(status).problem_type,
            e.problem_type,
            "{file}"
        );
        assert_eq!(
            e.instance.as_deref(),
            Some("/api/v1/enduser/dialogs/00000000-0000-0000-0000-000000000000")
        );
        round_trips(&e);
    }
    let e: ProblemDetails = parse("reference/dialogporten-examples/error-403-auth-level.json");
    assert_eq!(
        e.errors["Forbidden"],
        ["Altinn authentication level too low."]
    );
}

/// The unscrubbed parts of the raw snapshots deserialize on their own.
#[test]
fn raw_unscrubbed_parts_deserialize() {
    let d = raw("dialog-details.enduser.json");
    let content: DialogContent = serde_json::from_value(d["content"].clone()).unwrap();
    assert_eq!(
        content.title.best("nb"),
        Some("Skjema for rapportering av et eller annet")
    );
    let gui: Vec<DialogGuiAction> = serde_json::from_value(d["guiActions"].clone()).unwrap();
    assert_eq!(gui.len(), 2);
    let api: Vec<DialogApiAction> = serde_json::from_value(d["apiActions"].clone()).unwrap();
    assert_eq!(api[0].endpoints.len(), 2);
    assert!(
        serde_json::from_value::<Vec<DialogSeenLog>>(d["seenSinceLastUpdate"].clone()).is_err(),
        "seenAt is scrubbed, so the entries must not parse"
    );
    // ...but the actor in them does.
    let seen_by: Actor =
        serde_json::from_value(d["seenSinceLastUpdate"][0]["seenBy"].clone()).unwrap();
    assert_eq!(seen_by.actor_name.as_deref(), Some("LITTERATUR UROMANTISK"));
    let status: DialogStatus = serde_json::from_value(d["status"].clone()).unwrap();
    assert_eq!(status, DialogStatus::NotApplicable);
    let party: PartyUrn = serde_json::from_value(d["party"].clone()).unwrap();
    assert_eq!(party.ssn(), Some("08844397713"));
    for t in d["transmissions"].as_array().unwrap() {
        let _: DialogTransmissionContent = serde_json::from_value(t["content"].clone()).unwrap();
        let _: Actor = serde_json::from_value(t["sender"].clone()).unwrap();
    }
    for a in d["activities"].as_array().unwrap() {
        let _: Actor = serde_json::from_value(a["performedBy"].clone()).unwrap();
        let _: DialogActivityType = serde_json::from_value(a["type"].clone()).unwrap();
    }
    for name in ["labellog-list.json", "seenlog-list.json"] {
        for e in raw(name).as_array().unwrap() {
            let who = if name.starts_with("label") {
                &e["performedBy"]
            } else {
                &e["seenBy"]
            };
            let actor: Actor = serde_json::from_value(who.clone()).unwrap();
            assert_eq!(actor.actor_type, ActorType::PartyRepresentative);
        }
    }
    for e in raw("transmissions-list.json").as_array().unwrap() {
        let _: DialogTransmissionContent = serde_json::from_value(e["content"].clone()).unwrap();
    }
    let t = raw("transmission-details.json");
    let _: DialogTransmissionContent = serde_json::from_value(t["content"].clone()).unwrap();
    // The scrubbed date is rejected: this is why fixtures exist.
    assert!(serde_json::from_value::<Dialog>(d).is_err());
}

#[test]
fn fixture_parties() {
    let p: Parties = fixture("parties.json");
    round_trips(&p);
    let [org, parent, me] = &p.authorized_parties[..] else {
        panic!("3 parties")
    };
    assert_eq!(org.party.org_number(), Some("310010693"));
    assert_eq!(org.party_type, PartyType::Organization);
    assert_eq!(org.party_id, 51186218);
    assert_eq!(
        org.party_uuid,
        "7e0067a7-694f-4897-981b-16cd5ec704d9"
            .parse::<Uuid>()
            .unwrap()
    );
    assert_eq!(org.name, "TAKTFULL ORDENTLIG APE");
    assert!(org.sub_parties.is_none());
    assert_eq!(parent.name, "ÆRLIG UROKKELIG TIGER AS");
    assert_eq!(
        parent.sub_parties()[0].party.org_number(),
        Some("315010195")
    );
    assert!(me.party.is_person());
    assert_eq!(me.party_type, PartyType::Person);
    assert_eq!(me.date_of_birth.as_deref(), Some("1943-04-08"));
    assert!(me.is_current_end_user);
    assert!(!me.is_deleted && !me.has_key_role && !me.is_main_administrator);
    assert!(!me.is_access_manager && !me.has_only_access_to_sub_parties);
    // The raw file gives the same value (it only differs by explicit nulls).
    let raw: Parties = parse("reference/dialogporten-examples/parties.json");
    assert_eq!(raw, p);
}

#[test]
fn fixture_dialog_details() {
    let d: Dialog = fixture("dialog-details.enduser.json");
    round_trips(&d);
    assert_eq!(d.org, "ttd");
    assert_eq!(
        d.service_resource,
        "urn:altinn:resource:ttd-dialogporten-automated-tests"
    );
    assert_eq!(d.party, PartyUrn::person("08844397713").unwrap());
    assert_eq!(d.status, DialogStatus::NotApplicable);
    assert_eq!(d.system_label, Some(SystemLabel::Bin));
    assert_eq!(d.end_user_context.system_labels, [SystemLabel::Bin]);
    assert_eq!(d.process.as_deref(), Some("urn:test:process:1"));
    assert_eq!(d.progress, None);
    assert!(d.has_unopened_content && d.is_content_seen && !d.is_api_only);
    assert_eq!(d.dialog_token.as_deref(), Some("***"));
    assert_eq!(d.from_service_owner_transmissions_count, 3);
    assert!(d.due_at.is_some() && d.expires_at.is_some());
    assert!(d.created_at < d.content_updated_at);

    let c = &d.content;
    assert_eq!(
        c.title.best("en"),
        Some("Skjema for rapportering av et eller annet")
    );
    assert_eq!(
        c.sender_name.as_ref().unwrap().best("nb"),
        Some("Avsendernavn")
    );
    assert!(c.additional_info.is_some() && c.extended_status.is_some());
    let main = c.main_content_reference.as_ref().unwrap();
    assert!(main.is_embed());
    assert_eq!(main.is_authorized, Some(true));
    assert_eq!(main.best("en"), Some("https://digdir.no/dialog/en"));
    assert_eq!(main.best("nn"), Some("https://digdir.no/dialog/nb"));

    assert_eq!(d.attachments.len(), 3);
    assert_eq!(
        d.attachments[0].name.as_deref(),
        Some("expired-dialog-attachment")
    );
    assert_eq!(
        d.attachments[0].urls[0].consumer_type,
        AttachmentUrlConsumerType::Gui
    );
    assert_eq!(
        d.attachments[0].urls[0].media_type.as_deref(),
        Some("application/pdf")
    );
    assert!(d.attachments[1].expires_at.is_none());

    assert_eq!(d.gui_actions.len(), 2);
    let [primary, secondary] = &d.gui_actions[..] else {
        panic!()
    };
    assert_eq!(primary.priority, DialogGuiActionPriority::Primary);
    assert_eq!(primary.http_method, HttpVerb::Get);
    assert_eq!(best_match(&primary.title, "nb"), Some("Gå til dialog"));
    assert!(primary.prompt.is_none() && primary.is_authorized && !primary.is_delete_dialog_action);
    assert_eq!(secondary.http_method, HttpVerb::Post);
    assert_eq!(
        secondary.prompt.as_deref().unwrap().best_match("nb"),
        Some("Er du sikker?")
    );

    let api = &d.api_actions[0];
    assert_eq!(api.name.as_deref(), Some("confirm"));
    assert!(!api.is_authorized);
    assert_eq!(api.endpoints.iter().filter(|e| e.deprecated).count(), 1);
    assert_eq!(api.endpoints[0].url, UNAUTHORIZED_URL);

    assert_eq!(d.transmissions.len(), 3);
    let t = &d.transmissions[0];
    assert_eq!(t.transmission_type, DialogTransmissionType::Information);
    assert_eq!(t.sender.actor_type, ActorType::ServiceOwner);
    assert_eq!(t.is_opened, Some(false));
    assert_eq!(t.content.title.best("en"), Some("Transmission title"));
    assert_eq!(t.navigational_actions.len(), 2);
    assert_eq!(t.attachments[0].urls[0].media_type, None);
    assert!(!d.transmissions[1].is_authorized);
    assert!(!d.transmissions[1].attachments[0].urls[0].is_accessible());
    assert!(d.transmissions[1].content.content_reference.is_none());

    let kinds: Vec<_> = d
        .activities
        .iter()
        .map(|a| a.activity_type.clone())
        .collect();
    assert_eq!(
        kinds,
        [
            DialogActivityType::DialogCreated,
            DialogActivityType::PaymentMade,
            DialogActivityType::Information
        ]
    );
    let info = &d.activities[2];
    assert_eq!(
        info.performed_by.as_ref().unwrap().actor_name.as_deref(),
        Some("DIGITALISERINGSDIREKTORATET")
    );
    assert_eq!(
        best_match(info.description.as_deref().unwrap(), "nb"),
        Some("Brukeren har begått skattesvindel")
    );

    let seen = &d.seen_since_last_update[0];
    assert!(seen.is_current_end_user);
    assert_eq!(seen.is_via_service_owner, Some(false));
    assert_eq!(
        seen.seen_by.actor_name.as_deref(),
        Some("LITTERATUR UROMANTISK")
    );
    assert_eq!(d.seen_since_last_content_update.len(), 1);
}

#[test]
fn fixture_lists() {
    let acts: Vec<DialogActivitySearchItem> = fixture("activities-list.json");
    round_trips(&acts);
    assert_eq!(acts.len(), 3);
    assert_eq!(acts[0].activity_type, DialogActivityType::DialogOpened);
    assert_eq!(acts[0].extended_type.as_deref(), Some("uri:dialog-opened"));
    assert_eq!(acts[0].description.as_deref(), Some(&[][..]));
    assert!(
        acts.iter()
            .all(|a| a.performed_by.is_none() && a.created_at.is_some())
    );
    assert_eq!(
        acts[2].activity_type,
        DialogActivityType::TransmissionOpened
    );
    assert_eq!(acts[2].transmission_id, Some(Uuid::nil()));

    let seen: Vec<DialogSeenLogSearchItem> = fixture("seenlog-list.json");
    round_trips(&seen);
    assert_eq!(
        seen.iter()
            .map(|s| s.is_via_service_owner)
            .collect::<Vec<_>>(),
        [Some(false), Some(true)]
    );

    let labels: Vec<LabelAssignmentLog> = fixture("labellog-list.json");
    round_trips(&labels);
    assert_eq!(labels.len(), 6);
    assert_eq!(labels[0].system_label(), Some(SystemLabel::Bin));
    assert_eq!(labels[0].action, LabelAction::Set);
    assert_eq!(labels[2].action, LabelAction::Remove);
    assert_eq!(
        labels[5].system_label(),
        Some(SystemLabel::MarkedAsUnopened)
    );

    let ts: Vec<DialogTransmissionSearchItem> = fixture("transmissions-list.json");
    round_trips(&ts);
    assert_eq!(ts.len(), 2);
    assert_eq!(
        ts[0].external_reference.as_deref(),
        Some("first-transmission")
    );
    assert!(ts[0].content.summary.is_none() && ts[0].attachments.is_empty());
    assert!(
        ts.iter()
            .all(|t| t.is_opened.is_none() && t.deleted_at.is_none())
    );
    assert_eq!(ts[1].related_transmission_id, Some(Uuid::nil()));
    assert_eq!(
        ts[1].sender.actor_id.as_deref(),
        Some("urn:altinn:organization:identifier-no:991825827")
    );

    let t: DialogTransmissionDetails = fixture("transmission-details.json");
    round_trips(&t);
    // Same transmission as the second list item (only the made-up dates differ).
    assert_eq!(
        (&t.content, &t.sender, &t.external_reference),
        (&ts[1].content, &ts[1].sender, &ts[1].external_reference)
    );
    assert_eq!(
        t.navigational_actions[0].url,
        "https://digdir.com/action-url"
    );
}

#[test]
fn fixture_search_page() {
    let page: DialogSearchPage = fixture("dialog-search-page.json");
    round_trips(&page);
    assert!(page.has_next_page);
    assert_eq!(
        page.order_by.parse::<OrderBy>().unwrap(),
        OrderBy::default()
    );
    assert!(
        page.continuation_token
            .as_deref()
            .unwrap()
            .starts_with("contentupdatedat_")
    );
    let [first, second] = &page.items[..] else {
        panic!("2 items")
    };
    assert_eq!(
        first.content.as_ref().unwrap().title.best("nb"),
        Some("Skjema for rapportering av et eller annet")
    );
    assert_eq!(first.gui_attachment_count, Some(3));
    assert_eq!(
        first.latest_activity.as_ref().unwrap().activity_type,
        DialogActivityType::Information
    );
    assert_eq!(first.seen_since_last_update.len(), 1);
    assert!(second.is_api_only && second.content.is_none());
    assert_eq!(second.status, DialogStatus::Awaiting);
    assert_eq!(second.progress, Some(40));
    assert!(second.end_user_context.has(&SystemLabel::MarkedAsUnopened));
    assert_eq!(second.party.org_number(), Some("310010693"));
    assert_eq!(second.sender_name("nb"), "skd");
    assert!(second.is_unread() && !first.is_unread());
    assert_eq!(first.sender_name("nb"), "Avsendernavn");

    // The first item was derived from the details fixture; `to_list_item` agrees.
    let d: Dialog = fixture("dialog-details.enduser.json");
    let mut derived = d.to_list_item();
    derived.id = first.id;
    assert_eq!(&derived, first);
    assert_eq!(d.title("nb"), first.title("nb"));
}

#[test]
fn unknown_enum_values_do_not_break_a_page() {
    let mut v: serde_json::Value =
        serde_json::from_str(&read("fixtures/dialog-search-page.json")).unwrap();
    v["items"][0]["status"] = "Postponed".into();
    v["items"][0]["endUserContext"]["systemLabels"] = serde_json::json!(["Bin", "Starred"]);
    v["items"][0]["latestActivity"]["type"] = "DialogTeleported".into();
    let page: DialogSearchPage = serde_json::from_value(v).unwrap();
    let item = &page.items[0];
    assert_eq!(item.status, DialogStatus::Unknown("Postponed".into()));
    assert_eq!(item.end_user_context.system_labels[1].as_str(), "Starred");
    let back = serde_json::to_value(&page).unwrap();
    assert_eq!(back["items"][0]["status"], "Postponed");
    assert_eq!(
        back["items"][0]["latestActivity"]["type"],
        "DialogTeleported"
    );
}

#[test]
fn notification_examples() {
    let sms: InstantSmsOrderRequest =
        parse("reference/notifications-examples/order-v2-sms-instant.json");
    assert_eq!(sms.recipient_sms.time_to_live_in_seconds, 60);
    assert_eq!(
        sms.recipient_sms.sms_settings.sender.as_deref(),
        Some("Altinn-test")
    );
    assert_eq!(sms.senders_reference.as_deref(), Some("string"));
    let back = serde_json::to_value(&sms).unwrap();
    let orig: serde_json::Value =
        parse("reference/notifications-examples/order-v2-sms-instant.json");
    assert_eq!(back, orig);

    let email: InstantEmailOrderRequest =
        parse("reference/notifications-examples/order-v2-email-instant.json");
    assert_eq!(
        email.recipient_email.email_settings.content_type,
        Some(EmailContentType::Plain)
    );

    let old = read("reference/notifications-examples/order-v2-sms-instant-old.json");
    assert!(
        serde_json::from_str::<InstantSmsOrderRequest>(&old).is_err(),
        "the deprecated nested body is not the instant SMS body"
    );
}
