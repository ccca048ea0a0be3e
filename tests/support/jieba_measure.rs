//! Measuring the engine's compressed jieba dictionary against jieba-rs's
//! own: a development tool shared by tests and examples (each includes this
//! file with `#[path]`), kept out of the engine's library. The reference
//! `Jieba` comes from the full jieba-rs, a dev-dependency.
#![allow(dead_code)] // each includer uses part of it

use std::collections::HashMap;

use jieba_rs::Jieba;

use dudong::analysis::jieba_dict::{Entries, JIEBA_DICT};
use dudong::analysis::Segmenter;

/// How one text segments with both dictionaries.
#[derive(Debug, Default, Clone, Copy)]
pub struct Agreement {
    /// Tokens of the reference (`Jieba::new()`, `cut(text, true)`).
    pub tokens: usize,
    /// Of those, tokens ours has too (same start and end).
    pub same: usize,
    /// Tokens both have, and of those, the ones with the same tag.
    pub tagged: usize,
    pub same_tag: usize,
    /// The same, for dictionary words only (not the HMM's).
    pub known_tagged: usize,
    pub known_same_tag: usize,
}

impl Agreement {
    pub fn tokens_ratio(&self) -> f64 {
        self.same as f64 / self.tokens.max(1) as f64
    }
    pub fn tags_ratio(&self) -> f64 {
        self.same_tag as f64 / self.tagged.max(1) as f64
    }
    pub fn known_tags_ratio(&self) -> f64 {
        self.known_same_tag as f64 / self.known_tagged.max(1) as f64
    }
}

pub fn agreement(reference: &Jieba, ours: &Segmenter, text: &str) -> Agreement {
    let mut a = Agreement::default();
    let ref_tags: HashMap<(usize, usize), &str> = reference
        .tag(text, true)
        .into_iter()
        .filter(|t| t.end > t.start)
        .map(|t| ((t.start, t.end), t.tag))
        .collect();
    let ours_tokens: HashMap<(usize, usize), (&str, bool)> = ours
        .tag(text)
        .into_iter()
        .map(|t| ((t.word.start, t.word.end), (t.tag, t.known)))
        .collect();
    for token in reference
        .cut(text, true)
        .into_iter()
        .filter(|t| t.end > t.start)
    {
        a.tokens += 1;
        let key = (token.start, token.end);
        let Some(&(tag, known)) = ours_tokens.get(&key) else {
            continue;
        };
        a.same += 1;
        let Some(&ref_tag) = ref_tags.get(&key) else {
            continue;
        };
        a.tagged += 1;
        a.same_tag += (tag == ref_tag) as usize;
        if known {
            a.known_tagged += 1;
            a.known_same_tag += (tag == ref_tag) as usize;
        }
    }
    a
}

/// About `chars` characters of dictionary words drawn at random by
/// frequency (a fixed sequence), with a comma now and then: every kind
/// of word boundary jieba's dictionary can produce, at the rates it
/// expects them.
pub fn synthetic_text(chars: usize) -> String {
    let mut words: Vec<(String, u64)> = Vec::new();
    let mut entries = Entries::new(JIEBA_DICT).expect("the embedded dictionary decodes");
    while let Some(Ok((w, f, _))) = entries.next_entry() {
        words.push((w.to_string(), f as u64));
    }
    let mut cum = Vec::with_capacity(words.len());
    let mut total = 0u64;
    for (_, f) in &words {
        total += f;
        cum.push(total);
    }
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        state >> 16
    };
    let mut text = String::new();
    let mut n = 0;
    while n < chars {
        let r = next() % total;
        let (w, _) = &words[cum.partition_point(|&c| c <= r)];
        text.push_str(w);
        n += w.chars().count();
        if next() % 12 == 0 {
            text.push('，');
            n += 1;
        }
    }
    text
}

/// jieba-rs 0.11.0's `dict.txt` in Cargo's registry
/// (`$CARGO_HOME/registry/src/*/jieba-rs-0.11.0/src/data/dict.txt`), there
/// after any build of the project.
pub fn registry_dict_txt() -> Option<std::path::PathBuf> {
    use std::path::PathBuf;
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
    let mut found: Vec<PathBuf> = std::fs::read_dir(home.join("registry/src"))
        .ok()?
        .flatten()
        .map(|d| d.path().join("jieba-rs-0.11.0/src/data/dict.txt"))
        .filter(|p| p.is_file())
        .collect();
    found.sort();
    found.into_iter().next()
}

/// How much of a text's vocabulary a smaller dictionary holds: of the
/// tokens `full` cuts that are dictionary words, the ones `core` has too.
#[derive(Debug, Default, Clone, Copy)]
pub struct Coverage {
    pub tokens: usize,
    pub covered: usize,
}

impl Coverage {
    pub fn add(&mut self, full: &Segmenter, core: &Segmenter, text: &str) {
        for t in full.tag(text).into_iter().filter(|t| t.known) {
            self.tokens += 1;
            let word: String = text
                .chars()
                .skip(t.word.start)
                .take(t.word.end - t.word.start)
                .collect();
            self.covered += core.has_word(&word) as usize;
        }
    }

    pub fn ratio(&self) -> f64 {
        self.covered as f64 / self.tokens.max(1) as f64
    }
}

/// The text of a corpus file: `{"text": ...}` lines when its name ends
/// in `.json` or `.jsonl`; one character per line (`char TAG` or
/// `char<TAB>TAG`, sentences between empty lines) when its first line is so; else plain text with
/// the spaces between characters removed.
pub fn corpus_text(file: &str) -> String {
    let raw = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
    if file.ends_with(".json") || file.ends_with(".jsonl") {
        return raw
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_string))
            .collect::<Vec<_>>()
            .join("\n");
    }
    let first = raw.lines().next().unwrap_or("");
    if first.chars().count() >= 3 && matches!(first.chars().nth(1), Some(' ' | '\t')) {
        let mut out = String::new();
        for line in raw.lines() {
            match line.chars().next() {
                None => out.push('\n'),
                Some(c) => out.push(c),
            }
        }
        return out;
    }
    raw.replace(' ', "")
}

/// The corpora the core dictionary's words are ranked on
/// (`examples/rank_core_words.rs`): the name model's prepared training
/// sentences (MSRA train, People's Daily 1998, CLUENER train), from which
/// `training/ner/prepare.py` has dropped every referee and dev sentence.
/// Never a raw corpus file: the one holding MSRA train also holds the
/// MSRA test split, a referee.
pub const RANKING_CORPORA: [&str; 1] = ["/work/corpora/ner/train.bioes"];

/// News text the core dictionary is measured on, none of it ranked on:
/// the project's fixtures and sample, and the MSRA dev split (the tuning
/// split; never a referee) when it is on this machine.
pub fn held_out_texts() -> Vec<(String, String)> {
    let mut texts = Vec::new();
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(fixtures)
        .expect("tests/fixtures")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    for path in paths {
        let name = format!(
            "tests/fixtures/{}",
            path.file_name().unwrap().to_string_lossy()
        );
        texts.push((name, std::fs::read_to_string(&path).expect("fixture")));
    }
    texts.push((
        "sample.txt".into(),
        dudong::knowledge::SAMPLE_ARTICLE.to_string(),
    ));
    let dev = "/work/corpora/ner/dev.bioes";
    if std::path::Path::new(dev).is_file() {
        texts.push((dev.to_string(), corpus_text(dev)));
    }
    texts
}
