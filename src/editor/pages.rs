//! Owns the editor's pages other than the form: the dashboard of every
//! item with its languages and problems, the page that creates an item
//! (as `passerelle new` does), and the toolbar added to the site's pages.

use std::fmt::Write as _;
use std::path::Path;

use super::catalog::{Catalog, Entry};
use super::html::{self, PREFIX, esc, form_link, kind_label, language_name, t};
use super::schema::Posted;
use super::{Editor, TEXT_HTML};
use crate::config::Config;
use crate::content::Kind;
use crate::server::Answer;

/// The site's home in `lang` (or the default language).
pub(super) fn site_home(catalog: &Catalog, lang: &str) -> String {
    let lang = if catalog.config.language(lang).is_some() { lang } else { &catalog.config.default_language };
    crate::urls::home(&catalog.config, lang)
}

/// Country codes with their names in the user's language, from the
/// theme's messages, sorted by name.
pub(super) fn countries(root: &Path, config: &Config) -> Vec<(String, String)> {
    let ui = crate::messages::locale().code().to_string();
    let (theme, _) = crate::theme::load(root, &config.theme);
    let (locales, _) = crate::i18n::Locales::load(theme.locales, std::slice::from_ref(&ui));
    let mut out: Vec<(String, String)> = crate::countries::all()
        .map(|code| {
            let name = locales.message(&ui, &format!("country-{code}"), &[]).unwrap_or_else(|_| code.to_string());
            (code.to_string(), name)
        })
        .collect();
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

/// Every item by type, with its languages, missing and older translations
/// and current problems, each linking to its form.
pub(super) fn dashboard(catalog: &Catalog, token: &str) -> String {
    let mut main = format!("<h1>{}</h1>\n", esc(&t("editor-dashboard")));
    main.push_str(&new_links());
    let languages = &catalog.config.languages;
    for kind in [Kind::News, Kind::Action, Kind::Project, Kind::Partner, Kind::Page, Kind::Home] {
        let entries: Vec<&Entry> = catalog.entries.values().filter(|e| e.kind == kind).collect();
        if entries.is_empty() {
            continue;
        }
        let heading = crate::messages::text(&format!("editor-section-{}", kind.name()), &[]);
        let _ = write!(
            main,
            "<section aria-labelledby=\"section-{name}\"><h2 id=\"section-{name}\">{}</h2>\n<table>\n<thead><tr><th scope=\"col\">{}</th>",
            esc(&heading),
            esc(&t("editor-column-item")),
            name = kind.name()
        );
        for language in languages {
            let _ = write!(main, "<th scope=\"col\">{}</th>", esc(&language_name(&language.code, &language.name)));
        }
        let _ = write!(main, "<th scope=\"col\">{}</th></tr></thead>\n<tbody>\n", esc(&t("editor-column-problems")));
        for entry in entries {
            let title = entry
                .versions
                .get(&catalog.config.default_language)
                .or_else(|| entry.versions.values().next())
                .map(|v| v.title.clone())
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| if entry.id.is_empty() { t("editor-home") } else { entry.id.clone() });
            let default = entry.versions.get(&catalog.config.default_language);
            let first = default.or_else(|| entry.versions.values().next()).map(|v| v.path.clone()).unwrap_or_default();
            let _ =
                write!(main, "<tr><th scope=\"row\"><a href=\"{}\">{}</a></th>", esc(&form_link(&first)), esc(&title));
            let mut problems = Vec::new();
            for language in languages {
                let path = catalog.path_in(entry, &language.code);
                let cell = match entry.versions.get(&language.code) {
                    Some(_) => {
                        let older = catalog.about(&path).iter().any(|d| d.message.contains(&catalog_older_marker()));
                        let state = if older { t("editor-translation-older") } else { t("editor-translation-ok") };
                        format!("<a href=\"{}\">{}</a>", esc(&form_link(&path)), esc(&state))
                    }
                    None => {
                        let text = crate::messages::text(
                            "editor-translate-into",
                            &[("language", language.name.clone().into())],
                        );
                        format!("<a class=\"missing\" href=\"{}\">{}</a>", esc(&form_link(&path)), esc(&text))
                    }
                };
                let _ = write!(main, "<td>{cell}</td>");
                for d in catalog.about(&path) {
                    problems.push((path.clone(), d));
                }
            }
            main.push_str("<td>");
            if problems.is_empty() {
                main.push_str(&esc(&t("editor-no-problem")));
            } else {
                main.push_str("<ul class=\"problems\">");
                for (path, d) in problems {
                    let class = if d.is_error() { "error" } else { "warning" };
                    let _ = write!(
                        main,
                        "<li class=\"{class}\"><a href=\"{}\">{}:{}</a> {}</li>",
                        esc(&form_link(&path)),
                        esc(path.rsplit('/').next().unwrap_or_default()),
                        d.line,
                        esc(&d.message)
                    );
                }
                main.push_str("</ul>");
            }
            main.push_str("</td></tr>\n");
        }
        main.push_str("</tbody>\n</table></section>\n");
    }
    let home = site_home(catalog, &catalog.config.default_language);
    html::page(&t("editor-dashboard"), token, &home, &main)
}

