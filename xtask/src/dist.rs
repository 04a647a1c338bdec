//! `cargo xtask dist`: the browser bundle in `dist/`.
//!
//! 1. `cargo build --release --target wasm32-unknown-unknown --bin pledge-web --bin pledge-svg`:
//!    the page, and the chart-download module it imports when a reader reaches for a download;
//!    the page's build is checked for code it must not link (`PAGE_FORBIDDEN`); the crates.io
//!    sources' paths are remapped relative to the registry (`remap_flags`), and each
//!    optimised wasm is checked to name no path under Cargo's home (`check_no_registry_paths`);
//!    multivalue returns are turned off (`WASM_CODEGEN_FLAGS`)
//! 2. `wasm-bindgen … --target web` for each → `dist/pledge.js` and `dist/pledge_bg.wasm`,
//!    `dist/pledge_svg.js` and `dist/pledge_svg_bg.wasm`
//! 3. `wasm-opt -Oz` and a few size passes on each, see `WASM_OPT_PASSES` (npm binaryen 132;
//!    Debian's older binaryen cannot parse rustc 1.95 output); then the names between each wasm
//!    and its glue shortened on both sides (`boundary`); then the same passes once more, which
//!    find more to fold in the renamed module
//! 4. `index.html` and `assets/**` copied beside them; the scripts and the style sheet
//!    (`MINIFIED`) minified by esbuild (npm, pinned); `embed.js`, which newsrooms read before
//!    pasting it into their pages, stays as written
//! 5. the no-script fallback: the native CLI (`pledge`) prerenders the default scenario and every
//!    preset to `dist/prerender/*.svg`, the social card `og.png`, and the default's chart and
//!    summary into the `<noscript>` of `dist/index.html` (replacing `<!-- prerendered -->`)
//! 6. a gzip copy of every text and wasm file, written by Zopfli, for the server to send as it is
//!    (`precompress`)
//! 7. a size report (raw, gzip -9 and served bytes per file), printed and written to
//!    `dist/size-report.json`

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use flate2::write::GzEncoder;
use flate2::Compression;

use crate::process::Cmd;
use crate::tools::{self, WASM_TARGET};

/// The browser's wasm binaries and the base names of their generated JS and wasm: the page
/// (`pledge.js`, `pledge_bg.wasm`), and the chart-download module (`pledge_svg.js`,
/// `pledge_svg_bg.wasm`) that `assets/boot.js` imports when a reader reaches for a chart download.
const WASM_BINS: [(&str, &str); 2] = [(PAGE_BIN, "pledge"), ("pledge-svg", "pledge_svg")];
/// The page's binary, the one [`PAGE_FORBIDDEN`] is checked in.
const PAGE_BIN: &str = "pledge-web";
/// What the page's wasm must not contain, as a symbol it names, and why. Checked in the release
/// build (whose name section lists every function linked) before wasm-bindgen and wasm-opt.
const PAGE_FORBIDDEN: [(&str, &str); 4] = [
    (
        "flt2dec",
        "core's float formatting (about 7 KB gzip): an f64 reached `{}` or `{:?}`, directly or in a \
         panic message such as f64::clamp's; write numbers with pledge_explorer::decimal",
    ),
    (
        "slice_error_fail",
        "the panic of a bad string slice, with the `Debug` of `char` and of ranges (about 4 KB as \
         served): a `str` was cut by index (`&s[..i]`); use `split_once`, `strip_prefix` or `get` \
         (vendor/README.md: Yew's own such cut is patched)",
    ),
    // Both manglings of `yew::html::classes::Classes` (legacy names an impl's type with `..`).
    ("classes..Classes", CLASS_LIST),
    ("7classes7Classes", CLASS_LIST),
];
/// Why [`PAGE_FORBIDDEN`] names Yew's `Classes`.
const CLASS_LIST: &str =
    "Yew's class list (about 1.8 KB gzip): a `class={…}` computed at run time is parsed \
     into an IndexSet; give the element a literal class and carry its state in a data attribute \
     that the style sheet selects (as `data-fits` and `data-breach` do)";
