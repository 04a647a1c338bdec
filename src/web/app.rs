//! The page: state, URL synchronisation and layout (the full explorer or the compact embed).

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::chart_view::ChartView;
use super::controls::{controls, ControlsProps, Mark};
use super::embed::use_host_link;
use super::pause::Pause;
use super::share::{full_link, use_share_panel, ShareProps};
use super::summary::{data_table, notes, summary_view, SummaryProps};
use super::teach::{baseline_bar, focus, focus_tour, tour, what_it_takes, FeasibilityMap, SolverProps};
use super::url;
use crate::model::{self, min_upfront, schedule, summarize, Schedule};
use crate::scenario::{Country, Key, ParamError, ParamErrorKind, Scenario};
use crate::text::{self, tr};
use crate::ui_state::{Action, UiState};
use crate::view::{Lang, ThemeChoice, View};

/// Yew's reducer wrapper around the pure state machine.
#[derive(Clone, PartialEq)]
pub struct Model(pub UiState);

impl Reducible for Model {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // A release or a key's repeat that changes nothing renders nothing (Yew skips a render
        // when the state is the same `Rc`): every key's release on a slider settles.
        match action {
            Action::Settle if !self.0.dragging => return self,
            Action::Hold if self.0.dragging => return self,
            _ => {}
        }
        Rc::new(Model(self.0.reduce(action)))
    }
}

/// Whether the chart and the map are drawn dark, as the style sheet draws the page: a media
/// query for each theme choice, on screens only (paper is white: printed dark, the chart was a
/// near-black block). Read once for a choice, then updated when it changes; not re-read on
/// every render, where `matchMedia` cost a call per slider input.
#[hook]
fn use_dark(theme: Option<ThemeChoice>) -> bool {
    use_media(match theme {
        Some(ThemeChoice::Dark) => "screen",
        Some(ThemeChoice::Light) => "not all",
        None => "screen and (prefers-color-scheme: dark)",
    })
}

/// Whether the page matches the media query `media`, followed as that changes. When the
/// browser prints, `print` starts matching before the page is laid out for paper, and what
/// depends on it is drawn again in time (a printed PDF shows it).
#[hook]
pub(super) fn use_media(media: &'static str) -> bool {
    let list = |media: &str| gloo::utils::window().match_media(media).ok().flatten();
    let matches = use_state_eq(|| list(media).is_some_and(|l| l.matches()));
    {
        let matches = matches.clone();
        // Asked when the hook is first used and when its query changes, not on every render:
        // `matchMedia` cost a call per slider input. The state follows the list's `matches`.
        use_effect_with(media, move |media| {
            let listener = list(media).map(|l| {
                matches.set(l.matches());
                EventListener::new(&l.clone(), "change", move |_| matches.set(l.matches()))
            });
            move || drop(listener)
        });
    }
    *matches
}

/// The browser's preferred language among the ones the explorer speaks.
fn browser_lang() -> Lang {
    let languages: Vec<String> =
        gloo::utils::window().navigator().languages().iter().filter_map(|v| v.as_string()).collect();
    Lang::from_preferences(languages.iter().map(String::as_str))
}

/// Mirrors the view on the document element: `lang`, `data-theme` (when forced) and
/// `data-embed`, which the stylesheet reads; and the tab's title, which names the pledge shown
/// (`total`, in $ bn).
fn apply_to_document(lang: Lang, theme: Option<ThemeChoice>, embed: bool, total: f64) {
    let Some(root) = gloo::utils::document().document_element() else { return };
    let _ = root.set_attribute("lang", lang.key());
    let _ = match theme {
        Some(t) => root.set_attribute("data-theme", t.key()),
        None => root.remove_attribute("data-theme"),
    };
    let _ = if embed { root.set_attribute("data-embed", "1") } else { root.remove_attribute("data-embed") };
    let total = text::usd_bn(lang, total);
    gloo::utils::document().set_title(&match lang {
        Lang::En => format!("Pledge explorer: how does a country pay a {total} investment pledge?"),
        Lang::Ko => format!("투자 약정 탐색기: {total} 투자 약정을 어떻게 낼까?"),
    });
}

