//! Owns turning the Site into bytes: renders every Markdown body in
//! parallel (resolving `@/` links and shortcodes), then every planned page
//! through its template in parallel, handing each result to a [`Sink`]. It
//! knows where output goes only through the Sink.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use tera::Context;

use crate::content::{self, Kind};
use crate::diag::{Diagnostic, Diagnostics};
use crate::downloads::{self, Files};
use crate::images::Images;
use crate::markdown::{self, Destination, Download, Input, ShortcodeError, Shown};
use crate::pages::{Bodies, Body, HOME, Spec, Views, plan, url_in};
use crate::resolve::Site;
use crate::templates::Engine;
use crate::urls;

mod pictures;
pub(crate) use pictures::{item_images, resizer};

/// Where rendered files go: a folder for `build`, memory for `serve`.
pub trait Sink: Sync {
    /// Writes `bytes` at `path`, relative to the output root.
    fn write(&self, path: &str, bytes: &[u8]) -> std::io::Result<()>;
    /// Removes a page that the site no longer has.
    fn remove(&self, path: &str) -> std::io::Result<()>;
}

/// Rendered bodies kept between builds, by source file and text.
pub(crate) struct BodyCache {
    /// By hash of the source path and text.
    entries: HashMap<u64, CachedBody>,
    next_generation: u64,
    /// Fingerprint of every item's URLs when the cache was filled: while
    /// it holds, every recorded link still resolves the same.
    urls: u64,
    /// False for a single build: nothing is kept but the files the bodies
    /// link to.
    keep: bool,
    /// The site files the last bodies link to, when they are not kept.
    linked: HashSet<String>,
}

impl Default for BodyCache {
    fn default() -> BodyCache {
        BodyCache { entries: HashMap::new(), next_generation: 0, urls: 0, keep: true, linked: HashSet::new() }
    }
}

impl BodyCache {
    /// A cache for a single build, which keeps no body for the next.
    pub(crate) fn none() -> BodyCache {
        BodyCache { keep: false, ..BodyCache::default() }
    }
}

struct CachedBody {
    body: Body,
    /// Every `@/` link the body resolved, with what it resolved to then.
    links: Vec<(String, String, Option<String>)>,
    /// Every other link destination, with where it led then (a file of
    /// the site and its size, or nothing).
    files: Vec<(String, Destination)>,
    /// Every image source the body shows, with what it showed then.
    pictures: Vec<(String, Shown)>,
    /// The shortcode templates' fingerprint, when the body calls shortcodes
    /// or has a download note (the theme's UI strings write it).
    shortcodes: Option<u64>,
}

/// What bodies are rendered with: the site, its theme and its files.
pub(crate) struct Sources<'a> {
    pub site: &'a Site,
    pub engine: &'a Engine,
    pub files: &'a Files,
    /// The images pages show, processed once for the build.
    pub images: &'a Images,
    /// Fingerprint of everything shortcodes may show.
    pub shortcode_templates: u64,
    /// The site's folder, where bodies left in their files are read.
    pub root: &'a std::path::Path,
}

