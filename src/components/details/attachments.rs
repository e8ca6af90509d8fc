//! Attachments: name, media type in words, size when known; only URLs meant for people
//! (GUI consumers) become download links, and placeholders for unauthorised or expired
//! URLs stay plain text.

use altinn::{Attachment, AttachmentUrlConsumerType, BestMatch};
use leptos::prelude::*;

use super::model::{file_size, media_type_key};
use crate::i18n::{DialogKey, Lang, use_i18n};

/// The name to show: the display name in the best language, else the logical name.
pub fn attachment_name(attachment: &Attachment, lang: Lang) -> String {
    attachment
        .display_name
        .best_match(lang.code())
        .filter(|n| !n.trim().is_empty())
        .map(str::to_owned)
        .or_else(|| attachment.name.clone())
        .unwrap_or_else(|| lang.t(DialogKey::AttachmentUntitled).to_owned())
}

/// A list of attachments (without heading); an empty list says so.
#[component]
pub fn AttachmentList(
    /// The attachments.
    attachments: Vec<Attachment>,
    /// The list's accessible name.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    if attachments.is_empty() {
        return view! { <p class="muted">{i18n.tr(DialogKey::NoAttachments)}</p> }.into_any();
    }
    let items = attachments
        .into_iter()
        .map(|attachment| view! { <AttachmentItem attachment=attachment /> })
        .collect_view();
    view! {
        <ul class="attachments" aria-label=move || label.get()>
            {items}
        </ul>
    }
    .into_any()
}

#[component]
fn AttachmentItem(attachment: Attachment) -> impl IntoView {
    let i18n = use_i18n();
    let gui_url = attachment
        .urls
        .iter()
        .find(|u| u.consumer_type == AttachmentUrlConsumerType::Gui)
        .cloned();
    let media_type = gui_url
        .as_ref()
        .and_then(|u| u.media_type.clone())
        .or_else(|| attachment.urls.iter().find_map(|u| u.media_type.clone()));
    // Dialogporten does not send sizes today; an extension member would carry one.
    let size: Option<u64> = None;
    let name = {
        let attachment = attachment.clone();
        move || attachment_name(&attachment, i18n.lang())
    };
    let kind = move || {
        let lang = i18n.lang();
        let mut words = media_type
            .as_deref()
            .and_then(media_type_key)
            .map(|key| lang.t(key).to_owned())
            .unwrap_or_else(|| lang.t(DialogKey::MediaUnknown).to_owned());
        if let Some(bytes) = size {
            words = format!("{words}, {}", file_size(bytes, lang != Lang::En));
        }
        words
    };
    let link = gui_url.filter(|u| u.is_accessible()).map(|u| u.url);
    view! {
        <li class="attachment">
            {match link {
                Some(url) => view! {
                    <a class="attachment__name" href=url download="">
                        {name}
                    </a>
                }
                .into_any(),
                None => view! {
                    <span class="attachment__name">{name}</span>
                    " "
                    <span class="attachment__unavailable">
                        "(" {i18n.tr(DialogKey::AttachmentUnavailable)} ")"
                    </span>
                }
                .into_any(),
            }}
            " "
            <span class="attachment__meta">{kind}</span>
        </li>
    }
}
