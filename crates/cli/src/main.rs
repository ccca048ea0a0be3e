//! `dudong`: the command-line face of the same engine the browser runs.
//!
//!   dudong segment FILE|-            the words, one per line
//!   dudong annotate [--json] FILE|-  the highlighted spans (JSON: the fixtures' format)
//!   dudong share [--base URL] FILE|- a link that opens the text in dudong
//!   dudong open LINK|-               the text a link holds
//!   dudong pinyin [--dict TSV] FILE|- each word and its pinyin in context
//!   dudong eval [--curated|--model] FILE  name-recognition P/R/F1 on a gold character file
//!   dudong eval-spins [--curated|--spin-table FILE] FILE  spun-word P/R on texts with known swaps

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::{Read, Write};

    use dudong_engine::analysis::ner::score::{parse_gold, Score};
    use dudong_engine::analysis::ner::NerModel;
    use dudong_engine::analysis::{Analyzer, Document, Kind, Segmenter};

    const USAGE: &str = "usage:
  dudong segment FILE|-             print the words, one per line
  dudong annotate [--json] FILE|-   print the people, organisations, places, products,
                                    figures, glossary terms and spun words found
  dudong share [--base URL] FILE|-  print a link that opens the text in dudong
                                    (base defaults to the `make run` address)
  dudong open LINK|-                print the article text a link holds
  dudong pinyin [--dict DICT] FILE|- print each word and its pinyin, read in context
                                    (DICT, a TSV or its coded .bin, defaults to
                                    target/dict/cedict.tsv, built by
                                    scripts/build-dictionary.py)
  dudong eval [--curated|--model] [--names-model MODEL] FILE
                                    score the names found in a gold character file
                                    (one `char TAG` a line, BIO/BIOES, blank line
                                    between sentences): precision, recall and F1 by
                                    mention, per kind; --curated scores the curated
                                    lists and rules alone, --model the model alone;
                                    --names-model scores MODEL instead of the shipped one
  dudong eval-spins [--curated|--spin-table TABLE] FILE
                                    score the spun words found in texts whose swaps
                                    are known (JSON lines: {\"text\": ..., \"spins\":
                                    [[start, end, original], ...]}, char offsets; a
                                    normal text has none): texts judged spun, and
                                    precision, recall and originals right by word;
                                    --curated uses the curated table alone,
                                    --spin-table TABLE instead of the shipped context table
