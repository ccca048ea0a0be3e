//! Dates and parts of years: 2025年2月21日, 2025-02-21, 90年代,
//! quarters and halves (一季度, Q3, 上半年, 前三季度), fiscal years (2025财年,
//! FY2025) and Republic of China years (民国114年).

use super::*;

pub(super) type Match = Option<(usize, FigureValue)>;

pub(super) fn date(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> FigureValue {
    FigureValue::Date { year, month, day }
}

/// 2025-02-21, 2025/2/21, 2025.02.21
pub(super) fn iso_date(t: &[char], i: usize) -> Match {
    if !(0..4).all(|k| is_digit_at(t, i + k)) || is_digit_at(t, i + 4) {
        return None;
    }
    let sep = at(t, i + 4).filter(|c| matches!(c, '-' | '/' | '.'))?;
    let year: i32 = t[i..i + 4].iter().collect::<String>().parse().ok()?;
    // A sports or fiscal season, 2024/25 or 2024-25, reads as its first year.
    let season = sep != '.'
        && is_digit_at(t, i + 5)
        && is_digit_at(t, i + 6)
        && !is_digit_at(t, i + 7)
        && !is(t, i + 7, sep)
        && (1000..=2999).contains(&year)
        && at(t, i + 5).and_then(|c| c.to_digit(10)).unwrap_or(0) * 10
            + at(t, i + 6).and_then(|c| c.to_digit(10)).unwrap_or(0)
            == ((year + 1) % 100) as u32;
    if season {
        return Some((i + 7, date(Some(year), None, None)));
    }
    let read = |start: usize| -> Option<(usize, u32)> {
        let mut j = start;
        let mut v = 0u32;
        while let Some(d) = at(t, j).and_then(|c| c.to_digit(10)) {
            if j - start >= 2 {
                return None;
            }
            v = v * 10 + d;
            j += 1;
        }
        (j > start).then_some((j, v))
    };
    let (j, month) = read(i + 5)?;
    if !is(t, j, sep) {
        return None;
    }
    let (end, day) = read(j + 1)?;
    let valid =
        (1000..=2999).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day);
    if !valid || (is(t, end, sep) && is_digit_at(t, end + 1)) {
        return None;
    }
    Some((end, date(Some(year), Some(month), Some(day))))
}

/// 2025年2月21日 and every contiguous part of it: 2025年, 2月, 21日, 2月21号,
/// 二〇二五年二月二十一日, 2025 年 3 月 (spaced, as Taiwanese texts write
/// it); a year with a part of it after: 2025年一季度, 2025年上半年.
pub(super) fn cn_date(t: &[char], i: usize) -> Match {
    let mut p = i;
    let (mut y, mut m, mut d) = (None, None, None);
    // Blanks are only read between Arabic digits and their marker.
    let gap = |n: &Num| {
        if n.kind == Kind::Arabic {
            skip_space(t, n.end)
        } else {
            n.end
        }
    };
    if let Some(n) = parse_number(t, i, false) {
        let ye = gap(&n);
        let year_unit = is(t, ye, '年') && !matches!(at(t, ye + 1), Some('代' | '级' | '級'));
        if year_like(&n) && year_unit && !duration_context(t, i) {
            y = Some(n.value as i32);
            p = ye + 1;
            // 2024年度 is a (fiscal) year too.
            if is(t, p, '度') {
                return Some((p + 1, date(y, None, None)));
            }
            if let Some(found) = period(t, p, y) {
                return Some(found);
            }
        }
    }
    let q = if y.is_some() { skip_space(t, p) } else { p };
    if let Some((_, v, n)) = small_int(t, q) {
        let e = gap(&n);
        let ok = (1..=12).contains(&v)
            && is(t, e, '月')
            && !matches!(n.first, '两' | '兩')
            && !(y.is_none() && n.lone_yi && yi_bad_prev(t, q));
        if ok {
            m = Some(v);
            p = e + 1;
            if is(t, p, '份') {
                p += 1;
            }
        }
    }
    // A day needs its month, except an Arabic one standing alone (21日).
    if !(y.is_some() && m.is_none()) {
        let q = if m.is_some() { skip_space(t, p) } else { p };
        if let Some((_, v, n)) = small_int(t, q) {
            let e = gap(&n);
            let marker = at(t, e);
            if (1..=31).contains(&v)
                && matches!(marker, Some('日' | '号' | '號'))
                && (m.is_some() || (n.kind == Kind::Arabic && standalone_day_ok(t, q, e)))
            {
                d = Some(v);
                p = e + 1;
            }
        }
    }
    if y.is_none() && m.is_none() && d.is_none() {
        return None;
    }
    Some((p, date(y, m, d)))
}

