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
use crate::text::{self, tr};
use crate::view::{Lang, ThemeChoice, View};

/// The size of an exported chart in CSS pixels: the CLI's default `--size` and the page's
/// downloads (a PNG has twice the pixels each way).
pub const EXPORT_SIZE: (u32, u32) = (960, 560);

/// Why [`svg`] (and the CLI's PNG) refused a size: [`draw`] found no room for the plot.
pub const TOO_SMALL: &str = "too small for the plot under this chart's title and legend";

/// A size at which every chart draws its plot: the title and legend of a scenario with every
/// kind of payment and a baseline leave room for it (a test draws that worst case at this size,
/// in both languages). Smaller sizes may draw too; [`svg`] refuses those that do not.
pub const MIN_EXPORT_SIZE: (u32, u32) = (480, 320);

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
    /// grayscale), from the colour-blind-safe Okabe–Ito palette where hue matters. Every mark
    /// has at least 3:1 contrast with the background and text at least 4.5:1 (WCAG 2.1 AA;
    /// tested below), in both themes.
    pub const LIGHT: Theme = Theme {
        background: RGBColor(255, 255, 255),
        ink: RGBColor(28, 28, 30),
        muted: RGBColor(90, 90, 96),
        grid: RGBColor(225, 225, 230),
        upfront: RGBColor(18, 38, 82),
        direct: RGBColor(0, 94, 184),
        loans: RGBColor(150, 70, 140),
        called: RGBColor(213, 94, 0),
        local: RGBColor(0, 148, 108),
        corporate: RGBColor(125, 125, 132),
        contingent: RGBColor(180, 110, 0),
        limit: RGBColor(28, 28, 30),
        breach: RGBColor(200, 30, 30),
        breach_tint: RGBColor(254, 238, 236),
    };

    /// The dark theme.
    pub const DARK: Theme = Theme {
        background: RGBColor(22, 24, 28),
        ink: RGBColor(236, 236, 240),
        muted: RGBColor(170, 170, 180),
        grid: RGBColor(55, 58, 66),
        upfront: RGBColor(150, 185, 255),
        direct: RGBColor(60, 140, 230),
        loans: RGBColor(190, 120, 200),
        called: RGBColor(240, 130, 50),
        local: RGBColor(40, 190, 140),
        corporate: RGBColor(125, 125, 135),
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
    /// Font family name (the CLI registers an embedded font under `sans-serif`; the browser's
    /// canvas uses the page's `system-ui`).
    pub font: &'static str,
    /// Multiplies every length: 1 for screens and SVG, 2 for a crisp PNG.
    pub scale: f64,
    /// Plotters font-size units per pixel of em: its SVG backend writes `font-size` as the size
    /// divided by 1.24; its bitmap backend (ab_glyph) scales the font's ascender-to-descender
    /// height to the size, which for DejaVu Sans is 1.164 em.
    pub font_units_per_px: f64,
    /// The language of every word drawn.
    pub lang: Lang,
}

impl ChartStyle {
    /// The font of `size` plotters units in this style's family. Generic names map to plotters'
    /// generic families directly: its `From<&str>` would lower-case the name with Unicode case
    /// tables, which are then the largest data in the browser bundle (~14 KB raw).
    pub fn font_desc(&self, size: f64) -> FontDesc<'static> {
        let family = match self.font {
            "sans-serif" => FontFamily::SansSerif,
            "serif" => FontFamily::Serif,
            "monospace" => FontFamily::Monospace,
            name => FontFamily::Name(name),
        };
        FontDesc::new(family, size, FontStyle::Normal)
    }

    /// For SVG output.
    pub const SVG: ChartStyle = ChartStyle {
        theme: Theme::LIGHT,
        font: "sans-serif",
        scale: 1.0,
        font_units_per_px: 1.24,
        lang: Lang::En,
    };

    /// For bitmap output at `scale` device pixels per CSS pixel.
    pub fn bitmap(scale: f64) -> ChartStyle {
        ChartStyle { scale, font_units_per_px: 1.164, ..ChartStyle::SVG }
    }

    /// For an HTML canvas at `scale` device pixels per CSS pixel: the canvas backend
    /// (`web::canvas`) sets the font as `{size}px`, one unit per pixel. The family is the page's
    /// own (`system-ui`, see `assets/style.css`): the chart reads as part of the page, and its
    /// first drawing finds the font already loaded by the page's first layout instead of looking
    /// up another one.
    pub fn canvas(scale: f64) -> ChartStyle {
        ChartStyle { scale, font: "system-ui", font_units_per_px: 1.0, ..ChartStyle::SVG }
    }

    /// This style in the language and theme a link's view names: English and light unless it
    /// says otherwise (a file made from a link has no reader's system setting to follow). The
    /// CLI and the page's chart downloads both draw a link this way.
    pub fn in_view(self, view: &View) -> ChartStyle {
        let theme = match view.theme {
            Some(ThemeChoice::Dark) => Theme::DARK,
            Some(ThemeChoice::Light) | None => Theme::LIGHT,
        };
        ChartStyle { theme, lang: view.lang.unwrap_or_default(), ..self }
    }
}

