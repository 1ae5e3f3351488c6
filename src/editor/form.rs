//! Owns the edit form of one content file: a field per front matter field
//! of its type (see `schema`), the Markdown body with its preview, the
//! messages of the last save beside their fields and in a summary, and for
//! a translation the default-language version beside it. It renders from
//! form values, so a refused save shows exactly what was typed.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_yaml::{Mapping, Value};

use super::catalog::Catalog;
use super::html::{PREFIX, esc, t};
use super::inputs::{Attrs, group, help, image, input_id, label};
use super::schema::{self, Field, Input, Posted};
use crate::content::Kind;
use crate::frontmatter;

/// Everything one form shows.
pub(crate) struct Form<'a> {
    pub catalog: &'a Catalog,
    pub kind: Kind,
    /// The file, relative to the site root.
    pub path: &'a str,
    pub lang: &'a str,
    /// The form values: from the file, or as posted.
    pub values: &'a [(String, String)],
    /// For a translation: the default-language version's front matter
    /// and body, shown beside and inherited.
    pub source: Option<(&'a Mapping, &'a str)>,
    /// Messages by field (`body` for the text), and those of no field.
    pub errors: BTreeMap<String, Vec<Message>>,
    pub general: Vec<Message>,
    /// A notice shown above the form (saved, conflict).
    pub notice: Option<String>,
    /// The file's hash when the form was opened ("absent" for a new file).
    pub base: &'a str,
    pub token: &'a str,
    /// Country codes and names in the user's language.
    pub countries: &'a [(String, String)],
}

/// A message next to a field.
#[derive(Debug, Clone)]
pub(crate) struct Message {
    pub text: String,
    pub warning: bool,
}

/// The form values of a file's front matter and body.
pub(crate) fn values_of(kind: Kind, mapping: &Mapping, body: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for field in schema::fields(kind) {
        let value = mapping.get(field.name);
        let key = schema::name(field.name);
        let Some(value) = value else { continue };
        match field.input {
            Input::When => {
                let text = schema::scalar(value);
                match text.split_once('T') {
                    Some((date, time)) => {
                        out.push((key.clone(), date.to_string()));
                        out.push((format!("{key}.time"), time.to_string()));
                    }
                    None => out.push((key, text)),
                }
            }
            Input::Bool => {
                if value == &Value::Bool(true) {
                    out.push((key, "true".into()));
                }
            }
            Input::Refs(_) => match value {
                Value::Sequence(items) => out.extend(items.iter().map(|i| (key.clone(), schema::scalar(i)))),
                other => out.push((key, schema::scalar(other))),
            },
            Input::List | Input::Location => out.push((key, schema::joined(Some(value)))),
            Input::Group(subs) => {
                let entries = value.as_sequence().cloned().unwrap_or_default();
                for (n, entry) in entries.iter().enumerate() {
                    for sub in subs {
                        let text = entry.get(sub.name).map(schema::scalar).unwrap_or_default();
                        out.push((format!("{key}.{n}.{}", sub.name), text));
                    }
                }
            }
            Input::Image => {
                for part in ["src", "alt", "credit", "focus"] {
                    let text = value.get(part).map(schema::scalar).unwrap_or_default();
                    out.push((format!("{key}.{part}"), text));
                }
            }
            _ => out.push((key, schema::scalar(value))),
        }
    }
    out.push(("body".into(), body.trim_start_matches(['\n', '\r']).to_string()));
    out
}

