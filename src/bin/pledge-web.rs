//! Entry point of the browser explorer (wasm32). Built by `cargo xtask dist`.

/// The page is single-threaded (no `atomics`): talc's allocator for that case.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    pledge_explorer::web::start();
}

/// The explorer runs in the browser; natively there is nothing to run.
#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::print_stderr, reason = "explains how to run the explorer")]
fn main() -> std::process::ExitCode {
    eprintln!("pledge-web is the browser explorer: build and serve it with `cargo xtask serve`.");
    std::process::ExitCode::FAILURE
}