impl Default for ChartStyle {
    fn default() -> Self {
        ChartStyle::SVG
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

    /// The legend's name: the own-currency part is named as its lever is (`Paid in won`).
    fn label(self, lang: Lang, country: crate::scenario::Country) -> &'static str {
        let (en, ko) = match self {
            Segment::Upfront => ("Upfront cash", "선불 현금"),
            Segment::Direct => ("Direct investment", "직접 투자"),
            Segment::Loans => ("State loans", "국가 대출"),
            Segment::Called => ("Guarantees called", "청구된 보증"),
            Segment::Local => return text::paid_in_own_currency(lang, country),
            Segment::Corporate => ("Company investment", "기업 투자"),
            Segment::Contingent => ("Guarantees (contingent)", "미청구 보증"),
        };
        tr(lang, en, ko)
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
    // The largest power of ten not above `raw`, found by stepping rather than with `log10` and
    // `powf` (whose code is 2 KB of the browser bundle); bounded, so an infinite `raw` ends too.
    let mut exp = 0;
    while exp > -9 && pow10(exp) > raw {
        exp -= 1;
    }
    while exp < 308 && pow10(exp + 1) <= raw {
        exp += 1;
    }
    let power = pow10(exp);
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].into_iter().map(|m| m * power).find(|s| *s >= raw);
    step.unwrap_or(10.0 * power)
}

/// 10^`exp`: exact for `exp` from 0 to 22; below 0, the correctly rounded reciprocal.
fn pow10(exp: i32) -> f64 {
    if exp >= 0 {
        10f64.powi(exp)
    } else {
        1.0 / 10f64.powi(-exp)
    }
}

