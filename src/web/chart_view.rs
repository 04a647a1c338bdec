//! The chart in the page: the core's plotters drawing as inline SVG, sized to its container.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::chart::{self, ChartStyle, Theme};
use crate::model::Schedule;
use crate::scenario::Scenario;
use crate::text::tr;
use crate::view::Lang;

/// Props of [`ChartView`].
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// The scenario drawn.
    pub scenario: Scenario,
    /// Its schedule.
    pub schedule: Rc<Schedule>,
    /// The finding in one sentence: the chart's accessible description.
    pub narration: String,
    /// What the chart shows and finds, for assistive technology.
    pub description: String,
    /// Draw with the dark theme.
    pub dark: bool,
    /// A pinned baseline's schedule, drawn beside the bars.
    #[prop_or_default]
    pub baseline: Option<Rc<Schedule>>,
    /// The language of its words.
    pub lang: Lang,
}

/// Height for a container width: taller on phones, where the legend wraps.
fn height_for(width: u32) -> u32 {
    if width < 520 {
        440
    } else {
        ((f64::from(width) * 0.56) as u32).clamp(400, 580)
    }
}

/// Watches an element's width with a `ResizeObserver`.
#[hook]
pub fn use_width(node: NodeRef) -> u32 {
    let width = use_state(|| 0u32);
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            let element = node.cast::<web_sys::Element>();
            let measure = {
                let width = width.clone();
                move |el: &web_sys::Element| {
                    let w = el.client_width().max(0) as u32;
                    if w != *width {
                        width.set(w);
                    }
                }
            };
            let mut observer = None;
            if let Some(el) = element {
                measure(&el);
                let target = el.clone();
                let callback = Closure::<dyn FnMut()>::new(move || measure(&target));
                if let Ok(obs) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
                    obs.observe(&el);
                    observer = Some((obs, callback));
                }
            }
            move || {
                if let Some((obs, _callback)) = observer {
                    obs.disconnect();
                }
            }
        });
    }
    *width
}

/// The chart, redrawn whenever the scenario or the container width changes.
#[component]
pub fn ChartView(props: &ChartProps) -> Html {
    let node = use_node_ref();
    let width = use_width(node.clone());
    let svg = use_memo((props.scenario.clone(), width, props.dark, props.lang, props.baseline.clone()), {
        let schedule = props.schedule.clone();
        move |(scenario, width, dark, lang, baseline)| {
            if *width == 0 {
                return Ok(String::new());
            }
            let size = (*width, height_for(*width));
            let theme = if *dark { Theme::DARK } else { Theme::LIGHT };
            chart::svg(
                scenario,
                &schedule,
                baseline.as_deref(),
                size,
                &ChartStyle { theme, lang: *lang, ..ChartStyle::SVG },
            )
        }
    });
    let body = match &*svg {
        Ok(svg) if svg.is_empty() => html! {},
        Ok(svg) => Html::from_html_unchecked(AttrValue::from(svg.clone())),
        Err(e) => {
            let text = tr(
                props.lang,
                "The chart could not be drawn; the table has every figure.",
                "차트를 그리지 못했습니다. 표에 모든 수치가 있습니다.",
            );
            html! { <p class="chart-error">{ format!("{text} ({e})") }</p> }
        }
    };
    let label =
        format!("{} {}", tr(props.lang, "Chart of yearly payments.", "연도별 지급액 차트."), props.narration);
    html! {
        <figure class="chart-figure">
            <div class="chart" ref={node} role="img" aria-label={label} aria-describedby="chart-description" id="chart">
                { body }
            </div>
            <p class="visually-hidden" id="chart-description">{ props.description.clone() }</p>
        </figure>
    }
}
