//! Things made of digits that are not figures: list markers, clock
//! times, model names, generation labels.

use super::*;

/// Arabic digits may not start right after a letter or digit (A100, Mate60),
/// inside a decimal, or after the hyphen of a name (COVID-19, Grok-3).
pub(super) fn can_start_arabic(t: &[char], i: usize) -> bool {
    let p = match prev(t, i) {
        Some(p) => p,
        None => return true,
    };
    if p.is_ascii_alphanumeric() {
        return false;
    }
    let pp = if i >= 2 { at(t, i - 2) } else { None };
    match p {
        // A comma the previous number did not take as a thousands separator
        // separates items (2024,2025), so only a decimal point blocks here.
        '.' => !pp.is_some_and(|c| c.is_ascii_digit()),
        '-' | '_' => !pp.is_some_and(|c| c.is_ascii_alphabetic()),
        _ => true,
    }
}

pub(super) fn alnum_run_end(t: &[char], i: usize) -> usize {
    let mut j = i;
    while let Some(c) = at(t, j) {
        let joiner =
            matches!(c, '.' | '-' | '_') && at(t, j + 1).is_some_and(|n| n.is_ascii_alphanumeric());
        if c.is_ascii_alphanumeric() || joiner {
            j += 1;
        } else {
            break;
        }
    }
    j.max(i + 1)
}

/// 1、 2. (3) （一） 一、 at the start of a line, and parenthesised small
/// numbers anywhere: these enumerate, they do not count.
pub(super) fn list_marker(t: &[char], i: usize) -> Option<usize> {
    let c = at(t, i)?;
    if !(c == '(' || c.is_ascii_digit() || is_cn_numeral(c)) {
        return None;
    }
    if c == '(' {
        let mut j = i + 1;
        while j - i <= 3 && at(t, j).is_some_and(|c| c.is_ascii_digit() || is_cn_numeral(c)) {
            j += 1;
        }
        return (j > i + 1 && j - i <= 3 && is(t, j, ')')).then_some(j + 1);
    }
    if !line_start(t, i) {
        return None;
    }
    if c.is_ascii_digit() {
        let mut j = i;
        while is_digit_at(t, j) {
            j += 1;
        }
        if j - i > 3 {
            return None;
        }
        return match at(t, j) {
            Some('、' | ')') => Some(j + 1),
            Some('.') if !is_digit_at(t, j + 1) => Some(j + 1),
            _ => None,
        };
    }
    if is_cn_numeral(c) {
        let mut j = i;
        while j - i < 3 && at(t, j).is_some_and(is_cn_numeral) {
            j += 1;
        }
        return is(t, j, '、').then_some(j + 1);
    }
    None
}

/// 10:30, 8时, 8时30分, 8点30分, 8点半: clock times are not figures here;
/// nor are scores and ratios like 3:1, whose halves mean nothing alone.
pub(super) fn clock_time(t: &[char], i: usize) -> Option<usize> {
    let mut j = i;
    while is_digit_at(t, j) && j - i < 3 {
        j += 1;
    }
    if j - i == 0 || j - i > 2 {
        return None;
    }
    let two = |k: usize| is_digit_at(t, k) && is_digit_at(t, k + 1) && !is_digit_at(t, k + 2);
    if is(t, j, ':') && two(j + 1) {
        let mut e = j + 3;
        if is(t, e, ':') && two(e + 1) {
            e += 3;
        }
        return Some(e);
    }
    if is(t, j, ':') && is_digit_at(t, j + 1) {
        let mut e = j + 1;
        while is_digit_at(t, e) {
            e += 1;
        }
        return Some(e);
    }
    let minutes = |k: usize| -> Option<usize> {
        let mut m = k;
        while is_digit_at(t, m) && m - k < 3 {
            m += 1;
        }
        (m > k && m - k <= 2 && is(t, m, '分')).then_some(m + 1)
    };
    if is(t, j, '时') {
        return Some(minutes(j + 1).unwrap_or(j + 1));
    }
    if is(t, j, '点') {
        if is(t, j + 1, '半') {
            return Some(j + 2);
        }
        return minutes(j + 1);
    }
    None
}

/// 80后, 95后, 00后: generation labels, not quantities.
pub(super) fn generation_label(t: &[char], i: usize) -> Option<usize> {
    if is_digit_at(t, i) && is_digit_at(t, i + 1) && !is_digit_at(t, i + 2) && is(t, i + 2, '后') {
        let v = at(t, i + 1).and_then(|c| c.to_digit(10)).unwrap_or(1);
        if v.is_multiple_of(5) && !is(t, i + 3, '年') {
            return Some(i + 3);
        }
    }
    None
}

/// A Latin unit glued to digits (100GW, 3nm); the run must be exactly a known
/// unit so that 5G or 4K stay product names.
pub(super) fn latin_unit_at(t: &[char], p: usize) -> Option<(usize, String)> {
    let mut j = p;
    while at(t, j).is_some_and(|c| c.is_ascii_alphabetic()) {
        j += 1;
    }
    if j == p {
        return None;
    }
    let mut end = j;
    if is(t, j, '/') && at(t, j + 1).is_some_and(|c| c.is_ascii_alphabetic()) {
        let mut k = j + 1;
        while at(t, k).is_some_and(|c| c.is_ascii_alphabetic()) {
            k += 1;
        }
        let with_per: String = t[p..k].iter().collect();
        if words().latin_units.contains(&with_per.as_str()) {
            end = k;
        }
    }
    if at(t, end).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let unit: String = t[p..end].iter().collect();
    words()
        .latin_units
        .contains(&unit.as_str())
        .then_some((end, unit))
}

/// "iPhone 16", "Llama 3": a bare number after a Latin word is a model number.
pub(super) fn latin_word_before(t: &[char], i: usize) -> bool {
    let mut k = i;
    let mut spaces = 0;
    while k > 0 && t[k - 1] == ' ' {
        k -= 1;
        spaces += 1;
    }
    spaces > 0 && k > 0 && t[k - 1].is_ascii_alphabetic()
}
