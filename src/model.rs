//! The pure model: a checked [`Scenario`] becomes a yearly [`Schedule`] and a [`Summary`].
//!
//! Architecture Invariant: nothing here touches the DOM, files, the clock or randomness; the same
//! scenario always gives the same schedule, bit for bit, in the browser and in the CLI.
//!
//! Conventions: money in USD bn as `f64`; shares arrive in percent and are used as fractions
//! inside; nothing is rounded here (rounding happens only at display).

use serde::Serialize;

use crate::facts::{self, Assumption, Fact};
use crate::scenario::{Country, Key, Profile, Scenario};

/// Amounts below this many USD bn ($50 000) are not a breach: the page writes amounts to the
/// nearest $0.1 m (`text::usd_bn`), so a year above the limit is above it by an amount it can
/// show. At $1 000 a year $35 000 over a limit of zero was "above the limit", written "$0 bn".
pub const BREACH_TOLERANCE_BN: f64 = 5e-5;

/// One year of the schedule. Field names and order are the CSV columns and JSON fields.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Row {
    /// Calendar year.
    pub year: u32,
    /// The lump sum of government cash (first year only).
    pub upfront: f64,
    /// Government cash invested through capital calls.
    pub direct: f64,
    /// Cash lent by state lenders.
    pub loans: f64,
    /// Companies' own money (not state cash).
    pub corporate: f64,
    /// Guarantees given this year (contingent: no cash unless called).
    pub guarantees_issued: f64,
    /// Guarantees called and paid this year.
    pub guarantees_called: f64,
    /// What the state pays out: `upfront + direct + loans + guarantees_called`.
    pub state_cash: f64,
    /// The part of state cash that must be found in dollars.
    pub usd_cash: f64,
    /// Dollars the state can supply this year without destabilising its currency.
    pub fx_limit: f64,
    /// `fx_limit − usd_cash`; negative in a breach year.
    pub headroom: f64,
    /// `usd_cash` exceeds `fx_limit`.
    pub breach: bool,
}

impl Row {
    /// The column names, in order.
    pub const COLUMNS: [&'static str; 12] = [
        "year",
        "upfront",
        "direct",
        "loans",
        "corporate",
        "guarantees_issued",
        "guarantees_called",
        "state_cash",
        "usd_cash",
        "fx_limit",
        "headroom",
        "breach",
    ];

    /// The money columns, in the order of [`Row::COLUMNS`] between `year` and `breach`.
    pub fn money(&self) -> [f64; 10] {
        [
            self.upfront,
            self.direct,
            self.loans,
            self.corporate,
            self.guarantees_issued,
            self.guarantees_called,
            self.state_cash,
            self.usd_cash,
            self.fx_limit,
            self.headroom,
        ]
    }

    /// State cash paid in the country's own currency (does not press on the dollar market).
    pub fn local_cash(&self) -> f64 {
        self.state_cash - self.usd_cash
    }

    /// Guarantees issued this year and not called: the contingent exposure added this year.
    pub fn guarantees_uncalled(&self) -> f64 {
        self.guarantees_issued - self.guarantees_called
    }
}

/// The yearly schedule: one [`Row`] per year of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Schedule {
    /// The rows, first year first.
    pub rows: Vec<Row>,
}

/// Weight of year `i` (0-based) of `n` under a loading profile; the weights sum to 1.
pub fn weight(profile: Profile, n: u32, i: u32) -> f64 {
    let n_f = f64::from(n.max(1));
    let triangle = n_f * (n_f + 1.0) / 2.0;
    match profile {
        Profile::Even => 1.0 / n_f,
        Profile::Front => f64::from(n.saturating_sub(i)) / triangle,
        Profile::Back => f64::from(i + 1) / triangle,
    }
}

/// The scenario's amounts in USD bn, computed once.
#[derive(Debug, Clone, Copy)]
struct Parts {
    upfront: f64,
    direct: f64,
    loans: f64,
    corporate: f64,
    guarantees: f64,
    call_rate: f64,
    usd_rate: f64,
}

