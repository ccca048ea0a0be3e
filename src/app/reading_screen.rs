//! The reading screen: the reading bar (its actions fold into a menu on a
//! phone), the reading view, the overview panel and the open card. An
//! unread text (an opened link before its analysis) is shown by the same
//! elements as its reading will be, so that the reading replaces it in
//! place; until then nothing in it opens and nothing is shared.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::{CardPopup, Panel, Reader};
use crate::app::dict::{DictState, SharedDict};
use crate::app::dom;
use crate::app::hooks::Hover;
use crate::app::state::{Action, AppState, OpenCard, Screen};

#[derive(Properties, PartialEq)]
pub struct ReadingScreenProps {
    pub state: Rc<AppState>,
    pub dispatch: Callback<Action>,
    pub dictionary: DictState,
    pub hover: Hover,
    /// The whole of a reading is in the page.
    pub on_complete: Callback<u32>,
}

/// `callback`, or one that does nothing while the text on screen is unread.
fn live<T: 'static>(unread: bool, callback: Callback<T>) -> Callback<T> {
    if unread {
        Callback::noop()
    } else {
        callback
    }
}

#[function_component(ReadingScreen)]
pub fn reading_screen(props: &ReadingScreenProps) -> Html {
    // Hooks first: they run on every render, in the same order.
    let menu_open = use_state(|| false);
    let note_ref = use_node_ref();
    let last_selection = use_mut_ref(|| None::<(usize, usize)>);
    let (state, dispatch) = (&props.state, &props.dispatch);
    let (Screen::Read(document) | Screen::Preview(document)) = &state.screen else {
        return html! {};
    };
    let unread = matches!(state.screen, Screen::Preview(_));
    let act = |action: fn() -> Action| dispatch.reform(move |_: MouseEvent| action());
    let toggle_menu = {
        let menu_open = menu_open.clone();
        Callback::from(move |_: MouseEvent| menu_open.set(!*menu_open))
    };
    let close_menu = {
        let menu_open = menu_open.clone();
        Callback::from(move |e: MouseEvent| {
            // An action was chosen (typing a note keeps the menu open).
            if dom::closest_button(&e) && *menu_open {
                menu_open.set(false);
            }
        })
    };
    let on_select = {
        let last_selection = last_selection.clone();
        Callback::from(move |range| *last_selection.borrow_mut() = Some(range))
    };
    let on_mark = {
        let (dispatch, note_ref) = (dispatch.clone(), note_ref.clone());
        Callback::from(move |_: MouseEvent| {
            let note = dom::take_input_value(&note_ref);
            dispatch.emit(
                match dom::selected_range().or_else(|| last_selection.borrow_mut().take()) {
                    Some((start, end)) => Action::AddMark { start, end, note },
                    None => Action::Notice(
                        "Select some of the article's text first, then press Mark.".into(),
                    ),
                },
            )
        })
    };
    let dictionary = match &props.dictionary {
        DictState::Ready(d) => Some(d.clone()),
        _ => None,
    };
    let on_export = dispatch.reform(move |_: MouseEvent| Action::ExportAnki(dictionary.clone()));
    let on_send = on_send(state.clone(), dispatch.clone());
    let pinyin_dict = match (&props.dictionary, state.pinyin && !unread) {
        (DictState::Ready(d), true) => Some(SharedDict(d.clone())),
        _ => None,
    };
    let loading = matches!(props.dictionary, DictState::Loading) && state.pinyin;
    let pinyin_label = if loading && !state.zhuyin {
        "Pinyin (loading dictionary…)"
    } else {
        "Pinyin"
    };
    let zhuyin_label = if loading && state.zhuyin {
        "Zhuyin (loading dictionary…)"
    } else {
        "Zhuyin ㄅㄆㄇ"
    };
    let on_open = dispatch.reform(Action::OpenCard);
    let on_close = dispatch.reform(|_: ()| Action::CloseCard);
    let on_jump = Callback::from(|i: usize| {
        if let Some(selector) = dom::selector(&OpenCard::span(i).anchor) {
            dom::jump_to(&selector)
        }
    });
    let on_jump_mark =
        Callback::from(|i: usize| dom::jump_to(&format!("#reader [data-mark=\"{i}\"]")));
    let complete = state.analysing.is_none();
    let hover = &props.hover;
    html! {
        <>
            // One bar: on a phone the less frequent actions fold into a
            // menu, so that the article starts near the top of the screen.
            <div class="toolbar reading-bar">
                <button class="secondary" onclick={act(|| Action::BackToEdit)}>{ "← Edit text" }</button>
                <button id="pinyin-toggle" aria-pressed={(state.pinyin && !state.zhuyin).to_string()} onclick={act(|| Action::TogglePinyin)}>{ pinyin_label }</button>
                <button id="more-actions" class="more-actions" aria-expanded={menu_open.to_string()} aria-controls="reading-actions"
                    onclick={toggle_menu}>{ if *menu_open { "Actions ▴" } else { "Actions ▾" } }</button>
                <div id="reading-actions" class={classes!("reading-actions", menu_open.then_some("open"))} onclick={close_menu}>
                    <button id="zhuyin-toggle" aria-pressed={(state.pinyin && state.zhuyin).to_string()} onclick={act(|| Action::ToggleZhuyin)}
                        title="Zhuyin (bopomofo) above every word instead of pinyin">{ zhuyin_label }</button>
                    if document.body.is_some() {
                        <button id="whole-page" aria-pressed={state.whole_page.to_string()} onclick={act(|| Action::ToggleWholePage)}
                            title="This looks like a whole web page: the menus and links around the article are dimmed and left out of the counts">
                            { "Show the whole page" }</button>
                    }
                    <button id="anki-export" onclick={on_export} disabled={state.study.is_empty()}
                        title="The words you added (“+ Anki” on a card, or a card you clicked open), as a CSV that Anki imports">
                        { format!("Export for Anki ({})", state.study.len()) }</button>
                    <button id="share" class="primary" onclick={act(|| Action::Share)} disabled={unread}>{ "Share highlighted link" }</button>
                    if dom::can_web_share() {
                        <button id="send" onclick={on_send} disabled={unread}>{ "Send…" }</button>
                    }
                    <button id="download" onclick={act(|| Action::DownloadArticle)} disabled={unread}>{ "Download as a file" }</button>
                    <div class="marking">
                        <label for="mark-note" class="visually-hidden">{ "Note for the mark" }</label>
                        <input id="mark-note" ref={note_ref} type="text" placeholder="Note (optional)" maxlength="500" />
                        <button id="mark" onclick={on_mark} disabled={unread}
                            title="Select a passage of the article, then press Mark">{ "Mark selection" }</button>
                    </div>
                </div>
            </div>
            { for state.message.clone().map(|m| html! { <p id="notice" class="message" role="status">{ m }</p> }) }
            { restore_offer(state, dispatch) }
            <div class="reading">
                <div class="reading-main">
                    if !complete && !unread {
                        <p class="progress" role="status">{ "Reading the rest of the article…" }</p>
                    }
                    <Reader document={document.clone()} {complete} {unread} reading={state.reading} whole_page={state.whole_page} hidden={state.hidden.clone()} open={state.card.clone()}
                        on_open={live(unread, on_open.clone())} on_click={live(unread, hover.click.clone())} on_hover={live(unread, hover.over.clone())}
                        on_hover_leave={hover.left.clone()} on_hover_keep={live(unread, hover.keep.clone())} on_close={on_close.clone()}
                        as_original={state.as_original} on_toggle_original={dispatch.reform(|_: ()| Action::ToggleOriginal)}
                        pinyin={pinyin_dict} zhuyin={state.zhuyin} marks={state.marks.clone()} {on_select} on_complete={props.on_complete.clone()} />
                </div>
                <Panel document={document.clone()} hidden={state.hidden.clone()} on_toggle={dispatch.reform(Action::ToggleKind)} {on_jump}
                    marks={state.marks.clone()} {on_jump_mark} on_remove_mark={dispatch.reform(Action::RemoveMark)} lists_later=true />
            </div>
            if let Some(card) = &state.card {
                <CardPopup document={document.clone()} card={card.clone()} dictionary={props.dictionary.clone()}
                    {on_open} {on_close} pinned={state.is_pinned()}
                    in_study={state.study.contains(&card.target)} on_study={dispatch.reform(Action::ToggleStudy)}
                    on_pointer_enter={hover.on_card.clone()} on_pointer_leave={hover.left.clone()} />
            }
        </>
    }
}

/// "Your previous text is saved. Restore it", after a link opened over a
/// different draft.
pub fn restore_offer(state: &AppState, dispatch: &Callback<Action>) -> Html {
    if state.previous_draft.is_none() {
        return html! {};
    }
    html! {
        <p class="restore" role="status">{ "Your previous text is saved. " }
            <button id="restore-previous" class="link" onclick={dispatch.reform(|_: MouseEvent| Action::RestorePrevious)}>{ "Restore it" }</button></p>
    }
}

/// "Send…": the system share sheet needs the click itself, so no waiting
/// here: the link model is fetched as soon as an article is shown.
fn on_send(state: Rc<AppState>, dispatch: Callback<Action>) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| match state.shared() {
        Some(shared) if crate::share::model_is_ready() => {
            dom::web_share(&crate::share::make_link(&dom::location().0, &shared))
        }
        Some(_) => dispatch.emit(Action::Notice(
            "The link is still being prepared: try again in a moment.".into(),
        )),
        None => {}
    })
}
