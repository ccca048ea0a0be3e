//! Polyphone accuracy of `dudong::pinyin` on a CPP-format split (the public
//! Chinese Polyphones with Pinyin corpus: `X.sent` has one sentence a line
//! with the target character marked `▁字▁`, `X.lb` its numbered pinyin).
//!
//!   cargo run --release --example cpp_eval -- [--dict PATH] [--table TSV] [--errors] PREFIX
//!
//! PREFIX is e.g. `/work/corpora/cpp/dev` (reads dev.sent and dev.lb); the
//! corpus is never part of this repository. Each sentence is segmented by
//! the engine and the target character's syllable is compared with the
//! label (tone included; ü written `u:`). Printed: the accuracy of the
//! context-aware reader under each option, and of the baseline (the
//! context-free `study::pinyin` rule: the first lower-case CC-CEDICT entry
//! of the whole word, else each character's first entry). `--errors` lists
//! the characters most often wrong (use it on dev, not on the test split).
//! `--table` measures another polyphone table than the embedded one (e.g.
//! one built with `build_polyphones.py --holdout`, for an honest dev figure).

use std::collections::HashMap;

use dudong::analysis::Analyzer;
use dudong::dictionary::Dictionary;
use dudong::pinyin::{self, marks_to_numbered, Options, Polyphones, TableInWords};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dict_path = "target/dict/cedict.tsv".to_string();
    let mut errors = false;
    let mut prefix = None;
    let mut table_path = None;
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--dict" => dict_path = it.next().expect("--dict needs a path"),
            "--errors" => errors = true,
            "--table" => table_path = Some(it.next().expect("--table needs a path")),
            _ => prefix = Some(a),
        }
    }
    let prefix = prefix.expect("usage: cpp_eval [--dict PATH] [--errors] PREFIX");
    let read = |ext: &str| {
        std::fs::read_to_string(format!("{prefix}.{ext}"))
            .unwrap_or_else(|e| panic!("cannot read {prefix}.{ext}: {e}"))
    };
    let (sents, labels) = (read("sent"), read("lb"));
    let dict = Dictionary::from_string(std::fs::read_to_string(&dict_path).unwrap_or_else(|e| {
        panic!("cannot read {dict_path}: {e} (run scripts/build-dictionary.py)")
    }));
    let table = match table_path {
        Some(path) => {
            Polyphones::parse(&std::fs::read_to_string(&path).expect("cannot read the table"))
                .unwrap_or_else(|e| panic!("{path}: {e}"))
        }
        None => Polyphones::in_use().clone(),
    };
    let analyzer = Analyzer::new();
    let variants = [
        (
            "context, table only outside words (app)",
            TableInWords::Never,
        ),
        ("context, rules overrule words", TableInWords::RulesOnly),
        ("context, table everywhere", TableInWords::Always),
    ];
    let mut right = [0usize; 4];
    let mut total = 0usize;
    let mut wrong_by_char: HashMap<char, usize> = HashMap::new();
    for (line, label) in sents.lines().zip(labels.lines()) {
        let parts: Vec<&str> = line.split('\u{2581}').collect();
        if parts.len() != 3 || parts[1].chars().count() != 1 {
            continue;
        }
        let text = parts.concat();
        let t = parts[0].chars().count();
        let label = label.trim().to_lowercase();
        let doc = analyzer.analyze(&text);
        let Some(word) = doc.words.iter().find(|w| w.start <= t && t < w.end) else {
            continue;
        };
        total += 1;
        for (v, (_, mode)) in variants.iter().enumerate() {
            let options = Options {
                table_in_words: *mode,
            };
            let syllables =
                pinyin::read_span_using(&dict, &table, &doc.chars, word.start, word.end, options);
            let got = marks_to_numbered(&syllables[t - word.start]);
            if got == label {
                right[v] += 1;
            } else if v == 0 && errors {
                *wrong_by_char.entry(doc.chars[t]).or_default() += 1;
                if wrong_by_char[&doc.chars[t]] <= 2 {
                    let w: String = doc.chars[word.start..word.end].iter().collect();
                    eprintln!("{} [{w}] want {label} got {got}", text.trim());
                }
            }
        }
        let w: String = doc.chars[word.start..word.end].iter().collect();
        if baseline(&dict, &w, t - word.start) == label {
            right[3] += 1;
        }
    }
    println!("{prefix}: {total} cases");
    for (v, (name, _)) in variants.iter().enumerate() {
        println!("  {:<40} {:.4}", name, right[v] as f64 / total as f64);
    }
    println!(
        "  {:<40} {:.4}",
        "baseline (study::pinyin)",
        right[3] as f64 / total as f64
    );
    if errors {
        let mut worst: Vec<_> = wrong_by_char.into_iter().collect();
        worst.sort_by_key(|w| std::cmp::Reverse(w.1));
        let list: Vec<String> = worst
            .iter()
            .take(30)
            .map(|(c, n)| format!("{c}{n}"))
            .collect();
        println!("  most often wrong: {}", list.join(" "));
    }
}

/// The syllable `study::pinyin` gives character `k` of `word`, numbered.
fn baseline(dict: &Dictionary, word: &str, k: usize) -> String {
    let best = |w: &str| {
        let entries = dict.lookup(w);
        entries
            .iter()
            .find(|e| e.pinyin.chars().next().is_some_and(|c| !c.is_uppercase()))
            .or(entries.first())
            .map(|e| e.pinyin.clone())
    };
    if let Some(p) = best(word) {
        let syllables: Vec<&str> = p.split_whitespace().collect();
        if syllables.len() == word.chars().count() {
            return marks_to_numbered(syllables[k]);
        }
    }
    let c = word.chars().nth(k).unwrap_or_default();
    best(&c.to_string())
        .map(|p| marks_to_numbered(&p))
        .unwrap_or_default()
}
