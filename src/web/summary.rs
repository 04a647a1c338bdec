//! Beside the chart: the finding in words, the key figures with their sources, the data table
//! and the notes (assumptions and sources).

use std::rc::Rc;

use yew::prelude::*;

use crate::facts::Fact;
use crate::model::{Derived, Schedule, Summary as ModelSummary};
use crate::scenario::Scenario;
use crate::text::{self, pct, usd_bn};

/// Props shared by the summary and the notes.
#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    /// The scenario.
    pub scenario: Scenario,
    /// Its summary.
    pub summary: Rc<ModelSummary>,
}

fn source_link(f: &Fact) -> Html {
    let text = format!("{}, {}", f.source_name, f.as_of);
    if f.source.starts_with("http") {
        html! { <a href={f.source} rel="noopener" target="_blank">{ text }</a> }
    } else {
        html! { <span>{ text }</span> }
    }
}

fn sources_of(d: &Derived) -> Html {
    html! {
        <span class="source">
            { "Source: " }
            { for d.sources.iter().map(source_link) }
            if let Some(a) = d.assumption {
                <span class="assumption">{ format!(" Assumption: {a}.") }</span>
            }
        </span>
    }
}

/// The finding in one sentence and the key figures.
#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let s = &props.scenario;
    let sum = &props.summary;
    let who = text::country_name(s.country);
    let ctx = &sum.context;
    let peak_vs = sum
        .peak_times_limit
        .map_or_else(|| "against a limit of zero".to_owned(), |r| format!("{} the limit", text::times(r)));
    let breach_class = if sum.breach_years > 0 { "figure breach" } else { "figure ok" };
    html! {
        <div class="summary">
            <p class="narration" id="narration">{ text::narration(s, sum) }</p>
            <dl class="figures">
                <div class="figure">
                    <dt>{ "Peak dollar outflow" }</dt>
                    <dd><strong id="peak">{ usd_bn(sum.peak_usd_cash) }</strong>{ format!(" in {}", sum.peak_year) }
                        <span class="sub">{ peak_vs }</span></dd>
                </div>
                <div class={breach_class}>
                    <dt>{ "Years above the FX limit" }</dt>
                    <dd><strong id="breach-years">{ format!("{} of {}", sum.breach_years, s.years) }</strong>
                        <span class="sub">{ if sum.breach_years > 0 {
                            format!("{} above it in all", usd_bn(sum.above_limit_total))
                        } else {
                            "none above it".to_owned()
                        } }</span>
                    </dd>
                </div>
                if let Some(d) = &ctx.gdp_share {
                    <div class="figure">
                        <dt>{ format!("Pledge as a share of {who}'s GDP") }</dt>
                        <dd><strong>{ format!("{}%", pct(d.value)) }</strong>{ sources_of(d) }</dd>
                    </div>
                }
                if let Some(d) = &ctx.reserves_share {
                    <div class="figure">
                        <dt>{ format!("…of {who}'s FX reserves") }</dt>
                        <dd><strong>{ format!("{}%", pct(d.value)) }</strong>{ sources_of(d) }</dd>
                    </div>
                }
            </dl>
        </div>
    }
}

/// Props of [`DataTable`].
#[derive(Properties, PartialEq)]
pub struct TableProps {
    /// The schedule to list.
    pub schedule: Rc<Schedule>,
}

/// The schedule as a table with proper headers: every number the chart draws.
#[component]
pub fn DataTable(props: &TableProps) -> Html {
    let cell = |x: f64| html! { <td>{ pct(x) }</td> };
    html! {
        <details class="data-table">
            <summary>{ "Data table: the yearly schedule" }</summary>
            <div class="table-scroll">
                <table>
                    <caption>{ "Payments per year, USD bn. Guarantees given are contingent; only called ones are paid." }</caption>
                    <thead><tr>
                        <th scope="col">{ "Year" }</th><th scope="col">{ "Upfront" }</th><th scope="col">{ "Direct" }</th>
                        <th scope="col">{ "Loans" }</th><th scope="col">{ "Company" }</th>
                        <th scope="col">{ "Guarantees given" }</th><th scope="col">{ "Guarantees called" }</th>
                        <th scope="col">{ "State cash" }</th><th scope="col">{ "In dollars" }</th>
                        <th scope="col">{ "FX limit" }</th><th scope="col">{ "Headroom" }</th>
                    </tr></thead>
                    <tbody>
                    { for props.schedule.rows.iter().map(|r| html! {
                        <tr class={if r.breach { "breach" } else { "" }}>
                            <th scope="row">{ r.year }{ if r.breach { " (above limit)" } else { "" } }</th>
                            { cell(r.upfront) }{ cell(r.direct) }{ cell(r.loans) }{ cell(r.corporate) }
                            { cell(r.guarantees_issued) }{ cell(r.guarantees_called) }{ cell(r.state_cash) }
                            { cell(r.usd_cash) }{ cell(r.fx_limit) }{ cell(r.headroom) }
                        </tr>
                    }) }
                    </tbody>
                </table>
            </div>
        </details>
    }
}

/// Assumptions, sources, and the "what would it take" answers.
#[component]
pub fn Notes(props: &SummaryProps) -> Html {
    let s = &props.scenario;
    let sum = &props.summary;
    let sv = &sum.solvers;
    let mut facts: Vec<Fact> = vec![crate::facts::KR_BOK_FX_CAPACITY];
    if let Some(p) = s.preset {
        facts.extend(p.facts().iter().copied());
    }
    for d in [&sum.context.gdp_share, &sum.context.reserves_share, &sum.context.local_equivalent]
        .into_iter()
        .flatten()
    {
        facts.extend(d.sources.iter().copied());
    }
    let mut seen = Vec::new();
    facts.retain(|f| {
        if seen.contains(&f.key) {
            false
        } else {
            seen.push(f.key);
            true
        }
    });
    let currency = text::currency_name(s.country);
    let local = sum.context.local_equivalent.as_ref().map(|d| {
        let currency = text::currency_name(s.country);
        html! { <li>{ format!("The pledge in {currency}: {} trillion {currency}. ", pct(d.value)) }{ sources_of(d) }</li> }
    });
    html! {
        <div class="notes">
            <h2>{ "What would keep every year under the limit?" }</h2>
            <ul class="solvers">
                <li>{ sv.max_upfront.map_or("No upfront share does, with the other settings as they are.".to_owned(),
                    |x| format!("An upfront share of at most {}%.", pct(x))) }</li>
                <li>{ sv.min_years.map_or("No timeline up to 30 years does.".to_owned(),
                    |y| format!("A timeline of at least {y} years.")) }</li>
                <li>{ sv.min_krw.map_or(format!("No share paid in {currency} does."),
                    |x| format!("Paying at least {}% of state cash in {currency}.", pct(x))) }</li>
                { for local }
            </ul>
            <h2>{ "Assumptions" }</h2>
            <ul class="assumptions">
                { for text::assumptions(s).into_iter().map(|a| html! { <li>{ a }</li> }) }
            </ul>
            <h2>{ "Sources" }</h2>
            <ul class="sources">
                { for facts.iter().map(|f| html! {
                    <li>{ format!("{} {}: ", f.value, f.unit) }{ source_link(f) }<span class="key">{ format!(" ({})", f.key) }</span></li>
                }) }
            </ul>
        </div>
    }
}