/// `false` until the page has been painted once, then `true`.
///
/// Everything in the layout but the chart waits for it (the levers, the figures, the map and the
/// panels after them), so the first render is the masthead and the chart: the chart is drawn and
/// painted without waiting for the rest, which comes in the next frame around it. The layout's
/// grid places each area by name and its first column has a fixed width, so nothing the reader
/// has seen moves when the rest comes (on phones all of it comes below the chart), and the
/// layout is at least a screen tall, so the colophon does not show under the chart for that
/// frame. A timeout queued from an animation-frame callback runs after that frame has been
/// painted; a plain timeout covers a page opened in a background tab, which gets no animation
/// frames.
#[hook]
fn use_painted() -> bool {
    let painted = use_state(|| false);
    {
        let painted = painted.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let (in_frame, in_timeout) = (painted.clone(), painted.clone());
            let after_frame = Closure::once_into_js(move || {
                if super::later(0, move || in_timeout.set(true)).is_err() {
                    in_frame.set(true);
                }
            });
            // Without animation frames (not in a browser that runs this), everything at once.
            if window.request_animation_frame(after_frame.unchecked_ref()).is_err() {
                painted.set(true);
            }
            let _ = super::later(500, move || painted.set(true));
        });
    }
    *painted
}

/// How long a drag must pause before the panels below the first screen catch up with it.
const CALM_MS: u32 = 150;

/// A scenario with its schedule and summary, compared by the scenario alone (the other two are
/// functions of it).
#[derive(Clone)]
struct Computed {
    scenario: Scenario,
    schedule: Rc<Schedule>,
    summary: Rc<model::Summary>,
}

impl PartialEq for Computed {
    fn eq(&self, other: &Self) -> bool {
        self.scenario == other.scenario
    }
}

/// `now` while nothing is being dragged; during a drag, the value from before it began, until the
/// drag ends or pauses for `CALM_MS`.
///
/// The panels below the first screen (answers, table, sharing, notes) take this one: a drag
/// re-renders only what is on the first screen (controls, figures, chart, map), and they catch up
/// when the slider is released or held still. Their props do not change during the drag, so Yew
/// does not render them at all.
#[hook]
fn use_calm(now: Computed, dragging: bool) -> Computed {
    let kept = use_mut_ref(|| now.clone());
    let catch_up = use_state(|| 0u32);
    let pause = use_memo((), |_| Pause::new(CALM_MS));
    if !dragging {
        *kept.borrow_mut() = now;
        pause.cancel();
    } else if *kept.borrow() != now {
        let (kept, catch_up) = (kept.clone(), catch_up.clone());
        pause.after(move || {
            *kept.borrow_mut() = now;
            catch_up.set(catch_up.wrapping_add(1));
        });
    }
    let shown = kept.borrow().clone();
    shown
}

/// How many of a link's problems the notice lists; it counts the rest.
const NOTICE_LINES: usize = 5;
/// How many of the problems after those the notice remembers, to count a repeat once.
const NOTICE_RECENT: usize = 16;

/// Gives the focus to the first of the levers, when the notice that had it is dismissed; an
/// embed with no levers (`controls=none`) gives it to its link to the full explorer.
fn focus_first_lever() {
    let _ = focus(".controls select, .controls input", false) || focus("#full-link", false);
}

/// How long a value must stay unchanged before it is announced to screen readers.
const SETTLE_MS: u32 = 700;

/// `value`, once it has stayed the same for `SETTLE_MS` (the first value at once).
#[hook]
fn use_settled(value: String) -> String {
    // The first value is already settled: a live region filled on load would speak unasked.
    let settled = use_state(|| value.clone());
    let pause = use_memo((), |_| Pause::new(SETTLE_MS));
    {
        let settled = settled.clone();
        use_effect_with(value, move |value| {
            let value = value.clone();
            pause.after(move || settled.set(value));
        });
    }
    (*settled).clone()
}

/// Props of [`Details`].
#[derive(Properties, PartialEq)]
struct DetailsProps {
    /// The scenario from before a drag, until it ends or pauses ([`use_calm`]).
    calm: Computed,
    /// The view, for the share panel's links and files.
    view: View,
    lang: Lang,
    dark: bool,
    dispatch: UseReducerDispatcher<Model>,
}

