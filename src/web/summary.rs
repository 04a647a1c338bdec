//! Beside the chart: the finding in words, the key figures with their sources, the data table
//! and the notes (assumptions and sources).

use std::rc::Rc;

use yew::prelude::*;

use crate::facts::Fact;
use crate::model::{Derived, Schedule, Summary as ModelSummary};
use crate::scenario::Scenario;
use crate::text::{self, pct, tr, usd_bn};
use crate::view::Lang;

/// Props shared by the summary and the notes.
#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    /// The scenario.
    pub scenario: Scenario,
    /// Its summary.
    pub summary: Rc<ModelSummary>,
    /// The language.
    pub lang: Lang,
}

fn source_link(f: &Fact) -> Html {
    let text = format!("{}, {}", f.source_name, f.as_of);
    if f.source.starts_with("http") {
        html! { <a href={f.source} rel="noopener" target="_blank">{ text }</a> }
    } else {
        html! { <span>{ text }</span> }
    }
}

fn sources_of(lang: Lang, d: &Derived) -> Html {
    html! {
        <span class="source">
            { tr(lang, "Source: ", "출처: ") }
            { for d.sources.iter().map(source_link) }
            if let Some(a) = d.assumption {
                <span class="assumption">{ format!(" {}: {}.", tr(lang, "Assumption", "가정"), tr(lang, a.text, a.ko)) }</span>
            }
        </span>
    }
}

