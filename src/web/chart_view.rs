//! The chart in the page: the core's plotters drawing on a canvas, sized to its container.

use std::rc::Rc;

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use super::canvas::Batched;
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

/// Height for a container width: taller on phones, where the title, the legend and the sources
/// wrap onto more lines (at 300 px, in 440 px, they left the bars 80 px), and from 400 px on
/// never shorter for a wider box: an embed in a 600 px column had 400 px, where a 500 px one had
/// 440, and its title, legend and sources left the bars 170 px.
fn height_for(width: u32) -> u32 {
    if width < 400 {
        520
    } else {
        ((f64::from(width) * 0.56) as u32).clamp(440, 580)
    }
}

/// An element's inner width in CSS pixels (`clientWidth`: padding in, border and scroll bar out).
fn css_width(element: &web_sys::Element) -> u32 {
    element.client_width().max(0) as u32
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
                    let w = css_width(el);
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

/// The width the chart and the map are drawn at for paper, in CSS pixels: inside Chromium's
/// default margins and the page's padding, an A4 page holds 686 px and a Letter page 707.
/// Printed at the width it had on the screen, a phone's chart was stretched to the page,
/// letters and all, and pushed onto the second page; a wide window's was shrunk, its letters to
/// 5 pt.
const PRINT_WIDTH: u32 = 680;

/// Device pixels per CSS pixel on paper: 192 dots an inch.
const PRINT_RATIO: f64 = 2.0;

/// The CSS width and the device pixel ratio to draw `node`'s canvas at: its measured width and
/// the screen's ratio, or while printing the paper's ([`PRINT_WIDTH`] at [`PRINT_RATIO`]; the
/// browser lays the page out for paper only once printing has begun).
#[hook]
pub(super) fn use_drawing_size(node: NodeRef) -> (u32, f64) {
    match (use_width(node), use_pixel_ratio(), super::app::use_media("print")) {
        (.., true) => (PRINT_WIDTH, PRINT_RATIO),
        (width, ratio, false) => (width, ratio),
    }
}

/// What a chart drawing depends on: scenario, CSS width, dark theme, language, baseline, and the
/// pixel ratio (as bits).
type Drawn = (Scenario, u32, bool, Lang, Option<Rc<Schedule>>, u64);

/// The screen's device pixels per CSS pixel, as the browser reports it.
fn device_pixel_ratio() -> f64 {
    web_sys::window().map_or(1.0, |w| w.device_pixel_ratio())
}

/// A device pixel ratio to draw at: between 1 and 4.
#[expect(
    clippy::manual_clamp,
    reason = "f64::clamp is disallowed (clippy.toml); NaN and infinities are handled here"
)]
fn drawing_ratio(reported: f64) -> f64 {
    if reported.is_finite() {
        reported.max(1.0).min(4.0)
    } else {
        1.0
    }
}

/// The ratio to draw at, followed as it changes: moving the window to a screen of another
/// density, or zooming, changes `devicePixelRatio` without always resizing anything, and a
/// canvas drawn at the old ratio would stay blurred (or wastefully large) until the next change.
/// The browser reports the change as a `(resolution: …dppx)` media query that stops matching;
/// the listener is made again for each new ratio.
#[hook]
fn use_pixel_ratio() -> f64 {
    // Read on each render (one property); the state only counts changes, to render again.
    let reported = device_pixel_ratio();
    let changes = use_state(|| 0u32);
    use_effect_with(reported.to_bits(), move |bits| {
        let query = format!("(resolution: {}dppx)", crate::decimal::shortest(f64::from_bits(*bits)));
        let listener = gloo::utils::window().match_media(&query).ok().flatten().map(|list| {
            gloo::events::EventListener::new(&list, "change", move |_| changes.set(changes.wrapping_add(1)))
        });
        move || drop(listener)
    });
    drawing_ratio(reported)
}

