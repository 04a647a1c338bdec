//! The controls: native range inputs with labels, exact-value boxes and `aria-valuetext` in
//! words and money; the scenario, profile and economy pickers; reset.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::app::Model;
use crate::decimal::{fixed, shortest};
use crate::presets::Preset;
use crate::scenario::{Country, Key, Profile, Scenario};
use crate::text::{pct, tr, usd_bn};
use crate::ui_state::{Action, GaveWay};
use crate::view::Lang;

/// The visible label (also the accessible name) of a control.
pub fn label(lang: Lang, key: Key, country: Country) -> &'static str {
    crate::text::lever_name(lang, key, country)
}

/// What a control's value means, in words and money, for `aria-valuetext` and the readout.
pub fn value_text(lang: Lang, s: &Scenario, key: Key) -> String {
    let value = s.get(key).unwrap_or(0.0);
    let share_bn = s.total * value / 100.0;
    let (p, usd) = (pct(value), |x| usd_bn(lang, x));
    let ko = lang == Lang::Ko;
    match key {
        Key::Upfront | Key::Guarantees | Key::Loans | Key::Corporate => {
            if ko {
                format!("{p}퍼센트, {}", usd(share_bn))
            } else {
                format!("{p} percent, {}", usd(share_bn))
            }
        }
        Key::Krw => {
            let state_cash = crate::model::schedule(s).rows.iter().map(|r| r.state_cash).sum::<f64>();
            let amount = usd(state_cash * value / 100.0);
            if ko {
                format!("국가 현금의 {p}퍼센트, {amount}")
            } else {
                format!("{p} percent of state cash, {amount}")
            }
        }
        Key::Calls => {
            let amount = usd(s.total * s.guarantees / 100.0 * value / 100.0);
            if ko {
                format!("보증의 {p}퍼센트, {amount}")
            } else {
                format!("{p} percent of guarantees, {amount}")
            }
        }
        Key::Years => {
            let (n, first) = (s.years, s.start);
            let last = first + n - 1;
            match (ko, n == 1) {
                (false, true) => format!("1 year, {first}"),
                (false, false) => format!("{n} years, {first} to {last}"),
                (true, true) => format!("1년, {first}년"),
                (true, false) => format!("{n}년, {first}년부터 {last}년까지"),
            }
        }
        Key::Limit => {
            if ko {
                format!("연 {}", usd(value))
            } else {
                format!("{} a year", usd(value))
            }
        }
        Key::Total => usd(value),
        _ => p,
    }
}

/// Props of [`Slider`].
#[derive(Properties, PartialEq)]
pub struct SliderProps {
    /// The scenario key it sets.
    pub control: Key,
    /// Its value in the scenario.
    pub value: f64,
    /// What the value means, in words ([`value_text`]).
    pub text: String,
    /// The scenario's economy (it names the own-currency lever).
    pub country: Country,
    /// Slider range and step.
    pub min: f64,
    /// Upper end of the slider.
    pub max: f64,
    /// Slider step.
    pub step: f64,
    /// Where to send changes.
    pub dispatch: UseReducerDispatcher<Model>,
    /// The language.
    pub lang: Lang,
    /// For the seed sliders with a solver, its limit mark.
    #[prop_or_default]
    pub mark: Option<Mark>,
}

/// A seed slider's limit mark, from the solvers: where, the slider moved as a reader moves it,
/// every year fits under the limit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    /// Where every year starts fitting (years, own currency) or stops fitting (upfront);
    /// `None`: no value fits.
    pub at: Option<f64>,
    /// For upfront, where the shares that fit start, when that is above 0 (a back-loaded or
    /// short timeline needs some money in the first year).
    pub from: Option<f64>,
}

