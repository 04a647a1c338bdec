//! Property tests of the model and the scenario codec (native only).
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests: a failure is the point"
)]

use pledge_explorer::model::{self, max_upfront, min_krw, min_upfront, min_years, within_limit};
use pledge_explorer::scenario::{Country, Key, Profile};
use pledge_explorer::{schedule, Scenario};
use proptest::prelude::*;

fn profile() -> impl Strategy<Value = Profile> {
    prop_oneof![Just(Profile::Even), Just(Profile::Front), Just(Profile::Back)]
}

/// Any valid scenario: four shares summing to at most 100, everything else in range.
fn scenario() -> impl Strategy<Value = Scenario> {
    (
        (1.0f64..5000.0, prop::array::uniform4(0.0f64..1.0), 0.0f64..=1.0),
        (0.0f64..=100.0, 1u32..=30, profile(), 0.0f64..=100.0, 0.0f64..=1000.0, 2000u32..=2100),
    )
        .prop_map(|((total, raw, fill), (krw, years, profile, calls, limit, start))| {
            let sum: f64 = raw.iter().sum::<f64>().max(1e-9);
            let share = |x: f64| (x / sum * fill * 100.0 * 1000.0).floor() / 1000.0;
            Scenario {
                preset: None,
                total,
                upfront: share(raw[0]),
                guarantees: share(raw[1]),
                loans: share(raw[2]),
                corporate: share(raw[3]),
                krw,
                years,
                profile,
                calls,
                // A limit the parser gives: to the $0.1 m.
                limit: (limit * 1e4).round() / 1e4,
                start,
                country: Country::Kr,
            }
        })
}

proptest! {
    #[test]
    fn money_is_conserved_and_calls_never_exceed_guarantees(s in scenario()) {
        let rows = schedule(&s).rows;
        prop_assert_eq!(rows.len() as u32, s.years);
        let total: f64 = rows.iter().map(|r| r.upfront + r.direct + r.loans + r.corporate + r.guarantees_issued).sum();
        prop_assert!((total - s.total).abs() < 1e-6 * s.total, "{} vs {}", total, s.total);
        let issued: f64 = rows.iter().map(|r| r.guarantees_issued).sum();
        let called: f64 = rows.iter().map(|r| r.guarantees_called).sum();
        prop_assert!(called <= issued + 1e-9);
        for r in &rows {
            prop_assert!((r.state_cash - (r.upfront + r.direct + r.loans + r.guarantees_called)).abs() < 1e-9);
            prop_assert!((r.headroom - (r.fx_limit - r.usd_cash)).abs() < 1e-9);
        }
    }

    #[test]
    fn won_paid_money_never_counts_against_the_dollar_limit(s in scenario(), more in 0.0f64..=100.0) {
        let more_won = Scenario { krw: s.krw.max(more), ..s.clone() };
        let (a, b) = (schedule(&s).rows, schedule(&more_won).rows);
        for (x, y) in a.iter().zip(&b) {
            prop_assert!((x.state_cash - y.state_cash).abs() < 1e-9);
            prop_assert!(y.usd_cash <= x.usd_cash + 1e-9);
            prop_assert!((y.usd_cash - y.state_cash * (1.0 - y_krw(&more_won))).abs() < 1e-9);
        }
    }

    #[test]
    fn raising_the_limit_never_adds_a_breach_year(s in scenario(), extra in 0.0f64..500.0) {
        let higher = Scenario { limit: (s.limit + extra).min(1000.0), ..s.clone() };
        let (a, b) = (schedule(&s).rows, schedule(&higher).rows);
        for (x, y) in a.iter().zip(&b) {
            prop_assert!(!y.breach || x.breach);
        }
    }

    #[test]
    fn parse_of_encode_is_the_identity(s in scenario()) {
        let query = s.to_query();
        prop_assert_eq!(Scenario::parse(&query).unwrap(), s.clone());
        prop_assert_eq!(Scenario::parse(&format!("?{}", s.to_query_full())).unwrap(), s);
    }

    #[test]
    fn parsing_arbitrary_strings_never_panics(input in ".{0,200}") {
        let _ = Scenario::parse(&input);
    }

    #[test]
    fn parsing_arbitrary_key_value_soup_never_panics(
        pairs in prop::collection::vec(("(total|upfront|krw|years|preset|profile|limit|x)", ".{0,12}"), 0..8)
    ) {
        let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        if let Ok(s) = Scenario::parse(&query.join("&")) {
            prop_assert!(s.share_sum() <= 100.0 + 1e-9);
            prop_assert!(s.total.is_finite() && s.limit.is_finite());
        }
    }

    #[test]
    fn solver_answers_hold_and_the_next_step_fails(s in scenario()) {
        if let Some(u) = max_upfront(&s) {
            // Set as the slider sets it, the other shares giving way past what they leave.
            let tenths = (u * 10.0).round() as u32;
            prop_assert!(within_limit(&slider_at(&s, tenths)));
            if tenths < 1000 {
                prop_assert!(!within_limit(&slider_at(&s, tenths + 1)));
            }
        }
        match min_years(&s) {
            Some(y) => {
                { let ok = within_limit(&Scenario { years: y, ..s.clone() }); prop_assert!(ok); }
                if y > 1 { { let ok = within_limit(&Scenario { years: y - 1, ..s.clone() }); prop_assert!(!ok); } }
            }
            None => { let ok = within_limit(&Scenario { years: 30, ..s.clone() }); prop_assert!(!ok); }
        }
        let k = min_krw(&s).unwrap();
        { let ok = within_limit(&Scenario { krw: k, ..s.clone() }); prop_assert!(ok); }
        if k >= 0.1 { { let ok = within_limit(&Scenario { krw: k - 0.1, ..s.clone() }); prop_assert!(!ok); } }
    }

    #[test]
    fn max_upfront_is_the_largest_tenth_a_scan_finds(s in scenario()) {
        prop_assert_eq!(max_upfront(&s), max_upfront_by_scan(&s), "{}", s.to_query());
        prop_assert_eq!(min_upfront_of(&s), min_upfront_by_scan(&s), "{}", s.to_query());
    }

    #[test]
    fn summary_peak_and_breaches_agree_with_the_rows(s in scenario()) {
        let sched = schedule(&s);
        let sum = model::summarize(&s, &sched);
        let peak = sched.rows.iter().map(|r| r.usd_cash).fold(0.0, f64::max);
        prop_assert!((sum.peak_usd_cash - peak).abs() < 1e-9);
        prop_assert_eq!(sum.breach_years as usize, sched.rows.iter().filter(|r| r.breach).count());
    }
}

