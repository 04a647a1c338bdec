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
