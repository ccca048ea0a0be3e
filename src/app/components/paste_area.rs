//! The paste area: a large text box, "Read" and "Try a sample".

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PasteAreaProps {
    pub text: String,
    #[prop_or_default]
    pub message: Option<String>,
    pub on_input: Callback<String>,
    pub on_read: Callback<()>,
    pub on_sample: Callback<()>,
}

#[function_component(PasteArea)]
pub fn paste_area(props: &PasteAreaProps) -> Html {
    let oninput = props.on_input.reform(|e: InputEvent| {
        e.target_unchecked_into::<HtmlTextAreaElement>().value()
    });
    let onread = props.on_read.reform(|_: MouseEvent| ());
    let onsample = props.on_sample.reform(|_: MouseEvent| ());
    let chars = props.text.chars().count();
    html! {
        <section class="paste" aria-label="Paste an article">
            <label for="paste-text" class="visually-hidden">{ "Article text" }</label>
            <textarea id="paste-text" lang="zh"
                placeholder="在这里粘贴一篇中文文章… (paste a Chinese article here)"
                value={props.text.clone()} {oninput} />
            if let Some(message) = &props.message {
                <p class="message" role="alert">{ message }</p>
            }
            <div class="actions">
                <button id="read" class="primary" onclick={onread}>{ "Read" }</button>
                <button id="sample" class="secondary" onclick={onsample}>{ "Try a sample" }</button>
                <span class="count" aria-live="polite">{ format!("{chars} characters") }</span>
            </div>
        </section>
    }
}
