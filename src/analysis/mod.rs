//! The analysis engine. [`Analyzer::new`] does the expensive set-up once
//! (dictionary, automata); [`Analyzer::analyze`] turns a text into a
//! [`Document`] that the reading view, the CLI and the tests all consume.

mod document;
pub mod segment;

pub use document::{Document, Kind, Span, Word};
pub use segment::Segmenter;

/// Holds everything that is built once per page (or process) and reused for
/// every text the reader pastes.
pub struct Analyzer {
    segmenter: Segmenter,
}

impl Analyzer {
    pub fn new() -> Analyzer {
        Analyzer { segmenter: Segmenter::new() }
    }

    /// Analyses `text`. Offsets in the result count Unicode scalar values.
    pub fn analyze(&self, text: &str) -> Document {
        let words = self.segmenter.segment(text);
        Document::new(text, words, Vec::new())
    }

    pub fn segmenter(&self) -> &Segmenter {
        &self.segmenter
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}