/// Renders the Markdown of every item version and home page, reusing the
/// bodies whose text, links and shortcodes have not changed. Returns the
/// bodies, their problems and how many were rendered anew.
pub(crate) fn bodies(sources: &Sources, cache: &mut BodyCache) -> (Bodies, Diagnostics, usize) {
    let Sources { site, engine, files, images, shortcode_templates, root } = *sources;
    let mut jobs: Vec<(usize, &crate::resolve::Entry)> =
        site.items.iter().enumerate().flat_map(|(n, item)| item.entries.values().map(move |e| (n, &**e))).collect();
    jobs.extend(site.homes.values().map(|e| (HOME, &**e)));
    let pack = jobs.len() > PACK_ABOVE;
    let resolver = Links { site, engine, files, images };
    let urls = url_fingerprint(site);
    let same_urls = urls == cache.urls;
    cache.urls = urls;
    cache.linked.clear();
    let previous = &cache.entries;
    let keep = cache.keep;
    let results: Vec<(usize, &crate::resolve::Entry, Outcome)> = jobs
        .par_iter()
        .map(|&(n, entry)| {
            let key = body_key(entry);
            if let Some(cached) = previous.get(&key)
                && cached.shortcodes.is_none_or(|fp| fp == shortcode_templates)
                && (same_urls || cached.links.iter().all(|(target, lang, url)| resolver.link_url(target, lang) == *url))
                && cached.files.iter().all(|(url, destination)| files.destination(url) == *destination)
                && cached.pictures.iter().all(|(url, shown)| resolver.picture(url) == *shown)
            {
                return (n, entry, Outcome::Cached(cached.body.clone()));
            }
            let text = match &entry.body {
                content::Body::Held(text) => std::borrow::Cow::Borrowed(&**text),
                content::Body::InFile(offset) => match content::body_in_file(root, &entry.path, *offset, entry.hash) {
                    Ok(text) => std::borrow::Cow::Owned(text),
                    Err(changed) => return (n, entry, Outcome::Unreadable(changed)),
                },
            };
            let recording = Recording {
                inner: &resolver,
                links: RefCell::new(Vec::new()),
                files: RefCell::new(Vec::new()),
                pictures: RefCell::new(Vec::new()),
                shortcodes: Cell::new(false),
            };
            let image_above = match &*entry.fm {
                crate::frontmatter::FrontMatter::News(news) => news.image.is_some(),
                crate::frontmatter::FrontMatter::Project(p) => p.logo.is_some(),
                crate::frontmatter::FrontMatter::Partner(p) => p.logo.is_some(),
                _ => false,
            };
            let input = Input { text: &text, lang: &entry.lang, first_line: entry.body_line, image_above };
            let mut rendered = markdown::render(&input, &recording);
            if pack {
                rendered.pack();
            }
            let body = Body { rendered: Arc::new(rendered), generation: 0 };
            if !keep {
                // What the body recorded is freed here, on this thread,
                // but for the files it links to.
                let linked = linked_paths(&recording.files.into_inner(), files);
                return (n, entry, Outcome::Single(body, linked));
            }
            let fresh = CachedBody {
                body,
                links: recording.links.into_inner(),
                files: recording.files.into_inner(),
                pictures: recording.pictures.into_inner(),
                shortcodes: recording.shortcodes.get().then_some(shortcode_templates),
            };
            (n, entry, Outcome::Fresh(fresh))
        })
        .collect();
    let mut diags = Diagnostics::new();
    let mut out = HashMap::with_capacity(results.len());
    let mut entries = HashMap::with_capacity(results.len());
    let mut rendered = 0;
    // A body rendered now gets the next generation, which pages showing it
    // hash into their fingerprints.
    let mut fresh_generation = |body: &mut Body| {
        rendered += 1;
        cache.next_generation += 1;
        body.generation = cache.next_generation;
    };
    for (n, entry, result) in results {
        let body = match result {
            Outcome::Cached(body) => {
                if let Some(cached) = cache.entries.remove(&body_key(entry)) {
                    entries.insert(body_key(entry), cached);
                }
                body
            }
            Outcome::Fresh(mut fresh) => {
                fresh_generation(&mut fresh.body);
                let body = fresh.body.clone();
                entries.insert(body_key(entry), fresh);
                body
            }
            Outcome::Single(mut body, linked) => {
                fresh_generation(&mut body);
                cache.linked.extend(linked);
                body
            }
            Outcome::Unreadable(changed) => {
                diags.push(changed);
                continue;
            }
        };
        for p in &body.problems {
            let d = Diagnostic::error(&entry.path, p.line, p.col, &p.message);
            diags.push(match &p.hint {
                Some(h) => d.with_hint(h),
                None => d,
            });
        }
        out.insert((n, entry.lang.clone()), body);
    }
    cache.entries = entries;
    (out, diags, rendered)
}

/// Beyond this many bodies, rendered HTML is held compressed: about
/// 120 MB of it, held as written; a site of 100,000 pages holds a gigabyte.
const PACK_ABOVE: usize = 20_000;

/// What became of one body.
enum Outcome {
    /// Taken from the cache: its text and what it shows did not change.
    Cached(Body),
    /// Rendered now.
    Fresh(CachedBody),
    /// Rendered now for a cache that keeps nothing, with the site files
    /// it links to.
    Single(Body, Vec<String>),
    /// Its file could not be read again as it was (`Body::InFile`).
    Unreadable(Diagnostic),
}

