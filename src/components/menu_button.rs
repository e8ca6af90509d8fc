//! The WAI-ARIA menu button pattern, shared by the row menus of the dialog list and the
//! "More actions" menu of the dialog page.
//!
//! Markup: a wrapper holding the button (`aria-haspopup="menu"`, `aria-expanded`,
//! `aria-controls`) directly followed by its menu (`role="menu"`, named, `tabindex="-1"`)
//! with `role="menuitem"` items (`tabindex="-1"`). The owner keeps the open state; these
//! handlers only move focus and ask it to open or close:
//! - button: click (also Enter and Space) toggles, and an opened menu focuses its first item;
//!   ArrowDown opens on the first item, ArrowUp on the last;
//! - menu: ArrowDown/ArrowUp move with wrapping, Home/End jump, Escape closes and returns
//!   focus to the button, Tab closes (focus moves on as usual);
//! - wrapper: focus leaving it (a click outside, Tab) closes.

use leptos::prelude::request_animation_frame;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, FocusEvent, HtmlElement, KeyboardEvent, Node};

/// What a key asks of an open or opening menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MenuMove {
    First,
    Last,
    Next,
    Prev,
    /// Close and give focus back to the button.
    Close,
    /// Close and let focus move on.
    Leave,
}

/// The meaning of `key` on the menu button (Enter and Space act as a click).
pub fn button_move(key: &str) -> Option<MenuMove> {
    match key {
        "ArrowDown" => Some(MenuMove::First),
        "ArrowUp" => Some(MenuMove::Last),
        _ => None,
    }
}

/// The meaning of `key` inside the open menu.
pub fn menu_move(key: &str) -> Option<MenuMove> {
    match key {
        "ArrowDown" => Some(MenuMove::Next),
        "ArrowUp" => Some(MenuMove::Prev),
        "Home" | "PageUp" => Some(MenuMove::First),
        "End" | "PageDown" => Some(MenuMove::Last),
        "Escape" => Some(MenuMove::Close),
        "Tab" => Some(MenuMove::Leave),
        _ => None,
    }
}

/// The item to focus after `step` from item `current` of `len` items (wrapping around).
pub fn item_after(step: MenuMove, current: Option<usize>, len: usize) -> Option<usize> {
    let last = len.checked_sub(1)?;
    match (step, current) {
        (MenuMove::First, _) | (MenuMove::Next, None) => Some(0),
        (MenuMove::Last, _) | (MenuMove::Prev, None) => Some(last),
        (MenuMove::Next, Some(i)) => Some(if i >= last { 0 } else { i + 1 }),
        (MenuMove::Prev, Some(i)) => Some(if i == 0 { last } else { i - 1 }),
        (MenuMove::Close | MenuMove::Leave, _) => None,
    }
}

fn element(target: Option<web_sys::EventTarget>) -> Option<Element> {
    target?.dyn_into::<Element>().ok()
}

fn focus(element: Option<Element>) {
    if let Some(el) = element.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Focuses the item `step` names in `menu`, counting from the focused item.
fn move_in(menu: &Element, step: MenuMove) {
    let Ok(items) = menu.query_selector_all("[role=menuitem]") else {
        return;
    };
    let active: Option<Node> = leptos::prelude::document().active_element().map(Into::into);
    let current = (0..items.length()).find(|&i| items.item(i) == active);
    let next = item_after(step, current.map(|i| i as usize), items.length() as usize);
    focus(
        next.and_then(|i| items.item(i as u32))
            .and_then(|n| n.dyn_into().ok()),
    );
}

/// Focuses the first or last item once the menu after `button` has been shown.
fn open_at(button: Option<Element>, step: MenuMove) {
    if let Some(menu) = button.and_then(|b| b.next_element_sibling()) {
        request_animation_frame(move || move_in(&menu, step));
    }
}

/// Click on the menu button: `toggle` flips the open state and says whether it is now
/// open; an opened menu gets focus on its first item.
pub fn button_click(ev: &Event, toggle: impl FnOnce() -> bool) {
    if toggle() {
        open_at(element(ev.current_target()), MenuMove::First);
    }
}

/// Keydown on the menu button: ArrowDown/ArrowUp call `open` and focus the first/last item.
pub fn button_keydown(ev: &KeyboardEvent, open: impl FnOnce()) {
    if let Some(step) = button_move(&ev.key()) {
        ev.prevent_default();
        open();
        open_at(element(ev.current_target()), step);
    }
}

/// Keydown in the menu: moves focus between items, or calls `close` (Escape, Tab).
pub fn menu_keydown(ev: &KeyboardEvent, close: impl FnOnce()) {
    let (Some(step), Some(menu)) = (menu_move(&ev.key()), element(ev.current_target())) else {
        return;
    };
    match step {
        MenuMove::Leave => close(),
        MenuMove::Close => {
            ev.prevent_default();
            ev.stop_propagation();
            focus(menu.previous_element_sibling());
            close();
        }
        _ => {
            ev.prevent_default();
            move_in(&menu, step);
        }
    }
}

/// An item was chosen (`ev` is its click): focus goes back to the menu button.
pub fn return_focus(ev: &Event) {
    let menu = element(ev.current_target()).and_then(|item| item.closest("[role=menu]").ok()?);
    focus(menu.and_then(|m| m.previous_element_sibling()));
}

/// Whether focus is leaving the wrapper (`ev` is a `focusout` on it): then the menu closes.
pub fn focus_left(ev: &FocusEvent) -> bool {
    let wrapper = ev.current_target().and_then(|t| t.dyn_into::<Node>().ok());
    let to = ev.related_target().and_then(|t| t.dyn_into::<Node>().ok());
    match (wrapper, to) {
        (Some(wrapper), Some(to)) => !wrapper.contains(Some(&to)),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test(unsupported = test)]
    fn keys_on_the_button_open_on_the_first_or_last_item() {
        assert_eq!(button_move("ArrowDown"), Some(MenuMove::First));
        assert_eq!(button_move("ArrowUp"), Some(MenuMove::Last));
        // Enter and Space are the button's own click.
        assert_eq!(button_move("Enter"), None);
        assert_eq!(button_move(" "), None);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn arrows_wrap_and_home_end_jump() {
        let at = |key: &str, current| item_after(menu_move(key).expect("a menu key"), current, 3);
        assert_eq!(at("ArrowDown", Some(0)), Some(1));
        assert_eq!(at("ArrowDown", Some(2)), Some(0));
        assert_eq!(at("ArrowUp", Some(0)), Some(2));
        assert_eq!(at("ArrowUp", Some(2)), Some(1));
        assert_eq!(at("Home", Some(2)), Some(0));
        assert_eq!(at("End", Some(0)), Some(2));
        // Focus outside the items (the menu itself): ArrowDown starts at the top.
        assert_eq!(at("ArrowDown", None), Some(0));
        assert_eq!(at("ArrowUp", None), Some(2));
        assert_eq!(item_after(MenuMove::Next, None, 0), None);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn escape_and_tab_close() {
        assert_eq!(menu_move("Escape"), Some(MenuMove::Close));
        assert_eq!(menu_move("Tab"), Some(MenuMove::Leave));
        assert_eq!(item_after(MenuMove::Close, Some(1), 3), None);
        assert_eq!(menu_move("a"), None);
    }
}
