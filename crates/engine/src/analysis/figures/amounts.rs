//! Amounts with their units, percentages, percentage points and tenths
//! (成): 1.5万亿元, 179个, 70%, 3个百分点, 7成4, 超亿元.

use super::*;

/// 超亿元, 上万人, 过亿, 近百年: the qualifier stays in the span only when the
/// number alone would not be read as one (亿元 is not a figure, 超亿元 is).
pub(super) fn qualified(t: &[char], i: usize) -> Match {
    let (len, q) = longest_of(t, i, &words().qualifiers)?;
    if matches!(q, "过" | "過")
        && prev(t, i).is_some_and(|c| "经經通越跨度走错錯不太难難透闯闖渡超".contains(c))
    {
        return None;
    }
    let r = i + len;
    if !matches!(at(t, r), Some('万' | '萬' | '亿' | '億' | '千' | '百')) {
        return None;
    }
    if amount(t, r, false).is_some() {
        return None;
    }
    let (end, value) = amount(t, r, true)?;
    let value = match value {
        FigureValue::Approximate { .. } => value,
        v => approx_of(qualifier_bound(q), v),
    };
    Some((end, value))
}

/// A number with an optional unit: 1.5万亿元, 179个, 70%, 3个百分点, 一年,
/// 千亿, 1,234.5. `relaxed` accepts numbers that start with a bare 万/亿/百/千,
/// for use after a qualifier.
pub(super) fn amount(t: &[char], i: usize, relaxed: bool) -> Match {
    amount_inner(t, i, relaxed, true)
}