impl Parts {
    fn of(s: &Scenario) -> Parts {
        let bn = |pct: f64| s.total * pct / 100.0;
        Parts {
            upfront: bn(s.upfront),
            direct: bn(s.direct()),
            loans: bn(s.loans),
            corporate: bn(s.corporate),
            guarantees: bn(s.guarantees),
            call_rate: s.calls / 100.0,
            usd_rate: 1.0 - s.krw / 100.0,
        }
    }

    fn row(&self, s: &Scenario, i: u32) -> Row {
        let w = weight(s.profile, s.years, i);
        let upfront = if i == 0 { self.upfront } else { 0.0 };
        let direct = self.direct * w;
        let loans = self.loans * w;
        let guarantees_issued = self.guarantees * w;
        let guarantees_called = guarantees_issued * self.call_rate;
        let state_cash = upfront + direct + loans + guarantees_called;
        let usd_cash = state_cash * self.usd_rate;
        let headroom = s.limit - usd_cash;
        Row {
            year: s.start + i,
            upfront,
            direct,
            loans,
            corporate: self.corporate * w,
            guarantees_issued,
            guarantees_called,
            state_cash,
            usd_cash,
            fx_limit: s.limit,
            headroom,
            breach: headroom < -BREACH_TOLERANCE_BN,
        }
    }
}

/// The yearly schedule of a scenario.
pub fn schedule(s: &Scenario) -> Schedule {
    let parts = Parts::of(s);
    Schedule { rows: (0..s.years).map(|i| parts.row(s, i)).collect() }
}

/// The smallest headroom under the limit over all years (negative when some year breaches),
/// without building the schedule: the hot path of the solvers and the feasibility map.
pub fn worst_headroom(s: &Scenario) -> f64 {
    let parts = Parts::of(s);
    (0..s.years).map(|i| parts.row(s, i).headroom).fold(f64::INFINITY, f64::min)
}

/// `true` when no year's dollar outflow exceeds the limit.
pub fn within_limit(s: &Scenario) -> bool {
    worst_headroom(s) >= -BREACH_TOLERANCE_BN
}

/// A figure derived from sourced figures, with the sources it rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Derived {
    /// The derived value.
    pub value: f64,
    /// Its unit.
    pub unit: &'static str,
    /// The sourced figures it uses.
    pub sources: Vec<Fact>,
    /// An assumption it rests on, if any (written in JSON as its English text).
    #[serde(serialize_with = "assumption_text")]
    pub assumption: Option<Assumption>,
}

fn assumption_text<S: serde::Serializer>(a: &Option<Assumption>, s: S) -> Result<S::Ok, S::Error> {
    match a {
        Some(a) => s.serialize_some(a.text),
        None => s.serialize_none(),
    }
}

/// The pledge measured against the economy that makes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryContext {
    /// Whose figures these are.
    pub country: Country,
    /// The pledge as a percentage of nominal GDP.
    pub gdp_share: Option<Derived>,
    /// The pledge as a percentage of foreign-exchange reserves.
    pub reserves_share: Option<Derived>,
    /// The pledge in the country's own currency, in trillions.
    pub local_equivalent: Option<Derived>,
}

/// Answers of the "what would it take" solvers: `None` means no value keeps every year
/// under the limit, one lever moved at a time (upfront as its slider moves it).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Solvers {
    /// Largest upfront share, percent, to 0.1 point.
    pub max_upfront: Option<f64>,
    /// Shortest timeline, years.
    pub min_years: Option<u32>,
    /// Smallest share paid in the country's own currency, percent, to 0.1 point.
    pub min_krw: Option<f64>,
}

