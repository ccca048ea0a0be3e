//! The figure finder, through its public API: dates, amounts, percentages,
//! fractions, ranks and what each card says; `tests/figure_values.rs` holds
//! the written table of values.

use dudong::analysis::figures::*;
use dudong::analysis::Script;

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
    let s =
        "第一季度营收同比增长15%，至2.3亿美元；一季度净利润为1.2亿元。三分之二的用户在2月使用。";
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
