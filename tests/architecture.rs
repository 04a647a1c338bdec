//! Architecture Invariants that a compiler does not check (see ARCHITECTURE.md).
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests: a failure is the point"
)]

use std::collections::BTreeSet;
use std::path::Path;

/// Crates and names a pure module never names: the DOM and the browser's APIs, randomness, the
/// clock.
const FORBIDDEN_NAMES: [&str; 9] =
    ["web_sys", "js_sys", "wasm_bindgen", "yew", "gloo", "rand", "getrandom", "Instant", "SystemTime"];

/// The `std` modules of IO, the clock, the environment, processes and threads: forbidden as
/// `std::fs…`, `::std::fs…` and in a group, `std::{fs, …}`.
const FORBIDDEN_STD: [&str; 8] = ["fs", "io", "net", "time", "env", "process", "thread", "os"];

/// Printing macros (only the CLI prints).
const FORBIDDEN_MACROS: [&str; 5] = ["println", "eprintln", "print", "eprint", "dbg"];

/// The modules allowed IO: `lib` (only declarations), `native` (the native renderer: fonts, SVG
/// and PNG files) and `web` (the wasm32 front end, `src/web/`); `src/bin/` holds the binaries.
const NOT_CORE: [&str; 3] = ["lib", "native", "web"];

/// Names a core module may use although they are in [`FORBIDDEN_NAMES`], each with the reason.
/// An exception no longer used fails the test, so the list cannot outlive its reason.
const EXCEPTIONS: [(&str, [&str; 2], &str); 1] = [(
    "scenario",
    ["js_sys", "parse_float"],
    "wasm32 only: `parse_number` converts a checked decimal with the browser's parseFloat, a pure \
     function (ARCHITECTURE.md, `scenario`), to keep Rust's float-parsing tables out of the bundle",
)];

/// The core is pure: no DOM, no IO, no clock, no randomness. Every module in `src/*.rs` but the
/// ones allowed IO is checked, so a new module is checked without being listed here.
#[test]
fn the_core_modules_touch_no_dom_io_clock_or_randomness() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut core = BTreeSet::new();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
        if path.extension().is_some_and(|e| e == "rs") && !NOT_CORE.contains(&stem.as_str()) {
            core.insert(stem);
        }
    }
    // Every module lib.rs declares is either allowed IO or one of the files checked here (so
    // none hides in a directory of its own).
    let lib = code_only(&std::fs::read_to_string(src.join("lib.rs")).unwrap());
    let declared: BTreeSet<String> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod ").or_else(|| l.trim().strip_prefix("mod ")))
        .filter_map(|l| l.strip_suffix(';'))
        .filter(|m| !NOT_CORE.contains(m))
        .map(str::to_owned)
        .collect();
    assert_eq!(declared, core, "lib.rs's core modules and the files src/*.rs checked here differ");
    assert!(core.contains("model") && core.contains("scenario"), "no core modules found: {core:?}");

    let mut used = BTreeSet::new();
    let mut problems = Vec::new();
    for module in &core {
        let source = std::fs::read_to_string(src.join(format!("{module}.rs"))).unwrap();
        let exceptions: Vec<[&str; 2]> =
            EXCEPTIONS.iter().filter(|(m, _, _)| m == module).map(|(_, path, _)| *path).collect();
        for (line, word, exception) in impurities(&without_test_modules(&code_only(&source)), &exceptions) {
            match exception {
                Some(path) => drop(used.insert((module.clone(), path))),
                None => problems.push(format!("src/{module}.rs:{line} names `{word}`")),
            }
        }
    }
    assert!(problems.is_empty(), "keep the core pure (see ARCHITECTURE.md):\n{}", problems.join("\n"));
    for (module, path, reason) in EXCEPTIONS {
        assert!(
            used.contains(&(module.to_owned(), path)),
            "src/{module}.rs no longer names `{}`: remove its exception ({reason})",
            path.join("::")
        );
    }
}

