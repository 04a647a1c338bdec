//! The chart: stacked yearly bars by instrument against the dashed FX-limit line, drawn with
//! plotters on any [`DrawingBackend`]. The browser draws it to an SVG string; the CLI to SVG
//! or a 2× PNG. There is one drawing function, [`draw`]; everything else is a thin wrapper.
//!
//! Layout is computed in pixels from the area's size, so the same code serves a 320 px phone
//! and a 1400 px desktop; `scale` multiplies every length for high-density bitmaps.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::model::{Row, Schedule};
use crate::scenario::Scenario;
use crate::text;

/// Colours of one theme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// Page background.
    pub background: RGBColor,
    /// Text and axes.
    pub ink: RGBColor,
    /// Secondary text and grid.
    pub muted: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Upfront lump sum (state cash, dollars).
    pub upfront: RGBColor,
    /// Direct investment (state cash, dollars).
    pub direct: RGBColor,
    /// State loans (state cash, dollars).
    pub loans: RGBColor,
    /// Called guarantees (state cash, dollars).
    pub called: RGBColor,
    /// State cash paid in the country's own currency.
    pub local: RGBColor,
    /// Company investment (not state cash).
    pub corporate: RGBColor,
    /// Guarantees given and not called (contingent).
    pub contingent: RGBColor,
    /// The FX-limit line.
    pub limit: RGBColor,
    /// Breach marks.
    pub breach: RGBColor,
    /// Tint behind breach years.
    pub breach_tint: RGBColor,
}

impl Theme {
    /// The light theme. Instruments are told apart by lightness as well as hue (readable in
    /// grayscale), from the colour-blind-safe Okabe–Ito palette where hue matters.
    pub const LIGHT: Theme = Theme {
        background: RGBColor(255, 255, 255),
        ink: RGBColor(28, 28, 30),
        muted: RGBColor(90, 90, 96),
        grid: RGBColor(225, 225, 230),
        upfront: RGBColor(18, 38, 82),
        direct: RGBColor(0, 94, 184),
        loans: RGBColor(86, 180, 233),
        called: RGBColor(213, 94, 0),
        local: RGBColor(0, 158, 115),
        corporate: RGBColor(190, 190, 196),
        contingent: RGBColor(180, 110, 0),
        limit: RGBColor(28, 28, 30),
        breach: RGBColor(200, 30, 30),
        breach_tint: RGBColor(253, 228, 224),
    };

    /// The dark theme.
    pub const DARK: Theme = Theme {
        background: RGBColor(22, 24, 28),
        ink: RGBColor(236, 236, 240),
        muted: RGBColor(170, 170, 180),
        grid: RGBColor(55, 58, 66),
        upfront: RGBColor(150, 185, 255),
        direct: RGBColor(60, 140, 230),
        loans: RGBColor(40, 90, 150),
        called: RGBColor(240, 130, 50),
        local: RGBColor(40, 190, 140),
        corporate: RGBColor(95, 95, 105),
        contingent: RGBColor(230, 160, 60),
        limit: RGBColor(236, 236, 240),
        breach: RGBColor(255, 95, 90),
        breach_tint: RGBColor(70, 30, 32),
    };
}

/// How to draw: theme, font family and the length multiplier for high-density bitmaps.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartStyle {
    /// Colours.
    pub theme: Theme,
    /// Font family name (the CLI registers an embedded font under `sans-serif`).
    pub font: &'static str,
    /// Multiplies every length: 1 for screens and SVG, 2 for a crisp PNG.
    pub scale: f64,
}

impl Default for ChartStyle {
    fn default() -> Self {
        ChartStyle { theme: Theme::LIGHT, font: "sans-serif", scale: 1.0 }
    }
}

/// One segment kind of a bar, bottom to top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Segment {
    Upfront,
    Direct,
    Loans,
    Called,
    Local,
    Corporate,
    Contingent,
}

impl Segment {
    const ALL: [Segment; 7] = [
        Segment::Upfront,
        Segment::Direct,
        Segment::Loans,
        Segment::Called,
        Segment::Local,
        Segment::Corporate,
        Segment::Contingent,
    ];

