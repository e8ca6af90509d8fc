//! The JSON shapes the portal and the server agree on.

use portal_api::content::{Block, Inline, RenderedContent};
use portal_api::otp::{ChallengeState, CreateChallenge, DeliveryState};
use serde_json::json;

#[test]
fn content_tree_is_externally_tagged_and_camel_case() {
    let doc = RenderedContent {
        media_type: "text/markdown".into(),
        blocks: vec![
            Block::Heading {
                level: 2,
                inlines: vec![Inline::Text {
                    text: "Vedtak".into(),
                }],
            },
            Block::List {
                ordered: false,
                items: vec![vec![Block::Paragraph {
                    inlines: vec![Inline::Link {
                        href: "https://www.skatteetaten.no".into(),
                        inlines: vec![Inline::Text {
                            text: "Skatteetaten".into(),
                        }],
                    }],
                }]],
            },
            Block::Rule,
        ],
    };
    let value = serde_json::to_value(&doc).unwrap();
    assert_eq!(value["mediaType"], "text/markdown");
    assert_eq!(
        value["blocks"][0],
        json!({"heading": {"level": 2, "inlines": [{"text": {"text": "Vedtak"}}]}})
    );
    assert_eq!(
        value["blocks"][1]["list"]["items"][0][0]["paragraph"]["inlines"][0]["link"]["href"],
        "https://www.skatteetaten.no"
    );
    assert_eq!(value["blocks"][2], json!("rule"));
    let back: RenderedContent = serde_json::from_value(value).unwrap();
    assert_eq!(back, doc);
}

#[test]
fn otp_request_omits_absent_fields_and_enums_are_camel_case() {
    let req = CreateChallenge {
        phone_number: "+4791234567".into(),
        case_reference: None,
        language: None,
    };
    assert_eq!(
        serde_json::to_value(&req).unwrap(),
        json!({"phoneNumber": "+4791234567"})
    );
    assert_eq!(
        serde_json::to_value(ChallengeState::Superseded).unwrap(),
        json!("superseded")
    );
    assert_eq!(
        serde_json::to_value(DeliveryState::Delivered).unwrap(),
        json!("delivered")
    );
}
