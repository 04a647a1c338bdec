//! The page: state, URL synchronisation and layout (the full explorer or the compact embed).

use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use super::chart_view::ChartView;
use super::controls::Controls;
use super::embed::use_host_link;
use super::share::{full_link, SharePanel};
use super::summary::{DataTable, Notes, Summary};
use super::url;
use crate::model::{schedule, summarize};
use crate::text::tr;
use crate::ui_state::{Action, UiState};
use crate::view::{Lang, ThemeChoice};

/// Yew's reducer wrapper around the pure state machine.
#[derive(Clone, PartialEq)]
pub struct Model(pub UiState);

impl Reducible for Model {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Model(self.0.reduce(action)))
    }
}

/// The reader's colour scheme, so the chart matches the page (the CSS follows the same query).
fn prefers_dark() -> bool {
    gloo::utils::window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}

/// The browser's preferred language among the ones the explorer speaks.
fn browser_lang() -> Lang {
    let languages: Vec<String> =
        gloo::utils::window().navigator().languages().iter().filter_map(|v| v.as_string()).collect();
    Lang::from_preferences(languages.iter().map(String::as_str))
}

/// Mirrors the view on the document element: `lang`, `data-theme` (when forced) and
/// `data-embed`, which the stylesheet reads.
fn apply_to_document(lang: Lang, theme: Option<ThemeChoice>, embed: bool) {
    let Some(root) = gloo::utils::document().document_element() else { return };
    let _ = root.set_attribute("lang", lang.key());
    let _ = match theme {
        Some(t) => root.set_attribute("data-theme", t.key()),
        None => root.remove_attribute("data-theme"),
    };
    let _ = if embed { root.set_attribute("data-embed", "1") } else { root.remove_attribute("data-embed") };
}

/// The whole explorer.
#[component]
pub fn App() -> Html {
    let model = use_reducer(|| Model(UiState::load(&url::current_query())));
    let state = &model.0;
    let view = &state.view;
    let lang = use_memo(view.lang, |lang| lang.unwrap_or_else(browser_lang));
    let lang = *lang;
    let dark = match view.theme {
        Some(ThemeChoice::Dark) => true,
        Some(ThemeChoice::Light) => false,
        None => prefers_dark(),
    };
    {
        let (theme, embed) = (view.theme, view.embed);
        use_effect_with((lang, theme, embed), move |_| apply_to_document(lang, theme, embed));
    }

    // Side effects live here, not in the reducer: the URL follows the state...
    let query = state.query();
    {
        let writer = use_mut_ref(url::UrlWriter::default);
        let query = query.clone();
        let op = state.history;
        use_effect_with(state.url_version, move |_| writer.borrow_mut().write(query, op));
    }
    // ...and Back/Forward bring the state back from the URL.
    {
        let dispatcher = model.dispatcher();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
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
        Callback::from(move |_| dispatch.dispatch(Action::DismissNotices))
    };
    let narration = crate::text::narration(&scenario, &summary);

    let notices = (!state.notices.is_empty()).then(|| {
        html! {
            <div class="notice" role="alert" id="notice">
                <p><strong>{ tr(lang, "Some settings in this link were not understood and were reset to their defaults:",
                    "이 링크의 일부 설정을 이해하지 못해 기본값으로 되돌렸습니다:") }</strong></p>
                <ul>{ for state.notices.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                <button type="button" class="dismiss" onclick={dismiss}>{ tr(lang, "Dismiss", "닫기") }</button>
            </div>
        }
    });

    if view.embed {
        let shown = view.shown_controls();
        let link = full_link(&scenario.to_query(), view);
        return html! {
            <div class="embed">
                { for notices }
                <ChartView scenario={scenario.clone()} schedule={sched.clone()} narration={narration.clone()} {dark} />
                <p class="narration" id="narration">{ narration }</p>
                if !shown.is_empty() {
                    <Controls scenario={scenario.clone()} gave_way={state.gave_way.clone()} dispatch={dispatch.clone()} only={shown} />
                }
                <p class="embed-foot">
                    <a id="full-link" href={link} target="_blank" rel="noopener">
                        { tr(lang, "Open the full explorer, with sources and every setting ↗", "출처와 모든 설정이 있는 전체 탐색기 열기 ↗") }
                    </a>
                </p>
            </div>
        };
    }

    html! {
        <>
        <header class="masthead">
            <h1>{ "How do you pay a $350 bn pledge?" }</h1>
            <p class="dek">{ "In 2025 South Korea pledged $350 bn of investment in the United States for a 15% tariff. \
                Washington first wanted it upfront, in cash; the Bank of Korea judged that about $20 bn a year is the most \
                Korea can pay in dollars without destabilising the won. Move the sliders and watch each year's payments \
                against that limit." }</p>
        </header>
        { for notices }
        <div class="layout">
            <section class="controls-panel" aria-label="Scenario controls">
                <Controls scenario={scenario.clone()} gave_way={state.gave_way.clone()} dispatch={dispatch.clone()} />
            </section>
            <section class="summary-area" aria-label="Key findings">
                <Summary scenario={scenario.clone()} summary={summary.clone()} />
            </section>
            <section class="chart-area" aria-label="Chart">
                <ChartView scenario={scenario.clone()} schedule={sched.clone()} narration={narration} {dark} />
            </section>
            <section class="details-area" aria-label="Data and notes">
                <DataTable schedule={sched.clone()} />
                <SharePanel scenario={scenario.clone()} view={view.clone()} schedule={sched.clone()} summary={summary.clone()} {lang} {dark} />
                <Notes scenario={scenario.clone()} summary={summary.clone()} />
            </section>
        </div>
        </>
    }
}
