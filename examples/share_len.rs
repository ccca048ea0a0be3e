//! Prints the length of the share-link payload (`dudong::share::encode`) for
//! each file, one `length<TAB>path` line each; `scripts/bench-share.mjs` runs it.
//! With `--time`, also the median encode and decode times of 21 runs (native,
//! after the one-off model load, which is timed separately).
//!
//!     cargo run --release --example share_len -- [--time] FILE...

use dudong::share::{decode, encode, SharedState};
use std::time::Instant;

fn main() {
    let mut time = false;
    let mut files = Vec::new();
    for a in std::env::args().skip(1) {
        if a == "--time" {
            time = true;
        } else {
            files.push(a);
        }
    }
    if files.is_empty() {
        eprintln!("usage: share_len [--time] FILE...");
        std::process::exit(2);
    }
    let t0 = Instant::now();
    let _ = encode(&SharedState::default());
    let load = t0.elapsed();
    if time {
        eprintln!("model load: {:.1} ms", load.as_secs_f64() * 1e3);
    }
    for f in files {
        let text = match std::fs::read_to_string(&f) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{f}: {e}");
                std::process::exit(1);
            }
        };
        let state = SharedState {
            text,
            ..Default::default()
        };
        let payload = encode(&state);
        assert_eq!(
            decode(&payload).as_ref(),
            Ok(&state),
            "{f}: did not round-trip"
        );
        if time {
            let mut enc = Vec::new();
            let mut dec = Vec::new();
            for _ in 0..21 {
                let t = Instant::now();
                let p = encode(&state);
                enc.push(t.elapsed().as_secs_f64() * 1e3);
                let t = Instant::now();
                let _ = decode(&p);
                dec.push(t.elapsed().as_secs_f64() * 1e3);
            }
            enc.sort_by(f64::total_cmp);
            dec.sort_by(f64::total_cmp);
            println!(
                "{}\t{}\tencode_ms={:.2}\tdecode_ms={:.2}",
                payload.len(),
                f,
                enc[10],
                dec[10]
            );
        } else {
            println!("{}\t{}", payload.len(), f);
        }
    }
}
