//! Owns where things go: which boxes of the globe share a panel, the frame
//! of each panel, the projection from degrees to panel units, and where the
//! panels sit in the drawing. Pure arithmetic on boxes; knows nothing of
//! countries or SVG.
//!
//! The projection is Mercator (conformal, so countries keep the shapes
//! readers know from web maps), with latitudes clamped to ±85°. A frame is a
//! box in projected degrees: x is the longitude, y the Mercator ordinate in
//! degrees, so both axes share one scale at the equator.

use super::geometry::{Point, Rect};

/// Boxes whose gap is at most this many degrees (about 2,200 km) share a
/// panel: France and Italy, or Senegal, Morocco and France, do; Utah and
/// the Alps do not.
pub(crate) const JOIN_DEGREES: f64 = 20.0;
/// Width of the whole drawing, in user units.
pub(crate) const WIDTH: f64 = 800.0;
/// Height bounds of the whole drawing.
const MIN_HEIGHT: f64 = 300.0;
const MAX_HEIGHT: f64 = 900.0;
/// Panels side by side must be at least this tall; otherwise they stack.
const MIN_SIDE_BY_SIDE: f64 = 220.0;
/// Space between panels.
pub(crate) const GUTTER: f64 = 8.0;
/// Smallest frame, in projected degrees, so that a single city still shows
/// its country and the neighbours.
const MIN_SPAN: [f64; 2] = [16.0, 10.0];
/// Padding around the contents: a share of their span plus a fixed margin.
const PAD_SHARE: f64 = 0.06;
const PAD_DEGREES: f64 = 0.5;
const MAX_LATITUDE: f64 = 85.0;

/// Mercator ordinate of a latitude, in degrees.
pub(crate) fn mercator(lat: f64) -> f64 {
    let phi = lat.clamp(-MAX_LATITUDE, MAX_LATITUDE).to_radians();
    (std::f64::consts::FRAC_PI_4 + phi / 2.0).tan().ln().to_degrees()
}

/// The shift among -360°, 0 and +360° that brings longitude `lon` nearest
/// to `reference`.
pub(crate) fn wrap_shift(lon: f64, reference: f64) -> f64 {
    [-360.0, 0.0, 360.0]
        .into_iter()
        .min_by(|a, b| (lon + a - reference).abs().total_cmp(&(lon + b - reference).abs()))
        .unwrap_or(0.0)
}

/// The gap between two boxes of degrees, longitudes scaled by the cosine of
/// their mean latitude, across the antimeridian if that is shorter.
pub(crate) fn gap(a: &Rect, b: &Rect) -> f64 {
    let cos = ((a.center()[1] + b.center()[1]) / 2.0).to_radians().cos().abs();
    let dy = (b.y0 - a.y1).max(a.y0 - b.y1).max(0.0);
    [-360.0, 0.0, 360.0]
        .into_iter()
        .map(|shift| {
            let b = b.shifted(shift);
            let dx = (b.x0 - a.x1).max(a.x0 - b.x1).max(0.0) * cos;
            dx.hypot(dy)
        })
        .fold(f64::INFINITY, f64::min)
}

