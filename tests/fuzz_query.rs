//! Fuzz-style property tests of the query codec (native only), beyond `tests/properties.rs`
//! (which covers strict parsing of arbitrary strings and of a small key soup, and
//! `parse ∘ encode` for generated scenarios). Here the input is a query as a person or a broken
//! link could write it: every real key, junk keys, valid and invalid values in several spellings,
//! percent-escapes, duplicates, a leading `?` or a whole URL, a `#fragment`.
//!
//! - `from_query` + `from_raw_lenient` never panic and always give a valid scenario, and their
//!   notices agree with the strict parse;
//! - every scenario that parses, and every lenient result, survives `parse(to_query(s)) == s`;
//! - NaN, infinities, huge, negative, empty and duplicated values are rejected with an error
//!   naming the key, and the lenient parse falls back to the base value for exactly that key.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests: a failure is the point"
)]

use pledge_explorer::scenario::{parse_number, quoted, Key, ParamErrorKind, RawParams};
use pledge_explorer::Scenario;
use proptest::prelude::*;

mod common;

/// The number keys (money, shares, years, start) and the choice keys.
const NUMBER_KEYS: [Key; 10] = [
    Key::Total,
    Key::Upfront,
    Key::Guarantees,
    Key::Loans,
    Key::Corporate,
    Key::Krw,
    Key::Years,
    Key::Calls,
    Key::Limit,
    Key::Start,
];
const WHOLE_KEYS: [Key; 2] = [Key::Years, Key::Start];

fn key_name() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(Key::ALL.to_vec()).prop_map(|k| k.name().to_owned()),
        1 => prop::sample::select(vec!["", "x", "Upfront", "upfront ", "embed", "years[]", "%75pfront", "u+p"])
            .prop_map(str::to_owned),
        1 => "[a-z]{1,8}",
        1 => "[a-z\\x00-\\x1f]{30,200}",
    ]
}

/// Values a link could carry: numbers in and out of every range, in several spellings; the bad
/// numbers of the brief; choice names in and out of case; junk.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (0u32..=5000).prop_map(|n| n.to_string()),
        3 => (0.0f64..=120.0).prop_map(|x| format!("{x:.3}")),
        1 => (0.0f64..=100.0).prop_map(|x| format!("{x:e}")),
        1 => (0u32..=100).prop_map(|n| format!(" +{n} ")),
        1 => (1999u32..=2101).prop_map(|n| n.to_string()),
        2 => prop::sample::select(vec![
            "NaN", "nan", "-NaN", "inf", "-inf", "+inf", "infinity", "Infinity", "1e309", "-1e309", "1e300",
            "99999999999", "-0", "-1", "-0.001", "0x10", "1,5", "5%", "", " ", "abc", "30.5.1", "1e", ".",
        ])
        .prop_map(str::to_owned),
        2 => prop::sample::select(vec![
            "kr-deal", "us-demand", "japan", "eu", "KR-DEAL", "even", "front", "back", "Front", "zigzag", "kr",
            "jp", "EU", "de",
        ])
        .prop_map(str::to_owned),
        1 => ".{0,10}",
        // Long junk, with control characters: a mangled link's value, quoted in part.
        1 => "[0-9a-z\\x00-\\x1f\"]{30,400}",
    ]
}

/// A value in `key`'s range, in one of the spellings a person could write (shares kept small so
/// that several of them still sum to at most 100).
fn valid_value(key: Key) -> BoxedStrategy<String> {
    match key {
        Key::Preset => prop::sample::select(vec!["kr-deal", "us-demand", "japan", "eu", "Japan"])
            .prop_map(str::to_owned)
            .boxed(),
        Key::Profile => {
            prop::sample::select(vec!["even", "front", "back", "BACK"]).prop_map(str::to_owned).boxed()
        }
        Key::Country => prop::sample::select(vec!["kr", "jp", "eu", "Eu"]).prop_map(str::to_owned).boxed(),
        Key::Years => (1u32..=30).prop_map(|n| n.to_string()).boxed(),
        Key::Start => (2000u32..=2100).prop_map(|n| format!(" {n}")).boxed(),
        Key::Upfront | Key::Guarantees | Key::Loans | Key::Corporate => prop_oneof![
            (0.0f64..=25.0).prop_map(|x| x.to_string()),
            (0u32..=25).prop_map(|n| format!("{n}.0")),
            (0u32..=25).prop_map(|n| format!("{n}e0")),
        ]
        .boxed(),
        Key::Total => {
            prop_oneof![(1.0f64..=5000.0).prop_map(|x| format!("{x:.2}")), Just("5000".to_owned())].boxed()
        }
        Key::Limit => {
            prop_oneof![(0.0f64..=1000.0).prop_map(|x| x.to_string()), Just("0".to_owned())].boxed()
        }
        Key::Krw | Key::Calls => (0.0f64..=100.0).prop_map(|x| format!("{x:.1}")).boxed(),
    }
}

