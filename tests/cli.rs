//! The `pledge` CLI end to end: every format, and bad input.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests: a failure is the point"
)]

use std::process::{Command, Output};

fn pledge(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pledge")).args(args).output().expect("run pledge")
}

fn stdout(args: &[&str]) -> String {
    let out = pledge(args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn default_format_is_a_readable_table_with_the_narration() {
    let text = stdout(&["preset=us-demand"]);
    assert!(text.contains(" year  upfront"), "{text}");
    assert!(text.contains(" 2026    350.0"), "{text}");
    assert!(text.contains("17.5 times what the Bank of Korea says it can supply a year"), "{text}");
}

#[test]
fn csv_has_the_core_columns_and_one_row_per_year() {
    let text = stdout(&["?upfront=20&years=12", "--format", "csv"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "year,upfront,direct,loans,corporate,guarantees_issued,guarantees_called,state_cash,usd_cash,fx_limit,headroom,breach");
    assert_eq!(lines.len(), 13);
    assert!(lines[1].starts_with("2026,70,"), "{}", lines[1]);
}

#[test]
fn json_has_scenario_rows_and_summary() {
    let text = stdout(&["https://example.org/?preset=kr-deal&calls=10", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["scenario"]["preset"], "kr-deal");
    assert_eq!(v["scenario"]["calls"], 10.0);
    assert_eq!(v["rows"].as_array().unwrap().len(), 10);
    assert_eq!(v["summary"]["breach_years"], 10);
}

#[test]
fn several_query_words_are_joined() {
    assert_eq!(
        stdout(&["upfront=20", "years=12", "-f", "csv"]),
        stdout(&["upfront=20&years=12", "-f", "csv"])
    );
}

/// Each word is a link of its own: a URL, a `?query` or a `#fragment` in one word loses no key
/// of another (joined with `&` first, `years=5 https://…/?krw=30` lost `years`).
#[test]
fn each_query_word_is_read_as_a_link_of_its_own() {
    let expected = stdout(&["years=5&krw=30&upfront=20", "-f", "json"]);
    for words in [
        &["years=5", "https://x.example/pledge/?krw=30", "?upfront=20"][..],
        &["?years=5", "?krw=30#chart", "upfront=20"],
        &["years=5#x", "krw=30", "https://x.example/?upfront=20#y"],
        // A text fragment ("Copy link to highlight") holds no keys.
        &["years=5", "krw=30#:~:text=won", "https://x.example/?upfront=20#:~:text=Bank%20of%20Korea"],
    ] {
        let mut args = words.to_vec();
        args.extend(["-f", "json"]);
        assert_eq!(stdout(&args), expected, "{words:?}");
    }
    // Keys a fragment or the text before a `?` would hide are refused, naming the word.
    for (word, needle) in [
        ("years=5#krw=30", "after '#'"),
        ("years=5?krw=30", "before '?'"),
        ("https://x.example/pledge/years=5&krw=30", "no '?'"),
    ] {
        let out = pledge(&[word, "upfront=20"]);
        assert_eq!(out.status.code(), Some(2), "{word}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(&format!("\"{word}\"")) && err.contains(needle), "{err}");
    }
    // A value holding an address is a value, refused as one (it made the word an address with
    // no keys: `years` was dropped and `upfront` never reported).
    let out = pledge(&["years=5&upfront=http://x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(r#"upfront="http://x": not a number"#));
    // A key in two words is given twice.
    let out = pledge(&["years=5", "?years=6"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("years=6: given more than once"));
}

/// `step=N` alone is the tour step's scenario, as the page shows it; with scenario keys, those.
#[test]
fn a_bare_tour_step_is_the_steps_scenario_as_on_the_page() {
    for (i, step) in pledge_explorer::tour::STEPS.iter().enumerate() {
        let query = step.scenario().to_query();
        let n = (i + 1).to_string();
        assert_eq!(
            stdout(&[&format!("step={n}"), "-f", "json"]),
            stdout(&[&query, "-f", "json"]),
            "step {n}"
        );
    }
    let json = stdout(&["step=3", "years=4", "-f", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!((v["scenario"]["years"].as_f64(), v["scenario"]["preset"].as_str()), (Some(4.0), None));
}

/// No cell reads `-0.0`: a year $0.04 bn above the limit shows -0.04, a tiny payment its digit,
/// and a sum of no years above the limit is 0 in JSON.
#[test]
fn the_table_shows_small_breaches_and_no_negative_zero() {
    let text = stdout(&["limit=34.96"]);
    assert!(text.contains("   35.0     -0.04 ABOVE\n"), "{text}");
    let text = stdout(&["total=1&years=30&limit=0.0001"]);
    assert!(text.contains(" 2026      0.0     0.03 "), "{text}");
    assert!(text.contains("  0.0001     -0.03 ABOVE\n"), "{text}");
    for query in ["limit=34.96", "total=1&years=30&limit=0.0001", "preset=kr-deal", "preset=eu&krw=100"] {
        let text = stdout(&[query]);
        assert!(!text.contains("-0.0 ") && !text.contains("-0.0\n"), "{query}: {text}");
    }
    let json = stdout(&["preset=kr-deal", "-f", "json"]);
    assert!(json.contains("\"above_limit_total\": 0.0,"), "{json}");
}

/// With `lang=ko` every word is Korean: the errors, the table's columns and its marker.
#[test]
fn a_korean_link_gets_korean_errors_and_table() {
    let out = pledge(&["lang=ko", "upfront=abc"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        "pledge: 시나리오가 올바르지 않음:\n  upfront=\"abc\": 숫자가 아님 (허용: 0부터 100까지의 수)\n"
    );
    let text = stdout(&["lang=ko", "preset=us-demand"]);
    let header = text.lines().find(|l| l.trim_start().starts_with("연도")).unwrap_or_default();
    assert!(header.ends_with("여유"), "{text}");
    assert!(text.contains("-330.0 초과\n") && text.contains("\n 합계 "), "{text}");
    assert!(!text.contains("ABOVE") && !text.contains("year"), "{text}");
}

/// A link with thousands of bad keys lists twenty and counts the rest.
#[test]
fn many_bad_keys_are_listed_up_to_twenty_then_counted() {
    let words: Vec<String> = (0..5000).map(|i| format!("k{i}=1")).collect();
    let args: Vec<&str> = words.iter().map(String::as_str).collect();
    let out = pledge(&args);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 22, "{err}");
    assert!(err.ends_with("  … and 4980 more\n"), "{err}");
}

/// A bad option is quoted with its control characters written out, not sent to the terminal.
#[test]
fn a_bad_option_is_echoed_without_its_control_characters() {
    for args in [&["--bo\u{1b}[31mgus"][..], &["--format", "g\u{1b}[31mif"], &["--size", "1\u{7}x1"]] {
        let out = pledge(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(!err.chars().any(|c| c.is_control() && c != '\n'), "{err:?}");
        assert!(err.contains("\\u{1b}") || err.contains("\\u{7}"), "{err:?}");
    }
}

/// The summary groups large numbers by thousands, and says so when nothing is paid in dollars
/// (it said "the dollars take 0 years").
#[test]
fn the_summary_groups_thousands_and_names_a_plan_with_no_dollars() {
    let text = stdout(&["total=5000&years=1&limit=0.001"]);
    assert!(text.contains("the dollars take 5,000,000 years"), "{text}");
    assert!(text.contains("In won: 7,110.8 tn won"), "{text}");
    let ko = stdout(&["total=5000&years=1&limit=0.001&lang=ko"]);
    assert!(ko.contains("달러 지급에 5,000,000년") && ko.contains("원화로: 7,110.8조 원"), "{ko}");
    for (query, line) in [
        ("krw=100", "State cash: $350 bn, none of it in dollars\n"),
        ("krw=100&lang=ko", "국가 현금: 3,500억 달러, 달러로 내는 금액 없음\n"),
    ] {
        let text = stdout(&[query]);
        assert!(text.contains(line) && !text.contains(" 0 years") && !text.contains("지급에 0년"), "{text}");
    }
}

#[test]
fn the_help_names_every_option_the_defaults_and_the_exit_status() {
    let help = stdout(&["--help"]);
    for needle in
        ["-f, --format", "-o, --out", "--size", "--image", "(default 960x560", "Exit status: 0", "step=N"]
    {
        assert!(help.contains(needle), "{needle}: {help}");
    }
}

#[test]
fn svg_and_png_are_written_to_files() {
    let dir = std::env::temp_dir().join(format!("pledge-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let svg_path = dir.join("c.svg");
    let png_path = dir.join("c.png");
    assert!(pledge(&["preset=japan", "--format", "svg", "--out", svg_path.to_str().unwrap()])
        .status
        .success());
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("Japan"));
    let out = pledge(&[
        "preset=japan",
        "--format",
        "png",
        "--size",
        "480x320",
        "--out",
        png_path.to_str().unwrap(),
    ]);
    assert!(out.status.success() && out.stdout.is_empty());
    let png = std::fs::read(&png_path).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    // 2x: the IHDR width and height are 960 x 640.
    assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), 960);
    assert_eq!(u32::from_be_bytes(png[20..24].try_into().unwrap()), 640);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_input_exits_2_names_every_bad_key_and_range_and_prints_nothing_to_stdout() {
    let out = pledge(&["upfront=abc&years=31&colour=red&total=-5", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    for needle in [
        "upfront=\"abc\": not a number (allowed: a number from 0 to 100)",
        "years=31: out of range (allowed: a whole number from 1 to 30)",
        "colour=red: unknown key",
        "total=-5: out of range (allowed: a number from 1 to 5000)",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in {err}");
    }
}

#[test]
fn nan_infinite_huge_negative_empty_duplicated_and_bad_baseline_values_exit_2_each_named() {
    let cases = [
        ("upfront=NaN", "upfront=\"NaN\": not a number (allowed: a number from 0 to 100)"),
        ("upfront=inf", "upfront=\"inf\": not a number (allowed: a number from 0 to 100)"),
        ("total=-inf", "total=\"-inf\": not a number (allowed: a number from 1 to 5000)"),
        ("total=1e999", "total=\"1e999\": not a number (allowed: a number from 1 to 5000)"),
        (
            "total=99999999999999999999",
            "total=99999999999999999999: out of range (allowed: a number from 1 to 5000)",
        ),
        ("years=-3", "years=-3: out of range (allowed: a whole number from 1 to 30)"),
        ("years=", "years=\"\": not a number (allowed: a whole number from 1 to 30)"),
        ("upfront=%00", "upfront=\"\\u{0}\": not a number (allowed: a number from 0 to 100)"),
        ("years=5&years=6", "years=6: given more than once (allowed: once, a whole number from 1 to 30)"),
        ("base=upfront%3DNaN", "base.upfront=\"NaN\": not a number (allowed: a number from 0 to 100)"),
    ];
    for (query, message) in cases {
        let out = pledge(&[query]);
        assert_eq!(out.status.code(), Some(2), "{query}");
        assert!(out.stdout.is_empty(), "{query}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err, format!("pledge: invalid scenario:\n  {message}\n"), "{query}");
    }
}

#[test]
fn a_long_or_garbled_word_is_quoted_by_its_first_forty_characters_and_escaped() {
    let long = format!("total={}", "5".repeat(10_000));
    let out = pledge(&[&long, "colour\u{1b}[31m=red"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    let fives = "5".repeat(40);
    assert!(
        err.contains(&format!("  total=\"{fives}…\": not a number (allowed: a number from 1 to 5000)\n")),
        "{err}"
    );
    // The escape character is written out, not sent to the terminal.
    assert!(err.contains("  colour\\u{1b}[31m=red: unknown key"), "{err}");
    assert!(!err.contains('\u{1b}') && err.len() < 600, "{err}");
}

#[test]
fn shares_above_100_exit_2() {
    let out = pledge(&["upfront=70&loans=40"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at most 100 in all"));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_near_miss_is_named_with_what_it_likely_meant() {
    let err = |args: &[&str]| {
        let out = pledge(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let said = err(&["upfrnt=20&years=5&x=1"]);
    let lines: Vec<&str> = said.lines().collect();
    assert!(
        lines[1].starts_with("  upfrnt=20: unknown key; did you mean upfront? (known keys: preset,"),
        "{said}"
    );
    assert!(lines[2].starts_with("  x=1: unknown key (known keys: "), "x has no near key: {said}");
    let said = err(&["upfrnt=50", "lang=ko"]);
    assert!(said.contains("\n  upfrnt=50: 알 수 없는 키, 혹시 upfront인가요?\n"), "{said}");
}

#[test]
fn bad_options_exit_2() {
    for args in [&["--format", "gif"][..], &["--size", "10x10"], &["--bogus"]] {
        let out = pledge(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
    }
    // Each option once, and only with a format that reads it (they were dropped without a word).
    for (args, said) in [
        (&["-f", "csv", "--format", "json"][..], "pledge: --format given more than once"),
        (&["-o", "a.svg", "--out", "b.svg"], "pledge: --out given more than once"),
        (&["--size", "960x560", "--size", "480x320", "-f", "svg"], "pledge: --size given more than once"),
        (&["--size", "960x560"], "pledge: --size: only the svg and png formats have a size"),
        (&["--size", "960x560", "-f", "json"], "pledge: --size: only the svg and png formats have a size"),
        (&["--image", "a.svg", "-f", "svg"], "pledge: --image: only the html format names an image"),
        (&["--size", "100x100", "-f", "svg"], "pledge: --size \"100x100\": out of range (allowed: WxH"),
        (&["--size", "960", "-f", "svg"], "pledge: --size \"960\": not WxH (allowed: WxH"),
        // A link's key written as an option says how to write it, with the value given.
        (&["--lang", "ko"], "pledge: --lang: a key, not an option (write lang=ko, as in a link)"),
        (&["--Years=5"], "pledge: --Years: a key, not an option (write Years=5, as in a link)"),
        (&["--embed", "years=3"], "pledge: --embed: a key, not an option (write embed=VALUE, as in a link)"),
        (
            &["--theme", "-f", "svg"],
            "pledge: --theme: a key, not an option (write theme=VALUE, as in a link)",
        ),
        // Too many digits for a number is a size out of range (it said "not WxH").
        (
            &["--size", "99999999999999999999x300", "-f", "svg"],
            "pledge: --size \"99999999999999999999x300\": out of range",
        ),
    ] {
        let out = pledge(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with(said), "{args:?}: {err}");
    }
    // `--out -` is standard output (it wrote a file named "-").
    let dash = pledge(&["preset=kr-deal", "-f", "csv", "--out", "-"]);
    assert_eq!((dash.status.code(), dash.stdout), (Some(0), pledge(&["preset=kr-deal", "-f", "csv"]).stdout));
    assert!(!std::path::Path::new("-").exists());
    // A PNG is not written to a terminal (`script` gives the command one, where it can).
    let in_terminal =
        |command: &str| Command::new("script").args(["-qec", command, "/dev/null"]).output().ok();
    let terminal =
        in_terminal("test -t 1 && echo a-terminal").is_some_and(|o| o.stdout.starts_with(b"a-terminal"));
    if terminal {
        let out = in_terminal(&format!("{} -f png", env!("CARGO_BIN_EXE_pledge"))).unwrap();
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(said.contains("pledge: --format png: not to a terminal (give --out FILE"), "{said}");
        assert!(!said.contains("PNG"), "{said}");
        assert_eq!(out.status.code(), Some(2));
    }
    // A path that cannot be written is named with its control characters written out.
    let out = pledge(&["--out", "/nonexistent-dir/\u{1b}[31m.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("writing /nonexistent-dir/\\u{1b}[31m.txt") && !err.contains('\u{1b}'), "{err:?}");
    // Sizes whose plot would not fit under the title and legend are refused, naming the size;
    // they drew a title and no plot.
    for (query, size) in [
        ("preset=kr-deal", "400x300"),
        ("", "4000x150"),
        ("", "200x150"),
        ("preset=kr-deal&base=preset%3Dkr-deal", "560x315"),
    ] {
        for format in ["svg", "png"] {
            let out = pledge(&[query, "--size", size, "-f", format]);
            assert_eq!(out.status.code(), Some(2), "{query} {size}");
            assert!(out.stdout.is_empty());
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(err, format!("pledge: --size {size}: too small for the plot under this chart's title and legend (from 480x320 up, every chart fits)\n"));
        }
    }
    // The social card's size fits the default scenario, and sizes that fit are drawn.
    for (query, size) in [("", "600x315"), ("preset=kr-deal&base=preset%3Dkr-deal", "480x320")] {
        assert!(pledge(&[query, "--size", size, "-f", "png"]).status.success(), "{query} {size}");
    }
}

#[test]
fn a_whole_page_link_with_view_keys_is_accepted_and_theme_sets_the_chart_colours() {
    let light = stdout(&[
        "https://example.test/pledge/?upfront=20&lang=en&embed=1&controls=years",
        "--format",
        "svg",
    ]);
    let dark = stdout(&["upfront=20&theme=dark", "--format", "svg"]);
    assert!(light.starts_with("<svg"), "{light}");
    assert_ne!(light, dark);
    let bad = pledge(&["upfront=20&theme=pink"]);
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("theme=\"pink\": not recognised (allowed: one of light, dark)"), "{err}");
}

#[test]
fn html_is_the_noscript_fragment_with_the_given_image() {
    let html = stdout(&["preset=kr-deal", "--format", "html", "--image", "prerender/kr-deal.svg"]);
    assert!(html.starts_with("<figure class=\"prerendered\"><img src=\"prerender/kr-deal.svg\""), "{html}");
    assert!(html.contains("Korea would pay $20 bn in dollars every year"), "{html}");
}

#[test]
fn a_baseline_in_the_link_is_drawn_beside_the_bars() {
    let plain = stdout(&["preset=kr-deal&years=5", "--format", "svg"]);
    let with_base = stdout(&["preset=kr-deal&years=5&base=preset%3Dkr-deal", "--format", "svg"]);
    assert!(!plain.contains("Baseline: dollars a year"));
    assert!(with_base.contains("Baseline: dollars a year"), "{with_base}");
}

/// A baseline whose years this timeline does not reach draws nothing: no legend entry, and the
/// value axis does not make room for its bars (it was scaled to the all-upfront $350 bn).
#[test]
fn a_baseline_outside_the_timeline_draws_no_legend_entry_and_takes_no_room() {
    let plain = stdout(&["preset=kr-deal&years=5", "--format", "svg"]);
    let outside =
        stdout(&["preset=kr-deal&years=5&base=preset%3Dus-demand%26start%3D2090", "--format", "svg"]);
    assert!(!outside.contains("Baseline: dollars a year"), "{outside}");
    assert_eq!(outside, plain);
    // Sharing one year, it is drawn, and the axis reaches its $350 bn.
    let shared =
        stdout(&["preset=kr-deal&years=5&base=preset%3Dus-demand%26start%3D2030", "--format", "svg"]);
    assert!(shared.contains("Baseline: dollars a year"), "{shared}");
    let tick = |svg: &str, v: &str| svg.lines().any(|l| l.trim() == v);
    assert!(tick(&shared, "400") && !tick(&plain, "400"), "the axis reaches the baseline's peak");
}

/// Keys are read in any case and around spaces, as values are, and the tour step as every
/// whole-number key is: each of these reads as the same scenario as its plain spelling.
#[test]
fn keys_in_any_case_and_a_whole_step_in_any_spelling_read_as_their_plain_spelling() {
    for (odd, plain) in [
        (&["Upfront = 10", "YEARS=5"][..], &["upfront=10", "years=5"][..]),
        (&["step=3.0"], &["step=3"]),
        (&["Lang=ko", "preset=kr-deal"], &["lang=ko", "preset=kr-deal"]),
    ] {
        let (a, b) = (stdout(&[odd, &["-f", "json"]].concat()), stdout(&[plain, &["-f", "json"]].concat()));
        assert_eq!(a, b, "{odd:?}");
    }
    let out = pledge(&["base=lang%3Dko"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("base.lang=ko: unknown key (known keys in a baseline: preset, "), "{err}");
    assert!(!err.contains("country, lang"), "{err}");
}