/// What a schedule means, in the numbers the page and the CLI lead with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The largest yearly dollar outflow, USD bn.
    pub peak_usd_cash: f64,
    /// The year of the peak (the first such year).
    pub peak_year: u32,
    /// Every year pays the peak's dollars (more than one year, and more than none): no one year
    /// stands out, so the words say "every year", not the first of them.
    pub peak_every_year: bool,
    /// `peak_usd_cash / limit`; `None` when the limit is 0.
    pub peak_times_limit: Option<f64>,
    /// Number of years above the limit.
    pub breach_years: u32,
    /// The first year above the limit.
    pub first_breach_year: Option<u32>,
    /// Dollars above the limit, summed over the breach years, USD bn.
    pub above_limit_total: f64,
    /// Total state cash, USD bn.
    pub state_cash_total: f64,
    /// Total state cash paid in dollars, USD bn.
    pub usd_cash_total: f64,
    /// Years the dollar part of the state cash would take if paid at the limit; `None` when the
    /// limit is 0 and dollars are owed.
    pub years_at_limit: Option<f64>,
    /// Total company investment, USD bn.
    pub corporate_total: f64,
    /// Total guarantees given, USD bn.
    pub guarantees_issued_total: f64,
    /// Total guarantees called, USD bn.
    pub guarantees_called_total: f64,
    /// Guarantees given and not called: the state's contingent exposure, USD bn.
    pub contingent_exposure: f64,
    /// The pledge against the country's economy.
    pub context: CountryContext,
    /// "What would it take".
    pub solvers: Solvers,
}

/// Summarises a scenario's schedule.
pub fn summarize(s: &Scenario, schedule: &Schedule) -> Summary {
    let rows = &schedule.rows;
    let sum = |f: fn(&Row) -> f64| rows.iter().map(f).sum::<f64>();
    let peak = rows.iter().fold(None::<&Row>, |best, r| match best {
        Some(b) if b.usd_cash >= r.usd_cash => Some(b),
        _ => Some(r),
    });
    let peak_usd_cash = peak.map_or(0.0, |r| r.usd_cash);
    let usd_cash_total = sum(|r| r.usd_cash);
    let guarantees_issued_total = sum(|r| r.guarantees_issued);
    let guarantees_called_total = sum(|r| r.guarantees_called);
    Summary {
        peak_usd_cash,
        peak_year: peak.map_or(s.start, |r| r.year),
        peak_every_year: rows.len() > 1
            && peak_usd_cash > BREACH_TOLERANCE_BN
            && rows.iter().all(|r| peak_usd_cash - r.usd_cash <= BREACH_TOLERANCE_BN),
        peak_times_limit: (s.limit > 0.0).then(|| peak_usd_cash / s.limit),
        breach_years: rows.iter().filter(|r| r.breach).count() as u32,
        first_breach_year: rows.iter().find(|r| r.breach).map(|r| r.year),
        // `+ 0.0`: the sum of no years is -0.0, which JSON and prose would print with its sign.
        above_limit_total: rows.iter().filter(|r| r.breach).map(|r| -r.headroom).sum::<f64>() + 0.0,
        state_cash_total: sum(|r| r.state_cash),
        usd_cash_total,
        years_at_limit: if usd_cash_total <= BREACH_TOLERANCE_BN {
            Some(0.0)
        } else if s.limit > 0.0 {
            Some(usd_cash_total / s.limit)
        } else {
            None
        },
        corporate_total: sum(|r| r.corporate),
        guarantees_issued_total,
        guarantees_called_total,
        contingent_exposure: guarantees_issued_total - guarantees_called_total,
        context: context(s),
        solvers: solve(s),
    }
}

fn derived(value: f64, unit: &'static str, sources: &[Fact], assumption: Option<Assumption>) -> Derived {
    Derived { value, unit, sources: sources.to_vec(), assumption }
}

