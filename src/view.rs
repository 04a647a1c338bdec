//! How the page shows a scenario, as opposed to the scenario itself: language, colour theme,
//! embed mode and which controls an embed shows. These keys share the query string with the
//! scenario's ([`crate::scenario::Key`]) so a link carries both, but they never change a number.
//!
//! [`View::take`] removes the view keys from raw parameters before the scenario is checked, so
//! the scenario parser never sees them; [`View::to_query`] writes back only what differs from
//! the default view.

use crate::feasibility;
use crate::scenario::{Key, ParamError, ParamErrorKind, QueryWriter, RawParams, Scenario, ScenarioError};
use crate::text::tr;
use crate::tour;

/// The language of every word the explorer shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Korean.
    Ko,
}

impl Lang {
    /// The query-string and BCP 47 name.
    pub fn key(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// The language for a browser's preferred languages (`navigator.languages`): the first
    /// English or Korean one wins; English when neither is listed.
    pub fn from_preferences<'a>(languages: impl IntoIterator<Item = &'a str>) -> Lang {
        for tag in languages {
            let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
            match primary.as_str() {
                "ko" => return Lang::Ko,
                "en" => return Lang::En,
                _ => {}
            }
        }
        Lang::En
    }
}

/// A colour theme forced by the link; without one the reader's `prefers-color-scheme` decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeChoice {
    /// Dark text on light.
    Light,
    /// Light text on dark.
    Dark,
}

impl ThemeChoice {
    /// The query-string name.
    pub fn key(self) -> &'static str {
        match self {
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }
}

/// A view key of the query string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewKey {
    /// `lang`: `en` or `ko`.
    Lang,
    /// `theme`: `light` or `dark`.
    Theme,
    /// `embed`: `1` for the compact embed.
    Embed,
    /// `controls`: the controls an embed shows, comma-separated, or `none`.
    Controls,
    /// `step`: the guided tour's step, 1 to [`tour::STEPS`]'s length.
    Step,
    /// `base`: a pinned baseline scenario, as its own query string.
    Base,
    /// `map`: the feasibility map's pair of levers, e.g. `upfront-krw`.
    Map,
}

impl ViewKey {
    /// Every view key, in the order the query string writes them.
    pub const ALL: [ViewKey; 7] = [
        ViewKey::Lang,
        ViewKey::Theme,
        ViewKey::Embed,
        ViewKey::Controls,
        ViewKey::Step,
        ViewKey::Base,
        ViewKey::Map,
    ];

    /// The public name.
    pub fn name(self) -> &'static str {
        match self {
            ViewKey::Lang => "lang",
            ViewKey::Theme => "theme",
            ViewKey::Embed => "embed",
            ViewKey::Controls => "controls",
            ViewKey::Step => "step",
            ViewKey::Base => "base",
            ViewKey::Map => "map",
        }
    }

    /// Looks a key up by its public name.
    pub fn from_name(name: &str) -> Option<ViewKey> {
        // As [`Key::from_name`] reads a name.
        let name = name.trim();
        ViewKey::ALL.into_iter().find(|k| k.name().eq_ignore_ascii_case(name))
    }

    /// The allowed values, in words.
    pub fn allowed(self) -> String {
        self.allowed_in(Lang::En)
    }

    /// The allowed values in words of `lang`.
    pub fn allowed_in(self, lang: Lang) -> String {
        let ko = lang == Lang::Ko;
        match self {
            ViewKey::Lang => tr(lang, "one of en, ko", "다음 중 하나: en, ko").to_owned(),
            ViewKey::Theme => tr(lang, "one of light, dark", "다음 중 하나: light, dark").to_owned(),
            ViewKey::Embed => tr(lang, "0 or 1", "0 또는 1").to_owned(),
            ViewKey::Controls => {
                let names: Vec<&str> = CONTROL_KEYS.iter().map(|k| k.name()).collect();
                let list = tr(lang, "none, or a comma-separated list of ", "none, 또는 쉼표로 구분한 목록: ");
                format!("{list}{}", names.join(", "))
            }
            ViewKey::Step if ko => format!("1부터 {}까지의 정수", tour::STEPS.len()),
            ViewKey::Step => format!("a whole number from 1 to {}", tour::STEPS.len()),
            ViewKey::Base => tr(
                lang,
                "a scenario's own query string, e.g. preset%3Dkr-deal",
                "시나리오의 쿼리 문자열 (예: preset%3Dkr-deal)",
            )
            .to_owned(),
            ViewKey::Map => {
                let names: Vec<String> =
                    (0..feasibility::PAIRS.len()).filter_map(feasibility::pair_name).collect();
                format!("{}{}", tr(lang, "one of ", "다음 중 하나: "), names.join(", "))
            }
        }
    }
}

