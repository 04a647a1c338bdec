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

/// A canvas's 2d context as a plotters backend, with same-styled lines and paths joined into one
/// stroke.
pub struct Batched {
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    /// The stroke of the path being built, if one is open (not yet stroked).
    open: Option<Stroke>,
}

impl Batched {
    /// Draws on `canvas`; `None` when the browser gives no 2d context.
    pub fn new(canvas: HtmlCanvasElement) -> Option<Batched> {
        let context = canvas.get_context("2d").ok()??.dyn_into::<CanvasRenderingContext2d>().ok()?;
        Some(Batched { canvas, context, open: None })
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
        self.set_line_style(style);
        self.open = Some(stroke);
    }

    fn set_line_style(&self, style: &impl BackendStyle) {
        self.context.set_stroke_style_str(&css_colour(style.color()));
        self.context.set_line_width(f64::from(style.stroke_width()));
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
        self.context.set_fill_style_str(&css_colour(color));
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
            self.context.set_fill_style_str(&css_colour(style.color()));
            self.context.fill_rect(x, y, w, h);
        } else {
            self.set_line_style(style);
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
            self.context.set_fill_style_str(&css_colour(style.color()));
        } else {
            self.set_line_style(style);
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
            self.context.set_fill_style_str(&css_colour(style.color()));
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
        self.context.set_text_baseline(match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        self.context.set_text_align(match anchor.h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        });
        self.context.set_fill_style_str(&css_colour(colour));
        self.context.set_font(&format!(
            "{} {}px {}",
            style.style().as_str(),
            shortest(style.size()),
            style.family().as_str()
        ));
        let drawn = self.context.fill_text(text, x, y).map_err(canvas_error);
        if quarter_turns != 0.0 {
            self.context.restore();
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
