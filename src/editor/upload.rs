//! Images uploaded from the editor, for a news item's `image` or for the
//! Markdown body.
//!
//! What the browser says about a file (its name, its type) is chosen by
//! whoever sends it, so the kind of image is recognised from the bytes and
//! the stored name is rebuilt from scratch. SVG is text that browsers may
//! run, so it is only kept when it can neither run script nor load from
//! elsewhere. Files land in `static/images/uploads/`, which the site
//! publishes at `/images/uploads/`, and never replace an existing file.

#![allow(dead_code)] // wired by the editor

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

use super::guard::{Refusal, hex};

/// The largest upload accepted: a generous photo, well under what would
/// strain the dev server's memory.
pub(crate) const MAX_UPLOAD: usize = 10 * 1024 * 1024;

/// Where uploads go, under the site root, and where the site publishes them.
const UPLOAD_DIR: &str = "static/images/uploads";
const UPLOAD_URL: &str = "/images/uploads";

/// Longest stem kept from the browser's file name, so names stay readable in
/// front matter and within file system limits.
const MAX_STEM: usize = 60;

/// The kinds of image the editor accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ImageType {
    Jpeg,
    Png,
    Webp,
    Svg,
}

impl ImageType {
    /// The extension the stored file gets, whatever the given name said.
    pub(crate) fn extension(self) -> &'static str {
        match self {
            ImageType::Jpeg => "jpg",
            ImageType::Png => "png",
            ImageType::Webp => "webp",
            ImageType::Svg => "svg",
        }
    }
}

/// The kind of image `bytes` hold, from their signature: JPEG `FF D8 FF`,
/// the 8-byte PNG signature, `RIFF....WEBP`, or UTF-8 text whose first
/// element (after an optional BOM, XML declaration, comments, doctype and
/// whitespace) is `<svg`. Anything else, HTML included, is None.
pub(crate) fn sniff(bytes: &[u8]) -> Option<ImageType> {
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.starts_with(b"\xff\xd8\xff") {
        Some(ImageType::Jpeg)
    } else if bytes.starts_with(PNG) {
        Some(ImageType::Png)
    } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        Some(ImageType::Webp)
    } else if std::str::from_utf8(bytes).is_ok_and(starts_with_svg_element) {
        Some(ImageType::Svg)
    } else {
        None
    }
}

/// Whether the first element of an XML text is `<svg`, skipping what may
/// come before it.
fn starts_with_svg_element(text: &str) -> bool {
    let mut rest = text.strip_prefix('\u{feff}').unwrap_or(text);
    loop {
        rest = rest.trim_start();
        let skip_to = if rest.starts_with("<?") {
            "?>"
        } else if rest.starts_with("<!--") {
            "-->"
        } else if starts_with_ignore_case(rest, "<!doctype") {
            // An internal subset (`[...]`) may hold `>`; svg_is_safe refuses
            // one anyway, so sniffing only needs to get past it.
            if rest.find('[').is_some_and(|open| rest.find('>').is_some_and(|close| open < close)) { "]>" } else { ">" }
        } else {
            let after = rest.strip_prefix("<svg").unwrap_or("");
            return after.starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/');
        };
        match rest.find(skip_to) {
            Some(at) => rest = &rest[at + skip_to.len()..],
            None => return false,
        }
    }
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len()).is_some_and(|start| start.eq_ignore_ascii_case(prefix))
}

/// Elements that run script or embed other documents, by local name
/// (lowercase), whatever namespace prefix they are written with.
const UNSAFE_ELEMENTS: &[&str] = &["script", "foreignobject", "iframe", "embed", "object", "handler", "listener"];

/// Whether an SVG can be published as is: it must not run script or load
/// anything from elsewhere. Refused, case-insensitively: `<script` and
/// `<foreignObject` (also with a namespace prefix, like `<html:script`), an
/// attribute starting with `on`, `javascript:` anywhere, an `href` (any
/// prefix) or `src` that is not a `#fragment` or a `data:image/` URI,
/// animations that retarget `href` or an `on…` attribute, CSS `url()`
/// pointing elsewhere or `@import`, style sheets linked by a processing
/// instruction, and DTD declarations, whose entities and default attributes
/// could smuggle in any of the above.
///
/// This errs on the side of refusing: a clean drawing from an editor passes,
/// and anything unusual can still be uploaded as PNG.
pub(crate) fn svg_is_safe(text: &str) -> bool {
    // Character references are decoded before looking, so `&#106;avascript:`
    // is caught; spaces and controls are dropped, as browsers drop them in URLs.
    let decoded = decode_references(text).to_lowercase();
    let squeezed: String = decoded.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control()).collect();
    let forbidden = ["javascript:", "vbscript:", "@import", "<?xml-stylesheet", "<!entity", "<!attlist", "<!element"];
    if forbidden.iter().any(|word| squeezed.contains(word)) || !css_urls_are_local(&squeezed) {
        return false;
    }
    if decoded.contains("<script") || decoded.contains("<foreignobject") {
        return false;
    }
    tags_are_safe(text)
}