/// Words for a slider's limit mark: up to where, from where, or (`from`) between where every
/// year fits; a mark at the slider's far end (upfront's top, the others' bottom) says any
/// value fits, and one at upfront's near end that only 0% does.
fn mark_text(lang: Lang, key: Key, Mark { at, from }: Mark) -> String {
    let Some(at) = at else {
        // One line at 320 px, as every mark: "…within the limit" was cut there.
        return tr(lang, "No value makes every year fit", "모든 해가 한도 안인 값 없음").to_owned();
    };
    let (lo, hi) = key.range().unwrap_or_default();
    if from.is_none() && at == if key == Key::Upfront { hi } else { lo } {
        return tr(lang, "Every year fits at any value", "어떤 값이든 모든 해가 한도 안").to_owned();
    }
    if from.is_none() && at == lo {
        // Upfront's near end: "up to 0%" would read as a range.
        return tr(lang, "Every year fits only at 0%", "0%에서만 모든 해가 한도 안").to_owned();
    }
    let (v, ko) = (pct(at), lang == Lang::Ko);
    if let Some(from) = from {
        let a = pct(from);
        return if ko {
            format!("{a}%부터 {v}%까지 모든 해가 한도 안")
        } else {
            format!("Every year fits from {a}% to {v}%")
        };
    }
    match (key, ko) {
        (Key::Upfront, false) => format!("Every year fits up to {v}%"),
        (Key::Upfront, true) => format!("{v}%까지 모든 해가 한도 안"),
        (Key::Years, false) => format!("Every year fits from {}", crate::text::years(&v)),
        (Key::Years, true) => format!("{v}년부터 모든 해가 한도 안"),
        (_, false) => format!("Every year fits from {v}%"),
        (_, true) => format!("{v}%부터 모든 해가 한도 안"),
    }
}
#[component]
pub fn Slider(props: &SliderProps) -> Html {
    let key = props.control;
    let id = format!("ctl-{}", key.name());
    let value = props.value;
    let (lo, hi) = key.range().unwrap_or((props.min, props.max));
    // A fixed range: one that grew with a link's limit=500 ran away from a pointer dragging down.
    let lang = props.lang;
    let text = props.text.clone();
    let oninput = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                if let Some(v) = crate::scenario::parse_number(&input.value()) {
                    dispatch.dispatch(Action::Input(key, v));
                }
            }
        })
    };
    let settle = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: Event| dispatch.dispatch(Action::Settle))
    };
    // A held arrow key's repeats are one change, as a drag is: one history entry, not one each.
    // Its release ends it, as a drag's does: a repeat that moved nothing (at the end of the
    // range, or a held Shift) is followed by no `change`, and left the next change replacing
    // this one's entry.
    let hold = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.repeat() {
                dispatch.dispatch(Action::Hold);
            }
        })
    };
    let release = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: KeyboardEvent| dispatch.dispatch(Action::Settle))
    };
    // To a tenth (a preset's 300/7 % is "42.9"), but the limit as it is kept, to $0.1 m: "0.04"
    // beside "$40 m a year", where the box said "0.0".
    let exact =
        if value.fract() == 0.0 || key == Key::Limit { shortest(value) } else { fixed(value, 1).to_string() };
    let on_exact = {
        let (dispatch, shown) = (props.dispatch.clone(), exact.clone());
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                dispatch.dispatch(Action::Typed(key, input.value()));
                // The value in use until the typed one is taken (a new value renders over this;
                // a refused one, which changes nothing, stayed in the box beside the slider).
                input.set_value(&shown);
            }
        })
    };
    let list_id = format!("{id}-marks");
    let mark = props.mark.map(|m| (m, mark_text(lang, key, m)));
    let tick = mark.as_ref().and_then(|(m, _)| m.at);
    let from_tick = mark.as_ref().and_then(|(m, _)| m.from).filter(|_| tick.is_some());
    html! {
        <div class="control">
            <div class="control-head">
                <label for={id.clone()}>{ label(lang, key, props.country) }</label>
                <output for={id.clone()} class="readout">{ text.clone() }</output>
            </div>
            <div class="control-row">
                <input type="range" id={id.clone()} name={key.name()}
                    min={shortest(props.min)} max={shortest(props.max)} step={shortest(props.step)}
                    value={shortest(value)} aria-valuetext={text}
                    list={tick.map(|_| list_id.clone())}
                    aria-describedby={mark.as_ref().map(|_| format!("{id}-mark"))}
                    {oninput} onchange={settle} onkeydown={hold.clone()} onkeyup={release.clone()} />
                <input type="number" class="exact" id={format!("{id}-exact")}
                    aria-label={format!("{}{}", label(lang, key, props.country), tr(lang, ", exact value", ", 정확한 값"))}
                    min={shortest(lo)} max={shortest(hi)} step="any" inputmode="decimal"
                    value={exact} onchange={on_exact} onkeydown={hold} onkeyup={release} />
            </div>
            if let Some((_, words)) = mark {
                if let Some(at) = tick {
                    <datalist id={list_id}>
                        if let Some(from) = from_tick {
                            <option value={shortest(from)} label={words.clone()} />
                        }
                        <option value={shortest(at)} label={words.clone()} />
                    </datalist>
                }
                <p class="limit-mark" id={format!("{id}-mark")}>{ words }</p>
            }
        </div>
    }
}