/// The number of a quarter, 1 to 4, written as one digit or numeral.
pub(super) fn quarter_number(t: &[char], i: usize) -> Option<(usize, u32)> {
    let c = at(t, i)?;
    let v = c.to_digit(10).or_else(|| cn_digit(c))?;
    if at(t, i + 1).is_some_and(|c| c.is_ascii_digit() || is_cn_numeral(c)) {
        return None;
    }
    (1..=4).contains(&v).then_some((i + 1, v))
}

/// Parts of a year: 一季度, 第三季度, Q3 (quarters), 上半年, 下半年, H1
/// (halves), 前三季度 (the first three quarters). `year` is the year written
/// just before, as in 2025年一季度.
pub(super) fn period(t: &[char], i: usize, year: Option<i32>) -> Match {
    let c = at(t, i)?;
    for (w, half) in [("上半年", 1), ("下半年", 2)] {
        if starts(t, i, w) {
            let end = if is(t, i + 3, '度') { i + 4 } else { i + 3 };
            return Some((end, FigureValue::Half { year, half }));
        }
    }
    if matches!(c, 'Q' | 'H') {
        if prev(t, i).is_some_and(|p| p.is_ascii_alphanumeric()) {
            return None;
        }
        let d = at(t, i + 1)?.to_digit(10)?;
        if at(t, i + 2).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        return match c {
            'Q' if (1..=4).contains(&d) => Some((i + 2, FigureValue::Quarter { year, quarter: d })),
            'H' if (1..=2).contains(&d) => Some((i + 2, FigureValue::Half { year, half: d })),
            _ => None,
        };
    }
    if c == '前' {
        let (e, count) = quarter_number(t, i + 1)?;
        let mut p = e;
        if matches!(at(t, p), Some('个' | '個')) {
            p += 1;
        }
        if !is(t, p, '季') || !(2..=4).contains(&count) {
            return None;
        }
        p += 1;
        if is(t, p, '度') {
            p += 1;
        }
        return Some((p, FigureValue::FirstQuarters { year, count }));
    }
    let ordinal = c == '第';
    let (e, quarter) = quarter_number(t, if ordinal { i + 1 } else { i })?;
    if !starts(t, e, "季度") {
        // 今年第一季, 2025年第三季: after a year, 第N季 is a quarter (as
        // Taiwan writes it); alone it may be a show's season.
        let after_year = ordinal && prev(t, i) == Some('年');
        let season_word = matches!(at(t, e + 1), Some('赛' | '賽'));
        if after_year && is(t, e, '季') && !season_word {
            return Some((e + 1, FigureValue::Quarter { year, quarter }));
        }
        return None;
    }
    if !ordinal {
        // 两季度, 连续两季度, 每季度, 近三季度 count quarters.
        let counting = [
            "前", "后", "後", "近", "连续", "連續", "未来", "未來", "过去", "過去", "每", "这",
            "這", "个", "個",
        ]
        .iter()
        .any(|q| ends_with(t, i, q));
        if counting || matches!(c, '两' | '兩') {
            return None;
        }
    }
    Some((e + 2, FigureValue::Quarter { year, quarter }))
}

/// 2025Q1, 2025年Q1, 2025 H1: a year and a Latin period label.
pub(super) fn year_period_latin(t: &[char], i: usize) -> Match {
    if !(0..4).all(|k| is_digit_at(t, i + k)) || is_digit_at(t, i + 4) {
        return None;
    }
    if prev(t, i).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let year: i32 = t[i..i + 4].iter().collect::<String>().parse().ok()?;
    if !(1900..=2199).contains(&year) {
        return None;
    }
    let mut p = i + 4;
    if matches!(at(t, p), Some('年' | '-' | ' ')) {
        p += 1;
    }
    if !matches!(at(t, p), Some('Q' | 'H')) {
        return None;
    }
    // period() checks the letter is not glued to a word before it; here the
    // year is glued on purpose, so look from a copy of the label alone.
    let d = at(t, p + 1)?.to_digit(10)?;
    if at(t, p + 2).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let year = Some(year);
    match at(t, p)? {
        'Q' if (1..=4).contains(&d) => Some((p + 2, FigureValue::Quarter { year, quarter: d })),
        'H' if (1..=2).contains(&d) => Some((p + 2, FigureValue::Half { year, half: d })),
        _ => None,
    }
}

/// 2025财年, 2024财政年度, FY2025, FY25: fiscal years.
pub(super) fn fiscal_year(t: &[char], i: usize) -> Match {
    if starts(t, i, "FY") {
        if prev(t, i).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        let s = skip_space(t, i + 2);
        let mut j = s;
        while is_digit_at(t, j) {
            j += 1;
        }
        if at(t, j).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        let y: i32 = t[s..j].iter().collect::<String>().parse().ok()?;
        let year = match j - s {
            4 => y,
            2 => 2000 + y,
            _ => return None,
        };
        return Some((j, FigureValue::FiscalYear(year)));
    }
    let n = parse_number(t, i, false)?;
    let year = if year_like(&n) {
        n.value as i32
    } else if n.kind == Kind::Arabic && n.plain && n.digits == 2 {
        2000 + n.value as i32
    } else {
        return None;
    };
    let p = skip_space(t, n.end);
    let (len, _) = longest_of(
        t,
        p,
        &[
            "财年",
            "財年",
            "财政年度",
            "財政年度",
            "会计年度",
            "會計年度",
        ],
    )?;
    Some((p + len, FigureValue::FiscalYear(year)))
}