/// Groups boxes by single linkage: two boxes share a group when a chain of
/// boxes links them with gaps of at most [`JOIN_DEGREES`]. Groups come in
/// the order of their first box.
pub(crate) fn group(boxes: &[Rect]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..boxes.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..boxes.len() {
        for j in i + 1..boxes.len() {
            if gap(&boxes[i], &boxes[j]) <= JOIN_DEGREES {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                parent[ri.max(rj)] = ri.min(rj);
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut slot = vec![usize::MAX; boxes.len()];
    for i in 0..boxes.len() {
        let r = root(&mut parent, i);
        if slot[r] == usize::MAX {
            slot[r] = groups.len();
            groups.push(Vec::new());
        }
        groups[slot[r]].push(i);
    }
    groups
}

/// The frame of a panel showing `boxes` (degrees), in projected degrees,
/// with its longitudes brought next to the largest box across the
/// antimeridian where needed.
pub(crate) fn frame(boxes: &[Rect]) -> Rect {
    let Some(largest) = boxes.iter().max_by(|a, b| (a.width() * a.height()).total_cmp(&(b.width() * b.height())))
    else {
        return Rect { x0: -MIN_SPAN[0] / 2.0, y0: -MIN_SPAN[1] / 2.0, x1: MIN_SPAN[0] / 2.0, y1: MIN_SPAN[1] / 2.0 };
    };
    let reference = largest.center()[0];
    let content = boxes.iter().fold(Rect::EMPTY, |r, b| r.union(b.shifted(wrap_shift(b.center()[0], reference))));
    let projected = Rect { x0: content.x0, y0: mercator(content.y0), x1: content.x1, y1: mercator(content.y1) };
    let mut spans = [projected.width(), projected.height()];
    for (span, min) in spans.iter_mut().zip(MIN_SPAN) {
        *span = (*span * (1.0 + 2.0 * PAD_SHARE) + 2.0 * PAD_DEGREES).max(min);
    }
    spans[0] = spans[0].min(360.0);
    let [cx, cy] = projected.center();
    Rect { x0: cx - spans[0] / 2.0, y0: cy - spans[1] / 2.0, x1: cx + spans[0] / 2.0, y1: cy + spans[1] / 2.0 }
}

/// A frame grown along one axis to the aspect ratio `width / height`.
fn fit(frame: Rect, width: f64, height: f64) -> Rect {
    let [cx, cy] = frame.center();
    let (mut w, mut h) = (frame.width(), frame.height());
    if w / h < width / height {
        w = h * width / height;
    } else {
        h = w * height / width;
    }
    Rect { x0: cx - w / 2.0, y0: cy - h / 2.0, x1: cx + w / 2.0, y1: cy + h / 2.0 }
}

/// Where one panel sits in the drawing and what it shows.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Placed {
    /// Position and size in the drawing.
    pub at: Rect,
    pub projection: Projection,
}

/// From degrees to the units of one panel.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Projection {
    /// The frame, in projected degrees, fitted to the panel's aspect ratio.
    pub frame: Rect,
    /// Panel units per projected degree.
    pub scale: f64,
}

impl Projection {
    fn new(frame: Rect, width: f64, height: f64) -> Projection {
        let frame = fit(frame, width, height);
        Projection { frame, scale: width / frame.width() }
    }

    /// The longitude shift that brings `lon` into this frame's side of the
    /// antimeridian.
    pub(crate) fn shift(&self, lon: f64) -> f64 {
        wrap_shift(lon, self.frame.center()[0])
    }

    /// A `[longitude, latitude]` point, already shifted, in panel units.
    pub(crate) fn project(&self, [lon, lat]: Point) -> Point {
        [(lon - self.frame.x0) * self.scale, (self.frame.y1 - mercator(lat)) * self.scale]
    }

    /// A box of degrees, already shifted, in projected degrees.
    pub(crate) fn projected(bbox: &Rect) -> Rect {
        Rect { x0: bbox.x0, y0: mercator(bbox.y0), x1: bbox.x1, y1: mercator(bbox.y1) }
    }
}

/// The ways to place the frames in a drawing [`WIDTH`] wide, best first:
/// side by side with one height when that height stays at least
/// [`MIN_SIDE_BY_SIDE`], and stacked when there are several frames. The
/// drawing's height is kept between 300 and 900 by showing more around the
/// contents. Each is the drawing's height and each panel.
pub(crate) fn arrangements(frames: &[Rect]) -> Vec<(f64, Vec<Placed>)> {
    let mut found = Vec::new();
    if frames.is_empty() {
        return found;
    }
    let aspects: Vec<f64> = frames.iter().map(|f| f.width() / f.height()).collect();
    let total: f64 = aspects.iter().sum();
    let free = WIDTH - GUTTER * (frames.len() as f64 - 1.0);
    if frames.len() == 1 || free / total >= MIN_SIDE_BY_SIDE {
        found.push(side_by_side(frames, &aspects));
    }
    if frames.len() > 1 {
        found.push(stacked(frames, &aspects));
    }
    found
}

/// The first of [`arrangements`].
#[cfg(test)]
pub(crate) fn arrange(frames: &[Rect]) -> (f64, Vec<Placed>) {
    arrangements(frames).into_iter().next().unwrap_or_default()
}

fn side_by_side(frames: &[Rect], aspects: &[f64]) -> (f64, Vec<Placed>) {
    let total: f64 = aspects.iter().sum();
    let free = WIDTH - GUTTER * (frames.len() as f64 - 1.0);
    let height = (free / total).clamp(MIN_HEIGHT, MAX_HEIGHT);
    let mut x = 0.0;
    let mut placed = Vec::with_capacity(frames.len());
    for (frame, aspect) in frames.iter().zip(aspects) {
        let width = free * aspect / total;
        placed.push(place(*frame, Rect { x0: x, y0: 0.0, x1: x + width, y1: height }));
        x += width + GUTTER;
    }
    (snap(height), placed)
}

fn stacked(frames: &[Rect], aspects: &[f64]) -> (f64, Vec<Placed>) {
    let n = frames.len() as f64;
    let natural: Vec<f64> = aspects.iter().map(|a| WIDTH / a).collect();
    let gutters = GUTTER * (n - 1.0);
    let sum: f64 = natural.iter().sum();
    let factor = (sum + gutters).clamp(MIN_HEIGHT, MAX_HEIGHT).max(gutters + n) - gutters;
    let mut y = 0.0;
    let mut placed = Vec::with_capacity(frames.len());
    for (frame, h) in frames.iter().zip(&natural) {
        let height = h * factor / sum;
        placed.push(place(*frame, Rect { x0: 0.0, y0: y, x1: WIDTH, y1: y + height }));
        y += height + GUTTER;
    }
    (snap(y - GUTTER), placed)
}

/// A panel at `at`, its corners rounded to tenths so the template prints
/// them exactly, showing `frame` fitted to its rounded size.
fn place(frame: Rect, at: Rect) -> Placed {
    let at = Rect { x0: snap(at.x0), y0: snap(at.y0), x1: snap(at.x1), y1: snap(at.y1) };
    Placed { at, projection: Projection::new(frame, at.width(), at.height()) }
}

/// `v` rounded to a tenth.
pub(crate) fn snap(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect { x0, y0, x1, y1 }
    }

    #[test]
    fn mercator_is_zero_at_the_equator_and_finite_at_the_poles() {
        let cases = [(0.0, 0.0), (45.0, 50.498), (-45.0, -50.498), (85.0, 179.410), (90.0, 179.410), (-90.0, -179.410)];
        for (lat, y) in cases {
            assert!((mercator(lat) - y).abs() < 1e-3, "{lat}: {}", mercator(lat));
        }
    }

    #[test]
    fn gaps_are_measured_across_the_antimeridian_when_shorter() {
        let cases = [
            (rect(0.0, 0.0, 10.0, 10.0), rect(5.0, 5.0, 20.0, 20.0), 0.0),
            (rect(0.0, 0.0, 10.0, 10.0), rect(10.0, 20.0, 12.0, 22.0), 10.0),
            (rect(170.0, -10.0, 179.0, 0.0), rect(-179.0, -10.0, -170.0, 0.0), 2.0 * (5f64).to_radians().cos()),
        ];
        for (a, b, expected) in cases {
            assert!((gap(&a, &b) - expected).abs() < 1e-9, "{a:?} {b:?}: {}", gap(&a, &b));
            assert!((gap(&b, &a) - expected).abs() < 1e-9);
        }
    }

    #[test]
    fn boxes_chain_into_groups() {
        // Senegal, Morocco, France, Utah: the first three chain up.
        let boxes = [
            rect(-17.5, 12.3, -11.4, 16.7),
            rect(-13.2, 27.7, -1.0, 35.9),
            rect(-4.8, 42.3, 8.2, 51.1),
            rect(-124.7, 24.5, -67.0, 49.4),
        ];
        assert_eq!(group(&boxes), vec![vec![0, 1, 2], vec![3]]);
        assert_eq!(group(&[boxes[0], boxes[2]]), vec![vec![0], vec![1]]);
        assert_eq!(group(&[]), Vec::<Vec<usize>>::new());
    }

    #[test]
    fn frames_pad_their_contents_and_keep_a_minimum_span() {
        let city = frame(&[rect(4.8, 45.7, 4.8, 45.7)]);
        assert_eq!([city.width(), city.height()], MIN_SPAN);
        assert!(city.contains([4.8, mercator(45.7)]));
        let wide = frame(&[rect(-124.7, 24.5, -67.0, 49.4)]);
        assert!(wide.x0 < -124.7 && wide.x1 > -67.0 && wide.y0 < mercator(24.5) && wide.y1 > mercator(49.4));
        // Fiji on both sides of the antimeridian: framed around 180°, not across the globe.
        let fiji = frame(&[rect(177.0, -19.0, 180.0, -16.0), rect(-180.0, -17.0, -179.0, -16.0)]);
        assert!(fiji.width() < 20.0, "{fiji:?}");
    }

    #[test]
    fn panels_go_side_by_side_while_tall_enough_and_stack_otherwise() {
        let europe = rect(-6.0, 40.0, 20.0, 60.0);
        let square = rect(0.0, 0.0, 10.0, 10.0);
        let strip = rect(0.0, 0.0, 40.0, 8.0);
        let cases: [(&[Rect], bool); 4] = [
            (&[europe], true),
            (&[europe, rect(-125.0, 25.0, -66.0, 57.0)], true),
            (&[square, square], true),
            (&[strip, strip], false),
        ];
        for (frames, side_by_side) in cases {
            let (height, placed) = arrange(frames);
            assert!((MIN_HEIGHT..=MAX_HEIGHT).contains(&height), "{height}");
            assert_eq!(placed.iter().all(|p| p.at.y0 == 0.0), side_by_side, "{frames:?}");
            for p in &placed {
                assert!(p.at.x1 <= WIDTH + 1e-9 && p.at.y1 <= height + 1e-9);
                let ratio = p.projection.frame.width() / p.projection.frame.height();
                assert!((ratio - p.at.width() / p.at.height()).abs() < 1e-9, "frames fit their panel");
            }
        }
        assert_eq!(arrange(&[]).1.len(), 0);
    }

    #[test]
    fn projection_puts_north_up_and_the_frame_on_the_panel() {
        let projection = Projection::new(rect(0.0, 0.0, 10.0, 10.0), 100.0, 100.0);
        let bottom = projection.project([0.0, 0.0]);
        assert!(bottom[0].abs() < 1e-9 && (bottom[1] - 100.0).abs() < 1e-9);
        let lat = (2.0 * 10f64.to_radians().exp().atan() - std::f64::consts::FRAC_PI_2).to_degrees();
        let top = projection.project([10.0, lat]);
        assert!((top[0] - 100.0).abs() < 1e-9 && top[1].abs() < 1e-9);
        assert_eq!(projection.shift(-175.0), 0.0);
    }
}
