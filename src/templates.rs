//! Owns the template engine: compiles the theme's Tera templates, registers
//! the `t` translation function and the `dir_within` direction function
//! (both take the language from the page being rendered) and
//! `resize_image` (which a build lends its images, see
//! [`Engine::lend_images`]), and turns Tera's errors into diagnostics that
//! name the template, line and column. It renders contexts it is given; it does not
//! decide which pages exist.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use rustc_hash::FxHashMap;

use tera::{Context, ErrorKind, Kwargs, State, Tera};

use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::{Arg, Locales};
use crate::images::{Focus, Format, Op, Request, Resized};
use crate::theme::TemplateSource;

/// Compiled templates plus the UI strings they use.
pub struct Engine {
    tera: Tera,
    /// Template name → path shown to users.
    paths: HashMap<String, String>,
    pub locales: Arc<Locales>,
    /// What `resize_image` calls, while a build renders.
    resizer: Slot,
}

/// What `resize_image` asks of the build: the image at `path` (as a theme
/// writes it) made as `request`, or why it cannot be.
pub type Resizer = dyn Fn(&str, &Request) -> Result<Resized, String> + Send + Sync;

type Slot = Arc<RwLock<Option<Arc<Resizer>>>>;

/// A failed render, located in a template when Tera knows where.
#[derive(Debug, Clone)]
pub struct RenderError {
    pub path: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl Engine {
    /// Compiles every template; each syntax error is a diagnostic.
    pub fn new(
        templates: &std::collections::BTreeMap<String, TemplateSource>,
        locales: Arc<Locales>,
    ) -> (Option<Engine>, Diagnostics) {
        let mut diags = Diagnostics::new();
        let paths: HashMap<String, String> =
            templates.iter().map(|(name, src)| (name.clone(), src.path.clone())).collect();
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".htm", ".xml", ".svg"]);
        let resizer = Slot::default();
        register(&mut tera, &locales);
        register_resize_image(&mut tera, Arc::clone(&resizer));
        let all = templates.iter().map(|(name, src)| (name.as_str(), src.text.as_str()));
        if let Err(err) = tera.add_raw_templates(all) {
            // Tera stops at the first broken template: compile each alone to report them all.
            for (name, src) in templates {
                let mut alone = Tera::new();
                if let Err(e) = alone.add_raw_template(name, &src.text)
                    && matches!(e.kind(), ErrorKind::SyntaxError(_))
                {
                    diags.push(located(&e, &paths).into_diagnostic_plain());
                }
            }
            if diags.is_empty() {
                diags.push(located(&err, &paths).into_diagnostic_plain());
            }
            return (None, diags);
        }
        (Some(Engine { tera, paths, locales, resizer }), diags)
    }

    /// Lets `resize_image` use `resizer` until `None` is lent (a build
    /// lends its images while it renders).
    pub fn lend_images(&self, resizer: Option<Arc<Resizer>>) {
        *self.resizer.write().unwrap_or_else(|p| p.into_inner()) = resizer;
    }

    pub fn has(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    pub fn render(&self, name: &str, context: &Context) -> Result<String, RenderError> {
        self.tera.render(name, context).map_err(|e| located(&e, &self.paths))
    }

    /// Renders into bytes, without checking again that they are UTF-8
    /// (Tera writes them from strings), for pages written as they are.
    pub fn render_bytes(&self, name: &str, context: &Context) -> Result<Vec<u8>, RenderError> {
        let mut out = Vec::with_capacity(16 * 1024);
        self.tera.render_to(name, context, &mut out).map_err(|e| located(&e, &self.paths))?;
        Ok(out)
    }
}

impl RenderError {
    fn into_diagnostic_plain(self) -> Diagnostic {
        Diagnostic::error(self.path, self.line, self.col, self.message)
    }
}

