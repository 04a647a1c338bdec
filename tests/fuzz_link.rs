//! Fuzz-style properties of whole links: the scenario keys *and* the view keys (`lang`, `theme`,
//! `embed`, `controls`, `step`, `base`, `map`) as `parse_link` (the CLI, the chart downloads) and
//! `View::take` (the page, leniently) read them. `tests/fuzz_query.rs` covers the scenario keys
//! alone.
//!
//! - any string: `parse_link` and `View::take` never panic, and never hang (every case has a
//!   timeout: `PROPTEST_TIMEOUT` in `.cargo/config.toml`); the view `take` gives is always one the
//!   page can show;
//! - `parse_link ∘ encode` is the identity for every scenario and view, in any order of keys,
//!   and with the keys in any case and padded with spaces;
//! - the page's query writer (`QueryWriter`) writes exactly what `form_urlencoded`'s does;
//! - every rejection names a key as given (a key inside `base` as `base.<key>`) and says what it
//!   allows; what it suggests for an unknown key (`did you mean …`) is a known key that begins as
//!   the one given.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests: a failure is the point"
)]

use pledge_explorer::feasibility::PAIRS;
use pledge_explorer::presets::Preset;
use pledge_explorer::scenario::{
    allowed_for, quoted, Country, Key, ParamErrorKind, Profile, QueryWriter, RawParams,
};
use pledge_explorer::tour::STEPS;
use pledge_explorer::view::{join_queries, parse_link, Lang, ThemeChoice, View, ViewKey, CONTROL_KEYS};
use pledge_explorer::Scenario;
use proptest::prelude::*;

mod common;

/// A scenario as a link could give it: a preset or not, then some keys over it.
fn scenario() -> impl Strategy<Value = Scenario> {
    (
        prop::option::of(prop::sample::select(Preset::ALL.to_vec())),
        prop::option::of((0u32..=30, 0u32..=30, 0.0f64..=40.0)),
        prop::option::of(1u32..=30),
        prop::option::of(0.0f64..=100.0),
        prop::option::of(prop::sample::select(Profile::ALL.to_vec())),
        prop::option::of(prop::sample::select(Country::ALL.to_vec())),
        prop::option::of(0.0f64..=1000.0),
    )
        .prop_map(|(preset, shares, years, krw, profile, country, limit)| {
            let mut q = form_urlencoded::Serializer::new(String::new());
            if let Some(p) = preset {
                q.append_pair("preset", p.key());
            }
            if let Some((upfront, guarantees, loans)) = shares {
                q.append_pair("upfront", &upfront.to_string());
                q.append_pair("guarantees", &guarantees.to_string());
                q.append_pair("loans", &format!("{loans:.2}"));
                q.append_pair("corporate", "0");
            }
            let mut put = |k: &str, v: Option<String>| {
                if let Some(v) = v {
                    q.append_pair(k, &v);
                }
            };
            put("years", years.map(|n| n.to_string()));
            put("krw", krw.map(|x| format!("{x:.1}")));
            put("profile", profile.map(|p| p.key().to_owned()));
            put("country", country.map(|c| c.key().to_owned()));
            put("limit", limit.map(|x| format!("{x:.3}")));
            let q = q.finish();
            Scenario::parse(&q).unwrap_or_else(|e| panic!("generator gave a bad scenario {q}: {e}"))
        })
}

/// Every view the page can be in.
fn view() -> impl Strategy<Value = View> {
    (
        prop::option::of(prop::sample::select(vec![Lang::En, Lang::Ko])),
        prop::option::of(prop::sample::select(vec![ThemeChoice::Light, ThemeChoice::Dark])),
        any::<bool>(),
        prop::option::of(
            prop::sample::subsequence(CONTROL_KEYS.to_vec(), 0..=CONTROL_KEYS.len()).prop_shuffle(),
        ),
        prop::option::of(1..=STEPS.len()),
        prop::option::of(scenario()),
        prop::option::of(0..PAIRS.len()),
    )
        .prop_map(|(lang, theme, embed, controls, step, base, map)| View {
            lang,
            theme,
            embed,
            controls,
            step,
            base,
            map,
        })
}

