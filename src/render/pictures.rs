//! What a page shows for an image source: a processed picture of an image
//! of the site, the source as written (SVG, another host), or why it
//! cannot be shown. Serves Markdown images, the `figure` shortcode, the
//! `image` of news (and its sharing crop) and the logos of items and
//! funders, whose problems it locates in the file that names them.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diag::{Diagnostic, Diagnostics};
use crate::downloads::Files;
use crate::frontmatter::FrontMatter;
use crate::images::{self, Focus, Images, Picture, Purpose, Request, Resized, Short};
use crate::markdown::{Destination, Shown};
use crate::resolve::Site;
use crate::templates::Resizer;

/// What a page shows for image source `url` as written.
pub(crate) fn picture(files: &Files, images: &Images, url: &str) -> Shown {
    let path = match files.destination(url) {
        Destination::Other => return Shown::AsWritten,
        Destination::Missing { path, close } => return Shown::Missing { path, close },
        Destination::File { .. } => match files.file_path(url) {
            Some(path) => path,
            // Something the build writes under a language folder: left to `check`.
            None => return Shown::AsWritten,
        },
    };
    match images::kind(&path) {
        images::Kind::Vector => Shown::AsWritten,
        images::Kind::Unsupported => Shown::Unsupported,
        images::Kind::Raster => match images.show(&path) {
            Ok(picture) => Shown::Picture(picture),
            Err(images::Failure::Unreadable) => Shown::Unreadable,
            Err(images::Failure::TooLarge { width, height }) => Shown::TooLarge { width, height },
        },
    }
}

/// What `resize_image` does in templates: the image a theme names (as a
/// URL of the site, with or without its base path, or a path from its
/// root; a published rendition stands for its source) made as asked. An
/// SVG is given as it is, with no pixel size (0).
pub(crate) fn resizer(files: Arc<Files>, images: Arc<Images>) -> Arc<Resizer> {
    Arc::new(move |path: &str, request: &Request| {
        let explain = |shown: Shown| match shown.problem(path) {
            Some((message, hint)) => format!("{message} ({hint})"),
            None => tr!("render-resize-not-a-file", path = path),
        };
        let source = match files.destination(path) {
            Destination::Other => return Err(tr!("render-resize-not-a-file", path = path)),
            Destination::Missing { path: missing, close } => {
                match files.locate_path(path).and_then(|p| images.source_of(&p)) {
                    Some(source) => source,
                    None => return Err(explain(Shown::Missing { path: missing, close })),
                }
            }
            Destination::File { href, .. } => match files.file_path(path) {
                Some(source) => match images::kind(&source) {
                    images::Kind::Vector => {
                        return Ok(Resized { url: href, width: 0, height: 0, orig_width: 0, orig_height: 0 });
                    }
                    images::Kind::Unsupported => return Err(explain(Shown::Unsupported)),
                    images::Kind::Raster => source,
                },
                None => return Err(tr!("render-resize-not-a-file", path = path)),
            },
        };
        images.resize(&source, request, Purpose::Template).map_err(|failure| {
            explain(match failure {
                images::Failure::Unreadable => Shown::Unreadable,
                images::Failure::TooLarge { width, height } => Shown::TooLarge { width, height },
            })
        })
    })
}

/// What items show of their images, by source as written: the pictures
/// of news `image`s and of project, partner and funder logos, and the
/// sharing crops (`og:image`) of news images by source and focus.
#[derive(Debug, Default)]
pub(crate) struct ItemImages {
    pub pictures: BTreeMap<String, Arc<Picture>>,
    pub sharing: BTreeMap<(String, Option<String>), Resized>,
}

