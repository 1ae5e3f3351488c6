//! Owns the frame every editor page shares (document, header, skip link,
//! styles and script) and the small HTML helpers the pages use. Every text
//! that reaches HTML goes through `esc`.

use crate::messages;

/// Where the editor answers, outside the site's root.
pub(crate) const PREFIX: &str = "/__passerelle/edit/";

/// `text` escaped for HTML text and attribute values.
pub(crate) fn esc(text: &str) -> String {
    crate::escape::xml(text)
}

/// A message of the editor in the user's language.
pub(crate) fn t(id: &str) -> String {
    messages::text(id, &[])
}

/// A whole editor page: `title` in `<title>` and as the page's heading
/// comes from the caller, inside `main`.
pub(crate) fn page(title: &str, token: &str, site_home: &str, main: &str) -> String {
    let lang = messages::locale().code();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"passerelle-token\" content=\"{token}\">\n\
<title>{title} – {editor}</title>\n\
<link rel=\"stylesheet\" href=\"{PREFIX}editor.css\">\n\
<script src=\"{PREFIX}editor.js\" defer></script>\n</head>\n<body>\n\
<a class=\"skip\" href=\"#main\">{skip}</a>\n\
<header class=\"bar\"><p class=\"brand\">{editor}</p>\n<nav aria-label=\"{nav}\"><ul>\
<li><a href=\"{PREFIX}\">{dashboard}</a></li><li><a href=\"{home}\">{site}</a></li></ul></nav></header>\n\
<main id=\"main\" tabindex=\"-1\">\n{main}\n</main>\n</body>\n</html>\n",
        title = esc(title),
        token = esc(token),
        editor = esc(&t("editor-name")),
        skip = esc(&t("editor-skip")),
        nav = esc(&t("editor-nav")),
        dashboard = esc(&t("editor-dashboard")),
        site = esc(&t("editor-view-site")),
        home = esc(site_home),
    )
}

/// A link to the form of a content file.
pub(crate) fn form_link(path: &str) -> String {
    format!("{PREFIX}form?path={}", query(path))
}

/// `text` percent-encoded for a query string value.
pub(crate) fn query(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_./~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The name of a language in the user's language when the editor knows
/// it, else the site's name for it.
pub(crate) fn language_name(code: &str, site_name: &str) -> String {
    match code {
        "fr" | "en" | "it" | "es" | "de" | "pt" | "ar" => t(&format!("editor-lang-{code}")),
        _ => site_name.to_string(),
    }
}

/// The label of a content type ("News item"), in the user's language.
pub(crate) fn kind_label(kind: crate::content::Kind) -> String {
    t(&format!("editor-kind-{}", kind.name()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(query("content/news/a.fr.md"), "content/news/a.fr.md");
        assert_eq!(query("a b&c=d/é"), "a%20b%26c%3Dd/%C3%A9");
    }
}
