//! Browser unit tests (wasm32, headless Chromium through wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests: a failure is the point"
)]

use pledge_explorer::chart::{self, ChartStyle};
use pledge_explorer::{schedule, Preset, Scenario};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Guards the redraw path: laying out the chart must not touch the DOM (plotters' own web text
/// measurement inserts a styled span per call, forcing layout and breaking under a strict CSP).
#[wasm_bindgen_test]
fn drawing_the_chart_in_the_browser_does_not_touch_the_dom() {
    let document = web_sys::window().unwrap().document().unwrap();
    let body = document.body().unwrap();
    let observer_count = || body.child_element_count();
    let before = observer_count();
    let html_before = body.inner_html();
    for preset in Preset::ALL {
        let s = preset.scenario();
        let svg = chart::svg(&s, &schedule(&s), None, (640, 420), &ChartStyle::SVG).unwrap();
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("FX limit"));
    }
    assert_eq!(observer_count(), before);
    assert_eq!(body.inner_html(), html_before);
}

#[wasm_bindgen_test]
fn the_same_scenario_gives_the_same_numbers_in_the_browser() {
    let s = Scenario::parse("?preset=us-demand").unwrap();
    let rows = schedule(&s).rows;
    assert_eq!(rows[0].usd_cash, 350.0);
    assert!(rows[0].breach);
}

/// In the browser `parse_number` converts with JavaScript's `parseFloat`; natively with Rust's
/// parser. Both round correctly, so every number Rust prints (shortest round-trip form, and the
/// exponent form) must come back bit for bit, across magnitudes and signs.
#[wasm_bindgen_test]
fn numbers_read_in_the_browser_are_the_numbers_rust_wrote() {
    use pledge_explorer::scenario::parse_number;
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in 0..20_000 {
        // xorshift64*: a spread of bit patterns, so of mantissas and exponents.
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        let bits = x.wrapping_mul(0x2545_F491_4F6C_DD1D);
        let v = f64::from_bits(bits);
        if !v.is_finite() {
            continue;
        }
        for text in [format!("{v}"), format!("{v:e}"), format!("{v:E}"), format!("{:.3}", v % 1000.0)] {
            let expected: f64 = text.parse().unwrap();
            let got = parse_number(&text).unwrap_or_else(|| panic!("#{i}: {text} not read"));
            assert_eq!(got.to_bits(), expected.to_bits(), "#{i}: {text}");
        }
    }
    for text in [
        "", ".", "+", "-", "1e", "e5", "1e+", "inf", "NaN", "infinity", "0x10", "1_000", "1,5", " 1", "1 ",
        "--1", "1..2",
    ] {
        assert_eq!(parse_number(text), None, "{text:?}");
    }
    assert_eq!(parse_number("1e309"), Some(f64::INFINITY));
    assert_eq!(parse_number("1."), Some(1.0));
    assert_eq!(parse_number(".5"), Some(0.5));
    assert_eq!(parse_number("-0").map(f64::to_bits), Some((-0.0f64).to_bits()));
}
