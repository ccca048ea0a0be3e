//! Writes `crates/engine/src/analysis/data/jieba-dict.bin`, the compressed jieba
//! dictionary the segmenter loads (see `crates/engine/src/analysis/jieba_dict/`), from
//! jieba-rs 0.11.0's own `dict.txt`, and `jieba-core.bin` beside it, the
//! core dictionary the browser's worker starts with (`CORE_WORDS` words:
//! `jieba_dict::core_entries` over the ranking in
//! `training/jieba-core/words.txt`, which `examples/rank_core_words.rs`
//! writes):
//!
//! ```text
//! cargo run --release --example gen_jieba_dict [path/to/dict.txt]
//! ```
//!
//! Without a path it reads the copy in Cargo's registry
//! (`$CARGO_HOME/registry/src/*/jieba-rs-0.11.0/src/data/dict.txt`, there
//! after any build of the project). The output is the same bytes on every
//! run (`tests/jieba_dict.rs` checks the committed file against it); the
//! example decodes it again and checks every entry before writing.

use std::path::PathBuf;

#[path = "../tests/support/jieba_measure.rs"]
mod jieba_measure;

use dudong::analysis::jieba_dict::{
    core_entries, encode, parse_dict_txt, parse_ranking, DictEntry, Entries, CORE_WORDS,
};
use jieba_measure::registry_dict_txt;

fn main() {
    let path = std::env::args().nth(1).map(PathBuf::from).or_else(registry_dict_txt).unwrap_or_else(|| {
        eprintln!("no dict.txt given and none in Cargo's registry (build the project once, or pass its path)");
        std::process::exit(2);
    });
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{}: {e}", path.display());
        std::process::exit(2);
    });
    let (mut entries, rounded) = parse_dict_txt(&text).unwrap_or_else(|e| {
        eprintln!("{}: {e}", path.display());
        std::process::exit(1);
    });

    let ranking_path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("training/jieba-core/words.txt");
    let ranking_text = std::fs::read_to_string(&ranking_path).unwrap_or_else(|e| {
        eprintln!("{}: {e}", ranking_path.display());
        std::process::exit(2);
    });
    let core = core_entries(&entries, &parse_ranking(&ranking_text), CORE_WORDS);
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("crates/engine/src/analysis/data");
    write_checked(&mut entries, &data.join("jieba-dict.bin"));
    println!(
        "{}: {} entries ({rounded} frequencies rounded, see jieba_dict::representable)",
        path.display(),
        entries.len()
    );
    let mut core = core;
    write_checked(&mut core, &data.join("jieba-core.bin"));
    println!(
        "core: {} entries ({CORE_WORDS} words and padding)",
        core.len()
    );
}

/// Encodes `entries`, checks that the file decodes to exactly them, and
/// writes it to `out` with where its bytes went.
fn write_checked(entries: &mut [DictEntry], out: &std::path::Path) {
    let encoded = encode(entries);

    // Check: the file decodes to exactly these entries.
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let mut reader = Entries::new(&encoded.bytes).expect("header decodes");
    for (i, want) in entries.iter().enumerate() {
        let (w, f, t) = reader
            .next_entry()
            .expect("entry count")
            .expect("entry decodes");
        assert!(
            w == want.0 && f == want.1 && t == want.2,
            "entry {i}: {w} {f} {t}, want {want:?}"
        );
    }
    assert!(reader.next_entry().is_none());

    std::fs::write(out, &encoded.bytes).expect("write the dictionary file");
    println!("{}: {} bytes", out.display(), encoded.bytes.len());
    for (part, bytes) in &encoded.parts {
        println!("  {part:<26} {bytes:>9.0}");
    }
}
