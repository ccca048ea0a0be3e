//! Every state transition of the app, in one reducer, so that behaviour can
//! be tested natively without a browser.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::Reducible;

use crate::analysis::{Document, Kind};
use crate::app::protocol::Request;
use crate::app::storage;
use crate::knowledge::SAMPLE_ARTICLE;
use crate::share::{Mark, SharedState, View};

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

/// A document of `text` before any analysis: no spans, and words that are
/// the runs of non-space and of space characters, so that the reading view
/// lays out its paragraphs and lines exactly as it will once it is read.
pub fn unread(text: String) -> Document {
    let chars: Vec<char> = text.chars().collect();
    let mut words = Vec::new();
    let mut start = 0;
    for i in 1..=chars.len() {
        if i == chars.len() || chars[i].is_whitespace() != chars[start].is_whitespace() {
            words.push(crate::analysis::Word { start, end: i });
            start = i;
        }
    }
    Document::new(&text, words, Vec::new())
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
    /// A CSS selector for the element the card is placed beside and to which
    /// focus returns when it closes.
    pub anchor: String,
}

impl OpenCard {
    pub fn span(i: usize) -> OpenCard {
        OpenCard {
            target: CardTarget::Span(i),
            anchor: format!("#reader [data-span=\"{i}\"]"),
        }
    }
    /// The card of word `i`, which starts at char `start`.
    pub fn word(i: usize, start: usize) -> OpenCard {
        OpenCard {
            target: CardTarget::Word(i),
            anchor: format!("#reader .w[data-start=\"{start}\"]"),
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
    /// What became of the reader's own glossary: Ok("12 terms from mine.csv") or the error.
    pub glossary: Option<Result<String, String>>,
    pub engine: EngineStatus,
    /// The text being analysed, while it is.
    pub analysing: Option<Analysing>,
    pub pending_glossary: Option<PendingGlossary>,
    /// Requests for the engine, oldest first; the app sends each once (by id).
    pub outbox: Rc<Vec<Request>>,
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
            outbox: Rc::new(Vec::new()),
            next_id: 1,
            reading: 0,
            shown: 0,
            read_again: false,
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
    /// Phase two of the engine: jieba's full dictionary, the name model and
    /// the term lexicon arrived (their sizes) or could not be loaded.
    Models {
        names: Result<u32, String>,
        terms: Result<u32, String>,
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
                dictionary,
            } => Action::Models {
                names,
                terms,
                dictionary,
            },
        })
    }
}

