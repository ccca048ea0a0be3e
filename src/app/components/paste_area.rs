//! The paste area: a large text box, "Read" and "Try a sample".

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::panel::heading;
use crate::analysis::Kind;

#[derive(Properties, PartialEq)]
pub struct PasteAreaProps {
    pub text: String,
    #[prop_or_default]
    pub message: Option<String>,
    pub on_input: Callback<String>,
    pub on_read: Callback<()>,
    pub on_sample: Callback<()>,
    /// A file opened or dropped: (name, its text or why it could not be read).
    #[prop_or_default]
    pub on_file: Callback<crate::app::dom::ChosenFile>,
}

/// Article files larger than this are refused with a message (the text in
/// the paste area stays as it was).
pub const MAX_FILE_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

#[function_component(PasteArea)]
pub fn paste_area(props: &PasteAreaProps) -> Html {
    let oninput = props
        .on_input
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
    let onread = props.on_read.reform(|_: MouseEvent| ());
    let onsample = props.on_sample.reform(|_: MouseEvent| ());
    let onchange = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| file::from_input(e, on_file.clone()))
    };
    let ondrop = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: DragEvent| file::from_drop(e, on_file.clone()))
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    // Rich content (a web page, a document) arrives as its text with its
    // paragraphs, by the same inert parse as an opened .html file.
    let onpaste = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: Event| file::from_paste(e, on_input.clone()))
    };
    let chars = props.text.chars().count();
    // What reading shows, in the colours the article and the overview use.
    let last = Kind::ALL.len() - 1;
    let legend = Kind::ALL.iter().enumerate().map(|(i, &kind)| {
        let sep = match i {
            0 => "",
            _ if i == last => " and ",
            _ => ", ",
        };
        html! {
            <>{ sep }<span class="legend-kind"><span class={classes!("swatch", kind.as_str())} aria-hidden="true"></span>
                { heading(kind).to_lowercase() }</span></>
        }
    });
    html! {
        <section class="paste" aria-label="Paste an article">
            <p id="highlights-legend" class="highlights-legend">{ "dudong highlights " }{ for legend }{ "." }</p>
            <label for="paste-text" class="visually-hidden">{ "Article text" }</label>
            <textarea id="paste-text" lang="zh"
                placeholder="在这里粘贴一篇中文文章… (paste a Chinese article here)"
                value={props.text.clone()} {oninput} {ondrop} {ondragover} {onpaste} />
            if let Some(message) = &props.message {
                <p class="message" role="alert">{ message }</p>
            }
            <div class="actions">
                <button id="read" class="primary" onclick={onread}>{ "Read" }</button>
                <button id="sample" class="secondary" onclick={onsample}>{ "Try a sample" }</button>
                <label class="file-button">{ "Open a file (.txt, .md, .html)" }
                    <input id="article-file" type="file" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" {onchange} />
                </label>
                <span class="count" aria-live="polite">{ format!("{chars} characters") }</span>
            </div>
        </section>
    }
}

/// Reading a chosen or dropped file: browser only.
mod file {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use crate::app::dom::FileError;

