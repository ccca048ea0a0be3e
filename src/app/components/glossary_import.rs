//! "Your glossary": import a TOML, JSON or CSV glossary that is kept in the
//! browser and merged over the built-in one.

use yew::prelude::*;

use crate::app::state::GlossaryStatus;

#[derive(Properties, PartialEq)]
pub struct GlossaryImportProps {
    /// What became of the file once one was tried (a refusal names the line and field).
    pub status: Option<GlossaryStatus>,
    /// A file the reader chose: (name, contents), or why it could not be read.
    pub on_file: Callback<crate::app::dom::ChosenFile>,
    pub on_forget: Callback<()>,
}

#[function_component(GlossaryImport)]
pub fn glossary_import(props: &GlossaryImportProps) -> Html {
    let onchange = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| read_chosen_file(e, on_file.clone()))
    };
    let forget = props.on_forget.reform(|_: MouseEvent| ());
    html! {
        <section class="glossary-import" aria-label="Your glossary">
            <label class="file-button">
                { "Import your glossary (TOML, JSON or CSV)" }
                <input id="glossary-file" type="file" accept=".toml,.json,.csv,text/csv,application/json" {onchange} />
            </label>
            { match &props.status {
                Some(GlossaryStatus::Loaded(note)) => html! {
                    <p class="import-ok" role="status">{ note }{ " " }
                        <button class="link" onclick={forget}>{ "Remove it" }</button></p>
                },
                Some(GlossaryStatus::NotLoaded(message)) => html! { <p class="message" role="alert">{ message }</p> },
                None => html! {},
            } }
        </section>
    }
}

/// Reads the chosen file's text; only the browser has files.
/// Glossary files larger than this are refused with a message.
#[cfg(target_arch = "wasm32")]
const MAX_GLOSSARY_BYTES: f64 = 5_000_000.0;

fn read_chosen_file(e: Event, on_file: Callback<crate::app::dom::ChosenFile>) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(file) = crate::app::dom::take_chosen_file(&e) else {
            return;
        };
        yew::platform::spawn_local(async move {
            let name = file.name();
            if file.size() > MAX_GLOSSARY_BYTES {
                let megabytes = file.size() / 1024.0 / 1024.0;
                on_file.emit((
                    name,
                    Err(crate::app::dom::FileError::TooLarge { megabytes }),
                ));
                return;
            }
            let text = crate::app::dom::file_text(&file).await;
            on_file.emit((name, text.ok_or(crate::app::dom::FileError::Unreadable)));
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (e, on_file);
}