/// 民国114年 (2025), 民國38年; in a traditional text also a bare 114年 or
/// 89年3月, the way Taiwan dates things. A bare one must look like a recent
/// year (100 to 150, or 38 to 99 with a month after it) and not a span of
/// years (近114年, 114年来, 114年前).
pub(super) fn roc_date(t: &[char], i: usize, traditional: bool) -> Match {
    let explicit = starts(t, i, "民国") || starts(t, i, "民國");
    let bare = traditional && is_digit_at(t, i);
    if !(explicit || bare) {
        return None;
    }
    let s = if explicit { skip_space(t, i + 2) } else { i };
    let n = parse_number(t, s, false)?;
    if !n.plain || n.value.fract() != 0.0 || !matches!(n.kind, Kind::Arabic | Kind::Chinese) {
        return None;
    }
    let roc_year = n.value as i32;
    let y_at = if n.kind == Kind::Arabic {
        skip_space(t, n.end)
    } else {
        n.end
    };
    if !is(t, y_at, '年') {
        return None;
    }
    let mut p = y_at + 1;
    let (mut month, mut day) = (None, None);
    if is(t, p, '度') {
        p += 1;
    } else if let Some((_, v, mn)) = small_int(t, skip_space(t, p)) {
        let e = skip_space(t, mn.end);
        if (1..=12).contains(&v) && is(t, e, '月') {
            month = Some(v);
            p = e + 1;
            if let Some((_, v, dn)) = small_int(t, skip_space(t, p)) {
                let e = skip_space(t, dn.end);
                if (1..=31).contains(&v) && matches!(at(t, e), Some('日' | '号' | '號')) {
                    day = Some(v);
                    p = e + 1;
                }
            }
        }
    }
    let value = FigureValue::RocDate {
        roc_year,
        month,
        day,
    };
    if explicit {
        return (1..=200).contains(&roc_year).then_some((p, value));
    }
    if n.kind != Kind::Arabic || duration_context(t, i) {
        return None;
    }
    if prev(t, i).is_some_and(|c| "第每这這那满滿数數多近约約逾超有".contains(c)) {
        return None;
    }
    let span_after =
        at(t, y_at + 1).is_some_and(|c| "前后後来來间間内內多以左半代级級".contains(c));
    let plausible =
        (100..=150).contains(&roc_year) || (month.is_some() && (38..=99).contains(&roc_year));
    (plausible && (month.is_some() || !span_after)).then_some((p, value))
}

/// "21日" alone is a date; "21号" alone only when it does not name a line,
/// building or probe (3号线, 嫦娥6号, 1号文件).
pub(super) fn standalone_day_ok(t: &[char], start: usize, marker: usize) -> bool {
    if is(t, marker, '日') {
        return true;
    }
    let before_ok = prev(t, start)
        .is_none_or(|c| !is_cjk(c) || "于在至到从和与及或自是为的今明昨本下上每前".contains(c));
    let after_ok = at(t, marker + 1)
        .is_none_or(|c| !"线楼文院机馆站门令台窗厅口桥码床房坑位种球选店馆舱".contains(c));
    before_ok && after_ok
}

/// 90年代, 八十年代, 1990年代 -> the decade (by its first year).
pub(super) fn decade(t: &[char], i: usize) -> Match {
    let n = parse_number(t, i, false)?;
    if !n.plain || !starts(t, n.end, "年代") || n.value.fract() != 0.0 {
        return None;
    }
    let v = n.value as i32;
    let two_digit = match n.kind {
        Kind::Arabic if n.digits == 2 => true,
        Kind::Chinese if (10..=90).contains(&v) => true,
        Kind::Arabic if n.digits == 4 && (1000..=2999).contains(&v) => false,
        _ => return None,
    };
    if v % 10 != 0 {
        return None;
    }
    let year = if !two_digit {
        v
    } else if ["上世纪", "上个世纪", "20世纪", "二十世纪"]
        .iter()
        .any(|s| ends_with(t, i, s))
    {
        1900 + v
    } else if ["本世纪", "21世纪", "二十一世纪"]
        .iter()
        .any(|s| ends_with(t, i, s))
        || v <= 20
    {
        2000 + v
    } else {
        1900 + v
    };
    Some((n.end + 2, FigureValue::Decade(year)))
}
