//! Reading and writing the page URL: the query string is the page's state.

use crate::ui_state::HistoryOp;

use super::pause::Pause;

/// While a drag goes on, the address bar is written once it pauses this long (or when it ends).
const REPLACE_AFTER_MS: u32 = 150;

/// Writes the state to the address bar. `history.replaceState` costs milliseconds (measured:
/// about as much as redrawing the chart), so a drag's replacements wait: the first input of a
/// drag pushes a history entry at once; the later ones are written when the drag ends
/// ([`UrlWriter::settle`]) or pauses for `REPLACE_AFTER_MS`, the last value always. No slider
/// input pays for the address bar.
pub struct UrlWriter {
    /// The replacement waiting for the drag to pause or end.
    pending: Pause,
}

impl Default for UrlWriter {
    fn default() -> Self {
        UrlWriter { pending: Pause::new(REPLACE_AFTER_MS) }
    }
}

impl UrlWriter {
    /// Applies `op` with `query` (without `?`).
    pub fn write(&mut self, query: String, op: HistoryOp) {
        match op {
            HistoryOp::None => {}
            HistoryOp::Push => {
                // The entry the last drag left must hold where it ended before a new one is pushed.
                self.settle();
                write(&query, HistoryOp::Push);
            }
            HistoryOp::Replace => {
                // Supersedes the replacement already waiting, if any.
                self.pending.after(move || write(&query, HistoryOp::Replace));
            }
        }
    }

    /// The drag has ended: writes the waiting replacement now, if any.
    pub fn settle(&mut self) {
        self.pending.now();
    }

    /// Back or Forward moved to another entry: a replacement still waiting belongs to the entry
    /// left behind and must not be written over the one arrived at.
    pub fn cancel(&mut self) {
        self.pending.cancel();
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