/// Every upfront share, in tenths of a point, at which every year fits, smallest first, each set
/// as the slider sets it: the slow way to the solvers' answers.
fn fitting_upfronts(s: &Scenario) -> Vec<f64> {
    (0..=1000)
        .filter(|&tenths| within_limit(&slider_at(s, tenths)))
        .map(|tenths| f64::from(tenths) / 10.0)
        .collect()
}

/// `s` with the upfront slider moved to `tenths` tenths of a point: what its input does
/// (`UiState`'s reducer calls the same).
fn slider_at(s: &Scenario, tenths: u32) -> Scenario {
    let mut c = s.clone();
    c.set_share_giving_way(Key::Upfront, f64::from(tenths) / 10.0).unwrap();
    c
}

/// What `max_upfront` answers, found by scanning every tenth.
fn max_upfront_by_scan(s: &Scenario) -> Option<f64> {
    fitting_upfronts(s).last().copied()
}

/// What `min_upfront` answers, found by scanning every tenth.
fn min_upfront_by_scan(s: &Scenario) -> Option<f64> {
    fitting_upfronts(s).first().copied()
}

/// `min_upfront` as the page calls it: given `max_upfront`'s answer, when there is one.
fn min_upfront_of(s: &Scenario) -> Option<f64> {
    max_upfront(s).map(|max| min_upfront(s, max))
}

/// Round numbers put the limit exactly on a year's dollars, where rounding could split a
/// bisection from a scan: totals, limits, years, profiles and shares on a coarse grid, every
/// combination.
#[test]
fn max_upfront_agrees_with_a_scan_on_round_numbers() {
    let mut checked = 0;
    for total in [100.0, 200.0, 350.0, 550.0, 600.0, 1000.0] {
        for limit in [0.0, 10.0, 20.0, 35.0, 50.0, 100.0] {
            for years in [1, 2, 5, 10, 20] {
                for profile in [Profile::Even, Profile::Front, Profile::Back] {
                    for (guarantees, krw, calls) in [(0.0, 0.0, 0.0), (20.0, 50.0, 30.0), (40.0, 10.0, 100.0)]
                    {
                        let s = Scenario {
                            total,
                            limit,
                            years,
                            profile,
                            guarantees,
                            krw,
                            calls,
                            upfront: 0.0,
                            ..Scenario::default()
                        };
                        assert_eq!(max_upfront(&s), max_upfront_by_scan(&s), "{}", s.to_query());
                        assert_eq!(min_upfront_of(&s), min_upfront_by_scan(&s), "{}", s.to_query());
                        checked += 1;
                    }
                }
            }
        }
    }
    assert_eq!(checked, 6 * 6 * 5 * 3 * 3);
    // A single year whose headroom sits on the breach tolerance: its dollars are the same for
    // every share but for rounding, which alone decides which tenths fit (found in review).
    let edge = Scenario { years: 1, krw: 70.0, limit: 104.999999, ..Scenario::default() };
    assert_eq!(max_upfront(&edge), max_upfront_by_scan(&edge));
    assert_eq!(min_upfront_of(&edge), min_upfront_by_scan(&edge));
    // Back-loaded over two years: the last year fits only once some money moves to the first.
    let back = Scenario::parse("profile=back&years=2&total=100&limit=60").unwrap();
    assert_eq!((min_upfront_of(&back), max_upfront(&back)), (Some(10.0), Some(40.0)));
    // No room left by the other shares: the upfront slider takes from them, and so does the
    // solver. All company money, no state cash: 350 bn × u% in the first year fits $20 bn up to
    // 5.7%. All guarantees, half called: the first year pays 17.5 + 3.325 × u, up to 0.7%.
    for (q, max) in [("corporate=100", 5.7), ("guarantees=100&calls=50", 0.7)] {
        let s = Scenario::parse(q).unwrap();
        assert_eq!((min_upfront_of(&s), max_upfront(&s)), (Some(0.0), Some(max)), "{q}");
        assert_eq!(max_upfront(&s), max_upfront_by_scan(&s), "{q}");
    }
}

fn y_krw(s: &Scenario) -> f64 {
    s.krw / 100.0
}
