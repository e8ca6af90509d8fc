//! The party picker: whose inbox to show.
//!
//! A button ("Choose party") opens a popup with a filter box (a combobox) over a listbox of
//! the parties, ordered by [`crate::party_tree`]: the user, "All organisations" and "All
//! persons", the organisations with their sub-units, then other persons. Deleted parties
//! appear only after "Show deleted". Typing filters by name or organisation number; ↑/↓,
//! Home/End, PageUp/PageDown move the active option (`aria-activedescendant`), Enter
//! chooses, Escape closes; focus returns to the button after Escape or a choice.
//!
//! Only the rows in view are rendered (fixed row height), so 15,000 parties stay fast.
//!
//! The popup's list is code the first screen does not need: the release build fetches it as
//! a module of its own (`wasm_split`, as the pages in `app.rs`), in the background once the
//! inbox has listed its dialogs and the browser is idle, or at the latest when the popup first opens. A
//! module that cannot be fetched is explained in the popup, and the next opening tries again.

use leptos::html;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use wasm_bindgen::JsCast;

use crate::i18n::{Key, use_i18n};
use crate::party_tree::{PartyEntry, PartyKind, filter_rows};

const BUTTON_ID: &str = "party-picker-button";
const POPUP_ID: &str = "party-picker-popup";
const FILTER_ID: &str = "party-picker-filter";
const LIST_ID: &str = "party-picker-list";
const CURRENT_ID: &str = "party-picker-current";
/// Height of one option in pixels (the CSS sets the same).
const ROW_HEIGHT: i32 = 52;
/// Rows rendered above and below the visible ones.
const OVERSCAN: usize = 12;
/// Rows the viewport shows (its CSS height is this many rows).
const VISIBLE_ROWS: usize = 8;

/// The pseudo-URN of the "All organisations" choice.
pub const ALL_ORGANISATIONS: &str = "all:organisations";
/// The pseudo-URN of the "All persons" choice.
pub const ALL_PERSONS: &str = "all:persons";

fn option_id(index: usize) -> String {
    format!("party-option-{index}")
}

/// One option of the list: a party, or one of the "all" choices.
#[derive(Clone, Debug, PartialEq)]
enum Choice {
    Party(usize),
    All(&'static str),
}

/// Chooses the party whose dialogs are shown.
#[component]
pub fn PartyPicker(
    /// The parties in display order (see [`crate::party_tree::flatten`]), deleted included.
    #[prop(into)]
    parties: Signal<Vec<PartyEntry>>,
    /// The URN of the party shown now (or [`ALL_ORGANISATIONS`] / [`ALL_PERSONS`]).
    #[prop(into)]
    selected: Signal<Option<String>>,
    /// Called with the URN (or pseudo-URN) of the party the user chose.
    #[prop(into)]
    on_select: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    // Counts the openings until the list's code has arrived: each draws the list again, so a
    // module that could not be fetched is tried again. Zero: never opened, nothing drawn.
    let attempt = RwSignal::new(0u32);
    let loaded = StoredValue::new(false);
    // The list's code is awaited (the popup says so).
    let waiting = RwSignal::new(false);
    let button_ref = NodeRef::<html::Button>::new();
    let root_ref = NodeRef::<html::Div>::new();

    let label_of = move |urn: &str| -> Option<String> {
        match urn {
            ALL_ORGANISATIONS => Some(i18n.t(Key::PartyAllOrganisations).to_owned()),
            ALL_PERSONS => Some(i18n.t(Key::PartyAllPersons).to_owned()),
            _ => parties.with(|rows| {
                rows.iter()
                    .find(|row| row.urn == urn)
                    .map(|row| row.name.clone())
            }),
        }
    };
    let current_name = move || selected.get().and_then(|urn| label_of(&urn));

    let close = Callback::new(move |refocus: bool| {
        open.set(false);
        if refocus && let Some(button) = button_ref.get_untracked() {
            let _ = button.focus();
        }
    });
    let show = move || {
        if !loaded.get_value() {
            waiting.set(true);
            attempt.update(|n| *n += 1);
        }
        open.set(true);
    };
    // Close when focus leaves the picker (but not when it moves between its own parts).
    let on_focus_out = move |ev: web_sys::FocusEvent| {
        let inside = ev
            .related_target()
            .and_then(|target| target.dyn_into::<web_sys::Node>().ok())
            .zip(root_ref.get_untracked())
            .is_some_and(|(target, root)| root.contains(Some(&target)));
        if !inside {
            open.set(false);
        }
    };
    let list = ListProps {
        parties,
        selected,
        on_select,
        open,
        close,
    };
    let popup = move || {
        (attempt.get() > 0).then(|| {
            Suspend::new(async move {
                let view = list_view(list).await;
                waiting.set(false);
                if view.is_ok() {
                    loaded.set_value(true);
                }
                view.unwrap_or_else(|_| {
                    view! {
                        <p class="party-picker__failed" role="alert">
                            {i18n.tr(Key::PartyListFailed)}
                        </p>
                    }
                    .into_any()
                })
            })
        })
    };

    view! {
        // Escape closes from the button too (e.g. when the list could not be loaded).
        <div
            class="party-picker"
            node_ref=root_ref
            on:focusout=on_focus_out
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Escape" && open.get_untracked() {
                    ev.prevent_default();
                    close.run(true);
                }
            }
        >
            <p class="party-picker__current" id=CURRENT_ID>
                <span class="party-picker__label">{i18n.tr(Key::ActingFor)}</span>
                " "
                <strong>
                    {move || current_name().unwrap_or_else(|| i18n.t(Key::UnknownParty).to_owned())}
                </strong>
            </p>
            <button
                type="button"
                id=BUTTON_ID
                class="button party-picker__button"
                node_ref=button_ref
                aria-haspopup="listbox"
                aria-expanded=move || open.get().to_string()
                aria-controls=POPUP_ID
                aria-describedby=CURRENT_ID
                on:click=move |_| if open.get_untracked() { close.run(true) } else { show() }
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if matches!(ev.key().as_str(), "ArrowDown" | "ArrowUp") {
                        ev.prevent_default();
                        show();
                    }
                }
            >
                {i18n.tr(Key::ChooseParty)}
            </button>
            <div id=POPUP_ID class="party-picker__popup" hidden=move || !open.get()>
                // Shown only while the list's code is still on its way (a slow network).
                <Show when=move || waiting.get()>
                    <p class="party-picker__count" role="status">
                        {i18n.tr(Key::LoadingParties)}
                    </p>
                </Show>
                {popup}
            </div>
        </div>
    }
}

