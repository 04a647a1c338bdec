//! The `postMessage` API between an embedded explorer and the page that embeds it.
//!
//! Host → embed (see `examples/host.html` for a working host page):
//!
//! ```js
//! iframe.contentWindow.postMessage({ type: "pledge-explorer:set", scenario: { upfront: 20, years: 5 } }, "*");
//! iframe.contentWindow.postMessage({ type: "pledge-explorer:set", query: "preset=kr-deal&calls=20" }, "*");
//! iframe.contentWindow.postMessage({ type: "pledge-explorer:get" }, "*");
//! ```
//!
//! A `set` is checked exactly like a link: the same keys, ranges and messages. Keys left out (or
//! set to `null`) take their default (or the preset's) value; a `query`'s view keys (`embed`,
//! `lang`…) are left out, as a `set` changes the scenario only. So a host can send back what a
//! state report gave it, its `scenario` or its `query`, and get the same scenario. A message
//! that is not well formed, or whose scenario has any bad key, changes nothing;
//! [`HostMessage::read`] says why, and the page only logs it.
//!
//! Embed → host: `{ type: "pledge-explorer:height", height }` whenever the embed's height
//! changes, and `{ type: "pledge-explorer:state", query, scenario, summary }` after every change
//! (and in answer to `get`). This module holds the checked, pure half; `web` does the messaging.

use serde::Serialize;

use crate::model::Summary;
use crate::scenario::{RawParams, Scenario, ScenarioError};
use crate::view::View;

/// The `type` of a message that sets the scenario.
pub const SET: &str = "pledge-explorer:set";
/// The `type` of a message that asks for the current state.
pub const GET: &str = "pledge-explorer:get";
/// The `type` of the embed's height reports.
pub const HEIGHT: &str = "pledge-explorer:height";
/// The `type` of the embed's state reports.
pub const STATE: &str = "pledge-explorer:state";

/// A message as it arrives, seen through what reading one needs: in the browser the `JsValue`
/// the host posted (`web::embed`), natively serde_json's `Value` (tests and tools). Both go
/// through [`HostMessage::read`], so the fuzz tests on JSON test the browser's reading too.
pub trait MessageData: Sized {
    /// The value of `key`, if this is an object with `key` set to anything but `null` or
    /// `undefined`.
    fn field(&self, key: &str) -> Option<Self>;
    /// The text, if this is a string.
    fn text(&self) -> Option<String>;
    /// The number, if this is a number.
    fn number(&self) -> Option<f64>;
    /// Each own property's key and value, if this is an object (not an array).
    fn entries(&self) -> Option<Vec<(String, Self)>>;
    /// The value in a few characters, for an error message: `true`, `null`, `[…]`, `{…}`.
    fn describe(&self) -> String;
    /// Whether this is `null` (or, in JavaScript, `undefined`): a key set to it is left out.
    fn is_none(&self) -> bool;
}

