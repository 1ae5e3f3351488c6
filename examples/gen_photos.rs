//! Writes synthetic phone-like photos for the image benchmark
//! (`bench/images.sh`).
//!
//! ```text
//! cargo run --release --example gen_photos -- --out DIR [--count N] [--seed S] [--force]
//! ```
//!
//! Each photo is a 4000×3000 JPEG at quality 92, like a 12-megapixel phone
//! camera writes, named `photo-01.jpg`, `photo-02.jpg`… Its content
//! compresses like a photo rather than like a flat test card: a sky and a
//! ground in smooth gradients, slow waves of light, shapes (a sun, hills,
//! buildings, trees) with their own shading, a grainy texture on the ground
//! and per-pixel sensor noise. That makes files of about 4 MB, which the
//! image pipeline must decode in full and then resize.
//!
//! The pictures only depend on the seed and the photo's number. The
//! pseudo-random generator (SplitMix64) is written inline; the `image`
//! crate encodes the JPEG files; rayon writes several photos at once.

use std::fs;
use std::io::{BufWriter, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use image::RgbImage;
use image::codecs::jpeg::JpegEncoder;
use rayon::prelude::*;

const USAGE: &str = "\
usage: gen_photos --out DIR [--count N] [--seed S] [--force]

Writes N synthetic phone-like photos (4000x3000 JPEG, quality 92,
about 4 MB each) into DIR as photo-01.jpg, photo-02.jpg, ...
and prints their total size in bytes.

options:
  --out DIR    folder to write the photos into (created if missing)
  --count N    number of photos (1 to 9999, default 40)
  --seed S     seed of the pseudo-random generator (default 20260115)
  --force      rewrite photos that already exist (default: keep them)
  -h, --help   show this help";

const DEFAULT_COUNT: usize = 40;
const DEFAULT_SEED: u64 = 20_260_115;
const MAX_COUNT: usize = 9_999;
const WIDTH: u32 = 4000;
const HEIGHT: u32 = 3000;
const QUALITY: u8 = 92;

// ---------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------

struct Options {
    out: PathBuf,
    count: usize,
    seed: u64,
    force: bool,
}

enum Command {
    Help,
    Generate(Options),
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut out = None;
    let mut count = DEFAULT_COUNT;
    let mut seed = DEFAULT_SEED;
    let mut force = false;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            match inline.clone().or_else(|| args.next()) {
                Some(v) if !v.is_empty() && !v.starts_with("--") => Ok(v),
                _ => Err(format!("{name} needs a value")),
            }
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--count" => {
                let v = value("--count")?;
                count = v.parse().map_err(|_| format!("--count expects a whole number, got '{v}'"))?;
                if !(1..=MAX_COUNT).contains(&count) {
                    return Err(format!("--count must be between 1 and {MAX_COUNT}, got {count}"));
                }
            }
            "--seed" => {
                let v = value("--seed")?;
                seed = v.parse().map_err(|_| format!("--seed expects a whole number, got '{v}'"))?;
            }
            "--force" if inline.is_none() => force = true,
            _ => return Err(format!("unknown argument '{arg}'")),
        }
    }
    let out = out.ok_or("missing --out DIR")?;
    Ok(Command::Generate(Options { out, count, seed, force }))
}