/// The pledge against the GDP, reserves and currency of the scenario's country.
pub fn context(s: &Scenario) -> CountryContext {
    let share = |of: &Fact| derived(s.total / of.value * 100.0, "percent", &[*of], None);
    match s.country {
        Country::Kr => CountryContext {
            country: s.country,
            gdp_share: Some(share(&facts::KR_GDP)),
            reserves_share: Some(share(&facts::KR_FX_RESERVES)),
            local_equivalent: Some(derived(
                s.total * facts::KR_KRW_PER_USD.value / 1000.0,
                "KRW tn",
                &[facts::KR_KRW_PER_USD],
                None,
            )),
        },
        Country::Jp => {
            let gdp_usd_bn = facts::JP_GDP_JPY.value * 1000.0 / facts::JPY_PER_USD_ASSUMED;
            CountryContext {
                country: s.country,
                gdp_share: Some(derived(
                    s.total / gdp_usd_bn * 100.0,
                    "percent",
                    &[facts::JP_GDP_JPY],
                    Some(facts::ASSUME_JPY_RATE),
                )),
                reserves_share: Some(share(&facts::JP_FX_RESERVES)),
                local_equivalent: Some(derived(
                    s.total * facts::JPY_PER_USD_ASSUMED / 1000.0,
                    "JPY tn",
                    &[],
                    Some(facts::ASSUME_JPY_RATE),
                )),
            }
        }
        Country::Eu => CountryContext {
            country: s.country,
            gdp_share: Some(share(&facts::EU_GDP)),
            reserves_share: None,
            local_equivalent: None,
        },
    }
}

/// The "what would it take" solvers, one lever moved at a time: the others as they are, but
/// for the shares an upfront share gives way to ([`max_upfront`]).
pub fn solve(s: &Scenario) -> Solvers {
    Solvers { max_upfront: max_upfront(s), min_years: min_years(s), min_krw: min_krw(s) }
}

/// Largest upfront share (to 0.1 point) that keeps every year under the limit, the share set as
/// the upfront slider sets it: out of direct investment first, then, once that is spent, from
/// the largest other share ([`Scenario::set_share_giving_way`]). A mark beside that slider that
/// assumed the other shares fixed said "only at 0%" of `corporate=100`, where 5.7% fits.
///
/// Moving a share from any other part to upfront adds dollars to the first year and takes them
/// from every later one, or leaves them (a part's first-year weight and cash rate are at most
/// 1). So the first year fits for shares up to some point, every later year from some point on,
/// and the shares that fit form one interval whose top, if any share fits at all, is the
/// largest share at which the first year fits: found by bisection, then checked whole. With a
/// single year, where only rounding in the last place may decide, every tenth is scanned from
/// the top. (A scan of every tenth gives the same answers: `tests/properties.rs`.)
pub fn max_upfront(s: &Scenario) -> Option<f64> {
    let top = 1000;
    let at = |tenths: u32| upfront_at(s, tenths);
    if s.years <= 1 {
        return (0..=top).rev().find(|&t| within_limit(&at(t))).map(|t| f64::from(t) / 10.0);
    }
    let first_year_fits = |tenths: u32| {
        let c = at(tenths);
        Parts::of(&c).row(&c, 0).headroom >= -BREACH_TOLERANCE_BN
    };
    if !first_year_fits(0) {
        return None;
    }
    let last = if first_year_fits(top) { top } else { first_where(0, top, |t| !first_year_fits(t)) - 1 };
    within_limit(&at(last)).then(|| f64::from(last) / 10.0)
}

/// Smallest upfront share (to 0.1 point) that keeps every year under the limit, set as
/// [`max_upfront`] sets it, given `max`, the largest ([`max_upfront`]'s answer for `s`, which callers have
/// already): the other end of the interval. Above 0 when a back-loaded or short timeline needs
/// some money moved into the first year before the later years fit.
pub fn min_upfront(s: &Scenario, max: f64) -> f64 {
    let top = (max * 10.0).round() as u32;
    let fits = |tenths: u32| within_limit(&upfront_at(s, tenths));
    // Below the top the first year fits, and every later year fits from some share on: one
    // change from not fitting to fitting (with one year, only rounding moves: scan).
    let first = if fits(0) {
        0
    } else if s.years <= 1 {
        (0..=top).find(|&t| fits(t)).unwrap_or(top)
    } else {
        first_where(0, top, fits)
    };
    f64::from(first) / 10.0
}