/// Every CSS `url(` must point inside the document or hold an image.
fn css_urls_are_local(squeezed: &str) -> bool {
    squeezed.match_indices("url(").all(|(at, word)| {
        let target = squeezed[at + word.len()..].trim_start_matches(['"', '\'']);
        is_local_reference(target)
    })
}

/// `#fragment` or `data:image/…`: a reference that loads nothing from
/// elsewhere. `target` is lowercase and stripped of spaces.
fn is_local_reference(target: &str) -> bool {
    target.starts_with('#') || target.starts_with("data:image/")
}

/// Walks the start tags and checks each element name and attribute.
fn tags_are_safe(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(found) = text[at..].find('<') {
        at += found + 1;
        let rest = &text[at..];
        // Comments, CDATA, declarations and end tags are skipped whole; what
        // they could hide was already searched for in svg_is_safe.
        let closing = if rest.starts_with("!--") {
            "-->"
        } else if rest.starts_with("![CDATA[") {
            "]]>"
        } else if rest.starts_with(['!', '?', '/']) {
            if starts_with_ignore_case(rest, "!doctype") && doctype_has_subset(rest) {
                return false;
            }
            ">"
        } else {
            ""
        };
        if !closing.is_empty() {
            match rest.find(closing) {
                Some(end) => at += end + closing.len(),
                None => return true,
            }
            continue;
        }
        let name_end = end_of_name(bytes, at);
        if UNSAFE_ELEMENTS.contains(&local_name(&text[at..name_end]).as_str()) {
            return false;
        }
        at = name_end;
        // Attributes, up to the end of the tag.
        loop {
            while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            if at >= bytes.len() {
                return true;
            }
            if bytes[at] == b'>' || bytes[at] == b'/' {
                at += 1;
                break;
            }
            let name_end = end_of_name(bytes, at);
            if name_end == at {
                at += 1; // a stray character: step over it
                continue;
            }
            let name = local_name(&text[at..name_end]);
            at = name_end;
            while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            let mut value = "";
            if bytes.get(at) == Some(&b'=') {
                at += 1;
                while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                    at += 1;
                }
                let (start, end, next) = match bytes.get(at) {
                    Some(&quote @ (b'"' | b'\'')) => match text[at + 1..].find(char::from(quote)) {
                        Some(len) => (at + 1, at + 1 + len, at + 2 + len),
                        None => return false, // an unclosed value: not XML we can reason about
                    },
                    _ => {
                        let end = end_of_name(bytes, at);
                        (at, end, end)
                    }
                };
                value = &text[start..end];
                at = next;
            }
            if !attribute_is_safe(&name, value) {
                return false;
            }
        }
    }
    true
}

/// Whether an attribute (local name, lowercase; raw value) is harmless.
fn attribute_is_safe(name: &str, value: &str) -> bool {
    let value: String = decode_references(value)
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect();
    match name {
        _ if name.starts_with("on") => false,
        "href" | "src" => is_local_reference(&value),
        // `<set attributeName="href" to="…">` would rewrite a link after the checks.
        "attributename" => {
            let target = local_name(&value);
            target != "href" && target != "src" && !target.starts_with("on")
        }
        _ => true,
    }
}

