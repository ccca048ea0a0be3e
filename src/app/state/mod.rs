//! Every state transition of the app, in one pure reducer, so that behaviour
//! can be tested natively without a browser: [`AppState::apply`] returns the
//! next state and what should happen outside it ([`Effect`]: a request for
//! the engine, something to keep or forget in storage, focus, a download),
//! which `app::effects` carries out. The transitions are grouped by what
//! they are about: `reading` (texts, links and the engine's documents),
//! `cards` (opening, hovering, pinning), `notes` (marks and the reader's
//! glossary).

mod action;
mod cards;
mod notes;
mod reading;

pub use action::Action;
pub use reading::unread;

use std::collections::BTreeSet;
use std::rc::Rc;

use crate::analysis::{Document, Kind};
use crate::app::protocol::Request;
use crate::knowledge::SAMPLE_ARTICLE;
use crate::share::{Mark, SharedState};

/// An analysed document as state and as a component property. Two are equal
/// when they are the same one: comparing long documents field by field on
/// every render would cost more than the render.
#[derive(Clone, Debug)]
pub struct Doc(pub Rc<Document>);

impl PartialEq for Doc {
    fn eq(&self, other: &Doc) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Doc {
    type Target = Document;
    fn deref(&self) -> &Document {
        &self.0
    }
}

impl From<Document> for Doc {
    fn from(document: Document) -> Doc {
        Doc(Rc::new(document))
    }
}

#[derive(Clone, PartialEq)]
pub enum Screen {
    /// The paste area.
    Edit,
    /// The reading view of an analysed text.
    Read(Doc),
    /// The text of an opened link (or a kept reading) shown in the reading
    /// view as plain text while the engine reads it: no highlights, cards or
    /// marks yet. The document's words are the text's runs of non-space
    /// characters ([`unread`]); [`Action::Analyzed`] replaces it in place.
    Preview(Doc),
}

/// The longest text the reading view shows at once (every word is an
/// element; past this the page would stall). The CLI has no such limit.
pub const MAX_READ_CHARS: usize = 300_000;

/// 300000 → "300,000".
pub fn group(n: usize) -> String {
    crate::share::thousands(n as u64)
}

/// What a card explains.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CardTarget {
    /// A highlighted span, by index into `Document::spans`.
    Span(usize),
    /// A plain word, by index into `Document::words` (a dictionary card).
    Word(usize),
    /// A glossary term reached through "related" on another card; it opens
    /// where that card was.
    Term(String),
    /// A dictionary headword reached through a cross-reference on another
    /// card (`abbr. for 比利时`, `measure word: 座`); it opens where that card was.
    Lookup(String),
}

/// The one open card and the element it sits next to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenCard {
    pub target: CardTarget,
    /// The element the card is placed beside and to which focus returns
    /// when it closes (`dom::selector` finds it in the page).
    pub anchor: Anchor,
}

/// The element of the reading view a card belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// Highlight `i` (by index into `Document::spans`).
    Span(usize),
    /// The word element that starts at this char.
    Word(usize),
    /// A card opened from another card: it takes that card's place.
    FromCard,
}

impl OpenCard {
    pub fn span(i: usize) -> OpenCard {
        OpenCard {
            target: CardTarget::Span(i),
            anchor: Anchor::Span(i),
        }
    }
    /// The card of word `i`, which starts at char `start`.
    pub fn word(i: usize, start: usize) -> OpenCard {
        OpenCard {
            target: CardTarget::Word(i),
            anchor: Anchor::Word(start),
        }
    }
}

/// Whether the analysis engine (in its worker) can analyse yet.
#[derive(Clone, Debug, PartialEq)]
pub enum EngineStatus {
    Starting,
    Ready,
    /// It stopped or could not start; the next Read starts it again.
    Failed(String),
}

