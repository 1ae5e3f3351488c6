//! Turns the bytes of a source image into published files: decodes it
//! (refusing one with more pixels than [`PIXEL_LIMIT`] from its header,
//! before any pixel is decoded), turns it upright by its EXIF orientation,
//! then encodes either the responsive set (every configured width as WebP
//! plus a JPEG or PNG fallback) or one crop or resize a theme asked for.
//! The pixels are encoded anew by encoders that write no metadata, so no
//! output carries the source's EXIF, XMP or IPTC blocks.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageEncoder, ImageReader};
use rayon::prelude::*;

use super::variant::{Format, Geometry};
use super::{Failure, PIXEL_LIMIT, Settings};

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

/// One resized or cropped file of an image.
#[derive(Debug)]
pub(crate) struct Variant {
    pub width: u32,
    pub height: u32,
    pub format: Format,
    pub bytes: Vec<u8>,
}

/// The widths an image `original` pixels wide is published at: the
/// configured ones narrower than it, then its own width when a configured
/// one would reach it (a 1000-pixel photo is not cut down to 800).
pub(crate) fn rendition_widths(original: u32, widths: &[u32]) -> Vec<u32> {
    let mut fitting: Vec<u32> = widths.iter().copied().filter(|w| *w < original).collect();
    if widths.iter().any(|w| *w >= original) {
        fitting.push(original);
    }
    fitting
}

/// The upright pixel size of a source, read from its header alone.
pub(crate) fn upright_size(bytes: &[u8]) -> Result<(u32, u32), Failure> {
    let mut decoder = decoder(bytes)?;
    let (width, height) = decoder.dimensions();
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    use image::metadata::Orientation::*;
    Ok(match orientation {
        Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH => (height, width),
        _ => (width, height),
    })
}

fn decoder(bytes: &[u8]) -> Result<impl ImageDecoder + '_, Failure> {
    let reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|_| Failure::Unreadable)?;
    reader.into_decoder().map_err(|_| Failure::Unreadable)
}

/// The source's pixels, upright.
pub(crate) fn decode(bytes: &[u8]) -> Result<DynamicImage, Failure> {
    let mut decoder = decoder(bytes)?;
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
    Ok(image)
}

/// Whether some pixel of `image` is not opaque.
fn has_alpha(image: &DynamicImage) -> bool {
    image.color().has_alpha() && image.to_rgba8().pixels().any(|p| p.0[3] < 255)
}

/// `from` (or its part `crop`: x, y, width, height) resized to exactly
/// `width`×`height` with a Lanczos3 filter, by `fast_image_resize` (SIMD,
/// several times faster than `image`'s own, which stays the fallback).
fn resize(from: &DynamicImage, crop: Option<(u32, u32, u32, u32)>, width: u32, height: u32) -> DynamicImage {
    let whole = (0, 0, from.width(), from.height());
    let crop = crop.unwrap_or(whole);
    if crop == whole && (width, height) == (from.width(), from.height()) {
        return from.clone();
    }
    let mut resized = DynamicImage::new(width, height, from.color());
    let (x, y, w, h) = crop;
    let options = fast_image_resize::ResizeOptions::new().crop(f64::from(x), f64::from(y), f64::from(w), f64::from(h));
    match fast_image_resize::Resizer::new().resize(from, &mut resized, &options) {
        Ok(()) => resized,
        Err(_) => from.crop_imm(x, y, w, h).resize_exact(width, height, image::imageops::FilterType::Lanczos3),
    }
}

/// Encodes the responsive set of one source image.
pub(crate) fn process(bytes: &[u8], settings: &Settings) -> Result<Processed, Failure> {
    let image = decode(bytes)?;
    let alpha = has_alpha(&image);
    let (width, height) = (image.width(), image.height());
    let height_at =
        |w: u32| ((u64::from(height) * u64::from(w) + u64::from(width) / 2) / u64::from(width)).max(1) as u32;
    // The largest rendition comes from the original, the smaller ones from
    // it (a fraction of the work), in parallel.
    let widths = rendition_widths(width, &settings.widths);
    let top = widths.last().copied().unwrap_or(width);
    let largest = resize(&image, None, top, height_at(top));
    drop(image);
    let renditions = widths
        .par_iter()
        .map(|w| encode(&resize(&largest, None, *w, height_at(*w)), alpha, settings.quality))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Processed { alpha, renditions })
}

