//! Core throughput: schedules + summaries (with solvers), feasibility-style sweeps and SVG
//! renders per second. `cargo run --release --example throughput`
#![cfg_attr(target_arch = "wasm32", allow(unused))]
#![allow(clippy::print_stdout, clippy::disallowed_methods, reason = "a benchmark prints and reads the clock")]

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    bench::run();
}

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use std::hint::black_box;
    use std::time::Instant;

    use pledge_explorer::model::{schedule, summarize, worst_headroom};
    use pledge_explorer::{native, Preset, Scenario};

    fn rate(label: &str, n: u32, f: impl Fn(u32)) {
        let t = Instant::now();
        for i in 0..n {
            f(i);
        }
        let secs = t.elapsed().as_secs_f64();
        println!(
            "{label:<44} {:>10.0} /s  ({:.3} ms each)",
            f64::from(n) / secs,
            secs * 1000.0 / f64::from(n)
        );
    }

    pub fn run() {
        let base = Preset::KrDeal.scenario();
        rate("schedule (10 years)", 200_000, |i| {
            black_box(schedule(&Scenario { calls: f64::from(i % 100), ..base.clone() }));
        });
        rate("schedule + summary incl. solvers", 5_000, |i| {
            let s = Scenario { calls: f64::from(i % 100), ..base.clone() };
            black_box(summarize(&s, &schedule(&s)));
        });
        rate("101 x 30 grid of worst headroom (upfront x years)", 200, |_| {
            let mut acc = 0.0;
            for upfront in 0..=100 {
                for years in 1..=30 {
                    acc += worst_headroom(&Scenario {
                        upfront: f64::from(upfront) * 0.4,
                        years,
                        ..base.clone()
                    });
                }
            }
            black_box(acc);
        });
        let sched = schedule(&base);
        rate("SVG render 960x560", 500, |_| {
            black_box(
                native::svg(
                    &base,
                    &sched,
                    None,
                    (960, 560),
                    pledge_explorer::chart::Theme::LIGHT,
                    pledge_explorer::view::Lang::En,
                )
                .ok(),
            );
        });
    }
}
