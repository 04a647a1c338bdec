//! The live view's drawing surface: a plotters `DrawingBackend` on a 2d canvas, with each run of
//! lines and paths of one style stroked as a single canvas path.
//!
//! The chart draws the FX-limit line dash by dash and the guarantees' hatching line by line, and
//! plotters' canvas backend (the `plotters-canvas` crate) strokes every one as a path of its own:
//! six calls into JavaScript each (begin, colour, width, move, line, stroke). Joined, a run costs
//! one begin, colour, width and stroke plus a move and a line per segment. This is the canvas
//! counterpart of `chart::merge_polylines` for SVG; the picture is the same (the colours are
//! opaque, so segments that overlap look the same stroked together or apart).
//!
//! It draws everything itself rather than wrapping `plotters-canvas`: that crate writes colours
//! and font sizes with `core::fmt`'s float formatting, which this page otherwise does without
//! (see `crate::decimal`). Fills, circles and text follow `plotters-canvas` 0.3.1 call for call.

use std::f64::consts::PI;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::decimal::shortest;

/// What the canvas refused, in the browser's words.
#[derive(Debug)]
pub struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CanvasError {}

type Error = DrawingErrorKind<CanvasError>;

fn canvas_error(e: JsValue) -> Error {
    DrawingErrorKind::DrawingError(CanvasError(
        e.as_string().unwrap_or_else(|| "the canvas refused a call".to_owned()),
    ))
}

/// A colour as CSS writes it: `rgba(31,119,180,1)`.
fn css_colour(BackendColor { rgb: (r, g, b), alpha }: BackendColor) -> String {
    format!("rgba({r},{g},{b},{})", shortest(alpha))
}

/// The stroke a run of segments shares.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Stroke {
    rgb: (u8, u8, u8),
    alpha: f64,
    width: u32,
}

/// A colour as compared: red, green, blue and the alpha's bits.
type Colour = ((u8, u8, u8), u64);

fn colour_key(c: BackendColor) -> Colour {
    (c.rgb, c.alpha.to_bits())
}

/// The context's drawing state as this backend last set it (`None`: not set by this backend,
/// so unknown). A setting equal to the one in force is not sent again: a chart sets the same
/// fill colour, font and text anchors for label after label, and each call into JavaScript (a
/// string to decode, and for a font a CSS value to parse) costs more than the comparison.
#[derive(Default)]
struct State {
    fill: Option<Colour>,
    stroke: Option<Colour>,
    line_width: Option<u32>,
    /// The font, as CSS writes it.
    font: Option<String>,
    /// The text anchor as `(horizontal, vertical)` position.
    anchor: Option<(u8, u8)>,
}

/// A canvas's 2d context as a plotters backend, with same-styled lines and paths joined into one
/// stroke, and settings sent only when they change.
pub struct Batched {
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    /// The stroke of the path being built, if one is open (not yet stroked).
    open: Option<Stroke>,
    /// What the context is set to.
    state: State,
}

impl Batched {
    /// Draws on `canvas`; `None` when the browser gives no 2d context.
    pub fn new(canvas: HtmlCanvasElement) -> Option<Batched> {
        let context = canvas.get_context("2d").ok()??.dyn_into::<CanvasRenderingContext2d>().ok()?;
        Some(Batched { canvas, context, open: None, state: State::default() })
    }

    /// Erases everything drawn on the canvas.
    pub fn clear(&self) {
        let (w, h) = self.get_size();
        self.context.clear_rect(0.0, 0.0, f64::from(w), f64::from(h));
    }

    /// Continues the open path when `style` is its stroke; otherwise strokes it and opens another.
    fn open_path(&mut self, style: &impl BackendStyle) {
        let colour = style.color();
        let stroke = Stroke { rgb: colour.rgb, alpha: colour.alpha, width: style.stroke_width() };
        if self.open == Some(stroke) {
            return;
        }
        self.flush();
        self.context.begin_path();
        self.set_line_style(colour, stroke.width);
        self.open = Some(stroke);
    }

