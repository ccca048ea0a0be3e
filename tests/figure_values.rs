//! The figure values, written out by hand: `tests/fixtures/figure_values.tsv`
//! lists expressions in short sentences, the figure a reader should see
//! highlighted in each, and what its card should say. The expected values
//! were written from what the expressions mean, not from the program's
//! output, so a few may stay unmet; the test prints every mismatch and asks
//! that at least 98% match exactly.
//!
//! Columns, tab-separated: sentence, figure text, expected `describe()`, and
//! an optional script flag (`traditional` reads the sentence as a
//! traditional, Taiwanese text). An expected value of `(none)` says the
//! text must not be taken for a figure. Lines starting with `#` are comments.
//!
//! `FIGURE_PROBE='句子' cargo test --test figure_values probe -- --ignored
//! --nocapture` prints what the finder makes of any sentence.

use dudong::analysis::figures::find_figures_in;
use dudong::analysis::Script;

const TABLE: &str = include_str!("fixtures/figure_values.tsv");

struct Row<'a> {
    line: usize,
    sentence: &'a str,
    figure: &'a str,
    expected: &'a str,
    script: Script,
}

fn rows() -> Vec<Row<'static>> {
    TABLE
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(k, l)| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert!(
                cols.len() == 3 || cols.len() == 4,
                "line {}: expected 3 or 4 tab-separated columns, got {:?}",
                k + 1,
                cols
            );
            let script = match cols.get(3).map(|s| s.trim()) {
                None | Some("") => Script::Simplified,
                Some("traditional") => Script::Traditional,
                Some(other) => panic!("line {}: unknown script flag {:?}", k + 1, other),
            };
            Row {
                line: k + 1,
                sentence: cols[0],
                figure: cols[1],
                expected: cols[2],
                script,
            }
        })
        .collect()
}

/// Every figure in `sentence` as (text, description).
fn found(sentence: &str, script: Script) -> Vec<(String, String)> {
    let chars: Vec<char> = sentence.chars().collect();
    find_figures_in(&chars, script)
        .into_iter()
        .map(|f| (chars[f.start..f.end].iter().collect(), f.value.describe()))
        .collect()
}

#[test]
fn figure_values_match_the_table() {
    let rows = rows();
    assert!(rows.len() >= 300, "the table has {} rows", rows.len());
    let mut failures = Vec::new();
    for r in &rows {
        let got = found(r.sentence, r.script);
        let hit = got.iter().find(|(text, _)| text == r.figure);
        match hit {
            // "(none)": the text must not be read as a figure.
            None if r.expected == "(none)" => {}
            Some((_, d)) if d == r.expected => {}
            Some((_, d)) => failures.push(format!(
                "line {}: {} [{}]\n    expected: {}\n    got:      {}",
                r.line, r.sentence, r.figure, r.expected, d
            )),
            None => failures.push(format!(
                "line {}: {} [{}] not found; found {:?}",
                r.line, r.sentence, r.figure, got
            )),
        }
    }
    let passed = rows.len() - failures.len();
    let rate = passed as f64 / rows.len() as f64;
    println!(
        "{} of {} figure values match ({:.1}%)",
        passed,
        rows.len(),
        rate * 100.0
    );
    for f in &failures {
        println!("{}", f);
    }
    assert!(
        rate >= 0.98,
        "only {} of {} rows match ({:.1}%):\n{}",
        passed,
        rows.len(),
        rate * 100.0,
        failures.join("\n")
    );
}

#[test]
#[ignore = "a tool: prints the figures of the sentences in FIGURE_PROBE"]
fn probe() {
    let text = std::env::var("FIGURE_PROBE").unwrap_or_default();
    for line in text.lines() {
        let (sentence, script) = match line.strip_suffix("\ttraditional") {
            Some(s) => (s, Script::Traditional),
            None => (line, Script::Simplified),
        };
        println!("{}", sentence);
        for (text, d) in found(sentence, script) {
            println!("    [{}] {}", text, d);
        }
    }
}

/// The analyzer reads a traditional text through a simplified copy and tells
/// the finder the script, so the Taiwanese readings reach the cards.
#[test]
fn the_analyzer_passes_the_script_on() {
    use dudong::analysis::{Analyzer, Kind};
    let analyzer = Analyzer::new();
    let notes = |text: &str| -> Vec<(String, String)> {
        let doc = analyzer.analyze(text);
        doc.spans
            .iter()
            .filter(|s| s.kind == Kind::Figure)
            .map(|s| {
                let note = s.note.clone().unwrap_or_default();
                (doc.slice(s.start, s.end).to_string(), note)
            })
            .collect()
    };
    let traditional = notes("臺灣政府公布114年總預算，總額達2.9兆元；台積電營收 624.8 億美元，約 7 成 4 的民眾表示支持。");
    let has = |found: &[(String, String)], text: &str, note: &str| {
        assert!(
            found.iter().any(|(t, n)| t == text && n == note),
            "no figure {text:?} noted {note:?} in {found:?}"
        );
    };
    has(
        &traditional,
        "114年",
        "the year 2025 (ROC year 114, Taiwan's calendar)",
    );
    has(
        &traditional,
        "2.9兆元",
        "2.9 trillion 元 (yuan) = 2,900,000,000,000 yuan",
    );
    has(
        &traditional,
        "624.8 億美元",
        "62.48 billion 美元 (US dollars) = 62,480,000,000 US dollars",
    );
    has(&traditional, "7 成 4", "about 74 percent");
    // The same count in a simplified text is a span of years.
    let simplified = notes("这家百年老店已有114年历史，千兆光网覆盖全市。");
    has(&simplified, "114年", "114 年 (years)");
    assert!(
        simplified.iter().all(|(t, _)| t != "千兆"),
        "{simplified:?}"
    );
}
