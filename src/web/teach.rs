//! Teaching the mechanics: the feasibility map, the "what would it take" answers, the guided
//! tour and the baseline. Values come from `feasibility`, `model` and `tour`; this module only
//! wires them to the page.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use super::app::Model;
use super::chart_view::{announce_drawn, on_canvas, use_drawing_size};
use crate::chart::{ChartStyle, Theme};
use crate::feasibility::{Map, PAIRS};
use crate::map_chart::{self, PlotRect};
use crate::model::{within_limit, Summary};
use crate::scenario::{Key, Scenario};
use crate::text::{fit_words, lever_name, pct, tr};
use crate::tour::STEPS;
use crate::ui_state::Action;
use crate::view::Lang;

/// The map's height in CSS pixels (its width is its container's).
const MAP_HEIGHT: u32 = 280;

/// Where the ring is, in words: both levers' values and whether every year then fits.
fn cell_words(lang: Lang, map: &Map, s: &Scenario) -> String {
    // "Timeline 14 years", not "Timeline (years) 14".
    let part = |key: Key| {
        // To a tenth, as the sliders' readouts: a preset's 21.428571…% share reads 21.4%.
        let v = crate::text::pct(s.get(key).unwrap_or(0.0));
        match (key, lang) {
            (Key::Years, Lang::En) => format!("Timeline {}", crate::text::years(&v)),
            (Key::Years, Lang::Ko) => format!("기간 {v}년"),
            _ => format!("{} {v}%", lever_name(lang, key, map.country)),
        }
    };
    let verdict = fit_words(lang, within_limit(s));
    format!("{}, {}: {verdict}", part(map.x.key), part(map.y.key))
}

/// A memoised map as an effect's dependency, compared by identity: `use_memo` gives back the same
/// `Rc` until it computes a new map, and comparing two maps cell by cell (3 030 or 5 151 cells, for two
/// effects on every render) cost a tenth of a millisecond a slider input. The dependency holds
/// the `Rc`, so a new map cannot take the old one's address while they are compared.
#[derive(Clone)]
struct Same(Rc<Map>);

