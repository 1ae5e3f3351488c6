//! Drawing primitives of the demo images: colours, noise, shapes and
//! the canvas and masks they are painted with.

use image::RgbImage;

// ---------------------------------------------------------------------------
// Drawing: colours, noise, signed distances, a canvas and masks

pub(crate) type Rgb = [f32; 3];

pub(crate) const fn hex(code: u32) -> Rgb {
    [((code >> 16) & 0xFF) as f32, ((code >> 8) & 0xFF) as f32, (code & 0xFF) as f32]
}

pub(crate) fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    let t = t.clamp(0.0, 1.0);
    [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]
}

pub(crate) fn scale(c: Rgb, k: f32) -> Rgb {
    [c[0] * k, c[1] * k, c[2] * k]
}

/// The colour at `t` of a gradient through `stops` (position, colour),
/// positions increasing.
pub(crate) fn gradient(stops: &[(f32, Rgb)], t: f32) -> Rgb {
    let first = stops[0];
    if t <= first.0 {
        return first.1;
    }
    for pair in stops.windows(2) {
        let ((t0, c0), (t1, c1)) = (pair[0], pair[1]);
        if t <= t1 {
            return mix(c0, c1, (t - t0) / (t1 - t0));
        }
    }
    stops[stops.len() - 1].1
}

pub(crate) fn smoothstep(edge0: f32, edge1: f32, x: f32) -> f32 {
    let t = ((x - edge0) / (edge1 - edge0)).clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// A pseudo-random value in [0, 1) for a lattice point.
pub(crate) fn hash(x: i32, y: i32, seed: u32) -> f32 {
    let mut h =
        (x as u32).wrapping_mul(0x8DA6_B343) ^ (y as u32).wrapping_mul(0xD816_3841) ^ seed.wrapping_mul(0xCB1A_B31F);
    h ^= h >> 13;
    h = h.wrapping_mul(0x5BD1_E995);
    h ^= h >> 15;
    (h >> 8) as f32 / (1u32 << 24) as f32
}

/// Smooth value noise in [0, 1].
pub(crate) fn noise(x: f32, y: f32, seed: u32) -> f32 {
    let (x0, y0) = (x.floor(), y.floor());
    let (fx, fy) = (x - x0, y - y0);
    let (sx, sy) = (fx * fx * (3.0 - 2.0 * fx), fy * fy * (3.0 - 2.0 * fy));
    let (ix, iy) = (x0 as i32, y0 as i32);
    let top = hash(ix, iy, seed) + (hash(ix + 1, iy, seed) - hash(ix, iy, seed)) * sx;
    let bottom = hash(ix, iy + 1, seed) + (hash(ix + 1, iy + 1, seed) - hash(ix, iy + 1, seed)) * sx;
    top + (bottom - top) * sy
}

/// Fractal noise in [0, 1]: `octaves` layers of noise, each twice as fine
/// and half as strong.
pub(crate) fn fbm(x: f32, y: f32, seed: u32, octaves: u32) -> f32 {
    let (mut sum, mut amplitude, mut frequency, mut total) = (0.0, 1.0, 1.0, 0.0);
    for octave in 0..octaves {
        sum += amplitude * noise(x * frequency, y * frequency, seed.wrapping_add(octave * 101));
        total += amplitude;
        amplitude *= 0.5;
        frequency *= 2.0;
    }
    sum / total
}

/// Ridged fractal noise in [0, 1] along a line: sharp crests, as mountains.
pub(crate) fn ridged(x: f32, seed: u32, octaves: u32) -> f32 {
    let (mut sum, mut amplitude, mut frequency, mut total) = (0.0, 1.0, 1.0, 0.0);
    for octave in 0..octaves {
        let n = noise(x * frequency, 0.5 + octave as f32 * 7.0, seed.wrapping_add(octave * 131));
        sum += amplitude * (1.0 - (2.0 * n - 1.0).abs());
        total += amplitude;
        amplitude *= 0.5;
        frequency *= 2.1;
    }
    sum / total
}

/// The grain's random numbers (SplitMix64).
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> f32 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 40) as f32 / (1u64 << 24) as f32
    }

    /// Roughly normal, mean 0, standard deviation 1.
    pub(crate) fn normal(&mut self) -> f32 {
        (self.next() + self.next() + self.next() + self.next() - 2.0) * 1.732
    }

    pub(crate) fn range(&mut self, low: f32, high: f32) -> f32 {
        low + (high - low) * self.next()
    }
}

pub(crate) type P = (f32, f32);

pub(crate) fn length(x: f32, y: f32) -> f32 {
    (x * x + y * y).sqrt()
}

pub(crate) fn circle(p: P, c: P, r: f32) -> f32 {
    length(p.0 - c.0, p.1 - c.1) - r
}

