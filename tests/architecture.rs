//! Architecture Invariants that a compiler does not check (see ARCHITECTURE.md).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::panic, reason = "tests: a failure is the point")]

/// The core is pure: no DOM, no IO, no clock, no randomness. Fails if a core module names any.
#[test]
fn the_core_modules_touch_no_dom_io_clock_or_randomness() {
    let forbidden = [
        "web_sys",
        "yew",
        "gloo",
        "wasm_bindgen",
        "std::fs",
        "std::io",
        "std::net",
        "std::time",
        "Instant::",
        "SystemTime::",
        "rand::",
        "getrandom",
        "std::env",
        "println!",
        "eprintln!",
    ];
    for module in ["scenario", "model", "presets", "facts", "text", "export", "chart", "ui_state"] {
        let path = format!("{}/src/{module}.rs", env!("CARGO_MANIFEST_DIR"));
        let source = std::fs::read_to_string(&path).unwrap();
        // Test modules may read files (e.g. the data file check uses include_str!).
        let code = source.split("#[cfg(test)]").next().unwrap();
        for word in forbidden {
            assert!(!code.contains(word), "{module}.rs mentions `{word}`: keep the core pure");
        }
    }
}
