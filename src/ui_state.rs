//! The explorer's state machine, kept pure so it is tested natively: what a reader's action does
//! to the scenario, which notices show, and whether the URL gets a new history entry or has its
//! current one replaced. The browser shell (`web`) only dispatches actions and performs the
//! history operation it is told to.

use crate::presets::Preset;
use crate::scenario::{Country, Key, ParamError, Profile, RawParams, Scenario};
use crate::view::{join_queries, Lang, ThemeChoice, View};

/// What the shell should do with the browser history after a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryOp {
    /// Leave the URL alone (the change came from the URL).
    None,
    /// Add a history entry: a settled change, or the first input of a drag.
    Push,
    /// Replace the current entry: further inputs of the same drag.
    Replace,
}

/// A reader's action.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A control moved to a value (fires on every `input` event while dragging).
    Input(Key, f64),
    /// The control was released: the drag is over.
    Settle,
    /// A key held on a control repeats: its next input belongs to the change under way, as a
    /// drag's inputs do (the history entry the first press pushed is replaced, not added to).
    Hold,
    /// An exact value was typed into a control's box (a settled change).
    Typed(Key, String),
    /// A loading profile was chosen.
    Profile(Profile),
    /// A country was chosen.
    Country(Country),
    /// A preset was picked (`None`: keep the values, drop the preset).
    Preset(Option<Preset>),
    /// Back to the preset's values, or the defaults.
    Reset,
    /// The URL changed under us (Back/Forward): load its query.
    Load(String),
    /// The reader closed the notices.
    DismissNotices,
    /// A whole (checked) scenario, from the host page of an embed. An unchanged scenario is not
    /// a change.
    Set(Scenario),
    /// Levers moved at once, each as its slider moves it, as one settled change: a cell of the
    /// feasibility map (two levers, the share last) or a solver's answer. The shares that gave
    /// way are said, as for a slider, and a preset stays, "(changed)".
    Move(Vec<(Key, f64)>),
    /// The reader chose a language.
    Lang(Lang),
    /// The reader chose a theme (`None`: follow the system).
    Theme(Option<ThemeChoice>),
    /// Go to a tour step (1-based; the step's scenario is shown), or leave the tour (`None`),
    /// keeping whatever the reader sees.
    Tour(Option<usize>),
    /// Pin the current scenario as the baseline to compare with.
    Pin,
    /// Drop the baseline.
    Unpin,
    /// Show this pair of levers on the feasibility map (an index in `feasibility::PAIRS`; the
    /// first pair is the default and is not written to the link).
    MapPair(usize),
}

/// Why a share control's neighbours changed.
#[derive(Debug, Clone, PartialEq)]
pub struct GaveWay {
    /// The control that was moved.
    pub moved: Key,
    /// The controls that gave way, with their new values.
    pub others: Vec<(Key, f64)>,
}

impl GaveWay {
    /// What giving way to `moved` did to `scenario`'s `others`, if anything.
    fn of(moved: Key, others: Vec<Key>, scenario: &Scenario) -> Option<GaveWay> {
        (!others.is_empty()).then(|| GaveWay {
            moved,
            others: others.into_iter().map(|k| (k, scenario.get(k).unwrap_or(0.0))).collect(),
        })
    }
}

/// Everything the page shows that is not derived from the scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct UiState {
    /// The checked scenario.
    pub scenario: Scenario,
    /// How it is shown: language, theme, embed mode, controls.
    pub view: View,
    /// Problems with the link the page was opened with (or a typed value), until dismissed.
    pub notices: Vec<ParamError>,
    /// The last time shares gave way to the one being moved.
    pub gave_way: Option<GaveWay>,
    /// A drag is under way: inputs replace the history entry the drag's first input pushed.
    pub dragging: bool,
    /// What to do with the history for the latest change.
    pub history: HistoryOp,
    /// Bumped on every change that should reach the URL.
    pub url_version: u64,
}

