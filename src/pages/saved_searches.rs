//! `/saved-searches`: the user's saved searches, stored by the server; open (a link to the
//! search), rename (in a modal dialog) and delete (with "Undo").
//!
//! Focus never falls to the page's start when the list is drawn anew: after a rename it goes
//! to the search's "Rename" button, after a delete to "Undo", after an undo to the search's
//! link again.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::a11y::{focus_id, use_page_title};
use crate::api::ApiError;
use crate::api::saved_searches::{
    SaveSearch, SavedSearch, SavedSearchList, create_saved_search, delete_saved_search,
    list_saved_searches, update_saved_search,
};
use crate::components::inbox_list_parts::{ListErrorNotice, ViewNav};
use crate::i18n::{Key, SavedSearchKey, use_i18n};
use crate::inbox_search::{InboxView, SearchState};
use crate::load::{Loaded, load};
use crate::session::use_session;

/// The saved searches page.
#[component]
pub fn SavedSearchesPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    use_page_title(Key::ListSavedSearches);

    let list: Loaded<Result<SavedSearchList, ApiError>> = load(move || {
        let lang = i18n.lang_signal().get_untracked();
        async move {
            let result = list_saved_searches(lang).await;
            if let Err(error) = &result {
                session.observe(error);
            }
            result
        }
    });
    let message = RwSignal::new(String::new());
    let action_error: RwSignal<Option<ApiError>> = RwSignal::new(None);
    let renaming: RwSignal<Option<SavedSearch>> = RwSignal::new(None);
    let new_name = RwSignal::new(String::new());
    let invalid = RwSignal::new(false);
    let dialog_ref = NodeRef::<html::Dialog>::new();
    // The search deleted last, while "Undo" may bring it back.
    let deleted: RwSignal<Option<SavedSearch>> = RwSignal::new(None);
    // The element to focus once the list's next answer is drawn.
    let focus_after: RwSignal<Option<String>> = RwSignal::new(None);
    Effect::new(move |_| {
        list.with(|_| ());
        if let Some(id) = focus_after.get_untracked() {
            request_animation_frame(move || {
                if focus_id(&id) {
                    focus_after.set(None);
                }
            });
        }
    });

    let remove = move |search: SavedSearch| {
        let lang = i18n.lang_signal().get_untracked();
        spawn_local(async move {
            let id = search.id.to_string();
            match delete_saved_search(&id, lang).await {
                Ok(()) => {
                    message.set(lang.tf(SavedSearchKey::ListDeleted, &[("name", &search.name)]));
                    action_error.set(None);
                    deleted.set(Some(search));
                    request_animation_frame(|| {
                        focus_id(UNDO_ID);
                    });
                }
                Err(error) => {
                    session.observe(&error);
                    action_error.set(Some(error));
                    focus_after.set(Some(delete_button_id(&id)));
                }
            }
            list.refetch();
        });
    };
    let undo = move |_| {
        let Some(search) = deleted.get_untracked() else {
            return;
        };
        let lang = i18n.lang_signal().get_untracked();
        spawn_local(async move {
            let body = SaveSearch {
                name: search.name.clone(),
                query: search.query.clone(),
            };
            match create_saved_search(&body, lang).await {
                Ok(restored) => {
                    message.set(lang.tf(
                        SavedSearchKey::ListRestoredSearch,
                        &[("name", &restored.name)],
                    ));
                    action_error.set(None);
                    deleted.set(None);
                    focus_after.set(Some(link_id(&restored.id.to_string())));
                }
                Err(error) => {
                    session.observe(&error);
                    action_error.set(Some(error));
                }
            }
            list.refetch();
        });
    };
    let start_rename = move |search: SavedSearch| {
        new_name.set(search.name.clone());
        invalid.set(false);
        renaming.set(Some(search));
        if let Some(dialog) = dialog_ref.get_untracked() {
            let _ = dialog.show_modal();
        }
    };
    let close = move || {
        if let Some(dialog) = dialog_ref.get_untracked() {
            dialog.close();
        }
        renaming.set(None);
    };
    let submit_rename = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let Some(search) = renaming.get_untracked() else {
            return;
        };
        let name = new_name.get_untracked().trim().to_owned();
        if name.is_empty() || name.chars().count() > 100 {
            invalid.set(true);
            return;
        }
        let lang = i18n.lang_signal().get_untracked();
        spawn_local(async move {
            let body = SaveSearch {
                name: name.clone(),
                query: search.query.clone(),
            };
            let id = search.id.to_string();
            match update_saved_search(&id, &body, lang).await {
                Ok(_) => {
                    message.set(lang.tf(SavedSearchKey::ListRenamed, &[("name", &name)]));
                    action_error.set(None);
                    deleted.set(None);
                    focus_after.set(Some(rename_button_id(&id)));
                }
                Err(error) => {
                    session.observe(&error);
                    action_error.set(Some(error));
                }
            }
            close();
            list.refetch();
        });
    };

    let nav_state = Signal::stored(SearchState::default());
    view! {
        <div class="page saved-searches">
            <ViewNav state=nav_state view=Signal::stored(None) />
            <h1 tabindex="-1">{i18n.tr(Key::ListSavedSearches)}</h1>
            <p role="status" class="saved-searches__status">
                {move || {
                    if list.with(Option::is_none) {
                        i18n.t(SavedSearchKey::ListLoadingSavedSearches).to_owned()
                    } else {
                        message.get()
                    }
                }}
            </p>
            <Show when=move || deleted.with(Option::is_some)>
                <button id=UNDO_ID type="button" class="button button--small" on:click=undo>
                    {i18n.tr(Key::ListUndo)}
                </button>
            </Show>
            <Show when=move || list.with(|l| matches!(l, Some(Ok(l)) if l.items.is_empty()))>
                <p>{i18n.tr(SavedSearchKey::ListNoSavedSearches)}</p>
                <p>{i18n.tr(SavedSearchKey::ListNoSavedSearchesHint)}</p>
            </Show>
            {move || action_error.get().map(|error| view! { <ListErrorNotice error=error /> })}
            {move || {
                list.with(|answer| match answer {
                    Some(Err(error)) => {
                        view! {
                            <ListErrorNotice
                                error=error.clone()
                                on_retry=Callback::new(move |_| list.refetch())
                            />
                        }
                            .into_any()
                    }
                    Some(Ok(found)) if !found.items.is_empty() => {
                        let items = found.items.clone();
                        view! {
                            <ul class="saved-list" aria-label=i18n.t(Key::ListSavedSearches)>
                                {items
                                    .into_iter()
                                    .map(|search| {
                                        let for_rename = search.clone();
                                        let for_delete = search.clone();
                                        let lang = i18n.lang_signal().get_untracked();
                                        let id = search.id.to_string();
                                        let href = if search.query.starts_with('/') {
                                            search.query.clone()
                                        } else {
                                            InboxView::Inbox.path().to_owned()
                                        };
                                        view! {
                                            <li class="saved-list__item">
                                                <a class="saved-list__link" id=link_id(&id) href=href>
                                                    {search.name.clone()}
                                                </a>
                                                <span class="saved-list__buttons">
                                                    <button
                                                        type="button"
                                                        id=rename_button_id(&id)
                                                        class="button button--small"
                                                        aria-label=lang.tf(SavedSearchKey::ListRename, &[("name", &search.name)])
                                                        on:click=move |_| start_rename(for_rename.clone())
                                                    >
                                                        {lang.t(SavedSearchKey::ListRenameHeading)}
                                                    </button>
                                                    <button
                                                        type="button"
                                                        id=delete_button_id(&id)
                                                        class="button button--small button--danger"
                                                        aria-label=lang.tf(SavedSearchKey::ListDelete, &[("name", &search.name)])
                                                        on:click=move |_| remove(for_delete.clone())
                                                    >
                                                        {lang.t(SavedSearchKey::ListDeleteButton)}
                                                    </button>
                                                </span>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                    _ => ().into_any(),
                })
            }}
            <dialog class="modal" node_ref=dialog_ref aria-labelledby="rename-heading">
                <form class="modal__form" on:submit=submit_rename>
                    <h2 id="rename-heading">{i18n.tr(SavedSearchKey::ListRenameHeading)}</h2>
                    <label for="rename-name">{i18n.tr(Key::ListSearchName)}</label>
                    <input
                        id="rename-name"
                        class="input"
                        type="text"
                        maxlength="100"
                        aria-invalid=move || invalid.get().to_string()
                        aria-describedby="rename-error"
                        prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(event_target_value(&ev))
                    />
                    <p id="rename-error" class="field-error">
                        {move || invalid.get().then(|| i18n.t(Key::ListNameRequired))}
                    </p>
                    <div class="modal__buttons">
                        <button type="submit" class="button button--primary">
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

/// The "Undo" button offered after a delete.
const UNDO_ID: &str = "saved-undo";

fn link_id(id: &str) -> String {
    format!("saved-{id}")
}

fn rename_button_id(id: &str) -> String {
    format!("saved-rename-{id}")
}

fn delete_button_id(id: &str) -> String {
    format!("saved-delete-{id}")
}
