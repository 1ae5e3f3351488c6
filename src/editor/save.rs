//! Owns opening a content file in the form and saving it: what changed
//! against the file as it was read, the new text (see `patch`), the build's
//! checks on that text before anything is written, the refusal when the
//! file changed on disk since the form was opened, and the atomic write.

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

use serde_yaml::{Mapping, Value};

use super::catalog::Catalog;
use super::form::{Form, Message, values_of};
use super::html::{PREFIX, esc, t};
use super::patch::{self, PatchError};
use super::schema::{self, Posted};
use super::{Editor, TEXT_HTML, html};
use crate::content::{self, Kind};
use crate::diag::Diagnostic;
use crate::server::Answer;

/// What the base of a form is when its file does not exist yet.
const ABSENT: &str = "absent";

/// A content file as the form starts from it.
struct Opened {
    kind: Kind,
    id: String,
    lang: String,
    /// The text on disk, or what a new translation starts from.
    text: String,
    base: String,
    mapping: Mapping,
    body: String,
    /// The default-language version of a translation.
    source: Option<(Mapping, String)>,
}

/// The hash a form carries of the file it was opened on.
fn fingerprint(text: Option<&str>) -> String {
    match text {
        Some(text) => {
            let mut h = DefaultHasher::new();
            text.hash(&mut h);
            format!("{:016x}", h.finish())
        }
        None => ABSENT.to_string(),
    }
}

/// Front matter and body of a file's text; an empty mapping when unreadable.
fn parts(text: &str) -> (Mapping, String) {
    match content::split_front_matter(text) {
        Ok(split) => {
            let mapping = if split.front_matter.trim().is_empty() {
                Mapping::new()
            } else {
                serde_yaml::from_str(split.front_matter).unwrap_or_default()
            };
            (mapping, split.body.to_string())
        }
        Err(_) => (Mapping::new(), String::new()),
    }
}

fn open_file(editor: &Editor, catalog: &Catalog, rel: &str) -> Result<Opened, Answer> {
    let not_found = || Answer::new(404, super::TEXT_PLAIN, format!("{}\n", tr!("editor-no-such-file", path = rel)));
    let (kind, id, lang) = content::place(rel, &catalog.config).map_err(|_| not_found())?;
    let on_disk = std::fs::read_to_string(editor.root.join(rel)).ok();
    let entry = catalog.entries.get(&(kind, id.clone()));
    let text = match &on_disk {
        Some(text) => text.clone(),
        // A translation of an item that exists in another language.
        None if entry.is_some_and(|e| !e.versions.is_empty()) => crate::scaffold::translation_start(),
        None => return Err(not_found()),
    };
    let (mapping, body) = parts(&text);
    let default = &catalog.config.default_language;
    let source = match entry {
        Some(entry) if &lang != default => entry
            .versions
            .get(default)
            .and_then(|v| std::fs::read_to_string(editor.root.join(&v.path)).ok())
            .map(|text| parts(&text)),
        _ => None,
    };
    Ok(Opened { kind, id, lang, base: fingerprint(on_disk.as_deref()), text, mapping, body, source })
}

/// The form of `rel`: an existing file, or a new translation.
pub(super) fn open(editor: &Editor, catalog: &Catalog, rel: &str) -> Answer {
    let opened = match open_file(editor, catalog, rel) {
        Ok(opened) => opened,
        Err(answer) => return answer,
    };
    let mut errors: BTreeMap<String, Vec<Message>> = BTreeMap::new();
    let mut general = Vec::new();
    for d in catalog.about(rel) {
        place_message(&opened.text, d, opened.kind, &mut errors, &mut general);
    }
    let values = values_of(opened.kind, &opened.mapping, &opened.body);
    render(editor, catalog, rel, &opened, &values, errors, general, None, 200)
}

