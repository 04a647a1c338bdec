//! Beside the chart: the finding in words, the key figures with their sources, the data table
//! and the notes (assumptions and sources).

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Schedule, Summary as ModelSummary};
use crate::scenario::Scenario;
use crate::text::{self, tr, usd_bn};
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

/// The finding in one sentence and the key figures.
pub fn summary_view(props: &SummaryProps) -> Html {
    let s = &props.scenario;
    let sum = &props.summary;
    let lang = props.lang;
    let ko = lang == Lang::Ko;
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
                        { text::peak_when(lang, sum).map(|w| format!(" {w}")).unwrap_or_default() }
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
                { Html::from_html_unchecked(crate::export::context_cards_html(lang, sum).into()) }
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

/// How the model works, the assumptions and the sources.
pub fn notes(props: &SummaryProps) -> Html {
    Html::from_html_unchecked(crate::export::notes_html(props.lang, &props.scenario, &props.summary).into())
}