impl PartialEq for Same {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Props of [`FeasibilityMap`].
#[derive(Properties, PartialEq)]
pub struct MapProps {
    /// The scenario the map is drawn around.
    pub scenario: Scenario,
    /// The language.
    pub lang: Lang,
    /// Dark theme.
    pub dark: bool,
    /// The pair of levers shown: an index in `feasibility::PAIRS` (the link's `map=`).
    pub pair: usize,
    /// Where to send a clicked cell and a new pair.
    pub dispatch: UseReducerDispatcher<Model>,
}

/// The feasibility map beside the chart: recomputed on every change, a click moves the levers.
#[component]
pub fn FeasibilityMap(props: &MapProps) -> Html {
    let lang = props.lang;
    let pair = props.pair;
    let node = use_node_ref();
    let (width, ratio) = use_drawing_size(node.clone());
    let (x, y) = PAIRS.get(pair).copied().unwrap_or(PAIRS[0]);
    // The map depends on every setting but its own two levers: moving one of those (the common
    // case, e.g. the upfront slider on the default map) only moves the ring.
    let others = {
        let mut key = Scenario { preset: None, ..props.scenario.clone() };
        let _ = key.set(x, 0.0);
        let _ = key.set(y, if y == Key::Years { 1.0 } else { 0.0 });
        key
    };
    let map = use_memo((others, x, y), {
        let scenario = props.scenario.clone();
        move |(_, x, y)| Map::compute(&scenario, *x, *y)
    });
    let current = (props.scenario.get(x).unwrap_or(0.0), props.scenario.get(y).unwrap_or(0.0));
    let style = ChartStyle {
        theme: if props.dark { Theme::DARK } else { Theme::LIGHT },
        lang,
        ..ChartStyle::canvas(1.0)
    };
    // Two canvases, one over the other: the cells (redrawn only when the map, its size or its
    // look changes) and the ring (redrawn when the setting moves). Where the cells are, in device
    // pixels, and the device-to-CSS pixel ratio they were drawn at, for the ring and for clicks.
    let cells = use_node_ref();
    let ring = use_node_ref();
    let placed = use_mut_ref(|| (PlotRect::default(), 1.0f64));
    {
        let (cells, placed, node) = (cells.clone(), placed.clone(), node.clone());
        use_effect_with(
            (Same(map.clone()), width, props.dark, lang, props.scenario.limit.to_bits(), ratio.to_bits()),
            move |deps| {
                let (Same(map), width, _, _, limit, ratio) = deps;
                if *width == 0 {
                    return; // not measured yet: the width hook renders again
                }
                if let Some(canvas) = cells.cast::<HtmlCanvasElement>() {
                    let drawn = on_canvas(
                        &canvas,
                        (*width, MAP_HEIGHT),
                        f64::from_bits(*ratio),
                        false,
                        |area, ratio| {
                            let rect = map_chart::draw(
                                area,
                                map,
                                f64::from_bits(*limit),
                                &ChartStyle { scale: ratio, ..style },
                            )
                            .map_err(|e| e.to_string())?;
                            Ok((rect, ratio))
                        },
                    );
                    if let Ok(drawn) = drawn {
                        *placed.borrow_mut() = drawn;
                        announce_drawn(node.cast::<web_sys::Element>(), "map-drawn");
                    }
                }
            },
        );
    }
    {
        let (ring, placed, node) = (ring.clone(), placed.clone(), node.clone());
        let deps = (
            Same(map.clone()),
            width,
            props.dark,
            lang,
            props.scenario.limit.to_bits(),
            current.0.to_bits(),
            current.1.to_bits(),
            // The cells are redrawn at a new ratio just before: the ring follows them.
            ratio.to_bits(),
        );
        use_effect_with(deps, move |(Same(map), width, ..)| {
            if *width == 0 {
                return;
            }
            if let Some(canvas) = ring.cast::<HtmlCanvasElement>() {
                // At the ratio the cells were drawn at, so the ring sits on its cell.
                let (rect, ratio) = *placed.borrow();
                let drawn = on_canvas(&canvas, (*width, MAP_HEIGHT), ratio, true, |area, ratio| {
                    map_chart::draw_ring(area, map, &rect, current, &ChartStyle { scale: ratio, ..style })
                        .map_err(|e| e.to_string())
                });
                if drawn.is_ok() {
                    announce_drawn(node.cast::<web_sys::Element>(), "map-drawn");
                }
            }
        });
    }
    // Where the ring is, for screen readers, after a click or a key (below).
    let status = use_state(String::new);
    let onclick = {
        let map = map.clone();
        let placed = placed.clone();
        let scenario = props.scenario.clone();
        let dispatch = props.dispatch.clone();
        let status = status.clone();
        Callback::from(move |e: MouseEvent| {
            // Client coordinates relative to the map's box. The canvases inside ignore the
            // pointer (CSS), so the target is the box itself; Yew delegates events, so
            // `currentTarget` would be its root, not the box.
            let Some(target) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
                return;
            };
            let box_ = target.get_bounding_client_rect();
            let (rect, ratio) = *placed.borrow();
            let (x, y) = (f64::from(e.client_x()) - box_.left(), f64::from(e.client_y()) - box_.top());
            if let Some((i, j)) = rect.cell_at(&map, x * ratio, y * ratio) {
                if let Some(s) = map.scenario_at(&scenario, i, j) {
                    status.set(cell_words(lang, &map, &s));
                    // The share (the pair's first lever) last, so that what gave way to it is said.
                    let levers = vec![(map.y.key, map.y.value(j)), (map.x.key, map.x.value(i))];
                    dispatch.dispatch(Action::Move(levers));
                }
            }
        })
    };
    // The keyboard's way around the map: an arrow moves one lever a cell (Page Up/Down ten
    // cells along the vertical one, Home/End to the ends of the horizontal one, as on a slider),
    // leaving the other lever where it is; a live region says where the ring is and whether
    // every year fits.
    let onkeydown = {
        let map = map.clone();
        let scenario = props.scenario.clone();
        let dispatch = props.dispatch.clone();
        let status = status.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.alt_key() || e.ctrl_key() || e.meta_key() {
                return; // the browser's and the system's shortcuts (Alt+Left is Back)
            }
            let (axis, by): (_, isize) = match e.key().as_str() {
                "ArrowLeft" => (map.x, -1),
                "ArrowRight" => (map.x, 1),
                "ArrowDown" => (map.y, -1),
                "ArrowUp" => (map.y, 1),
                "PageDown" => (map.y, -10),
                "PageUp" => (map.y, 10),
                "Home" => (map.x, -1000),
                "End" => (map.x, 1000),
                _ => return,
            };
            e.prevent_default(); // the arrows move the ring, not the page
            let from = axis.index_of(scenario.get(axis.key).unwrap_or(axis.min));
            let to = from.saturating_add_signed(by).min(axis.len.saturating_sub(1));
            let mut next = scenario.clone();
            // As its slider moves it: a share past what the others leave takes from them.
            let _ = next.set_share_giving_way(axis.key, axis.value(to));
            if next != scenario {
                status.set(cell_words(lang, &map, &next));
                dispatch.dispatch(Action::Move(vec![(axis.key, axis.value(to))]));
            }
        })
    };
    let on_pair = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                if let Ok(i) = select.value().parse::<usize>() {
                    dispatch.dispatch(Action::MapPair(i));
                }
            }
        })
    };
    // Sizes are set where the canvases are drawn (`on_canvas`): setting one in the markup
    // would erase the drawing.
    let layers = html! { <>
        <canvas class="map-cells" ref={cells}></canvas>
        <canvas class="map-ring" id="map-ring" ref={ring}></canvas>
    </> };
    // Its name says where the ring is too, so that focusing the map tells it (the live region
    // below speaks only when a click or a key moves the ring).
    html! {
        <figure class="map-figure">
            <figcaption>
                <strong>{ tr(lang, "Where every year fits", "모든 해가 한도 안에 드는 곳") }</strong>
                // The shades stand out more from the page the further a cell is from the limit:
                // darker on a light page, brighter on a dark one (`map_chart::colour`).
                <span id="map-how">{ match (lang, props.dark) {
                    (Lang::En, false) => " — each cell is one combination of two levers, as their sliders set them; the darker its shade, the further from the limit.",
                    (Lang::En, true) => " — each cell is one combination of two levers, as their sliders set them; the brighter its shade, the further from the limit.",
                    (Lang::Ko, false) => " — 칸 하나가 두 레버를 슬라이더로 옮긴 조합 하나이며, 색이 진할수록 한도에서 멉니다.",
                    (Lang::Ko, true) => " — 칸 하나가 두 레버를 슬라이더로 옮긴 조합 하나이며, 색이 밝을수록 한도에서 멉니다.",
                } }
                    // How to use it, which a printed page leaves out.
                    <span class="map-do">{ tr(lang, " Click a cell to move there, or focus the map and use the arrow keys.",
                        " 칸을 누르거나, 지도에 초점을 두고 화살표 키로 옮깁니다.") }</span></span>
            </figcaption>
            <label for="map-pair">{ tr(lang, "Levers", "레버") }</label>
            <select id="map-pair" onchange={on_pair} ~value={pair.to_string()}>
                { for PAIRS.iter().enumerate().map(|(i, (x, y))| html! {
                    <option value={i.to_string()} selected={i == pair}>{ format!("{} × {}", lever_name(lang, *x, map.country), lever_name(lang, *y, map.country)) }</option>
                }) }
            </select>
            <div class="map" id="map" ref={node} role="application" tabindex="0" aria-label={map_chart::describe(lang, &map) + " " + &cell_words(lang, &map, &props.scenario)} aria-describedby="map-how" {onclick} {onkeydown}>
                { layers }
            </div>
            <p class="visually-hidden" id="map-status" aria-live="polite">{ (*status).clone() }</p>
        </figure>
    }
}