/// The checker itself: it sees through grouped and spaced paths and ignores comments, strings
/// and test modules.
#[test]
fn the_purity_check_sees_grouped_paths_and_ignores_comments_and_strings() {
    let found = |code: &str| -> Vec<String> {
        impurities(&without_test_modules(&code_only(code)), &[]).into_iter().map(|(_, w, _)| w).collect()
    };
    for (code, word) in [
        ("use std::{fs, time};", "std::fs"),
        ("use std::{fmt::Write, io::{self, Read}};", "std::io"),
        ("use ::std :: env;", "std::env"),
        ("let t = std::time::Instant::now();", "std::time"),
        ("let n: u8 = rand::random();", "rand"),
        ("fn f() { web_sys::window(); }", "web_sys"),
        ("use yew::prelude::*;", "yew"),
        ("fn f() { println!(\"x\"); }", "println!"),
        ("let s = \"a\"; let c = '\"'; use std::fs; // \"", "std::fs"),
        ("let s = r#\"\"\"#; use std::process;", "std::process"),
    ] {
        assert!(found(code).iter().any(|w| w == word), "{code:?}: {:?}, not {word}", found(code));
    }
    for code in [
        "// use std::fs;\n/// std::time::Instant\nfn f() {}",
        "/* std::fs /* nested */ std::io */ fn f<'a>(x: &'a str) -> &'a str { x }",
        "let s = \"std::fs::read and yew\"; let r = r#\"std::env \"quoted\" \"#; let c = 'y';",
        "use std::{collections::BTreeMap, fmt};\nlet random = 1; let instant = 2;",
        "#[cfg(test)]\nmod tests {\n    use std::fs;\n}\n",
        "#[cfg(all(test, not(target_arch = \"wasm32\")))]\nmod tests {\n    use std::time::Instant;\n}\n",
    ] {
        assert!(found(code).is_empty(), "{code:?}: {:?}", found(code));
    }
}

/// `source` with comments and the contents of string and character literals blanked out,
/// line breaks kept (so line numbers still count).
fn code_only(source: &str) -> String {
    let c: Vec<char> = source.chars().collect();
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    let blank = |out: &mut String, ch: char| out.push(if ch == '\n' { '\n' } else { ' ' });
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    while i < c.len() {
        let starts_word = i == 0 || !(at(i - 1).is_alphanumeric() || at(i - 1) == '_');
        // A raw string's opening: r"…", r#"…"#, br"…"; its prefix and number of #s.
        let raw = match (at(i), at(i + 1)) {
            ('r', _) => Some(1),
            ('b', 'r') => Some(2),
            _ => None,
        }
        .filter(|_| starts_word)
        .map(|r| (r, (i + r..).take_while(|&k| at(k) == '#').count()))
        .filter(|&(r, hashes)| at(i + r + hashes) == '"');
        if at(i) == '/' && at(i + 1) == '/' {
            while i < c.len() && at(i) != '\n' {
                i += 1;
            }
        } else if at(i) == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < c.len() {
                if at(i) == '/' && at(i + 1) == '*' {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if at(i) == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, at(i));
                    i += 1;
                }
            }
        } else if let Some((r, hashes)) = raw {
            out.push('"');
            i += r + hashes + 1;
            while i < c.len() && !(at(i) == '"' && (1..=hashes).all(|k| at(i + k) == '#')) {
                blank(&mut out, at(i));
                i += 1;
            }
            out.push('"');
            i += 1 + hashes;
        } else if at(i) == '"' {
            out.push('"');
            i += 1;
            while i < c.len() && at(i) != '"' {
                let len = if at(i) == '\\' { 2 } else { 1 };
                for _ in 0..len {
                    blank(&mut out, at(i));
                    i += 1;
                }
            }
            out.push('"');
            i += 1;
        } else if at(i) == '\'' && (at(i + 1) == '\\' || at(i + 2) == '\'') {
            // A character literal ('x', '\'', '\u{..}'); a lifetime ('a) has no closing quote.
            out.push('\'');
            i += if at(i + 1) == '\\' { 3 } else { 2 };
            while i < c.len() && at(i) != '\'' {
                i += 1;
            }
            out.push('\'');
            i += 1;
        } else {
            out.push(at(i));
            i += 1;
        }
    }
    out
}

