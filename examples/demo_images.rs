//! Draws the images of the demo portal and of the `passerelle init`
//! starter site.
//!
//! ```text
//! cargo run --release --example demo_images
//! ```
//!
//! Writes, from the repository root:
//!
//! - `static/images/*.jpg`: four procedural illustrations for the demo's
//!   news items (gradients, layered silhouettes, a sun, reflections, a
//!   little grain so they compress like photos), 2400×1600, JPEG quality
//!   88. `lagoon-sunset.jpg` is stored turned a quarter turn with the EXIF
//!   orientation 6 that turns it back, and a made-up GPS position (0° N,
//!   0° E), to show that the build turns it upright and strips its
//!   metadata. `belfry-rooftops.jpg` has its subject at the very top, which
//!   its news item's `focus` keeps in the 1200×630 sharing crop.
//! - `static/images/logo-placeholder-*.png`: four placeholder logos with
//!   transparency: plain shapes and grey bars where a name would go, no
//!   text and nothing taken from a real institution's emblem.
//! - `src/scaffold/starter/static/images/welcome.jpg`: the starter site's
//!   news image, 1200×800 (`init` embeds it).
//!
//! No clock and fixed seeds: running it again (with the same `image` crate,
//! on the same platform) writes the same bytes. Only the `image` crate (to
//! encode JPEG and PNG) and the standard library are used.

use std::f32::consts::{PI, TAU};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{ExtendedColorType, ImageDecoder, ImageEncoder, ImageReader, RgbImage, RgbaImage};

const PHOTO: (usize, usize) = (2400, 1600);
const PHOTO_QUALITY: u8 = 88;
const WELCOME: (usize, usize) = (1200, 800);
const WELCOME_QUALITY: u8 = 85;
const LOGO: (usize, usize) = (600, 240);

