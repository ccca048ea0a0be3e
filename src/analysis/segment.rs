//! Word segmentation with jieba-rs, reported in Unicode scalar offsets.

use jieba_rs::Jieba;

use super::Word;

pub struct Segmenter {
    jieba: Jieba,
}

impl Segmenter {
    /// Loads jieba's full dictionary. This is the expensive part of start-up.
    pub fn new() -> Segmenter {
        Segmenter { jieba: Jieba::new() }
    }

    /// Adds a word the segmenter must keep whole (a glossary term, a name).
    pub fn add_word(&mut self, word: &str) {
        self.jieba.add_word(word, None, None);
    }

    /// Splits `text` into words that tile it: every char belongs to exactly
    /// one word, in order. Runs of whitespace are words of their own.
    pub fn segment(&self, text: &str) -> Vec<Word> {
        // jieba-rs reports Unicode scalar offsets, the unit the whole app uses.
        self.jieba
            .cut(text, true)
            .into_iter()
            .filter(|token| token.end > token.start)
            .map(|token| Word { start: token.start, end: token.end })
            .collect()
    }
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new()
    }
}