/// Name of the JSON size report inside `dist/`.
pub const SIZE_REPORT: &str = "size-report.json";
/// wasm features rustc 1.95 emits by default (multivalue among them, which the precompiled
/// standard library brings in whatever `WASM_CODEGEN_FLAGS` says), which wasm-opt must be told
/// to accept.
const WASM_FEATURES: [&str; 5] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-sign-ext",
    "--enable-multivalue",
];

/// What wasm-opt does to the bundle: an option, then passes in order. Beyond `-Oz`, each was kept
/// for the gzip bytes it saves on this bundle (bench/README.md, fourth session) with no change in
/// time per slider input:
/// - `--low-memory-unused` (-845 B), an option: lets the optimiser fold a constant `C` below
///   1 KiB into a load's or store's offset, which is only wrong if `x + C` would wrap past 2^32
///   into the first 1 KiB of memory. rustc links wasm32 with `--stack-first`: static data and
///   the heap start at 1 MiB, and the first 1 KiB is the bottom of the 1 MiB stack, reached only
///   by a stack overflow (which then traps instead of wrapping).
/// - `--flatten --rereloop` then `-Oz` twice (-1 134 B): rebuilds each function's control flow
///   before optimising it again. It doubles wasm-opt's time (about 12 s to 24 s here).
/// - `--strip-producers --strip-target-features` (-194 B): the custom sections naming the
///   compiler and the wasm features it used, which no browser reads.
const WASM_OPT_PASSES: [&str; 7] = [
    "--low-memory-unused",
    "--flatten",
    "--rereloop",
    "-Oz",
    "-Oz",
    "--strip-producers",
    "--strip-target-features",
];

/// Runs [`WASM_OPT_PASSES`] on `bg_wasm` (relative to `root`), in place.
fn optimise(root: &Path, bg_wasm: &str) -> Result<()> {
    let before = file_len(&root.join(bg_wasm))?;
    Cmd::new(root, "node_modules/.bin/wasm-opt")
        .args(WASM_OPT_PASSES)
        .args(WASM_FEATURES)
        .args([bg_wasm, "-o", bg_wasm])
        .run()
        .context("wasm-opt failed: the bundle is not optimised (try `npm ci`)")?;
    let after = file_len(&root.join(bg_wasm))?;
    if after == 0 {
        bail!("wasm-opt wrote an empty {bg_wasm}");
    }
    println!("wasm-opt {} {bg_wasm}: {before} → {after} bytes", WASM_OPT_PASSES.join(" "));
    Ok(())
}

/// rustc flags of the wasm build beside the remap (`remap_setting` passes both):
/// - `-Ctarget-feature=-multivalue`: measured, not explained: the page 133 B smaller as served,
///   73 at gzip -9 (twenty-fifth session, bench/README.md). A review found small functions
///   returning pairs compiled alike with and without it, so the saving lies elsewhere in the
///   code generation. Turning off `sign-ext` or `nontrapping-fptoint` as well made the page
///   larger; `bulk-memory` changed nothing; wasm-bindgen's glue needs `reference-types`.
const WASM_CODEGEN_FLAGS: [&str; 1] = ["-Ctarget-feature=-multivalue"];

/// The rustc flags that have it write the paths of crates.io sources (the file names in the
/// panic locations of dependencies) relative to the registry: `yew-0.23.0/src/…`, not
/// `/root/.cargo/registry/src/index.crates.io-…/yew-0.23.0/src/…`. The bundle then carries no
/// trace of the builder's home directory, is the same whoever builds it, and is smaller
/// (bench/README.md, twentieth session). Empty when the registry holds no sources.
fn remap_flags(cargo_home: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(cargo_home.join("registry").join("src")) else { return Vec::new() };
    let mut dirs: Vec<PathBuf> =
        entries.filter_map(|entry| entry.ok().map(|e| e.path())).filter(|path| path.is_dir()).collect();
    dirs.sort();
    dirs.iter().filter_map(|dir| dir.to_str()).map(|dir| format!("--remap-path-prefix={dir}/=")).collect()
}

