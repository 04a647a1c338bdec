//! Reading and writing the page URL: the query string is the page's state.

use gloo::timers::callback::Timeout;

use crate::ui_state::HistoryOp;

/// While a drag goes on, the address bar is written once it pauses this long (or ends).
const REPLACE_AFTER_MS: u32 = 150;

/// Writes the state to the address bar. `history.replaceState` costs milliseconds (measured:
/// about as much as redrawing the chart), so a drag's replacements wait: the first input of a
/// drag pushes a history entry at once, the later ones are written when the drag pauses for
/// `REPLACE_AFTER_MS` or ends, the last value always. No slider input pays for the address bar.
#[derive(Default)]
pub struct UrlWriter {
    /// A replacement waiting for the drag to pause, and its timer (dropping it cancels it).
    pending: Option<(String, Timeout)>,
}

impl UrlWriter {
    /// Applies `op` with `query` (without `?`).
    pub fn write(&mut self, query: String, op: HistoryOp) {
        match op {
            HistoryOp::None => {}
            HistoryOp::Push => {
                // The entry the last drag left must hold where it ended before a new one is pushed.
                if let Some((last, _timer)) = self.pending.take() {
                    write(&last, HistoryOp::Replace);
                }
                write(&query, HistoryOp::Push);
            }
            HistoryOp::Replace => {
                // Replaces (and so cancels) the replacement already waiting, if any.
                let later = query.clone();
                let timer = Timeout::new(REPLACE_AFTER_MS, move || write(&later, HistoryOp::Replace));
                self.pending = Some((query, timer));
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
