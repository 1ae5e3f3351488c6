//! Owns the raster images pages show: it decodes a source image (JPEG,
//! PNG, WebP, the first frame of a GIF), turns it upright by its EXIF
//! orientation, refuses one with more pixels than can be decoded safely
//! (the header is read first), and encodes it at each configured width not
//! larger than the original as a lossy WebP (alpha kept) plus a fallback
//! (JPEG when opaque, PNG with alpha). No output carries the source's
//! metadata: the pixels are decoded and encoded anew, and the encoders
//! write none. Names are content-addressed (`photo-<hash8>-800.webp`).
//!
//! One [`Images`] serves one build: it processes each source once, however
//! many pages show it, from any thread. A [`Cache`] kept between builds
//! holds results by source content and settings, so a rebuild encodes only
//! new or changed images. It knows nothing of Markdown, links or pages.

use std::collections::{BTreeMap, HashMap};
use std::io::Cursor;
use std::sync::{Arc, Mutex, OnceLock};

use image::{DynamicImage, ImageDecoder, ImageEncoder, ImageReader};
use rayon::prelude::*;
use serde::Serialize;

use crate::theme::StaticSource;

/// The most pixels a source may have (100 megapixels): past it, decoding
/// could take more memory than a build machine has.
pub(crate) const PIXEL_LIMIT: u64 = 100_000_000;

/// Extensions of the images processed; SVG is shown as written.
const RASTER: &[&str] = &["jpg", "jpeg", "png", "webp", "gif"];

/// What the `sizes` attribute says: the text column's width (the default
/// theme's `--measure`), or the whole viewport on a narrower screen.
const SIZES: &str = "(min-width: 46rem) 46rem, 100vw";

/// `[images]` in site.toml.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Settings {
    /// Widths in pixels of the renditions, ascending, without duplicates.
    pub widths: Vec<u32>,
    /// Encoding quality of WebP and JPEG, 1 to 100.
    pub quality: u8,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings { widths: vec![480, 800, 1200, 1600], quality: 80 }
    }
}

/// How a source image is treated, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Decoded and resized.
    Raster,
    /// Shown as written (SVG).
    Vector,
    /// Not a format pages can show.
    Unsupported,
}

/// The kind of the image at `path`, by its extension.
pub(crate) fn kind(path: &str) -> Kind {
    let name = path.rsplit('/').next().unwrap_or_default();
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    if RASTER.contains(&extension.as_str()) {
        Kind::Raster
    } else if extension == "svg" {
        Kind::Vector
    } else {
        Kind::Unsupported
    }
}

/// Why a source could not be processed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Failure {
    /// Not an image, or a truncated one.
    Unreadable,
    /// More pixels than [`PIXEL_LIMIT`].
    TooLarge { width: u32, height: u32 },
}

/// One encoded width of an image.
#[derive(Debug)]
pub(crate) struct Rendition {
    pub width: u32,
    pub height: u32,
    pub webp: Vec<u8>,
    pub fallback: Vec<u8>,
}

/// A source image encoded at every width it is published at.
#[derive(Debug)]
pub(crate) struct Processed {
    /// Whether some pixel is not opaque (the fallback is then PNG).
    pub alpha: bool,
    /// Ascending widths.
    pub renditions: Vec<Rendition>,
}

/// The widths an image `original` pixels wide is published at: the
/// configured ones not larger than it, or its own width when it is
/// narrower than all of them.
pub(crate) fn rendition_widths(original: u32, widths: &[u32]) -> Vec<u32> {
    let fitting: Vec<u32> = widths.iter().copied().filter(|w| *w <= original).collect();
    if fitting.is_empty() { vec![original] } else { fitting }
}

/// Decodes, turns upright and encodes one source image.
pub(crate) fn process(bytes: &[u8], settings: &Settings) -> Result<Processed, Failure> {
    let reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|_| Failure::Unreadable)?;
    let mut decoder = reader.into_decoder().map_err(|_| Failure::Unreadable)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > PIXEL_LIMIT {
        return Err(Failure::TooLarge { width, height });
    }
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| match e {
        image::ImageError::Limits(_) => Failure::TooLarge { width, height },
        _ => Failure::Unreadable,
    })?;
    image.apply_orientation(orientation);
    let alpha = image.color().has_alpha() && image.to_rgba8().pixels().any(|p| p.0[3] < 255);
    let (width, height) = (image.width(), image.height());
    let resize = |from: &DynamicImage, w: u32| {
        let h = ((u64::from(height) * u64::from(w) + u64::from(width) / 2) / u64::from(width)).max(1) as u32;
        if w == from.width() { from.clone() } else { from.resize_exact(w, h, image::imageops::FilterType::Lanczos3) }
    };
    // The largest rendition comes from the original, the smaller ones from
    // it (a fraction of the work), in parallel.
    let widths = rendition_widths(width, &settings.widths);
    let largest = resize(&image, widths.last().copied().unwrap_or(width));
    drop(image);
    let renditions = widths
        .par_iter()
        .map(|w| encode(&resize(&largest, *w), alpha, settings.quality))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Processed { alpha, renditions })
}

