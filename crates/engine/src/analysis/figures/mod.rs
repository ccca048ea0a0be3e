//! Finds the figures in Chinese news text: dates, amounts with units,
//! percentages, fractions and ranks, and says what each means
//! ([`FigureValue::describe`]).
//!
//! The value is what the figure means, not only its number: 1.0个百分点 is
//! percentage points, 一季度 the first quarter, 上半年 the first half of the
//! year, 前三季度 the first three quarters, 2025财年 a fiscal year, 90年代 a
//! decade, 民国114年 the year 2025. Amounts and percentages keep how the text
//! bounds them ([`Bound`]): 十多年 "more than 10 years", 近万 "nearly
//! 10,000", 数十亿 "billions", 约3成 "about 30 percent". A qualifier before a
//! full number stays outside the highlight (超过240亿元 highlights 240亿元)
//! but still bounds its value; one the number cannot stand without is inside
//! (超亿元, 逾千人). The two ends of a range share their unit, magnitude and
//! month (2至3万亿元, 7月14日至15日).
//!
//! Traditional and Taiwanese spellings read the same way: 億, 萬, a space
//! before the unit (624.8 億美元), 兆 as a trillion, 7成4 = 74%. Whether a
//! bare 114年 is a Republic of China year depends on the script, which
//! [`find_figures_in`] takes; [`find_figures`] reads simplified text.
//!
//! | file | finds |
//! |---|---|
//! | `dates.rs` | dates, decades, quarters, halves, fiscal and ROC years |
//! | `amounts.rs` | amounts with units, percentages, percentage points, 成 |
//! | `fractions.rs`, `ranks.rs` | 三分之一, 一半, 过半; 第三, 第一大省 |
//! | `ranges.rs`, `bounds.rs` | what ranges share; 超过, 约, 左右 around a figure |
//! | `numbers.rs`, `chars.rs`, `skips.rs`, `data.rs` | number parsing, character helpers, non-figures, word lists |
//! | `describe.rs` | the English notes |
//!
//! The scanner works on a `&[char]` so every offset is a Unicode scalar index,
//! the unit the rest of the app uses for highlights. It is a hand-written
//! left-to-right matcher: at each position every matcher proposes a span, the
//! longest one wins, and scanning resumes after it, so results come out in
//! reading order and never overlap.
//!
//! Most exclusions come from general rules rather than lists:
//! * a lone 一 followed by a classifier is an article ("一个", "一家"), so it
//!   only counts before a unit that states a quantity (一年, 一倍, 一元);
//! * a Chinese numeral without a unit is only a figure when it is big
//!   (contains 万 or 亿: 千亿, 一千两百万), which drops 六小龙, 四大天王, 之一;
//! * numbers that start with a bare 百/千 need a 万/亿 or 余/多 after them,
//!   which drops 百姓, 百度, 千年, 千人计划;
//! * digits glued to Latin letters are model names (GPT-4, A100, 5G).
//!
//! Idioms, plan names and brand names that would slip through are kept in
//! `set_phrases` in `knowledge/figures.tsv`; any candidate touching one is dropped.
//!
//! std only, no `unsafe`; every index goes through [`at`], so no input panics.

use super::script::Script;

mod amounts;
mod bounds;
mod chars;
mod data;
mod dates;
mod describe;
mod fractions;
mod numbers;
mod ranges;
mod ranks;
mod skips;

use amounts::*;
use bounds::*;
use chars::*;
use data::*;
use dates::*;
use describe::*;
use fractions::*;
use numbers::*;
use ranges::*;
use ranks::*;
use skips::*;

