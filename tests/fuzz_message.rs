//! Fuzz-style properties of the postMessage API (native, on JSON; the browser reads the posted
//! `JsValue` through the same `HostMessage::read`, and a wasm test checks the two readings
//! agree): arbitrary JSON never panics, only well-formed `set`s are accepted, and a scenario sent
//! by message is the scenario the link gives.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests: a failure is the point"
)]

use pledge_explorer::message::{HostMessage, MessageError, StateReport, STATE};
use pledge_explorer::model;
use pledge_explorer::presets::Preset;
use pledge_explorer::scenario::{Key, Scenario};
use pledge_explorer::ui_state::UiState;
use proptest::prelude::*;

mod common;
use serde_json::{json, Value};

/// Any JSON value, with our message types and keys over-represented so the strategy reaches
/// deep into the parser, not only its first refusal.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(|f| json!(f)),
        any::<i64>().prop_map(|i| json!(i)),
        ".{0,20}".prop_map(Value::String),
        prop::sample::select(vec![
            "pledge-explorer:set",
            "pledge-explorer:get",
            "upfront=20&years=5",
            "NaN",
            "1e999",
            "-0"
        ])
        .prop_map(|s| json!(s)),
    ];
    leaf.prop_recursive(4, 48, 8, |inner| {
        let key = prop_oneof![
            prop::sample::select(vec!["type", "scenario", "query"]).prop_map(str::to_owned),
            prop::sample::select(Key::ALL.iter().map(|k| k.name()).collect::<Vec<_>>())
                .prop_map(str::to_owned),
            ".{0,8}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key, inner), 0..6).prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

fn accept(value: Value) -> Result<HostMessage, MessageError> {
    HostMessage::read(&value)
}

proptest! {
    #![proptest_config(common::cases(3000))]

    #[test]
    fn arbitrary_json_never_panics_and_anything_accepted_is_a_valid_scenario(v in any_json()) {
        if let Ok(HostMessage::Set(s)) = accept(v) {
            prop_assert!(s.share_sum() <= 100.0 + 1e-9);
            prop_assert_eq!(Scenario::parse(&s.to_query()).unwrap(), s);
        }
    }

    #[test]
    fn a_set_message_wrapping_any_object_is_checked_like_a_link(
        pairs in prop::collection::vec(
            (prop::sample::select(Key::ALL.iter().map(|k| k.name()).collect::<Vec<_>>()),
             prop_oneof![(-10.0f64..200.0).prop_map(|f| json!(f)), ".{0,6}".prop_map(Value::String)]),
            0..5),
    ) {
        let object: serde_json::Map<String, Value> = pairs.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect();
        let message = json!({ "type": "pledge-explorer:set", "scenario": object });
        let query: Vec<String> = object.iter().map(|(k, v)| match v {
            Value::String(s) => format!("{k}={}", form(s)),
            other => format!("{k}={other}"),
        }).collect();
        let by_link = Scenario::parse(&query.join("&"));
        match accept(message) {
            Ok(HostMessage::Set(s)) => prop_assert_eq!(Ok(s), by_link.map_err(|_| ())),
            Err(MessageError::Scenario(_)) => prop_assert!(by_link.is_err()),
            other => prop_assert!(false, "unexpected {other:?}"),
        }
    }
}

proptest! {
    #![proptest_config(common::cases(500))]

    /// encode∘decode through the API itself: what an embed reports (`scenario`, with `preset:
    /// null` when there is none, and `query`, with the embed's view keys), sent back in a `set`,
    /// is the scenario it reported.
    #[test]
    fn a_state_report_sent_back_in_a_set_gives_the_reported_scenario(
        preset in prop::option::of(prop::sample::select(Preset::ALL.to_vec())),
        upfront in 0u32..=40, years in 1u32..=30, krw in 0u32..=1000, limit in 0u32..=100,
        view in prop::sample::select(vec!["embed=1", "embed=1&lang=ko", "embed=1&controls=upfront&theme=dark"]),
    ) {
        // The upfront share is held to what the preset's other shares leave (Japan's leave 2%),
        // so that every link generated is valid: none is thrown away, at any PROPTEST_CASES.
        let others = preset.map_or_else(Scenario::default, Preset::scenario);
        let room = 100.0 - (others.guarantees + others.loans + others.corporate);
        let upfront = f64::from(upfront).min(room.floor());
        let preset = preset.map_or(String::new(), |p| format!("preset={}&", p.key()));
        let link = format!("{preset}upfront={upfront}&years={years}&krw={}&limit={limit}&{view}", f64::from(krw) / 10.0);
        let state = UiState::load(&link);
        prop_assert!(state.notices.is_empty(), "{link}: {:?}", state.notices);
        let s = &state.scenario;
        let summary = model::summarize(s, &model::schedule(s));
        let query = state.query();
        let report = serde_json::to_value(StateReport { kind: STATE, query: &query, scenario: s, summary: &summary }).unwrap();
        for field in ["scenario", "query"] {
            let message = json!({ "type": "pledge-explorer:set", field: report[field].clone() });
            prop_assert_eq!(accept(message), Ok(HostMessage::Set(s.clone())), "{} by {}", link, field);
        }
    }
}

/// Percent-encodes a value for a query string.
fn form(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[test]
fn the_strategy_reaches_accepted_and_refused_sets() {
    let (mut accepted, mut refused) = (0, 0);
    for v in common::samples(any_json(), 3000) {
        match accept(v) {
            Ok(_) => accepted += 1,
            Err(MessageError::Scenario(_) | MessageError::Shape) => refused += 1,
            Err(MessageError::NotOurs) => {}
        }
    }
    assert!(accepted > 0 && refused > 0, "accepted {accepted}, refused {refused}");
}