/// How the wasm build gets `flags`: as the target's rustflags (`cargo --config`), which leave
/// build scripts and proc macros, built for the host, as they are, unless the environment sets
/// rustflags of its own (`CARGO_ENCODED_RUSTFLAGS`, else `RUSTFLAGS`), which replace any in the
/// configuration: then appended to those, in `CARGO_ENCODED_RUSTFLAGS` (a path may hold spaces).
#[derive(Debug, PartialEq, Eq)]
enum Remap {
    /// `cargo --config <this>`.
    Config(String),
    /// `CARGO_ENCODED_RUSTFLAGS=<this>`.
    Env(String),
}

fn remap_setting(flags: &[String], encoded: Option<&str>, plain: Option<&str>) -> Option<Remap> {
    if flags.is_empty() {
        return None;
    }
    let mut own: Vec<String> = match (encoded, plain) {
        (Some(e), _) if !e.is_empty() => e.split('\u{1f}').map(str::to_owned).collect(),
        (_, Some(p)) if !p.trim().is_empty() => p.split_whitespace().map(str::to_owned).collect(),
        _ => {
            let quoted: Vec<String> = flags.iter().map(|f| toml_string(f)).collect();
            return Some(Remap::Config(format!("target.{WASM_TARGET}.rustflags=[{}]", quoted.join(", "))));
        }
    };
    own.extend(flags.iter().cloned());
    Some(Remap::Env(own.join("\u{1f}")))
}

/// `s` as a TOML basic string.
fn toml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Fails when the optimised `wasm` still names Cargo's registry under `cargo_home`: the remap of
/// [`remap_flags`] did not reach some crate.
fn check_no_registry_paths(wasm: &Path, cargo_home: &Path) -> Result<()> {
    let bytes = fs::read(wasm).with_context(|| format!("could not read {}", wasm.display()))?;
    let registry = cargo_home.join("registry");
    let needle = registry.to_string_lossy();
    if bytes.windows(needle.len()).any(|w| w == needle.as_bytes()) {
        bail!("{} names {needle}: a dependency's source path was not remapped", wasm.display());
    }
    Ok(())
}

/// The release build of the wasm binary `bin`.
fn release_wasm(root: &Path, bin: &str) -> PathBuf {
    target_dir(root).join(WASM_TARGET).join("release").join(format!("{bin}.wasm"))
}

/// Fails when the page's release wasm links something in [`PAGE_FORBIDDEN`].
fn check_page_symbols(root: &Path) -> Result<()> {
    let wasm = release_wasm(root, PAGE_BIN);
    let bytes = fs::read(&wasm).with_context(|| format!("could not read {}", wasm.display()))?;
    let names = |symbol: &str| bytes.windows(symbol.len()).any(|w| w == symbol.as_bytes());
    // The check reads the name section; without it every symbol would seem absent.
    if !names("pledge_explorer") {
        bail!("{} names no function of pledge_explorer: without its name section the page's symbols cannot be checked", wasm.display());
    }
    for (symbol, why) in PAGE_FORBIDDEN {
        if names(symbol) {
            bail!("the page's wasm links `{symbol}`: {why}");
        }
    }
    Ok(())
}

/// The output directory, `<repo>/dist`.
pub fn dist_dir(root: &Path) -> PathBuf {
    root.join("dist")
}

/// Cargo's target directory: `$CARGO_TARGET_DIR` if set, else `<repo>/target`.
fn target_dir(root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root.join(dir),
        None => root.join("target"),
    }
}

