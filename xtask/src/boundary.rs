//! Step 3b of `cargo xtask dist`: short names on the boundary between the wasm and its JS glue.
//!
//! wasm-bindgen names each import after its JS function and a 16-digit hash
//! (`__wbg_moveTo_8064f6a508217dcd`) and each closure export after its Rust path and a hash.
//! Each name is written twice, in the wasm's import or export section and in the glue, and the
//! hashes are digits gzip cannot shrink: about 7 KB of the page's gzip (bench/README.md).
//!
//! binaryen's `--minify-imports-and-exports-and-modules` renames them all (`$`, `$a`, …; every
//! import into one module, `a`) and prints the mapping; [`rename`] rewrites the glue to match.
//! The glue (wasm-bindgen 0.2.107) reaches the wasm in exactly two ways: one object literal of
//! what it gives, `const import0 = { NAME: function(…) {…}, … }`, returned under the module name
//! `"./<out_name>_bg.js"`, and `wasm.<name>` for what it uses. A computed `wasm[…]`, a second
//! mention of the module, an import given other than once, or a name the mapping does not have
//! fails the build rather than shipping a page that cannot link. What the glue's `init()`
//! resolves to is the wasm's exports object, now with the short names: `assets/boot.js` does not
//! use it, and nothing else may.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::process::Cmd;

/// The module binaryen merges the imports into.
const SHORT_MODULE: &str = "a";