/// What the popup's list needs from the picker.
#[derive(Clone, Copy)]
struct ListProps {
    parties: Signal<Vec<PartyEntry>>,
    selected: Signal<Option<String>>,
    on_select: Callback<String>,
    /// Whether the popup is open; the list starts afresh and takes focus each time it opens.
    open: RwSignal<bool>,
    /// Closes the popup; `true` puts focus back on the button.
    close: Callback<bool>,
}

/// Holds the picker's place, invisible, while the party list is on its way: the dialogs
/// may be listed before it, and the page must not shift under the reader when it arrives
/// (on a narrow screen the picker takes two lines above the list).
#[component]
pub fn PartyPickerPlaceholder() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="party-picker party-picker--pending" aria-hidden="true">
            <p class="party-picker__current">
                <span class="party-picker__label">{i18n.tr(Key::ActingFor)}</span>
                " "
                <strong>"\u{a0}"</strong>
            </p>
            <span class="button party-picker__button">{i18n.tr(Key::ChooseParty)}</span>
        </div>
    }
}

/// Fetches the list's module ahead of need (the inbox does once it lists dialogs, at the
/// browser's next idle moment: not while the first list is still on its way, whose
/// bandwidth it would share), so the first opening waits for nothing. Nothing to fetch in
/// unsplit builds.
pub fn preload_party_list() {
    #[cfg(portal_split)]
    crate::load::prefetch_when_idle(preload_party_list_view);
}

/// The popup's filter box and list, drawn by code fetched on first use.
#[cfg_attr(
    portal_split,
    leptos::wasm_split::wasm_split(
        party_list_view,
        wasm_split_path = ::leptos::wasm_split,
        preload(preload_party_list_view),
        fallible
    )
)]
fn draw_list(list: ListProps) -> Result<AnyView, SplitLoaderError> {
    Ok(party_list(list).into_any())
}

async fn list_view(list: ListProps) -> Result<AnyView, SplitLoaderError> {
    #[cfg(portal_split)]
    let view = draw_list(list).await;
    #[cfg(not(portal_split))]
    let view = draw_list(list);
    view
}