/// The keys that have a control in the page (the ones `controls=` can list).
pub const CONTROL_KEYS: [Key; 11] = [
    Key::Upfront,
    Key::Guarantees,
    Key::Loans,
    Key::Corporate,
    Key::Krw,
    Key::Years,
    Key::Calls,
    Key::Limit,
    Key::Total,
    Key::Profile,
    Key::Country,
];

/// The controls an embed shows when the link does not say.
pub const EMBED_DEFAULT_CONTROLS: [Key; 4] = [Key::Upfront, Key::Guarantees, Key::Krw, Key::Years];

/// The view settings of a link. The default is the full page, language and theme chosen by the
/// reader's browser.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct View {
    /// The language the link asks for; `None`: from the browser's preferences.
    pub lang: Option<Lang>,
    /// The theme the link asks for; `None`: from `prefers-color-scheme`.
    pub theme: Option<ThemeChoice>,
    /// The compact embed: chart, some controls, the summary line, a link to the full page.
    pub embed: bool,
    /// The controls shown, in this order; `None`: the default set for the mode.
    pub controls: Option<Vec<Key>>,
    /// The guided tour's step being shown (1-based), if the tour is open.
    pub step: Option<usize>,
    /// The pinned baseline the scenario is compared with.
    pub base: Option<Scenario>,
    /// The feasibility map's pair of levers, an index in [`feasibility::PAIRS`]; `None`: the
    /// first pair, unless a link named it.
    pub map: Option<usize>,
}

impl View {
    /// Removes the view keys from `raw` and checks them leniently: a bad value is reported and
    /// left at its default. Duplicated keys are reported and neither value is used.
    pub fn take(raw: &mut RawParams) -> (View, Vec<ParamError>) {
        let pairs = raw.take(|k| ViewKey::from_name(k).is_some());
        let mut view = View::default();
        let mut errors = Vec::new();
        let mut seen: Vec<ViewKey> = Vec::new();
        for (name, value) in pairs {
            let Some(key) = ViewKey::from_name(&name) else { continue };
            let error = |kind| ParamError { key: name.clone(), value: value.clone(), kind };
            if seen.contains(&key) {
                errors.push(error(ParamErrorKind::Duplicate));
                view.reset(key);
                continue;
            }
            seen.push(key);
            if key == ViewKey::Base {
                // The baseline is checked exactly like a link; any bad key in it drops it whole,
                // and each is named as `base.<key>` with what that key allows.
                match Scenario::parse(&value) {
                    // `base=` alone pinned the default page, and the link then spelt it out.
                    Ok(_) if value.trim().is_empty() => errors.push(error(ParamErrorKind::UnknownChoice)),
                    Ok(base) => view.base = Some(base),
                    Err(mut e) => {
                        for inner in &mut e.errors {
                            inner.key.insert_str(0, "base.");
                            inner.only_scenario_keys("a baseline");
                        }
                        errors.append(&mut e.errors);
                    }
                }
            } else if let Err(kind) = view.set(key, &value) {
                errors.push(error(kind));
            }
        }
        (view, errors)
    }

    fn reset(&mut self, key: ViewKey) {
        let default = View::default();
        match key {
            ViewKey::Lang => self.lang = default.lang,
            ViewKey::Theme => self.theme = default.theme,
            ViewKey::Embed => self.embed = default.embed,
            ViewKey::Controls => self.controls = default.controls,
            ViewKey::Step => self.step = default.step,
            ViewKey::Base => self.base = default.base,
            ViewKey::Map => self.map = default.map,
        }
    }

