//! Talking to the page that embeds the explorer: height reports, state reports, and scenarios
//! set by the host (checked by `crate::message`, exactly like a link). Nothing here runs when
//! the page is not in a frame.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use serde::Serialize;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::app::Model;
use crate::message::{self, HeightReport, HostMessage, MessageData, MessageError, StateReport};
use crate::model::Summary;
use crate::scenario::Scenario;
use crate::ui_state::Action;

/// The window that embeds this page, if it is in a frame.
pub fn parent() -> Option<web_sys::Window> {
    let window = gloo::utils::window();
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

/// Posts `value` to the embedding page. The target origin is `*`: the embed does not know who
/// embeds it, and what it posts (its height and public state) is no secret.
fn post<T: Serialize>(value: &T) {
    let Some(parent) = parent() else { return };
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    if let Ok(js) = value.serialize(&serializer) {
        let _ = parent.post_message(&js, "*");
    }
}

/// The state the host is told about, kept current by [`use_host_link`].
#[derive(Default)]
struct Current {
    query: String,
    scenario: Option<Scenario>,
    summary: Option<Rc<Summary>>,
}

impl Current {
    fn report(&self) {
        if let (Some(scenario), Some(summary)) = (&self.scenario, &self.summary) {
            post(&StateReport { kind: message::STATE, query: &self.query, scenario, summary });
        }
    }
}

/// Wires an embedded page to its host: reports its height whenever it changes and its state
/// after every change, and applies well-formed `pledge-explorer:set` messages from the parent
/// window (anything else, or from any other window, is ignored).
#[hook]
pub fn use_host_link(
    query: String,
    scenario: Scenario,
    summary: Rc<Summary>,
    dispatch: UseReducerDispatcher<Model>,
) {
    let current = use_mut_ref(Current::default);
    {
        let current = current.clone();
        use_effect_with(query, move |query| {
            let mut c = current.borrow_mut();
            c.query = query.clone();
            c.scenario = Some(scenario);
            c.summary = Some(summary);
            c.report();
        });
    }
    use_effect_with((), move |_| {
        let Some(parent) = parent() else {
            return Box::new(|| ()) as Box<dyn FnOnce()>;
        };
        let listener = listen(parent, current, dispatch);
        let observer = observe_height();
        Box::new(move || {
            drop(listener);
            if let Some((obs, _closure)) = observer {
                obs.disconnect();
            }
        })
    });
}

fn listen(
    parent: web_sys::Window,
    current: Rc<RefCell<Current>>,
    dispatch: UseReducerDispatcher<Model>,
) -> EventListener {
    EventListener::new(&gloo::utils::window(), "message", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else { return };
        let from_parent = event.source().is_some_and(|source| js_sys::Object::is(&source, &parent));
        if !from_parent {
            return;
        }
        match HostMessage::read(&event.data()) {
            Ok(HostMessage::Set(scenario)) => dispatch.dispatch(Action::Set(scenario)),
            // With the height too: a resize script that started after the embed's own reports
            // asks for it (assets/embed.js), or the iframe kept its fixed height.
            Ok(HostMessage::Get) => {
                current.borrow().report();
                post(&height());
            }
            Err(MessageError::NotOurs) => {}
            Err(e) => gloo::console::warn!(format!("pledge-explorer: {e}")),
        }
    })
}

/// A posted message as `HostMessage::read` reads it: the structured clone of what the host sent
/// (no getters or proxies survive cloning, so no property read throws). Only a plain object has
/// entries: a `Map`, `Date` or array posted as `scenario` is the wrong shape, not an empty
/// scenario. Read with `Reflect`, not serde-wasm-bindgen's `Deserializer`, which carried serde's
/// error formatting into the page for three fields: 3.8 KB gzip (bench/README.md).
impl MessageData for JsValue {
    fn field(&self, key: &str) -> Option<Self> {
        if !self.is_object() {
            return None;
        }
        js_sys::Reflect::get(self, &JsValue::from_str(key)).ok().filter(|v| !v.is_null() && !v.is_undefined())
    }
    fn text(&self) -> Option<String> {
        self.as_string()
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn entries(&self) -> Option<Vec<(String, Self)>> {
        if !is_plain_object(self) {
            return None;
        }
        let entries = js_sys::Object::entries(self.unchecked_ref());
        entries
            .iter()
            .map(|entry| {
                let entry: js_sys::Array = entry.unchecked_into();
                Some((entry.get(0).as_string()?, entry.get(1)))
            })
            .collect()
    }
    fn is_none(&self) -> bool {
        self.is_null() || self.is_undefined()
    }
    fn describe(&self) -> String {
        if js_sys::Array::is_array(self) {
            "[…]".to_owned()
        } else if self.is_object() {
            "{…}".to_owned()
        } else if let Some(b) = self.as_bool() {
            b.to_string()
        } else if self.is_null() {
            "null".to_owned()
        } else {
            self.js_typeof().as_string().unwrap_or_default()
        }
    }
}

/// Whether `value` is a plain object (`{…}`, made by a literal, `JSON.parse` or a structured
/// clone): its prototype is this window's `Object.prototype`, or it has none.
fn is_plain_object(value: &JsValue) -> bool {
    if !value.is_object() {
        return false;
    }
    let proto = js_sys::Object::get_prototype_of(value);
    proto.is_null() || js_sys::Object::is(&proto, &js_sys::Object::get_prototype_of(&js_sys::Object::new()))
}

type HeightObserver = (web_sys::ResizeObserver, Closure<dyn FnMut()>);

/// The body's height, as a report to the host.
fn height() -> HeightReport {
    let body = gloo::utils::document().body();
    let height = body.map_or(0.0, |b| b.get_bounding_client_rect().height().ceil().max(0.0)) as u32;
    HeightReport { kind: message::HEIGHT, height }
}

/// Posts the body's height now and whenever the body is resized (its width alone too). The body,
/// not the document: the document is never shorter than the iframe, so it could grow but never
/// shrink.
fn observe_height() -> Option<HeightObserver> {
    let body = gloo::utils::document().body()?;
    // The observer is told of the body's width changing too: the same height again is harmless.
    let report = || post(&height());
    report();
    let closure = Closure::<dyn FnMut()>::new(report);
    let observer = web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref()).ok()?;
    observer.observe(&body);
    Some((observer, closure))
}