fn pair() -> impl Strategy<Value = (String, String)> {
    prop_oneof![
        3 => prop::sample::select(Key::ALL.to_vec())
            .prop_flat_map(|k| (Just(k.name().to_owned()), valid_value(k))),
        1 => (key_name(), value()),
    ]
}

/// A query string made of `key=value` fragments joined as a link would join them.
fn query() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((pair(), any::<bool>(), 0u8..12), 0..8),
        prop::sample::select(vec!["", "?", "https://example.org/explorer/?", "/?", "  "]),
        prop::sample::select(vec!["", "#chart", "&", "&&", "#a=1&b=2"]),
    )
        .prop_map(|(pairs, prefix, suffix)| {
            let fragments: Vec<String> = pairs
                .iter()
                .map(|((k, v), escape, shape)| {
                    let v = if *escape {
                        form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>()
                    } else {
                        v.clone()
                    };
                    match shape {
                        0 => k.clone(),              // a bare key
                        1 => format!("{k}={v}={v}"), // '=' inside the value
                        _ => format!("{k}={v}"),
                    }
                })
                .collect();
            format!("{prefix}{}{suffix}", fragments.join("&"))
        })
}

fn round_trips(s: &Scenario) -> Result<(), TestCaseError> {
    let short = s.to_query();
    let again = Scenario::parse(&short);
    prop_assert_eq!(again.as_ref(), Ok(s), "to_query: {}", short);
    let full = s.to_query_full();
    let again = Scenario::parse(&full);
    prop_assert_eq!(again.as_ref(), Ok(s), "to_query_full: {}", full);
    Ok(())
}

/// A value that must be rejected for a number key, and the rejection expected.
fn bad_number() -> impl Strategy<Value = (String, ParamErrorKind)> {
    prop_oneof![
        prop::sample::select(vec!["NaN", "nan", "inf", "-inf", "infinity", "1e309", "", "  ", "abc"])
            .prop_map(|v| (v.to_owned(), ParamErrorKind::NotANumber)),
        // Huge: beyond every key's maximum (the largest is total's 5000, start's 2100); whole, so
        // whole keys report the range, not the fraction.
        (5001.0f64..1e300).prop_map(|x| (format!("{x:.0}"), ParamErrorKind::OutOfRange)),
        (4u32..=300).prop_map(|n| (format!("1e{n}"), ParamErrorKind::OutOfRange)),
        (6000u64..=u64::MAX).prop_map(|n| (n.to_string(), ParamErrorKind::OutOfRange)),
        // Negative: below every key's minimum.
        (1u64..=1_000_000_000).prop_map(|n| (format!("-{n}"), ParamErrorKind::OutOfRange)),
    ]
}

