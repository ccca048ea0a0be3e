//! The page's one analyser, built on first use and kept for every later
//! paste: building it (the dictionary) is the expensive part.

use std::cell::OnceCell;

use crate::analysis::Analyzer;

thread_local! {
    static ANALYZER: OnceCell<Analyzer> = const { OnceCell::new() };
}

pub fn with_analyzer<R>(f: impl FnOnce(&Analyzer) -> R) -> R {
    ANALYZER.with(|cell| f(cell.get_or_init(Analyzer::new)))
}