/// What identifies a body's source: its path and text.
fn body_key(entry: &crate::resolve::Entry) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut h = DefaultHasher::new();
    (&entry.path, entry.hash).hash(&mut h);
    h.finish()
}

/// Fingerprint of where every item is published, which is all `@/` links
/// depend on.
fn url_fingerprint(site: &Site) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut h = DefaultHasher::new();
    format!("{:?}", site.config.translation_fallback).hash(&mut h);
    site.config.root().hash(&mut h);
    for item in &site.items {
        (item.kind, &item.id, &item.base_lang).hash(&mut h);
        for (lang, entry) in &item.entries {
            (lang, &entry.url).hash(&mut h);
        }
    }
    h.finish()
}

/// Records what a body asked of the resolver, so its cached rendering can
/// be checked later.
struct Recording<'a> {
    inner: &'a Links<'a>,
    links: RefCell<Vec<(String, String, Option<String>)>>,
    files: RefCell<Vec<(String, Destination)>>,
    pictures: RefCell<Vec<(String, Shown)>>,
    shortcodes: Cell<bool>,
}

impl markdown::Resolver for Recording<'_> {
    fn link(&self, target: &str, lang: &str) -> Option<String> {
        let url = self.inner.link_url(target, lang);
        self.links.borrow_mut().push((target.to_string(), lang.to_string(), url.clone()));
        url
    }

    fn shortcode(&self, name: &str, args: &[(String, String)], lang: &str) -> Result<String, ShortcodeError> {
        self.shortcodes.set(true);
        let arg = |key: &str| args.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
        // What the call shows or links is recorded like the body's own.
        let picture = match (name, arg("src"), arg("file")) {
            ("figure", Some(src), _) => Some(markdown::Resolver::picture(self, src)),
            ("download", _, Some(file)) => {
                markdown::Resolver::destination(self, file);
                None
            }
            _ => None,
        };
        self.inner.shortcode(name, args, lang, picture)
    }

    fn inline(&self, name: &str) -> bool {
        crate::shortcodes::is_inline(name)
    }

    fn destination(&self, url: &str) -> Destination {
        let destination = self.inner.files.destination(url);
        self.files.borrow_mut().push((url.to_string(), destination.clone()));
        destination
    }

    fn download_note(&self, download: &Download, hreflang: Option<&str>, lang: &str) -> String {
        self.shortcodes.set(true);
        downloads::note(&self.inner.engine.locales, download, hreflang, lang)
    }

    fn picture(&self, url: &str) -> Shown {
        let shown = self.inner.picture(url);
        self.pictures.borrow_mut().push((url.to_string(), shown.clone()));
        shown
    }
}

/// Every file of the site the current bodies link to (not those they only
/// show), by output path: the originals of shown images that are published.
pub(crate) fn linked_files(cache: &BodyCache, files: &Files) -> HashSet<String> {
    let kept = cache.entries.values().flat_map(|cached| linked_paths(&cached.files, files));
    kept.chain(cache.linked.iter().cloned()).collect()
}

/// The site files among a body's link destinations.
fn linked_paths(destinations: &[(String, Destination)], files: &Files) -> Vec<String> {
    destinations
        .iter()
        .filter(|(_, destination)| matches!(destination, Destination::File { .. }))
        .filter_map(|(url, _)| files.file_path(url))
        .collect()
}

/// Resolves `@/section/id.md` links and renders shortcodes for Markdown.
struct Links<'a> {
    site: &'a Site,
    engine: &'a Engine,
    files: &'a Files,
    images: &'a Images,
}

