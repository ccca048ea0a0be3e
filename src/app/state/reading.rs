//! Reading: a text or a link sent to the engine, the documents it sends
//! back (a first part, then all), and reading the article on screen again
//! when the engine gets better at it.

use super::{group, MAX_READ_CHARS};
use super::{AfterRead, Analysing, AppState, CardTarget, Doc, Effect, OpenCard, Screen};
use crate::analysis::{Document, Kind};
use crate::app::protocol::Request;
use crate::share::{Mark, SharedState, View};

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

impl AppState {
    /// Phase two of the engine arrived (or some of it could not be loaded):
    /// the article on screen is read again with what came, and the reader
    /// learns what may be missed.
    pub(super) fn models(
        &self,
        names: Result<u32, String>,
        terms: Result<u32, String>,
        spins: Result<u32, String>,
        dictionary: Result<u32, String>,
        fx: &mut Vec<Effect>,
    ) -> AppState {
        let missed: Vec<String> = [
            dictionary.err().map(|why| {
                format!("some rare words may be cut in two (dudong's full dictionary: {why})")
            }),
            names.err().map(|why| {
                format!("names that dudong's own lists do not hold may be missed ({why})")
            }),
            terms
                .err()
                .map(|why| format!("only the terms of dudong's own glossary are shown ({why})")),
            spins
                .err()
                .map(|why| format!("spun words outside dudong's own table may be missed ({why})")),
        ]
        .into_iter()
        .flatten()
        .collect();
        // Read again when anything arrived.
        let mut next = if missed.len() < 4 {
            AppState {
                read_again: matches!(self.screen, Screen::Read(_)),
                ..self.clone()
            }
            .read_again_if_shown(fx)
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

    /// Reads the article on screen again (now with the models that arrived)
    /// if that is pending and the current reading is wholly in the page.
    pub(super) fn read_again_if_shown(self, fx: &mut Vec<Effect>) -> AppState {
        match &self.screen {
            Screen::Read(doc)
                if self.read_again && self.analysing.is_none() && self.shown == self.reading =>
            {
                let text = doc.text.clone();
                AppState {
                    read_again: false,
                    ..self.read(text, AfterRead::Again, fx)
                }
            }
            _ => self,
        }
    }

    /// Checks the text and sends it to the engine; the reading view comes with
    /// [`Action::Analyzed`].
    pub(super) fn read(&self, text: String, then: AfterRead, fx: &mut Vec<Effect>) -> AppState {
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
        let id = state.request(fx, |id| Request::Analyze {
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

    /// A document from the engine: the first part of a long text (shown at
    /// once) or all of it.
    pub(super) fn analyzed(
        &self,
        id: u32,
        chars: usize,
        complete: bool,
        document: Document,
    ) -> AppState {
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
    /// What a share link holds, shown as the sender saw it.
    pub(super) fn open_shared(
        &self,
        shared: SharedState,
        previous: Option<String>,
        fx: &mut Vec<Effect>,
    ) -> AppState {
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
        let state = base.read(shared.text, then, fx);
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
    pub(super) fn reanalysed(&self, fx: &mut Vec<Effect>) -> AppState {
        match &self.screen {
            Screen::Read(doc) => AppState {
                card: None,
                ..self.read(doc.text.clone(), AfterRead::Fresh, fx)
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
pub(super) fn with_marks(doc: &Doc, marks: &[Mark]) -> Doc {
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