impl UiState {
    /// The state for a page opened with `query`: bad keys fall back and are listed as notices;
    /// if there were any, the URL is rewritten (replaced) to the scenario actually shown.
    pub fn load(query: &str) -> UiState {
        let mut raw = RawParams::from_query(query);
        let (view, mut errors) = View::take(&mut raw);
        let (mut scenario, scenario_errors) = Scenario::from_raw_lenient(&raw);
        errors.extend(scenario_errors);
        if let Some(step) = view.tour_scenario(&scenario) {
            scenario = step;
        }
        let history = if errors.is_empty() { HistoryOp::None } else { HistoryOp::Replace };
        UiState { scenario, view, notices: errors, gave_way: None, dragging: false, history, url_version: 0 }
    }

    /// The query string of the state (without `?`): the scenario's keys, then the view's.
    pub fn query(&self) -> String {
        join_queries(&[&self.scenario.to_query(), &self.view.to_query()])
    }

    /// Applies an action. In an embed, history entries are never added: the host page's Back
    /// button must leave the article, not step through the reader's slider moves.
    pub fn reduce(&self, action: Action) -> UiState {
        let mut next = self.reduce_inner(action);
        if next.view.embed && next.history == HistoryOp::Push {
            next.history = HistoryOp::Replace;
        }
        next
    }

    fn reduce_inner(&self, action: Action) -> UiState {
        let mut next = self.clone();
        match action {
            Action::Input(key, value) => {
                let before = self.scenario.clone();
                match next.scenario.set_share_giving_way(key, value) {
                    Ok(gave_way) => next.gave_way = GaveWay::of(key, gave_way, &next.scenario),
                    Err(kind) => {
                        let error = ParamError {
                            key: key.name().to_owned(),
                            value: crate::decimal::shortest(value),
                            kind,
                        };
                        next.notices = vec![error];
                        return next;
                    }
                }
                if next.scenario != before {
                    next.history = if self.dragging { HistoryOp::Replace } else { HistoryOp::Push };
                    next.url_version += 1;
                }
                next.dragging = true;
            }
            Action::Settle => next.dragging = false,
            Action::Hold => next.dragging = true,
            Action::Typed(key, text) => {
                return match crate::scenario::parse_number(text.trim()) {
                    // A settled change of its own, unless a held key's repeat (`Hold`) made it
                    // part of the change under way: the box's arrow keys step it as a slider's do.
                    Some(value) if value.is_finite() => {
                        self.reduce(Action::Input(key, value)).reduce(Action::Settle)
                    }
                    _ => {
                        let kind = crate::scenario::ParamErrorKind::NotANumber;
                        next.notices = vec![ParamError { key: key.name().to_owned(), value: text, kind }];
                        next
                    }
                };
            }
            Action::Profile(profile) => {
                next.scenario.profile = profile;
                next.changed();
            }
            Action::Country(country) => {
                next.scenario.country = country;
                next.changed();
            }
            Action::Preset(preset) => {
                next.scenario = match preset {
                    Some(p) => p.scenario(),
                    None => Scenario { preset: None, ..next.scenario },
                };
                next.changed();
            }
            Action::Reset => {
                next.scenario = next.scenario.preset.map_or_else(Scenario::default, Preset::scenario);
                next.changed();
            }
            Action::Load(query) => {
                let loaded = UiState::load(&query);
                next.scenario = loaded.scenario;
                next.view = loaded.view;
                next.notices = loaded.notices;
                next.gave_way = None;
                next.dragging = false;
                next.history = HistoryOp::None;
            }
            Action::DismissNotices => next.notices.clear(),
            Action::Set(scenario) => {
                if scenario != next.scenario {
                    next.scenario = scenario;
                    next.changed();
                }
            }
            Action::Move(levers) => {
                let mut gave_way = None;
                for (key, value) in levers {
                    match next.scenario.set_share_giving_way(key, value) {
                        Ok(keys) => gave_way = GaveWay::of(key, keys, &next.scenario).or(gave_way),
                        // The callers move levers within their ranges.
                        Err(_) => return self.clone(),
                    }
                }
                if next.scenario != self.scenario {
                    next.changed();
                    next.gave_way = gave_way;
                }
            }
            Action::Lang(lang) => {
                next.view.lang = Some(lang);
                next.changed();
            }
            Action::Theme(theme) => {
                next.view.theme = theme;
                next.changed();
            }
            Action::MapPair(i) => {
                let map = (i > 0 && i < crate::feasibility::PAIRS.len()).then_some(i);
                if next.view.map != map {
                    next.view.map = map;
                    next.changed();
                }
            }
            Action::Tour(step) => {
                let found = step.and_then(|n| n.checked_sub(1)).and_then(|i| crate::tour::STEPS.get(i));
                if let (Some(n), Some(s)) = (step, found) {
                    next.view.step = Some(n);
                    next.scenario = s.scenario();
                } else {
                    next.view.step = None;
                }
                next.changed();
            }
            Action::Pin => {
                next.view.base = Some(next.scenario.clone());
                next.changed();
            }
            Action::Unpin => {
                next.view.base = None;
                next.changed();
            }
        }
        next
    }