/// An axis label for `value` on an axis of `step`: as many decimals as the step needs (so a
/// 0.25 step reads 0.25, 0.5, 0.75, not 0.2, 0.5, 0.8), trailing zeros dropped.
pub fn tick_label(value: f64, step: f64) -> String {
    let decimals = (0..=6).find(|d| {
        let scaled = step * 10f64.powi(*d);
        (scaled - scaled.round()).abs() < 1e-6 * scaled.max(1.0)
    });
    let text = crate::decimal::fixed(value, decimals.unwrap_or(6) as usize).to_string();
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// Advance widths of DejaVu Sans for ASCII 32–126, in thousandths of an em (read from the font
/// with fontTools). Text is laid out with this table, not by asking the backend: plotters' web
/// backend measures text by inserting a styled `<span>` and forcing a layout for every call,
/// which is slow and blocked by a strict Content-Security-Policy (`style-src 'self'`). The
/// table is DejaVu's, one of the wider sans-serifs, so text measured with it fits when a
/// browser draws it in the reader's narrower system font.
const ADVANCE: [u16; 95] = [
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636,
    636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295,
    295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838,
    500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521,
    392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];

/// Width in pixels of `text` drawn with a font of `px` pixels.
pub fn text_width(text: &str, px: f64) -> i32 {
    em_to_px(em_thousandths(text), px)
}

/// The advance of `text` in thousandths of an em, from the metrics table.
fn em_thousandths(text: &str) -> u32 {
    let mut em = 0;
    for c in text.chars() {
        em += match u32::from(c) {
            code @ 32..=126 => ADVANCE.get((code - 32) as usize).copied().map_or(600, u32::from),
            0x2014 | 0x2026 => 1000,
            0x1100..=0x11FF | 0x3000..=0x9FFF | 0xAC00..=0xD7AF | 0xFF00..=0xFFEF => 1000,
            _ => 640,
        };
    }
    em
}

/// `em` thousandths of an em in pixels of a `px`-pixel font, rounded up.
fn em_to_px(em: u32, px: f64) -> i32 {
    (f64::from(em) / 1000.0 * px).ceil() as i32
}

/// Greedy wrapping of words of advances `ems` (thousandths of an em, a space between words)
/// into lines no wider than `max_width` pixels: for each word, whether a line starts there. A
/// word wider than the whole width gets a line of its own. Works on numbers, so balancing can
/// try many widths cheaply.
fn line_starts(ems: &[u32], font_px: f64, max_width: i32) -> Vec<bool> {
    let space = em_thousandths(" ");
    let mut line = 0;
    let mut starts = Vec::with_capacity(ems.len());
    for (i, &em) in ems.iter().enumerate() {
        let start = i == 0 || em_to_px(line + space + em, font_px) > max_width;
        line = if start { em } else { line + space + em };
        starts.push(start);
    }
    starts
}

/// Splits `text` into lines no wider than `max_width` pixels in `font` (greedily: each line
/// takes as many words as fit). With `balance`, the lines are as even as the words allow, like
/// a heading's `text-wrap: balance`: the narrowest width that needs no more lines, so a title
/// never ends on a lone word. (Greedy wrapping needs the fewest lines for a width, and that
/// count never grows with the width, so the narrowest such width can be found by halving.)
fn wrap(text: &str, font_px: f64, max_width: i32, balance: bool) -> Vec<String> {
    let words = unbroken_words(text);
    let ems: Vec<u32> = words.iter().map(|w| em_thousandths(w)).collect();
    let count = |starts: &[bool]| starts.iter().filter(|s| **s).count();
    let mut starts = line_starts(&ems, font_px, max_width);
    let lines = count(&starts);
    if balance && lines > 1 {
        // Invariant: `hi` needs at most `lines` lines; `lo` needs more.
        let (mut lo, mut hi) = (0, max_width);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if count(&line_starts(&ems, font_px, mid)) <= lines {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        starts = line_starts(&ems, font_px, hi);
    }
    let mut out: Vec<String> = Vec::new();
    for (word, start) in words.into_iter().zip(starts) {
        match out.last_mut() {
            Some(line) if !start => {
                line.push(' ');
                line.push_str(&word);
            }
            _ => out.push(word),
        }
    }
    out
}

/// The words of `text` (split at spaces) as lines may break between them: a unit stays on the
/// line of the number before it (`$1,000 bn`, `1조 달러`, `5.3조 원`, `$1 m`).
fn unbroken_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in text.split(' ') {
        let unit = matches!(word.trim_end_matches([',', '.', ')', ';', ':']), "bn" | "m" | "달러" | "원");
        match words.last_mut() {
            // After a number: it ends in a digit or a Korean one (`1조`, `3,500억`).
            Some(last)
                if unit
                    && last.chars().any(|c| c.is_ascii_digit())
                    && last.chars().next_back().is_some_and(|c| c.is_ascii_digit() || !c.is_ascii()) =>
            {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_owned()),
        }
    }
    words
}

/// Draws the chart of `schedule` for `scenario` onto `area`, filling it. With a `baseline`, each
/// year also shows the baseline's dollars as an outlined bar beside the live one. `Ok(false)`:
/// the area is too small for a readable plot under the title and legend, so only they and the
/// source line are drawn.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scenario: &Scenario,
    schedule: &Schedule,
    baseline: Option<&Schedule>,
    style: &ChartStyle,
) -> Result<bool, DrawingAreaErrorKind<DB::ErrorType>> {
    let t = &style.theme;
    // A baseline is drawn in the years it shares with this timeline: with none (its start moved
    // past this end), no outline, legend entry or room on the value axis for it.
    let baseline = baseline.filter(|b| b.rows.iter().any(|r| schedule.rows.iter().any(|l| l.year == r.year)));
    let px = |x: f64| (x * style.scale).round() as i32;
    let (width, height) = area.dim_in_pixel();
    let (width, height) = (width as i32, height as i32);
    let narrow = width < px(520.0);
    let font = |size: f64, colour: RGBColor| TextStyle {
        font: style.font_desc(size * style.scale * style.font_units_per_px),
        color: colour.to_backend_color(),
        pos: Pos::default(),
    };
    let title_font = font(if narrow { 15.0 } else { 17.0 }, t.ink);
    let small = font(if narrow { 11.5 } else { 12.5 }, t.muted);
    let label_font = font(if narrow { 12.0 } else { 13.0 }, t.ink);
    let pad = px(if narrow { 8.0 } else { 14.0 });
    let font_px = |f: &TextStyle<'_>| f.font.get_size() / style.font_units_per_px;
    let measure = |text: &str, f: &TextStyle<'_>| text_width(text, font_px(f));
    let line_h = |f: &TextStyle<'_>| (font_px(f) * 1.3).round() as i32;

    area.fill(&t.background)?;

    // Title, wrapped.
    let mut y = pad;
    for line in wrap(&text::title(style.lang, scenario), font_px(&title_font), width - 2 * pad, true) {
        area.draw(&Text::new(line, (pad, y), title_font.clone()))?;
        y += line_h(&title_font);
    }
    y += px(4.0);

    // Legend: swatch + label, wrapping into rows: the instruments drawn, the FX line with its
    // source, and the breach marker.
    enum Item {
        Seg(Segment),
        Limit,
        Breach,
        Baseline,
    }
    let peak = tallest_bar(schedule, baseline);
    let limit_above = limit_above_scale(scenario.limit, peak);
    let mut limit_text = text::limit_label(style.lang, scenario);
    if limit_above {
        limit_text.push_str(tr(style.lang, ", off the scale", ", 축 범위 초과"));
    }
    let mut items: Vec<Item> =
        Segment::ALL.into_iter().filter(|s| s.present(schedule)).map(Item::Seg).collect();
    items.push(Item::Limit);
    if schedule.rows.iter().any(|r| r.breach) {
        items.push(Item::Breach);
    }
    if baseline.is_some() {
        items.push(Item::Baseline);
    }
    let swatch = px(11.0);
    let label_h = line_h(&label_font);
    let mut x = pad;
    let mut extra = 0; // how far the current row's wrapped labels reach below its first line
    for item in &items {
        let label = match item {
            Item::Seg(seg) => seg.label(style.lang, scenario.country),
            Item::Limit => limit_text.as_str(),
            Item::Breach => tr(style.lang, "Above the FX limit", "외환 한도 초과"),
            Item::Baseline => tr(style.lang, "Baseline: dollars a year", "기준선: 연간 달러"),
        };
        let swatch_w = if matches!(item, Item::Limit) { px(22.0) } else { swatch };
        // A label wider than a whole row (the FX line's, with its source, on a phone) wraps.
        let room = width - 2 * pad - swatch_w - px(5.0);
        let lines = if measure(label, &label_font) > room {
            wrap(label, font_px(&label_font), room, true)
        } else {
            vec![label.to_owned()]
        };
        let text_w = lines.iter().map(|l| measure(l, &label_font)).max().unwrap_or(0);
        let item_w = swatch_w + px(5.0) + text_w + px(14.0);
        if x + item_w > width - pad && x > pad {
            x = pad;
            y += label_h + px(2.0) + extra;
            extra = 0;
        }
        let mid = y + label_h / 2;
        match item {
            Item::Seg(seg) => draw_swatch(area, *seg, (x, mid - swatch / 2), swatch, style)?,
            // Off the scale the limit is an arrow, as at the plot's corner.
            Item::Limit if limit_above => {
                up_arrow(area, (x + swatch_w / 2, mid - swatch / 2), swatch, t.limit, style.scale)?;
            }
            Item::Limit => dashed(area, (x, x + swatch_w), mid, t.limit, style.scale)?,
            Item::Breach => draw_breach_marker(area, (x + swatch / 2, mid + swatch / 2), swatch, t)?,
            Item::Baseline => {
                let outline = t.ink.stroke_width(px(1.5).max(1) as u32);
                area.draw(&Rectangle::new([(x, mid - swatch / 2), (x + swatch, mid + swatch / 2)], outline))?;
            }
        }
        let pos = Pos::new(HPos::Left, VPos::Center);
        for (k, line) in (0..).zip(&lines) {
            let at = (x + swatch_w + px(5.0), mid + k * label_h);
            area.draw(&Text::new(line.clone(), at, label_font.clone().pos(pos)))?;
        }
        extra = extra.max((lines.len() as i32 - 1) * label_h);
        x += item_w;
    }
    y += label_h + px(8.0) + extra;

    // Source line(s) at the bottom.
    let source_lines =
        wrap(&text::source_line(style.lang, scenario), font_px(&small), width - 2 * pad, false);
    let source_h = source_lines.len() as i32 * line_h(&small);
    let mut sy = height - pad - source_h;
    for line in &source_lines {
        area.draw(&Text::new(line.clone(), (pad, sy), small.clone()))?;
        sy += line_h(&small);
    }

    // Plot rectangle.
    // Off the scale, the limit's arrow and value take a band of their own above the plot, clear
    // of its top grid line (read beside it, the value would look like that line's).
    let arrow = px(9.0);
    let limit_band = if limit_above { line_h(&label_font) + px(2.0) } else { 0 };
    let top = y + px(12.0) + limit_band;
    let bottom = height - pad - source_h - px(8.0) - line_h(&label_font) * 2 - px(6.0);
    let y_max_raw = if limit_above { peak } else { peak.max(scenario.limit).max(1.0) } * 1.08;
    let step = nice_step(y_max_raw, if bottom - top < px(160.0) { 3.0 } else { 5.0 });
    let y_max = (y_max_raw / step).ceil() * step;
    // Korean readers count money in 억 (10^8): the axis is in 억 dollars (1 bn = 10억), grouped.
    let unit = if style.lang == Lang::Ko { 10.0 } else { 1.0 };
    let tick_labels: Vec<String> = (0..=((y_max / step).round() as i32))
        .map(|i| text::grouped(&tick_label(f64::from(i) * step * unit, step * unit)))
        .collect();
    let mut tick_w = 0;
    for label in &tick_labels {
        tick_w = tick_w.max(measure(label, &small));
    }
    let axis_title_w = line_h(&small);
    let left = pad + axis_title_w + tick_w + px(6.0);
    let limit_tag = text::usd_bn(style.lang, scenario.limit);
    let tag_w = measure(&limit_tag, &small) + if limit_above { arrow + px(4.0) } else { 0 };
    let right = width - pad - tag_w - px(6.0);
    if right - left < px(40.0) || bottom - top < px(40.0) {
        return Ok(false); // Too small to draw a readable plot; the title and source still show.
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
        area.draw(&PathElement::new(
            vec![(left, gy), (right, gy)],
            t.grid.stroke_width(px(1.0).max(1) as u32),
        ))?;
        let pos = Pos::new(HPos::Right, VPos::Center);
        area.draw(&Text::new(label.clone(), (left - px(5.0), gy), small.clone().pos(pos)))?;
    }
    let rotated = small.clone().transform(FontTransform::Rotate270).pos(Pos::new(HPos::Center, VPos::Top));
    area.draw(&Text::new(
        tr(style.lang, "USD bn per year", "연간, 억 달러"),
        (pad, (top + bottom) / 2),
        rotated,
    ))?;

    // Bars; with a baseline, the live bar moves left and the baseline's outline stands beside it.
    let bar_w = (band * if baseline.is_some() { 0.4 } else { 0.72 }).min(f64::from(px(56.0))).max(1.0);
    let shift = if baseline.is_some() { -(bar_w / 2.0 + f64::from(px(1.0))) } else { 0.0 };
    if let Some(base) = baseline {
        let outline = t.ink.stroke_width(px(1.5).max(1) as u32);
        for r in &base.rows {
            let Some(i) = schedule.rows.iter().position(|live| live.year == r.year) else { continue };
            let cx = left as f64 + band * (i as f64 + 0.5) - shift;
            let x0 = (cx - bar_w / 2.0).round() as i32;
            let x1 = (cx + bar_w / 2.0).round() as i32;
            area.draw(&Rectangle::new([(x0, to_y(r.usd_cash)), (x1, bottom)], outline))?;
        }
    }
    for (i, r) in (0..).zip(&schedule.rows) {
        let cx = left as f64 + band * (f64::from(i) + 0.5) + shift;
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
    area.draw(&PathElement::new(
        vec![(left, bottom), (right, bottom)],
        t.ink.stroke_width(px(1.0).max(1) as u32),
    ))?;
    let mut label_every = 1;
    let year_w = measure("2026", &small);
    while band * f64::from(label_every) < f64::from(year_w + px(6.0)) {
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
    area.draw(&Text::new(
        tr(style.lang, "Year", "연도"),
        ((left + right) / 2, bottom + px(4.0) + line_h(&small)),
        small.clone().pos(pos),
    ))?;

    // The FX limit: a dashed line, its value beside it (the legend names its source); far above
    // the scale, an arrow pointing up to it above the plot's top corner, its value beside it.
    if limit_above {
        let mid = top - limit_band / 2 - px(2.0);
        up_arrow(area, (right + px(4.0) + arrow / 2, mid - arrow / 2), arrow, t.limit, style.scale)?;
        let pos = Pos::new(HPos::Left, VPos::Center);
        area.draw(&Text::new(limit_tag, (right + px(8.0) + arrow, mid), label_font.pos(pos)))?;
    } else {
        let ly = to_y(scenario.limit);
        dashed(area, (left, right), ly, t.limit, style.scale)?;
        let pos = Pos::new(HPos::Left, VPos::Center);
        area.draw(&Text::new(limit_tag, (right + px(4.0), ly), label_font.pos(pos)))?;
    }
    Ok(true)
}

/// How many times the tallest bar the FX limit may be and still set the value axis.
///
/// Above that the axis follows the bars, and the limit is named above the plot's top corner
/// instead of drawn: on an axis that reached the limit, `?total=1&limit=1000` drew $0.1 bn bars
/// on an axis to $1,250 bn, one pixel tall. Up to 25 times, bars keep about a twenty-fifth of the
/// plot (10 px of a phone's), readable beside the line, so the axis changes only for bars that
/// would otherwise be slivers (at ten times, a review found the switch took bars from a tenth
/// of the plot to nine tenths for a $1 bn change of the limit).
pub const LIMIT_OFF_SCALE: f64 = 25.0;

/// Whether a limit of `limit` is named above the value axis of bars at most `peak` tall
/// ([`LIMIT_OFF_SCALE`]) rather than drawn across it.
fn limit_above_scale(limit: f64, peak: f64) -> bool {
    peak > 0.0 && limit > LIMIT_OFF_SCALE * peak
}

/// Whether the chart of `schedule` for `scenario` (with `baseline`'s outlines) names its FX
/// limit above the scale instead of drawing its line: what [`draw`] does, for the chart's
/// description to say.
pub fn limit_off_scale(scenario: &Scenario, schedule: &Schedule, baseline: Option<&Schedule>) -> bool {
    limit_above_scale(scenario.limit, tallest_bar(schedule, baseline))
}

/// An arrow pointing up, `size` pixels tall and wide, its tip at `(x, tip_y)`: a limit above the
/// plot's scale.
fn up_arrow<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x, tip_y): (i32, i32),
    size: i32,
    colour: RGBColor,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let stroke = colour.stroke_width((1.5 * scale).round().max(1.0) as u32);
    area.draw(&PathElement::new(vec![(x, tip_y + size), (x, tip_y)], stroke))?;
    let (half, head) = (size / 2, tip_y + size / 2);
    area.draw(&PathElement::new(vec![(x - half, head), (x, tip_y), (x + half, head)], stroke))?;
    Ok(())
}