    pub fn from_input(e: Event, on_file: Callback<crate::app::dom::ChosenFile>) {
        #[cfg(target_arch = "wasm32")]
        {
            if let Some(f) = crate::app::dom::take_chosen_file(&e) {
                read(f, on_file);
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (e, on_file);
    }

    pub fn from_drop(e: DragEvent, on_file: Callback<crate::app::dom::ChosenFile>) {
        #[cfg(target_arch = "wasm32")]
        if let Some(f) = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|files| files.get(0))
        {
            // A dropped file replaces the text; dropped text is left to the browser.
            e.prevent_default();
            read(f, on_file);
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (e, on_file);
    }

    /// A paste that carries HTML goes in as that HTML's text, where the
    /// caret (or the selection) is; plain text is left to the browser.
    pub fn from_paste(e: Event, on_input: Callback<String>) {
        #[cfg(target_arch = "wasm32")]
        {
            use wasm_bindgen::JsCast;
            let Some(event) = e.dyn_ref::<web_sys::ClipboardEvent>() else {
                return;
            };
            let Some(html) = event
                .clipboard_data()
                .and_then(|d| d.get_data("text/html").ok())
                .filter(|h| !h.trim().is_empty())
            else {
                return;
            };
            let Some(area) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
            else {
                return;
            };
            let Some(text) = html_to_text(&html) else {
                return;
            };
            e.prevent_default();
            // The browser counts the selection in UTF-16 units, as set_range_text does.
            let start = area.selection_start().ok().flatten().unwrap_or(0);
            let end = area.selection_end().ok().flatten().unwrap_or(start);
            if area
                .set_range_text_with_start_and_end_and_mode(&text, start, end, "end")
                .is_ok()
            {
                on_input.emit(area.value());
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (e, on_input);
    }

    #[cfg(target_arch = "wasm32")]
    fn read(file: web_sys::File, on_file: Callback<crate::app::dom::ChosenFile>) {
        let name = file.name();
        if file.size() > MAX_FILE_BYTES {
            let mb = file.size() / 1024.0 / 1024.0;
            on_file.emit((name, Err(FileError::TooLarge { megabytes: mb })));
            return;
        }
        yew::platform::spawn_local(async move {
            let result = match crate::app::dom::file_text(&file).await {
                None => Err(FileError::Unreadable),
                Some(text) if is_html(&name) => html_to_text(&text).ok_or(FileError::NotHtml),
                Some(text) => Ok(text),
            };
            on_file.emit((name, result));
        });
    }

    #[cfg(target_arch = "wasm32")]
    fn is_html(name: &str) -> bool {
        let lower = name.to_lowercase();
        lower.ends_with(".html") || lower.ends_with(".htm")
    }

    /// The text of an HTML page or fragment: parsed (inertly: nothing in it
    /// runs), scripts and styles dropped, spaces collapsed as a browser shows
    /// them (kept in `<pre>`), blocks separated by blank lines, `<br>` a line break.
    #[cfg(target_arch = "wasm32")]
    fn html_to_text(html: &str) -> Option<String> {
        let parser = web_sys::DomParser::new().ok()?;
        let html = crate::app::rich_text::defuse_html(html);
        let doc = parser
            .parse_from_string(&html, web_sys::SupportedType::TextHtml)
            .ok()?;
        if let Ok(junk) =
            doc.query_selector_all("script, style, x-style, noscript, template, svg, iframe, head")
        {
            for i in 0..junk.length() {
                if let Some(node) = junk.get(i) {
                    if let Some(parent) = node.parent_node() {
                        let _ = parent.remove_child(&node);
                    }
                }
            }
        }
        let body = doc.body()?;
        collapse_spaces(&body);
        if let Ok(breaks) = doc.query_selector_all("br") {
            for i in 0..breaks.length() {
                if let (Some(node), Some(parent)) =
                    (breaks.get(i), breaks.get(i).and_then(|n| n.parent_node()))
                {
                    let _ = parent.insert_before(&doc.create_text_node("\n"), Some(&node));
                }
            }
        }
        let blocks = "p, div, li, dt, dd, h1, h2, h3, h4, h5, h6, tr, section, article, header, footer, aside, nav, main, \
                      blockquote, pre, figure, figcaption, table, ul, ol, dl, hr, address, details, summary";
        if let Ok(blocks) = doc.query_selector_all(blocks) {
            for i in 0..blocks.length() {
                if let Some(node) = blocks.get(i) {
                    if let Some(parent) = node.parent_node() {
                        let _ = parent.insert_before(&doc.create_text_node("\n\n"), Some(&node));
                    }
                    let _ = node.append_child(&doc.create_text_node("\n\n"));
                }
            }
        }
        if let Ok(cells) = doc.query_selector_all("td, th") {
            for i in 0..cells.length() {
                if let Some(node) = cells.get(i) {
                    let _ = node.append_child(&doc.create_text_node(" "));
                }
            }
        }
        let text = body.text_content()?;
        // Collapse the runs of blank lines that markup leaves.
        let mut out = String::new();
        let mut blank = 0;
        for line in text.lines().map(str::trim_end) {
            if line.trim().is_empty() {
                blank += 1;
                continue;
            }
            if !out.is_empty() {
                out.push_str(if blank > 0 { "\n\n" } else { "\n" });
            }
            blank = 0;
            out.push_str(line.trim_start());
        }
        Some(out)
    }

    /// Runs of spaces, tabs and newlines in the markup's text become one
    /// space, as the page showed them; `<pre>` keeps its own.
    #[cfg(target_arch = "wasm32")]
    fn collapse_spaces(node: &web_sys::Node) {
        use wasm_bindgen::JsCast;
        let children = node.child_nodes();
        for i in 0..children.length() {
            let Some(child) = children.get(i) else {
                continue;
            };
            if child.node_type() == web_sys::Node::TEXT_NODE {
                let text = child.text_content().unwrap_or_default();
                let mut collapsed = String::with_capacity(text.len());
                let mut space = false;
                for c in text.chars() {
                    if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                        if !space {
                            collapsed.push(' ');
                        }
                        space = true;
                    } else {
                        collapsed.push(c);
                        space = false;
                    }
                }
                if collapsed != text {
                    child.set_text_content(Some(&collapsed));
                }
            } else if let Some(el) = child.dyn_ref::<web_sys::Element>() {
                if !el.tag_name().eq_ignore_ascii_case("pre") {
                    collapse_spaces(&child);
                }
            }
        }
    }
}