/// Encodes one rendition as WebP and as its fallback.
fn encode(image: &DynamicImage, alpha: bool, quality: u8) -> Result<Rendition, Failure> {
    let (width, height) = (image.width(), image.height());
    let mut fallback = Vec::new();
    let webp = if alpha {
        let rgba = image.to_rgba8();
        image::codecs::png::PngEncoder::new(&mut fallback)
            .write_image(&rgba, width, height, image::ExtendedColorType::Rgba8)
            .map_err(|_| Failure::Unreadable)?;
        webp::Encoder::from_rgba(&rgba, width, height).encode_simple(false, f32::from(quality)).map(|m| m.to_vec())
    } else {
        let rgb = image.to_rgb8();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut fallback, quality)
            .write_image(&rgb, width, height, image::ExtendedColorType::Rgb8)
            .map_err(|_| Failure::Unreadable)?;
        webp::Encoder::from_rgb(&rgb, width, height).encode_simple(false, f32::from(quality)).map(|m| m.to_vec())
    };
    let webp = webp.map_err(|_| Failure::Unreadable)?;
    Ok(Rendition { width, height, webp, fallback })
}

/// What a page shows for an image, as `templates` and Markdown draw it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Picture {
    /// URL of the largest fallback rendition (the `<img src>`).
    pub src: String,
    /// `srcset` of the fallback renditions: "/images/a-1f2e3d4c-480.jpg 480w, …".
    pub srcset: String,
    /// `srcset` of the WebP renditions.
    pub webp_srcset: String,
    /// The `sizes` attribute both `srcset`s go with.
    pub sizes: String,
    /// Pixel size of `src`, upright.
    pub width: u32,
    pub height: u32,
}

impl Picture {
    /// `<picture>` with a WebP source and the fallback `<img>`. The first
    /// image of a page (`eager`) is neither lazy nor decoded asynchronously.
    pub(crate) fn html(&self, alt: &str, title: &str, eager: bool) -> String {
        let esc = crate::escape::xml;
        let title = if title.is_empty() { String::new() } else { format!(" title=\"{}\"", esc(title)) };
        let lazy = if eager { "" } else { " loading=\"lazy\" decoding=\"async\"" };
        format!(
            "<picture><source type=\"image/webp\" srcset=\"{webp}\" sizes=\"{sizes}\">\
             <img src=\"{src}\" srcset=\"{srcset}\" sizes=\"{sizes}\" width=\"{w}\" height=\"{h}\" alt=\"{alt}\"{title}{lazy}>\
             </picture>",
            webp = esc(&self.webp_srcset),
            sizes = esc(&self.sizes),
            src = esc(&self.src),
            srcset = esc(&self.srcset),
            w = self.width,
            h = self.height,
            alt = esc(alt),
        )
    }
}

/// A processed source: its picture and the files to publish.
#[derive(Debug)]
struct Done {
    picture: Arc<Picture>,
    /// Output path → file.
    files: Vec<(String, Published)>,
    key: u64,
}

type Outcome = Result<Arc<Done>, Failure>;

/// What processing one source gave, shared by the builds that show it.
type Encoding = Arc<Result<Arc<Processed>, Failure>>;

mod store;

/// Results kept between builds, by source content and settings: in memory,
/// and on disk when the cache has a folder.
#[derive(Debug, Default)]
pub(crate) struct Cache {
    processed: Mutex<HashMap<u64, Encoding>>,
    dir: Option<std::path::PathBuf>,
}

impl Cache {
    /// A cache that also keeps what it encodes in `dir` (see [`store`]).
    pub(crate) fn on_disk(dir: std::path::PathBuf) -> Cache {
        Cache { processed: Mutex::default(), dir: Some(dir) }
    }
}

/// The images of one build.
pub(crate) struct Images<'a> {
    settings: &'a Settings,
    root: &'a str,
    statics: &'a BTreeMap<String, StaticSource>,
    cache: &'a Cache,
    /// Source path → what showing it gave, computed once.
    shown: Mutex<BTreeMap<String, Arc<OnceLock<Outcome>>>>,
}