/// The tallest bar a chart draws, in $ bn: a year's whole stack, or a baseline's outline (its
/// dollars) in a year both timelines share.
fn tallest_bar(schedule: &Schedule, baseline: Option<&Schedule>) -> f64 {
    let max_bar = schedule
        .rows
        .iter()
        .map(|r| Segment::ALL.iter().map(|s| s.amount(r)).sum::<f64>())
        .fold(0.0, f64::max);
    let max_base = baseline.map_or(0.0, |b| {
        let shared = b.rows.iter().filter(|r| schedule.rows.iter().any(|l| l.year == r.year));
        shared.map(|r| r.usd_cash).fold(0.0, f64::max)
    });
    max_bar.max(max_base)
}

/// A horizontal dashed line from `x0` to `x1` at `y`.
fn dashed<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x0, x1): (i32, i32),
    y: i32,
    colour: RGBColor,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round() as i32;
    let (dash, gap) = (px(8.0), px(5.0));
    let stroke = colour.stroke_width(px(2.0).max(1) as u32);
    let mut x = x0;
    while x < x1 {
        let end = (x + dash).min(x1);
        area.draw(&PathElement::new(vec![(x, y), (end, y)], stroke))?;
        x = end + gap;
    }
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
pub fn svg(
    scenario: &Scenario,
    schedule: &Schedule,
    baseline: Option<&Schedule>,
    size: (u32, u32),
    style: &ChartStyle,
) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        if !draw(&root, scenario, schedule, baseline, style).map_err(svg_error)? {
            return Err(ChartError(TOO_SMALL.to_owned()));
        }
        root.present().map_err(svg_error)?;
    }
    Ok(merge_polylines(&out))
}