impl AppState {
    /// The transition itself, free of Yew's `Rc` plumbing.
    pub fn apply(&self, action: Action) -> AppState {
        match action {
            Action::Edit(text) => AppState {
                draft: text,
                screen: Screen::Edit,
                message: None,
                analysing: None,
                ..self.clone()
            },
            Action::RestoreDraft(text) if self.draft.is_empty() => AppState {
                draft: text,
                message: Some("Your text from last time is back.".into()),
                ..self.clone()
            },
            Action::RestoreDraft(_) => self.clone(),
            Action::Read => self.read(self.draft.clone(), AfterRead::Fresh),
            Action::LoadSample => self.read(SAMPLE_ARTICLE.to_owned(), AfterRead::Fresh),
            Action::BackToEdit => AppState {
                screen: Screen::Edit,
                message: None,
                card: None,
                analysing: None,
                ..self.clone()
            },
            Action::OpenCard(card) => self.pin(card),
            Action::ClickCard(card) => {
                let same = self.card.as_ref().map(|c| &c.target) == Some(&card.target);
                if same && self.is_pinned() {
                    AppState {
                        card: None,
                        pinned: false,
                        ..self.clone()
                    }
                } else {
                    self.pin(card)
                }
            }
            Action::HoverCard(card) => {
                let same = self.card.as_ref().map(|c| &c.target) == Some(&card.target);
                if self.is_pinned() || same || !matches!(self.screen, Screen::Read(_)) {
                    return self.clone();
                }
                AppState {
                    card: Some(card),
                    pinned: false,
                    ..self.clone()
                }
            }
            Action::HoverAt { start, end } => match self.card_at(start, end) {
                Some(card) => self.apply(Action::HoverCard(card)),
                None => self.clone(),
            },
            Action::HoverEnd if !self.is_pinned() => AppState {
                card: None,
                ..self.clone()
            },
            Action::HoverEnd => self.clone(),
            Action::ToggleStudy(target) => {
                let mut study = self.study.clone();
                match study.iter().position(|t| *t == target) {
                    Some(at) => {
                        study.remove(at);
                    }
                    None => study.push(target),
                }
                AppState {
                    study,
                    ..self.clone()
                }
            }
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
            Action::CloseCard => AppState {
                card: None,
                pinned: false,
                ..self.clone()
            },
            Action::ToggleKind(kind) => {
                let mut hidden = self.hidden.clone();
                if !hidden.remove(&kind) {
                    hidden.insert(kind);
                }
                // A card of a kind that disappears goes with it.
                let card = self
                    .card
                    .clone()
                    .filter(|c| match (&c.target, &self.screen) {
                        (CardTarget::Span(i), Screen::Read(doc)) => doc
                            .spans
                            .get(*i)
                            .map(|s| !hidden.contains(&s.kind))
                            .unwrap_or(false),
                        _ => true,
                    });
                AppState {
                    hidden,
                    card,
                    ..self.clone()
                }
            }
            Action::ImportGlossary { name, text, save } => {
                let mut state = self.clone();
                let id = state.request(|id| Request::Glossary {
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
            Action::AddMark { start, end, note } => {
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
                            "The rest of the article is still being read: mark it in a moment."
                                .into(),
                        ),
                        ..self.clone()
                    };
                }
                if start >= end || end > doc.chars.len() {
                    return AppState {
                        message: Some(
                            "Select some of the article's text first, then press Mark.".into(),
                        ),
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
                    screen: Screen::Read(with_marks(doc, &marks)),
                    marks,
                    message: None,
                    ..self.clone()
                }
            }
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
            Action::OpenShared { shared, previous } => self.open_shared(shared, previous),
            Action::Notice(message) => AppState {
                message: Some(message),
                ..self.clone()
            },
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
                glossary: Some(Err(message)),
                ..self.clone()
            },
            Action::ForgetGlossary => {
                storage::remove(storage::GLOSSARY_KEY);
                let mut state = AppState {
                    glossary: None,
                    pending_glossary: None,
                    ..self.clone()
                };
                state.request(|id| Request::ForgetGlossary { id });
                state.reanalysed()
            }
            Action::GlossaryRead { id, result } => {
                let Some(pending) = self.pending_glossary.clone().filter(|p| p.id == id) else {
                    return self.clone();
                };
                let state = AppState {
                    pending_glossary: None,
                    ..self.clone()
                };
                match result {
                    Err(e) => AppState {
                        glossary: Some(Err(format!("Your glossary was not loaded: {e}"))),
                        ..state
                    },
                    Ok(n) => {
                        let mut note = format!(
                            "Your glossary: {n} terms from {}, over the built-in ones.",
                            pending.name
                        );
                        if pending.save {
                            if let Err(why) = storage::save(
                                storage::GLOSSARY_KEY,
                                &format!("{}\n{}", pending.name, pending.text),
                            ) {
                                note.push_str(&format!(" It is not kept for next time: {why}."));
                            }
                        }
                        AppState {
                            glossary: Some(Ok(note)),
                            ..state
                        }
                        .reanalysed()
                    }
                }
            }
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
            .read_again_if_shown(),
            Action::Models {
                names,
                terms,
                dictionary,
            } => {
                let missed: Vec<String> = [
                    dictionary.err().map(|why| {
                        format!(
                            "some rare words may be cut in two (dudong's full dictionary: {why})"
                        )
                    }),
                    names.err().map(|why| {
                        format!("names that dudong's own lists do not hold may be missed ({why})")
                    }),
                    terms.err().map(|why| {
                        format!("only the terms of dudong's own glossary are shown ({why})")
                    }),
                ]
                .into_iter()
                .flatten()
                .collect();
                // Read again when anything arrived.
                let mut next = if missed.len() < 3 {
                    AppState {
                        read_again: matches!(self.screen, Screen::Read(_)),
                        ..self.clone()
                    }
                    .read_again_if_shown()
                } else {
                    self.clone()
                };
                if !missed.is_empty() {
                    let mut message = missed.join("; ");
                    message[..1].make_ascii_uppercase();
                    next.message = Some(format!("{message}. Everything else works as usual."));
                }
                next
            }
        }
    }

