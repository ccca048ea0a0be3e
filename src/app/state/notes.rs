//! What the reader adds: marks on the text, their own glossary, and what
//! becomes of keeping them in the browser.

use super::{AppState, Effect, GlossaryStatus, PendingGlossary, Screen};
use crate::app::protocol::Request;
use crate::app::storage;
use crate::share::Mark;

impl AppState {
    /// Mark `start..end` (chars) with an optional note.
    pub(super) fn add_mark(&self, start: usize, end: usize, note: String) -> AppState {
        let Screen::Read(doc) = &self.screen else {
            return self.clone();
        };
        // While the text on screen is only being read again (a model
        // arrived), the whole of it is there to mark.
        if self
            .analysing
            .as_ref()
            .is_some_and(|a| !(a.again && a.text == doc.text))
        {
            return AppState {
                message: Some(
                    "The rest of the article is still being read: mark it in a moment.".into(),
                ),
                ..self.clone()
            };
        }
        if start >= end || end > doc.chars.len() {
            return AppState {
                message: Some("Select some of the article's text first, then press Mark.".into()),
                ..self.clone()
            };
        }
        let mut marks = self.marks.clone();
        marks.push(Mark {
            start,
            end,
            note: note.trim().to_string(),
        });
        marks.sort_by_key(|m| (m.start, m.end));
        AppState {
            screen: Screen::Read(super::reading::with_marks(doc, &marks)),
            marks,
            message: None,
            ..self.clone()
        }
    }

    /// A glossary file the reader chose goes to the engine.
    pub(super) fn import_glossary(
        &self,
        name: String,
        text: String,
        save: bool,
        fx: &mut Vec<Effect>,
    ) -> AppState {
        let mut state = self.clone();
        let id = state.request(fx, |id| Request::Glossary {
            id,
            name: name.clone(),
            text: text.clone(),
        });
        state.pending_glossary = Some(PendingGlossary {
            id,
            name,
            text,
            save,
        });
        state
    }

    pub(super) fn forget_glossary(&self, fx: &mut Vec<Effect>) -> AppState {
        fx.push(Effect::Forget(storage::GLOSSARY_KEY));
        let mut state = AppState {
            glossary: None,
            pending_glossary: None,
            ..self.clone()
        };
        state.request(fx, |id| Request::ForgetGlossary { id });
        state.reanalysed(fx)
    }

    /// The engine read the reader's glossary (its term count) or not.
    pub(super) fn glossary_read(
        &self,
        id: u32,
        result: Result<u32, String>,
        fx: &mut Vec<Effect>,
    ) -> AppState {
        let Some(pending) = self.pending_glossary.clone().filter(|p| p.id == id) else {
            return self.clone();
        };
        let state = AppState {
            pending_glossary: None,
            ..self.clone()
        };
        match result {
            Err(e) => AppState {
                glossary: Some(GlossaryStatus::NotLoaded(format!(
                    "Your glossary was not loaded: {e}"
                ))),
                ..state
            },
            Ok(n) => {
                let note = format!(
                    "Your glossary: {n} terms from {}, over the built-in ones.",
                    pending.name
                );
                if pending.save {
                    fx.push(Effect::Save {
                        key: storage::GLOSSARY_KEY,
                        value: format!("{}\n{}", pending.name, pending.text),
                    });
                }
                AppState {
                    glossary: Some(GlossaryStatus::Loaded(note)),
                    ..state
                }
                .reanalysed(fx)
            }
        }
    }

    /// The browser would not keep something: the reader learns what is not
    /// kept (what is on screen stays).
    pub(super) fn not_saved(&self, key: &str, why: storage::StorageError) -> AppState {
        match key {
            storage::GLOSSARY_KEY => {
                let glossary = match &self.glossary {
                    Some(GlossaryStatus::Loaded(note)) => Some(GlossaryStatus::Loaded(format!(
                        "{note} It is not kept for next time: {why}."
                    ))),
                    other => other.clone(),
                };
                AppState {
                    glossary,
                    ..self.clone()
                }
            }
            storage::READING_KEY => AppState {
                message: Some(format!("Your marks are not saved in this browser: {why}.")),
                ..self.clone()
            },
            _ => AppState {
                message: Some(format!("Your text is not saved in this browser: {why}.")),
                ..self.clone()
            },
        }
    }
}