    fn label(self) -> &'static str {
        match self {
            Segment::Upfront => "Upfront cash",
            Segment::Direct => "Direct investment",
            Segment::Loans => "State loans",
            Segment::Called => "Guarantees called",
            Segment::Local => "Paid in own currency",
            Segment::Corporate => "Company investment",
            Segment::Contingent => "Guarantees (contingent)",
        }
    }

    fn colour(self, t: &Theme) -> RGBColor {
        match self {
            Segment::Upfront => t.upfront,
            Segment::Direct => t.direct,
            Segment::Loans => t.loans,
            Segment::Called => t.called,
            Segment::Local => t.local,
            Segment::Corporate => t.corporate,
            Segment::Contingent => t.contingent,
        }
    }

    /// The segment's height in a row, USD bn. The first four are the dollar part of state cash,
    /// so their stack is what the FX line measures.
    fn amount(self, r: &Row) -> f64 {
        let usd = if r.state_cash > 0.0 { r.usd_cash / r.state_cash } else { 1.0 };
        match self {
            Segment::Upfront => r.upfront * usd,
            Segment::Direct => r.direct * usd,
            Segment::Loans => r.loans * usd,
            Segment::Called => r.guarantees_called * usd,
            Segment::Local => r.local_cash(),
            Segment::Corporate => r.corporate,
            Segment::Contingent => r.guarantees_uncalled(),
        }
    }

    /// Which segments the scenario has, so the legend lists only those drawn.
    fn present(self, schedule: &Schedule) -> bool {
        schedule.rows.iter().any(|r| self.amount(r) > 1e-9)
    }
}

/// A round step for about `target` ticks up to `max`: 1, 2, 2.5 or 5 times a power of ten.
pub fn nice_step(max: f64, target: f64) -> f64 {
    let raw = (max / target).max(1e-9);
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].into_iter().map(|m| m * power).find(|s| *s >= raw);
    step.unwrap_or(10.0 * power)
}

/// Splits `text` into lines no wider than `max_width` pixels in `font`.
fn wrap<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    font: &TextStyle<'_>,
    max_width: i32,
) -> Result<Vec<String>, DrawingAreaErrorKind<DB::ErrorType>> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
        let (w, _) = area.estimate_text_size(&candidate, font)?;
        if w as i32 > max_width && !line.is_empty() {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Ok(lines)
}

