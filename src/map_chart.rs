//! Drawing the feasibility map with plotters on any backend: cells coloured by the worst
//! year's headroom (runs of equal colour merged, so a 101 × 30 map is a few hundred
//! rectangles), the boundary of "every year under the limit" as a line, and the current setting
//! as a ring. Meaning is not carried by colour alone: the boundary line separates the two
//! regions, and the legend names them.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::chart::{merge_polylines, text_width, ChartError, ChartStyle};
use crate::decimal::shortest;
use crate::feasibility::{Axis, Map};
use crate::scenario::Key;
use crate::text::{fit_words, lever_name, tr};
use crate::view::Lang;

/// Where the cells are, in pixels of the drawing, so a click can be turned into a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PlotRect {
    /// Left edge of the first column.
    pub left: i32,
    /// Top edge of the last row.
    pub top: i32,
    /// Right edge of the last column.
    pub right: i32,
    /// Bottom edge of the first row.
    pub bottom: i32,
}

impl PlotRect {
    /// The cell under the point (`x`, `y`) in pixels, if any.
    pub fn cell_at(&self, map: &Map, x: f64, y: f64) -> Option<(usize, usize)> {
        let (w, h) = (f64::from(self.right - self.left), f64::from(self.bottom - self.top));
        if w <= 0.0 || h <= 0.0 {
            return None;
        }
        let fx = (x - f64::from(self.left)) / w;
        let fy = (f64::from(self.bottom) - y) / h;
        if !(0.0..1.0).contains(&fx) || !(0.0..1.0).contains(&fy) {
            return None;
        }
        Some(((fx * map.x.len as f64) as usize, (fy * map.y.len as f64) as usize))
    }

    /// The pixel position of the values (`vx`, `vy`): the centre of their cell, clamped to the map.
    pub fn point(&self, map: &Map, (vx, vy): (f64, f64)) -> (i32, i32) {
        let along = |v: f64, axis: &Axis, from: i32, to: i32| {
            let v = v.max(axis.min).min(axis.max());
            let f = (v - axis.min + axis.step / 2.0) / (axis.step * axis.len as f64);
            from + (f * f64::from(to - from)).round() as i32
        };
        (along(vx, &map.x, self.left, self.right), along(vy, &map.y, self.bottom, self.top))
    }
}

/// Colour buckets: three shades of "fits", three of "above the limit".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bucket {
    Above(u8),
    Fits(u8),
}

fn bucket(h: f64, limit: f64) -> Bucket {
    let r = h / limit.max(1.0);
    if h >= -crate::model::BREACH_TOLERANCE_BN {
        Bucket::Fits(if r < 0.25 {
            0
        } else if r < 0.75 {
            1
        } else {
            2
        })
    } else {
        Bucket::Above(if r > -0.5 {
            0
        } else if r > -2.0 {
            1
        } else {
            2
        })
    }
}

/// A bucket's shade. In both themes a further bucket (more headroom, or further above) stands out
/// more from the page: darker on a light page, lighter on a dark one, so the dark shades run the
/// other way in lightness and the same way in meaning.
fn colour(b: Bucket, dark: bool) -> RGBColor {
    let (fits, above) = if dark {
        ([(34, 84, 56), (38, 128, 80), (64, 182, 116)], [(96, 40, 40), (168, 52, 50), (232, 92, 82)])
    } else {
        ([(199, 233, 192), (116, 196, 118), (35, 139, 69)], [(252, 187, 161), (239, 59, 44), (165, 15, 21)])
    };
    let (r, g, bl) = match b {
        Bucket::Fits(i) => fits.get(usize::from(i)).copied().unwrap_or(fits[0]),
        Bucket::Above(i) => above.get(usize::from(i)).copied().unwrap_or(above[0]),
    };
    RGBColor(r, g, bl)
}

fn ticks(axis: &Axis) -> Vec<f64> {
    if axis.key == Key::Years {
        vec![1.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0]
    } else {
        vec![0.0, 25.0, 50.0, 75.0, 100.0]
    }
}

