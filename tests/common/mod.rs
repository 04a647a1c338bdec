//! What the property tests share (each `tests/*.rs` file is a crate of its own: `mod common;`).
#![allow(clippy::expect_used, reason = "tests: a failure is the point")]

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
