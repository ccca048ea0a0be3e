//! The few direct DOM operations the app needs (focus, scroll, flash). They
//! do nothing natively, where there is no DOM (server-side rendering tests).

/// Focuses the element `selector` finds, if any.
pub fn focus(selector: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if let Some(el) = find(selector).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = selector;
}

/// Scrolls the element into view if it is not (a card opened for another
/// mention of a name must sit beside a word the reader can see).
pub fn reveal(selector: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(el) = find(selector) else { return };
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = selector;
}

/// Scrolls the element into the middle of the view, focuses it and flashes it.
pub fn jump_to(selector: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let Some(el) = find(selector) else { return };
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        options.set_behavior(web_sys::ScrollBehavior::Smooth);
        el.scroll_into_view_with_scroll_into_view_options(&options);
        if let Ok(html) = el.clone().dyn_into::<web_sys::HtmlElement>() {
            let _ = html.focus_with_options(&{
                let o = web_sys::FocusOptions::new();
                o.set_prevent_scroll(true);
                o
            });
        }
        let _ = el.class_list().add_1("flash");
        gloo_timers::callback::Timeout::new(1600, move || {
            let _ = el.class_list().remove_1("flash");
        })
        .forget();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = selector;
}

#[cfg(target_arch = "wasm32")]
fn find(selector: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.query_selector(selector).ok().flatten()
}

/// Offers `content` as a file download (the Anki export).
pub fn download(filename: &str, mime: &str, content: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        if let Some(a) = doc.create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
            a.set_href(&url);
            a.set_download(filename);
            a.click();
        }
        let _ = web_sys::Url::revoke_object_url(&url);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (filename, mime, content);
}

/// The page address's query string (`?…`), empty natively.
pub fn location_search() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}
