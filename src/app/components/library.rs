//! The reader's library (see `app::library`): every article read is kept as
//! it is read; on the paste screen, the list to reopen, rename or delete them,
//! and export or import all of them as one JSON file. When the browser refuses
//! to keep an article, a message says so over either screen.

use yew::prelude::*;

use crate::app::library::{self, store, Article, Entry, StoreError};
use crate::app::{dom, storage};
use crate::share::SharedState;

/// How long after an article is shown (or its marks change) it is written to
/// the library.
const SAVE_DELAY_MS: u32 = 250;

#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    /// What is being read now (None on the paste screen): kept as it changes.
    #[prop_or_default]
    pub current: Option<SharedState>,
    /// Reopen an article: what it holds, and the reader's draft when that is
    /// neither this article nor kept in the library (so it can be restored).
    #[prop_or_default]
    pub on_open: Callback<(SharedState, Option<String>)>,
}

type Entries = UseStateHandle<Option<Result<Vec<Entry>, StoreError>>>;
type Status = UseStateHandle<Option<Result<String, String>>>;

fn now() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    0.0
}

/// The reader's offset from UTC in minutes (dates in the list are local).
fn utc_offset() -> i64 {
    #[cfg(target_arch = "wasm32")]
    {
        -(js_sys::Date::new_0().get_timezone_offset() as i64)
    }
    #[cfg(not(target_arch = "wasm32"))]
    0
}

fn refresh(entries: Entries) {
    yew::platform::spawn_local(async move {
        entries.set(Some(store::list().await.map(library::sorted)));
    });
}