/// What [`what_it_takes`] answers.
pub struct SolverProps {
    /// The scenario.
    pub scenario: Scenario,
    /// Its summary (with the solvers' answers).
    pub summary: Rc<Summary>,
    /// The language.
    pub lang: Lang,
    /// Where to send an applied answer.
    pub dispatch: UseReducerDispatcher<Model>,
}

/// "What would it take": the solvers' answers in words, each with a button that applies it.
pub fn what_it_takes(props: &SolverProps) -> Html {
    let lang = props.lang;
    let s = &props.scenario;
    let sv = &props.summary.solvers;
    let ko = lang == Lang::Ko;
    let currency = crate::text::currency_name(lang, s.country);
    // An answer moves its lever as the slider would (the upfront answer may take from the
    // other shares, which the page then says); disabled where there is none or it is there.
    let apply = |key: Key, answer: Option<f64>| {
        let dispatch = props.dispatch.clone();
        let disabled = answer.is_none_or(|v| {
            let mut c = s.clone();
            c.set_share_giving_way(key, v).is_err() || c == *s
        });
        let onclick = Callback::from(move |e: MouseEvent| {
            if let Some(v) = answer {
                dispatch.dispatch(Action::Move(vec![(key, v)]));
                // The button is disabled once its answer is in place; the focus goes to the
                // lever it moved, after the render, once that says its new value. A pointer's
                // click (`detail` 1) leaves the page where it is; a key's (0) brings the lever
                // into view.
                let (lever, keep_scroll) = (format!("#ctl-{}", key.name()), e.detail() > 0);
                let _ = super::later(0, move || {
                    focus(&lever, keep_scroll);
                });
            }
        });
        (onclick, disabled)
    };
    let upfront_words = match (sv.max_upfront, ko) {
        (Some(x), false) => {
            format!("The largest upfront share that keeps every year within the limit: {}%.", pct(x))
        }
        (Some(x), true) => format!("모든 해를 한도 안에 두는 가장 큰 선불 비중: {}%.", pct(x)),
        (None, _) => {
            // What to move first: only the levers that fit with nothing upfront (at a limit of
            // zero a longer timeline never does, and the advice named it).
            let (years, krw) = crate::model::fits_without_upfront(s);
            let then = match (years, krw, ko) {
                (true, true, false) => format!(" Spread over more years or pay more in {currency} first."),
                (true, false, false) => " Spread over more years first.".to_owned(),
                (false, true, false) => format!(" Pay more in {currency} first."),
                (true, true, true) => format!(" 먼저 기간을 늘리거나 {currency}화 비중을 높이세요."),
                (true, false, true) => " 먼저 기간을 늘리세요.".to_owned(),
                (false, true, true) => format!(" 먼저 {currency}화 비중을 높이세요."),
                (false, false, _) => String::new(),
            };
            if ko {
                format!("선불 비중만으로는 맞출 수 없음: 선불이 전혀 없어도 한도를 넘는 해가 있습니다.{then}")
            } else {
                format!("No upfront share fits on its own: even with nothing upfront, some year is above the limit.{then}")
            }
        }
    };
    let upfront_cash = s.upfront > 0.0;
    let years_words = match (sv.min_years, ko) {
        (Some(y), false) => {
            format!("The shortest timeline that fits: {}.", crate::text::years(&y.to_string()))
        }
        (Some(y), true) => format!("한도 안에 드는 가장 짧은 기간: {y}년."),
        (None, false) if upfront_cash => {
            "No timeline up to 30 years fits: the upfront payment lands in the first year whatever the timeline."
                .to_owned()
        }
        (None, true) if upfront_cash => {
            "30년 이내의 어떤 기간으로도 맞출 수 없음: 기간과 상관없이 선불금은 첫해에 한꺼번에 나갑니다.".to_owned()
        }
        (None, false) => {
            "No timeline up to 30 years fits: even spread that thin, the yearly dollars stay above the limit."
                .to_owned()
        }
        (None, true) => "30년 이내의 어떤 기간으로도 맞출 수 없음: 그만큼 나눠도 한 해 달러 지급이 한도를 넘습니다.".to_owned(),
    };
    let krw_words = match (sv.min_krw, ko) {
        (Some(x), false) => {
            format!("The smallest share of state cash paid in {currency} that fits: {}%.", pct(x))
        }
        (Some(x), true) => {
            format!("한도 안에 드는 가장 작은 {currency}화 지급 비중(국가 현금 중): {}%.", pct(x))
        }
        (None, false) => format!(
            "No share in {currency} fits on its own: even all in {currency} leaves a year above the limit."
        ),
        (None, true) => format!(
            "{currency}화 비중만으로는 맞출 수 없음: 전부 {currency}화로 내도 한도를 넘는 해가 있습니다."
        ),
    };
    // Each button is described by its answer: three buttons all named "Apply" are told apart.
    let rows = [
        ("solve-upfront", "solve-upfront-words", upfront_words, apply(Key::Upfront, sv.max_upfront)),
        ("solve-years", "solve-years-words", years_words, apply(Key::Years, sv.min_years.map(f64::from))),
        ("solve-krw", "solve-krw-words", krw_words, apply(Key::Krw, sv.min_krw)),
    ];
    html! {
        <section class="solvers" aria-labelledby="solvers-heading">
            <h2 id="solvers-heading">{ tr(lang, "What would it take?", "무엇이 필요할까?") }</h2>
            <p class="hint">{ tr(lang, "Each answer moves one lever, as its slider would.", "답마다 레버 하나를 슬라이더처럼 움직입니다.") }</p>
            <ul>
                { for rows.into_iter().map(|(id, words_id, words, (onclick, disabled))| html! {
                    <li>
                        <span id={words_id}>{ words }</span>
                        <button type="button" {id} aria-describedby={words_id} {onclick} {disabled}>{ tr(lang, "Apply", "적용") }</button>
                    </li>
                }) }
            </ul>
        </section>
    }
}

