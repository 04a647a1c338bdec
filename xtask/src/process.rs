//! Running external commands so CI logs stay readable.
//!
//! Every command is echoed before it runs as `$ [ENV=value ...] program args...`, runs from the
//! repository root, and sees a `PATH` with Cargo's install directory first (so binaries from
//! `cargo install`, such as `wasm-bindgen` and `wasm-bindgen-test-runner`, are found even on a
//! machine whose shell profile never added `~/.cargo/bin`). No shell is involved.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use anyhow::{bail, Context, Result};

/// A command to echo and run from the repository root.
#[derive(Debug, Clone)]
pub struct Cmd {
    program: String,
    args: Vec<String>,
    envs: Vec<(String, String)>,
    cwd: PathBuf,
}

impl Cmd {
    /// A command named `program` (looked up on the adjusted `PATH`), run in `cwd`.
    ///
    /// `cargo` means the Cargo that started xtask (`$CARGO`), so nested builds use the same
    /// toolchain.
    pub fn new(cwd: &Path, program: &str) -> Self {
        Self { program: program.to_owned(), args: Vec::new(), envs: Vec::new(), cwd: cwd.to_owned() }
    }

    /// Appends arguments.
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    /// Sets an environment variable for the child (echoed with the command).
    pub fn env(mut self, key: &str, value: impl Into<String>) -> Self {
        self.envs.push((key.to_owned(), value.into()));
        self
    }

    /// The command line as echoed: `ENV=value program arg...`, shell-quoted where needed.
    pub fn display(&self) -> String {
        let mut parts: Vec<String> = self.envs.iter().map(|(k, v)| format!("{k}={}", quote(v))).collect();
        parts.push(quote(&self.program));
        parts.extend(self.args.iter().map(|a| quote(a)));
        parts.join(" ")
    }

    fn command(&self) -> Command {
        let program: OsString = if self.program == "cargo" {
            std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
        } else {
            self.program.clone().into()
        };
        let mut command = Command::new(program);
        command.args(&self.args).current_dir(&self.cwd);
        if let Some(path) = tool_path() {
            command.env("PATH", path);
        }
        for (k, v) in &self.envs {
            command.env(k, v);
        }
        command
    }

    /// Echoes and runs the command with inherited stdio; fails unless it exits successfully.
    pub fn run(&self) -> Result<()> {
        println!("$ {}", self.display());
        let status =
            self.command().status().with_context(|| format!("could not start `{}`", self.program))?;
        if !status.success() {
            bail!("`{}` failed ({status})", self.display());
        }
        Ok(())
    }

    /// Echoes and runs the command, stderr inherited, and returns its stdout; fails unless it
    /// exits successfully.
    pub fn output(&self) -> Result<String> {
        println!("$ {}", self.display());
        let out = self
            .command()
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .output()
            .with_context(|| format!("could not start `{}`", self.program))?;
        if !out.status.success() {
            bail!("`{}` failed ({})", self.display(), out.status);
        }
        String::from_utf8(out.stdout)
            .with_context(|| format!("`{}` wrote output that is not UTF-8", self.display()))
    }

    /// Runs the command quietly (no echo) and captures its output; `None` if it cannot start.
    ///
    /// Used to probe tools (`--version`), where a missing program is an answer, not an error.
    pub fn probe(&self) -> Option<Output> {
        self.command().stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).output().ok()
    }

    /// Runs quietly and returns trimmed stdout if the command exits successfully.
    pub fn probe_stdout(&self) -> Option<String> {
        let out = self.probe()?;
        out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
    }
}

/// Cargo's home directory: `$CARGO_HOME`, else `$HOME/.cargo`.
pub fn cargo_home() -> Option<PathBuf> {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
}

/// `PATH` for children: Cargo's `bin` directory first, then the inherited `PATH`.
fn tool_path() -> Option<OsString> {
    let bin = cargo_home()?.join("bin");
    let inherited = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs: Vec<PathBuf> = vec![bin.clone()];
    dirs.extend(std::env::split_paths(&inherited).filter(|d| *d != bin));
    std::env::join_paths(dirs).ok()
}

/// Quotes `s` for display like a POSIX shell would need (display only; nothing is parsed).
fn quote(s: &str) -> String {
    let plain = !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_./=:,+@%".contains(c));
    if plain {
        s.to_owned()
    } else if s.chars().any(char::is_control) {
        // Bash's $'…', so a control character (CARGO_ENCODED_RUSTFLAGS's separator) shows and
        // the echoed line can be pasted back.
        let body: String = s
            .chars()
            .map(|c| match c {
                '\\' | '\'' => format!("\\{c}"),
                c if c.is_control() => format!("\\x{:02x}", u32::from(c)),
                c => c.to_string(),
            })
            .collect();
        format!("$'{body}'")
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echo_quotes_only_when_needed() {
        let cmd = Cmd::new(Path::new("."), "node")
            .args(["--test", "a b.mjs", "it's"])
            .env("BASE_URL", "http://127.0.0.1:8080/");
        assert_eq!(cmd.display(), r"BASE_URL=http://127.0.0.1:8080/ node --test 'a b.mjs' 'it'\''s'");
        let flags = Cmd::new(Path::new("."), "cargo").env("CARGO_ENCODED_RUSTFLAGS", "-Cx\u{1f}--y='a\\b'");
        assert_eq!(flags.display(), r"CARGO_ENCODED_RUSTFLAGS=$'-Cx\x1f--y=\'a\\b\'' cargo");
    }
}