    /// Reads the article on screen again (now with the models that arrived)
    /// if that is pending and the current reading is wholly in the page.
    fn read_again_if_shown(self) -> AppState {
        match &self.screen {
            Screen::Read(doc)
                if self.read_again && self.analysing.is_none() && self.shown == self.reading =>
            {
                let text = doc.text.clone();
                AppState {
                    read_again: false,
                    ..self.read(text, AfterRead::Again)
                }
            }
            _ => self,
        }
    }

    /// Whether a card is open and stays until dismissed.
    pub fn is_pinned(&self) -> bool {
        self.pinned && self.card.is_some()
    }

    /// Opens `card` pinned and adds what it explains to the study list.
    fn pin(&self, mut card: OpenCard) -> AppState {
        // A card opened from another card (a related term) takes its place.
        if card.anchor.is_empty() {
            card.anchor = self
                .card
                .as_ref()
                .map(|c| c.anchor.clone())
                .unwrap_or_default();
        }
        let mut study = self.study.clone();
        if !study.contains(&card.target) {
            study.push(card.target.clone());
        }
        AppState {
            card: Some(card),
            pinned: true,
            study,
            ..self.clone()
        }
    }

    /// Queues a request for the engine and returns its id.
    fn request(&mut self, make: impl FnOnce(u32) -> Request) -> u32 {
        let id = self.next_id;
        self.next_id += 1;
        let mut outbox: Vec<Request> = self.outbox.iter().rev().take(7).rev().cloned().collect();
        outbox.push(make(id));
        self.outbox = Rc::new(outbox);
        id
    }

