//! The chart in the page: the core's plotters drawing as inline SVG, sized to its container.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::chart::{self, ChartStyle, Theme};
use crate::model::Schedule;
use crate::scenario::Scenario;

/// Props of [`ChartView`].
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// The scenario drawn.
    pub scenario: Scenario,
    /// Its schedule.
    pub schedule: Rc<Schedule>,
    /// The finding in one sentence: the chart's accessible description.
    pub narration: String,
    /// Draw with the dark theme.
    pub dark: bool,
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
fn use_width(node: NodeRef) -> u32 {
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
    let svg = use_memo((props.scenario.clone(), width, props.dark), {
        let schedule = props.schedule.clone();
        move |(scenario, width, dark)| {
            if *width == 0 {
                return Ok(String::new());
            }
            let size = (*width, height_for(*width));
            let theme = if *dark { Theme::DARK } else { Theme::LIGHT };
            chart::svg(scenario, &schedule, size, &ChartStyle { theme, ..ChartStyle::SVG })
        }
    });
    let body = match &*svg {
        Ok(svg) if svg.is_empty() => html! {},
        Ok(svg) => Html::from_html_unchecked(AttrValue::from(svg.clone())),
        Err(e) => {
            html! { <p class="chart-error">{ format!("The chart could not be drawn ({e}); the table below has every figure.") }</p> }
        }
    };
    let label = format!("Chart of yearly payments. {}", props.narration);
    html! {
        <figure class="chart-figure">
            <div class="chart" ref={node} role="img" aria-label={label} id="chart">
                { body }
            </div>
        </figure>
    }
}