/// A box of half-size `half` centred on `c`, turned by `angle` (radians),
/// with corners rounded by `r`.
pub(crate) fn rounded_box(p: P, c: P, half: P, angle: f32, r: f32) -> f32 {
    let (dx, dy) = (p.0 - c.0, p.1 - c.1);
    let (s, co) = angle.sin_cos();
    let (x, y) = (dx * co + dy * s, -dx * s + dy * co);
    let (qx, qy) = (x.abs() - half.0 + r, y.abs() - half.1 + r);
    length(qx.max(0.0), qy.max(0.0)) + qx.max(qy).min(0.0) - r
}

/// A segment from `a` to `b` thickened to radius `r`.
pub(crate) fn capsule(p: P, a: P, b: P, r: f32) -> f32 {
    let (pax, pay, bax, bay) = (p.0 - a.0, p.1 - a.1, b.0 - a.0, b.1 - a.1);
    let h = ((pax * bax + pay * bay) / (bax * bax + bay * bay)).clamp(0.0, 1.0);
    length(pax - bax * h, pay - bay * h) - r
}

/// A closed polygon (any winding).
pub(crate) fn polygon(p: P, v: &[P]) -> f32 {
    let mut d = (p.0 - v[0].0).powi(2) + (p.1 - v[0].1).powi(2);
    let mut sign = 1.0;
    let mut j = v.len() - 1;
    for i in 0..v.len() {
        let (ex, ey) = (v[j].0 - v[i].0, v[j].1 - v[i].1);
        let (wx, wy) = (p.0 - v[i].0, p.1 - v[i].1);
        let h = ((wx * ex + wy * ey) / (ex * ex + ey * ey)).clamp(0.0, 1.0);
        d = d.min((wx - ex * h).powi(2) + (wy - ey * h).powi(2));
        let c = [p.1 >= v[i].1, p.1 < v[j].1, ex * wy > ey * wx];
        if c.iter().all(|&b| b) || c.iter().all(|&b| !b) {
            sign = -sign;
        }
        j = i;
    }
    sign * d.sqrt()
}

/// The box around `points`, widened by `margin`.
pub(crate) fn bounds(points: &[P], margin: f32) -> [f32; 4] {
    let mut b = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
    for &(x, y) in points {
        b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
    }
    [b[0] - margin, b[1] - margin, b[2] + margin, b[3] + margin]
}

/// The pixel ranges of a box, clipped to a `w`×`h` picture.
pub(crate) fn pixels(b: [f32; 4], w: usize, h: usize) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
    let clip = |v: f32, max: usize| (v.max(0.0) as usize).min(max);
    (clip(b[0].floor(), w)..clip(b[2].ceil() + 1.0, w), clip(b[1].floor(), h)..clip(b[3].ceil() + 1.0, h))
}

/// An RGB picture being drawn, 0 to 255 per channel.
pub(crate) struct Canvas {
    pub(crate) w: usize,
    pub(crate) h: usize,
    pub(crate) px: Vec<Rgb>,
}

impl Canvas {
    pub(crate) fn new((w, h): (usize, usize)) -> Canvas {
        Canvas { w, h, px: vec![[0.0; 3]; w * h] }
    }

    /// Sets every pixel to `paint` at its centre.
    pub(crate) fn fill(&mut self, paint: impl Fn(P) -> Rgb) {
        for y in 0..self.h {
            for x in 0..self.w {
                self.px[y * self.w + x] = paint((x as f32 + 0.5, y as f32 + 0.5));
            }
        }
    }

    pub(crate) fn blend(&mut self, i: usize, c: Rgb, a: f32) {
        if a > 0.0 {
            self.px[i] = mix(self.px[i], c, a);
        }
    }

    /// Paints the inside of a signed distance (negative inside) over the
    /// box `b`, its edge antialiased over `soft` pixels (1: crisp; more: a
    /// blurred shadow), at opacity `alpha`.
    pub(crate) fn shape(
        &mut self,
        b: [f32; 4],
        sdf: impl Fn(P) -> f32,
        soft: f32,
        paint: impl Fn(P) -> Rgb,
        alpha: f32,
    ) {
        let (xs, ys) = pixels(b, self.w, self.h);
        for y in ys {
            for x in xs.clone() {
                let p = (x as f32 + 0.5, y as f32 + 0.5);
                let coverage = (0.5 - sdf(p) / soft).clamp(0.0, 1.0);
                if coverage > 0.0 {
                    self.blend(y * self.w + x, paint(p), coverage * alpha);
                }
            }
        }
    }

    /// A shape in one colour.
    pub(crate) fn solid(&mut self, b: [f32; 4], sdf: impl Fn(P) -> f32, color: Rgb) {
        self.shape(b, sdf, 1.0, |_| color, 1.0);
    }

