//! Segmentation tiles the text exactly, in Unicode scalar offsets.

use dudong::analysis::{Segmenter, Word};

fn words(segmenter: &Segmenter, text: &str) -> (Vec<Word>, Vec<String>) {
    let chars: Vec<char> = text.chars().collect();
    let words = segmenter.segment(text);
    let strings = words
        .iter()
        .map(|w| chars[w.start..w.end].iter().collect())
        .collect();
    (words, strings)
}

/// Every char belongs to exactly one word, in order, and the words rebuild the text.
fn assert_tiles(text: &str, words: &[Word]) {
    let mut pos = 0;
    for w in words {
        assert_eq!(w.start, pos, "gap or overlap before {w:?} in {text:?}");
        assert!(w.end > w.start, "empty word {w:?}");
        pos = w.end;
    }
    assert_eq!(
        pos,
        text.chars().count(),
        "words stop short of the end of {text:?}"
    );
}

#[test]
fn chinese_words_have_char_offsets() {
    let s = Segmenter::new();
    let text = "杭州的科技企业正在崛起";
    let (ws, strings) = words(&s, text);
    assert_tiles(text, &ws);
    assert!(strings.contains(&"杭州".to_string()), "{strings:?}");
    assert!(strings.contains(&"科技".to_string()) || strings.contains(&"科技企业".to_string()));
    // 杭州 is the first word: chars 0..2, not bytes 0..6.
    assert_eq!((ws[0].start, ws[0].end), (0, 2));
}

#[test]
fn latin_words_digits_and_punctuation_stay_whole() {
    let s = Segmenter::new();
    let text = "马斯克发布了Grok-3，增长70%。DeepSeek！";
    let (ws, strings) = words(&s, text);
    assert_tiles(text, &ws);
    assert!(strings.contains(&"Grok-3".to_string()), "{strings:?}");
    assert!(strings.contains(&"DeepSeek".to_string()), "{strings:?}");
    assert!(strings.contains(&"，".to_string()));
    let i = strings.iter().position(|w| w == "DeepSeek").unwrap();
    assert_eq!(ws[i].start, text.chars().position(|c| c == 'D').unwrap());
}

#[test]
fn empty_and_whitespace_only_input() {
    let s = Segmenter::new();
    assert!(s.segment("").is_empty());
    let (ws, _) = words(&s, "  \n\t ");
    assert_tiles("  \n\t ", &ws);
}

#[test]
fn crlf_and_lone_cr_are_kept_in_the_tiling() {
    let s = Segmenter::new();
    for text in ["第一段\r\n\r\n第二段", "一行\r二行", "中\n文\n"] {
        let (ws, strings) = words(&s, text);
        assert_tiles(text, &ws);
        assert_eq!(strings.concat(), text);
    }
}

#[test]
fn multibyte_beyond_the_basic_plane() {
    let s = Segmenter::new();
    let text = "𠮷野家😀的牛肉饭👍🏽很好吃";
    let (ws, strings) = words(&s, text);
    assert_tiles(text, &ws);
    assert_eq!(strings.concat(), text);
}
