//! `pledge`: render a pledge scenario as a table, CSV, JSON, SVG or PNG.
//!
//! A thin shell: arguments are parsed here, the scenario is checked by the library, and output
//! is written by the library's export and chart functions.

#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::print_stderr, reason = "the CLI reports bad input on stderr")]
mod cli {
    use std::io::Write;
    use std::path::PathBuf;
    use std::process::ExitCode;

    use anyhow::{bail, Context};
    use pledge_explorer::chart::{ChartStyle, EXPORT_SIZE};
    use pledge_explorer::export::{self, Report};
    use pledge_explorer::view::{parse_link, View};
    use pledge_explorer::{native, schedule, summarize, Scenario};

    const USAGE: &str = "\
pledge: how a country pays a huge investment pledge

Usage: pledge [QUERY...] [--format table|csv|json|svg|png|html] [--out FILE] [--size WxH]

QUERY is the page's query string, with or without '?', or a whole URL, e.g.
  pledge 'upfront=20&years=10&krw=30'
  pledge preset=kr-deal calls=20 --format png --out deal.png
Several QUERY words are joined with '&'.

Keys (percent 0-100 unless said; money in USD bn):
  total 1-5000, upfront, guarantees, loans, corporate (these four sum to at most 100),
  krw, years 1-30, profile even|front|back, calls, limit 0-1000, start 2000-2100,
  country kr|jp|eu, preset us-demand|kr-deal|japan|eu
View keys of a link are accepted too: lang en|ko sets the language of every word,
  theme light|dark the chart's colours, base=QUERY draws that baseline beside the bars;
  embed, controls and step only matter to the page.

Options:
  --format F   table (default), csv, json, svg, png, or html (the page's no-script
               fragment: the chart image, the finding and the summary)
  --out FILE   write to FILE instead of standard output
  --size WxH   chart size in CSS pixels for svg/png (default 960x560; PNG is drawn at 2x)
  --image SRC  for html: the chart image's address (default chart.svg)
  -h, --help   this help
  -V, --version
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

    fn parse_size(text: &str) -> Option<(u32, u32)> {
        let (w, h) = text.split_once(['x', 'X'])?;
        let (w, h) = (w.parse().ok()?, h.parse().ok()?);
        ((200..=4000).contains(&w) && (150..=4000).contains(&h)).then_some((w, h))
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
        let usage = |e: lexopt::Error| UsageError(e.to_string());
        while let Some(arg) = parser.next().map_err(usage)? {
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
                Long("out") | Short('o') => args.out = Some(parser.value().map_err(usage)?.into()),
                Long("size") => {
                    let value = parser.value().map_err(usage)?.string().map_err(usage)?;
                    args.size = parse_size(&value).ok_or_else(|| {
                        UsageError(format!("--size {value:?}: not recognised (allowed: WxH, width 200-4000, height 150-4000)"))
                    })?;
                }
                Long("image") => args.image = parser.value().map_err(usage)?.string().map_err(usage)?,
                Value(word) => args.query.push(word.string().map_err(usage)?),
                _ => return Err(usage(arg.unexpected())),
            }
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
                eprintln!("pledge: {e}\n\n{USAGE}");
                return Ok(ExitCode::from(2));
            }
        };
        let (scenario, view) = match parse_link(&args.query.join("&")) {
            Ok(link) => link,
            Err(e) => {
                eprintln!("pledge: invalid scenario:");
                for error in &e.errors {
                    eprintln!("  {error}");
                }
                return Ok(ExitCode::from(2));
            }
        };
        let bytes = render(&args, &scenario, &view)?;
        match &args.out {
            Some(path) => {
                std::fs::write(path, &bytes).with_context(|| format!("writing {}", path.display()))?
            }
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