#[function_component(Library)]
pub fn library_view(props: &LibraryProps) -> Html {
    let entries: Entries = use_state(|| None);
    let status: Status = use_state(|| None);
    let alert = use_state(|| None::<String>);
    let renaming = use_state(|| None::<String>);
    let undo = use_state(|| None::<Article>);
    let rename_ref = use_node_ref();

    {
        let entries = entries.clone();
        use_effect_with((), move |_| refresh(entries));
    }
    // Keep what is being read: a new article with its text, a known one with
    // its marks and view (the text is written once).
    let key = props.current.as_ref().map(|s| {
        (
            library::article_id(&s.text),
            s.marks.clone(),
            s.view.hidden_kinds.clone(),
            s.view.pinyin,
        )
    });
    // Each change of an article supersedes the one before for that article:
    // a save that has not yet begun writing when a newer one of the same
    // article starts gives way, so older marks never land last. (Saves of
    // other articles never cancel it: reading another article right after
    // marking one must keep those marks.)
    let generations = use_mut_ref(std::collections::HashMap::<String, u64>::new);
    {
        let (current, entries, alert) = (props.current.clone(), entries.clone(), alert.clone());
        use_effect_with(key, move |_| {
            if let Some(shared) = current {
                let id = library::article_id(&shared.text);
                let mine = {
                    let mut generations = generations.borrow_mut();
                    let generation = generations.entry(id.clone()).or_insert(0);
                    *generation += 1;
                    *generation
                };
                // After the reading view has been laid out and painted: the
                // write need not share the frame that shows the article.
                let save = async move {
                    let existing = store::list()
                        .await
                        .ok()
                        .and_then(|list| list.into_iter().find(|e| e.id == id));
                    if generations.borrow().get(&id) != Some(&mine) {
                        return;
                    }
                    let entry = library::entry_for(&shared, now(), existing.as_ref());
                    let text = existing.is_none().then(|| shared.text.clone());
                    match store::put(&[(entry.clone(), text)]).await {
                        Ok(()) => {
                            alert.set(None);
                            refresh(entries);
                        }
                        Err(error) => {
                            alert.set(Some(library::not_kept_message(&entry.title, &error)))
                        }
                    }
                };
                gloo_timers::callback::Timeout::new(SAVE_DELAY_MS, move || {
                    yew::platform::spawn_local(save)
                })
                .forget();
            }
        });
    }

    let toast = alert.as_ref().map(|message| {
        let close = {
            let alert = alert.clone();
            Callback::from(move |_: MouseEvent| alert.set(None))
        };
        html! {
            <div id="library-alert" class="toast alert" role="alert">
                <p>{ message }</p>
                <button class="secondary" onclick={close}>{ "OK" }</button>
            </div>
        }
    });
    if props.current.is_some() {
        return html! { <>{ for toast }</> };
    }

    let list: Vec<Entry> = match &*entries {
        Some(Ok(list)) => list.clone(),
        _ => Vec::new(),
    };
    let on_open = {
        let (on_open, status, list) = (props.on_open.clone(), status.clone(), list.clone());
        move |entry: Entry| {
            let (on_open, status, list) = (on_open.clone(), status.clone(), list.clone());
            Callback::from(move |_: MouseEvent| {
                let (on_open, status, list, entry) =
                    (on_open.clone(), status.clone(), list.clone(), entry.clone());
                yew::platform::spawn_local(async move {
                    match store::text(&entry.id).await {
                        Ok(Some(text)) => {
                            // A draft that is not in the library stays restorable.
                            let draft = storage::load(storage::DRAFT_KEY).filter(|d| {
                                !d.trim().is_empty() && *d != text && {
                                    let id = library::article_id(d);
                                    !list.iter().any(|e| e.id == id)
                                }
                            });
                            on_open.emit((library::to_shared(&entry, text), draft));
                        }
                        Ok(None) => status.set(Some(Err(format!(
                            "The text of “{}” is missing from this browser's storage.",
                            entry.title
                        )))),
                        Err(e) => status.set(Some(Err(format!(
                            "“{}” could not be opened: {e}.",
                            entry.title
                        )))),
                    }
                });
            })
        }
    };
    let on_rename = |id: String| {
        let renaming = renaming.clone();
        Callback::from(move |_: MouseEvent| renaming.set(Some(id.clone())))
    };
    let save_rename = {
        let (renaming, rename_ref, status, entries, list) = (
            renaming.clone(),
            rename_ref.clone(),
            status.clone(),
            entries.clone(),
            list.clone(),
        );
        Callback::from(move |_: ()| {
            let Some(id) = (*renaming).clone() else {
                return;
            };
            let Some(mut entry) = list.iter().find(|e| e.id == id).cloned() else {
                return;
            };
            let typed = rename_ref
                .cast::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            match library::clean_title(&typed) {
                Err(why) => status.set(Some(Err(why))),
                Ok(title) => {
                    entry.title = title;
                    let (renaming, status, entries) =
                        (renaming.clone(), status.clone(), entries.clone());
                    yew::platform::spawn_local(async move {
                        match store::put(&[(entry.clone(), None)]).await {
                            Ok(()) => {
                                renaming.set(None);
                                status.set(Some(Ok(format!("Renamed to “{}”.", entry.title))));
                                refresh(entries);
                            }
                            Err(e) => {
                                status.set(Some(Err(format!("The new title was not kept: {e}."))))
                            }
                        }
                    });
                }
            }
        })
    };
    let cancel_rename = {
        let renaming = renaming.clone();
        Callback::from(move |_: ()| renaming.set(None))
    };
    let on_delete = |entry: Entry| {
        let (status, entries, undo) = (status.clone(), entries.clone(), undo.clone());
        Callback::from(move |_: MouseEvent| {
            let (status, entries, undo, entry) =
                (status.clone(), entries.clone(), undo.clone(), entry.clone());
            yew::platform::spawn_local(async move {
                // The text is read first, so that Undo can put everything back.
                let text = match store::text(&entry.id).await {
                    Ok(text) => text.unwrap_or_default(),
                    Err(e) => {
                        return status.set(Some(Err(format!(
                            "“{}” was not deleted: {e}.",
                            entry.title
                        ))))
                    }
                };
                match store::delete(&entry.id).await {
                    Ok(()) => {
                        status.set(None);
                        undo.set(Some(Article { entry, text }));
                        refresh(entries);
                    }
                    Err(e) => status.set(Some(Err(format!(
                        "“{}” was not deleted: {e}.",
                        entry.title
                    )))),
                }
            });
        })
    };
    let on_undo = {
        let (status, entries, undo) = (status.clone(), entries.clone(), undo.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(article) = (*undo).clone() else {
                return;
            };
            let (status, entries, undo) = (status.clone(), entries.clone(), undo.clone());
            yew::platform::spawn_local(async move {
                match store::put(&[(article.entry.clone(), Some(article.text))]).await {
                    Ok(()) => {
                        undo.set(None);
                        status.set(Some(Ok(format!("“{}” is back.", article.entry.title))));
                        refresh(entries);
                    }
                    Err(e) => status.set(Some(Err(format!(
                        "“{}” could not be put back: {e}.",
                        article.entry.title
                    )))),
                }
            });
        })
    };
    let on_export = {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            yew::platform::spawn_local(async move {
                match store::all_articles().await {
                    Ok(articles) => {
                        dom::download(
                            "dudong-library.json",
                            "application/json;charset=utf-8",
                            &library::export_json(&articles, now()),
                        );
                        let noun = if articles.len() == 1 {
                            "article"
                        } else {
                            "articles"
                        };
                        status.set(Some(Ok(format!(
                            "Exported {} {noun} as dudong-library.json.",
                            articles.len()
                        ))));
                    }
                    Err(e) => status.set(Some(Err(format!(
                        "The library could not be read for export: {e}."
                    )))),
                }
            });
        })
    };
    let on_import = {
        let (status, entries) = (status.clone(), entries.clone());
        Callback::from(move |e: Event| import::from_input(e, status.clone(), entries.clone()))
    };

    let offset = utc_offset();
    let unavailable = matches!(&*entries, Some(Err(_)));
    html! {
        <>
        { for toast }
        <section id="library" class="library" aria-labelledby="library-title">
            <h2 id="library-title">{ "Your library" }
                <span class="group-count">{ format!(" {}", list.len()) }</span></h2>
            if let Some(Err(e)) = &*entries {
                <p class="message">{ format!("The library is not available: {e}.") }</p>
            } else if list.is_empty() {
                <p class="hint">{ "Every article you read is kept here, in this browser only, with your marks." }</p>
            }
            <ul class="library-list">
                { for list.iter().map(|entry| {
                    let editing = renaming.as_deref() == Some(entry.id.as_str());
                    html! {
                        <li class="library-item" data-id={entry.id.clone()}>
                            if editing {
                                <RenameField title={entry.title.clone()} input={rename_ref.clone()}
                                    on_save={save_rename.clone()} on_cancel={cancel_rename.clone()} />
                            } else {
                                <button class="item open" lang="zh" onclick={on_open(entry.clone())}
                                    aria-label={format!("Open {}", entry.title)}>{ &entry.title }</button>
                                <span class="meta">{ library::describe(entry, offset) }</span>
                                <span class="item-actions">
                                    <button class="link rename" onclick={on_rename(entry.id.clone())}
                                        aria-label={format!("Rename {}", entry.title)}>{ "Rename" }</button>
                                    <button class="link delete" onclick={on_delete(entry.clone())}
                                        aria-label={format!("Delete {}", entry.title)}>{ "Delete" }</button>
                                </span>
                            }
                        </li>
                    }
                }) }
            </ul>
            if let Some(article) = &*undo {
                <p class="restore" role="status">{ format!("Deleted “{}”. ", article.entry.title) }
                    <button id="library-undo" class="link" onclick={on_undo}>{ "Undo" }</button></p>
            }
            if let Some(result) = &*status {
                <p id="library-status" class={classes!("message", result.is_ok().then_some("info"))} role="status">
                    { match result { Ok(m) | Err(m) => m.clone() } }</p>
            }
            <div class="actions">
                <button id="library-export" onclick={on_export} disabled={list.is_empty()}>{ "Export all (.json)" }</button>
                <label class="file-button">{ "Import a library file" }
                    <input id="library-import" type="file" accept=".json,application/json" onchange={on_import} disabled={unavailable} />
                </label>
            </div>
        </section>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct RenameFieldProps {
    title: String,
    input: NodeRef,
    on_save: Callback<()>,
    on_cancel: Callback<()>,
}

/// The title as a text field: Enter or Save keeps it, Escape or Cancel does not.
#[function_component(RenameField)]
fn rename_field(props: &RenameFieldProps) -> Html {
    {
        let input = props.input.clone();
        use_effect_with((), move |_| {
            if let Some(el) = input.cast::<web_sys::HtmlInputElement>() {
                let _ = el.focus();
                el.select();
            }
        });
    }
    let onkeydown = {
        let (save, cancel) = (props.on_save.clone(), props.on_cancel.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => save.emit(()),
            "Escape" => cancel.emit(()),
            _ => {}
        })
    };
    html! {
        <span class="rename-field">
            <label class="visually-hidden" for="library-title-input">{ "New title" }</label>
            <input id="library-title-input" ref={props.input.clone()} type="text" lang="zh"
                value={props.title.clone()} maxlength={library::MAX_TITLE_CHARS.to_string()} {onkeydown} />
            <button id="library-title-save" class="primary" onclick={props.on_save.reform(|_: MouseEvent| ())}>{ "Save" }</button>
            <button class="secondary" onclick={props.on_cancel.reform(|_: MouseEvent| ())}>{ "Cancel" }</button>
        </span>
    }
}

