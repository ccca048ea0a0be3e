//! Traditional characters, read as simplified. The knowledge (gazetteer,
//! glossary, spin table) and jieba's dictionary are simplified, so a
//! traditional text is analysed through a simplified copy of itself. The copy
//! is made one character for one character (phrases of equal length), so
//! every offset found in it is an offset in the text the reader pasted, which
//! is what the [`Document`](super::Document) keeps and shows.

use std::borrow::Cow;
use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::{Deserialize, Serialize};

use super::text::is_han;
use crate::knowledge::traditional::{CharEntry, PhraseEntry, When};

/// The script a text was written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    #[default]
    Simplified,
    /// Written in traditional characters; analysed as its simplified form.
    Traditional,
}

impl Script {
    pub fn as_str(self) -> &'static str {
        match self {
            Script::Simplified => "simplified",
            Script::Traditional => "traditional",
        }
    }
}

/// A text reads as traditional when at least one Han character in this many
/// is traditional-only. Traditional prose has one in four or five; a
/// simplified article quoting a Hong Kong name or two stays far below it.
const TRADITIONAL_ONE_IN: usize = 20;

pub struct Simplifier {
    /// Traditional-only characters: converted in any text.
    always: HashMap<char, char>,
    /// Characters also written in simplified text: only in traditional text.
    in_traditional: HashMap<char, char>,
    /// Phrases that convert differently from their characters (traditional text only).
    phrases: AhoCorasick,
    phrase_outputs: Vec<Vec<char>>,
}

impl Simplifier {
    pub fn new(chars: &[CharEntry], phrases: &[PhraseEntry]) -> Simplifier {
        let mut always = HashMap::new();
        let mut in_traditional = HashMap::new();
        for e in chars {
            match e.when {
                When::Always => always.insert(e.traditional, e.simplified),
                When::InTraditionalText => in_traditional.insert(e.traditional, e.simplified),
            };
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(phrases.iter().map(|p| p.traditional.as_str()))
            .expect("traditional phrases build an automaton");
        Simplifier {
            always,
            in_traditional,
            phrases: automaton,
            phrase_outputs: phrases
                .iter()
                .map(|p| p.simplified.chars().collect())
                .collect(),
        }
    }

    /// Whether `text` reads as traditional.
    pub fn detect(&self, text: &str) -> Script {
        let (mut han, mut traditional) = (0usize, 0usize);
        for c in text.chars() {
            if is_han(c) {
                han += 1;
                traditional += self.always.contains_key(&c) as usize;
            }
        }
        if traditional > 0 && traditional * TRADITIONAL_ONE_IN >= han {
            Script::Traditional
        } else {
            Script::Simplified
        }
    }

    /// The text in simplified characters, with exactly as many chars as
    /// `text`, and the script `text` was written in. A simplified text comes
    /// back unchanged (borrowed) unless it holds traditional-only characters,
    /// which are converted wherever they stand.
    pub fn simplify<'a>(&self, text: &'a str) -> (Cow<'a, str>, Script) {
        let script = self.detect(text);
        if script == Script::Simplified {
            if !text.chars().any(|c| self.always.contains_key(&c)) {
                return (Cow::Borrowed(text), script);
            }
            let out = text
                .chars()
                .map(|c| self.always.get(&c).copied().unwrap_or(c))
                .collect();
            return (Cow::Owned(out), script);
        }
        let mut out: Vec<char> = text
            .chars()
            .map(|c| {
                self.always
                    .get(&c)
                    .or_else(|| self.in_traditional.get(&c))
                    .copied()
                    .unwrap_or(c)
            })
            .collect();
        // Byte offsets of phrase matches → char offsets: walk once alongside.
        let mut char_index = 0;
        let mut byte_seen = 0;
        for m in self.phrases.find_iter(text) {
            char_index += text[byte_seen..m.start()].chars().count();
            byte_seen = m.start();
            let replacement = &self.phrase_outputs[m.pattern().as_usize()];
            out[char_index..char_index + replacement.len()].copy_from_slice(replacement);
        }
        (Cow::Owned(out.into_iter().collect()), script)
    }
}