/// What `check` says of a translation older than its source, without
/// its variable parts, to recognise it.
fn catalog_older_marker() -> String {
    let text = crate::messages::text(
        "check-translation-older",
        &[("source", "\u{1}".into()), ("changed", "\u{1}".into()), ("translated", "\u{1}".into())],
    );
    text.split('\u{1}').max_by_key(|part| part.len()).unwrap_or_default().to_string()
}

/// Links to create an item of each type.
fn new_links() -> String {
    let mut out = format!("<nav aria-label=\"{}\" class=\"new\"><ul>", esc(&t("editor-new")));
    for kind in Kind::ITEMS {
        let _ = write!(
            out,
            "<li><a href=\"{PREFIX}new?kind={}\">{}</a></li>",
            kind.name(),
            esc(&crate::messages::text("editor-new-kind", &[("kind", kind_label(kind).into())]))
        );
    }
    out.push_str("</ul></nav>\n");
    out
}

/// The page that creates an item: its type, title and id.
pub(super) fn new_item(
    catalog: &Catalog,
    kind: &str,
    token: &str,
    values: &[(String, String)],
    error: Option<(&str, String)>,
) -> Answer {
    let posted = Posted(values);
    let chosen = Kind::ITEMS.into_iter().find(|k| k.name() == kind).unwrap_or(Kind::News);
    let mut main = format!("<h1>{}</h1>\n", esc(&t("editor-new")));
    if let Some((field, message)) = &error {
        let _ = writeln!(
            main,
            "<div class=\"summary errors\" id=\"summary\" tabindex=\"-1\" role=\"alert\" autofocus data-summary><h2>{}</h2><ul><li><a href=\"#new-{field}\">{}</a></li></ul></div>",
            esc(&crate::messages::text("editor-errors-heading", &[("count", 1.into())])),
            esc(message)
        );
    }
    let _ = write!(
        main,
        "<form method=\"post\" action=\"{PREFIX}create\" class=\"edit\" novalidate>\n<input type=\"hidden\" name=\"token\" value=\"{}\">\n\
<div class=\"field\"><label for=\"new-kind\">{}</label>\n<select id=\"new-kind\" name=\"kind\">",
        esc(token),
        esc(&t("editor-new-type"))
    );
    for kind in Kind::ITEMS {
        let selected = if kind == chosen { " selected" } else { "" };
        let ids = catalog.ids(kind).join(" ");
        let _ = write!(
            main,
            "<option value=\"{}\" data-ids=\"{}\"{selected}>{}</option>",
            kind.name(),
            esc(&ids),
            esc(&kind_label(kind))
        );
    }
    main.push_str("</select></div>\n");
    let field = |name: &str, label: &str, help: Option<String>, value: String| {
        let invalid = error.as_ref().is_some_and(|(f, _)| *f == name);
        let message = error.as_ref().filter(|(f, _)| *f == name).map(|(_, m)| m.clone());
        let mut described = Vec::new();
        let mut notes = String::new();
        if let Some(help) = help {
            described.push(format!("new-{name}-help"));
            let _ = write!(notes, "<p class=\"help\" id=\"new-{name}-help\">{}</p>", esc(&help));
        }
        if let Some(message) = message {
            described.push(format!("new-{name}-error"));
            let _ = write!(notes, "<p class=\"error\" id=\"new-{name}-error\">{}</p>", esc(&message));
        }
        format!(
            "<div class=\"field\"><label for=\"new-{name}\">{} <span class=\"required\">{}</span></label>\n{notes}\n\
<input type=\"text\" id=\"new-{name}\" name=\"{name}\" value=\"{}\" aria-required=\"true\" aria-describedby=\"{}\"{}{}></div>\n",
            esc(label),
            esc(&t("editor-required")),
            esc(&value),
            described.join(" "),
            if invalid { " aria-invalid=\"true\"" } else { "" },
            if name == "id" { " data-id spellcheck=\"false\" autocomplete=\"off\"" } else { " data-title" }
        )
    };
    main.push_str(&field("title", &t("editor-field-title"), None, posted.text("title")));
    main.push_str(&field("id", &t("editor-new-id"), Some(t("editor-new-id-help")), posted.text("id")));
    let languages: Vec<String> = catalog.config.languages.iter().map(|l| language_name(&l.code, &l.name)).collect();
    let _ = write!(
        main,
        "<p class=\"help\">{}</p>\n<p class=\"actions\"><button type=\"submit\" class=\"primary\">{}</button></p>\n</form>\n",
        esc(&crate::messages::text("editor-new-languages", &[("languages", languages.join(", ").into())])),
        esc(&t("editor-create"))
    );
    let home = site_home(catalog, &catalog.config.default_language);
    let status = if error.is_some() { 422 } else { 200 };
    Answer::new(status, TEXT_HTML, html::page(&t("editor-new"), token, &home, &main))
}

