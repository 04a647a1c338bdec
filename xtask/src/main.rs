//! Project automation for pledge-explorer, in Rust so a fresh machine needs only Cargo
//! (the [cargo-xtask](https://github.com/matklad/cargo-xtask) pattern).
//!
//! ```text
//! cargo xtask dist [--public-url URL] build the browser bundle into dist/
//! cargo xtask serve [--port N]       build, then serve dist/ on http://127.0.0.1:N/ (default 8080)
//! cargo xtask test [--skip-browser]  every check and test suite; the README's test command
//! ```
//!
//! Missing tools are installed on the way (see [`tools`]); every external command is echoed as
//! `$ …` before it runs (see [`process`]).

mod boundary;
mod dist;
mod precompress;
mod process;
mod server;
mod tools;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};

use crate::process::Cmd;
use crate::server::StaticServer;
use crate::tools::{CHROMEDRIVER, WASM_TARGET};

/// Default port for `serve`.
const DEFAULT_PORT: u16 = 8080;
/// The root package: the one with browser (wasm) tests.
const ROOT_PACKAGE: &str = "pledge-explorer";
/// End-to-end tests (Node's test runner + playwright-core), relative to the repository root.
const BROWSER_TESTS: &str = "tests/browser";

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  dist                  build the browser bundle into dist/ (with a size report)
        [--public-url URL]  where the page will be published (https://…/): makes the social
                        card's og:image absolute, as link previews need, and adds og:url
  serve [--port N]      build dist/, then serve it on 127.0.0.1 (default port 8080; busy → next)
        [--no-build]    serve the existing dist/ without rebuilding
  test [--skip-browser] fmt, clippy (native + wasm32), native tests, wasm tests in headless
                        Chromium, dist, and the end-to-end browser tests; --skip-browser runs
                        only fmt, clippy and the native tests
  help                  this message
";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<ExitCode> {
    let root = repo_root()?;
    let (command, options) = match args.split_first() {
        Some((command, options)) => (command.as_str(), options),
        None => {
            eprint!("{USAGE}");
            return Ok(ExitCode::FAILURE);
        }
    };
    match command {
        "dist" => {
            let public_url = match options {
                [] => None,
                [flag, url] if flag == "--public-url" => Some(url.as_str()),
                [flag] if flag.starts_with("--public-url=") => flag.strip_prefix("--public-url="),
                [other, ..] => bail!("`dist` takes only --public-url URL, not `{other}`\n\n{USAGE}"),
            };
            dist::run(&root, public_url)?;
            Ok(ExitCode::SUCCESS)
        }
        "serve" => {
            serve(&root, options)?;
            Ok(ExitCode::SUCCESS)
        }
        "test" => test(&root, options),
        "help" | "-h" | "--help" => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => bail!("unknown command `{other}`\n\n{USAGE}"),
    }
}

/// The repository root: the parent of this crate's manifest directory.
fn repo_root() -> Result<PathBuf> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .context("xtask's manifest directory has no parent")
}

/// `cargo xtask serve [--port N] [--no-build]`.
fn serve(root: &Path, options: &[String]) -> Result<()> {
    let mut port = DEFAULT_PORT;
    let mut build = true;
    let mut options = options.iter();
    while let Some(option) = options.next() {
        match option.as_str() {
            "--port" | "-p" => {
                let value = options.next().context("--port needs a number")?;
                port = value.parse().with_context(|| format!("--port {value}: not a port number"))?;
            }
            "--no-build" => build = false,
            other => match other.strip_prefix("--port=") {
                Some(value) => {
                    port = value.parse().with_context(|| format!("--port={value}: not a port number"))?;
                }
                None => bail!("`serve` takes no option `{other}`\n\n{USAGE}"),
            },
        }
    }
    if build {
        dist::run(root, None)?;
    }
    let dist = dist::dist_dir(root);
    server::require_dir(&dist)?;
    let server = StaticServer::start(&dist, port, true)?;
    println!("Serving pledge-explorer at {}", server.url());
    println!("(Ctrl+C to stop)");
    server.wait();
    Ok(())
}

/// The outcome of one `test` step.
enum Outcome {
    Passed,
    Failed(String),
    Skipped(String),
}

/// Collects step outcomes and prints them as they finish.
#[derive(Default)]
struct Steps {
    results: Vec<(&'static str, Outcome)>,
}

impl Steps {
    /// Runs one step, recording (not propagating) its failure; returns whether it passed.
    fn run(&mut self, name: &'static str, step: impl FnOnce() -> Result<()>) -> bool {
        println!("\n==> {name}");
        let start = Instant::now();
        let result = step();
        let seconds = start.elapsed().as_secs_f64();
        let passed = result.is_ok();
        let outcome = match result {
            Ok(()) => {
                println!("==> {name}: passed ({seconds:.1} s)");
                Outcome::Passed
            }
            Err(err) => {
                let message = format!("{err:#}");
                println!("==> {name}: FAILED ({seconds:.1} s): {message}");
                Outcome::Failed(message)
            }
        };
        self.results.push((name, outcome));
        passed
    }

    fn skip(&mut self, name: &'static str, reason: impl Into<String>) {
        let reason = reason.into();
        println!("\n==> {name}: skipped ({reason})");
        self.results.push((name, Outcome::Skipped(reason)));
    }

