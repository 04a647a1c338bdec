//! Snapshot of the chart's SVG (native; browser and native text placement differ by design).
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests: a failure is the point"
)]

use pledge_explorer::chart::Theme;
use pledge_explorer::view::Lang;
use pledge_explorer::{native, schedule, Preset, Scenario};

fn svg(query: &str, size: (u32, u32)) -> String {
    let s = Scenario::parse(query).unwrap();
    native::svg(&s, &schedule(&s), None, size, Theme::LIGHT, Lang::En).unwrap()
}

#[test]
fn svg_of_the_us_demand_has_the_marks_the_reader_needs() {
    // plotters writes each text's content on a line of its own.
    let svg = svg("preset=us-demand&years=4", (800, 480));
    let has_text = |t: &str| svg.contains(&format!(">\n{t}\n</text>"));
    // Title states the scenario; the limit line is labelled with value and source; axis titles;
    // a breach marker (a polygon) for the one breach year; the source line.
    assert!(svg.contains("US demand: all upfront, in dollars"), "title");
    // The line limits state dollars only (the bars also stack company money and guarantees).
    assert!(svg.contains("FX limit on state dollars, $20 bn a year (Bank of Korea, 2025-10-29)"));
    assert!(has_text("$20 bn"), "value tag beside the line");
    assert!(has_text("USD bn per year") && has_text("Year"));
    assert_eq!(svg.matches("<polygon").count(), 2, "one breach marker + its legend swatch");
    assert!(svg.contains("Sources: FX limit: Bank of Korea via POLITICO"));
    for year in 2026..2030 {
        assert!(has_text(&year.to_string()), "{year}");
    }
}

#[test]
fn the_limit_line_says_whose_figure_it_is() {
    // Korea's own limit is the Bank of Korea's, dated; other economies borrow it as an
    // assumption; a changed limit is the reader's.
    for (query, label) in [
        ("preset=japan", "FX limit on state dollars, $20 bn a year (Bank of Korea's, assumed)"),
        (
            "preset=eu&corporate=50&upfront=10",
            "FX limit on state dollars, $20 bn a year (Bank of Korea's, assumed)",
        ),
        ("limit=30", "FX limit on state dollars, $30 bn a year (your setting)"),
    ] {
        assert!(svg(query, (800, 480)).replace("&apos;", "'").contains(label), "{query}");
    }
    let s = Scenario::parse("preset=japan").unwrap();
    let ko = native::svg(&s, &schedule(&s), None, (800, 480), Theme::LIGHT, Lang::Ko).unwrap();
    assert!(ko.contains("국가 달러 지급 한도 연 200억 달러 (한국은행 수치를 가정)"));
}

#[test]
fn svg_snapshot_of_the_kr_deal_is_stable() {
    let s = Preset::KrDeal.scenario();
    let text = native::svg(&s, &schedule(&s), None, (640, 400), Theme::LIGHT, Lang::En).unwrap();
    expect_test::expect_file!["snapshots/kr-deal.svg"].assert_eq(&text);
}

#[test]
fn extreme_but_valid_inputs_draw_without_error() {
    for query in [
        "total=5000&years=30&limit=0",
        "upfront=100&limit=1000",
        "corporate=100",
        "guarantees=100&calls=100&krw=100",
        "total=1&years=1",
    ] {
        for size in [(320, 300), (1400, 800)] {
            let text = svg(query, size);
            assert!(text.starts_with("<svg") && text.trim_end().ends_with("</svg>"), "{query}");
        }
    }
}

/// The heights of the `<rect>`s filled with `fill` (`#005EB8`: direct investment's blue).
fn heights(svg: &str, fill: &str) -> Vec<f64> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("rect") && n.attribute("fill") == Some(fill))
        .map(|n| n.attribute("height").unwrap().parse().unwrap())
        .collect()
}

#[test]
fn a_limit_far_above_the_bars_is_named_above_the_scale_and_the_bars_fill_the_plot() {
    // $0.1 bn a year against a limit of $1,000 bn: on an axis that reached the limit the bars
    // were a pixel tall. The axis follows the bars; the limit is named, not drawn.
    let far = svg("total=1&limit=1000", (960, 560));
    let has_text = |svg: &str, t: &str| svg.contains(&format!(">\n{t}\n</text>"));
    let tallest = heights(&far, "#005EB8").into_iter().fold(0.0, f64::max);
    assert!(tallest > 250.0, "the tallest bar is {tallest} px of 560");
    assert!(far.contains("FX limit on state dollars, $1,000 bn a year (your setting), off the scale"));
    assert!(has_text(&far, "$1,000 bn"), "the limit's value above the plot's corner");
    assert!(has_text(&far, "0.1") && !has_text(&far, "1,000"), "ticks follow the bars");
    // 25 times the tallest bar still sets the axis: $35 bn bars, a $875 bn line, drawn.
    let near = svg("limit=875", (960, 560));
    assert!(!near.contains("off the scale"));
    assert!(has_text(&near, "$875 bn") && has_text(&near, "1,000"), "the line's tag, and an axis past it");
    let s = Scenario::parse("total=1&limit=1000").unwrap();
    let ko = native::svg(&s, &schedule(&s), None, (800, 480), Theme::LIGHT, Lang::Ko).unwrap();
    assert!(ko.contains("국가 달러 지급 한도 연 1조 달러 (사용자 설정), 축 범위 초과"));
}

#[test]
fn a_korean_chart_counts_money_in_eok() {
    // 1 bn is 10억: the axis of the US demand's $350 bn bar runs to 4,000 (억 달러), grouped,
    // beside a limit tagged "200억 달러", not to 400 in units of 10억.
    let s = Scenario::parse("preset=us-demand").unwrap();
    let svg = native::svg(&s, &schedule(&s), None, (800, 480), Theme::LIGHT, Lang::Ko).unwrap();
    let has_text = |t: &str| svg.contains(&format!(">\n{t}\n</text>"));
    assert!(has_text("연간, 억 달러"), "axis title");
    for tick in ["0", "1,000", "2,000", "3,000", "4,000"] {
        assert!(has_text(tick), "{tick}");
    }
    assert!(!has_text("400"), "a tick in units of 10억");
    assert!(has_text("200억 달러"), "value tag beside the line");
}
