//! Share, embed and download: the link to this state, the embed code, a citation line, and the
//! chart and data as files. Every file comes from the core's functions, the ones the CLI calls:
//! `chart::svg` for SVG (and, rasterised by the browser at 2×, for PNG), `export::csv` and
//! `export::json`. The SVG is drawn by a module of its own (`src/bin/pledge-svg.rs`), which
//! `assets/boot.js` imports once, when the pointer or the focus reaches the download buttons.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::chart::EXPORT_SIZE;
use crate::export::{self, Report};
use crate::model::{Schedule, Summary};
use crate::scenario::Scenario;
use crate::text::{self, tr};
use crate::view::{join_queries, Lang, View};

#[wasm_bindgen]
extern "C" {
    /// `assets/boot.js`: imports the chart module `pledge_svg.js` the first time, then resolves
    /// to its `chart_svg(query)`, the link's chart as SVG. Throws when boot.js did not run.
    #[wasm_bindgen(catch, js_namespace = pledgeExplorer, js_name = chartSvg)]
    fn chart_svg(query: &str) -> Result<js_sys::Promise, JsValue>;

    /// `assets/boot.js`: starts importing the chart module, so a click finds it loaded.
    #[wasm_bindgen(catch, js_namespace = pledgeExplorer, js_name = prepareChartSvg)]
    fn prepare_chart_svg() -> Result<(), JsValue>;
}

/// The chart of `link` as SVG, from the chart module.
async fn svg_of(link: &str) -> Result<String, JsValue> {
    JsFuture::from(chart_svg(link)?).await?.as_string().ok_or(JsValue::NULL)
}

/// The page's address without query or fragment (`https://host/path/`).
fn page_url() -> String {
    let location = gloo::utils::window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}")
}

/// The address of a file beside the page (`assets/embed.js`).
fn beside_page(file: &str) -> String {
    let page = page_url();
    let dir = page.rsplit_once('/').map_or(page.as_str(), |(dir, _)| dir);
    format!("{dir}/{file}")
}

/// The full page's link for `scenario_query` and `view`, without the embed keys, and without
/// the theme: a light or dark page is the reader's own setting, not part of what they share
/// (an embed's code keeps it: the host page chooses).
pub fn full_link(scenario_query: &str, view: &View) -> String {
    let full = View { embed: false, controls: None, theme: None, ..view.clone() };
    with_query(&page_url(), &join_queries(&[scenario_query, &full.to_query()]))
}

fn with_query(url: &str, query: &str) -> String {
    if query.is_empty() {
        url.to_owned()
    } else {
        format!("{url}?{query}")
    }
}

/// The JSON export: the same `Report` value the CLI's `export::json` writes, serialised by
/// serde into a JS object and printed by the browser's `JSON.stringify` (so the bundle carries
/// no second JSON writer). Same fields in the same order, two-space indentation.
fn json(report: &Report<'_>) -> Result<String, JsValue> {
    use serde::Serialize as _;
    let value = report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    let text = js_sys::JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &JsValue::from(2))?;
    Ok(format!("{}\n", String::from(text)))
}

/// Saves `blob` as `name` through a temporary object URL and link.
fn save_blob(blob: &web_sys::Blob, name: &str) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let document = gloo::utils::document();
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The file is read after the click returns: revoked at once, Safari and Firefox may save
    // nothing. A minute later the save has its bytes; the URL goes then, not with the page.
    super::later(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
}

fn text_blob(text: &str, mime: &str) -> Result<web_sys::Blob, JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
}

