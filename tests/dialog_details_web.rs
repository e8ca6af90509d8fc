//! Browser tests of the dialog details parts (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use portal::api::dialog_content::{Block, Inline, RenderedContent};
use portal::components::details::RenderedBlocks;
use portal::i18n::{I18n, Lang};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod support;

use support::container;

wasm_bindgen_test_configure!(run_in_browser);

fn text(text: &str) -> Inline {
    Inline::Text {
        text: text.to_owned(),
    }
}

#[wasm_bindgen_test]
fn content_is_built_element_by_element_and_never_runs() {
    let content = RenderedContent {
        media_type: "text/markdown".to_owned(),
        blocks: vec![
            Block::Heading {
                level: 1,
                inlines: vec![text("Tittel")],
            },
            Block::Heading {
                level: 2,
                inlines: vec![text("Del")],
            },
            Block::Paragraph {
                inlines: vec![
                    text("<script>window.__ran = 1</script>"),
                    Inline::Link {
                        href: "javascript:alert(1)".to_owned(),
                        inlines: vec![text("Klikk her")],
                    },
                    Inline::Link {
                        href: "https://example.no/".to_owned(),
                        inlines: vec![text("Nettside")],
                    },
                ],
            },
        ],
    };
    let container = container();
    let _handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(I18n::new(Lang::En));
        view! { <RenderedBlocks content=content parent_level=2 /> }
    });

    let html = container.inner_html();
    assert!(
        container.query_selector("script").unwrap().is_none(),
        "{html}"
    );
    assert!(
        container
            .text_content()
            .unwrap()
            .contains("<script>window.__ran = 1</script>")
    );
    assert_eq!(
        container
            .query_selector("h3")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Tittel"
    );
    assert_eq!(
        container
            .query_selector("h4")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Del"
    );
    let links = container.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 1, "{html}");
    let link = links.get(0).unwrap().unchecked_into::<web_sys::Element>();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://example.no/")
    );
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert!(
        link.text_content()
            .unwrap()
            .contains("(opens in a new tab)")
    );
    container.remove();
}
