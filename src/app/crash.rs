//! When something goes wrong inside the app (a panic), the page must not
//! freeze silently: it shows a message with the reader's text ready to copy.
//! The text comes from the autosaved draft, which survives the crash.

use crate::app::storage;

/// Installs the panic hook (browser only): the usual console report, then
/// an in-page message built with plain DOM calls, since the app itself can
/// no longer be trusted to render.
pub fn install() {
    // Through Yew, which otherwise replaces any hook with its own default.
    #[cfg(target_arch = "wasm32")]
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_message();
    }));
}

/// The text shown in the crash message: the last autosaved draft.
pub fn saved_text() -> String {
    storage::load(storage::DRAFT_KEY).unwrap_or_default()
}

#[cfg(target_arch = "wasm32")]
fn show_message() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    if doc.get_element_by_id("crash").is_some() {
        return;
    }
    let Ok(panel) = doc.create_element("section") else {
        return;
    };
    panel.set_id("crash");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("class", "crash");
    let Ok(heading) = doc.create_element("h2") else {
        return;
    };
    heading.set_text_content(Some("Something went wrong in dudong."));
    let Ok(note) = doc.create_element("p") else {
        return;
    };
    note.set_text_content(Some(
        "Your text is safe: it is below, ready to copy, and it is kept in this browser. Reload the page to go on.",
    ));
    let Ok(area) = doc.create_element("textarea") else {
        return;
    };
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("aria-label", "Your text");
    // set_text_content keeps it text: nothing the reader pasted becomes markup.
    area.set_text_content(Some(&saved_text()));
    let _ = panel.append_child(&heading);
    let _ = panel.append_child(&note);
    let _ = panel.append_child(&area);
    let _ = body.prepend_with_node_1(&panel);
}