/// `code` without its test modules: a top-level `#[cfg(test)]` or `#[cfg(all(test, …))]`
/// before `mod name {`, up to the module's closing brace at the start of a line. (Test code may
/// read files; the data file check uses `include_str!`.)
fn without_test_modules(code: &str) -> String {
    let lines: Vec<&str> = code.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let is_test_cfg = line.starts_with("#[cfg(") && line.contains("test");
        let next_is_mod = lines.get(i + 1).is_some_and(|l| l.starts_with("mod ") && l.ends_with('{'));
        if is_test_cfg && next_is_mod {
            while i < lines.len() && lines[i] != "}" {
                out.push("");
                i += 1;
            }
        } else {
            out.push(line);
        }
        i += 1;
    }
    out.join("\n")
}

/// A piece of code: a name (with its line) or one of `::`, `!`, `{`, `}`, `,` and other marks.
#[derive(Debug, PartialEq)]
enum Token {
    Name(String),
    Mark(&'static str),
}

fn tokens(code: &str) -> Vec<(usize, Token)> {
    let mut out = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let c: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < c.len() {
            if c[i].is_alphabetic() || c[i] == '_' {
                let start = i;
                while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                    i += 1;
                }
                out.push((n + 1, Token::Name(c[start..i].iter().collect())));
                continue;
            }
            let mark = match (c[i], c.get(i + 1)) {
                (':', Some(':')) => {
                    i += 1;
                    "::"
                }
                ('!', _) => "!",
                ('{', _) => "{",
                ('}', _) => "}",
                (',', _) => ",",
                (ch, _) if ch.is_whitespace() => "",
                _ => ".",
            };
            if !mark.is_empty() {
                out.push((n + 1, Token::Mark(mark)));
            }
            i += 1;
        }
    }
    out
}

/// Every forbidden name in `code` as (line, what, the exception that allows it if any).
fn impurities<'a>(code: &str, exceptions: &[[&'a str; 2]]) -> Vec<(usize, String, Option<[&'a str; 2]>)> {
    let t = tokens(code);
    let name = |k: usize| match t.get(k) {
        Some((_, Token::Name(n))) => Some(n.as_str()),
        _ => None,
    };
    let mark = |k: usize, m: &str| matches!(t.get(k), Some((_, Token::Mark(x))) if *x == m);
    let mut found = Vec::new();
    for (k, (line, _)) in t.iter().enumerate() {
        let Some(word) = name(k) else { continue };
        if FORBIDDEN_NAMES.contains(&word) {
            let allowed = exceptions
                .iter()
                .find(|[first, second]| *first == word && mark(k + 1, "::") && name(k + 2) == Some(second));
            found.push((*line, word.to_owned(), allowed.copied()));
        } else if FORBIDDEN_MACROS.contains(&word) && mark(k + 1, "!") {
            found.push((*line, format!("{word}!"), None));
        } else if word == "std" && mark(k + 1, "::") {
            // `std::x`, or the first name of each item of a group `std::{x, y::z, …}`.
            let mut modules = Vec::new();
            if mark(k + 2, "{") {
                let mut depth = 0;
                for j in k + 2..t.len() {
                    if mark(j, "{") {
                        depth += 1;
                    } else if mark(j, "}") {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    } else if depth == 1 && (mark(j - 1, "{") || mark(j - 1, ",")) {
                        modules.extend(name(j).map(|n| (t.get(j).map_or(*line, |(l, _)| *l), n)));
                    }
                }
            } else {
                modules.extend(name(k + 2).map(|n| (*line, n)));
            }
            for (line, module) in modules {
                if FORBIDDEN_STD.contains(&module) {
                    found.push((line, format!("std::{module}"), None));
                }
            }
        }
    }
    found
}