/// The filter box, the "Show deleted" toggle, the match count and the (windowed) listbox.
fn party_list(list: ListProps) -> impl IntoView {
    let ListProps {
        parties,
        selected,
        on_select,
        open,
        close,
    } = list;
    let i18n = use_i18n();
    let active = RwSignal::new(0usize);
    let filter = RwSignal::new(String::new());
    let show_deleted = RwSignal::new(false);
    let scroll_top = RwSignal::new(0i32);
    let input_ref = NodeRef::<html::Input>::new();
    let viewport_ref = NodeRef::<html::Div>::new();

    let has_deleted = Memo::new(move |_| parties.with(|rows| rows.iter().any(|r| r.is_deleted)));
    // The options shown: filtered, deleted ones only on request, "all" choices first.
    let choices: Memo<Vec<Choice>> = Memo::new(move |_| {
        let deleted = show_deleted.get();
        filter.with(|needle| {
            parties.with(|rows| {
                let mut out = Vec::with_capacity(rows.len() + 2);
                let matches: Vec<usize> = filter_rows(rows, needle)
                    .into_iter()
                    .filter(|&i| deleted || !rows[i].is_deleted)
                    .collect();
                let (mut orgs, mut persons) = (0usize, 0usize);
                for row in rows.iter().filter(|r| !r.is_deleted && r.selectable) {
                    match row.kind {
                        PartyKind::Organisation => orgs += 1,
                        PartyKind::Person => persons += 1,
                    }
                }
                let you = matches.iter().position(|&i| rows[i].is_you);
                if let Some(pos) = you {
                    out.push(Choice::Party(matches[pos]));
                }
                if needle.trim().is_empty() {
                    if orgs > 1 {
                        out.push(Choice::All(ALL_ORGANISATIONS));
                    }
                    if persons > 1 {
                        out.push(Choice::All(ALL_PERSONS));
                    }
                }
                out.extend(
                    matches
                        .iter()
                        .enumerate()
                        .filter(|(pos, _)| Some(*pos) != you)
                        .map(|(_, &i)| Choice::Party(i)),
                );
                out
            })
        })
    });

    let urn_of = move |choice: &Choice| -> Option<(String, bool)> {
        match choice {
            Choice::All(urn) => Some(((*urn).to_owned(), true)),
            Choice::Party(i) => parties
                .with_untracked(|rows| rows.get(*i).map(|row| (row.urn.clone(), row.selectable))),
        }
    };

    let viewport_height = ROW_HEIGHT * VISIBLE_ROWS as i32;
    let scroll_to = move |index: usize| {
        let Some(viewport) = viewport_ref.get_untracked() else {
            return;
        };
        let top = index as i32 * ROW_HEIGHT;
        let current = viewport.scroll_top();
        let height = viewport.client_height().max(ROW_HEIGHT);
        let next = if top < current {
            top
        } else if top + ROW_HEIGHT > current + height {
            top + ROW_HEIGHT - height
        } else {
            current
        };
        viewport.set_scroll_top(next);
        scroll_top.set(next);
    };
    let move_to = move |index: usize| {
        active.set(index);
        scroll_to(index);
    };
    let choose = move |index: usize| {
        let choice = choices.with_untracked(|list| list.get(index).cloned());
        if let Some((urn, true)) = choice.as_ref().and_then(urn_of) {
            close.run(true);
            on_select.run(urn);
        }
    };

    let on_key = move |ev: web_sys::KeyboardEvent| {
        let last = choices.with_untracked(|list| list.len().saturating_sub(1));
        let current = active.get_untracked().min(last);
        match ev.key().as_str() {
            "ArrowDown" => move_to((current + 1).min(last)),
            "ArrowUp" => move_to(current.saturating_sub(1)),
            "Home" => move_to(0),
            "End" => move_to(last),
            "PageDown" => move_to((current + VISIBLE_ROWS).min(last)),
            "PageUp" => move_to(current.saturating_sub(VISIBLE_ROWS)),
            "Enter" => choose(current),
            _ => return,
        }
        ev.prevent_default();
    };
    // Each opening starts afresh: an empty filter, the chosen party active and in view, focus
    // in the filter box. (The first opening may come before this code arrived: it runs then.)
    Effect::new(move |_| {
        if !open.get() {
            return;
        }
        filter.set(String::new());
        let position = selected.get_untracked().and_then(|urn| {
            choices.with_untracked(|list| {
                list.iter()
                    .position(|c| urn_of(c).is_some_and(|(u, _)| u == urn))
            })
        });
        let index = position.unwrap_or(0);
        active.set(index);
        request_animation_frame(move || {
            if let Some(input) = input_ref.get_untracked() {
                let _ = input.focus();
            }
            scroll_to(index);
        });
    });

    // Only the rows in (or near) view are rendered.
    let window = move || {
        let total = choices.with(Vec::len);
        let first = ((scroll_top.get().max(0) / ROW_HEIGHT) as usize).saturating_sub(OVERSCAN);
        let last = (first + VISIBLE_ROWS + 2 * OVERSCAN).min(total);
        (first.min(total), last)
    };
    let options = move || {
        let (first, last) = window();
        let lang = i18n.lang();
        let selected_urn = selected.get();
        let total = choices.with(Vec::len);
        choices.with(|list| {
            parties.with(|rows| {
                (first..last)
                    .filter_map(|index| {
                        let choice = list.get(index)?;
                        let (name, meta, urn, selectable, depth) = match choice {
                            Choice::All(urn) => {
                                let key = if *urn == ALL_ORGANISATIONS {
                                    Key::PartyAllOrganisations
                                } else {
                                    Key::PartyAllPersons
                                };
                                (
                                    lang.t(key).to_owned(),
                                    String::new(),
                                    (*urn).to_owned(),
                                    true,
                                    0,
                                )
                            }
                            Choice::Party(i) => {
                                let row = rows.get(*i)?;
                                (
                                    row.name.clone(),
                                    meta_text(row, lang),
                                    row.urn.clone(),
                                    row.selectable,
                                    row.depth,
                                )
                            }
                        };
                        let is_selected = selected_urn.as_deref() == Some(urn.as_str());
                        Some(view! {
                            <li
                                id=option_id(index)
                                role="option"
                                class="party-option"
                                class:party-option--sub={depth > 0}
                                class:party-option--all={matches!(choice, Choice::All(_))}
                                class:party-option--active=move || active.get() == index
                                style:top=format!("{}px", index as i32 * ROW_HEIGHT)
                                aria-selected=is_selected.to_string()
                                aria-disabled=(!selectable).then_some("true")
                                aria-setsize=total.to_string()
                                aria-posinset=(index + 1).to_string()
                                on:mousedown=|ev| ev.prevent_default()
                                on:click=move |_| choose(index)
                            >
                                <span class="party-option__name">{name}</span>
                                " "
                                <span class="party-option__meta">{meta}</span>
                            </li>
                        })
                    })
                    .collect_view()
            })
        })
    };

    view! {
        <div class="party-picker__inner" on:keydown=on_key>
        <div class="party-picker__tools">
            <input
                id=FILTER_ID
                class="input party-picker__filter"
                type="text"
                role="combobox"
                autocomplete="off"
                node_ref=input_ref
                aria-label=i18n.tr(Key::PartyFilter)
                placeholder=i18n.tr(Key::PartyFilterHint)
                aria-autocomplete="list"
                aria-controls=LIST_ID
                aria-expanded=move || open.get().to_string()
                aria-activedescendant=move || {
                    (open.get() && choices.with(|c| !c.is_empty()))
                        .then(|| option_id(active.get()))
                }
                prop:value=move || filter.get()
                on:input=move |ev| {
                    filter.set(event_target_value(&ev));
                    active.set(0);
                    scroll_to(0);
                }
            />
            <Show when=move || has_deleted.get()>
                <label class="party-picker__deleted">
                    <input
                        type="checkbox"
                        prop:checked=move || show_deleted.get()
                        on:change=move |ev| {
                            show_deleted.set(event_target_checked(&ev));
                            active.set(0);
                        }
                    />
                    " "
                    {i18n.tr(Key::PartyShowDeleted)}
                </label>
            </Show>
        </div>
        <p class="party-picker__count" role="status">
            {move || {
                let n = choices.with(Vec::len);
                if n == 0 {
                    i18n.t(Key::PartyNoMatch).to_owned()
                } else if filter.with(|f| f.trim().is_empty()) {
                    String::new()
                } else {
                    i18n.count(Key::PartyOneMatch, Key::PartyMatches, n)
                }
            }}
        </p>
        // Focusable so keyboard users can scroll it too (the options themselves are
        // reached with aria-activedescendant from the filter box).
        <div
            class="party-picker__viewport"
            tabindex="0"
            node_ref=viewport_ref
            style:max-height=format!("{viewport_height}px")
            on:scroll=move |_| {
                if let Some(viewport) = viewport_ref.get_untracked() {
                    scroll_top.set(viewport.scroll_top());
                }
            }
        >
            <ul
                id=LIST_ID
                class="party-picker__list"
                role="listbox"
                tabindex="-1"
                aria-label=i18n.tr(Key::Parties)
                style:height=move || format!("{}px", choices.with(Vec::len) as i32 * ROW_HEIGHT)
            >
                <Show when=move || open.get()>{options}</Show>
            </ul>
        </div>
        </div>
    }
}

/// "You · Person", "Organisation · 310010693", "Sub-unit · …", with "Deleted" and
/// "Access to sub-units only" where they apply.
fn meta_text(row: &PartyEntry, lang: crate::i18n::Lang) -> String {
    let kind = match (row.depth, row.kind) {
        (1, _) => Key::PartySubUnit,
        (_, PartyKind::Person) => Key::PartyPerson,
        (_, PartyKind::Organisation) => Key::PartyOrganisation,
    };
    let mut words: Vec<String> = Vec::new();
    if row.is_you {
        words.push(lang.t(Key::PartyYou).to_owned());
    }
    words.push(lang.t(kind).to_owned());
    if let Some(number) = &row.org_number {
        words.push(number.clone());
    }
    if row.is_deleted {
        words.push(lang.t(Key::PartyDeleted).to_owned());
    }
    if !row.selectable {
        words.push(lang.t(Key::PartyHierarchyOnly).to_owned());
    }
    words.join(" · ")
}
