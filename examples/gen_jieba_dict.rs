//! Writes `src/analysis/data/jieba-dict.bin`, the compressed jieba
//! dictionary the segmenter loads (see `src/analysis/jieba_dict/`), from
//! jieba-rs 0.11.0's own `dict.txt`:
//!
//! ```text
//! cargo run --release --example gen_jieba_dict [path/to/dict.txt]
//! ```
//!
//! Without a path it reads the copy in Cargo's registry
//! (`$CARGO_HOME/registry/src/*/jieba-rs-0.11.0/src/data/dict.txt`, there
//! after any build of the project). The output is the same bytes on every
//! run; the example decodes it again and checks every entry before writing.

use std::path::PathBuf;

use dudong::analysis::jieba_dict::{encode, representable, Entries};

fn registry_dict() -> Option<PathBuf> {
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

fn main() {
    let path = std::env::args().nth(1).map(PathBuf::from).or_else(registry_dict).unwrap_or_else(|| {
        eprintln!("no dict.txt given and none in Cargo's registry (build the project once, or pass its path)");
        std::process::exit(2);
    });
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{}: {e}", path.display());
        std::process::exit(2);
    });
    let mut entries: Vec<(String, u32, String)> = Vec::new();
    let mut rounded = 0;
    for (i, line) in text.lines().enumerate() {
        let mut fields = line.split_whitespace();
        let Some(word) = fields.next() else { continue };
        let freq: u32 = fields.next().and_then(|f| f.parse().ok()).unwrap_or_else(|| {
            eprintln!("{}:{}: no frequency", path.display(), i + 1);
            std::process::exit(1);
        });
        let tag = fields.next().unwrap_or("").to_string();
        let kept = representable(freq);
        rounded += (kept != freq) as usize;
        entries.push((word.to_string(), kept, tag));
    }

    let encoded = encode(&entries);

    // Check: the file decodes to exactly these entries.
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let mut reader = Entries::new(&encoded.bytes).expect("header decodes");
    for (i, want) in entries.iter().enumerate() {
        let (w, f, t) = reader.next_entry().expect("entry count").expect("entry decodes");
        assert!(w == want.0 && f == want.1 && t == want.2, "entry {i}: {w} {f} {t}, want {want:?}");
    }
    assert!(reader.next_entry().is_none());

    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/analysis/data/jieba-dict.bin");
    std::fs::write(&out, &encoded.bytes).expect("write the dictionary file");
    println!("{}: {} entries ({rounded} frequencies rounded, see jieba_dict::representable)", path.display(), entries.len());
    println!("{}: {} bytes", out.display(), encoded.bytes.len());
    for (part, bytes) in &encoded.parts {
        println!("  {part:<26} {bytes:>9.0}");
    }
}
