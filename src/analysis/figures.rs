//! Finds the figures in Chinese news text: dates, amounts with units,
//! percentages, fractions and ranks.
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
//! [`SET_PHRASES`]; any candidate touching one is dropped.
//!
//! std only, no `unsafe`; every index goes through [`at`], so no input panics.

use super::script::Script;

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

/// Stands in (in the scanner's copy of the text only) for a 兆 that means
/// 10^12 (Taiwan's and Japan's trillion), so the number parser needs no flag.
/// A noncharacter, so it never occurs in real text.
const TRILLION: char = '\u{FDD0}';

/// Replaces 兆 with [`TRILLION`] where it follows a number and means a
/// trillion: always before a currency (1.2兆元), and in traditional texts
/// anywhere but before a metric unit (兆瓦 = megawatt, 兆赫 = megahertz).
fn mark_trillions(t: &mut [char], traditional: bool) {
    for k in 0..t.len() {
        if t[k] != '兆' || k == 0 {
            continue;
        }
        let mut b = k - 1;
        if is_space(t, b) && b > 0 {
            b -= 1;
        }
        let after_number =
            t[b].is_ascii_digit() || cn_digit(t[b]).is_some() || cn_small(t[b]).is_some();
        if !after_number {
            continue;
        }
        let n = skip_space(t, k + 1);
        let metric = at(t, n).is_some_and(|c| {
            c.is_ascii_alphabetic() || "瓦赫字帕焦欧歐位比伏安宽寬网網光".contains(c)
        });
        let currency = longest_of(t, n, CURRENCIES).is_some();
        if currency || (traditional && !metric) {
            t[k] = TRILLION;
        }
    }
}

/// Qualifiers that bound a figure they stand just before, outside its span
/// (超过240亿元 highlights 240亿元, which the card reads "more than …").
/// Longer spellings first.
#[rustfmt::skip]
const OUTSIDE_QUALIFIERS: &[(&str, Bound)] = &[
    ("超过", Bound::MoreThan), ("超過", Bound::MoreThan), ("突破", Bound::MoreThan),
    ("将近", Bound::Nearly), ("將近", Bound::Nearly), ("接近", Bound::Nearly),
    ("大约", Bound::About), ("大約", Bound::About), ("不足", Bound::LessThan),
    ("不到", Bound::LessThan), ("超", Bound::MoreThan), ("逾", Bound::MoreThan),
    ("近", Bound::Nearly), ("约", Bound::About), ("約", Bound::About),
];

/// Words after a figure that bound it, kept in its span: 300人左右.
#[rustfmt::skip]
const AFTER_QUALIFIERS: &[(&str, Bound)] = &[
    ("左右", Bound::About), ("上下", Bound::About), ("以上", Bound::AtLeast),
    ("以下", Bound::AtMost), ("以内", Bound::AtMost), ("以內", Bound::AtMost),
];

