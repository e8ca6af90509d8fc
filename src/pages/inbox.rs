//! `/inbox?party=…`: the parties the user may act for, and the newest dialogs of one.
//!
//! The chosen party lives in the URL, so back/forward and bookmarks work; without one the
//! user's own party is shown. Parties and dialogs are fetched independently; a dialog
//! result remembers which party and language it was for, so a stale answer is never shown
//! as the current one.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::a11y::use_page_title;
use crate::api::ApiError;
use crate::api::dialogporten::{get_parties, search_dialogs};
use crate::api::wire::{DialogListItem, PaginatedList, Parties};
use crate::components::{ApiErrorNotice, DialogList, PartyPicker};
use crate::i18n::{Key, Lang, use_i18n};
use crate::inbox_model::{DialogRow, inbox_query, party_inputs};
use crate::party_tree::{PartyEntry, default_party, flatten};
use crate::routes::Page;
use crate::session::use_session;

/// How many dialogs the first page asks for ("Load more" comes later).
const PAGE_SIZE: i32 = 50;

type DialogPage = Arc<PaginatedList<DialogListItem>>;

/// A dialog answer and what it was asked for.
#[derive(Clone)]
struct DialogAnswer {
    party: Option<String>,
    lang: Lang,
    result: Result<Option<DialogPage>, ApiError>,
}

/// The inbox.
#[component]
pub fn InboxPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let query = use_query_map();
    use_page_title(Key::Inbox);

    let parties: LocalResource<Result<Arc<Parties>, ApiError>> = LocalResource::new(move || {
        let lang = i18n.lang_signal().get_untracked();
        async move {
            let result = get_parties(lang).await.map(Arc::new);
            if let Err(error) = &result {
                session.observe(error);
            }
            result
        }
    });
    let rows: Memo<Vec<PartyEntry>> = Memo::new(move |_| {
        parties.with(|answer| match answer {
            Some(Ok(parties)) => flatten(&party_inputs(parties), false),
            _ => Vec::new(),
        })
    });
    let selected: Memo<Option<String>> = Memo::new(move |_| {
        query
            .with(|q| q.get("party"))
            .or_else(|| rows.with(|rows| default_party(rows).map(|row| row.urn.clone())))
    });

    let dialogs: LocalResource<DialogAnswer> = LocalResource::new(move || {
        let party = selected.get();
        let lang = i18n.lang();
        async move {
            let result = match &party {
                // No party yet: the parties are still loading, or failed (shown above).
                None => Ok(None),
                Some(urn) => search_dialogs(&inbox_query(urn, PAGE_SIZE), lang)
                    .await
                    .map(|page| Some(Arc::new(page))),
            };
            if let Err(error) = &result {
                session.observe(error);
            }
            DialogAnswer {
                party,
                lang,
                result,
            }
        }
    });

    let parties_error = move || parties.with(|answer| answer.as_ref()?.as_ref().err().cloned());
    let parties_loading = move || parties.with(|answer| answer.is_none());
    // Busy until an answer for the current party and language is in.
    let busy = move || {
        let (party, lang) = (selected.get(), i18n.lang());
        parties_loading()
            || dialogs.with(|answer| {
                answer
                    .as_ref()
                    .is_none_or(|a| a.party != party || a.lang != lang)
            })
    };
    let dialog_result = move || dialogs.with(|answer| answer.as_ref().map(|a| a.result.clone()));
    let dialog_rows = Signal::derive(move || {
        let lang = i18n.lang();
        match dialog_result() {
            Some(Ok(Some(page))) => page
                .items
                .iter()
                .map(|item| DialogRow::new(item, lang))
                .collect(),
            _ => Vec::new(),
        }
    });

    let status_text = move || {
        if busy() {
            return i18n.t(Key::LoadingDialogs).to_owned();
        }
        match dialog_result() {
            Some(Ok(Some(page))) if page.items.is_empty() => i18n.t(Key::NoDialogs).to_owned(),
            Some(Ok(Some(page))) => {
                i18n.tf(Key::DialogsShown, &[("n", &page.items.len().to_string())])
            }
            _ => String::new(),
        }
    };

    let on_select = Callback::new(move |urn: String| {
        navigate(
            &Page::Inbox { party: Some(urn) }.href(),
            NavigateOptions::default(),
        );
    });

    view! {
        <div class="page inbox">
            <div class="inbox__head">
                <h1 tabindex="-1">{move || i18n.t(Key::Inbox)}</h1>
                <Show when=move || !rows.with(Vec::is_empty)>
                    <PartyPicker parties=rows selected=selected on_select=on_select />
                </Show>
            </div>
            {move || {
                parties_error()
                    .map(|error| {
                        view! {
                            <ApiErrorNotice
                                error=error
                                on_retry=Callback::new(move |_| parties.refetch())
                            />
                        }
                    })
            }}
            <section class="inbox__body" aria-busy=move || busy().to_string()>
                <p class="inbox__status" role="status">
                    {status_text}
                </p>
                {move || match dialog_result() {
                    Some(Err(error)) if !busy() => {
                        view! {
                            <ApiErrorNotice
                                error=error
                                on_retry=Callback::new(move |_| dialogs.refetch())
                            />
                        }
                            .into_any()
                    }
                    _ => ().into_any(),
                }}
                <Show when=move || !dialog_rows.with(Vec::is_empty)>
                    <DialogList dialogs=dialog_rows party=selected />
                </Show>
            </section>
        </div>
    }
}
