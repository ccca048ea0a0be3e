//! Qualifiers that bound a figure: 超过, 约, 近 before it, 左右 and 以上
//! after it ([`Bound`]).

use super::*;

/// Qualifiers that bound a figure they stand just before, outside its span
/// (超过240亿元 highlights 240亿元, which the card reads "more than …").
/// Longer spellings first.
#[rustfmt::skip]
pub(super) const OUTSIDE_QUALIFIERS: &[(&str, Bound)] = &[
    ("超过", Bound::MoreThan), ("超過", Bound::MoreThan), ("突破", Bound::MoreThan),
    ("将近", Bound::Nearly), ("將近", Bound::Nearly), ("接近", Bound::Nearly),
    ("大约", Bound::About), ("大約", Bound::About), ("不足", Bound::LessThan),
    ("不到", Bound::LessThan), ("超", Bound::MoreThan), ("逾", Bound::MoreThan),
    ("近", Bound::Nearly), ("约", Bound::About), ("約", Bound::About),
];

/// Words after a figure that bound it, kept in its span: 300人左右.
#[rustfmt::skip]
pub(super) const AFTER_QUALIFIERS: &[(&str, Bound)] = &[
    ("左右", Bound::About), ("上下", Bound::About), ("以上", Bound::AtLeast),
    ("以下", Bound::AtMost), ("以内", Bound::AtMost), ("以內", Bound::AtMost),
];

/// The bound a qualifier inside a span gives (超亿元, 近万, 逾千人, 上百亿);
/// 达, 高达 and 多达 only say the number was reached.
pub(super) fn qualifier_bound(q: &str) -> Option<Bound> {
    match q {
        "超过" | "超過" | "超" | "过" | "過" | "破" | "突破" | "逾" | "上" => {
            Some(Bound::MoreThan)
        }
        "将近" | "將近" | "接近" | "近" => Some(Bound::Nearly),
        "约" | "約" => Some(Bound::About),
        "不足" | "不到" => Some(Bound::LessThan),
        _ => None,
    }
}

pub(super) fn approx_of(bound: Option<Bound>, value: FigureValue) -> FigureValue {
    match (bound, &value) {
        (
            Some(b),
            FigureValue::Amount { .. }
            | FigureValue::Percent(_)
            | FigureValue::PercentagePoints(_)
            | FigureValue::Fraction { .. },
        ) => FigureValue::Approximate {
            bound: b,
            value: Box::new(value),
        },
        _ => value,
    }
}

/// Bounds amounts and percentages by the qualifier just before them (超过,
/// 约, 近…) or the word just after them (左右, 以上), which joins the span.
pub(super) fn apply_qualifiers(t: &[char], figs: &mut [Figure]) {
    for k in 0..figs.len() {
        if !matches!(
            figs[k].value,
            FigureValue::Amount { .. }
                | FigureValue::Percent(_)
                | FigureValue::PercentagePoints(_)
                | FigureValue::Fraction { .. }
        ) {
            continue;
        }
        let next_start = figs.get(k + 1).map_or(t.len(), |f| f.start);
        let f = &mut figs[k];
        let after = AFTER_QUALIFIERS
            .iter()
            .find(|(w, _)| starts(t, f.end, w) && f.end + w.chars().count() <= next_start);
        if let Some((w, b)) = after {
            f.end += w.chars().count();
            f.value = approx_of(Some(*b), f.value.clone());
            continue;
        }
        let mut s = f.start;
        if s > 0 && is_space(t, s - 1) {
            s -= 1;
        }
        // 上千万元, 过亿: 上 and 过 bound only a number that starts with its
        // order of magnitude; elsewhere they are words (上年, 过去).
        let bare_magnitude = matches!(
            at(t, f.start),
            Some('百' | '千' | '万' | '萬' | '亿' | '億')
        );
        let found = OUTSIDE_QUALIFIERS
            .iter()
            .find(|(w, _)| ends_with(t, s, w))
            .or_else(|| {
                [
                    ("上", Bound::MoreThan),
                    ("过", Bound::MoreThan),
                    ("過", Bound::MoreThan),
                ]
                .iter()
                .find(|(w, _)| bare_magnitude && ends_with(t, s, w))
            });
        let Some((w, b)) = found else {
            continue;
        };
        let before = s.checked_sub(w.chars().count() + 1).and_then(|k| at(t, k));
        let part_of_word = match *w {
            // 节约, 签约, 预约; 最近, 附近; 赶超
            "约" | "約" => before.is_some_and(|c| {
                "节節制签簽预預邀契合公条條规規简簡隐隱特相违違履婚赴爽失守践踐".contains(c)
            }),
            "近" => before.is_some_and(|c| "最附靠临臨邻鄰亲親逼贴貼晚新".contains(c)),
            "超" => before.is_some_and(|c| "赶趕高".contains(c)),
            _ => false,
        };
        // 近3年 is "the last three years", not "nearly three years".
        const SPANS: &[&str] = &[
            "年",
            "个月",
            "個月",
            "天",
            "日",
            "周",
            "週",
            "季度",
            "个季度",
            "個季度",
        ];
        let recent_span = *w == "近"
            && matches!(&f.value, FigureValue::Amount { value, unit }
                if *value < 100.0 && SPANS.contains(&unit.as_str()));
        if !(part_of_word || recent_span) {
            f.value = approx_of(Some(*b), f.value.clone());
        }
    }
}
