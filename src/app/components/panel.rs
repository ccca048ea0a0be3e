//! The overview beside the article (a sheet below it on narrow screens):
//! everything highlighted, by kind, with counts; a switch per kind; a click
//! on an item jumps to its first mention.

use std::collections::BTreeSet;

use yew::prelude::*;

use crate::app::state::Doc;

use crate::analysis::overview::{overview, summary_line};
use crate::analysis::Kind;
use crate::share::Mark;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub document: Doc,
    pub hidden: BTreeSet<Kind>,
    pub on_toggle: Callback<Kind>,
    /// Jump to a span (its first mention).
    pub on_jump: Callback<usize>,
    /// The reader's marks, and what to do with them.
    #[prop_or_default]
    pub marks: Vec<Mark>,
    #[prop_or_default]
    pub on_jump_mark: Callback<usize>,
    #[prop_or_default]
    pub on_remove_mark: Callback<usize>,
    /// Fill the lists a task after a document first shows, not in the same
    /// one: the article is then laid out and painted without them (for the
    /// seed article they are 450 elements, a quarter of the time to show it).
    /// `#panel-body` has `aria-busy="true"` meanwhile.
    #[prop_or_default]
    pub lists_later: bool,
}

/// A quotation cut to a panel-sized length.
fn short(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= 24 {
        text.to_string()
    } else {
        format!("{}…", chars[..24].iter().collect::<String>())
    }
}

/// A kind's name in the overview (and, lower-cased, in the first screen's legend).
pub fn heading(kind: Kind) -> &'static str {
    kind.names().heading
}

#[function_component(Panel)]
pub fn panel(props: &PanelProps) -> Html {
    // On narrow screens the panel is a sheet at the bottom: a handle that
    // opens it over the article; wide screens never show the handle.
    let sheet_open = use_state(|| false);
    let toggle_sheet = {
        let sheet_open = sheet_open.clone();
        Callback::from(move |_: MouseEvent| sheet_open.set(!*sheet_open))
    };
    // Jumping to a mention (an item's button) closes the sheet, so that the
    // mention is in view; the switches and the handle leave it as it is.
    let on_panel_click = {
        let sheet_open = sheet_open.clone();
        Callback::from(move |e: MouseEvent| {
            use wasm_bindgen::JsCast;
            let on_item = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("button.item").ok().flatten())
                .is_some();
            if on_item {
                sheet_open.set(false);
            }
        })
    };
    // The document whose lists are in the panel (by address: a new reading
    // is a new `Rc`).
    let document_key = std::rc::Rc::as_ptr(&props.document.0) as usize;
    let listed = use_state(|| None::<usize>);
    {
        let (listed, later) = (listed.clone(), props.lists_later);
        use_effect_with(document_key, move |&key| {
            let timer = later
                .then(|| gloo_timers::callback::Timeout::new(0, move || listed.set(Some(key))));
            move || drop(timer)
        });
    }
    // A new reading of the text already listed (the name model arrived)
    // lists at once: emptying the panel for a task would shorten the page
    // and move the reader's scroll position.
    let listed_text = use_mut_ref(|| None::<Doc>);
    let same_text = matches!(&*listed_text.borrow(), Some(d) if d.0.text == props.document.0.text);
    let lists = !props.lists_later || *listed == Some(document_key) || same_text;
    if lists {
        *listed_text.borrow_mut() = Some(props.document.clone());
    }
    // Once per document, not on every render of the app (a card opening).
    let groups = use_memo((props.document.clone(), lists), |(document, lists)| {
        if *lists {
            overview(document)
        } else {
            Vec::new()
        }
    });
    let found: usize = props.document.spans.len();
    html! {
        <aside id="panel" class={classes!("panel", (*sheet_open).then_some("sheet-open"))} aria-label="Overview"
            onclick={on_panel_click}>
            <button id="sheet-handle" class="sheet-handle" aria-expanded={sheet_open.to_string()} aria-controls="panel-body"
                onclick={toggle_sheet}>
                <span class="grip" aria-hidden="true"></span>
                <span>{ format!("In this article: {} highlights", found) }
                    <span aria-hidden="true">{ if *sheet_open { " ▾" } else { " ▴" } }</span></span>
            </button>
            <div id="panel-body" class="panel-body" aria-busy={(!lists).to_string()}>
            if lists && !props.marks.is_empty() {
                <section class="group marks" data-kind="mark">
                    <h3>{ "Your marks" }<span class="group-count">{ format!(" {}", props.marks.len()) }</span></h3>
                    <ul class="mark-list">
                        { for props.marks.iter().enumerate().map(|(i, m)| {
                            let quote = props.document.slice(m.start, m.end.min(props.document.chars.len()));
                            let jump = props.on_jump_mark.reform(move |_: MouseEvent| i);
                            let remove = props.on_remove_mark.reform(move |_: MouseEvent| i);
                            html! {
                                <li>
                                    <button class="item" lang="zh" onclick={jump}>{ short(&quote) }</button>
                                    if !m.note.is_empty() { <span class="note">{ &m.note }</span> }
                                    <button class="link" aria-label="Remove this mark" onclick={remove}>{ "remove" }</button>
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }
            <h2>{ "In this article" }</h2>
            // On a phone the summary line lives here, in the sheet, so that
            // the article starts near the top of the screen.
            if lists {
                <p class="panel-summary">{ summary_line(&props.document, &groups) }</p>
            }
            { for groups.iter().filter(|(_, items)| !items.is_empty()).map(|&(kind, ref items)| {
                let shown = !props.hidden.contains(&kind);
                let toggle = props.on_toggle.reform(move |_: Event| kind);
                let total: usize = items.iter().map(|i| i.count).sum();
                // Distinct items, and their mentions when more: as the summary says it.
                let count = match (kind, total > items.len()) {
                    (_, false) => format!(" {}", items.len()),
                    (Kind::Spin, true) => format!(" {} ({} places)", items.len(), total),
                    (_, true) => format!(" {} ({} mentions)", items.len(), total),
                };
                html! {
                    <section class={classes!("group", kind.as_str())} data-kind={kind.as_str()}>
                        <h3>
                            <label>
                                <input type="checkbox" checked={shown} onchange={toggle}
                                    aria-label={format!("Show {}", heading(kind).to_lowercase())} />
                                <span class={classes!("swatch", kind.as_str())} aria-hidden="true"></span>
                                { heading(kind) }
                                <span class="group-count" data-count={total.to_string()} data-items={items.len().to_string()}>{ count }</span>
                            </label>
                        </h3>
                        <ul>
                            { for items.iter().take(40).map(|item| {
                                let jump = props.on_jump.reform({ let i = item.first_span; move |_: MouseEvent| i });
                                html! {
                                    <li><button class="item" lang="zh" onclick={jump}>
                                        { &item.label }
                                        if item.count > 1 { <span class="n">{ format!(" ×{}", item.count) }</span> }
                                    </button></li>
                                }
                            }) }
                        </ul>
                    </section>
                }
            }) }
            </div>
        </aside>
    }
}
