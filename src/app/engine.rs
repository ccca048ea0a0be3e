//! The page's one analyser, built on first use and kept for every later
//! paste: building it (the dictionary) is the expensive part.

use std::cell::RefCell;

use crate::analysis::Analyzer;

thread_local! {
    static ANALYZER: RefCell<Option<Analyzer>> = const { RefCell::new(None) };
}

pub fn with_analyzer<R>(f: impl FnOnce(&Analyzer) -> R) -> R {
    ANALYZER.with(|cell| {
        if cell.borrow().is_none() {
            *cell.borrow_mut() = Some(Analyzer::new());
        }
        // A shared borrow, so that a card rendering inside another lookup is fine.
        f(cell.borrow().as_ref().expect("built above"))
    })
}

/// For the rare changes to the analyser itself (a reader's glossary).
pub fn with_analyzer_mut<R>(f: impl FnOnce(&mut Analyzer) -> R) -> R {
    ANALYZER.with(|cell| f(cell.borrow_mut().get_or_insert_with(Analyzer::new)))
}