    fn set_line_style(&mut self, colour: BackendColor, width: u32) {
        let key = Some(colour_key(colour));
        if self.state.stroke != key {
            self.context.set_stroke_style_str(&css_colour(colour));
            self.state.stroke = key;
        }
        if self.state.line_width != Some(width) {
            self.context.set_line_width(f64::from(width));
            self.state.line_width = Some(width);
        }
    }

    fn set_fill(&mut self, colour: BackendColor) {
        let key = Some(colour_key(colour));
        if self.state.fill != key {
            self.context.set_fill_style_str(&css_colour(colour));
            self.state.fill = key;
        }
    }

    fn set_text(&mut self, colour: BackendColor, font: String, (h_pos, v_pos): (HPos, VPos)) {
        let anchor = (h_pos as u8, v_pos as u8);
        if self.state.anchor != Some(anchor) {
            self.context.set_text_baseline(match v_pos {
                VPos::Top => "top",
                VPos::Center => "middle",
                VPos::Bottom => "bottom",
            });
            self.context.set_text_align(match h_pos {
                HPos::Left => "start",
                HPos::Right => "end",
                HPos::Center => "center",
            });
            self.state.anchor = Some(anchor);
        }
        self.set_fill(colour);
        if self.state.font.as_ref() != Some(&font) {
            self.context.set_font(&font);
            self.state.font = Some(font);
        }
    }

    /// Strokes the open path, if any: before anything else is drawn, and at the end.
    fn flush(&mut self) {
        if self.open.take().is_some() {
            self.context.stroke();
        }
    }
}

/// A horizontal or vertical line moved half a pixel, so a one-pixel line covers one row of
/// pixels instead of blurring over two (as plotters' canvas backend does for its lines).
fn crisp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut a, mut b) = ((f64::from(from.0), f64::from(from.1)), (f64::from(to.0), f64::from(to.1)));
    if from.0 == to.0 {
        a.0 -= 0.5;
        b.0 -= 0.5;
    }
    if from.1 == to.1 {
        a.1 -= 0.5;
        b.1 -= 0.5;
    }
    (a, b)
}

