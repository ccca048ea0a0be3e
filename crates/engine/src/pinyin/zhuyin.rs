//! Zhuyin (bopomofo), the other reading aid of Chinese schools: one syllable
//! of pinyin, tone-marked (`zhōng`) or numbered (`zhong1`, `lu:4`), written
//! as its symbols with the tone after them (ㄓㄨㄥ, ㄌㄩˋ) or, for the neutral
//! tone, a dot before them (˙ㄉㄜ), as Taiwanese textbooks write it.

use super::{marks_to_numbered, read_span, reads_as_name, surname_of};
use crate::dictionary::Dictionary;

/// What the reading view shows above a word in zhuyin: each syllable of its
/// reading in context ([`super::display`]'s), a name's surname read as a
/// surname (单 ㄕㄢˋ), syllables apart by a space.
pub fn display(dict: &Dictionary, text: &[char], start: usize, end: usize, person: bool) -> String {
    let end = end.min(text.len());
    let start = start.min(end);
    let word = &text[start..end];
    let mut syllables = read_span(dict, text, start, end);
    if reads_as_name(dict, word, person) {
        // A one-character surname's own reading; longer ones (尉迟) are
        // rare enough to keep their reading in context.
        if let Some((1, reading)) = surname_of(word) {
            if let Some(first) = syllables.first_mut() {
                *first = reading;
            }
        }
    }
    syllables
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| from_pinyin(s).unwrap_or_else(|| s.clone()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The syllable in zhuyin, or `None` for what is not a pinyin syllable
/// (Latin words, digits, punctuation): the caller shows those as they are.
pub fn from_pinyin(syllable: &str) -> Option<String> {
    let syllable = syllable.trim();
    let numbered = if syllable.ends_with(|c: char| c.is_ascii_digit()) {
        syllable.to_lowercase()
    } else {
        marks_to_numbered(syllable)
    };
    let (letters, tone) = match numbered.char_indices().last() {
        Some((i, d @ '1'..='5')) => (&numbered[..i], d as u8 - b'0'),
        _ => (numbered.as_str(), 5),
    };
    let letters = letters.replace("u:", "v").replace('ü', "v");
    if letters.is_empty() || !letters.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let symbols = symbols(&letters)?;
    Some(match tone {
        1 => symbols,
        2 => symbols + "ˊ",
        3 => symbols + "ˇ",
        4 => symbols + "ˋ",
        _ => format!("˙{symbols}"),
    })
}

const INITIALS: [(&str, &str); 21] = [
    ("zh", "ㄓ"),
    ("ch", "ㄔ"),
    ("sh", "ㄕ"),
    ("b", "ㄅ"),
    ("p", "ㄆ"),
    ("m", "ㄇ"),
    ("f", "ㄈ"),
    ("d", "ㄉ"),
    ("t", "ㄊ"),
    ("n", "ㄋ"),
    ("l", "ㄌ"),
    ("g", "ㄍ"),
    ("k", "ㄎ"),
    ("h", "ㄏ"),
    ("j", "ㄐ"),
    ("q", "ㄑ"),
    ("x", "ㄒ"),
    ("r", "ㄖ"),
    ("z", "ㄗ"),
    ("c", "ㄘ"),
    ("s", "ㄙ"),
];

/// Finals as pinyin writes them after an initial (`v` for ü), and in full
/// (iou, uei, uen) as they stand after y and w.
const FINALS: [(&str, &str); 40] = [
    ("iou", "ㄧㄡ"),
    ("uei", "ㄨㄟ"),
    ("uen", "ㄨㄣ"),
    ("a", "ㄚ"),
    ("o", "ㄛ"),
    ("e", "ㄜ"),
    ("ai", "ㄞ"),
    ("ei", "ㄟ"),
    ("ao", "ㄠ"),
    ("ou", "ㄡ"),
    ("an", "ㄢ"),
    ("en", "ㄣ"),
    ("ang", "ㄤ"),
    ("eng", "ㄥ"),
    ("ong", "ㄨㄥ"),
    ("er", "ㄦ"),
    ("i", "ㄧ"),
    ("ia", "ㄧㄚ"),
    ("ie", "ㄧㄝ"),
    ("iao", "ㄧㄠ"),
    ("iu", "ㄧㄡ"),
    ("ian", "ㄧㄢ"),
    ("in", "ㄧㄣ"),
    ("iang", "ㄧㄤ"),
    ("ing", "ㄧㄥ"),
    ("iong", "ㄩㄥ"),
    ("u", "ㄨ"),
    ("ua", "ㄨㄚ"),
    ("uo", "ㄨㄛ"),
    ("uai", "ㄨㄞ"),
    ("ui", "ㄨㄟ"),
    ("uan", "ㄨㄢ"),
    ("un", "ㄨㄣ"),
    ("uang", "ㄨㄤ"),
    ("ueng", "ㄨㄥ"),
    ("v", "ㄩ"),
    ("ve", "ㄩㄝ"),
    ("van", "ㄩㄢ"),
    ("vn", "ㄩㄣ"),
    ("r", "ㄦ"),
];

fn symbols(letters: &str) -> Option<String> {
    let final_of = |f: &str| FINALS.iter().find(|(p, _)| *p == f).map(|(_, z)| *z);
    // Syllables without an initial are spelt with y and w.
    if let Some(rest) = letters.strip_prefix('y') {
        let f = match rest {
            "u" | "ue" | "uan" | "un" => format!("v{}", &rest[1..]),
            "ong" => "iong".to_string(),
            r if r.starts_with('i') => r.to_string(),
            r => format!("i{r}"),
        };
        return final_of(&f).map(str::to_string);
    }
    if let Some(rest) = letters.strip_prefix('w') {
        let f = if rest.starts_with('u') {
            rest.to_string()
        } else {
            format!("u{rest}")
        };
        return final_of(&f).map(str::to_string);
    }
    // ê alone, and the finals of zero-initial syllables written as they are
    // (a, ai, e, er, ou…).
    if let Some(z) = final_of(letters).filter(|_| !letters.starts_with(['i', 'u', 'v'])) {
        return Some(z.to_string());
    }
    let (initial, symbol) = INITIALS.iter().find(|(p, _)| letters.starts_with(p))?;
    let rest = &letters[initial.len()..];
    let rest = match (*initial, rest) {
        // zhi, chi, shi, ri, zi, ci, si: the vowel is silent in zhuyin.
        ("zh" | "ch" | "sh" | "r" | "z" | "c" | "s", "i") => return Some(symbol.to_string()),
        // After j, q and x, u is ü.
        ("j" | "q" | "x", r) if r.starts_with('u') => format!("v{}", &r[1..]),
        (_, r) => r.to_string(),
    };
    if rest.is_empty() {
        return Some(symbol.to_string()); // m, n, ng as syllables (呣 m, 嗯 n)
    }
    Some(format!("{symbol}{}", final_of(&rest)?))
}

#[cfg(test)]
mod tests {
    use super::from_pinyin;

    #[test]
    fn syllables_of_every_shape() {
        for (pinyin, zhuyin) in [
            ("zhōng", "ㄓㄨㄥ"),
            ("guó", "ㄍㄨㄛˊ"),
            ("nǚ", "ㄋㄩˇ"),
            ("lu:4", "ㄌㄩˋ"),
            ("de", "˙ㄉㄜ"),
            ("le5", "˙ㄌㄜ"),
            ("shì", "ㄕˋ"),
            ("zi3", "ㄗˇ"),
            ("jù", "ㄐㄩˋ"),
            ("xué", "ㄒㄩㄝˊ"),
            ("quán", "ㄑㄩㄢˊ"),
            ("jūn", "ㄐㄩㄣ"),
            ("yī", "ㄧ"),
            ("yào", "ㄧㄠˋ"),
            ("yǒu", "ㄧㄡˇ"),
            ("yuè", "ㄩㄝˋ"),
            ("yún", "ㄩㄣˊ"),
            ("yòng", "ㄩㄥˋ"),
            ("wǔ", "ㄨˇ"),
            ("wèi", "ㄨㄟˋ"),
            ("wēng", "ㄨㄥ"),
            ("ài", "ㄞˋ"),
            ("ér", "ㄦˊ"),
            ("ōu", "ㄡ"),
            ("liù", "ㄌㄧㄡˋ"),
            ("duì", "ㄉㄨㄟˋ"),
            ("lùn", "ㄌㄨㄣˋ"),
            ("xióng", "ㄒㄩㄥˊ"),
            ("Lǐ", "ㄌㄧˇ"),
            ("r5", "˙ㄦ"),
        ] {
            assert_eq!(from_pinyin(pinyin).as_deref(), Some(zhuyin), "{pinyin}");
        }
    }

    #[test]
    fn what_is_not_pinyin_stays_out() {
        for text in ["", "ok", "2025", "，", "xyz3"] {
            assert_eq!(from_pinyin(text), None, "{text:?}");
        }
    }
}