/// Builds the bundle into `dist/` (tools must already be ensured) and prints its size report.
pub fn build(root: &Path, public_url: Option<&str>) -> Result<()> {
    let dist = dist_dir(root);

    let mut build = Cmd::new(root, "cargo").args(["build", "--release", "--target", WASM_TARGET]);
    for (bin, _) in WASM_BINS {
        build = build.args(["--bin", bin]);
    }
    let cargo_home = crate::process::cargo_home();
    let mut flags: Vec<String> = WASM_CODEGEN_FLAGS.iter().map(|f| (*f).to_owned()).collect();
    flags.extend(cargo_home.as_deref().map(remap_flags).unwrap_or_default());
    let (encoded, plain) = (std::env::var("CARGO_ENCODED_RUSTFLAGS").ok(), std::env::var("RUSTFLAGS").ok());
    match remap_setting(&flags, encoded.as_deref(), plain.as_deref()) {
        Some(Remap::Config(config)) => build = build.args(["--config", config.as_str()]),
        Some(Remap::Env(value)) => build = build.env("CARGO_ENCODED_RUSTFLAGS", value),
        None => {}
    }
    build.run()?;
    check_page_symbols(root)?;

    if dist.exists() {
        fs::remove_dir_all(&dist).with_context(|| format!("could not empty {}", dist.display()))?;
    }
    for (bin, out_name) in WASM_BINS {
        let wasm = release_wasm(root, bin);
        Cmd::new(root, "wasm-bindgen")
            .args([
                rel(root, &wasm).as_str(),
                "--target",
                "web",
                "--no-typescript",
                "--out-dir",
                "dist",
                "--out-name",
                out_name,
            ])
            .run()?;

        let bg_wasm = format!("dist/{out_name}_bg.wasm");
        optimise(root, &bg_wasm)?;
        crate::boundary::shorten(root, out_name, &WASM_FEATURES)?;
        // The passes again, after shortening: on the page's wasm a second round before it gains
        // nothing (+21 B at gzip -9), one after it 607 B (twenty-fifth session: 147 624 → 147 017
        // B; bench/README.md): with the imports merged into one module and renamed, `-Oz` folds
        // and orders the code further.
        optimise(root, &bg_wasm)?;
        if let Some(home) = &cargo_home {
            check_no_registry_paths(&root.join(&bg_wasm), home)?;
        }
    }

    let index = root.join("index.html");
    let mut page =
        fs::read_to_string(&index).with_context(|| format!("could not read {}", index.display()))?;
    if let Some(url) = public_url {
        page = with_public_url(&page, url)?;
    }
    fs::write(dist.join("index.html"), page).context("could not write dist/index.html")?;
    let assets = root.join("assets");
    if assets.is_dir() {
        copy_dir(&assets, &dist.join("assets"))?;
    } else {
        println!("note: no assets/ directory to copy");
    }

    minify(root)?;

    prerender(root, &dist)?;

    let started = std::time::Instant::now();
    let copies = crate::precompress::precompress(&dist)?;
    println!("precompressed {copies} files with zopfli in {:.1} s", started.elapsed().as_secs_f64());

    let report = size_report(&dist)?;
    print!("{}", report.table());
    let json_path = dist.join(SIZE_REPORT);
    fs::write(&json_path, report.json())
        .with_context(|| format!("could not write {}", json_path.display()))?;
    println!("dist: {} ({} files)", rel(root, &dist), report.files.len());
    Ok(())
}

/// The files the page loads that esbuild minifies in place (step 4): the wasm-bindgen glue of
/// both modules, the page's boot module (whose comments are most of it) and the style sheet.
/// Minifying renames only local names: the glue's imports object keeps the names the wasm
/// module asks for, and its exports keep theirs; the boot module keeps `pledgeExplorer`'s.
const MINIFIED: [&str; 4] =
    ["dist/pledge.js", "dist/pledge_svg.js", "dist/assets/boot.js", "dist/assets/style.css"];

/// Step 4: minifies `MINIFIED` with esbuild.
fn minify(root: &Path) -> Result<()> {
    for file in MINIFIED {
        let before = file_len(&root.join(file))?;
        let mut args = vec![file, "--minify", "--allow-overwrite", "--log-level=warning"];
        if file.ends_with(".js") {
            args.push("--format=esm");
        }
        Cmd::new(root, "node_modules/.bin/esbuild")
            .args(args)
            .args([format!("--outfile={file}")])
            .run()
            .with_context(|| format!("esbuild could not minify {file} (try `npm ci`)"))?;
        let after = file_len(&root.join(file))?;
        if after == 0 {
            bail!("esbuild wrote an empty {file}");
        }
        println!("esbuild --minify {file}: {before} → {after} bytes");
    }
    Ok(())
}

/// The scenarios prerendered for readers without JavaScript: file name and query.
const PRERENDERED: [(&str, &str); 5] = [
    ("default", ""),
    ("us-demand", "preset=us-demand"),
    ("kr-deal", "preset=kr-deal"),
    ("japan", "preset=japan"),
    ("eu", "preset=eu"),
];
/// Where `<noscript>` content goes in `index.html`.
const NOSCRIPT_MARKER: &str = "<!-- prerendered -->";

