//! What can happen to the app: the reader's actions and the engine's replies.

use std::rc::Rc;

use super::{CardTarget, OpenCard};
use crate::analysis::{Document, Kind};
use crate::app::storage::StorageError;
use crate::dictionary::Dictionary;
use crate::share::SharedState;

/// Something that happened, for [`super::AppState::apply`].
pub enum Action {
    /// The reader typed or pasted in the paste area.
    Edit(String),
    /// A text file the reader opened into the paste area (its name, its text).
    OpenFile {
        name: String,
        text: String,
    },
    /// The autosaved draft from an earlier visit.
    RestoreDraft(String),
    Read,
    LoadSample,
    BackToEdit,
    /// Open a card and pin it (a click, a tap, Enter, a link on another
    /// card); a pinned card joins the study list.
    OpenCard(OpenCard),
    /// A click or tap on a word: pins its card, or closes it when it is
    /// the pinned card already (a toggletip).
    ClickCard(OpenCard),
    /// The pointer rested on a word: its card opens unpinned, unless a
    /// pinned card is open. Nothing joins the study list.
    HoverCard(OpenCard),
    /// The pointer has rested on `start..end` of the text: as `HoverCard`
    /// for the card there. The app names the stretch rather than the card,
    /// because the text may have been read again (and its highlights
    /// renumbered) while the pointer rested.
    HoverAt {
        start: usize,
        end: usize,
    },
    /// The pointer left the word and its card: an unpinned card closes.
    HoverEnd,
    /// "+ Anki" on a card: add what it explains to the study list, or
    /// take it out again.
    ToggleStudy(CardTarget),
    /// Show a spun text with its likely originals in place, or as pasted.
    ToggleOriginal,
    CloseCard,
    ToggleKind(Kind),
    /// Pinyin above the words, or none if pinyin is shown.
    TogglePinyin,
    /// Zhuyin above the words, or none if zhuyin is shown.
    ToggleZhuyin,
    ToggleWholePage,
    /// A glossary file the reader chose (name, contents); `save` keeps it in the browser.
    ImportGlossary {
        name: String,
        text: String,
        save: bool,
    },
    ForgetGlossary,
    GlossaryUnreadable(String),
    /// Mark `start..end` (chars) with an optional note.
    AddMark {
        start: usize,
        end: usize,
        note: String,
    },
    RemoveMark(usize),
    /// Open what a link holds; `previous` is the reader's own unsaved draft, if different.
    OpenShared {
        shared: SharedState,
        previous: Option<String>,
    },
    /// A message for the reader on either screen.
    Notice(String),
    /// The browser refused to keep what [`super::Effect::Save`] asked (why).
    NotSaved {
        key: &'static str,
        why: StorageError,
    },
    /// "Download as a file": the article as one HTML file.
    DownloadArticle,
    /// "Export for Anki": the study list as CSV, with the card dictionary's
    /// meanings when it is loaded.
    ExportAnki(Option<Rc<Dictionary>>),
    /// "Share highlighted link".
    Share,
    /// Put the draft the reader had before opening a link back in the paste area.
    RestorePrevious,
    /// The engine can analyse.
    EngineReady,
    /// The engine stopped or could not start.
    EngineFailed(String),
    /// The engine's document for the first `chars` characters of request
    /// `id` (all of them when `complete`), without its text.
    Analyzed {
        id: u32,
        chars: usize,
        complete: bool,
        document: Document,
    },
    /// All of reading `id` is in the page (the reader made the markup of
    /// its last paragraph).
    Shown(u32),
    /// Phase two of the engine: jieba's full dictionary, the name model,
    /// the term lexicon and the spin context table arrived (their sizes) or
    /// could not be loaded.
    Models {
        names: Result<u32, String>,
        terms: Result<u32, String>,
        spins: Result<u32, String>,
        dictionary: Result<u32, String>,
    },
    /// The engine read the reader's glossary file (its term count) or not.
    GlossaryRead {
        id: u32,
        result: Result<u32, String>,
    },
}

impl Action {
    /// The transition a reply asks for (a warm-up changes nothing).
    pub fn from_reply(reply: crate::app::protocol::Reply) -> Option<Action> {
        use crate::app::protocol::Reply;
        Some(match reply {
            Reply::Ready { .. } => Action::EngineReady,
            Reply::WarmedUp { .. } => return None,
            Reply::Analyzed {
                id,
                chars,
                complete,
                document,
                ..
            } => Action::Analyzed {
                id,
                chars: chars as usize,
                complete,
                document,
            },
            Reply::Glossary { id, result } => Action::GlossaryRead { id, result },
            Reply::Models {
                names,
                terms,
                spins,
                dictionary,
            } => Action::Models {
                names,
                terms,
                spins,
                dictionary,
            },
        })
    }
}
