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

use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod draw;
mod logos;
mod scenes;

use logos::*;
use scenes::*;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{ExtendedColorType, ImageDecoder, ImageEncoder, ImageReader, RgbImage, RgbaImage};

pub(crate) const PHOTO: (usize, usize) = (2400, 1600);
const PHOTO_QUALITY: u8 = 88;
pub(crate) const WELCOME: (usize, usize) = (1200, 800);
const WELCOME_QUALITY: u8 = 85;
pub(crate) const LOGO: (usize, usize) = (600, 240);

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
