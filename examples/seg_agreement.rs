//! How segmentation with the compressed dictionary agrees with jieba-rs's
//! own (`Jieba::new()`, its embedded dict.txt), text by text: the share of
//! the reference's tokens (`cut(text, true)`) that ours has too (same start
//! and end), and of the tokens both have, the share with the same tag (all
//! of them, and dictionary words alone: unknown Chinese words are `x` in
//! ours, see `Segmenter::tag`). Prints one JSON object.
//!
//! Texts: the project's fixtures, the built-in sample, the glossary's
//! Chinese definitions, a synthetic text of dictionary words drawn by
//! frequency, and the shared seed article when `../shared` is there (it is
//! not part of the project).
//!
//! Phase one (the worker's core dictionary, `Segmenter::core`) is measured
//! beside it: `phase_one_token_agreement` per text, and under `phase_one`
//! its lowest and overall agreement and its coverage (of the tokens full
//! jieba cuts that are dictionary words, the share the core holds) on the
//! held-out news text of `jieba_measure::held_out_texts`.
//!
//! ```text
//! cargo run --release --example seg_agreement
//! ```

#[path = "../tests/support/jieba_measure.rs"]
mod jieba_measure;

use dudong::analysis::Segmenter;
use dudong::knowledge::{glossary, SAMPLE_ARTICLE};
use jieba_measure::{agreement, held_out_texts, synthetic_text, Coverage};

fn main() {
    let mut texts: Vec<(String, String)> = Vec::new();
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(fixtures)
        .expect("tests/fixtures")
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    for path in paths
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
    {
        let name = format!(
            "tests/fixtures/{}",
            path.file_name().unwrap().to_string_lossy()
        );
        texts.push((name, std::fs::read_to_string(&path).expect("fixture")));
    }
    texts.push((
        "crates/engine/src/knowledge/sample.txt".into(),
        SAMPLE_ARTICLE.to_string(),
    ));
    let definitions: Vec<String> = glossary::builtin()
        .expect("glossary")
        .into_iter()
        .map(|e| e.zh)
        .collect();
    texts.push(("glossary definitions (zh)".into(), definitions.join("\n")));
    texts.push((
        "synthetic, 300,000 characters".into(),
        synthetic_text(300_000),
    ));
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/fixtures/seed/article.txt"
    );
    if let Ok(text) = std::fs::read_to_string(seed) {
        texts.push(("../shared/fixtures/seed/article.txt".into(), text));
    }

    let reference = jieba_rs::Jieba::new();
    let ours = Segmenter::new();
    let core = Segmenter::core();
    let (mut one_tokens, mut one_same, mut one_lowest) = (0, 0, 1.0f64);
    let rows: Vec<serde_json::Value> = texts
        .iter()
        .map(|(name, text)| {
            let a = agreement(&reference, &ours, text);
            let one = agreement(&reference, &core, text);
            one_tokens += one.tokens;
            one_same += one.same;
            one_lowest = one_lowest.min(one.tokens_ratio());
            serde_json::json!({
                "text": name,
                "chars": text.chars().count(),
                "reference_tokens": a.tokens,
                "tokens_agree": a.same,
                "token_agreement": (a.tokens_ratio() * 1e5).round() / 1e5,
                "tag_agreement": (a.tags_ratio() * 1e4).round() / 1e4,
                "tag_agreement_dictionary_words": (a.known_tags_ratio() * 1e4).round() / 1e4,
                "phase_one_token_agreement": (one.tokens_ratio() * 1e5).round() / 1e5,
            })
        })
        .collect();
    let (mut coverage, mut held_tokens, mut held_same) = (Coverage::default(), 0, 0);
    let held_out = held_out_texts();
    for (_, text) in &held_out {
        coverage.add(&ours, &core, text);
        let a = agreement(&reference, &core, text);
        held_tokens += a.tokens;
        held_same += a.same;
    }
    let phase_one = serde_json::json!({
        "core_words": dudong::analysis::jieba_dict::CORE_WORDS,
        "core_bytes": dudong::analysis::jieba_dict::JIEBA_CORE.len(),
        "lowest_token_agreement": (one_lowest * 1e5).round() / 1e5,
        "token_agreement": ((one_same as f64 / one_tokens.max(1) as f64) * 1e5).round() / 1e5,
        "held_out_texts": held_out.iter().map(|t| &t.0).collect::<Vec<_>>(),
        "held_out_token_agreement": ((held_same as f64 / held_tokens.max(1) as f64) * 1e5).round() / 1e5,
        "held_out_coverage": (coverage.ratio() * 1e5).round() / 1e5,
    });
    println!(
        "{}",
        serde_json::to_string_pretty(&serde_json::json!({ "texts": rows, "phase_one": phase_one }))
            .unwrap()
    );
}
