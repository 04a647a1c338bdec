//! Words and number formats the chart, the table and the page share: the scenario title, the
//! summary lines and the one-sentence narration.

use crate::facts;
use crate::model::Summary;
use crate::scenario::{Country, Scenario};

/// A share in percent, one decimal, trailing `.0` dropped: `21.4`, `20`.
pub fn pct(x: f64) -> String {
    let text = format!("{x:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_owned)
}

/// Money in USD bn for prose: `$350 bn`, `$66.7 bn`, `$0.4 bn`.
pub fn usd_bn(x: f64) -> String {
    let x = if x.abs() < 0.05 { 0.0 } else { x };
    format!("${} bn", pct(x))
}

/// A ratio for prose: `17.5 times`.
pub fn times(x: f64) -> String {
    format!("{} times", pct(x))
}

/// The economy's name in a sentence.
pub fn country_name(c: Country) -> &'static str {
    match c {
        Country::Kr => "Korea",
        Country::Jp => "Japan",
        Country::Eu => "the EU",
    }
}

/// The country's own currency, in a sentence.
pub fn currency_name(c: Country) -> &'static str {
    match c {
        Country::Kr => "won",
        Country::Jp => "yen",
        Country::Eu => "euros",
    }
}

/// Whose limit the FX line is: the Bank of Korea's when it is its figure for Korea.
pub fn limit_is_bok(s: &Scenario) -> bool {
    s.limit == facts::KR_BOK_FX_CAPACITY.value
}

/// A count of years as written: `1 year`, `10 years`, `17.5 years`.
fn years(count: &str) -> String {
    if count == "1" {
        "1 year".to_owned()
    } else {
        format!("{count} years")
    }
}

/// The chart and table title: the scenario in one line.
pub fn title(s: &Scenario) -> String {
    let preset = s.preset.map(|p| format!("{} · ", p.title())).unwrap_or_default();
    format!(
        "{preset}{} pledge over {}: {}% upfront, {}% guarantees, {}% loans, {}% company, {}% in own currency",
        usd_bn(s.total),
        years(&s.years.to_string()),
        pct(s.upfront),
        pct(s.guarantees),
        pct(s.loans),
        pct(s.corporate),
        pct(s.krw),
    )
}

/// The label of the FX-limit line.
pub fn limit_label(s: &Scenario) -> String {
    if limit_is_bok(s) {
        format!("FX limit {} a year (Bank of Korea, {})", usd_bn(s.limit), facts::KR_BOK_FX_CAPACITY.as_of)
    } else {
        format!("FX limit {} a year (your setting)", usd_bn(s.limit))
    }
}

/// One plain-language sentence that states the key finding.
pub fn narration(s: &Scenario, sum: &Summary) -> String {
    let who = country_name(s.country);
    let capitalised = capitalise(who);
    if sum.state_cash_total <= 1e-9 {
        return format!(
            "No state cash: companies invest their own money, so nothing presses on {who}'s dollar reserves."
        );
    }
    let limit_words = if limit_is_bok(s) && s.country == Country::Kr {
        "what the Bank of Korea says it can supply a year".to_owned()
    } else {
        format!("the FX limit of {} a year", usd_bn(s.limit))
    };
    if sum.breach_years > 0 {
        let years = if s.years > 1 {
            format!(" {} of {} years are above the limit.", sum.breach_years, s.years)
        } else {
            String::new()
        };
        let against = match sum.peak_times_limit {
            Some(r) => format!("{} {limit_words}", times(r)),
            None => "against an FX limit of zero".to_owned(),
        };
        format!(
            "{capitalised} would need {} in dollars in {}, {against}.{years}",
            usd_bn(sum.peak_usd_cash),
            sum.peak_year,
        )
    } else {
        format!(
            "{capitalised} would pay at most {} in dollars in any year (in {}), within {limit_words}.",
            usd_bn(sum.peak_usd_cash),
            sum.peak_year,
        )
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    // Names here are ASCII; ASCII case keeps Unicode case tables out of the wasm bundle.
    chars.next().map_or_else(String::new, |c| std::iter::once(c.to_ascii_uppercase()).chain(chars).collect())
}

/// The summary as labelled lines (for the CLI table and the page's summary).
pub fn summary_lines(s: &Scenario, sum: &Summary) -> Vec<String> {
    let mut lines = vec![narration(s, sum)];
    let limit = usd_bn(s.limit);
    lines.push(format!(
        "Peak dollar outflow: {} in {}{}",
        usd_bn(sum.peak_usd_cash),
        sum.peak_year,
        sum.peak_times_limit.map(|r| format!(" ({} the {limit} limit)", times(r))).unwrap_or_default()
    ));
    lines.push(format!(
        "Years above the limit: {} of {}{}",
        sum.breach_years,
        s.years,
        if sum.breach_years > 0 {
            format!(" ({} above it in all)", usd_bn(sum.above_limit_total))
        } else {
            String::new()
        }
    ));
    lines.push(format!(
        "State cash: {}, of which {} in dollars; {}",
        usd_bn(sum.state_cash_total),
        usd_bn(sum.usd_cash_total),
        match sum.years_at_limit {
            Some(y) => format!("at {limit} a year the dollars take {}", years(&pct(y))),
            None => "with a limit of zero the dollars can never be paid".to_owned(),
        }
    ));
    lines.push(format!(
        "Guarantees: {} given, {} called; contingent exposure {}. Company investment: {}",
        usd_bn(sum.guarantees_issued_total),
        usd_bn(sum.guarantees_called_total),
        usd_bn(sum.contingent_exposure),
        usd_bn(sum.corporate_total),
    ));
    let ctx = &sum.context;
    let who = country_name(s.country);
    if let Some(d) = &ctx.gdp_share {
        lines.push(format!("The pledge is {}% of {who}'s GDP{}", pct(d.value), cite(d)));
    }
    if let Some(d) = &ctx.reserves_share {
        lines.push(format!("The pledge is {}% of {who}'s FX reserves{}", pct(d.value), cite(d)));
    }
    if let Some(d) = &ctx.local_equivalent {
        let currency = currency_name(s.country);
        lines.push(format!("In {currency}: {} tn {currency}{}", pct(d.value), cite(d)));
    }
    let sv = &sum.solvers;
    lines.push(format!(
        "To keep every year under the limit, other settings fixed: {}; {}; {}",
        sv.max_upfront
            .map_or("no upfront share works".to_owned(), |x| format!("upfront share at most {}%", pct(x))),
        sv.min_years.map_or("no timeline up to 30 years is long enough".to_owned(), |y| format!(
            "a timeline of at least {}",
            years(&y.to_string())
        )),
        sv.min_krw.map_or("no own-currency share is enough".to_owned(), |x| format!(
            "at least {}% paid in own currency",
            pct(x)
        )),
    ));
    for a in assumptions(s) {
        lines.push(format!("Assumption: {a}"));
    }
    lines
}

/// The assumptions behind a scenario: the model's own and the preset's.
pub fn assumptions(s: &Scenario) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = facts::MODEL_ASSUMPTIONS.iter().map(|a| a.text).collect();
    if let Some(p) = s.preset {
        out.extend(p.assumptions().iter().map(|a| a.text));
    }
    out
}

