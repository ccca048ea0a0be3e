//! Word segmentation with jieba-rs, reported in Unicode scalar offsets.

use jieba_rs::Jieba;

use super::entities::Tagged;
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

    /// The same words with their part-of-speech tags (nr person, ns place,
    /// nt organisation, ...), for the entity rules.
    pub fn tag<'a>(&'a self, text: &'a str) -> Vec<Tagged<'a>> {
        self.jieba
            .tag(text, true)
            .into_iter()
            .filter(|t| t.end > t.start)
            .map(|t| Tagged { word: Word { start: t.start, end: t.end }, tag: t.tag, known: self.jieba.has_word(t.word) })
            .collect()
    }
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new()
    }
}