/// Step 5: prerendered charts, the social card and the `<noscript>` content, all drawn by the
/// CLI with the same functions as the page.
fn prerender(root: &Path, dist: &Path) -> Result<()> {
    Cmd::new(root, "cargo").args(["build", "--bin", "pledge"]).run()?;
    let pledge = target_dir(root).join("debug").join("pledge");
    let pledge = pledge.to_string_lossy().into_owned();
    let out_dir = dist.join("prerender");
    fs::create_dir_all(&out_dir).with_context(|| format!("could not create {}", out_dir.display()))?;
    for (name, query) in PRERENDERED {
        let out = format!("dist/prerender/{name}.svg");
        Cmd::new(root, &pledge).args([query, "--format", "svg", "--out", out.as_str()]).run()?;
    }
    // The social card: 1200 × 630 pixels (600 × 315 drawn at 2×), as og:image asks.
    Cmd::new(root, &pledge)
        .args(["", "--format", "png", "--size", "600x315", "--out", "dist/prerender/og.png"])
        .run()?;
    let fragment_path = out_dir.join("noscript.html");
    let fragment_out = rel(root, &fragment_path);
    Cmd::new(root, &pledge)
        .args(["", "--format", "html", "--image", "prerender/default.svg", "--out", fragment_out.as_str()])
        .run()?;
    let mut fragment = fs::read_to_string(&fragment_path)
        .with_context(|| format!("could not read {}", fragment_path.display()))?;
    fs::remove_file(&fragment_path)?;
    let links: Vec<String> = PRERENDERED
        .iter()
        .skip(1)
        .map(|(name, query)| format!("<a href=\"prerender/{name}.svg\">{query}</a>"))
        .collect();
    fragment.push_str(&format!("<p>Charts of the other scenarios: {}.</p>", links.join(", ")));
    let index_path = dist.join("index.html");
    let index = fs::read_to_string(&index_path)?;
    if !index.contains(NOSCRIPT_MARKER) {
        bail!("index.html has no {NOSCRIPT_MARKER} marker for the no-script content");
    }
    fs::write(&index_path, index.replacen(NOSCRIPT_MARKER, fragment.trim_end(), 1))?;
    Ok(())
}

/// `path` relative to `root` with `/` separators (for echoed commands and reports).
fn rel(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

fn file_len(path: &Path) -> Result<u64> {
    Ok(fs::metadata(path).with_context(|| format!("missing {}", path.display()))?.len())
}

/// Copies the directory tree `from` into `to`, keeping relative paths.
fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to).with_context(|| format!("could not create {}", to.display()))?;
    for entry in fs::read_dir(from).with_context(|| format!("could not read {}", from.display()))? {
        let entry = entry?;
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if entry.file_type()?.is_dir() {
            copy_dir(&src, &dst)?;
        } else {
            fs::copy(&src, &dst).with_context(|| format!("could not copy {}", src.display()))?;
        }
    }
    Ok(())
}

/// Sizes of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSize {
    /// Path relative to `dist/`, `/`-separated.
    pub path: String,
    /// Bytes on disk.
    pub raw: u64,
    /// Bytes after gzip at level 9.
    pub gzip: u64,
    /// Bytes a browser that accepts gzip is sent: the precompressed copy's, if there is one,
    /// else the file's own.
    pub served: u64,
}

/// Sizes of every file in the bundle.
#[derive(Debug, Clone, Default)]
pub struct SizeReport {
    /// One entry per file, sorted by path.
    pub files: Vec<FileSize>,
}

impl SizeReport {
    /// Sum of raw bytes.
    pub fn total_raw(&self) -> u64 {
        self.files.iter().map(|f| f.raw).sum()
    }

    /// Sum of gzip -9 bytes.
    pub fn total_gzip(&self) -> u64 {
        self.files.iter().map(|f| f.gzip).sum()
    }

    /// Sum of served bytes.
    pub fn total_served(&self) -> u64 {
        self.files.iter().map(|f| f.served).sum()
    }

