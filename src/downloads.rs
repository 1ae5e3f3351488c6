//! Owns the files of the site that links lead to, and how a download is
//! announced: which link destinations are files of the site (the `static/`
//! files of the site and its theme, the surveys' CSV data), their sizes,
//! the format-and-size note in the page language ("(PDF, 240 Ko, en
//! anglais)") and the view of the `download` shortcode. It reads file
//! sizes once per build; it parses no Markdown and renders no template.
//!
//! Sizes are counted in units of 1000 bytes (1 Ko = 1 KB = 1000 octets,
//! as the SI prefixes say): under 1000 KB, whole kilobytes rounded half up
//! and never less than 1; then megabytes, and past 1000 MB gigabytes, with
//! one decimal, rounded half up, the decimal dropped when it is 0.

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use serde::Serialize;

use crate::diag::did_you_mean;
use crate::i18n::{Arg, Locales};
use crate::markdown::{Destination, Download, ShortcodeError};
use crate::resolve::Site;
use crate::theme::StaticSource;
use crate::urls::{has_scheme, normalize, split_url};

/// Extensions of the documents and archives a link offers to download
/// (pages, images and media are not announced).
const FORMATS: &[&str] = &[
    "pdf", "epub", "odt", "ods", "odp", "odg", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "rtf", "csv", "txt", "zip",
    "7z", "tar", "gz",
];

/// The files of one build of the site, by output path.
#[derive(Debug, Default)]
pub(crate) struct Files {
    host: String,
    /// The base_url's path, e.g. `/coopjop/`.
    root: String,
    languages: Vec<String>,
    /// Output path → size in bytes (None when it could not be read).
    sizes: BTreeMap<String, Option<u64>>,
}

impl Files {
    /// The static files of the site and its theme, and every language's
    /// survey CSV files.
    pub(crate) fn new(site: &Site, statics: &BTreeMap<String, StaticSource>) -> Files {
        let mut sizes: BTreeMap<String, Option<u64>> = statics
            .iter()
            .map(|(path, source)| {
                let size = match source {
                    StaticSource::Embedded(bytes) => Some(bytes.len() as u64),
                    StaticSource::Disk(disk) => std::fs::metadata(disk).ok().map(|m| m.len()),
                };
                (path.clone(), size)
            })
            .collect();
        let languages = site.config.language_codes();
        for lang in &languages {
            for id in site.surveys.ids() {
                if let Some(survey) = site.surveys.get(id) {
                    let csv = crate::charts::csv(survey, lang, &site.config.default_language);
                    sizes.insert(format!("{lang}/data/{id}.csv"), Some(csv.len() as u64));
                }
            }
        }
        let host = split_url(&site.config.base_url).map(|(host, _)| host).unwrap_or_default();
        Files { host, root: site.config.root().to_string(), languages, sizes }
    }

    /// What changes when a file is added, removed or changes size.
    pub(crate) fn fingerprint(&self) -> u64 {
        let mut h = DefaultHasher::new();
        (&self.host, &self.root, &self.sizes).hash(&mut h);
        h.finish()
    }

    /// Where a link destination leads. Files of the site may be written
    /// from the site root (`/docs/study.pdf`, which gets the base_url's
    /// sub-path), with the sub-path (`/coopjop/docs/study.pdf`), as the full
    /// URL, or relative (`docs/study.pdf`), which is taken from the site
    /// root as the `figure` shortcode does. Pages (a path that ends with `/`
    /// or has no extension, `.html`), other hosts and other schemes are
    /// `Other`; so are the pages a build generates under a language folder,
    /// which `check` verifies once they exist.
    pub(crate) fn destination(&self, url: &str) -> Destination {
        let Some((path, href, extension)) = self.locate(url) else {
            return Destination::Other;
        };
        match self.sizes.get(&path) {
            Some(size) => {
                let download = size
                    .filter(|_| FORMATS.contains(&extension.as_str()))
                    .map(|size| Download { format: extension.to_ascii_uppercase(), size });
                Destination::File { href, download }
            }
            None if self.generated(&path) => Destination::File { href, download: None },
            None => {
                let close = did_you_mean(&path, self.sizes.keys().map(String::as_str)).map(|close| format!("/{close}"));
                Destination::Missing { path, close }
            }
        }
    }

