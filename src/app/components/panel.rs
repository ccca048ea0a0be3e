//! The overview beside the article (a sheet below it on narrow screens):
//! everything highlighted, by kind, with counts; a switch per kind; a click
//! on an item jumps to its first mention.

use std::collections::BTreeSet;

use yew::prelude::*;

use crate::app::state::Doc;

use crate::analysis::{Document, Kind};
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
}

/// One line of the overview: a name and how often it occurs.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub label: String,
    pub count: usize,
    pub first_span: usize,
}

/// Items per kind: entities and terms by canonical name, figures and spins by surface.
pub fn overview(doc: &Document) -> Vec<(Kind, Vec<Item>)> {
    Kind::ALL
        .iter()
        .map(|&kind| {
            let mut items: Vec<Item> = Vec::new();
            for (i, s) in doc.spans.iter().enumerate().filter(|(_, s)| s.kind == kind) {
                let label = match kind {
                    Kind::Spin => format!("{} → {}", doc.slice(s.start, s.end), s.original.clone().unwrap_or_default()),
                    Kind::Figure => doc.slice(s.start, s.end),
                    _ => s.term.clone().unwrap_or_else(|| doc.slice(s.start, s.end)),
                };
                match items.iter_mut().find(|it| it.label == label) {
                    Some(item) => item.count += 1,
                    None => items.push(Item { label, count: 1, first_span: i }),
                }
            }
            items.sort_by(|a, b| b.count.cmp(&a.count).then(a.first_span.cmp(&b.first_span)));
            (kind, items)
        })
        .collect()
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

fn heading(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "People",
        Kind::Org => "Organisations",
        Kind::Place => "Places",
        Kind::Product => "Products",
        Kind::Figure => "Figures",
        Kind::Term => "Terms",
        Kind::Spin => "Spun wording",
    }
}

#[function_component(Panel)]
pub fn panel(props: &PanelProps) -> Html {
    let groups = overview(&props.document);
    html! {
        <aside id="panel" class="panel" aria-label="Overview">
            if !props.marks.is_empty() {
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
            { for groups.into_iter().filter(|(_, items)| !items.is_empty()).map(|(kind, items)| {
                let shown = !props.hidden.contains(&kind);
                let toggle = props.on_toggle.reform(move |_: Event| kind);
                let total: usize = items.iter().map(|i| i.count).sum();
                html! {
                    <section class={classes!("group", kind.as_str())} data-kind={kind.as_str()}>
                        <h3>
                            <label>
                                <input type="checkbox" checked={shown} onchange={toggle}
                                    aria-label={format!("Show {}", heading(kind).to_lowercase())} />
                                <span class={classes!("swatch", kind.as_str())} aria-hidden="true"></span>
                                { heading(kind) }
                                <span class="group-count" data-count={total.to_string()}>{ format!(" {}", items.len()) }</span>
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
        </aside>
    }
}
