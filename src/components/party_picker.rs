//! The party picker: whose inbox to show.
//!
//! A button ("Choose party") opens a listbox of the parties, ordered by
//! [`crate::party_tree`]. It follows the WAI-ARIA listbox pattern: focus moves to the list,
//! the active option is `aria-activedescendant`; ↑/↓, Home/End move, Enter/Space choose,
//! Escape and Tab close, and focus returns to the button after Escape or a choice.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{Key, use_i18n};
use crate::party_tree::{PartyEntry, PartyKind};

const BUTTON_ID: &str = "party-picker-button";
const LIST_ID: &str = "party-picker-list";
const CURRENT_ID: &str = "party-picker-current";

fn option_id(index: usize) -> String {
    format!("party-option-{index}")
}

/// Chooses the party whose dialogs are shown.
#[component]
pub fn PartyPicker(
    /// The parties in display order (see [`crate::party_tree::flatten`]).
    #[prop(into)]
    parties: Signal<Vec<PartyEntry>>,
    /// The URN of the party shown now.
    #[prop(into)]
    selected: Signal<Option<String>>,
    /// Called with the URN of the party the user chose.
    #[prop(into)]
    on_select: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let active = RwSignal::new(0usize);
    let button_ref = NodeRef::<html::Button>::new();
    let list_ref = NodeRef::<html::Ul>::new();
    let root_ref = NodeRef::<html::Div>::new();

    let selected_index = move || {
        let urn = selected.get()?;
        parties.with(|rows| rows.iter().position(|row| row.urn == urn))
    };
    let current_name = move || {
        let urn = selected.get();
        parties.with(|rows| {
            rows.iter()
                .find(|row| Some(&row.urn) == urn.as_ref())
                .map(|row| row.name.clone())
        })
    };

    let scroll_active_into_view = move || {
        if let Some(el) = document().get_element_by_id(&option_id(active.get_untracked())) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        }
    };
    let show = move || {
        active.set(selected_index().unwrap_or(0));
        open.set(true);
        request_animation_frame(move || {
            if let Some(list) = list_ref.get_untracked() {
                let _ = list.focus();
            }
            scroll_active_into_view();
        });
    };
    let close = move |refocus: bool| {
        open.set(false);
        if refocus && let Some(button) = button_ref.get_untracked() {
            let _ = button.focus();
        }
    };
    let choose = move |index: usize| {
        let row = parties.with_untracked(|rows| rows.get(index).cloned());
        if let Some(row) = row.filter(|row| row.selectable) {
            close(true);
            on_select.run(row.urn);
        }
    };
    let move_to = move |index: usize| {
        active.set(index);
        scroll_active_into_view();
    };

    let on_key = move |ev: web_sys::KeyboardEvent| {
        let last = parties.with_untracked(|rows| rows.len().saturating_sub(1));
        let current = active.get_untracked();
        match ev.key().as_str() {
            "ArrowDown" => move_to((current + 1).min(last)),
            "ArrowUp" => move_to(current.saturating_sub(1)),
            "Home" => move_to(0),
            "End" => move_to(last),
            "PageDown" => move_to((current + 10).min(last)),
            "PageUp" => move_to(current.saturating_sub(10)),
            "Enter" | " " => choose(current),
            "Escape" => close(true),
            "Tab" => {
                close(false);
                return;
            }
            _ => return,
        }
        ev.prevent_default();
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

    let options = move || {
        parties
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, row)| {
                let urn = row.urn.clone();
                let is_selected = move || selected.get().as_ref() == Some(&urn);
                let kind = match (row.depth, row.kind) {
                    (1, _) => Key::PartySubUnit,
                    (_, PartyKind::Person) => Key::PartyPerson,
                    (_, PartyKind::Organisation) => Key::PartyOrganisation,
                };
                let is_you = row.is_you;
                let is_deleted = row.is_deleted;
                view! {
                    <li
                        id=option_id(index)
                        role="option"
                        class="party-option"
                        class:party-option--sub={row.depth > 0}
                        class:party-option--active=move || active.get() == index
                        aria-selected=move || is_selected().to_string()
                        aria-disabled=(!row.selectable).then_some("true")
                        on:click=move |_| choose(index)
                    >
                        <span class="party-option__name">{row.name}</span>
                        <span class="party-option__meta">
                            {move || {
                                let mut words = vec![i18n.t(kind)];
                                if is_you {
                                    words.insert(0, i18n.t(Key::PartyYou));
                                }
                                if is_deleted {
                                    words.push(i18n.t(Key::PartyDeleted));
                                }
                                words.join(" · ")
                            }}
                        </span>
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <div class="party-picker" node_ref=root_ref on:focusout=on_focus_out>
            <p class="party-picker__current" id=CURRENT_ID>
                <span class="party-picker__label">{move || i18n.t(Key::ActingFor)}</span>
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
                aria-controls=LIST_ID
                aria-describedby=CURRENT_ID
                on:click=move |_| if open.get_untracked() { close(true) } else { show() }
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if matches!(ev.key().as_str(), "ArrowDown" | "ArrowUp") {
                        ev.prevent_default();
                        show();
                    }
                }
            >
                {move || i18n.t(Key::ChooseParty)}
            </button>
            <ul
                id=LIST_ID
                class="party-picker__list"
                role="listbox"
                tabindex="0"
                node_ref=list_ref
                aria-label=move || i18n.t(Key::Parties)
                aria-activedescendant=move || open.get().then(|| option_id(active.get()))
                hidden=move || !open.get()
                on:keydown=on_key
            >
                <Show when=move || open.get()>{options}</Show>
            </ul>
        </div>
    }
}
