//! Making sure the build and test tools are present, installing what is missing.
//!
//! A fresh machine needs only Cargo (plus Node.js and, for the browser tests, root access to
//! apt): everything else is installed here, at versions pinned by the repository.
//!
//! | tool | pinned by | installed with |
//! |---|---|---|
//! | `wasm32-unknown-unknown` target | — | `rustup target add` |
//! | `wasm-bindgen` CLI + test runner | `wasm-bindgen` in `Cargo.lock` | `cargo install wasm-bindgen-cli` |
//! | `wasm-opt` (binaryen 132), esbuild, playwright-core, axe-core | `package-lock.json` | `npm ci` |
//! | Chromium + ChromeDriver | Debian | `apt-get install chromium chromium-driver` |

use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::process::{cargo_home, Cmd};

/// The wasm target everything in the browser is built for.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Chromium as installed by Debian's `chromium` package.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// ChromeDriver as installed by Debian's `chromium-driver` package.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Oldest Node.js major version the npm tools support (playwright-core needs ≥ 20).
const MIN_NODE_MAJOR: u32 = 20;

/// Ensures the tools `dist` needs: the wasm target, a matching `wasm-bindgen`, and npm packages.
pub fn ensure_build_tools(root: &Path) -> Result<()> {
    ensure_wasm_target(root)?;
    ensure_wasm_bindgen(root)?;
    ensure_node_packages(root)?;
    Ok(())
}

/// Installs the `wasm32-unknown-unknown` standard library unless the sysroot already has it.
pub fn ensure_wasm_target(root: &Path) -> Result<()> {
    let sysroot = Cmd::new(root, "rustc")
        .args(["--print", "sysroot"])
        .probe_stdout()
        .context("could not run `rustc --print sysroot`")?;
    let installed = Path::new(&sysroot).join("lib/rustlib").join(WASM_TARGET).is_dir();
    if installed {
        println!("ok: Rust target {WASM_TARGET} is installed");
        return Ok(());
    }
    Cmd::new(root, "rustup")
        .args(["target", "add", WASM_TARGET])
        .run()
        .context("could not install the wasm target (is rustup installed?)")
}

/// The `wasm-bindgen` version in `Cargo.lock`: the CLI must match it exactly.
pub fn locked_wasm_bindgen_version(root: &Path) -> Result<String> {
    let lock_path = root.join("Cargo.lock");
    if !lock_path.exists() {
        Cmd::new(root, "cargo")
            .args(["generate-lockfile"])
            .run()
            .context("no Cargo.lock and could not generate one")?;
    }
    let lock =
        fs::read_to_string(&lock_path).with_context(|| format!("could not read {}", lock_path.display()))?;
    let versions = package_versions(&lock, "wasm-bindgen");
    match versions.as_slice() {
        [] => {
            bail!("Cargo.lock has no `wasm-bindgen` package; is the wasm front end a dependency?")
        }
        [one] => Ok(one.clone()),
        many => bail!("Cargo.lock has several `wasm-bindgen` versions ({many:?}); pin one"),
    }
}

/// Versions of every `[[package]]` called `name` in the text of a `Cargo.lock`.
fn package_versions(lock: &str, name: &str) -> Vec<String> {
    let wanted = format!("name = \"{name}\"");
    let mut versions = Vec::new();
    let mut lines = lock.lines().map(str::trim);
    while let Some(line) = lines.next() {
        if line == wanted {
            let version =
                lines.next().and_then(|l| l.strip_prefix("version = \"")).and_then(|l| l.strip_suffix('"'));
            if let Some(v) = version {
                versions.push(v.to_owned());
            }
        }
    }
    versions
}

/// The version `wasm-bindgen --version` reports (`wasm-bindgen 0.2.107` → `0.2.107`), if any.
fn installed_wasm_bindgen_version(root: &Path) -> Option<String> {
    let out = Cmd::new(root, "wasm-bindgen").args(["--version"]).probe_stdout()?;
    out.split_whitespace().nth(1).map(str::to_owned)
}