    fn set(&mut self, key: ViewKey, value: &str) -> Result<(), ParamErrorKind> {
        let value = value.trim().to_ascii_lowercase();
        match key {
            ViewKey::Lang => {
                self.lang = Some(match value.as_str() {
                    "en" => Lang::En,
                    "ko" => Lang::Ko,
                    _ => return Err(ParamErrorKind::UnknownChoice),
                });
            }
            ViewKey::Theme => {
                self.theme = Some(match value.as_str() {
                    "light" => ThemeChoice::Light,
                    "dark" => ThemeChoice::Dark,
                    _ => return Err(ParamErrorKind::UnknownChoice),
                });
            }
            ViewKey::Embed => {
                self.embed = match value.as_str() {
                    "1" => true,
                    "0" => false,
                    _ => return Err(ParamErrorKind::UnknownChoice),
                };
            }
            ViewKey::Controls => {
                let mut keys = Vec::new();
                if value != "none" {
                    for name in value.split(',').map(str::trim) {
                        match Key::from_name(name).filter(|k| CONTROL_KEYS.contains(k)) {
                            Some(k) if !keys.contains(&k) => keys.push(k),
                            Some(_) => {}
                            None => return Err(ParamErrorKind::UnknownChoice),
                        }
                    }
                }
                self.controls = Some(keys);
            }
            ViewKey::Step => {
                let n = crate::scenario::parse_number(&value).ok_or(ParamErrorKind::NotANumber)?;
                self.step = Some(crate::scenario::whole(n, 1, tour::STEPS.len() as u32)? as usize);
            }
            ViewKey::Map => {
                self.map = Some(feasibility::pair_from_name(&value).ok_or(ParamErrorKind::UnknownChoice)?);
            }
            ViewKey::Base => {} // checked in `take`, which names each bad key inside it
        }
        Ok(())
    }

    /// The scenario a bare tour link shows: `step=3` whose scenario keys leave the default
    /// page as it is (`shown`, the link's scenario, is written as no key: there were none, or
    /// only ones the page rejected, a tracking tag or a bad value) is that step's scenario, so
    /// `?step=3`, which the page writes back for it, reads back as what it showed. A link that
    /// also carries scenario keys that change the page shows those: the reader moved on. The
    /// page and the CLI read it alike.
    pub fn tour_scenario(&self, shown: &Scenario) -> Option<Scenario> {
        let step = tour::STEPS.get(self.step?.checked_sub(1)?)?;
        shown.to_query().is_empty().then(|| step.scenario())
    }

    /// The controls to show, in order.
    pub fn shown_controls(&self) -> Vec<Key> {
        match &self.controls {
            Some(keys) => keys.clone(),
            None if self.embed => EMBED_DEFAULT_CONTROLS.to_vec(),
            None => CONTROL_KEYS.to_vec(),
        }
    }

    /// The link a file of the chart is drawn from (the page's chart downloads): `scenario`, the
    /// language and theme the reader sees, made explicit because the drawing module cannot ask
    /// the browser, and this view's pinned baseline. Nothing else of the view changes a file.
    pub fn file_link(&self, scenario: &Scenario, lang: Lang, dark: bool) -> String {
        let shown = View {
            lang: Some(lang),
            theme: Some(if dark { ThemeChoice::Dark } else { ThemeChoice::Light }),
            base: self.base.clone(),
            ..View::default()
        };
        join_queries(&[&scenario.to_query(), &shown.to_query()])
    }

    /// The view keys that differ from the default, as `key=value` pairs in [`ViewKey::ALL`]
    /// order, without a leading `&` (empty for the default view).
    pub fn to_query(&self) -> String {
        let mut out = QueryWriter::default();
        if let Some(lang) = self.lang {
            out.pair("lang", lang.key());
        }
        if let Some(theme) = self.theme {
            out.pair("theme", theme.key());
        }
        if self.embed {
            out.pair("embed", "1");
        }
        if let Some(keys) = &self.controls {
            let names: Vec<&str> = keys.iter().map(|k| k.name()).collect();
            let list = names.join(",");
            out.pair("controls", if list.is_empty() { "none" } else { &list });
        }
        if let Some(step) = self.step {
            out.pair("step", &step.to_string());
        }
        if let Some(base) = &self.base {
            out.pair("base", &base.to_query_full());
        }
        if let Some(name) = self.map.and_then(feasibility::pair_name) {
            out.pair("map", &name);
        }
        out.finish()
    }
}