#[allow(clippy::too_many_arguments)]
fn render(
    editor: &Editor,
    catalog: &Catalog,
    rel: &str,
    opened: &Opened,
    values: &[(String, String)],
    errors: BTreeMap<String, Vec<Message>>,
    general: Vec<Message>,
    notice: Option<String>,
    status: u16,
) -> Answer {
    let countries = super::pages::countries(&editor.root, &catalog.config);
    let form = Form {
        catalog,
        kind: opened.kind,
        path: rel,
        lang: &opened.lang,
        values,
        source: opened.source.as_ref().map(|(m, b)| (m, b.as_str())),
        errors,
        general,
        notice,
        base: &opened.base,
        token: editor.token(),
        countries: &countries,
    };
    let title = Posted(values).text("f.title");
    let title = if title.is_empty() { rel.to_string() } else { title };
    let home = super::pages::site_home(catalog, &opened.lang);
    Answer::new(status, TEXT_HTML, html::page(&title, editor.token(), &home, &form.render()))
}

/// Saves a posted form, or shows it again with what keeps it from saving.
pub(super) fn save(editor: &Editor, catalog: &Catalog, pairs: &[(String, String)]) -> Answer {
    let pairs: Vec<(String, String)> = pairs.iter().map(|(n, v)| (n.clone(), v.replace("\r\n", "\n"))).collect();
    let posted = Posted(&pairs);
    let rel = posted.text("path");
    if let Err(refused) = super::guard::content_file(&editor.root, &rel) {
        let (status, message) = super::refusal(&refused);
        return Answer::new(status, super::TEXT_PLAIN, format!("{message}\n"));
    }
    let opened = match open_file(editor, catalog, &rel) {
        Ok(opened) => opened,
        Err(answer) => return answer,
    };
    let mut errors: BTreeMap<String, Vec<Message>> = BTreeMap::new();
    let mut general = Vec::new();
    let refuse = |errors, general, notice, status| {
        render(editor, catalog, &rel, &opened, &pairs, errors, general, notice, status)
    };

    // Someone else wrote the file since the form was opened.
    if posted.text("base") != opened.base {
        let yours = proposed(&opened, &posted).unwrap_or_default();
        let theirs = std::fs::read_to_string(editor.root.join(&rel)).unwrap_or_default();
        let notice = conflict_notice(&theirs, &yours);
        return refuse(errors, general, Some(notice), 409);
    }
    let text = match proposed(&opened, &posted) {
        Ok(text) => text,
        Err(error) => {
            let message = match error {
                PatchError::Unparsable(detail) => tr!("editor-unparsable", detail = detail),
                PatchError::NoFrontMatter => tr!("content-front-matter-missing"),
                PatchError::Unverified(detail) => tr!("editor-unverified", detail = detail),
            };
            general.push(Message { text: message, warning: false });
            return refuse(errors, general, None, 422);
        }
    };
    own_checks(&posted, opened.kind, &mut errors);
    let (diagnostics, surveyed) = editor.survey_with(&rel, &text);
    let known: std::collections::HashSet<String> =
        catalog.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.to_string()).collect();
    let mut blocking = !errors.is_empty();
    for d in diagnostics.sorted() {
        let ours = d.path == rel;
        let new_error = d.is_error() && !known.contains(&d.to_string());
        if ours || new_error {
            blocking |= d.is_error();
            if ours {
                place_message(&text, &d, opened.kind, &mut errors, &mut general);
            } else {
                general.push(Message { text: d.to_string(), warning: !d.is_error() });
            }
        }
    }
    if blocking {
        return refuse(errors, general, None, 422);
    }
    let seen = editor.builds();
    if let Err(error) = write_atomically(&editor.root.join(&rel), &text, opened.base == ABSENT) {
        let theirs = std::fs::read_to_string(editor.root.join(&rel)).unwrap_or_default();
        let notice = match error.kind() {
            std::io::ErrorKind::AlreadyExists => conflict_notice(&theirs, &text),
            _ => esc(&tr!("editor-write-failed", error = error.to_string())),
        };
        return refuse(errors, general, Some(notice), 409);
    }
    editor.forget();
    let url = surveyed.and_then(|s| {
        let site = &s.site;
        match opened.kind {
            Kind::Home => site.homes.get(&opened.lang).map(|e| e.url.clone()),
            kind => {
                site.find(kind, &opened.id).and_then(|i| site.items[i].entries.get(&opened.lang)).map(|e| e.url.clone())
            }
        }
    });
    let warned = !errors.is_empty() || !general.is_empty();
    if url.is_some() && !warned {
        editor.wait_for_build(seen);
    }
    match url {
        Some(url) if !warned => Answer::new(303, super::TEXT_PLAIN, String::new()).with("Location", url),
        _ => {
            let saved = Opened { base: fingerprint(Some(&text)), ..opened_after(&opened, &text) };
            let values = values_of(saved.kind, &saved.mapping, &saved.body);
            let mut notice = esc(&t("editor-saved"));
            if let Some(url) = url {
                notice.push_str(&format!(" <a href=\"{}\">{}</a>", esc(&url), esc(&t("editor-view-page"))));
            }
            render(editor, catalog, &rel, &saved, &values, errors, general, Some(notice), 200)
        }
    }
}