/// Draws the chart of `schedule` for `scenario` onto `area`, filling it.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scenario: &Scenario,
    schedule: &Schedule,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let t = &style.theme;
    let px = |x: f64| (x * style.scale).round() as i32;
    let (width, height) = area.dim_in_pixel();
    let (width, height) = (width as i32, height as i32);
    let narrow = width < px(520.0);
    let font = |size: f64, colour: RGBColor| TextStyle {
        font: (style.font, size * style.scale).into_font(),
        color: colour.to_backend_color(),
        pos: Pos::default(),
    };
    let title_font = font(if narrow { 14.0 } else { 16.0 }, t.ink);
    let small = font(if narrow { 10.5 } else { 12.0 }, t.muted);
    let label_font = font(if narrow { 11.0 } else { 12.0 }, t.ink);
    let pad = px(if narrow { 8.0 } else { 14.0 });
    let line_h = |f: &TextStyle<'_>| (f.font.get_size() * 1.3).round() as i32;

    area.fill(&t.background)?;

    // Title, wrapped.
    let mut y = pad;
    for line in wrap(area, &text::title(scenario), &title_font, width - 2 * pad)? {
        area.draw(&Text::new(line, (pad, y), title_font.clone()))?;
        y += line_h(&title_font);
    }
    y += px(4.0);

    // Legend: swatch + label, wrapping into rows.
    let swatch = px(11.0);
    let mut x = pad;
    for seg in Segment::ALL.into_iter().filter(|s| s.present(schedule)) {
        let (tw, _) = area.estimate_text_size(seg.label(), &label_font)?;
        let item_w = swatch + px(5.0) + tw as i32 + px(14.0);
        if x + item_w > width - pad && x > pad {
            x = pad;
            y += line_h(&label_font) + px(2.0);
        }
        draw_swatch(area, seg, (x, y + px(1.0)), swatch, style)?;
        area.draw(&Text::new(seg.label(), (x + swatch + px(5.0), y), label_font.clone()))?;
        x += item_w;
    }
    let breach_any = schedule.rows.iter().any(|r| r.breach);
    if breach_any {
        let label = "Above the FX limit";
        let (tw, _) = area.estimate_text_size(label, &label_font)?;
        let item_w = swatch + px(5.0) + tw as i32 + px(14.0);
        if x + item_w > width - pad && x > pad {
            x = pad;
            y += line_h(&label_font) + px(2.0);
        }
        draw_breach_marker(area, (x + swatch / 2, y + swatch + px(1.0)), swatch, t)?;
        area.draw(&Text::new(label, (x + swatch + px(5.0), y), label_font.clone()))?;
    }
    y += line_h(&label_font) + px(8.0);

    // Source line(s) at the bottom.
    let source_lines = wrap(area, &text::source_line(scenario), &small, width - 2 * pad)?;
    let source_h = source_lines.len() as i32 * line_h(&small);
    let mut sy = height - pad - source_h;
    for line in &source_lines {
        area.draw(&Text::new(line.clone(), (pad, sy), small.clone()))?;
        sy += line_h(&small);
    }

    // Plot rectangle.
    let top = y + px(12.0);
    let bottom = height - pad - source_h - px(8.0) - line_h(&label_font) * 2 - px(6.0);
    let max_bar = schedule
        .rows
        .iter()
        .map(|r| Segment::ALL.iter().map(|s| s.amount(r)).sum::<f64>())
        .fold(0.0, f64::max);
    let y_max_raw = max_bar.max(scenario.limit).max(1.0) * 1.08;
    let step = nice_step(y_max_raw, if bottom - top < px(160.0) { 3.0 } else { 5.0 });
    let y_max = (y_max_raw / step).ceil() * step;
    let tick_labels: Vec<String> = (0..=((y_max / step).round() as i32)).map(|i| text::pct(f64::from(i) * step)).collect();
    let mut tick_w = 0;
    for label in &tick_labels {
        tick_w = tick_w.max(area.estimate_text_size(label, &small)?.0 as i32);
    }
    let axis_title_w = line_h(&small);
    let left = pad + axis_title_w + tick_w + px(6.0);
    let right = width - pad;
    if right - left < px(40.0) || bottom - top < px(40.0) {
        return Ok(()); // Too small to draw a readable plot; the title and source still show.
    }
    let to_y = |v: f64| bottom - ((v / y_max) * f64::from(bottom - top)).round() as i32;

    // Breach tint behind the bars, then the grid.
    let n = schedule.rows.len().max(1) as i32;
    let band = f64::from(right - left) / f64::from(n);
    let band_x = |i: i32| left + (band * f64::from(i)).round() as i32;
    for (i, r) in (0..).zip(&schedule.rows) {
        if r.breach {
            area.draw(&Rectangle::new([(band_x(i), top), (band_x(i + 1), bottom)], t.breach_tint.filled()))?;
        }
    }
    for (i, label) in (0..).zip(&tick_labels) {
        let gy = to_y(f64::from(i) * step);
        area.draw(&PathElement::new(vec![(left, gy), (right, gy)], t.grid.stroke_width(px(1.0).max(1) as u32)))?;
        let pos = Pos::new(HPos::Right, VPos::Center);
        area.draw(&Text::new(label.clone(), (left - px(5.0), gy), small.clone().pos(pos)))?;
    }
    let rotated = small.clone().transform(FontTransform::Rotate270).pos(Pos::new(HPos::Center, VPos::Top));
    area.draw(&Text::new("USD bn per year", (pad, (top + bottom) / 2), rotated))?;

    // Bars.
    let bar_w = (band * 0.72).min(f64::from(px(56.0))).max(1.0);
    for (i, r) in (0..).zip(&schedule.rows) {
        let cx = left as f64 + band * (f64::from(i) + 0.5);
        let x0 = (cx - bar_w / 2.0).round() as i32;
        let x1 = (cx + bar_w / 2.0).round() as i32;
        let mut base = 0.0;
        for seg in Segment::ALL {
            let amount = seg.amount(r);
            if amount <= 1e-9 {
                continue;
            }
            let (y0, y1) = (to_y(base + amount), to_y(base));
            draw_segment(area, seg, [(x0, y0), (x1, y1)], style)?;
            base += amount;
        }
        if r.breach {
            // Second cue beside colour: an outline around the dollar stack and a marker above the bar.
            let usd_top = to_y(r.usd_cash);
            let outline = t.breach.stroke_width(px(2.0).max(1) as u32);
            area.draw(&Rectangle::new([(x0, usd_top), (x1, bottom)], outline))?;
            let marker = (((x0 + x1) / 2), to_y(base) - px(4.0));
            draw_breach_marker(area, marker, px(10.0), t)?;
        }
    }

    // Axis and year labels.
    area.draw(&PathElement::new(vec![(left, bottom), (right, bottom)], t.ink.stroke_width(px(1.0).max(1) as u32)))?;
    let mut label_every = 1;
    let (year_w, _) = area.estimate_text_size("2026", &small)?;
    while band * f64::from(label_every) < f64::from(year_w as i32 + px(6.0)) {
        label_every += 1;
    }
    for (i, r) in (0..).zip(&schedule.rows) {
        if i % label_every == 0 {
            let cx = left + (band * (f64::from(i) + 0.5)).round() as i32;
            let pos = Pos::new(HPos::Center, VPos::Top);
            area.draw(&Text::new(r.year.to_string(), (cx, bottom + px(4.0)), small.clone().pos(pos)))?;
        }
    }
    let pos = Pos::new(HPos::Center, VPos::Top);
    area.draw(&Text::new("Year", ((left + right) / 2, bottom + px(4.0) + line_h(&small)), small.clone().pos(pos)))?;

    // The FX limit: dashed line and its label.
    let ly = to_y(scenario.limit);
    let (dash, gap) = (px(8.0), px(5.0));
    let mut dx = left;
    while dx < right {
        let end = (dx + dash).min(right);
        area.draw(&PathElement::new(vec![(dx, ly), (end, ly)], t.limit.stroke_width(px(2.0).max(1) as u32)))?;
        dx = end + gap;
    }
    let limit_text = text::limit_label(scenario);
    let (lw, lh) = area.estimate_text_size(&limit_text, &label_font)?;
    let label_y = (ly - px(4.0) - lh as i32).max(top - px(12.0));
    area.draw(&Rectangle::new(
        [(right - lw as i32 - px(6.0), label_y - px(2.0)), (right, label_y + lh as i32 + px(2.0))],
        t.background.mix(0.85).filled(),
    ))?;
    area.draw(&Text::new(limit_text, (right - px(3.0), label_y), label_font.pos(Pos::new(HPos::Right, VPos::Top))))?;
    Ok(())
}