impl Form<'_> {
    /// The whole `<main>` content.
    pub fn render(&self) -> String {
        let posted = Posted(self.values);
        let mut out = String::new();
        let title = posted.text("f.title");
        let heading = if title.is_empty() { self.path.to_string() } else { title };
        let language = self.catalog.config.language(self.lang).map(|l| l.name.clone()).unwrap_or_default();
        let _ = write!(
            out,
            "<h1>{}</h1>\n<p class=\"file\">{} · <span lang=\"{}\">{}</span> · <code>{}</code></p>\n",
            esc(&heading),
            esc(&super::html::kind_label(self.kind)),
            esc(self.lang),
            esc(&language),
            esc(self.path)
        );
        if let Some(notice) = &self.notice {
            let _ = writeln!(out, "<div class=\"notice\" role=\"status\">{notice}</div>");
        }
        out.push_str(&self.summary());
        let translation = self.source.is_some();
        let _ = write!(
            out,
            "<div class=\"{}\">\n<form method=\"post\" action=\"{PREFIX}save\" class=\"edit\" data-editor-form novalidate>\n\
<input type=\"hidden\" name=\"token\" value=\"{}\">\n<input type=\"hidden\" name=\"path\" value=\"{}\">\n\
<input type=\"hidden\" name=\"base\" value=\"{}\">\n",
            if translation { "columns" } else { "single" },
            esc(self.token),
            esc(self.path),
            esc(self.base)
        );
        let (main, more): (Vec<&Field>, Vec<&Field>) = schema::fields(self.kind).iter().partition(|f| f.main);
        for field in &main {
            out.push_str(&self.field(field, &posted));
        }
        out.push_str(&self.body(&posted));
        let open = more.iter().any(|f| self.errors.contains_key(f.name) || self.has_value(f, &posted));
        let _ = writeln!(
            out,
            "<details class=\"more\"{}><summary>{}</summary>",
            if open { " open" } else { "" },
            esc(&t("editor-more-fields"))
        );
        for field in &more {
            out.push_str(&self.field(field, &posted));
        }
        out.push_str("</details>\n");
        let _ = write!(
            out,
            "<p class=\"actions\"><button type=\"submit\" class=\"primary\">{}</button></p>\n</form>\n",
            esc(&t("editor-save"))
        );
        if let Some((mapping, body)) = self.source {
            out.push_str(&self.source_version(mapping, body));
        }
        out.push_str("</div>\n");
        out
    }

    fn has_value(&self, field: &Field, posted: &Posted) -> bool {
        let key = schema::name(field.name);
        posted.0.iter().any(|(name, value)| name.starts_with(&key) && !value.trim().is_empty())
    }

    /// Every message, each linking to its field; focused on load.
    fn summary(&self) -> String {
        let errors = self.errors.values().flatten().chain(&self.general).filter(|m| !m.warning).count();
        let warnings = self.errors.values().flatten().chain(&self.general).filter(|m| m.warning).count();
        if errors + warnings == 0 {
            return String::new();
        }
        let heading = if errors > 0 {
            crate::messages::text("editor-errors-heading", &[("count", errors.into())])
        } else {
            crate::messages::text("editor-warnings-heading", &[("count", warnings.into())])
        };
        let class = if errors > 0 { "summary errors" } else { "summary warnings" };
        let mut out = format!(
            "<div class=\"{class}\" id=\"summary\" tabindex=\"-1\" role=\"alert\" autofocus data-summary>\n<h2>{}</h2>\n<ul>\n",
            esc(&heading)
        );
        for (field, messages) in &self.errors {
            for message in messages {
                let _ = writeln!(
                    out,
                    "<li><a href=\"#{}\">{}: {}</a></li>",
                    input_id(field),
                    esc(&label(field)),
                    esc(&message.text)
                );
            }
        }
        for message in &self.general {
            let _ = writeln!(out, "<li>{}</li>", esc(&message.text));
        }
        out.push_str("</ul>\n</div>\n");
        out
    }

    /// One field with its label, help, inherited value and messages.
    fn field(&self, field: &Field, posted: &Posted) -> String {
        let name = field.name;
        let id = input_id(name);
        let required = frontmatter::required(self.kind).contains(&name);
        let mut notes = Vec::new();
        if let Some(help) = help(name) {
            notes.push(format!("<p class=\"help\" id=\"{id}-help\">{}</p>", esc(&help)));
        }
        if let Some((source, _)) = self.source {
            if !self.has_value(field, posted)
                && let Some(value) = source.get(name)
            {
                let shown = inherited_text(field, value, self.catalog, self.lang);
                let text = crate::messages::text("editor-inherited", &[("value", shown.into())]);
                notes.push(format!("<p class=\"inherited\" id=\"{id}-inherited\">{}</p>", esc(&text)));
            }
            if !frontmatter::translatable(self.kind, name) {
                notes.push(format!("<p class=\"neutral\" id=\"{id}-neutral\">{}</p>", esc(&t("editor-neutral"))));
            }
        }
        for message in self.errors.get(name).into_iter().flatten() {
            let class = if message.warning { "warning" } else { "error" };
            notes.push(format!("<p class=\"{class}\" id=\"{id}-{class}\">{}</p>", esc(&message.text)));
        }
        let described: Vec<String> = notes
            .iter()
            .filter_map(|n| n.split("id=\"").nth(1).and_then(|rest| rest.split('"').next()).map(str::to_string))
            .collect();
        let invalid = self.errors.get(name).is_some_and(|m| m.iter().any(|m| !m.warning));
        let attrs =
            Attrs { id: &id, described: described.join(" "), invalid, required: required && self.source.is_none() };
        let mark = if required {
            format!(" <span class=\"required\">{}</span>", esc(&t("editor-required")))
        } else {
            String::new()
        };
        let key = schema::name(name);
        let value = posted.get(&key).unwrap_or_default();
        let notes = notes.join("\n");
        let grouped = |legend: &str, inner: String| {
            format!(
                "<fieldset class=\"field\" id=\"field-{name}\"{}>\n<legend>{}{mark}</legend>\n{notes}\n{inner}\n</fieldset>\n",
                if invalid { " data-invalid" } else { "" },
                esc(legend)
            )
        };
        let single = |inner: String| {
            format!(
                "<div class=\"field\" id=\"field-{name}\">\n<label for=\"{id}\">{}{mark}</label>\n{notes}\n{inner}\n</div>\n",
                esc(&label(name))
            )
        };
        match field.input {
            Input::Text | Input::Url => {
                let kind = if field.input == Input::Url { "url" } else { "text" };
                single(format!("<input type=\"{kind}\" name=\"{key}\" value=\"{}\"{attrs}>", esc(value)))
            }
            Input::Long => single(format!("<textarea name=\"{key}\" rows=\"3\"{attrs}>{}</textarea>", esc(value))),
            Input::Date => single(format!("<input type=\"date\" name=\"{key}\" value=\"{}\"{attrs}>", esc(value))),
            Input::Integer => single(format!(
                "<input type=\"text\" inputmode=\"numeric\" name=\"{key}\" value=\"{}\"{attrs}>",
                esc(value)
            )),
            Input::When => {
                let time = posted.get(&format!("{key}.time")).unwrap_or_default();
                grouped(
                    &label(name),
                    format!(
                        "<label for=\"{id}\">{}</label> <input type=\"date\" name=\"{key}\" value=\"{}\"{attrs}>\n\
<label for=\"{id}-time\">{}</label> <input type=\"time\" id=\"{id}-time\" name=\"{key}.time\" value=\"{}\">",
                        esc(&t("editor-date")),
                        esc(value),
                        esc(&t("editor-time-optional")),
                        esc(time)
                    ),
                )
            }
            Input::Bool => {
                let checked = if value == "true" { " checked" } else { "" };
                format!(
                    "<div class=\"field check\" id=\"field-{name}\">\n<input type=\"checkbox\" name=\"{key}\" value=\"true\"{checked}{attrs}> \
<label for=\"{id}\">{}</label>\n{notes}\n</div>\n",
                    esc(&label(name))
                )
            }
            Input::Choice(options) => {
                let mut inner =
                    format!("<select name=\"{key}\"{attrs}>\n<option value=\"\">{}</option>\n", esc(&t("editor-none")));
                let known = options.contains(&value);
                for option in options {
                    let selected = if *option == value { " selected" } else { "" };
                    let text = t(&format!("editor-value-{option}"));
                    let _ = writeln!(inner, "<option value=\"{option}\"{selected}>{}</option>", esc(&text));
                }
                if !known && !value.is_empty() {
                    let _ = writeln!(inner, "<option value=\"{0}\" selected>{0}</option>", esc(value));
                }
                inner.push_str("</select>");
                single(inner)
            }
            Input::Country => {
                let mut inner =
                    format!("<select name=\"{key}\"{attrs}>\n<option value=\"\">{}</option>\n", esc(&t("editor-none")));
                let known = self.countries.iter().any(|(code, _)| code == value);
                if !known && !value.is_empty() {
                    let _ = writeln!(inner, "<option value=\"{0}\" selected>{0}</option>", esc(value));
                }
                for (code, country) in self.countries {
                    let selected = if code == value { " selected" } else { "" };
                    let _ = writeln!(inner, "<option value=\"{code}\"{selected}>{}</option>", esc(country));
                }
                inner.push_str("</select>");
                single(inner)
            }
            Input::Ref(kind) => {
                let mut inner =
                    format!("<select name=\"{key}\"{attrs}>\n<option value=\"\">{}</option>\n", esc(&t("editor-none")));
                let choices = self.catalog.choices(kind, self.lang);
                if !value.is_empty() && !choices.iter().any(|(id, _)| id == value) {
                    let text = crate::messages::text("editor-unknown-id", &[("id", value.into())]);
                    let _ = writeln!(inner, "<option value=\"{}\" selected>{}</option>", esc(value), esc(&text));
                }
                for (choice, title) in choices {
                    let selected = if choice == value { " selected" } else { "" };
                    let _ = writeln!(inner, "<option value=\"{}\"{selected}>{}</option>", esc(&choice), esc(&title));
                }
                inner.push_str("</select>");
                single(inner)
            }
            Input::Refs(kind) => grouped(&label(name), self.refs(&key, &id, kind, posted, &attrs)),
            Input::List => single(format!("<input type=\"text\" name=\"{key}\" value=\"{}\"{attrs}>", esc(value))),
            Input::Location => single(format!(
                "<input type=\"text\" name=\"{key}\" value=\"{}\" placeholder=\"45.46, 9.19\"{attrs}>",
                esc(value)
            )),
            Input::Group(subs) => grouped(&label(name), group(&key, &id, subs, posted, &self.catalog.funders)),
            Input::Image => grouped(&label(name), image(&key, &id, posted, &attrs)),
        }
    }

    /// A searchable list of checkboxes, labelled with titles; ids the list
    /// does not know stay in a text box, for the check to name them.
    fn refs(&self, key: &str, id: &str, kind: Kind, posted: &Posted, attrs: &Attrs) -> String {
        let chosen: Vec<&str> = posted.all(key).map(str::trim).collect();
        let choices = self.catalog.choices(kind, self.lang);
        let mut other: Vec<String> =
            chosen.iter().filter(|c| !choices.iter().any(|(id, _)| id == *c)).map(|c| c.to_string()).collect();
        let typed = posted.text(&format!("{key}.other"));
        if !typed.is_empty() {
            other.push(typed);
        }
        let mut out = format!(
            "<p class=\"filter\"><label for=\"{id}-filter\">{}</label> <input type=\"search\" id=\"{id}-filter\" data-filter=\"{id}-list\" autocomplete=\"off\"></p>\n<ul class=\"choices\" id=\"{id}-list\">\n",
            esc(&t("editor-filter"))
        );
        for (n, (choice, title)) in choices.iter().enumerate() {
            let checked = if chosen.contains(&choice.as_str()) { " checked" } else { "" };
            let first = if n == 0 { format!(" id=\"{id}\"") } else { format!(" id=\"{id}-{n}\"") };
            let label_for = if n == 0 { id.to_string() } else { format!("{id}-{n}") };
            let described = if n == 0 && !attrs.described.is_empty() {
                format!(" aria-describedby=\"{}\"", attrs.described)
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "<li><input type=\"checkbox\" name=\"{key}\" value=\"{}\"{first}{checked}{described}> <label for=\"{label_for}\">{}</label></li>",
                esc(choice),
                esc(title)
            );
        }
        let _ = write!(
            out,
            "</ul>\n<p><label for=\"{id}-other\">{}</label> <input type=\"text\" id=\"{id}-other\" name=\"{key}.other\" value=\"{}\"{}></p>",
            esc(&t("editor-other-ids")),
            esc(&other.join(", ")),
            if attrs.invalid { " aria-invalid=\"true\"" } else { "" }
        );
        out
    }

    /// The Markdown text with its formatting buttons, image insertion and preview.
    fn body(&self, posted: &Posted) -> String {
        let text = posted.get("body").unwrap_or_default();
        let id = input_id("body");
        let mut notes = String::new();
        let invalid = self.errors.get("body").is_some_and(|m| m.iter().any(|m| !m.warning));
        for message in self.errors.get("body").into_iter().flatten() {
            let class = if message.warning { "warning" } else { "error" };
            let _ = writeln!(notes, "<p class=\"{class}\" id=\"{id}-{class}\">{}</p>", esc(&message.text));
        }
        let described = if notes.is_empty() {
            format!("{id}-help")
        } else {
            format!("{id}-help {id}-{}", if invalid { "error" } else { "warning" })
        };
        let buttons: String = [("bold", "**"), ("italic", "_"), ("heading", "## "), ("list", "- "), ("link", "[]()")]
            .iter()
            .map(|(name, _)| {
                format!(
                    "<button type=\"button\" data-format=\"{name}\">{}</button>",
                    esc(&t(&format!("editor-format-{name}")))
                )
            })
            .collect();
        format!(
            "<div class=\"field body\" id=\"field-body\">\n<label for=\"{id}\">{label}</label>\n\
<p class=\"help\" id=\"{id}-help\">{help}</p>\n{notes}\
<div class=\"format\" role=\"toolbar\" aria-label=\"{format}\" aria-controls=\"{id}\">{buttons}</div>\n\
<textarea name=\"body\" id=\"{id}\" rows=\"18\" aria-describedby=\"{described}\"{invalid} data-body>{text}</textarea>\n\
<div class=\"insert-image\" data-alt-first=\"{alt_first}\"><p><label for=\"{id}-image\">{insert}</label> <input type=\"file\" id=\"{id}-image\" accept=\"image/jpeg,image/png,image/webp,image/svg+xml\" data-upload=\"body\"></p>\n\
<p><label for=\"{id}-image-alt\">{alt}</label> <input type=\"text\" id=\"{id}-image-alt\" data-upload-alt></p>\n\
<p class=\"upload-status\" role=\"status\" data-upload-status></p></div>\n\
<section class=\"preview\" aria-labelledby=\"preview-heading\"><h2 id=\"preview-heading\">{preview}</h2>\n\
<div id=\"preview\" data-preview lang=\"{lang}\"></div></section>\n</div>\n",
            label = esc(&t("editor-body")),
            help = esc(&t("editor-body-help")),
            format = esc(&t("editor-format")),
            invalid = if invalid { " aria-invalid=\"true\"" } else { "" },
            text = esc(text),
            insert = esc(&t("editor-insert-image")),
            alt = esc(&t("editor-image-alt")),
            preview = esc(&t("editor-preview")),
            alt_first = esc(&t("editor-alt-first")),
            lang = esc(self.lang),
        )
    }

    /// The default-language version, read-only, beside a translation.
    fn source_version(&self, mapping: &Mapping, body: &str) -> String {
        let default = &self.catalog.config.default_language;
        let name = self.catalog.config.language(default).map(|l| l.name.clone()).unwrap_or_default();
        let heading = crate::messages::text("editor-source-heading", &[("language", name.into())]);
        let mut out = format!(
            "<aside class=\"source\" aria-labelledby=\"source-heading\" lang=\"{}\">\n<h2 id=\"source-heading\">{}</h2>\n<dl>\n",
            esc(default),
            esc(&heading)
        );
        for field in schema::fields(self.kind) {
            if let Some(value) = mapping.get(field.name) {
                let _ = writeln!(
                    out,
                    "<dt>{}</dt><dd>{}</dd>",
                    esc(&label(field.name)),
                    esc(&inherited_text(field, value, self.catalog, default))
                );
            }
        }
        let _ = write!(
            out,
            "</dl>\n<h3>{}</h3>\n<pre class=\"source-body\" tabindex=\"0\">{}</pre>\n</aside>\n",
            esc(&t("editor-body")),
            esc(body.trim())
        );
        out
    }
}

