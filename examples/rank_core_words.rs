//! Ranks jieba's words by how often full jieba cuts them in news text, for
//! the worker's core dictionary (`jieba_dict::core_entries`): writes
//! `training/jieba-core/words.txt` (`word count` lines, most frequent first,
//! ties by jieba's frequency then by word; words cut at least twice).
//!
//! ```text
//! cargo run --release --example rank_core_words [CORPUS]...
//! ```
//!
//! Without CORPUS files it reads `jieba_measure::RANKING_CORPORA` (the name
//! model's prepared training sentences, referee and dev sentences dropped;
//! formats: `jieba_measure::corpus_text`).
//! Then `cargo run --release --example gen_jieba_dict` writes the core file.

#[path = "../tests/support/jieba_measure.rs"]
mod jieba_measure;

use std::collections::HashMap;
use std::fmt::Write;

use dudong::analysis::Segmenter;
use jieba_measure::{corpus_text, RANKING_CORPORA};

fn main() {
    let mut files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        files = RANKING_CORPORA.iter().map(|s| s.to_string()).collect();
    }
    let full = Segmenter::new();
    let mut counts: HashMap<String, u64> = HashMap::new();
    let mut chars = 0;
    for file in &files {
        let text = corpus_text(file);
        chars += text.chars().count();
        let at: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        for t in full.tag(&text).into_iter().filter(|t| t.known) {
            *counts
                .entry(text[at[t.word.start]..at[t.word.end]].to_string())
                .or_default() += 1;
        }
    }
    let freq = jieba_freqs();
    let mut ranked: Vec<(String, u64)> = counts.into_iter().filter(|e| e.1 >= 1).collect();
    ranked.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| freq.get(&b.0).cmp(&freq.get(&a.0)))
            .then_with(|| a.0.cmp(&b.0))
    });
    let mut out = String::from(
        "# jieba's words by how often full jieba cuts them in news text \
         (examples/rank_core_words.rs): word count\n",
    );
    let _ = writeln!(out, "# corpora: {} ({chars} characters)", files.join(", "));
    for (w, n) in &ranked {
        let _ = writeln!(out, "{w} {n}");
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/training/jieba-core/words.txt");
    std::fs::write(path, out).expect("write the ranking");
    println!("{path}: {} words from {chars} characters", ranked.len());
}

fn jieba_freqs() -> HashMap<String, u32> {
    use dudong::analysis::jieba_dict::{Entries, JIEBA_DICT};
    let mut out = HashMap::new();
    let mut entries = Entries::new(JIEBA_DICT).unwrap();
    while let Some(Ok((w, f, _))) = entries.next_entry() {
        out.insert(w.to_string(), f);
    }
    out
}