    /// Checks the text and sends it to the engine; the reading view comes with
    /// [`Action::Analyzed`].
    fn read(&self, text: String, then: AfterRead) -> AppState {
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
                message: Some(
                    "There is nothing to read yet: paste a Chinese article first.".into(),
                ),
                ..self.clone()
            };
        }
        let mut state = AppState {
            draft: text.clone(),
            // Asked for now, the engine reads it with every model it has.
            read_again: false,
            // Reading the same text again is no news to the reader.
            message: if matches!(then, AfterRead::Again) {
                self.message.clone()
            } else {
                None
            },
            ..self.clone()
        };
        let whole = matches!(then, AfterRead::Again);
        let id = state.request(|id| Request::Analyze {
            id,
            text: text.clone(),
            whole,
        });
        let same_text = matches!(&self.screen, Screen::Read(d) if d.text == text);
        let again = matches!(then, AfterRead::Again);
        let (marks, study, open_card) = match then {
            AfterRead::Shared { marks, open_card } => (marks, Vec::new(), open_card),
            AfterRead::Fresh if same_text => (self.marks.clone(), self.study.clone(), None),
            AfterRead::Fresh => (Vec::new(), Vec::new(), None),
            AfterRead::Again => (self.marks.clone(), self.study.clone(), None),
        };
        state.analysing = Some(Analysing {
            id,
            text,
            marks,
            study,
            open_card,
            again,
        });
        state
    }

    /// The stretch of the text on screen a card target is about (a span's or
    /// a word's).
    pub fn range_of(&self, target: &CardTarget) -> Option<(usize, usize)> {
        let Screen::Read(doc) = &self.screen else {
            return None;
        };
        match target {
            CardTarget::Span(i) => doc.spans.get(*i).map(|s| (s.start, s.end)),
            CardTarget::Word(i) => doc.words.get(*i).map(|w| (w.start, w.end)),
            CardTarget::Term(_) | CardTarget::Lookup(_) => None,
        }
    }

    /// The card for `start..end` of the text on screen: the outermost span
    /// over exactly that stretch, else the word that starts there.
    fn card_at(&self, start: usize, end: usize) -> Option<OpenCard> {
        let Screen::Read(doc) = &self.screen else {
            return None;
        };
        let span = doc
            .spans
            .iter()
            .position(|s| s.start == start && s.end == end);
        let word = || {
            doc.words
                .binary_search_by_key(&start, |w| w.start)
                .ok()
                .map(|i| OpenCard::word(i, start))
        };
        span.map(OpenCard::span).or_else(word)
    }

    /// A document from the engine: the first part of a long text (shown at
    /// once) or all of it.
    fn analyzed(&self, id: u32, chars: usize, complete: bool, document: Document) -> AppState {
        let Some(analysing) = self.analysing.clone().filter(|a| a.id == id) else {
            return self.clone();
        };
        // The whole text is on screen already: a first part would take the
        // rest of it away until the complete reading came.
        if !complete && matches!(self.screen, Screen::Preview(_)) {
            return self.clone();
        }
        let text: String = if complete {
            analysing.text.clone()
        } else {
            analysing.text.chars().take(chars).collect()
        };
        let Some(document) = document.with_text(text) else {
            return AppState {
                analysing: None,
                message: Some("The analysis came back damaged (a bug in dudong). Your text is kept: press Read to try again.".into()),
                ..self.clone()
            };
        };
        let doc = Doc::from(document);
        let n = doc.chars.len();
        let card = match (analysing.open_card, complete) {
            // The outermost span over exactly that stretch, else the word there.
            (Some((start, end)), true) => {
                let span = doc
                    .spans
                    .iter()
                    .position(|s| s.start == start && s.end == end);
                let word = doc.words.iter().position(|w| w.start == start);
                span.map(OpenCard::span)
                    .or(word.map(|i| OpenCard::word(i, start)))
            }
            _ => None,
        };
        // A first part shows the marks that fall inside it; all are kept.
        let valid = |m: &&Mark| m.start < m.end && m.end <= n;
        // Read again: the marks the reader has now (they may have added or
        // removed one meanwhile), not those when the reading was asked for.
        let wanted = if analysing.again {
            &self.marks
        } else {
            &analysing.marks
        };
        let shown: Vec<Mark> = wanted.iter().filter(valid).cloned().collect();
        let marks = if complete {
            shown.clone()
        } else {
            analysing.marks.clone()
        };
        // The original view stays for the same text read again; a new text
        // starts as pasted.
        let same_text = matches!(&self.screen, Screen::Read(d) if d.text == doc.text);
        // Read again: what is open and listed now, found in the new document.
        let (card, study, pinned) = match (&self.screen, analysing.again) {
            (Screen::Read(old), true) => {
                let card = self
                    .card
                    .as_ref()
                    .and_then(|c| match renumber(old, &doc, &c.target)? {
                        CardTarget::Span(j) => Some(OpenCard::span(j)),
                        CardTarget::Word(j) => Some(OpenCard::word(j, doc.words[j].start)),
                        _ => Some(c.clone()),
                    });
                let study = self
                    .study
                    .iter()
                    .filter_map(|t| renumber(old, &doc, t))
                    .collect();
                let pinned = self.pinned && card.is_some();
                (card, study, pinned)
            }
            // A card restored from a link stays until dismissed.
            _ => (card.clone(), analysing.study.clone(), card.is_some()),
        };
        AppState {
            screen: Screen::Read(with_marks(&doc, &shown)),
            pinned,
            card,
            as_original: self.as_original && same_text,
            study,
            marks,
            analysing: if complete { None } else { Some(analysing) },
            reading: id,
            ..self.clone()
        }
    }
}