/// What to do with a document once it arrives.
#[derive(Clone, Debug, PartialEq)]
pub enum AfterRead {
    /// A text the reader pasted (marks and the study list kept if it is the text on screen).
    Fresh,
    /// What a share link holds: its marks and the card the sender had open.
    Shared {
        marks: Vec<Mark>,
        open_card: Option<(usize, usize)>,
    },
    /// The text on screen, read again because the engine got better at it
    /// (its name model arrived): marks, the study list and the open card kept,
    /// and no first part shown on its own.
    Again,
}

/// A text sent to the engine and not yet (completely) back, with what the
/// reading view will show over it.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysing {
    pub id: u32,
    pub text: String,
    pub marks: Vec<Mark>,
    pub study: Vec<CardTarget>,
    /// The stretch whose card opens when the document is complete.
    pub open_card: Option<(usize, usize)>,
    /// The text on screen read again: the open card and the study list are
    /// taken from the screen when the document arrives (the reader may have
    /// changed them meanwhile), renumbered for the new document.
    pub again: bool,
}

/// What became of the reader's own glossary, in words for the reader.
#[derive(Clone, Debug, PartialEq)]
pub enum GlossaryStatus {
    /// In use: "Your glossary: 12 terms from mine.csv, over the built-in ones."
    Loaded(String),
    /// Refused, and why (the glossary the reader had stays in use).
    NotLoaded(String),
}

/// The reader's glossary file while the engine reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingGlossary {
    pub id: u32,
    pub name: String,
    pub text: String,
    pub save: bool,
}

