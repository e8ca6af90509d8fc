//! `/inbox`, `/drafts`, `/sent`, `/archive`, `/bin`: the dialogs of the chosen parties.
//!
//! The view is the route and the whole search (parties, free text, filters, sort) is the
//! query string ([`SearchState`]), so back/forward, reload and bookmarks restore the exact
//! list. The first page is loaded whenever that state changes; "Load more" appends pages with the
//! continuation token and the same `orderBy`, and moves focus to the first new row.
//! Label changes (per row or in bulk) are confirmed with an undo-able message.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::Local;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};

use crate::a11y::{focus_id, use_page_title_with};
use crate::api::ApiError;
use crate::api::bulk_labels::{MAX_BULK, bulk_set_labels};
use crate::api::dialogporten::{get_parties, search_dialogs};
use crate::api::labels::set_system_labels;
use crate::api::service_catalogue::{ServiceCatalogue, get_service_catalogue};
use crate::api::wire::{DialogListItem, DialogSearchQuery, PaginatedList, Parties};
use crate::components::dialog_list::{row_link_id, row_menu_button_id};
use crate::components::inbox_filters::InboxFilters;
use crate::components::inbox_list_parts::{
    BulkBar, ListErrorNotice, PartyChunkNav, SaveSearchDialog, ViewNav,
};
use crate::components::party_picker::{ALL_ORGANISATIONS, ALL_PERSONS, PartyPickerPlaceholder};
use crate::components::{DialogList, PartyPicker};
use crate::i18n::{Key, Lang, use_i18n};
use crate::inbox_model::{
    CatalogueEntry, DialogRow, LabelAction, party_inputs, sender_options, service_options,
};
use crate::inbox_search::{InboxView, PARTY_CHUNK, PartyScope, SearchState, next_page_query};
use crate::load::{Loaded, load};
use crate::party_tree::{PartyEntry, PartyKind, default_party, flatten};
use crate::session::use_session;

type DialogPage = Arc<PaginatedList<DialogListItem>>;
/// Extra pages per search key, with the first page's continuation token.
type PageCache = std::collections::HashMap<String, (Option<String>, Vec<DialogPage>)>;

thread_local! {
    /// Pages loaded with "Load more", per search, with the first page's continuation token:
    /// coming back to a search (back button, link) shows them again when the first page is
    /// still the same.
    static MORE_PAGES: std::cell::RefCell<PageCache> = Default::default();
}

/// The parties a search covers, and which chunk of a larger choice this is.
#[derive(Clone, Debug, PartialEq)]
pub struct PartySlice {
    pub urns: Vec<String>,
    /// `(chunk, total)` when an "all" choice covers more than one chunk.
    pub chunk: Option<(usize, usize)>,
}

/// The first page of a search and what it was asked for.
#[derive(Clone)]
struct ListAnswer {
    key: String,
    query: DialogSearchQuery,
    result: Result<DialogPage, ApiError>,
    /// Order of arrival: of two answers for the same search, the later one counts.
    seq: u64,
}

