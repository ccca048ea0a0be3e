//! The reading view: the article as paragraphs of word elements.
//!
//! Contract for later features and for tests: the root has `id="reader"`;
//! every word element carries `data-start` and `data-end` (Unicode scalar
//! offsets, end exclusive); every highlighted span carries `data-kind`.

use std::rc::Rc;

use yew::prelude::*;

use crate::analysis::Document;
use crate::app::layout::{paragraphs, Node};

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub document: Rc<Document>,
}

#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let doc = &*props.document;
    let paragraphs = paragraphs(doc);
    html! {
        <article id="reader" class="reader" lang="zh" aria-label="Article">
            { for paragraphs.iter().map(|nodes| html! {
                <p>{ for nodes.iter().map(|node| render(doc, node)) }</p>
            }) }
        </article>
    }
}

fn render(doc: &Document, node: &Node) -> Html {
    match node {
        Node::Word(i) => {
            let word = doc.words[*i];
            let text: String = doc.chars[word.start..word.end].iter().collect();
            html! {
                <span class="w" data-start={word.start.to_string()} data-end={word.end.to_string()}>
                    { text }
                </span>
            }
        }
        Node::Space(text) => html! { { text.clone() } },
        Node::Break => html! { <br /> },
        Node::Mark(i, children) => {
            let span = &doc.spans[*i];
            let kind = span.kind.as_str();
            html! {
                <mark class={classes!("hl", kind)} data-kind={kind}
                    data-start={span.start.to_string()} data-end={span.end.to_string()}>
                    { for children.iter().map(|child| render(doc, child)) }
                </mark>
            }
        }
    }
}
