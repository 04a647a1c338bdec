//! Native-only output: the chart as SVG or as a 2× PNG, with text drawn from a font embedded in
//! the binary (no system font lookup, so output is the same on every machine).

use std::sync::Once;

use plotters::prelude::*;

use crate::chart::{self, ChartError, ChartStyle, Theme};
use crate::model::Schedule;
use crate::scenario::Scenario;
use crate::view::Lang;

/// DejaVu Sans, subset to the characters the product writes (licence beside it).
static FONT: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-subset.ttf");
/// Nanum Gothic subset to ASCII and the characters of the sources, renamed as its licence asks
/// (`assets/fonts/subset-korean.py` makes it): the PNG's font for Korean.
static HANGUL_FONT: &[u8] = include_bytes!("../assets/fonts/hangul-subset.ttf");
/// The family name the Korean font is registered under.
const HANGUL: &str = "hangul";

/// The family a PNG in `lang` draws its text in, and the embedded font registered under that
/// family: DejaVu's subset has no Hangul, so Korean is drawn in the Korean font.
fn png_font(lang: Lang) -> (&'static str, &'static [u8]) {
    match lang {
        Lang::En => ("sans-serif", FONT),
        Lang::Ko => (HANGUL, HANGUL_FONT),
    }
}

/// Registers the embedded fonts (`sans-serif`, and `hangul` for Korean), each under the family
/// [`png_font`] names; plotters needs them before any text layout.
pub fn register_font() -> Result<(), ChartError> {
    static REGISTER: Once = Once::new();
    let mut result = Ok(());
    REGISTER.call_once(|| {
        let registered = [Lang::En, Lang::Ko]
            .map(png_font)
            .map(|(family, data)| plotters::style::register_font(family, FontStyle::Normal, data).is_ok());
        if registered.contains(&false) {
            result = Err(ChartError("an embedded font could not be loaded".to_owned()));
        }
    });
    result
}

/// The chart as an SVG document of `size` pixels.
pub fn svg(
    scenario: &Scenario,
    schedule: &Schedule,
    baseline: Option<&Schedule>,
    size: (u32, u32),
    theme: Theme,
    lang: Lang,
) -> Result<String, ChartError> {
    register_font()?;
    chart::svg(scenario, schedule, baseline, size, &ChartStyle { theme, lang, ..ChartStyle::SVG })
}

/// The chart as PNG bytes, drawn at `scale` × `size` pixels (2 for a crisp image).
pub fn png(
    scenario: &Scenario,
    schedule: &Schedule,
    baseline: Option<&Schedule>,
    size: (u32, u32),
    scale: u32,
    theme: Theme,
    lang: Lang,
) -> Result<Vec<u8>, ChartError> {
    let style = ChartStyle { theme, lang, font: png_font(lang).0, ..ChartStyle::bitmap(f64::from(scale)) };
    png_in_style(scenario, schedule, baseline, size, scale, &style)
}

