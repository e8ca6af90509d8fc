//! Transmissions as a timeline, newest first: type, sender, date, title, summary, their own
//! content (fetched when opened) and attachments. The first three show; "Show all" reveals
//! the rest.

use altinn::{BestMatch, DialogTransmission, EXPIRED_URL, UNAUTHORIZED_URL};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::attachments::AttachmentList;
use super::content::RenderedBlocks;
use super::history::{Moment, actor_name};
use super::model::transmission_type_key;
use crate::api::dialog_content::{ContentRef, get_content};
use crate::i18n::{DialogKey, Key, use_i18n};
use crate::load::load;

/// How many transmissions show before "Show all".
pub const FIRST_TRANSMISSIONS: usize = 3;

/// The transmissions of a dialog.
#[component]
pub fn Transmissions(
    /// The dialog's id (for content).
    dialog_id: String,
    /// The transmissions, in any order.
    mut transmissions: Vec<DialogTransmission>,
    /// The sender's name, for transmissions from the service owner.
    sender: String,
) -> impl IntoView {
    let i18n = use_i18n();
    if transmissions.is_empty() {
        return view! { <p class="muted">{i18n.tr(DialogKey::NoTransmissions)}</p> }.into_any();
    }
    transmissions.sort_by_key(|t| std::cmp::Reverse(t.created_at));
    let total = transmissions.len();
    let show_all = RwSignal::new(false);
    // Where focus goes when "Show all" (which then disappears) is pressed.
    let first_revealed = StoredValue::new(
        transmissions
            .get(FIRST_TRANSMISSIONS)
            .map(|t| format!("transmission-{}", t.id)),
    );
    let reveal = move |_| {
        show_all.set(true);
        if let Some(id) = first_revealed.get_value() {
            request_animation_frame(move || {
                if let Some(el) = document()
                    .get_element_by_id(&id)
                    .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = el.focus();
                }
            });
        }
    };
    let more_hidden = move || total > FIRST_TRANSMISSIONS && !show_all.get();
    let items = transmissions
        .into_iter()
        .enumerate()
        .map(|(index, transmission)| {
            let hidden = move || index >= FIRST_TRANSMISSIONS && !show_all.get();
            view! {
                <li class="timeline__item" hidden=hidden>
                    <TransmissionItem
                        dialog_id=dialog_id.clone()
                        transmission=transmission
                        sender=sender.clone()
                    />
                </li>
            }
        })
        .collect_view();
    view! {
        <ol class="timeline" aria-label=i18n.tr(DialogKey::Transmissions)>
            {items}
        </ol>
        <Show when=more_hidden>
            <button type="button" class="button" on:click=reveal>
                {move || i18n.tf(DialogKey::ShowAll, &[("n", &total.to_string())])}
            </button>
        </Show>
    }
    .into_any()
}

#[component]
fn TransmissionItem(
    dialog_id: String,
    transmission: DialogTransmission,
    sender: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = transmission;
    let kind = transmission_type_key(&t.transmission_type);
    let from = {
        let actor = t.sender.clone();
        move || actor_name(&actor, &sender, i18n.lang())
    };
    let title = {
        let value = t.content.title.clone();
        move || {
            value
                .best(i18n.lang().code())
                .filter(|s| !s.trim().is_empty())
                .map(str::to_owned)
                .unwrap_or_else(|| i18n.t(Key::Untitled).to_owned())
        }
    };
    let summary = {
        let value = t.content.summary.clone();
        move || {
            value
                .as_ref()
                .and_then(|v| v.best(i18n.lang().code()))
                .map(str::to_owned)
        }
    };
    let has_content = t.is_authorized && t.content.content_reference.is_some();
    let open = RwSignal::new(false);
    let content_id = format!("transmission-content-{}", t.id);
    let tid = t.id.to_string();
    let content = load(move || {
        let (id, tid, wanted) = (dialog_id.clone(), tid.clone(), open.get());
        let lang = i18n.lang();
        async move {
            if wanted {
                Some(get_content(&id, &ContentRef::Transmission(tid), lang).await)
            } else {
                None
            }
        }
    });
    let navigation = t
        .navigational_actions
        .iter()
        .filter(|a| a.url != UNAUTHORIZED_URL && a.url != EXPIRED_URL)
        .cloned()
        .map(|action| {
            let url = action.url.clone();
            let text = move || {
                action
                    .title
                    .best_match(i18n.lang().code())
                    .unwrap_or(action.url.as_str())
                    .to_owned()
            };
            view! {
                <li>
                    <a href=url>{text}</a>
                </li>
            }
        })
        .collect_view();
    let attachments = t.attachments.clone();
    let attachment_label = Signal::derive({
        let title = title.clone();
        move || format!("{} – {}", i18n.t(DialogKey::Attachments), title())
    });
    view! {
        <article class="transmission" id=format!("transmission-{}", t.id) tabindex="-1">
            <h3 class="transmission__title">{title}</h3>
            <p class="transmission__meta">
                <span class="transmission__type">{i18n.tr(kind)}</span>
                " · "
                <span>{from}</span>
                " · "
                <Moment at=t.created_at />
            </p>
            {move || summary().map(|s| view! { <p class="transmission__summary">{s}</p> })}
            {(!t.is_authorized)
                .then(|| view! { <p class="muted">{i18n.tr(DialogKey::TxNotAuthorized)}</p> })}
            {has_content
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="button button--tertiary"
                            aria-expanded=move || open.get().to_string()
                            aria-controls=content_id.clone()
                            on:click=move |_| open.update(|o| *o = !*o)
                        >
                            {move || {
                                if open.get() { i18n.t(DialogKey::HideContent) } else { i18n.t(DialogKey::ShowContent) }
                            }}
                        </button>
                        <div id=content_id.clone() class="transmission__content" hidden=move || !open.get()>
                            {move || match content.get() {
                                None | Some(None) if open.get() => {
                                    view! { <p role="status">{i18n.tr(DialogKey::LoadingContent)}</p> }.into_any()
                                }
                                None | Some(None) => ().into_any(),
                                Some(Some(Ok(rendered))) => {
                                    view! { <RenderedBlocks content=rendered parent_level=3 /> }.into_any()
                                }
                                Some(Some(Err(_))) => {
                                    view! {
                                        <p class="notice notice--error" role="alert">
                                            {i18n.tr(DialogKey::ContentFailed)}
                                        </p>
                                    }
                                        .into_any()
                                }
                            }}
                        </div>
                    }
                })}
            {(!attachments.is_empty())
                .then(|| view! { <AttachmentList attachments=attachments label=attachment_label /> })}
            <ul class="transmission__links">{navigation}</ul>
        </article>
    }
}
