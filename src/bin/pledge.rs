//! `pledge`: render a pledge scenario as a table, CSV, JSON, SVG or PNG.
//!
//! A thin shell: arguments are parsed here, the scenario is checked by the library, and output
//! is written by the library's export and chart functions.

#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::print_stderr, reason = "the CLI reports bad input on stderr")]
mod cli {
    use std::io::{IsTerminal, Write};
    use std::path::PathBuf;
    use std::process::ExitCode;

    use anyhow::{bail, Context};
    use pledge_explorer::chart::{ChartError, ChartStyle, EXPORT_SIZE, MIN_EXPORT_SIZE, TOO_SMALL};
    use pledge_explorer::export::{self, Report};
    use pledge_explorer::scenario::{Key, RawParams, LISTED_ERRORS};
    use pledge_explorer::text::{param_error, tr};
    use pledge_explorer::view::{parse_raw, Lang, View, ViewKey};
    use pledge_explorer::{native, schedule, summarize, Scenario};

    const USAGE: &str = "\
pledge: how a country pays a huge investment pledge

Usage: pledge [QUERY...] [--format table|csv|json|svg|png|html] [--out FILE] [--size WxH]

QUERY is the page's query string, with or without '?', or a whole URL, e.g.
  pledge 'upfront=20&years=10&krw=30'
  pledge preset=kr-deal calls=20 --format png --out deal.png
  pledge 'https://example.org/pledge/?preset=japan' years=5
Each QUERY word is read as a link of its own (a URL's '#fragment' is dropped, as a
browser drops it) and the words' keys are put together; a key given twice is an error.
With no QUERY: the page's default scenario.

Keys (percent 0-100 unless said; money in USD bn):
  total 1-5000, upfront, guarantees, loans, corporate (these four sum to at most 100),
  krw, years 1-30, profile even|front|back, calls, limit 0-1000, start 2000-2100,
  country kr|jp|eu, preset us-demand|kr-deal|japan|eu
View keys of a link are accepted too: lang en|ko sets the language of every word,
  theme light|dark the chart's colours, base=QUERY draws that baseline beside the bars,
  step=N alone shows the guided tour's step N (as the page does);
  embed, controls and map only matter to the page.

Options:
  -f, --format F  table (default), csv, json, svg, png, or html (the page's no-script
                  fragment: the chart image, the finding and the summary)
  -o, --out FILE  write to FILE instead of standard output (`-`: standard output)
  --size WxH      svg and png only: the chart's size in CSS pixels, width 200-4000,
                  height 150-4000 (default 960x560; PNG is drawn at 2x); a size that
                  leaves the plot no room under the title and legend is refused
                  (from 480x320 up, every chart fits)
  --image SRC     html only: the chart image's address (default chart.svg)
  -h, --help      this help
  -V, --version   the version

Exit status: 0 written; 2 bad input (each bad key is named with what it allows, an
unknown one with the key it was likely meant to be, on standard error, and nothing
is written); 1 the output could not be written.
";

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Format {
        Table,
        Csv,
        Json,
        Svg,
        Png,
        Html,
    }

    struct Args {
        query: Vec<String>,
        format: Format,
        out: Option<PathBuf>,
        size: (u32, u32),
        image: String,
    }

    /// A usage problem: exit status 2.
    #[derive(Debug, thiserror::Error)]
    #[error("{0}")]
    struct UsageError(String);

