//! Core throughput with divan: `cargo bench --bench core`. Results are recorded in
//! bench/README.md; nothing here asserts a time.
#![allow(missing_docs, reason = "benchmarks")]

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    divan::main();
}

/// Native only; this keeps `cargo clippy --all-targets --target wasm32-unknown-unknown` building.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod benches {
    use divan::{black_box, Bencher};
    use pledge_explorer::chart::{ChartStyle, Theme};
    use pledge_explorer::feasibility::Map;
    use pledge_explorer::model::{schedule, solve, summarize};
    use pledge_explorer::scenario::Key;
    use pledge_explorer::view::Lang;
    use pledge_explorer::{map_chart, native, Preset, Scenario};

    fn deal() -> Scenario {
        Scenario { upfront: 5.0, krw: 20.0, calls: 30.0, ..Preset::KrDeal.scenario() }
    }

    #[divan::bench]
    fn parse_link(bencher: Bencher<'_, '_>) {
        let query = deal().to_query();
        bencher.bench(|| Scenario::parse(black_box(&query)));
    }

    /// The numbers one slider input writes, more or less: the values, bounds and steps of the
    /// controls, and amounts with one decimal.
    const WRITTEN: [f64; 12] =
        [0.0, 20.0, 350.0, 100.0, 0.1, 21.4, 5000.0, 66.66666666666667, 1.5, 30.0, 0.25, 75.0];

    #[divan::bench]
    fn decimal_shortest_12(bencher: Bencher<'_, '_>) {
        bencher.bench(|| WRITTEN.map(|x| pledge_explorer::decimal::shortest(black_box(x))));
    }

    #[divan::bench]
    fn core_fmt_display_12(bencher: Bencher<'_, '_>) {
        bencher.bench(|| WRITTEN.map(|x| format!("{}", black_box(x))));
    }

    #[divan::bench]
    fn decimal_fixed1_12(bencher: Bencher<'_, '_>) {
        bencher.bench(|| WRITTEN.map(|x| pledge_explorer::decimal::fixed(black_box(x), 1).to_string()));
    }

    #[divan::bench]
    fn core_fmt_fixed1_12(bencher: Bencher<'_, '_>) {
        bencher.bench(|| WRITTEN.map(|x| format!("{:.1}", black_box(x))));
    }

    #[divan::bench(args = [10, 30])]
    fn schedule_only(bencher: Bencher<'_, '_>, years: u32) {
        let s = Scenario { years, ..deal() };
        bencher.bench(|| schedule(black_box(&s)));
    }

    #[divan::bench]
    fn schedule_and_summary_with_solvers(bencher: Bencher<'_, '_>) {
        let s = deal();
        bencher.bench(|| {
            let sched = schedule(black_box(&s));
            summarize(&s, &sched)
        });
    }

    #[divan::bench]
    fn solvers_only(bencher: Bencher<'_, '_>) {
        let s = deal();
        bencher.bench(|| solve(black_box(&s)));
    }

    #[divan::bench(args = [(Key::Upfront, Key::Years), (Key::Upfront, Key::Krw), (Key::Guarantees, Key::Calls)])]
    fn feasibility_map(bencher: Bencher<'_, '_>, pair: (Key, Key)) {
        let s = deal();
        bencher.bench(|| Map::compute(black_box(&s), pair.0, pair.1));
    }

    #[divan::bench]
    fn feasibility_map_svg_800x280(bencher: Bencher<'_, '_>) {
        let s = deal();
        let map = Map::compute(&s, Key::Upfront, Key::Years);
        bencher.bench(|| map_chart::svg(black_box(&map), 20.0, (800, 280), &ChartStyle::SVG));
    }

    #[divan::bench]
    fn chart_svg_960x560(bencher: Bencher<'_, '_>) {
        let s = deal();
        let sched = schedule(&s);
        bencher.bench(|| native::svg(black_box(&s), &sched, None, (960, 560), Theme::LIGHT, Lang::En));
    }
}
