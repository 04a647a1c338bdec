//! Step 3b of `cargo xtask dist`: short names on the boundary between the wasm and its JS glue.
//!
//! wasm-bindgen names each import after its JS function and a 16-digit hash
//! (`__wbg_moveTo_8064f6a508217dcd`) and each closure export after its Rust path and a hash.
//! Each name is written twice, in the wasm's import or export section and in the glue, and the
//! hashes are digits gzip cannot shrink: about 7 KB of the page's gzip (bench/README.md).
//!
//! binaryen's `--minify-imports-and-exports-and-modules` renames them all (`$`, `$a`, …; every
//! import into one module, `a`) and prints the mapping; [`rename`] rewrites the glue to match.
//! The glue reaches the wasm in exactly two ways, `imports.wbg.<name> = …` for what it gives and
//! `wasm.<name>` for what it uses; a computed `wasm[…]`, another use of `imports.wbg`, or a name
//! the mapping does not have fails the build rather than shipping a page that cannot link.
//! What the glue's `init()` resolves to is the wasm's exports object, now with the short names:
//! `assets/boot.js` does not use it, and nothing else may.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::process::Cmd;

/// The module wasm-bindgen's glue gives its imports under, and the one binaryen merges them into.
const GLUE_MODULE: &str = "wbg";
const SHORT_MODULE: &str = "a";

/// Renames the boundary of `dist/<out_name>_bg.wasm` and rewrites `dist/<out_name>.js` to match.
pub fn shorten(root: &Path, out_name: &str, features: &[&str]) -> Result<()> {
    let wasm = format!("dist/{out_name}_bg.wasm");
    let mapping = Cmd::new(root, "node_modules/.bin/wasm-opt")
        .args(features.iter().copied())
        .args(["--minify-imports-and-exports-and-modules", wasm.as_str(), "-o", wasm.as_str()])
        .output()
        .context("wasm-opt could not shorten the import and export names (try `npm ci`)")?;
    let glue_path = root.join(format!("dist/{out_name}.js"));
    let glue = std::fs::read_to_string(&glue_path)
        .with_context(|| format!("could not read {}", glue_path.display()))?;
    let renamed =
        rename(&glue, &Mapping::parse(&mapping)?).with_context(|| format!("in {}", glue_path.display()))?;
    std::fs::write(&glue_path, &renamed)
        .with_context(|| format!("could not write {}", glue_path.display()))?;
    println!("boundary names of {out_name}: glue {} → {} bytes", glue.len(), renamed.len());
    Ok(())
}

/// binaryen's mapping: old import and export names to new ones.
#[derive(Debug, Default)]
struct Mapping {
    imports: HashMap<String, String>,
    exports: HashMap<String, String>,
}