impl Links<'_> {
    /// What a page shows for image source `url`.
    fn picture(&self, url: &str) -> Shown {
        pictures::picture(self.files, self.images, url)
    }

    fn link_url(&self, target: &str, lang: &str) -> Option<String> {
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

    /// Renders shortcode `name`; `picture` is what a `figure` shows.
    fn shortcode(
        &self,
        name: &str,
        args: &[(String, String)],
        lang: &str,
        picture: Option<Shown>,
    ) -> Result<String, ShortcodeError> {
        let template = format!("shortcodes/{name}.html");
        if !self.engine.has(&template) {
            return Err(tr!("render-shortcode-no-template", template = &template).into());
        }
        let mut context = Context::new();
        context.insert("lang", lang);
        context.insert("root", self.site.config.root());
        for (key, value) in args {
            context.insert(key.clone(), value);
        }
        crate::shortcodes::add_view(self.site, &self.engine.locales, (name, args), lang, &mut context)?;
        if name == "download" {
            context.insert("download", &downloads::shortcode_view(self.files, &self.engine.locales, args, lang)?);
        }
        if let Some(shown) = picture {
            let src = args.iter().find(|(k, _)| k == "src").map_or("", |(_, v)| v.as_str());
            if let Some((message, hint)) = shown.problem(src) {
                return Err(ShortcodeError { message, hint: Some(hint) });
            }
            if let Shown::Picture(picture) = shown {
                context.insert("picture", &*picture);
            }
        }
        self.engine
            .render(&template, &context)
            .map_err(|e| format!("{}:{}:{}: {}", e.path, e.line, e.col, e.message).into())
    }
}

/// A template position and message: (path, line, column, message).
type ErrorAt = (String, usize, usize, String);

/// What rendering produced.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    /// Pages of the site per language (redirects and root pages aside).
    pub pages: HashMap<String, usize>,
    /// Pages of the site, redirects and root pages included.
    pub files: usize,
    /// Pages rendered by this build (the others were up to date).
    pub rendered: usize,
}

/// Renders the planned pages whose fingerprint differs from `previous`
/// (output path → fingerprint) into `sink`, and removes the pages the site
/// no longer has. Returns what was written, the template errors (once per
/// template position, with the first page that hit them) and the new
/// fingerprints: none without `fingerprints` (a build with no next one),
/// where every page is rendered.
pub(crate) fn pages(
    views: &Views,
    engine: &Engine,
    fingerprints: Option<&Fingerprints<'_>>,
    previous: &HashMap<String, u64>,
    sink: &dyn Sink,
    ready: Option<&mut dyn FnMut()>,
    progress: &crate::progress::Progress,
) -> std::io::Result<(Summary, Diagnostics, HashMap<String, u64>)> {
    let site = views.site;
    // Files that cover the whole site (search index, sitemap) change with
    // any edit and take longest: with `ready`, they come after it, so a dev
    // server can show the edited pages first; without, they start first,
    // beside the pages, so that no core waits for them at the end.
    let (whole_site, specs): (Vec<Spec>, Vec<Spec>) =
        plan(site).into_iter().partition(|spec| matches!(spec, Spec::SearchIndex { .. } | Spec::Sitemap));
    progress.phase(crate::progress::Phase::Pages, specs.len() + whole_site.len());
    let errors: Mutex<HashMap<ErrorAt, (String, usize)>> = Mutex::new(HashMap::new());
    let site_values = SiteValues::default();
    // (output path, fingerprint (none in a single build), language,
    // rendered now, the other files it wrote: the children of a sitemap
    // index, the shards of a search index)
    type Done = (String, Option<u64>, Option<String>, bool, Vec<String>);
    let render = |specs: &[Spec]| -> Vec<std::io::Result<Done>> {
        specs
            .par_iter()
            .map(|spec| {
                let path = views.output_path(spec);
                let fingerprint = fingerprints.map(|f| views.fingerprint(spec, f.items, &f.global));
                let lang = views.language(spec);
                progress.step();
                if let Some(fingerprint) = fingerprint
                    && previous.get(&path) == Some(&fingerprint)
                {
                    let kept = match spec {
                        Spec::Sitemap => kept_sitemap_children(&path, fingerprint, previous),
                        _ => written_with(spec, &path, previous),
                    };
                    return Ok((path, Some(fingerprint), lang, false, kept));
                }
                if let Spec::SearchIndex { lang: of } = spec {
                    let others = write_search_index(views, of, &path, sink)?;
                    return Ok((path, fingerprint, lang, true, others));
                }
                let written = render_one(views, engine, spec, &path, sink, &errors, &site_values)?;
                let rendered = written.is_some();
                Ok((path, fingerprint, lang, rendered, written.unwrap_or_default()))
            })
            .collect()
    };
    let written = match ready {
        Some(ready) => {
            let mut written = render(&specs);
            if errors.lock().unwrap_or_else(|p| p.into_inner()).is_empty() && written.iter().all(Result::is_ok) {
                ready();
            }
            written.extend(render(&whole_site));
            written
        }
        None => {
            let (mut written, pages) = rayon::join(|| render(&whole_site), || render(&specs));
            written.extend(pages);
            written
        }
    };
    let mut summary = Summary::default();
    let mut fingerprints = HashMap::with_capacity(if fingerprints.is_some() { written.len() } else { 0 });
    for result in written {
        let (path, fingerprint, lang, rendered, others) = result?;
        if let Some(lang) = lang {
            *summary.pages.entry(lang).or_default() += 1;
        }
        summary.files += 1;
        summary.rendered += usize::from(rendered);
        let Some(fingerprint) = fingerprint else { continue };
        fingerprints.insert(path, fingerprint);
        // Recorded like pages, so those a smaller site no longer has go.
        fingerprints.extend(others.into_iter().map(|other| (other, fingerprint)));
    }
    for path in previous.keys() {
        if !fingerprints.contains_key(path) {
            sink.remove(path)?;
        }
    }
    let mut diags = Diagnostics::new();
    for ((path, line, col, message), (page, count)) in errors.into_inner().unwrap_or_else(|p| p.into_inner()) {
        let hint = tr!("render-while-rendering", page = &page, others = count - 1);
        diags.push(Diagnostic::error(path, line, col, message).with_hint(hint));
    }
    if !diags.is_empty() {
        // Pages that failed must not be taken as up to date next time.
        fingerprints.clear();
    }
    Ok((summary, diags, fingerprints))
}