/// The file as it will be after a save: the new text parsed again.
fn opened_after(opened: &Opened, text: &str) -> Opened {
    let (mapping, body) = parts(text);
    Opened {
        kind: opened.kind,
        id: opened.id.clone(),
        lang: opened.lang.clone(),
        text: text.to_string(),
        base: String::new(),
        mapping,
        body,
        source: opened.source.clone(),
    }
}

/// The text the form asks for: the file with every changed field and the
/// body written in.
fn proposed(opened: &Opened, posted: &Posted) -> Result<String, PatchError> {
    let mut changes: Vec<(&str, Option<Value>)> = Vec::new();
    for field in schema::fields(opened.kind) {
        let new = schema::read(field, posted);
        if !schema::same(field, opened.mapping.get(field.name), new.as_ref()) {
            changes.push((field.name, new));
        }
    }
    let body = posted.get("body").map(|b| b.replace("\r\n", "\n"));
    let unchanged = body.as_deref().map(str::trim) == Some(opened.body.trim());
    let body = if unchanged { None } else { body };
    patch::patch(&opened.text, &changes, body.as_deref(), &schema::order(opened.kind))
}

/// What the editor asks beyond the build: alternative text for images.
fn own_checks(posted: &Posted, kind: Kind, errors: &mut BTreeMap<String, Vec<Message>>) {
    if kind == Kind::News && !posted.text("f.image.src").is_empty() && posted.text("f.image.alt").is_empty() {
        errors.entry("image".into()).or_default().push(Message { text: t("editor-image-needs-alt"), warning: false });
    }
    let body = posted.get("body").unwrap_or_default();
    if images_without_alt(body) > 0 {
        errors
            .entry("body".into())
            .or_default()
            .push(Message { text: t("editor-body-image-needs-alt"), warning: false });
    }
}

/// How many images of a Markdown text have no alternative text.
fn images_without_alt(markdown: &str) -> usize {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut count = 0;
    let mut alt: Option<String> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Image { .. }) => alt = Some(String::new()),
            Event::End(TagEnd::Image) if alt.take().is_some_and(|a| a.trim().is_empty()) => count += 1,
            Event::Text(text) | Event::Code(text) => {
                if let Some(alt) = alt.as_mut() {
                    alt.push_str(&text);
                }
            }
            _ => {}
        }
    }
    count
}

/// The conflict notice: what is on disk now and what the form holds.
fn conflict_notice(theirs: &str, yours: &str) -> String {
    format!(
        "<p><strong>{}</strong></p>\n<div class=\"versions\"><section><h2>{}</h2><pre tabindex=\"0\">{}</pre></section>\n\
<section><h2>{}</h2><pre tabindex=\"0\">{}</pre></section></div>",
        esc(&t("editor-conflict")),
        esc(&t("editor-conflict-theirs")),
        esc(theirs),
        esc(&t("editor-conflict-yours")),
        esc(yours)
    )
}

