//! What the property tests share (each `tests/*.rs` file is a crate of its own: `mod common;`).
#![allow(clippy::expect_used, reason = "tests: a failure is the point")]

use pledge_explorer::scenario::{Key, Scenario};
use proptest::prelude::{prop_assert, TestCaseError};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, TestRunner};

/// A property's configuration: `default` cases, as every test run has them, or as many as
/// `PROPTEST_CASES` says, for a longer fuzzing run
/// (`PROPTEST_CASES=200000 cargo test --release --test fuzz_query`; proptest's own reading of
/// the variable gives way to a `cases` written in the test).
pub fn cases(default: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default);
    Config { cases, ..Config::default() }
}

/// `n` values drawn from `strategy`, the same ones every run: for the tests that guard a
/// generator against drifting into inputs that are all valid or all invalid.
pub fn samples<S: Strategy>(strategy: S, n: usize) -> impl Iterator<Item = S::Value> {
    let mut runner = TestRunner::deterministic();
    (0..n).map(move |_| strategy.new_tree(&mut runner).expect("the strategy draws a value").current())
}

/// The ranges the documentation gives each number key (`Key`'s docs, ARCHITECTURE.md): the
/// test's own statement of them, so a range check dropped from the parser cannot also move the
/// oracle. `(min, max, whole)`; `None` for the keys that take a name.
#[allow(
    dead_code,
    reason = "fuzz_query and fuzz_message check scenarios with it; fuzz_link, which includes this module too, does not"
)]
pub fn documented_range(key: Key) -> Option<(f64, f64, bool)> {
    match key {
        Key::Total => Some((1.0, 5000.0, false)),
        Key::Upfront | Key::Guarantees | Key::Loans | Key::Corporate | Key::Krw | Key::Calls => {
            Some((0.0, 100.0, false))
        }
        Key::Limit => Some((0.0, 1000.0, false)),
        Key::Years => Some((1.0, 30.0, true)),
        Key::Start => Some((2000.0, 2100.0, true)),
        Key::Preset | Key::Profile | Key::Country => None,
    }
}

/// Every field of an accepted scenario is in its documented range, and the shares fit in 100.
#[allow(
    dead_code,
    reason = "fuzz_query and fuzz_message check scenarios with it; fuzz_link, which includes this module too, does not"
)]
pub fn assert_valid(s: &Scenario) -> Result<(), TestCaseError> {
    for key in Key::ALL {
        if let Some((min, max, whole)) = documented_range(key) {
            let x = s.get(key).unwrap();
            prop_assert!((min..=max).contains(&x), "{}={x} outside {min}..={max}: {s:?}", key.name());
            prop_assert!(!whole || x.fract() == 0.0, "{}={x} is not whole", key.name());
        }
    }
    prop_assert!(s.share_sum() <= 100.0 + 1e-9, "shares sum to {}: {s:?}", s.share_sum());
    Ok(())
}