thread_local! {
    static ANSWERS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

fn next_seq() -> u64 {
    ANSWERS.with(|n| {
        n.set(n.get() + 1);
        n.get()
    })
}

/// The id of the "Undo" button of the message after a label change.
const UNDO_ID: &str = "inbox-undo";

/// Where focus goes once the list has reloaded after a label change on one row: the row
/// usually leaves the view (archive, bin, restore), and focus would fall to the page.
#[derive(Clone, Debug)]
struct FocusAfterChange {
    /// The changed row.
    row: String,
    /// The row after it (or before it, when it was the last).
    neighbour: Option<String>,
    /// Only an answer fetched after the change counts (see [`ListAnswer::seq`]).
    after_seq: u64,
}

/// A message after a label change, with what "Undo" would do.
#[derive(Clone, Debug, PartialEq)]
struct ChangeNotice {
    text: String,
    undo: Option<(LabelAction, Vec<DialogRow>)>,
}

/// The inbox views.
#[component]
pub fn InboxPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let location = use_location();
    let view = Memo::new(move |_| {
        InboxView::from_path(&location.pathname.get()).unwrap_or(InboxView::Inbox)
    });
    let state = Memo::new(move |_| SearchState::from_query_string(&location.search.get()));
    use_page_title_with(move || i18n.t(view.get().key()).to_owned());

    let go = {
        let navigate = navigate.clone();
        Callback::new(move |next: SearchState| {
            navigate(&next.href(view.get_untracked()), NavigateOptions::default());
        })
    };

    // --- parties
    let parties: Loaded<Result<Arc<Parties>, ApiError>> = load(move || {
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
            Some(Ok(parties)) => flatten(&party_inputs(parties), true),
            _ => Vec::new(),
        })
    });
    // The session's answer comes long before the party list for someone who may represent
    // thousands of parties: the user's own dialogs are searched as soon as it is in.
    let slice: Memo<Option<PartySlice>> = Memo::new(move |_| {
        let own = session.own_party();
        state.with(|s| rows.with(|rows| party_slice(&s.parties, rows, own.as_deref())))
    });
    let picker_selected: Memo<Option<String>> = Memo::new(move |_| {
        state.with(|s| match &s.parties {
            PartyScope::AllOrganisations { .. } => Some(ALL_ORGANISATIONS.to_owned()),
            PartyScope::AllPersons { .. } => Some(ALL_PERSONS.to_owned()),
            _ => slice.with(|slice| slice.as_ref().and_then(|s| s.urns.first().cloned())),
        })
    });
    let on_party = Callback::new(move |urn: String| {
        let mut next = state.get_untracked();
        next.parties = match urn.as_str() {
            ALL_ORGANISATIONS => PartyScope::AllOrganisations { chunk: 0 },
            ALL_PERSONS => PartyScope::AllPersons { chunk: 0 },
            _ => PartyScope::Parties(vec![urn]),
        };
        go.run(next);
    });

    // --- the first page
    let list_key = Memo::new(move |_| {
        let parties = slice.get()?;
        Some((view.get(), state.get(), parties.urns, i18n.lang()))
    });
    let current_key = Memo::new(move |_| {
        list_key.with(|key| {
            key.as_ref()
                .map(|(view, state, urns, lang)| list_key_string(*view, state, urns, *lang))
        })
    });
    // The latest first page. An effect (not a resource) loads it whenever the search
    // changes or `reloads` is bumped ("Try again", after a label change); an answer that
    // arrives after the search has moved on is dropped.
    let reloads = RwSignal::new(0u32);
    let latest: RwSignal<Option<ListAnswer>> = RwSignal::new(None);
    Effect::new(move |_| {
        reloads.track();
        let Some((view, state, urns, lang)) = list_key.get() else {
            return;
        };
        let key = list_key_string(view, &state, &urns, lang);
        let query = state.to_dialog_query(view, &urns, lang.code(), &Local::now());
        let seq = next_seq();
        spawn_local_scoped(async move {
            let result = search_dialogs(&query, lang).await.map(Arc::new);
            if let Err(error) = &result {
                session.observe(error);
            }
            // The page may be gone (another route) or the search changed meanwhile.
            if current_key.try_get_untracked().flatten().as_deref() != Some(key.as_str()) {
                return;
            }
            latest.update(|latest| {
                if latest.as_ref().is_none_or(|l| l.key != key || l.seq < seq) {
                    *latest = Some(ListAnswer {
                        key,
                        query,
                        result,
                        seq,
                    });
                }
            });
        });
    });
    let answer = move || {
        let key = current_key.get();
        latest.get().filter(|a| Some(&a.key) == key.as_ref())
    };

    // --- more pages ("Load more"), kept with the key they belong to
    let more: RwSignal<(String, Vec<DialogPage>)> = RwSignal::new((String::new(), Vec::new()));
    let loading_more = RwSignal::new(false);
    let more_error: RwSignal<Option<ApiError>> = RwSignal::new(None);
    let selected: RwSignal<HashSet<String>> = RwSignal::new(HashSet::new());
    let announcement = RwSignal::new(String::new());
    // A new search starts from its first page with nothing selected.
    Effect::new(move |_| {
        current_key.track();
        selected.set(HashSet::new());
        more_error.set(None);
        announcement.set(String::new());
    });

    // Back to a search seen before: restore the pages loaded then.
    Effect::new(move |previous: Option<String>| {
        let Some(answer) = answer() else {
            return previous.unwrap_or_default();
        };
        if previous.as_deref() == Some(answer.key.as_str()) {
            return answer.key;
        }
        if let Ok(page) = &answer.result {
            let cached = MORE_PAGES.with(|cache| cache.borrow().get(&answer.key).cloned());
            if let Some((token, extra)) = cached
                && token == page.continuation_token
                && !extra.is_empty()
            {
                more.set((answer.key.clone(), extra));
            }
        }
        answer.key
    });

    let pages = Memo::new(move |_| {
        let Some(answer) = answer() else {
            return Vec::new();
        };
        let Ok(page) = answer.result else {
            return Vec::new();
        };
        let mut pages = vec![page];
        more.with(|(key, extra)| {
            if key == &answer.key {
                pages.extend(extra.iter().cloned());
            }
        });
        pages
    });
    let dialog_rows: Memo<Vec<DialogRow>> = Memo::new(move |_| {
        let lang = i18n.lang();
        pages.with(|pages| {
            pages
                .iter()
                .flat_map(|page| page.items.iter())
                .filter(|item| !item.is_api_only)
                .map(|item| DialogRow::new(item, lang))
                .collect()
        })
    });
    // Once dialogs are listed, the dialog page's and the party list's modules are fetched in
    // the background (not before: the first list would share its bandwidth): opening either
    // then waits for nothing.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let listed = dialog_rows.with(|rows| !rows.is_empty());
        if listed {
            crate::app::preload_dialog_page();
            crate::components::party_picker::preload_party_list();
        }
        listed
    });
    let next_token = move || {
        pages.with(|pages| {
            pages
                .last()
                .filter(|page| page.has_next_page)
                .and_then(|page| page.continuation_token.clone())
        })
    };

    let load_more = move |_| {
        if loading_more.get_untracked() {
            return;
        }
        let (Some(answer), Some(token)) = (answer(), next_token()) else {
            return;
        };
        let lang = i18n.lang_signal().get_untracked();
        loading_more.set(true);
        more_error.set(None);
        spawn_local_scoped(async move {
            let query = next_page_query(&answer.query, &token);
            let result = search_dialogs(&query, lang).await;
            loading_more.set(false);
            match result {
                Ok(page) => {
                    let first_new = page
                        .items
                        .iter()
                        .find(|item| !item.is_api_only)
                        .map(|item| item.id.to_string());
                    let n = page.items.len();
                    more.update(|(key, extra)| {
                        if key != &answer.key {
                            *key = answer.key.clone();
                            extra.clear();
                        }
                        extra.push(Arc::new(page));
                        let first_token = answer
                            .result
                            .as_ref()
                            .ok()
                            .and_then(|p| p.continuation_token.clone());
                        MORE_PAGES.with(|cache| {
                            cache
                                .borrow_mut()
                                .insert(key.clone(), (first_token, extra.clone()));
                        });
                    });
                    announcement.set(lang.count(Key::ListOneMoreLoaded, Key::ListMoreLoaded, n));
                    if let Some(id) = first_new {
                        request_animation_frame(move || {
                            focus_id(&row_link_id(&id));
                        });
                    }
                }
                Err(error) => {
                    session.observe(&error);
                    more_error.set(Some(error));
                }
            }
        });
    };

    let reload = move || {
        MORE_PAGES.with(|cache| cache.borrow_mut().clear());
        more.set((String::new(), Vec::new()));
        reloads.update(|n| *n += 1);
    };

    // --- label changes
    let notice: RwSignal<Option<ChangeNotice>> = RwSignal::new(None);
    let change_error: RwSignal<Option<ApiError>> = RwSignal::new(None);
    let busy_change = RwSignal::new(false);
    let focus_after: StoredValue<Option<FocusAfterChange>> = StoredValue::new(None);
    let run_action = Callback::new(move |(action, targets): (LabelAction, Vec<DialogRow>)| {
        if targets.is_empty() || busy_change.get_untracked() {
            return;
        }
        let plan = match targets.as_slice() {
            [row] => dialog_rows.with_untracked(|rows| {
                let at = rows.iter().position(|r| r.id == row.id)?;
                let neighbour = rows
                    .get(at + 1)
                    .or_else(|| at.checked_sub(1).and_then(|i| rows.get(i)));
                Some(FocusAfterChange {
                    row: row.id.clone(),
                    neighbour: neighbour.map(|r| r.id.clone()),
                    after_seq: ANSWERS.with(std::cell::Cell::get),
                })
            }),
            _ => None,
        };
        let lang = i18n.lang_signal().get_untracked();
        if targets.len() > MAX_BULK {
            notice.set(Some(ChangeNotice {
                text: lang.tf(Key::ListTooMany, &[("n", &MAX_BULK.to_string())]),
                undo: None,
            }));
            return;
        }
        busy_change.set(true);
        change_error.set(None);
        spawn_local_scoped(async move {
            let (add, remove) = action.change();
            let single = match targets.as_slice() {
                [row] => uuid::Uuid::parse_str(&row.revision)
                    .ok()
                    .map(|rev| (row.id.clone(), rev)),
                _ => None,
            };
            let result = if let Some((id, revision)) = single {
                set_system_labels(&id, revision, add, remove, lang)
                    .await
                    .map(|_| ())
            } else {
                let dialogs: Vec<(String, Option<String>)> = targets
                    .iter()
                    .map(|row| (row.id.clone(), Some(row.revision.clone())))
                    .collect();
                bulk_set_labels(&dialogs, add, remove, lang).await
            };
            busy_change.set(false);
            match result {
                Ok(()) => {
                    let n = targets.len().to_string();
                    let bulk = targets.len() > 1;
                    notice.set(Some(ChangeNotice {
                        text: lang.tf(action.done_key(), &[("n", &n)]),
                        undo: Some((action, targets)),
                    }));
                    selected.set(HashSet::new());
                    if bulk {
                        // The bulk bar goes with the selection: focus to "Undo" next to the
                        // message that tells what happened.
                        request_animation_frame(|| {
                            focus_id(UNDO_ID);
                        });
                    } else {
                        focus_after.set_value(plan);
                    }
                }
                Err(ApiError::Problem { status: 412, .. }) => {
                    notice.set(Some(ChangeNotice {
                        text: lang.t(Key::ListConflict).to_owned(),
                        undo: None,
                    }));
                }
                Err(error) => {
                    session.observe(&error);
                    change_error.set(Some(error));
                }
            }
            reload();
        });
    });
    // After a label change on one row: once the list has reloaded without that row, focus
    // its neighbour, so keyboard users keep their place (or "Undo" when no row is left).
    Effect::new(move |_| {
        let Some(seq) = answer().map(|a| a.seq) else {
            return;
        };
        let Some(plan) = focus_after.get_value() else {
            return;
        };
        if seq <= plan.after_seq {
            return;
        }
        focus_after.set_value(None);
        let listed = |id: &str| dialog_rows.with_untracked(|rows| rows.iter().any(|r| r.id == id));
        // Still listed (marked as unread): its row was drawn anew, so back to its menu button.
        let target = if listed(&plan.row) {
            row_menu_button_id(&plan.row)
        } else {
            plan.neighbour
                .filter(|id| listed(id))
                .map_or_else(|| UNDO_ID.to_owned(), |id| row_link_id(&id))
        };
        request_animation_frame(move || {
            focus_id(&target);
        });
    });
    let undo = move |_| {
        let Some((action, targets)) = notice.get_untracked().and_then(|n| n.undo) else {
            return;
        };
        let lang = i18n.lang_signal().get_untracked();
        busy_change.set(true);
        spawn_local_scoped(async move {
            // One bulk change per folder the dialogs came from.
            let mut folders: Vec<crate::api::wire::SystemLabel> = Vec::new();
            for row in &targets {
                if !folders.contains(&row.folder) {
                    folders.push(row.folder.clone());
                }
            }
            let mut failure = None;
            for folder in folders {
                let dialogs: Vec<(String, Option<String>)> = targets
                    .iter()
                    .filter(|row| row.folder == folder)
                    .map(|row| (row.id.clone(), None))
                    .collect();
                let (add, remove) = action.undo_change(&folder);
                if let Err(error) = bulk_set_labels(&dialogs, add, remove, lang).await {
                    failure = Some(error);
                }
            }
            busy_change.set(false);
            match failure {
                None => notice.set(Some(ChangeNotice {
                    text: lang.t(Key::ListUndone).to_owned(),
                    undo: None,
                })),
                Some(error) => {
                    session.observe(&error);
                    change_error.set(Some(error));
                }
            }
            reload();
        });
    };
    let selected_rows = Signal::derive(move || {
        selected.with(|ids| {
            dialog_rows.with(|rows| {
                rows.iter()
                    .filter(|row| ids.contains(&row.id))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });

    // --- filter choices: the services of the parties searched, with names
    let catalogue: Loaded<Vec<CatalogueEntry>> = load(move || {
        let urns = slice.with(|s| s.as_ref().map(|s| s.urns.clone()));
        let lang = i18n.lang();
        async move {
            let Some(urns) = urns else {
                return Vec::new();
            };
            // Without names the filters fall back to codes: not worth an error message.
            get_service_catalogue(&urns, lang)
                .await
                .map(|c| catalogue_entries(&c, lang))
                .unwrap_or_default()
        }
    });
    let catalogue_now = move || catalogue.with(|c| c.clone().unwrap_or_default());
    let senders = Signal::derive(move || {
        let lang = i18n.lang();
        let entries = catalogue_now();
        dialog_rows.with(|rows| state.with(|s| sender_options(rows, &entries, &s.org, lang)))
    });
    let services = Signal::derive(move || {
        let entries = catalogue_now();
        dialog_rows.with(|rows| state.with(|s| service_options(rows, &entries, &s.service)))
    });

    // --- status line
    let parties_error = move || parties.with(|answer| answer.as_ref()?.as_ref().err().cloned());
    let busy = move || parties_error().is_none() && answer().is_none();
    let search_error = move || answer().and_then(|a| a.result.err());
    // The party list and the search run side by side: when both failed alike (the session
    // ended, the network is down), one explanation, whose "Try again" retries both.
    let same_failure = move || match (parties_error(), search_error()) {
        (Some(p), Some(s)) => {
            std::mem::discriminant(&p) == std::mem::discriminant(&s) && p.status() == s.status()
        }
        _ => false,
    };
    let list_error = move || search_error().filter(|_| !same_failure());
    let status_text = move || {
        if busy() {
            return i18n.t(Key::LoadingDialogs).to_owned();
        }
        if search_error().is_some() {
            return String::new();
        }
        let n = dialog_rows.with(Vec::len);
        if n == 0 {
            let filtered = state.with(SearchState::is_filtered);
            return i18n
                .t(if filtered {
                    Key::ListNoMatches
                } else {
                    Key::NoDialogs
                })
                .to_owned();
        }
        let shown = i18n.tf(Key::DialogsShown, &[("n", &n.to_string())]);
        let extra = announcement.get();
        if extra.is_empty() {
            shown
        } else {
            format!("{extra}. {shown}")
        }
    };

    let chunk_info = Signal::derive(move || slice.with(|s| s.as_ref().and_then(|s| s.chunk)));
    let on_chunk = Callback::new(move |chunk: usize| {
        let mut next = state.get_untracked();
        next.parties = match next.parties {
            PartyScope::AllOrganisations { .. } => PartyScope::AllOrganisations { chunk },
            PartyScope::AllPersons { .. } => PartyScope::AllPersons { chunk },
            other => other,
        };
        go.run(next);
    });
    let save_query = Signal::derive(move || state.with(|s| s.href(view.get())));

    view! {
        <div class="page inbox">
            <ViewNav state=state view=Signal::derive(move || Some(view.get())) />
            <div class="inbox__head">
                <h1 tabindex="-1">{move || i18n.t(view.get().key())}</h1>
                <Show
                    when=move || !rows.with(Vec::is_empty)
                    fallback=move || parties_error().is_none().then(|| view! { <PartyPickerPlaceholder /> })
                >
                    <PartyPicker parties=rows selected=picker_selected on_select=on_party />
                </Show>
            </div>
            {move || {
                parties_error()
                    .map(|error| {
                        view! {
                            <ListErrorNotice
                                error=error
                                on_retry=Callback::new(move |_| {
                                    if same_failure() {
                                        reload();
                                    }
                                    parties.refetch();
                                })
                            />
                        }
                    })
            }}
            <PartyChunkNav chunk=chunk_info on_chunk=on_chunk />
            <InboxFilters
                state=state
                view=view
                senders=senders
                services=services
                on_change=go
            />
            <SaveSearchDialog query=save_query />
            <div class="inbox__notice" role="status">
                {move || {
                    notice
                        .get()
                        .map(|n| {
                            let can_undo = n.undo.is_some();
                            view! {
                                <p class="notice notice--info">
                                    {n.text} " "
                                    {can_undo
                                        .then(|| {
                                            view! {
                                                <button type="button" id=UNDO_ID class="button button--small" on:click=undo>
                                                    {i18n.t(Key::ListUndo)}
                                                </button>
                                            }
                                        })}
                                </p>
                            }
                        })
                }}
            </div>
            {move || {
                change_error
                    .get()
                    .map(|error| view! { <ListErrorNotice error=error on_retry=Callback::new(move |_| reload()) /> })
            }}
            <BulkBar selected=selected_rows on_action=run_action on_clear=Callback::new(move |_| selected.set(HashSet::new())) />
            <section class="inbox__body" aria-busy=move || busy().to_string()>
                <p class="inbox__status" role="status">
                    {status_text}
                </p>
                {move || {
                    list_error()
                        .map(|error| {
                            view! { <ListErrorNotice error=error on_retry=Callback::new(move |_| reload()) /> }
                        })
                }}
                <Show when=move || !dialog_rows.with(Vec::is_empty)>
                    <DialogList
                        dialogs=dialog_rows
                        selected=selected
                        sort=Signal::derive(move || state.with(|s| s.sort))
                        search=Signal::derive(move || {
                            state.with(|s| s.search_text().unwrap_or_default().to_owned())
                        })
                        on_action=Callback::new(move |(action, row): (LabelAction, DialogRow)| {
                            run_action.run((action, vec![row]))
                        })
                    />
                </Show>
                {move || {
                    more_error
                        .get()
                        .map(|error| view! { <ListErrorNotice error=error /> })
                }}
                <Show when=move || next_token().is_some()>
                    <button
                        type="button"
                        class="button inbox__more"
                        on:click=load_more
                        aria-disabled=move || loading_more.get().to_string()
                    >
                        {i18n.tr(Key::ListLoadMore)}
                    </button>
                </Show>
            </section>
        </div>
    }
}

fn catalogue_entries(catalogue: &ServiceCatalogue, lang: Lang) -> Vec<CatalogueEntry> {
    let name = |names: &[crate::api::wire::Localization]| {
        altinn::best_match(names, lang.code())
            .unwrap_or_default()
            .to_owned()
    };
    catalogue
        .items
        .iter()
        .filter_map(|item| {
            let resource = item.service_resource.id.clone()?;
            let owner = item.service_owner.as_ref();
            Some(CatalogueEntry {
                name: Some(name(&item.service_resource.name))
                    .filter(|n| !n.is_empty())
                    .unwrap_or_else(|| resource.rsplit(':').next().unwrap_or(&resource).to_owned()),
                resource,
                owner_code: owner.and_then(|o| o.code.clone()).unwrap_or_default(),
                owner_name: owner.map(|o| name(&o.name)).unwrap_or_default(),
            })
        })
        .collect()
}

fn list_key_string(view: InboxView, state: &SearchState, urns: &[String], lang: Lang) -> String {
    format!(
        "{}?{}|{}|{}",
        view.path(),
        state.to_query_string(),
        urns.join(","),
        lang.code()
    )
}

/// The parties a scope covers, given the user's parties and the user's own party from the
/// session. Deleted parties and parents listed only for the hierarchy are never searched; an
/// "all" choice over more than [`PARTY_CHUNK`] parties is searched one chunk at a time.
///
/// Until the party list is in (`rows` empty), the default scope is the user's own party and
/// parties named in the URL are taken as they are, so the first search need not wait for
/// the list; an "all" choice does (`None`).
pub fn party_slice(
    scope: &PartyScope,
    rows: &[PartyEntry],
    own: Option<&str>,
) -> Option<PartySlice> {
    let named = |urns: &[String]| PartySlice {
        urns: urns.iter().take(PARTY_CHUNK).cloned().collect(),
        chunk: None,
    };
    if rows.is_empty() {
        return match scope {
            PartyScope::Default => own.map(|urn| named(&[urn.to_owned()])),
            PartyScope::Parties(urns) => Some(named(urns)),
            PartyScope::AllOrganisations { .. } | PartyScope::AllPersons { .. } => None,
        };
    }
    let searchable = |kind: PartyKind| -> Vec<String> {
        rows.iter()
            .filter(|row| row.kind == kind && row.selectable && !row.is_deleted)
            .map(|row| row.urn.clone())
            .collect()
    };
    let chunked = |all: Vec<String>, chunk: usize| {
        let total = all.len();
        let chunks = total.div_ceil(PARTY_CHUNK).max(1);
        let chunk = chunk.min(chunks - 1);
        let urns = all
            .into_iter()
            .skip(chunk * PARTY_CHUNK)
            .take(PARTY_CHUNK)
            .collect();
        PartySlice {
            urns,
            chunk: (total > PARTY_CHUNK).then_some((chunk, total)),
        }
    };
    Some(match scope {
        PartyScope::Default => {
            let live: Vec<PartyEntry> = rows.iter().filter(|r| !r.is_deleted).cloned().collect();
            PartySlice {
                urns: default_party(&live)
                    .map(|r| r.urn.clone())
                    .into_iter()
                    .collect(),
                chunk: None,
            }
        }
        PartyScope::Parties(urns) => named(urns),
        PartyScope::AllOrganisations { chunk } => {
            chunked(searchable(PartyKind::Organisation), *chunk)
        }
        PartyScope::AllPersons { chunk } => chunked(searchable(PartyKind::Person), *chunk),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::party_tree::PartyInput;
    use wasm_bindgen_test::wasm_bindgen_test;

    const ME: &str = "urn:altinn:person:identifier-no:08844397713";
    const ORG: &str = "urn:altinn:organization:identifier-no:310000001";

    fn party(urn: &str, kind: PartyKind, is_me: bool) -> PartyInput {
        PartyInput {
            urn: urn.to_owned(),
            name: "NAME".to_owned(),
            kind,
            is_current_end_user: is_me,
            is_deleted: false,
            has_only_access_to_sub_parties: false,
            sub_parties: Vec::new(),
        }
    }

    fn urns(slice: Option<PartySlice>) -> Option<Vec<String>> {
        slice.map(|s| s.urns)
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn before_the_party_list_the_own_party_and_named_parties_are_searched() {
        let named = PartyScope::Parties(vec![ORG.to_owned()]);
        assert_eq!(
            urns(party_slice(&PartyScope::Default, &[], Some(ME))),
            Some(vec![ME.to_owned()])
        );
        assert_eq!(urns(party_slice(&PartyScope::Default, &[], None)), None);
        assert_eq!(
            urns(party_slice(&named, &[], None)),
            Some(vec![ORG.to_owned()])
        );
        // "All" choices need the list.
        let all = PartyScope::AllOrganisations { chunk: 0 };
        assert_eq!(urns(party_slice(&all, &[], Some(ME))), None);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn the_party_list_does_not_change_the_search_made_before_it() {
        let rows = flatten(
            &[
                party(ORG, PartyKind::Organisation, false),
                party(ME, PartyKind::Person, true),
            ],
            true,
        );
        for scope in [
            PartyScope::Default,
            PartyScope::Parties(vec![ORG.to_owned()]),
        ] {
            assert_eq!(
                party_slice(&scope, &[], Some(ME)),
                party_slice(&scope, &rows, Some(ME)),
                "{scope:?}"
            );
        }
        assert_eq!(
            urns(party_slice(
                &PartyScope::AllOrganisations { chunk: 0 },
                &rows,
                Some(ME)
            )),
            Some(vec![ORG.to_owned()])
        );
    }
}
