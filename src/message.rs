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
//! A `set` is checked exactly like a link: the same keys, ranges and messages. Keys left out take
//! their default (or the preset's) value. A message that is not well formed, or whose scenario
//! has any bad key, changes nothing; [`HostMessage::parse`] says why, and the page only logs it.
//!
//! Embed → host: `{ type: "pledge-explorer:height", height }` whenever the embed's height
//! changes, and `{ type: "pledge-explorer:state", query, scenario, summary }` after every change
//! (and in answer to `get`). This module holds the checked, pure half; `web` does the messaging.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::Serialize;

use crate::model::Summary;
use crate::scenario::{RawParams, Scenario, ScenarioError};

/// The `type` of a message that sets the scenario.
pub const SET: &str = "pledge-explorer:set";
/// The `type` of a message that asks for the current state.
pub const GET: &str = "pledge-explorer:get";
/// The `type` of the embed's height reports.
pub const HEIGHT: &str = "pledge-explorer:height";
/// The `type` of the embed's state reports.
pub const STATE: &str = "pledge-explorer:state";

/// A scenario value in a message: a number or a string (`"kr-deal"`, `"20"`).
#[derive(Debug, Clone, PartialEq)]
pub enum MessageValue {
    /// A JSON number.
    Number(f64),
    /// A JSON string.
    Text(String),
}

impl<'de> Deserialize<'de> for MessageValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor;
        impl Visitor<'_> for ValueVisitor {
            type Value = MessageValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number or a string")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<MessageValue, E> {
                Ok(MessageValue::Number(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<MessageValue, E> {
                Ok(MessageValue::Number(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<MessageValue, E> {
                Ok(MessageValue::Number(v as f64))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<MessageValue, E> {
                Ok(MessageValue::Text(v.to_owned()))
            }
        }
        deserializer.deserialize_any(ValueVisitor)
    }
}

/// The `scenario` object of a message: its keys and values in order. (A `Vec`, not a map type:
/// the browser bundle then carries no B-tree or hash-map code for it.)
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pairs(pub Vec<(String, MessageValue)>);

impl<'de> Deserialize<'de> for Pairs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PairsVisitor;
        impl<'de> Visitor<'de> for PairsVisitor {
            type Value = Pairs;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of scenario keys and values")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Pairs, A::Error> {
                let mut pairs = Vec::new();
                while let Some(entry) = map.next_entry::<String, MessageValue>()? {
                    pairs.push(entry);
                }
                Ok(Pairs(pairs))
            }
        }
        deserializer.deserialize_map(PairsVisitor)
    }
}

/// A message as it arrives, before any check: the shape serde reads from the JS object.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct RawMessage {
    /// `pledge-explorer:set` or `pledge-explorer:get`; anything else is not for us.
    #[serde(rename = "type")]
    pub kind: String,
    /// Scenario keys and values, as in a link.
    #[serde(default)]
    pub scenario: Option<Pairs>,
    /// A whole query string, as in a link.
    #[serde(default)]
    pub query: Option<String>,
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
    /// Checks a raw message. Number values are written as a link would write them, so a message
    /// and a link with the same settings give the same scenario.
    pub fn parse(raw: RawMessage) -> Result<HostMessage, MessageError> {
        match raw.kind.as_str() {
            GET => Ok(HostMessage::Get),
            SET => {
                let params = match (raw.scenario, raw.query) {
                    (Some(Pairs(pairs)), None) => RawParams {
                        pairs: pairs
                            .into_iter()
                            .map(|(k, v)| {
                                let text = match v {
                                    MessageValue::Number(n) => n.to_string(),
                                    MessageValue::Text(t) => t,
                                };
                                (k, text)
                            })
                            .collect(),
                    },
                    (None, Some(query)) => RawParams::from_query(&query),
                    _ => return Err(MessageError::Shape),
                };
                Ok(HostMessage::Set(Scenario::from_raw(&params)?))
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
        let raw: RawMessage = serde_json::from_str(json).map_err(|_| MessageError::NotOurs)?;
        HostMessage::parse(raw)
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
        assert!(parse(r#"{"type":"pledge-explorer:set","scenario":{"upfront":[1]}}"#).is_err());
        assert!(parse(r#"{"type":"pledge-explorer:set","scenario":{"upfront":true}}"#).is_err());
        assert!(parse(r#"{"type":"pledge-explorer:set","scenario":[["upfront",1]]}"#).is_err());
        let Err(MessageError::Scenario(e)) =
            parse(r#"{"type":"pledge-explorer:set","scenario":{"upfront":10,"upfront":20}}"#)
        else {
            panic!("a duplicated key accepted")
        };
        assert!(e.to_string().contains("given more than once"), "{e}");
    }
}
