//! Every state transition of the app, in one reducer, so that behaviour can
//! be tested natively without a browser.

use std::rc::Rc;

use yew::Reducible;

use crate::analysis::Document;
use crate::app::engine;
use crate::knowledge::SAMPLE_ARTICLE;

#[derive(Clone, PartialEq)]
pub enum Screen {
    /// The paste area.
    Edit,
    /// The reading view of an analysed text.
    Read(Rc<Document>),
}

#[derive(Clone, PartialEq)]
pub struct AppState {
    /// What the reader typed or pasted; kept across Read and Edit.
    pub draft: String,
    pub screen: Screen,
    /// A message for the reader (for example why Read did nothing).
    pub message: Option<String>,
}

impl Default for AppState {
    fn default() -> Self {
        AppState { draft: String::new(), screen: Screen::Edit, message: None }
    }
}

pub enum Action {
    Edit(String),
    Read,
    LoadSample,
    BackToEdit,
}

impl AppState {
    /// The transition itself, free of Yew's `Rc` plumbing.
    pub fn apply(&self, action: Action) -> AppState {
        match action {
            Action::Edit(text) => AppState { draft: text, screen: Screen::Edit, message: None },
            Action::Read => self.read(self.draft.clone()),
            Action::LoadSample => self.read(SAMPLE_ARTICLE.to_owned()),
            Action::BackToEdit => AppState { screen: Screen::Edit, message: None, ..self.clone() },
        }
    }

    fn read(&self, text: String) -> AppState {
        if text.trim().is_empty() {
            return AppState {
                draft: text,
                screen: Screen::Edit,
                message: Some("There is nothing to read yet: paste a Chinese article first.".into()),
            };
        }
        let document = engine::with_analyzer(|analyzer| analyzer.analyze(&text));
        AppState { draft: text, screen: Screen::Read(Rc::new(document)), message: None }
    }
}

impl Reducible for AppState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}
