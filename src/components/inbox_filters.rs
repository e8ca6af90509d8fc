//! The search box and the filters of the inbox, bound to a [`SearchState`].
//!
//! The component only reads the state it is given and reports a new one through
//! `on_change`; the page puts it in the URL (which resets paging). Filters sit in a
//! "Filters" disclosure so small screens can fold them away.

use leptos::prelude::*;

use crate::i18n::{Key, use_i18n};
use crate::inbox_model::{FilterOption, status_word};
use crate::inbox_search::{
    InboxView, MIN_SEARCH_CHARS, ReadFilter, STATUSES, SearchState, SortChoice, UpdatedFilter,
};

/// The search box and filters.
#[component]
pub fn InboxFilters(
    /// The search now in force (from the URL).
    #[prop(into)]
    state: Signal<SearchState>,
    /// The view shown (Drafts has no status filter: its status is fixed).
    #[prop(into)]
    view: Signal<InboxView>,
    /// Sender choices (service owner codes with names).
    #[prop(into)]
    senders: Signal<Vec<FilterOption>>,
    /// Service resource choices.
    #[prop(into)]
    services: Signal<Vec<FilterOption>>,
    /// Called with the new search when the user changes something.
    #[prop(into)]
    on_change: Callback<SearchState>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(state.get_untracked().search);
    // Keep the box in step when the URL changes (back/forward, a saved search).
    Effect::new(move |_| text.set(state.with(|s| s.search.clone())));
    let too_short = move || {
        text.with(|t| {
            let n = t.trim().chars().count();
            n > 0 && n < MIN_SEARCH_CHARS
        })
    };

    let change = move |edit: &dyn Fn(&mut SearchState)| {
        let mut next = state.get_untracked();
        edit(&mut next);
        on_change.run(next);
    };
    let submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let value = text.get_untracked();
        change(&|s| s.search = value.trim().to_owned());
    };

    let wide = window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w >= 720.0);
    let open_at_start = wide || state.with_untracked(SearchState::is_filtered);

    let check_group = move |legend: Key,
                            options: Signal<Vec<FilterOption>>,
                            chosen: fn(&SearchState) -> &Vec<String>,
                            set: fn(&mut SearchState, Vec<String>)| {
        view! {
            <fieldset class="filter filter--checks">
                <legend>{i18n.tr(legend)}</legend>
                <div class="filter__options">
                    {move || {
                        options
                            .get()
                            .into_iter()
                            .map(|option| {
                                let value = option.value.clone();
                                let checked_value = option.value.clone();
                                view! {
                                    <label class="check">
                                        <input
                                            type="checkbox"
                                            prop:checked=move || {
                                                state.with(|s| chosen(s).contains(&checked_value))
                                            }
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                let value = value.clone();
                                                change(&|s| {
                                                    let mut list = chosen(s).clone();
                                                    list.retain(|v| v != &value);
                                                    if on {
                                                        list.push(value.clone());
                                                    }
                                                    set(s, list);
                                                });
                                            }
                                        />
                                        " "
                                        {option.label}
                                    </label>
                                }
                            })
                            .collect_view()
                    }}
                </div>
            </fieldset>
        }
    };

    let status_options = Signal::derive(move || {
        let lang = i18n.lang();
        STATUSES
            .iter()
            .map(|status| FilterOption {
                value: status.as_str().to_owned(),
                label: lang.t(status_word(status).0).to_owned(),
            })
            .collect::<Vec<_>>()
    });
    let status_strings = Memo::new(move |_| {
        state.with(|s| {
            s.status
                .iter()
                .map(|st| st.as_str().to_owned())
                .collect::<Vec<_>>()
        })
    });

    view! {
        <div class="inbox-search">
            <form class="inbox-search__form" role="search" on:submit=submit>
                <input
                    type="search"
                    class="input inbox-search__box"
                    name="search"
                    aria-label=i18n.tr(Key::ListSearch)
                    aria-describedby="inbox-search-hint"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                />
                <button type="submit" class="button button--primary">
                    {i18n.tr(Key::ListSearch)}
                </button>
                <p id="inbox-search-hint" class="hint" class:hint--warn=too_short>
                    {move || i18n.tf(Key::ListSearchHint, &[("n", &MIN_SEARCH_CHARS.to_string())])}
                </p>
            </form>
            <details class="filters" open=open_at_start>
                <summary>{i18n.tr(Key::ListFilters)}</summary>
                <div class="filters__grid">
                    <Show when=move || view.get() != InboxView::Drafts>
                                <fieldset class="filter filter--checks">
                                    <legend>{i18n.tr(Key::Status)}</legend>
                                    <div class="filter__options">
                                        {move || {
                                            status_options
                                                .get()
                                                .into_iter()
                                                .map(|option| {
                                                    let value = option.value.clone();
                                                    let checked_value = option.value.clone();
                                                    view! {
                                                        <label class="check">
                                                            <input
                                                                type="checkbox"
                                                                prop:checked=move || {
                                                                    status_strings.with(|s| s.contains(&checked_value))
                                                                }
                                                                on:change=move |ev| {
                                                                    let on = event_target_checked(&ev);
                                                                    let status = crate::api::wire::DialogStatus::from_wire(&value);
                                                                    change(&|s| {
                                                                        s.status.retain(|st| st != &status);
                                                                        if on {
                                                                            s.status.push(status.clone());
                                                                        }
                                                                    });
                                                                }
                                                            />
                                                            " "
                                                            {option.label}
                                                        </label>
                                                    }
                                                })
                                                .collect_view()
                                        }}
                                    </div>
                                </fieldset>
                    </Show>
                    {check_group(Key::ListSender, senders, |s| &s.org, |s, v| s.org = v)}
                    {check_group(Key::ListService, services, |s| &s.service, |s, v| s.service = v)}
                    <div class="filter">
                        <label for="filter-read">{i18n.tr(Key::ListReadStatus)}</label>
                        <select
                            id="filter-read"
                            class="input"
                            prop:value=move || state.with(|s| s.read.as_str().to_owned())
                            on:change=move |ev| {
                                let read = ReadFilter::parse(&event_target_value(&ev));
                                change(&|s| s.read = read);
                            }
                        >
                            {move || {
                                ReadFilter::ALL
                                    .into_iter()
                                    .map(|f| view! { <option value=f.as_str()>{i18n.t(f.key())}</option> })
                                    .collect_view()
                            }}
                        </select>
                    </div>
                    <div class="filter">
                        <label for="filter-updated">{i18n.tr(Key::Updated)}</label>
                        <select
                            id="filter-updated"
                            class="input"
                            prop:value=move || state.with(|s| s.updated.as_str().to_owned())
                            on:change=move |ev| {
                                let updated = UpdatedFilter::parse(&event_target_value(&ev));
                                change(&|s| s.updated = updated);
                            }
                        >
                            {move || {
                                UpdatedFilter::ALL
                                    .into_iter()
                                    .map(|f| view! { <option value=f.as_str()>{i18n.t(f.key())}</option> })
                                    .collect_view()
                            }}
                        </select>
                        <Show when=move || state.with(|s| s.updated == UpdatedFilter::Custom)>
                            <div class="filter__range">
                                <label>
                                    {i18n.tr(Key::UpdatedFrom)}
                                    <input
                                        type="date"
                                        class="input"
                                        prop:value=move || {
                                            state.with(|s| s.from.map(|d| d.to_string()).unwrap_or_default())
                                        }
                                        on:change=move |ev| {
                                            let date = crate::format::parse_ymd(&event_target_value(&ev));
                                            change(&|s| s.from = date);
                                        }
                                    />
                                </label>
                                <label>
                                    {i18n.tr(Key::UpdatedTo)}
                                    <input
                                        type="date"
                                        class="input"
                                        prop:value=move || {
                                            state.with(|s| s.to.map(|d| d.to_string()).unwrap_or_default())
                                        }
                                        on:change=move |ev| {
                                            let date = crate::format::parse_ymd(&event_target_value(&ev));
                                            change(&|s| s.to = date);
                                        }
                                    />
                                </label>
                            </div>
                        </Show>
                    </div>
                    <div class="filter">
                        <label for="filter-sort">{i18n.tr(Key::ListSortBy)}</label>
                        <select
                            id="filter-sort"
                            class="input"
                            prop:value=move || state.with(|s| s.sort.as_str().to_owned())
                            on:change=move |ev| {
                                let sort = SortChoice::parse(&event_target_value(&ev));
                                change(&|s| s.sort = sort);
                            }
                        >
                            {move || {
                                SortChoice::ALL
                                    .into_iter()
                                    .map(|f| view! { <option value=f.as_str()>{i18n.t(f.key())}</option> })
                                    .collect_view()
                            }}
                        </select>
                    </div>
                </div>
                <Show when=move || state.with(SearchState::is_filtered)>
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| on_change.run(state.get_untracked().parties_only())
                    >
                        {i18n.tr(Key::ListClearFilters)}
                    </button>
                </Show>
            </details>
        </div>
    }
}
