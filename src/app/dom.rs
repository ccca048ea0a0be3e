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