proptest! {
    #![proptest_config(common::cases(2000))]

    #[test]
    fn lenient_parse_of_any_string_is_valid_and_agrees_with_strict(input in ".{0,120}") {
        let (s, errors) = Scenario::from_raw_lenient(&RawParams::from_query(&input));
        common::assert_valid(&s)?;
        match Scenario::parse(&input) {
            Ok(strict) => { prop_assert!(errors.is_empty()); prop_assert_eq!(strict, s); }
            Err(e) => { prop_assert!(!errors.is_empty()); prop_assert_eq!(e.errors, errors); }
        }
    }

    #[test]
    fn lenient_parse_of_key_value_fragments_is_valid_and_names_given_keys(q in query()) {
        let raw = RawParams::from_query(&q);
        let (s, errors) = Scenario::from_raw_lenient(&raw);
        common::assert_valid(&s)?;
        let strict = Scenario::parse(&q);
        prop_assert_eq!(strict.is_ok(), errors.is_empty(), "{}", q);
        if let Ok(strict) = &strict {
            prop_assert_eq!(strict, &s);
        }
        for e in &errors {
            // Every notice names a key as given, with its value as given, and says so first,
            // quoted as messages quote them: escaped, and cut past forty characters, so no
            // notice is longer than a few lines however long the link.
            prop_assert!(raw.pairs.iter().any(|(k, v)| *k == e.key && *v == e.value), "{:?} not in {:?}", e, raw.pairs);
            let message = e.to_string();
            prop_assert!(message.starts_with(&format!("{}=", quoted(&e.key))), "{}", e);
            prop_assert!(message.chars().count() <= 800, "{} characters: {}", message.chars().count(), message);
        }
    }

    #[test]
    fn whatever_parses_survives_encode_then_parse(q in query()) {
        if let Ok(s) = Scenario::parse(&q) {
            round_trips(&s)?;
        }
        // The lenient result is a scenario the page shows and writes to its URL: it must round-trip too.
        let (s, _) = Scenario::from_raw_lenient(&RawParams::from_query(&q));
        round_trips(&s)?;
    }

    #[test]
    fn bad_numbers_are_rejected_naming_the_key_and_fall_back(
        key in prop::sample::select(NUMBER_KEYS.to_vec()),
        (bad, kind) in bad_number(),
        others in prop::collection::vec((prop::sample::select(NUMBER_KEYS.to_vec()), 0u32..=20), 0..4),
    ) {
        // Other keys with values valid for every key except `start` (dropped) and `total=0`.
        let mut pairs = vec![(key.name().to_owned(), bad.clone())];
        for (k, v) in others {
            if k != key && k != Key::Start && !pairs.iter().any(|(n, _)| n == k.name()) {
                pairs.push((k.name().to_owned(), (v.max(1) % 5).max(1).to_string()));
            }
        }
        let q = form_urlencoded::Serializer::new(String::new()).extend_pairs(&pairs).finish();
        let err = Scenario::parse(&q).unwrap_err();
        prop_assert_eq!(err.errors.len(), 1, "{}: {}", q, err);
        let e = &err.errors[0];
        prop_assert_eq!(&e.key, key.name());
        prop_assert_eq!(&e.kind, &kind, "{}", q);
        prop_assert!(err.to_string().starts_with(&format!("{}=", key.name())), "{}", err);
        prop_assert!(err.to_string().contains(&key.allowed()), "{}", err);
        if WHOLE_KEYS.contains(&key) {
            prop_assert!(!matches!(e.kind, ParamErrorKind::NotAWholeNumber));
        }
        // Lenient: that key alone falls back to the default; the others are kept.
        let (s, errors) = Scenario::from_raw_lenient(&RawParams::from_query(&q));
        prop_assert_eq!(errors, err.errors);
        prop_assert_eq!(s.get(key), Scenario::default().get(key));
        for (name, value) in &pairs[1..] {
            let k = Key::from_name(name).unwrap();
            prop_assert_eq!(s.get(k), Some(value.parse::<f64>().unwrap()));
        }
    }

    #[test]
    fn a_key_given_twice_is_rejected_naming_it_and_neither_value_is_used(
        key in prop::sample::select(Key::ALL.to_vec()),
        first in value(),
        second in value(),
    ) {
        let q = form_urlencoded::Serializer::new(String::new())
            .append_pair(key.name(), &first)
            .append_pair(key.name(), &second)
            .finish();
        let err = Scenario::parse(&q).unwrap_err();
        let dup: Vec<_> = err.errors.iter().filter(|e| e.kind == ParamErrorKind::Duplicate).collect();
        prop_assert_eq!(dup.len(), 1, "{}: {}", q, err);
        prop_assert_eq!(&dup[0].key, key.name());
        prop_assert!(dup[0].to_string().starts_with(&format!("{}=", key.name())), "{}", dup[0]);
        let (s, _) = Scenario::from_raw_lenient(&RawParams::from_query(&q));
        prop_assert_eq!(s, Scenario::default());
    }
}

#[test]
fn the_fragment_strategy_reaches_both_outcomes() {
    // Guards the generators above against drifting into all-valid or all-invalid queries.
    let (mut ok, mut bad, mut with_keys) = (0, 0, 0);
    for q in common::samples(query(), 2000) {
        let parsed = Scenario::parse(&q);
        if parsed.as_ref().is_ok_and(|s| *s != Scenario::default()) {
            with_keys += 1;
        }
        if parsed.is_ok() {
            ok += 1;
        } else {
            bad += 1;
        }
    }
    assert!(ok > 100 && bad > 100 && with_keys > 50, "ok {ok}, bad {bad}, non-default ok {with_keys}");
}

proptest! {
    #![proptest_config(common::cases(5000))]

    /// `parse_number` (the grammar the browser and the CLI share) reads every string to the same
    /// finite number as Rust's own parser, and rejects what it rejects; it differs only on the
    /// words `inf`, `infinity` and `nan`, which neither accepts as a finite number.
    #[test]
    fn parse_number_agrees_with_rust_on_every_finite_number(
        text in prop_oneof![
            "[+-]?[0-9]{0,6}(\\.[0-9]{0,6})?([eE][+-]?[0-9]{0,4})?",
            "[0-9eE.+\\-xa-f ]{0,10}",
            ".{0,12}",
        ]
    ) {
        let finite = |x: f64| x.is_finite().then_some(x.to_bits());
        prop_assert_eq!(parse_number(&text).and_then(finite), text.parse::<f64>().ok().and_then(finite), "{:?}", text);
        if text.parse::<f64>().is_err() {
            prop_assert_eq!(parse_number(&text), None, "{:?}", text);
        }
    }
}
