//! Native engine timings for `make bench`: start-up, the seed article (or the
//! built-in sample when ../shared is absent) and a 200,000-character text
//! built from the project's own sentences; and the jieba dictionary's part
//! of start-up: decoding the embedded file alone, decoding it into a
//! segmenter, and, for comparison, jieba-rs's own `Jieba::new()` (its
//! zstd-compressed dict.txt, a dev-dependency). Prints one JSON object.
//!
//! The 200,000-character text is also written to `target/bench/long-200k.txt`,
//! so the browser bench (scripts/bench-browser.mjs) pastes the very text
//! measured here. `--long-text-only` writes it and exits without measuring.

use std::time::Instant;

use dudong::analysis::jieba_dict::{self, Entries, JIEBA_CORE, JIEBA_DICT};
use dudong::analysis::Analyzer;
use dudong::knowledge::SAMPLE_ARTICLE;

/// A long original text: the project's own sentences, in a shuffled order
/// (a fixed linear congruential sequence, so every run measures the same text).
fn long_text(chars: usize) -> String {
    let sources = [
        SAMPLE_ARTICLE,
        include_str!("../tests/fixtures/normal.txt"),
        include_str!("../tests/fixtures/spun.txt"),
    ];
    let sentences: Vec<String> = sources
        .iter()
        .flat_map(|s| s.split_inclusive(['。', '！', '？', '\n']))
        .filter(|s| !s.trim().is_empty())
        .map(String::from)
        .collect();
    let mut out = String::new();
    let mut n = 0;
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    while n < chars {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let s = &sentences[(state >> 33) as usize % sentences.len()];
        n += s.chars().count();
        out.push_str(s);
        if (state >> 20).is_multiple_of(5) {
            out.push_str("\n\n");
        }
    }
    out.chars().take(chars).collect()
}

fn median_ms(mut f: impl FnMut(), runs: usize) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    times[times.len() / 2]
}

/// Where the browser bench reads the long text from.
fn long_text_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench/long-200k.txt")
}

fn write_long_text(text: &str) {
    let path = long_text_path();
    let written = path
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| std::fs::write(&path, text));
    if let Err(e) = written {
        eprintln!("bench: cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
}

fn main() {
    if std::env::args().any(|a| a == "--long-text-only") {
        write_long_text(&long_text(200_000));
        return;
    }
    let seed = std::fs::read_to_string("../shared/fixtures/seed/article.txt")
        .unwrap_or_else(|_| SAMPLE_ARTICLE.to_string());
    let t = Instant::now();
    let analyzer = Analyzer::new();
    let startup_ms = t.elapsed().as_secs_f64() * 1000.0;
    let big = long_text(200_000);
    write_long_text(&big);
    let seed_ms = median_ms(|| drop(analyzer.analyze(&seed)), 15);
    let big_ms = median_ms(|| drop(analyzer.analyze(&big)), 5);
    let decode_ms = median_ms(
        || {
            let mut entries = Entries::new(JIEBA_DICT).unwrap();
            while let Some(entry) = entries.next_entry() {
                std::hint::black_box(entry.unwrap());
            }
        },
        7,
    );
    // The same engine with the name model: what the model adds.
    let t = Instant::now();
    let model = dudong::analysis::ner::builtin().expect("the shipped name model loads");
    let ner_load_ms = t.elapsed().as_secs_f64() * 1000.0;
    let mut with_model = Analyzer::new();
    with_model.set_ner_model(Some(model));
    let ner_seed_ms = median_ms(|| drop(with_model.analyze(&seed)), 15);
    let ner_big_ms = median_ms(|| drop(with_model.analyze(&big)), 3);
    // Both models, as the browser has them once they arrive.
    let t = Instant::now();
    let full = Analyzer::with_builtin_models().expect("the shipped models load");
    let models_load_ms = t.elapsed().as_secs_f64() * 1000.0;
    let models_seed_ms = median_ms(|| drop(full.analyze(&seed)), 15);
    let models_big_ms = median_ms(|| drop(full.analyze(&big)), 3);
    let dict_ms = median_ms(|| drop(jieba_dict::jieba(JIEBA_DICT).unwrap()), 7);
    // Phase one, as the browser's worker starts: the core dictionary.
    let t = Instant::now();
    let core = Analyzer::core();
    let core_startup_ms = t.elapsed().as_secs_f64() * 1000.0;
    let core_seed_ms = median_ms(|| drop(core.analyze(&seed)), 15);
    let core_dict_ms = median_ms(|| drop(jieba_dict::jieba(JIEBA_CORE).unwrap()), 7);
    let reference_ms = median_ms(|| drop(jieba_rs::Jieba::new()), 7);
    println!(
        "{}",
        serde_json::json!({
            "native_startup_ms": (startup_ms * 10.0).round() / 10.0,
            "native_seed_ms": (seed_ms * 100.0).round() / 100.0,
            "native_seed_chars": seed.chars().count(),
            "native_200k_ms": (big_ms * 10.0).round() / 10.0,
            "native_ner_load_ms": (ner_load_ms * 10.0).round() / 10.0,
            "native_ner_seed_ms": (ner_seed_ms * 100.0).round() / 100.0,
            "native_ner_200k_ms": (ner_big_ms * 10.0).round() / 10.0,
            "native_models_load_ms": (models_load_ms * 10.0).round() / 10.0,
            "native_models_seed_ms": (models_seed_ms * 100.0).round() / 100.0,
            "native_models_200k_ms": (models_big_ms * 10.0).round() / 10.0,
            "jieba_dict_bytes": JIEBA_DICT.len(),
            "native_jieba_dict_decode_ms": (decode_ms * 10.0).round() / 10.0,
            "native_jieba_dict_segmenter_ms": (dict_ms * 10.0).round() / 10.0,
            "native_jieba_rs_new_ms": (reference_ms * 10.0).round() / 10.0,
            "jieba_core_bytes": JIEBA_CORE.len(),
            "jieba_core_words": jieba_dict::CORE_WORDS,
            "native_phase_one_startup_ms": (core_startup_ms * 10.0).round() / 10.0,
            "native_phase_one_seed_ms": (core_seed_ms * 100.0).round() / 100.0,
            "native_jieba_core_segmenter_ms": (core_dict_ms * 10.0).round() / 10.0,
        })
    );
}
