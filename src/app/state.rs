//! Every state transition of the app, in one reducer, so that behaviour can
//! be tested natively without a browser.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::Reducible;

use crate::analysis::{Document, Kind};
use crate::app::engine;
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
}

impl Default for AppState {
    fn default() -> Self {
        AppState { draft: String::new(), screen: Screen::Edit, message: None, card: None, hidden: BTreeSet::new() }
    }
}

pub enum Action {
    Edit(String),
    Read,
    LoadSample,
    BackToEdit,
    OpenCard(OpenCard),
    CloseCard,
    ToggleKind(Kind),
}

impl AppState {
    /// The transition itself, free of Yew's `Rc` plumbing.
    pub fn apply(&self, action: Action) -> AppState {
        match action {
            Action::Edit(text) => AppState { draft: text, screen: Screen::Edit, message: None, ..self.clone() },
            Action::Read => self.read(self.draft.clone()),
            Action::LoadSample => self.read(SAMPLE_ARTICLE.to_owned()),
            Action::BackToEdit => AppState { screen: Screen::Edit, message: None, card: None, ..self.clone() },
            Action::OpenCard(mut card) => {
                // A card opened from another card (a related term) takes its place.
                if card.anchor.is_empty() {
                    card.anchor = self.card.as_ref().map(|c| c.anchor.clone()).unwrap_or_default();
                }
                AppState { card: Some(card), ..self.clone() }
            }
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
        AppState { draft: text, screen: Screen::Read(Rc::new(document)), message: None, card: None, ..self.clone() }
    }
}

impl Reducible for AppState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}
