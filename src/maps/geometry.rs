//! Owns the planar routines that maps need on rings of points: boxes,
//! signed area, even-odd point-in-polygon, clipping a ring to a rectangle
//! (Sutherland–Hodgman), Douglas–Peucker simplification and moving a point
//! that fell just outside a shape onto a point inside it. Pure functions of
//! their inputs; knows nothing of countries, projections or SVG.
//!
//! A ring is a list of points without the closing repetition of its first
//! point. The coordinate system does not matter (degrees or panel units).

/// A point, `[x, y]`.
pub(crate) type Point = [f64; 2];

/// An axis-aligned box; empty when `x0 > x1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub(crate) const EMPTY: Rect =
        Rect { x0: f64::INFINITY, y0: f64::INFINITY, x1: f64::NEG_INFINITY, y1: f64::NEG_INFINITY };

    /// The smallest box holding every point.
    pub(crate) fn of(points: &[Point]) -> Rect {
        points.iter().fold(Rect::EMPTY, |r, &p| r.with(p))
    }

    pub(crate) fn is_empty(&self) -> bool {
        !(self.x0 <= self.x1 && self.y0 <= self.y1)
    }

    /// This box grown to hold `p`.
    pub(crate) fn with(self, p: Point) -> Rect {
        Rect { x0: self.x0.min(p[0]), y0: self.y0.min(p[1]), x1: self.x1.max(p[0]), y1: self.y1.max(p[1]) }
    }

    pub(crate) fn union(self, o: Rect) -> Rect {
        if o.is_empty() {
            return self;
        }
        self.with([o.x0, o.y0]).with([o.x1, o.y1])
    }

    pub(crate) fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    pub(crate) fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    pub(crate) fn center(&self) -> Point {
        [(self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0]
    }

    pub(crate) fn intersects(&self, o: &Rect) -> bool {
        self.x0 <= o.x1 && o.x0 <= self.x1 && self.y0 <= o.y1 && o.y0 <= self.y1
    }

    pub(crate) fn contains(&self, p: Point) -> bool {
        self.x0 <= p[0] && p[0] <= self.x1 && self.y0 <= p[1] && p[1] <= self.y1
    }

    /// This box moved by `dx` along x.
    pub(crate) fn shifted(self, dx: f64) -> Rect {
        Rect { x0: self.x0 + dx, x1: self.x1 + dx, ..self }
    }

    /// This box grown by `m` on every side.
    pub(crate) fn grown(self, m: f64) -> Rect {
        Rect { x0: self.x0 - m, y0: self.y0 - m, x1: self.x1 + m, y1: self.y1 + m }
    }
}

/// The signed (shoelace) area, positive when the ring turns
/// counter-clockwise with y pointing up, that is clockwise on screen.
pub(crate) fn signed_area(ring: &[Point]) -> f64 {
    let n = ring.len();
    let mut sum = 0.0;
    for i in 0..n {
        let [x0, y0] = ring[i];
        let [x1, y1] = ring[(i + 1) % n];
        sum += x0 * y1 - x1 * y0;
    }
    sum / 2.0
}

/// The centre of mass of the area of a ring; the mean of its points when
/// it has no area.
pub(crate) fn centroid(ring: &[Point]) -> Point {
    let area = signed_area(ring);
    let n = ring.len();
    if area == 0.0 || n == 0 {
        let k = n.max(1) as f64;
        return ring.iter().fold([0.0, 0.0], |c, p| [c[0] + p[0] / k, c[1] + p[1] / k]);
    }
    let mut c = [0.0, 0.0];
    for i in 0..n {
        let [x0, y0] = ring[i];
        let [x1, y1] = ring[(i + 1) % n];
        let cross = x0 * y1 - x1 * y0;
        c = [c[0] + (x0 + x1) * cross, c[1] + (y0 + y1) * cross];
    }
    [c[0] / (6.0 * area), c[1] / (6.0 * area)]
}

