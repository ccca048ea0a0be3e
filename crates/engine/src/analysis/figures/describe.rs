//! The one-line English notes for the cards.

use super::*;

pub(super) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub(super) fn month_name(m: u32) -> String {
    match m {
        1..=12 => MONTHS[(m - 1) as usize].to_string(),
        _ => format!("month {}", m),
    }
}

pub(super) fn describe_date(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> String {
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", y, m, d),
        (Some(y), Some(m), None) => format!("{} {} ({:04}-{:02})", month_name(m), y, y, m),
        (None, Some(m), Some(d)) => format!("{} {} (year not given)", month_name(m), d),
        (Some(y), None, None) => format!("the year {}", y),
        (None, Some(m), None) => format!("{} (year not given)", month_name(m)),
        (None, None, Some(d)) => format!("day {} of the month (month not given)", d),
        (Some(y), None, Some(d)) => format!("day {} of a month in {}", d, y),
        (None, None, None) => "a date".to_string(),
    }
}

pub(super) const ORDINALS: [&str; 4] = ["first", "second", "third", "fourth"];

pub(super) fn describe_quarter(year: Option<i32>, q: u32) -> String {
    const SPANS: [&str; 4] = [
        "January–March",
        "April–June",
        "July–September",
        "October–December",
    ];
    let Some(k) = (q as usize).checked_sub(1).filter(|&k| k < 4) else {
        return format!("quarter {}", q);
    };
    let of = year.map(|y| format!(" of {}", y)).unwrap_or_default();
    format!("the {} quarter{} (Q{}: {})", ORDINALS[k], of, q, SPANS[k])
}

pub(super) fn describe_half(year: Option<i32>, h: u32) -> String {
    let (word, span) = match h {
        1 => ("first", "January–June"),
        2 => ("second", "July–December"),
        _ => return format!("half {}", h),
    };
    let of = year
        .map(|y| y.to_string())
        .unwrap_or_else(|| "the year".to_string());
    format!("the {} half of {} (H{}: {})", word, of, h, span)
}

pub(super) fn describe_first_quarters(year: Option<i32>, n: u32) -> String {
    let (word, last) = match n {
        1 => return describe_quarter(year, 1),
        2 => ("two", "June"),
        3 => ("three", "September"),
        4 => ("four", "December"),
        _ => return format!("the first {} quarters", n),
    };
    let of = year.map(|y| format!(" of {}", y)).unwrap_or_default();
    format!("the first {} quarters{} (January–{})", word, of, last)
}

/// 10 -> "tens", 1e9 -> "billions": the order of magnitude of 数十, 数十亿.
pub(super) fn magnitude_words(v: f64) -> Option<&'static str> {
    const WORDS: [&str; 13] = [
        "tens",
        "hundreds",
        "thousands",
        "tens of thousands",
        "hundreds of thousands",
        "millions",
        "tens of millions",
        "hundreds of millions",
        "billions",
        "tens of billions",
        "hundreds of billions",
        "trillions",
        "tens of trillions",
    ];
    if !(v >= 10.0 && v.is_finite()) {
        return None;
    }
    let e = v.log10().round() as usize;
    if (10f64.powi(e as i32) - v).abs() > v * 1e-9 {
        return None;
    }
    WORDS.get(e - 1).copied()
}

pub(super) fn describe_approx(bound: Bound, value: &FigureValue) -> String {
    let inner = value.describe();
    match bound {
        Bound::MoreThan => format!("more than {}", inner),
        Bound::Nearly => format!("nearly {}", inner),
        Bound::About => format!("about {}", inner),
        Bound::LessThan => format!("less than {}", inner),
        Bound::AtLeast => format!("at least {}", inner),
        Bound::AtMost => format!("at most {}", inner),
        Bound::OrNext => match value {
            FigureValue::Amount { value: v, unit } if *v > 0.0 && v.is_finite() => {
                let mag = 10f64.powi(v.log10().floor() as i32);
                let upper = (v / mag).round() * mag + mag;
                let lower = describe_amount(*v, "");
                match unit.as_str() {
                    "" => format!("{} or {}", lower, describe_amount(upper, "")),
                    _ => format!("{} or {}", lower, describe_amount(upper, unit)),
                }
            }
            _ => format!("about {}", inner),
        },
        Bound::OrderOf => match value {
            FigureValue::Amount { value: v, unit } => match magnitude_words(*v) {
                Some(w) if unit.is_empty() => w.to_string(),
                Some(w) => match gloss(unit) {
                    Some((_, many)) => format!("{} of {} ({})", w, unit, many),
                    None => format!("{} of {}", w, unit),
                },
                None => format!("about {}", inner),
            },
            _ => format!("about {}", inner),
        },
    }
}

