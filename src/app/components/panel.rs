//! The overview beside the article (a sheet below it on narrow screens):
//! everything highlighted, by kind, with counts; a switch per kind; a click
//! on an item jumps to its first mention.

use std::collections::BTreeSet;

use yew::prelude::*;

use crate::app::state::Doc;

use crate::analysis::{Document, Kind, Script};
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

/// One line of the overview: a name and how often it occurs.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub label: String,
    pub count: usize,
    pub first_span: usize,
}

/// Items per kind: entities and terms by canonical name, figures and spins by surface.
/// A traditional text's entities and terms are grouped by their canonical
/// (simplified) name but labelled as the text first wrote them: the panel
/// never shows characters the reader did not paste.
pub fn overview(doc: &Document) -> Vec<(Kind, Vec<Item>)> {
    let traditional = doc.script == Script::Traditional;
    Kind::ALL
        .iter()
        .map(|&kind| {
            let mut items: Vec<Item> = Vec::new();
            // Where each label is in `items` (a long article has thousands).
            let mut index: std::collections::HashMap<String, usize> = Default::default();
            // Only the article: a whole pasted page's menus and links are dimmed, not counted.
            for (i, s) in doc
                .spans
                .iter()
                .enumerate()
                .filter(|(_, s)| s.kind == kind && doc.in_body(s))
            {
                let surface = doc.slice(s.start, s.end);
                let key = match kind {
                    Kind::Spin => {
                        format!("{} → {}", surface, s.original.clone().unwrap_or_default())
                    }
                    Kind::Figure => surface.clone(),
                    _ => s.term.clone().unwrap_or_else(|| surface.clone()),
                };
                match index.get(&key) {
                    Some(&at) => items[at].count += 1,
                    None => {
                        let label = match kind {
                            Kind::Spin | Kind::Figure => key.clone(),
                            _ if traditional => surface,
                            _ => key.clone(),
                        };
                        index.insert(key, items.len());
                        items.push(Item {
                            label,
                            count: 1,
                            first_span: i,
                        });
                    }
                }
            }
            items.sort_by(|a, b| b.count.cmp(&a.count).then(a.first_span.cmp(&b.first_span)));
            (kind, items)
        })
        .collect()
}

/// "3 people (12 mentions)": distinct items, and their mentions when there
/// are more mentions than items. The summary line, the spun-text banner
/// and the panel all count this way.
pub fn counted(items: usize, mentions: usize, one: &str, many: &str, unit: &str) -> String {
    let noun = if items == 1 { one } else { many };
    if mentions > items {
        format!("{items} {noun} ({mentions} {unit})")
    } else {
        format!("{items} {noun}")
    }
}

/// Distinct spun words and the places they occur (the spin group of `groups`).
pub fn spun_count(groups: &[(Kind, Vec<Item>)]) -> (usize, usize) {
    groups
        .iter()
        .find(|(k, _)| *k == Kind::Spin)
        .map(|(_, items)| (items.len(), items.iter().map(|i| i.count).sum()))
        .unwrap_or((0, 0))
}

/// The line over the article: "1 person, 7 organisations (9 mentions), …,
/// 27 swapped words (40 places)", counted from the panel's groups (only the
/// article's body), then what else the engine noticed.
pub fn summary_line(doc: &Document, groups: &[(Kind, Vec<Item>)]) -> String {
    let mut parts: Vec<String> = groups
        .iter()
        .filter(|(_, items)| !items.is_empty())
        .map(|(kind, items)| {
            let mentions = items.iter().map(|i| i.count).sum();
            let (one, many) = noun(*kind);
            match kind {
                Kind::Spin => counted(items.len(), mentions, one, many, "places"),
                _ => counted(items.len(), mentions, one, many, "mentions"),
            }
        })
        .collect();
    if parts.is_empty() {
        parts.push("nothing highlighted".into());
    }
    let mut line = parts.join(", ");
    if doc.summary.spun {
        line.push_str("; this text looks machine-spun");
    }
    if doc.summary.outside_body > 0 {
        line.push_str(&format!(
            "; {} more outside the article",
            doc.summary.outside_body
        ));
    }
    if doc.summary.traditional {
        line.push_str("; traditional characters, read as simplified");
    }
    line
}

/// A kind's items in the summary line, singular and plural.
fn noun(kind: Kind) -> (&'static str, &'static str) {
    (kind.names().one, kind.names().many)
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
