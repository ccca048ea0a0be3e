//! Character helpers: reading the text by index, spaces, numerals, and
//! the scanner's copy of the text (full-width forms, the trillion 兆).

use super::*;

/// Stands in (in the scanner's copy of the text only) for a 兆 that means
/// 10^12 (Taiwan's and Japan's trillion), so the number parser needs no flag.
/// A noncharacter, so it never occurs in real text.
pub(super) const TRILLION: char = '\u{FDD0}';

/// Replaces 兆 with [`TRILLION`] where it follows a number and means a
/// trillion: always before a currency (1.2兆元), and in traditional texts
/// anywhere but before a metric unit (兆瓦 = megawatt, 兆赫 = megahertz).
pub(super) fn mark_trillions(t: &mut [char], traditional: bool) {
    for k in 0..t.len() {
        if t[k] != '兆' || k == 0 {
            continue;
        }
        let mut b = k - 1;
        if is_space(t, b) && b > 0 {
            b -= 1;
        }
        let after_number =
            t[b].is_ascii_digit() || cn_digit(t[b]).is_some() || cn_small(t[b]).is_some();
        if !after_number {
            continue;
        }
        let n = skip_space(t, k + 1);
        let metric = at(t, n).is_some_and(|c| {
            c.is_ascii_alphabetic() || "瓦赫字帕焦欧歐位比伏安宽寬网網光".contains(c)
        });
        let currency = longest_of(t, n, &words().currencies).is_some();
        if currency || (traditional && !metric) {
            t[k] = TRILLION;
        }
    }
}

pub(super) fn at(t: &[char], i: usize) -> Option<char> {
    t.get(i).copied()
}

pub(super) fn is(t: &[char], i: usize, c: char) -> bool {
    at(t, i) == Some(c)
}

pub(super) fn prev(t: &[char], i: usize) -> Option<char> {
    if i == 0 {
        None
    } else {
        at(t, i - 1)
    }
}

/// A blank a traditional text may put between a number and its unit.
pub(super) fn is_space(t: &[char], i: usize) -> bool {
    matches!(at(t, i), Some(' ' | '\u{a0}' | '\u{3000}'))
}

/// `i`, or one past a single blank at `i` when something follows it.
pub(super) fn skip_space(t: &[char], i: usize) -> usize {
    if is_space(t, i) && !is_space(t, i + 1) && at(t, i + 1).is_some() {
        i + 1
    } else {
        i
    }
}

pub(super) fn is_digit_at(t: &[char], i: usize) -> bool {
    at(t, i).is_some_and(|c| c.is_ascii_digit())
}

/// True when `s` occurs in `t` at `i`.
pub(super) fn starts(t: &[char], i: usize, s: &str) -> bool {
    (i..).zip(s.chars()).all(|(k, c)| at(t, k) == Some(c))
}

/// True when the chars just before `i` spell `s`.
pub(super) fn ends_with(t: &[char], i: usize, s: &str) -> bool {
    let n = s.chars().count();
    n <= i && starts(t, i - n, s)
}

/// Length (in chars) of the longest entry of `list` that occurs at `i`.
pub(super) fn longest_of<'a>(t: &[char], i: usize, list: &[&'a str]) -> Option<(usize, &'a str)> {
    let mut best: Option<(usize, &'a str)> = None;
    for &s in list {
        if starts(t, i, s) {
            let n = s.chars().count();
            if best.is_none_or(|(b, _)| n > b) {
                best = Some((n, s));
            }
        }
    }
    best
}

pub(super) fn normalize(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '％' | '﹪' => '%',
        '．' => '.',
        '／' => '/',
        '－' => '-',
        '：' => ':',
        '（' => '(',
        '）' => ')',
        _ => c,
    }
}

pub(super) fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' | '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

pub(super) fn cn_small(c: char) -> Option<f64> {
    Some(match c {
        '十' => 10.0,
        '百' => 100.0,
        '千' => 1000.0,
        _ => return None,
    })
}

pub(super) fn cn_big(c: char) -> Option<f64> {
    Some(match c {
        '万' | '萬' => 1e4,
        '亿' | '億' => 1e8,
        _ => return None,
    })
}

pub(super) fn is_cn_numeral(c: char) -> bool {
    cn_digit(c).is_some() || cn_small(c).is_some() || cn_big(c).is_some()
}

/// A Han character other than 〇, which in a figure is the digit zero.
pub(super) fn is_cjk(c: char) -> bool {
    crate::analysis::text::is_han(c) && c != '〇'
}

/// 千 followed by these is the kilo- of a unit (5千瓦 = 5 kW), not a thousand.
pub(super) fn kilo_guard(t: &[char], i: usize) -> bool {
    matches!(
        at(t, i + 1),
        Some('瓦' | '克' | '米' | '卡' | '焦' | '帕' | '赫' | '伏')
    )
}

/// Whether position `i` begins a line (only blanks since the last newline).
pub(super) fn line_start(t: &[char], i: usize) -> bool {
    let mut k = i;
    while k > 0 && matches!(t[k - 1], ' ' | '\t' | '\u{3000}') {
        k -= 1;
    }
    k == 0 || matches!(t[k - 1], '\n' | '\r')
}
