//! How large the worker's core dictionary should be: for several sizes
//! (`jieba_dict::core_entries`: the words of `training/jieba-core/words.txt`
//! first, then by jieba's frequency), with and without the padding that
//! keeps jieba's total frequency, the share of
//! the tokens full jieba cuts in news text that the core holds, how the
//! core segments the same text against full jieba, and the size of its
//! file. `jieba_dict::CORE_WORDS` was chosen with it.
//!
//! ```text
//! CORE_SIZES=20000,40000 cargo run --release --example core_coverage
//! ```
//!
//! Texts: `jieba_measure::held_out_texts` (none of them ranked on). Prints
//! one JSON object.

#[path = "../tests/support/jieba_measure.rs"]
mod jieba_measure;

use dudong::analysis::jieba_dict::{self, core_entries, encode, parse_dict_txt};
use dudong::analysis::Segmenter;
use jieba_measure::{agreement, held_out_texts, registry_dict_txt, Coverage};

fn main() {
    let texts = held_out_texts();
    let ranking_text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/training/jieba-core/words.txt"
    ))
    .expect("training/jieba-core/words.txt (examples/rank_core_words.rs)");
    let ranking = jieba_dict::parse_ranking(&ranking_text);
    let path = registry_dict_txt().expect("jieba-rs 0.11.0's dict.txt in Cargo's registry");
    let (entries, _) = parse_dict_txt(&std::fs::read_to_string(path).unwrap()).unwrap();
    let reference = jieba_rs::Jieba::new();
    let full = Segmenter::new();
    let mut rows = Vec::new();
    let sizes: Vec<usize> = match std::env::var("CORE_SIZES") {
        Ok(v) => v.split(',').map(|n| n.trim().parse().unwrap()).collect(),
        Err(_) => vec![10_000, 20_000, 30_000, 40_000, 60_000, 80_000],
    };
    for words in sizes {
        for same_total in [true, false] {
            let mut core = core_entries(&entries, &ranking, words);
            if !same_total {
                core.retain(|e| !jieba_dict::is_padding(&e.0));
            }
            let bytes = encode(&core).bytes;
            let segmenter = Segmenter::from_dictionary(&bytes).unwrap();
            let (mut cov, mut tokens, mut same) = (Coverage::default(), 0, 0);
            for (_, text) in &texts {
                cov.add(&full, &segmenter, text);
                let a = agreement(&reference, &segmenter, text);
                tokens += a.tokens;
                same += a.same;
            }
            rows.push(serde_json::json!({
                "core_words": words,
                "same_total": same_total,
                "file_bytes": bytes.len(),
                "coverage": (cov.ratio() * 1e4).round() / 1e4,
                "dictionary_tokens": cov.tokens,
                "token_agreement": ((same as f64 / tokens as f64) * 1e4).round() / 1e4,
            }));
            eprintln!("{}", rows.last().unwrap());
        }
    }
    let chars: usize = texts.iter().map(|t| t.1.chars().count()).sum();
    println!(
        "{}",
        serde_json::to_string_pretty(&serde_json::json!({
            "texts": texts.iter().map(|t| &t.0).collect::<Vec<_>>(),
            "chars": chars,
            "sizes": rows,
        }))
        .unwrap()
    );
}
