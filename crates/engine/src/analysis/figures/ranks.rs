//! Ranks: 第三, 第2名, 第一大省.

use super::*;

/// 第三, 第2名, 第一大省, 第二大经济体, 第三季度.
pub(super) fn rank(t: &[char], i: usize) -> Match {
    if !is(t, i, '第') {
        return None;
    }
    let n = parse_number(t, i + 1, false)?;
    if !matches!(n.kind, Kind::Arabic | Kind::Chinese) || n.approx {
        return None;
    }
    if n.value.fract() != 0.0 || !(0.0..=1e15).contains(&n.value) {
        return None;
    }
    let mut p = n.end;
    if is(t, p, '大') {
        p += 1;
        if let Some((len, _)) = longest_of(t, p, &words().rank_da_nouns) {
            p += len;
        }
    } else if let Some((len, _)) = longest_of(t, p, &words().rank_suffixes) {
        p += len;
    }
    Some((p, FigureValue::Rank(n.value as u64)))
}
