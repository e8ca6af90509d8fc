//! Decisions the details page makes about a dialog, as plain Rust (no Leptos): which GUI
//! actions show and how, which label moves make sense, how a media type reads, how content
//! headings and links are treated, and what a failed load means.

use altinn::{
    DialogActivityType, DialogGuiAction, DialogGuiActionPriority, DialogTransmissionType, HttpVerb,
    SystemLabel, UNAUTHORIZED_URL,
};

use crate::api::dialog_content::Block;
use crate::i18n::DialogKey;

/// How many GUI actions show as buttons before the rest go into "More actions".
pub const VISIBLE_ACTIONS: usize = 3;

/// How a GUI action is offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionKind {
    /// A GET with a usable URL: a plain link.
    Link,
    /// Another method: the server performs it with the dialog token.
    Request,
    /// The user may not perform it: a disabled button with the reason.
    Unauthorized,
}

/// The button style of a priority.
pub fn priority_class(priority: &DialogGuiActionPriority) -> &'static str {
    match priority {
        DialogGuiActionPriority::Primary => "button button--primary",
        DialogGuiActionPriority::Secondary => "button",
        _ => "button button--tertiary",
    }
}

fn priority_rank(priority: &DialogGuiActionPriority) -> u8 {
    match priority {
        DialogGuiActionPriority::Primary => 0,
        DialogGuiActionPriority::Secondary => 1,
        DialogGuiActionPriority::Tertiary => 2,
        DialogGuiActionPriority::Unknown(_) => 3,
    }
}

/// How `action` is offered.
pub fn action_kind(action: &DialogGuiAction) -> ActionKind {
    if !action.is_authorized || action.url == UNAUTHORIZED_URL {
        ActionKind::Unauthorized
    } else if action.http_method == HttpVerb::Get {
        ActionKind::Link
    } else {
        ActionKind::Request
    }
}

/// The GUI actions to offer, by priority (stable within one priority), split into the ones
/// shown as buttons and the ones in the "More actions" menu. Delete actions only show while
/// the dialog is in the bin.
pub fn arrange_actions(
    actions: &[DialogGuiAction],
    in_bin: bool,
) -> (Vec<DialogGuiAction>, Vec<DialogGuiAction>) {
    let mut shown: Vec<DialogGuiAction> = actions
        .iter()
        .filter(|a| in_bin || !a.is_delete_dialog_action)
        .cloned()
        .collect();
    shown.sort_by_key(|a| priority_rank(&a.priority));
    if shown.len() > VISIBLE_ACTIONS {
        let more = shown.split_off(VISIBLE_ACTIONS);
        (shown, more)
    } else {
        (shown, Vec::new())
    }
}

/// A move between the user's folders, or marking as unread.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LabelMove {
    ToArchive,
    ToBin,
    ToInbox,
    MarkUnread,
}

impl LabelMove {
    /// The button text.
    pub fn key(self) -> DialogKey {
        match self {
            LabelMove::ToArchive => DialogKey::MoveToArchive,
            LabelMove::ToBin => DialogKey::MoveToBin,
            LabelMove::ToInbox => DialogKey::RestoreToInbox,
            LabelMove::MarkUnread => DialogKey::MarkAsUnread,
        }
    }

    /// What to tell the user once it is done.
    pub fn done_key(self) -> DialogKey {
        match self {
            LabelMove::ToArchive => DialogKey::MovedToArchive,
            LabelMove::ToBin => DialogKey::MovedToBin,
            LabelMove::ToInbox => DialogKey::RestoredToInbox,
            LabelMove::MarkUnread => DialogKey::MarkedAsUnread,
        }
    }

    /// The labels to add and remove.
    pub fn change(self) -> (Vec<SystemLabel>, Vec<SystemLabel>) {
        match self {
            LabelMove::ToArchive => (vec![SystemLabel::Archive], vec![]),
            LabelMove::ToBin => (vec![SystemLabel::Bin], vec![]),
            LabelMove::ToInbox => (vec![SystemLabel::Default], vec![]),
            LabelMove::MarkUnread => (vec![SystemLabel::MarkedAsUnopened], vec![]),
        }
    }
}

/// The folder (`Default`, `Archive` or `Bin`) a dialog is in.
pub fn folder(labels: &[SystemLabel]) -> SystemLabel {
    [SystemLabel::Bin, SystemLabel::Archive]
        .into_iter()
        .find(|l| labels.contains(l))
        .unwrap_or(SystemLabel::Default)
}