/// A diagnostic next to its field, found by its line in `text` or by the
/// field it names; in the summary only when it belongs to none.
fn place_message(
    text: &str,
    d: &Diagnostic,
    kind: Kind,
    errors: &mut BTreeMap<String, Vec<Message>>,
    general: &mut Vec<Message>,
) {
    let mut message = d.message.clone();
    if let Some(hint) = &d.hint {
        message.push_str(" — ");
        message.push_str(hint);
    }
    let message = Message { text: message, warning: !d.is_error() };
    let names = schema::order(kind);
    let named = names.iter().find(|n| d.message.contains(&format!("'{n}'"))).map(|n| n.to_string());
    match field_at(text, d.line, &names).or(named) {
        Some(field) => errors.entry(field).or_default().push(message),
        None => general.push(message),
    }
}

/// The field written at `line` of a file (1-based), or `body`.
fn field_at(text: &str, line: usize, names: &[&str]) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let close = lines.iter().skip(1).position(|l| l.trim_end() == "---").map(|p| p + 2)?;
    if line > close {
        return Some("body".into());
    }
    if line < 2 {
        return None;
    }
    for l in lines[1..line].iter().rev() {
        if l.starts_with([' ', '\t', '-', '#']) || l.trim().is_empty() {
            continue;
        }
        let key = l.split(':').next().unwrap_or_default().trim();
        return names.iter().find(|n| **n == key).map(|n| n.to_string());
    }
    None
}

/// Writes `text` to `path` through a file beside it, so the file is never
/// half-written; a new file is never put over one that appeared meanwhile.
fn write_atomically(path: &Path, text: &str, new: bool) -> std::io::Result<()> {
    use std::io::Write as _;
    let dir = path.parent().ok_or_else(|| std::io::Error::other("no folder"))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    // `.#` files are what editors write while saving: the watcher skips them.
    let temporary = dir.join(format!(".#{name}.{}", std::process::id()));
    let mut file = std::fs::File::create(&temporary)?;
    let written = file.write_all(text.as_bytes()).and_then(|()| file.sync_all());
    drop(file);
    let placed = written
        .and_then(|()| if new { std::fs::hard_link(&temporary, path) } else { std::fs::rename(&temporary, path) });
    let _ = std::fs::remove_file(&temporary);
    placed
}

/// The body of a form rendered by the site's own Markdown pipeline, with
/// the problems it has.
pub(super) fn preview(editor: &Editor, pairs: &[(String, String)]) -> Answer {
    let posted = Posted(pairs);
    let rel = posted.text("path");
    let fragment = |html: String| Answer::new(200, TEXT_HTML, html);
    if super::guard::content_file(&editor.root, &rel).is_err() {
        return fragment(String::new());
    }
    let Some(catalog) = editor.catalog() else { return fragment(String::new()) };
    let Ok(opened) = open_file(editor, &catalog, &rel) else { return fragment(String::new()) };
    let body = posted.get("body").unwrap_or_default().replace("\r\n", "\n");
    let Ok(text) = patch::patch(&opened.text, &[], Some(&body), &[]) else { return fragment(String::new()) };
    let (diagnostics, surveyed) = editor.survey_with(&rel, &text);
    let mut out = String::new();
    let problems: Vec<Diagnostic> = diagnostics
        .sorted()
        .into_iter()
        .filter(|d| d.path == rel && field_at(&text, d.line, &[]).as_deref() == Some("body"))
        .collect();
    if !problems.is_empty() {
        out.push_str("<ul class=\"preview-problems\">");
        for d in problems {
            out.push_str(&format!("<li>{}</li>", esc(&d.message)));
        }
        out.push_str("</ul>");
    }
    if let Some(surveyed) = surveyed {
        let index = match opened.kind {
            Kind::Home => Some(crate::pages::HOME),
            kind => surveyed.site.find(kind, &opened.id),
        };
        if let Some(body) = index.and_then(|i| surveyed.bodies.get(&(i, opened.lang.clone()))) {
            out.push_str(&body.html());
        }
    }
    let _ = PREFIX;
    fragment(out)
}
