//! The browser app: [`App`] composes the paste area and the reading view;
//! [`state`] holds every transition in one reducer; `components/` has one
//! file per component. Components are thin: they render state and dispatch
//! actions, and all analysis happens in [`crate::analysis`].

pub mod components;
pub mod engine;
pub mod layout;
pub mod state;

use yew::prelude::*;

use components::{PasteArea, Reader};
use state::{Action, AppState, Screen};

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(AppState::default);

    let on_input = {
        let state = state.dispatcher();
        Callback::from(move |text: String| state.dispatch(Action::Edit(text)))
    };
    let on_read = {
        let state = state.dispatcher();
        Callback::from(move |_| state.dispatch(Action::Read))
    };
    let on_sample = {
        let state = state.dispatcher();
        Callback::from(move |_| state.dispatch(Action::LoadSample))
    };
    let on_edit = {
        let state = state.dispatcher();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::BackToEdit))
    };

    let body = match &state.screen {
        Screen::Edit => html! {
            <PasteArea
                text={state.draft.clone()}
                message={state.message.clone()}
                {on_input} {on_read} {on_sample} />
        },
        Screen::Read(document) => html! {
            <>
                <div class="toolbar">
                    <button class="secondary" onclick={on_edit}>{ "← Edit text" }</button>
                </div>
                <Reader document={document.clone()} />
            </>
        },
    };

    html! {
        <main class="app">
            <header class="masthead">
                <h1><span lang="zh">{ "读懂" }</span>{ " dudong" }</h1>
                <p class="tagline">{ "Paste a Chinese article and read it word by word." }</p>
            </header>
            { body }
        </main>
    }
}