/// Importing a library file: browser only.
mod import {
    use super::*;

    pub fn from_input(e: Event, status: Status, entries: Entries) {
        #[cfg(target_arch = "wasm32")]
        {
            let Some(file) = dom::take_chosen_file(&e) else {
                return;
            };
            let name = file.name();
            if file.size() > library::MAX_IMPORT_BYTES {
                let mb = file.size() / 1024.0 / 1024.0;
                status.set(Some(Err(format!("{name} is {mb:.0} MB, larger than any library dudong writes. Your library was not changed."))));
                return;
            }
            yew::platform::spawn_local(async move {
                let Some(text) = dom::file_text(&file).await else {
                    return status.set(Some(Err(format!(
                        "The browser could not read {name}. Your library was not changed."
                    ))));
                };
                let incoming = match library::parse_export(&name, &text, now()) {
                    Ok(articles) => articles,
                    Err(why) => {
                        return status
                            .set(Some(Err(format!("{why}. Your library was not changed."))))
                    }
                };
                let existing = match store::list().await {
                    Ok(list) => list,
                    Err(e) => {
                        return status.set(Some(Err(format!(
                            "{name} was not imported: {e}. Your library was not changed."
                        ))))
                    }
                };
                let plan = library::plan_import(&existing, incoming);
                match store::put(&plan.writes).await {
                    Ok(()) => {
                        status.set(Some(Ok(plan.summary(&name))));
                        refresh(entries);
                    }
                    Err(e) => status.set(Some(Err(format!(
                        "{name} was not imported: {e}. Your library was not changed."
                    )))),
                }
            });
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (e, status, entries);
    }
}