    /// The output path a link destination names among the files of the
    /// site (whether or not a file is there), the URL to write and the
    /// file's extension in lower case; None when it is not a file of the
    /// site (see [`Files::destination`]).
    fn locate(&self, url: &str) -> Option<(String, String, String)> {
        let url = url.trim();
        let end = url.find(['?', '#']).unwrap_or(url.len());
        let (written, suffix) = url.split_at(end);
        if written.is_empty() || written.starts_with("@/") {
            return None;
        }
        let (rest, href) = if let Some((host, path)) = split_url(written) {
            match path.strip_prefix(&self.root) {
                Some(rest) if host == self.host => (rest, url.to_string()),
                _ => return None,
            }
        } else if has_scheme(written) {
            return None;
        } else if let Some(rest) = written.strip_prefix(&self.root).filter(|_| self.root != "/") {
            (rest, url.to_string())
        } else {
            // From the site root; `..` cannot climb above it.
            let mut rest = written.trim_start_matches('/');
            while let Some(after) = rest.strip_prefix("./").or_else(|| rest.strip_prefix("../")) {
                rest = after;
            }
            (rest, format!("{}{rest}{suffix}", self.root))
        };
        let path = normalize(rest)?;
        let name = path.rsplit('/').next().unwrap_or_default();
        let (_, extension) = name.rsplit_once('.').filter(|(stem, _)| !stem.is_empty())?;
        let extension = extension.to_ascii_lowercase();
        if matches!(extension.as_str(), "html" | "htm") {
            return None;
        }
        Some((path, href, extension))
    }

    /// The output path of the file of the site a link destination leads
    /// to (`images/photo.jpg`), if there is one.
    pub(crate) fn file_path(&self, url: &str) -> Option<String> {
        self.locate(url).map(|(path, _, _)| path).filter(|path| self.sizes.contains_key(path))
    }

    /// The output path a URL of the site names, whether or not a file is there.
    pub(crate) fn locate_path(&self, url: &str) -> Option<String> {
        self.locate(url).map(|(path, _, _)| path)
    }

    /// Whether the build writes `path` itself: the pages and feeds of a
    /// language folder (survey data aside: it is known), the sitemap (the
    /// children of a sitemap index too: `sitemap-1.xml`…) and robots.txt.
    fn generated(&self, path: &str) -> bool {
        match path.split_once('/') {
            Some((lang, rest)) if self.languages.iter().any(|l| l == lang) => {
                !(rest.starts_with("data/") && rest.ends_with(".csv"))
            }
            Some(_) => false,
            None => path == "robots.txt" || (path.starts_with("sitemap") && path.ends_with(".xml")),
        }
    }
}

/// "(PDF, 240 Ko)", "(PDF, 1.2 MB, in English)": through the theme's
/// `download-note` and `download-note-language` messages.
pub(crate) fn note(locales: &Locales, download: &Download, hreflang: Option<&str>, lang: &str) -> String {
    let size = format_size(locales, lang, download.size);
    let mut args = vec![("format", Arg::Str(download.format.clone())), ("size", Arg::Str(size.clone()))];
    let key = match hreflang {
        Some(code) => {
            let primary = code.split('-').next().unwrap_or(code).to_ascii_lowercase();
            let language = locales
                .message(lang, "download-language", &[("code", Arg::Str(primary))])
                .unwrap_or_else(|_| code.to_string());
            args.push(("language", Arg::Str(language)));
            "download-note-language"
        }
        None => "download-note",
    };
    locales.message(lang, key, &args).unwrap_or_else(|_| format!("({}, {size})", download.format))
}