impl<'a> Images<'a> {
    /// `root` is the base_url's path; `statics` the files of the site by
    /// output path.
    pub(crate) fn new(
        settings: &'a Settings,
        root: &'a str,
        statics: &'a BTreeMap<String, StaticSource>,
        cache: &'a Cache,
    ) -> Images<'a> {
        Images { settings, root, statics, cache, shown: Mutex::default() }
    }

    /// The picture of the raster image at output path `path` (a file of
    /// the site, e.g. `images/photo.jpg`), processing it on first use.
    pub(crate) fn show(&self, path: &str) -> Result<Arc<Picture>, Failure> {
        let cell = {
            let mut shown = self.shown.lock().unwrap_or_else(|p| p.into_inner());
            Arc::clone(shown.entry(path.to_string()).or_default())
        };
        cell.get_or_init(|| self.compute(path)).as_ref().map(|done| Arc::clone(&done.picture)).map_err(Clone::clone)
    }

    fn compute(&self, path: &str) -> Outcome {
        let bytes = match self.statics.get(path) {
            Some(StaticSource::Embedded(bytes)) => bytes.to_vec(),
            Some(StaticSource::Disk(disk)) => std::fs::read(disk).map_err(|_| Failure::Unreadable)?,
            None => return Err(Failure::Unreadable),
        };
        let mut hash = Fnv::default();
        // The encoding's version: a change of encoders or of the way they
        // are called gives new names and cache entries.
        hash.write(b"passerelle-images-1");
        hash.write(&bytes);
        hash.write(&[self.settings.quality]);
        for w in &self.settings.widths {
            hash.write(&w.to_le_bytes());
        }
        let key = hash.0;
        let cached = self.cache.processed.lock().unwrap_or_else(|p| p.into_inner()).get(&key).cloned();
        let processed = match cached {
            Some(result) => result,
            None => {
                let dir = self.cache.dir.as_deref();
                let result = match dir.and_then(|dir| store::load(dir, key)) {
                    Some(stored) => Ok(stored),
                    None => {
                        let result = process(&bytes, self.settings);
                        if let (Some(dir), Ok(processed)) = (dir, &result) {
                            let _ = store::save(dir, key, processed);
                        }
                        result
                    }
                };
                let result = Arc::new(result.map(Arc::new));
                self.cache.processed.lock().unwrap_or_else(|p| p.into_inner()).insert(key, Arc::clone(&result));
                result
            }
        };
        let processed = Arc::clone(processed.as_ref().as_ref().map_err(Clone::clone)?);
        let stem = path.rsplit_once('.').map_or(path, |(stem, _)| stem);
        let fallback = if processed.alpha { "png" } else { "jpg" };
        let name = |w: u32, ext: &str| format!("{stem}-{:08x}-{w}.{ext}", key >> 32);
        let srcset = |ext: &str| {
            let urls = processed
                .renditions
                .iter()
                .map(|r| format!("{}{} {}w", self.root, url_path(&name(r.width, ext)), r.width));
            urls.collect::<Vec<_>>().join(", ")
        };
        let largest = processed.renditions.last().ok_or(Failure::Unreadable)?;
        let picture = Picture {
            src: format!("{}{}", self.root, url_path(&name(largest.width, fallback))),
            srcset: srcset(fallback),
            webp_srcset: srcset("webp"),
            sizes: SIZES.to_string(),
            width: largest.width,
            height: largest.height,
        };
        let mut files = Vec::new();
        for (i, r) in processed.renditions.iter().enumerate() {
            files.push((name(r.width, "webp"), Published { processed: Arc::clone(&processed), index: i, webp: true }));
            let published = Published { processed: Arc::clone(&processed), index: i, webp: false };
            files.push((name(r.width, fallback), published));
        }
        Ok(Arc::new(Done { picture: Arc::new(picture), files, key }))
    }

    /// Every file to publish for the images shown, by output path, and the
    /// sources shown; drops from the cache the sources this build did not
    /// show.
    pub(crate) fn finish(self) -> (BTreeMap<String, Published>, Vec<String>) {
        let shown = self.shown.into_inner().unwrap_or_else(|p| p.into_inner());
        let mut out = BTreeMap::new();
        let mut keys = std::collections::HashSet::new();
        let mut sources = Vec::new();
        for (source, cell) in &shown {
            if let Some(Ok(done)) = cell.get() {
                keys.insert(done.key);
                sources.push(source.clone());
                out.extend(done.files.iter().cloned());
            }
        }
        self.cache.processed.lock().unwrap_or_else(|p| p.into_inner()).retain(|k, _| keys.contains(k));
        (out, sources)
    }
}