/// A `key=value` fragment a person or a broken link could write: view keys (over-represented),
/// scenario keys, junk; values valid, invalid, or a whole nested query for `base`.
fn fragment() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        4 => prop::sample::select(ViewKey::ALL.iter().map(|k| k.name()).collect::<Vec<_>>()).prop_map(str::to_owned),
        2 => prop::sample::select(vec!["upfront", "years", "preset", "krw", "total"]).prop_map(str::to_owned),
        1 => prop::sample::select(vec!["", "Lang", "base.upfront", "controls ", "x"]).prop_map(str::to_owned),
    ];
    let value = prop_oneof![
        2 => prop::sample::select(vec![
            "en", "ko", "KO", " en ", "fr", "light", "dark", "Dark", "1", "0", "2", "none", "upfront,years",
            "upfront,upfront", "upfront,total", "upfront,,years", "3", "7", "8", "0", "-1", "1e1", "NaN", "",
            "upfront-years", "upfront-krw", "guarantees-calls", "years-upfront", "kr-deal", "20", "abc",
        ])
        .prop_map(str::to_owned),
        1 => (scenario(), any::<bool>()).prop_map(|(s, full)| if full { s.to_query_full() } else { s.to_query() }),
        1 => prop::sample::select(vec![
            "upfront=abc", "years=99&nope=1", "base=preset%3Dkr-deal", "lang=ko", "upfront=70&loans=40",
            "years=5&years=6", "%ZZ", "preset=kr-deal&upfront=NaN",
        ])
        .prop_map(str::to_owned),
        1 => ".{0,16}",
    ];
    (key, value, any::<bool>()).prop_map(|(k, v, escape)| {
        let v = if escape { form_urlencoded::byte_serialize(v.as_bytes()).collect() } else { v };
        format!("{k}={v}")
    })
}

/// Every key a link knows.
fn known_names() -> Vec<&'static str> {
    Key::ALL.iter().map(|k| k.name()).chain(ViewKey::ALL.iter().map(|k| k.name())).collect()
}

fn link() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..8).prop_map(|f| f.join("&"))
}

/// A view the page can show: a known step and map pair, controls from the set without repeats,
/// a baseline that is itself a checked scenario.
fn assert_showable(view: &View) -> Result<(), TestCaseError> {
    if let Some(step) = view.step {
        prop_assert!((1..=STEPS.len()).contains(&step), "step {}", step);
    }
    if let Some(map) = view.map {
        prop_assert!(map < PAIRS.len(), "map {}", map);
    }
    if let Some(keys) = &view.controls {
        for (i, k) in keys.iter().enumerate() {
            prop_assert!(CONTROL_KEYS.contains(k) && !keys[..i].contains(k), "controls {:?}", keys);
        }
    }
    if let Some(base) = &view.base {
        let again = Scenario::parse(&base.to_query_full());
        prop_assert_eq!(again.as_ref(), Ok(base));
    }
    Ok(())
}

/// `parse_link` of the encoding of what it returned gives the same back.
fn round_trips(scenario: &Scenario, view: &View) -> Result<(), TestCaseError> {
    let q = join_queries(&[&scenario.to_query(), &view.to_query()]);
    prop_assert_eq!(parse_link(&q), Ok((scenario.clone(), view.clone())), "{}", q);
    Ok(())
}