#[derive(Clone, PartialEq)]
pub struct AppState {
    /// What the reader typed or pasted; kept across Read and Edit.
    pub draft: String,
    pub screen: Screen,
    /// A message for the reader (for example why Read did nothing).
    pub message: Option<String>,
    /// At most one card is open.
    pub card: Option<OpenCard>,
    /// The open card was clicked, tapped or opened by key: it stays until
    /// dismissed. A card opened by hovering closes when the pointer leaves
    /// the word and the card ([`Action::HoverEnd`]).
    pub pinned: bool,
    /// A spun text is shown with the likely originals in place of the
    /// spun words ("Read as original").
    pub as_original: bool,
    /// Kinds whose highlights the reader switched off in the panel.
    pub hidden: BTreeSet<Kind>,
    /// A reading above every word (pinyin, or zhuyin when `zhuyin`).
    pub pinyin: bool,
    /// The reading above the words is written in zhuyin (bopomofo).
    pub zhuyin: bool,
    /// Show the page around the article (menus, links, footer of a whole
    /// pasted page) as brightly as the article; dimmed otherwise.
    pub whole_page: bool,
    /// What the reader added to the study list (the Anki export): cards
    /// they pinned and cards whose "+ Anki" they pressed, never a card that
    /// only opened under a passing pointer.
    pub study: Vec<CardTarget>,
    /// The reader's own marks on the text (shared with the link).
    pub marks: Vec<Mark>,
    /// A different draft the reader had when they opened a link, to restore.
    pub previous_draft: Option<String>,
    /// What became of the reader's own glossary.
    pub glossary: Option<GlossaryStatus>,
    pub engine: EngineStatus,
    /// The text being analysed, while it is.
    pub analysing: Option<Analysing>,
    pub pending_glossary: Option<PendingGlossary>,
    /// The id of the next request for the engine.
    pub next_id: u32,
    /// The request id of the document on screen.
    pub reading: u32,
    /// The request id of the last reading that is wholly in the page.
    pub shown: u32,
    /// The name model or term lexicon arrived while a reading was still
    /// coming in: the article is read again once that one is wholly shown,
    /// so that the second reading never delays the first.
    pub read_again: bool,
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            draft: String::new(),
            screen: Screen::Edit,
            message: None,
            card: None,
            pinned: false,
            as_original: false,
            hidden: BTreeSet::new(),
            pinyin: false,
            zhuyin: false,
            whole_page: false,
            study: Vec::new(),
            marks: Vec::new(),
            previous_draft: None,
            glossary: None,
            engine: EngineStatus::Starting,
            analysing: None,
            pending_glossary: None,
            next_id: 1,
            reading: 0,
            shown: 0,
            read_again: false,
        }
    }
}
/// What a transition asks of the world outside the state, as a value;
/// `app::effects` carries it out (natively, the tests look at it).
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// A request for the analysis engine.
    Send(Request),
    /// Keep `value` under `key` in this browser's storage; if it is refused,
    /// [`Action::NotSaved`] tells the reader.
    Save { key: &'static str, value: String },
    /// The draft as the reader types: saved once they pause.
    SaveDraftSoon(String),
    /// Forget what is kept under `key`.
    Forget(&'static str),
    /// Scroll the element into view if it is not.
    Reveal(Anchor),
    /// Give the element the keyboard focus.
    Focus(Anchor),
    /// Offer a file to the reader.
    Download {
        name: &'static str,
        mime: &'static str,
        body: String,
    },
    /// Make a link of what is shown, copy it and put it in the address bar.
    CopyLink(SharedState),
}

impl AppState {
    /// The transition for `action`: the next state, and what should happen
    /// outside it, in order.
    pub fn apply(&self, action: Action) -> (AppState, Vec<Effect>) {
        let mut effects = Vec::new();
        let next = self.step(action, &mut effects);
        (next, effects)
    }

    fn step(&self, action: Action, fx: &mut Vec<Effect>) -> AppState {
        match action {
            Action::Edit(text) => {
                fx.push(Effect::SaveDraftSoon(text.clone()));
                AppState {
                    draft: text,
                    screen: Screen::Edit,
                    message: None,
                    analysing: None,
                    ..self.clone()
                }
            }
            Action::OpenFile { name, text } => {
                fx.push(Effect::Save {
                    key: crate::app::storage::DRAFT_KEY,
                    value: text.clone(),
                });
                AppState {
                    draft: text,
                    screen: Screen::Edit,
                    message: Some(format!("Opened {name}. Press Read.")),
                    analysing: None,
                    ..self.clone()
                }
            }
            Action::RestoreDraft(text) if self.draft.is_empty() => AppState {
                draft: text,
                message: Some("Your text from last time is back.".into()),
                ..self.clone()
            },
            Action::RestoreDraft(_) => self.clone(),
            Action::Read => self.read(self.draft.clone(), AfterRead::Fresh, fx),
            Action::LoadSample => self.read(SAMPLE_ARTICLE.to_owned(), AfterRead::Fresh, fx),
            Action::BackToEdit => AppState {
                screen: Screen::Edit,
                message: None,
                card: None,
                analysing: None,
                ..self.clone()
            },
            Action::OpenCard(card) => self.open_card(card, fx),
            Action::ClickCard(card) => self.click_card(card, fx),
            Action::HoverCard(card) => self.hover_card(card),
            Action::HoverAt { start, end } => match self.card_at(start, end) {
                Some(card) => self.hover_card(card),
                None => self.clone(),
            },
            Action::HoverEnd if !self.is_pinned() => AppState {
                card: None,
                ..self.clone()
            },
            Action::HoverEnd => self.clone(),
            Action::ToggleStudy(target) => self.toggle_study(target),
            Action::ToggleOriginal => AppState {
                as_original: !self.as_original,
                ..self.clone()
            },
            // Two buttons, one reading at a time: each shows its own script,
            // or hides the reading when its script is the one shown.
            Action::TogglePinyin => AppState {
                pinyin: !self.pinyin || self.zhuyin,
                zhuyin: false,
                ..self.clone()
            },
            Action::ToggleZhuyin => AppState {
                pinyin: !(self.pinyin && self.zhuyin),
                zhuyin: true,
                ..self.clone()
            },
            Action::ToggleWholePage => AppState {
                whole_page: !self.whole_page,
                ..self.clone()
            },
            Action::CloseCard => self.close_card(fx),
            Action::ToggleKind(kind) => self.toggle_kind(kind),
            Action::ImportGlossary { name, text, save } => {
                self.import_glossary(name, text, save, fx)
            }
            Action::AddMark { start, end, note } => self.add_mark(start, end, note),
            Action::RemoveMark(i) => {
                let mut marks = self.marks.clone();
                if i < marks.len() {
                    marks.remove(i);
                }
                AppState {
                    marks,
                    ..self.clone()
                }
            }
            Action::OpenShared { shared, previous } => self.open_shared(shared, previous, fx),
            Action::Notice(message) => AppState {
                message: Some(message),
                ..self.clone()
            },
            Action::NotSaved { key, why } => self.not_saved(key, why),
            Action::RestorePrevious => match &self.previous_draft {
                Some(previous) => AppState {
                    draft: previous.clone(),
                    screen: Screen::Edit,
                    card: None,
                    marks: Vec::new(),
                    previous_draft: None,
                    // The shared article's reading, if still coming, is not wanted.
                    analysing: None,
                    message: Some(
                        "Your previous text is back; the shared article is still in its link."
                            .into(),
                    ),
                    ..self.clone()
                },
                None => self.clone(),
            },
            Action::GlossaryUnreadable(message) => AppState {
                glossary: Some(GlossaryStatus::NotLoaded(message)),
                ..self.clone()
            },
            Action::ForgetGlossary => self.forget_glossary(fx),
            Action::GlossaryRead { id, result } => self.glossary_read(id, result, fx),
            Action::EngineReady => AppState {
                engine: EngineStatus::Ready,
                ..self.clone()
            },
            Action::EngineFailed(why) => {
                let lost = self.analysing.is_some();
                AppState {
                    // A text shown unread goes back to the paste area, where Read is.
                    screen: match &self.screen {
                        Screen::Preview(_) => Screen::Edit,
                        other => other.clone(),
                    },
                    engine: EngineStatus::Failed(why.clone()),
                    analysing: None,
                    pending_glossary: None,
                    message: lost.then(|| format!("The analysis stopped ({why}). Your text is kept: press Read to try again.")).or(self.message.clone()),
                    ..self.clone()
                }
            }
            Action::Analyzed {
                id,
                chars,
                complete,
                document,
            } => self.analyzed(id, chars, complete, document),
            Action::Shown(id) => AppState {
                shown: id,
                ..self.clone()
            }
            .read_again_if_shown(fx),
            Action::Models {
                names,
                terms,
                spins,
                dictionary,
            } => self.models(names, terms, spins, dictionary, fx),
            Action::DownloadArticle => {
                if let Screen::Read(doc) = &self.screen {
                    fx.push(Effect::Download {
                        name: "dudong-article.html",
                        mime: "text/html;charset=utf-8",
                        body: crate::app::export::standalone_html(doc, &self.marks),
                    });
                }
                self.clone()
            }
            Action::ExportAnki(dictionary) => {
                if let Screen::Read(doc) = &self.screen {
                    let notes = crate::app::study::notes(
                        doc,
                        &self.study,
                        |t| doc.entry(t).cloned(),
                        dictionary.as_deref(),
                    );
                    fx.push(Effect::Download {
                        name: "dudong-anki.csv",
                        mime: "text/csv;charset=utf-8",
                        body: crate::app::study::anki_csv(&notes),
                    });
                }
                self.clone()
            }
            Action::Share => {
                if let Some(shared) = self.shared() {
                    fx.push(Effect::CopyLink(shared));
                }
                self.clone()
            }
        }
    }

    /// Queues a request for the engine and returns its id.
    fn request(&mut self, fx: &mut Vec<Effect>, make: impl FnOnce(u32) -> Request) -> u32 {
        let id = self.next_id;
        self.next_id += 1;
        fx.push(Effect::Send(make(id)));
        id
    }
}
