//! Reading and writing the page URL: the query string is the page's state.

use gloo::timers::callback::Timeout;

use crate::ui_state::HistoryOp;

/// At most one address-bar replacement per this many milliseconds while dragging.
const REPLACE_EVERY_MS: u32 = 150;

fn now_ms() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

/// Writes the state to the address bar. `history.replaceState` costs milliseconds (measured:
/// about as much as redrawing the chart), so the replacements of a drag are throttled: one at
/// once, then at most one per `REPLACE_EVERY_MS`, and the last value is always written.
#[derive(Default)]
pub struct UrlWriter {
    last_replace: f64,
    trailing: Option<Timeout>,
}

impl UrlWriter {
    /// Applies `op` with `query` (without `?`).
    pub fn write(&mut self, query: String, op: HistoryOp) {
        // Dropping a pending timeout cancels it: a newer state supersedes it.
        self.trailing = None;
        match op {
            HistoryOp::None => {}
            HistoryOp::Push => write(&query, HistoryOp::Push),
            HistoryOp::Replace => {
                let now = now_ms();
                if now - self.last_replace >= f64::from(REPLACE_EVERY_MS) {
                    self.last_replace = now;
                    write(&query, HistoryOp::Replace);
                } else {
                    self.trailing =
                        Some(Timeout::new(REPLACE_EVERY_MS, move || write(&query, HistoryOp::Replace)));
                }
            }
        }
    }
}

/// The current query string (with its leading `?`, or empty).
pub fn current_query() -> String {
    gloo::utils::window().location().search().unwrap_or_default()
}

/// Writes `query` (without `?`) to the address bar as `op` says.
pub fn write(query: &str, op: HistoryOp) {
    let window = gloo::utils::window();
    let Ok(history) = window.history() else { return };
    let path = window.location().pathname().unwrap_or_default();
    let url = if query.is_empty() { path } else { format!("{path}?{query}") };
    if window.location().search().unwrap_or_default().trim_start_matches('?') == query {
        return;
    }
    let result = match op {
        HistoryOp::None => return,
        HistoryOp::Push => history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
        HistoryOp::Replace => history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
    };
    if result.is_err() {
        gloo::console::warn!("pledge-explorer: could not update the address bar");
    }
}