/// The label moves that make sense for a dialog with `labels`, in display order.
pub fn label_moves(labels: &[SystemLabel]) -> Vec<LabelMove> {
    let mut moves = match folder(labels) {
        SystemLabel::Bin => vec![LabelMove::ToInbox, LabelMove::ToArchive],
        SystemLabel::Archive => vec![LabelMove::ToInbox, LabelMove::ToBin],
        _ => vec![LabelMove::ToArchive, LabelMove::ToBin],
    };
    if !labels.contains(&SystemLabel::MarkedAsUnopened) {
        moves.push(LabelMove::MarkUnread);
    }
    moves
}

/// The change that takes `labels` back to how they were before `done` was applied.
pub fn undo_change(
    done: LabelMove,
    before: &[SystemLabel],
) -> (Vec<SystemLabel>, Vec<SystemLabel>) {
    match done {
        LabelMove::MarkUnread => (vec![], vec![SystemLabel::MarkedAsUnopened]),
        _ => (vec![folder(before)], vec![]),
    }
}

/// The labels after adding `add` and removing `remove`, as Dialogporten applies them:
/// the folders are exclusive, and removing Bin or Archive puts the dialog back in Default.
pub fn apply_change(
    labels: &[SystemLabel],
    add: &[SystemLabel],
    remove: &[SystemLabel],
) -> Vec<SystemLabel> {
    let is_folder = |l: &SystemLabel| {
        matches!(
            l,
            SystemLabel::Default | SystemLabel::Archive | SystemLabel::Bin
        )
    };
    let mut out: Vec<SystemLabel> = labels
        .iter()
        .filter(|l| !remove.contains(l))
        .cloned()
        .collect();
    for label in add {
        if is_folder(label) {
            out.retain(|l| !is_folder(l));
        }
        if !out.contains(label) {
            out.push(label.clone());
        }
    }
    if !out.iter().any(is_folder) {
        out.push(SystemLabel::Default);
    }
    out
}

/// A media type in words ("PDF document"), or `None` when we have no word for it.
pub fn media_type_key(media_type: &str) -> Option<DialogKey> {
    let essence = media_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let key = match essence.as_str() {
        "application/pdf" => DialogKey::MediaPdf,
        "text/csv" => DialogKey::MediaCsv,
        "text/plain" => DialogKey::MediaText,
        "text/html" => DialogKey::MediaHtml,
        "application/json" => DialogKey::MediaJson,
        "application/xml" | "text/xml" => DialogKey::MediaXml,
        "application/zip" | "application/x-zip-compressed" => DialogKey::MediaZip,
        "application/msword"
        | "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        | "application/vnd.oasis.opendocument.text" => DialogKey::MediaWord,
        "application/vnd.ms-excel"
        | "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        | "application/vnd.oasis.opendocument.spreadsheet" => DialogKey::MediaSpreadsheet,
        _ if essence.starts_with("image/") => DialogKey::MediaImage,
        _ => return None,
    };
    Some(key)
}

/// A byte count for people: "950 B", "12 kB", "3.4 MB" (decimal units; `,` as the
/// decimal separator in Norwegian).
pub fn file_size(bytes: u64, decimal_comma: bool) -> String {
    const UNITS: [&str; 4] = ["kB", "MB", "GB", "TB"];
    if bytes < 1000 {
        return format!("{bytes} B");
    }
    // Rounded half up with integers only (no float formatting code in the wasm).
    let rounded = |scale: u128, divisor: u128| (u128::from(bytes) * scale + divisor / 2) / divisor;
    let mut unit = 0;
    let mut divisor: u128 = 1000;
    // Up a unit once the whole number would reach 1000 ("1.0 MB", not "1000 kB").
    while rounded(1, divisor) >= 1000 && unit < UNITS.len() - 1 {
        divisor *= 1000;
        unit += 1;
    }
    let tenths = rounded(10, divisor);
    let text = if tenths < 100 {
        let separator = if decimal_comma { ',' } else { '.' };
        format!("{}{separator}{}", tenths / 10, tenths % 10)
    } else {
        rounded(1, divisor).to_string()
    };
    format!("{text} {}", UNITS[unit])
}

/// The heading level a content heading gets when the content sits below a heading of level
/// `parent`: the content's top level (`top`, see [`top_heading_level`]) becomes
/// `parent + 1`, the others keep their distance to it, never deeper than 6.
pub fn shifted_heading(level: u8, parent: u8, top: u8) -> u8 {
    let depth = level.clamp(1, 6).saturating_sub(top.clamp(1, 6));
    parent.saturating_add(1).saturating_add(depth).min(6)
}