/// Draws `svg` onto a canvas of 2× its size and saves it as PNG. The browser rasterises the
/// core's SVG, so the PNG and the SVG show the same drawing.
fn save_png(svg: &str, name: String, on_error: Callback<String>) -> Result<(), JsValue> {
    let blob = text_blob(svg, "image/svg+xml")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let image = web_sys::HtmlImageElement::new()?;
    let (w, h) = (EXPORT_SIZE.0 * 2, EXPORT_SIZE.1 * 2);
    let loaded = image.clone();
    let src = url.clone();
    let onload = Closure::once_into_js(move || {
        let result = (|| -> Result<(), JsValue> {
            let canvas: web_sys::HtmlCanvasElement =
                gloo::utils::document().create_element("canvas")?.unchecked_into();
            canvas.set_width(w);
            canvas.set_height(h);
            let context: web_sys::CanvasRenderingContext2d =
                canvas.get_context("2d")?.ok_or("no 2d context")?.unchecked_into();
            context.draw_image_with_html_image_element_and_dw_and_dh(
                &loaded,
                0.0,
                0.0,
                w.into(),
                h.into(),
            )?;
            web_sys::Url::revoke_object_url(&src)?;
            let on_blob = Closure::once_into_js(move |blob: Option<web_sys::Blob>| match blob {
                Some(blob) => {
                    if save_blob(&blob, &name).is_err() {
                        on_error.emit("png".to_owned());
                    }
                }
                None => on_error.emit("png".to_owned()),
            });
            canvas.to_blob(on_blob.unchecked_ref())
        })();
        if result.is_err() {
            gloo::console::warn!("pledge-explorer: the PNG could not be made");
        }
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
    Ok(())
}

/// Copies `text` to the clipboard; if the browser refuses, selects the field so the reader can
/// copy it by hand. Reports which happened.
fn copy(text: String, field: NodeRef, done: Callback<bool>) {
    let select = move || {
        if let Some(input) = field.cast::<HtmlInputElement>() {
            input.select();
        } else if let Some(area) = field.cast::<HtmlTextAreaElement>() {
            area.select();
        }
    };
    let clipboard = gloo::utils::window().navigator().clipboard();
    let promise = clipboard.write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        if !ok {
            select();
        }
        done.emit(ok);
    });
}

/// What [`use_share_panel`] shows.
pub struct ShareProps {
    /// The scenario shown.
    pub scenario: Scenario,
    /// The view (language, theme) it is shown with.
    pub view: View,
    /// Its schedule.
    pub schedule: Rc<Schedule>,
    /// Its summary.
    pub summary: Rc<Summary>,
    /// The language.
    pub lang: Lang,
    /// The chart theme in use.
    pub dark: bool,
}

