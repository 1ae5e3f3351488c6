//! Owns the inputs the edit form builds from parts: the attributes every
//! field's input carries, repeatable groups (funding, working groups) with
//! the registry's funders suggested, the image field with its upload, and
//! the words (labels, help) of each field.

use std::fmt::Write as _;

use super::html::{esc, t};
use super::schema::{self, Posted};

/// Attributes every input of a field carries.
pub(super) struct Attrs<'a> {
    pub id: &'a str,
    pub described: String,
    pub invalid: bool,
    pub required: bool,
}

impl std::fmt::Display for Attrs<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, " id=\"{}\"", self.id)?;
        if !self.described.is_empty() {
            write!(f, " aria-describedby=\"{}\"", self.described)?;
        }
        if self.invalid {
            f.write_str(" aria-invalid=\"true\"")?;
        }
        if self.required {
            f.write_str(" aria-required=\"true\"")?;
        }
        Ok(())
    }
}

/// The id of the list of funder ids a `funder` input suggests.
const FUNDER_LIST: &str = "funder-ids";

/// The entries of a repeatable group, and one blank entry to add another.
/// A `funder` input suggests the ids of `funders` (id, name).
pub(super) fn group(
    key: &str,
    id: &str,
    subs: &[schema::Sub],
    posted: &Posted,
    funders: &[(String, String)],
) -> String {
    let mut count = 0;
    while subs.iter().any(|s| posted.get(&format!("{key}.{count}.{}", s.name)).is_some()) {
        count += 1;
    }
    let mut out = format!("<ol class=\"group\" data-group=\"{key}\">\n");
    for n in 0..=count {
        let number = crate::messages::text("editor-entry", &[("number", (n + 1).into())]);
        let _ = writeln!(out, "<li class=\"entry\"><fieldset><legend>{}</legend>", esc(&number));
        for sub in subs {
            let name = format!("{key}.{n}.{}", sub.name);
            let input =
                if n == 0 && sub.name == subs[0].name { id.to_string() } else { format!("{id}-{n}-{}", sub.name) };
            let value = posted.get(&name).unwrap_or_default();
            let mode = if sub.number { " inputmode=\"decimal\"" } else { "" };
            let list = if sub.name == "funder" && !funders.is_empty() {
                format!(" list=\"{FUNDER_LIST}\" autocomplete=\"off\"")
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "<p><label for=\"{input}\">{}</label> <input type=\"text\" id=\"{input}\" name=\"{name}\" value=\"{}\"{mode}{list}></p>",
                esc(&label(sub.name)),
                esc(value)
            );
        }
        out.push_str("</fieldset></li>\n");
    }
    let _ = write!(
        out,
        "</ol>\n<p class=\"help\">{}</p>\n<button type=\"button\" data-add-entry=\"{key}\">{}</button>",
        esc(&t("editor-group-help")),
        esc(&t("editor-add-entry"))
    );
    if subs.iter().any(|sub| sub.name == "funder") && !funders.is_empty() {
        let _ = write!(out, "\n<datalist id=\"{FUNDER_LIST}\">");
        for (funder, name) in funders {
            let _ = write!(out, "<option value=\"{}\">{}</option>", esc(funder), esc(name));
        }
        out.push_str("</datalist>");
    }
    out
}

/// A news image: where it is, its alternative text (required), credit and focus.
pub(super) fn image(key: &str, id: &str, posted: &Posted, attrs: &Attrs) -> String {
    let part = |name: &str| posted.get(&format!("{key}.{name}")).unwrap_or_default().to_string();
    let invalid = if attrs.invalid { " aria-invalid=\"true\"" } else { "" };
    let described =
        if attrs.described.is_empty() { String::new() } else { format!(" aria-describedby=\"{}\"", attrs.described) };
    format!(
        "<p><label for=\"{id}\">{src}</label> <input type=\"text\" id=\"{id}\" name=\"{key}.src\" value=\"{}\"{described}{invalid} data-image-src></p>\n\
<p><label for=\"{id}-file\">{upload}</label> <input type=\"file\" id=\"{id}-file\" accept=\"image/jpeg,image/png,image/webp,image/svg+xml\" data-upload=\"{key}.src\"></p>\n\
<p class=\"upload-status\" role=\"status\" data-upload-status></p>\n\
<p><label for=\"{id}-alt\">{alt}</label> <input type=\"text\" id=\"{id}-alt\" name=\"{key}.alt\" value=\"{}\"{invalid}></p>\n\
<p><label for=\"{id}-credit\">{credit}</label> <input type=\"text\" id=\"{id}-credit\" name=\"{key}.credit\" value=\"{}\"></p>\n\
<p><label for=\"{id}-focus\">{focus}</label> <input type=\"text\" id=\"{id}-focus\" name=\"{key}.focus\" value=\"{}\" placeholder=\"center\"></p>",
        esc(&part("src")),
        esc(&part("alt")),
        esc(&part("credit")),
        esc(&part("focus")),
        src = esc(&t("editor-image-src")),
        upload = esc(&t("editor-image-upload")),
        alt = esc(&t("editor-image-alt")),
        credit = esc(&t("editor-image-credit")),
        focus = esc(&t("editor-image-focus")),
    )
}

/// The id of a field's (first) input.
pub(super) fn input_id(field: &str) -> String {
    format!("input-{}", field.replace(['.', '_'], "-"))
}

/// The label of a field in the user's language.
pub(super) fn label(field: &str) -> String {
    t(&format!("editor-field-{}", field.replace('_', "-")))
}

/// The help of a field, for those that need one.
pub(super) fn help(field: &str) -> Option<String> {
    match field {
        "slug" | "tags" | "themes" | "aliases" | "summary" | "working_group" | "time_zone" | "logo"
        | "official_lang" => Some(t(&format!("editor-help-{}", field.replace('_', "-")))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Kind;

    #[test]
    fn a_funder_input_suggests_the_registry_by_id_and_name() {
        let funding = schema::fields(Kind::Project).iter().find(|f| f.name == "funding").expect("funding");
        let schema::Input::Group(subs) = funding.input else { panic!("funding is a group") };
        let pairs = vec![("f.funding.0.funder".to_string(), "meae".to_string())];
        let funders = vec![("meae".to_string(), "Ministère de l'Europe & des Affaires étrangères".to_string())];
        let html = group("f.funding", "input-funding", subs, &Posted(&pairs), &funders);
        assert!(html.contains("name=\"f.funding.0.funder\" value=\"meae\" list=\"funder-ids\""), "{html}");
        assert!(
            html.contains("<option value=\"meae\">Ministère de l&apos;Europe &amp; des Affaires étrangères</option>"),
            "{html}"
        );
        let without = group("f.funding", "input-funding", subs, &Posted(&pairs), &[]);
        assert!(!without.contains("list=") && !without.contains("<datalist"), "{without}");
    }
}
