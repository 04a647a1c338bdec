//! The feasibility map: the worst year's headroom under the FX limit over a grid of two levers,
//! the others held where the scenario has them. Pure and fast enough to recompute on every
//! slider input (101 × 30 cells of `model::worst_headroom`; `cargo bench --bench core` times it).

use crate::model::{worst_headroom, BREACH_TOLERANCE_BN};
use crate::scenario::{Country, Key, Scenario};

/// One axis of the map: a lever and the values it takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Axis {
    /// The scenario key.
    pub key: Key,
    /// First value.
    pub min: f64,
    /// Step between values.
    pub step: f64,
    /// How many values.
    pub len: usize,
}

impl Axis {
    /// The axis of `key`, fine enough to read a percent or a year off it. When both axes are
    /// shares, the second uses steps of 2 so a map stays about 5 000 cells.
    pub fn of(key: Key, coarse: bool) -> Axis {
        match key {
            Key::Years => Axis { key, min: 1.0, step: 1.0, len: 30 },
            _ if coarse => Axis { key, min: 0.0, step: 2.0, len: 51 },
            _ => Axis { key, min: 0.0, step: 1.0, len: 101 },
        }
    }

    /// The value at index `i`.
    pub fn value(&self, i: usize) -> f64 {
        self.min + self.step * i as f64
    }

    /// The last value.
    pub fn max(&self) -> f64 {
        self.value(self.len.saturating_sub(1))
    }

    /// The index nearest to `value`, clamped to the axis.
    pub fn index_of(&self, value: f64) -> usize {
        let i = ((value - self.min) / self.step).round();
        if i.is_finite() && i > 0.0 {
            (i as usize).min(self.len.saturating_sub(1))
        } else {
            0
        }
    }
}

/// The pairs of levers a reader can map, x first.
pub const PAIRS: [(Key, Key); 3] =
    [(Key::Upfront, Key::Years), (Key::Upfront, Key::Krw), (Key::Guarantees, Key::Calls)];

/// The name of `PAIRS[i]` in links (`map=upfront-krw`): the two keys' names, x first.
pub fn pair_name(i: usize) -> Option<String> {
    PAIRS.get(i).map(|(x, y)| format!("{}-{}", x.name(), y.name()))
}

/// The index in `PAIRS` of a pair named as [`pair_name`] names it.
pub fn pair_from_name(name: &str) -> Option<usize> {
    (0..PAIRS.len()).find(|i| pair_name(*i).as_deref() == Some(name))
}

/// The worst year's headroom (USD bn, negative: above the limit) at every cell, its two levers
/// set as their sliders set them: a share past what the others leave takes from them
/// ([`Scenario::set_share_giving_way`]), so every cell is a scenario a reader can reach.
#[derive(Debug, Clone, PartialEq)]
pub struct Map {
    /// Horizontal axis.
    pub x: Axis,
    /// Vertical axis.
    pub y: Axis,
    /// Row-major from the bottom row (`y` index 0): `cells[j * x.len + i]`.
    pub cells: Vec<f64>,
    /// The economy of the scenario it was computed around (it names the own-currency lever).
    pub country: Country,
}

impl Map {
    /// Computes the map of `x` × `y` around `s`.
    pub fn compute(s: &Scenario, x: Key, y: Key) -> Map {
        let both_shares = x != Key::Years && y != Key::Years;
        let (x, y) = (Axis::of(x, false), Axis::of(y, both_shares));
        let mut cells = Vec::with_capacity(x.len * y.len);
        for j in 0..y.len {
            for i in 0..x.len {
                cells.push(worst_headroom(&scenario_at(s, &x, i, &y, j)));
            }
        }
        Map { x, y, cells, country: s.country }
    }

    /// The cell at column `i`, row `j` (`None` off the map).
    pub fn get(&self, i: usize, j: usize) -> Option<f64> {
        if i >= self.x.len || j >= self.y.len {
            return None;
        }
        self.cells.get(j * self.x.len + i).copied()
    }

    /// Whether every year stays under the limit at the cell (false off the map).
    pub fn fits(&self, i: usize, j: usize) -> bool {
        self.get(i, j).is_some_and(|h| h >= -BREACH_TOLERANCE_BN)
    }

    /// The scenario at a cell, the levers set to its values (`None` off the map).
    pub fn scenario_at(&self, s: &Scenario, i: usize, j: usize) -> Option<Scenario> {
        (i < self.x.len && j < self.y.len).then(|| scenario_at(s, &self.x, i, &self.y, j))
    }
}