/// The module wasm-bindgen's glue gives its imports under: `./pledge_bg.js` for `pledge`.
fn glue_module(out_name: &str) -> String {
    format!("./{out_name}_bg.js")
}

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
    let module = glue_module(out_name);
    let renamed = rename(&glue, &module, &Mapping::parse(&mapping, &module)?)
        .with_context(|| format!("in {}", glue_path.display()))?;
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
    /// Reads the JSON binaryen prints, one entry a line: `["./pledge_bg.js", "__wbg_x_…", "$a"],`
    /// under `"imports"` and `["memory", "Ic"],` under `"exports"`. Names are JS identifiers and
    /// the module a relative path, so a field is the text between a pair of quotes. Every import
    /// must come from `module`, the glue's.
    fn parse(text: &str, module: &str) -> Result<Mapping> {
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
                (Some(true), [from, old, new]) => {
                    if *from != module {
                        bail!("an import from `{from}`: only `{module}` can be merged into one module");
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

/// Where the glue's object of imports starts and ends, and the indent of its keys.
const IMPORTS_OPEN: &str = "const import0 = {\n";
const IMPORTS_CLOSE: &str = "\n    };\n";
const KEY_INDENT: &str = "        ";

/// The glue with the imports object's keys, the module it is given under and every `wasm.<old>`
/// given their short names. Fails on a name the mapping lacks, an import the glue does not give
/// exactly once, or a glue whose shape this step does not know.
fn rename(glue: &str, module: &str, mapping: &Mapping) -> Result<String> {
    if glue.contains("wasm[") {
        bail!("the glue indexes the wasm's exports with `wasm[…]`, which this step cannot rename");
    }
    let quoted = format!("\"{module}\"");
    let module_key = format!("{quoted}: import0,");
    if glue.matches(&quoted).count() != 1 || !glue.contains(&module_key) {
        bail!("the glue does not name `{module}` exactly once, as `{module_key}`");
    }
    let glue = glue.replacen(&module_key, &format!("{SHORT_MODULE}: import0,"), 1);
    let open = glue
        .find(IMPORTS_OPEN)
        .map(|at| at + IMPORTS_OPEN.len())
        .context("the glue has no `const import0 = {`: its shape is not wasm-bindgen 0.2.107's")?;
    let close =
        glue[open..].find(IMPORTS_CLOSE).map(|at| open + at).context("the imports object does not end")?;
    // The keys of the imports object, one a line at its indent; deeper lines are their bodies.
    let mut given: HashMap<&str, usize> = HashMap::new();
    let mut imports = String::with_capacity(close - open);
    for line in glue[open..close].split_inclusive('\n') {
        let key = line.strip_prefix(KEY_INDENT).filter(|rest| rest.starts_with(|c: char| is_ident(c)));
        let Some(rest) = key else {
            imports.push_str(line);
            continue;
        };
        let (name, tail) = split_ident(rest);
        if name == "__proto__" {
            imports.push_str(line);
            continue;
        }
        if !tail.starts_with(':') {
            bail!("a line of the imports object this step does not know: {}", line.trim_end());
        }
        let (old, new) = mapping
            .imports
            .get_key_value(name)
            .with_context(|| format!("the glue gives `{name}`, which the wasm does not import"))?;
        *given.entry(old.as_str()).or_default() += 1;
        imports.push_str(KEY_INDENT);
        imports.push_str(new);
        imports.push_str(tail);
    }
    for old in mapping.imports.keys() {
        match given.get(old.as_str()) {
            Some(1) => {}
            Some(n) => bail!("the glue gives the import `{old}` {n} times"),
            None => bail!("the glue does not give the import `{old}`"),
        }
    }
    let glue = format!("{}{imports}{}", &glue[..open], &glue[close..]);
    // Then every `wasm.<export>`, wherever it is.
    let mut out = String::with_capacity(glue.len());
    let mut rest = glue.as_str();
    while let Some(at) = rest.find('w') {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let after_ident = out.chars().next_back().is_some_and(is_ident);
        // `from` starts with an identifier character, so `word` is not empty.
        let (word, tail) = split_ident(from);
        let member = tail.strip_prefix('.').filter(|_| !after_ident && word == "wasm");
        let Some(member) = member else {
            out.push_str(word);
            rest = tail;
            continue;
        };
        let (name, tail) = split_ident(member);
        let new = mapping
            .exports
            .get(name)
            .with_context(|| format!("the glue uses `wasm.{name}`, which the wasm does not export"))?;
        out.push_str("wasm.");
        out.push_str(new);
        rest = tail;
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MODULE: &str = "./pledge_bg.js";
    const MAPPING: &str = r#"{
 "imports": [
  ["./pledge_bg.js", "__wbg_moveTo_8064f6a508217dcd", "$"],
  ["./pledge_bg.js", "__wbg_source_9d71c8f5d4d723f3", "$a"]
 ],
"exports": [
  ["memory", "Ic"],
  ["__wbindgen_malloc", "Jc"],
  ["__wbindgen_malloc_big", "Kc"]
 ]
}
"#;

    /// A glue of wasm-bindgen 0.2.107's shape giving `imports` (each a line of the object).
    fn glue(imports: &str, after: &str) -> String {
        format!(
            "function __wbg_get_imports() {{\n    const import0 = {{\n        __proto__: null,\n{imports}    }};\n    \
             return {{\n        __proto__: null,\n        \"./pledge_bg.js\": import0,\n    }};\n}}\n{after}"
        )
    }

    const BOTH: &str = "        __wbg_moveTo_8064f6a508217dcd: function(a) {\n            return notwasm.memory;\n        },\n        \
                        __wbg_source_9d71c8f5d4d723f3: function() { return wasm.memory; },\n";

    #[test]
    fn the_glue_is_renamed_where_it_reaches_the_wasm_and_nowhere_else() {
        let mapping = Mapping::parse(MAPPING, MODULE).unwrap();
        let after = "let wasm;\nfunction f(){ return wasm.memory.buffer + wasm.__wbindgen_malloc(1) + wasm.__wbindgen_malloc_big; }\n";
        let out = rename(&glue(BOTH, after), MODULE, &mapping).unwrap();
        assert_eq!(
            out,
            "function __wbg_get_imports() {\n    const import0 = {\n        __proto__: null,\n        \
             $: function(a) {\n            return notwasm.memory;\n        },\n        \
             $a: function() { return wasm.Ic; },\n    };\n    \
             return {\n        __proto__: null,\n        a: import0,\n    };\n}\n\
             let wasm;\nfunction f(){ return wasm.Ic.buffer + wasm.Jc(1) + wasm.Kc; }\n"
        );
    }

    #[test]
    fn a_name_the_mapping_lacks_an_import_given_twice_or_an_unknown_shape_fails() {
        let mapping = Mapping::parse(MAPPING, MODULE).unwrap();
        let moved = "        __wbg_moveTo_8064f6a508217dcd: function() {},\n";
        assert!(rename(&glue(BOTH, "wasm.memory"), MODULE, &mapping).is_ok());
        assert!(rename(&glue(BOTH, "wasm.gone"), MODULE, &mapping).is_err());
        assert!(rename(&glue(&format!("{BOTH}{moved}"), ""), MODULE, &mapping).is_err());
        assert!(rename(&glue(moved, ""), MODULE, &mapping).is_err());
        assert!(rename(
            &glue(&format!("{BOTH}        __wbg_new_0000: function() {{}},\n"), ""),
            MODULE,
            &mapping
        )
        .is_err());
        assert!(rename(&glue(&format!("{BOTH}        other = 1;\n"), ""), MODULE, &mapping).is_err());
        assert!(rename(&glue(BOTH, "wasm['memory']"), MODULE, &mapping).is_err());
        assert!(rename(&glue(BOTH, "import(\"./pledge_bg.js\")"), MODULE, &mapping).is_err());
        assert!(rename(&glue(BOTH, "").replace("const import0", "const imports"), MODULE, &mapping).is_err());
        assert!(Mapping::parse(
            "{\n \"imports\": [\n  [\"env\", \"f\", \"a\"]\n ],\n\"exports\": [\n  [\"m\", \"b\"]\n ]\n}",
            MODULE
        )
        .is_err());
    }
}