/// An id from a title: lowercase, accents removed, hyphens between words.
pub(super) fn id_from(title: &str) -> String {
    let slug = crate::markdown::slugify(title);
    let ascii: String = slug.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    let mut out = String::new();
    for part in ascii.split('-').filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(part);
    }
    out.chars().take(60).collect::<String>().trim_end_matches('-').to_string()
}

/// Creates an item in every language, as `passerelle new` does, then
/// opens the form of its default-language file.
pub(super) fn create(editor: &Editor, catalog: &Catalog, pairs: &[(String, String)]) -> Answer {
    let posted = Posted(pairs);
    let kind = posted.text("kind");
    let title = posted.text("title");
    if title.is_empty() {
        return new_item(catalog, &kind, editor.token(), pairs, Some(("title", t("editor-new-needs-title"))));
    }
    let mut id = posted.text("id");
    if id.is_empty() {
        id = id_from(&title);
        let kind_ids = Kind::ITEMS.into_iter().find(|k| k.name() == kind).map(|k| catalog.ids(k)).unwrap_or_default();
        let base = id.clone();
        let mut n = 2;
        while kind_ids.contains(&id.as_str()) {
            id = format!("{base}-{n}");
            n += 1;
        }
    }
    let today = editor.lock().builder.options().today.unwrap_or_else(|| jiff::Zoned::now().date());
    let item = crate::scaffold::NewItem { root: &editor.root, kind: &kind, id: &id, title: Some(&title), today };
    match crate::scaffold::new_item(&item) {
        Ok(written) => {
            editor.forget();
            let first = written.first().cloned().unwrap_or_default();
            Answer::new(303, super::TEXT_PLAIN, String::new()).with("Location", form_link(&first))
        }
        Err(error) => {
            let mut values = pairs.to_vec();
            values.retain(|(n, _)| n != "id");
            values.push(("id".into(), id));
            new_item(catalog, &kind, editor.token(), &values, Some(("id", error.to_string())))
        }
    }
}

/// The editor's toolbar on a site page: edit it, translate it, create,
/// and the dashboard.
pub(super) fn toolbar(catalog: &Catalog, path: &str) -> String {
    let mut links = Vec::new();
    if let Some((entry, lang)) = catalog.at_url(path) {
        if let Some(version) = entry.versions.get(lang) {
            links.push(format!("<a href=\"{}\">{}</a>", esc(&form_link(&version.path)), esc(&t("editor-edit-page"))));
        }
        for language in &catalog.config.languages {
            if !entry.versions.contains_key(&language.code) {
                let text =
                    crate::messages::text("editor-translate-into", &[("language", language.name.clone().into())]);
                let target = catalog.path_in(entry, &language.code);
                links.push(format!("<a href=\"{}\">{}</a>", esc(&form_link(&target)), esc(&text)));
            }
        }
    }
    let mut new = format!("<details><summary>{}</summary><ul>", esc(&t("editor-new-menu")));
    for kind in Kind::ITEMS {
        let _ = write!(new, "<li><a href=\"{PREFIX}new?kind={}\">{}</a></li>", kind.name(), esc(&kind_label(kind)));
    }
    new.push_str("</ul></details>");
    links.push(new);
    links.push(format!("<a href=\"{PREFIX}\">{}</a>", esc(&t("editor-dashboard"))));
    let items: String = links.iter().map(|l| format!("<li>{l}</li>")).collect();
    format!(
        "<nav id=\"passerelle-toolbar\" aria-label=\"{}\" lang=\"{}\"><style>{TOOLBAR_CSS}</style><ul>{items}</ul></nav>",
        esc(&t("editor-toolbar")),
        crate::messages::locale().code()
    )
}

/// Dark blue with white text (contrast above 12:1), clear of the page.
const TOOLBAR_CSS: &str = "#passerelle-toolbar{position:fixed;bottom:0;right:0;z-index:2147483646;\
background:#0b2a4a;color:#fff;font:15px/1.4 system-ui,sans-serif;padding:.4rem .6rem;\
border-top-left-radius:6px;box-shadow:0 0 10px rgba(0,0,0,.4)}\
#passerelle-toolbar ul{list-style:none;display:flex;flex-wrap:wrap;gap:.75rem;margin:0;padding:0;align-items:flex-start}\
#passerelle-toolbar a,#passerelle-toolbar summary{color:#fff;text-decoration:underline;cursor:pointer}\
#passerelle-toolbar details ul{display:block;position:absolute;bottom:100%;background:#0b2a4a;padding:.5rem .75rem}\
#passerelle-toolbar details li{margin:.25rem 0}\
#passerelle-toolbar a:focus-visible,#passerelle-toolbar summary:focus-visible{outline:3px solid #ffd166;outline-offset:2px}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_titles() {
        assert_eq!(id_from("Lancement de l'Été 2026 !"), "lancement-de-l-ete-2026");
        assert_eq!(id_from("Œuvre — « coopération »"), "oeuvre-cooperation");
        assert_eq!(id_from("   "), "");
    }
}