/// The highest (smallest) heading level in `blocks`, lists and quotes included; 1 when
/// there is none.
pub fn top_heading_level(blocks: &[Block]) -> u8 {
    fn walk(blocks: &[Block], top: &mut Option<u8>) {
        for block in blocks {
            match block {
                Block::Heading { level, .. } => {
                    *top = Some(top.map_or(*level, |t| t.min(*level)));
                }
                Block::List { items, .. } => items.iter().for_each(|item| walk(item, top)),
                Block::Quote { blocks } => walk(blocks, top),
                _ => {}
            }
        }
    }
    let mut top = None;
    walk(blocks, &mut top);
    top.unwrap_or(1).clamp(1, 6)
}

/// Whether a content link may become a link (the server already filters; this is the second
/// lock on the door).
pub fn is_safe_href(href: &str) -> bool {
    let lower = href.trim_start().to_ascii_lowercase();
    ["https:", "http:", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

/// Whether a link opens in a new tab (web links do; mail links do not).
pub fn opens_new_tab(href: &str) -> bool {
    !href
        .trim_start()
        .to_ascii_lowercase()
        .starts_with("mailto:")
}

/// The word for a transmission type.
pub fn transmission_type_key(kind: &DialogTransmissionType) -> DialogKey {
    match kind {
        DialogTransmissionType::Information => DialogKey::TxInformation,
        DialogTransmissionType::Acceptance => DialogKey::TxAcceptance,
        DialogTransmissionType::Rejection => DialogKey::TxRejection,
        DialogTransmissionType::Request => DialogKey::TxRequest,
        DialogTransmissionType::Alert => DialogKey::TxAlert,
        DialogTransmissionType::Decision => DialogKey::TxDecision,
        DialogTransmissionType::Submission => DialogKey::TxSubmission,
        DialogTransmissionType::Correction => DialogKey::TxCorrection,
        DialogTransmissionType::Unknown(_) => DialogKey::TxOther,
    }
}

/// The words for an activity type.
pub fn activity_type_key(kind: &DialogActivityType) -> DialogKey {
    use DialogActivityType as A;
    match kind {
        A::DialogCreated => DialogKey::ActCreated,
        A::DialogClosed => DialogKey::ActClosed,
        A::Information => DialogKey::ActInformation,
        A::TransmissionOpened => DialogKey::ActTransmissionOpened,
        A::PaymentMade => DialogKey::ActPaymentMade,
        A::SignatureProvided => DialogKey::ActSignatureProvided,
        A::DialogOpened => DialogKey::ActOpened,
        A::DialogDeleted => DialogKey::ActDeleted,
        A::DialogRestored => DialogKey::ActRestored,
        A::SentToSigning => DialogKey::ActSentToSigning,
        A::SentToFormFill => DialogKey::ActSentToFormFill,
        A::SentToSendIn => DialogKey::ActSentToSendIn,
        A::SentToPayment => DialogKey::ActSentToPayment,
        A::FormSubmitted => DialogKey::ActFormSubmitted,
        A::FormSaved => DialogKey::ActFormSaved,
        A::CorrespondenceOpened => DialogKey::ActCorrespondenceOpened,
        A::CorrespondenceConfirmed => DialogKey::ActCorrespondenceConfirmed,
        A::Unknown(_) => DialogKey::ActOther,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn action(priority: &str, method: &str, authorized: bool, delete: bool) -> DialogGuiAction {
        serde_json::from_value(serde_json::json!({
            "id": "0198a1b2-0000-7000-8000-000000000001",
            "action": "x",
            "url": if authorized { "https://example.no/a" } else { UNAUTHORIZED_URL },
            "isAuthorized": authorized,
            "isDeleteDialogAction": delete,
            "priority": priority,
            "httpMethod": method,
            "title": [{"value": format!("{priority} {method}"), "languageCode": "en"}],
        }))
        .expect("a gui action")
    }

    fn titles(actions: &[DialogGuiAction]) -> Vec<String> {
        actions.iter().map(|a| a.title[0].value.clone()).collect()
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn actions_are_ordered_by_priority_and_overflow_into_more() {
        let all = vec![
            action("Tertiary", "GET", true, false),
            action("Secondary", "POST", true, false),
            action("Primary", "GET", true, false),
            action("Secondary", "PUT", false, false),
            action("Tertiary", "DELETE", true, true),
        ];
        let (shown, more) = arrange_actions(&all, false);
        assert_eq!(
            titles(&shown),
            ["Primary GET", "Secondary POST", "Secondary PUT"]
        );
        assert_eq!(titles(&more), ["Tertiary GET"]);
        let (shown, more) = arrange_actions(&all, true);
        assert_eq!(shown.len(), 3);
        assert_eq!(titles(&more), ["Tertiary GET", "Tertiary DELETE"]);
        let (shown, more) = arrange_actions(&all[..2], false);
        assert_eq!(titles(&shown), ["Secondary POST", "Tertiary GET"]);
        assert!(more.is_empty());
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn action_kinds() {
        assert_eq!(
            action_kind(&action("Primary", "GET", true, false)),
            ActionKind::Link
        );
        assert_eq!(
            action_kind(&action("Primary", "POST", true, false)),
            ActionKind::Request
        );
        assert_eq!(
            action_kind(&action("Primary", "GET", false, false)),
            ActionKind::Unauthorized
        );
        assert_eq!(
            priority_class(&DialogGuiActionPriority::Primary),
            "button button--primary"
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn label_moves_fit_the_folder() {
        use SystemLabel as L;
        assert_eq!(
            label_moves(&[L::Default]),
            [
                LabelMove::ToArchive,
                LabelMove::ToBin,
                LabelMove::MarkUnread
            ]
        );
        assert_eq!(
            label_moves(&[L::Archive, L::MarkedAsUnopened]),
            [LabelMove::ToInbox, LabelMove::ToBin]
        );
        assert_eq!(
            label_moves(&[L::Bin, L::Sent]),
            [
                LabelMove::ToInbox,
                LabelMove::ToArchive,
                LabelMove::MarkUnread
            ]
        );
        assert_eq!(label_moves(&[]), label_moves(&[L::Default]));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn label_changes_and_their_undo() {
        use SystemLabel as L;
        let before = vec![L::Archive, L::Sent];
        let (add, remove) = LabelMove::ToBin.change();
        let after = apply_change(&before, &add, &remove);
        assert_eq!(after, [L::Sent, L::Bin]);
        let (add, remove) = undo_change(LabelMove::ToBin, &before);
        assert_eq!(apply_change(&after, &add, &remove), [L::Sent, L::Archive]);
        let (add, remove) = undo_change(LabelMove::MarkUnread, &[L::Default]);
        assert_eq!(
            apply_change(&[L::Default, L::MarkedAsUnopened], &add, &remove),
            [L::Default]
        );
        assert_eq!(apply_change(&[L::Bin], &[], &[L::Bin]), [L::Default]);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn media_types_in_words() {
        assert_eq!(media_type_key("application/pdf"), Some(DialogKey::MediaPdf));
        assert_eq!(
            media_type_key("text/csv; charset=utf-8"),
            Some(DialogKey::MediaCsv)
        );
        assert_eq!(media_type_key("IMAGE/PNG"), Some(DialogKey::MediaImage));
        assert_eq!(media_type_key("application/x-unknown"), None);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn file_sizes() {
        assert_eq!(file_size(950, false), "950 B");
        assert_eq!(file_size(12_345, false), "12 kB");
        assert_eq!(file_size(3_400_000, true), "3,4 MB");
        assert_eq!(file_size(1_000, false), "1.0 kB");
        assert_eq!(file_size(1_250, false), "1.3 kB");
        assert_eq!(file_size(9_949, false), "9.9 kB");
        assert_eq!(file_size(9_950, false), "10 kB");
        assert_eq!(file_size(12_499, false), "12 kB");
        assert_eq!(file_size(999_499, false), "999 kB");
        assert_eq!(file_size(999_500, true), "1,0 MB");
        assert_eq!(file_size(5_000_000_000_000_000, false), "5000 TB");
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn content_rendering_decisions() {
        assert_eq!(shifted_heading(1, 1, 1), 2);
        assert_eq!(shifted_heading(2, 1, 1), 3);
        assert_eq!(shifted_heading(6, 1, 1), 6);
        assert_eq!(shifted_heading(2, 3, 2), 4);
        assert_eq!(shifted_heading(3, 3, 2), 5);
        assert_eq!(shifted_heading(0, 1, 1), 2);
        let heading = |level| Block::Heading {
            level,
            inlines: vec![],
        };
        assert_eq!(top_heading_level(&[]), 1);
        assert_eq!(top_heading_level(&[heading(3), heading(2)]), 2);
        assert_eq!(
            top_heading_level(&[Block::Quote {
                blocks: vec![heading(4)]
            }]),
            4
        );
        assert!(is_safe_href("https://skatteetaten.no/"));
        assert!(is_safe_href("mailto:post@example.no"));
        assert!(!is_safe_href("javascript:alert(1)"));
        assert!(!is_safe_href(" JavaScript:alert(1)"));
        assert!(!is_safe_href("data:text/html,<script>"));
        assert!(!opens_new_tab("mailto:a@b.no"));
        assert!(opens_new_tab("https://a.no"));
    }
}