/// Whether `p` is inside the rings under the even-odd rule (holes are rings
/// too, so a point in a hole is outside).
pub(crate) fn contains<R: AsRef<[Point]>>(rings: &[R], p: Point) -> bool {
    let mut inside = false;
    for ring in rings {
        let ring = ring.as_ref();
        let n = ring.len();
        for i in 0..n {
            let a = ring[i];
            let b = ring[(i + 1) % n];
            if (a[1] > p[1]) != (b[1] > p[1]) {
                let x = a[0] + (p[1] - a[1]) / (b[1] - a[1]) * (b[0] - a[0]);
                if p[0] < x {
                    inside = !inside;
                }
            }
        }
    }
    inside
}

/// The point of segment `a`–`b` nearest to `p`.
fn nearest_on_segment(p: Point, a: Point, b: Point) -> Point {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    if len2 == 0.0 {
        return a;
    }
    let t = (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0);
    [a[0] + t * dx, a[1] + t * dy]
}

fn distance(a: Point, b: Point) -> f64 {
    let [dx, dy] = [a[0] - b[0], a[1] - b[1]];
    (dx * dx + dy * dy).sqrt() // not hypot: several times slower, and no overflow to guard here
}

/// The distance from `p` to the nearest edge of any ring.
pub(crate) fn boundary_distance<R: AsRef<[Point]>>(rings: &[R], p: Point) -> f64 {
    edges(rings).map(|(a, b)| distance(p, nearest_on_segment(p, a, b))).fold(f64::INFINITY, f64::min)
}

fn edges<R: AsRef<[Point]>>(rings: &[R]) -> impl Iterator<Item = (Point, Point)> + '_ {
    rings.iter().flat_map(|ring| {
        let ring = ring.as_ref();
        (0..ring.len()).map(move |i| (ring[i], ring[(i + 1) % ring.len()]))
    })
}

/// A point near `p` for which `accept` holds, found by stepping inward from
/// the nearest edges of the rings: for the few edges closest to `p`, tries
/// points a small step past the edge (away from `p`, then square to the
/// edge on either side), nearest first. None when no such point is found.
pub(crate) fn nearest_inside<R: AsRef<[Point]>>(
    rings: &[R],
    p: Point,
    accept: impl Fn(Point) -> bool,
) -> Option<Point> {
    const EDGES: usize = 12;
    const STEPS: [f64; 6] = [0.6, 0.3, 0.15, 1.2, 2.5, 5.0];
    let mut near: Vec<(f64, Point, Point)> = edges(rings)
        .filter(|(a, b)| a != b)
        .map(|(a, b)| {
            let q = nearest_on_segment(p, a, b);
            let len = distance(a, b);
            (distance(p, q), q, [-(b[1] - a[1]) / len, (b[0] - a[0]) / len])
        })
        .collect();
    near.sort_by(|x, y| x.0.total_cmp(&y.0));
    for (d, q, normal) in near.into_iter().take(EDGES) {
        let mut directions = vec![normal, [-normal[0], -normal[1]]];
        if d > 1e-9 {
            directions.insert(0, [(q[0] - p[0]) / d, (q[1] - p[1]) / d]);
        }
        for step in STEPS {
            for dir in &directions {
                let c = [q[0] + step * dir[0], q[1] + step * dir[1]];
                if accept(c) {
                    return Some(c);
                }
            }
        }
    }
    None
}

/// The part of `ring` inside `clip` (Sutherland–Hodgman). A concave ring
/// may come back with edges running along the rectangle's sides; they have
/// no area and vanish under the clip rectangle the template draws.
pub(crate) fn clip(ring: &[Point], clip: &Rect) -> Vec<Point> {
    if Rect::of(ring).is_empty() {
        return Vec::new();
    }
    let r = Rect::of(ring);
    if clip.contains([r.x0, r.y0]) && clip.contains([r.x1, r.y1]) {
        return ring.to_vec();
    }
    let mut out = ring.to_vec();
    // Each side: is a point inside, and where does a segment cross it.
    let sides: [(usize, f64, bool); 4] =
        [(0, clip.x0, true), (0, clip.x1, false), (1, clip.y0, true), (1, clip.y1, false)];
    for (axis, limit, keep_above) in sides {
        let inside = |p: &Point| if keep_above { p[axis] >= limit } else { p[axis] <= limit };
        let input = std::mem::take(&mut out);
        let n = input.len();
        for i in 0..n {
            let cur = input[i];
            let prev = input[(i + n - 1) % n];
            let (ci, pi) = (inside(&cur), inside(&prev));
            if ci != pi {
                let t = (limit - prev[axis]) / (cur[axis] - prev[axis]);
                let mut x = [prev[0] + t * (cur[0] - prev[0]), prev[1] + t * (cur[1] - prev[1])];
                x[axis] = limit;
                out.push(x);
            }
            if ci {
                out.push(cur);
            }
        }
        if out.is_empty() {
            break;
        }
    }
    out
}

