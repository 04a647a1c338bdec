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
/// A `MutationObserver` on the whole document sees every change, even one undone before the
/// drawing returns (plotters removes its span after measuring: the body's markup alone is the
/// same before and after).
#[wasm_bindgen_test]
fn drawing_the_chart_in_the_browser_does_not_touch_the_dom() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let document = web_sys::window().unwrap().document().unwrap();
    let ignore = Closure::<dyn FnMut()>::new(|| {});
    let observer = web_sys::MutationObserver::new(ignore.as_ref().unchecked_ref()).unwrap();
    let everything = web_sys::MutationObserverInit::new();
    everything.set_subtree(true);
    everything.set_child_list(true);
    everything.set_attributes(true);
    everything.set_character_data(true);
    observer.observe_with_options(&document, &everything).unwrap();
    // The observer sees a change made here, so an empty record below means none was made.
    let probe = document.create_element("span").unwrap();
    document.body().unwrap().append_child(&probe).unwrap();
    probe.remove();
    assert_eq!(observer.take_records().length(), 2, "the observer sees an insertion and a removal");
    for preset in Preset::ALL {
        let s = preset.scenario();
        let svg = chart::svg(&s, &schedule(&s), None, (640, 420), &ChartStyle::SVG).unwrap();
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("FX limit"));
    }
    let records = observer.take_records();
    observer.disconnect();
    assert_eq!(records.length(), 0, "drawing the chart changed the document");
}

/// The browser computes the reports the native build wrote to `tests/snapshots/reports.txt`
/// (`tests/reports.rs`), byte for byte: links read with `parseFloat`, the same arithmetic, the
/// same JSON. Links with awkward fractions, every profile and economy.
#[wasm_bindgen_test]
fn the_same_links_give_the_same_reports_in_the_browser() {
    use pledge_explorer::export::{self, Report};
    let snapshot = include_str!("snapshots/reports.txt");
    let mut compared = 0;
    for block in snapshot.split("# ").skip(1) {
        let (link, expected) = block.split_once('\n').unwrap();
        let s = Scenario::parse(link).unwrap();
        let rows = schedule(&s);
        let summary = pledge_explorer::summarize(&s, &rows);
        let json = export::json(&Report { scenario: &s, rows: &rows, summary: &summary }).unwrap();
        assert_eq!(format!("{json}\n"), expected, "{link}");
        compared += 1;
    }
    assert_eq!(compared, 10, "every link of the snapshot");
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

/// `decimal::shortest` reads its candidates back with `parse_number`, so in the browser it rests
/// on `parseFloat`: it must still write what `core::fmt` writes (which the page itself no longer
/// links), for the same spread of bit patterns as above and at every power of two.
#[wasm_bindgen_test]
fn numbers_the_browser_writes_are_the_digits_rust_writes() {
    use pledge_explorer::decimal::{fixed, shortest};
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let powers = (-1074..=1023).map(|e| 2f64.powi(e));
    let spread = (0..5_000).map(|_| {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        f64::from_bits(x.wrapping_mul(0x9E37_79B9_7F4A_7C15))
    });
    for (i, v) in powers.chain(spread).enumerate() {
        assert_eq!(shortest(v), format!("{v}"), "#{i}: {v:e}");
        let d = i % 8;
        assert_eq!(fixed(v % 1e6, d).to_string(), format!("{:.d$}", v % 1e6), "#{i}: {v:e} to {d} decimals");
    }
    for v in [0.0, -0.0, 0.1, 21.4, 350.0, 66.66666666666667, f64::NAN, f64::INFINITY, -f64::INFINITY] {
        assert_eq!(shortest(v), format!("{v}"));
    }
}

/// The browser reads a posted message (a `JsValue`) through the same `HostMessage::read` as the
/// native fuzz tests read JSON: the two readings of the same text agree, on edge cases and on
/// generated messages (object keys in sorted order, since serde_json's map sorts them and a
/// browser object keeps its insertion order).
#[wasm_bindgen_test]
fn a_posted_message_reads_as_the_same_json_reads_natively() {
    use pledge_explorer::message::HostMessage;
    use pledge_explorer::Key;

    let agree = |json: &str| {
        let native = HostMessage::read(&serde_json::from_str::<serde_json::Value>(json).unwrap());
        let posted = HostMessage::read(&js_sys::JSON::parse(json).unwrap());
        assert_eq!(posted, native, "{json}");
        native
    };
    for json in [
        r#"{"type":"pledge-explorer:set","scenario":{"preset":"kr-deal","upfront":20,"years":5}}"#,
        r#"{"type":"pledge-explorer:set","query":"?preset=kr-deal&upfront=20&years=5"}"#,
        r#"{"type":"pledge-explorer:get"}"#,
        r#"{"type":"pledge-explorer:set","scenario":{"upfront":-0}}"#,
        r#"{"type":"pledge-explorer:set","scenario":{"upfront":12.5,"years":"7"}}"#,
        r#"{"type":"pledge-explorer:set","scenario":{"upfront":[1],"years":true}}"#,
        r#"{"type":"pledge-explorer:set","scenario":{"krw":null,"preset":{}}}"#,
        r#"{"type":"pledge-explorer:set","scenario":[["upfront",1]]}"#,
        r#"{"type":"pledge-explorer:set","scenario":null,"query":"years=5"}"#,
        r#"{"type":"pledge-explorer:set","query":20}"#,
        r#"{"type":"pledge-explorer:set"}"#,
        r#"{"type":1}"#,
        r#""pledge-explorer:get""#,
        "[1]",
        "null",
        "17",
    ] {
        let _ = agree(json);
    }
    assert!(matches!(agree(r#"{"type":"pledge-explorer:get"}"#), Ok(HostMessage::Get)));

    // Generated messages: a small xorshift, so every run checks the same ones.
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let values = [
        "0",
        "5",
        "20",
        "100",
        "101",
        "-3",
        "12.5",
        "1e20",
        "\"kr-deal\"",
        "\"20\"",
        "\"\"",
        "\"abc\"",
        "true",
        "null",
        "[]",
        "[1]",
        "{}",
    ];
    let mut keys: Vec<&str> = Key::ALL.iter().map(|k| k.name()).chain(["zz-unknown"]).collect();
    keys.sort_unstable();
    let (mut sets, mut refused) = (0, 0);
    for _ in 0..400 {
        let mut scenario = Vec::new();
        for k in &keys {
            if next(3) == 0 {
                scenario.push(format!("\"{k}\":{}", values[next(values.len())]));
            }
        }
        let kind = ["\"pledge-explorer:set\"", "\"pledge-explorer:get\"", "\"other\"", "1"][next(4)];
        let scenario = match next(5) {
            0 => String::new(),
            1 => ",\"scenario\":null".to_owned(),
            2 => ",\"query\":\"upfront=10&years=4\"".to_owned(),
            _ => format!(",\"scenario\":{{{}}}", scenario.join(",")),
        };
        match agree(&format!("{{\"type\":{kind}{scenario}}}")) {
            Ok(HostMessage::Set(_)) => sets += 1,
            Err(_) => refused += 1,
            Ok(HostMessage::Get) => {}
        }
    }
    assert!(sets > 0 && refused > 0, "sets {sets}, refused {refused}");
}