/// A number-bearing expression found in a text. Offsets are indices into the
/// `chars` slice given to `find_figures` (Unicode scalar offsets), end exclusive.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub start: usize,
    pub end: usize,
    pub value: FigureValue,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FigureValue {
    /// 2024年, 2月21日, 2025年2月, 2025年2月21日, 2025-02-21, 2月
    Date {
        year: Option<i32>,
        month: Option<u32>,
        day: Option<u32>,
    },
    /// 90年代, 八十年代, 2010年代: the ten years starting at the given year.
    Decade(i32),
    /// 1.5万亿元 -> value 1.5e12, unit "元"; 1055亿颗 -> 1.055e11, unit "颗"; 179个 -> 179, "个"; 超亿元 -> 1e8 "元" ; 一年 -> 1 "年" (a duration); 千亿 -> 1e11, ""
    Amount { value: f64, unit: String },
    /// 70% , 10％, 百分之三十, 三成, 7成4 -> 70.0, 10.0, 30.0, 30.0, 74.0
    Percent(f64),
    /// 1.0个百分点, 3个百分点: a difference between two percentages.
    PercentagePoints(f64),
    /// 三分之一 -> 1/3, 一半 -> 1/2, 2/3
    Fraction { numerator: f64, denominator: f64 },
    /// 第三, 第一大省 (rank 1), 第四城, 第一个, 第100名
    Rank(u64),
    /// 一季度, 第三季度, Q3, 2025年一季度: quarter 1-4 of a year.
    Quarter { year: Option<i32>, quarter: u32 },
    /// 上半年 (H1), 下半年 (H2), 2025H1: half 1 or 2 of a year.
    Half { year: Option<i32>, half: u32 },
    /// 前三季度: the first `count` quarters of a year taken together.
    FirstQuarters { year: Option<i32>, count: u32 },
    /// 2025财年, FY2025, 2024财政年度: a fiscal year, named by its number.
    FiscalYear(i32),
    /// 民国114年, and 114年 in a traditional text: a Republic of China
    /// (Taiwan) year, the Gregorian year minus 1911.
    RocDate {
        roc_year: i32,
        month: Option<u32>,
        day: Option<u32>,
    },
    /// 十多年, 近万, 数十亿, 约3成, 3万余: an amount or percentage the text
    /// only bounds or estimates.
    Approximate {
        bound: Bound,
        value: Box<FigureValue>,
    },
}

/// How an [`FigureValue::Approximate`] figure relates to its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// 十多年, 百余家, 超过, 逾, 上百亿, 过亿
    MoreThan,
    /// 近万, 将近, 接近
    Nearly,
    /// 约3成, 大约, 十来个, 左右
    About,
    /// 不足, 不到
    LessThan,
    /// 以上: the number or more
    AtLeast,
    /// 以下, 以内: the number or less
    AtMost,
    /// 三四个: the number or the next one (3 or 4)
    OrNext,
    /// 数十亿, 几百: an order of magnitude (tens of, hundreds of), valued at
    /// its lower bound
    OrderOf,
}

impl FigureValue {
    /// A one-line English explanation for a card, e.g.
    /// "1.5 trillion 元 (yuan) = 1,500,000,000,000 yuan", "2025-02-21", "February 2025 (2025-02)", "February 21 (year not given)",
    /// "70 percent", "one third (≈ 33.3%)", "rank 3", "179 个", "1 percentage point",
    /// "the first quarter (Q1: January–March)", "more than 10 年 (years)".
    pub fn describe(&self) -> String {
        match self {
            FigureValue::Date { year, month, day } => describe_date(*year, *month, *day),
            FigureValue::Decade(y) => format!("the {}s", y),
            FigureValue::Amount { value, unit } => describe_amount(*value, unit),
            FigureValue::Percent(p) => format!("{} percent", fmt_num(*p)),
            FigureValue::PercentagePoints(p) => {
                let s = if *p == 1.0 { "" } else { "s" };
                format!("{} percentage point{}", fmt_num(*p), s)
            }
            FigureValue::Fraction {
                numerator,
                denominator,
            } => describe_fraction(*numerator, *denominator),
            FigureValue::Rank(r) => format!("rank {}", r),
            FigureValue::Quarter { year, quarter } => describe_quarter(*year, *quarter),
            FigureValue::Half { year, half } => describe_half(*year, *half),
            FigureValue::FirstQuarters { year, count } => describe_first_quarters(*year, *count),
            FigureValue::FiscalYear(y) => format!("fiscal year {} (FY{})", y, y),
            FigureValue::RocDate {
                roc_year,
                month,
                day,
            } => {
                let y = roc_year + 1911;
                let what = match (month, day) {
                    (None, _) => format!("the year {}", y),
                    (Some(m), None) => format!("{} {}", month_name(*m), y),
                    (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", y, m, d),
                };
                format!("{} (ROC year {}, Taiwan's calendar)", what, roc_year)
            }
            FigureValue::Approximate { bound, value } => describe_approx(*bound, value),
        }
    }
}

/// All figures in reading order, non-overlapping, each the widest span a careful reader would highlight as one figure.
/// Reads the text as simplified Chinese; see [`find_figures_in`].
pub fn find_figures(chars: &[char]) -> Vec<Figure> {
    find_figures_in(chars, Script::Simplified)
}

/// [`find_figures`] for a text in the given script. A traditional
/// (Taiwanese) text reads a bare 114年 as a Republic of China year (2025) and
/// 兆 after a number as a trillion; a simplified one needs 民国 for the first
/// and a currency after 兆 for the second (千兆网络 is gigabit).
pub fn find_figures_in(chars: &[char], script: Script) -> Vec<Figure> {
    let traditional = script == Script::Traditional;
    // Full-width digits, letters and signs map one-to-one onto ASCII, so the
    // matchers only know one spelling and the offsets stay valid.
    let mut t: Vec<char> = chars.iter().map(|&c| normalize(c)).collect();
    mark_trillions(&mut t, traditional);
    let blocked = set_phrase_mask(&t);
    let mut out: Vec<Figure> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if blocked[i] {
            i += 1;
            continue;
        }
        match scan_at(&t, i, &blocked, traditional) {
            Step::Found(end, value) if end > i && end <= t.len() => {
                out.push(Figure {
                    start: i,
                    end,
                    value,
                });
                i = end;
            }
            Step::Skip(end) if end > i => i = end,
            _ => i += 1,
        }
    }
    join_ranges(&t, &mut out);
    apply_qualifiers(&t, &mut out);
    out
}

