//! What the property tests share (each `tests/*.rs` file is a crate of its own: `mod common;`).
#![allow(clippy::expect_used, reason = "tests: a failure is the point")]

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

/// `n` values drawn from `strategy`, the same ones every run: for the tests that guard a
/// generator against drifting into inputs that are all valid or all invalid.
pub fn samples<S: Strategy>(strategy: S, n: usize) -> impl Iterator<Item = S::Value> {
    let mut runner = TestRunner::deterministic();
    (0..n).map(move |_| strategy.new_tree(&mut runner).expect("the strategy draws a value").current())
}