impl DrawingBackend for Batched {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        (self.canvas.width(), self.canvas.height())
    }

    fn ensure_prepared(&mut self) -> Result<(), Error> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), Error> {
        self.flush();
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Result<(), Error> {
        self.flush();
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.set_fill(color);
        self.context.fill_rect(f64::from(x), f64::from(y), 1.0, 1.0);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), Error> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.open_path(style);
        let (a, b) = crisp(from, to);
        self.context.move_to(a.0, a.1);
        self.context.line_to(b.0, b.1);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Error> {
        self.flush();
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y, w, h) = (f64::from(x0), f64::from(y0), f64::from(x1 - x0), f64::from(y1 - y0));
        if fill {
            self.set_fill(style.color());
            self.context.fill_rect(x, y, w, h);
        } else {
            self.set_line_style(style.color(), style.stroke_width());
            self.context.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Error> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let mut points = path.into_iter();
        if let Some((x, y)) = points.next() {
            self.open_path(style);
            self.context.move_to(f64::from(x), f64::from(y));
            for (x, y) in points {
                self.context.line_to(f64::from(x), f64::from(y));
            }
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Error> {
        self.flush();
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        if fill {
            self.set_fill(style.color());
        } else {
            self.set_line_style(style.color(), style.stroke_width());
        }
        self.context.begin_path();
        self.context
            .arc(f64::from(x), f64::from(y), f64::from(radius), 0.0, PI * 2.0)
            .map_err(canvas_error)?;
        if fill {
            self.context.fill();
        } else {
            self.context.stroke();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), Error> {
        self.flush();
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let mut points = vert.into_iter();
        self.context.begin_path();
        if let Some((x, y)) = points.next() {
            self.set_fill(style.color());
            self.context.move_to(f64::from(x), f64::from(y));
            for (x, y) in points {
                self.context.line_to(f64::from(x), f64::from(y));
            }
            self.context.close_path();
        }
        self.context.fill();
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        (x, y): BackendCoord,
    ) -> Result<(), Error> {
        self.flush();
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        let quarter_turns = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 1.0,
            FontTransform::Rotate180 => 2.0,
            FontTransform::Rotate270 => 3.0,
        };
        let (x, y) = if quarter_turns == 0.0 {
            (f64::from(x), f64::from(y))
        } else {
            self.context.save();
            self.context.translate(f64::from(x), f64::from(y)).map_err(canvas_error)?;
            self.context.rotate(quarter_turns * PI / 2.0).map_err(canvas_error)?;
            (0.0, 0.0)
        };
        let anchor = style.anchor();
        let font =
            format!("{} {}px {}", style.style().as_str(), shortest(style.size()), style.family().as_str());
        self.set_text(colour, font, (anchor.h_pos, anchor.v_pos));
        let drawn = self.context.fill_text(text, x, y).map_err(canvas_error);
        if quarter_turns != 0.0 {
            self.context.restore();
            // `restore` put back the settings in force at `save`, not the ones set since.
            self.state = State::default();
        }
        drawn
    }
}

impl Drop for Batched {
    /// A drawing that stops early (an error) still shows the lines drawn before it.
    fn drop(&mut self) {
        self.flush();
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, reason = "tests: a failure is the point")]
mod tests {
    use plotters::prelude::*;
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    use plotters::style::{FontDesc, FontFamily, FontStyle, FontTransform, TextStyle};
    use plotters_backend::DrawingBackend;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;

    use super::Batched;

    wasm_bindgen_test_configure!(run_in_browser);

    fn backend() -> Batched {
        let canvas = gloo::utils::document().create_element("canvas").unwrap();
        let canvas: web_sys::HtmlCanvasElement = canvas.unchecked_into();
        canvas.set_width(80);
        canvas.set_height(40);
        Batched::new(canvas).unwrap()
    }

    fn text(size: f64, colour: RGBColor, transform: FontTransform) -> TextStyle<'static> {
        let font = FontDesc::new(FontFamily::SansSerif, size, FontStyle::Normal).transform(transform);
        TextStyle { font, color: colour.to_backend_color(), pos: Pos::new(HPos::Center, VPos::Top) }
    }

    fn fill(b: &Batched) -> String {
        b.context.fill_style().as_string().unwrap()
    }

    #[wasm_bindgen_test]
    fn a_setting_is_sent_again_whenever_it_differs_from_the_one_in_force() {
        let mut b = backend();
        b.draw_rect((0, 0), (10, 10), &RED, true).unwrap();
        assert_eq!(fill(&b), "#ff0000");
        b.draw_rect((10, 0), (20, 10), &BLUE, true).unwrap();
        assert_eq!(fill(&b), "#0000ff");
        b.draw_text("a", &text(12.0, RED, FontTransform::None), (40, 0)).unwrap();
        assert_eq!(
            (fill(&b), b.context.font(), b.context.text_align()),
            ("#ff0000".into(), "12px sans-serif".into(), "center".into())
        );
        b.draw_text("b", &text(30.0, RED, FontTransform::None), (40, 0)).unwrap();
        assert_eq!(b.context.font(), "30px sans-serif");
        b.draw_line((0, 20), (80, 20), &GREEN).unwrap();
        b.present().unwrap();
        assert_eq!(b.context.stroke_style().as_string().unwrap(), "#00ff00");
    }

    #[wasm_bindgen_test]
    fn settings_made_inside_a_rotated_label_end_with_it() {
        // A rotated label is drawn between `save` and `restore`, which puts the context's
        // settings back as they were: blue set inside is red again after it.
        let mut b = backend();
        b.draw_rect((0, 0), (10, 10), &RED, true).unwrap();
        b.draw_text("axis", &text(12.0, BLUE, FontTransform::Rotate90), (40, 20)).unwrap();
        assert_eq!(fill(&b), "#ff0000");
        b.draw_rect((20, 0), (30, 10), &BLUE, true).unwrap();
        assert_eq!(fill(&b), "#0000ff");
        let pixel = b.context.get_image_data(25.0, 5.0, 1.0, 1.0).unwrap().data();
        assert_eq!(&pixel[..4], &[0, 0, 255, 255]);
    }
}
