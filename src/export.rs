//! Text exports of a scenario: the readable table, CSV of the schedule, and JSON of scenario,
//! schedule and summary. The CLI and the page's downloads both call these.

use std::fmt::Write as _;

use serde::Serialize;

use crate::decimal::fixed;
use crate::facts::Fact;
use crate::model::{Derived, Row, Schedule, Summary};
use crate::scenario::Scenario;
use crate::view::Lang;

/// Everything about one scenario, in the shape of the JSON export.
#[derive(Debug, Clone, Serialize)]
pub struct Report<'a> {
    /// The scenario with every key.
    pub scenario: &'a Scenario,
    /// The yearly schedule.
    pub rows: &'a Schedule,
    /// The summary.
    pub summary: &'a Summary,
}

/// JSON of scenario, schedule and summary, pretty-printed.
pub fn json(report: &Report<'_>) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(report)
}

/// Money as the CSV writes it: exact to the cent of a dollar (USD bn with 11 decimals would be
/// noise), so 6 decimals of a billion = 1000 dollars; trailing zeros trimmed.
fn csv_number(x: f64) -> String {
    let text = fixed(x, 6).to_string();
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// CSV of the schedule with the columns of [`Row::COLUMNS`].
pub fn csv(schedule: &Schedule) -> String {
    let mut out = Row::COLUMNS.join(",");
    out.push('\n');
    for r in &schedule.rows {
        let cells: Vec<String> = r.money().iter().map(|x| csv_number(*x)).collect();
        let _ = writeln!(out, "{},{},{}", r.year, cells.join(","), r.breach);
    }
    out
}

/// A readable fixed-width table of the schedule with totals, for a terminal.
pub fn table(lang: Lang, scenario: &Scenario, schedule: &Schedule, summary: &Summary) -> String {
    let ko = lang == Lang::Ko;
    let headers = if ko {
        ["연도", "선불", "직접", "대출", "기업", "보증", "청구", "정부", "달러", "한도", "여유", ""]
    } else {
        [
            "year", "upfront", "direct", "loans", "company", "guar.", "called", "state", "in USD", "limit",
            "headroom", "",
        ]
    };
    let mut out = String::new();
    let _ = writeln!(out, "{}", crate::text::title(lang, scenario));
    let _ = writeln!(
        out,
        "{}\n",
        crate::text::tr(
            lang,
            "USD bn per year, rounded (parts may not add up); 'guar.' are guarantees given (contingent), 'called' those paid.",
            "연간, 10억 달러 단위(반올림하여 합이 맞지 않을 수 있음). '보증'은 제공한 보증(우발 채무), '청구'는 청구되어 지급된 보증, '정부'는 정부 현금, '달러'는 그중 달러, '여유'는 한도까지 남은 금액."
        )
    );
    let widths = [5, 8, 8, 8, 8, 8, 8, 8, 8, 7, 9, 6];
    // Right-aligned in terminal columns: a Hangul syllable takes two.
    let cell = |line: &mut String, text: &str, w: usize| {
        let used: usize = text.chars().map(|c| if c >= '\u{1100}' { 2 } else { 1 }).sum();
        let _ = write!(line, "{}{text} ", " ".repeat(w.saturating_sub(used)));
    };
    let mut line = String::new();
    for (h, w) in headers.iter().zip(widths) {
        cell(&mut line, h, w);
    }
    let _ = writeln!(out, "{}", line.trim_end());
    let fmt_row = |year: &str, vals: [f64; 10], flag: &str| {
        let mut line = String::new();
        cell(&mut line, year, widths[0]);
        for (v, w) in vals.iter().zip(&widths[1..]) {
            cell(&mut line, &money_cell(*v), *w);
        }
        line.push_str(flag);
        line.trim_end().to_owned()
    };
    let above = crate::text::tr(lang, "ABOVE", "초과");
    for r in &schedule.rows {
        let _ =
            writeln!(out, "{}", fmt_row(&r.year.to_string(), r.money(), if r.breach { above } else { "" }));
    }
    let total = |f: fn(&Row) -> f64| schedule.rows.iter().map(f).sum::<f64>();
    let totals = [
        total(|r| r.upfront),
        total(|r| r.direct),
        total(|r| r.loans),
        total(|r| r.corporate),
        total(|r| r.guarantees_issued),
        total(|r| r.guarantees_called),
        total(|r| r.state_cash),
        total(|r| r.usd_cash),
        f64::NAN,
        f64::NAN,
    ];
    let total_line = fmt_row(crate::text::tr(lang, "total", "합계"), totals, "").replace("NaN", "   ");
    let _ = writeln!(out, "{}", total_line.trim_end());
    let _ = writeln!(out);
    for line in crate::text::summary_lines(lang, scenario, summary) {
        let _ = writeln!(out, "{line}");
    }
    // Every figure the table rests on, with its source and date, as the page's notes list them.
    let word = crate::text::tr(lang, "Source", "출처");
    for f in cited_facts(scenario, summary) {
        let label = crate::text::fact_label(lang, &f);
        let value = crate::text::fact_value(lang, &f);
        let _ = write!(out, "{word}: {label}, {value}: {}, {}", f.source_name, f.as_of);
        let _ = if f.source.starts_with("http") { writeln!(out, " <{}>", f.source) } else { writeln!(out) };
    }
    out
}

/// A money cell of the terminal table: one decimal, but a value one decimal would show as
/// `0.0` (a year $0.04 bn above the limit) keeps its first significant digit, up to six
/// decimals (a breach is at least [`crate::model::BREACH_TOLERANCE_BN`]); never `-0.0`.
fn money_cell(v: f64) -> String {
    // -0.0 is 0.0. Then the first decimal place where the value reaches a digit (`-log10`,
    // without linking the logarithm into the page, whose data table uses this too).
    let v = v + 0.0;
    let (mut decimals, mut scaled) = (1, v.abs() * 10.0);
    while v != 0.0 && decimals < 6 && scaled < if decimals == 1 { 0.5 } else { 1.0 } {
        decimals += 1;
        scaled *= 10.0;
    }
    fixed(v, decimals).to_string()
}

/// The page's data table of the schedule, as an HTML `<table>`: caption, one column per kind of payment, one
/// row per year, years above the limit marked (`data-breach`, and in words in the row head). In
/// Korean in 억 dollars (1 bn = 10억), as Korean readers count money and as the prose does.
///
/// One string the browser parses at once: built as virtual nodes, the 300-odd cells of a long
/// timeline cost more code and more work on every change.
pub fn table_html(lang: Lang, schedule: &Schedule) -> String {
    let ko = lang == Lang::Ko;
    let pick = |en: &'static str, k: &'static str| if ko { k } else { en };
    let mut out = format!(
        "<table><caption>{}</caption><thead><tr>",
        pick(
            "Payments per year, USD bn, rounded: parts may not add up. Guarantees given are contingent; only called ones are paid.",
            "연도별 지급액, 억 달러 단위(반올림하여 합이 맞지 않을 수 있음). 제공한 보증은 우발 채무이며 청구된 것만 지급합니다."
        )
    );
    for (en, k) in [
        ("Year", "연도"),
        ("Upfront", "선불"),
        ("Direct", "직접 투자"),
        ("Loans", "대출"),
        ("Company", "기업"),
        ("Guarantees given", "제공한 보증"),
        ("Guarantees called", "청구된 보증"),
        ("State cash", "국가 현금"),
        ("In dollars", "달러 지급"),
        ("FX limit", "외환 한도"),
        ("Headroom", "여유"),
    ] {
        let _ = write!(out, "<th scope=\"col\">{}</th>", pick(en, k));
    }
    out.push_str("</tr></thead><tbody>");
    // Non-breaking inside: a narrow table breaks a row head between the year and this, not in it.
    let above = pick(" (above\u{a0}limit)", " (한도\u{a0}초과)");
    for r in &schedule.rows {
        let (mark, words) = if r.breach { (" data-breach=\"\"", above) } else { ("", "") };
        let _ = write!(out, "<tr{mark}><th scope=\"row\">{}{words}</th>", r.year);
        for x in r.money() {
            let (shown, cell) =
                if ko { (x * 10.0, crate::text::eok_figure(x)) } else { (x, crate::text::figure(x)) };
            // An amount the prose writes (from $0.1 m) but the table would round to 0 keeps its
            // first significant digit, as the terminal's table does: "-0" stood beside "(above
            // limit)", in Korean "0".
            let small = x.abs() >= crate::model::BREACH_TOLERANCE_BN && cell.trim_start_matches('-') == "0";
            let cell = if small { money_cell(shown) } else { cell };
            let _ = write!(out, "<td>{cell}</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

/// A fact's source as HTML: its name and as-of date, a link where the source is an address.
fn source_html(out: &mut String, f: &Fact) {
    let text = html_escape(&format!("{}, {}", f.source_name, f.as_of));
    let _ = if f.source.starts_with("http") {
        write!(out, "<a href=\"{}\" rel=\"noopener\" target=\"_blank\">{text}</a>", html_escape(f.source))
    } else {
        write!(out, "<span>{text}</span>")
    };
}

/// The figures the explorer's intro states, whatever the scenario, in its order: Korea's pledge,
/// the tariff it was made for and the Bank of Korea's limit. The notes cite them first.
pub const INTRO_FACTS: [Fact; 3] =
    [crate::facts::KR_PLEDGE_TOTAL, crate::facts::KR_TARIFF_AGREED, crate::facts::KR_BOK_FX_CAPACITY];

/// The sources of a derived figure, and the assumption it rests on, as HTML.
pub fn sources_html(lang: Lang, d: &Derived) -> String {
    let ko = lang == Lang::Ko;
    let mut out = String::from("<span class=\"source\">");
    // A figure that rests on an assumption alone (the pledge in yen) names no source.
    if !d.sources.is_empty() {
        out.push_str(if ko { "출처: " } else { "Source: " });
    }
    for f in &d.sources {
        source_html(&mut out, f);
    }
    if let Some(a) = d.assumption {
        let (word, text) = if ko { ("가정", a.ko) } else { ("Assumption", a.text) };
        let _ = write!(out, "<span class=\"assumption\"> {word}: {}.</span>", html_escape(text));
    }
    out.push_str("</span>");
    out
}

/// The figure cards of the pledge against the economy (its GDP, its FX reserves) as HTML, each
/// named after the figure it divides by and followed by that figure's source.
pub fn context_cards_html(lang: Lang, sum: &Summary) -> String {
    let ctx = &sum.context;
    let mut out = String::new();
    for (d, first) in [(&ctx.gdp_share, true), (&ctx.reserves_share, false)] {
        let Some(d) = d else { continue };
        let of = d.sources.first().map_or("", |f| if lang == Lang::Ko { f.label_ko } else { f.label });
        let title = match (lang, first) {
            (Lang::En, true) => format!("Pledge as a share of {of}"),
            (Lang::En, false) => format!("…of {of}"),
            (Lang::Ko, true) => format!("{of} 대비 약정액"),
            (Lang::Ko, false) => format!("{of} 대비"),
        };
        let _ = write!(
            out,
            "<div class=\"figure\"><dt>{}</dt><dd><strong>{}%</strong>{}</dd></div>",
            html_escape(&title),
            crate::text::figure(d.value),
            sources_html(lang, d)
        );
    }
    out
}

/// Every sourced figure a scenario's chart, figures and table show, each once: the Bank of
/// Korea's limit (while the limit is its figure), the scenario's own
/// ([`crate::presets::facts_of`]) and those its context figures rest on (GDP, FX reserves, the
/// exchange rate). The page's notes list [`INTRO_FACTS`] before them.
pub fn cited_facts(s: &Scenario, sum: &Summary) -> Vec<Fact> {
    cited_after(&[], s, sum)
}

/// `first`, then the [`cited_facts`] not among them.
fn cited_after(first: &[Fact], s: &Scenario, sum: &Summary) -> Vec<Fact> {
    let mut facts = first.to_vec();
    if crate::text::limit_is_bok(s) {
        facts.push(crate::facts::KR_BOK_FX_CAPACITY);
    }
    facts.extend_from_slice(crate::presets::facts_of(s));
    let ctx = &sum.context;
    for d in [&ctx.gdp_share, &ctx.reserves_share, &ctx.local_equivalent].into_iter().flatten() {
        facts.extend(d.sources.iter().copied());
    }
    let mut seen = Vec::new();
    facts.retain(|f| {
        let new = !seen.contains(&f.key);
        seen.push(f.key);
        new
    });
    facts
}

/// The page's notes as HTML: how the model works, the assumptions and the sources of every figure
/// the scenario shows, each once, with its key in the facts table (`data/pledges.csv`).
pub fn notes_html(lang: Lang, s: &Scenario, sum: &Summary) -> String {
    let facts = cited_after(&INTRO_FACTS, s, sum);
    let ctx = &sum.context;
    let ko = lang == Lang::Ko;
    let currency = crate::text::currency_name(lang, s.country);
    let method = if ko {
        format!(
            "막대 하나는 그해에 내는 돈을 쌓은 것입니다. 한국은행 한도에 들어가는 것은 달러로 내는 국가 현금뿐입니다. \
             선불 일시금, 직접 투자, 국가 대출, 그리고 청구된 보증입니다. {currency}화로 내는 돈은 국내에 머물러 달러 시장에 \
             부담이 없습니다. 기업이 자기 돈으로 하는 투자는 국가 돈이 아닙니다. 대출 보증은 대출이 부실해져 보증이 \
             청구되기 전까지 돈이 들지 않고, 청구되면 현금처럼 지급됩니다. 한도선은 해마다의 달러를 한국은행이 공급할 수 \
             있다고 본 금액과 비교합니다."
        )
    } else {
        format!(
            "Each year's bar stacks what is paid that year. What counts against the Bank of Korea's limit is only state \
             cash paid in dollars: the upfront lump sum, direct investment, state loans and guarantees that are called. \
             Money paid in {currency} stays at home, so it does not press on the dollar market. Companies' own investment \
             is not state money. A loan guarantee costs nothing until a loan goes bad and the guarantee is called; then it \
             is paid like cash. The limit line compares each year's dollars with what the Bank of Korea says it can supply."
        )
    };
    let pick = |en: &'static str, k: &'static str| if ko { k } else { en };
    let mut out = format!(
        "<div class=\"notes\"><h2>{}</h2><p class=\"method\">{method}</p><ul class=\"method-figures\">",
        pick("How the model works", "모델은 이렇게 계산합니다")
    );
    if let Some(d) = &ctx.local_equivalent {
        let v = crate::text::figure(d.value);
        let _ = if ko {
            write!(out, "<li>{currency}화로 본 약정액: {v}조 {currency}. ")
        } else {
            write!(out, "<li>The pledge in {currency}: {v} trillion {currency}. ")
        };
        out.push_str(&sources_html(lang, d));
        out.push_str("</li>");
    }
    let _ = write!(out, "</ul><h2>{}</h2><ul class=\"assumptions\">", pick("Assumptions", "가정"));
    for a in crate::text::assumptions(lang, s) {
        let _ = write!(out, "<li>{}</li>", html_escape(a));
    }
    let _ = write!(out, "</ul><h2>{}</h2><ul class=\"sources\">", pick("Sources", "출처"));
    for f in &facts {
        let label = crate::text::fact_label(lang, f);
        let _ =
            write!(out, "<li>{}, {}: ", html_escape(&label), html_escape(&crate::text::fact_value(lang, f)));
        source_html(&mut out, f);
        let _ = write!(out, "<span class=\"key\"> ({})</span></li>", f.key);
    }
    out.push_str("</ul></div>");
    out
}

/// Escapes text for HTML element content and double-quoted attributes.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// The fixed height of an embed before (or without) the resize script: enough for the chart,
/// four controls and the summary line at article width.
pub const EMBED_FALLBACK_HEIGHT: u32 = 760;

/// The code a newsroom pastes into its page: an iframe of `src` (the explorer with `embed=1` in
/// its query) and the resize script beside the explorer (`script_src`). No inline script or
/// style, so it works under a host's strict Content-Security-Policy; without the script the
/// iframe keeps a sensible fixed height.
pub fn embed_code(src: &str, script_src: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{EMBED_FALLBACK_HEIGHT}\" \
         frameborder=\"0\" loading=\"lazy\" data-pledge-explorer></iframe>\n\
         <script src=\"{}\" defer></script>",
        html_escape(src),
        html_escape(title),
        html_escape(script_src),
    )
}

/// What the page shows without JavaScript, and what print and search engines read first: the
/// prerendered chart (`image_src`, drawn by the same function as the live chart), the finding
/// and the summary lines. An HTML fragment, every value escaped.
pub fn noscript_html(lang: Lang, scenario: &Scenario, summary: &Summary, image_src: &str) -> String {
    let lines = crate::text::summary_lines(lang, scenario, summary);
    let mut out = String::new();
    let _ = write!(
        out,
        "<figure class=\"prerendered\"><img src=\"{}\" width=\"960\" height=\"560\" alt=\"{}\">\
         <figcaption>{}</figcaption></figure><ul class=\"prerendered-summary\">",
        html_escape(image_src),
        html_escape(&crate::text::title(lang, scenario)),
        html_escape(&crate::text::narration(lang, scenario, summary)),
    );
    for line in lines.iter().skip(1) {
        let _ = write!(out, "<li>{}</li>", html_escape(line));
    }
    out.push_str("</ul>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{schedule, summarize};
    use crate::presets::Preset;
    use expect_test::expect;

    /// The notes cite the intro's figures first on every page; the CLI's list (no intro) does not
    /// take them on.
    #[test]
    fn the_notes_cite_the_intros_figures_first_whatever_the_scenario() {
        for q in ["", "preset=japan&limit=50", "country=eu&total=1000"] {
            let s = Scenario::parse(q).unwrap();
            let sum = summarize(&s, &schedule(&s));
            let notes = notes_html(Lang::En, &s, &sum);
            let keys: Vec<&str> = notes
                .split("<span class=\"key\"> (")
                .skip(1)
                .filter_map(|rest| rest.split(')').next())
                .collect();
            let intro: Vec<&str> = INTRO_FACTS.iter().map(|f| f.key).collect();
            assert_eq!(keys[..3], intro[..], "{q}");
            assert_eq!(notes.matches("(kr_pledge_total_usd_bn)").count(), 1, "{q}: cited once");
        }
        let s = Scenario::parse("preset=japan&limit=50").unwrap();
        let sum = summarize(&s, &schedule(&s));
        assert!(cited_facts(&s, &sum).iter().all(|f| f.key != crate::facts::KR_TARIFF_AGREED.key));
    }

    /// The Bank of Korea's limit is cited while the chart's limit is its figure, not after the
    /// reader has set another.
    #[test]
    fn the_bank_of_koreas_limit_is_cited_only_while_it_is_the_limit() {
        let cites_bok = |q: &str| {
            let s = Scenario::parse(q).unwrap();
            let sum = summarize(&s, &schedule(&s));
            cited_facts(&s, &sum).iter().any(|f| f.key == crate::facts::KR_BOK_FX_CAPACITY.key)
        };
        assert!(cites_bok("") && cites_bok("preset=japan") && cites_bok("country=eu"));
        assert!(
            !cites_bok("limit=50")
                && !cites_bok("country=jp&limit=50")
                && !cites_bok("preset=japan&limit=100")
        );
    }

    #[test]
    fn the_embed_code_escapes_the_link_and_has_no_inline_script() {
        let code =
            embed_code("https://x.test/p/?upfront=20&embed=1", "https://x.test/p/assets/embed.js", "A \"t\"");
        assert_eq!(
            code,
            "<iframe src=\"https://x.test/p/?upfront=20&amp;embed=1\" title=\"A &quot;t&quot;\" width=\"100%\" \
             height=\"760\" frameborder=\"0\" loading=\"lazy\" data-pledge-explorer></iframe>\n\
             <script src=\"https://x.test/p/assets/embed.js\" defer></script>"
        );
    }

    #[test]
    fn a_small_breach_in_the_data_table_is_not_written_as_zero() {
        let s = Scenario::parse("limit=34.9999").unwrap();
        let (en, ko) = (table_html(Lang::En, &schedule(&s)), table_html(Lang::Ko, &schedule(&s)));
        assert!(!en.contains("<td>-0</td>") && en.contains("<td>-0.0001</td></tr>"), "{en}");
        assert!(ko.contains("<td>-0.001</td></tr>"), "{ko}");
        // Float noise far under what the prose writes stays 0, not "0.000000".
        let noise = table_html(Lang::En, &schedule(&Preset::KrDeal.scenario()));
        assert!(!noise.contains("0.00"), "{noise}");
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))] // roxmltree is a native dev-dependency
    fn the_data_table_has_a_head_and_a_row_of_eleven_cells_per_year_marking_the_years_above() {
        let s = Preset::UsDemand.scenario();
        let sched = schedule(&s);
        for lang in [Lang::En, Lang::Ko] {
            let html = table_html(lang, &sched);
            let doc = roxmltree::Document::parse(&html).unwrap();
            let table = doc.root_element();
            assert_eq!(table.tag_name().name(), "table");
            let kids: Vec<_> = table.children().map(|n| n.tag_name().name()).collect();
            assert_eq!(kids, ["caption", "thead", "tbody"]);
            let rows: Vec<_> = table.descendants().filter(|n| n.has_tag_name("tr")).collect();
            assert_eq!(rows.len(), 1 + sched.rows.len());
            for (tr, row) in rows.iter().skip(1).zip(&sched.rows) {
                let cells: Vec<_> = tr.children().collect();
                assert_eq!(cells.len(), 11);
                let head = cells[0].text().unwrap_or_default();
                assert!(head.starts_with(&row.year.to_string()), "{head}");
                assert_eq!(tr.has_attribute("data-breach"), row.breach);
                assert_eq!(head.contains("limit") || head.contains("초과"), row.breach, "{head}");
            }
            // Each cell is rounded on its own, so the caption says the parts need not add up.
            let caption = table.first_element_child().and_then(|c| c.text()).unwrap_or_default();
            let rounded = if lang == Lang::Ko {
                "반올림하여 합이 맞지 않을 수 있음"
            } else {
                "rounded: parts may not add up"
            };
            assert!(caption.contains(rounded), "{caption}");
            // The first year is above: all $350 bn upfront, in dollars; $3,500억 in Korean.
            let first_usd = rows[1].children().nth(8).and_then(|c| c.text()).unwrap_or_default();
            assert_eq!(first_usd, if lang == Lang::Ko { "3,500" } else { "350" });
        }
        assert!(sched.rows.iter().any(|r| r.breach) && sched.rows.iter().any(|r| !r.breach));
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))] // roxmltree is a native dev-dependency
    fn the_notes_list_every_assumption_and_each_source_once_with_its_link_and_date() {
        for p in Preset::ALL {
            let s = p.scenario();
            let sum = summarize(&s, &schedule(&s));
            for lang in [Lang::En, Lang::Ko] {
                let html = notes_html(lang, &s, &sum);
                let doc = roxmltree::Document::parse(&html).unwrap();
                let list = |class: &str| -> Vec<roxmltree::Node<'_, '_>> {
                    doc.descendants()
                        .filter(|n| n.attribute("class") == Some(class))
                        .flat_map(|ul| ul.children().filter(|li| li.has_tag_name("li")))
                        .collect()
                };
                let text = |n: &roxmltree::Node<'_, '_>| {
                    n.descendants().filter(|d| d.is_text()).filter_map(|d| d.text()).collect::<String>()
                };
                let assumptions: Vec<String> = list("assumptions").iter().map(text).collect();
                assert_eq!(assumptions, crate::text::assumptions(lang, &s), "{p:?} {lang:?}");
                let sources = list("sources");
                let mut keys: Vec<String> = sources.iter().map(text).collect();
                let limit_key = format!("({})", crate::facts::KR_BOK_FX_CAPACITY.key);
                assert!(keys.iter().any(|k| k.ends_with(&limit_key)), "{keys:?}");
                for f in p.facts() {
                    let li = sources.iter().find(|li| text(li).ends_with(&format!("({})", f.key)));
                    let li = li.unwrap_or_else(|| panic!("{p:?} {lang:?}: no source line for {}", f.key));
                    assert!(text(li).contains(f.as_of), "{}", text(li));
                    let label = crate::text::fact_label(lang, f);
                    assert!(text(li).starts_with(&format!("{label}, ")), "{}", text(li));
                    if f.source.starts_with("http") {
                        let a = li.descendants().find(|n| n.has_tag_name("a")).unwrap();
                        assert_eq!(a.attribute("href"), Some(f.source));
                    }
                }
                let n = keys.len();
                keys.sort();
                keys.dedup();
                assert_eq!(keys.len(), n, "a source listed twice: {keys:?}");
                // The method names the economy's own currency.
                let method = doc.descendants().find(|n| n.attribute("class") == Some("method")).unwrap();
                let currency = crate::text::currency_name(lang, s.country);
                assert!(text(&method).contains(currency), "{p:?} {lang:?}: {}", text(&method));
            }
        }
    }

    #[test]
    fn the_context_cards_are_named_after_the_economy_they_measure_against() {
        let cards = |p: Preset, lang| {
            let s = p.scenario();
            context_cards_html(lang, &summarize(&s, &schedule(&s)))
        };
        let japan = cards(Preset::Japan, Lang::En);
        assert!(japan.contains("<dt>Pledge as a share of Japan's GDP</dt>"), "{japan}");
        assert!(japan.contains("<dt>…of Japan's FX reserves</dt>"), "{japan}");
        assert_eq!(japan.matches("<div class=\"figure\">").count(), 2);
        let eu = cards(Preset::Eu, Lang::En);
        assert!(eu.contains("<dt>Pledge as a share of the EU's GDP</dt>"), "{eu}");
        assert_eq!(eu.matches("<div class=\"figure\">").count(), 1, "no reserves figure for the EU: {eu}");
        assert!(cards(Preset::KrDeal, Lang::Ko).contains("<dt>한국 외환보유액 대비</dt>"));
    }

    #[test]
    fn a_figures_sources_are_links_with_dates_and_its_assumption_is_named() {
        let s = Preset::Japan.scenario();
        let sum = summarize(&s, &schedule(&s));
        let d = sum.context.gdp_share.as_ref().unwrap();
        let html = sources_html(Lang::En, d);
        assert!(html.starts_with("<span class=\"source\">Source: <a href=\"http"), "{html}");
        for f in &d.sources {
            assert!(html.contains(&format!("{}, {}</a>", html_escape(f.source_name), f.as_of)), "{html}");
        }
        if let Some(a) = d.assumption {
            assert!(html.contains(&format!("Assumption: {}.", html_escape(a.text))), "{html}");
        }
        assert!(sources_html(Lang::Ko, d).starts_with("<span class=\"source\">출처: "));
        // The pledge in yen rests on the assumed rate alone: no "Source:" before it.
        let yen = sum.context.local_equivalent.as_ref().unwrap();
        assert!(yen.sources.is_empty());
        for lang in [Lang::En, Lang::Ko] {
            let html = sources_html(lang, yen);
            assert!(html.starts_with("<span class=\"source\"><span class=\"assumption\">"), "{html}");
        }
    }

    /// A pledge in won of thousands of trillions is grouped as every other figure is.
    #[test]
    fn the_pledge_in_won_is_grouped_by_thousands() {
        let s = Scenario::parse("total=5000").unwrap();
        let sum = summarize(&s, &schedule(&s));
        let html = notes_html(Lang::En, &s, &sum);
        let v = crate::text::figure(sum.context.local_equivalent.as_ref().unwrap().value);
        assert!(v.contains(','), "{v}");
        assert!(html.contains(&format!("The pledge in won: {v} trillion won.")), "{html}");
        assert!(notes_html(Lang::Ko, &s, &sum).contains(&format!(": {v}조 원.")));
    }

    #[test]
    fn the_noscript_fragment_has_the_chart_the_finding_and_the_summary() {
        let s = Preset::UsDemand.scenario();
        let html = noscript_html(Lang::En, &s, &summarize(&s, &schedule(&s)), "prerender/us-demand.svg");
        assert!(html.starts_with("<figure class=\"prerendered\"><img src=\"prerender/us-demand.svg\""));
        assert!(html.contains("<figcaption>Korea would need $350 bn in dollars in 2026"), "{html}");
        assert!(html.contains("<li>Peak dollar outflow: $350 bn in 2026"), "{html}");
        assert!(!html.contains("<script"));
    }

    #[test]
    fn csv_snapshot_of_the_kr_deal() {
        let s = Preset::KrDeal.scenario();
        let csv = csv(&schedule(&Scenario { years: 3, ..s }));
        expect![[r#"
            year,upfront,direct,loans,corporate,guarantees_issued,guarantees_called,state_cash,usd_cash,fx_limit,headroom,breach
            2026,0,66.666667,0,25,25,0,66.666667,66.666667,20,-46.666667,true
            2027,0,66.666667,0,25,25,0,66.666667,66.666667,20,-46.666667,true
            2028,0,66.666667,0,25,25,0,66.666667,66.666667,20,-46.666667,true
        "#]]
        .assert_eq(&csv);
    }

    #[test]
    fn table_snapshot_of_the_default_with_some_won_and_guarantees() {
        let s = Scenario {
            years: 4,
            upfront: 10.0,
            guarantees: 20.0,
            calls: 50.0,
            krw: 30.0,
            ..Scenario::default()
        };
        let sched = schedule(&s);
        let sum = summarize(&s, &sched);
        expect![[r#"
            $350 bn pledge over 4 years: 10% upfront, 20% guarantees, 0% loans, 0% company, 30% in won
            USD bn per year, rounded (parts may not add up); 'guar.' are guarantees given (contingent), 'called' those paid.

             year  upfront   direct    loans  company    guar.   called    state   in USD   limit  headroom
             2026     35.0     61.2      0.0      0.0     17.5      8.8    105.0     73.5    20.0     -53.5 ABOVE
             2027      0.0     61.2      0.0      0.0     17.5      8.8     70.0     49.0    20.0     -29.0 ABOVE
             2028      0.0     61.2      0.0      0.0     17.5      8.8     70.0     49.0    20.0     -29.0 ABOVE
             2029      0.0     61.2      0.0      0.0     17.5      8.8     70.0     49.0    20.0     -29.0 ABOVE
            total     35.0    245.0      0.0      0.0     70.0     35.0    315.0    220.5

            Korea would need $73.5 bn in dollars in 2026, 3.7 times what the Bank of Korea says it can supply a year. 4 of 4 years are above the limit.
            Peak dollar outflow: $73.5 bn in 2026 (3.7 times the $20 bn limit)
            Years above the limit: 4 of 4 ($140.5 bn above it in all)
            State cash: $315 bn, of which $220.5 bn in dollars; at $20 bn a year the dollars take 11 years
            Guarantees: $70 bn given, $35 bn called; contingent exposure $35 bn. Company investment: $0 bn
            The pledge is 18.7% of Korea's GDP (from $1,870 bn, 2025: The Hans India (Bank of Korea data))
            The pledge is 81.6% of Korea's FX reserves (from $428.82 bn, 2025-10-31: Korea JoongAng Daily)
            In won: 497.8 tn won (from 1,422.16 KRW per USD, 2025: KBS World)
            To keep every year within the limit, one lever at a time: no upfront share works; no timeline up to 30 years is long enough; at least 81% paid in won
            Assumption: a called guarantee is paid in the same year it is issued (the worst timing for that year's dollar limit)
            Assumption: companies invest their own money: it counts toward the pledge but not against the state's dollar limit
            Assumption: state cash paid in the country's own currency does not count against the dollar limit
            Source: Bank of Korea's dollar limit, $20 bn a year: Bank of Korea via POLITICO, 2025-10-29
            Source: Korea's pledge, $350 bn: White House joint fact sheet, 2025-11-13 <https://www.whitehouse.gov/fact-sheets/2025/11/joint-fact-sheet-on-president-donald-j-trumps-meeting-with-president-lee-jae-myung/>
            Source: Korea's GDP, $1,870 bn: The Hans India (Bank of Korea data), 2025 <https://www.thehansindia.com/business/s-koreas-per-capita-income-edges-up-to-stay-in-36000-range-1055194>
            Source: Korea's FX reserves, $428.82 bn: Korea JoongAng Daily, 2025-10-31 <https://koreajoongangdaily.joins.com/news/2025-11-05/business/finance/Koreas-foreign-reserves-rise-to-nearly-3yr-high-in-October/2436927>
            Source: Won per dollar, 1,422.16 KRW per USD: KBS World, 2025 <http://world.kbs.co.kr/service/news_view.htm?Seq_Code=198497&lang=e>
        "#]]
        .assert_eq(&table(Lang::En, &s, &sched, &sum));
    }

    #[test]
    fn the_table_ends_with_every_figure_it_rests_on_and_its_source() {
        let mut scenarios: Vec<Scenario> = crate::presets::Preset::ALL.iter().map(|p| p.scenario()).collect();
        scenarios.push(Scenario::default());
        for s in scenarios {
            let sum = summarize(&s, &schedule(&s));
            for lang in [Lang::En, Lang::Ko] {
                let text = table(lang, &s, &schedule(&s), &sum);
                let word = if lang == Lang::Ko { "출처: " } else { "Source: " };
                let lines: Vec<&str> = text.lines().filter(|l| l.starts_with(word)).collect();
                let facts = cited_facts(&s, &sum);
                assert_eq!(lines.len(), facts.len(), "{lines:?}");
                for (line, f) in lines.iter().zip(&facts) {
                    assert!(line.contains(&format!(": {}, {}", f.source_name, f.as_of)), "{line}");
                    assert_eq!(
                        line.ends_with(&format!(" <{}>", f.source)),
                        f.source.starts_with("http"),
                        "{line}"
                    );
                }
            }
        }
        let own = Scenario::parse("total=400").unwrap();
        let text = table(Lang::En, &own, &schedule(&own), &summarize(&own, &schedule(&own)));
        assert!(!text.contains("Korea's pledge"), "a total of the reader's own cites no pledge:\n{text}");
    }

    #[test]
    fn json_has_scenario_rows_and_summary_with_the_row_fields() {
        let s = Scenario::default();
        let sched = schedule(&s);
        let sum = summarize(&s, &sched);
        let text = json(&Report { scenario: &s, rows: &sched, summary: &sum }).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["scenario"]["upfront"], 0.0);
        assert_eq!(value["rows"].as_array().unwrap().len(), 10);
        // The first row's fields appear in the column order (serde_json's Value sorts keys, so
        // read the order from the text).
        let first_row = &text[text.find("\"rows\"").unwrap()..];
        let positions: Vec<usize> =
            Row::COLUMNS.iter().map(|c| first_row.find(&format!("\"{c}\":")).unwrap()).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
        assert_eq!(value["summary"]["solvers"]["max_upfront"], serde_json::Value::Null);
    }
}