impl AppState {
    /// What a share link holds, shown as the sender saw it.
    fn open_shared(&self, shared: SharedState, previous: Option<String>) -> AppState {
        let hidden = shared
            .view
            .hidden_kinds
            .iter()
            .filter_map(|k| Kind::ALL.iter().copied().find(|c| c.as_str() == k))
            .collect();
        let base = AppState {
            hidden,
            pinyin: shared.view.pinyin,
            previous_draft: previous,
            marks: Vec::new(),
            ..self.clone()
        };
        let then = AfterRead::Shared {
            marks: shared.marks,
            open_card: shared.view.open_card,
        };
        let shown_already = matches!(&self.screen, Screen::Read(d) if d.text == shared.text);
        let state = base.read(shared.text, then);
        let Some(analysing) = &state.analysing else {
            // An empty article: the paste area says so, and nothing is lost.
            return AppState {
                message: Some("This link holds no article.".into()),
                ..state
            };
        };
        if shown_already {
            return state;
        }
        // The text is there to read at once; its highlights follow.
        AppState {
            screen: Screen::Preview(Doc::from(unread(analysing.text.clone()))),
            card: None,
            ..state
        }
    }

    /// The shared form of what the reader sees now.
    /// `None` while only the first part of a long text is shown: a link, the
    /// library and the saved reading always hold the whole article.
    pub fn shared(&self) -> Option<SharedState> {
        let Screen::Read(doc) = &self.screen else {
            return None;
        };
        if self.analysing.as_ref().is_some_and(|a| a.text != doc.text) {
            return None;
        }
        let open_card = self.card.as_ref().and_then(|c| match &c.target {
            CardTarget::Span(i) => doc.spans.get(*i).map(|s| (s.start, s.end)),
            CardTarget::Word(i) => doc.words.get(*i).map(|w| (w.start, w.end)),
            CardTarget::Term(_) | CardTarget::Lookup(_) => None,
        });
        Some(SharedState {
            text: doc.text.clone(),
            marks: self.marks.clone(),
            view: View {
                hidden_kinds: self.hidden.iter().map(|k| k.as_str().to_string()).collect(),
                pinyin: self.pinyin,
                open_card,
            },
        })
    }

    /// After the glossary changed: the same text, analysed again (marks kept).
    fn reanalysed(&self) -> AppState {
        match &self.screen {
            Screen::Read(doc) => AppState {
                card: None,
                ..self.read(doc.text.clone(), AfterRead::Fresh)
            },
            Screen::Edit | Screen::Preview(_) => self.clone(),
        }
    }
}

/// `target` of document `old` in document `new` (the same text read
/// again): a highlight by its stretch (and kind, when two share it), a
/// word by where it starts; `None` when the new reading has neither.
fn renumber(old: &Document, new: &Document, target: &CardTarget) -> Option<CardTarget> {
    let word_at = |start: usize| {
        new.words
            .binary_search_by_key(&start, |w| w.start)
            .ok()
            .map(CardTarget::Word)
    };
    match target {
        CardTarget::Span(i) => {
            let s = old.spans.get(*i)?;
            let same = |n: &crate::analysis::Span| n.start == s.start && n.end == s.end;
            new.spans
                .iter()
                .position(|n| same(n) && n.kind == s.kind)
                .or_else(|| new.spans.iter().position(same))
                .map(CardTarget::Span)
                .or_else(|| word_at(s.start))
        }
        CardTarget::Word(i) => word_at(old.words.get(*i)?.start),
        other => Some(other.clone()),
    }
}

/// The document with its words cut at the marks' edges, so that a mark
/// covers whole word elements.
fn with_marks(doc: &Doc, marks: &[Mark]) -> Doc {
    let cuts: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).collect();
    if cuts
        .iter()
        .all(|&c| doc.words.iter().any(|w| w.start == c || w.end == c))
    {
        return doc.clone();
    }
    let mut cut = (**doc).clone();
    cut.words = crate::analysis::split_words(cut.words, cuts);
    Doc::from(cut)
}

impl Reducible for AppState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}
