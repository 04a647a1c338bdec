//! The page: state, URL synchronisation and layout.

use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use super::chart_view::ChartView;
use super::controls::Controls;
use super::summary::{DataTable, Notes, Summary};
use super::url;
use crate::model::{schedule, summarize};
use crate::ui_state::{Action, UiState};

/// Yew's reducer wrapper around the pure state machine.
#[derive(Clone, PartialEq)]
pub struct Model(pub UiState);

impl Reducible for Model {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Model(self.0.reduce(action)))
    }
}

/// The whole explorer.
#[component]
pub fn App() -> Html {
    let model = use_reducer(|| Model(UiState::load(&url::current_query())));
    let state = &model.0;

    // Side effects live here, not in the reducer: the URL follows the state...
    {
        let writer = use_mut_ref(url::UrlWriter::default);
        let query = state.scenario.to_query();
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
    let dismiss = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::DismissNotices))
    };

    html! {
        <>
        <header class="masthead">
            <h1>{ "How do you pay a $350 bn pledge?" }</h1>
            <p class="dek">{ "In 2025 South Korea pledged $350 bn of investment in the United States for a 15% tariff. \
                Washington first wanted it upfront, in cash; the Bank of Korea judged that about $20 bn a year is the most \
                Korea can pay in dollars without destabilising the won. Move the sliders and watch each year's payments \
                against that limit." }</p>
        </header>
        if !state.notices.is_empty() {
            <div class="notice" role="alert" id="notice">
                <p><strong>{ "Some settings in this link were not understood and were reset to their defaults:" }</strong></p>
                <ul>{ for state.notices.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                <button type="button" class="dismiss" onclick={dismiss}>{ "Dismiss" }</button>
            </div>
        }
        <div class="layout">
            <section class="controls-panel" aria-label="Scenario controls">
                <Controls scenario={scenario.clone()} gave_way={state.gave_way.clone()} dispatch={dispatch.clone()} />
            </section>
            <section class="summary-area" aria-label="Key findings">
                <Summary scenario={scenario.clone()} summary={summary.clone()} />
            </section>
            <section class="chart-area" aria-label="Chart">
                <ChartView scenario={scenario.clone()} schedule={sched.clone()} narration={crate::text::narration(&scenario, &summary)} />
            </section>
            <section class="details-area" aria-label="Data and notes">
                <DataTable schedule={sched.clone()} />
                <Notes scenario={scenario.clone()} summary={summary.clone()} />
            </section>
        </div>
        </>
    }
}