/// `allow_range` lets a bare Chinese numeral borrow the unit of the number
/// after a range connector (三到五年); the inner call never recurses again,
/// so long chains cannot grow the stack.
pub(super) fn amount_inner(t: &[char], i: usize, relaxed: bool, allow_range: bool) -> Match {
    let n = parse_number(t, i, false)?;
    if n.kind == Kind::DigitString || !n.value.is_finite() {
        return None;
    }
    let mut p = n.end;
    // "100 人", "20 %", "7 成 4": a blank between digits and their unit.
    if n.kind == Kind::Arabic && is_space(t, p) && !latin_word_before(t, i) {
        let q = p + 1;
        let unit_next = matches!(at(t, q), Some('%' | '‰' | '成'))
            || starts(t, q, "个百分点")
            || starts(t, q, "個百分點")
            || starts(t, q, "百分点")
            || starts(t, q, "百分點")
            || longest_of(t, q, &words().units).is_some();
        if unit_next {
            p = q;
        }
    }
    let mut approx = n.approx;
    let mut bound = n.bound;
    // 多/余/几 between a number and its unit: 十几个, 1000余家, 三十多年;
    // 来 makes it an estimate: 十来个.
    let marker = at(t, p);
    if matches!(marker, Some('多' | '余' | '餘' | '几' | '幾' | '来' | '來'))
        && longest_of(t, p + 1, &words().units).is_some()
    {
        p += 1;
        approx = true;
        if bound.is_none() || bound == Some(Bound::MoreThan) {
            bound = Some(if matches!(marker, Some('来' | '來')) {
                Bound::About
            } else {
                Bound::MoreThan
            });
        }
    }
    if n.kind == Kind::Chinese && !relaxed {
        let start_ok = match n.first {
            '万' | '萬' => matches!(at(t, i + 1), Some('亿' | '億')),
            '亿' | '億' => false,
            // 百姓, 百度, 千年 are words; 百亿, 千万元, 百余家 are figures.
            '百' | '千' => n.has_big || approx,
            _ => true,
        };
        if !start_ok {
            return None;
        }
    }
    if n.lone_yi && yi_bad_prev(t, i) {
        return None;
    }
    let v = n.value;
    let amt = |value: f64, unit: &str| FigureValue::Amount {
        value,
        unit: unit.to_string(),
    };
    // Every figure below is bounded the way its number is (十多年, 数十亿).
    let done = |end: usize, value: FigureValue| Some((end, approx_of(bound, value)));

    // Percentages and percentage points.
    if is(t, p, '%') {
        return done(p + 1, FigureValue::Percent(v));
    }
    if is(t, p, '‰') {
        return done(p + 1, FigureValue::Percent(v / 10.0));
    }
    for s in ["个百分点", "個百分點", "百分点", "百分點"] {
        if starts(t, p, s) {
            return done(p + s.chars().count(), FigureValue::PercentagePoints(v));
        }
    }
    for s in ["个基点", "個基點", "基点", "基點"] {
        if starts(t, p, s) {
            return done(p + s.chars().count(), amt(v, "个基点"));
        }
    }
    // 三成 = 30%, 7成4 = 74%, 三成半 = 35%; not 成为, 成本 and the like.
    if is(t, p, '成')
        && !n.has_big
        && n.kind != Kind::Vague
        && v > 0.0
        && v <= 10.0
        && (n.kind == Kind::Arabic || v.fract() == 0.0)
        && !at(t, p + 1).is_some_and(|c| words().cheng_words.contains(&c))
    {
        let mut end = p + 1;
        let mut pct = v * 10.0;
        let q = if n.kind == Kind::Arabic {
            skip_space(t, end)
        } else {
            end
        };
        if is(t, q, '半') {
            pct += 5.0;
            end = q + 1;
        } else if let Some(d) = at(t, q).and_then(|c| c.to_digit(10).or_else(|| cn_digit(c))) {
            // One more digit, standing alone, is the next tenth: 7成4.
            let alone = !at(t, q + 1).is_some_and(|c| {
                c.is_ascii_digit()
                    || is_cn_numeral(c)
                    || c == '.'
                    || longest_of(t, q + 1, &words().units).is_some()
                    || c == '%'
            });
            if d > 0 && alone && v < 10.0 {
                pct += f64::from(d);
                end = q + 1;
            }
        }
        return done(end, FigureValue::Percent(pct));
    }
    // 两个半小时 = 2.5 hours, 一个多月 = 1+ months.
    if matches!(at(t, p), Some('个' | '個')) && matches!(at(t, p + 1), Some('半' | '多')) {
        let extra = if is(t, p + 1, '半') { 0.5 } else { 0.0 };
        let more = is(t, p + 1, '多').then_some(Bound::MoreThan);
        let done = |end: usize, value: FigureValue| Some((end, approx_of(bound.or(more), value)));
        for (s, u) in [
            ("小时", "个小时"),
            ("小時", "个小时"),
            ("钟头", "个小时"),
            ("鐘頭", "个小时"),
            ("月", "个月"),
            ("星期", "个星期"),
        ] {
            if starts(t, p + 2, s) {
                return done(p + 2 + s.chars().count(), amt(v + extra, u));
            }
        }
    }
    let unit_here = longest_of(t, p, &words().units)
        .filter(|(_, u)| n.kind == Kind::Arabic || !words().arabic_only_units.contains(u));
    if let Some((len, unit)) = unit_here {
        let mut end = p + len;
        let mut value = v;
        let mut unit = unit.to_string();
        if n.lone_yi && !words().yi_ok_units.contains(&unit.as_str()) {
            return None;
        }
        // (一季度 and 3季度 name a quarter: the period matcher reads them.)
        if unit == "年" {
            // A four-digit year is a date (the date matcher takes it) unless a
            // qualifier makes it a span: 近2000年.
            if !approx && year_like(&n) && !duration_context(t, i) {
                return None;
            }
            if is(t, end, '半') {
                value += 0.5;
                end += 1;
            }
        }
        if words().currencies.contains(&unit.as_str()) && is(t, end, '/') {
            if let Some((l2, per)) = longest_of(t, end + 1, &words().per_units) {
                unit = format!("{}/{}", unit, per);
                end += 1 + l2;
            }
        }
        return done(end, FigureValue::Amount { value, unit });
    }
    if n.kind == Kind::Arabic {
        if let Some((end, unit)) = latin_unit_at(t, n.end) {
            return done(end, FigureValue::Amount { value: v, unit });
        }
    }
    // 3万余, 2亿多: a big number left open, with no unit after it.
    if n.has_big && bound.is_none() && matches!(at(t, n.end), Some('余' | '餘' | '多')) {
        let bound = Some(Bound::MoreThan);
        return Some((n.end + 1, approx_of(bound, amt(v, ""))));
    }

    // The first half of a Chinese range takes the unit of the second: 三到五年.
    let connector = matches!(
        at(t, n.end),
        Some('到' | '至' | '-' | '–' | '—' | '~' | '～')
    );
    if allow_range && n.kind == Kind::Chinese && connector && !n.has_big {
        let b = n.end + 1;
        let second = period(t, b, None)
            .or_else(|| amount_inner(t, b, false, false))
            .or_else(|| cn_date(t, b));
        let borrowed = second.and_then(|(_, value)| range_first(v, &value, magnitude_at(t, b)));
        if let Some(value) = borrowed {
            return Some((n.end, value));
        }
    }

    // A bare number.
    let ok = match n.kind {
        Kind::Arabic => {
            let text: String = t[i..n.end].iter().collect();
            // 《哪吒2》: a sequel number inside a title.
            let in_title =
                matches!(at(t, n.end), Some('》' | '」' | '』')) && prev(t, i).is_some_and(is_cjk);
            !latin_word_before(t, i)
                && !in_title
                && !is(t, n.end, '号')
                && !(["996", "955", "007"].contains(&text.as_str()))
        }
        // Chinese numerals alone are only figures when big (千亿, 一千两百万);
        // 千万 alone usually means "by all means".
        Kind::Chinese => {
            n.has_big && v >= 1e4 && (relaxed || !(n.first == '千' && n.end - i == 2 && v == 1e7))
        }
        Kind::Vague => v >= 1e4,
        Kind::DigitString => false,
    };
    if !ok {
        return None;
    }
    done(n.end, amt(v, ""))
}
