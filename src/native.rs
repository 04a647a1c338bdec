//! Native-only output: the chart as SVG or as a 2× PNG, with text drawn from a font embedded in
//! the binary (no system font lookup, so output is the same on every machine).

use std::sync::Once;

use plotters::prelude::*;

use crate::chart::{self, ChartError, ChartStyle};
use crate::model::Schedule;
use crate::scenario::Scenario;

/// DejaVu Sans, subset to the characters the product writes (licence beside it).
static FONT: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-subset.ttf");

/// Registers the embedded font as `sans-serif`; plotters needs it before any text layout.
pub fn register_font() -> Result<(), ChartError> {
    static REGISTER: Once = Once::new();
    let mut result = Ok(());
    REGISTER.call_once(|| {
        if plotters::style::register_font("sans-serif", FontStyle::Normal, FONT).is_err() {
            result = Err(ChartError("the embedded font could not be loaded".to_owned()));
        }
    });
    result
}

/// The chart as an SVG document of `size` pixels.
pub fn svg(scenario: &Scenario, schedule: &Schedule, size: (u32, u32)) -> Result<String, ChartError> {
    register_font()?;
    chart::svg(scenario, schedule, size, &ChartStyle::default())
}

/// The chart as PNG bytes, drawn at `scale` × `size` pixels (2 for a crisp image).
pub fn png(scenario: &Scenario, schedule: &Schedule, size: (u32, u32), scale: u32) -> Result<Vec<u8>, ChartError> {
    register_font()?;
    let (w, h) = (size.0 * scale, size.1 * scale);
    let mut pixels = vec![0u8; (w as usize) * (h as usize) * 3];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (w, h)).into_drawing_area();
        let style = ChartStyle { scale: f64::from(scale), ..ChartStyle::default() };
        chart::draw(&root, scenario, schedule, &style).map_err(|e| ChartError(e.to_string()))?;
        root.present().map_err(|e| ChartError(e.to_string()))?;
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, w, h);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        // Physical size: `scale` pixels per CSS pixel (96 dpi), so viewers show it at its logical size.
        let ppm = (f64::from(scale) * 96.0 / 0.0254).round() as u32;
        encoder.set_pixel_dims(Some(png::PixelDimensions { xppu: ppm, yppu: ppm, unit: png::Unit::Meter }));
        let mut writer = encoder.write_header().map_err(|e| ChartError(e.to_string()))?;
        writer.write_image_data(&pixels).map_err(|e| ChartError(e.to_string()))?;
    }
    Ok(out)
}