/// Writes the files of a language's search index beside `meta` (its
/// `meta.json`), which is written last; returns the paths of the others.
fn write_search_index(views: &Views, lang: &str, meta: &str, sink: &dyn Sink) -> std::io::Result<Vec<String>> {
    let folder = meta.strip_suffix("meta.json").unwrap_or(meta);
    let mut files = crate::publish::search_index(views, lang);
    let mut others = Vec::with_capacity(files.len());
    let first = (!files.is_empty()).then(|| files.remove(0));
    for (name, json) in files {
        let path = format!("{folder}{name}");
        sink.write(&path, json.as_bytes())?;
        others.push(path);
    }
    if let Some((_, json)) = first {
        sink.write(meta, json.as_bytes())?;
    }
    Ok(others)
}

/// The other files a page that was not rendered again wrote last time
/// (those of its folder for a search index, whose `meta.json` is its path).
fn written_with(spec: &Spec, path: &str, previous: &HashMap<String, u64>) -> Vec<String> {
    let Spec::SearchIndex { .. } = spec else { return Vec::new() };
    let folder = path.strip_suffix("meta.json").unwrap_or(path);
    previous.keys().filter(|p| p.starts_with(folder) && *p != path).cloned().collect()
}

/// The fingerprints pages are compared with.
pub(crate) struct Fingerprints<'a> {
    pub items: &'a HashMap<String, Vec<u64>>,
    pub global: HashMap<String, u64>,
}