/// Draws `map`'s cells, boundary and axes onto `area`; the FX limit `limit` scales the shades.
/// Returns where the cells are (see [`draw_ring`] for the current setting).
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    map: &Map,
    limit: f64,
    style: &ChartStyle,
) -> Result<PlotRect, DrawingAreaErrorKind<DB::ErrorType>> {
    let t = &style.theme;
    let dark = t.background.0 < 128;
    let lang = style.lang;
    let px = |x: f64| (x * style.scale).round() as i32;
    let (width, height) = area.dim_in_pixel();
    let (width, height) = (width as i32, height as i32);
    let font = |size: f64, c: RGBColor| TextStyle {
        font: style.font_desc(size * style.scale * style.font_units_per_px),
        color: c.to_backend_color(),
        pos: Pos::default(),
    };
    let small = font(12.0, t.muted);
    let label = font(12.5, t.ink);
    let small_px = 12.0 * style.scale;
    let line = px(16.0);
    area.fill(&t.background)?;

    // Legend on top.
    let pad = px(8.0);
    let sw = px(11.0);
    let shade = px(7.0);
    let mut x = pad;
    // Each colour as its three shades, pale to dark (near the limit to far from it), as the
    // cells use them; the caption under the map says what darker means.
    let items = [
        (Some(true), fit_words(lang, true)),
        (Some(false), fit_words(lang, false)),
        (None, tr(lang, "boundary", "경계")),
    ];
    let mut y = pad;
    for (fits, text) in items {
        let key_w = if fits.is_some() { 3 * shade } else { sw };
        let w = key_w + px(4.0) + text_width(text, 12.5 * style.scale) + px(12.0);
        if x + w > width - pad && x > pad {
            x = pad;
            y += line;
        }
        match fits {
            Some(fits) => {
                for k in 0..3u8 {
                    let (b, left) =
                        (if fits { Bucket::Fits(k) } else { Bucket::Above(k) }, x + i32::from(k) * shade);
                    area.draw(&Rectangle::new(
                        [(left, y + px(2.0)), (left + shade, y + px(2.0) + sw)],
                        colour(b, dark).filled(),
                    ))?;
                }
            }
            None => area.draw(&PathElement::new(
                vec![(x, y + px(7.0)), (x + sw, y + px(7.0))],
                t.ink.stroke_width(px(2.0).max(1) as u32),
            ))?,
        }
        area.draw(&Text::new(
            text,
            (x + key_w + px(4.0), y + px(7.0)),
            label.clone().pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        x += w;
    }
    let top = y + line + px(4.0);

    // Plot rectangle: y labels on the left, x labels and title below, each kept a ring's radius
    // (`draw_ring`) from the cells so that the ring on an edge cell does not cover one; the
    // last x label, centred on the right edge, inside the area.
    let gap = px(10.0);
    let y_tick_w = ticks(&map.y).iter().map(|v| text_width(&shortest(*v), small_px)).max().unwrap_or(0);
    let x_last_w = ticks(&map.x).last().map_or(0, |v| text_width(&shortest(*v), small_px));
    let left = pad + line + y_tick_w + gap + px(2.0);
    let right = width - pad.max(x_last_w / 2 + px(2.0));
    let bottom = height - pad - 2 * line - gap + px(3.0);
    if right - left < px(40.0) || bottom - top < px(40.0) {
        return Ok(PlotRect::default());
    }
    let rect = PlotRect { left, top, right, bottom };
    let cw = f64::from(right - left) / map.x.len as f64;
    let ch = f64::from(bottom - top) / map.y.len as f64;
    let cx = |i: usize| left + (cw * i as f64).round() as i32;
    let cy = |j: usize| bottom - (ch * j as f64).round() as i32;

    // Cells, each row's runs of one colour as one rectangle.
    for j in 0..map.y.len {
        let mut i = 0;
        while i < map.x.len {
            let b = bucket(map.get(i, j).unwrap_or_default(), limit);
            let mut end = i + 1;
            while end < map.x.len && bucket(map.get(end, j).unwrap_or_default(), limit) == b {
                end += 1;
            }
            area.draw(&Rectangle::new([(cx(i), cy(j + 1)), (cx(end), cy(j))], colour(b, dark).filled()))?;
            i = end;
        }
    }

    // The boundary between cells that fit and cells that do not.
    let stroke = t.ink.stroke_width(px(2.0).max(1) as u32);
    for j in 0..map.y.len {
        for i in 0..map.x.len {
            let here = map.fits(i, j);
            if i + 1 < map.x.len && here != map.fits(i + 1, j) {
                area.draw(&PathElement::new(vec![(cx(i + 1), cy(j)), (cx(i + 1), cy(j + 1))], stroke))?;
            }
            if j + 1 < map.y.len && here != map.fits(i, j + 1) {
                area.draw(&PathElement::new(vec![(cx(i), cy(j + 1)), (cx(i + 1), cy(j + 1))], stroke))?;
            }
        }
    }

    // Axes: ticks, labels, titles.
    let axis = t.ink.stroke_width(px(1.0).max(1) as u32);
    area.draw(&PathElement::new(vec![(left, top), (left, bottom), (right, bottom)], axis))?;
    for v in ticks(&map.x) {
        let at = (rect.point(map, (v, map.y.min)).0, bottom + gap);
        area.draw(&Text::new(shortest(v), at, small.clone().pos(Pos::new(HPos::Center, VPos::Top))))?;
    }
    for v in ticks(&map.y) {
        let at = (left - gap, rect.point(map, (map.x.min, v)).1);
        area.draw(&Text::new(shortest(v), at, small.clone().pos(Pos::new(HPos::Right, VPos::Center))))?;
    }
    let x_title = format!("{} →", lever_name(lang, map.x.key, map.country));
    area.draw(&Text::new(
        x_title,
        ((left + right) / 2, bottom + gap + line - px(1.0)),
        small.clone().pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;
    let rotated = small.clone().transform(FontTransform::Rotate270).pos(Pos::new(HPos::Center, VPos::Top));
    area.draw(&Text::new(
        format!("{} →", lever_name(lang, map.y.key, map.country)),
        (pad, (top + bottom) / 2),
        rotated,
    ))?;

    Ok(rect)
}

/// Draws the current setting (`current`, in the axes' units) as a ring with a halo, visible on
/// any shade, at its place in `rect`. Kept apart from the cells so that moving a lever along an
/// axis of the map redraws only the ring.
pub fn draw_ring<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    map: &Map,
    rect: &PlotRect,
    current: (f64, f64),
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let t = &style.theme;
    let px = |x: f64| (x * style.scale).round() as i32;
    let centre = rect.point(map, current);
    area.draw(&Circle::new(centre, px(7.0), t.background.stroke_width(px(5.0).max(1) as u32)))?;
    area.draw(&Circle::new(centre, px(7.0), t.ink.stroke_width(px(2.0).max(1) as u32)))?;
    Ok(())
}

/// The map (without the ring) as an SVG document of `size` pixels, and where its cells are.
pub fn svg(
    map: &Map,
    limit: f64,
    size: (u32, u32),
    style: &ChartStyle,
) -> Result<(String, PlotRect), ChartError> {
    let mut out = String::new();
    let rect = {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        let rect = draw(&root, map, limit, style).map_err(|e| ChartError(e.to_string()))?;
        root.present().map_err(|e| ChartError(e.to_string()))?;
        rect
    };
    Ok((merge_polylines(&out), rect))
}

/// What the map shows, in words, for its accessible name.
pub fn describe(lang: Lang, map: &Map) -> String {
    let total = map.cells.len().max(1);
    let fits = (0..map.y.len)
        .flat_map(|j| (0..map.x.len).map(move |i| (i, j)))
        .filter(|&(i, j)| map.fits(i, j))
        .count();
    let share = crate::text::pct(fits as f64 / total as f64 * 100.0);
    let (x, y) = (lever_name(lang, map.x.key, map.country), lever_name(lang, map.y.key, map.country));
    match lang {
        Lang::En => format!("Feasibility map of {x} against {y}: every year stays under the FX limit in {share}% of the combinations."),
        // "{x} × {y}", as the map's menu names the pair: no particle to fit to the word before it.
        Lang::Ko => format!("가능 영역 지도({x} × {y}): 조합의 {share}%에서 모든 해가 외환 한도 안에 듭니다."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;

    #[test]
    fn a_click_maps_back_to_its_cell_and_the_svg_is_compact() {
        let s = Scenario::default();
        let map = Map::compute(&s, Key::Upfront, Key::Years);
        let (svg, rect) = svg(&map, 20.0, (600, 300), &ChartStyle::SVG).unwrap();
        let mut ring = String::new();
        {
            let root = SVGBackend::with_string(&mut ring, (600, 300)).into_drawing_area();
            draw_ring(&root, &map, &rect, (0.0, 10.0), &ChartStyle::SVG).unwrap();
        }
        assert_eq!(ring.matches("<circle").count(), 2);
        // The ring sits in the middle of its cell: upfront 0 (first column), 10 years (row 9).
        let (cx, cy) = rect.point(&map, (0.0, 10.0));
        assert_eq!(rect.cell_at(&map, f64::from(cx), f64::from(cy)), Some((0, 9)));
        assert!(rect.right > rect.left && rect.bottom > rect.top);
        // The centre of cell (50, 9) is inside it.
        let cw = f64::from(rect.right - rect.left) / 101.0;
        let ch = f64::from(rect.bottom - rect.top) / 30.0;
        let (x, y) = (f64::from(rect.left) + cw * 50.5, f64::from(rect.bottom) - ch * 9.5);
        assert_eq!(rect.cell_at(&map, x, y), Some((50, 9)));
        assert_eq!(rect.cell_at(&map, f64::from(rect.left) - 1.0, y), None);
        assert!(svg.matches("<rect").count() < 400, "{} rects", svg.matches("<rect").count());
        assert!(svg.contains("every year fits"));
        assert!(
            describe(Lang::En, &map).starts_with("Feasibility map of Upfront share against Timeline (years)")
        );
        let ko = describe(Lang::Ko, &map);
        assert!(ko.starts_with("가능 영역 지도(선불 비중 × 기간 (년)): 조합의 "), "{ko}");
    }

    /// Every tick label's box, from the SVG plotters writes: `(left, top, right, bottom)`.
    fn tick_boxes(svg: &str, style: &ChartStyle) -> Vec<(f64, f64, f64, f64)> {
        let attr = |el: &str, name: &str| -> Option<f64> {
            let at = format!(" {el}").find(&format!(" {name}=\""))? + name.len() + 2;
            el[at..].split('"').next()?.parse().ok()
        };
        let size = 12.0 * style.scale;
        svg.split("<text ")
            .skip(1)
            .filter_map(|el| {
                let words = el.split('>').nth(1)?.split('<').next()?.trim();
                if words.is_empty() || !words.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                let (x, y, w) = (attr(el, "x")?, attr(el, "y")?, f64::from(text_width(words, size)));
                let (l, r) = match el.contains("text-anchor=\"middle\"") {
                    true => (x - w / 2.0, x + w / 2.0),
                    false if el.contains("text-anchor=\"end\"") => (x - w, x),
                    false => (x, x + w),
                };
                // plotters centres a label vertically with `dy="0.5ex"`, hangs it with `0.76em`.
                let (t, b) = if el.contains("dy=\"0.5ex\"") {
                    (y - size / 2.0, y + size / 2.0)
                } else {
                    (y, y + size)
                };
                Some((l, t, r, b))
            })
            .collect()
    }

    #[test]
    fn on_a_phone_every_tick_label_is_inside_the_map_and_clear_of_the_ring_at_any_corner() {
        let s = Scenario::default();
        let style = ChartStyle::SVG;
        for pair in [(Key::Upfront, Key::Years), (Key::Upfront, Key::Krw)] {
            let map = Map::compute(&s, pair.0, pair.1);
            for (w, h) in [(288, 220), (600, 300), (1000, 260)] {
                let (svg, rect) = svg(&map, 20.0, (w, h), &style).unwrap();
                let boxes = tick_boxes(&svg, &style);
                assert_eq!(boxes.len(), 5 + ticks(&map.y).len(), "{svg}");
                for &(l, t, r, b) in &boxes {
                    assert!(
                        l >= 0.0 && r <= f64::from(w) && t >= 0.0 && b <= f64::from(h),
                        "{w}: {l} {t} {r} {b}"
                    );
                }
                // The ring (radius 7 plus half its 5 px halo) at each corner cell.
                for corner in [(map.x.min, map.y.min), (map.x.min, map.y.max()), (map.x.max(), map.y.min)] {
                    let (cx, cy) = rect.point(&map, corner);
                    let (cx, cy, radius) = (f64::from(cx), f64::from(cy), 9.5);
                    for &(l, t, r, b) in &boxes {
                        let apart =
                            cx + radius <= l || cx - radius >= r || cy + radius <= t || cy - radius >= b;
                        assert!(apart, "{w}: ring at {corner:?} over the label at {l} {t} {r} {b}");
                    }
                }
            }
        }
    }

    /// The legend shows each colour's three shades, as the cells use them: on a map where every
    /// cell has the same shade (all paid in won: no dollars, all the room there is), the other
    /// five shades are drawn all the same, in the legend, in both themes.
    #[test]
    fn the_legend_shows_all_six_shades() {
        use crate::chart::Theme;
        let s = Scenario::parse("krw=100").unwrap();
        let map = Map::compute(&s, Key::Upfront, Key::Years);
        assert!(map.cells.iter().all(|h| bucket(*h, s.limit) == Bucket::Fits(2)));
        for (theme, dark) in [(Theme::LIGHT, false), (Theme::DARK, true)] {
            let (svg, _) = svg(&map, s.limit, (600, 300), &ChartStyle { theme, ..ChartStyle::SVG }).unwrap();
            for b in (0..3).flat_map(|k| [Bucket::Fits(k), Bucket::Above(k)]) {
                let RGBColor(r, g, bl) = colour(b, dark);
                let hex = format!("fill=\"#{r:02X}{g:02X}{bl:02X}\"");
                assert!(svg.contains(&hex), "{b:?} ({hex}) not drawn, dark {dark}");
            }
        }
    }

    /// What the map's caption says (`teach.rs`, `#map-how`): the further a bucket from the limit,
    /// the darker its shade on a light page and the brighter on a dark one. Lightness as the
    /// sum of the channels, for both colours.
    #[test]
    fn shades_run_as_the_caption_says_in_each_theme() {
        let light = |b: Bucket, dark: bool| {
            let RGBColor(r, g, bl) = colour(b, dark);
            u32::from(r) + u32::from(g) + u32::from(bl)
        };
        for make in [Bucket::Fits as fn(u8) -> Bucket, Bucket::Above] {
            for k in 0..2u8 {
                let (near, far) = (make(k), make(k + 1));
                assert!(
                    light(far, false) < light(near, false),
                    "{far:?} not darker than {near:?} on a light page"
                );
                assert!(
                    light(far, true) > light(near, true),
                    "{far:?} not brighter than {near:?} on a dark page"
                );
            }
        }
    }

    #[test]
    fn the_map_names_the_own_currency_of_its_economy() {
        let japan = crate::presets::Preset::Japan.scenario();
        let map = Map::compute(&japan, Key::Upfront, Key::Krw);
        assert!(describe(Lang::En, &map).contains("against Paid in yen"), "{}", describe(Lang::En, &map));
        let (svg, _) = svg(&map, 20.0, (600, 300), &ChartStyle::SVG).unwrap();
        assert!(svg.contains("Paid in yen →") && !svg.contains("won"), "{svg}");
    }

    /// The fill of the last rectangle drawn over the pixel (`x`, `y`) in `svg`, as `(r, g, b)`:
    /// what a reader sees there.
    fn fill_at(svg: &str, x: i32, y: i32) -> Option<(u8, u8, u8)> {
        let attr = |el: &str, name: &str| -> Option<String> {
            let at = el.find(&format!(" {name}=\""))? + name.len() + 3;
            el[at..].split('"').next().map(str::to_owned)
        };
        let number = |el: &str, name: &str| attr(el, name)?.parse::<i32>().ok();
        svg.split("<rect")
            .skip(1)
            .filter_map(|el| {
                let (l, t) = (number(el, "x")?, number(el, "y")?);
                let (w, h) = (number(el, "width")?, number(el, "height")?);
                let hex = attr(el, "fill")?;
                let channel = |k: usize| u8::from_str_radix(hex.get(1 + 2 * k..3 + 2 * k)?, 16).ok();
                let inside = (l..=l + w).contains(&x) && (t..=t + h).contains(&y);
                inside.then_some((channel(0)?, channel(1)?, channel(2)?))
            })
            .last()
    }

    /// On the default scenario's upfront-by-years map, a cell the model says fits (no upfront,
    /// the shortest timeline `min_years` finds) falls in a "fits" bucket and is drawn in a green
    /// shade, and a cell the model says is above the limit (no upfront over the default ten
    /// years) in an "above" bucket, drawn red, in both themes. Which cell fits comes from
    /// `within_limit`, not from the map, and green and red are read off the drawn SVG, so
    /// swapping the buckets or their colours fails here.
    #[test]
    fn a_cell_that_fits_is_drawn_green_and_one_above_the_limit_red() {
        use crate::chart::Theme;
        use crate::model::{min_years, within_limit};
        let s = Scenario::default();
        let map = Map::compute(&s, Key::Upfront, Key::Years);
        let fit_years = f64::from(min_years(&s).expect("the default fits in some timeline"));
        let fitting = (map.x.index_of(0.0), map.y.index_of(fit_years));
        let above = (map.x.index_of(0.0), map.y.index_of(f64::from(s.years)));
        for ((i, j), fits) in [(fitting, true), (above, false)] {
            let cell = map.scenario_at(&s, i, j).expect("a cell on the map");
            assert_eq!(within_limit(&cell), fits, "cell ({i}, {j})");
            let b = bucket(map.get(i, j).expect("a cell on the map"), s.limit);
            assert!(
                if fits { matches!(b, Bucket::Fits(_)) } else { matches!(b, Bucket::Above(_)) },
                "cell ({i}, {j}) in {b:?}"
            );
            for theme in [Theme::LIGHT, Theme::DARK] {
                let style = ChartStyle { theme, ..ChartStyle::SVG };
                let (svg, rect) = svg(&map, s.limit, (600, 300), &style).unwrap();
                let (x, y) = rect.point(&map, (map.x.value(i), map.y.value(j)));
                let (r, g, b) = fill_at(&svg, x, y).expect("a cell drawn under its centre");
                let page = theme.background;
                assert_ne!(RGBColor(r, g, b), page, "cell ({i}, {j}) not drawn");
                let shade = if fits { g > r } else { r > g };
                assert!(shade, "cell ({i}, {j}) drawn ({r}, {g}, {b}) on a {page:?} page");
            }
        }
    }

    /// Every cell of every map of two scenarios (one whose shares leave little room, so that
    /// many cells take from them) is in the bucket its headroom calls for: a "fits" bucket
    /// exactly where `Map::fits` says every year is under the limit, an "above" bucket
    /// everywhere else.
    #[test]
    fn every_cell_is_bucketed_as_fitting_exactly_when_it_fits() {
        for s in [Scenario::default(), Scenario::parse("guarantees=60").unwrap()] {
            for (x, y) in crate::feasibility::PAIRS {
                let map = Map::compute(&s, x, y);
                for j in 0..map.y.len {
                    for i in 0..map.x.len {
                        let b = bucket(map.get(i, j).expect("a cell on the map"), s.limit);
                        let want = if map.fits(i, j) {
                            matches!(b, Bucket::Fits(_))
                        } else {
                            matches!(b, Bucket::Above(_))
                        };
                        assert!(want, "{x:?} × {y:?} cell ({i}, {j}): {:?} in {b:?}", map.get(i, j));
                    }
                }
            }
        }
    }

    /// The share of combinations `describe` states, in both languages, is the share of the
    /// map's cells whose scenario keeps every year under the limit, counted here cell by cell
    /// with the model's `within_limit`. Some maps' shares are far from a half, so counting the
    /// cells that do not fit gives another number.
    #[test]
    fn describe_states_the_share_of_cells_that_fit() {
        let mut lopsided = 0;
        for s in [Scenario::default(), Scenario::parse("guarantees=60&total=200").unwrap()] {
            for (x, y) in crate::feasibility::PAIRS {
                let map = Map::compute(&s, x, y);
                let mut fitting = 0usize;
                for j in 0..map.y.len {
                    for i in 0..map.x.len {
                        let cell = map.scenario_at(&s, i, j).expect("a cell on the map");
                        fitting += usize::from(crate::model::within_limit(&cell));
                    }
                }
                let share = fitting as f64 / map.cells.len() as f64 * 100.0;
                let shown = crate::text::pct(share);
                let en = describe(Lang::En, &map);
                assert!(en.contains(&format!(" in {shown}% of the combinations")), "{x:?} × {y:?}: {en}");
                let ko = describe(Lang::Ko, &map);
                assert!(ko.contains(&format!("조합의 {shown}%에서")), "{x:?} × {y:?}: {ko}");
                lopsided += usize::from((share - 50.0).abs() > 5.0 && share > 0.0 && share < 100.0);
            }
        }
        assert!(lopsided > 0, "{lopsided} lopsided");
    }

    #[test]
    fn at_twice_the_density_doubled_click_coordinates_find_the_same_cell() {
        // The page draws the map at the screen's device-pixel ratio and scales a click's CSS
        // coordinates by it before asking which cell is under it.
        let map = Map::compute(&Scenario::default(), Key::Upfront, Key::Years);
        let (_, one) = svg(&map, 20.0, (600, 280), &ChartStyle::canvas(1.0)).unwrap();
        let (_, two) = svg(&map, 20.0, (1200, 560), &ChartStyle::canvas(2.0)).unwrap();
        for (i, j) in [(0, 0), (50, 9), (100, 29), (7, 21)] {
            let (x, y) = one.point(&map, (map.x.value(i), map.y.value(j)));
            assert_eq!(one.cell_at(&map, f64::from(x), f64::from(y)), Some((i, j)));
            assert_eq!(
                two.cell_at(&map, f64::from(x) * 2.0, f64::from(y) * 2.0),
                Some((i, j)),
                "cell ({i}, {j})"
            );
        }
    }
}
