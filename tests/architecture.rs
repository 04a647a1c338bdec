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

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};
use quote::ToTokens;
use syn::punctuated::Punctuated;
use syn::Token;

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
    let lib = syn::parse_file(&std::fs::read_to_string(src.join("lib.rs")).unwrap()).unwrap();
    let declared: BTreeSet<String> = lib
        .items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Mod(m) if m.content.is_none() => Some(m.ident.to_string()),
            _ => None,
        })
        .filter(|m| !NOT_CORE.contains(&m.as_str()))
        .collect();
    assert_eq!(declared, core, "lib.rs's core modules and the files src/*.rs checked here differ");
    assert!(core.contains("model") && core.contains("scenario"), "no core modules found: {core:?}");

    let mut used = BTreeSet::new();
    let mut problems = Vec::new();
    for module in &core {
        let source = std::fs::read_to_string(src.join(format!("{module}.rs"))).unwrap();
        let exceptions: Vec<[&str; 2]> =
            EXCEPTIONS.iter().filter(|(m, _, _)| m == module).map(|(_, path, _)| *path).collect();
        for (line, word, exception) in impurities(&core_tokens(&source), &exceptions) {
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

/// The checker itself: it sees through grouped and spaced paths and into macro bodies, and
/// ignores comments, strings and test items (but not an item kept out of tests).
#[test]
fn the_purity_check_sees_grouped_paths_and_ignores_comments_and_strings() {
    let found = |code: &str| -> Vec<String> {
        impurities(&core_tokens(code), &[]).into_iter().map(|(_, w, _)| w).collect()
    };
    for (code, word) in [
        ("use std::{fs, time};", "std::fs"),
        ("use std::{fmt::Write, io::{self, Read}};", "std::io"),
        ("use ::std :: env;", "std::env"),
        ("fn f() { let t = std::time::Instant::now(); }", "std::time"),
        ("fn f() { let n: u8 = rand::random(); }", "rand"),
        ("fn f() { web_sys::window(); }", "web_sys"),
        ("use yew::prelude::*;", "yew"),
        ("fn f() { println!(\"x\"); }", "println!"),
        ("fn f() { let s = \"a\"; let c = '\"'; }\nuse std::fs; // \"", "std::fs"),
        ("const S: &str = r#\"\"\"#; use std::process;", "std::process"),
        ("const S: &str = r##\"\"#\"##; use std::net;", "std::net"),
        ("fn f() -> String { format!(\"{:?}\", std::time::Instant::now()) }", "std::time"),
        ("#[cfg(not(test))]\nmod live {\n    use std::fs;\n}\n", "std::fs"),
        ("#[cfg(any(test, feature = \"x\"))]\nfn f() { std::env::args(); }", "std::env"),
    ] {
        assert!(found(code).iter().any(|w| w == word), "{code:?}: {:?}, not {word}", found(code));
    }
    for code in [
        "// use std::fs;\n/// std::time::Instant\nfn f() {}",
        "/* std::fs /* nested */ std::io */ fn f<'a>(x: &'a str) -> &'a str { x }",
        "fn f() { let s = \"std::fs::read and yew\"; let r = r#\"std::env \"quoted\" \"#; let c = 'y'; }",
        "use std::{collections::BTreeMap, fmt};\nfn f() { let random = 1; let instant = 2; }",
        "fn f() -> Vec::<u8> { Vec::<u8>::new() }",
        "#[cfg(test)]\nmod tests {\n    use std::fs;\n}\n",
        "#[cfg(all(test, not(target_arch = \"wasm32\")))]\nmod tests {\n    use std::time::Instant;\n}\n",
        "#[cfg(test)]\nfn helper() { std::fs::read(\"x\").ok(); }",
        "mod outer {\n    #[cfg(test)]\n    mod tests {\n        use std::io;\n    }\n}\n",
    ] {
        assert!(found(code).is_empty(), "{code:?}: {:?}", found(code));
    }
}

/// Lines are the source's own, so a problem is named where it is.
#[test]
fn the_purity_check_names_the_line() {
    let code = "//! A module.\n\n/// Docs.\nfn f() {\n    let _ = std::fs::read(\"x\");\n}\n";
    let lines: Vec<usize> = impurities(&core_tokens(code), &[]).into_iter().map(|(l, _, _)| l).collect();
    assert_eq!(lines, [5]);
}

/// The tokens of `source` outside its test items, as the compiler reads them: comments are not
/// tokens (a doc comment becomes an attribute whose text is a literal), and strings, raw strings
/// and character literals are literals, not names. Macro bodies are kept as their tokens. A test
/// item is one whose `cfg` needs `test` ([`needs_test`]): test code may read files (the data
/// file check uses `include_str!`).
fn core_tokens(source: &str) -> Vec<(usize, Piece)> {
    let mut file = syn::parse_file(source).unwrap();
    without_test_items(&mut file.items);
    let mut out = Vec::new();
    flatten(file.into_token_stream(), &mut out);
    out
}

/// Drops the test items from `items` and from the modules written inline among them.
fn without_test_items(items: &mut Vec<syn::Item>) {
    items.retain(|item| {
        let attrs = match item {
            syn::Item::Mod(m) => &m.attrs,
            syn::Item::Fn(f) => &f.attrs,
            syn::Item::Use(u) => &u.attrs,
            syn::Item::Impl(i) => &i.attrs,
            syn::Item::Const(c) => &c.attrs,
            syn::Item::Static(s) => &s.attrs,
            syn::Item::Macro(m) => &m.attrs,
            _ => return true,
        };
        !attrs
            .iter()
            .any(|a| a.path().is_ident("cfg") && a.parse_args::<syn::Meta>().is_ok_and(|m| needs_test(&m)))
    });
    for item in items {
        if let syn::Item::Mod(syn::ItemMod { content: Some((_, inner)), .. }) = item {
            without_test_items(inner);
        }
    }
}

/// Whether a `cfg` predicate holds only in a test build: `test`, or `all(…)` with such a
/// predicate among its parts. `not(test)` and `any(test, …)` also hold outside tests.
fn needs_test(meta: &syn::Meta) -> bool {
    match meta {
        syn::Meta::Path(p) => p.is_ident("test"),
        syn::Meta::List(l) if l.path.is_ident("all") => l
            .parse_args_with(Punctuated::<syn::Meta, Token![,]>::parse_terminated)
            .is_ok_and(|parts| parts.iter().any(needs_test)),
        _ => false,
    }
}

/// A piece of code: a name (with its line) or one of `::`, `!`, `{`, `}`, `,` and other marks.
#[derive(Debug, PartialEq)]
enum Piece {
    Name(String),
    Mark(&'static str),
}

/// `stream` as a flat list of names and marks, each with its line; a `{ … }` group is its
/// braces around its contents.
fn flatten(stream: TokenStream, out: &mut Vec<(usize, Piece)>) {
    let mut colon_joins = false;
    for tree in stream {
        let line = tree.span().start().line;
        let joins =
            matches!(&tree, TokenTree::Punct(p) if p.as_char() == ':' && p.spacing() == Spacing::Joint);
        match tree {
            TokenTree::Ident(name) => {
                let name = name.to_string();
                out.push((line, Piece::Name(name.strip_prefix("r#").unwrap_or(&name).to_owned())));
            }
            TokenTree::Punct(p) if p.as_char() == ':' && colon_joins => {
                out.pop();
                out.push((line, Piece::Mark("::")));
                colon_joins = false;
                continue;
            }
            TokenTree::Punct(p) => out.push((
                line,
                Piece::Mark(match p.as_char() {
                    ':' => ":",
                    '!' => "!",
                    ',' => ",",
                    _ => ".",
                }),
            )),
            TokenTree::Group(g) if g.delimiter() == Delimiter::Brace => {
                out.push((g.span_open().start().line, Piece::Mark("{")));
                flatten(g.stream(), out);
                out.push((g.span_close().start().line, Piece::Mark("}")));
            }
            TokenTree::Group(g) => {
                out.push((line, Piece::Mark(".")));
                flatten(g.stream(), out);
                out.push((g.span_close().start().line, Piece::Mark(".")));
            }
            TokenTree::Literal(_) => out.push((line, Piece::Mark("."))),
        }
        colon_joins = joins;
    }
}
/// Every forbidden name in `t` as (line, what, the exception that allows it if any).
fn impurities<'a>(
    t: &[(usize, Piece)],
    exceptions: &[[&'a str; 2]],
) -> Vec<(usize, String, Option<[&'a str; 2]>)> {
    let name = |k: usize| match t.get(k) {
        Some((_, Piece::Name(n))) => Some(n.as_str()),
        _ => None,
    };
    let mark = |k: usize, m: &str| matches!(t.get(k), Some((_, Piece::Mark(x))) if *x == m);
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