    /// A settled change: a new history entry, the URL written, and no "gave way" (what gave way
    /// to an earlier move does not explain this change, and was said again with its finding).
    /// `Move` sets its own after this.
    fn changed(&mut self) {
        self.gave_way = None;
        self.dragging = false;
        self.history = HistoryOp::Push;
        self.url_version += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn view_keys_stay_in_the_url_and_embeds_never_push_history() {
        let s = UiState::load("?embed=1&upfront=10&lang=ko");
        assert!(s.notices.is_empty(), "{:?}", s.notices);
        assert_eq!(s.query(), "upfront=10&lang=ko&embed=1");
        let moved = s.reduce(Action::Input(Key::Upfront, 30.0));
        assert_eq!(moved.history, HistoryOp::Replace);
        assert_eq!(moved.query(), "upfront=30&lang=ko&embed=1");
        let full = UiState::load("upfront=10").reduce(Action::Input(Key::Upfront, 30.0));
        assert_eq!(full.history, HistoryOp::Push);
    }

    #[test]
    fn a_scenario_from_the_host_page_replaces_the_scenario_but_keeps_the_view() {
        let s = UiState::load("embed=1&controls=years").reduce(Action::Set(Preset::Japan.scenario()));
        assert_eq!(s.scenario, Preset::Japan.scenario());
        assert_eq!(s.query(), "preset=japan&embed=1&controls=years");
        assert_eq!((s.history, s.url_version), (HistoryOp::Replace, 1));
        let same = s.reduce(Action::Set(Preset::Japan.scenario()));
        assert_eq!(same.url_version, 1, "an unchanged scenario is not a change");
    }

    #[test]
    fn a_tour_step_sets_its_scenario_and_leaving_keeps_it() {
        let s = UiState::load("?step=3");
        assert_eq!(s.scenario, crate::tour::STEPS[2].scenario());
        let s = s.reduce(Action::Tour(Some(6)));
        assert_eq!(s.scenario, Preset::KrDeal.scenario());
        assert_eq!(s.query(), "preset=kr-deal&step=6");
        let left = s.reduce(Action::Tour(None));
        assert_eq!(left.query(), "preset=kr-deal");
        // A step link that also carries scenario keys shows those (the reader moved on).
        assert_eq!(UiState::load("?step=3&years=4").scenario.years, 4);
        // Keys the page rejects leave it a bare tour link: it shows the step, as the link it
        // writes back does (it showed the default page under the step, and wrote `step=3`).
        for link in ["?step=3&colour=red", "?step=3&upfront=NaN", "?step=3&years=4&years=5"] {
            let s = UiState::load(link);
            assert_eq!(s.scenario, crate::tour::STEPS[2].scenario(), "{link}");
            assert!(!s.notices.is_empty(), "{link}");
            assert_eq!(s.query(), UiState::load("?step=3").query(), "{link}");
            assert_eq!(UiState::load(&s.query()).scenario, s.scenario, "{link}");
        }
    }

    #[test]
    fn a_pinned_baseline_is_in_the_url_and_survives_a_reload() {
        let s = UiState::load("preset=kr-deal").reduce(Action::Pin).reduce(Action::Input(Key::Years, 5.0));
        let reloaded = UiState::load(&s.query());
        assert_eq!(reloaded.view.base, Some(Preset::KrDeal.scenario()));
        assert_eq!(reloaded.scenario.years, 5);
        assert!(reloaded.notices.is_empty(), "{:?}", reloaded.notices);
        assert_eq!(reloaded.reduce(Action::Unpin).view.base, None);
    }

    #[test]
    fn language_and_theme_choices_are_kept_in_the_url() {
        let s =
            UiState::load("").reduce(Action::Lang(Lang::Ko)).reduce(Action::Theme(Some(ThemeChoice::Dark)));
        assert_eq!(s.query(), "lang=ko&theme=dark");
        assert_eq!(s.reduce(Action::Theme(None)).query(), "lang=ko");
    }

    #[test]
    fn a_new_map_pair_is_a_history_entry_and_the_first_pair_is_not_written() {
        let s0 = UiState::load("upfront=10");
        let s1 = s0.reduce(Action::MapPair(2));
        assert_eq!(s1.query(), "upfront=10&map=guarantees-calls");
        assert_eq!((s1.history, s1.url_version), (HistoryOp::Push, s0.url_version + 1));
        assert_eq!(s1.reduce(Action::MapPair(0)).query(), "upfront=10");
        // The same pair again, or one that does not exist, changes nothing.
        assert_eq!(s1.reduce(Action::MapPair(2)).url_version, s1.url_version);
        assert_eq!(s0.reduce(Action::MapPair(7)).url_version, s0.url_version);
        assert_eq!(UiState::load("map=upfront-krw").view.map, Some(1));
    }

    #[test]
    fn a_drag_pushes_once_then_replaces_until_it_settles() {
        let s0 = UiState::load("");
        let s1 = s0.reduce(Action::Input(Key::Upfront, 10.0));
        assert_eq!((s1.history, s1.url_version), (HistoryOp::Push, 1));
        let s2 = s1.reduce(Action::Input(Key::Upfront, 11.0));
        assert_eq!((s2.history, s2.url_version), (HistoryOp::Replace, 2));
        let s3 = s2.reduce(Action::Settle).reduce(Action::Input(Key::Upfront, 12.0));
        assert_eq!(s3.history, HistoryOp::Push);
    }

    #[test]
    fn what_gave_way_is_forgotten_by_the_next_change_that_is_not_a_levers() {
        // corporate 20: upfront at 90 takes 10 from it.
        let moved = UiState::load("?corporate=20").reduce(Action::Input(Key::Upfront, 90.0));
        assert!(moved.reduce(Action::Settle).gave_way.is_some());
        for action in [
            Action::Country(Country::Jp),
            Action::Profile(Profile::Front),
            Action::Lang(Lang::Ko),
            Action::Pin,
        ] {
            let name = format!("{action:?}");
            assert_eq!(moved.reduce(Action::Settle).reduce(action).gave_way, None, "{name}");
        }
        // A map cell or an answer that takes from another share says so.
        let map = UiState::load("?corporate=20").reduce(Action::Move(vec![(Key::Upfront, 90.0)]));
        assert!(map.gave_way.is_some());
    }

    #[test]
    fn a_held_keys_repeats_replace_the_entry_its_first_press_pushed() {
        // A key press is an input and a release (`change`); a held key repeats both.
        let press = |s: &UiState, v| s.reduce(Action::Input(Key::Years, v)).reduce(Action::Settle);
        let first = press(&UiState::load(""), 11.0);
        assert_eq!(first.history, HistoryOp::Push);
        let repeat = press(&first.reduce(Action::Hold), 12.0);
        assert_eq!((repeat.history, repeat.dragging, repeat.scenario.years), (HistoryOp::Replace, false, 12));
        // The next press is a change of its own.
        assert_eq!(press(&repeat, 13.0).history, HistoryOp::Push);
    }

    #[test]
    fn a_bad_link_keeps_the_good_keys_lists_the_bad_and_rewrites_the_url() {
        let s = UiState::load("?upfront=20&years=banana&colour=red");
        assert_eq!(s.scenario.upfront, 20.0);
        assert_eq!(s.scenario.years, 10);
        assert_eq!(s.notices.len(), 2);
        assert!(s.notices[0].to_string().contains("years=\"banana\""), "{:?}", s.notices);
        assert_eq!(s.history, HistoryOp::Replace);
        assert!(s.reduce(Action::DismissNotices).notices.is_empty());
    }

    #[test]
    fn moving_a_share_past_100_makes_the_others_give_way_and_says_so() {
        let s = UiState::load("guarantees=60&loans=30").reduce(Action::Input(Key::Upfront, 50.0));
        assert_eq!(s.scenario.upfront, 50.0);
        assert!(s.scenario.share_sum() <= 100.0);
        let gave_way = s.gave_way.unwrap();
        assert_eq!(gave_way.moved, Key::Upfront);
        assert_eq!(gave_way.others, vec![(Key::Guarantees, 20.0)]);
    }

    /// A map cell or a solver's answer moves its levers as their sliders do: the shares that
    /// gave way are said, the preset stays (its Reset goes back to it, not to Korea's
    /// defaults), and it is one settled change, one history entry.
    #[test]
    fn moving_levers_at_once_says_what_gave_way_and_keeps_the_preset() {
        let eu = UiState::load("preset=eu");
        let s = eu.reduce(Action::Move(vec![(Key::Years, 5.0), (Key::Upfront, 3.3)]));
        assert_eq!((s.scenario.upfront, s.scenario.corporate, s.scenario.years), (3.3, 96.7, 5));
        assert_eq!(s.scenario.preset, Some(Preset::Eu));
        assert_eq!(s.gave_way, Some(GaveWay { moved: Key::Upfront, others: vec![(Key::Corporate, 96.7)] }));
        assert_eq!((s.history, s.dragging, s.url_version), (HistoryOp::Push, false, eu.url_version + 1));
        assert_eq!(s.query(), "preset=eu&upfront=3.3&corporate=96.7&years=5");
        // Nothing gave way: no words; nothing changed: no change.
        let roomy = UiState::load("years=20").reduce(Action::Move(vec![(Key::Upfront, 2.0)]));
        assert_eq!((roomy.scenario.upfront, &roomy.gave_way), (2.0, &None));
        assert_eq!(roomy.reduce(Action::Move(vec![(Key::Upfront, 2.0)])).url_version, roomy.url_version);
        let same = eu.reduce(Action::Move(vec![(Key::Years, 3.0)]));
        assert_eq!((same.history, same.url_version), (eu.history, eu.url_version));
        // Out of range (no caller sends it): nothing moves.
        assert_eq!(eu.reduce(Action::Move(vec![(Key::Upfront, 3.0), (Key::Years, 99.0)])), eu);
    }

    #[test]
    fn reset_returns_to_the_preset_and_back_forward_does_not_touch_history() {
        let s = UiState::load("preset=kr-deal").reduce(Action::Input(Key::Calls, 40.0)).reduce(Action::Reset);
        assert_eq!(s.scenario, Preset::KrDeal.scenario());
        let back = s.reduce(Action::Load("?years=3".to_owned()));
        assert_eq!(back.scenario.years, 3);
        assert_eq!(back.history, HistoryOp::None);
        assert_eq!(back.url_version, s.url_version);
    }

    #[test]
    fn a_typed_value_out_of_range_or_not_a_number_is_a_notice_not_a_change() {
        let s = UiState::load("").reduce(Action::Typed(Key::Years, "99".to_owned()));
        assert_eq!(s.scenario.years, 10);
        assert!(s.notices[0].to_string().contains("years=99: out of range"), "{:?}", s.notices);
        let s = UiState::load("").reduce(Action::Typed(Key::Upfront, "lots".to_owned()));
        assert_eq!(s.scenario.upfront, 0.0);
        assert!(s.notices[0].to_string().contains("upfront=\"lots\": not a number"), "{:?}", s.notices);
    }

    #[test]
    fn a_typed_value_is_one_history_entry() {
        let s = UiState::load("").reduce(Action::Typed(Key::Krw, " 30 ".to_owned()));
        assert_eq!(s.scenario.krw, 30.0);
        assert_eq!((s.history, s.dragging), (HistoryOp::Push, false));
        // An arrow key held in the box steps it with each repeat: one entry for the whole hold.
        let repeat = s.reduce(Action::Hold).reduce(Action::Typed(Key::Krw, "31".to_owned()));
        assert_eq!((repeat.history, repeat.dragging, repeat.scenario.krw), (HistoryOp::Replace, false, 31.0));
        let next = repeat.reduce(Action::Typed(Key::Krw, "32".to_owned()));
        assert_eq!(next.history, HistoryOp::Push);
    }
}