impl MessageData for serde_json::Value {
    fn field(&self, key: &str) -> Option<Self> {
        self.as_object()?.get(key).filter(|v| !v.is_null()).cloned()
    }
    fn text(&self) -> Option<String> {
        self.as_str().map(str::to_owned)
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn entries(&self) -> Option<Vec<(String, Self)>> {
        Some(self.as_object()?.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
    }
    fn is_none(&self) -> bool {
        self.is_null()
    }
    fn describe(&self) -> String {
        match self {
            serde_json::Value::Array(_) => "[…]".to_owned(),
            serde_json::Value::Object(_) => "{…}".to_owned(),
            other => other.to_string(),
        }
    }
}

/// A checked message from the host page.
#[derive(Debug, Clone, PartialEq)]
pub enum HostMessage {
    /// Show this scenario.
    Set(Scenario),
    /// Report the current state.
    Get,
}

/// Why a message was not acted on.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MessageError {
    /// The `type` is not one of ours (another script's message): ignore silently.
    #[error("not a pledge-explorer message")]
    NotOurs,
    /// A `set` with neither or both of `scenario` and `query`.
    #[error("a {SET} message needs exactly one of `scenario` (an object) or `query` (a string)")]
    Shape,
    /// The scenario has bad keys or values.
    #[error("{SET} ignored: {0}")]
    Scenario(#[from] ScenarioError),
}

impl HostMessage {
    /// Reads and checks a message. One that is not an object with a `type` of ours is another
    /// script's ([`MessageError::NotOurs`]). A `set` needs exactly one of `scenario`, an object
    /// of keys and values, and `query`, a string. Its values are checked like a link's: numbers
    /// are written as a link would write them, so a message and a link with the same settings
    /// give the same scenario, and any other value is refused under its key.
    pub fn read<D: MessageData>(data: &D) -> Result<HostMessage, MessageError> {
        let kind = data.field("type").and_then(|t| t.text());
        match kind.as_deref() {
            Some(GET) => Ok(HostMessage::Get),
            Some(SET) => {
                let params = match (data.field("scenario"), data.field("query")) {
                    (Some(scenario), None) => RawParams {
                        pairs: scenario
                            .entries()
                            .ok_or(MessageError::Shape)?
                            .into_iter()
                            .filter(|(_, v)| !v.is_none())
                            .map(|(k, v)| {
                                let text = match (v.number(), v.text()) {
                                    (Some(n), _) => crate::decimal::shortest(n),
                                    (None, Some(t)) => t,
                                    (None, None) => v.describe(),
                                };
                                (k, text)
                            })
                            .collect(),
                    },
                    (None, Some(query)) => {
                        // A link's view keys (the embed's own `embed=1`, `lang=`…) are left out:
                        // a `set` changes the scenario only.
                        let mut raw = RawParams::from_query(&query.text().ok_or(MessageError::Shape)?);
                        drop(View::take(&mut raw));
                        raw
                    }
                    _ => return Err(MessageError::Shape),
                };
                Scenario::from_raw(&params).map(HostMessage::Set).map_err(|mut e| {
                    // A `set` changes the scenario only: `lang` is not one of its keys.
                    for inner in &mut e.errors {
                        inner.only_scenario_keys("a set message");
                    }
                    MessageError::Scenario(e)
                })
            }
            _ => Err(MessageError::NotOurs),
        }
    }
}

/// The embed's report of its state to the host page.
#[derive(Debug, Serialize)]
pub struct StateReport<'a> {
    /// Always [`STATE`].
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The state's query string, as in the embed's own URL.
    pub query: &'a str,
    /// The scenario with every key.
    pub scenario: &'a Scenario,
    /// Its summary (the same fields as the JSON export's).
    pub summary: &'a Summary,
}

/// The embed's report of its height.
#[derive(Debug, Serialize)]
pub struct HeightReport {
    /// Always [`HEIGHT`].
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The document's height in CSS pixels.
    pub height: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> Result<HostMessage, MessageError> {
        HostMessage::read(&serde_json::from_str::<serde_json::Value>(json).unwrap())
    }

    fn by_query(query: &str) -> Result<HostMessage, MessageError> {
        Ok(HostMessage::Set(Scenario::parse(query).unwrap()))
    }

