//! The same numbers on every target: the JSON reports (scenario, schedule, summary) of awkward
//! scenarios, written natively to `tests/snapshots/reports.txt` (`UPDATE_EXPECT=1 cargo test
//! --test reports` writes it). `tests/web.rs` parses the same links in the browser's wasm (where
//! numbers are read by `parseFloat`), computes the same reports and compares them with this file,
//! byte for byte: any difference between the targets in parsing, arithmetic or formatting fails
//! one of the two.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, reason = "tests: a failure is the point")]

use pledge_explorer::export::{self, Report};
use pledge_explorer::{schedule, summarize, Scenario};

/// Links whose numbers are not round: fractions of percents and of a billion, every loading
/// profile and economy, limits at and near zero, long timelines and a baseline-free extreme.
const LINKS: [&str; 10] = [
    "total=333.3&years=7&upfront=13.7&guarantees=21.3&loans=11.1&krw=37.1&calls=33.3&profile=back",
    "total=4999.9&years=29&profile=front&corporate=12.5&loans=33.3&upfront=0.1&limit=0.7",
    "preset=japan&years=13&calls=17.5&krw=2.5",
    "preset=kr-deal&limit=17.3&start=2031&profile=back",
    "preset=eu&years=3&krw=0.3&limit=2.5",
    "preset=us-demand&krw=12.34&limit=19.99",
    "upfront=100&years=1&limit=0",
    "upfront=33.33&guarantees=33.33&loans=33.33&years=30&calls=100&limit=1000",
    "total=1&years=11&upfront=7&krw=99.9&profile=front",
    "country=jp&total=777.7&years=9&guarantees=42.42&calls=9.09&limit=5.5",
];

/// What the snapshot holds: each link on a line of its own after `# `, then its report.
fn reports() -> String {
    let mut out = String::new();
    for link in LINKS {
        let s = Scenario::parse(link).unwrap();
        let rows = schedule(&s);
        let summary = summarize(&s, &rows);
        let json = export::json(&Report { scenario: &s, rows: &rows, summary: &summary }).unwrap();
        out.push_str(&format!("# {link}\n{json}\n"));
    }
    out
}

#[test]
fn the_reports_snapshot_is_the_native_computation() {
    expect_test::expect_file!["snapshots/reports.txt"].assert_eq(&reports());
}