/// A `<select>`'s change handler: the chosen value, turned into an action if it names one.
fn on_select(dispatch: &UseReducerDispatcher<Model>, action: fn(&str) -> Option<Action>) -> Callback<Event> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: Event| {
        if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
            if let Some(action) = action(&select.value()) {
                dispatch.dispatch(action);
            }
        }
    })
}

/// What giving way did, in words: shown under the levers, and said with the settled finding (the
/// line itself is not a live region: it changed, and was read out, with every key press).
pub fn gave_way_words(lang: Lang, g: &GaveWay, country: Country) -> String {
    let others: Vec<String> = g
        .others
        .iter()
        .map(|(k, v)| format!("{} ({} {}%)", label(lang, *k, country), tr(lang, "now", "현재"), pct(*v)))
        .collect();
    match lang {
        Lang::En => format!(
            "Shares cannot add up to more than 100%, so as {} rose, {} gave way.",
            label(lang, g.moved, country),
            others.join(" and ")
        ),
        // No particle after a name ("이(가)"): which form fits depends on the name's last sound.
        Lang::Ko => format!(
            "비중의 합은 100%를 넘을 수 없어, {} 증가분만큼 다음이 줄었습니다: {}.",
            label(lang, g.moved, country),
            others.join(", ")
        ),
    }
}

/// What [`controls`] shows.
pub struct ControlsProps {
    /// The scenario shown.
    pub scenario: Scenario,
    /// The last give-way, to explain.
    pub gave_way: Option<GaveWay>,
    /// Where to send changes.
    pub dispatch: UseReducerDispatcher<Model>,
    /// Show only these controls, in this order, without the preset picker and reset (embeds).
    pub only: Option<Vec<Key>>,
    /// Limit marks of the seed sliders (from the solvers).
    pub marks: Vec<(Key, Mark)>,
    /// The language.
    pub lang: Lang,
}

