//! Fractions and halves: 三分之一, 2/3, 一半, 过半; 百分之三十 is a
//! percentage.

use super::*;

/// 三分之一, 百分之三十 (a percentage), 2/3.
pub(super) fn fraction(t: &[char], i: usize) -> Match {
    if is_digit_at(t, i) {
        if let Some(m) = slash_fraction(t, i) {
            return Some(m);
        }
    }
    let den = parse_number(t, i, false)?;
    if !matches!(den.kind, Kind::Arabic | Kind::Chinese) || !starts(t, den.end, "分之") {
        return None;
    }
    let num = parse_number(t, den.end + 2, true)?;
    if !matches!(num.kind, Kind::Arabic | Kind::Chinese) || den.value <= 0.0 {
        return None;
    }
    let value = if den.value == 100.0 {
        FigureValue::Percent(num.value)
    } else {
        FigureValue::Fraction {
            numerator: num.value,
            denominator: den.value,
        }
    };
    Some((num.end, value))
}

pub(super) fn slash_fraction(t: &[char], i: usize) -> Match {
    if prev(t, i) == Some('/') {
        return None;
    }
    let mut j = i;
    while is_digit_at(t, j) {
        j += 1;
    }
    if j - i > 3 || !is(t, j, '/') {
        return None;
    }
    let mut k = j + 1;
    while is_digit_at(t, k) {
        k += 1;
    }
    if k == j + 1 || k - j - 1 > 3 {
        return None;
    }
    let after_bad = matches!(at(t, k), Some('/' | '%'))
        || at(t, k).is_some_and(|c| c.is_ascii_alphabetic())
        || (is(t, k, '.') && is_digit_at(t, k + 1));
    if after_bad {
        return None;
    }
    let a: f64 = t[i..j].iter().collect::<String>().parse().ok()?;
    let b: f64 = t[j + 1..k].iter().collect::<String>().parse().ok()?;
    (b > 0.0).then_some((
        k,
        FigureValue::Fraction {
            numerator: a,
            denominator: b,
        },
    ))
}

/// 一半, 半数, and 过半/近半/超半/逾半 where the qualifier carries the figure.
pub(super) fn half(t: &[char], i: usize) -> Match {
    let h = FigureValue::Fraction {
        numerator: 1.0,
        denominator: 2.0,
    };
    if starts(t, i, "一半") && prev(t, i) != Some('另') {
        return Some((i + 2, h));
    }
    if starts(t, i, "半数") {
        return Some((i + 2, h));
    }
    let bound = match at(t, i)? {
        '过' | '過' | '超' | '逾' => Bound::MoreThan,
        '近' => Bound::Nearly,
        _ => return None,
    };
    if is(t, i + 1, '半')
        && !matches!(
            at(t, i + 2),
            Some('数' | '數' | '年' | '月' | '天' | '个' | '個' | '小' | '场' | '場')
        )
    {
        return Some((i + 2, approx_of(Some(bound), h)));
    }
    None
}