/// The panels below the first screen: what it would take, the data table, sharing and the notes.
///
/// One component for the four, which take the same calm scenario and so render together: during
/// a drag none of them renders, as its props stay the same. The answers, the table and the notes
/// are plain functions inside it, and the share panel a hook, whose state this component holds
/// (each component costs about 0.5 KB gzip of lifecycle code).
#[component]
fn Details(props: &DetailsProps) -> Html {
    let DetailsProps { calm, view, lang, dark, dispatch } = props;
    let (lang, dark) = (*lang, *dark);
    let share = use_share_panel(&ShareProps {
        scenario: calm.scenario.clone(),
        view: view.clone(),
        schedule: calm.schedule.clone(),
        summary: calm.summary.clone(),
        lang,
        dark,
    });
    html! {
        <>
        { what_it_takes(&SolverProps { scenario: calm.scenario.clone(), summary: calm.summary.clone(), lang, dispatch: dispatch.clone() }) }
        { data_table(&calm.schedule, lang) }
        { share }
        { notes(&SummaryProps { scenario: calm.scenario.clone(), summary: calm.summary.clone(), lang, baseline: None }) }
        </>
    }
}

/// The whole explorer.
#[component]
pub fn App() -> Html {
    let model = use_reducer(|| Model(UiState::load(&url::current_query())));
    let state = &model.0;
    let view = &state.view;
    let lang = use_memo(view.lang, |lang| lang.unwrap_or_else(browser_lang));
    let lang = *lang;
    let dark = use_dark(view.theme);
    {
        // In the render, not in an effect: the chart draws in its effect, and an embed's first
        // chart was drawn for the full page's margins, then again 16 px wider once `data-embed`
        // was set. (Outside Yew's tree, and only when one of them changes.)
        let (theme, embed, total) = (view.theme, view.embed, state.scenario.total);
        use_memo((lang, theme, embed, total.to_bits()), move |_| {
            apply_to_document(lang, theme, embed, total)
        });
    }
    // A tour step that opens takes the focus, so that its heading is read at once; a tour left
    // gives it back to its start button.
    let was_open = use_mut_ref(|| false);
    use_effect_with(view.step, move |step| {
        focus_tour(step.is_some(), was_open.replace(step.is_some()));
    });

    // Side effects live here, not in the reducer: the URL follows the state...
    let query = state.query();
    let writer = use_mut_ref(url::UrlWriter::default);
    {
        let writer = writer.clone();
        let query = query.clone();
        let op = state.history;
        use_effect_with(state.url_version, move |_| writer.borrow_mut().write(query, op));
    }
    {
        // A drag's last address-bar write waits for a pause; the release writes it at once.
        let writer = writer.clone();
        use_effect_with(state.dragging, move |dragging| {
            if !*dragging {
                writer.borrow_mut().settle();
            }
        });
    }
    // ...and Back/Forward bring the state back from the URL.
    {
        let dispatcher = model.dispatcher();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                writer.borrow_mut().cancel();
                dispatcher.dispatch(Action::Load(url::current_query()));
            });
            move || drop(listener)
        });
    }

    let scenario = state.scenario.clone();
    let sched = use_memo(scenario.clone(), schedule);
    let summary = {
        let sched = sched.clone();
        use_memo(scenario.clone(), move |s| summarize(s, &sched))
    };
    let dispatch = model.dispatcher();
    use_host_link(query, scenario.clone(), summary.clone(), dispatch.clone());
    let dismiss = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            dispatch.dispatch(Action::DismissNotices);
            // The notice and its button go: the focus goes to the settings it was about.
            focus_first_lever();
        })
    };
    let narration = text::narration(lang, &scenario, &summary);
    // What gave way is said with the finding, once the change settles.
    let gave_way =
        state.gave_way.as_ref().map(|g| super::controls::gave_way_words(lang, g, scenario.country));
    let announcement =
        use_settled(gave_way.map_or_else(|| narration.clone(), |g| format!("{g} {narration}")));
    {
        // Escape closes what is open: the notice, or the disclosure that holds the focus.
        let dispatch = dispatch.clone();
        let has_notices = !state.notices.is_empty();
        let in_tour = view.step.is_some();
        use_effect_with((has_notices, in_tour), move |(has_notices, in_tour)| {
            let (has_notices, in_tour) = (*has_notices, *in_tour);
            let listener = EventListener::new(&gloo::utils::document(), "keydown", move |event| {
                let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>().map(web_sys::KeyboardEvent::key)
                else {
                    return;
                };
                if key != "Escape" {
                    return;
                }
                let document = gloo::utils::document();
                let open_details =
                    document.active_element().and_then(|el| el.closest("details[open]").ok().flatten());
                if let Some(details) = open_details {
                    let _ = details.remove_attribute("open");
                    if let Some(summary) = details.query_selector("summary").ok().flatten() {
                        if let Some(summary) = summary.dyn_ref::<web_sys::HtmlElement>() {
                            let _ = summary.focus();
                        }
                    }
                } else if has_notices {
                    dispatch.dispatch(Action::DismissNotices);
                    if document
                        .active_element()
                        .is_some_and(|el| el.closest("#notice").ok().flatten().is_some())
                    {
                        focus_first_lever();
                    }
                } else if in_tour {
                    dispatch.dispatch(Action::Tour(None));
                }
            });
            move || drop(listener)
        });
    }
    // One polite announcement per settled change, not one per pixel of a drag.
    let live = html! { <p class="visually-hidden" aria-live="polite" id="live">{ announcement }</p> };

    let notices = (!state.notices.is_empty()).then(|| {
        // Each problem once, and the first few: a link with thousands of bad keys gave a notice
        // thousands of lines long, the chart far below it.
        // A repeat is a line listed or among the last few counted: exact for any link whose
        // repeats come within `NOTICE_RECENT` problems of each other, and linear in the link's
        // length (a set of every line was 1.7 KB of sorting code in the page).
        let (mut lines, mut recent, mut more) = (Vec::new(), Vec::new(), 0);
        // An unknown key is named alone, and the known keys said once, under the list, unless
        // each such key is said with the one it was likely meant to be (the list of 20 took a
        // phone's screen above the chart).
        let unknown = state.notices.iter().any(|n| n.kind == ParamErrorKind::UnknownKey && n.suggestion().is_none());
        let line_of = |n: &ParamError| match n.kind {
            ParamErrorKind::UnknownKey => text::unknown_key(lang, n),
            _ => text::param_error(lang, n),
        };
        for line in state.notices.iter().map(line_of) {
            if lines.contains(&line) || recent.contains(&line) {
                continue;
            }
            if lines.len() < NOTICE_LINES {
                lines.push(line);
            } else {
                more += 1;
                if recent.len() == NOTICE_RECENT {
                    recent.remove(0);
                }
                recent.push(line);
            }
        }
        html! {
            <div class="notice" role="alert" id="notice">
                <p><strong>{ tr(lang, "Some settings were not understood and were not applied:",
                    "일부 설정을 이해하지 못해 적용하지 않았습니다:") }</strong></p>
                <ul>
                    { for lines.into_iter().map(|line| html! { <li>{ line }</li> }) }
                    if more > 0 {
                        <li>{ match lang { Lang::En => format!("… and {more} more"), Lang::Ko => format!("… 외 {more}건") } }</li>
                    }
                </ul>
                if unknown {
                    <p>{ text::known_keys(lang) }</p>
                }
                <button type="button" class="dismiss" onclick={dismiss}>{ tr(lang, "Dismiss", "닫기") }</button>
            </div>
        }
    });

    // Every hook runs before the layout branches, so their order never depends on the mode.
    let baseline = use_memo(view.base.clone(), |base| {
        base.as_ref().map(|b| {
            let sched = schedule(b);
            let sum = summarize(b, &sched);
            (Rc::new(sched), Rc::new((b.clone(), sum)))
        })
    });
    let (base_schedule, base_summary) = match &*baseline {
        Some((sched, pair)) => (Some(sched.clone()), Some(pair.clone())),
        None => (None, None),
    };

    let painted = use_painted();
    let calm = use_calm(
        Computed { scenario: scenario.clone(), schedule: sched.clone(), summary: summary.clone() },
        state.dragging,
    );

    let limit_above = crate::chart::limit_off_scale(&scenario, &sched, base_schedule.as_deref());
    let description = text::chart_description(lang, &scenario, &summary, limit_above);
    // One chart element for both layouts (each `html!` use of a component is code of its own).
    let chart = html! {
        <ChartView scenario={scenario.clone()} schedule={sched.clone()} narration={narration.clone()} {description} {dark} {lang} baseline={base_schedule.clone()} />
    };
    if view.embed {
        let shown = view.shown_controls();
        let link = full_link(&scenario.to_query(), view);
        return html! {
            <div class="embed">
                { for notices }
                { chart }
                <p class="narration" id="narration">{ narration }</p>
                { live }
                if !shown.is_empty() {
                    { controls(&ControlsProps { scenario: scenario.clone(), gave_way: state.gave_way.clone(), dispatch: dispatch.clone(), only: Some(shown), marks: Vec::new(), lang }) }
                }
                <p class="embed-foot">
                    <a id="full-link" href={link} target="_blank" rel="noopener">
                        { tr(lang, "Open the full explorer, with sources and every setting ↗", "출처와 모든 설정이 있는 전체 탐색기 열기 ↗") }
                    </a>
                </p>
            </div>
        };
    }

    let set_lang = |l: Lang| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Lang(l)))
    };
    let on_theme = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                let theme = match select.value().as_str() {
                    "light" => Some(ThemeChoice::Light),
                    "dark" => Some(ThemeChoice::Dark),
                    _ => None,
                };
                dispatch.dispatch(Action::Theme(theme));
            }
        })
    };
    let theme_key = view.theme.map_or("", ThemeChoice::key);
    // The intro is Korea's story, the explorer's own; another economy's pledge is named as held
    // to Korea's limit, the assumption its chart's limit line is labelled with, and another total
    // for Korea as the reader's.
    let here = match (lang, scenario.country) {
        // A total the reader set is labelled as theirs, as the limit line labels a limit.
        (_, Country::Kr) if scenario.total == crate::facts::KR_PLEDGE_TOTAL.value => String::new(),
        (Lang::En, Country::Kr) => {
            format!(" Here: a {} pledge, your setting.", text::usd_bn(lang, scenario.total))
        }
        (Lang::Ko, Country::Kr) => {
            format!(" 여기서 약정액은 사용자 설정인 {}입니다.", text::usd_bn(lang, scenario.total))
        }
        (Lang::En, c) => format!(
            " Here: {}'s pledge, held to Korea's limit as an assumption.",
            text::country_name(lang, c)
        ),
        (Lang::Ko, c) => {
            format!(" 여기서는 {}의 약정에 한국의 한도를 가정으로 적용합니다.", text::country_name(lang, c))
        }
    };
    let sv = &summary.solvers;
    let one_end = |at: Option<f64>| Mark { at, from: None };
    let marks = vec![
        (
            Key::Upfront,
            Mark {
                at: sv.max_upfront,
                from: sv.max_upfront.map(|max| min_upfront(&scenario, max)).filter(|from| *from > 0.0),
            },
        ),
        (Key::Years, one_end(sv.min_years.map(f64::from))),
        (Key::Krw, one_end(sv.min_krw)),
    ];
    html! {
        <>
        <header class="masthead">
            <div class="view-switch">
                <div class="lang-switch" role="group" aria-label={tr(lang, "Language", "언어")}>
                    <button type="button" lang="en" aria-pressed={(lang == Lang::En).to_string()} onclick={set_lang(Lang::En)}>{ "English" }</button>
                    <button type="button" lang="ko" aria-pressed={(lang == Lang::Ko).to_string()} onclick={set_lang(Lang::Ko)}>{ "한국어" }</button>
                </div>
                <label for="theme">{ tr(lang, "Theme", "화면 테마") }</label>
                <select id="theme" onchange={on_theme} ~value={theme_key}>
                    <option value="" selected={theme_key.is_empty()}>{ tr(lang, "System", "시스템 설정") }</option>
                    <option value="light" selected={theme_key == "light"}>{ tr(lang, "Light", "밝게") }</option>
                    <option value="dark" selected={theme_key == "dark"}>{ tr(lang, "Dark", "어둡게") }</option>
                </select>
            </div>
            // The pledge on the page, not only Korea's: Japan's is "$550 bn".
            <h1>{ match lang {
                Lang::En => format!("How do you pay a {} pledge?", text::usd_bn(lang, scenario.total)),
                Lang::Ko => format!("{} 약정, 어떻게 낼까?", text::usd_bn(lang, scenario.total)),
            } }</h1>
            <p class="dek">{ match lang {
                Lang::En => format!("In 2025 South Korea pledged $350 bn of investment in the United States for a 15% \
                    tariff. Washington first wanted it upfront, in cash; the Bank of Korea judged that about $20 bn a year is \
                    the most Korea can pay in dollars without destabilising the won.{here} Move the sliders and watch each \
                    year's payments against that limit."),
                Lang::Ko => format!("2025년 한국은 관세율 15%를 적용받는 대가로 미국에 3,500억 달러 투자를 약속했습니다. \
                    미국은 처음에 전액 현금 선불을 원했지만, 한국은행은 원화를 흔들지 않고 한국이 달러로 낼 수 있는 금액을 한 해 \
                    약 200억 달러로 보았습니다.{here} 슬라이더를 움직여 해마다의 지급액을 그 한도와 비교해 보세요."),
            } }</p>
        </header>
        { for notices }
        { live }
        <div class="layout">
            // The chart is drawn and painted first, alone: the levers, the figures and the panels
            // after them come in the next frame (grid areas by name, so the chart's place and size
            // do not depend on them; on phones they come after it).
            // The chart and the levers together: on a phone the chart stays at the top of the
            // screen while the reader scrolls through the levers under it (`.stage` in the
            // style sheet); elsewhere the two are areas of the grid as if it were not there.
            <div class="stage">
                <section class="chart-area" aria-label={tr(lang, "Chart", "차트")}>
                    { chart }
                </section>
                // Above both columns on a wide screen; on a phone under the chart, which a
                // phone held upright keeps on the screen while the step's words are read (above
                // it, they pushed the bars they speak of off the screen).
                { tour(view.step, &scenario, lang, &dispatch) }
                if painted {
                    <section class="controls-panel" aria-label={tr(lang, "Scenario controls", "시나리오 조절")}>
                        { controls(&ControlsProps { scenario: scenario.clone(), gave_way: state.gave_way.clone(), dispatch: dispatch.clone(), only: None, marks, lang }) }
                    </section>
                }
            </div>
            if painted {
                <section class="summary-area" aria-label={tr(lang, "Key findings", "핵심 결과")}>
                    { summary_view(&SummaryProps { scenario: scenario.clone(), summary: summary.clone(), lang, baseline: base_summary }) }
                    // Beside the figures, which show the differences from a pinned baseline.
                    { baseline_bar(view.base.is_some(), lang, &dispatch) }
                </section>
                // Its own area, so that on phones it comes after the levers, not between them
                // and the chart (the map has a heading of its own).
                <div class="map-area">
                    <FeasibilityMap scenario={scenario.clone()} {lang} {dark} pair={view.map.unwrap_or(0)} dispatch={dispatch.clone()} />
                </div>
                <section class="details-area" aria-label={tr(lang, "Data and notes", "데이터와 주석")}>
                    <Details {calm} view={view.clone()} {lang} {dark} dispatch={dispatch.clone()} />
                </section>
            }
        </div>
        <footer class="colophon">
            <p>{ tr(lang, "Model and chart: pledge-explorer (Rust, WebAssembly). Every figure carries its source and date; every assumption is labelled as one.",
                "모델과 차트: pledge-explorer (Rust, WebAssembly). 모든 수치에 출처와 날짜를, 모든 가정에 가정임을 밝혀 두었습니다.") }</p>
        </footer>
        </>
    }
}
