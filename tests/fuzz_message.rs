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

use pledge_explorer::message::{HostMessage, MessageError, StateReport, SET, STATE};
use pledge_explorer::model;
use pledge_explorer::presets::Preset;
use pledge_explorer::scenario::{Country, Key, ParamErrorKind, Profile, Scenario};
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

/// The next `f64` above (`up`) or below a finite `x`, so a bound is missed by the least amount.
fn next(x: f64, up: bool) -> f64 {
    if x == 0.0 {
        let tiny = f64::from_bits(1);
        return if up { tiny } else { -tiny };
    }
    let bits = x.to_bits();
    f64::from_bits(if (x > 0.0) == up { bits + 1 } else { bits - 1 })
}

/// A value a host might send for `key`: mostly in range (its bounds included, and shares small
/// enough that a few of them still fit in 100), sometimes just outside it, fractional where a
/// whole number is wanted, or not a number at all; as a JSON number or as text.
fn value_for(key: Key) -> BoxedStrategy<Value> {
    let Some((min, max, whole)) = common::documented_range(key) else {
        let names: Vec<&'static str> = match key {
            Key::Preset => Preset::ALL.iter().map(|p| p.key()).collect(),
            Key::Profile => Profile::ALL.iter().map(|p| p.key()).collect(),
            _ => Country::ALL.iter().map(|c| c.key()).collect(),
        };
        return prop_oneof![
            6 => prop::sample::select(names.clone()).prop_map(|n| json!(n)),
            1 => prop::sample::select(names).prop_map(|n| json!(n.to_ascii_uppercase())),
            1 => prop::sample::select(vec![json!("mars"), json!(""), json!(1), json!(true), json!([])]),
        ]
        .boxed();
    };
    // Mostly small shares, so that several often fit in 100; now and then a large one, so that
    // their sum often does not.
    let in_range = if Key::SHARES.contains(&key) {
        prop_oneof![3 => 0.0..=25.0, 1 => 25.0..=max].boxed()
    } else {
        (min..=max).boxed()
    };
    let number = prop_oneof![
        8 => in_range.prop_map(move |x| if whole { x.round() } else { x }),
        2 => prop::sample::select(vec![min, max, -0.0]),
        1 => prop::sample::select(if whole {
            vec![min - 1.0, max + 1.0, min + 0.5]
        } else {
            vec![next(min, false), next(max, true), -max, max * 10.0]
        }),
    ];
    prop_oneof![
        6 => number.clone().prop_map(|x| json!(x)),
        2 => number.prop_map(|x| json!(format!("{x}"))),
        1 => prop::sample::select(vec!["NaN", "inf", "1e999", "", "abc", " 7 ", "1e1", "0x10", "5."])
            .prop_map(|t| json!(t)),
    ]
    .boxed()
}

/// A `set` as a host would send it: a `scenario` object of scenario keys, or the same pairs as a
/// `query` string (with a `?`, and the embed's own view keys, at times), now and then with a key
/// that is not a scenario key.
fn set_message() -> impl Strategy<Value = Value> {
    // The share keys twice as often as the others, so their sum is often tested.
    let key = prop_oneof![
        2 => prop::sample::select(Key::ALL.to_vec()),
        1 => prop::sample::select(Key::SHARES.to_vec()),
    ];
    let pair = key.prop_flat_map(|k| (Just(k.name().to_owned()), value_for(k)));
    let odd_pair = (prop::sample::select(vec!["lang", "embed", "Years", "x"]), any::<u8>())
        .prop_map(|(k, n)| (k.to_owned(), json!(n)));
    let pairs = prop::collection::vec(prop_oneof![12 => pair, 1 => odd_pair], 1..6);
    let view = prop::sample::select(vec!["", "?", "embed=1&", "?lang=ko&theme=dark&"]);
    (pairs, any::<bool>(), view).prop_map(|(pairs, as_query, view)| {
        if as_query {
            let text = |v: &Value| match v {
                Value::String(s) => form(s),
                Value::Number(n) => n.as_f64().map_or_else(|| n.to_string(), |f| format!("{f}")),
                other => form(&other.to_string()),
            };
            let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", text(v))).collect();
            json!({ "type": SET, "query": format!("{view}{}", query.join("&")) })
        } else {
            json!({ "type": SET, "scenario": Value::Object(pairs.into_iter().collect()) })
        }
    })
}

/// What the property tests send: well-formed `set`s half the time, any JSON the other half.
fn host_message() -> impl Strategy<Value = Value> {
    prop_oneof![set_message(), any_json()]
}

fn accept(value: Value) -> Result<HostMessage, MessageError> {
    HostMessage::read(&value)
}

proptest! {
    #![proptest_config(common::cases(3000))]

    /// Any message, well-formed `set` or arbitrary JSON: reading it never panics, and a scenario
    /// it sets has every field in range and its shares within 100, and round-trips as a link.
    #[test]
    fn arbitrary_json_never_panics_and_anything_accepted_is_a_valid_scenario(v in host_message()) {
        if let Ok(HostMessage::Set(s)) = accept(v) {
            common::assert_valid(&s)?;
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

/// The generator reaches both sides of the checks: scenarios accepted (by `scenario` and by
/// `query`, other than the default one an empty `set` gives; a `get` does not count) and `set`s
/// refused, among them for a share sum over 100 and for a value out of range.
#[test]
fn the_strategy_reaches_accepted_and_refused_sets() {
    let n = 3000;
    let (mut by_scenario, mut by_query, mut refused, mut over_100, mut out_of_range) = (0, 0, 0, 0, 0);
    for v in common::samples(host_message(), n) {
        let as_query = v.get("query").is_some_and(Value::is_string);
        match accept(v) {
            Ok(HostMessage::Set(s)) if s != Scenario::default() => {
                if as_query {
                    by_query += 1;
                } else {
                    by_scenario += 1;
                }
            }
            Ok(_) | Err(MessageError::NotOurs) => {}
            Err(MessageError::Shape) => refused += 1,
            Err(MessageError::Scenario(e)) => {
                refused += 1;
                let has = |f: fn(&ParamErrorKind) -> bool| e.errors.iter().any(|e| f(&e.kind));
                over_100 += usize::from(has(|k| matches!(k, ParamErrorKind::SharesAbove100 { .. })));
                out_of_range += usize::from(has(|k| matches!(k, ParamErrorKind::OutOfRange)));
            }
        }
    }
    let counts = format!(
        "accepted by scenario {by_scenario}, by query {by_query}; refused {refused} \
         (shares over 100: {over_100}, out of range: {out_of_range}) of {n}"
    );
    assert!(by_scenario + by_query >= n / 6, "too few sets accepted: {counts}");
    assert!(by_scenario >= n / 15 && by_query >= n / 15, "too few sets accepted in one form: {counts}");
    assert!(refused >= n / 5, "too few sets refused: {counts}");
    assert!(over_100 >= n / 50 && out_of_range >= n / 20, "refusals miss a check: {counts}");
}