/// Whether a `<!DOCTYPE` (given without its `<`) carries an internal subset.
fn doctype_has_subset(rest: &str) -> bool {
    match (rest.find('['), rest.find('>')) {
        (Some(open), Some(close)) => open < close,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Where a tag or attribute name starting at `at` ends.
fn end_of_name(bytes: &[u8], at: usize) -> usize {
    bytes[at..]
        .iter()
        .position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/' | b'=' | b'<'))
        .map_or(bytes.len(), |len| at + len)
}

/// The part of a qualified name after its prefix, lowercase: `xlink:href` → `href`.
fn local_name(name: &str) -> String {
    name.rsplit(':').next().unwrap_or(name).to_lowercase()
}

/// Decodes XML character references (`&#106;`, `&#x6A;`) and the five
/// predefined entities; anything else is kept as written.
fn decode_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&semi| semi <= 12).and_then(|semi| {
            let entity = &rest[1..semi];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => {
                    let number = entity.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            };
            c.map(|c| (c, semi + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A safe file name built from what the browser said: the stem (directories
/// and extension dropped) lowercased, accents removed, every run of other
/// characters one hyphen, trimmed of hyphens, at most 60 characters,
/// `image` when nothing is left; the extension is always `kind`'s, so
/// `evil.php` can only ever become `evil.jpg`.
pub(crate) fn safe_name(given: &str, kind: ImageType) -> String {
    let file = given.rsplit(['/', '\\']).next().unwrap_or(given);
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    let mut slug = String::new();
    let mut gap = false;
    for c in stem.chars().flat_map(char::to_lowercase) {
        if is_combining_mark(c) {
            continue; // the accent of a decomposed letter (`e` + U+0301), as macOS names files
        }
        let plain = fold_accent(c);
        if plain.is_empty() && !c.is_ascii_alphanumeric() {
            gap = true;
            continue;
        }
        if gap && !slug.is_empty() {
            slug.push('-');
        }
        gap = false;
        if plain.is_empty() {
            slug.push(c);
        } else {
            slug.push_str(plain);
        }
    }
    // Everything pushed is ASCII, so cutting by bytes cuts between characters.
    slug.truncate(MAX_STEM);
    let slug = slug.trim_matches('-');
    let stem = if slug.is_empty() { "image" } else { slug };
    format!("{stem}.{}", kind.extension())
}

/// Unicode combining diacritical marks, dropped so decomposed text folds
/// like composed text.
fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036f}').contains(&c)
}

/// The ASCII spelling of a lowercase Latin letter with a diacritic, or ""
/// when `c` is not one (plain ASCII letters and digits are kept by the caller).
fn fold_accent(c: char) -> &'static str {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => "",
    }
}

/// Stores an uploaded image in `root/static/images/uploads/` and returns the
/// site path to write in front matter and Markdown (`/images/uploads/<name>`).
///
/// The size limit, the sniffed type and SVG safety are checked first, so a
/// refused upload writes nothing. The folder is refused when it, or a
/// folder above it inside the site, is a symlink leading out of the site.
/// The name is [`safe_name`], with `-2`, `-3`… when taken: an upload never
/// replaces a file. The bytes are written to a temporary file and then
/// hard-linked under their name, which fails rather than overwrite, so the
/// watching build never sees half an image.
pub(crate) fn store(root: &Path, given_name: &str, bytes: &[u8]) -> Result<String, Refusal> {
    if bytes.len() > MAX_UPLOAD {
        return Err(Refusal::TooLarge);
    }
    let kind = sniff(bytes).ok_or(Refusal::BadType)?;
    if kind == ImageType::Svg && !std::str::from_utf8(bytes).is_ok_and(svg_is_safe) {
        return Err(Refusal::UnsafeSvg);
    }
    let dir = upload_dir(root)?;

    let name = safe_name(given_name, kind);
    let (stem, extension) = name.rsplit_once('.').unwrap_or((&name, ""));
    let temp = TempFile::write(&dir, bytes).map_err(|_| Refusal::Storage)?;
    // Bounded so a folder full of `x-N.jpg` cannot spin forever.
    for n in 1..10_000 {
        let candidate = if n == 1 { name.clone() } else { format!("{stem}-{n}.{extension}") };
        match temp.publish(&dir.join(&candidate), bytes) {
            Ok(()) => return Ok(format!("{UPLOAD_URL}/{candidate}")),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(_) => return Err(Refusal::Storage),
        }
    }
    Err(Refusal::Storage)
}

/// The upload folder, created if needed, as a canonical path checked to be
/// inside the canonical site root. The deepest existing folder is checked
/// before creating anything, so a symlink leading out of the site never
/// gets folders created at its target.
fn upload_dir(root: &Path) -> Result<std::path::PathBuf, Refusal> {
    let root = root.canonicalize().map_err(|_| Refusal::Storage)?;
    let dir = root.join(UPLOAD_DIR);
    let existing = dir.ancestors().find(|p| p.symlink_metadata().is_ok()).unwrap_or(&root);
    let inside = |path: &Path| path.canonicalize().map(|real| real.starts_with(&root));
    if !inside(existing).map_err(|_| Refusal::Symlink)? {
        return Err(Refusal::Symlink);
    }
    fs::create_dir_all(&dir).map_err(|_| Refusal::Storage)?;
    match inside(&dir) {
        Ok(true) => dir.canonicalize().map_err(|_| Refusal::Storage),
        Ok(false) => Err(Refusal::Symlink),
        Err(_) => Err(Refusal::Storage),
    }
}

/// A fully written copy of the upload, beside its final place, removed when
/// dropped.
struct TempFile {
    path: std::path::PathBuf,
}

impl TempFile {
    /// Writes `bytes` to a fresh dot-file in `dir` (random name, create_new,
    /// synced to disk).
    fn write(dir: &Path, bytes: &[u8]) -> io::Result<TempFile> {
        let mut random = [0u8; 8];
        getrandom::fill(&mut random).map_err(|e| io::Error::other(e.to_string()))?;
        let temp = TempFile { path: dir.join(format!(".upload-{}.tmp", hex(&random))) };
        let mut file = OpenOptions::new().write(true).create_new(true).open(&temp.path)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        Ok(temp)
    }

    /// Gives the written bytes the name `target`, failing with AlreadyExists
    /// when that name is taken. On a file system without hard links it falls
    /// back to creating `target` new and writing it, removing it if the write
    /// fails.
    fn publish(&self, target: &Path, bytes: &[u8]) -> io::Result<()> {
        match fs::hard_link(&self.path, target) {
            Err(e) if e.kind() != io::ErrorKind::AlreadyExists => write_new(target, bytes),
            linked => linked,
        }
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

fn write_new(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(target)?;
    file.write_all(bytes).and_then(|()| file.sync_all()).inspect_err(|_| {
        let _ = fs::remove_file(target);
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageFormat, RgbImage};
    use std::io::Cursor;

    fn encoded(format: ImageFormat) -> Vec<u8> {
        let mut bytes = Cursor::new(Vec::new());
        RgbImage::new(2, 2).write_to(&mut bytes, format).unwrap();
        bytes.into_inner()
    }

    const CLEAN_SVG: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<!-- drawn by hand -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
  <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>
  <style>.a { fill: url(#g); }</style>
  <rect class="a" width="10" height="10" fill="url('#g')"/>
  <use xlink:href="#g"/>
  <image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
  <a href="#top"><text>Café &amp; co</text></a>
</svg>
"##;

    #[test]
    fn images_are_recognised_from_their_bytes() {
        assert_eq!(sniff(&encoded(ImageFormat::Png)), Some(ImageType::Png));
        assert_eq!(sniff(&encoded(ImageFormat::Jpeg)), Some(ImageType::Jpeg));
        assert_eq!(sniff(&encoded(ImageFormat::WebP)), Some(ImageType::Webp));
        assert_eq!(sniff(CLEAN_SVG.as_bytes()), Some(ImageType::Svg));
        assert_eq!(sniff("\u{feff}  <svg/>".as_bytes()), Some(ImageType::Svg));
    }

    #[test]
    fn other_files_are_not_images() {
        assert_eq!(sniff(b"just some text, named photo.jpg"), None);
        assert_eq!(sniff(b"<!DOCTYPE html><html><body><svg></svg></body></html>"), None);
        assert_eq!(sniff(b"<html><svg/></html>"), None);
        assert_eq!(sniff(b"<svgfoo/>"), None);
        assert_eq!(sniff(b"RIFF\0\0\0\0WAVEfmt "), None);
        assert_eq!(sniff(b"<svg \xff>"), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn a_clean_svg_is_safe() {
        assert!(svg_is_safe(CLEAN_SVG));
    }

    #[test]
    fn svgs_that_run_script_or_load_from_elsewhere_are_unsafe() {
        let unsafe_svgs = [
            r#"<svg><script>alert(1)</script></svg>"#,
            r#"<svg><SCRIPT>alert(1)</SCRIPT></svg>"#,
            r#"<svg xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></svg>"#,
            r#"<svg onload="alert(1)"/>"#,
            r#"<svg><rect ONCLICK='alert(1)'/></svg>"#,
            r#"<svg><foreignObject><iframe src="x"/></foreignObject></svg>"#,
            r#"<svg><image href="https://evil.example/x.png"/></svg>"#,
            r#"<svg><a xlink:href="javascript:alert(1)">x</a></svg>"#,
            r#"<svg><a x:href="//evil.example" xmlns:x="http://www.w3.org/1999/xlink">x</a></svg>"#,
            r#"<svg><a href="jav&#x61;script:alert(1)">x</a></svg>"#,
            r#"<svg><a href=" java	script:alert(1)">x</a></svg>"#,
            r#"<svg><set attributeName="href" to="https://evil.example"/></svg>"#,
            r#"<svg><style>@import url(https://evil.example/a.css);</style></svg>"#,
            r#"<svg><rect fill="url(https://evil.example/p.svg#a)"/></svg>"#,
            r#"<?xml-stylesheet href="https://evil.example/a.css"?><svg/>"#,
            r#"<!DOCTYPE svg [<!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;">]><svg>&x;</svg>"#,
        ];
        for svg in unsafe_svgs {
            assert!(!svg_is_safe(svg), "{svg}");
        }
    }

    #[test]
    fn names_are_rebuilt_from_the_given_one() {
        assert_eq!(safe_name("Photo Été 2026 (1).JPG", ImageType::Jpeg), "photo-ete-2026-1.jpg");
        assert_eq!(safe_name("../../evil.php", ImageType::Jpeg), "evil.jpg");
        assert_eq!(safe_name("..\\..\\evil.php", ImageType::Png), "evil.png");
        assert_eq!(safe_name("Cœur Straße Façade.png", ImageType::Webp), "coeur-strasse-facade.webp");
        assert_eq!(safe_name("E\u{301}te\u{301}.jpeg", ImageType::Jpeg), "ete.jpg", "decomposed accents");
        assert_eq!(safe_name("日本.png", ImageType::Png), "image.png");
        assert_eq!(safe_name("", ImageType::Svg), "image.svg");
        assert_eq!(safe_name("--a--b--.svg", ImageType::Svg), "a-b.svg");
        let long = safe_name(&format!("{}.png", "ab-".repeat(40)), ImageType::Png);
        assert!(long.len() <= 60 + ".png".len() && !long.contains("-."), "{long}");
    }

    fn uploads(root: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(root.join(UPLOAD_DIR))
            .map(|dir| dir.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        names.sort();
        names
    }

    #[test]
    fn images_are_stored_without_overwriting() {
        let site = tempfile::tempdir().unwrap();
        let png = encoded(ImageFormat::Png);
        assert_eq!(store(site.path(), "Logo Été.png", &png), Ok("/images/uploads/logo-ete.png".into()));
        assert_eq!(store(site.path(), "logo été.PNG", &png), Ok("/images/uploads/logo-ete-2.png".into()));
        assert_eq!(store(site.path(), "drawing.svg", CLEAN_SVG.as_bytes()), Ok("/images/uploads/drawing.svg".into()));
        // The name's extension is ignored: these bytes are a JPEG.
        assert_eq!(
            store(site.path(), "photo.png", &encoded(ImageFormat::Jpeg)),
            Ok("/images/uploads/photo.jpg".into())
        );
        assert_eq!(uploads(site.path()), ["drawing.svg", "logo-ete-2.png", "logo-ete.png", "photo.jpg"]);
        assert_eq!(fs::read(site.path().join(UPLOAD_DIR).join("logo-ete-2.png")).unwrap(), png);
    }

    #[test]
    fn refused_uploads_write_nothing() {
        let site = tempfile::tempdir().unwrap();
        assert_eq!(store(site.path(), "photo.jpg", b"not an image at all"), Err(Refusal::BadType));
        assert_eq!(store(site.path(), "page.svg", b"<html><body>hi</body></html>"), Err(Refusal::BadType));
        for svg in [
            r#"<svg><script>alert(1)</script></svg>"#,
            r#"<svg onload="alert(1)"/>"#,
            r#"<svg><image href="https://evil.example/x"/></svg>"#,
        ] {
            assert_eq!(store(site.path(), "x.svg", svg.as_bytes()), Err(Refusal::UnsafeSvg), "{svg}");
        }
        let mut huge = encoded(ImageFormat::Png);
        huge.resize(MAX_UPLOAD + 1, 0);
        assert_eq!(store(site.path(), "huge.png", &huge), Err(Refusal::TooLarge));
        assert!(uploads(site.path()).is_empty());
    }

    #[test]
    fn an_upload_folder_leading_out_of_the_site_is_refused() {
        let site = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), site.path().join("static")).unwrap();
        assert_eq!(store(site.path(), "a.png", &encoded(ImageFormat::Png)), Err(Refusal::Symlink));
        assert!(fs::read_dir(outside.path()).unwrap().next().is_none(), "nothing created outside");

        // A link that stays inside the site is fine.
        let site = tempfile::tempdir().unwrap();
        fs::create_dir_all(site.path().join("assets/images")).unwrap();
        fs::create_dir(site.path().join("static")).unwrap();
        std::os::unix::fs::symlink(site.path().join("assets/images"), site.path().join("static/images")).unwrap();
        assert_eq!(store(site.path(), "a.png", &encoded(ImageFormat::Png)), Ok("/images/uploads/a.png".into()));
        assert!(site.path().join("assets/images/uploads/a.png").is_file());
    }
}
