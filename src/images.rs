//! Owns the raster images pages show. One [`Images`] serves one build: it
//! processes each source once, however many pages show it, from any
//! thread, into the responsive set pages show (see [`encode`]) or the
//! resized and cropped files themes ask for and `og:image` needs (see
//! [`variant`]). Published names are content-addressed
//! (`photo-<hash8>-800.webp`), so a changed source gets new URLs.
//!
//! A [`Cache`] kept between builds holds results by source content,
//! settings and request, in memory and on disk (see [`store`]), and knows
//! each source file by its modification time and size: a rebuild neither
//! reads an unchanged source again nor decodes one it already encoded. It
//! knows nothing of Markdown, links or pages.

mod encode;
mod registry;
mod shown;
mod store;
pub mod variant;

pub(crate) use encode::{Processed, Rendition, Variant};
pub(crate) use registry::{Cache, Images, Published};
pub use shown::{Findings, Heavy, Picture, Purpose, Resized, Short};
pub use variant::{Focus, Format, Op, Request};

/// The most pixels a source may have (100 megapixels): past it, decoding
/// could take more memory than a build machine has.
pub(crate) const PIXEL_LIMIT: u64 = 100_000_000;

/// Extensions of the images processed; SVG is shown as written.
const RASTER: &[&str] = &["jpg", "jpeg", "png", "webp", "gif"];

/// `[images]` in site.toml.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Settings {
    /// Widths in pixels of the renditions, ascending, without duplicates.
    pub widths: Vec<u32>,
    /// Encoding quality of WebP and JPEG, 1 to 100.
    pub quality: u8,
    /// The `sizes` attribute of the pictures of a page's text: how wide
    /// the theme shows them (the default theme's text column, `--measure`,
    /// or the whole viewport on a narrower screen).
    pub sizes: String,
    /// `check` warns about an image file heavier than this, in kilobytes.
    pub budget_kb: u32,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            widths: vec![480, 800, 1200, 1600],
            quality: 80,
            sizes: "(min-width: 46rem) 46rem, 100vw".to_string(),
            budget_kb: 300,
        }
    }
}

/// The widest a `sizes` attribute lets an image be shown, in CSS pixels
/// (a rem is 16 of them): the largest length its entries end with; None
/// when they name only viewport widths.
pub(crate) fn display_width(sizes: &str) -> Option<u32> {
    let pixels = |length: &str| {
        let (number, factor) = match length.strip_suffix("rem").or_else(|| length.strip_suffix("em")) {
            Some(number) => (number, 16.0),
            None => (length.strip_suffix("px")?, 1.0),
        };
        number.parse::<f64>().ok().map(|n| (n * factor).round() as u32)
    };
    sizes.split(',').filter_map(|entry| entry.split_whitespace().last()).filter_map(pixels).max()
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
    fn the_widest_length_of_sizes_is_how_wide_an_image_may_be_shown() {
        assert_eq!(display_width("(min-width: 46rem) 46rem, 100vw"), Some(736));
        assert_eq!(display_width("(min-width: 900px) 800px, 90vw"), Some(800));
        assert_eq!(display_width("100vw"), None);
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
