//! What the browser tests share: a place in the page to mount a view, and a pause that lets
//! effects and the browser's rendering run.
// Each test binary includes this module and uses part of it.
#![allow(dead_code)]

use std::time::Duration;

use leptos::prelude::document;
use wasm_bindgen::JsCast;

/// A new `<div>` at the end of `<body>`.
pub fn container() -> web_sys::HtmlElement {
    let div: web_sys::HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&div)
        .expect("appended");
    div
}

/// Lets effects and the browser's rendering run (50 ms).
pub async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                Duration::from_millis(50).as_millis() as i32,
            );
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
