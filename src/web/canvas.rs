//! The live view's drawing surface: plotters' canvas backend, with each run of lines and paths of
//! one style stroked as a single canvas path.
//!
//! The chart draws the FX-limit line dash by dash and the guarantees' hatching line by line, and
//! plotters' canvas backend strokes every one as a path of its own: six calls into JavaScript each
//! (begin, colour, width, move, line, stroke). Joined, a run costs one begin, colour, width and
//! stroke plus a move and a line per segment. This is the canvas counterpart of
//! `chart::merge_polylines` for SVG; the picture is the same (the colours are opaque, so segments
//! that overlap look the same stroked together or apart).

use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

type Error = DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>;

/// The stroke a run of segments shares.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Stroke {
    rgb: (u8, u8, u8),
    alpha: f64,
    width: u32,
}

/// plotters' [`CanvasBackend`] with same-styled lines and paths joined into one stroke.
pub struct Batched {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    /// The stroke of the path being built, if one is open (not yet stroked).
    open: Option<Stroke>,
}

impl Batched {
    /// Draws on `canvas`; `None` when the browser gives no 2d context.
    pub fn new(canvas: HtmlCanvasElement) -> Option<Batched> {
        let context = canvas.get_context("2d").ok()??.dyn_into::<CanvasRenderingContext2d>().ok()?;
        let inner = CanvasBackend::with_canvas_object(canvas)?;
        Some(Batched { inner, context, open: None })
    }

    /// Erases everything drawn on the canvas.
    pub fn clear(&self) {
        let canvas = self.context.canvas();
        let (w, h) = canvas.map_or((0, 0), |c| (c.width(), c.height()));
        self.context.clear_rect(0.0, 0.0, f64::from(w), f64::from(h));
    }

    /// Continues the open path when `style` is its stroke; otherwise strokes it and opens another.
    fn open_path(&mut self, style: &impl BackendStyle) {
        let BackendColor { rgb, alpha } = style.color();
        let stroke = Stroke { rgb, alpha, width: style.stroke_width() };
        if self.open == Some(stroke) {
            return;
        }
        self.flush();
        let (r, g, b) = rgb;
        self.context.begin_path();
        self.context.set_stroke_style_str(&format!("rgba({r},{g},{b},{alpha})"));
        self.context.set_line_width(f64::from(stroke.width));
        self.open = Some(stroke);
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
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), Error> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), Error> {
        self.flush();
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), Error> {
        self.flush();
        self.inner.draw_pixel(point, color)
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
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Error> {
        self.flush();
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
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
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Error> {
        self.flush();
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), Error> {
        self.flush();
        self.inner.fill_polygon(vert, style)
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result<(), Error> {
        self.flush();
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, style: &T) -> Result<(u32, u32), Error> {
        self.inner.estimate_text_size(text, style)
    }

    fn blit_bitmap(&mut self, pos: BackendCoord, (w, h): (u32, u32), src: &[u8]) -> Result<(), Error> {
        self.flush();
        self.inner.blit_bitmap(pos, (w, h), src)
    }
}

impl Drop for Batched {
    /// A drawing that stops early (an error) still shows the lines drawn before it.
    fn drop(&mut self) {
        self.flush();
    }
}