fn cite(d: &crate::model::Derived) -> String {
    let mut parts: Vec<String> =
        d.sources.iter().map(|f| format!("{} {}, {}: {}", f.value, f.unit, f.as_of, f.source_name)).collect();
    if let Some(a) = d.assumption {
        parts.push(format!("assumption: {a}"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" (from {})", parts.join("; "))
    }
}

/// The chart's source line.
pub fn source_line(s: &Scenario) -> String {
    let mut names: Vec<String> = Vec::new();
    if limit_is_bok(s) {
        names.push(format!("FX limit: Bank of Korea via POLITICO, {}", facts::KR_BOK_FX_CAPACITY.as_of));
    }
    if let Some(p) = s.preset {
        for f in p.facts().iter().filter(|f| f.key != facts::KR_BOK_FX_CAPACITY.key) {
            let entry = format!("{}, {}", f.source_name, f.as_of);
            if !names.contains(&entry) {
                names.push(entry);
            }
        }
    }
    let sources = if names.is_empty() { String::new() } else { format!("Sources: {}. ", names.join("; ")) };
    format!("{sources}Model: pledge-explorer; assumptions are labelled in the notes.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{schedule, summarize};
    use crate::presets::Preset;

    fn narrate(s: &Scenario) -> String {
        narration(s, &summarize(s, &schedule(s)))
    }

    #[test]
    fn narration_of_the_us_demand() {
        assert_eq!(
            narrate(&Preset::UsDemand.scenario()),
            "Korea would need $350 bn in dollars in 2026, 17.5 times what the Bank of Korea says it can supply a year. 1 of 10 years are above the limit."
        );
    }

    #[test]
    fn narration_within_the_limit_and_without_state_cash() {
        let deal = narrate(&Preset::KrDeal.scenario());
        assert!(deal.starts_with("Korea would pay at most $20 bn in dollars in any year"), "{deal}");
        assert!(narrate(&Preset::Eu.scenario()).starts_with("No state cash"));
    }

    #[test]
    fn one_year_is_singular() {
        let one = Scenario { years: 1, ..Scenario::default() };
        assert!(title(&one).starts_with("$350 bn pledge over 1 year: "), "{}", title(&one));
        let ten = Scenario::default();
        assert!(title(&ten).starts_with("$350 bn pledge over 10 years: "), "{}", title(&ten));
        assert_eq!(years("17.5"), "17.5 years");
    }

    #[test]
    fn number_formats() {
        assert_eq!(pct(21.428), "21.4");
        assert_eq!(pct(20.0), "20");
        assert_eq!(usd_bn(66.6667), "$66.7 bn");
        assert_eq!(usd_bn(-0.01), "$0 bn");
    }
}
