//! Beside the chart: the finding in words, the key figures with their sources, the data table
//! and the notes (assumptions and sources).

use std::rc::Rc;

use yew::prelude::*;

use crate::facts::Fact;
use crate::model::{Derived, Schedule, Summary as ModelSummary};
use crate::scenario::Scenario;
use crate::text::{self, pct, tr, usd_bn};
use crate::view::Lang;

/// What the summary and the notes show.
pub struct SummaryProps {
    /// The scenario.
    pub scenario: Scenario,
    /// Its summary.
    pub summary: Rc<ModelSummary>,
    /// The language.
    pub lang: Lang,
    /// The pinned baseline's summary, to compare with.
    pub baseline: Option<Rc<(Scenario, ModelSummary)>>,
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
pub fn summary_view(props: &SummaryProps) -> Html {
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
        (None, true) => "한도 0".to_owned(),
    };
    let fits = if sum.breach_years > 0 { "breach" } else { "ok" };
    let vs_base = props.baseline.as_ref().map(|pair| {
        let (base, b) = &**pair;
        let diff = sum.peak_usd_cash - b.peak_usd_cash;
        let sign = if diff > 0.05 { "+" } else { "" };
        let peak = if ko {
            format!("기준선 {} ({sign}{})", usd_bn(lang, b.peak_usd_cash), usd_bn(lang, diff))
        } else {
            format!("baseline {} ({sign}{})", usd_bn(lang, b.peak_usd_cash), usd_bn(lang, diff))
        };
        let years = if ko {
            format!("기준선 {}년 중 {}년", base.years, b.breach_years)
        } else {
            format!("baseline {} of {}", b.breach_years, base.years)
        };
        (peak, years)
    });
    let (base_peak, base_years) = vs_base.unzip();
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
                        <span class="sub">{ peak_vs }</span>
                        if let Some(b) = base_peak { <span class="sub baseline-diff" id="peak-vs-base">{ b }</span> }</dd>
                </div>
                <div class="figure" data-fits={fits}>
                    <dt>{ tr(lang, "Years above the FX limit", "외환 한도를 넘는 해") }</dt>
                    <dd><strong id="breach-years">{ if ko {
                            format!("{}년 중 {}년", s.years, sum.breach_years)
                        } else {
                            format!("{} of {}", sum.breach_years, s.years)
                        } }</strong>
                        <span class="sub">{ above }</span>
                        if let Some(b) = base_years { <span class="sub baseline-diff" id="breach-vs-base">{ b }</span> }
                    </dd>
                </div>
                if let Some(d) = &ctx.gdp_share {
                    <div class="figure">
                        <dt>{ if ko { format!("{who} GDP 대비 약정액") } else { format!("Pledge as a share of {who}'s GDP") } }</dt>
                        <dd><strong>{ format!("{}%", text::figure(d.value)) }</strong>{ sources_of(lang, d) }</dd>
                    </div>
                }
                if let Some(d) = &ctx.reserves_share {
                    <div class="figure">
                        <dt>{ if ko { format!("{who} 외환보유액 대비") } else { format!("…of {who}'s FX reserves") } }</dt>
                        <dd><strong>{ format!("{}%", text::figure(d.value)) }</strong>{ sources_of(lang, d) }</dd>
                    </div>
                }
            </dl>
        </div>
    }
}

/// The schedule as a table with proper headers: every number the chart draws.
pub fn data_table(schedule: &Schedule, lang: Lang) -> Html {
    let table = Html::from_html_unchecked(crate::export::table_html(lang, schedule).into());
    html! {
        <details class="data-table">
            <summary>{ tr(lang, "Data table: the yearly schedule", "데이터 표: 연도별 일정") }</summary>
            <div class="table-scroll" tabindex="0" role="region" aria-label={tr(lang, "Yearly schedule, scrolls sideways", "연도별 일정, 옆으로 스크롤")}>
                { table }
            </div>
        </details>
    }
}

/// Assumptions, sources, and the "what would it take" answers.
pub fn notes(props: &SummaryProps) -> Html {
    let s = &props.scenario;
    let sum = &props.summary;
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
    html! {
        <div class="notes">
            <h2>{ tr(lang, "How the model works", "모델은 이렇게 계산합니다") }</h2>
            <p class="method">{ method }</p>
            <ul class="method-figures">{ for local }</ul>
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