    /// A plain-text table for the console.
    pub fn table(&self) -> String {
        let width = self.files.iter().map(|f| f.path.len()).chain([5]).max().unwrap_or(5);
        let mut out = format!("{:<width$}  {:>10}  {:>10}  {:>10}\n", "file", "raw", "gzip -9", "served");
        for f in &self.files {
            out += &format!("{:<width$}  {:>10}  {:>10}  {:>10}\n", f.path, f.raw, f.gzip, f.served);
        }
        out += &format!(
            "{:<width$}  {:>10}  {:>10}  {:>10}\n",
            "total",
            self.total_raw(),
            self.total_gzip(),
            self.total_served()
        );
        out
    }

    /// The report as JSON: `{"files":[{"path","raw","gzip","served"}…],"total":{…}}`.
    pub fn json(&self) -> String {
        let files: Vec<String> = self
            .files
            .iter()
            .map(|f| {
                format!(
                    "    {{\"path\": {}, \"raw\": {}, \"gzip\": {}, \"served\": {}}}",
                    json_string(&f.path),
                    f.raw,
                    f.gzip,
                    f.served
                )
            })
            .collect();
        format!(
            "{{\n  \"files\": [\n{}\n  ],\n  \"total\": {{\"raw\": {}, \"gzip\": {}, \"served\": {}}}\n}}\n",
            files.join(",\n"),
            self.total_raw(),
            self.total_gzip(),
            self.total_served()
        )
    }
}

/// Measures every file under `dir` (except an earlier size report and the precompressed copies,
/// which count as their files' served bytes).
pub fn size_report(dir: &Path) -> Result<SizeReport> {
    let mut paths = Vec::new();
    collect_files(dir, &mut paths)?;
    let mut files = Vec::new();
    for path in paths {
        let name = rel(dir, &path);
        if name == SIZE_REPORT || name.ends_with(".gz") {
            continue;
        }
        let bytes = fs::read(&path).with_context(|| format!("could not read {}", path.display()))?;
        let raw = bytes.len() as u64;
        let served = fs::metadata(crate::precompress::gz_path(&path)).map_or(raw, |m| m.len());
        files.push(FileSize { path: name, raw, gzip: gzip_len(&bytes)?, served });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(SizeReport { files })
}

/// Every file under `dir`, appended to `out` (`precompress` walks `dist/` with it too).
pub fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in fs::read_dir(dir).with_context(|| format!("could not read {}", dir.display()))? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            collect_files(&entry.path(), out)?;
        } else {
            out.push(entry.path());
        }
    }
    Ok(())
}

/// Length of `bytes` gzipped at level 9 (as `gzip -9` would, give or take the header's name).
fn gzip_len(bytes: &[u8]) -> Result<u64> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len() as u64)
}

/// A JSON string literal.
fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out += "\\\"",
            '\\' => out += "\\\\",
            c if (c as u32) < 0x20 => out += &format!("\\u{:04x}", c as u32),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Ensures the build tools, then builds `dist/`.
pub fn run(root: &Path, public_url: Option<&str>) -> Result<()> {
    tools::ensure_build_tools(root)?;
    build(root, public_url)
}

/// Where `index.html` names the social card, relative to the page.
const OG_IMAGE: &str = r#"<meta property="og:image" content="prerender/og.png">"#;

