//! What a page shows for an image source: a processed picture of an image
//! of the site, the source as written (SVG, another host), or why it
//! cannot be shown. Serves Markdown images, the `figure` shortcode and the
//! `image` of news, whose problems it locates in the front matter; and
//! which files templates show as they are.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use crate::diag::{Diagnostic, Diagnostics};
use crate::downloads::Files;
use crate::frontmatter::FrontMatter;
use crate::images::{self, Images, Picture};
use crate::markdown::{Destination, Shown};
use crate::resolve::Site;

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

/// The pictures of every news `image`, by source as written, and the
/// problems of those that cannot be shown, at the `src` that names them.
pub(crate) fn news_pictures(
    site: &Site,
    files: &Files,
    images: &Images,
    root: &Path,
) -> (BTreeMap<String, Arc<Picture>>, Diagnostics) {
    let mut pictures = BTreeMap::new();
    let mut diags = Diagnostics::new();
    let mut reported = std::collections::HashSet::new();
    for entry in site.items.iter().flat_map(|item| item.entries.values()) {
        let FrontMatter::News(news) = &*entry.fm else { continue };
        let Some(image) = &news.image else { continue };
        let shown = picture(files, images, &image.src);
        if let Shown::Picture(picture) = &shown {
            pictures.insert(image.src.clone(), Arc::clone(picture));
        }
        let Some((message, hint)) = shown.problem(&image.src) else { continue };
        // Reported in the file that writes the image (a translation
        // inherits its base's).
        let text = std::fs::read_to_string(root.join(&entry.path)).unwrap_or_default();
        let Some((line, col)) = src_position(&text) else { continue };
        if reported.insert((entry.path.clone(), image.src.clone())) {
            diags.push(Diagnostic::error(&entry.path, line, col, message).with_hint(hint));
        }
    }
    (pictures, diags)
}

/// The files templates show as they are, by output path: project, partner
/// and funder logos. Their originals are published even when a page also
/// shows them as pictures.
pub(crate) fn template_files(site: &Site, files: &Files) -> std::collections::HashSet<String> {
    let logos = site.items.iter().flat_map(|item| item.entries.values()).filter_map(|entry| match &*entry.fm {
        FrontMatter::Project(project) => project.logo.clone(),
        FrontMatter::Partner(partner) => partner.logo.clone(),
        _ => None,
    });
    let funders = site.funders.iter().filter_map(|funder| funder.logo.clone());
    logos.chain(funders).filter_map(|logo| files.file_path(&logo)).collect()
}

/// Where the value of `src` under `image:` is written in a content file.
fn src_position(text: &str) -> Option<(usize, usize)> {
    let mut in_image = false;
    for (n, line) in text.lines().enumerate().skip(1) {
        if line.trim_end() == "---" {
            break;
        }
        if let Some(rest) = line.strip_prefix("image:") {
            in_image = true;
            if let Some(at) = rest.find("src:") {
                let value = &rest[at + 4..];
                let col = "image:".len() + at + 4 + (value.len() - value.trim_start().len());
                return Some((n + 1, col + 1));
            }
            continue;
        }
        if in_image {
            if !line.starts_with([' ', '\t']) {
                in_image = false;
                continue;
            }
            let trimmed = line.trim_start();
            if let Some(value) = trimmed.strip_prefix("src:") {
                let col = (line.len() - trimmed.len()) + 4 + (value.len() - value.trim_start().len());
                return Some((n + 1, col + 1));
            }
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
            ("---\ntitle: A\nimage:\n  src: /images/a.jpg\n  alt: A\n---\n", Some((4, 8))),
            ("---\nimage: {src: a.jpg, alt: A}\n---\n", Some((2, 14))),
            ("---\ntitle: A\n---\nimage:\n  src: a.jpg\n", None),
        ];
        for (text, expected) in cases {
            assert_eq!(src_position(text), expected, "{text}");
        }
    }
}