/// Why drawing into an SVG string failed. The SVG backend's error type is the standard library's
/// I/O error, which writing to a string never produces; naming the kind without formatting it
/// keeps the standard library's I/O error texts out of the browser bundle.
fn svg_error<E: std::error::Error + Send + Sync>(e: DrawingAreaErrorKind<E>) -> ChartError {
    ChartError(
        match e {
            DrawingAreaErrorKind::BackendError(_) => "the SVG writer failed",
            DrawingAreaErrorKind::SharingError => "the drawing area is shared",
            DrawingAreaErrorKind::LayoutError => "the chart does not fit its area",
        }
        .to_owned(),
    )
}

/// Merges each run of consecutive `<polyline>`s that share their attributes into one `<path>`.
///
/// plotters writes every dash of the FX line and every hatch line as an element of its own (one
/// per line of output); a browser parses, styles and lays out each one on every redraw. The
/// picture is unchanged: a path of `M…L…` segments with the same stroke draws the same lines.
pub fn merge_polylines(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut run: Option<(&str, String)> = None; // (attributes before `points`, path data)
    let flush = |out: &mut String, run: &mut Option<(&str, String)>| {
        if let Some((attrs, d)) = run.take() {
            out.push_str("<path ");
            out.push_str(attrs);
            out.push_str("d=\"");
            out.push_str(d.trim_end());
            out.push_str("\"/>\n");
        }
    };
    for line in svg.lines() {
        let parsed = line
            .strip_prefix("<polyline ")
            .and_then(|rest| rest.strip_suffix("\"/>"))
            .and_then(|rest| rest.split_once("points=\""));
        match parsed {
            Some((attrs, points)) => {
                if run.as_ref().is_some_and(|(a, _)| *a != attrs) {
                    flush(&mut out, &mut run);
                }
                let d = &mut run.get_or_insert_with(|| (attrs, String::new())).1;
                for (i, point) in points.split_whitespace().enumerate() {
                    d.push_str(if i == 0 { "M" } else { "L" });
                    d.push_str(point);
                    d.push(' ');
                }
            }
            None => {
                flush(&mut out, &mut run);
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    flush(&mut out, &mut run);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_stays_on_the_line_of_its_number() {
        // Greedy wrapping at a width that ends the first line right after the number.
        let legend = "FX limit on state dollars, $1,000 bn a year (your setting), off the scale";
        let px = 13.0;
        let width = text_width("FX limit on state dollars, $1,000", px);
        for lines in [wrap(legend, px, width, false), wrap(legend, px, width + 4, true)] {
            assert!(lines.iter().all(|l| !l.starts_with("bn")), "{lines:?}");
            assert_eq!(lines.join(" "), legend);
        }
        let ko = "국가 달러 지급 한도 연 1조 달러 (사용자 설정), 축 범위 초과";
        let lines = wrap(ko, px, text_width("국가 달러 지급 한도 연 1조", px), false);
        assert!(lines.iter().all(|l| !l.starts_with("달러 (")), "{lines:?}");
        assert_eq!(
            unbroken_words("$1 m, 5.3조 원; 3,500억 달러. 달러 bn"),
            ["$1 m,", "5.3조 원;", "3,500억 달러.", "달러", "bn"]
        );
    }

    #[test]
    fn a_balanced_title_keeps_its_line_count_and_ends_on_no_lone_word() {
        let title =
            "Korea's final deal, Nov 2025 · $350 bn pledge over 5 years: 0% upfront, 21.4% guarantees, \
                     0% loans, 21.4% company, 0% in own currency";
        let (px, width) = (17.0, 932);
        let greedy = wrap(title, px, width, false);
        let balanced = wrap(title, px, width, true);
        assert_eq!(greedy.len(), 2);
        assert_eq!(balanced.len(), 2);
        assert_eq!(balanced.join(" "), title);
        let widths: Vec<i32> = balanced.iter().map(|l| text_width(l, px)).collect();
        assert!(widths.iter().all(|w| *w <= width), "{widths:?}");
        // Greedy leaves a short last line; balanced lines differ by less than a long word.
        let last_greedy = text_width(greedy.last().unwrap(), px);
        assert!(last_greedy < width / 2, "{greedy:?}");
        assert!((widths[0] - widths[1]).abs() < text_width("guarantees,", px), "{balanced:?}");
        // One line stays one line; a word wider than the width still gets a line of its own.
        assert_eq!(wrap("Short title", px, width, true), ["Short title"]);
        assert_eq!(wrap("a verylongwordindeed b", px, 40, true), ["a", "verylongwordindeed", "b"]);
        assert_eq!(wrap("", px, width, true), [""]);
    }

    #[test]
    fn a_links_view_sets_the_language_and_theme_and_nothing_else() {
        let plain = ChartStyle::SVG.in_view(&View::default());
        assert_eq!(plain, ChartStyle::SVG);
        let view = View { lang: Some(Lang::Ko), theme: Some(ThemeChoice::Dark), ..View::default() };
        let ko_dark = ChartStyle::bitmap(2.0).in_view(&view);
        assert_eq!(ko_dark, ChartStyle { theme: Theme::DARK, lang: Lang::Ko, ..ChartStyle::bitmap(2.0) });
        let light = View { theme: Some(ThemeChoice::Light), ..View::default() };
        assert_eq!(ChartStyle::SVG.in_view(&light).theme, Theme::LIGHT);
    }

    #[test]
    fn generic_font_names_become_plotters_generic_families() {
        let family = |font: &'static str| ChartStyle { font, ..ChartStyle::SVG }.font_desc(12.0);
        assert!(matches!(family("sans-serif").get_family(), FontFamily::SansSerif));
        assert!(matches!(family("serif").get_family(), FontFamily::Serif));
        assert!(matches!(family("monospace").get_family(), FontFamily::Monospace));
        assert!(matches!(family("DejaVu Sans").get_family(), FontFamily::Name("DejaVu Sans")));
        assert_eq!(family("sans-serif").get_size(), 12.0);
    }

    #[test]
    fn the_canvas_draws_in_the_pages_first_font() {
        // The live chart's text is in the family the page's style sheet names first: one font to
        // load before the first chart, and chart and page alike.
        let css = include_str!("../assets/style.css");
        let stack = css
            .lines()
            .map(str::trim)
            .find_map(|line| line.strip_prefix("font-family:"))
            .expect("style.css sets the page's font-family");
        let first = stack.split(',').next().map(str::trim);
        assert_eq!(first, Some(ChartStyle::canvas(1.0).font));
        assert!(matches!(
            ChartStyle::canvas(2.0).font_desc(12.0).get_family(),
            FontFamily::Name("system-ui")
        ));
    }

    #[test]
    fn merge_polylines_joins_runs_with_equal_attributes_only() {
        let svg = "<svg>\n\
            <polyline fill=\"none\" stroke=\"#000\" points=\"1,2 3,4 \"/>\n\
            <polyline fill=\"none\" stroke=\"#000\" points=\"5,6 7,8 9,9 \"/>\n\
            <polyline fill=\"none\" stroke=\"#F00\" points=\"0,0 1,1 \"/>\n\
            <rect x=\"0\"/>\n\
            </svg>";
        assert_eq!(
            merge_polylines(svg),
            "<svg>\n\
             <path fill=\"none\" stroke=\"#000\" d=\"M1,2 L3,4 M5,6 L7,8 L9,9\"/>\n\
             <path fill=\"none\" stroke=\"#F00\" d=\"M0,0 L1,1\"/>\n\
             <rect x=\"0\"/>\n\
             </svg>\n"
        );
    }

    #[test]
    fn tick_labels_have_the_decimals_their_step_needs() {
        let labels = |step: f64| (0..5).map(|i| tick_label(f64::from(i) * step, step)).collect::<Vec<_>>();
        assert_eq!(labels(0.25), ["0", "0.25", "0.5", "0.75", "1"]);
        assert_eq!(labels(0.5), ["0", "0.5", "1", "1.5", "2"]);
        assert_eq!(labels(2.5), ["0", "2.5", "5", "7.5", "10"]);
        assert_eq!(labels(20.0), ["0", "20", "40", "60", "80"]);
        assert_eq!(labels(1000.0), ["0", "1000", "2000", "3000", "4000"]);
        assert_eq!(labels(0.0025), ["0", "0.0025", "0.005", "0.0075", "0.01"]);
    }

    #[test]
    fn the_limit_leaves_the_scale_only_beyond_25_times_the_tallest_bar() {
        assert!(!limit_above_scale(875.0, 35.0));
        assert!(limit_above_scale(875.1, 35.0));
        assert!(!limit_above_scale(0.0, 35.0));
        // No bars at all: the axis keeps the limit, whatever it is.
        assert!(!limit_above_scale(1000.0, 0.0));
        let s = Scenario::parse("total=1&limit=1000").unwrap();
        let sched = crate::model::schedule(&s);
        assert!(limit_off_scale(&s, &sched, None));
        // A baseline whose dollars reach a tenth of the limit keeps it on the scale.
        let base = Scenario::parse("total=1000&years=10&limit=1000").unwrap();
        assert!(!limit_off_scale(&s, &sched, Some(&crate::model::schedule(&base))));
    }

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(350.0, 5.0), 100.0);
        assert_eq!(nice_step(40.0, 5.0), 10.0);
        assert_eq!(nice_step(1.08, 5.0), 0.25);
        assert_eq!(nice_step(0.0, 5.0), 1e-9);
        assert_eq!(nice_step(f64::INFINITY, 5.0), f64::INFINITY);
    }

    /// Stepping to the power of ten gives the steps `10^floor(log10)` gave, over every scale a
    /// chart can have (USD bn from a billionth to past the largest pledge) and at every power of
    /// ten itself, where `log10` is least exact.
    #[test]
    fn nice_step_matches_the_logarithm() {
        let by_log = |max: f64, target: f64| {
            let raw = (max / target).max(1e-9);
            let power = 10f64.powf(raw.log10().floor());
            let step = [1.0, 2.0, 2.5, 5.0, 10.0].into_iter().map(|m| m * power).find(|s| *s >= raw);
            step.unwrap_or(10.0 * power)
        };
        let mut maxes: Vec<f64> = (-9..=6).flat_map(|e| [0.999, 1.0, 1.001].map(|m| m * pow10(e))).collect();
        maxes.extend((1..=20_000).map(|i| f64::from(i) * 0.37));
        for max in maxes {
            for target in [3.0, 5.0] {
                let (ours, log) = (nice_step(max, target), by_log(max, target));
                assert!((ours - log).abs() <= 1e-12 * log, "max {max} target {target}: {ours} vs {log}");
            }
        }
    }
}

#[cfg(test)]
mod contrast_tests {
    use super::*;

    fn luminance(c: RGBColor) -> f64 {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }

    fn contrast(a: RGBColor, b: RGBColor) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn text_and_marks_meet_wcag_aa_against_the_background_in_both_themes() {
        for (name, t) in [("light", Theme::LIGHT), ("dark", Theme::DARK)] {
            for (what, colour) in [("ink", t.ink), ("muted", t.muted)] {
                let c = contrast(colour, t.background);
                assert!(c >= 4.5, "{name} {what} text: {c:.2}:1");
                // Text drawn over a breach year's tint must stay readable too.
                let c = contrast(colour, t.breach_tint);
                assert!(c >= 4.5, "{name} {what} text on the breach tint: {c:.2}:1");
            }
            for (what, colour) in [
                ("upfront", t.upfront),
                ("direct", t.direct),
                ("loans", t.loans),
                ("called", t.called),
                ("local", t.local),
                ("corporate", t.corporate),
                ("contingent", t.contingent),
                ("limit", t.limit),
                ("breach", t.breach),
            ] {
                for (bg_name, bg) in [("background", t.background), ("breach tint", t.breach_tint)] {
                    let c = contrast(colour, bg);
                    assert!(c >= 3.0, "{name} {what} on the {bg_name}: {c:.2}:1");
                }
            }
        }
    }
}
