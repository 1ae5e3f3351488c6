//! What the rest of the build is told about images: the responsive set
//! a page draws (`Picture`, the `image` view themes get), a resized or
//! cropped file (`Resized`, what `resize_image` returns), and what a build
//! found for `check` (`Findings`).

use serde::Serialize;

/// What a page shows for an image, as `templates` and Markdown draw it:
/// the `image` view of `src/views.rs` (`item.image.picture`, `item.logo_picture`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Picture {
    /// URL of the largest fallback rendition (the `<img src>`).
    pub src: String,
    /// `srcset` of the fallback renditions: "/images/a-1f2e3d4c-480.jpg 480w, …".
    pub srcset: String,
    /// `srcset` of the WebP renditions.
    pub webp_srcset: String,
    /// The `sizes` attribute both `srcset`s go with (`[images] sizes`).
    pub sizes: String,
    /// Pixel size of `src`, upright.
    pub width: u32,
    pub height: u32,
}

impl Picture {
    /// `<picture>` with a WebP source and the fallback `<img>`, loading
    /// lazily (`markdown` makes the first image of a page load at once).
    pub(crate) fn html(&self, alt: &str, title: &str) -> String {
        let esc = crate::escape::xml;
        let title = if title.is_empty() { String::new() } else { format!(" title=\"{}\"", esc(title)) };
        format!(
            "<picture><source type=\"image/webp\" srcset=\"{webp}\" sizes=\"{sizes}\">\
             <img src=\"{src}\" srcset=\"{srcset}\" sizes=\"{sizes}\" width=\"{w}\" height=\"{h}\" alt=\"{alt}\"{title} loading=\"lazy\" decoding=\"async\">\
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

/// One resized or cropped file (`resize_image`, `og:image`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Resized {
    /// Its URL, with the site's base path.
    pub url: String,
    /// Its pixel size.
    pub width: u32,
    pub height: u32,
    /// The upright pixel size of the source.
    pub orig_width: u32,
    pub orig_height: u32,
}

/// What a source was asked to be shown at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Purpose {
    /// A news item's image, as wide as the text column.
    Column,
    /// The 1200×630 image sharing sites show (`og:image`).
    Sharing,
    /// A size a template asked for (`resize_image`).
    Template,
}

/// A source too small for the size it is shown at: it comes out smaller,
/// or the browser enlarges it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Short {
    /// Output path of the source, e.g. `images/port.jpg`.
    pub source: String,
    pub purpose: Purpose,
    /// The size asked for (height 0 when only a width is).
    pub asked: (u32, u32),
    /// The source's upright size.
    pub has: (u32, u32),
}

/// A published file heavier than `[images] budget_kb`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heavy {
    pub source: String,
    /// Output path of the file.
    pub file: String,
    pub bytes: u64,
}

/// What a build did with images, for its summary and for `check`.
#[derive(Debug, Clone, Default)]
pub struct Findings {
    /// Sources shown or resized.
    pub shown: usize,
    /// Responsive sets and variants this build encoded...
    pub encoded: usize,
    /// ...and those it took from the cache.
    pub reused: usize,
    pub short: Vec<Short>,
    pub heavy: Vec<Heavy>,
}