/// Every control, seed controls first (or only the ones an embed asks for).
///
/// A function, not a component: its scenario changes with every input, so a component would
/// render as often and cost its lifecycle code (about 0.5 KB gzip) for nothing. The sliders it
/// holds are components, and render only when their own value or words change.
pub fn controls(props: &ControlsProps) -> Html {
    let s = &props.scenario;
    let d = &props.dispatch;
    let lang = props.lang;
    let slider = |key: Key, min: f64, max: f64, step: f64| {
        let mark = props.marks.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
        // Only what the slider shows: a slider whose value and words stay as they were is not
        // rendered again when another lever moves.
        let (value, text) = (s.get(key).unwrap_or(0.0), value_text(lang, s, key));
        html! { <Slider control={key} {value} {text} country={s.country} {min} {max} {step} dispatch={d.clone()} {lang} {mark} /> }
    };
    let on_preset = on_select(d, |v| Some(Action::Preset(Preset::from_key(v))));
    let on_profile = on_select(d, |v| Profile::ALL.into_iter().find(|p| p.key() == v).map(Action::Profile));
    let on_country = on_select(d, |v| Country::ALL.into_iter().find(|c| c.key() == v).map(Action::Country));
    let on_reset = {
        let dispatch = d.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Reset))
    };
    let preset_key = s.preset.map_or("", Preset::key);
    let gave_way = props.gave_way.as_ref().map(|g| gave_way_words(lang, g, s.country));
    let profile_name = |p: Profile| match p {
        Profile::Even => tr(lang, "Even: the same every year", "균등: 해마다 같게"),
        Profile::Front => tr(lang, "Front-loaded: more early", "앞쪽 집중: 초기에 더 많이"),
        Profile::Back => tr(lang, "Back-loaded: more late", "뒤쪽 집중: 나중에 더 많이"),
    };
    let country_name = |c: Country| match c {
        Country::Kr => tr(lang, "South Korea", "한국"),
        Country::Jp => tr(lang, "Japan", "일본"),
        Country::Eu => tr(lang, "European Union", "유럽연합"),
    };
    let profile_select = html! {
        <div class="control">
            <label for="ctl-profile">{ label(lang, Key::Profile, s.country) }</label>
            <select id="ctl-profile" name="profile" onchange={on_profile} ~value={s.profile.key()}>
                { for Profile::ALL.iter().map(|p| html! {
                    <option value={p.key()} selected={*p == s.profile}>{ profile_name(*p) }</option>
                }) }
            </select>
        </div>
    };
    let country_select = html! {
        <div class="control">
            <label for="ctl-country">{ label(lang, Key::Country, s.country) }</label>
            <select id="ctl-country" name="country" onchange={on_country} ~value={s.country.key()}>
                { for Country::ALL.iter().map(|c| html! {
                    <option value={c.key()} selected={*c == s.country}>{ country_name(*c) }</option>
                }) }
            </select>
        </div>
    };
    let control = |key: Key| match key {
        Key::Profile => profile_select.clone(),
        Key::Country => country_select.clone(),
        Key::Years => slider(key, 1.0, 30.0, 1.0),
        Key::Total => slider(key, 10.0, 1000.0, 10.0),
        _ => slider(key, 0.0, 100.0, 1.0),
    };
    if let Some(only) = &props.only {
        return html! {
            <form class="controls controls-embed" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                { for only.iter().map(|k| control(*k)) }
                <p class="gave-way">{ gave_way.unwrap_or_default() }</p>
            </form>
        };
    }
    html! {
        <form class="controls" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <div class="control">
                // The label says when the levers have moved from the preset ("Scenario
                // (changed)"): in the picker, a mark beside a long name was cut off.
                <label for="ctl-preset">{ label(lang, Key::Preset, s.country) }{
                    s.preset.map_or("", |p| crate::text::changed_mark(lang, s, &p.scenario()))
                }</label>
                // `~value`, here and on every picker, is the selection set as a property when the
                // state changes: once a reader has picked an option, the `selected` attributes
                // no longer move it (after Reset, Back or a tour step it showed the old pick).
                <select id="ctl-preset" name="preset" onchange={on_preset} ~value={preset_key}>
                    <option value="" selected={s.preset.is_none()}>{ tr(lang, "Custom", "사용자 설정") }</option>
                    { for Preset::ALL.iter().map(|p| html! {
                        <option value={p.key()} selected={p.key() == preset_key}>{ p.title(lang) }</option>
                    }) }
                </select>
            </div>
            <fieldset>
                <legend>{ tr(lang, "How the pledge is paid", "약정액을 내는 방법") }</legend>
                { for [Key::Upfront, Key::Guarantees, Key::Krw, Key::Years].map(control) }
            </fieldset>
            <p class="gave-way">{ gave_way.unwrap_or_default() }</p>
            <details class="more-controls" open=true>
                <summary>{ tr(lang, "More settings", "설정 더 보기") }</summary>
                { for [Key::Loans, Key::Corporate, Key::Calls, Key::Limit, Key::Total, Key::Profile, Key::Country].map(control) }
            </details>
            <button type="button" class="reset" onclick={on_reset}>
                { if s.preset.is_some() {
                    tr(lang, "Reset to the scenario's values", "시나리오 값으로 되돌리기")
                } else {
                    tr(lang, "Reset to defaults", "기본값으로 되돌리기")
                } }
            </button>
        </form>
    }
}
