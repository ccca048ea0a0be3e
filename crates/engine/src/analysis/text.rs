//! Offsets and word boundaries shared by the recognisers. Automata report
//! byte offsets; everything the engine returns counts chars.

use super::Word;

pub struct Boundaries {
    /// Byte offset of every char, plus the text's length at the end.
    char_starts: Vec<usize>,
    /// `is_boundary[i]`: a word of the segmentation starts or ends at char i.
    is_boundary: Vec<bool>,
    chars: Vec<char>,
}

impl Boundaries {
    pub fn new(text: &str, words: &[Word]) -> Boundaries {
        let mut char_starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        char_starts.push(text.len());
        let n = char_starts.len() - 1;
        let mut is_boundary = vec![false; n + 1];
        is_boundary[0] = true;
        is_boundary[n] = true;
        for w in words {
            is_boundary[w.start.min(n)] = true;
            is_boundary[w.end.min(n)] = true;
        }
        Boundaries {
            char_starts,
            is_boundary,
            chars: text.chars().collect(),
        }
    }

    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// The char offset of a byte offset that starts a char.
    pub fn char_at(&self, byte: usize) -> usize {
        self.char_starts.binary_search(&byte).unwrap_or_else(|i| i)
    }

    pub fn is_word_boundary(&self, char_pos: usize) -> bool {
        self.is_boundary.get(char_pos).copied().unwrap_or(false)
    }

    /// Whether `start..end` can be a span on its own: a Latin or digit edge
    /// must not continue into more Latin letters or digits, and a short
    /// Chinese match (at most `short` chars) must sit on word boundaries.
    pub fn fits(&self, start: usize, end: usize, short: usize) -> bool {
        if start >= end || end > self.chars.len() {
            return false;
        }
        let first = self.chars[start];
        let last = self.chars[end - 1];
        if is_latin_or_digit(first) && start > 0 && is_latin_or_digit(self.chars[start - 1]) {
            return false;
        }
        if is_latin_or_digit(last) && end < self.chars.len() && is_latin_or_digit(self.chars[end]) {
            return false;
        }
        if end - start <= short && is_han(first) && !self.is_word_boundary(start) {
            return false;
        }
        if end - start <= short && is_han(last) && !self.is_word_boundary(end) {
            return false;
        }
        true
    }

    pub fn slice(&self, start: usize, end: usize) -> String {
        self.chars[start..end].iter().collect()
    }
}

pub fn is_latin_or_digit(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || ('０'..='９').contains(&c)
        || ('Ａ'..='Ｚ').contains(&c)
        || ('ａ'..='ｚ').contains(&c)
}

/// CJK ideographs: the basic block, extension A, the supplementary planes
/// (extensions B and later), compatibility ideographs, and 〇. The one Han
/// test of the engine and the app.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x3FFFF | 0xF900..=0xFAFF | 0x3007)
}