/// A size in the page language: "240 Ko", "1,2 Mo", "1.2 MB".
pub(crate) fn format_size(locales: &Locales, lang: &str, bytes: u64) -> String {
    let (unit, tenths) = size_in_units(bytes);
    let number = if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        let separator = locales.message(lang, "number-decimal-separator", &[]).unwrap_or_else(|_| ".".into());
        format!("{}{separator}{}", tenths / 10, tenths % 10)
    };
    let key = format!("download-size-{unit}");
    locales
        .message(lang, &key, &[("size", Arg::Str(number.clone()))])
        .unwrap_or_else(|_| format!("{number}\u{A0}{}", unit.to_ascii_uppercase()))
}

/// The unit ("kb", "mb", "gb") and the size in tenths of it, rounded as
/// the module's header says.
fn size_in_units(bytes: u64) -> (&'static str, u64) {
    let kilobytes = bytes.saturating_add(500) / 1000;
    if kilobytes < 1000 {
        return ("kb", kilobytes.max(1) * 10);
    }
    let tenths_of_mb = bytes.saturating_add(50_000) / 100_000;
    if tenths_of_mb < 10_000 {
        return ("mb", tenths_of_mb);
    }
    ("gb", bytes.saturating_add(50_000_000) / 100_000_000)
}

/// What `templates/shortcodes/download.html` draws.
#[derive(Debug, Serialize)]
pub(crate) struct DownloadView {
    /// The URL of the file.
    pub href: String,
    /// The link text, typeset in the page language.
    pub text: String,
    /// "(PDF, 240 Ko, en anglais)"; empty for a file that is not a document.
    pub note: String,
    /// The document's language (`hreflang`), if given.
    pub lang: Option<String>,
}

/// The view of `{{ download(file="/docs/study.pdf", text="…", lang="en") }}`.
pub(crate) fn shortcode_view(
    files: &Files,
    locales: &Locales,
    args: &[(String, String)],
    lang: &str,
) -> Result<DownloadView, ShortcodeError> {
    let arg = |key: &str| args.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    let (file, text) = (arg("file").unwrap_or_default(), arg("text").unwrap_or_default());
    let hreflang = arg("lang");
    if let Some(code) = hreflang
        && !crate::markdown::is_language_tag(code)
    {
        let message = tr!("render-link-lang-invalid", value = code);
        return Err(ShortcodeError { message, hint: Some(tr!("shortcode-download-lang-hint")) });
    }
    let (href, download) = match files.destination(file) {
        Destination::File { href, download } => (href, download),
        Destination::Missing { path, close } => {
            let hint = match close {
                Some(close) => tr!("did-you-mean", name = close),
                None => tr!("render-missing-file-hint", path = format!("static/{path}")),
            };
            return Err(ShortcodeError { message: tr!("shortcode-download-missing", file = file), hint: Some(hint) });
        }
        Destination::Other => {
            let message = tr!("shortcode-download-not-a-file", file = file);
            return Err(ShortcodeError { message, hint: Some(tr!("shortcode-download-not-a-file-hint")) });
        }
    };
    Ok(DownloadView {
        href,
        text: crate::markdown::typeset(text, lang),
        note: download.map(|d| note(locales, &d, hreflang, lang)).unwrap_or_default(),
        lang: hreflang.map(str::to_string),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_whole_kilobytes_then_megabytes_with_one_decimal() {
        let cases = [
            (0, ("kb", 10)),
            (400, ("kb", 10)),
            (1_499, ("kb", 10)),
            (1_500, ("kb", 20)),
            (240_000, ("kb", 2400)),
            (999_499, ("kb", 9990)),
            (999_500, ("mb", 10)),
            (1_249_999, ("mb", 12)),
            (1_250_000, ("mb", 13)),
            (15_000_000, ("mb", 150)),
            (999_950_000, ("gb", 10)),
            (2_345_000_000, ("gb", 23)),
        ];
        for (bytes, expected) in cases {
            assert_eq!(size_in_units(bytes), expected, "{bytes} bytes");
        }
    }
}