/// English names for common units: (singular, plural).
pub(super) fn gloss(unit: &str) -> Option<(String, String)> {
    if let Some((a, b)) = unit.split_once('/') {
        let (one, many) = gloss(a)?;
        let (per, _) = gloss(b)?;
        return Some((
            format!("{} per {}", one, per),
            format!("{} per {}", many, per),
        ));
    }
    let (s, p) = match unit {
        "元" | "块" | "块钱" | "人民币" | "塊" | "塊錢" | "人民幣" => ("yuan", "yuan"),
        "美元" | "美金" => ("US dollar", "US dollars"),
        "欧元" | "歐元" => ("euro", "euros"),
        "日元" | "日圓" | "日幣" => ("yen", "yen"),
        "英镑" => ("pound sterling", "pounds sterling"),
        "港元" | "港币" | "港幣" => ("Hong Kong dollar", "Hong Kong dollars"),
        "新台币" | "新台幣" | "台幣" | "台币" => {
            ("New Taiwan dollar", "New Taiwan dollars")
        }
        "韩元" | "韓元" | "韓圓" => ("won", "won"),
        "年" => ("year", "years"),
        "个月" | "個月" | "月" => ("month", "months"),
        "天" | "日" => ("day", "days"),
        "周" | "週" | "星期" | "个星期" | "個星期" => ("week", "weeks"),
        "小时" | "个小时" | "小時" | "個小時" => ("hour", "hours"),
        "分钟" | "分鐘" => ("minute", "minutes"),
        "秒" | "秒钟" | "秒鐘" => ("second", "seconds"),
        "岁" | "歲" => ("year old", "years old"),
        "周年" | "週年" => ("anniversary", "anniversary years"),
        "季度" | "个季度" | "個季度" => ("quarter", "quarters"),
        // 名 and 位 also count places in a ranking, so only 人 is glossed.
        "人" | "人口" => ("person", "people"),
        "人次" => ("person-time", "person-times"),
        "吨" | "噸" | "公噸" => ("tonne", "tonnes"),
        "公尺" => ("metre", "metres"),
        "平方公尺" => ("square metre", "square metres"),
        "坪" => ("ping (about 3.3 m²)", "ping (about 3.3 m² each)"),
        "公里" | "千米" | "km" => ("kilometre", "kilometres"),
        "米" | "m" => ("metre", "metres"),
        "平方米" | "平米" => ("square metre", "square metres"),
        "平方公里" | "平方千米" => ("square kilometre", "square kilometres"),
        "亩" => ("mu (about 667 m²)", "mu (about 667 m² each)"),
        "公顷" => ("hectare", "hectares"),
        "公斤" | "千克" | "kg" => ("kilogram", "kilograms"),
        "斤" => ("jin (half a kilogram)", "jin (half a kilogram each)"),
        "倍" => ("times", "times"),
        "千瓦" | "kW" => ("kilowatt", "kilowatts"),
        "千瓦时" | "kWh" => ("kilowatt-hour", "kilowatt-hours"),
        "个基点" => ("basis point", "basis points"),
        "桶" => ("barrel", "barrels"),
        "英寸" => ("inch", "inches"),
        "辆" | "輛" => ("vehicle", "vehicles"),
        _ => return None,
    };
    Some((s.to_string(), p.to_string()))
}

pub(super) fn describe_amount(value: f64, unit: &str) -> String {
    let g = gloss(unit);
    let name = |v: f64| {
        g.as_ref()
            .map(|(s, p)| if v == 1.0 { s.clone() } else { p.clone() })
    };
    let scaled = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")]
        .iter()
        .find(|(s, _)| value.abs() >= *s && value.is_finite())
        .map(|&(s, w)| format!("{} {}", fmt_num(value / s), w));
    let mut out = scaled.clone().unwrap_or_else(|| fmt_num(value));
    if !unit.is_empty() {
        out.push(' ');
        out.push_str(unit);
    }
    if let Some(n) = name(value) {
        out.push_str(&format!(" ({})", n));
    }
    if scaled.is_some() {
        out.push_str(" = ");
        out.push_str(&fmt_num(value));
        if let Some(n) = name(value) {
            out.push(' ');
            out.push_str(&n);
        }
    }
    out
}

pub(super) fn describe_fraction(n: f64, d: f64) -> String {
    if d == 0.0 || !n.is_finite() || !d.is_finite() {
        return format!("{}/{}", fmt_num(n), fmt_num(d));
    }
    let plain = |v: f64| fmt_num(v).replace(',', "");
    let name = fraction_words(n, d).unwrap_or_else(|| format!("{}/{}", plain(n), plain(d)));
    let pct = n / d * 100.0;
    let rounded = (pct * 10.0).round() / 10.0;
    let sign = if (rounded - pct).abs() < 1e-9 {
        "="
    } else {
        "≈"
    };
    format!("{} ({} {}%)", name, sign, fmt_num(rounded))
}

pub(super) fn fraction_words(n: f64, d: f64) -> Option<String> {
    const NUMS: [&str; 11] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    const DENS: [&str; 9] = [
        "half", "third", "quarter", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    ];
    if n.fract() != 0.0
        || d.fract() != 0.0
        || !(1.0..=10.0).contains(&n)
        || !(2.0..=10.0).contains(&d)
    {
        return None;
    }
    let (n, d) = (n as usize, d as usize);
    let den = DENS[d - 2];
    Some(if n == 1 {
        format!("one {}", den)
    } else if d == 2 {
        format!("{} halves", NUMS[n])
    } else {
        format!("{} {}s", NUMS[n], den)
    })
}

/// 1500000000000 -> "1,500,000,000,000"; 33.3333 -> "33.3333"; 1.50 -> "1.5".
pub(super) fn fmt_num(v: f64) -> String {
    if !v.is_finite() {
        return format!("{}", v);
    }
    let s = if v.abs() >= 1e15 {
        format!("{:.0}", v)
    } else {
        let r = (v * 10000.0).round() / 10000.0;
        let s = format!("{:.4}", r);
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", s.as_str()),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (rest, None),
    };
    let mut grouped = String::new();
    for (k, c) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if grouped.chars().all(|c| c == '0' || c == ',') && frac.is_none() {
        ""
    } else {
        sign
    };
    match frac {
        Some(f) => format!("{}{}.{}", sign, grouped, f),
        None => format!("{}{}", sign, grouped),
    }
}