fn main() -> ExitCode {
    match parse_args(std::env::args().skip(1)) {
        Ok(Command::Help) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::Generate(opts)) => match generate(&opts) {
            Ok(summary) => {
                println!("{summary}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("gen_photos: error: {e}");
                ExitCode::FAILURE
            }
        },
        Err(msg) => {
            eprintln!("gen_photos: error: {msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

// ---------------------------------------------------------------------------
// Pseudo-random numbers (SplitMix64)
// ---------------------------------------------------------------------------

struct Rng(u64);

impl Rng {
    /// The generator of one photo, independent of the order photos are written.
    fn for_photo(seed: u64, number: usize) -> Rng {
        let mut r = Rng(seed ^ (number as u64).wrapping_mul(0xE703_7ED1_A0B4_28DB));
        r.next_u64();
        r
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f32 {
        (self.next_u64() >> 40) as f32 / (1u64 << 24) as f32
    }

    /// Uniform in `[lo, hi)`.
    fn range(&mut self, lo: f32, hi: f32) -> f32 {
        lo + (hi - lo) * self.unit()
    }

    /// A colour near `base`, each channel moved by up to `spread`.
    fn colour_near(&mut self, base: [f32; 3], spread: f32) -> [f32; 3] {
        base.map(|c| (c + self.range(-spread, spread)).clamp(0.0, 255.0))
    }
}

// ---------------------------------------------------------------------------
// The picture
// ---------------------------------------------------------------------------

enum Shape {
    /// A disc or ellipse lit from the top left (sun, tree crown, bush).
    Ellipse { cx: f32, cy: f32, rx: f32, ry: f32, colour: [f32; 3] },
    /// A building: a box darker at its foot, with rows of windows.
    Building { x0: f32, x1: f32, top: f32, bottom: f32, colour: [f32; 3], window: [f32; 3], pitch: f32 },
    /// A hill: the area under a wave that reaches down to the horizon.
    Hill { base: f32, height: f32, phase: f32, period: f32, colour: [f32; 3] },
}

impl Shape {
    /// The colour this shape gives the pixel at (x, y), if it covers it.
    fn colour_at(&self, x: f32, y: f32) -> Option<[f32; 3]> {
        match *self {
            Shape::Ellipse { cx, cy, rx, ry, colour } => {
                let (dx, dy) = ((x - cx) / rx, (y - cy) / ry);
                let d = dx * dx + dy * dy;
                if d > 1.0 {
                    return None;
                }
                // Lighter towards the top left, darker at the rim.
                let light = 1.15 - 0.25 * d - 0.15 * (dx + dy);
                Some(colour.map(|c| c * light))
            }
            Shape::Building { x0, x1, top, bottom, colour, window, pitch } => {
                if x < x0 || x >= x1 || y < top || y >= bottom {
                    return None;
                }
                let (u, v) = ((x - x0) % pitch, (y - top) % (pitch * 1.3));
                if u > pitch * 0.3 && u < pitch * 0.75 && v > pitch * 0.35 && v < pitch * 0.95 {
                    return Some(window);
                }
                let shade = 1.0 - 0.35 * (y - top) / (bottom - top);
                Some(colour.map(|c| c * shade))
            }
            Shape::Hill { base, height, phase, period, colour } => {
                let crest = base - height * (0.5 + 0.5 * (x / period + phase).sin());
                if y < crest || y > base + 2.0 {
                    return None;
                }
                let depth = ((y - crest) / height.max(1.0)).min(1.0);
                Some(colour.map(|c| c * (1.05 - 0.3 * depth)))
            }
        }
    }
}

/// A grid of random values, bilinearly interpolated: a grain coarser than a
/// pixel (grass, gravel, foliage).
struct ValueNoise {
    cell: f32,
    columns: usize,
    values: Vec<f32>,
}

impl ValueNoise {
    fn new(rng: &mut Rng, width: u32, height: u32, cell: u32) -> ValueNoise {
        let columns = (width / cell + 2) as usize;
        let rows = (height / cell + 2) as usize;
        let values = (0..columns * rows).map(|_| rng.range(-1.0, 1.0)).collect();
        ValueNoise { cell: cell as f32, columns, values }
    }

    fn at(&self, x: f32, y: f32) -> f32 {
        let (gx, gy) = (x / self.cell, y / self.cell);
        let (ix, iy) = (gx as usize, gy as usize);
        let (fx, fy) = (gx - ix as f32, gy - iy as f32);
        let v = |i: usize, j: usize| self.values[j * self.columns + i];
        let top = v(ix, iy) + (v(ix + 1, iy) - v(ix, iy)) * fx;
        let bottom = v(ix, iy + 1) + (v(ix + 1, iy + 1) - v(ix, iy + 1)) * fx;
        top + (bottom - top) * fy
    }
}

/// Photo `number` (from 1) of the series of `seed`.
fn photo(seed: u64, number: usize) -> RgbImage {
    let mut rng = Rng::for_photo(seed, number);
    let (w, h) = (WIDTH as f32, HEIGHT as f32);
    let horizon = h * rng.range(0.35, 0.62);

    // Sky from a deep to a pale colour; ground from a lit to a shaded one.
    let zenith = rng.colour_near([70.0, 120.0, 200.0], 40.0);
    let haze = rng.colour_near([200.0, 210.0, 225.0], 30.0);
    let near = rng.colour_near([90.0, 120.0, 60.0], 45.0);
    let far = rng.colour_near([150.0, 150.0, 110.0], 40.0);

    let mut shapes = Vec::new();
    let mut hill_base = horizon;
    for _ in 0..(1 + rng.next_u64() % 3) {
        let colour = rng.colour_near(far, 35.0);
        let (height, phase, period) = (rng.range(80.0, 400.0), rng.range(0.0, 6.3), rng.range(200.0, 900.0));
        shapes.push(Shape::Hill { base: hill_base, height, phase, period, colour });
        hill_base += rng.range(20.0, 120.0);
    }
    if rng.unit() < 0.7 {
        let r = rng.range(60.0, 180.0);
        let (cx, cy) = (rng.range(0.1, 0.9) * w, rng.range(0.08, 0.6) * horizon);
        shapes.push(Shape::Ellipse { cx, cy, rx: r, ry: r, colour: rng.colour_near([250.0, 225.0, 160.0], 10.0) });
    }
    for _ in 0..(2 + rng.next_u64() % 7) {
        let width = rng.range(200.0, 900.0);
        let x0 = rng.range(-100.0, w - 100.0);
        let bottom = rng.range(horizon + 50.0, horizon + 400.0);
        let top = bottom - rng.range(300.0, 1400.0);
        let colour = rng.colour_near([160.0, 140.0, 120.0], 70.0);
        let window = rng.colour_near([60.0, 70.0, 90.0], 40.0);
        let pitch = rng.range(50.0, 120.0);
        shapes.push(Shape::Building { x0, x1: x0 + width, top, bottom, colour, window, pitch });
    }
    for _ in 0..(3 + rng.next_u64() % 10) {
        let (rx, ry) = (rng.range(80.0, 500.0), rng.range(80.0, 450.0));
        let (cx, cy) = (rng.range(0.0, w), rng.range(horizon - 200.0, h + 100.0));
        shapes.push(Shape::Ellipse { cx, cy, rx, ry, colour: rng.colour_near([60.0, 100.0, 45.0], 40.0) });
    }
    // Nearer shapes cover farther ones: sort by how low they reach.
    shapes.sort_by(|a, b| bottom_of(a).total_cmp(&bottom_of(b)));

    // Slow waves of light, as a lens and uneven lighting make.
    let waves: Vec<(f32, f32, f32, f32)> = (0..4)
        .map(|_| (rng.range(400.0, 3000.0), rng.range(400.0, 3000.0), rng.range(0.0, 6.3), rng.range(4.0, 12.0)))
        .collect();
    let grain = ValueNoise::new(&mut rng, WIDTH, HEIGHT, 6);
    let vignette = rng.range(0.15, 0.35);
    let noise_seed = rng.next_u64();

    let mut image = RgbImage::new(WIDTH, HEIGHT);
    for (y, row) in image.enumerate_rows_mut() {
        let fy = y as f32;
        let mut noise = Rng(noise_seed ^ u64::from(y).wrapping_mul(0xA076_1D64_78BD_642F));
        for (x, _, pixel) in row {
            let fx = x as f32;
            let g = grain.at(fx, fy);
            let mut colour = if fy < horizon {
                lerp(zenith, haze, fy / horizon)
            } else {
                let t = (fy - horizon) / (h - horizon);
                lerp(far, near, t).map(|c| c + g * 22.0 * (0.4 + t))
            };
            for shape in &shapes {
                if let Some(c) = shape.colour_at(fx, fy) {
                    colour = c.map(|c| c + g * 10.0);
                }
            }
            let light: f32 = waves.iter().map(|&(px, py, ph, amp)| amp * (fx / px + fy / py + ph).sin()).sum();
            let (dx, dy) = (fx / w - 0.5, fy / h - 0.5);
            let dim = 1.0 - vignette * (dx * dx + dy * dy) * 1.6;
            // Sensor noise: some shared by the channels (luma), some not.
            let bits = noise.next_u64();
            let n = |shift: u32| ((bits >> shift) & 0xFF) as f32 + ((bits >> (shift + 8)) & 0xFF) as f32 - 255.0;
            let luma = n(48) * 0.04;
            let chroma = [n(0) * 0.025, n(16) * 0.025, n(32) * 0.025];
            for (i, channel) in pixel.0.iter_mut().enumerate() {
                let v = (colour[i] + light) * dim + luma + chroma[i];
                *channel = v.round().clamp(0.0, 255.0) as u8;
            }
        }
    }
    image
}

fn bottom_of(shape: &Shape) -> f32 {
    match *shape {
        Shape::Ellipse { cy, ry, .. } => cy + ry,
        Shape::Building { bottom, .. } => bottom,
        Shape::Hill { base, .. } => base,
    }
}

fn lerp(a: [f32; 3], b: [f32; 3], t: f32) -> [f32; 3] {
    [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

/// Encodes photo `number` into `path`, through a temporary file so that an
/// interrupted run never leaves a truncated photo under its final name.
fn write_photo(seed: u64, number: usize, path: &Path) -> Result<u64, String> {
    let image = photo(seed, number);
    let partial = path.with_extension("jpg.partial");
    let file = fs::File::create(&partial).map_err(|e| format!("cannot write {}: {e}", partial.display()))?;
    let mut out = BufWriter::new(file);
    JpegEncoder::new_with_quality(&mut out, QUALITY)
        .encode_image(&image)
        .map_err(|e| format!("cannot encode {}: {e}", path.display()))?;
    out.flush().map_err(|e| format!("cannot write {}: {e}", partial.display()))?;
    drop(out);
    fs::rename(&partial, path).map_err(|e| format!("cannot rename {}: {e}", partial.display()))?;
    file_size(path)
}

fn file_size(path: &Path) -> Result<u64, String> {
    fs::metadata(path).map(|m| m.len()).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn generate(opts: &Options) -> Result<String, String> {
    fs::create_dir_all(&opts.out).map_err(|e| format!("cannot create {}: {e}", opts.out.display()))?;
    let digits = opts.count.to_string().len().max(2);
    let sizes = (1..=opts.count)
        .into_par_iter()
        .map(|number| {
            let path = opts.out.join(format!("photo-{number:0digits$}.jpg"));
            if !opts.force && path.is_file() { file_size(&path) } else { write_photo(opts.seed, number, &path) }
        })
        .collect::<Result<Vec<u64>, String>>()?;
    let total: u64 = sizes.iter().sum();
    let (smallest, largest) = (sizes.iter().min().unwrap_or(&0), sizes.iter().max().unwrap_or(&0));
    Ok(format!(
        "gen_photos: {} photos of {WIDTH}x{HEIGHT} in {}: {total} bytes in total ({smallest} to {largest} bytes each)",
        opts.count,
        opts.out.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photo_depends_only_on_its_seed_and_number() {
        let (a, b) = (Rng::for_photo(7, 3).next_u64(), Rng::for_photo(7, 3).next_u64());
        assert_eq!(a, b);
        assert_ne!(a, Rng::for_photo(7, 4).next_u64());
        assert_ne!(a, Rng::for_photo(8, 3).next_u64());
    }

    #[test]
    fn the_count_must_be_positive() {
        let args = |a: &[&str]| parse_args(a.iter().map(|s| s.to_string()));
        assert!(args(&["--out", "x", "--count", "0"]).is_err());
        assert!(matches!(args(&["--out", "x"]), Ok(Command::Generate(Options { count: 40, .. }))));
    }
}