/// `index` with the social card's address made absolute under `public_url` (an `http(s)://`
/// address; a missing final `/` is added) and the page's own address as `og:url`. Link
/// previews (Open Graph, X cards) fetch the image from the address as written, with no page to
/// resolve a relative one against.
fn with_public_url(index: &str, public_url: &str) -> Result<String> {
    let url = public_url.trim();
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    if rest.is_none_or(|r| r.is_empty() || r.starts_with('/')) || url.contains(['"', '<', '>', ' ']) {
        bail!(
            "--public-url {url:?}: expected an absolute http(s) address such as https://news.example/pledge/"
        );
    }
    let base = if url.ends_with('/') { url.to_owned() } else { format!("{url}/") };
    if !index.contains(OG_IMAGE) {
        bail!("index.html has no {OG_IMAGE} to make absolute");
    }
    let absolute = format!(
        r#"<meta property="og:image" content="{base}prerender/og.png">
  <meta property="og:url" content="{base}">"#
    );
    Ok(index.replacen(OG_IMAGE, &absolute, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_public_url_makes_the_social_card_absolute() {
        let index = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../index.html")).unwrap();
        for url in ["https://news.example/pledge/", "https://news.example/pledge"] {
            let page = with_public_url(&index, url).unwrap();
            assert!(page.contains(
                r#"<meta property="og:image" content="https://news.example/pledge/prerender/og.png">"#
            ));
            assert!(page.contains(r#"<meta property="og:url" content="https://news.example/pledge/">"#));
            assert!(!page.contains(OG_IMAGE));
        }
        for bad in ["news.example/pledge/", "https://", "https:///x", "ftp://x/", "https://x/\"><script>"] {
            assert!(with_public_url(&index, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_registry_source_dir_is_remapped_and_a_leftover_path_fails_the_build() {
        let home = std::env::temp_dir().join(format!("xtask-remap-{}", std::process::id()));
        let _ = fs::remove_dir_all(&home);
        assert!(remap_flags(&home).is_empty(), "no registry, no flags");
        assert_eq!(remap_setting(&[], None, None), None);
        for index in ["index.crates.io-1949cf8c6b5b557f", "other \"index\""] {
            fs::create_dir_all(home.join("registry/src").join(index).join("yew-0.23.0")).unwrap();
        }
        fs::write(home.join("registry/src/a-file"), "").unwrap();
        let src = home.join("registry/src").display().to_string();
        let flags = remap_flags(&home);
        assert_eq!(
            flags,
            [
                format!("--remap-path-prefix={src}/index.crates.io-1949cf8c6b5b557f/="),
                format!("--remap-path-prefix={src}/other \"index\"/="),
            ]
        );
        // With no rustflags in the environment, the target's, as TOML strings.
        assert_eq!(
            remap_setting(&flags, None, Some(" ")),
            Some(Remap::Config(format!(
                "target.wasm32-unknown-unknown.rustflags=[\"--remap-path-prefix={src}/index.crates.io-1949cf8c6b5b557f/=\", \
                 \"--remap-path-prefix={src}/other \\\"index\\\"/=\"]"
            )))
        );
        // Rustflags of the environment's own would replace the target's: appended to them instead.
        let sep = '\u{1f}';
        assert_eq!(
            remap_setting(&flags[..1], None, Some("-C  target-cpu=native")),
            Some(Remap::Env(format!("-C{sep}target-cpu=native{sep}{}", flags[0])))
        );
        assert_eq!(
            remap_setting(&flags[..1], Some(&format!("-C{sep}opt level")), Some("ignored")),
            Some(Remap::Env(format!("-C{sep}opt level{sep}{}", flags[0])))
        );
        let wasm = home.join("x.wasm");
        fs::write(&wasm, b"\0asm yew-0.23.0/src/lib.rs").unwrap();
        assert!(check_no_registry_paths(&wasm, &home).is_ok());
        fs::write(&wasm, format!("\0asm {src}/index.crates.io-1/yew/src/lib.rs")).unwrap();
        assert!(check_no_registry_paths(&wasm, &home).is_err());
        let _ = fs::remove_dir_all(&home);
    }

    #[test]
    fn report_measures_and_serialises() {
        let dir = std::env::temp_dir().join(format!("xtask-size-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("assets")).unwrap();
        fs::write(dir.join("a.js"), "x".repeat(1000)).unwrap();
        fs::write(dir.join("assets/b \"q\".css"), "").unwrap();
        fs::write(dir.join(SIZE_REPORT), "old").unwrap();
        fs::write(dir.join("a.js.gz"), "x".repeat(30)).unwrap();
        let report = size_report(&dir).unwrap();
        let paths: Vec<_> = report.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            ["a.js", "assets/b \"q\".css"],
            "the .gz copy is its file's served bytes, not a file"
        );
        assert_eq!(report.total_raw(), 1000);
        assert!(report.files[0].gzip < 100);
        assert_eq!((report.files[0].served, report.files[1].served), (30, 0));
        let json = report.json();
        assert!(json.contains(r#""path": "assets/b \"q\".css""#), "{json}");
        assert!(json.contains(&format!(
            "\"total\": {{\"raw\": 1000, \"gzip\": {}, \"served\": 30}}",
            report.total_gzip()
        )));
        let _ = fs::remove_dir_all(&dir);
    }
}
