//! Ranges: 3至5倍, 2至3万亿元, 7月14日至15日 share their unit, magnitude
//! and month between both ends.

use super::*;

/// "3-5年", "2至3万亿元" and "2020-2025年": the first number of a range
/// borrows the kind, unit and magnitude of the second, which carries them
/// for both. "7月14日至15日": the second date borrows the month (and year)
/// of the first, as it does after 、 and 和 (3月5日和6日).
pub(super) fn join_ranges(t: &[char], figs: &mut [Figure]) {
    for k in 1..figs.len() {
        let (a, b) = (&figs[k - 1], &figs[k]);
        if b.start != a.end + 1 {
            continue;
        }
        let conn = at(t, a.end);
        let range_conn = matches!(conn, Some('-' | '–' | '—' | '~' | '～' | '至' | '到'));
        let list_conn = matches!(conn, Some('、' | '和' | '及' | '与' | '與'));
        if !range_conn && !list_conn {
            continue;
        }
        if let Some(v) = carry_forward(&a.value, &b.value) {
            figs[k].value = v;
            continue;
        }
        if !range_conn || !at(t, a.start).is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        let av = match &a.value {
            FigureValue::Amount { value, unit } if unit.is_empty() => *value,
            _ => continue,
        };
        // A first number with its own magnitude (1万-2万元) keeps it.
        let mag = if magnitude_at(t, a.start) == 1.0 {
            magnitude_at(t, b.start)
        } else {
            1.0
        };
        if let Some(v) = range_first(av, &b.value, mag) {
            figs[k - 1].value = v;
        }
    }
}

/// The value of the bare first number `v` of a range whose second figure is
/// `b` and whose magnitude (万, 亿…) is `mag`.
pub(super) fn range_first(v: f64, b: &FigureValue, mag: f64) -> Option<FigureValue> {
    let int = v.fract() == 0.0;
    let small = |lo: f64, hi: f64| int && (lo..=hi).contains(&v);
    Some(match b {
        FigureValue::Amount { unit, .. } if !unit.is_empty() || mag > 1.0 => FigureValue::Amount {
            value: v * mag,
            unit: unit.clone(),
        },
        FigureValue::Percent(_) => FigureValue::Percent(v),
        FigureValue::PercentagePoints(_) => FigureValue::PercentagePoints(v),
        FigureValue::Approximate { value, .. } => return range_first(v, value, mag),
        FigureValue::Quarter { year, .. } if small(1.0, 4.0) => FigureValue::Quarter {
            year: *year,
            quarter: v as u32,
        },
        FigureValue::FiscalYear(_) if small(1000.0, 2999.0) => FigureValue::FiscalYear(v as i32),
        FigureValue::RocDate { .. } if small(1.0, 200.0) => FigureValue::RocDate {
            roc_year: v as i32,
            month: None,
            day: None,
        },
        FigureValue::Date {
            year: Some(_),
            month: None,
            day: None,
        } if small(1000.0, 2999.0) => date(Some(v as i32), None, None),
        FigureValue::Date {
            year,
            month: Some(_),
            day: None,
        } if small(1.0, 12.0) => date(*year, Some(v as u32), None),
        FigureValue::Date {
            year: None,
            month: None,
            day: Some(_),
        } if small(1.0, 31.0) => date(None, None, Some(v as u32)),
        _ => return None,
    })
}

/// The second date of a range or list takes what it leaves out from the
/// first: 7月14日至15日 (July 15), 2024年3月至5月 (May 2024), 2023年12月至
/// 2月 (February 2024).
pub(super) fn carry_forward(a: &FigureValue, b: &FigureValue) -> Option<FigureValue> {
    use FigureValue::{Date, Half, Quarter, RocDate};
    Some(match (a, b) {
        (
            Date {
                year,
                month: Some(m),
                day: Some(_),
            },
            Date {
                year: None,
                month: None,
                day: Some(d),
            },
        ) => date(*year, Some(*m), Some(*d)),
        (
            Date {
                year: Some(y),
                month: Some(m1),
                ..
            },
            Date {
                year: None,
                month: Some(m2),
                day,
            },
        ) => date(Some(if m2 < m1 { y + 1 } else { *y }), Some(*m2), *day),
        (
            RocDate {
                roc_year,
                month: Some(m),
                day: Some(_),
            },
            Date {
                year: None,
                month: None,
                day: Some(d),
            },
        ) => RocDate {
            roc_year: *roc_year,
            month: Some(*m),
            day: Some(*d),
        },
        (
            RocDate {
                roc_year,
                month: Some(m1),
                ..
            },
            Date {
                year: None,
                month: Some(m2),
                day,
            },
        ) => RocDate {
            roc_year: if m2 < m1 { roc_year + 1 } else { *roc_year },
            month: Some(*m2),
            day: *day,
        },
        (
            Quarter { year: Some(y), .. },
            Quarter {
                year: None,
                quarter,
            },
        ) => Quarter {
            year: Some(*y),
            quarter: *quarter,
        },
        (Half { year: Some(y), .. }, Half { year: None, half }) => Half {
            year: Some(*y),
            half: *half,
        },
        _ => return None,
    })
}

/// The magnitude written after the leading digits of the number at `i`:
/// 1e4 for 10万元, 1e12 for 3万亿元 and 三万亿, 1e7 for 三千万, 1 for 15.
pub(super) fn magnitude_at(t: &[char], i: usize) -> f64 {
    let mut k = i;
    let mut mult = 1.0;
    if is_digit_at(t, k) {
        while at(t, k).is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',') {
            k += 1;
        }
        k = skip_space(t, k);
        while let Some(m) = at(t, k).and_then(|c| match c {
            '百' => Some(100.0),
            '千' => Some(1000.0),
            TRILLION => Some(1e12),
            c => cn_big(c),
        }) {
            mult *= m;
            k += 1;
        }
    } else if at(t, k).and_then(cn_digit).is_some() {
        k += 1;
        while let Some(m) = at(t, k).and_then(|c| {
            if c == TRILLION {
                Some(1e12)
            } else {
                cn_small(c).or_else(|| cn_big(c))
            }
        }) {
            mult *= m;
            k += 1;
        }
    }
    mult
}