// ---------------------------------------------------------------------------
// Scanner
// ---------------------------------------------------------------------------

enum Step {
    /// A figure spans from the current position to this end.
    Found(usize, FigureValue),
    /// Something numeric but not a figure (a list marker, a model name) runs
    /// to this end; skip it whole so its tail is not read as a new number.
    Skip(usize),
    Nothing,
}

fn scan_at(t: &[char], i: usize, blocked: &[bool], traditional: bool) -> Step {
    let c = match at(t, i) {
        Some(c) => c,
        None => return Step::Nothing,
    };
    // Most chars cannot begin a figure; leave them before any matcher runs.
    let may_start = c.is_ascii_digit()
        || is_cn_numeral(c)
        || matches!(
            c,
            '第' | '数'
                | '數'
                | '几'
                | '幾'
                | '半'
                | '('
                | '上'
                | '下'
                | '前'
                | 'Q'
                | 'H'
                | 'F'
                | '民'
        )
        || words().qualifiers.iter().any(|q| q.starts_with(c));
    if !may_start {
        return Step::Nothing;
    }
    if let Some(end) = list_marker(t, i) {
        return Step::Skip(end);
    }
    if c.is_ascii_digit() {
        // 2025Q1, 2025H1: a year glued to a Latin period label.
        if let Some((end, value)) = year_period_latin(t, i) {
            return Step::Found(end, value);
        }
        if !can_start_arabic(t, i) {
            return Step::Skip(alnum_run_end(t, i));
        }
        if let Some(core) = arabic_core(t, i) {
            let glued = at(t, core.end).is_some_and(|c| c.is_ascii_alphabetic());
            if glued && latin_unit_at(t, core.end).is_none() {
                return Step::Skip(alnum_run_end(t, i));
            }
        }
        if let Some(end) = clock_time(t, i) {
            return Step::Skip(end);
        }
        if let Some(end) = generation_label(t, i) {
            return Step::Skip(end);
        }
    }
    // Never start inside a run of Chinese numerals: the run was already tried
    // as a whole from its first char (十四五 must not yield 四五 or 五).
    if is_cn_numeral(c) && prev(t, i).is_some_and(is_cn_numeral) {
        return Step::Nothing;
    }
    let candidates = [
        period(t, i, None),
        fiscal_year(t, i),
        roc_date(t, i, traditional),
        iso_date(t, i),
        cn_date(t, i),
        decade(t, i),
        rank(t, i),
        fraction(t, i),
        half(t, i),
        qualified(t, i),
        amount(t, i, false),
    ];
    let mut best: Option<(usize, FigureValue)> = None;
    for (end, value) in candidates.into_iter().flatten() {
        if end <= i || end > t.len() || blocked[i..end].iter().any(|&b| b) {
            continue;
        }
        if best.as_ref().is_none_or(|b| end > b.0) {
            best = Some((end, value));
        }
    }
    match best {
        Some((end, value)) => Step::Found(end, value),
        None => Step::Nothing,
    }
}

/// Marks every char covered by a set phrase.
fn set_phrase_mask(t: &[char]) -> Vec<bool> {
    // Phrases indexed by first char, so each position tries only a few.
    let mut by_first: std::collections::HashMap<char, Vec<Vec<char>>> = Default::default();
    for p in &words().set_phrases {
        let chars: Vec<char> = p.chars().collect();
        if let Some(&f) = chars.first() {
            by_first.entry(f).or_default().push(chars);
        }
    }
    let mut mask = vec![false; t.len()];
    for i in 0..t.len() {
        let Some(candidates) = by_first.get(&t[i]) else {
            continue;
        };
        for p in candidates {
            if t.len() - i >= p.len() && t[i..i + p.len()] == p[..] {
                for m in mask.iter_mut().skip(i).take(p.len()) {
                    *m = true;
                }
            }
        }
    }
    mask
}