fn scenario_at(s: &Scenario, x: &Axis, i: usize, y: &Axis, j: usize) -> Scenario {
    let mut c = Scenario { preset: None, ..s.clone() };
    // Every axis value is in its key's range, so neither can fail and leave `c` unchanged.
    let _ = c.set_share_giving_way(x.key, x.value(i));
    let _ = c.set_share_giving_way(y.key, y.value(j));
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{max_upfront, min_krw, min_upfront, min_years, within_limit};
    use crate::presets::Preset;

    fn scenarios() -> Vec<Scenario> {
        let mut out: Vec<Scenario> = Preset::ALL.iter().map(|p| p.scenario()).collect();
        for q in [
            "",
            "upfront=10&guarantees=30&calls=50",
            "krw=30&years=6",
            "loans=40&limit=35",
            "total=100&years=3",
            // Scenarios whose upfront-by-years row fits from 0 up to a positive share (11.1), and
            // between two positive shares, whole (10 to 40) and not (17.5 to 32.5).
            "total=100",
            "profile=back&years=2&total=100&limit=60",
            "profile=back&years=2&total=100&limit=55",
        ] {
            out.push(Scenario::parse(q).unwrap());
        }
        out
    }

    /// Along the row of the scenario's timeline, the whole upfront shares that fit on the map run
    /// from the first whole share at or above `min_upfront` to the last at or below
    /// `max_upfront`, with no gap; and along the column of its upfront share, the shortest
    /// timeline that fits is `min_years`. The map and the solvers compute these apart (a grid of
    /// `worst_headroom` against bisection), so a slip in either shows. Some scenarios must have
    /// a positive boundary at each end: at 0 a grid and a solver agree too easily.
    #[test]
    fn the_boundary_of_upfront_by_years_matches_the_solvers() {
        let (mut positive_max, mut positive_min) = (0, 0);
        for s in scenarios() {
            let map = Map::compute(&s, Key::Upfront, Key::Years);
            let j = map.y.index_of(f64::from(s.years));
            let first = (0..map.x.len).find(|&i| map.fits(i, j));
            let last = (0..map.x.len).rev().find(|&i| map.fits(i, j));
            let grid = first.zip(last).map(|(lo, hi)| (map.x.value(lo), map.x.value(hi)));
            let solver = max_upfront(&s).map(|max| (min_upfront(&s, max), max));
            let whole =
                solver.map(|(lo, hi)| ((lo - 1e-9).ceil(), (hi + 1e-9).floor())).filter(|(lo, hi)| lo <= hi);
            assert_eq!(grid, whole, "upfront from–to for {} (solvers: {solver:?})", s.to_query());
            if let (Some(lo), Some(hi)) = (first, last) {
                assert!((lo..=hi).all(|i| map.fits(i, j)), "a gap in the row for {}", s.to_query());
            }
            positive_max += usize::from(grid.is_some_and(|(_, hi)| hi > 0.0));
            positive_min += usize::from(grid.is_some_and(|(lo, _)| lo > 0.0));
            // Along the column of the scenario's upfront share: the shortest timeline that fits.
            let i = map.x.index_of(s.upfront);
            if s.upfront.fract() == 0.0 {
                let grid_min = (0..map.y.len).find(|&j| map.fits(i, j)).map(|j| map.y.value(j) as u32);
                assert_eq!(grid_min, min_years(&s), "min years for {}", s.to_query());
            }
        }
        assert!(
            positive_max >= 2 && positive_min >= 2,
            "{positive_max} and {positive_min} positive boundaries"
        );
    }

    #[test]
    fn the_won_map_column_matches_the_won_solver() {
        for s in scenarios() {
            let map = Map::compute(&s, Key::Upfront, Key::Krw);
            let i = map.x.index_of(s.upfront);
            if s.upfront.fract() != 0.0 {
                continue;
            }
            let grid_min = (0..map.y.len).find(|&j| map.fits(i, j)).map(|j| map.y.value(j));
            let solver = min_krw(&s).map(|k| (k / 2.0 - 1e-9).ceil() * 2.0);
            assert_eq!(grid_min, solver, "min krw for {}", s.to_query());
        }
    }

    #[test]
    fn the_solvers_agree_with_brute_force_over_tenths() {
        for s in scenarios() {
            let brute_krw = (0..=1000)
                .map(|t| f64::from(t) / 10.0)
                .find(|&krw| within_limit(&Scenario { krw, ..s.clone() }));
            assert_eq!(min_krw(&s), brute_krw, "{}", s.to_query());
            let brute_years = (1..=30).find(|&years| within_limit(&Scenario { years, ..s.clone() }));
            assert_eq!(min_years(&s), brute_years);
        }
    }

    /// Past what the other shares leave, a cell is what the slider gives there: the other
    /// shares give way (a map that held them fixed showed grey cells where the slider's mark
    /// said every year fits, on the EU's page every cell but the first column).
    #[test]
    fn a_cell_is_what_its_sliders_give_and_the_map_has_its_size() {
        use crate::ui_state::{Action, UiState};
        let s = Scenario::parse("guarantees=60").unwrap();
        let map = Map::compute(&s, Key::Upfront, Key::Years);
        assert_eq!(map.cells.len(), 101 * 30);
        for (i, guarantees) in [(40, 60.0), (41, 59.0), (100, 0.0)] {
            let cell = map.scenario_at(&s, i, 9).unwrap();
            assert_eq!((cell.upfront, cell.years, cell.guarantees), (i as f64, 10, guarantees));
            let slid = UiState::load("guarantees=60").reduce(Action::Input(Key::Upfront, i as f64)).scenario;
            assert_eq!(cell, slid, "cell {i}");
            assert_eq!(map.get(i, 9), Some(worst_headroom(&cell)));
        }
        assert!(map.get(101, 0).is_none() && map.scenario_at(&s, 0, 30).is_none());
        let coarse = Map::compute(&s, Key::Guarantees, Key::Calls);
        assert_eq!((coarse.x.len, coarse.y.len, coarse.y.step), (101, 51, 2.0));
        assert_eq!(coarse.x.index_of(1e9), 100);
        assert_eq!(coarse.x.index_of(f64::NAN), 0);
    }
}