fn main() -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let images = root.join("static/images");
    let starter = root.join("src/scaffold/starter/static/images");
    match run(&root, &images, &starter) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("demo_images: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(root: &Path, images: &Path, starter: &Path) -> Result<(), String> {
    for dir in [images, starter] {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let mut files: Vec<(PathBuf, Vec<u8>)> = vec![
        (images.join("alpine-sunrise.jpg"), jpeg(&alpine_sunrise().rgb(), PHOTO_QUALITY)?),
        (images.join("lagoon-sunset.jpg"), turned_with_exif(&lagoon_sunset().rgb())?),
        (images.join("belfry-rooftops.jpg"), jpeg(&belfry_rooftops().rgb(), PHOTO_QUALITY)?),
        (images.join("meeting-table.jpg"), jpeg(&meeting_table().rgb(), PHOTO_QUALITY)?),
        (starter.join("welcome.jpg"), jpeg(&footbridge().rgb(), WELCOME_QUALITY)?),
    ];
    for logo in Logo::ALL {
        files.push((images.join(format!("logo-placeholder-{}.png", logo.name())), png(&logo.draw())?));
    }
    for (path, bytes) in files {
        std::fs::write(&path, &bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        let shown = path.strip_prefix(root).unwrap_or(&path);
        println!("{:>4} KB  {}", bytes.len().div_ceil(1000), shown.display());
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Encoding

fn jpeg(image: &RgbImage, quality: u8) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, quality).encode_image(image).map_err(|e| format!("JPEG: {e}"))?;
    Ok(out)
}

fn png(image: &RgbaImage) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    PngEncoder::new_with_quality(&mut out, CompressionType::Best, FilterType::Adaptive)
        .write_image(image.as_raw(), image.width(), image.height(), ExtendedColorType::Rgba8)
        .map_err(|e| format!("PNG: {e}"))?;
    Ok(out)
}

/// The JPEG of `upright` as a phone held sideways stores it: pixels turned
/// a quarter turn anticlockwise, with an EXIF segment whose orientation (6:
/// "turn 90° clockwise to show") puts it back, and a GPS position. Checks
/// that a decoder applying the orientation gets the upright size back.
fn turned_with_exif(upright: &RgbImage) -> Result<Vec<u8>, String> {
    let stored = image::imageops::rotate270(upright);
    let plain = jpeg(&stored, PHOTO_QUALITY)?;
    if plain.get(..2) != Some(&[0xFF, 0xD8][..]) {
        return Err("the JPEG encoder wrote no start-of-image marker".to_string());
    }
    let exif = exif_segment(6);
    let bytes = [&plain[..2], &exif, &plain[2..]].concat();

    let reader = ImageReader::new(std::io::Cursor::new(&bytes)).with_guessed_format().map_err(|e| e.to_string())?;
    let mut decoder = reader.into_decoder().map_err(|e| e.to_string())?;
    let orientation = decoder.orientation().map_err(|e| e.to_string())?;
    let mut decoded = image::DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    decoded.apply_orientation(orientation);
    if (decoded.width(), decoded.height()) != upright.dimensions() {
        return Err(format!("the EXIF orientation reads as {orientation:?}, not as a quarter turn back"));
    }
    Ok(bytes)
}

/// A value of a TIFF field, as EXIF stores them.
enum Value {
    Byte(Vec<u8>),
    /// Text; the terminating NUL is added.
    Ascii(&'static str),
    Short(u16),
    Long(u32),
    /// Numerator and denominator pairs.
    Rational(Vec<(u32, u32)>),
}

impl Value {
    /// The TIFF type code, the count of values and the bytes (little-endian).
    fn encode(&self) -> (u16, u32, Vec<u8>) {
        match self {
            Value::Byte(bytes) => (1, bytes.len() as u32, bytes.clone()),
            Value::Ascii(text) => {
                let bytes = [text.as_bytes(), &[0]].concat();
                (2, bytes.len() as u32, bytes)
            }
            Value::Short(n) => (3, 1, n.to_le_bytes().to_vec()),
            Value::Long(n) => (4, 1, n.to_le_bytes().to_vec()),
            Value::Rational(pairs) => {
                let bytes = pairs.iter().flat_map(|(n, d)| [n.to_le_bytes(), d.to_le_bytes()].concat()).collect();
                (5, pairs.len() as u32, bytes)
            }
        }
    }
}

/// The bytes an image file directory takes, its values that do not fit
/// in an entry included.
fn ifd_size(entries: &[(u16, Value)]) -> usize {
    let spilled: usize = entries.iter().map(|(_, v)| v.encode().2.len()).filter(|&n| n > 4).map(|n| n + n % 2).sum();
    2 + 12 * entries.len() + 4 + spilled
}

/// Appends an image file directory (entries sorted by tag, as TIFF wants)
/// at the end of `tiff`, its long values right after it; no next directory.
fn write_ifd(tiff: &mut Vec<u8>, entries: &[(u16, Value)]) {
    let mut data_at = tiff.len() + 2 + 12 * entries.len() + 4;
    let mut data = Vec::new();
    tiff.extend((entries.len() as u16).to_le_bytes());
    for (tag, value) in entries {
        let (kind, count, mut bytes) = value.encode();
        tiff.extend(tag.to_le_bytes());
        tiff.extend(kind.to_le_bytes());
        tiff.extend(count.to_le_bytes());
        if bytes.len() <= 4 {
            bytes.resize(4, 0);
            tiff.extend(bytes);
        } else {
            tiff.extend((data_at as u32).to_le_bytes());
            if bytes.len() % 2 == 1 {
                bytes.push(0);
            }
            data_at += bytes.len();
            data.extend(bytes);
        }
    }
    tiff.extend(0u32.to_le_bytes());
    tiff.extend(data);
}

/// An APP1 segment holding EXIF: the orientation, a description, the
/// program, and a GPS directory at 0° N, 0° E, a position made up to show
/// that the build strips it (no photo was taken there).
fn exif_segment(orientation: u16) -> Vec<u8> {
    let zero = || Value::Rational(vec![(0, 1), (0, 1), (0, 1)]);
    let gps = [
        (0x0000, Value::Byte(vec![2, 3, 0, 0])), // GPSVersionID
        (0x0001, Value::Ascii("N")),             // GPSLatitudeRef
        (0x0002, zero()),                        // GPSLatitude: degrees, minutes, seconds
        (0x0003, Value::Ascii("E")),             // GPSLongitudeRef
        (0x0004, zero()),                        // GPSLongitude
    ];
    // Little-endian TIFF header; IFD0 right after it, the GPS directory after IFD0.
    let mut tiff = b"II\x2a\x00".to_vec();
    tiff.extend(8u32.to_le_bytes());
    let mut ifd0 = vec![
        (0x010E, Value::Ascii("Procedural illustration for the passerelle demo")), // ImageDescription
        (0x0112, Value::Short(orientation)),                                       // Orientation
        (0x0131, Value::Ascii("passerelle examples/demo_images.rs")),              // Software
        (0x8825, Value::Long(0)),                                                  // GPSInfo: set below
    ];
    let gps_at = 8 + ifd_size(&ifd0);
    ifd0[3].1 = Value::Long(gps_at as u32);
    write_ifd(&mut tiff, &ifd0);
    debug_assert_eq!(tiff.len(), gps_at);
    write_ifd(&mut tiff, &gps);

    let payload = [b"Exif\0\0".as_slice(), &tiff].concat();
    let length = u16::try_from(payload.len() + 2).expect("a small EXIF segment");
    [&[0xFF, 0xE1][..], &length.to_be_bytes(), &payload].concat()
}

// ---------------------------------------------------------------------------
// Drawing: colours, noise, signed distances, a canvas and masks

type Rgb = [f32; 3];

const fn hex(code: u32) -> Rgb {
    [((code >> 16) & 0xFF) as f32, ((code >> 8) & 0xFF) as f32, (code & 0xFF) as f32]
}

fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    let t = t.clamp(0.0, 1.0);
    [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]
}

fn scale(c: Rgb, k: f32) -> Rgb {
    [c[0] * k, c[1] * k, c[2] * k]
}

/// The colour at `t` of a gradient through `stops` (position, colour),
/// positions increasing.
fn gradient(stops: &[(f32, Rgb)], t: f32) -> Rgb {
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

fn smoothstep(edge0: f32, edge1: f32, x: f32) -> f32 {
    let t = ((x - edge0) / (edge1 - edge0)).clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// A pseudo-random value in [0, 1) for a lattice point.
fn hash(x: i32, y: i32, seed: u32) -> f32 {
    let mut h =
        (x as u32).wrapping_mul(0x8DA6_B343) ^ (y as u32).wrapping_mul(0xD816_3841) ^ seed.wrapping_mul(0xCB1A_B31F);
    h ^= h >> 13;
    h = h.wrapping_mul(0x5BD1_E995);
    h ^= h >> 15;
    (h >> 8) as f32 / (1u32 << 24) as f32
}

/// Smooth value noise in [0, 1].
fn noise(x: f32, y: f32, seed: u32) -> f32 {
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
fn fbm(x: f32, y: f32, seed: u32, octaves: u32) -> f32 {
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
fn ridged(x: f32, seed: u32, octaves: u32) -> f32 {
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
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f32 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 40) as f32 / (1u64 << 24) as f32
    }

    /// Roughly normal, mean 0, standard deviation 1.
    fn normal(&mut self) -> f32 {
        (self.next() + self.next() + self.next() + self.next() - 2.0) * 1.732
    }

    fn range(&mut self, low: f32, high: f32) -> f32 {
        low + (high - low) * self.next()
    }
}

type P = (f32, f32);

fn length(x: f32, y: f32) -> f32 {
    (x * x + y * y).sqrt()
}

fn circle(p: P, c: P, r: f32) -> f32 {
    length(p.0 - c.0, p.1 - c.1) - r
}

/// A box of half-size `half` centred on `c`, turned by `angle` (radians),
/// with corners rounded by `r`.
fn rounded_box(p: P, c: P, half: P, angle: f32, r: f32) -> f32 {
    let (dx, dy) = (p.0 - c.0, p.1 - c.1);
    let (s, co) = angle.sin_cos();
    let (x, y) = (dx * co + dy * s, -dx * s + dy * co);
    let (qx, qy) = (x.abs() - half.0 + r, y.abs() - half.1 + r);
    length(qx.max(0.0), qy.max(0.0)) + qx.max(qy).min(0.0) - r
}

/// A segment from `a` to `b` thickened to radius `r`.
fn capsule(p: P, a: P, b: P, r: f32) -> f32 {
    let (pax, pay, bax, bay) = (p.0 - a.0, p.1 - a.1, b.0 - a.0, b.1 - a.1);
    let h = ((pax * bax + pay * bay) / (bax * bax + bay * bay)).clamp(0.0, 1.0);
    length(pax - bax * h, pay - bay * h) - r
}

/// A closed polygon (any winding).
fn polygon(p: P, v: &[P]) -> f32 {
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
fn bounds(points: &[P], margin: f32) -> [f32; 4] {
    let mut b = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
    for &(x, y) in points {
        b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
    }
    [b[0] - margin, b[1] - margin, b[2] + margin, b[3] + margin]
}

/// The pixel ranges of a box, clipped to a `w`×`h` picture.
fn pixels(b: [f32; 4], w: usize, h: usize) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
    let clip = |v: f32, max: usize| (v.max(0.0) as usize).min(max);
    (clip(b[0].floor(), w)..clip(b[2].ceil() + 1.0, w), clip(b[1].floor(), h)..clip(b[3].ceil() + 1.0, h))
}

/// An RGB picture being drawn, 0 to 255 per channel.
struct Canvas {
    w: usize,
    h: usize,
    px: Vec<Rgb>,
}

impl Canvas {
    fn new((w, h): (usize, usize)) -> Canvas {
        Canvas { w, h, px: vec![[0.0; 3]; w * h] }
    }

    /// Sets every pixel to `paint` at its centre.
    fn fill(&mut self, paint: impl Fn(P) -> Rgb) {
        for y in 0..self.h {
            for x in 0..self.w {
                self.px[y * self.w + x] = paint((x as f32 + 0.5, y as f32 + 0.5));
            }
        }
    }

    fn blend(&mut self, i: usize, c: Rgb, a: f32) {
        if a > 0.0 {
            self.px[i] = mix(self.px[i], c, a);
        }
    }

    /// Paints the inside of a signed distance (negative inside) over the
    /// box `b`, its edge antialiased over `soft` pixels (1: crisp; more: a
    /// blurred shadow), at opacity `alpha`.
    fn shape(&mut self, b: [f32; 4], sdf: impl Fn(P) -> f32, soft: f32, paint: impl Fn(P) -> Rgb, alpha: f32) {
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
    fn solid(&mut self, b: [f32; 4], sdf: impl Fn(P) -> f32, color: Rgb) {
        self.shape(b, sdf, 1.0, |_| color, 1.0);
    }

    /// A blurred dark copy of a shape, offset by `by`: its shadow.
    fn shadow(&mut self, b: [f32; 4], sdf: impl Fn(P) -> f32, by: P, blur: f32, alpha: f32) {
        let b = [b[0] + by.0 - blur, b[1] + by.1 - blur, b[2] + by.0 + blur, b[3] + by.1 + blur];
        self.shape(b, |p| sdf((p.0 - by.0, p.1 - by.1)), blur, |_| [10.0, 12.0, 20.0], alpha);
    }

    /// Paints `paint` where `mask` covers.
    fn layer(&mut self, mask: &Mask, paint: impl Fn(P) -> Rgb) {
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
    fn glow(&mut self, c: P, radius: f32, color: Rgb, strength: f32) {
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
    fn grain(&mut self, seed: u64, amount: f32) {
        let mut rng = Rng(seed);
        for px in &mut self.px {
            let luma = rng.normal() * amount;
            for ch in px.iter_mut() {
                *ch += luma + rng.normal() * amount * 0.3;
            }
        }
    }

    fn rgb(&self) -> RgbImage {
        let bytes = self.px.iter().flat_map(|c| c.map(|v| v.round().clamp(0.0, 255.0) as u8)).collect();
        RgbImage::from_raw(self.w as u32, self.h as u32, bytes).expect("w×h×3 bytes")
    }
}

/// Coverage in [0, 1] per pixel: the silhouette of a layer, drawn shape
/// by shape, then painted at once.
struct Mask {
    w: usize,
    h: usize,
    a: Vec<f32>,
}

impl Mask {
    fn new((w, h): (usize, usize)) -> Mask {
        Mask { w, h, a: vec![0.0; w * h] }
    }

    fn add(&mut self, b: [f32; 4], sdf: impl Fn(P) -> f32) {
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
    fn below(&mut self, top: impl Fn(f32) -> f32) {
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
    fn stroke(&mut self, points: &[P], r0: f32, r1: f32) {
        let n = points.len().saturating_sub(1).max(1) as f32;
        for (i, pair) in points.windows(2).enumerate() {
            let r = r0 + (r1 - r0) * (i as f32 + 0.5) / n;
            let (a, b) = (pair[0], pair[1]);
            self.add(bounds(&[a, b], r + 2.0), |p| capsule(p, a, b, r));
        }
    }
}

/// Points along the quadratic Bézier curve a → b (control c).
fn curve(a: P, c: P, b: P, steps: usize) -> Vec<P> {
    (0..=steps)
        .map(|i| {
            let t = i as f32 / steps as f32;
            let u = 1.0 - t;
            (u * u * a.0 + 2.0 * u * t * c.0 + t * t * b.0, u * u * a.1 + 2.0 * u * t * c.1 + t * t * b.1)
        })
        .collect()
}

// ---------------------------------------------------------------------------
// The news illustrations

/// Snow-capped peaks at sunrise above a forest (COOPJOP: winter Games).
fn alpine_sunrise() -> Canvas {
    let (w, h) = (PHOTO.0 as f32, PHOTO.1 as f32);
    let mut c = Canvas::new(PHOTO);
    let sky = [
        (0.0, hex(0x14284f)),
        (0.22, hex(0x34508a)),
        (0.40, hex(0x9a7fa6)),
        (0.52, hex(0xf0a68a)),
        (0.60, hex(0xffd2a1)),
    ];
    c.fill(|(x, y)| {
        let base = gradient(&sky, y / h);
        // Thin clouds lit from below.
        let streak = fbm(x / 520.0, y / 46.0, 7, 5);
        let band = smoothstep(0.12, 0.22, y / h) * (1.0 - smoothstep(0.36, 0.46, y / h));
        mix(base, hex(0xf7c2b0), smoothstep(0.55, 0.75, streak) * band * 0.55)
    });
    let sun = (0.66 * w, 0.47 * h);
    c.glow(sun, 420.0, hex(0xffc98f), 0.55);
    c.glow(sun, 120.0, hex(0xfff1d8), 0.8);
    c.solid(bounds(&[sun], 60.0), |p| circle(p, sun, 48.0), hex(0xfff6e4));

    // Far range, hazy, snow on its upper half.
    let far_top = |x: f32| h * (0.47 - 0.11 * ridged(x / 520.0, 11, 4));
    let mut far = Mask::new(PHOTO);
    far.below(far_top);
    c.layer(&far, |(x, y)| {
        let depth = y - far_top(x);
        let snow = smoothstep(90.0, 40.0, depth - 60.0 * fbm(x / 110.0, 0.5, 12, 3));
        let rock = mix(hex(0x8f80aa), hex(0xa592b4), fbm(x / 150.0, y / 300.0, 13, 2));
        mix(rock, hex(0xefd6dc), snow * 0.8)
    });

    // The main peaks: snow lit pink on the faces that look towards the
    // sun, blue in the shade, rock showing through lower down.
    let crest = |x: f32| h * (0.64 - 0.30 * ridged(x / 900.0, 21, 5).powf(1.6));
    let mut peaks = Mask::new(PHOTO);
    peaks.below(crest);
    c.layer(&peaks, |(x, y)| {
        let depth = y - crest(x);
        // A face slopes down towards the sun (on the right) where the crest
        // is lower on its right, at a reach growing with the depth.
        let reach = 24.0 + 0.7 * depth;
        let slope = (crest(x + reach) - crest(x - reach)) / (2.0 * reach);
        let gully = fbm(x / 80.0 + depth / 150.0, depth / 300.0, 22, 3) - 0.5;
        let lit = (0.5 + 1.4 * slope + 1.1 * gully).clamp(0.0, 1.0);
        let snowline = 230.0 + 250.0 * fbm(x / 240.0, 0.5, 23, 3);
        let rocky = fbm(x / 45.0, y / 110.0, 24, 4) - 0.5;
        let snow = smoothstep(snowline + 14.0, snowline - 14.0, depth + 260.0 * rocky);
        let snow_colour = mix(hex(0x7d8fb8), hex(0xfde4da), smoothstep(0.38, 0.62, lit));
        let rock_colour = mix(hex(0x343a58), hex(0x8a6f7c), lit * 0.8);
        let haze = smoothstep(0.0, 600.0, depth) * 0.25;
        mix(mix(rock_colour, snow_colour, snow), hex(0x6c6f93), haze)
    });

    // A forested hill with fir trees on its crest.
    let mut rng = Rng(31);
    let mut forest = Mask::new(PHOTO);
    let hill = |x: f32| h * (0.80 - 0.06 * fbm(x / 700.0, 3.0, 32, 3) - 0.03 * (x / w * PI).sin());
    forest.below(hill);
    let mut x = -20.0;
    while x < w + 20.0 {
        let tall = rng.range(70.0, 170.0);
        let base = hill(x) + 12.0;
        let half = tall * 0.22;
        let tree = [(x, base - tall), (x + half, base), (x - half, base)];
        forest.add(bounds(&tree, 2.0), |p| polygon(p, &tree));
        x += rng.range(14.0, 34.0);
    }
    c.layer(&forest, |(x, y)| {
        let mist = 1.0 - smoothstep(0.66 * h, 0.86 * h, y);
        mix(hex(0x18222e), hex(0x3a4860), mist * 0.5 + 0.15 * fbm(x / 30.0, y / 30.0, 33, 2))
    });

    // Snowfield in front, with soft blue hollows.
    let mut field = Mask::new(PHOTO);
    let edge = |x: f32| h * (0.885 + 0.025 * (x / w * 2.6 + 0.4).sin() + 0.01 * fbm(x / 200.0, 5.0, 41, 3));
    field.below(edge);
    c.layer(&field, |(x, y)| {
        let shade = fbm(x / 420.0, y / 60.0, 42, 4);
        let base = mix(hex(0xf6e7e4), hex(0x9fb0d4), smoothstep(0.4, 0.7, shade));
        mix(base, hex(0xb8c4e0), smoothstep(0.0, 120.0, y - edge(x)) * 0.3)
    });
    c.grain(1, 2.2);
    c
}

/// A lagoon at sunset, mangroves on the left, palm trees on the right
/// (COOP'R: biodiversity and protected areas).
fn lagoon_sunset() -> Canvas {
    let (w, h) = (PHOTO.0 as f32, PHOTO.1 as f32);
    let horizon = 0.58 * h;
    let stops = [
        (0.0, hex(0x241d4a)),
        (0.22, hex(0x5a3a72)),
        (0.40, hex(0xc2576a)),
        (0.50, hex(0xf08a55)),
        (0.58, hex(0xffc27a)),
    ];
    let sun = (0.44 * w, 0.535 * h);
    let sky = move |x: f32, y: f32| {
        let base = gradient(&stops, y / h);
        let cloud = fbm(x / 700.0, y / 55.0, 51, 5);
        let band = smoothstep(0.10, 0.20, y / h) * (1.0 - smoothstep(0.40, 0.50, y / h));
        let sunlit = mix(hex(0x6b3a66), hex(0xffb07a), 1.0 - smoothstep(0.0, 0.7 * w, (x - sun.0).abs()));
        mix(base, sunlit, smoothstep(0.52, 0.72, cloud) * band * 0.8)
    };
    let mut c = Canvas::new(PHOTO);
    c.fill(|(x, y)| {
        if y < horizon {
            return sky(x, y);
        }
        // The sky seen in the water: mirrored, rippled, darker.
        let depth = (y - horizon) / (h - horizon);
        let ripple = (fbm(x / 300.0, y / 9.0, 52, 4) - 0.5) * (20.0 + 160.0 * depth);
        let mirrored = (2.0 * horizon - y + ripple * 0.4).clamp(0.0, horizon - 1.0);
        let seen = sky(x + ripple, mirrored);
        mix(scale(seen, 0.78), hex(0x1c2a4a), 0.25 + 0.45 * depth)
    });
    c.glow(sun, 520.0, hex(0xffb46e), 0.5);
    c.glow(sun, 140.0, hex(0xffe7b8), 0.8);
    c.solid(bounds(&[sun], 80.0), |p| circle(p, sun, 70.0), hex(0xfff0c8));

    // The sun's path on the water: broken bright dashes.
    let (xs, ys) = pixels([sun.0 - 500.0, horizon, sun.0 + 500.0, h], c.w, c.h);
    for y in ys {
        let depth = (y as f32 - horizon) / (h - horizon);
        let spread = 60.0 + 420.0 * depth;
        for x in xs.clone() {
            let fx = x as f32;
            let across = 1.0 - smoothstep(0.3 * spread, spread, (fx - sun.0).abs());
            let dash = smoothstep(0.58, 0.78, fbm(fx / (40.0 + 90.0 * depth), y as f32 / 4.0, 53, 3));
            c.blend(y * c.w + x, hex(0xffd9a0), across * dash * (0.85 - 0.5 * depth));
        }
    }

    // Low wooded shore along the horizon.
    let mut shore = Mask::new(PHOTO);
    shore.below(|x| horizon - 8.0 - 22.0 * fbm(x / 60.0, 1.0, 54, 3) - 30.0 * fbm(x / 500.0, 2.0, 55, 2));
    let mut below_horizon = Mask::new(PHOTO);
    below_horizon.below(|_| horizon + 4.0);
    for (s, b) in shore.a.iter_mut().zip(&below_horizon.a) {
        *s *= 1.0 - b;
    }
    c.layer(&shore, |_| hex(0x3a2440));

    // Mangroves: a mass of rounded crowns on arching roots, and their
    // reflection.
    let mut rng = Rng(61);
    let mut mangrove = Mask::new(PHOTO);
    let waterline = horizon + 70.0;
    for _ in 0..130 {
        let x = rng.range(-100.0, 0.34 * w);
        let taper = 1.0 - x / (0.34 * w);
        let y = waterline - 150.0 - rng.range(0.0, 330.0) * taper.sqrt();
        let r = rng.range(40.0, 95.0) * (0.55 + 0.45 * taper);
        mangrove.add(bounds(&[(x, y)], r + 2.0), |p| circle(p, (x, y), r));
    }
    // Prop roots leave the trunks sideways and arch down into the water.
    for _ in 0..70 {
        let top = (rng.range(-40.0, 0.31 * w), waterline - rng.range(120.0, 200.0));
        let out = if rng.next() < 0.5 { -1.0 } else { 1.0 } * rng.range(50.0, 170.0);
        let foot = (top.0 + out, waterline + rng.range(-4.0, 8.0));
        let bend = (foot.0, top.1 + rng.range(0.0, 30.0));
        mangrove.stroke(&curve(top, bend, foot, 16), 6.0, 2.5);
    }
    c.layer(&mangrove, |_| hex(0x1d1327));
    let mut reflection = Mask::new(PHOTO);
    for y in (waterline as usize)..c.h {
        let source = 2.0 * waterline - y as f32;
        if source < 0.0 {
            continue;
        }
        for x in 0..c.w {
            let wobble = (fbm(x as f32 / 200.0, y as f32 / 8.0, 62, 3) - 0.5) * 40.0;
            let sx = ((x as f32 + wobble) as usize).min(c.w - 1);
            reflection.a[y * c.w + x] = mangrove.a[source as usize * c.w + sx] * 0.7;
        }
    }
    c.layer(&reflection, |_| hex(0x1a1630));

    // Two palm trees on the right bank.
    let mut palms = Mask::new(PHOTO);
    palms.below(|x| {
        waterline + 30.0 - 80.0 * smoothstep(0.75 * w, 0.92 * w, x) + 0.5 * h * smoothstep(0.80 * w, 0.55 * w, x)
    });
    for (foot, top) in
        [((0.83 * w, waterline + 10.0), (0.76 * w, 0.17 * h)), ((0.90 * w, waterline), (0.95 * w, 0.27 * h))]
    {
        let bend = ((foot.0 + top.0) / 2.0 + 90.0, (foot.1 + top.1) / 2.0);
        palms.stroke(&curve(foot, bend, top, 24), 20.0, 11.0);
        for k in 0..11 {
            // Fronds all around the crown, arching out then drooping,
            // with leaflets hanging from them.
            let angle = -PI + k as f32 * PI / 10.0 + 0.12 * (k as f32 * 1.7).sin();
            let reach = 250.0 + 70.0 * (k as f32 * 2.3).sin();
            let droop = 40.0 + 110.0 * angle.cos().abs();
            let tip = (top.0 + angle.cos() * reach, top.1 + angle.sin() * reach * 0.45 + droop);
            let mid = (top.0 + angle.cos() * reach * 0.6, top.1 - 40.0 + angle.sin() * reach * 0.4);
            let frond = curve(top, mid, tip, 20);
            palms.stroke(&frond, 9.0, 2.0);
            for (i, pair) in frond.windows(2).enumerate().skip(2) {
                let (a, b) = (pair[0], pair[1]);
                let (dx, dy) = (b.0 - a.0, b.1 - a.1);
                let norm = length(dx, dy).max(1e-3);
                let long = 70.0 * (1.0 - i as f32 / 22.0);
                for side in [-1.0, 1.0] {
                    // Leaflets lean forward along the frond and hang down.
                    let end = (a.0 + (dx / norm * 0.6 + side * 0.15) * long, a.1 + (dy / norm * 0.6 + 0.8) * long);
                    palms.stroke(&[a, end], 3.5, 1.2);
                }
            }
        }
    }
    c.layer(&palms, |_| hex(0x1a1222));

    // Reeds in the foreground and a few birds in the sky.
    let mut reeds = Mask::new(PHOTO);
    for _ in 0..90 {
        let foot = (rng.range(0.40 * w, w + 40.0), h + 10.0);
        let tall = rng.range(120.0, 360.0);
        let lean = rng.range(-70.0, 50.0);
        let top = (foot.0 + lean, foot.1 - tall);
        reeds.stroke(&curve(foot, (foot.0, foot.1 - tall * 0.6), top, 12), 4.0, 1.2);
    }
    for _ in 0..6 {
        let (x, y, span) = (rng.range(0.2 * w, 0.7 * w), rng.range(0.12 * h, 0.35 * h), rng.range(18.0, 34.0));
        let wing =
            |side: f32| curve((x, y), (x + side * span * 0.5, y - span * 0.5), (x + side * span, y - span * 0.1), 8);
        reeds.stroke(&wing(1.0), 3.0, 1.5);
        reeds.stroke(&wing(-1.0), 3.0, 1.5);
    }
    c.layer(&reeds, |_| hex(0x160f1c));
    c.grain(2, 2.2);
    c
}

/// Old town roofs dominated by a belfry whose spire reaches the top of the
/// picture, bunting across the street (the twinning study).
fn belfry_rooftops() -> Canvas {
    let (w, h) = (PHOTO.0 as f32, PHOTO.1 as f32);
    let mut c = Canvas::new(PHOTO);
    let sky = [(0.0, hex(0x3f78bd)), (0.45, hex(0x8db8e0)), (0.75, hex(0xd8e8f2))];
    c.fill(|(x, y)| {
        let base = gradient(&sky, y / h);
        let cloud = fbm(x / 520.0, y / 200.0, 71, 6);
        mix(base, hex(0xfbfcfd), smoothstep(0.52, 0.75, cloud) * 0.9)
    });
    let mut hills = Mask::new(PHOTO);
    hills.below(|x| h * (0.60 - 0.05 * fbm(x / 600.0, 1.0, 72, 4)));
    c.layer(&hills, |(x, y)| mix(hex(0x7f9db0), hex(0x6d8f7e), fbm(x / 80.0, y / 80.0, 73, 3) * 0.5));

    // The belfry: a stone tower, an open bell stage, a clock and a slate spire.
    let axis = 0.56 * w;
    let stone = |(x, y): P, half: f32| {
        let lit = if x < axis { 1.0 } else { 0.78 };
        let course = if (y % 34.0) < 3.0 { 0.9 } else { 1.0 };
        let weathered = 0.92 + 0.12 * fbm(x / 25.0, y / 25.0, 74, 3);
        let edge = 1.0 - 0.15 * smoothstep(half * 0.7, half, (x - axis).abs());
        scale(hex(0xdcc8a2), lit * course * weathered * edge)
    };
    let (tower_top, stage_top) = (0.37 * h, 0.20 * h);
    c.shape(
        [axis - 130.0, tower_top, axis + 130.0, h],
        |p| rounded_box(p, (axis, (tower_top + h) / 2.0), (125.0, (h - tower_top) / 2.0), 0.0, 2.0),
        1.0,
        |p| stone(p, 125.0),
        1.0,
    );
    c.shape(
        [axis - 110.0, stage_top, axis + 110.0, tower_top + 4.0],
        |p| {
            rounded_box(
                p,
                (axis, (stage_top + tower_top) / 2.0 + 2.0),
                (105.0, (tower_top - stage_top) / 2.0 + 2.0),
                0.0,
                2.0,
            )
        },
        1.0,
        |p| stone(p, 105.0),
        1.0,
    );
    c.solid(
        [axis - 150.0, tower_top - 16.0, axis + 150.0, tower_top + 16.0],
        |p| rounded_box(p, (axis, tower_top), (140.0, 12.0), 0.0, 3.0),
        hex(0xbfa987),
    );
    for dx in [-56.0, 0.0, 56.0] {
        let arch = |p: P| {
            let body = rounded_box(p, (axis + dx, stage_top + 150.0), (18.0, 60.0), 0.0, 0.0);
            body.min(circle(p, (axis + dx, stage_top + 90.0), 18.0))
        };
        c.solid([axis + dx - 22.0, stage_top + 66.0, axis + dx + 22.0, stage_top + 214.0], arch, hex(0x2b2a33));
    }
    let clock = (axis, tower_top + 130.0);
    c.solid(bounds(&[clock], 70.0), |p| circle(p, clock, 66.0), hex(0x2f3a52));
    c.solid(bounds(&[clock], 60.0), |p| circle(p, clock, 56.0), hex(0xf4ead2));
    for k in 0..12 {
        let a = k as f32 * TAU / 12.0;
        let (s, co) = a.sin_cos();
        let (p0, p1) = ((clock.0 + 44.0 * co, clock.1 + 44.0 * s), (clock.0 + 51.0 * co, clock.1 + 51.0 * s));
        c.solid(bounds(&[p0, p1], 5.0), |p| capsule(p, p0, p1, 2.5), hex(0x2f3a52));
    }
    for (angle, reach, r) in [(-2.2_f32, 30.0, 4.0), (-0.35_f32, 44.0, 3.0)] {
        let tip = (clock.0 + reach * angle.cos(), clock.1 + reach * angle.sin());
        c.solid(bounds(&[clock, tip], 6.0), |p| capsule(p, clock, tip, r), hex(0x1d2433));
    }
    let spire_tip = (axis, 0.035 * h);
    let spire = [spire_tip, (axis + 125.0, stage_top + 4.0), (axis - 125.0, stage_top + 4.0)];
    c.shape(
        bounds(&spire, 2.0),
        |p| polygon(p, &spire),
        1.0,
        |(x, y)| {
            let lit = if x < axis { 1.0 } else { 0.7 };
            let slates = if ((y - spire_tip.1) % 22.0) < 2.0 { 0.85 } else { 1.0 };
            scale(hex(0x5c6a7e), lit * slates)
        },
        1.0,
    );
    let finial = (spire_tip.0, spire_tip.1 - 14.0);
    c.solid(
        [axis - 4.0, finial.1 - 20.0, axis + 4.0, spire_tip.1 + 10.0],
        |p| capsule(p, (axis, finial.1 - 18.0), (axis, spire_tip.1 + 6.0), 3.0),
        hex(0x3a3f48),
    );
    c.solid(bounds(&[finial], 12.0), |p| circle(p, finial, 9.0), hex(0xc9a64a));

    // Two rows of houses: gables, tiled roofs, windows, chimneys.
    let facades =
        [hex(0xe2b65c), hex(0xd98f7a), hex(0xefe2c4), hex(0xa9b98d), hex(0x9fb2c4), hex(0xe7c9a0), hex(0xc77d5e)];
    let roofs = [hex(0xb5533c), hex(0x9c4a35), hex(0x6f6a72), hex(0xa8583f)];
    let mut rng = Rng(81);
    for (row, (eaves_from, eaves_to, haze)) in [(0.60, 0.68, 0.35), (0.70, 0.80, 0.0)].into_iter().enumerate() {
        let mut x = -rng.range(0.0, 120.0);
        while x < w {
            let width = rng.range(150.0, 270.0) * if row == 0 { 0.75 } else { 1.0 };
            if row == 0 && (x + width > axis - 140.0 && x < axis + 140.0) {
                x += width;
                continue;
            }
            let eaves = h * rng.range(eaves_from, eaves_to);
            let wall = mix(facades[(rng.next() * facades.len() as f32) as usize], hex(0xa9c0d4), haze);
            let roof = mix(roofs[(rng.next() * roofs.len() as f32) as usize], hex(0xa9c0d4), haze);
            let pitch = rng.range(0.45, 0.8) * width * 0.5;
            c.solid(
                [x, eaves, x + width, h],
                |p| rounded_box(p, (x + width / 2.0, (eaves + h) / 2.0), (width / 2.0, (h - eaves) / 2.0), 0.0, 0.0),
                wall,
            );
            if rng.next() < 0.5 {
                let chimney = x + width * rng.range(0.2, 0.8);
                c.solid(
                    [chimney - 16.0, eaves - pitch - 30.0, chimney + 16.0, eaves],
                    |p| rounded_box(p, (chimney, eaves - pitch * 0.6), (14.0, pitch * 0.6 + 10.0), 0.0, 1.0),
                    scale(roof, 0.8),
                );
            }
            let gable = [(x - 12.0, eaves + 4.0), (x + width / 2.0, eaves - pitch), (x + width + 12.0, eaves + 4.0)];
            c.shape(
                bounds(&gable, 2.0),
                |p| polygon(p, &gable),
                1.0,
                |(_, y)| scale(roof, if (eaves - y).rem_euclid(18.0) < 3.0 { 0.85 } else { 1.0 }), // tile courses
                1.0,
            );
            let floors = ((h - eaves) / 130.0) as usize;
            let columns = (width / 80.0) as usize;
            for f in 0..floors {
                for k in 0..columns {
                    let cx = x + width * (k as f32 + 0.5) / columns as f32;
                    let cy = eaves + 70.0 + f as f32 * 130.0;
                    let pane = mix(hex(0x33404f), hex(0xa9c0d4), haze);
                    c.solid(
                        [cx - 30.0, cy - 44.0, cx + 30.0, cy + 44.0],
                        |p| rounded_box(p, (cx, cy), (26.0, 40.0), 0.0, 2.0),
                        scale(wall, 0.8),
                    );
                    c.solid(
                        [cx - 24.0, cy - 38.0, cx + 24.0, cy + 38.0],
                        |p| rounded_box(p, (cx, cy), (20.0, 34.0), 0.0, 1.0),
                        pane,
                    );
                }
            }
            x += width;
        }
    }

    // Bunting across the street.
    let flags = [hex(0xd64541), hex(0xf2c14e), hex(0x3f88c5), hex(0x44af69), hex(0xf8f4e3)];
    for (k, (left, right, sag)) in
        [((0.0, 0.74 * h), (w, 0.70 * h), 120.0), ((0.0, 0.86 * h), (w, 0.83 * h), 90.0)].into_iter().enumerate()
    {
        let mid = ((left.0 + right.0) / 2.0, (left.1 + right.1) / 2.0 + 2.0 * sag);
        let line = curve(left, mid, right, 60);
        let mut cord = Mask::new(PHOTO);
        cord.stroke(&line, 2.0, 2.0);
        c.layer(&cord, |_| hex(0x3b3b3b));
        let points = curve(left, mid, right, 40);
        for (i, pair) in points.windows(2).enumerate() {
            let (a, b) = (pair[0], pair[1]);
            let tip = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0 + 62.0);
            let flag = [a, b, tip];
            c.solid(bounds(&flag, 2.0), |p| polygon(p, &flag), flags[(i + k * 2) % flags.len()]);
        }
    }
    c.grain(3, 2.2);
    c
}

/// A meeting table seen from above: chairs, laptops, papers, sticky notes,
/// cups and a plant (COOPJOP: the working groups).
fn meeting_table() -> Canvas {
    let (w, h) = (PHOTO.0 as f32, PHOTO.1 as f32);
    let mut c = Canvas::new(PHOTO);
    c.fill(|(x, y)| {
        let weave = fbm(x / 4.0, y / 4.0, 91, 1);
        let patch = fbm(x / 300.0, y / 300.0, 92, 4);
        mix(hex(0x4d5e6e), hex(0x6c7f90), 0.2 * weave + 0.8 * patch)
    });
    let centre = (w / 2.0, h / 2.0);
    let half = (880.0, 360.0);
    let table = |p: P| rounded_box(p, centre, half, 0.0, 340.0);
    let table_box = [centre.0 - half.0, centre.1 - half.1, centre.0 + half.0, centre.1 + half.1];

    // Chairs first: the table hides their front.
    let mut chairs: Vec<(P, f32)> = Vec::new();
    for k in 0..5 {
        let x = centre.0 + (k as f32 - 2.0) * 300.0;
        chairs.push(((x, centre.1 - half.1 - 30.0), 0.0));
        chairs.push(((x, centre.1 + half.1 + 30.0), PI));
    }
    chairs.push(((centre.0 - half.0 - 30.0, centre.1), -PI / 2.0));
    chairs.push(((centre.0 + half.0 + 30.0, centre.1), PI / 2.0));
    for &(at, angle) in &chairs {
        let seat = |p: P| rounded_box(p, at, (95.0, 85.0), angle, 28.0);
        let (s, co) = angle.sin_cos();
        let back_at = (at.0 + 88.0 * s, at.1 - 88.0 * co);
        let back = |p: P| rounded_box(p, back_at, (105.0, 22.0), angle, 18.0);
        let b = bounds(&[at], 150.0);
        c.shadow(b, seat, (16.0, 22.0), 24.0, 0.45);
        c.shape(b, seat, 1.0, |(x, y)| mix(hex(0x23404f), hex(0x2f5568), fbm(x / 30.0, y / 30.0, 93, 2)), 1.0);
        c.solid(b, back, hex(0x1b2f3b));
    }

    c.shadow(table_box, table, (22.0, 30.0), 40.0, 0.55);
    c.shape(
        table_box,
        table,
        1.0,
        |(x, y)| {
            let grain = (y / 9.0 + 7.0 * fbm(x / 420.0, y / 60.0, 94, 4)).sin() * 0.5 + 0.5;
            let board = ((x - table_box[0]) / 292.0).floor();
            let tone = 0.94 + 0.08 * hash(board as i32, 0, 95);
            scale(mix(hex(0xc39a6b), hex(0xd9b88e), grain * 0.7), tone)
        },
        1.0,
    );

    // One place per chair: a laptop or papers, a cup, a pen.
    let mut rng = Rng(101);
    for (i, &(at, angle)) in chairs.iter().enumerate() {
        let (s, co) = angle.sin_cos();
        let inward = |d: f32, side: f32| (at.0 - d * s + side * co, at.1 + d * co + side * s);
        let tilt = angle + rng.range(-0.12, 0.12);
        if i % 3 != 1 {
            // A laptop: the lid's edge away from its user, the keyboard
            // and the touchpad towards them.
            let base = inward(150.0, 0.0);
            let body = |p: P| rounded_box(p, base, (100.0, 70.0), tilt, 10.0);
            let b = bounds(&[base], 140.0);
            c.shadow(b, body, (8.0, 12.0), 12.0, 0.4);
            c.solid(b, body, hex(0xb9bec6));
            let keys = inward(165.0, 0.0);
            c.solid(b, |p| rounded_box(p, keys, (86.0, 34.0), tilt, 5.0), hex(0x3b4048));
            let pad = inward(108.0, 0.0);
            c.solid(b, |p| rounded_box(p, pad, (30.0, 15.0), tilt, 4.0), hex(0xa6abb3));
            let lid = inward(216.0, 0.0);
            c.solid(b, |p| rounded_box(p, lid, (100.0, 7.0), tilt, 3.0), hex(0x7c828c));
        } else {
            for sheet in 0..2 {
                let at_sheet = inward(165.0 + sheet as f32 * 10.0, sheet as f32 * 20.0 - 10.0);
                let turn = tilt + rng.range(-0.15, 0.15);
                let paper = |p: P| rounded_box(p, at_sheet, (74.0, 104.0), turn, 2.0);
                let b = bounds(&[at_sheet], 150.0);
                c.shadow(b, paper, (6.0, 9.0), 10.0, 0.35);
                c.solid(b, paper, hex(0xf7f5ef));
                let (ts, tc) = turn.sin_cos();
                for line in 0..8 {
                    let along = -78.0 + line as f32 * 22.0;
                    let width = if line % 4 == 3 { 28.0 } else { 56.0 };
                    let mid = (at_sheet.0 - along * ts, at_sheet.1 + along * tc);
                    c.solid(b, |p| rounded_box(p, mid, (width, 3.5), turn, 3.0), hex(0x9aa0a8));
                }
            }
        }
        // The cup on the side towards the middle of the table, where its
        // rounded ends leave room.
        let end = co.abs() < 0.5;
        let cup =
            if end { inward(200.0, 150.0) } else { inward(80.0, -140.0 * (at.0 - centre.0).signum() * co.signum()) };
        let b = bounds(&[cup], 70.0);
        c.shadow(b, |p| circle(p, cup, 36.0), (6.0, 9.0), 10.0, 0.35);
        let handle = (cup.0 + 40.0 * co, cup.1 + 40.0 * s);
        c.solid(b, |p| capsule(p, cup, handle, 8.0), hex(0xf4f4f1));
        c.solid(b, |p| circle(p, cup, 36.0), hex(0xe9e9e6));
        c.solid(b, |p| circle(p, cup, 27.0), hex(0xfafaf7));
        c.solid(b, |p| circle(p, cup, 21.0), hex(0x5a3a22));
        let pen = inward(262.0, -110.0);
        let pen_turn = angle + rng.range(-0.4, 0.4);
        let (ps, pc) = pen_turn.sin_cos();
        let (a, z) = ((pen.0 - 50.0 * pc, pen.1 - 50.0 * ps), (pen.0 + 50.0 * pc, pen.1 + 50.0 * ps));
        c.solid(bounds(&[a, z], 10.0), |p| capsule(p, a, z, 5.0), [hex(0x2457a6), hex(0x1f1f1f), hex(0xc0392b)][i % 3]);
    }

    // Sticky notes from a workshop, and a plant in the middle.
    let notes = [hex(0xf7e26b), hex(0xf49ac1), hex(0x9be3a8), hex(0x8fd3f4)];
    for k in 0..14 {
        let at = (
            centre.0 - 480.0 + (k % 7) as f32 * 160.0 + rng.range(-20.0, 20.0),
            centre.1 - 55.0 + (k / 7) as f32 * 110.0 + rng.range(-12.0, 12.0),
        );
        if (at.0 - centre.0).abs() < 170.0 {
            continue;
        }
        let turn = rng.range(-0.25, 0.25);
        let note = |p: P| rounded_box(p, at, (42.0, 42.0), turn, 3.0);
        let b = bounds(&[at], 90.0);
        c.shadow(b, note, (4.0, 6.0), 8.0, 0.3);
        c.shape(
            b,
            note,
            1.0,
            |(x, y)| scale(notes[k % notes.len()], 0.96 + 0.06 * fbm(x / 20.0, y / 20.0, 96, 2)),
            1.0,
        );
    }
    let b = bounds(&[centre], 200.0);
    c.shadow(b, |p| circle(p, centre, 70.0), (10.0, 14.0), 20.0, 0.45);
    c.solid(b, |p| circle(p, centre, 70.0), hex(0xb5654a));
    for k in 0..26 {
        let angle = k as f32 * 2.39996;
        let reach = 80.0 + 70.0 * hash(k, 1, 97);
        let tip = (centre.0 + reach * angle.cos(), centre.1 + reach * angle.sin());
        let colour = mix(hex(0x2f6b3a), hex(0x6fae5b), hash(k, 2, 98));
        c.shadow(b, |p| capsule(p, centre, tip, 20.0), (8.0, 10.0), 14.0, 0.12);
        c.solid(b, |p| capsule(p, centre, tip, 19.0 - 7.0 * hash(k, 3, 99)), colour);
    }
    c.grain(4, 2.2);
    c
}

/// An arched footbridge over a river in the morning: the starter site's
/// image, smaller and quieter than the demo's.
fn footbridge() -> Canvas {
    let (w, h) = (WELCOME.0 as f32, WELCOME.1 as f32);
    let horizon = 0.50 * h;
    let stops = [(0.0, hex(0x7fa7d6)), (0.30, hex(0xbcd3ea)), (0.50, hex(0xf3e2c7))];
    let sky = move |x: f32, y: f32| {
        let cloud = fbm(x / 260.0, y / 60.0, 111, 4);
        mix(gradient(&stops, y / h), hex(0xfdf8f0), smoothstep(0.55, 0.8, cloud) * 0.7)
    };
    let mut c = Canvas::new(WELCOME);
    c.fill(|(x, y)| {
        if y < horizon {
            return sky(x, y);
        }
        let depth = (y - horizon) / (h - horizon);
        let ripple = (fbm(x / 160.0, y / 5.0, 112, 3) - 0.5) * (8.0 + 50.0 * depth);
        let seen = sky(x + ripple, (2.0 * horizon - y).max(0.0));
        mix(scale(seen, 0.85), hex(0x4b7a8c), 0.3 + 0.4 * depth)
    });
    c.glow((0.22 * w, 0.24 * h), 200.0, hex(0xfff1d0), 0.6);

    // Wooded hills far away, then the banks of the river, which widens
    // towards the viewer, and big trees at both sides.
    let mut far = Mask::new(WELCOME);
    let hills = |x: f32| horizon - 24.0 - 40.0 * fbm(x / 180.0, 1.0, 113, 3) - 14.0 * fbm(x / 30.0, 2.0, 114, 2);
    far.add([0.0, 0.0, w, horizon + 2.0], |(x, y)| (hills(x) - y).max(y - horizon));
    c.layer(&far, |(x, y)| mix(hex(0x6f8f86), hex(0x8eaa92), fbm(x / 60.0, y / 60.0, 115, 2)));
    let river = |y: f32| (0.40 * w - (y - horizon) * 0.75, 0.60 * w + (y - horizon) * 0.75);
    let mut banks = Mask::new(WELCOME);
    banks.add([0.0, horizon - 2.0, w, h], |(x, y)| {
        let (left, right) = river(y);
        let wander = 10.0 * (fbm(y / 40.0, x / 400.0, 118, 2) - 0.5) * (y - horizon) / 100.0;
        (horizon - y).max((x - left + wander).min(right - x + wander))
    });
    let mut rng = Rng(121);
    for _ in 0..18 {
        let x = if rng.next() < 0.5 { rng.range(-40.0, 0.2 * w) } else { rng.range(0.8 * w, w + 40.0) };
        let (y, r) = (horizon - rng.range(60.0, 170.0), rng.range(45.0, 85.0));
        banks.add(bounds(&[(x, y)], r + 2.0), |p| circle(p, (x, y), r));
    }
    c.layer(&banks, |(x, y)| mix(hex(0x3f6b46), hex(0x7da05a), fbm(x / 90.0, y / 60.0, 116, 3)));

    // The footbridge: an arch from bank to bank, its deck and railing,
    // and its reflection in the river.
    let footing = horizon + 125.0;
    let mut bridge = Mask::new(WELCOME);
    let arch = curve((0.27 * w, footing), (w / 2.0, footing - 270.0), (0.73 * w, footing), 48);
    bridge.stroke(&arch, 8.0, 8.0);
    let deck_y = |x: f32| horizon - 18.0 + 70.0 * ((x - w / 2.0) / (0.26 * w)).powi(2);
    let deck: Vec<P> = (0..=40)
        .map(|i| {
            let x = 0.24 * w + 0.52 * w * i as f32 / 40.0;
            (x, deck_y(x))
        })
        .collect();
    bridge.stroke(&deck, 5.0, 5.0);
    let rail: Vec<P> = deck.iter().map(|&(x, y)| (x, y - 36.0)).collect();
    bridge.stroke(&rail, 2.5, 2.5);
    for &(x, y) in deck.iter().step_by(2) {
        bridge.stroke(&[(x, y), (x, y - 36.0)], 1.8, 1.8);
    }
    for &(x, y) in arch.iter().step_by(3) {
        if y > deck_y(x) + 6.0 {
            bridge.stroke(&[(x, y), (x, deck_y(x))], 2.5, 2.5);
        }
    }
    let mut reflection = Mask::new(WELCOME);
    for y in (footing as usize)..c.h {
        let source = 2.0 * footing - y as f32;
        let (left, right) = river(y as f32);
        for x in (left.max(0.0) as usize)..(right.min(w) as usize) {
            let wobble = (fbm(x as f32 / 90.0, y as f32 / 4.0, 117, 2) - 0.5) * 16.0;
            let sx = ((x as f32 + wobble).max(0.0) as usize).min(c.w - 1);
            reflection.a[y * c.w + x] = bridge.a[source.max(0.0) as usize * c.w + sx] * 0.45;
        }
    }
    c.layer(&reflection, |_| hex(0x2e4550));
    c.layer(&bridge, |_| hex(0x3a3f4a));
    c.grain(5, 1.6);
    c
}

// ---------------------------------------------------------------------------
// Placeholder logos

#[derive(Clone, Copy)]
enum Logo {
    Circle,
    Peaks,
    Hexagon,
    Wave,
}

impl Logo {
    const ALL: [Logo; 4] = [Logo::Circle, Logo::Peaks, Logo::Hexagon, Logo::Wave];

    fn name(self) -> &'static str {
        match self {
            Logo::Circle => "circle",
            Logo::Peaks => "peaks",
            Logo::Hexagon => "hexagon",
            Logo::Wave => "wave",
        }
    }

    fn colour(self) -> Rgb {
        match self {
            Logo::Circle => hex(0xe07a2e),
            Logo::Peaks => hex(0x2e6f9e),
            Logo::Hexagon => hex(0x3d8c5a),
            Logo::Wave => hex(0x7a4fa0),
        }
    }

    /// A shape on the left, grey bars where a name would be written, inside
    /// a dashed frame that says "placeholder": transparent elsewhere.
    fn draw(self) -> RgbaImage {
        let (w, h) = (LOGO.0 as f32, LOGO.1 as f32);
        let mut layers: Vec<(Mask, Rgb)> = Vec::new();
        let mut add = |colour: Rgb, draw: &dyn Fn(&mut Mask)| {
            let mut mask = Mask::new(LOGO);
            draw(&mut mask);
            layers.push((mask, colour));
        };
        let grey = hex(0x9aa1ab);
        add(hex(0xb8bec6), &|m| {
            let frame =
                |p: P| rounded_box(p, (w / 2.0, h / 2.0), (w / 2.0 - 8.0, h / 2.0 - 8.0), 0.0, 24.0).abs() - 2.5;
            let dashes = |p: P| {
                let along = if (p.1 - h / 2.0).abs() > h / 2.0 - 40.0 { p.0 } else { p.1 };
                if along.rem_euclid(36.0) < 20.0 { frame(p) } else { 1.0 }
            };
            m.add([0.0, 0.0, w, h], dashes);
        });
        let emblem = (140.0, h / 2.0);
        let colour = self.colour();
        add(colour, &|m| match self {
            Logo::Circle => {
                m.add(bounds(&[emblem], 80.0), |p| circle(p, emblem, 74.0).max(-circle(p, emblem, 44.0)));
                m.add(bounds(&[emblem], 30.0), |p| circle(p, emblem, 26.0));
            }
            Logo::Peaks => {
                let big = [
                    (emblem.0 - 85.0, emblem.1 + 60.0),
                    (emblem.0 + 5.0, emblem.1 - 70.0),
                    (emblem.0 + 85.0, emblem.1 + 60.0),
                ];
                m.add(bounds(&big, 2.0), |p| polygon(p, &big));
            }
            Logo::Hexagon => {
                let corners: Vec<P> = (0..6)
                    .map(|k| {
                        let a = k as f32 * TAU / 6.0;
                        (emblem.0 + 78.0 * a.cos(), emblem.1 + 78.0 * a.sin())
                    })
                    .collect();
                m.add(bounds(&corners, 2.0), |p| polygon(p, &corners).max(-circle(p, emblem, 30.0)));
            }
            Logo::Wave => {
                m.add(bounds(&[emblem], 80.0), |p| rounded_box(p, emblem, (72.0, 72.0), 0.0, 22.0));
            }
        });
        match self {
            Logo::Peaks => add(hex(0x8cc3e6), &|m| {
                let small = [
                    (emblem.0 - 20.0, emblem.1 + 60.0),
                    (emblem.0 + 40.0, emblem.1 - 20.0),
                    (emblem.0 + 100.0, emblem.1 + 60.0),
                ];
                m.add(bounds(&small, 2.0), |p| polygon(p, &small));
            }),
            Logo::Wave => add([255.0; 3], &|m| {
                for row in 0..3 {
                    let y0 = emblem.1 - 32.0 + row as f32 * 32.0;
                    let points: Vec<P> = (0..=24)
                        .map(|i| {
                            let x = emblem.0 - 52.0 + 104.0 * i as f32 / 24.0;
                            (x, y0 + 10.0 * ((x - emblem.0) / 16.0).sin())
                        })
                        .collect();
                    m.stroke(&points, 6.0, 6.0);
                }
            }),
            Logo::Circle | Logo::Hexagon => {}
        }
        add(grey, &|m| {
            for (k, length) in [(0, 300.0), (1, 220.0), (2, 140.0)] {
                let y = h / 2.0 - 50.0 + k as f32 * 50.0;
                let at = (250.0 + length / 2.0, y);
                let half = (length / 2.0, if k == 0 { 16.0 } else { 11.0 });
                m.add(bounds(&[at], length / 2.0 + 2.0), |p| rounded_box(p, at, half, 0.0, half.1));
            }
        });

        let mut out = RgbaImage::new(LOGO.0 as u32, LOGO.1 as u32);
        for (i, px) in out.pixels_mut().enumerate() {
            // Layers over each other, "over" compositing on transparency.
            let (mut colour, mut alpha) = ([0.0f32; 3], 0.0f32);
            for (mask, c) in &layers {
                let a = mask.a[i];
                if a > 0.0 {
                    let total = a + alpha * (1.0 - a);
                    for ch in 0..3 {
                        colour[ch] = (c[ch] * a + colour[ch] * alpha * (1.0 - a)) / total;
                    }
                    alpha = total;
                }
            }
            let byte = |v: f32| v.round().clamp(0.0, 255.0) as u8;
            px.0 = [byte(colour[0]), byte(colour[1]), byte(colour[2]), byte(alpha * 255.0)];
        }
        out
    }
}