    #[test]
    fn a_set_with_values_gives_the_same_scenario_as_the_link() {
        let by_message =
            parse(r#"{"type":"pledge-explorer:set","scenario":{"upfront":20,"years":5,"preset":"kr-deal"}}"#);
        let by_link = Scenario::parse("preset=kr-deal&upfront=20&years=5").unwrap();
        assert_eq!(by_message, Ok(HostMessage::Set(by_link.clone())));
        let by_query =
            parse(r#"{"type":"pledge-explorer:set","query":"?preset=kr-deal&upfront=20&years=5"}"#);
        assert_eq!(by_query, Ok(HostMessage::Set(by_link)));
        assert_eq!(parse(r#"{"type":"pledge-explorer:get"}"#), Ok(HostMessage::Get));
    }

    #[test]
    fn the_state_report_carries_query_scenario_and_summary() {
        let s = Scenario::parse("upfront=20").unwrap();
        let sum = crate::model::summarize(&s, &crate::model::schedule(&s));
        let report = StateReport { kind: STATE, query: "upfront=20", scenario: &s, summary: &sum };
        let value = serde_json::to_value(&report).unwrap();
        assert_eq!(value["type"], "pledge-explorer:state");
        assert_eq!(value["scenario"]["upfront"], 20.0);
        assert_eq!(value["summary"]["peak_usd_cash"], sum.peak_usd_cash);
    }

    /// A host may send back what a state report gave it: its `scenario` (with `preset: null`
    /// when there is none) or its `query` (with the embed's own view keys).
    #[test]
    fn a_state_report_sent_back_gives_the_same_scenario() {
        for link in [
            "embed=1",
            "preset=kr-deal&embed=1&lang=ko",
            "preset=kr-deal&upfront=30&embed=1&controls=upfront,years",
            "preset=japan&profile=front&calls=35&embed=1&theme=dark",
        ] {
            let state = crate::ui_state::UiState::load(link);
            assert!(state.notices.is_empty(), "{link}: {:?}", state.notices);
            let s = &state.scenario;
            let sum = crate::model::summarize(s, &crate::model::schedule(s));
            let query = state.query();
            let report = StateReport { kind: STATE, query: &query, scenario: s, summary: &sum };
            let report = serde_json::to_value(&report).unwrap();
            for field in ["scenario", "query"] {
                let mut message = serde_json::Map::new();
                message.insert("type".into(), SET.into());
                message.insert(field.into(), report[field].clone());
                let message = serde_json::Value::Object(message);
                assert_eq!(HostMessage::read(&message), Ok(HostMessage::Set(s.clone())), "{link}: {message}");
            }
        }
    }

    #[test]
    fn bad_messages_are_refused_with_the_reason() {
        assert_eq!(parse(r#"{"type":"something-else","scenario":{}}"#), Err(MessageError::NotOurs));
        assert_eq!(parse(r#"{"type":"pledge-explorer:set"}"#), Err(MessageError::Shape));
        assert_eq!(
            parse(r#"{"type":"pledge-explorer:set","scenario":{},"query":""}"#),
            Err(MessageError::Shape)
        );
        let Err(MessageError::Scenario(e)) =
            parse(r#"{"type":"pledge-explorer:set","scenario":{"years":99}}"#)
        else {
            panic!("years=99 accepted")
        };
        assert_eq!(e.to_string(), "years=99: out of range (allowed: a whole number from 1 to 30)");
        // A value that is neither a number nor a string is refused under its key.
        let refused = |json: &str| match parse(json) {
            Err(MessageError::Scenario(e)) => e.to_string(),
            other => panic!("{json}: {other:?}"),
        };
        let set = |scenario: &str| format!(r#"{{"type":"pledge-explorer:set","scenario":{scenario}}}"#);
        assert!(refused(&set(r#"{"upfront":[1]}"#)).starts_with(r#"upfront="[…]": not a number"#));
        assert!(refused(&set(r#"{"upfront":true}"#)).starts_with(r#"upfront="true": not a number"#));
        assert!(refused(&set(r#"{"preset":{}}"#)).starts_with(r#"preset="{…}": not recognised"#));
        // A view key is not a scenario key, and is not listed as known (it was, beside the
        // warning that it is unknown).
        let lang = refused(&set(r#"{"lang":"ko"}"#));
        let known: Vec<&str> = crate::scenario::Key::ALL.iter().map(|k| k.name()).collect();
        assert_eq!(lang, format!("lang=ko: unknown key (known keys in a set message: {})", known.join(", ")));
        // A scenario that is not an object, or a query that is not a string, is the wrong shape.
        for json in [
            set(r#"[["upfront",1]]"#),
            set(r#""upfront=20""#),
            r#"{"type":"pledge-explorer:set","query":20}"#.to_owned(),
        ] {
            assert_eq!(parse(&json), Err(MessageError::Shape), "{json}");
        }
        // null is no value: the same as leaving the field out.
        assert_eq!(
            parse(r#"{"type":"pledge-explorer:set","scenario":null,"query":"years=5"}"#),
            by_query("years=5")
        );
        // Not an object, or no string `type`: another script's message.
        for json in
            [r#""pledge-explorer:get""#, "[1]", "null", r#"{"type":1}"#, r#"{"kind":"pledge-explorer:get"}"#]
        {
            assert_eq!(parse(json), Err(MessageError::NotOurs), "{json}");
        }
        // JSON with a key twice keeps the last, as the browser's JSON.parse does (a posted
        // object cannot hold a key twice).
        assert_eq!(parse(&set(r#"{"upfront":10,"upfront":20}"#)), by_query("upfront=20"));
    }
}