fn draw_segment<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    seg: Segment,
    rect: [(i32, i32); 2],
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let colour = seg.colour(&style.theme);
    let [(x0, y0), (x1, y1)] = rect;
    match seg {
        // Contingent guarantees are not cash: an outline with diagonal hatching, never solid.
        Segment::Contingent => {
            hatch(area, rect, colour, (6.0 * style.scale).max(3.0) as i32, style.scale)?;
            let w = (1.5 * style.scale).round().max(1.0) as u32;
            area.draw(&Rectangle::new([(x0, y0), (x1, y1)], colour.stroke_width(w)))?;
        }
        // Own-currency cash is hatched over a light fill: cash, but not dollars.
        Segment::Local => {
            area.draw(&Rectangle::new(rect, colour.mix(0.35).filled()))?;
            hatch(area, rect, colour, (5.0 * style.scale).max(3.0) as i32, style.scale)?;
        }
        _ => area.draw(&Rectangle::new(rect, colour.filled()))?,
    }
    Ok(())
}

/// Diagonal lines (bottom-left to top-right) clipped to `rect`, `spacing` pixels apart.
fn hatch<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    rect: [(i32, i32); 2],
    colour: RGBColor,
    spacing: i32,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let [(x0, y0), (x1, y1)] = rect;
    let (w, h) = (x1 - x0, y1 - y0);
    if w <= 0 || h <= 0 {
        return Ok(());
    }
    let stroke = colour.stroke_width((scale).round().max(1.0) as u32);
    let mut points = Vec::new();
    // Lines x - x0 + (y1 - y) = k for k in (0, w + h).
    let mut k = spacing;
    while k < w + h {
        let start = (x0 + (k - h).max(0), y1 - k.min(h));
        let end = (x0 + k.min(w), y1 - (k - w).max(0));
        points.push(vec![start, end]);
        k += spacing;
    }
    for line in points {
        area.draw(&PathElement::new(line, stroke))?;
    }
    Ok(())
}

fn draw_swatch<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    seg: Segment,
    (x, y): (i32, i32),
    size: i32,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    draw_segment(area, seg, [(x, y), (x + size, y + size)], style)
}

/// A filled triangle pointing up with its tip at `tip`... drawn with its base at `(cx, base_y)`.
fn draw_breach_marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (cx, base_y): (i32, i32),
    size: i32,
    t: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let half = size / 2 + 1;
    let points = vec![(cx - half, base_y), (cx + half, base_y), (cx, base_y - size)];
    area.draw(&Polygon::new(points, t.breach.filled()))?;
    Ok(())
}

/// Why a chart could not be produced.
#[derive(Debug, thiserror::Error)]
#[error("could not draw the chart: {0}")]
pub struct ChartError(pub String);

/// Draws the chart to an SVG document of `width` × `height` pixels.
pub fn svg(scenario: &Scenario, schedule: &Schedule, size: (u32, u32), style: &ChartStyle) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        draw(&root, scenario, schedule, style).map_err(|e| ChartError(e.to_string()))?;
        root.present().map_err(|e| ChartError(e.to_string()))?;
    }
    Ok(out)
}
