//! Every state transition of the app, in one reducer, so that behaviour can
//! be tested natively without a browser.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::Reducible;

use crate::analysis::{Document, Kind};
use crate::app::{engine, storage};
use crate::knowledge::glossary;
use crate::knowledge::SAMPLE_ARTICLE;

#[derive(Clone, PartialEq)]
pub enum Screen {
    /// The paste area.
    Edit,
    /// The reading view of an analysed text.
    Read(Rc<Document>),
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
}

/// The one open card and the element it sits next to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenCard {
    pub target: CardTarget,
    /// A CSS selector for the element the card is placed beside and to which
    /// focus returns when it closes.
    pub anchor: String,
}

impl OpenCard {
    pub fn span(i: usize) -> OpenCard {
        OpenCard { target: CardTarget::Span(i), anchor: format!("#reader [data-span=\"{i}\"]") }
    }
    pub fn word(i: usize) -> OpenCard {
        OpenCard { target: CardTarget::Word(i), anchor: format!("#reader [data-word=\"{i}\"]") }
    }
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
    /// Kinds whose highlights the reader switched off in the panel.
    pub hidden: BTreeSet<Kind>,
    /// Pinyin above every word.
    pub pinyin: bool,
    /// The cards the reader opened in this document, for the Anki export.
    pub opened: Vec<CardTarget>,
    /// What became of the reader's own glossary: Ok("12 terms from mine.csv") or the error.
    pub glossary: Option<Result<String, String>>,
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            draft: String::new(),
            screen: Screen::Edit,
            message: None,
            card: None,
            hidden: BTreeSet::new(),
            pinyin: false,
            opened: Vec::new(),
            glossary: None,
        }
    }
}

pub enum Action {
    Edit(String),
    /// The autosaved draft from an earlier visit.
    RestoreDraft(String),
    Read,
    LoadSample,
    BackToEdit,
    OpenCard(OpenCard),
    CloseCard,
    ToggleKind(Kind),
    TogglePinyin,
    /// A glossary file the reader chose (name, contents); `save` keeps it in the browser.
    ImportGlossary { name: String, text: String, save: bool },
    ForgetGlossary,
    GlossaryUnreadable(String),
}

impl AppState {
    /// The transition itself, free of Yew's `Rc` plumbing.
    pub fn apply(&self, action: Action) -> AppState {
        match action {
            Action::Edit(text) => AppState { draft: text, screen: Screen::Edit, message: None, ..self.clone() },
            Action::RestoreDraft(text) if self.draft.is_empty() => AppState {
                draft: text,
                message: Some("Your text from last time is back.".into()),
                ..self.clone()
            },
            Action::RestoreDraft(_) => self.clone(),
            Action::Read => self.read(self.draft.clone()),
            Action::LoadSample => self.read(SAMPLE_ARTICLE.to_owned()),
            Action::BackToEdit => AppState { screen: Screen::Edit, message: None, card: None, ..self.clone() },
            Action::OpenCard(mut card) => {
                // A card opened from another card (a related term) takes its place.
                if card.anchor.is_empty() {
                    card.anchor = self.card.as_ref().map(|c| c.anchor.clone()).unwrap_or_default();
                }
                let mut opened = self.opened.clone();
                if !opened.contains(&card.target) {
                    opened.push(card.target.clone());
                }
                AppState { card: Some(card), opened, ..self.clone() }
            }
            Action::TogglePinyin => AppState { pinyin: !self.pinyin, ..self.clone() },
            Action::CloseCard => AppState { card: None, ..self.clone() },
            Action::ToggleKind(kind) => {
                let mut hidden = self.hidden.clone();
                if !hidden.remove(&kind) {
                    hidden.insert(kind);
                }
                // A card of a kind that disappears goes with it.
                let card = self.card.clone().filter(|c| match (&c.target, &self.screen) {
                    (CardTarget::Span(i), Screen::Read(doc)) => doc.spans.get(*i).map(|s| !hidden.contains(&s.kind)).unwrap_or(false),
                    _ => true,
                });
                AppState { hidden, card, ..self.clone() }
            }
            Action::ImportGlossary { name, text, save } => match glossary::parse_any(&name, &text) {
                Err(e) => AppState { glossary: Some(Err(format!("Your glossary was not loaded: {e}"))), ..self.clone() },
                Ok(mine) => {
                    use_glossary(&mine);
                    let mut note = format!("Your glossary: {} terms from {name}, over the built-in ones.", mine.len());
                    if save {
                        if let Err(why) = storage::save(storage::GLOSSARY_KEY, &format!("{name}\n{text}")) {
                            note.push_str(&format!(" It is not kept for next time: {why}."));
                        }
                    }
                    self.reanalysed(Some(Ok(note)))
                }
            },
            Action::GlossaryUnreadable(message) => AppState { glossary: Some(Err(message)), ..self.clone() },
            Action::ForgetGlossary => {
                use_glossary(&[]);
                storage::remove(storage::GLOSSARY_KEY);
                self.reanalysed(None)
            }
        }
    }

    fn read(&self, text: String) -> AppState {
        if text.trim().is_empty() {
            return AppState {
                draft: text,
                screen: Screen::Edit,
                message: Some("There is nothing to read yet: paste a Chinese article first.".into()),
                ..self.clone()
            };
        }
        let document = engine::with_analyzer(|analyzer| analyzer.analyze(&text));
        let opened = match &self.screen {
            Screen::Read(doc) if doc.text == text => self.opened.clone(),
            _ => Vec::new(),
        };
        AppState { draft: text, screen: Screen::Read(Rc::new(document)), message: None, card: None, opened, ..self.clone() }
    }
}

impl AppState {
    /// After the glossary changed: the same text, analysed again.
    fn reanalysed(&self, glossary: Option<Result<String, String>>) -> AppState {
        let state = AppState { glossary, ..self.clone() };
        match &self.screen {
            Screen::Read(doc) => AppState { card: None, ..state.read(doc.text.clone()) },
            Screen::Edit => state,
        }
    }
}

/// The built-in glossary with the reader's entries over it.
fn use_glossary(mine: &[crate::knowledge::glossary::GlossaryEntry]) {
    let builtin = glossary::builtin().unwrap_or_default();
    engine::with_analyzer_mut(|a| a.set_glossary(glossary::merge(builtin, mine)));
}

impl Reducible for AppState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}
