//! `dudong`: the command-line face of the same engine the browser runs.
//!
//!   dudong segment FILE|-      the words, one per line

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::{Read, Write};

    use dudong::analysis::Segmenter;

    const USAGE: &str = "usage:\n  dudong segment FILE|-    print the words, one per line\n";

    /// The largest text accepted, in bytes; larger inputs get a message.
    pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

    pub fn run(args: Vec<String>) -> i32 {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let result = match args.as_slice() {
            ["segment", path] => read_input(path).map(|text| segment(&text)),
            ["help" | "--help" | "-h"] => {
                print!("{USAGE}");
                Ok(())
            }
            _ => Err(format!("unrecognised arguments\n{USAGE}")),
        };
        match result {
            Ok(()) => 0,
            Err(message) => {
                eprintln!("dudong: {message}");
                2
            }
        }
    }

    fn segment(text: &str) {
        let segmenter = Segmenter::new();
        let chars: Vec<char> = text.chars().collect();
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        for word in segmenter.segment(text) {
            let w: String = chars[word.start..word.end].iter().collect();
            if w.trim().is_empty() {
                continue;
            }
            let _ = writeln!(out, "{w}");
        }
    }

    /// Reads a file or standard input (`-`) as UTF-8, with messages that say
    /// what is wrong instead of a panic.
    fn read_input(path: &str) -> Result<String, String> {
        let mut bytes = Vec::new();
        let limit = MAX_INPUT_BYTES as u64 + 1;
        let read = if path == "-" {
            std::io::stdin().lock().take(limit).read_to_end(&mut bytes)
        } else {
            std::fs::File::open(path)
                .map_err(|e| format!("cannot open {path}: {e}"))?
                .take(limit)
                .read_to_end(&mut bytes)
        };
        read.map_err(|e| format!("cannot read {path}: {e}"))?;
        if bytes.len() > MAX_INPUT_BYTES {
            return Err(format!(
                "{path} is larger than {} MB; split it into smaller parts",
                MAX_INPUT_BYTES / (1024 * 1024)
            ));
        }
        String::from_utf8(bytes).map_err(|e| {
            format!(
                "{path} is not UTF-8 text (invalid byte at offset {}); save it as UTF-8 and try again",
                e.utf8_error().valid_up_to()
            )
        })
    }
}