    /// Prints the summary; the exit code is a failure if any step failed.
    fn finish(self) -> ExitCode {
        let count = |f: fn(&Outcome) -> bool| self.results.iter().filter(|(_, o)| f(o)).count();
        let passed = count(|o| matches!(o, Outcome::Passed));
        let skipped = count(|o| matches!(o, Outcome::Skipped(_)));
        let failed: Vec<&str> = self
            .results
            .iter()
            .filter(|(_, o)| matches!(o, Outcome::Failed(_)))
            .map(|(name, _)| *name)
            .collect();
        println!("\n==> summary");
        for (name, outcome) in &self.results {
            match outcome {
                Outcome::Passed => println!("  passed   {name}"),
                Outcome::Skipped(reason) => println!("  skipped  {name} ({reason})"),
                Outcome::Failed(message) => println!("  FAILED   {name}: {message}"),
            }
        }
        if failed.is_empty() {
            println!("xtask test: {passed} steps passed, 0 failed, {skipped} skipped");
            ExitCode::SUCCESS
        } else {
            println!(
                "xtask test: {passed} steps passed, {} FAILED ({}), {skipped} skipped",
                failed.len(),
                failed.join(", ")
            );
            ExitCode::FAILURE
        }
    }
}

/// `cargo xtask test [--skip-browser]`: every check, in order; later steps still run after a
/// failure (except when the tools are missing), so one run reports everything that is wrong.
fn test(root: &Path, options: &[String]) -> Result<ExitCode> {
    let mut browser = true;
    for option in options {
        match option.as_str() {
            "--skip-browser" => browser = false,
            other => bail!("`test` takes no option `{other}`\n\n{USAGE}"),
        }
    }
    let mut steps = Steps::default();
    let cargo = |args: &[&str]| Cmd::new(root, "cargo").args(args.iter().copied());

    let tools_ok = steps.run("tools", || {
        tools::ensure_build_tools(root)?;
        if browser {
            tools::ensure_chromium(root)?;
            write_webdriver_json(root)?;
        }
        Ok(())
    });
    if !tools_ok {
        return Ok(steps.finish());
    }

    steps.run("fmt", || cargo(&["fmt", "--all", "--", "--check"]).run());
    steps.run("clippy (native)", || {
        cargo(&["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]).run()
    });
    steps.run("clippy (wasm32)", || {
        cargo(&[
            "clippy",
            "--all-targets",
            "--target",
            WASM_TARGET,
            "--package",
            ROOT_PACKAGE,
            "--",
            "-D",
            "warnings",
        ])
        .run()
    });
    steps.run("tests (native)", || cargo(&["test", "--workspace"]).run());

    if !browser {
        for name in ["tests (wasm32, headless Chromium)", "dist", "browser end-to-end"] {
            steps.skip(name, "--skip-browser");
        }
        return Ok(steps.finish());
    }

    // No `-q`: wasm-bindgen-test-runner rejects `--quiet`.
    steps.run("tests (wasm32, headless Chromium)", || {
        cargo(&["test", "--target", WASM_TARGET, "--package", ROOT_PACKAGE])
            .env("CHROMEDRIVER", CHROMEDRIVER)
            .run()
    });

    let dist_ok = steps.run("dist", || dist::build(root, None));
    let test_files = browser_test_files(root)?;
    if !dist_ok {
        steps.skip("browser end-to-end", "dist failed");
    } else if test_files.is_empty() {
        steps.skip("browser end-to-end", format!("no {BROWSER_TESTS}/*.test.mjs yet"));
    } else {
        steps.run("browser end-to-end", || browser_tests(root, &test_files));
    }
    Ok(steps.finish())
}

/// `tests/browser/*.test.mjs`, sorted, relative to the repository root.
fn browser_test_files(root: &Path) -> Result<Vec<String>> {
    let dir = root.join(BROWSER_TESTS);
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir).with_context(|| format!("could not read {}", dir.display()))? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.ends_with(".test.mjs") {
            files.push(format!("{BROWSER_TESTS}/{name}"));
        }
    }
    files.sort();
    Ok(files)
}

/// Serves `dist/` on a free port and runs the end-to-end tests against it with Node's runner.
///
/// The files are named explicitly (rather than the directory) because Node ≥ 21 reads test
/// arguments as glob patterns, not directories.
fn browser_tests(root: &Path, files: &[String]) -> Result<()> {
    let artifacts = root.join("artifacts");
    std::fs::create_dir_all(&artifacts)
        .with_context(|| format!("could not create {}", artifacts.display()))?;
    let server = StaticServer::start(&dist::dist_dir(root), 0, false)?;
    println!("serving dist/ at {}", server.url());
    let result = Cmd::new(root, "node")
        .args(["--test", "--test-concurrency=1"])
        .args(files.iter().cloned())
        .env("BASE_URL", server.url())
        .env("ARTIFACTS_DIR", artifacts.display().to_string())
        .run();
    drop(server);
    result
}

/// The ChromeDriver capabilities wasm-bindgen-test-runner reads from `webdriver.json` beside
/// `Cargo.toml`: headless, sandbox-free (root, containers) and quiet (no network chatter).
const WEBDRIVER_JSON: &str = r#"{
  "goog:chromeOptions": {
    "args": [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic"
    ]
  }
}
"#;

/// Writes `webdriver.json` at the repository root unless it is already there.
fn write_webdriver_json(root: &Path) -> Result<()> {
    let path = root.join("webdriver.json");
    if !path.exists() {
        println!("writing {}", path.display());
        std::fs::write(&path, WEBDRIVER_JSON)
            .with_context(|| format!("could not write {}", path.display()))?;
    }
    Ok(())
}