    /// A blurred dark copy of a shape, offset by `by`: its shadow.
    pub(crate) fn shadow(&mut self, b: [f32; 4], sdf: impl Fn(P) -> f32, by: P, blur: f32, alpha: f32) {
        let b = [b[0] + by.0 - blur, b[1] + by.1 - blur, b[2] + by.0 + blur, b[3] + by.1 + blur];
        self.shape(b, |p| sdf((p.0 - by.0, p.1 - by.1)), blur, |_| [10.0, 12.0, 20.0], alpha);
    }

    /// Paints `paint` where `mask` covers.
    pub(crate) fn layer(&mut self, mask: &Mask, paint: impl Fn(P) -> Rgb) {
        for y in 0..self.h {
            for x in 0..self.w {
                let i = y * self.w + x;
                if mask.a[i] > 0.0 {
                    self.blend(i, paint((x as f32 + 0.5, y as f32 + 0.5)), mask.a[i]);
                }
            }
        }
    }

    /// Lightens towards `color` around `c`, fading out with distance over
    /// `radius` (a screen blend, as light adds up).
    pub(crate) fn glow(&mut self, c: P, radius: f32, color: Rgb, strength: f32) {
        let b = [c.0 - 3.0 * radius, c.1 - 3.0 * radius, c.0 + 3.0 * radius, c.1 + 3.0 * radius];
        let (xs, ys) = pixels(b, self.w, self.h);
        for y in ys {
            for x in xs.clone() {
                let d = length(x as f32 + 0.5 - c.0, y as f32 + 0.5 - c.1) / radius;
                let k = strength * (-d * d).exp();
                let px = &mut self.px[y * self.w + x];
                for ch in 0..3 {
                    px[ch] = 255.0 - (255.0 - px[ch]) * (1.0 - k * color[ch] / 255.0);
                }
            }
        }
    }

    /// Film-like grain: mostly in brightness, a little in colour.
    pub(crate) fn grain(&mut self, seed: u64, amount: f32) {
        let mut rng = Rng(seed);
        for px in &mut self.px {
            let luma = rng.normal() * amount;
            for ch in px.iter_mut() {
                *ch += luma + rng.normal() * amount * 0.3;
            }
        }
    }

    pub(crate) fn rgb(&self) -> RgbImage {
        let bytes = self.px.iter().flat_map(|c| c.map(|v| v.round().clamp(0.0, 255.0) as u8)).collect();
        RgbImage::from_raw(self.w as u32, self.h as u32, bytes).expect("w×h×3 bytes")
    }
}

/// Coverage in [0, 1] per pixel: the silhouette of a layer, drawn shape
/// by shape, then painted at once.
pub(crate) struct Mask {
    pub(crate) w: usize,
    pub(crate) h: usize,
    pub(crate) a: Vec<f32>,
}

impl Mask {
    pub(crate) fn new((w, h): (usize, usize)) -> Mask {
        Mask { w, h, a: vec![0.0; w * h] }
    }

    pub(crate) fn add(&mut self, b: [f32; 4], sdf: impl Fn(P) -> f32) {
        let (xs, ys) = pixels(b, self.w, self.h);
        for y in ys {
            for x in xs.clone() {
                let coverage = (0.5 - sdf((x as f32 + 0.5, y as f32 + 0.5))).clamp(0.0, 1.0);
                let a = &mut self.a[y * self.w + x];
                *a = a.max(coverage);
            }
        }
    }

    /// Everything below the line `top(x)`.
    pub(crate) fn below(&mut self, top: impl Fn(f32) -> f32) {
        for x in 0..self.w {
            let t = top(x as f32 + 0.5);
            let start = t.floor().max(0.0) as usize;
            for y in start..self.h {
                let coverage = (y as f32 + 1.0 - t).clamp(0.0, 1.0);
                let a = &mut self.a[y * self.w + x];
                *a = a.max(coverage);
            }
        }
    }

    /// A stroke along `points` whose radius goes from `r0` to `r1`.
    pub(crate) fn stroke(&mut self, points: &[P], r0: f32, r1: f32) {
        let n = points.len().saturating_sub(1).max(1) as f32;
        for (i, pair) in points.windows(2).enumerate() {
            let r = r0 + (r1 - r0) * (i as f32 + 0.5) / n;
            let (a, b) = (pair[0], pair[1]);
            self.add(bounds(&[a, b], r + 2.0), |p| capsule(p, a, b, r));
        }
    }
}

/// Points along the quadratic Bézier curve a → b (control c).
pub(crate) fn curve(a: P, c: P, b: P, steps: usize) -> Vec<P> {
    (0..=steps)
        .map(|i| {
            let t = i as f32 / steps as f32;
            let u = 1.0 - t;
            (u * u * a.0 + 2.0 * u * t * c.0 + t * t * b.0, u * u * a.1 + 2.0 * u * t * c.1 + t * t * b.1)
        })
        .collect()
}
