//! Entry point of the browser explorer (wasm32). Built by `cargo xtask dist`.

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