/// One published image file.
#[derive(Debug, Clone)]
pub(crate) struct Published {
    processed: Arc<Processed>,
    index: usize,
    webp: bool,
}

impl Published {
    pub(crate) fn bytes(&self) -> &[u8] {
        let r = &self.processed.renditions[self.index];
        if self.webp { &r.webp } else { &r.fallback }
    }
}

/// An output path as written in a URL, and in a `srcset`, where spaces
/// and commas separate candidates: those, quotes and the characters that
/// end a path are percent-encoded.
fn url_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            ' ' | ',' | '"' | '\'' | '<' | '>' | '#' | '?' | '%' => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// FNV-1a, 64 bits: a hash that stays the same across builds and Rust
/// versions, for names that are published.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_never_exceed_the_original_and_there_is_always_one() {
        let widths = [480, 800, 1200, 1600];
        let cases: [(u32, &[u32]); 4] =
            [(4000, &[480, 800, 1200, 1600]), (1000, &[480, 800]), (480, &[480]), (300, &[300])];
        for (original, expected) in cases {
            assert_eq!(rendition_widths(original, &widths), expected, "{original}");
        }
    }

    #[test]
    fn kinds_follow_the_extension() {
        for (path, expected) in [
            ("images/a.JPG", Kind::Raster),
            ("a.webp", Kind::Raster),
            ("logo.svg", Kind::Vector),
            ("scan.tiff", Kind::Unsupported),
            ("noext", Kind::Unsupported),
        ] {
            assert_eq!(kind(path), expected, "{path}");
        }
    }

    #[test]
    fn opaque_images_fall_back_to_jpeg_and_transparent_ones_to_png() {
        let settings = Settings { widths: vec![8, 16], quality: 80 };
        let mut png = Vec::new();
        let mut rgba = image::RgbaImage::from_pixel(20, 10, image::Rgba([10, 20, 30, 255]));
        DynamicImage::ImageRgba8(rgba.clone()).write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png).unwrap();
        let opaque = process(&png, &settings).unwrap();
        assert!(!opaque.alpha);
        assert_eq!(opaque.renditions.iter().map(|r| (r.width, r.height)).collect::<Vec<_>>(), [(8, 4), (16, 8)]);
        assert!(opaque.renditions[0].fallback.starts_with(&[0xFF, 0xD8]));
        rgba.put_pixel(0, 0, image::Rgba([0, 0, 0, 0]));
        png.clear();
        DynamicImage::ImageRgba8(rgba).write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png).unwrap();
        let transparent = process(&png, &settings).unwrap();
        assert!(transparent.alpha);
        assert!(transparent.renditions[0].fallback.starts_with(b"\x89PNG"));
        assert!(transparent.renditions[0].webp.starts_with(b"RIFF"));
    }

    #[test]
    fn garbage_and_truncated_files_are_unreadable() {
        let settings = Settings::default();
        assert_eq!(process(b"not an image", &settings).unwrap_err(), Failure::Unreadable);
        let mut png = Vec::new();
        DynamicImage::new_rgb8(64, 64).write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png).unwrap();
        assert_eq!(process(&png[..png.len() / 2], &settings).unwrap_err(), Failure::Unreadable);
    }

    #[test]
    fn gif_and_webp_sources_are_read_too() {
        let settings = Settings { widths: vec![16], quality: 80 };
        for format in [image::ImageFormat::Gif, image::ImageFormat::WebP] {
            let mut bytes = Vec::new();
            let image = DynamicImage::ImageRgba8(image::RgbaImage::from_pixel(32, 8, image::Rgba([9, 9, 9, 255])));
            image.write_to(&mut Cursor::new(&mut bytes), format).unwrap();
            let processed = process(&bytes, &settings).unwrap();
            assert_eq!(processed.renditions.iter().map(|r| (r.width, r.height)).collect::<Vec<_>>(), [(16, 4)]);
        }
    }

    #[test]
    fn urls_of_renditions_escape_what_would_split_a_srcset() {
        assert_eq!(
            url_path("images/port de Marseille, 2026-1a2b3c4d-800.webp"),
            "images/port%20de%20Marseille%2C%202026-1a2b3c4d-800.webp"
        );
        assert_eq!(url_path("images/été-1a2b3c4d-480.jpg"), "images/été-1a2b3c4d-480.jpg");
    }
}