/// Moves the focus where the tour is: to the open step's heading, so that it is read at once, or,
/// once the tour is left (by its button or Escape, whose element is then gone), back to the
/// button that starts it, not to the page's start. `App` calls it in an effect on the step, with
/// whether a step was open before. [`tour`] writes the ids as literals, so that the elements'
/// attributes stay static (a computed one makes Yew diff them on every render).
pub fn focus_tour(open: bool, was_open: bool) {
    let target = match (open, was_open) {
        (true, _) => "#tour-heading",
        (false, true) => "#tour-start",
        (false, false) => return,
    };
    focus(target, false);
}

/// Moves the focus to the first element `selector` matches, if any: where an action leaves it
/// when the control that had it goes away or is disabled (it fell to `<body>`); without
/// scrolling the page to it if `keep_scroll`. Whether one matched.
pub fn focus(selector: &str, keep_scroll: bool) -> bool {
    let target = gloo::utils::document().query_selector(selector).ok().flatten();
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(keep_scroll);
    target
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|h| h.focus_with_options(&options).is_ok())
}

/// The guided tour: a start button, or step `step` (1-based) with Back, Next and Leave (a
/// function, not a component: see [`super::controls::controls`]).
pub fn tour(
    step: Option<usize>,
    shown: &Scenario,
    lang: Lang,
    dispatch: &UseReducerDispatcher<Model>,
) -> Html {
    let go = |to: Option<usize>| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Tour(to)))
    };
    let Some(n) = step else {
        return html! {
            <div class="tour tour-start">
                <button type="button" id="tour-start" onclick={go(Some(1))}>
                    // "7 steps", but "7단계": Korean writes a counter word against its number.
                    { format!("{} ({}{})", tr(lang, "Take the guided tour", "따라가며 보기"), STEPS.len(), tr(lang, " steps", "단계")) }
                </button>
            </div>
        };
    };
    let Some(step) = n.checked_sub(1).and_then(|i| STEPS.get(i)) else { return html! {} };
    // Its words are about its own scenario: moved away from it, the step says so.
    let changed = crate::text::changed_mark(lang, shown, &step.scenario());
    html! {
        <section class="tour" id="tour" aria-labelledby="tour-heading">
            <h2 id="tour-heading" tabindex="-1">
                { format!("{} {n}/{}: {}{changed}", tr(lang, "Step", "단계"), STEPS.len(), step.title(lang)) }
            </h2>
            <p id="tour-text">{ step.text(lang) }</p>
            <div class="tour-nav">
                <button type="button" id="tour-back" onclick={go(Some(n - 1))} disabled={n == 1}>{ tr(lang, "← Back", "← 이전") }</button>
                if n < STEPS.len() {
                    <button type="button" id="tour-next" onclick={go(Some(n + 1))}>{ tr(lang, "Next →", "다음 →") }</button>
                }
                <button type="button" id="tour-leave" onclick={go(None)}>{ tr(lang, "Leave the tour and explore from here", "여기서부터 직접 살펴보기") }</button>
            </div>
        </section>
    }
}

/// Pin the current scenario as a baseline, or clear it (a function, not a component: see
/// [`super::controls::controls`]).
pub fn baseline_bar(pinned: bool, lang: Lang, dispatch: &UseReducerDispatcher<Model>) -> Html {
    let dispatch = dispatch.clone();
    let onclick = Callback::from(move |_: MouseEvent| {
        dispatch.dispatch(if pinned { Action::Unpin } else { Action::Pin })
    });
    html! {
        <div class="baseline-bar">
            <button type="button" id="baseline" {onclick}>
                { if pinned {
                    tr(lang, "Clear the baseline", "기준선 지우기")
                } else {
                    tr(lang, "Pin this as a baseline to compare with", "지금 설정을 비교 기준선으로 고정")
                } }
            </button>
        </div>
    }
}
