//! Every state transition of the app, in one reducer, so that behaviour can
//! be tested natively without a browser.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::Reducible;

use crate::analysis::{Document, Kind};
use crate::app::{engine, storage};
use crate::knowledge::glossary;
use crate::share::{Mark, SharedState, View};
use crate::knowledge::SAMPLE_ARTICLE;

#[derive(Clone, PartialEq)]
pub enum Screen {
    /// The paste area.
    Edit,
    /// The reading view of an analysed text.
    Read(Rc<Document>),
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
    /// The reader's own marks on the text (shared with the link).
    pub marks: Vec<Mark>,
    /// A different draft the reader had when they opened a link, to restore.
    pub previous_draft: Option<String>,
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
            marks: Vec::new(),
            previous_draft: None,
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
    /// Mark `start..end` (chars) with an optional note.
    AddMark { start: usize, end: usize, note: String },
    RemoveMark(usize),
    /// Open what a link holds; `previous` is the reader's own unsaved draft, if different.
    OpenShared { shared: SharedState, previous: Option<String> },
    /// A message for the reader on either screen.
    Notice(String),
    /// Put the draft the reader had before opening a link back in the paste area.
    RestorePrevious,
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
            Action::AddMark { start, end, note } => {
                let Screen::Read(doc) = &self.screen else { return self.clone() };
                if start >= end || end > doc.chars.len() {
                    return AppState { message: Some("Select some of the article's text first, then press Mark.".into()), ..self.clone() };
                }
                let mut marks = self.marks.clone();
                marks.push(Mark { start, end, note: note.trim().to_string() });
                marks.sort_by_key(|m| (m.start, m.end));
                AppState { screen: Screen::Read(with_marks(doc, &marks)), marks, message: None, ..self.clone() }
            }
            Action::RemoveMark(i) => {
                let mut marks = self.marks.clone();
                if i < marks.len() {
                    marks.remove(i);
                }
                AppState { marks, ..self.clone() }
            }
            Action::OpenShared { shared, previous } => self.open_shared(shared, previous),
            Action::Notice(message) => AppState { message: Some(message), ..self.clone() },
            Action::RestorePrevious => match &self.previous_draft {
                Some(previous) => AppState {
                    draft: previous.clone(),
                    screen: Screen::Edit,
                    card: None,
                    marks: Vec::new(),
                    previous_draft: None,
                    message: Some("Your previous text is back; the shared article is still in its link.".into()),
                    ..self.clone()
                },
                None => self.clone(),
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
        let chars = text.chars().count();
        if chars > MAX_READ_CHARS {
            return AppState {
                draft: text,
                screen: Screen::Edit,
                message: Some(format!(
                    "This text has {} characters; the reading view takes up to {} at a time. \
                     Your text is kept here: read it in parts, or annotate all of it with the dudong command-line tool.",
                    group(chars),
                    group(MAX_READ_CHARS)
                )),
                ..self.clone()
            };
        }
        if text.trim().is_empty() {
            return AppState {
                draft: text,
                screen: Screen::Edit,
                message: Some("There is nothing to read yet: paste a Chinese article first.".into()),
                ..self.clone()
            };
        }
        let document = engine::with_analyzer(|analyzer| analyzer.analyze(&text));
        let same_text = matches!(&self.screen, Screen::Read(doc) if doc.text == text);
        let (opened, marks) = if same_text { (self.opened.clone(), self.marks.clone()) } else { (Vec::new(), Vec::new()) };
        let document = with_marks(&Rc::new(document), &marks);
        AppState { draft: text, screen: Screen::Read(document), message: None, card: None, opened, marks, ..self.clone() }
    }
}

impl AppState {
    /// What a share link holds, shown as the sender saw it.
    fn open_shared(&self, shared: SharedState, previous: Option<String>) -> AppState {
        let hidden = shared.view.hidden_kinds.iter().filter_map(|k| Kind::ALL.iter().copied().find(|c| c.as_str() == k)).collect();
        let base = AppState { hidden, pinyin: shared.view.pinyin, previous_draft: previous, marks: Vec::new(), ..self.clone() };
        let mut state = base.read(shared.text.clone());
        let Screen::Read(doc) = &state.screen else {
            // An empty article: the paste area says so, and nothing is lost.
            return AppState { message: Some("This link holds no article.".into()), ..state };
        };
        let marks: Vec<Mark> = shared.marks.into_iter().filter(|m| m.start < m.end && m.end <= doc.chars.len()).collect();
        let doc = with_marks(doc, &marks);
        state.card = shared.view.open_card.and_then(|(start, end)| {
            // The outermost span over exactly that stretch, else the word there.
            let span = doc.spans.iter().position(|s| s.start == start && s.end == end);
            let word = doc.words.iter().position(|w| w.start == start);
            span.map(OpenCard::span).or(word.map(OpenCard::word))
        });
        state.screen = Screen::Read(doc);
        state.marks = marks;
        state
    }

    /// The shared form of what the reader sees now.
    pub fn shared(&self) -> Option<SharedState> {
        let Screen::Read(doc) = &self.screen else { return None };
        let open_card = self.card.as_ref().and_then(|c| match &c.target {
            CardTarget::Span(i) => doc.spans.get(*i).map(|s| (s.start, s.end)),
            CardTarget::Word(i) => doc.words.get(*i).map(|w| (w.start, w.end)),
            CardTarget::Term(_) => None,
        });
        Some(SharedState {
            text: doc.text.clone(),
            marks: self.marks.clone(),
            view: View { hidden_kinds: self.hidden.iter().map(|k| k.as_str().to_string()).collect(), pinyin: self.pinyin, open_card },
        })
    }

    /// After the glossary changed: the same text, analysed again.
    fn reanalysed(&self, glossary: Option<Result<String, String>>) -> AppState {
        let state = AppState { glossary, ..self.clone() };
        match &self.screen {
            Screen::Read(doc) => AppState { card: None, ..state.read(doc.text.clone()) },
            Screen::Edit => state,
        }
    }
}

/// The document with its words cut at the marks' edges, so that a mark
/// covers whole word elements.
fn with_marks(doc: &Rc<Document>, marks: &[Mark]) -> Rc<Document> {
    let cuts: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).collect();
    if cuts.iter().all(|&c| doc.words.iter().any(|w| w.start == c || w.end == c)) {
        return doc.clone();
    }
    let mut cut = (**doc).clone();
    cut.words = crate::analysis::split_words(cut.words, cuts);
    Rc::new(cut)
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
