//! The browser front end (wasm32 only): Yew function components that wire state to the core and
//! the chart. No model arithmetic lives here: values come from `model`, words from `text`,
//! state changes from `ui_state`, pixels from `chart`.

mod app;
mod canvas;
mod chart_view;
mod controls;
mod embed;
mod pause;
mod share;
mod summary;
mod teach;
mod url;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Runs `f` once, `ms` from now, in a task of its own (after any render Yew has queued, which
/// runs in a microtask); the closure handed to JavaScript is freed once it has run.
pub fn later(ms: i32, f: impl FnOnce() + 'static) -> Result<(), JsValue> {
    let f = Closure::once_into_js(f);
    gloo::utils::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), ms)
        .map(drop)
}

/// Mounts the explorer into `#app`, after installing a panic hook that shows a readable error
/// instead of a dead page (a last resort: the code is written not to panic).
pub fn start() {
    install_panic_hook();
    let document = gloo::utils::document();
    let Some(root) = document.get_element_by_id("app") else {
        gloo::console::error!("pledge-explorer: no #app element to mount into");
        return;
    };
    root.set_inner_html("");
    yew::Renderer::<app::App>::with_root(root).render();
}

fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        // The message and where it was raised; a JavaScript stack of the optimised wasm, which
        // keeps no function names, would add only numbers.
        gloo::console::error!(info.to_string());
        let document = gloo::utils::document();
        if let Some(fatal) = document.get_element_by_id("fatal") {
            fatal.set_text_content(Some(
                "Sorry: the explorer hit an internal error and stopped. Reload the page to start again; \
                 if it happens again, please tell us the link you were on.",
            ));
            if let Ok(el) = fatal.dyn_into::<web_sys::HtmlElement>() {
                el.set_hidden(false);
            }
        }
    }));
}
