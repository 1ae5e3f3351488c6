//! What the Markdown tests share: a small site (one project, a document,
//! an image, a block and an inline shortcode) answering a body's links,
//! files, images and shortcodes as the build's resolver would.

use std::sync::Arc;

use super::{Destination, Download, Input, Rendered, Resolver, ShortcodeError, Shown, render};
use crate::images::Picture;

/// A two-item site: one project and a `figure` shortcode.
pub(super) struct Site;

impl Resolver for Site {
    fn link(&self, target: &str, lang: &str) -> Option<String> {
        match (target, lang) {
            ("projects/coopjop.md", "fr") => Some("/fr/projets/coopjop/".to_owned()),
            ("projects/coopjop.md", "en") => Some("/en/projects/coopjop/".to_owned()),
            _ => None,
        }
    }

    fn shortcode(&self, name: &str, args: &[(String, String)], lang: &str) -> Result<String, ShortcodeError> {
        match (name, args) {
            ("figure", [(key, src)]) if key == "src" => {
                Ok(format!("<figure lang=\"{lang}\"><img src=\"{src}\"></figure>"))
            }
            ("figure", _) => Err("expected exactly one argument, 'src'".to_owned().into()),
            ("name", [(key, id)]) if key == "id" && id == "lombardia" => {
                Ok(format!("<a href=\"/{lang}/lombardia/\" lang=\"it\">Regione Lombardia</a>\n"))
            }
            ("name", _) => Err(ShortcodeError { message: "unknown id".into(), hint: Some("try lombardia".into()) }),
            _ => Err(format!("no template 'shortcodes/{name}.html'").into()),
        }
    }

    fn inline(&self, name: &str) -> bool {
        name == "name"
    }

    fn destination(&self, url: &str) -> Destination {
        match url {
            "/docs/study.pdf" => Destination::File {
                href: "/prog/docs/study.pdf".to_owned(),
                download: Some(Download { format: "PDF".to_owned(), size: 240_000 }),
            },
            "/docs/missing.pdf" => Destination::Missing { path: "docs/missing.pdf".to_owned(), close: None },
            _ => Destination::Other,
        }
    }

    fn download_note(&self, download: &Download, hreflang: Option<&str>, _lang: &str) -> String {
        format!(
            "({}, {}{})",
            download.format,
            download.size / 1000,
            hreflang.map(|l| format!(", {l}")).unwrap_or_default()
        )
    }

    fn picture(&self, url: &str) -> Shown {
        match url {
            "/images/photo.jpg" => Shown::Picture(Arc::new(Picture {
                src: "/prog/images/photo-0a1b2c3d-800.jpg".to_owned(),
                srcset: "/prog/images/photo-0a1b2c3d-480.jpg 480w, /prog/images/photo-0a1b2c3d-800.jpg 800w".to_owned(),
                webp_srcset: "/prog/images/photo-0a1b2c3d-480.webp 480w, /prog/images/photo-0a1b2c3d-800.webp 800w"
                    .to_owned(),
                sizes: "100vw".to_owned(),
                width: 800,
                height: 600,
            })),
            "/images/gone.jpg" => Shown::Missing { path: "images/gone.jpg".to_owned(), close: None },
            _ => Shown::AsWritten,
        }
    }
}

pub(super) fn render_in(lang: &str, text: &str) -> Rendered {
    render(&Input { text, lang, first_line: 1, image_above: false }, &Site)
}

pub(super) fn html_in(lang: &str, text: &str) -> String {
    render_in(lang, text).html()
}