    /// `--size`'s value, or what is wrong with it.
    fn parse_size(text: &str) -> Result<(u32, u32), &'static str> {
        // Digits too many for a number are a size out of range, not "not WxH".
        let side = |s: &str| match s.parse::<u32>() {
            Ok(n) => Ok(n),
            Err(_) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => Ok(u32::MAX),
            Err(_) => Err("not WxH"),
        };
        let (w, h) = text.split_once(['x', 'X']).ok_or("not WxH")?;
        let (w, h) = (side(w)?, side(h)?);
        if (200..=4000).contains(&w) && (150..=4000).contains(&h) {
            Ok((w, h))
        } else {
            Err("out of range")
        }
    }

    /// One QUERY word read as a link of its own: a query string with or without `?`, or a
    /// whole URL. A `#fragment` is dropped, as a browser drops it, but not one that holds keys
    /// (a text fragment, `#:~:text=…` from "Copy link to highlight", holds none), and text
    /// before a `?` must be an address, one without `?` must hold no `=`: each would lose keys
    /// without a word.
    fn word_pairs(word: &str) -> Result<RawParams, String> {
        let (link, fragment) = word.split_once('#').unwrap_or((word, ""));
        if fragment.contains('=') && !fragment.starts_with(":~:") {
            return Err(format!(
                "{word:?}: the keys after '#' would be ignored, as a link's fragment is (write %23 for a '#' in a value)"
            ));
        }
        if let Some((before, _)) = link.split_once('?') {
            if before.contains(['=', '&']) {
                return Err(format!(
                    "{word:?}: the keys before '?' would be ignored (start the word with the keys, or with '?', or with an address)"
                ));
            }
        }
        let raw = RawParams::from_query(link);
        if raw.pairs.is_empty() && link.contains("://") && link.contains('=') {
            return Err(format!(
                "{word:?}: an address with no '?' has no keys; the ones in it would be ignored (write them after a '?')"
            ));
        }
        Ok(raw)
    }

    /// Every QUERY word's pairs, in order.
    fn query_pairs(words: &[String]) -> Result<RawParams, UsageError> {
        let mut raw = RawParams::default();
        for word in words {
            raw.pairs.append(&mut word_pairs(word).map_err(UsageError)?.pairs);
        }
        Ok(raw)
    }

    /// `text` with each control character escaped as Rust writes it (`\u{1b}`).
    fn printable(text: &str) -> String {
        text.chars()
            .map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() })
            .collect()
    }

    fn parse_args() -> Result<Option<Args>, UsageError> {
        use lexopt::prelude::*;
        let mut args = Args {
            query: Vec::new(),
            format: Format::Table,
            out: None,
            size: EXPORT_SIZE,
            image: "chart.svg".to_owned(),
        };
        let mut parser = lexopt::Parser::from_env();
        // lexopt quotes a bad option as given: its control characters are written out, not
        // sent to the terminal (`--bo\x1b[31mgus` would colour the rest of the screen).
        let usage = |e: lexopt::Error| UsageError(printable(&e.to_string()));
        // Each option once, as each key of a link: with two, which one was meant is a guess.
        let mut given: Vec<&str> = Vec::new();
        while let Some(arg) = parser.next().map_err(usage)? {
            let name = match arg {
                Short('f') | Long("format") => Some("--format"),
                Short('o') | Long("out") => Some("--out"),
                Long("size") => Some("--size"),
                Long("image") => Some("--image"),
                _ => None,
            };
            if let Some(name) = name {
                if given.contains(&name) {
                    return Err(UsageError(format!("{name} given more than once")));
                }
                given.push(name);
            }
            match arg {
                Short('h') | Long("help") => return Ok(None),
                Short('V') | Long("version") => {
                    return Err(UsageError(format!("VERSION pledge {}", env!("CARGO_PKG_VERSION"))))
                }
                Long("format") | Short('f') => {
                    let value = parser.value().map_err(usage)?.string().map_err(usage)?;
                    args.format = match value.as_str() {
                        "table" => Format::Table,
                        "csv" => Format::Csv,
                        "json" => Format::Json,
                        "svg" => Format::Svg,
                        "png" => Format::Png,
                        "html" => Format::Html,
                        other => {
                            return Err(UsageError(format!(
                            "--format {other:?}: not recognised (allowed: table, csv, json, svg, png, html)"
                        )))
                        }
                    };
                }
                Long("out") | Short('o') => {
                    // `-` is standard output, as for most tools (it wrote a file named "-").
                    let path: PathBuf = parser.value().map_err(usage)?.into();
                    args.out = (path.as_os_str() != "-").then_some(path);
                }
                Long("size") => {
                    let value = parser.value().map_err(usage)?.string().map_err(usage)?;
                    args.size = parse_size(&value).map_err(|wrong| {
                        UsageError(format!(
                            "--size {value:?}: {wrong} (allowed: WxH, width 200-4000, height 150-4000)"
                        ))
                    })?;
                }
                Long("image") => args.image = parser.value().map_err(usage)?.string().map_err(usage)?,
                Value(word) => args.query.push(word.string().map_err(usage)?),
                // `--lang ko`, `--years=5`: a link's key written as an option.
                Long(name) if Key::from_name(name).is_some() || ViewKey::from_name(name).is_some() => {
                    let name = printable(name);
                    // Its value is the one attached (`--years=5`), else the next word if that is
                    // no option or key (`--lang ko`).
                    let next = |parser: &mut lexopt::Parser| {
                        let word = parser.raw_args().ok()?.peek()?.to_string_lossy().into_owned();
                        (!word.starts_with('-') && !word.contains('=')).then_some(word)
                    };
                    let value = match parser.optional_value() {
                        Some(value) => value.to_string_lossy().into_owned(),
                        None => next(&mut parser).unwrap_or_else(|| "VALUE".to_owned()),
                    };
                    let value = printable(&value);
                    return Err(UsageError(format!(
                        "--{name}: a key, not an option (write {name}={value}, as in a link)"
                    )));
                }
                _ => return Err(usage(arg.unexpected())),
            }
        }
        // An option the format does not read would be dropped without a word.
        let (chart, html) =
            (matches!(args.format, Format::Svg | Format::Png), matches!(args.format, Format::Html));
        if given.contains(&"--size") && !chart {
            return Err(UsageError("--size: only the svg and png formats have a size".to_owned()));
        }
        if given.contains(&"--image") && !html {
            return Err(UsageError("--image: only the html format names an image".to_owned()));
        }
        // A PNG's bytes on a terminal garble it: ask for a file, as the usage's example does.
        if matches!(args.format, Format::Png) && args.out.is_none() && std::io::stdout().is_terminal() {
            return Err(UsageError(
                "--format png: not to a terminal (give --out FILE, or redirect the output)".to_owned(),
            ));
        }
        Ok(Some(args))
    }

    fn render(args: &Args, scenario: &Scenario, view: &View) -> anyhow::Result<Vec<u8>> {
        let ChartStyle { theme, lang, .. } = ChartStyle::SVG.in_view(view);
        let base = view.base.as_ref().map(schedule);
        let sched = schedule(scenario);
        let summary = summarize(scenario, &sched);
        Ok(match args.format {
            Format::Table => export::table(lang, scenario, &sched, &summary).into_bytes(),
            Format::Csv => export::csv(&sched).into_bytes(),
            Format::Json => {
                let mut text = export::json(&Report { scenario, rows: &sched, summary: &summary })?;
                text.push('\n');
                text.into_bytes()
            }
            Format::Svg => native::svg(scenario, &sched, base.as_ref(), args.size, theme, lang)?.into_bytes(),
            Format::Png => native::png(scenario, &sched, base.as_ref(), args.size, 2, theme, lang)?,
            Format::Html => {
                let mut html = export::noscript_html(lang, scenario, &summary, &args.image);
                html.push('\n');
                html.into_bytes()
            }
        })
    }

    /// Names each bad key with what it allows, in `lang`; past [`LISTED_ERRORS`], counts the rest.
    fn report_bad_keys(lang: Lang, errors: &[pledge_explorer::scenario::ParamError]) {
        eprintln!("pledge: {}", tr(lang, "invalid scenario:", "시나리오가 올바르지 않음:"));
        for error in errors.iter().take(LISTED_ERRORS) {
            eprintln!("  {}", param_error(lang, error));
        }
        if let Some(rest) = errors.len().checked_sub(LISTED_ERRORS).filter(|n| *n > 0) {
            eprintln!(
                "  {}",
                match lang {
                    Lang::En => format!("… and {rest} more"),
                    Lang::Ko => format!("… 외 {rest}개"),
                }
            );
        }
    }

    pub fn run() -> anyhow::Result<ExitCode> {
        let args = match parse_args() {
            Ok(Some(args)) => args,
            Ok(None) => {
                std::io::stdout().write_all(USAGE.as_bytes())?;
                return Ok(ExitCode::SUCCESS);
            }
            Err(UsageError(msg)) if msg.starts_with("VERSION ") => {
                writeln!(std::io::stdout(), "{}", msg.trim_start_matches("VERSION "))?;
                return Ok(ExitCode::SUCCESS);
            }
            Err(e) => {
                eprintln!("pledge: {e}\n(pledge --help lists the options and keys)");
                return Ok(ExitCode::from(2));
            }
        };
        let raw = match query_pairs(&args.query) {
            Ok(raw) => raw,
            Err(e) => {
                eprintln!("pledge: {e}");
                return Ok(ExitCode::from(2));
            }
        };
        // The language errors are written in: the link's own, when its `lang` is valid. (A bare
        // tour link, `step=3` alone, shows its step below, as the page reads it.)
        let mut scenario_pairs = raw.clone();
        let probe = View::take(&mut scenario_pairs).0;
        let lang = probe.lang.unwrap_or_default();
        let (scenario, view) = match parse_raw(raw) {
            Ok((scenario, view)) => (view.tour_scenario(&scenario).unwrap_or(scenario), view),
            Err(e) => {
                report_bad_keys(lang, &e.errors);
                return Ok(ExitCode::from(2));
            }
        };
        let bytes = match render(&args, &scenario, &view) {
            Ok(bytes) => bytes,
            Err(e) if e.downcast_ref::<ChartError>().is_some_and(|c| c.0 == TOO_SMALL) => {
                let ((w, h), (min_w, min_h)) = (args.size, MIN_EXPORT_SIZE);
                eprintln!("pledge: --size {w}x{h}: {TOO_SMALL} (from {min_w}x{min_h} up, every chart fits)");
                return Ok(ExitCode::from(2));
            }
            Err(e) => return Err(e),
        };
        match &args.out {
            Some(path) => std::fs::write(path, &bytes)
                .with_context(|| format!("writing {}", printable(&path.display().to_string())))?,
            None => {
                let mut stdout = std::io::stdout().lock();
                if let Err(e) = stdout.write_all(&bytes).and_then(|()| stdout.flush()) {
                    if e.kind() != std::io::ErrorKind::BrokenPipe {
                        bail!("writing to standard output: {e}");
                    }
                }
            }
        }
        Ok(ExitCode::SUCCESS)
    }
}

#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::print_stderr, reason = "the CLI reports errors on stderr")]
fn main() -> std::process::ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("pledge: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// The CLI is native only; this keeps `cargo test --target wasm32-unknown-unknown` building.
#[cfg(target_arch = "wasm32")]
fn main() {}