/// Renders one page into the sink. Returns the other files it wrote beside
/// `path` (the children of a sitemap index), or None when its template
/// failed.
fn render_one(
    views: &Views,
    engine: &Engine,
    spec: &Spec,
    path: &str,
    sink: &dyn Sink,
    errors: &Mutex<HashMap<ErrorAt, (String, usize)>>,
    site_values: &SiteValues,
) -> std::io::Result<Option<Vec<String>>> {
    let site = views.site;
    match spec {
        Spec::Alias { index, lang, .. } => {
            let target = urls::permalink(&site.config, &url_in(site, &site.items[*index], lang));
            sink.write(path, redirect(&target, lang).as_bytes())?;
            return Ok(Some(Vec::new()));
        }
        Spec::SurveyData { lang, survey } => {
            if let Some(survey) = site.surveys.get(survey) {
                let csv = crate::charts::csv(survey, lang, &site.config.default_language);
                sink.write(path, csv.as_bytes())?;
            }
            return Ok(Some(Vec::new()));
        }
        Spec::Sitemap => return write_sitemaps(views, path, sink).map(Some),
        Spec::Robots => {
            let sitemap = format!("{}sitemap.xml", site.config.base_url);
            sink.write(path, crate::sitemap::robots(&sitemap).as_bytes())?;
            return Ok(Some(Vec::new()));
        }
        Spec::Feed { lang, project } => {
            sink.write(path, crate::syndication::feed(views, lang, *project).as_bytes())?;
            return Ok(Some(Vec::new()));
        }
        Spec::Agenda { lang, scope } => {
            return match crate::syndication::agenda(views, lang, *scope) {
                Ok(ics) => sink.write(path, ics.as_bytes()).map(|()| Some(Vec::new())),
                Err(message) => {
                    let mut errors = errors.lock().unwrap_or_else(|p| p.into_inner());
                    let entry =
                        errors.entry((path.to_string(), 1, 1, message)).or_insert_with(|| (path.to_string(), 0));
                    entry.1 += 1;
                    Ok(None)
                }
            };
        }
        _ => {}
    }
    let vars = views.vars(spec);
    let mut context = Context::new();
    context.insert("lang", &vars.lang);
    context.insert_value("site", site_values.of(&vars.site));
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
    match engine.render_bytes(&spec.template(site), &context) {
        Ok(html) => {
            sink.write(path, &html)?;
            Ok(Some(Vec::new()))
        }
        Err(e) => {
            let mut errors = errors.lock().unwrap_or_else(|p| p.into_inner());
            let entry = errors.entry((e.path, e.line, e.col, e.message)).or_insert_with(|| (vars.url.clone(), 0));
            entry.1 += 1;
            Ok(None)
        }
    }
}

/// The `site` variable of pages as Tera values, converted once for each
/// language and current menu entry: it is the same on most pages.
#[derive(Default)]
struct SiteValues(Mutex<HashMap<(String, Vec<bool>), tera::Value>>);

impl SiteValues {
    fn of(&self, site: &crate::views::SiteView) -> tera::Value {
        let key = (site.lang.clone(), site.menu.iter().map(|entry| entry.current).collect());
        let mut known = self.0.lock().unwrap_or_else(|p| p.into_inner());
        known.entry(key).or_insert_with(|| tera::Value::from_serializable(site)).clone()
    }
}

/// Writes `sitemap.xml` at `path` and, when it is an index, its children
/// beside it; returns the children's output paths.
fn write_sitemaps(views: &Views, path: &str, sink: &dyn Sink) -> std::io::Result<Vec<String>> {
    let mut files = crate::publish::sitemaps(views).into_iter();
    sink.write(path, files.next().unwrap_or_default().as_bytes())?;
    let mut children = Vec::with_capacity(files.len());
    for (n, xml) in (1..).zip(files) {
        let child = sitemap_child(path, n);
        sink.write(&child, xml.as_bytes())?;
        children.push(child);
    }
    Ok(children)
}

/// The output path of the `n`-th child of the sitemap index at `path`.
fn sitemap_child(path: &str, n: usize) -> String {
    let folder = path.strip_suffix("sitemap.xml").unwrap_or_default();
    format!("{folder}{}", crate::sitemap::child_name(n))
}

/// The children an unchanged sitemap wrote last time: numbered from 1
/// without a gap, and recorded with its fingerprint.
fn kept_sitemap_children(path: &str, fingerprint: u64, previous: &HashMap<String, u64>) -> Vec<String> {
    (1..).map(|n| sitemap_child(path, n)).take_while(|child| previous.get(child) == Some(&fingerprint)).collect()
}

/// A page that sends visitors and search engines from an old URL to `target`.
fn redirect(target: &str, lang: &str) -> String {
    let target = crate::escape::xml(target);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{target}</title>\n\
         <link rel=\"canonical\" href=\"{target}\">\n<meta name=\"robots\" content=\"noindex\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={target}\">\n</head>\n\
         <body>\n<p><a href=\"{target}\">{target}</a></p>\n</body>\n</html>\n"
    )
}
