//! The few direct DOM operations the app needs (focus, scroll, flash). They
//! do nothing natively, where there is no DOM (server-side rendering tests).

use crate::app::state::Anchor;

/// The CSS selector of the reading view's element a card belongs to
/// (`None` for a card that took another card's place and has none of its own).
pub fn selector(anchor: &Anchor) -> Option<String> {
    match anchor {
        Anchor::Span(i) => Some(format!("#reader [data-span=\"{i}\"]")),
        Anchor::Word(start) => Some(format!("#reader .w[data-start=\"{start}\"]")),
        Anchor::FromCard => None,
    }
}

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

/// Scrolls the page to its top.
pub fn scroll_to_top() {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
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
    web_sys::window()?
        .document()?
        .query_selector(selector)
        .ok()
        .flatten()
}

/// Offers `content` as a file download (the Anki export).
pub fn download(filename: &str, mime: &str, content: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
            return;
        };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
            return;
        };
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Some(a) = doc
            .create_element("a")
            .ok()
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        {
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
        web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// The reader's text selection inside the article, as char offsets into the
/// text (`data-start` of the word elements plus the offset inside them).
pub fn selected_range() -> Option<(usize, usize)> {
    #[cfg(target_arch = "wasm32")]
    {
        let selection = web_sys::window()?.get_selection().ok()??;
        if selection.range_count() == 0 || selection.is_collapsed() {
            return None;
        }
        let range = selection.get_range_at(0).ok()?;
        let start = char_position(
            &range.start_container().ok()?,
            range.start_offset().ok()?,
            false,
        )?;
        let end = char_position(&range.end_container().ok()?, range.end_offset().ok()?, true)?;
        (start < end).then_some((start, end))
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Where a DOM selection boundary falls in the article's chars. A boundary
/// inside a word's text counts the chars before it (the DOM counts UTF-16
/// units); a boundary elsewhere snaps to the nearest word.
#[cfg(target_arch = "wasm32")]
fn char_position(node: &web_sys::Node, offset: u32, is_end: bool) -> Option<usize> {
    use wasm_bindgen::JsCast;
    let element = match node.dyn_ref::<web_sys::Element>() {
        Some(el) => el.clone(),
        None => node.parent_element()?,
    };
    if let Some(word) = element.closest(".w").ok().flatten() {
        let start: usize = word.get_attribute("data-start")?.parse().ok()?;
        if node.node_type() == web_sys::Node::TEXT_NODE {
            let text = node.text_content().unwrap_or_default();
            let mut units = 0u32;
            let mut chars = 0usize;
            for c in text.chars() {
                if units >= offset {
                    break;
                }
                units += c.len_utf16() as u32;
                chars += 1;
            }
            return Some(start + chars);
        }
        let end: usize = word.get_attribute("data-end")?.parse().ok()?;
        return Some(if is_end && offset > 0 { end } else { start });
    }
    // A boundary between words (in a paragraph or a mark): the child at `offset`.
    let children = element.child_nodes();
    let pick = if is_end {
        offset.checked_sub(1)
    } else {
        Some(offset)
    };
    let child = pick.and_then(|i| children.get(i))?;
    let el = child.dyn_ref::<web_sys::Element>()?;
    let word = if el.class_list().contains("w") {
        el.clone()
    } else {
        el.query_selector(".w").ok().flatten()?
    };
    word.get_attribute(if is_end { "data-end" } else { "data-start" })?
        .parse()
        .ok()
}

/// Copies text to the clipboard; false where the browser refuses.
pub async fn copy_text(text: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(window) = web_sys::window() else {
            return false;
        };
        let clipboard = window.navigator().clipboard();
        wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
            .await
            .is_ok()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = text;
        false
    }
}

/// Whether the browser offers the Web Share API (phones, mostly).
pub fn can_web_share() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .map(|w| {
                js_sys::Reflect::has(&w.navigator(), &wasm_bindgen::JsValue::from_str("share"))
                    .unwrap_or(false)
            })
            .unwrap_or(false)
    }
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// Hands a link to the system's share sheet.
pub fn web_share(url: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
            return;
        };
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
        let _ = js_sys::Reflect::set(&data, &"title".into(), &"dudong".into());
        if let Ok(share) = js_sys::Reflect::get(&navigator, &"share".into())
            .and_then(|f| f.dyn_into::<js_sys::Function>())
        {
            let _ = share.call1(&navigator, &data);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = url;
}

/// The page's address without its fragment (the base of share links), and the fragment.
pub fn location() -> (String, String) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(loc) = web_sys::window().map(|w| w.location()) else {
            return Default::default();
        };
        let href = loc.href().unwrap_or_default();
        let hash = loc.hash().unwrap_or_default();
        let base = href.split('#').next().unwrap_or_default().to_string();
        (base, hash.trim_start_matches('#').to_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    Default::default()
}

/// Puts a link's fragment into the address bar without reloading, so that
/// the address is the link (and a reload reopens it).
pub fn set_fragment(link: &str) {
    #[cfg(target_arch = "wasm32")]
    if let (Some(window), Some((_, fragment))) = (web_sys::window(), link.split_once('#')) {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("#{fragment}")),
            );
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = link;
}