fn register(tera: &mut Tera, locales: &Arc<Locales>) {
    let for_t = Arc::clone(locales);
    // A message without arguments reads the same on every page of a
    // language: formatted once, then shared (a page calls `t` dozens of
    // times).
    let plain: RwLock<FxHashMap<String, FxHashMap<String, tera::Value>>> = RwLock::default();
    tera.register_function("t", move |kwargs: Kwargs, state: &State| -> tera::TeraResult<tera::Value> {
        let key: &tera::Value = kwargs.must_get("key")?;
        let key = text_of(key);
        let lang = state.get::<tera::Value>("lang")?.ok_or_else(|| tera::Error::message(tr!("render-t-needs-lang")))?;
        let lang = text_of(&lang);
        let mut args: Vec<(&str, Arg)> = Vec::new();
        for (name, value) in kwargs.iter() {
            let Some(name) = name.as_str() else { continue };
            if name == "key" {
                continue;
            }
            let arg = match value.as_number() {
                Some(_) => Arg::Num(value.as_f64().unwrap_or_default()),
                None => Arg::Str(text_of(value).into_owned()),
            };
            args.push((name, arg));
        }
        if args.is_empty() {
            let known = plain.read().unwrap_or_else(|p| p.into_inner());
            if let Some(text) = known.get(&*lang).and_then(|messages| messages.get(&*key)) {
                return Ok(text.clone());
            }
        }
        let text = for_t.message(&lang, &key, &args).map_err(|e| tera::Error::message(e.to_string()))?;
        let text = tera::Value::from(text);
        if args.is_empty() {
            let mut known = plain.write().unwrap_or_else(|p| p.into_inner());
            known.entry(lang.into_owned()).or_default().insert(key.into_owned(), text.clone());
        }
        Ok(text)
    });
    // The `dir` that isolates a text in another language: empty when it
    // runs the page's way.
    tera.register_function("dir_within", |kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
        let text_lang: &tera::Value = kwargs.must_get("lang")?;
        let text_lang = text_of(text_lang);
        let lang = state
            .get::<tera::Value>("lang")?
            .ok_or_else(|| tera::Error::message(tr!("render-dir-within-needs-lang")))?;
        let lang = text_of(&lang);
        Ok(crate::config::dir_within(&text_lang, &lang).unwrap_or_default().to_string())
    });
}

/// The text of a value a template passed: a string as it is, anything
/// else as Tera prints it.
fn text_of(value: &tera::Value) -> Cow<'_, str> {
    value.as_str().map_or_else(|| Cow::Owned(value.to_string()), Cow::Borrowed)
}

/// `resize_image(path, width, height, op="fit"|"fill", format="auto"|"webp"|"jpg"|"png", focus)`:
/// the `url`, `width` and `height` of the file made (and the source's
/// `orig_width` and `orig_height`), as in Zola.
fn register_resize_image(tera: &mut Tera, slot: Slot) {
    tera.register_function("resize_image", move |kwargs: Kwargs, _: &State| -> tera::TeraResult<tera::Value> {
        let fail = |message: String| tera::Error::message(message);
        let path: String = kwargs.get("path")?.ok_or_else(|| fail(tr!("render-resize-path")))?;
        let size = |name: &str| -> tera::TeraResult<Option<u32>> {
            match kwargs.get::<i64>(name)? {
                None => Ok(None),
                Some(n) if (1..=20_000).contains(&n) => Ok(Some(n as u32)),
                Some(n) => Err(fail(tr!("render-resize-size-range", name = name, value = n.to_string()))),
            }
        };
        let (width, height) = (size("width")?, size("height")?);
        let op = kwargs.get::<String>("op")?.unwrap_or_else(|| "fit".into());
        let op = Op::parse(&op).ok_or_else(|| fail(tr!("render-resize-op", op = op)))?;
        let format = kwargs.get::<String>("format")?.unwrap_or_else(|| "auto".into());
        let format = Format::parse(&format).ok_or_else(|| fail(tr!("render-resize-format", format = format)))?;
        let focus = match kwargs.get::<String>("focus")? {
            None => Focus::default(),
            Some(text) => Focus::parse(&text).ok_or_else(|| fail(tr!("content-image-focus", focus = text)))?,
        };
        let enough = match op {
            Op::Fit => width.is_some() || height.is_some(),
            Op::Fill => width.is_some() && height.is_some(),
        };
        if !enough {
            return Err(fail(tr!("render-resize-size")));
        }
        let resizer = slot.read().unwrap_or_else(|p| p.into_inner()).clone();
        let resizer = resizer.ok_or_else(|| fail(tr!("render-resize-outside")))?;
        let resized = resizer(&path, &Request { op, width, height, format, focus }).map_err(fail)?;
        Ok(tera::Value::from_serializable(&resized))
    });
}

/// Where a Tera error happened, in the user's terms.
fn located(err: &tera::Error, paths: &HashMap<String, String>) -> RenderError {
    let path_of = |name: &str| paths.get(name).cloned().unwrap_or_else(|| format!("templates/{name}"));
    match err.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
            let span = report.span();
            let detail = lower_first(report.message());
            let message = if matches!(err.kind(), ErrorKind::SyntaxError(_)) {
                tr!("render-template-syntax", detail = detail)
            } else {
                detail
            };
            RenderError { path: path_of(report.filename()), line: span.start_line, col: span.start_col + 1, message }
        }
        ErrorKind::TemplateNotFound(name) => {
            RenderError { path: path_of(name), line: 1, col: 1, message: tr!("render-template-not-found", name = name) }
        }
        ErrorKind::MissingParent { current, parent } => RenderError {
            path: path_of(current),
            line: 1,
            col: 1,
            message: tr!("render-template-missing-parent", parent = parent),
        },
        _ => RenderError { path: "templates".into(), line: 1, col: 1, message: lower_first(&err.to_string()) },
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if chars.clone().next().is_some_and(|c| c.is_lowercase()) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text.to_string(),
    }
}