/// Whether, with nothing upfront, a longer timeline alone and a larger share in the own
/// currency alone can keep every year within the limit: what to move first when no upfront
/// share fits ([`max_upfront`] is `None`). At a limit of zero no timeline can.
pub fn fits_without_upfront(s: &Scenario) -> (bool, bool) {
    let none = upfront_at(s, 0);
    (min_years(&none).is_some(), min_krw(&none).is_some())
}

/// `s` with an upfront share of `tenths` tenths of a point, set as the slider sets it.
fn upfront_at(s: &Scenario, tenths: u32) -> Scenario {
    let mut c = s.clone();
    // 0 to 100 is always in range; an error would leave `c` as it was.
    let _ = c.set_share_giving_way(Key::Upfront, f64::from(tenths) / 10.0);
    c
}

/// The first of `lo + 1 ..= hi` where `holds` holds, by bisection, given that it does not hold
/// at `lo`, holds at `hi`, and changes once between them.
fn first_where(mut lo: u32, mut hi: u32, holds: impl Fn(u32) -> bool) -> u32 {
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if holds(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}

/// Shortest timeline in whole years (1–30) that keeps every year under the limit.
pub fn min_years(s: &Scenario) -> Option<u32> {
    (1..=30).find(|&years| within_limit(&Scenario { years, ..s.clone() }))
}

/// Smallest won (own-currency) share, to 0.1 point, that keeps every year under the limit.
/// More won never adds dollars, so the feasible shares form an interval ending at 100: bisect.
pub fn min_krw(s: &Scenario) -> Option<f64> {
    let ok = |tenths: u32| within_limit(&Scenario { krw: f64::from(tenths) / 10.0, ..s.clone() });
    if !ok(1000) {
        return None;
    }
    if ok(0) {
        return Some(0.0);
    }
    Some(f64::from(first_where(0, 1000, ok)) / 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::Preset;

    fn total_of(rows: &[Row]) -> f64 {
        rows.iter().map(|r| r.upfront + r.direct + r.loans + r.corporate + r.guarantees_issued).sum()
    }

    #[test]
    fn default_pays_35_a_year_and_breaches_every_year() {
        let s = Scenario::default();
        let sched = schedule(&s);
        assert_eq!(sched.rows.len(), 10);
        assert!(sched.rows.iter().all(|r| (r.usd_cash - 35.0).abs() < 1e-9 && r.breach));
        let sum = summarize(&s, &sched);
        assert_eq!(sum.breach_years, 10);
        assert!((sum.above_limit_total - 150.0).abs() < 1e-9);
        assert!((sum.years_at_limit.unwrap() - 17.5).abs() < 1e-9);
        assert!(sum.peak_every_year);
    }

    #[test]
    fn the_peak_is_every_year_only_when_more_than_one_year_pays_the_same_dollars() {
        let sum = |q: &str| {
            let s = Scenario::parse(q).unwrap();
            summarize(&s, &schedule(&s))
        };
        assert!(sum("").peak_every_year);
        // One year, a front-loaded upfront payment, no dollars at all: no.
        assert!(!sum("years=1").peak_every_year);
        assert!(!sum("upfront=10").peak_every_year);
        assert!(!sum("krw=100").peak_every_year);
        assert!(!sum("preset=eu").peak_every_year);
        assert!(!sum("preset=us-demand").peak_every_year);
    }

    #[test]
    fn us_demand_needs_350_dollars_in_2026_which_is_17_5_times_the_limit() {
        let s = Preset::UsDemand.scenario();
        let sum = summarize(&s, &schedule(&s));
        assert_eq!(sum.peak_year, 2026);
        assert!((sum.peak_usd_cash - 350.0).abs() < 1e-9);
        assert!((sum.peak_times_limit.unwrap() - 17.5).abs() < 1e-9);
        assert_eq!(sum.breach_years, 1);
        assert_eq!(sum.solvers.max_upfront, None);
    }

    #[test]
    fn kr_deal_sits_exactly_at_the_limit_without_a_breach() {
        let s = Preset::KrDeal.scenario();
        let sum = summarize(&s, &schedule(&s));
        assert_eq!(sum.breach_years, 0);
        assert!((sum.peak_usd_cash - 20.0).abs() < 1e-9);
        assert!((sum.contingent_exposure - 75.0).abs() < 1e-9);
        assert!((sum.corporate_total - 75.0).abs() < 1e-9);
    }

    #[test]
    fn profiles_conserve_money_and_load_as_named() {
        for profile in Profile::ALL {
            for years in [1, 2, 7, 30] {
                let s = Scenario {
                    profile,
                    years,
                    upfront: 10.0,
                    loans: 20.0,
                    guarantees: 30.0,
                    corporate: 5.0,
                    ..Scenario::default()
                };
                let rows = schedule(&s).rows;
                assert!((total_of(&rows) - s.total).abs() < 1e-9, "{profile:?} {years}");
            }
        }
        let front = schedule(&Scenario { profile: Profile::Front, ..Scenario::default() }).rows;
        assert!(front[0].direct > front[9].direct);
        let back = schedule(&Scenario { profile: Profile::Back, ..Scenario::default() }).rows;
        assert!(back[0].direct < back[9].direct);
    }

    #[test]
    fn with_nothing_upfront_a_timeline_helps_unless_the_limit_is_zero() {
        // With nothing upfront, 18 years or some won would fit the default pledge.
        assert_eq!(fits_without_upfront(&Scenario::parse("upfront=50").unwrap()), (true, true));
        // At a limit of zero no upfront share fits, and of the other levers only all in won does.
        let zero = Scenario::parse("upfront=50&limit=0").unwrap();
        assert_eq!(max_upfront(&zero), None);
        assert_eq!(fits_without_upfront(&zero), (false, true));
    }

    #[test]
    fn won_share_does_not_count_against_the_limit() {
        let s = Scenario { krw: 50.0, ..Scenario::default() };
        let rows = schedule(&s).rows;
        assert!(rows.iter().all(|r| (r.usd_cash - 17.5).abs() < 1e-9 && !r.breach));
        assert!((rows[0].local_cash() - 17.5).abs() < 1e-9);
    }

    #[test]
    fn solvers_on_the_default_scenario() {
        let s = Scenario::default();
        // 350 over n years is under 20 from n = 18; no upfront share helps; 42.9% in won does.
        assert_eq!(min_years(&s), Some(18));
        assert_eq!(max_upfront(&s), None);
        assert_eq!(min_krw(&s), Some(42.9));
    }

    #[test]
    fn max_upfront_finds_the_largest_feasible_tenth() {
        // 100 over 10 years: 10 a year; the upfront u% adds 0.9u to the first year: u <= 11.1.
        let s = Scenario { total: 100.0, ..Scenario::default() };
        assert_eq!(max_upfront(&s), Some(11.1));
    }

    #[test]
    fn context_for_korea_uses_sourced_gdp_reserves_and_rate() {
        let c = context(&Scenario::default());
        assert!((c.gdp_share.unwrap().value - 350.0 / 1870.0 * 100.0).abs() < 1e-9);
        assert!((c.reserves_share.unwrap().value - 350.0 / 428.82 * 100.0).abs() < 1e-9);
        assert!((c.local_equivalent.unwrap().value - 497.756).abs() < 1e-9);
    }
}
