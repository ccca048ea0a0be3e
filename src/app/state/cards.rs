//! Cards: opening one (a click, a key, a link on another card), hovering,
//! pinning, the study list, and a highlight kind switched off.

use super::{Anchor, AppState, CardTarget, Effect, OpenCard, Screen};
use crate::analysis::Kind;

impl AppState {
    /// Whether a card is open and stays until dismissed.
    pub fn is_pinned(&self) -> bool {
        self.pinned && self.card.is_some()
    }

    /// A click, a tap, Enter, or a link on another card: the card opens pinned.
    pub(super) fn open_card(&self, card: OpenCard, fx: &mut Vec<Effect>) -> AppState {
        if card.anchor != Anchor::FromCard {
            fx.push(Effect::Reveal(card.anchor.clone()));
        }
        self.pin(card)
    }

    /// A click or tap on a word: pins its card, or closes it when it is the
    /// pinned card already (a toggletip).
    pub(super) fn click_card(&self, card: OpenCard, fx: &mut Vec<Effect>) -> AppState {
        let same = self.card.as_ref().map(|c| &c.target) == Some(&card.target);
        if same && self.is_pinned() {
            return AppState {
                card: None,
                pinned: false,
                ..self.clone()
            };
        }
        self.open_card(card, fx)
    }

    /// The pointer rested on a word: its card opens unpinned, unless a
    /// pinned card is open.
    pub(super) fn hover_card(&self, card: OpenCard) -> AppState {
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

    /// Closes the card; focus returns to the word it belonged to.
    pub(super) fn close_card(&self, fx: &mut Vec<Effect>) -> AppState {
        if let Some(card) = &self.card {
            fx.push(Effect::Focus(card.anchor.clone()));
        }
        AppState {
            card: None,
            pinned: false,
            ..self.clone()
        }
    }

    pub(super) fn toggle_study(&self, target: CardTarget) -> AppState {
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

    pub(super) fn toggle_kind(&self, kind: Kind) -> AppState {
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

    /// Opens `card` pinned and adds what it explains to the study list.
    fn pin(&self, mut card: OpenCard) -> AppState {
        // A card opened from another card (a related term) takes its place.
        if card.anchor == Anchor::FromCard {
            if let Some(open) = &self.card {
                card.anchor = open.anchor.clone();
            }
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
    pub(super) fn card_at(&self, start: usize, end: usize) -> Option<OpenCard> {
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
}
