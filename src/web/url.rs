//! Reading and writing the page URL: the query string is the page's state.

use crate::ui_state::HistoryOp;

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