proptest! {
    #![proptest_config(common::cases(1500))]

    #[test]
    fn any_scenario_and_view_encoded_in_any_order_parse_back_to_themselves(
        scenario in scenario(),
        view in view(),
        order in any::<prop::sample::Index>(),
    ) {
        round_trips(&scenario, &view)?;
        // The keys in another order (a host building the link by hand) read the same.
        let mut pairs: Vec<&str> = Vec::new();
        let (s, v) = (scenario.to_query(), view.to_query());
        pairs.extend(s.split('&').chain(v.split('&')).filter(|p| !p.is_empty()));
        if !pairs.is_empty() {
            let at = order.index(pairs.len());
            pairs.rotate_left(at);
        }
        prop_assert_eq!(parse_link(&pairs.join("&")), Ok((scenario, view)));
    }

    /// Keys are read in any case and around spaces: every key of an encoded link re-cased
    /// letter by letter and padded with spaces reads as the link itself.
    #[test]
    fn a_link_with_its_keys_in_any_case_and_padded_reads_as_itself(
        scenario in scenario(),
        view in view(),
        cases in prop::collection::vec(any::<bool>(), 64),
        pad in 0usize..3,
    ) {
        let q = join_queries(&[&scenario.to_query(), &view.to_query()]);
        let mut flip = cases.iter().cycle();
        let odd: Vec<String> = q
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                let key: String = key
                    .chars()
                    .map(|c| if *flip.next().unwrap_or(&false) { c.to_ascii_uppercase() } else { c })
                    .collect();
                format!("{}{key}{}={value}", "+".repeat(pad), "%20".repeat(pad))
            })
            .collect();
        let odd = odd.join("&");
        prop_assert_eq!(parse_link(&odd), Ok((scenario, view)), "{}", odd);
    }

    #[test]
    fn the_page_writes_pairs_exactly_as_form_urlencoded_does(
        pairs in prop::collection::vec((any::<String>(), any::<String>()), 0..6),
    ) {
        let mut ours = QueryWriter::default();
        let mut crates = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &pairs {
            ours.pair(k, v);
            crates.append_pair(k, v);
        }
        let query = ours.finish();
        prop_assert_eq!(&query, &crates.finish());
        // And what it writes reads back as the same pairs.
        let read: Vec<(String, String)> =
            form_urlencoded::parse(query.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
        prop_assert_eq!(read, pairs);
    }

    #[test]
    fn any_string_as_a_link_never_panics_and_what_it_gives_round_trips(input in ".{0,160}") {
        if let Ok((scenario, view)) = parse_link(&input) {
            round_trips(&scenario, &view)?;
        }
        let mut raw = RawParams::from_query(&input);
        let (view, _) = View::take(&mut raw);
        assert_showable(&view)?;
    }

    #[test]
    fn a_suggestion_is_a_known_key_that_begins_as_the_one_given(
        key in prop_oneof![
            "[a-zA-Z_. ]{0,14}",
            (prop::sample::select(known_names()), 0..12usize, "[a-z]?", any::<bool>()).prop_map(|(k, at, c, base)| {
                // A known key with a letter changed, dropped or added, sometimes inside a baseline.
                let at = at.min(k.len());
                let key = format!("{}{c}{}", &k[..at], k.get(at + 1..).unwrap_or(""));
                if base { format!("base.{key}") } else { key }
            }),
        ],
        value in "[0-9a-z%]{0,4}",
    ) {
        let mut raw = RawParams { pairs: vec![(key.clone(), value.clone())] };
        if let Some(inner) = key.strip_prefix("base.") {
            let inner = form_urlencoded::Serializer::new(String::new()).append_pair(inner, &value).finish();
            raw.pairs = vec![("base".to_owned(), inner)];
        }
        let (_, mut errors) = View::take(&mut raw);
        errors.extend(Scenario::from_raw_lenient(&raw).1);
        for e in &errors {
            let Some(meant) = e.suggestion() else { continue };
            let given = e.key.trim().trim_start_matches("base.").to_ascii_lowercase();
            prop_assert!(known_names().contains(&meant), "{:?}: {}", e, meant);
            prop_assert_eq!(given.get(..3), meant.get(..3), "{:?}: {}", e, meant);
            match e.kind {
                ParamErrorKind::UnknownKey => {}
                // Only a scenario key where only those are read.
                ParamErrorKind::NotAScenarioKey { .. } => prop_assert!(Key::from_name(meant).is_some(), "{:?}: {}", e, meant),
                _ => prop_assert!(false, "{:?} suggests {}", e, meant),
            }
            prop_assert!(e.to_string().contains(&format!("; did you mean {meant}? (known keys")), "{}", e);
        }
    }

    #[test]
    fn view_keys_are_read_leniently_and_every_rejection_names_its_key(q in link()) {
        let mut raw = RawParams::from_query(&q);
        let given = raw.pairs.clone();
        let (view, errors) = View::take(&mut raw);
        assert_showable(&view)?;
        // `take` leaves the scenario keys, and only those, for the scenario's own parse.
        prop_assert!(raw.pairs.iter().all(|(k, _)| ViewKey::from_name(k).is_none()), "{:?}", raw.pairs);
        let bases = given.iter().filter(|(k, _)| ViewKey::from_name(k) == Some(ViewKey::Base)).count();
        for e in &errors {
            let message = e.to_string();
            // The key as messages quote it (escaped, cut past forty characters).
            prop_assert!(message.starts_with(&format!("{}=", quoted(&e.key))), "{}", message);
            if let Some(inner) = e.key.strip_prefix("base.") {
                // A key inside a `base`: the baseline is dropped and the inner key named with
                // what it allows.
                prop_assert!(bases >= 1, "{}", message);
                prop_assert_eq!(&view.base, &None);
                prop_assert_eq!(allowed_for(&e.key, Lang::En), allowed_for(inner, Lang::En));
            } else {
                prop_assert!(given.iter().any(|(k, v)| *k == e.key && *v == e.value), "{:?} not in {:?}", e, given);
                prop_assert!(ViewKey::from_name(&e.key).is_some(), "{:?}", e);
            }
        }
        // The strict reading agrees: it fails exactly when a view key or a scenario key is bad.
        match parse_link(&q) {
            Ok((scenario, strict_view)) => {
                prop_assert!(errors.is_empty(), "{:?}", errors);
                prop_assert_eq!(&strict_view, &view);
                round_trips(&scenario, &strict_view)?;
            }
            Err(e) => {
                prop_assert!(!e.errors.is_empty());
                prop_assert_eq!(&e.errors[..errors.len()], &errors[..], "view errors come first");
            }
        }
    }
}

#[test]
fn the_link_strategy_reaches_good_and_bad_views_and_bad_baselines() {
    // Guards the generator above against drifting into all-valid or all-invalid links.
    let (mut ok, mut bad, mut inner) = (0, 0, 0);
    for q in common::samples(link(), 2000) {
        let (_, errors) = View::take(&mut RawParams::from_query(&q));
        if errors.is_empty() {
            ok += 1;
        } else {
            bad += 1;
        }
        inner += usize::from(errors.iter().any(|e| e.key.starts_with("base.")));
    }
    assert!(ok > 100 && bad > 100 && inner > 20, "ok {ok}, bad {bad}, bad baselines {inner}");
}
