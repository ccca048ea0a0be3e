//! The compressed jieba dictionary: the embedded file holds jieba-rs's
//! entries, the generator reproduces it, any dictionary survives the round
//! trip, and damaged files fail without panicking.

#[path = "support/jieba_measure.rs"]
mod jieba_measure;

use dudong::analysis::jieba_dict::{
    encode, parse_dict_txt, representable, DictEntry, Entries, JIEBA_DICT,
};
use jieba_measure::registry_dict_txt;

fn decode_all(file: &[u8]) -> Result<Vec<DictEntry>, String> {
    let mut entries = Entries::new(file).map_err(|_| "header".to_string())?;
    let mut out = Vec::new();
    while let Some(entry) = entries.next_entry() {
        let (w, f, t) = entry.map_err(|_| format!("entry {}", out.len()))?;
        out.push((w.to_string(), f, t.to_string()));
    }
    Ok(out)
}

#[test]
fn the_embedded_file_holds_jiebas_entries() {
    let entries = decode_all(JIEBA_DICT).unwrap();
    assert_eq!(entries.len(), 349_045);
    assert!(
        entries.windows(2).all(|w| w[0].0 < w[1].0),
        "words strictly increasing"
    );
    // Lines of jieba-rs 0.11.0's dict.txt; frequencies of 16 and more are
    // kept to four significant bits.
    for (word, freq, tag) in [
        ("的", 318_825, "uj"),
        ("中国", 129_470, "ns"),
        ("中华人民共和国", 9989, "ns"),
        ("一丁", 18, "d"),
        ("人工智能", 151, "n"),
        ("龠", 5, "g"),
        ("齉", 2, "zg"),
        ("AT&T", 3, "nz"),
        ("C++", 3, "nz"),
        ("1号店", 3, "n"),
    ] {
        let i = entries
            .binary_search_by(|e| e.0.as_str().cmp(word))
            .unwrap_or_else(|_| panic!("{word} missing"));
        assert_eq!(
            (entries[i].1, entries[i].2.as_str()),
            (representable(freq), tag),
            "{word}"
        );
    }
    assert_eq!(representable(129_470), 131_072);
    assert_eq!(representable(18), 18);
}

#[test]
fn the_generator_reproduces_the_embedded_file() {
    // dict.txt comes with jieba-rs, which the tests build; without it
    // there is nothing to compare with.
    let Some(path) = registry_dict_txt() else {
        eprintln!("jieba-rs 0.11.0's dict.txt is not in Cargo's registry; skipped");
        return;
    };
    let (entries, rounded) = parse_dict_txt(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(entries.len(), 349_045);
    assert!(rounded > 0);
    let encoded = encode(&entries);
    assert!(
        encoded.bytes == JIEBA_DICT,
        "regenerate: cargo run --release --example gen_jieba_dict"
    );
    let parts: f64 = encoded.parts.iter().map(|p| p.1).sum();
    assert!(
        (parts - JIEBA_DICT.len() as f64).abs() < 200.0,
        "the breakdown accounts for the file: {parts}"
    );
}

fn lcg(seed: &mut u64) -> u64 {
    *seed = seed
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    *seed >> 33
}

/// A random dictionary: words over a small alphabet with some Latin, digits
/// and characters outside the BMP, prefixes of one another, all lengths.
fn random_dictionary(seed: u64, n: usize) -> Vec<DictEntry> {
    let alphabet: Vec<char> = "的一是中国人民大学杭州科技王李张A股C+&1号𠀀𪚥"
        .chars()
        .chain(('\u{4e00}'..='\u{4e40}').step_by(3))
        .collect();
    let tags = ["n", "nr", "v", "ns", "", "zg", "x", "nrfg"];
    let mut seed = seed;
    let mut words = std::collections::BTreeMap::new();
    while words.len() < n {
        let len = 1
            + (lcg(&mut seed) % 16) as usize * lcg(&mut seed).is_multiple_of(4) as usize
            + (lcg(&mut seed) % 3) as usize;
        let len = len.min(16);
        let word: String = (0..len)
            .map(|_| alphabet[(lcg(&mut seed) as usize) % alphabet.len()])
            .collect();
        let freq = match lcg(&mut seed) % 4 {
            0 => 2 + (lcg(&mut seed) % 3) as u32,
            1 => (lcg(&mut seed) % 16) as u32,
            _ => representable((lcg(&mut seed) % (1 << (lcg(&mut seed) % 31))) as u32),
        };
        let tag = tags[(lcg(&mut seed) as usize) % tags.len()].to_string();
        words.insert(word, (freq, tag));
    }
    words.into_iter().map(|(w, (f, t))| (w, f, t)).collect()
}

#[test]
fn any_dictionary_survives_the_round_trip() {
    assert_eq!(decode_all(&encode(&[]).bytes).unwrap(), vec![]);
    for (seed, n) in [(1, 1), (2, 2), (3, 17), (4, 300), (5, 3000), (6, 20_000)] {
        let mut dict = random_dictionary(seed, n);
        // The encoder sorts; hand it the entries shuffled.
        dict.reverse();
        let bytes = encode(&dict).bytes;
        dict.sort();
        assert_eq!(decode_all(&bytes).unwrap(), dict, "seed {seed}");
    }
}

#[test]
fn damaged_files_fail_without_panicking() {
    let dict = random_dictionary(7, 2000);
    let good = encode(&dict).bytes;
    let mut seed = 99;
    let mut errors = 0;
    let mut wrong = 0;
    for trial in 0..600 {
        let mut bad = good.clone();
        match trial % 3 {
            0 => bad.truncate((lcg(&mut seed) as usize) % good.len()),
            1 => {
                let i = (lcg(&mut seed) as usize) % bad.len();
                bad[i] ^= 1 << (lcg(&mut seed) % 8);
            }
            _ => {
                for _ in 0..8 {
                    let i = (lcg(&mut seed) as usize) % bad.len();
                    bad[i] = lcg(&mut seed) as u8;
                }
            }
        }
        // Either an error, or (a change the model cannot tell from data)
        // some entries; never a panic or an endless loop.
        match decode_all(&bad) {
            Err(_) => errors += 1,
            Ok(entries) => wrong += (entries != dict) as usize,
        }
    }
    assert!(errors > 300, "{errors} errors, {wrong} wrong");
}