/// An inherited value as text: titles for references, lists joined.
fn inherited_text(field: &Field, value: &Value, catalog: &Catalog, lang: &str) -> String {
    match field.input {
        Input::Ref(kind) | Input::Refs(kind) => {
            let titles = catalog.choices(kind, lang);
            let ids = match value {
                Value::Sequence(items) => items.iter().map(schema::scalar).collect(),
                other => vec![schema::scalar(other)],
            };
            ids.iter()
                .map(|id| titles.iter().find(|(c, _)| c == id).map_or_else(|| id.clone(), |(_, title)| title.clone()))
                .collect::<Vec<_>>()
                .join(", ")
        }
        Input::Group(subs) => value
            .as_sequence()
            .map(|entries| {
                entries
                    .iter()
                    .map(|e| {
                        subs.iter().filter_map(|s| e.get(s.name).map(schema::scalar)).collect::<Vec<_>>().join(" · ")
                    })
                    .collect::<Vec<_>>()
                    .join(" ; ")
            })
            .unwrap_or_default(),
        Input::Image => {
            ["src", "alt"].iter().filter_map(|p| value.get(*p).map(schema::scalar)).collect::<Vec<_>>().join(" — ")
        }
        Input::Choice(_) => {
            let text = schema::scalar(value);
            let id = format!("editor-value-{text}");
            if crate::messages::has(&id) { t(&id) } else { text }
        }
        _ => schema::joined(Some(value)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::{Locale, text_in};

    /// Labels are found by name at run time: every field, sub-field,
    /// choice and type has its message in both languages.
    #[test]
    fn every_field_and_choice_has_its_words() {
        let mut ids = vec!["editor-field-body".to_string()];
        for kind in Kind::ITEMS.into_iter().chain([Kind::Home]) {
            ids.push(format!("editor-kind-{}", kind.name()));
            ids.push(format!("editor-section-{}", kind.name()));
            for field in schema::fields(kind) {
                ids.push(format!("editor-field-{}", field.name.replace('_', "-")));
                match field.input {
                    Input::Choice(options) => ids.extend(options.iter().map(|o| format!("editor-value-{o}"))),
                    Input::Group(subs) => ids.extend(subs.iter().map(|s| format!("editor-field-{}", s.name))),
                    _ => {}
                }
                if let Some(_help) = help(field.name) {
                    ids.push(format!("editor-help-{}", field.name.replace('_', "-")));
                }
            }
        }
        for id in ids {
            for locale in [Locale::En, Locale::Fr] {
                let text = text_in(locale, &id, &[]);
                assert!(!text.is_empty() && text != id, "{id} in {locale:?}");
            }
        }
    }
}
