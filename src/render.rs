//! Owns turning the Site into bytes: renders every Markdown body in
//! parallel (resolving `@/` links and shortcodes), then every planned page
//! through its template in parallel, handing each result to a [`Sink`]. It
//! knows where output goes only through the Sink.

use std::collections::HashMap;
use std::sync::Mutex;

use rayon::prelude::*;
use tera::Context;

use crate::content::Kind;
use crate::diag::{Diagnostic, Diagnostics};
use crate::markdown::{self, Input, Rendered};
use crate::pages::{Bodies, HOME, Spec, Views, plan, url_in};
use crate::resolve::Site;
use crate::templates::Engine;
use crate::urls;

/// Where rendered files go: a folder for `build`, memory for `serve`.
pub trait Sink: Sync {
    /// Writes `bytes` at `path`, relative to the output root.
    fn write(&self, path: &str, bytes: &[u8]) -> std::io::Result<()>;
}

/// Renders the Markdown of every item version and home page.
pub(crate) fn bodies(site: &Site, engine: &Engine) -> (Bodies, Diagnostics) {
    let mut jobs: Vec<(usize, &crate::resolve::Entry)> =
        site.items.iter().enumerate().flat_map(|(n, item)| item.entries.values().map(move |e| (n, e))).collect();
    jobs.extend(site.homes.values().map(|e| (HOME, e)));
    let resolver = Links { site, engine };
    let results: Vec<((usize, String), Rendered, Vec<Diagnostic>)> = jobs
        .par_iter()
        .map(|(n, entry)| {
            let input = Input { text: &entry.body, lang: &entry.lang, first_line: entry.body_line };
            let mut rendered = markdown::render(&input, &resolver);
            let problems = std::mem::take(&mut rendered.problems)
                .into_iter()
                .map(|p| {
                    let d = Diagnostic::error(&entry.path, p.line, p.col, p.message);
                    match p.hint {
                        Some(h) => d.with_hint(h),
                        None => d,
                    }
                })
                .collect();
            ((*n, entry.lang.clone()), rendered, problems)
        })
        .collect();
    let mut diags = Diagnostics::new();
    let mut out = HashMap::with_capacity(results.len());
    for (key, rendered, problems) in results {
        diags.extend(problems);
        out.insert(key, rendered);
    }
    (out, diags)
}

/// Resolves `@/section/id.md` links and renders shortcodes for Markdown.
struct Links<'a> {
    site: &'a Site,
    engine: &'a Engine,
}

impl markdown::Resolver for Links<'_> {
    fn link(&self, target: &str, lang: &str) -> Option<String> {
        let (folder, file) = target.trim_start_matches('/').split_once('/')?;
        let id = file.strip_suffix(".md").unwrap_or(file);
        let id = id.rsplit_once('.').map_or(id, |(id, _lang)| id);
        if folder.is_empty() && id == "_index" {
            return Some(urls::home(&self.site.config, lang));
        }
        let kind = Kind::from_folder(folder)?;
        let index = self.site.find(kind, id)?;
        Some(url_in(self.site, &self.site.items[index], lang))
    }

    fn shortcode(&self, name: &str, args: &[(String, String)], lang: &str) -> Result<String, String> {
        let template = format!("shortcodes/{name}.html");
        if !self.engine.has(&template) {
            return Err(format!("no template templates/{template}"));
        }
        let mut context = Context::new();
        context.insert("lang", lang);
        context.insert("root", self.site.config.root());
        for (key, value) in args {
            context.insert(key.clone(), value);
        }
        self.engine.render(&template, &context).map_err(|e| format!("{}:{}:{}: {}", e.path, e.line, e.col, e.message))
    }
}

/// A template position and message: (path, line, column, message).
type ErrorAt = (String, usize, usize, String);

/// What rendering produced.
#[derive(Debug, Default)]
pub struct Summary {
    /// Pages written per language (root pages count under "").
    pub pages: HashMap<String, usize>,
    pub files: usize,
}

/// Renders every planned page into `sink`. Template errors are reported
/// once per template position, with the first page that hit them.
pub(crate) fn pages(
    site: &Site,
    engine: &Engine,
    bodies: &Bodies,
    sink: &dyn Sink,
) -> std::io::Result<(Summary, Diagnostics)> {
    let specs = plan(site);
    let views = Views::new(site, bodies, &engine.locales);
    let errors: Mutex<HashMap<ErrorAt, (String, usize)>> = Mutex::new(HashMap::new());
    let written: Vec<std::io::Result<Option<String>>> = specs
        .par_iter()
        .map(|spec| {
            let vars = views.vars(spec);
            let mut context = Context::new();
            context.insert("lang", &vars.lang);
            context.insert("site", &vars.site);
            context.insert("page", &vars.page);
            if let Some(home) = &vars.home {
                context.insert("home", home);
            }
            if let Some(item) = &vars.item {
                context.insert("item", item);
            }
            if let Some(list) = &vars.list {
                context.insert("list", list);
            }
            if let Spec::Alias { index, lang, .. } = spec {
                let target = urls::permalink(&site.config, &url_in(site, &site.items[*index], lang));
                sink.write(&urls::output_file(&site.config, &vars.url), redirect(&target, lang).as_bytes())?;
                return Ok(None);
            }
            let template = spec.template(site);
            match engine.render(&template, &context) {
                Ok(html) => {
                    let path = match spec {
                        Spec::NotFound => "404.html".to_string(),
                        _ => urls::output_file(&site.config, &vars.url),
                    };
                    sink.write(&path, html.as_bytes())?;
                    Ok(Some(if matches!(spec, Spec::Chooser | Spec::NotFound) { String::new() } else { vars.lang }))
                }
                Err(e) => {
                    let mut errors = errors.lock().unwrap_or_else(|p| p.into_inner());
                    let entry =
                        errors.entry((e.path, e.line, e.col, e.message)).or_insert_with(|| (vars.url.clone(), 0));
                    entry.1 += 1;
                    Ok(None)
                }
            }
        })
        .collect();
    let mut summary = Summary::default();
    for result in written {
        if let Some(lang) = result? {
            *summary.pages.entry(lang).or_default() += 1;
            summary.files += 1;
        }
    }
    let mut diags = Diagnostics::new();
    for ((path, line, col, message), (page, count)) in errors.into_inner().unwrap_or_else(|p| p.into_inner()) {
        let hint = if count > 1 {
            format!("while rendering {page} (and {} other pages)", count - 1)
        } else {
            format!("while rendering {page}")
        };
        diags.push(Diagnostic::error(path, line, col, message).with_hint(hint));
    }
    Ok((summary, diags))
}

/// A page that sends visitors and search engines from an old URL to `target`.
fn redirect(target: &str, lang: &str) -> String {
    let target = target.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;");
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{target}</title>\n\
         <link rel=\"canonical\" href=\"{target}\">\n<meta name=\"robots\" content=\"noindex\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={target}\">\n</head>\n\
         <body>\n<p><a href=\"{target}\">{target}</a></p>\n</body>\n</html>\n"
    )
}

/// Copies the theme's and the site's static files.
pub(crate) fn statics(files: &crate::theme::ThemeFiles, sink: &dyn Sink) -> std::io::Result<usize> {
    files
        .statics
        .par_iter()
        .map(|(path, source)| {
            match source {
                crate::theme::StaticSource::Embedded(bytes) => sink.write(path, bytes)?,
                crate::theme::StaticSource::Disk(disk) => sink.write(path, &std::fs::read(disk)?)?,
            }
            Ok(1)
        })
        .sum()
}