/// Distance from `p` to segment `a`–`b`.
fn segment_distance(p: Point, a: Point, b: Point) -> f64 {
    distance(p, nearest_on_segment(p, a, b))
}

/// The ring with every point dropped that lies within `tolerance` of the
/// simplified outline (Douglas–Peucker, iterative so long coasts cannot
/// overflow the stack). The ring is cut at its first point and the point
/// farthest from it, and each half simplified.
pub(crate) fn simplify(ring: &[Point], tolerance: f64) -> Vec<Point> {
    let n = ring.len();
    if n <= 3 {
        return ring.to_vec();
    }
    let far = (1..n).max_by(|&i, &j| distance(ring[0], ring[i]).total_cmp(&distance(ring[0], ring[j]))).unwrap_or(1);
    let at = |i: usize| ring[i % n];
    let mut keep = vec![false; n + 1];
    keep[0] = true;
    keep[far] = true;
    keep[n] = true;
    let mut stack = vec![(0, far), (far, n)];
    while let Some((first, last)) = stack.pop() {
        let (a, b) = (at(first), at(last));
        let mut worst = (0.0, 0);
        for i in first + 1..last {
            let d = segment_distance(at(i), a, b);
            if d > worst.0 {
                worst = (d, i);
            }
        }
        if worst.0 > tolerance {
            keep[worst.1] = true;
            stack.push((first, worst.1));
            stack.push((worst.1, last));
        }
    }
    (0..n).filter(|&i| keep[i]).map(|i| ring[i]).collect()
}