/// Installs `wasm-bindgen-cli` at exactly the locked version unless it is already on `PATH`.
///
/// `--locked` is tried first (reproducible); some releases' own lock files name crates the
/// registry no longer serves, so a second attempt goes without it.
pub fn ensure_wasm_bindgen(root: &Path) -> Result<()> {
    let wanted = locked_wasm_bindgen_version(root)?;
    match installed_wasm_bindgen_version(root) {
        Some(v) if v == wanted => {
            println!("ok: wasm-bindgen {v} matches Cargo.lock");
            return Ok(());
        }
        Some(v) => println!("wasm-bindgen {v} is installed but Cargo.lock wants {wanted}"),
        None => println!("wasm-bindgen is not installed; Cargo.lock wants {wanted}"),
    }
    let install = |locked: bool| {
        let mut cmd =
            Cmd::new(root, "cargo").args(["install", "wasm-bindgen-cli", "--version", wanted.as_str()]);
        if locked {
            cmd = cmd.args(["--locked"]);
        }
        cmd.run()
    };
    if let Err(err) = install(true) {
        println!("note: {err:#}; retrying without --locked");
        install(false).context("could not install wasm-bindgen-cli")?;
    }
    match installed_wasm_bindgen_version(root) {
        Some(v) if v == wanted => Ok(()),
        other => {
            let bin = cargo_home().map(|h| h.join("bin").display().to_string());
            bail!(
                "after installing, `wasm-bindgen --version` reports {other:?}, not {wanted} \
                 (is another wasm-bindgen ahead of {} on PATH?)",
                bin.as_deref().unwrap_or("Cargo's bin directory")
            )
        }
    }
}

/// Runs `npm ci` unless `node_modules` already has wasm-opt, esbuild, playwright-core and axe-core.
pub fn ensure_node_packages(root: &Path) -> Result<()> {
    let version = Cmd::new(root, "node")
        .args(["--version"])
        .probe_stdout()
        .context("Node.js is not installed (`node --version` failed); install Node.js ≥ 20 with npm")?;
    let major = version
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse::<u32>().ok())
        .with_context(|| format!("cannot read the Node.js version {version:?}"))?;
    if major < MIN_NODE_MAJOR {
        bail!("Node.js {version} is too old: need ≥ {MIN_NODE_MAJOR}");
    }
    let needed = [
        "node_modules/.bin/wasm-opt",
        "node_modules/.bin/esbuild",
        "node_modules/playwright-core",
        "node_modules/axe-core",
    ];
    if needed.iter().all(|p| root.join(p).exists()) {
        println!("ok: node {version}; npm packages are installed");
        return Ok(());
    }
    Cmd::new(root, "npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .run()
        .context("could not install the npm packages from package-lock.json")
}

/// Installs Chromium and ChromeDriver with apt unless both are present.
pub fn ensure_chromium(root: &Path) -> Result<()> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        println!("ok: {CHROMIUM} and {CHROMEDRIVER} are installed");
        return Ok(());
    }
    println!("Chromium or ChromeDriver is missing; installing with apt (needs root)");
    Cmd::new(root, "apt-get")
        .args(["update"])
        .env("DEBIAN_FRONTEND", "noninteractive")
        .run()
        .context("apt-get update failed")?;
    Cmd::new(root, "apt-get")
        .args(["install", "-y", "chromium", "chromium-driver"])
        .env("DEBIAN_FRONTEND", "noninteractive")
        .run()
        .context("could not install chromium and chromium-driver")?;
    for path in [CHROMIUM, CHROMEDRIVER] {
        if !Path::new(path).exists() {
            bail!("{path} is still missing after installing chromium and chromium-driver");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_locked_versions() {
        let lock = r#"
[[package]]
name = "wasm-bindgen"
version = "0.2.105"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "wasm-bindgen-backend"
version = "0.2.105"
"#;
        assert_eq!(package_versions(lock, "wasm-bindgen"), ["0.2.105"]);
        assert!(package_versions(lock, "yew").is_empty());
    }
}