";

    /// Where `make run` serves the app, the default base of links.
    const DEFAULT_BASE: &str = "http://127.0.0.1:8080/";

    /// The largest text accepted, in bytes; larger inputs get a message.
    pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

    pub fn run(args: Vec<String>) -> i32 {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let result = match args.as_slice() {
            ["segment", path] => read_input(path).map(|text| segment(&text)),
            ["annotate", "--json", path] | ["annotate", path, "--json"] => read_text(path)
                .and_then(|text| {
                    print_json(&engine()?.analyze(&text));
                    Ok(())
                }),
            ["annotate", path] => read_text(path).and_then(|text| {
                print_listing(&engine()?.analyze(&text));
                Ok(())
            }),
            ["eval", path] => eval(path, Layers::All, None),
            ["eval", "--curated", path] => eval(path, Layers::Curated, None),
            ["eval", "--model", path] => eval(path, Layers::Model, None),
            ["eval", "--names-model", model, path] => eval(path, Layers::All, Some(model)),
            ["eval", "--model", "--names-model", model, path] => {
                eval(path, Layers::Model, Some(model))
            }
            ["eval-spins", path] => eval_spins::run(path, eval_spins::Table::Shipped),
            ["eval-spins", "--curated", path] => eval_spins::run(path, eval_spins::Table::None),
            ["eval-spins", "--spin-table", table, path] => {
                eval_spins::run(path, eval_spins::Table::File(table))
            }
            ["share", path] => read_text(path).map(|text| share(DEFAULT_BASE, text)),
            ["share", "--base", base, path] | ["share", path, "--base", base] => {
                read_text(path).map(|text| share(base, text))
            }
            ["open", link] => open(link),
            ["pinyin", path] => pinyin::run(pinyin::DEFAULT_DICT, path),
            ["pinyin", "--dict", dict, path] | ["pinyin", path, "--dict", dict] => {
                pinyin::run(dict, path)
            }
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

    /// The full engine: curated knowledge and the shipped models.
    fn engine() -> Result<Analyzer, String> {
        Analyzer::with_builtin_models().map_err(|e| format!("the shipped {e}"))
    }

    #[derive(Clone, Copy, PartialEq)]
    enum Layers {
        All,
        Curated,
        Model,
    }

    /// `model`: a name model file to score instead of the shipped one (a
    /// model being trained, before it is packed into the engine).
    fn eval(path: &str, layers: Layers, model: Option<&str>) -> Result<(), String> {
        let gold = parse_gold(&read_input(path)?).map_err(|e| format!("{path}: {e}"))?;
        let mut analyzer = match layers {
            Layers::Curated => Analyzer::new(),
            _ => engine()?,
        };
        if let Some(model) = model {
            let bytes = std::fs::read(model).map_err(|e| format!("cannot read {model}: {e}"))?;
            let model = NerModel::from_bytes(&bytes).map_err(|e| format!("{model}: {e}"))?;
            analyzer.set_ner_model(Some(model));
        }
        let mut score = Score::default();
        for sentence in &gold {
            let found: Vec<(usize, usize, Kind)> = if layers == Layers::Model {
                analyzer.model_names(&sentence.text)
            } else {
                let doc = analyzer.analyze(&sentence.text);
                doc.spans.iter().map(|s| (s.start, s.end, s.kind)).collect()
            };
            score.add(&sentence.names, &found);
        }
        println!("{} sentences", gold.len());
        print!("{score}");
        Ok(())
    }

    mod eval_spins {
        use dudong_engine::analysis::spin_context::SpinContext;
        use dudong_engine::analysis::Kind;

        pub enum Table<'a> {
            Shipped,
            None,
            File(&'a str),
        }

        pub fn run(path: &str, table: Table<'_>) -> Result<(), String> {
            let mut analyzer = super::engine()?;
            match table {
                Table::Shipped => {}
                Table::None => analyzer.set_spin_context(None),
                Table::File(file) => {
                    let bytes =
                        std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
                    let table =
                        SpinContext::from_bytes(&bytes).map_err(|e| format!("{file}: {e}"))?;
                    analyzer.set_spin_context(Some(table));
                }
            }
            let input = super::read_input(path)?;
            let (mut texts, mut spun, mut chars) = (0, 0, 0);
            let (mut gold, mut found, mut right, mut originals) = (0, 0, 0, 0);
            for (n, line) in input
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
            {
                let value: serde_json::Value =
                    serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
                let text = value["text"]
                    .as_str()
                    .ok_or_else(|| format!("{path}:{}: no \"text\"", n + 1))?;
                let swaps: Vec<(usize, usize, String)> = value["spins"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|s| {
                                Some((
                                    s[0].as_u64()? as usize,
                                    s[1].as_u64()? as usize,
                                    s[2].as_str()?.to_string(),
                                ))
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let doc = analyzer.analyze(text);
                let spins: Vec<_> = doc.spans.iter().filter(|s| s.kind == Kind::Spin).collect();
                texts += 1;
                chars += doc.chars.len();
                spun += usize::from(doc.summary.spun);
                gold += swaps.len();
                found += spins.len();
                for s in &spins {
                    if let Some((_, _, original)) =
                        swaps.iter().find(|(a, b, _)| (*a, *b) == (s.start, s.end))
                    {
                        right += 1;
                        originals += usize::from(s.original.as_deref() == Some(original));
                    }
                }
            }
            let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
            println!("{texts} texts, {chars} chars: {spun} judged spun");
            println!(
                "spun words: precision {:.3}, recall {:.3} ({right} right of {found} found, {gold} swapped); originals right {:.3}",
                ratio(right, found),
                ratio(right, gold),
                ratio(originals, right)
            );
            println!(
                "spun words per 1,000 chars: {:.2}",
                ratio(found * 1000, chars)
            );
            Ok(())
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

    /// The annotation format of `../shared/fixtures/README.md`: offsets in
    /// chars, `text` exactly the input between them; extra fields allowed.
    fn print_json(doc: &Document) {
        let spans: Vec<serde_json::Value> = doc
            .spans
            .iter()
            .map(|s| {
                let mut v = serde_json::json!({
                    "start": s.start, "end": s.end, "text": doc.slice(s.start, s.end), "kind": s.kind.as_str(),
                });
                for (key, value) in [
                    ("term", &s.term),
                    ("original", &s.original),
                    ("note", &s.note),
                    ("evidence", &s.evidence),
                ] {
                    if let Some(value) = value {
                        v[key] = serde_json::Value::String(value.clone());
                    }
                }
                v
            })
            .collect();
        // `body` is null when the whole text is the article; `script` says
        // whether a traditional text was read as simplified.
        let body = doc
            .body
            .map(|(start, end)| serde_json::json!({ "start": start, "end": end }));
        let out = serde_json::json!({
            "chars": doc.chars.len(), "script": doc.script, "body": body, "summary": doc.summary, "spans": spans,
        });
        println!("{out}");
    }

    fn print_listing(doc: &Document) {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        let _ = writeln!(out, "{}", doc.summary_line());
        for s in &doc.spans {
            let extra = match (&s.term, &s.original) {
                (_, Some(original)) => format!("  → likely {original}"),
                (Some(term), None) => format!("  = {term}"),
                _ => String::new(),
            };
            let note = s
                .note
                .as_deref()
                .map(|n| format!("  ({n})"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{:>6}-{:<6} {:<8} {}{extra}{note}",
                s.start,
                s.end,
                s.kind.as_str(),
                doc.slice(s.start, s.end)
            );
        }
    }

    fn share(base: &str, text: String) {
        let state = dudong_engine::share::SharedState {
            text,
            ..Default::default()
        };
        println!("{}", dudong_engine::share::make_link(base, &state));
    }

    fn open(link: &str) -> Result<(), String> {
        let link = if link == "-" {
            read_input("-")?
        } else {
            link.to_string()
        };
        let state = dudong_engine::share::decode(dudong_engine::share::payload_of(link.trim()))
            .map_err(|e| e.to_string())?;
        print!("{}", state.text);
        Ok(())
    }

    /// Like `read_input`, but an input with nothing to read is an error.
    fn read_text(path: &str) -> Result<String, String> {
        let text = read_input(path)?;
        if text.trim().is_empty() {
            return Err(format!("{path} holds no text to annotate"));
        }
        Ok(text)
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

    /// `dudong pinyin`: the engine's words, each with its reading in context.
    mod pinyin {
        use std::io::Write;

        use dudong_engine::analysis::Kind;
        use dudong_engine::dictionary::{self, Dictionary};

        pub const DEFAULT_DICT: &str = "target/dict/cedict.tsv";

        pub fn run(dict_path: &str, path: &str) -> Result<(), String> {
            let text = super::read_text(path)?;
            let bytes = std::fs::read(dict_path).map_err(|e| {
                format!(
                    "cannot read the dictionary {dict_path}: {e}\n\
                     build it with `python3 scripts/build-dictionary.py` or pass --dict PATH"
                )
            })?;
            // The TSV or its coded form (target/dict/cedict.bin), as the browser gets it.
            let dict = if dictionary::is_coded(&bytes) {
                dictionary::decode_coded(bytes).map_err(|e| format!("{dict_path}: {e}"))?
            } else {
                let tsv = String::from_utf8(bytes).map_err(|_| {
                    format!("{dict_path} is neither UTF-8 text nor a coded dictionary")
                })?;
                Dictionary::from_string(tsv)
            };
            if dict.is_empty() {
                return Err(format!("{dict_path} holds no dictionary entries"));
            }
            // The full engine (names from the model too), as `annotate` uses.
            let doc = super::engine()?.analyze(&text);
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            for word in &doc.words {
                let w: String = doc.chars[word.start..word.end].iter().collect();
                if w.trim().is_empty() {
                    continue;
                }
                let person = doc
                    .spans
                    .iter()
                    .any(|s| s.kind == Kind::Person && s.start == word.start && word.end <= s.end);
                let reading =
                    dudong_engine::pinyin::display(&dict, &doc.chars, word.start, word.end, person);
                let _ = writeln!(out, "{w}\t{reading}");
            }
            Ok(())
        }
    }
}
