//! Word segmentation with jieba-rs, reported in Unicode scalar offsets.

use jieba_rs::Jieba;

use super::entities::Tagged;
use super::jieba_dict::{self, Corrupt, JIEBA_CORE, JIEBA_DICT};
use super::Word;

pub struct Segmenter {
    jieba: Jieba,
}

impl Segmenter {
    /// Loads jieba's full dictionary (decoded from the embedded compressed
    /// copy, see `jieba_dict`). This is the expensive part of start-up.
    pub fn new() -> Segmenter {
        Segmenter::from_dictionary(JIEBA_DICT).expect("the embedded jieba dictionary decodes")
    }

    /// The first segmenter of the browser's worker: the core of jieba's
    /// dictionary ([`jieba_dict::JIEBA_CORE`], its most frequent words), a
    /// fraction of the full one to download and to build. Words it lacks
    /// are cut as jieba cuts unknown text (the HMM).
    pub fn core() -> Segmenter {
        Segmenter::from_dictionary(JIEBA_CORE).expect("the embedded core dictionary decodes")
    }

    /// A segmenter with the dictionary in `file` (the format of
    /// `jieba_dict`): the full one when the worker has downloaded it.
    pub fn from_dictionary(file: &[u8]) -> Result<Segmenter, Corrupt> {
        Ok(Segmenter {
            jieba: jieba_dict::jieba(file)?,
        })
    }

    /// A segmenter without a dictionary (every Chinese run goes to the HMM):
    /// what the worker holds for the moment it builds the full segmenter,
    /// so that the core one's memory is free for it.
    pub fn empty() -> Segmenter {
        Segmenter {
            jieba: jieba_rs::Jieba::empty(),
        }
    }

    /// Is `word` in the dictionary?
    pub fn has_word(&self, word: &str) -> bool {
        self.jieba.has_word(word)
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
            .map(|token| Word {
                start: token.start,
                end: token.end,
            })
            .collect()
    }

    /// The same words with their part-of-speech tags (nr person, ns place,
    /// nt organisation, ...), for the entity rules. A word outside the
    /// dictionary has the tag `x` when it has Chinese characters (jieba's
    /// part-of-speech model for unknown words is not shipped: its table is
    /// 640 KB; `entities.rs` judges such words by their shape instead),
    /// `eng` or `m` when it has Latin letters or digits.
    pub fn tag<'a>(&'a self, text: &'a str) -> Vec<Tagged<'a>> {
        self.jieba
            .tag(text, true)
            .into_iter()
            .filter(|t| t.end > t.start)
            .map(|t| {
                let known = self.jieba.has_word(t.word);
                // Whatever jieba-rs was built with: test builds get its full
                // dictionary feature (the agreement reference), and with it
                // the part-of-speech model, which must not change the
                // engine's behaviour there.
                let tag = if known || t.word.chars().any(|c| c.is_ascii_alphanumeric()) {
                    t.tag
                } else {
                    "x"
                };
                Tagged {
                    word: Word {
                        start: t.start,
                        end: t.end,
                    },
                    tag,
                    known,
                }
            })
            .collect()
    }
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new()
    }
}