/// The finding in one sentence and the key figures.
#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let s = &props.scenario;
    let sum = &props.summary;
    let lang = props.lang;
    let ko = lang == Lang::Ko;
    let who = text::country_name(lang, s.country);
    let ctx = &sum.context;
    let peak_vs = match (sum.peak_times_limit, ko) {
        (Some(r), false) => format!("{} the limit", text::times(lang, r)),
        (Some(r), true) => format!("한도의 {}", text::times(lang, r)),
        (None, false) => "against a limit of zero".to_owned(),
        (None, true) => "한도 0에 대해".to_owned(),
    };
    let breach_class = if sum.breach_years > 0 { "figure breach" } else { "figure ok" };
    let above = match (sum.breach_years > 0, ko) {
        (true, false) => format!("{} above it in all", usd_bn(lang, sum.above_limit_total)),
        (true, true) => format!("초과분 합계 {}", usd_bn(lang, sum.above_limit_total)),
        (false, _) => tr(lang, "none above it", "초과 없음").to_owned(),
    };
    html! {
        <div class="summary">
            <p class="narration" id="narration">{ text::narration(lang, s, sum) }</p>
            <dl class="figures">
                <div class="figure">
                    <dt>{ tr(lang, "Peak dollar outflow", "최대 달러 유출") }</dt>
                    <dd><strong id="peak">{ usd_bn(lang, sum.peak_usd_cash) }</strong>
                        { if ko { format!(" {}년", sum.peak_year) } else { format!(" in {}", sum.peak_year) } }
                        <span class="sub">{ peak_vs }</span></dd>
                </div>
                <div class={breach_class}>
                    <dt>{ tr(lang, "Years above the FX limit", "외환 한도를 넘는 해") }</dt>
                    <dd><strong id="breach-years">{ if ko {
                            format!("{}년 중 {}년", s.years, sum.breach_years)
                        } else {
                            format!("{} of {}", sum.breach_years, s.years)
                        } }</strong>
                        <span class="sub">{ above }</span>
                    </dd>
                </div>
                if let Some(d) = &ctx.gdp_share {
                    <div class="figure">
                        <dt>{ if ko { format!("{who} GDP 대비 약정액") } else { format!("Pledge as a share of {who}'s GDP") } }</dt>
                        <dd><strong>{ format!("{}%", pct(d.value)) }</strong>{ sources_of(lang, d) }</dd>
                    </div>
                }
                if let Some(d) = &ctx.reserves_share {
                    <div class="figure">
                        <dt>{ if ko { format!("{who} 외환보유액 대비") } else { format!("…of {who}'s FX reserves") } }</dt>
                        <dd><strong>{ format!("{}%", pct(d.value)) }</strong>{ sources_of(lang, d) }</dd>
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
    /// The language.
    pub lang: Lang,
}

/// The schedule as a table with proper headers: every number the chart draws.
#[component]
pub fn DataTable(props: &TableProps) -> Html {
    let lang = props.lang;
    let cell = |x: f64| html! { <td>{ pct(x) }</td> };
    let headers = [
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
    ];
    let above = tr(lang, " (above limit)", " (한도 초과)");
    html! {
        <details class="data-table">
            <summary>{ tr(lang, "Data table: the yearly schedule", "데이터 표: 연도별 일정") }</summary>
            <div class="table-scroll" tabindex="0" role="region" aria-label={tr(lang, "Yearly schedule, scrolls sideways", "연도별 일정, 옆으로 스크롤")}>
                <table>
                    <caption>{ tr(lang, "Payments per year, USD bn. Guarantees given are contingent; only called ones are paid.",
                        "연도별 지급액, 10억 달러 단위. 제공한 보증은 우발 채무이며 청구된 것만 지급합니다.") }</caption>
                    <thead><tr>
                        { for headers.iter().map(|(en, ko)| html! { <th scope="col">{ tr(lang, en, ko) }</th> }) }
                    </tr></thead>
                    <tbody>
                    { for props.schedule.rows.iter().map(|r| html! {
                        <tr class={if r.breach { "breach" } else { "" }}>
                            <th scope="row">{ r.year }{ if r.breach { above } else { "" } }</th>
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
    let lang = props.lang;
    let ko = lang == Lang::Ko;
    let currency = text::currency_name(lang, s.country);
    let local = sum.context.local_equivalent.as_ref().map(|d| {
        let amount = if ko {
            format!("{currency}화로 본 약정액: {}조 {currency}. ", pct(d.value))
        } else {
            format!("The pledge in {currency}: {} trillion {currency}. ", pct(d.value))
        };
        html! { <li>{ amount }{ sources_of(lang, d) }</li> }
    });
    let upfront = match (sv.max_upfront, ko) {
        (Some(x), false) => format!("An upfront share of at most {}%.", pct(x)),
        (Some(x), true) => format!("선불 비중을 최대 {}%로.", pct(x)),
        (None, _) => tr(
            lang,
            "No upfront share does, with the other settings as they are.",
            "다른 설정이 지금 그대로라면 어떤 선불 비중으로도 안 됩니다.",
        )
        .to_owned(),
    };
    let years = match (sv.min_years, ko) {
        (Some(y), false) => format!("A timeline of at least {y} years."),
        (Some(y), true) => format!("기간을 최소 {y}년으로."),
        (None, _) => {
            tr(lang, "No timeline up to 30 years does.", "30년 이내의 어떤 기간으로도 안 됩니다.").to_owned()
        }
    };
    let krw = match (sv.min_krw, ko) {
        (Some(x), false) => format!("Paying at least {}% of state cash in {currency}.", pct(x)),
        (Some(x), true) => format!("국가 현금의 최소 {}%를 {currency}화로 지급.", pct(x)),
        (None, false) => format!("No share paid in {currency} does."),
        (None, true) => format!("{currency}화 지급 비중만으로는 안 됩니다."),
    };
    html! {
        <div class="notes">
            <h2>{ tr(lang, "What would keep every year under the limit?", "어떻게 하면 모든 해가 한도 안에 들까?") }</h2>
            <ul class="solvers">
                <li>{ upfront }</li>
                <li>{ years }</li>
                <li>{ krw }</li>
                { for local }
            </ul>
            <h2>{ tr(lang, "Assumptions", "가정") }</h2>
            <ul class="assumptions">
                { for text::assumptions(lang, s).into_iter().map(|a| html! { <li>{ a }</li> }) }
            </ul>
            <h2>{ tr(lang, "Sources", "출처") }</h2>
            <ul class="sources">
                { for facts.iter().map(|f| html! {
                    <li>{ format!("{}: ", text::fact_value(lang, f)) }{ source_link(f) }<span class="key">{ format!(" ({})", f.key) }</span></li>
                }) }
            </ul>
        </div>
    }
}