/// The share, embed and download panel, as a hook of the component that shows it (`Details`),
/// which holds its state: the status line and the two fields to copy from. A component of its own
/// would cost about 0.5 KB gzip of lifecycle code and render no less often.
#[hook]
pub fn use_share_panel(props: &ShareProps) -> Html {
    let lang = props.lang;
    let status = use_state(String::new);
    let link_field = use_node_ref();
    let embed_field = use_node_ref();
    let scenario_query = props.scenario.to_query();
    let link = full_link(&scenario_query, &props.view);
    // The tour is not part of an embed; a pinned baseline is.
    let embed_view = View { embed: true, step: None, ..props.view.clone() };
    let embed_src = with_query(&page_url(), &join_queries(&[&scenario_query, &embed_view.to_query()]));
    let title = tr(
        lang,
        "Pledge explorer: how a country pays a huge investment pledge",
        "투자 약정 탐색기: 거액의 투자 약정을 어떻게 낼까",
    );
    let embed_code = export::embed_code(&embed_src, &beside_page("assets/embed.js"), title);
    let cite = text::cite_line(lang, &props.scenario, &link);
    {
        // "Link copied." is about the link that was copied: once the scenario, and so the link,
        // changes, it no longer is (nor is a failed file's message about this chart).
        let status = status.clone();
        use_effect_with(link.clone(), move |_| {
            if !status.is_empty() {
                status.set(String::new());
            }
        });
    }

    let copier = |text: String, field: NodeRef, what: &'static str| {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let done = Callback::from(move |ok: bool| {
                status.set(if ok {
                    format!("{what} {}", tr(lang, "copied.", "복사했습니다."))
                } else {
                    tr(
                        lang,
                        "Copying was not allowed: the text is selected, press Ctrl+C (⌘C).",
                        "복사가 허용되지 않았습니다. 텍스트가 선택되어 있으니 Ctrl+C(⌘C)를 누르세요.",
                    )
                    .to_owned()
                });
            });
            copy(text.clone(), field.clone(), done);
        })
    };
    let copy_link = copier(link.clone(), link_field.clone(), tr(lang, "Link", "링크"));
    let copy_embed = copier(embed_code.clone(), embed_field.clone(), tr(lang, "Embed code", "임베드 코드"));

    let base_name = format!("pledge-{}", props.scenario.preset.map_or("scenario", |p| p.key()));
    let failed = {
        let status = status.clone();
        Callback::from(move |what: String| {
            status
                .set(format!("{} {what}", tr(lang, "Could not make the file:", "파일을 만들지 못했습니다:")));
        })
    };
    // The chart as drawn on the page: the pinned baseline (in the view) beside the bars.
    let chart_link = props.view.file_link(&props.scenario, lang, props.dark);
    let download = |kind: &'static str| {
        let scenario = props.scenario.clone();
        let schedule = props.schedule.clone();
        let summary = props.summary.clone();
        let name = format!("{base_name}.{kind}");
        let failed = failed.clone();
        let chart_link = chart_link.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let result = match kind {
                "csv" => text_blob(&export::csv(&schedule), "text/csv").and_then(|b| save_blob(&b, &name)),
                "json" => {
                    let report = Report { scenario: &scenario, rows: &schedule, summary: &summary };
                    json(&report)
                        .and_then(|text| text_blob(&text, "application/json"))
                        .and_then(|b| save_blob(&b, &name))
                }
                _ => {
                    // The first chart file waits for the chart module: say that something is
                    // happening, and clear it when the drawing is there.
                    status.set(tr(lang, "Drawing the chart…", "차트를 그리는 중…").to_owned());
                    let (link, name, failed, status) =
                        (chart_link.clone(), name.clone(), failed.clone(), status.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        let svg = svg_of(&link).await;
                        if svg.is_ok() {
                            status.set(String::new());
                        }
                        let saved = match svg {
                            Ok(svg) if kind == "svg" => {
                                text_blob(&svg, "image/svg+xml").and_then(|b| save_blob(&b, &name))
                            }
                            Ok(svg) => save_png(&svg, name, failed.clone()),
                            Err(e) => {
                                // Offline, or a link the module refused: the console says which.
                                gloo::console::warn!(
                                    "pledge-explorer: the chart file could not be made:",
                                    e.clone()
                                );
                                Err(e)
                            }
                        };
                        if saved.is_err() {
                            failed.emit(kind.to_owned());
                        }
                    });
                    Ok(())
                }
            };
            if result.is_err() {
                failed.emit(kind.to_owned());
            }
        })
    };

    html! {
        <section class="share" aria-labelledby="share-heading">
            <h2 id="share-heading">{ tr(lang, "Share, embed, download", "공유, 임베드, 내려받기") }</h2>
            <div class="share-field">
                <label for="share-link">{ tr(lang, "Link to this scenario", "이 시나리오의 링크") }</label>
                <div class="share-row">
                    <input id="share-link" type="text" readonly=true value={link} ref={link_field} />
                    <button type="button" id="copy-link" onclick={copy_link}>{ tr(lang, "Copy link", "링크 복사") }</button>
                </div>
            </div>
            <div class="share-field">
                <label for="share-embed">{ tr(lang, "Embed code (iframe and resize script, no inline script)", "임베드 코드 (iframe과 높이 조절 스크립트, 인라인 스크립트 없음)") }</label>
                <textarea id="share-embed" readonly=true rows="4" value={embed_code} ref={embed_field} />
                <button type="button" id="copy-embed" onclick={copy_embed}>{ tr(lang, "Copy embed code", "임베드 코드 복사") }</button>
            </div>
            <p class="cite"><span class="cite-label">{ tr(lang, "Cite this scenario: ", "이 시나리오 인용: ") }</span><span id="cite">{ cite }</span></p>
            <div class="downloads" role="group" aria-label={tr(lang, "Download", "내려받기")}
                onpointerover={|_| { let _ = prepare_chart_svg(); }} onfocusin={|_| { let _ = prepare_chart_svg(); }}>
                <span class="downloads-label" aria-hidden="true">{ tr(lang, "Download:", "내려받기:") }</span>
                <button type="button" id="dl-png" onclick={download("png")}>{ tr(lang, "Chart PNG", "차트 PNG") }</button>
                <button type="button" id="dl-svg" onclick={download("svg")}>{ tr(lang, "Chart SVG", "차트 SVG") }</button>
                <button type="button" id="dl-csv" onclick={download("csv")}>{ tr(lang, "Data CSV", "데이터 CSV") }</button>
                <button type="button" id="dl-json" onclick={download("json")}>{ tr(lang, "Everything JSON", "전체 JSON") }</button>
            </div>
            <p class="share-status" role="status">{ (*status).clone() }</p>
        </section>
    }
}