/// Sets `data-<key>` on the page's root element (`<html>`): how the engine
/// is doing and how much memory it holds, for the reader's CSS and the benchmark.
pub fn set_root_data(key: &str, value: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element());
        if let Some(root) = root.and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = root.dataset().set(key, value);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (key, value);
}

/// A named moment on the performance timeline of the page, or of the worker
/// it is called in (read by `make bench`).
pub fn perf_mark(name: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let performance = match web_sys::window() {
            Some(window) => window.performance(),
            None => js_sys::global()
                .dyn_into::<web_sys::WorkerGlobalScope>()
                .ok()
                .and_then(|scope| scope.performance()),
        };
        if let Some(performance) = performance {
            let _ = performance.mark(name);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}

/// Runs `then` once the render under way is in the page's DOM: a microtask
/// queued during a Yew render runs after Yew's scheduler returns, and Yew
/// returns only with its DOM changes made. (Natively, at once.)
pub fn after_commit(then: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(async move { then() });
    #[cfg(not(target_arch = "wasm32"))]
    then();
}

/// This page's wasm memory, in bytes (0 natively).
pub fn wasm_memory_bytes() -> u32 {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        wasm_bindgen::memory()
            .unchecked_into::<js_sys::WebAssembly::Memory>()
            .buffer()
            .unchecked_into::<js_sys::ArrayBuffer>()
            .byte_length()
    }
    #[cfg(not(target_arch = "wasm32"))]
    0
}

/// The file chosen in the `<input type="file">` that `e` came from. The
/// input is cleared, so that choosing the same file again is a change again.
#[cfg(target_arch = "wasm32")]
pub fn take_chosen_file(e: &yew::Event) -> Option<web_sys::File> {
    use wasm_bindgen::JsCast;
    let input = e.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

/// A file's text (UTF-8), or `None` where the browser cannot read it.
#[cfg(target_arch = "wasm32")]
pub async fn file_text(file: &web_sys::File) -> Option<String> {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
}

/// A file the reader chose or dropped: its name, and its text or why it
/// could not be read.
pub type ChosenFile = (String, Result<String, FileError>);

/// Why a chosen file was not read (each screen says it in its own words,
/// naming the file).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FileError {
    /// Larger than the screen takes (its size in MB, 2^20 bytes).
    TooLarge { megabytes: f64 },
    /// The browser could not read it.
    Unreadable,
    /// An HTML file whose text could not be taken out.
    NotHtml,
}

impl FileError {
    /// Said on the paste screen, where the reader's text is kept.
    pub fn article_message(&self, name: &str) -> String {
        match self {
            FileError::TooLarge { megabytes } => format!(
                "{name} is {megabytes:.1} MB; dudong opens files up to 5 MB. Your text was not changed."
            ),
            FileError::Unreadable => format!("the browser could not read {name}"),
            FileError::NotHtml => format!("{name} is not readable HTML"),
        }
    }

    /// Said after "… was not loaded:" for a glossary file.
    pub fn glossary_reason(&self) -> &'static str {
        match self {
            FileError::TooLarge { .. } => "it is larger than 5 MB",
            FileError::Unreadable | FileError::NotHtml => "the browser could not read it",
        }
    }
}

/// Whether a click landed on a button (or inside one).
pub fn closest_button(e: &yew::MouseEvent) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        e.target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("button").ok().flatten())
            .is_some()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = e;
        false
    }
}

/// The text in an input field, which is emptied.
pub fn take_input_value(input: &yew::NodeRef) -> String {
    input
        .cast::<web_sys::HtmlInputElement>()
        .map(|i| {
            let value = i.value();
            i.set_value("");
            value
        })
        .unwrap_or_default()
}
