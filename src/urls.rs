//! Owns the URL scheme: where each page lives under `base_url`, the
//! output file that serves each URL, and reading the URLs users write
//! (host, scheme, `.` and `..`, percent-escapes). Pure functions; no I/O.

use crate::config::Config;
use crate::content::Kind;

/// `/root/fr/`
pub fn home(config: &Config, lang: &str) -> String {
    format!("{}{lang}/", config.root())
}

/// `/root/fr/actualites/`
pub fn section(config: &Config, section: &str, lang: &str) -> String {
    format!("{}{}/", home(config, lang), config.section_slug(section, lang))
}

/// The page of an item: pages sit at the language root, the others in their section.
pub fn item(config: &Config, kind: Kind, lang: &str, slug: &str) -> String {
    match kind {
        Kind::Home => home(config, lang),
        Kind::Page => format!("{}{slug}/", home(config, lang)),
        _ => format!("{}{slug}/", section(config, kind.folder(), lang)),
    }
}

/// `/root/fr/mots-cles/cooperation/`
pub fn tag(config: &Config, lang: &str, slug: &str) -> String {
    format!("{}{slug}/", section(config, "tags", lang))
}

/// `/root/fr/data/question-flash.csv`: a survey's data in a language.
pub fn survey_data(config: &Config, lang: &str, survey: &str) -> String {
    format!("{}data/{survey}.csv", home(config, lang))
}

/// Page `number` (1-based) of a paginated list whose first page is `first`.
pub fn paginated(first: &str, number: usize) -> String {
    if number <= 1 { first.to_string() } else { format!("{first}page/{number}/") }
}

/// Absolute URL of a site path.
pub fn permalink(config: &Config, url: &str) -> String {
    let rest = url.strip_prefix(config.root()).unwrap_or(url.trim_start_matches('/'));
    format!("{}{rest}", config.base_url)
}

/// The output file, relative to the output folder, that serves `url`.
pub fn output_file(config: &Config, url: &str) -> String {
    let rest = url.strip_prefix(config.root()).unwrap_or(url.trim_start_matches('/'));
    if rest.is_empty() || rest.ends_with('/') { format!("{rest}index.html") } else { rest.to_string() }
}

// ---------------------------------------------------------------- reading URLs

/// Host (lower case, without port) and path of an absolute `http(s)://` or `//` URL.
pub(crate) fn split_url(url: &str) -> Option<(String, &str)> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        url.strip_prefix("//")?
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
    let path = &rest[end..];
    Some((host, if path.is_empty() { "/" } else { path }))
}

pub(crate) fn has_scheme(url: &str) -> bool {
    match url.find(':') {
        Some(i) => {
            let scheme = &url[..i];
            !scheme.is_empty()
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

pub(crate) fn strip_query(url: &str) -> &str {
    &url[..url.find(['?', '#']).unwrap_or(url.len())]
}

/// Resolves `.` and `..` and percent-escapes; None when it climbs above the root.
pub(crate) fn normalize(path: &str) -> Option<String> {
    let decoded = percent_decode(path);
    let mut parts: Vec<&str> = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    let folder = decoded.ends_with('/') || decoded.ends_with("/.") || decoded.ends_with("/..") || decoded == ".";
    if folder && !out.is_empty() {
        out.push('/');
    }
    Some(out)
}

pub(crate) fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(byte) = text.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The URL of a file of the site as written in content or data: a full URL
/// as it is, a path (`/images/logo.svg` or `images/logo.svg`) from the site
/// root, under the base_url's path (`/coopjop/images/logo.svg`).
pub fn site_file(config: &Config, written: &str) -> String {
    if has_scheme(written) || written.starts_with("//") {
        return written.to_string();
    }
    let root = config.root();
    if root != "/" && written.starts_with(root) {
        return written.to_string();
    }
    format!("{root}{}", written.trim_start_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_honour_a_sub_path_and_localized_sections() {
        let config = Config::parse("title = \"T\"\nbase_url = \"https://example.org/coopjop/\"\n").0.unwrap();
        let cases = [
            (item(&config, Kind::News, "fr", "lancement-coopjop"), "/coopjop/fr/actualites/lancement-coopjop/"),
            (item(&config, Kind::News, "en", "coopjop-launch"), "/coopjop/en/news/coopjop-launch/"),
            (item(&config, Kind::Page, "fr", "mentions-legales"), "/coopjop/fr/mentions-legales/"),
            (item(&config, Kind::Action, "en", "kick-off"), "/coopjop/en/agenda/kick-off/"),
            (item(&config, Kind::Partner, "fr", "region-sud"), "/coopjop/fr/partenaires/region-sud/"),
            (tag(&config, "fr", "sport"), "/coopjop/fr/mots-cles/sport/"),
            (paginated("/coopjop/fr/actualites/", 2), "/coopjop/fr/actualites/page/2/"),
            (paginated("/coopjop/fr/actualites/", 1), "/coopjop/fr/actualites/"),
            (permalink(&config, "/coopjop/en/"), "https://example.org/coopjop/en/"),
            (output_file(&config, "/coopjop/en/news/x/"), "en/news/x/index.html"),
            (output_file(&config, "/coopjop/"), "index.html"),
        ];
        for (found, expected) in cases {
            assert_eq!(found, expected);
        }
    }
}
