//! A mutation fuzzer for the engine: random mixes of Chinese, Latin, digits,
//! punctuation, emoji, combining marks, controls and lone line ends, spliced
//! from the project's fixtures. No panic, every offset inside the text, words
//! tiling it. `make fuzz` runs it longer (DUDONG_FUZZ_ITERS).

use dudong::analysis::Analyzer;

const PIECES: &[&str] = &[
    "杭州",
    "首创人",
    "乐成",
    "耐烦资源",
    "1.5万亿元",
    "70%",
    "三分之一",
    "第一大省",
    "2025年2月21日",
    "Grok-3",
    "Igor Babuschkin",
    "埃隆·马斯克",
    "“萤火一号”",
    "\r\n",
    "\r",
    "\n\n",
    "\u{0}",
    "\u{7}",
    "\u{202e}",
    "e\u{301}",
    "👨‍👩‍👧",
    "🇨🇳",
    "１２３",
    "％",
    "<b>",
    "&amp;",
    " ",
    "\t",
    "、",
    "。",
    "资源",
    "都会有",
    "题目",
    "一个",
    "\u{feff}",
    "\u{2028}",
    "ﾊﾝｶｸ",
    "𠮷",
    "A",
    "9",
    "-",
    "·",
];

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn the_engine_survives_random_text() {
    let iters: usize = std::env::var("DUDONG_FUZZ_ITERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map(|n: usize| n / 100)
        .unwrap_or(300);
    // The full engine, so that the name model, the term lexicon and the
    // spin context table see the random text too.
    let analyzer = Analyzer::with_builtin_models().expect("the shipped models load");
    let base = include_str!("fixtures/spun.txt");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..iters {
        let mut text: String = base
            .chars()
            .skip((rng.next() % 60) as usize)
            .take((rng.next() % 120) as usize)
            .collect();
        for _ in 0..(rng.next() % 40) {
            let piece = PIECES[(rng.next() as usize) % PIECES.len()];
            let at = (rng.next() as usize) % (text.chars().count() + 1);
            let byte = text
                .char_indices()
                .nth(at)
                .map(|(b, _)| b)
                .unwrap_or(text.len());
            text.insert_str(byte, piece);
        }
        // Now and then a random scalar value anywhere.
        if round % 3 == 0 {
            if let Some(c) = char::from_u32((rng.next() % 0x2_FFFF) as u32) {
                text.push(c);
            }
        }
        let doc = analyzer.analyze(&text);
        let n = text.chars().count();
        let mut pos = 0;
        for w in &doc.words {
            assert_eq!(w.start, pos, "words tile {text:?}");
            pos = w.end;
        }
        assert_eq!(pos, n, "{text:?}");
        for s in &doc.spans {
            assert!(s.start < s.end && s.end <= n, "{s:?} outside {text:?}");
        }
    }
}