/// The ring scaled about the centre of its box so that the box's larger
/// side is `size`; a ring without extent becomes a square of that size.
pub(crate) fn enlarge(ring: &[Point], size: f64) -> Vec<Point> {
    let bbox = Rect::of(ring);
    if bbox.is_empty() {
        return Vec::new();
    }
    let [cx, cy] = bbox.center();
    let extent = bbox.width().max(bbox.height());
    if extent <= 0.0 {
        let h = size / 2.0;
        return vec![[cx - h, cy - h], [cx + h, cy - h], [cx + h, cy + h], [cx - h, cy + h]];
    }
    let k = size / extent;
    ring.iter().map(|p| [cx + k * (p[0] - cx), cy + k * (p[1] - cy)]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x: f64, y: f64, side: f64) -> Vec<Point> {
        vec![[x, y], [x + side, y], [x + side, y + side], [x, y + side]]
    }

    #[test]
    fn even_odd_containment_counts_holes_as_outside() {
        let rings = vec![square(0.0, 0.0, 10.0), square(4.0, 4.0, 2.0), square(20.0, 0.0, 5.0)];
        let cases = [
            ([1.0, 1.0], true),
            ([5.0, 5.0], false),
            ([22.0, 2.0], true),
            ([15.0, 5.0], false),
            ([-1.0, 5.0], false),
            ([f64::NAN, 5.0], false),
        ];
        for (p, inside) in cases {
            assert_eq!(contains(&rings, p), inside, "{p:?}");
        }
    }

    #[test]
    fn signed_area_tells_the_turning_direction() {
        let ccw = square(0.0, 0.0, 2.0);
        let cw: Vec<Point> = ccw.iter().rev().copied().collect();
        for (ring, area) in [(ccw, 4.0), (cw, -4.0), (vec![[0.0, 0.0], [1.0, 1.0]], 0.0)] {
            assert_eq!(signed_area(&ring), area);
        }
    }

    #[test]
    fn clipping_keeps_the_part_inside_the_rectangle() {
        let clip_rect = Rect { x0: 0.0, y0: 0.0, x1: 10.0, y1: 10.0 };
        let cases: [(Vec<Point>, f64); 4] = [
            (square(2.0, 2.0, 3.0), 9.0),
            (square(-5.0, -5.0, 10.0), 25.0),
            (square(20.0, 20.0, 3.0), 0.0),
            (square(-5.0, -5.0, 30.0), 100.0),
        ];
        for (ring, area) in cases {
            let clipped = clip(&ring, &clip_rect);
            assert!((signed_area(&clipped) - area).abs() < 1e-9, "{ring:?} → {clipped:?}");
            assert!(clipped.iter().all(|&p| clip_rect.contains(p)));
        }
    }

    #[test]
    fn simplification_drops_points_within_the_tolerance_only() {
        // A square with a nearly straight bottom side and one spike.
        let ring = vec![[0.0, 0.0], [5.0, 0.1], [10.0, 0.0], [10.0, 10.0], [5.0, 13.0], [0.0, 10.0]];
        let cases = [(0.5, 5), (0.05, 6), (5.0, 4)];
        for (tolerance, len) in cases {
            let simple = simplify(&ring, tolerance);
            assert_eq!(simple.len(), len, "tolerance {tolerance}: {simple:?}");
            assert!(simple.iter().all(|p| ring.contains(p)));
        }
        assert_eq!(simplify(&ring[..3], 10.0).len(), 3);
    }

    #[test]
    fn a_point_just_outside_is_moved_inside_by_a_small_step() {
        let rings = vec![square(0.0, 0.0, 10.0)];
        let accept = |c: Point| contains(&rings, c) && boundary_distance(&rings, c) > 0.1;
        for p in [[-0.5, 5.0], [5.0, 10.2], [10.4, 10.4]] {
            let moved = nearest_inside(&rings, p, accept).expect("a point inside");
            assert!(accept(moved));
            assert!(distance(p, moved) < 1.5, "{p:?} → {moved:?}");
        }
        assert_eq!(nearest_inside(&rings, [5.0, 5.0], |_| false), None);
        assert_eq!(nearest_inside(&Vec::<Vec<Point>>::new(), [5.0, 5.0], |_| true), None);
    }

    #[test]
    fn centroids_are_centres_of_area() {
        let l_shape = vec![[0.0, 0.0], [4.0, 0.0], [4.0, 1.0], [1.0, 1.0], [1.0, 4.0], [0.0, 4.0]];
        let cases: [(Vec<Point>, Point); 4] = [
            (square(2.0, 2.0, 2.0), [3.0, 3.0]),
            (l_shape, [9.5 / 7.0, 9.5 / 7.0]),
            (vec![[0.0, 0.0], [2.0, 0.0], [4.0, 0.0]], [2.0, 0.0]),
            (vec![], [0.0, 0.0]),
        ];
        for (ring, expected) in cases {
            let c = centroid(&ring);
            assert!((c[0] - expected[0]).abs() < 1e-9 && (c[1] - expected[1]).abs() < 1e-9, "{ring:?}: {c:?}");
        }
    }

    #[test]
    fn enlarging_scales_a_ring_about_its_centre() {
        let cases: [(Vec<Point>, Vec<Point>); 3] = [
            (square(1.0, 1.0, 0.5), square(0.25, 0.25, 2.0)),
            (vec![[3.0, 3.0]], square(2.0, 2.0, 2.0)),
            (vec![], vec![]),
        ];
        for (ring, expected) in cases {
            assert_eq!(enlarge(&ring, 2.0), expected, "{ring:?}");
        }
    }

    #[test]
    fn boxes_grow_unite_and_meet() {
        let a = Rect::of(&square(0.0, 0.0, 2.0));
        let b = Rect::of(&square(5.0, 1.0, 1.0));
        assert_eq!(a.union(b), Rect { x0: 0.0, y0: 0.0, x1: 6.0, y1: 2.0 });
        assert_eq!(a.union(Rect::EMPTY), a);
        assert!(!a.intersects(&b));
        assert!(a.grown(3.0).intersects(&b));
        assert!(Rect::EMPTY.is_empty() && Rect::of(&[]).is_empty() && !a.is_empty());
        assert_eq!(a.shifted(360.0).center(), [361.0, 1.0]);
    }
}
