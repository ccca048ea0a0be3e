//! Numbers: Arabic digits with separators and 万/亿 suffixes, Chinese
//! numerals, digit strings (二〇二五) and vague ones (数百亿).

use super::*;

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Kind {
    Arabic,
    Chinese,
    /// Chinese digits read one by one (二〇二五): only used for years.
    DigitString,
    /// 数百亿, 几十: an order of magnitude, valued at its lower bound.
    Vague,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Num {
    pub(super) end: usize,
    pub(super) value: f64,
    pub(super) kind: Kind,
    /// Arabic: digits before the decimal point; digit strings: their length.
    pub(super) digits: usize,
    /// No separators, decimals, magnitude suffix or approximation marker.
    pub(super) plain: bool,
    /// Contains 万 or 亿.
    pub(super) has_big: bool,
    /// Contains 多/余/几 or is a range like 三四.
    pub(super) approx: bool,
    /// What the approximation says about the value (三四 -> OrNext).
    pub(super) bound: Option<Bound>,
    /// The numeral is exactly 一.
    pub(super) lone_yi: bool,
    pub(super) first: char,
}

pub(super) struct ArabicCore {
    pub(super) end: usize,
    pub(super) value: f64,
    pub(super) digits: usize,
    pub(super) plain: bool,
}

/// Digits with optional thousands separators and decimals: 1,234.5
pub(super) fn arabic_core(t: &[char], i: usize) -> Option<ArabicCore> {
    let mut s = String::new();
    let mut j = i;
    while let Some(c) = at(t, j).filter(|c| c.is_ascii_digit()) {
        s.push(c);
        j += 1;
    }
    let mut digits = j - i;
    if digits == 0 {
        return None;
    }
    let mut plain = true;
    // A comma is a separator only between a 1-3 digit head and 3-digit groups;
    // otherwise it separates list items (2024,2025).
    if digits <= 3 {
        while is(t, j, ',') && (1..=3).all(|k| is_digit_at(t, j + k)) && !is_digit_at(t, j + 4) {
            s.extend(t[j + 1..j + 4].iter());
            j += 4;
            digits += 3;
            plain = false;
        }
    }
    if is(t, j, '.') && is_digit_at(t, j + 1) {
        s.push('.');
        j += 1;
        while let Some(c) = at(t, j).filter(|c| c.is_ascii_digit()) {
            s.push(c);
            j += 1;
        }
        plain = false;
    }
    let value = s.parse::<f64>().ok()?;
    Some(ArabicCore {
        end: j,
        value,
        digits,
        plain,
    })
}

/// A standard Chinese numeral (一千两百万, 二十一, 十几), a digit string
/// (二〇二五) or an approximate pair (三四).
pub(super) fn parse_cn(t: &[char], i: usize, allow_point: bool) -> Option<Num> {
    let first = at(t, i)?;
    if !is_cn_numeral(first) {
        return None;
    }
    let mut run = 0;
    while at(t, i + run).and_then(cn_digit).is_some() {
        run += 1;
    }
    let base = Num {
        end: i,
        value: 0.0,
        kind: Kind::Chinese,
        digits: 0,
        plain: true,
        has_big: false,
        approx: false,
        bound: None,
        lone_yi: false,
        first,
    };
    // Three or more bare digits are read one by one, as years are written.
    if run >= 3 {
        if t[i..i + run].iter().any(|&c| c == '两' || c == '兩') {
            return None;
        }
        let mut v = 0.0;
        for &c in &t[i..i + run] {
            v = v * 10.0 + f64::from(cn_digit(c)?);
        }
        return Some(Num {
            end: i + run,
            value: v,
            kind: Kind::DigitString,
            digits: run,
            ..base
        });
    }
    if matches!(first, '零' | '〇') {
        return None;
    }

    #[derive(Clone, Copy, PartialEq)]
    enum Prev {
        Start,
        Digit,
        Zero,
        Small,
        Big,
    }
    let mut j = i;
    let mut number = 0.0;
    let mut pending = false;
    let mut approx = false;
    let mut prev_k = Prev::Start;
    // Two adjacent digits are a range (三四个 = three or four): keep the lower.
    if run == 2 {
        let a = cn_digit(t[i])?;
        let b = cn_digit(t[i + 1])?;
        if a >= 1 && b == a + 1 {
            number = f64::from(a);
            pending = true;
            approx = true;
            prev_k = Prev::Digit;
            j = i + 2;
        } else {
            return None;
        }
    }
    let mut before_digit = Prev::Start;
    let (mut result, mut wan, mut section) = (0.0f64, 0.0f64, 0.0f64);
    let mut last_small = f64::INFINITY;
    let mut last_unit = 0.0;
    let mut last_big = 0.0;
    let mut has_big = false;
    let mut good_end = j;
    while let Some(c) = at(t, j) {
        if let Some(d) = cn_digit(c) {
            if prev_k == Prev::Digit {
                break;
            }
            if d == 0 {
                // 零 only holds a place (一千零五); it never ends a number.
                prev_k = Prev::Zero;
                j += 1;
                continue;
            }
            before_digit = prev_k;
            number = f64::from(d);
            pending = true;
            prev_k = Prev::Digit;
        } else if let Some(u) = cn_small(c) {
            if u == 1000.0 && prev_k == Prev::Big && kilo_guard(t, j) {
                break;
            }
            if u >= last_small {
                break;
            }
            let m = if pending {
                number
            } else if prev_k == Prev::Start
                || (u == 10.0 && matches!(prev_k, Prev::Big | Prev::Zero))
            {
                1.0
            } else {
                break;
            };
            section += m * u;
            number = 0.0;
            pending = false;
            last_small = u;
            last_unit = u;
            prev_k = Prev::Small;
        } else if let Some(b) = cn_big(c) {
            if b == 1e4 {
                if prev_k == Prev::Big && last_big == 1e4 {
                    break;
                }
                let mut s = section + number;
                if s == 0.0 {
                    if prev_k == Prev::Start {
                        s = 1.0;
                    } else {
                        break;
                    }
                }
                wan += s * 1e4;
            } else {
                let mut s = wan + section + number;
                if s == 0.0 {
                    if prev_k == Prev::Start {
                        s = 1.0;
                    } else {
                        break;
                    }
                }
                result = (result + s) * 1e8;
                wan = 0.0;
            }
            section = 0.0;
            number = 0.0;
            pending = false;
            last_small = f64::INFINITY;
            last_unit = b;
            last_big = b;
            has_big = true;
            prev_k = Prev::Big;
        } else {
            break;
        }
        j += 1;
        good_end = j;
    }
    if good_end == i {
        return None;
    }
    // 三千五 = 3500 and 一万五 = 15000: a digit right after a place value
    // stands for the next lower place.
    if pending && matches!(before_digit, Prev::Small | Prev::Big) && last_unit >= 100.0 {
        number *= last_unit / 10.0;
    }
    let mut value = result + wan + section + number;
    let mut end = good_end;
    let mut plain = !has_big && !approx;
    // 三点五 (3.5) is only read where a decimal is expected (百分之三点五);
    // elsewhere 十点 is a clock time.
    if allow_point && is(t, end, '点') && at(t, end + 1).and_then(cn_digit).is_some() {
        let mut k = end + 1;
        let mut scale = 0.1;
        while let Some(d) = at(t, k).and_then(cn_digit) {
            value += f64::from(d) * scale;
            scale /= 10.0;
            k += 1;
        }
        end = k;
        plain = false;
    }
    Some(Num {
        end,
        value,
        has_big,
        approx,
        bound: approx.then_some(Bound::OrNext),
        plain,
        lone_yi: end - i == 1 && first == '一',
        ..base
    })
}

/// Any number at `i`: Arabic (with 万/亿 suffixes), Chinese, or vague (数百亿).
pub(super) fn parse_number(t: &[char], i: usize, allow_point: bool) -> Option<Num> {
    let c = at(t, i)?;
    let mut num = if c.is_ascii_digit() {
        let core = arabic_core(t, i)?;
        Num {
            end: core.end,
            value: core.value,
            kind: Kind::Arabic,
            digits: core.digits,
            plain: core.plain,
            has_big: false,
            approx: false,
            bound: None,
            lone_yi: false,
            first: c,
        }
    } else if is_cn_numeral(c) {
        parse_cn(t, i, allow_point)?
    } else if c == '数' || c == '几' {
        // 数百亿, 几十: only an order of magnitude, valued at its lower bound.
        let mut j = i + 1;
        let mut v = 1.0;
        let mut has_big = false;
        while let Some(m) = at(t, j).and_then(|c| cn_small(c).or_else(|| cn_big(c))) {
            v *= m;
            has_big |= m >= 1e4;
            j += 1;
        }
        if j == i + 1 {
            return None;
        }
        return Some(Num {
            end: j,
            value: v,
            kind: Kind::Vague,
            digits: 0,
            plain: false,
            has_big,
            approx: true,
            bound: Some(Bound::OrderOf),
            lone_yi: false,
            first: c,
        });
    } else {
        return None;
    };
    if num.kind == Kind::DigitString {
        return Some(num);
    }
    // Magnitude suffixes: 1.5万亿, 3千万, 100多万, 十几万.
    let arabic = num.kind == Kind::Arabic;
    let is_mag = |k: usize| -> Option<f64> {
        match at(t, k)? {
            '百' if arabic && !is(t, k + 1, '分') => Some(100.0),
            '千' if arabic && !kilo_guard(t, k) => Some(1000.0),
            TRILLION => Some(1e12),
            c => cn_big(c),
        }
    };
    let mut k = num.end;
    // "624.8 億美元": traditional texts often put a space before the unit.
    if arabic && is_space(t, k) && is_mag(k + 1).is_some() {
        k += 1;
    }
    let mut approx = false;
    if matches!(at(t, k), Some('多' | '余' | '几')) && is_mag(k + 1).is_some() {
        k += 1;
        approx = true;
    }
    let mag_start = k;
    let mut mult = 1.0;
    while let Some(m) = is_mag(k) {
        mult *= m;
        num.has_big |= m >= 1e4;
        k += 1;
    }
    if k > mag_start {
        // 624.8亿 = 6248 × 1e8 / 10, exact where 624.8 × 1e8 is not.
        let decimals = t[i..num.end]
            .iter()
            .position(|&c| c == '.')
            .map_or(0, |p| num.end - i - p - 1) as i32;
        let scale = 10f64.powi(decimals.min(15));
        num.value = if arabic {
            (num.value * scale).round() * mult / scale
        } else {
            num.value * mult
        };
        num.end = k;
        num.approx |= approx;
        if approx && num.bound.is_none() {
            num.bound = Some(Bound::MoreThan);
        }
        num.plain = false;
        num.lone_yi = false;
    }
    Some(num)
}

pub(super) fn year_like(n: &Num) -> bool {
    match n.kind {
        Kind::Arabic => n.plain && n.digits == 4 && (1000.0..=2999.0).contains(&n.value),
        Kind::DigitString => n.digits == 4,
        _ => false,
    }
}

pub(super) fn duration_context(t: &[char], i: usize) -> bool {
    words()
        .duration_qualifiers
        .iter()
        .any(|q| ends_with(t, i, q))
}

pub(super) fn yi_bad_prev(t: &[char], i: usize) -> bool {
    prev(t, i).is_some_and(|c| words().yi_bad_prev.contains(&c))
}

/// A small whole number such as a month or day: 2, 02, 十二.
pub(super) fn small_int(t: &[char], i: usize) -> Option<(usize, u32, Num)> {
    let n = parse_number(t, i, false)?;
    let ok_kind = match n.kind {
        Kind::Arabic => n.digits <= 2,
        Kind::Chinese => true,
        _ => false,
    };
    if !ok_kind || !n.plain || n.value.fract() != 0.0 || !(0.0..=99.0).contains(&n.value) {
        return None;
    }
    Some((n.end, n.value as u32, n))
}