/// Processes the images items show, and reports those that cannot be
/// shown where their file names them.
pub(crate) fn item_images(site: &Site, files: &Files, images: &Images, root: &Path) -> (ItemImages, Diagnostics) {
    let mut found = ItemImages::default();
    let mut diags = Diagnostics::new();
    let mut reported = std::collections::HashSet::new();
    let column = images::display_width(&images.settings().sizes);
    let named = site.items.iter().flat_map(|item| item.entries.values()).filter_map(|entry| match &*entry.fm {
        FrontMatter::News(news) => news.image.as_ref().map(|image| (entry, &image.src, "src", Some(image))),
        FrontMatter::Project(project) => project.logo.as_ref().map(|logo| (entry, logo, "logo", None)),
        FrontMatter::Partner(partner) => partner.logo.as_ref().map(|logo| (entry, logo, "logo", None)),
        _ => None,
    });
    let named: Vec<_> = named.collect();
    // Images are processed in parallel, each once (a translation names
    // its base's); a news image is also cropped for sharing.
    let processed: Vec<_> = named
        .par_iter()
        .map(|(_, src, _, image)| {
            let shown = picture(files, images, src);
            let sharing = match (&shown, image, files.file_path(src)) {
                (Shown::Picture(picture), Some(image), Some(path)) => {
                    // Shown as wide as the text column, and cropped for sharing.
                    if let Some(column) = column.filter(|c| picture.width < *c) {
                        let has = (picture.width, picture.height);
                        let short = Short { source: path.clone(), purpose: Purpose::Column, asked: (column, 0), has };
                        images.note_short(short);
                    }
                    let focus = image.focus.as_deref().and_then(Focus::parse).unwrap_or_default();
                    images.resize(&path, &Request::open_graph(focus), Purpose::Sharing).ok()
                }
                _ => None,
            };
            (shown, sharing)
        })
        .collect();
    for ((entry, src, key, image), (shown, sharing)) in named.into_iter().zip(processed) {
        if let Shown::Picture(picture) = &shown {
            found.pictures.insert(src.clone(), Arc::clone(picture));
        }
        if let (Some(image), Some(resized)) = (image, sharing) {
            found.sharing.insert((src.clone(), image.focus.clone()), resized);
        }
        let Some((message, hint)) = shown.problem(src) else { continue };
        // Reported in the file that writes the image (a translation
        // inherits its base's).
        let text = std::fs::read_to_string(root.join(&entry.path)).unwrap_or_default();
        let Some((line, col)) = value_at(&text, key, src) else { continue };
        if reported.insert((entry.path.clone(), src.clone())) {
            diags.push(Diagnostic::error(&entry.path, line, col, message).with_hint(hint));
        }
    }
    for funder in site.funders.iter() {
        let Some(logo) = &funder.logo else { continue };
        match picture(files, images, logo) {
            Shown::Picture(picture) => {
                found.pictures.insert(logo.clone(), picture);
            }
            // `funders::check_logos` reports a missing file.
            Shown::Missing { .. } => {}
            shown => {
                if let Some((message, hint)) = shown.problem(logo) {
                    let (line, col) = funder.logo_at;
                    diags.push(Diagnostic::error(crate::funders::FILE, line, col, message).with_hint(hint));
                }
            }
        }
    }
    (found, diags)
}

/// Where `value` is written as the value of `key` in a content file:
/// `key: value`, quoted or not, in block or flow style.
fn value_at(text: &str, key: &str, value: &str) -> Option<(usize, usize)> {
    let label = format!("{key}:");
    for (n, line) in text.lines().enumerate() {
        let mut from = 0;
        while let Some(at) = line[from..].find(&label) {
            let start = from + at;
            let glued = line[..start].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_');
            let after = &line[start + label.len()..];
            let rest = after.trim_start().trim_start_matches(['"', '\'']);
            if !glued && rest.starts_with(value) {
                let col = line[..line.len() - rest.len()].chars().count() + 1;
                return Some((n + 1, col));
            }
            from = start + label.len();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_src_of_an_image_is_found_in_block_or_flow_style() {
        let cases = [
            ("---\ntitle: A\nimage:\n  src: /images/a.jpg\n  alt: A\n---\n", "/images/a.jpg", Some((4, 8))),
            ("---\nimage: {src: a.jpg, alt: A}\n---\n", "a.jpg", Some((2, 14))),
            ("---\nlogo: \"/images/l.png\"\n---\n", "/images/l.png", Some((2, 8))),
            ("---\nimg_src: a.jpg\n---\n", "a.jpg", None),
        ];
        for (text, value, expected) in cases {
            let key = if text.contains("logo") { "logo" } else { "src" };
            assert_eq!(value_at(text, key, value), expected, "{text}");
        }
    }
}
