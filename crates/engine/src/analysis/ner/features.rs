//! The features the name model sees at each character. Training
//! (`training/ner/features.py`) computes exactly the same strings; a model
//! only works with the feature set it was trained on, which is why the model
//! file names its feature set ([`FeatureSet`]).
//!
//! Characters are first normalised so that the model learns shapes, not
//! particular numbers or spellings: every digit becomes `0`, every Latin
//! letter `a`, whitespace `_`. Beyond the sentence, `^` stands before it and
//! `$` after it.

use crate::analysis::entities::Tagged;

/// Which features a model was trained with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeatureSet {
    /// Characters and character pairs in a window of five.
    Chars,
    /// [`FeatureSet::Chars`] plus the segmenter's word around each character:
    /// the character's place in it (B, M, E, or S for a one-character word)
    /// and that place with the word's dictionary tag (`x` for unknown words).
    CharsAndWords,
    /// [`FeatureSet::CharsAndWords`] plus the word itself, for dictionary
    /// words of two to four characters.
    CharsWordsAndWord,
}

impl FeatureSet {
    pub fn from_id(id: u32) -> Option<FeatureSet> {
        match id {
            1 => Some(FeatureSet::Chars),
            2 => Some(FeatureSet::CharsAndWords),
            3 => Some(FeatureSet::CharsWordsAndWord),
            _ => None,
        }
    }

    pub fn id(self) -> u32 {
        match self {
            FeatureSet::Chars => 1,
            FeatureSet::CharsAndWords => 2,
            FeatureSet::CharsWordsAndWord => 3,
        }
    }
}

fn normalise(c: char) -> char {
    match c {
        '0'..='9' | '０'..='９' => '0',
        'a'..='z' | 'A'..='Z' | 'ａ'..='ｚ' | 'Ａ'..='Ｚ' => 'a',
        c if c.is_whitespace() => '_',
        c => c,
    }
}

/// The class of a character: Han (H), digit (D), Latin letter (L), other (P).
fn class(c: char) -> char {
    match c {
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => 'H',
        _ => match normalise(c) {
            '0' => 'D',
            'a' => 'L',
            _ => 'P',
        },
    }
}

/// One sentence's characters and, for [`FeatureSet::CharsAndWords`], where
/// each character sits in its word and that word's tag.
pub struct Sentence<'a> {
    pub chars: &'a [char],
    /// Per character: (B/M/E/S, the word's tag, the word when the feature
    /// set names it). Empty for [`FeatureSet::Chars`].
    pub words: Vec<(char, &'a str, Option<&'a [char]>)>,
}

impl<'a> Sentence<'a> {
    /// `tagged` are the segmenter's words of the whole text and `start` is
    /// the sentence's offset in it; words that cross the sentence's edges are
    /// clipped to it.
    pub fn new(
        chars: &'a [char],
        start: usize,
        tagged: &[Tagged<'a>],
        set: FeatureSet,
    ) -> Sentence<'a> {
        let mut words = Vec::new();
        if set != FeatureSet::Chars {
            let end = start + chars.len();
            words.reserve(chars.len());
            let first = tagged.partition_point(|t| t.word.end <= start);
            for t in tagged[first..].iter().take_while(|t| t.word.start < end) {
                let (s, e) = (t.word.start.max(start), t.word.end.min(end));
                let tag = if t.known { t.tag } else { "x" };
                let named = set == FeatureSet::CharsWordsAndWord
                    && (2..=4).contains(&(e - s))
                    && tag != "x";
                let word = named.then(|| &chars[s - start..e - start]);
                for i in s..e {
                    let place = if e - s == 1 {
                        'S'
                    } else if i == s {
                        'B'
                    } else if i + 1 == e {
                        'E'
                    } else {
                        'M'
                    };
                    words.push((place, tag, word));
                }
            }
            // Words tile the text, so every char has one; if they ever did
            // not, the sentence falls back to characters alone.
            if words.len() != chars.len() {
                words.clear();
            }
        }
        Sentence { chars, words }
    }

    /// Calls `each` with every attribute of character `i`, in the order
    /// training lists them. An attribute's name is `prefix`, then `parts`,
    /// then `tail` ("c-1:" + '北' + ""): given in pieces, so that tagging
    /// can hash it without building a string for each of the fifteen
    /// attributes of every character.
    pub fn for_each_attribute(&self, i: usize, mut each: impl FnMut(&str, &[char], &str)) {
        let len = self.chars.len() as isize;
        let i = i as isize;
        let at = |j: isize| -> char {
            if j < 0 {
                '^'
            } else if j >= len {
                '$'
            } else {
                normalise(self.chars[j as usize])
            }
        };
        let cls = |j: isize| -> char {
            if j < 0 {
                '^'
            } else if j >= len {
                '$'
            } else {
                class(self.chars[j as usize])
            }
        };
        each("bias", &[], "");
        for (k, name) in [
            (-2, "c-2:"),
            (-1, "c-1:"),
            (0, "c0:"),
            (1, "c1:"),
            (2, "c2:"),
        ] {
            each(name, &[at(i + k)], "");
        }
        for (k, name) in [(-2, "b-2:"), (-1, "b-1:"), (0, "b0:"), (1, "b1:")] {
            each(name, &[at(i + k), at(i + k + 1)], "");
        }
        each("s:", &[at(i - 1), at(i + 1)], "");
        each("k:", &[cls(i - 1), cls(i), cls(i + 1)], "");
        if let Some(&(place, tag, word)) = self.words.get(i as usize) {
            each("w:", &[place], "");
            each("wt:", &[place], tag);
            if let Some(word) = word {
                each("wd:", word, "");
            }
        }
    }

    /// The attribute names of every character, in order (for comparing
    /// with what training computed; tagging uses [`Self::for_each_attribute`]).
    pub fn attributes(&self) -> Vec<Vec<String>> {
        (0..self.chars.len())
            .map(|i| {
                let mut names = Vec::with_capacity(15);
                self.for_each_attribute(i, |prefix, parts, tail| {
                    let mut name = String::from(prefix);
                    name.extend(parts);
                    name.push_str(tail);
                    names.push(name);
                });
                names
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(chars: &str) -> Vec<Vec<String>> {
        let chars: Vec<char> = chars.chars().collect();
        let s = Sentence::new(&chars, 0, &[], FeatureSet::Chars);
        s.attributes()
    }

    #[test]
    fn window_and_normalisation() {
        let f = names("李Ａ9");
        assert_eq!(
            f[0],
            [
                "bias", "c-2:^", "c-1:^", "c0:李", "c1:a", "c2:0", "b-2:^^", "b-1:^李", "b0:李a",
                "b1:a0", "s:^a", "k:^HL"
            ]
        );
        assert_eq!(f[2][5], "c2:$");
        assert_eq!(f[2][11], "k:LD$");
    }
}