/// Encodes one rendition as WebP and as its fallback.
fn encode(image: &DynamicImage, alpha: bool, quality: u8) -> Result<Rendition, Failure> {
    let fallback = if alpha { Format::Png } else { Format::Jpg };
    Ok(Rendition {
        width: image.width(),
        height: image.height(),
        webp: write(image, Format::Webp, alpha, quality)?,
        fallback: write(image, fallback, alpha, quality)?,
    })
}

/// Encodes `image` in `format`; `Auto` is JPEG, or PNG for an image with
/// transparency.
fn write(image: &DynamicImage, format: Format, alpha: bool, quality: u8) -> Result<Vec<u8>, Failure> {
    let (width, height) = (image.width(), image.height());
    let mut out = Vec::new();
    let written = match (format, alpha) {
        (Format::Webp, true) => {
            let rgba = image.to_rgba8();
            let encoded = webp::Encoder::from_rgba(&rgba, width, height).encode_simple(false, f32::from(quality));
            return encoded.map(|m| m.to_vec()).map_err(|_| Failure::Unreadable);
        }
        (Format::Webp, false) => {
            let rgb = image.to_rgb8();
            let encoded = webp::Encoder::from_rgb(&rgb, width, height).encode_simple(false, f32::from(quality));
            return encoded.map(|m| m.to_vec()).map_err(|_| Failure::Unreadable);
        }
        (Format::Png, _) | (Format::Auto, true) => image::codecs::png::PngEncoder::new(&mut out).write_image(
            &image.to_rgba8(),
            width,
            height,
            image::ExtendedColorType::Rgba8,
        ),
        (Format::Jpg, _) | (Format::Auto, false) => image::codecs::jpeg::JpegEncoder::new_with_quality(
            &mut out, quality,
        )
        .write_image(&image.to_rgb8(), width, height, image::ExtendedColorType::Rgb8),
    };
    written.map_err(|_| Failure::Unreadable)?;
    Ok(out)
}

/// Encodes the crop or resize `geometry` of a source image as `format`.
pub(crate) fn variant(bytes: &[u8], geometry: &Geometry, format: Format, quality: u8) -> Result<Variant, Failure> {
    let image = decode(bytes)?;
    let (width, height) = geometry.size;
    let resized = resize(&image, Some(geometry.crop), width, height);
    let alpha = has_alpha(&resized);
    let format = match format {
        Format::Auto if alpha => Format::Png,
        Format::Auto => Format::Jpg,
        other => other,
    };
    let bytes = write(&resized, format, alpha, quality)?;
    Ok(Variant { width, height, format, bytes })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_never_exceed_the_original_and_there_is_always_one() {
        let widths = [480, 800, 1200, 1600];
        let cases: [(u32, &[u32]); 5] = [
            (4000, &[480, 800, 1200, 1600]),
            (1600, &[480, 800, 1200, 1600]),
            (1000, &[480, 800, 1000]),
            (480, &[480]),
            (300, &[300]),
        ];
        for (original, expected) in cases {
            assert_eq!(rendition_widths(original, &widths), expected, "{original}");
        }
    }

    #[test]
    fn opaque_images_fall_back_to_jpeg_and_transparent_ones_to_png() {
        let settings = Settings { widths: vec![8, 16], ..Settings::default() };
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
        assert_eq!(upright_size(&png[..8]).unwrap_err(), Failure::Unreadable);
    }

    #[test]
    fn gif_and_webp_sources_are_read_too() {
        let settings = Settings { widths: vec![16], ..Settings::default() };
        for format in [image::ImageFormat::Gif, image::ImageFormat::WebP] {
            let mut bytes = Vec::new();
            let image = DynamicImage::ImageRgba8(image::RgbaImage::from_pixel(32, 8, image::Rgba([9, 9, 9, 255])));
            image.write_to(&mut Cursor::new(&mut bytes), format).unwrap();
            let processed = process(&bytes, &settings).unwrap();
            assert_eq!(processed.renditions.iter().map(|r| (r.width, r.height)).collect::<Vec<_>>(), [(16, 4)]);
        }
    }
}