/// A whole link checked strictly, the way the CLI and the page's chart downloads read one: the
/// view keys are taken out, then the scenario is checked. Every bad key is reported, view keys
/// first; nothing falls back to a default (that leniency is the page's, for links readers type).
pub fn parse_link(query: &str) -> Result<(Scenario, View), ScenarioError> {
    parse_raw(RawParams::from_query(query))
}

/// [`parse_link`] of pairs already split from their link (the CLI reads each word of its
/// command line as a link of its own). Like `parse_link` it gives the link's own scenario, so
/// what [`View::to_query`] and [`Scenario::to_query`] write reads back as itself; a reader of
/// bare tour links applies [`View::tour_scenario`] to it, as the page and the CLI do.
pub fn parse_raw(mut raw: RawParams) -> Result<(Scenario, View), ScenarioError> {
    let (view, mut errors) = View::take(&mut raw);
    match Scenario::from_raw(&raw) {
        Ok(scenario) if errors.is_empty() => Ok((scenario, view)),
        Ok(_) => Err(ScenarioError { errors }),
        Err(e) => {
            errors.extend(e.errors);
            Err(ScenarioError { errors })
        }
    }
}

/// Joins query strings without leading `?`, skipping empty ones.
pub fn join_queries(parts: &[&str]) -> String {
    parts.iter().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join("&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;

    fn split(query: &str) -> (View, Vec<ParamError>, Scenario, Vec<ParamError>) {
        let mut raw = RawParams::from_query(query);
        let (view, view_errors) = View::take(&mut raw);
        let (scenario, errors) = Scenario::from_raw_lenient(&raw);
        (view, view_errors, scenario, errors)
    }

    #[test]
    fn view_keys_are_taken_before_the_scenario_sees_them() {
        let (view, view_errors, scenario, errors) =
            split("upfront=20&lang=ko&theme=dark&embed=1&controls=years,upfront&years=5");
        assert_eq!((view_errors, errors), (vec![], vec![]));
        assert_eq!(view.lang, Some(Lang::Ko));
        assert_eq!(view.theme, Some(ThemeChoice::Dark));
        assert!(view.embed);
        assert_eq!(view.shown_controls(), vec![Key::Years, Key::Upfront]);
        assert_eq!((scenario.upfront, scenario.years), (20.0, 5));
        assert_eq!(view.to_query(), "lang=ko&theme=dark&embed=1&controls=years%2Cupfront");
    }

    #[test]
    fn the_view_round_trips_and_the_default_writes_nothing() {
        assert_eq!(View::default().to_query(), "");
        for query in [
            "embed=1&controls=none",
            "lang=en",
            "theme=light&controls=krw%2Ccountry",
            "map=upfront-years",
            "lang=ko&map=guarantees-calls",
        ] {
            let mut raw = RawParams::from_query(query);
            let (view, errors) = View::take(&mut raw);
            assert!(errors.is_empty() && raw.pairs.is_empty(), "{query}: {errors:?}");
            assert_eq!(view.to_query(), query);
        }
    }

    #[test]
    fn bad_view_values_are_named_with_what_is_allowed_and_fall_back() {
        let (view, errors, _, scenario_errors) =
            split("lang=fr&theme=pink&embed=yes&controls=upfront,colour");
        assert_eq!(view, View::default());
        assert!(scenario_errors.is_empty());
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(text[0], "lang=\"fr\": not recognised (allowed: one of en, ko)");
        assert_eq!(text[1], "theme=\"pink\": not recognised (allowed: one of light, dark)");
        assert_eq!(text[2], "embed=\"yes\": not recognised (allowed: 0 or 1)");
        assert!(text[3].starts_with("controls=\"upfront,colour\": not recognised (allowed: none, or a comma"));
        let (view, errors, ..) = split("lang=ko&lang=en");
        assert_eq!(view.lang, None);
        assert_eq!(errors[0].kind, ParamErrorKind::Duplicate);
    }

    #[test]
    fn an_unknown_key_lists_the_view_keys_too() {
        let (_, _, _, errors) = split("colour=red");
        assert!(
            errors[0].to_string().contains("lang, theme, embed, controls, step, base, map"),
            "{}",
            errors[0]
        );
    }

    /// The tour step is read as every whole-number key is: `step=3.0` is step 3 (it was "not a
    /// number"), `step=2.5` is "not a whole number", and a view key's name is read like a
    /// scenario key's, around its spaces and in any case.
    #[test]
    fn the_tour_step_and_the_view_keys_are_read_as_the_scenario_keys_are() {
        for (link, step) in [("step=3.0", Some(3)), ("step=3e0", Some(3)), (" Step =2", Some(2))] {
            let (view, errors, ..) = split(link);
            assert_eq!((view.step, errors), (step, vec![]), "{link}");
        }
        for (link, kind) in [
            ("step=2.5", ParamErrorKind::NotAWholeNumber),
            ("step=three", ParamErrorKind::NotANumber),
            ("step=1e999", ParamErrorKind::NotANumber),
            ("step=0", ParamErrorKind::OutOfRange),
        ] {
            let (view, errors, ..) = split(link);
            assert_eq!(view.step, None, "{link}");
            assert_eq!(errors.iter().map(|e| &e.kind).collect::<Vec<_>>(), [&kind], "{link}");
        }
        let (view, view_errors, scenario, errors) = split("LANG=ko&upfront =10");
        assert_eq!(
            (view.lang, view_errors, scenario.upfront, errors),
            (Some(Lang::Ko), vec![], 10.0, vec![])
        );
    }

    /// An empty baseline is refused, naming what it takes: it pinned the default page.
    #[test]
    fn an_empty_baseline_is_refused() {
        for link in ["base=", "base=%20", "base"] {
            let (view, errors, ..) = split(link);
            assert_eq!(view.base, None, "{link}");
            assert_eq!(errors.len(), 1, "{link}");
            assert!(errors[0].to_string().contains("a scenario's own query string"), "{link}: {}", errors[0]);
        }
    }

    /// Inside a baseline a view key is unknown, and the message does not list it as known.
    #[test]
    fn a_view_key_inside_a_baseline_is_not_called_known() {
        let (view, errors, ..) = split("base=lang%3Dko");
        assert_eq!(view.base, None);
        let known: Vec<&str> = Key::ALL.iter().map(|k| k.name()).collect();
        assert_eq!(
            errors[0].to_string(),
            format!("base.lang=ko: unknown key (known keys in a baseline: {})", known.join(", "))
        );
        // A key of the link itself that happens to be named `base.x` is not inside a baseline:
        // the error says where it came from (it was guessed from the name).
        let (.., errors) = split("base.x=1");
        assert!(errors[0].to_string().starts_with("base.x=1: unknown key (known keys: "), "{}", errors[0]);
        assert!(errors[0].to_string().contains("lang, theme"), "{}", errors[0]);
    }

    #[test]
    fn the_map_pair_is_named_by_its_levers_and_a_bad_one_lists_them() {
        for (i, name) in ["upfront-years", "upfront-krw", "guarantees-calls"].into_iter().enumerate() {
            assert_eq!(feasibility::pair_name(i).as_deref(), Some(name));
            let (view, errors, ..) = split(&format!("map={}", name.to_uppercase()));
            assert_eq!((view.map, errors), (Some(i), vec![]));
        }
        let (view, errors, ..) = split("map=years-upfront");
        assert_eq!(view.map, None);
        assert_eq!(
            errors[0].to_string(),
            "map=\"years-upfront\": not recognised (allowed: one of upfront-years, upfront-krw, guarantees-calls)"
        );
    }

    #[test]
    fn a_baseline_and_a_tour_step_round_trip_and_bad_ones_are_named() {
        let base = Scenario::parse("preset=kr-deal&years=5").unwrap();
        let view = View { step: Some(3), base: Some(base.clone()), ..View::default() };
        let mut raw = RawParams::from_query(&view.to_query());
        let (back, errors) = View::take(&mut raw);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(back, view);
        assert_eq!(back.base, Some(base));
        let (view, errors, ..) = split("step=99&base=years%3D99");
        assert_eq!((view.step, view.base), (None, None));
        assert_eq!(
            errors[0].to_string(),
            format!("step=99: out of range (allowed: a whole number from 1 to {})", tour::STEPS.len())
        );
        assert_eq!(
            errors[1].to_string(),
            "base.years=99: out of range (allowed: a whole number from 1 to 30)"
        );
        // Every bad key inside the baseline is named, in Korean too, and the baseline is dropped.
        let (view, errors, ..) = split("base=upfront%3Dabc%26nope%3D1%26years%3D5");
        assert_eq!(view.base, None);
        let keys: Vec<&str> = errors.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["base.upfront", "base.nope"]);
        assert!(
            errors[0].to_string().starts_with("base.upfront=\"abc\": not a number (allowed: "),
            "{}",
            errors[0]
        );
        assert!(
            crate::text::param_error(Lang::Ko, &errors[0]).contains("숫자가 아님 (허용: "),
            "{:?}",
            errors[0]
        );
    }

    #[test]
    fn the_browser_language_picks_korean_only_when_preferred() {
        assert_eq!(Lang::from_preferences(["ko-KR", "en-US"]), Lang::Ko);
        assert_eq!(Lang::from_preferences(["fr-FR", "en-GB", "ko"]), Lang::En);
        assert_eq!(Lang::from_preferences(["de"]), Lang::En);
        assert_eq!(Lang::from_preferences(["KO_kr"]), Lang::Ko);
    }

    #[test]
    fn embeds_show_the_key_controls_unless_told() {
        let embed = View { embed: true, ..View::default() };
        assert_eq!(embed.shown_controls(), EMBED_DEFAULT_CONTROLS.to_vec());
        assert_eq!(View::default().shown_controls(), CONTROL_KEYS.to_vec());
        let none = View { controls: Some(vec![]), ..embed };
        assert!(none.shown_controls().is_empty());
    }

    #[test]
    fn a_file_link_carries_the_scenario_language_theme_and_baseline_and_nothing_else() {
        let scenario = Scenario::parse("preset=kr-deal&years=5&krw=30").unwrap();
        let base = Scenario::parse("preset=us-demand").unwrap();
        let view = View {
            lang: None,
            theme: None,
            embed: true,
            controls: Some(vec![Key::Upfront]),
            step: Some(2),
            base: Some(base.clone()),
            map: Some(1),
        };
        let (back, shown) = parse_link(&view.file_link(&scenario, Lang::Ko, true)).unwrap();
        assert_eq!(back, scenario);
        let expected = View {
            lang: Some(Lang::Ko),
            theme: Some(ThemeChoice::Dark),
            base: Some(base),
            ..View::default()
        };
        assert_eq!(shown, expected);
        let (_, light) = parse_link(&View::default().file_link(&scenario, Lang::En, false)).unwrap();
        assert_eq!((light.lang, light.theme, light.base), (Some(Lang::En), Some(ThemeChoice::Light), None));
    }

    #[test]
    fn a_link_read_strictly_reports_every_bad_key_view_keys_first() {
        let (scenario, view) = parse_link("upfront=20&lang=ko&years=12").unwrap();
        assert_eq!((scenario.get(Key::Upfront), scenario.get(Key::Years)), (Some(20.0), Some(12.0)));
        assert_eq!(view.lang, Some(Lang::Ko));
        let errors = parse_link("upfront=abc&theme=pink&years=5").unwrap_err().errors;
        let names: Vec<&str> = errors.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(names, ["theme", "upfront"]);
        // A bad view key alone is an error too: the strict reader does not fall back.
        assert_eq!(parse_link("theme=pink").unwrap_err().errors.len(), 1);
    }
}
