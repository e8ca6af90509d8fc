//! Smaller parts of the inbox list page: the view navigation, the bulk bar, the party
//! chunk navigator, the "Save search" dialog and the list's error explanations.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_location;

use crate::api::ApiError;
use crate::api::bulk_labels::MAX_BULK;
use crate::api::saved_searches::{SaveSearch, create_saved_search};
use crate::i18n::{Key, use_i18n};
use crate::inbox_model::{DialogRow, LabelAction};
use crate::inbox_search::{InboxView, PARTY_CHUNK, SearchState};
use crate::routes::{Page, path_with_query};

/// Links to the views (keeping the chosen parties) and to the saved searches.
#[component]
pub fn ViewNav(
    /// The search now in force; the links keep its parties.
    #[prop(into)]
    state: Signal<SearchState>,
    /// The view shown (marked `aria-current="page"`); `None` on the saved searches page,
    /// whose link is then the current one.
    #[prop(into)]
    view: Signal<Option<InboxView>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="view-nav" aria-label=i18n.tr(Key::ListViews)>
            <ul>
                {InboxView::ALL
                    .into_iter()
                    .map(|target| {
                        view! {
                            <li>
                                <a
                                    href=move || state.with(|s| s.parties_only().href(target))
                                    aria-current=move || (view.get() == Some(target)).then_some("page")
                                >
                                    {i18n.tr(target.key())}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
                <li>
                    <a
                        href=Page::SavedSearches.href()
                        aria-current=move || view.get().is_none().then_some("page")
                    >
                        {i18n.tr(Key::ListSavedSearches)}
                    </a>
                </li>
            </ul>
        </nav>
    }
}

/// The actions for the selected rows (shown while any is selected).
#[component]
pub fn BulkBar(
    /// The selected rows.
    #[prop(into)]
    selected: Signal<Vec<DialogRow>>,
    /// Called with an action and the rows it applies to.
    #[prop(into)]
    on_action: Callback<(LabelAction, Vec<DialogRow>)>,
    /// Called when the user clears the selection.
    #[prop(into)]
    on_clear: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let count = move || selected.with(Vec::len);
    view! {
        <Show when=move || { count() > 0 }>
            <div class="bulk-bar" role="region" aria-label=i18n.tr(Key::ListBulkActions)>
                <p class="bulk-bar__count">
                    {move || i18n.tf(Key::ListSelected, &[("n", &count().to_string())])}
                </p>
                <Show when=move || { count() > MAX_BULK }>
                    <p class="notice notice--error">
                        {move || i18n.tf(Key::ListTooMany, &[("n", &MAX_BULK.to_string())])}
                    </p>
                </Show>
                {LabelAction::ALL
                    .into_iter()
                    .map(|action| {
                        view! {
                            <button
                                type="button"
                                class="button button--small"
                                on:click=move |_| on_action.run((action, selected.get_untracked()))
                            >
                                {i18n.tr(action.key())}
                            </button>
                        }
                    })
                    .collect_view()}
                <button type="button" class="button button--small" on:click=move |_| on_clear.run(())>
                    {i18n.tr(Key::ListClearSelection)}
                </button>
            </div>
        </Show>
    }
}

/// "Showing parties 1–100 of N" with previous/next, when an "all" choice is chunked.
#[component]
pub fn PartyChunkNav(
    /// `(chunk, total)`: the 0-based chunk shown and how many parties the choice covers.
    #[prop(into)]
    chunk: Signal<Option<(usize, usize)>>,
    /// Called with the chunk to show.
    #[prop(into)]
    on_chunk: Callback<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        chunk.get().map(|(index, total)| {
            let from = index * PARTY_CHUNK + 1;
            let to = ((index + 1) * PARTY_CHUNK).min(total);
            let last_chunk = total.div_ceil(PARTY_CHUNK).saturating_sub(1);
            view! {
                <div class="party-chunks">
                    <p role="status">
                        {i18n.tf(
                            Key::PartyChunk,
                            &[("from", &from.to_string()), ("to", &to.to_string()), ("total", &total.to_string())],
                        )}
                    </p>
                    <button
                        type="button"
                        class="button button--small"
                        disabled=index == 0
                        on:click=move |_| on_chunk.run(index.saturating_sub(1))
                    >
                        {i18n.t(Key::PartyPreviousChunk)}
                    </button>
                    <button
                        type="button"
                        class="button button--small"
                        disabled={index >= last_chunk}
                        on:click=move |_| on_chunk.run(index + 1)
                    >
                        {i18n.t(Key::PartyNextChunk)}
                    </button>
                </div>
            }
        })
    }
}

/// Explains why the list could not be loaded, always with a way out: "Log in again" after
/// a 401, "Try again" otherwise. A 422 asks the user to narrow the search.
#[component]
pub fn ListErrorNotice(
    /// The error.
    error: ApiError,
    /// Called on "Try again"; without it no button.
    #[prop(optional, into)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let unauthorized = matches!(error, ApiError::Unauthorized);
    let key = match &error {
        ApiError::Unauthorized => Key::ErrorSessionEnded,
        ApiError::Network(_) => Key::ErrorNetwork,
        ApiError::Decode(_) => Key::ErrorDecode,
        ApiError::Problem { status: 422, .. } => Key::ListSearchTooBroad,
        ApiError::Problem { status: 403, .. } => Key::ErrorForbidden,
        ApiError::Problem { status: 404, .. } => Key::ErrorNotFound,
        ApiError::Problem {
            status: 502..=504, ..
        } => Key::ErrorUnavailable,
        ApiError::Problem { .. } => Key::ErrorHeading,
    };
    let code = error.status().filter(|s| *s != 401 && *s != 422);
    let login_href = move || {
        let return_to = path_with_query(&location.pathname.get(), &location.search.get());
        Page::ApiLogin { return_to }.href()
    };
    view! {
        <div class="notice notice--error" role="alert">
            <p class="notice__message">{i18n.tr(key)}</p>
            {code
                .map(|status| {
                    view! {
                        <p class="notice__details">
                            {move || i18n.tf(Key::ErrorCode, &[("status", &status.to_string())])}
                        </p>
                    }
                })}
            {unauthorized
                .then(|| {
                    view! {
                        <a class="button button--primary" href=login_href rel="external">
                            {i18n.tr(Key::LogInAgain)}
                        </a>
                    }
                })}
            {(!unauthorized)
                .then_some(on_retry)
                .flatten()
                .map(|retry| {
                    view! {
                        <button type="button" class="button" on:click=move |_| retry.run(())>
                            {i18n.tr(Key::TryAgain)}
                        </button>
                    }
                })}
        </div>
    }
}

/// "Save search": asks for a name in a modal dialog and stores the search on the server.
#[component]
pub fn SaveSearchDialog(
    /// The address of the search to save (path and query).
    #[prop(into)]
    query: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let dialog_ref = NodeRef::<html::Dialog>::new();
    let opener_ref = NodeRef::<html::Button>::new();
    let name = RwSignal::new(String::new());
    let invalid = RwSignal::new(false);
    let saving = RwSignal::new(false);
    let error: RwSignal<Option<ApiError>> = RwSignal::new(None);
    let saved: RwSignal<Option<String>> = RwSignal::new(None);

    let open = move |_| {
        name.set(String::new());
        invalid.set(false);
        error.set(None);
        if let Some(dialog) = dialog_ref.get_untracked() {
            let _ = dialog.show_modal();
        }
    };
    let close = move || {
        if let Some(dialog) = dialog_ref.get_untracked() {
            dialog.close();
        }
        if let Some(button) = opener_ref.get_untracked() {
            let _ = button.focus();
        }
    };
    let submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let value = name.get_untracked().trim().to_owned();
        if value.is_empty() || value.chars().count() > 100 {
            invalid.set(true);
            return;
        }
        invalid.set(false);
        saving.set(true);
        let lang = i18n.lang_signal().get_untracked();
        let body = SaveSearch {
            name: value.clone(),
            query: query.get_untracked(),
        };
        spawn_local(async move {
            let result = create_saved_search(&body, lang).await;
            saving.set(false);
            match result {
                Ok(_) => {
                    saved.set(Some(value));
                    close();
                }
                Err(err) => error.set(Some(err)),
            }
        });
    };

    view! {
        <div class="save-search">
            <button type="button" class="button" node_ref=opener_ref on:click=open>
                {i18n.tr(Key::ListSaveSearch)}
            </button>
            <p class="save-search__done" role="status">
                {move || saved.get().map(|n| i18n.tf(Key::ListSearchSaved, &[("name", &n)]))}
            </p>
            <dialog class="modal" node_ref=dialog_ref aria-labelledby="save-search-heading">
                <form class="modal__form" on:submit=submit>
                    <h2 id="save-search-heading">{i18n.tr(Key::ListSaveSearch)}</h2>
                    <label for="save-search-name">{i18n.tr(Key::ListSearchName)}</label>
                    <input
                        id="save-search-name"
                        class="input"
                        type="text"
                        maxlength="100"
                        aria-invalid=move || invalid.get().to_string()
                        aria-describedby="save-search-error"
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                    <p id="save-search-error" class="field-error">
                        {move || invalid.get().then(|| i18n.t(Key::ListNameRequired))}
                    </p>
                    {move || error.get().map(|error| view! { <ListErrorNotice error=error /> })}
                    <div class="modal__buttons">
                        <button type="submit" class="button button--primary" aria-disabled=move || saving.get().to_string()>
                            {i18n.tr(Key::ListSave)}
                        </button>
                        <button type="button" class="button" on:click=move |_| close()>
                            {i18n.tr(Key::ListCancel)}
                        </button>
                    </div>
                </form>
            </dialog>
        </div>
    }
}