impl Mapping {
    /// Reads the JSON binaryen prints, one entry a line: `["wbg", "__wbg_x_…", "$a"],` under
    /// `"imports"` and `["memory", "Ic"],` under `"exports"`. Names are JS identifiers, so a
    /// field is the text between a pair of quotes.
    fn parse(text: &str) -> Result<Mapping> {
        let mut mapping = Mapping::default();
        let mut in_imports = None;
        for line in text.lines() {
            let line = line.trim();
            if line.starts_with("\"imports\"") {
                in_imports = Some(true);
                continue;
            }
            if line.starts_with("\"exports\"") {
                in_imports = Some(false);
                continue;
            }
            let fields: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
            match (in_imports, fields.as_slice()) {
                (Some(true), [module, old, new]) => {
                    if *module != GLUE_MODULE {
                        bail!(
                            "an import from `{module}`: only `{GLUE_MODULE}` can be merged into one module"
                        );
                    }
                    mapping.imports.insert((*old).to_owned(), (*new).to_owned());
                }
                (Some(false), [old, new]) => {
                    mapping.exports.insert((*old).to_owned(), (*new).to_owned());
                }
                (_, []) => {}
                _ => bail!("unexpected line in binaryen's name mapping: {line}"),
            }
        }
        if mapping.imports.is_empty() || mapping.exports.is_empty() {
            bail!("binaryen's name mapping lists no imports or no exports:\n{text}");
        }
        Ok(mapping)
    }
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// `text` split after the identifier it starts with (empty if it starts with none).
fn split_ident(text: &str) -> (&str, &str) {
    text.split_at(text.find(|c: char| !is_ident(c)).unwrap_or(text.len()))
}

/// The glue with `imports.wbg = {}` and `imports.wbg.<old>` given the short module and names, and
/// every `wasm.<old>` the short export name. Fails on a name the mapping lacks, an import the
/// glue does not give exactly once, or a `wbg` use it does not recognise.
fn rename(glue: &str, mapping: &Mapping) -> Result<String> {
    let module_prefix = format!("imports.{GLUE_MODULE}");
    if glue.contains("wasm[") {
        bail!("the glue indexes the wasm's exports with `wasm[…]`, which this step cannot rename");
    }
    let mut out = String::with_capacity(glue.len());
    let mut given: HashMap<&str, usize> = HashMap::new();
    let mut rest = glue;
    while let Some(at) = rest.find(['i', 'w']) {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let after_ident = out.chars().next_back().is_some_and(is_ident);
        // `from` starts with an identifier character, so `word` is not empty.
        let (word, tail) = split_ident(from);
        let member = tail.strip_prefix('.').filter(|_| !after_ident && (word == "imports" || word == "wasm"));
        let Some(member) = member else {
            out.push_str(word);
            rest = tail;
            continue;
        };
        let (name, tail) = split_ident(member);
        match word {
            "wasm" => {
                let new = mapping.exports.get(name).with_context(|| {
                    format!("the glue uses `wasm.{name}`, which the wasm does not export")
                })?;
                out.push_str("wasm.");
                out.push_str(new);
                rest = tail;
            }
            _ if name == GLUE_MODULE => {
                if let Some(member) = tail.strip_prefix('.') {
                    let (import, tail) = split_ident(member);
                    let new = mapping.imports.get(import).with_context(|| {
                        format!("the glue gives `{module_prefix}.{import}`, which the wasm does not import")
                    })?;
                    *given.entry(import).or_default() += 1;
                    out.push_str(&format!("imports.{SHORT_MODULE}.{new}"));
                    rest = tail;
                } else if tail.trim_start().starts_with("= {}") {
                    out.push_str(&format!("imports.{SHORT_MODULE}"));
                    rest = tail;
                } else {
                    let context: String = tail.chars().take(40).collect();
                    bail!("the glue uses `{module_prefix}` in a way this step does not know: {context}");
                }
            }
            _ => {
                out.push_str(word);
                out.push('.');
                out.push_str(name);
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    for old in mapping.imports.keys() {
        match given.get(old.as_str()) {
            Some(1) => {}
            Some(n) => bail!("the glue gives the import `{old}` {n} times"),
            None => bail!("the glue does not give the import `{old}`"),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAPPING: &str = r#"{
 "imports": [
  ["wbg", "__wbg_moveTo_8064f6a508217dcd", "$"],
  ["wbg", "__wbg_source_9d71c8f5d4d723f3", "$a"]
 ],
"exports": [
  ["memory", "Ic"],
  ["__wbindgen_malloc", "Jc"],
  ["__wbindgen_malloc_big", "Kc"]
 ]
}
"#;

    #[test]
    fn the_glue_is_renamed_where_it_reaches_the_wasm_and_nowhere_else() {
        let glue = "let wasm;\nfunction f(){ return wasm.memory.buffer + wasm.__wbindgen_malloc(1) + wasm.__wbindgen_malloc_big; }\n\
                    const imports = {};\n    imports.wbg = {};\n    imports.wbg.__wbg_moveTo_8064f6a508217dcd = function(a){ return notwasm.memory; };\n\
                    imports.wbg.__wbg_source_9d71c8f5d4d723f3 = function(){ return 1; };";
        let out = rename(glue, &Mapping::parse(MAPPING).unwrap()).unwrap();
        assert_eq!(
            out,
            "let wasm;\nfunction f(){ return wasm.Ic.buffer + wasm.Jc(1) + wasm.Kc; }\n\
             const imports = {};\n    imports.a = {};\n    imports.a.$ = function(a){ return notwasm.memory; };\n\
             imports.a.$a = function(){ return 1; };"
        );
    }

    #[test]
    fn a_name_the_mapping_lacks_or_an_import_given_twice_fails() {
        let mapping = Mapping::parse(MAPPING).unwrap();
        let both = "imports.wbg = {}; imports.wbg.__wbg_moveTo_8064f6a508217dcd = 1; imports.wbg.__wbg_source_9d71c8f5d4d723f3 = 2;";
        assert!(rename(&format!("{both} wasm.memory"), &mapping).is_ok());
        assert!(rename(&format!("{both} wasm.gone"), &mapping).is_err());
        assert!(rename(&format!("{both} imports.wbg.__wbg_moveTo_8064f6a508217dcd = 3;"), &mapping).is_err());
        assert!(rename("imports.wbg = {}; imports.wbg.__wbg_moveTo_8064f6a508217dcd = 1;", &mapping).is_err());
        assert!(rename(&format!("{both} Object.keys(imports.wbg)"), &mapping).is_err());
        // The error quotes the text after it; a character across its 40th byte is no panic.
        assert!(rename(&format!("{both} Object.keys(imports.wbg){}é", "x".repeat(38)), &mapping).is_err());
        assert!(rename(&format!("{both} wasm['memory']"), &mapping).is_err());
        assert!(Mapping::parse(
            "{\n \"imports\": [\n  [\"env\", \"f\", \"a\"]\n ],\n\"exports\": [\n  [\"m\", \"b\"]\n ]\n}"
        )
        .is_err());
    }
}