/// The bound a qualifier inside a span gives (超亿元, 近万, 逾千人, 上百亿);
/// 达, 高达 and 多达 only say the number was reached.
fn qualifier_bound(q: &str) -> Option<Bound> {
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

fn approx_of(bound: Option<Bound>, value: FigureValue) -> FigureValue {
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
fn apply_qualifiers(t: &[char], figs: &mut [Figure]) {
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
        let recent_span = matches!(*w, "近" | "将近" | "將近")
            && matches!(&f.value, FigureValue::Amount { value, unit }
                if *value < 100.0 && ["年", "个月", "個月", "天", "日", "周", "週", "季度", "个季度", "個季度"].contains(&unit.as_str()));
        if !part_of_word && !(recent_span && *w == "近") {
            f.value = approx_of(Some(*b), f.value.clone());
        }
    }
}

// ---------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------

/// Idioms, plan names, brands and fixed words whose numerals are not figures.
/// General rules already drop most of these; the list catches the rest (a
/// numeral followed by a real unit, or a rank word that means something else)
/// and documents the intent.
#[rustfmt::skip]
const SET_PHRASES: &[&str] = &[
    // plan, policy and slogan names
    "十二五", "十三五", "十四五", "十五五", "一带一路", "一国两制", "双循环", "两会", "两岸",
    "三农", "四个全面", "五位一体", "四个意识", "四个自信", "两个维护", "两个确立", "一号文件",
    "八项规定", "双11", "双12", "双十一", "双十二", "五年规划", "五年计划", "20国集团", "二十国集团",
    "七国集团",
    // nicknames, brands and places
    "六小龙", "四小龙", "七龙珠", "四大天王", "萤火一号", "三里河", "四千精神", "三只松鼠",
    "三一重工", "三星", "五粮液", "一汽", "二汽", "三峡", "九寨沟", "千岛湖", "万达", "万科",
    "三剑客", "七十二变",
    // sector and bloc names
    "第一产业", "第二产业", "第三产业", "第三世界",
    // words whose numeral carries no quantity ("immediately", "third party"…)
    "第一时间", "第三方", "第一线", "第一手", "第一财经", "第一性", "一把手", "一刀切", "一揽子",
    "一体化", "一站式", "一条龙", "一窝蜂", "一言堂", "一边倒", "一次性", "一口气", "一阵子",
    "一辈子", "一会儿", "一块儿", "一点儿", "三思", "一流", "万一", "一一", "千万不", "千万别",
    "千万要", "万万", "亿万", "一家独大", "一枝独秀", "一骑绝尘", "一锤定音",
    // four-character idioms
    "五湖四海", "七上八下", "一心一意", "三心二意", "四面八方", "一石二鸟", "一举两得", "千方百计",
    "千军万马", "万众一心", "千变万化", "一帆风顺", "九牛一毛", "十全十美", "三番五次", "乱七八糟",
    "一五一十", "丢三落四", "接二连三", "独一无二", "一清二楚", "三言两语", "五花八门", "七嘴八舌",
    "千钧一发", "万无一失", "一丝不苟", "一目了然", "一成不变", "一模一样", "百花齐放", "百家争鸣",
    "千载难逢", "万紫千红", "四通八达", "九死一生", "一日千里", "一落千丈", "一本万利", "百尺竿头",
    "百里挑一", "千篇一律", "万水千山", "一马当先", "一鸣惊人", "一针见血", "一往无前", "一诺千金",
    "一意孤行", "一无所有", "一劳永逸", "一览无余", "一脉相承", "一以贯之", "一如既往", "一年一度",
    "一年四季", "一朝一夕", "一分为二", "一波三折", "一触即发", "一蹴而就", "一箭双雕", "一衣带水",
    "成千上万", "千千万万", "十万火急", "三令五申", "三六九等", "五光十色", "六神无主", "七零八落",
    "八面玲珑", "九霄云外", "十拿九稳", "百年不遇", "百年大计", "千秋万代", "万古长青", "三足鼎立",
    "四分五裂", "半壁江山", "十月怀胎", "万家灯火", "半信半疑", "一席之地", "一臂之力", "一技之长",
    "一己之力", "九九归一", "一穷二白", "数一数二", "一日三餐", "三天两头", "一知半解", "一心一德",
];

/// Measure words and units that may follow a number. The longest match wins,
/// so "个月" beats "个" and "平方公里" beats "公里".
#[rustfmt::skip]
const UNITS: &[&str] = &[
    // currencies
    "元", "块", "块钱", "美元", "美金", "欧元", "日元", "英镑", "港元", "港币", "澳元", "加元",
    "韩元", "卢布", "法郎", "泰铢", "新台币", "人民币", "比特币",
    "塊", "塊錢", "歐元", "日圓", "日幣", "港幣", "韓元", "韓圓", "盧布", "新台幣", "台幣", "台币",
    "人民幣", "比特幣",
    // counts
    "个", "家", "人", "名", "位", "台", "辆", "架", "艘", "列", "组", "项", "次", "人次", "架次",
    "车次", "款", "只", "座", "所", "颗", "件", "条", "种", "批", "场", "部", "套", "份", "张",
    "本", "篇", "首", "匹", "棵", "株", "枚", "片", "层", "栋", "幢", "间", "户", "支", "队", "届",
    "期", "轮", "例", "宗", "笔", "单", "处", "股", "起", "倍", "岁", "级", "字", "页", "像素",
    "帧", "国", "省", "城", "所", "人口", "胜", "负", "个国家", "个城市", "个省份", "强",
    // time spans (a year written as a date is handled by the date matcher)
    "年", "年级", "周年", "个月", "天", "周", "星期", "个星期", "小时", "个小时", "分钟", "秒",
    "秒钟", "季度", "个季度", "个工作日", "个交易日", "工作日", "交易日",
    // physical measures
    "吨", "米", "公里", "千米", "厘米", "毫米", "纳米", "平方米", "平米", "平方公里", "平方千米",
    "立方米", "亩", "公顷", "公斤", "千克", "克", "斤", "升", "毫升", "桶", "瓦", "千瓦", "兆瓦",
    "吉瓦", "千瓦时", "度", "摄氏度", "℃", "°C", "赫兹", "英寸", "英尺", "英里", "海里", "光年",
    // traditional spellings
    "個", "個月", "個小時", "個星期", "個季度", "個工作日", "個交易日", "個國家", "個城市", "輛",
    "項", "張", "條", "種", "場", "隻", "顆", "筆", "歲", "週", "週年", "噸", "公噸", "戶",
    "間", "組", "臺", "屆", "級", "層", "棟", "處", "單", "頁", "國", "強",
    "平方公尺", "公尺", "公分", "坪", "小時", "分鐘", "秒鐘", "年級", "個省份",
];

#[rustfmt::skip]
const CURRENCIES: &[&str] = &[
    "元", "块", "块钱", "美元", "美金", "欧元", "日元", "英镑", "港元", "港币", "澳元", "加元",
    "韩元", "卢布", "法郎", "泰铢", "新台币", "人民币", "比特币",
    // traditional spellings
    "塊", "塊錢", "歐元", "日圓", "日幣", "港幣", "韓元", "韓圓", "盧布", "新台幣", "台幣", "台币",
    "人民幣", "比特幣",
];

/// Units a price can be quoted "per" (3000元/吨).
#[rustfmt::skip]
const PER_UNITS: &[&str] = &[
    "吨", "斤", "公斤", "千克", "克", "平方米", "平米", "桶", "股", "件", "个", "人", "年", "月",
    "天", "小时", "千瓦时", "度", "盎司", "张", "台", "辆", "亩", "升",
];

/// Units that only make sense after Arabic digits; after Chinese numerals
/// they are usually words (二级市场 = secondary market, 三国 = Three Kingdoms).
const ARABIC_ONLY_UNITS: &[&str] = &[
    "级", "国", "省", "城", "字", "页", "强", "級", "國", "頁", "強",
];

/// After a lone 一 only these units state a quantity; every other classifier
/// makes 一 an article ("一个", "一家", "一场").
#[rustfmt::skip]
const YI_OK_UNITS: &[&str] = &[
    "年", "个月", "天", "周", "星期", "个星期", "小时", "个小时", "分钟", "秒", "秒钟", "倍", "岁",
    "周年", "季度", "个季度", "元", "美元", "欧元", "日元", "英镑", "港元", "人民币", "公里",
    "千米", "米", "吨", "公斤", "千克", "平方米", "平方公里", "亩", "公顷", "千瓦时", "英寸",
    "个工作日", "个交易日", "個月", "週", "個星期", "小時", "個小時", "分鐘", "秒鐘", "個季度",
    "歐元", "日圓", "港幣", "新台幣", "台幣", "人民幣", "噸", "公尺", "個工作日", "個交易日",
];

/// Characters before 一 that make it part of a word (之一, 唯一, 统一, 每一年,
/// 有一天) rather than a count.
#[rustfmt::skip]
const YI_BAD_PREV: &[char] = &[
    '之', '唯', '统', '同', '每', '某', '这', '那', '有', '万', '逐', '单', '专', '划', '归', '合',
    '独', '另', '任', '其', '哪', '第', '初', '周', '礼', '拜', '星', '期',
];

/// Chars after 成 that make it a verb or noun (成为, 成员, 成本), not "tenths".
#[rustfmt::skip]
const CHENG_WORDS: &[char] = &[
    '为', '员', '功', '本', '立', '交', '长', '熟', '果', '绩', '就', '型', '品', '都', '效', '分',
    '色', '年', '人', '像', '批', '套', '全', '真', '形', '千',
];

/// Latin unit abbreviations allowed right after digits; any other glued
/// letters mark a model or product name (5G, 4K, A100).
#[rustfmt::skip]
const LATIN_UNITS: &[&str] = &[
    "km/h", "kWh", "MWh", "GWh", "TWh", "mAh", "GHz", "MHz", "kHz", "Hz", "nm", "mm", "cm", "km",
    "m", "kg", "mg", "g", "GW", "MW", "kW", "W", "GB", "TB", "MB", "PB", "KB", "mL", "ml", "L",
];

/// What may follow 第+numeral as part of the rank (第三季度, 第2名, 第四城).
#[rustfmt::skip]
const RANK_SUFFIXES: &[&str] = &[
    "名", "位", "个", "季度", "季", "次", "届", "期", "批", "轮", "城", "家", "代", "款", "条",
    "章", "节", "阶段", "梯队", "层", "站", "场", "部", "集", "天", "年", "周", "号", "项", "针",
    "波", "张", "座", "只", "艘", "台", "辆", "架", "局", "页", "回", "步", "股", "单", "例", "份",
    "所", "省", "城市", "把交椅", "分钟", "小时", "秒", "圈", "球", "棒", "关", "强",
];

/// Nouns after 第N大 that belong to the rank (第一大省, 第二大经济体).
#[rustfmt::skip]
const RANK_DA_NOUNS: &[&str] = &[
    "经济体", "城市", "省", "城", "市", "国", "股东", "品牌", "厂商", "市场", "港口", "港", "产区",
    "企业", "公司", "银行", "贸易伙伴", "行业", "产业", "来源国", "出口国", "进口国", "客户",
    "供应商", "产品", "单一市场", "平台", "运营商", "手机厂商", "车企",
];

/// Words before a 4-digit number + 年 that make it a span of years, not a date
/// (近2000年, 长达1000年).
#[rustfmt::skip]
const DURATION_QUALIFIERS: &[&str] = &[
    "近", "约", "逾", "超", "超过", "长达", "历经", "达", "经过", "过去", "将近", "接近", "大约",
    "足足", "整整", "約", "超過", "長達", "歷經", "達", "經過", "過去", "將近", "大約",
];

/// Qualifiers that stay inside the span only when the rest alone would lose
/// its number (超亿元, 上万人, 过亿); with a full number they stay outside.
#[rustfmt::skip]
const QUALIFIERS: &[&str] = &[
    "超过", "将近", "接近", "多达", "高达", "突破", "不足", "不到", "超", "过", "破", "上", "逾",
    "近", "约", "达", "超過", "將近", "多達", "高達", "過", "約", "達",
];

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
        || QUALIFIERS.iter().any(|q| q.starts_with(c));
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
    for p in SET_PHRASES {
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

/// "3-5年", "2至3万亿元" and "2020-2025年": the first number of a range
/// borrows the kind, unit and magnitude of the second, which carries them
/// for both. "7月14日至15日": the second date borrows the month (and year)
/// of the first, as it does after 、 and 和 (3月5日和6日).
fn join_ranges(t: &[char], figs: &mut [Figure]) {
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
fn range_first(v: f64, b: &FigureValue, mag: f64) -> Option<FigureValue> {
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
fn carry_forward(a: &FigureValue, b: &FigureValue) -> Option<FigureValue> {
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
fn magnitude_at(t: &[char], i: usize) -> f64 {
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

// ---------------------------------------------------------------------------
// Character helpers
// ---------------------------------------------------------------------------

fn at(t: &[char], i: usize) -> Option<char> {
    t.get(i).copied()
}

fn is(t: &[char], i: usize, c: char) -> bool {
    at(t, i) == Some(c)
}

fn prev(t: &[char], i: usize) -> Option<char> {
    if i == 0 {
        None
    } else {
        at(t, i - 1)
    }
}

/// A blank a traditional text may put between a number and its unit.
fn is_space(t: &[char], i: usize) -> bool {
    matches!(at(t, i), Some(' ' | '\u{a0}' | '\u{3000}'))
}

/// `i`, or one past a single blank at `i` when something follows it.
fn skip_space(t: &[char], i: usize) -> usize {
    if is_space(t, i) && !is_space(t, i + 1) && at(t, i + 1).is_some() {
        i + 1
    } else {
        i
    }
}

fn is_digit_at(t: &[char], i: usize) -> bool {
    at(t, i).is_some_and(|c| c.is_ascii_digit())
}

/// True when `s` occurs in `t` at `i`.
fn starts(t: &[char], i: usize, s: &str) -> bool {
    (i..).zip(s.chars()).all(|(k, c)| at(t, k) == Some(c))
}

/// True when the chars just before `i` spell `s`.
fn ends_with(t: &[char], i: usize, s: &str) -> bool {
    let n = s.chars().count();
    n <= i && starts(t, i - n, s)
}

/// Length (in chars) of the longest entry of `list` that occurs at `i`.
fn longest_of<'a>(t: &[char], i: usize, list: &[&'a str]) -> Option<(usize, &'a str)> {
    let mut best: Option<(usize, &'a str)> = None;
    for &s in list {
        if starts(t, i, s) {
            let n = s.chars().count();
            if best.is_none_or(|(b, _)| n > b) {
                best = Some((n, s));
            }
        }
    }
    best
}

fn normalize(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '％' | '﹪' => '%',
        '．' => '.',
        '／' => '/',
        '－' => '-',
        '：' => ':',
        '（' => '(',
        '）' => ')',
        _ => c,
    }
}

fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' | '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn cn_small(c: char) -> Option<f64> {
    Some(match c {
        '十' => 10.0,
        '百' => 100.0,
        '千' => 1000.0,
        _ => return None,
    })
}

fn cn_big(c: char) -> Option<f64> {
    Some(match c {
        '万' | '萬' => 1e4,
        '亿' | '億' => 1e8,
        _ => return None,
    })
}

fn is_cn_numeral(c: char) -> bool {
    cn_digit(c).is_some() || cn_small(c).is_some() || cn_big(c).is_some()
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// 千 followed by these is the kilo- of a unit (5千瓦 = 5 kW), not a thousand.
fn kilo_guard(t: &[char], i: usize) -> bool {
    matches!(
        at(t, i + 1),
        Some('瓦' | '克' | '米' | '卡' | '焦' | '帕' | '赫' | '伏')
    )
}

/// Whether position `i` begins a line (only blanks since the last newline).
fn line_start(t: &[char], i: usize) -> bool {
    let mut k = i;
    while k > 0 && matches!(t[k - 1], ' ' | '\t' | '\u{3000}') {
        k -= 1;
    }
    k == 0 || matches!(t[k - 1], '\n' | '\r')
}

// ---------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Arabic,
    Chinese,
    /// Chinese digits read one by one (二〇二五): only used for years.
    DigitString,
    /// 数百亿, 几十: an order of magnitude, valued at its lower bound.
    Vague,
}

#[derive(Clone, Copy, Debug)]
struct Num {
    end: usize,
    value: f64,
    kind: Kind,
    /// Arabic: digits before the decimal point; digit strings: their length.
    digits: usize,
    /// No separators, decimals, magnitude suffix or approximation marker.
    plain: bool,
    /// Contains 万 or 亿.
    has_big: bool,
    /// Contains 多/余/几 or is a range like 三四.
    approx: bool,
    /// What the approximation says about the value (三四 -> OrNext).
    bound: Option<Bound>,
    /// The numeral is exactly 一.
    lone_yi: bool,
    first: char,
}

struct ArabicCore {
    end: usize,
    value: f64,
    digits: usize,
    plain: bool,
}

/// Digits with optional thousands separators and decimals: 1,234.5
fn arabic_core(t: &[char], i: usize) -> Option<ArabicCore> {
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
fn parse_cn(t: &[char], i: usize, allow_point: bool) -> Option<Num> {
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
fn parse_number(t: &[char], i: usize, allow_point: bool) -> Option<Num> {
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

fn year_like(n: &Num) -> bool {
    match n.kind {
        Kind::Arabic => n.plain && n.digits == 4 && (1000.0..=2999.0).contains(&n.value),
        Kind::DigitString => n.digits == 4,
        _ => false,
    }
}

fn duration_context(t: &[char], i: usize) -> bool {
    DURATION_QUALIFIERS.iter().any(|q| ends_with(t, i, q))
}

fn yi_bad_prev(t: &[char], i: usize) -> bool {
    prev(t, i).is_some_and(|c| YI_BAD_PREV.contains(&c))
}

/// A small whole number such as a month or day: 2, 02, 十二.
fn small_int(t: &[char], i: usize) -> Option<(usize, u32, Num)> {
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

// ---------------------------------------------------------------------------
// Skips: things made of digits that are not figures
// ---------------------------------------------------------------------------

/// Arabic digits may not start right after a letter or digit (A100, Mate60),
/// inside a decimal, or after the hyphen of a name (COVID-19, Grok-3).
fn can_start_arabic(t: &[char], i: usize) -> bool {
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

fn alnum_run_end(t: &[char], i: usize) -> usize {
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
fn list_marker(t: &[char], i: usize) -> Option<usize> {
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
fn clock_time(t: &[char], i: usize) -> Option<usize> {
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
fn generation_label(t: &[char], i: usize) -> Option<usize> {
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
fn latin_unit_at(t: &[char], p: usize) -> Option<(usize, String)> {
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
        if LATIN_UNITS.contains(&with_per.as_str()) {
            end = k;
        }
    }
    if at(t, end).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let unit: String = t[p..end].iter().collect();
    LATIN_UNITS.contains(&unit.as_str()).then_some((end, unit))
}

/// "iPhone 16", "Llama 3": a bare number after a Latin word is a model number.
fn latin_word_before(t: &[char], i: usize) -> bool {
    let mut k = i;
    let mut spaces = 0;
    while k > 0 && t[k - 1] == ' ' {
        k -= 1;
        spaces += 1;
    }
    spaces > 0 && k > 0 && t[k - 1].is_ascii_alphabetic()
}

// ---------------------------------------------------------------------------
// Matchers. Each returns the end of its span and the value, or None.
// ---------------------------------------------------------------------------

type Match = Option<(usize, FigureValue)>;

fn date(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> FigureValue {
    FigureValue::Date { year, month, day }
}

/// 2025-02-21, 2025/2/21, 2025.02.21
fn iso_date(t: &[char], i: usize) -> Match {
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
fn cn_date(t: &[char], i: usize) -> Match {
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
fn quarter_number(t: &[char], i: usize) -> Option<(usize, u32)> {
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
fn period(t: &[char], i: usize, year: Option<i32>) -> Match {
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
fn year_period_latin(t: &[char], i: usize) -> Match {
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
fn fiscal_year(t: &[char], i: usize) -> Match {
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
fn roc_date(t: &[char], i: usize, traditional: bool) -> Match {
    let explicit = starts(t, i, "民国") || starts(t, i, "民國");
    if !explicit && !(traditional && is_digit_at(t, i)) {
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
fn standalone_day_ok(t: &[char], start: usize, marker: usize) -> bool {
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
fn decade(t: &[char], i: usize) -> Match {
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

/// 第三, 第2名, 第一大省, 第二大经济体, 第三季度.
fn rank(t: &[char], i: usize) -> Match {
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
        if let Some((len, _)) = longest_of(t, p, RANK_DA_NOUNS) {
            p += len;
        }
    } else if let Some((len, _)) = longest_of(t, p, RANK_SUFFIXES) {
        p += len;
    }
    Some((p, FigureValue::Rank(n.value as u64)))
}

/// 三分之一, 百分之三十 (a percentage), 2/3.
fn fraction(t: &[char], i: usize) -> Match {
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

fn slash_fraction(t: &[char], i: usize) -> Match {
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
fn half(t: &[char], i: usize) -> Match {
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

/// 超亿元, 上万人, 过亿, 近百年: the qualifier stays in the span only when the
/// number alone would not be read as one (亿元 is not a figure, 超亿元 is).
fn qualified(t: &[char], i: usize) -> Match {
    let (len, q) = longest_of(t, i, QUALIFIERS)?;
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
fn amount(t: &[char], i: usize, relaxed: bool) -> Match {
    amount_inner(t, i, relaxed, true)
}

/// `allow_range` lets a bare Chinese numeral borrow the unit of the number
/// after a range connector (三到五年); the inner call never recurses again,
/// so long chains cannot grow the stack.
fn amount_inner(t: &[char], i: usize, relaxed: bool, allow_range: bool) -> Match {
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
            || longest_of(t, q, UNITS).is_some();
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
        && longest_of(t, p + 1, UNITS).is_some()
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
        && !at(t, p + 1).is_some_and(|c| CHENG_WORDS.contains(&c))
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
                    || longest_of(t, q + 1, UNITS).is_some()
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
    let unit_here = longest_of(t, p, UNITS)
        .filter(|(_, u)| n.kind == Kind::Arabic || !ARABIC_ONLY_UNITS.contains(u));
    if let Some((len, unit)) = unit_here {
        let mut end = p + len;
        let mut value = v;
        let mut unit = unit.to_string();
        if n.lone_yi && !YI_OK_UNITS.contains(&unit.as_str()) {
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
        if CURRENCIES.contains(&unit.as_str()) && is(t, end, '/') {
            if let Some((l2, per)) = longest_of(t, end + 1, PER_UNITS) {
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

// ---------------------------------------------------------------------------
// Descriptions
// ---------------------------------------------------------------------------

const MONTHS: [&str; 12] = [
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

fn month_name(m: u32) -> String {
    match m {
        1..=12 => MONTHS[(m - 1) as usize].to_string(),
        _ => format!("month {}", m),
    }
}

fn describe_date(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> String {
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

const ORDINALS: [&str; 4] = ["first", "second", "third", "fourth"];

fn describe_quarter(year: Option<i32>, q: u32) -> String {
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

fn describe_half(year: Option<i32>, h: u32) -> String {
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

fn describe_first_quarters(year: Option<i32>, n: u32) -> String {
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
fn magnitude_words(v: f64) -> Option<&'static str> {
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

fn describe_approx(bound: Bound, value: &FigureValue) -> String {
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
fn gloss(unit: &str) -> Option<(String, String)> {
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

fn describe_amount(value: f64, unit: &str) -> String {
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

fn describe_fraction(n: f64, d: f64) -> String {
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

fn fraction_words(n: f64, d: f64) -> Option<String> {
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
fn fmt_num(v: f64) -> String {
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

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> Vec<Figure> {
        let chars: Vec<char> = s.chars().collect();
        find_figures(&chars)
    }

    /// The figures as (highlighted text, value).
    fn figs(s: &str) -> Vec<(String, FigureValue)> {
        let chars: Vec<char> = s.chars().collect();
        find_figures(&chars)
            .into_iter()
            .map(|f| (chars[f.start..f.end].iter().collect(), f.value))
            .collect()
    }

    fn one(s: &str) -> (String, FigureValue) {
        let f = figs(s);
        assert_eq!(f.len(), 1, "expected one figure in {:?}, got {:?}", s, f);
        f.into_iter().next().unwrap()
    }

    fn amount(v: f64, u: &str) -> FigureValue {
        FigureValue::Amount {
            value: v,
            unit: u.to_string(),
        }
    }

    fn date(y: Option<i32>, m: Option<u32>, d: Option<u32>) -> FigureValue {
        FigureValue::Date {
            year: y,
            month: m,
            day: d,
        }
    }

    fn frac(n: f64, d: f64) -> FigureValue {
        FigureValue::Fraction {
            numerator: n,
            denominator: d,
        }
    }

    fn approx(b: Bound, v: FigureValue) -> FigureValue {
        FigureValue::Approximate {
            bound: b,
            value: Box::new(v),
        }
    }

    fn none(s: &str) {
        let f = figs(s);
        assert!(f.is_empty(), "expected no figures in {:?}, got {:?}", s, f);
    }

    #[test]
    fn empty_input() {
        assert!(find_figures(&[]).is_empty());
        none("");
        none("   \n\n");
    }

    #[test]
    fn full_date_is_one_figure() {
        assert_eq!(
            one("2025年2月21日"),
            ("2025年2月21日".into(), date(Some(2025), Some(2), Some(21)))
        );
        assert_eq!(
            one("定于2025年2月21号举行"),
            ("2025年2月21号".into(), date(Some(2025), Some(2), Some(21)))
        );
    }

    #[test]
    fn partial_dates() {
        assert_eq!(
            one("2024年"),
            ("2024年".into(), date(Some(2024), None, None))
        );
        assert_eq!(
            one("2月21日"),
            ("2月21日".into(), date(None, Some(2), Some(21)))
        );
        assert_eq!(
            one("2025年2月"),
            ("2025年2月".into(), date(Some(2025), Some(2), None))
        );
        assert_eq!(one("今年2月"), ("2月".into(), date(None, Some(2), None)));
        assert_eq!(one("3月份"), ("3月份".into(), date(None, Some(3), None)));
        assert_eq!(one("于21日"), ("21日".into(), date(None, None, Some(21))));
        assert_eq!(
            one("2024年底"),
            ("2024年".into(), date(Some(2024), None, None))
        );
        assert_eq!(
            one("2024年度"),
            ("2024年度".into(), date(Some(2024), None, None))
        );
    }

    #[test]
    fn iso_dates() {
        assert_eq!(
            one("2025-02-21"),
            ("2025-02-21".into(), date(Some(2025), Some(2), Some(21)))
        );
        assert_eq!(
            one("发布于2025/2/21。"),
            ("2025/2/21".into(), date(Some(2025), Some(2), Some(21)))
        );
        assert_eq!(
            one("2025.02.21"),
            ("2025.02.21".into(), date(Some(2025), Some(2), Some(21)))
        );
    }

    #[test]
    fn chinese_numeral_dates() {
        assert_eq!(
            one("二〇二五年二月二十一日"),
            (
                "二〇二五年二月二十一日".into(),
                date(Some(2025), Some(2), Some(21))
            )
        );
        assert_eq!(one("十二月"), ("十二月".into(), date(None, Some(12), None)));
    }

    #[test]
    fn decades() {
        assert_eq!(
            one("上世纪90年代"),
            ("90年代".into(), FigureValue::Decade(1990))
        );
        assert_eq!(
            one("八十年代"),
            ("八十年代".into(), FigureValue::Decade(1980))
        );
        assert_eq!(
            one("2010年代"),
            ("2010年代".into(), FigureValue::Decade(2010))
        );
    }

    #[test]
    fn big_amounts_with_units() {
        assert_eq!(one("1.5万亿元"), ("1.5万亿元".into(), amount(1.5e12, "元")));
        assert_eq!(
            one("高达1055亿颗"),
            ("1055亿颗".into(), amount(1.055e11, "颗"))
        );
        assert_eq!(one("179个"), ("179个".into(), amount(179.0, "个")));
        assert_eq!(one("3千万美元"), ("3千万美元".into(), amount(3e7, "美元")));
        assert_eq!(
            one("100多万人"),
            (
                "100多万人".into(),
                approx(Bound::MoreThan, amount(1e6, "人"))
            )
        );
    }

    #[test]
    fn qualifiers_stay_outside_unless_needed() {
        // Outside or inside the span, the qualifier bounds the value.
        let more = |v| approx(Bound::MoreThan, v);
        assert_eq!(
            one("超1.5万亿元"),
            ("1.5万亿元".into(), more(amount(1.5e12, "元")))
        );
        assert_eq!(one("超亿元"), ("超亿元".into(), more(amount(1e8, "元"))));
        assert_eq!(one("超万人"), ("超万人".into(), more(amount(1e4, "人"))));
        assert_eq!(one("销量过亿"), ("过亿".into(), more(amount(1e8, ""))));
        assert_eq!(one("上千万元"), ("千万元".into(), more(amount(1e7, "元"))));
        assert_eq!(
            one("约300家"),
            ("300家".into(), approx(Bound::About, amount(300.0, "家")))
        );
        // ...but not where the qualifier is part of a word.
        assert_eq!(one("节约300万元"), ("300万元".into(), amount(3e6, "元")));
        assert_eq!(one("最近3天"), ("3天".into(), amount(3.0, "天")));
        assert_eq!(one("近3年来"), ("3年".into(), amount(3.0, "年")));
        assert_eq!(
            one("300人左右"),
            (
                "300人左右".into(),
                approx(Bound::About, amount(300.0, "人"))
            )
        );
    }

    #[test]
    fn bare_big_quantities() {
        assert_eq!(one("千亿"), ("千亿".into(), amount(1e11, "")));
        assert_eq!(one("万亿级市场"), ("万亿".into(), amount(1e12, "")));
        assert_eq!(
            one("数百亿"),
            ("数百亿".into(), approx(Bound::OrderOf, amount(1e10, "")))
        );
        assert_eq!(one("一千两百万"), ("一千两百万".into(), amount(1.2e7, "")));
        assert_eq!(one("3千万"), ("3千万".into(), amount(3e7, "")));
        assert_eq!(one("两亿五千万"), ("两亿五千万".into(), amount(2.5e8, "")));
    }

    #[test]
    fn durations() {
        assert_eq!(one("一年"), ("一年".into(), amount(1.0, "年")));
        assert_eq!(one("三年"), ("三年".into(), amount(3.0, "年")));
        assert_eq!(one("10年前"), ("10年".into(), amount(10.0, "年")));
        assert_eq!(
            one("近2000年"),
            ("2000年".into(), approx(Bound::Nearly, amount(2000.0, "年")))
        );
        assert_eq!(
            one("1000多年"),
            (
                "1000多年".into(),
                approx(Bound::MoreThan, amount(1000.0, "年"))
            )
        );
        assert_eq!(one("3个月"), ("3个月".into(), amount(3.0, "个月")));
        assert_eq!(
            one("两个半小时"),
            ("两个半小时".into(), amount(2.5, "个小时"))
        );
        assert_eq!(one("一年半"), ("一年半".into(), amount(1.5, "年")));
        assert_eq!(one("十分钟"), ("十分钟".into(), amount(10.0, "分钟")));
    }

    #[test]
    fn percentages() {
        assert_eq!(one("70%"), ("70%".into(), FigureValue::Percent(70.0)));
        assert_eq!(one("10％"), ("10％".into(), FigureValue::Percent(10.0)));
        assert_eq!(
            one("百分之三十"),
            ("百分之三十".into(), FigureValue::Percent(30.0))
        );
        assert_eq!(
            one("百分之三点五"),
            ("百分之三点五".into(), FigureValue::Percent(3.5))
        );
        assert_eq!(
            one("3个百分点"),
            ("3个百分点".into(), FigureValue::PercentagePoints(3.0))
        );
        assert_eq!(
            one("同比增长5.2%"),
            ("5.2%".into(), FigureValue::Percent(5.2))
        );
        assert_eq!(one("三成"), ("三成".into(), FigureValue::Percent(30.0)));
        assert_eq!(one("7成4"), ("7成4".into(), FigureValue::Percent(74.0)));
        assert_eq!(one("三成半"), ("三成半".into(), FigureValue::Percent(35.0)));
    }

    #[test]
    fn fractions() {
        assert_eq!(one("三分之一"), ("三分之一".into(), frac(1.0, 3.0)));
        assert_eq!(one("2/3"), ("2/3".into(), frac(2.0, 3.0)));
        assert_eq!(one("一半"), ("一半".into(), frac(1.0, 2.0)));
        assert_eq!(one("半数"), ("半数".into(), frac(1.0, 2.0)));
        assert_eq!(one("千分之五"), ("千分之五".into(), frac(5.0, 1000.0)));
    }

    #[test]
    fn ranks() {
        assert_eq!(one("第三"), ("第三".into(), FigureValue::Rank(3)));
        assert_eq!(one("第一大省"), ("第一大省".into(), FigureValue::Rank(1)));
        assert_eq!(
            one("第二大经济体"),
            ("第二大经济体".into(), FigureValue::Rank(2))
        );
        assert_eq!(one("第四城"), ("第四城".into(), FigureValue::Rank(4)));
        assert_eq!(one("第一个"), ("第一个".into(), FigureValue::Rank(1)));
        assert_eq!(one("第100名"), ("第100名".into(), FigureValue::Rank(100)));
        assert_eq!(one("第2名"), ("第2名".into(), FigureValue::Rank(2)));
        assert_eq!(
            one("第三季度"),
            (
                "第三季度".into(),
                FigureValue::Quarter {
                    year: None,
                    quarter: 3
                }
            )
        );
        assert_eq!(one("第二十届"), ("第二十届".into(), FigureValue::Rank(20)));
    }

    #[test]
    fn arabic_separators_and_decimals() {
        assert_eq!(one("1,234.5"), ("1,234.5".into(), amount(1234.5, "")));
        assert_eq!(one("1.5"), ("1.5".into(), amount(1.5, "")));
        assert_eq!(
            one("10,000,000辆"),
            ("10,000,000辆".into(), amount(1e7, "辆"))
        );
        // A comma after four digits separates list items.
        assert_eq!(figs("2024,2025").len(), 2);
    }

    #[test]
    fn excludes_names_and_set_phrases() {
        for s in [
            "六小龙",
            "七龙珠",
            "四大天王",
            "萤火一号",
            "一带一路",
            "十四五规划",
            "双循环",
            "三里河",
            "四千精神",
            "996工作制",
            "两会期间",
            "三星手机",
        ] {
            none(s);
        }
    }

    #[test]
    fn excludes_digits_glued_to_latin() {
        for s in [
            "Grok-3",
            "GPT-4",
            "5G",
            "A100",
            "H20",
            "Mate60",
            "COVID-19",
            "Qwen2.5-Max",
            "4K屏",
            "iPhone 16",
        ] {
            none(s);
        }
        // ...but a known unit glued to digits is an amount.
        assert_eq!(one("100GW"), ("100GW".into(), amount(100.0, "GW")));
        assert_eq!(one("3nm工艺"), ("3nm".into(), amount(3.0, "nm")));
    }

    #[test]
    fn excludes_list_markers() {
        none("1、坚持创新");
        none("总体\n2. 加强合作");
        none("（3）深化改革");
        none("(3) 深化改革");
        none("一、总体要求");
        // The marker goes, the figure after it stays.
        assert_eq!(
            one("1. 2024年增长"),
            ("2024年".into(), date(Some(2024), None, None))
        );
        // A decimal at line start is not a marker.
        assert_eq!(one("2.5倍"), ("2.5倍".into(), amount(2.5, "倍")));
    }

    #[test]
    fn excludes_indefinite_yi() {
        for s in [
            "一个",
            "一种",
            "一座",
            "一位",
            "一次",
            "一场",
            "一家",
            "一条",
            "一支",
            "一番",
            "一批",
            "一下",
            "一些",
            "一直",
            "一起",
            "一切",
            "一样",
            "一般",
            "一定",
            "一旦",
            "一方面",
            "一度",
            "一举",
            "一系列",
            "一大",
            "之一",
            "唯一",
            "统一",
            "第一时间",
            "有一天",
        ] {
            none(s);
        }
        // A quantity-stating unit keeps it.
        assert_eq!(one("一倍"), ("一倍".into(), amount(1.0, "倍")));
        assert_eq!(one("一个月"), ("一个月".into(), amount(1.0, "个月")));
    }

    #[test]
    fn excludes_vague_words_and_idioms() {
        for s in [
            "多年",
            "多只",
            "首家",
            "几个",
            "数个",
            "若干",
            "万一",
            "一一",
            "十分重要",
            "百姓",
            "千万不要",
            "三思",
            "一流",
            "一线城市",
            "二线",
            "五湖四海",
            "七上八下",
            "一成不变",
            "百度",
            "千年古城",
            "成千上万",
        ] {
            none(s);
        }
        assert_eq!(one("千万元"), ("千万元".into(), amount(1e7, "元")));
    }

    #[test]
    fn approximate_counts() {
        let more = |v| approx(Bound::MoreThan, v);
        assert_eq!(one("十几个"), ("十几个".into(), more(amount(10.0, "个"))));
        assert_eq!(one("百余家"), ("百余家".into(), more(amount(100.0, "家"))));
        assert_eq!(
            one("数十家"),
            ("数十家".into(), approx(Bound::OrderOf, amount(10.0, "家")))
        );
        assert_eq!(
            one("三四个"),
            ("三四个".into(), approx(Bound::OrNext, amount(3.0, "个")))
        );
        assert_eq!(
            one("近百年"),
            ("近百年".into(), approx(Bound::Nearly, amount(100.0, "年")))
        );
        assert_eq!(one("3万余"), ("3万余".into(), more(amount(3e4, ""))));
        assert_eq!(
            approx(Bound::OrderOf, amount(1e9, "元")).describe(),
            "billions of 元 (yuan)"
        );
        assert_eq!(
            approx(Bound::OrNext, amount(3.0, "个")).describe(),
            "3 or 4 个"
        );
    }

    #[test]
    fn full_width_digits_and_percent() {
        assert_eq!(one("１２３个"), ("１２３个".into(), amount(123.0, "个")));
        assert_eq!(one("５０％"), ("５０％".into(), FigureValue::Percent(50.0)));
        assert_eq!(
            one("２０２５年２月"),
            ("２０２５年２月".into(), date(Some(2025), Some(2), None))
        );
        // Full-width Latin glued to digits is still a model name.
        none("ＧＰＴ－４");
    }

    #[test]
    fn offsets_with_multibyte_and_latin() {
        let s = "据Reuters报道😀，2025年营收达1.5万亿元，增长70%。";
        let chars: Vec<char> = s.chars().collect();
        let f = find_figures(&chars);
        assert_eq!(f.len(), 3);
        // "据Reuters报道😀，" is 1 + 7 + 2 + 1 + 1 = 12 chars.
        assert_eq!((f[0].start, f[0].end), (12, 17));
        assert_eq!(f[0].value, date(Some(2025), None, None));
        assert_eq!((f[1].start, f[1].end), (20, 26));
        assert_eq!(f[1].value, amount(1.5e12, "元"));
        assert_eq!((f[2].start, f[2].end), (29, 32));
        assert_eq!(f[2].value, FigureValue::Percent(70.0));
        let text: String = chars[f[1].start..f[1].end].iter().collect();
        assert_eq!(text, "1.5万亿元");
    }

    #[test]
    fn ranges_share_their_unit() {
        let f = figs("2020-2025年");
        assert_eq!(f[0], ("2020".into(), date(Some(2020), None, None)));
        assert_eq!(f[1], ("2025年".into(), date(Some(2025), None, None)));
        let f = figs("1-2月");
        assert_eq!(f[0].1, date(None, Some(1), None));
        assert_eq!(f[1].1, date(None, Some(2), None));
        let f = figs("3至5年");
        assert_eq!(f[0].1, amount(3.0, "年"));
        assert_eq!(f[1].1, amount(5.0, "年"));
        let f = figs("10%-20%");
        assert_eq!(f[0].1, FigureValue::Percent(10.0));
    }

    #[test]
    fn chinese_ranges_share_their_unit() {
        let f = figs("未来三到五年内");
        assert_eq!(f[0], ("三".into(), amount(3.0, "年")));
        assert_eq!(f[1], ("五年".into(), amount(5.0, "年")));
        let f = figs("一至二月");
        assert_eq!(f[0].1, date(None, Some(1), None));
        assert_eq!(f[1].1, date(None, Some(2), None));
        // 一到 meaning "as soon as" has no number after it.
        none("他一到北京就去了天安门");
    }

    #[test]
    fn quarters_and_seasons() {
        let q = |year, quarter| FigureValue::Quarter { year, quarter };
        assert_eq!(one("今年一季度"), ("一季度".into(), q(None, 1)));
        assert_eq!(one("Q3财报"), ("Q3".into(), q(None, 3)));
        assert_eq!(
            one("2025年一季度"),
            ("2025年一季度".into(), q(Some(2025), 1))
        );
        assert_eq!(one("2025Q1"), ("2025Q1".into(), q(Some(2025), 1)));
        assert_eq!(
            one("前三季度"),
            (
                "前三季度".into(),
                FigureValue::FirstQuarters {
                    year: None,
                    count: 3
                }
            )
        );
        assert_eq!(
            one("2025年上半年"),
            (
                "2025年上半年".into(),
                FigureValue::Half {
                    year: Some(2025),
                    half: 1
                }
            )
        );
        assert_eq!(
            one("连续两个季度"),
            ("两个季度".into(), amount(2.0, "个季度"))
        );
        none("H20芯片");
        assert_eq!(
            one("2024/25赛季"),
            ("2024/25".into(), date(Some(2024), None, None))
        );
        assert_eq!(one("第3分钟"), ("第3分钟".into(), FigureValue::Rank(3)));
    }

    #[test]
    fn fiscal_and_roc_years() {
        assert_eq!(
            one("2025财年"),
            ("2025财年".into(), FigureValue::FiscalYear(2025))
        );
        assert_eq!(
            one("FY2025"),
            ("FY2025".into(), FigureValue::FiscalYear(2025))
        );
        let roc = |roc_year, month| FigureValue::RocDate {
            roc_year,
            month,
            day: None,
        };
        assert_eq!(one("民国114年"), ("民国114年".into(), roc(114, None)));
        let trad = |s: &str| {
            let chars: Vec<char> = s.chars().collect();
            find_figures_in(&chars, Script::Traditional)
                .into_iter()
                .map(|f| (chars[f.start..f.end].iter().collect::<String>(), f.value))
                .collect::<Vec<_>>()
        };
        assert_eq!(trad("114 年預算"), vec![("114 年".into(), roc(114, None))]);
        assert_eq!(
            trad("113年3月"),
            vec![("113年3月".into(), roc(113, Some(3)))]
        );
        // Without the signal, or as a span of years, it stays a count.
        assert_eq!(one("114年"), ("114年".into(), amount(114.0, "年")));
        assert_eq!(
            trad("已有114年歷史"),
            vec![("114年".into(), amount(114.0, "年"))]
        );
        assert_eq!(
            trad("624.8 億美元"),
            vec![("624.8 億美元".into(), amount(624.8e8, "美元"))]
        );
        assert_eq!(
            trad("1.2兆元"),
            vec![("1.2兆元".into(), amount(1.2e12, "元"))]
        );
        none("千兆网络");
    }

    #[test]
    fn ranges_carry_month_and_magnitude() {
        let f = figs("7月14日至15日");
        assert_eq!(f[1], ("15日".into(), date(None, Some(7), Some(15))));
        let f = figs("2至3万亿元");
        assert_eq!(f[0], ("2".into(), amount(2e12, "元")));
        let f = figs("两到三万亿元");
        assert_eq!(f[0], ("两".into(), amount(2e12, "元")));
    }

    #[test]
    fn more_non_figures() {
        for s in [
            "三五成群",
            "一是要稳，二是要进",
            "零售额",
            "零部件",
            "比分为3:1",
            "《哪吒2》",
            "第三产业",
            "二十国集团",
            "同一年",
            "这一政策",
        ] {
            none(s);
        }
    }

    #[test]
    fn numbered_things_are_not_dates() {
        none("地铁3号线");
        none("嫦娥6号");
        assert_eq!(one("21号晚上"), ("21号".into(), date(None, None, Some(21))));
        assert_eq!(
            one("新华社北京2月21日电"),
            ("2月21日".into(), date(None, Some(2), Some(21)))
        );
    }

    #[test]
    fn clock_times_and_generation_labels_are_skipped() {
        none("10:30开始");
        none("8时30分");
        none("80后");
        none("00后消费者");
    }

    #[test]
    fn unit_prices_and_basis_points() {
        assert_eq!(
            one("3000元/吨"),
            ("3000元/吨".into(), amount(3000.0, "元/吨"))
        );
        assert_eq!(
            one("下调25个基点"),
            ("25个基点".into(), amount(25.0, "个基点"))
        );
        assert_eq!(one("100万千瓦"), ("100万千瓦".into(), amount(1e6, "千瓦")));
    }

    #[test]
    fn news_paragraph() {
        let s = "2024年，全国规模以上工业企业实现利润7.4万亿元，比上年下降3.3%。\
                 其中，广东连续第36年位居第一大省，深圳GDP超3.6万亿元，占全省三分之一。";
        let got: Vec<String> = figs(s).into_iter().map(|f| f.0).collect();
        assert_eq!(
            got,
            vec![
                "2024年",
                "7.4万亿元",
                "3.3%",
                "第36年",
                "第一大省",
                "3.6万亿元",
                "三分之一"
            ]
        );
    }

    #[test]
    fn describe_examples() {
        assert_eq!(
            amount(1.5e12, "元").describe(),
            "1.5 trillion 元 (yuan) = 1,500,000,000,000 yuan"
        );
        assert_eq!(date(Some(2025), Some(2), Some(21)).describe(), "2025-02-21");
        assert_eq!(
            date(Some(2025), Some(2), None).describe(),
            "February 2025 (2025-02)"
        );
        assert_eq!(
            date(None, Some(2), Some(21)).describe(),
            "February 21 (year not given)"
        );
        assert_eq!(FigureValue::Percent(70.0).describe(), "70 percent");
        assert_eq!(frac(1.0, 3.0).describe(), "one third (≈ 33.3%)");
        assert_eq!(frac(2.0, 3.0).describe(), "two thirds (≈ 66.7%)");
        assert_eq!(frac(1.0, 2.0).describe(), "one half (= 50%)");
        assert_eq!(FigureValue::Rank(3).describe(), "rank 3");
        assert_eq!(amount(179.0, "个").describe(), "179 个");
        assert_eq!(amount(1e11, "").describe(), "100 billion = 100,000,000,000");
        assert_eq!(
            amount(1.055e11, "颗").describe(),
            "105.5 billion 颗 = 105,500,000,000"
        );
        assert_eq!(amount(3.0, "年").describe(), "3 年 (years)");
        assert_eq!(amount(1234.5, "").describe(), "1,234.5");
        assert_eq!(frac(5.0, 1000.0).describe(), "5/1000 (= 0.5%)");
    }

    #[test]
    fn reading_order_and_no_overlap_on_mixed_text() {
        let s = "第一季度营收同比增长15%，至2.3亿美元；一季度净利润为1.2亿元。三分之二的用户在2月使用。";
        let f = run(s);
        assert!(f.len() >= 5);
        for w in f.windows(2) {
            assert!(w[0].end <= w[1].start);
        }
    }

    /// A small deterministic generator so the fuzz test needs no crates.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            self.0 >> 33
        }
    }

    fn check_figures(chars: &[char]) {
        let f = find_figures(chars);
        let mut last_end = 0;
        for fig in &f {
            assert!(fig.start >= last_end, "overlap or disorder: {:?}", fig);
            assert!(fig.start < fig.end, "empty span: {:?}", fig);
            assert!(fig.end <= chars.len(), "out of range: {:?}", fig);
            last_end = fig.end;
            let _ = fig.value.describe();
        }
    }

    #[test]
    fn no_panics_on_random_input() {
        let palette: Vec<char> = "0123456789０１２３４５６７８９一二三四五六七八九十百千万亿两零〇\
            年月日号第分之%％‰.,，-/:（）()、个元美颗家人年代半数几多余超过近约上成\
            的了在是中国经济增长GPTAaZz \n\t😀🇨🇳\u{301}\u{200d}é数据第一大省时点后号线"
            .chars()
            .collect();
        let mut rng = Lcg(0x5eed);
        for _ in 0..40 {
            let len = 3000 + (rng.next() % 1000) as usize;
            let chars: Vec<char> = (0..len)
                .map(|_| palette[(rng.next() as usize) % palette.len()])
                .collect();
            check_figures(&chars);
        }
        // Arbitrary scalar values, including controls and private use.
        for _ in 0..10 {
            let chars: Vec<char> = (0..3000)
                .map(|_| char::from_u32((rng.next() % 0x11_0000) as u32).unwrap_or('\u{fffd}'))
                .collect();
            check_figures(&chars);
        }
        // Pathological runs.
        check_figures(&['9'; 5000]);
        check_figures(&['一'; 5000]);
        check_figures(&['万'; 500]);
        let mut long: Vec<char> = vec!['1'; 400];
        long.push('亿');
        long.push('元');
        check_figures(&long);
    }
}
