//! The browser app: [`App`] composes the screens. [`state`] holds every
//! transition in one pure reducer, which returns effects as values;
//! [`hooks::use_app`] applies actions and runs those effects
//! ([`effects`]), and owns the engine. `components/` has one file per
//! component. Components are thin: they render state and dispatch actions,
//! and all analysis happens in [`crate::analysis`].

pub mod components;
pub mod crash;
pub mod dict;
pub mod dom;
pub mod effects;
pub mod engine;
pub mod export;
pub mod fetch;
pub mod hooks;
pub mod layout;
pub mod protocol;
pub mod reading_screen;
pub mod speech;
pub mod state;
pub mod storage;
pub mod study;
#[cfg(target_arch = "wasm32")]
pub mod worker;
// Everyday use: reading comfort, the library, offline.
pub mod comfort;
pub mod library;
pub mod offline;
pub mod rich_text;

use yew::prelude::*;

use components::{Comfort, GlossaryImport, Library, PasteArea, UpdateNotice};
use hooks::{use_app, use_card_dictionary, use_hover, use_keep_reading, use_restore};
use reading_screen::{restore_offer, ReadingScreen};
use state::{Action, EngineStatus, Screen};

/// A small sign while the engine (the segmenter) loads: the page is usable
/// meanwhile, and says so in a reader's words.
fn engine_indicator(status: &EngineStatus) -> Html {
    match status {
        EngineStatus::Starting => html! {
            <p id="engine-status" class="engine-status" role="status">
                <span class="spinner" aria-hidden="true"></span>{ "Getting ready: you can paste already" }</p>
        },
        EngineStatus::Ready => html! {},
        EngineStatus::Failed(why) => html! {
            <p id="engine-status" class="engine-status failed" role="alert">
                { format!("The segmenter stopped: {why}. Press Read to start it again.") }</p>
        },
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let (state, dispatch) = use_app();
    use_restore(&dispatch);
    use_keep_reading(&state, &dispatch);
    let hover = use_hover(&state, &dispatch);
    let (dictionary, on_complete) = use_card_dictionary(&state, &dispatch);

    let on_article_file = dispatch.reform(|(name, text): dom::ChosenFile| match text {
        Ok(text) => Action::OpenFile { name, text },
        Err(why) => Action::Notice(why.article_message(&name)),
    });
    let on_glossary_file = dispatch.reform(|(name, text): dom::ChosenFile| match text {
        Ok(text) => Action::ImportGlossary {
            name,
            text,
            save: true,
        },
        Err(why) => {
            Action::GlossaryUnreadable(format!("{name} was not loaded: {}.", why.glossary_reason()))
        }
    });
    let waiting = match (&state.engine, &state.analysing) {
        (EngineStatus::Starting, Some(_)) => {
            Some("Reading… (dudong is still getting ready)".to_string())
        }
        (_, Some(_)) => Some("Reading…".to_string()),
        _ => None,
    };
    let body = match &state.screen {
        Screen::Edit => html! {
            <>
            { restore_offer(&state, &dispatch) }
            <PasteArea
                text={state.draft.clone()}
                message={state.message.clone().or(waiting)}
                on_input={dispatch.reform(Action::Edit)} on_read={dispatch.reform(|_| Action::Read)}
                on_sample={dispatch.reform(|_| Action::LoadSample)} on_file={on_article_file} />
            </>
        },
        Screen::Read(_) | Screen::Preview(_) => html! {
            <ReadingScreen state={state.clone()} dispatch={dispatch.clone()} dictionary={dictionary.clone()}
                {hover} {on_complete} />
        },
    };
    let reading_document = match &state.screen {
        Screen::Read(document) | Screen::Preview(document) => Some(document.clone()),
        Screen::Edit => None,
    };
    html! {
        <main class="app">
            <header class="masthead">
                <h1><span lang="zh">{ "读懂" }</span>{ " dudong" }</h1>
                <p class="tagline">{ "Paste a Chinese article and read it word by word." }</p>
                { engine_indicator(&state.engine) }
                <Comfort document={reading_document} marks={!state.marks.is_empty()} on_notice={dispatch.reform(Action::Notice)} />
            </header>
            { body }
            <Library current={state.shared()} on_open={dispatch
                .reform(|(shared, previous)| Action::OpenShared { shared, previous })} />
            <UpdateNotice engine_ready={state.engine == EngineStatus::Ready} />
            <GlossaryImport status={state.glossary.clone()} on_file={on_glossary_file}
                on_forget={dispatch.reform(|_| Action::ForgetGlossary)} />
            <footer class="about">
                <details>
                    <summary>{ "About dudong" }</summary>
                    <p>{ "dudong runs entirely in your browser: the text you paste is analysed here and never sent anywhere." }</p>
                    <p>{ "Word cards use " }<strong>{ "CC-CEDICT" }</strong>
                        { ", the community Chinese-English dictionary published by MDBG, under the Creative Commons \
                           Attribution-ShareAlike 4.0 licence (CC BY-SA 4.0), based on CEDICT by Paul Andrew Denisowski; \
                           the copy served with this app is converted to tone-mark pinyin (see ATTRIBUTION.txt beside it)." }</p>
                    <p>{ "Word segmentation: jieba-rs (MIT) with jieba's dictionary. Traditional characters are read \
                          through OpenCC's traditional-to-simplified tables (Apache-2.0, © BYVoid and the OpenCC \
                          contributors). Glossary, gazetteer, spin table and sample article: written for dudong." }</p>
                </details>
            </footer>
        </main>
    }
}