/// Sizes `canvas` to hold `css` pixels at `ratio` device pixels per CSS pixel, then runs `draw`
/// on it with that ratio (every length of a drawing is multiplied by it, so the picture is sharp
/// on high-density screens). With `clear`, whatever was drawn before is erased first; drawings
/// that fill their whole area do not need it.
pub(super) fn on_canvas<R>(
    canvas: &HtmlCanvasElement,
    css: (u32, u32),
    ratio: f64,
    clear: bool,
    draw: impl FnOnce(&DrawingArea<Batched, Shift>, f64) -> Result<R, String>,
) -> Result<R, String> {
    let device = |v: u32| (f64::from(v) * ratio).round() as u32;
    let (w, h) = (device(css.0), device(css.1));
    let resized = canvas.width() != w || canvas.height() != h;
    if resized {
        // Setting either dimension also clears the canvas.
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let backend = Batched::new(canvas.clone()).ok_or("the browser gave no 2d canvas")?;
    if clear && !resized {
        backend.clear();
    }
    let root = backend.into_drawing_area();
    let out = draw(&root, ratio)?;
    root.present().map_err(|e| e.to_string())?;
    Ok(out)
}

/// Fires `name` at `element`, for tests and benchmarks that wait for a drawing.
pub(super) fn announce_drawn(element: Option<web_sys::Element>, name: &str) {
    if let (Some(element), Ok(event)) = (element, web_sys::Event::new(name)) {
        // Nothing in the page listens; a failed dispatch changes nothing.
        let _ = element.dispatch_event(&event);
    }
}

/// The chart, redrawn whenever the scenario or the container width changes.
///
/// The live view draws on a canvas (`canvas::Batched`): one element whatever the scenario, so a
/// slider input costs the drawing calls and a bitmap, not parsing, styling and laying out a
/// hundred SVG elements. Downloads and the no-JS page use the same `chart::draw` through SVG.
/// After each drawing the chart element fires a `chart-drawn` event (tests and benchmarks wait
/// for it, as they wait for the peer libraries' after-draw hooks).
#[component]
pub fn ChartView(props: &ChartProps) -> Html {
    let node = use_node_ref();
    let canvas = use_node_ref();
    let (width, ratio) = use_drawing_size(node.clone());
    let failure = use_state(|| None::<String>);
    // What the canvas shows, so a render that changes nothing drawn (the width hook catching up
    // with the width measured for the first drawing) does not draw it again.
    let shown = use_mut_ref(|| None::<Drawn>);
    let paint = {
        let (canvas, node, failure, shown) = (canvas.clone(), node.clone(), failure.clone(), shown.clone());
        let schedule = props.schedule.clone();
        move |(scenario, width, dark, lang, baseline, ratio): &Drawn| {
            // On the first render the width hook has not measured yet; measuring here draws
            // the first chart in the same task as the page instead of one render later.
            let width = match *width {
                0 => node.cast::<web_sys::Element>().map_or(0, |e| css_width(&e)),
                w => w,
            };
            let Some(element) = canvas.cast::<HtmlCanvasElement>() else { return };
            let key = (scenario.clone(), width, *dark, *lang, baseline.clone(), *ratio);
            if width == 0 || shown.borrow().as_ref() == Some(&key) {
                return;
            }
            let theme = if *dark { Theme::DARK } else { Theme::LIGHT };
            let style = ChartStyle { theme, lang: *lang, ..ChartStyle::canvas(1.0) };
            let drawn = on_canvas(
                &element,
                (width, height_for(width)),
                f64::from_bits(*ratio),
                false,
                |area, ratio| {
                    chart::draw(
                        area,
                        scenario,
                        &schedule,
                        baseline.as_deref(),
                        &ChartStyle { scale: ratio, ..style },
                    )
                    .map(drop)
                    .map_err(|e| e.to_string())
                },
            );
            match drawn {
                Ok(()) => {
                    *shown.borrow_mut() = Some(key);
                    if failure.is_some() {
                        failure.set(None);
                    }
                    announce_drawn(node.cast::<web_sys::Element>(), "chart-drawn");
                }
                Err(e) => {
                    *shown.borrow_mut() = None;
                    failure.set(Some(e));
                }
            }
        }
    };
    let deps =
        (props.scenario.clone(), width, props.dark, props.lang, props.baseline.clone(), ratio.to_bits());
    // The first drawing is in the task of the first render: Yew's scheduler (patched,
    // vendor/README.md) runs the effects in the same run as the renders, so the page is never
    // painted with a blank chart. (The published one yielded once a run took 16 ms, and this
    // drew the first chart from a microtask to be ahead of that.)
    use_effect_with(deps, move |deps| paint(deps));
    // The canvas's size is set where it is drawn (`on_canvas`), never by the markup: setting a
    // canvas's size, even to the same value, erases it.
    // The canvas stays in the page when a drawing fails (hidden, with the reason shown instead),
    // so the next change can draw on it again. Both elements are always there, only hidden: Yew
    // matches unkeyed siblings from the end, so a reason paragraph that came and went after the
    // canvas would replace the canvas with a new, blank one once the drawing had succeeded.
    let reason = failure.as_ref().map(|e| {
        let text = tr(
            props.lang,
            "The chart could not be drawn; the table has every figure.",
            "차트를 그리지 못했습니다. 표에 모든 수치가 있습니다.",
        );
        format!("{text} ({e})")
    });
    let body = html! { <>
        <canvas ref={canvas} hidden={failure.is_some()}></canvas>
        <p class="chart-error" hidden={reason.is_none()}>{ reason.unwrap_or_default() }</p>
    </> };
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