/// The chart as PNG bytes in `style` (whose scale is `scale`), drawn at `scale` × `size` pixels.
fn png_in_style(
    scenario: &Scenario,
    schedule: &Schedule,
    baseline: Option<&Schedule>,
    size: (u32, u32),
    scale: u32,
    style: &ChartStyle,
) -> Result<Vec<u8>, ChartError> {
    register_font()?;
    let (w, h) = (size.0 * scale, size.1 * scale);
    let mut pixels = vec![0u8; (w as usize) * (h as usize) * 3];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (w, h)).into_drawing_area();
        if !chart::draw(&root, scenario, schedule, baseline, style).map_err(|e| ChartError(e.to_string()))? {
            return Err(ChartError(chart::TOO_SMALL.to_owned()));
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::text_width;

    /// Every character the sources write (Korean strings included) has a glyph in the Korean
    /// font the PNG uses; when a new string needs more, rerun `assets/fonts/subset-korean.py`.
    #[test]
    fn the_korean_font_has_every_character_the_sources_write() {
        use ab_glyph::Font as _;
        let font = ab_glyph::FontRef::try_from_slice(HANGUL_FONT).unwrap();
        let sources = [
            include_str!("text.rs"),
            include_str!("chart.rs"),
            include_str!("presets.rs"),
            include_str!("facts.rs"),
            include_str!("export.rs"),
        ];
        let missing: String = sources
            .concat()
            .chars()
            .filter(|c| {
                (*c == ' ' || c.is_ascii_graphic() || u32::from(*c) > 126) && font.glyph_id(*c).0 == 0
            })
            .collect();
        assert_eq!(missing, "", "characters without a glyph in assets/fonts/hangul-subset.ttf");
    }

    /// Every word (of `lang`) a chart of the presets, the default and a baseline draws: the
    /// text of every `<text>` element of its SVG.
    fn chart_words(lang: Lang) -> String {
        let baseline = crate::model::schedule(&Scenario::default());
        let mut scenarios: Vec<Scenario> = crate::presets::Preset::ALL.iter().map(|p| p.scenario()).collect();
        scenarios.push(Scenario::parse("guarantees=40&calls=50&loans=20&upfront=10&krw=30").unwrap());
        let mut words = String::new();
        for s in scenarios {
            let sched = crate::model::schedule(&s);
            for base in [None, Some(&baseline)] {
                let doc = svg(&s, &sched, base, (640, 400), Theme::LIGHT, lang).unwrap();
                for el in doc.split("<text").skip(1) {
                    words.extend(el.split('>').nth(1).and_then(|t| t.split('<').next()));
                }
            }
        }
        words
    }

    /// The font a Korean PNG is drawn in has a glyph for every character of every word a
    /// Korean chart draws (titles, legends, axes), read off the chart itself; a PNG drawn in a
    /// font without them (DejaVu's Latin subset) shows empty boxes.
    #[test]
    fn the_korean_pngs_font_has_a_glyph_for_every_character_a_korean_chart_draws() {
        use ab_glyph::Font as _;
        let words = chart_words(Lang::Ko);
        let hangul = words.chars().filter(|c| ('가'..='힣').contains(c)).count();
        assert!(hangul > 20, "the Korean chart writes Hangul: {words}");
        let font = ab_glyph::FontRef::try_from_slice(png_font(Lang::Ko).1).unwrap();
        let missing: std::collections::BTreeSet<char> =
            words.chars().filter(|c| !c.is_whitespace() && font.glyph_id(*c).0 == 0).collect();
        assert!(missing.is_empty(), "no glyph for {missing:?} in the Korean PNG's font");
    }

    /// A Korean PNG is drawn in another font than the Latin one: the same Korean chart drawn
    /// with `sans-serif` (DejaVu) gives other pixels. It also differs from the English PNG, and
    /// is a PNG.
    #[test]
    fn a_korean_png_draws_its_text_in_the_korean_font() {
        let s = crate::presets::Preset::KrDeal.scenario();
        let sched = crate::model::schedule(&s);
        let en = png(&s, &sched, None, (640, 400), 1, Theme::LIGHT, Lang::En).unwrap();
        let ko = png(&s, &sched, None, (640, 400), 1, Theme::LIGHT, Lang::Ko).unwrap();
        let latin =
            ChartStyle { theme: Theme::LIGHT, lang: Lang::Ko, font: "sans-serif", ..ChartStyle::bitmap(1.0) };
        let ko_in_latin = png_in_style(&s, &sched, None, (640, 400), 1, &latin).unwrap();
        assert!(ko != ko_in_latin, "the Korean PNG is drawn in the Latin font");
        assert_ne!(en, ko);
        assert_eq!(&ko[..8], b"\x89PNG\r\n\x1a\n");
    }

    /// At [`crate::chart::MIN_EXPORT_SIZE`] every preset, and a scenario with every kind of
    /// payment and a baseline, draws its plot (its axis title is drawn only with the plot), in
    /// both languages; a little smaller, the worst case in English has no room for it, and the
    /// SVG and the PNG are refused rather than drawn without a plot.
    #[test]
    fn every_chart_draws_its_plot_at_the_smallest_size_the_cli_allows() {
        use crate::chart::{MIN_EXPORT_SIZE, TOO_SMALL};
        let worst =
            Scenario::parse("upfront=10&guarantees=20&loans=20&corporate=20&krw=30&calls=50&country=eu")
                .unwrap();
        let baseline = crate::model::schedule(&crate::presets::Preset::KrDeal.scenario());
        let mut scenarios: Vec<Scenario> = crate::presets::Preset::ALL.iter().map(|p| p.scenario()).collect();
        scenarios.push(worst.clone());
        let axis = |lang| crate::text::tr(lang, "USD bn per year", "연간, 억 달러");
        for lang in [Lang::En, Lang::Ko] {
            for s in &scenarios {
                let sched = crate::model::schedule(s);
                for base in [None, Some(&baseline)] {
                    let doc = svg(s, &sched, base, MIN_EXPORT_SIZE, Theme::LIGHT, lang).unwrap();
                    assert!(
                        doc.contains(axis(lang)),
                        "{lang:?} {} {}: no plot",
                        s.to_query(),
                        base.is_some()
                    );
                }
            }
        }
        let (w, h) = MIN_EXPORT_SIZE;
        let sched = crate::model::schedule(&worst);
        let small = (w - 80, h - 20);
        let refused = svg(&worst, &sched, Some(&baseline), small, Theme::LIGHT, Lang::En);
        assert_eq!(refused.map_err(|e| e.0), Err(TOO_SMALL.to_owned()), "the minimum could be smaller");
        let refused = png(&worst, &sched, Some(&baseline), small, 1, Theme::LIGHT, Lang::En);
        assert_eq!(refused.map_err(|e| e.0), Err(TOO_SMALL.to_owned()));
    }

    /// Guards the chart's layout table against drifting from the font the PNG is drawn with:
    /// draws text on a bitmap and compares the inked width with the table's.
    #[test]
    fn text_width_table_matches_the_drawn_font() {
        register_font().unwrap();
        for (text, px) in
            [("FX limit $20 bn a year (Bank of Korea, 2025-10-29)", 13.0), ("2026 Wage gyM", 30.0)]
        {
            let (w, h) = (900u32, 80u32);
            let mut pixels = vec![255u8; (w * h * 3) as usize];
            {
                let root = BitMapBackend::with_buffer(&mut pixels, (w, h)).into_drawing_area();
                let units = ChartStyle::bitmap(1.0).font_units_per_px;
                let style = TextStyle::from(("sans-serif", px * units).into_font()).color(&BLACK);
                root.draw(&Text::new(text, (0, 10), style)).unwrap();
                root.present().unwrap();
            }
            let inked =
                (0..w).rev().find(|x| (0..h).any(|y| pixels[((y * w + x) * 3) as usize] < 128)).unwrap();
            let ratio = f64::from(text_width(text, px)) / f64::from(inked + 1);
            assert!(
                (0.95..=1.1).contains(&ratio),
                "{text}: table {} vs drawn {}",
                text_width(text, px),
                inked + 1
            );
        }
    }
}
