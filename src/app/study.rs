//! Reading aids built from a document and the dictionary: pinyin for a word,
//! the sentence around a span, and the Anki export of what the reader opened.

use crate::analysis::{Document, Kind};
use crate::app::state::CardTarget;
use crate::dictionary::Dictionary;
use crate::knowledge::glossary::GlossaryEntry;

/// Pinyin for a word on its own (the Anki note's field): what
/// [`crate::pinyin::read`] gives it without a sentence around it (the
/// dictionary's usual reading of the whole word, else of its parts, each
/// polyphonic character by its most frequent reading). Empty for text
/// without Chinese. The reading view reads words in their sentence instead.
pub fn pinyin(dict: &Dictionary, word: &str) -> String {
    if !word.chars().any(crate::analysis::text::is_han) {
        return String::new();
    }
    crate::pinyin::read(dict, &[word], 0)
}

/// The sentence around `start..end`: from the previous sentence end to the next.
pub fn sentence_around(doc: &Document, start: usize, end: usize) -> String {
    let is_end = |c: char| matches!(c, '。' | '！' | '？' | '!' | '?' | '\n' | '；');
    let mut s = start;
    while s > 0 && !is_end(doc.chars[s - 1]) {
        s -= 1;
    }
    let mut e = end;
    while e < doc.chars.len() && !is_end(doc.chars[e]) {
        e += 1;
    }
    if e < doc.chars.len() && doc.chars[e] != '\n' {
        e += 1;
    }
    doc.slice(s, e).trim().to_string()
}

/// One Anki note: front (the word), pinyin, meaning, the article's sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub term: String,
    pub pinyin: String,
    pub meaning: String,
    pub sentence: String,
}

/// Notes for the cards the reader opened, in the order opened, once each.
pub fn notes(
    doc: &Document,
    opened: &[CardTarget],
    glossary: impl Fn(&str) -> Option<GlossaryEntry>,
    dict: Option<&Dictionary>,
) -> Vec<Note> {
    let mut out: Vec<Note> = Vec::new();
    for target in opened {
        let (range, term) = match target {
            CardTarget::Span(i) => match doc.spans.get(*i) {
                Some(s) => {
                    let word = match s.kind {
                        Kind::Spin => s
                            .original
                            .clone()
                            .unwrap_or_else(|| doc.slice(s.start, s.end)),
                        Kind::Term => s.term.clone().unwrap_or_else(|| doc.slice(s.start, s.end)),
                        _ => doc.slice(s.start, s.end),
                    };
                    (Some((s.start, s.end)), word)
                }
                None => continue,
            },
            CardTarget::Word(i) => match doc.words.get(*i) {
                Some(w) => (Some((w.start, w.end)), doc.slice(w.start, w.end)),
                None => continue,
            },
            CardTarget::Term(t) | CardTarget::Lookup(t) => (None, t.clone()),
        };
        if term.trim().is_empty() || out.iter().any(|n| n.term == term) {
            continue;
        }
        let entry = glossary(&term);
        let (pinyin_text, meaning) = match (&entry, dict) {
            (Some(e), _) => (e.pinyin.clone(), e.en.clone()),
            (None, Some(d)) => {
                let senses = d.lookup(&term);
                let senses = crate::dictionary::rank_entries(senses)
                    .first()
                    .map(|e| {
                        let readable: Vec<String> = e
                            .senses
                            .iter()
                            .map(|s| crate::dictionary::readable_sense_text(s))
                            .collect();
                        readable.join("; ")
                    })
                    .unwrap_or_default();
                (pinyin(d, &term), senses)
            }
            (None, None) => (String::new(), String::new()),
        };
        let sentence = range
            .map(|(s, e)| sentence_around(doc, s, e))
            .unwrap_or_default();
        out.push(Note {
            term,
            pinyin: pinyin_text,
            meaning,
            sentence,
        });
    }
    out
}

/// CSV that Anki imports (fields: term, pinyin, meaning, sentence), with a
/// header comment Anki understands.
pub fn anki_csv(notes: &[Note]) -> String {
    let mut out =
        String::from("#separator:Comma\n#html:false\n#columns:Term,Pinyin,Meaning,Sentence\n");
    for n in notes {
        let fields = [&n.term, &n.pinyin, &n.meaning, &n.sentence];
        let line: Vec<String> = fields
            .iter()
            .map(|f| format!("\"{}\"", f.replace('"', "\"\"")))
            .collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}
