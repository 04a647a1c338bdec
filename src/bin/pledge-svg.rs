//! The page's chart downloads (wasm32): a link's chart as SVG, drawn by the same
//! `chart::svg` as the CLI's `--format svg`. Built by `cargo xtask dist` into a module of its
//! own, `pledge_svg.js`, which `assets/boot.js` imports once, when the pointer or the focus
//! reaches the download buttons, so the page's first load does not carry the SVG writer
//! (bench/README.md).

/// The module is single-threaded, like the page: talc's allocator for that case.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The chart of `query`, a whole link (scenario and view keys, as in the address bar), as an
/// SVG document of `chart::EXPORT_SIZE`: in the link's language and theme, with its pinned
/// baseline. The link is checked strictly; an error names every bad key.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn chart_svg(query: &str) -> Result<String, wasm_bindgen::JsError> {
    use pledge_explorer::chart::{self, ChartStyle, EXPORT_SIZE};
    use pledge_explorer::{schedule, view::parse_link};

    let (scenario, view) = parse_link(query).map_err(|e| wasm_bindgen::JsError::new(&e.to_string()))?;
    let base = view.base.as_ref().map(schedule);
    let style = ChartStyle::SVG.in_view(&view);
    chart::svg(&scenario, &schedule(&scenario), base.as_ref(), EXPORT_SIZE, &style)
        .map_err(|e| wasm_bindgen::JsError::new(&e.to_string()))
}

/// Nothing runs when the module loads; the page calls `chart_svg`.
#[cfg(target_arch = "wasm32")]
fn main() {}

/// The module runs in the browser; natively the CLI draws the same SVG (`pledge --format svg`).
#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::print_stderr, reason = "explains where the native equivalent is")]
fn main() -> std::process::ExitCode {
    eprintln!("pledge-svg is the page's chart download module; natively, run `pledge QUERY --format svg`.");
    std::process::ExitCode::FAILURE
}
