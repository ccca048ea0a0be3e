//! The features the name model sees at each character. Training
//! (`training/ner/features.py`) computes exactly the same strings; a model
//! only works with the feature set it was trained on, which is why the model
//! file names its feature set ([`FeatureSet`]).
//!
//! Characters are first normalised so that the model learns shapes, not
//! particular numbers or spellings: every digit becomes `0`, every Latin
//! letter `a`, whitespace `_`. Beyond the sentence, `^` stands before it and
//! `$` after it.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

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
    /// [`FeatureSet::CharsWordsAndWord`] plus the classes ([`CharClasses`])
    /// of the characters around each one, and of pairs of them.
    CharsWordsWordAndClasses,
}

impl FeatureSet {
    pub fn from_id(id: u32) -> Option<FeatureSet> {
        match id {
            1 => Some(FeatureSet::Chars),
            2 => Some(FeatureSet::CharsAndWords),
            3 => Some(FeatureSet::CharsWordsAndWord),
            4 => Some(FeatureSet::CharsWordsWordAndClasses),
            _ => None,
        }
    }

    pub fn id(self) -> u32 {
        match self {
            FeatureSet::Chars => 1,
            FeatureSet::CharsAndWords => 2,
            FeatureSet::CharsWordsAndWord => 3,
            FeatureSet::CharsWordsWordAndClasses => 4,
        }
    }

    /// Does the set name dictionary words (`wd:`)?
    fn names_words(self) -> bool {
        matches!(
            self,
            FeatureSet::CharsWordsAndWord | FeatureSet::CharsWordsWordAndClasses
        )
    }
}

/// Classes of characters that occur among the same neighbours in news text
/// (given-name characters, place-name endings, ...), learned without labels
/// at training time (`training/ner/clusters.py`) and kept in the model file.
/// They let the model carry what it learned about a frequent character to a
/// rare one of its class: most of the names it missed were names it had
/// never seen.
#[derive(Debug, Default)]
pub struct CharClasses {
    /// A normalised character to its class.
    of: HashMap<char, u8>,
}

impl CharClasses {
    pub fn new() -> CharClasses {
        CharClasses::default()
    }

    /// Gives `c` (normalised) a class; false, and no change, if it had one.
    pub fn insert(&mut self, c: char, class: u8) -> bool {
        match self.of.entry(c) {
            Entry::Vacant(slot) => {
                slot.insert(class);
                true
            }
            Entry::Occupied(_) => false,
        }
    }

    pub fn len(&self) -> usize {
        self.of.len()
    }

    pub fn is_empty(&self) -> bool {
        self.of.is_empty()
    }

    /// The class as it appears in attribute names: one character,
    /// U+0100 + class, or `-` for a character without one.
    fn symbol(&self, c: char) -> char {
        self.of.get(&normalise(c)).map_or('-', |&k| {
            char::from_u32(0x100 + u32::from(k)).unwrap_or('-')
        })
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

/// What stands at `j` in a sentence of `len` characters: `^` before it,
/// `$` after it, else what `inner` makes of the character there.
fn around(j: isize, len: isize, inner: impl Fn(usize) -> char) -> char {
    if j < 0 {
        '^'
    } else if j >= len {
        '$'
    } else {
        inner(j as usize)
    }
}

/// One sentence's characters and, for [`FeatureSet::CharsAndWords`], where
/// each character sits in its word and that word's tag.
pub struct Sentence<'a> {
    pub chars: &'a [char],
    /// Per character: (B/M/E/S, the word's tag, the word when the feature
    /// set names it). Empty for [`FeatureSet::Chars`].
    pub words: Vec<(char, &'a str, Option<&'a [char]>)>,
    /// Per character: its class symbol ([`CharClasses`]). Empty unless the
    /// feature set has classes.
    pub classes: Vec<char>,
}

impl<'a> Sentence<'a> {
    /// `tagged` are the segmenter's words of the whole text and `start` is
    /// the sentence's offset in it; words that cross the sentence's edges are
    /// clipped to it. `classes` are the model's character classes, for the
    /// feature set that has them.
    pub fn new(
        chars: &'a [char],
        start: usize,
        tagged: &[Tagged<'a>],
        set: FeatureSet,
        classes: Option<&CharClasses>,
    ) -> Sentence<'a> {
        let mut words = Vec::new();
        if set != FeatureSet::Chars {
            let end = start + chars.len();
            words.reserve(chars.len());
            let first = tagged.partition_point(|t| t.word.end <= start);
            for t in tagged[first..].iter().take_while(|t| t.word.start < end) {
                let (s, e) = (t.word.start.max(start), t.word.end.min(end));
                let tag = if t.known { t.tag } else { "x" };
                let named = set.names_words() && (2..=4).contains(&(e - s)) && tag != "x";
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
        let classes = match (set, classes) {
            (FeatureSet::CharsWordsWordAndClasses, Some(classes)) => {
                chars.iter().map(|&c| classes.symbol(c)).collect()
            }
            _ => Vec::new(),
        };
        Sentence {
            chars,
            words,
            classes,
        }
    }

    /// Calls `each` with every attribute of character `i`, in the order
    /// training lists them. An attribute's name is `prefix`, then `parts`,
    /// then `tail` ("c-1:" + '北' + ""): given in pieces, so that tagging
    /// can hash it without building a string for each of the fifteen
    /// attributes of every character.
    pub fn for_each_attribute(&self, i: usize, mut each: impl FnMut(&str, &[char], &str)) {
        let len = self.chars.len() as isize;
        let i = i as isize;
        let at = |j: isize| around(j, len, |j| normalise(self.chars[j]));
        let cls = |j: isize| around(j, len, |j| class(self.chars[j]));
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
        if !self.classes.is_empty() {
            let g = |j: isize| around(j, len, |j| self.classes[j]);
            let (before, here, after) = (g(i - 1), g(i), g(i + 1));
            each("g-1:", &[before], "");
            each("g0:", &[here], "");
            each("g1:", &[after], "");
            each("gb-1:", &[before, here], "");
            each("gb0:", &[here, after], "");
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
        let s = Sentence::new(&chars, 0, &[], FeatureSet::Chars, None);
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

    #[test]
    fn classes_of_the_characters_around() {
        let mut classes = CharClasses::new();
        assert!(classes.insert('李', 3) && classes.insert('0', 0));
        assert!(!classes.insert('李', 4));
        let chars: Vec<char> = "李９x".chars().collect();
        let s = Sentence::new(
            &chars,
            0,
            &[],
            FeatureSet::CharsWordsWordAndClasses,
            Some(&classes),
        );
        let f = s.attributes();
        // No words were given, so no word features; then the classes.
        assert_eq!(
            f[0][12..],
            [
                "g-1:^",
                "g0:\u{103}",
                "g1:\u{100}",
                "gb-1:^\u{103}",
                "gb0:\u{103}\u{100}"
            ]
        );
        assert_eq!(
            f[2][12..],
            ["g-1:\u{100}", "g0:-", "g1:$", "gb-1:\u{100}-", "gb0:-$"]
        );
    }
}
