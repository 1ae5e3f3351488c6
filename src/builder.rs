//! Owns one site's build state between builds: caches keyed by input, so a
//! rebuild redoes only what a change touches. Content files are re-read
//! only when their time stamp or size changed, Markdown bodies re-rendered
//! only when their text, the links they resolved or the shortcode templates
//! changed, cards rebuilt only when their item changed, and pages rendered
//! only when their fingerprint (what they show) changed. A fresh Builder is
//! a full build: `build` and `serve` go through this one path.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::Config;
use crate::content::{self, Found};
use crate::diag::{Diagnostic, Diagnostics};
use crate::downloads::Files;
use crate::funders;
use crate::i18n::Locales;
use crate::images::{self, Images, Published};
use crate::options::{BuildOptions, load_config};
use crate::pages::{Views, fingerprint};
use crate::progress::Progress;
use crate::render::{self, BodyCache, Fingerprints, Sink, Summary};
use crate::resolve::{self, Input, Site};
use crate::surveys;
use crate::templates::Engine;
use crate::theme::{self, StaticSource, ThemeFiles};
use crate::views::Card;

/// The result of one build.
#[derive(Debug)]
pub struct Report {
    pub diagnostics: Diagnostics,
    /// Present when the site was written (no error).
    pub summary: Option<Summary>,
    pub elapsed: Duration,
    /// When every page people read was written (before the search index
    /// and the sitemap), for a successful build.
    pub ready: Option<Duration>,
    /// What the build did with images: how many it showed and decoded,
    /// those shown larger than they are and those over budget.
    pub images: images::Findings,
}

/// One site's caches, kept between builds.
pub struct Builder {
    options: BuildOptions,
    /// Content files by path: their stamp when read, and what preparing
    /// gave (or why the file could not be read).
    sources: HashMap<String, (content::Stamp, Result<Arc<Input>, Diagnostic>)>,
    /// What file names meant when `sources` was filled (languages).
    placing: u64,
    /// Paths reported changed since the last build, when a watcher tells.
    changed: Option<BTreeSet<String>>,
    /// The compiled theme and the fingerprint of the files it came from.
    engine: Option<(u64, Arc<Engine>)>,
    resolved: resolve::Cache,
    bodies: BodyCache,
    /// Cards by the fingerprint of what they show (item, language, settings).
    cards: HashMap<u64, Card>,
    /// Output path → fingerprint of the pages the sink holds.
    pages: HashMap<String, u64>,
    /// Static files and images the sink holds, by output path, with their stamp.
    statics: HashMap<String, u64>,
    /// Processed images by source content, settings and request.
    images: Arc<images::Cache>,
    /// The files `resize_image` made for the pages in the sink, by output path.
    made: BTreeMap<String, Published>,
    /// The sources `resize_image` read in the last build: when one of
    /// them changes, every page is rendered again.
    resized: Vec<String>,
    /// Where the build says what it is doing.
    progress: Arc<Progress>,
    /// Texts read in place of content files (or as new ones) by `survey`.
    overrides: Vec<(String, String)>,
    /// Set by `survey`: stop after the Markdown and keep what it gave.
    surveyed: Option<Option<Surveyed>>,
    /// False for a builder that builds once (`build`, `check`): it leaves
    /// the content files' bodies in the files until their Markdown is
    /// rendered (`Body::InFile`) and keeps no cache for a next build, so a
    /// large site's texts are never all held at once.
    keep: bool,
}

/// What the content says, checked, without any page: the resolved site
/// and the rendered bodies, for the editor.
pub(crate) struct Surveyed {
    pub site: Site,
    pub bodies: crate::pages::Bodies,
}

impl Builder {
    pub fn new(options: BuildOptions) -> Builder {
        let cache = options.root.join(".passerelle-cache").join("images");
        Builder {
            options,
            sources: HashMap::new(),
            placing: 0,
            changed: None,
            engine: None,
            resolved: resolve::Cache::default(),
            bodies: BodyCache::default(),
            cards: HashMap::new(),
            pages: HashMap::new(),
            statics: HashMap::new(),
            images: Arc::new(images::Cache::on_disk(cache)),
            made: BTreeMap::new(),
            resized: Vec::new(),
            progress: Arc::default(),
            overrides: Vec::new(),
            surveyed: None,
            keep: true,
        }
    }

    /// A builder for one build only, which keeps nothing for a next one.
    pub fn once(options: BuildOptions) -> Builder {
        Builder { keep: false, resolved: resolve::Cache::none(), bodies: BodyCache::none(), ..Builder::new(options) }
    }

    /// Every check of the build on the content as it would be with the
    /// files of `overrides` (relative path, text) written, without
    /// writing anything or rendering a page: the diagnostics, and the
    /// site and its bodies when the content could be read.
    pub(crate) fn survey(&mut self, overrides: Vec<(String, String)>) -> (Diagnostics, Option<Surveyed>) {
        self.overrides = overrides;
        self.surveyed = Some(None);
        let report = self.run(&crate::output::Memory::default(), None);
        // The overridden files are read from the disk again next time.
        for (rel, _) in std::mem::take(&mut self.overrides) {
            self.sources.remove(&rel);
        }
        let surveyed = self.surveyed.take().flatten();
        match report {
            Ok(report) => (report.diagnostics, surveyed),
            Err(error) => {
                let mut diags = Diagnostics::new();
                diags.push(Diagnostic::error("content", 1, 1, error.to_string()));
                (diags, None)
            }
        }
    }

    pub fn options(&self) -> &BuildOptions {
        &self.options
    }

    /// What the builder is doing, for a progress display.
    pub fn progress(&self) -> Arc<Progress> {
        Arc::clone(&self.progress)
    }

    /// Tells the next build which paths (relative to the site root) changed,
    /// so it reads those content files only instead of looking at them all.
    pub fn note_changes<'p>(&mut self, paths: impl IntoIterator<Item = &'p String>) {
        self.changed.get_or_insert_with(BTreeSet::new).extend(paths.into_iter().cloned());
    }

    /// Builds the site into `sink`. With any error nothing is written, and
    /// the sink keeps what the last good build wrote.
    pub fn build(&mut self, sink: &dyn Sink) -> std::io::Result<Report> {
        self.run(sink, None)
    }

    /// Like `build`, calling `ready` as soon as every page people read is in
    /// the sink, before the files that cover the whole site (search index,
    /// sitemap): the dev server shows an edit without waiting for them.
    pub fn build_with(&mut self, sink: &dyn Sink, ready: &mut dyn FnMut()) -> std::io::Result<Report> {
        self.run(sink, Some(ready))
    }

    fn run(&mut self, sink: &dyn Sink, ready: Option<&mut dyn FnMut()>) -> std::io::Result<Report> {
        let started = Instant::now();
        let mut clock = Clock::new();
        let mut diags = Diagnostics::new();
        let failed = |diags: Diagnostics| {
            Ok(Report {
                diagnostics: diags,
                summary: None,
                elapsed: started.elapsed(),
                ready: None,
                images: images::Findings::default(),
            })
        };
        let Some(config) = load_config(&self.options.root, self.options.base_url.as_deref(), &mut diags) else {
            return failed(diags);
        };
        let (theme, found) = theme::load(&self.options.root, &config.theme);
        diags.extend(found);
        let engine = self.engine(&config, &theme, &mut diags);
        clock.lap("config and theme");

        self.progress.phase(crate::progress::Phase::Reading, 0);
        let inputs = self.sources(&config, &mut diags);
        clock.lap("content files");
        let today = self.options.today.unwrap_or_else(|| jiff::Zoned::now().date());
        let codes = config.language_codes();
        let languages = surveys::Languages { codes: &codes, default: &config.default_language };
        let (funders, found) = funders::load(&self.options.root, &languages);
        diags.extend(found);
        let resolve_options = resolve::Options {
            drafts: self.options.drafts,
            future: self.options.future,
            today,
            funders: Arc::new(funders),
        };
        self.progress.phase(crate::progress::Phase::Linking, 0);
        let (mut site, found) = resolve::resolve(&config, &inputs, &resolve_options, &mut self.resolved);
        diags.extend(found);
        drop(inputs);
        if !self.keep {
            // The site has what it needs of the files: their front matter
            // parsed, and where their bodies are. Freeing the rest of a
            // large site's files takes a while (0.7 s of CPU at 100,000
            // files): it happens beside the Markdown phase, on a thread of
            // its own. Given to rayon, it waited for the Markdown jobs to
            // end and slowed the phase after them.
            let sources = std::mem::take(&mut self.sources);
            std::thread::spawn(move || drop(sources));
        }
        let (surveys, found) = surveys::load(&self.options.root, &languages);
        diags.extend(found);
        site.surveys = Arc::new(surveys);
        clock.lap("resolve");
        let Some((engine_fp, engine)) = engine else { return failed(diags) };

        self.progress.phase(crate::progress::Phase::Markdown, 0);
        // Shortcode templates may use anything of the theme, UI strings
        // included, and shortcodes draw from the data and the items
        // (charts, maps): bodies that call one are rendered again when any
        // of these changed.
        let files = Arc::new(Files::new(&site, &theme.statics));
        funders::check_logos(&site.funders, &files, &mut diags);
        let statics = Arc::new(theme.statics.clone());
        let images = Arc::new(Images::new(&config.images, config.root(), statics, Arc::clone(&self.images)));
        engine.lend_images(Some(render::resizer(Arc::clone(&files), Arc::clone(&images))));
        // Pages that resized an image show it anew when it changes.
        let resized = {
            let mut h = DefaultHasher::new();
            for source in &self.resized {
                (source, images.source_hash(source)).hash(&mut h);
            }
            h.finish()
        };
        let (found_images, found) = render::item_images(&site, &files, &images, &self.options.root);
        diags.extend(found);
        site.pictures = Arc::new(found_images.pictures);
        site.sharing = Arc::new(found_images.sharing);
        let shortcode_templates = shortcode_fingerprint(&site, engine_fp ^ resized, &files);
        let sources = render::Sources {
            site: &site,
            engine: &engine,
            files: &files,
            images: &images,
            shortcode_templates,
            root: &self.options.root,
        };
        let (bodies, found, _) = render::bodies(&sources, &mut self.bodies);
        diags.extend(found);
        // The originals of the images pages show are published only when
        // a page links to them.
        let kept = render::linked_files(&self.bodies, &files);
        // Templates resize images as pages render: those they resized last
        // time are withheld already.
        let shown = images.sources().into_iter().chain(self.resized.iter().cloned());
        let withheld: HashSet<String> = shown.filter(|source| !kept.contains(source)).collect();
        if !self.keep {
            // What the bodies linked to is not checked again.
            self.bodies = BodyCache::none();
        }
        clock.lap("markdown");
        if let Some(surveyed) = &mut self.surveyed {
            engine.lend_images(None);
            *surveyed = Some(Surveyed { site, bodies });
            return failed(diags);
        }
        if diags.has_errors() {
            // Rendering pages from invalid content would only add noise
            // (a template tripping on a value already reported).
            engine.lend_images(None);
            return failed(diags);
        }

        // A single build has no next build to compare pages with: it works
        // out no fingerprint.
        let items = if self.keep { fingerprint::items(&site, &bodies) } else { HashMap::new() };
        let config_fp = {
            let mut h = DefaultHasher::new();
            (format!("{:?}", site.config), engine_fp).hash(&mut h);
            h.finish()
        };
        let card_key = |i: usize, lang: &str| {
            let mut h = DefaultHasher::new();
            (items.get(lang).map(|fps| fps[i]), config_fp, lang).hash(&mut h);
            h.finish()
        };
        let cards = &self.cards;
        // With no card kept (a single build, or serve's first), no key is
        // worked out.
        let reuse = |i: usize, lang: &str| if cards.is_empty() { None } else { cards.get(&card_key(i, lang)).cloned() };
        let views = Views::with_cards(&site, &bodies, &engine.locales, &reuse);
        clock.lap(if self.keep { "fingerprints and lists" } else { "lists" });
        let pages_fp = {
            let mut h = DefaultHasher::new();
            (engine_fp, resized).hash(&mut h);
            h.finish()
        };
        let fingerprints = self.keep.then(|| {
            let global = config.language_codes().into_iter().map(|l| (views.global_fingerprint(&l, pages_fp), l));
            Fingerprints { items: &items, global: global.map(|(f, l)| (l, f)).collect() }
        });
        // Static files first: pages announced ready must find their styles.
        // Renditions and sharing crops, and what templates made for the
        // pages already in the sink.
        let (mut published, before_pages) = images.published();
        published.extend(before_pages.iter().map(|(path, file)| (path.clone(), file.clone())));
        published.extend(self.made.iter().map(|(path, file)| (path.clone(), file.clone())));
        self.write_statics(&theme, (&withheld, &published), sink)?;
        let mut pages_ready = None;
        // The files `resize_image` made as pages were rendered, written
        // before the pages are announced.
        let statics = &mut self.statics;
        let mut write_made = || -> std::io::Result<()> {
            for (path, file) in images.published().1 {
                if let std::collections::hash_map::Entry::Vacant(entry) = statics.entry(path) {
                    sink.write(entry.key(), file.bytes())?;
                    entry.insert(0);
                }
            }
            Ok(())
        };
        let rendered = match ready {
            Some(ready) => {
                let mut written = Ok(());
                let mut on_ready = || {
                    written = write_made();
                    pages_ready = Some(started.elapsed());
                    ready();
                };
                let rendered = render::pages(
                    &views,
                    &engine,
                    fingerprints.as_ref(),
                    &self.pages,
                    sink,
                    Some(&mut on_ready),
                    &self.progress,
                );
                written.and(rendered)
            }
            None => render::pages(&views, &engine, fingerprints.as_ref(), &self.pages, sink, None, &self.progress),
        };
        engine.lend_images(None);
        let (summary, found, pages) = rendered?;
        write_made()?;
        diags.extend(found);
        clock.lap("pages");
        if diags.has_errors() {
            return failed(diags);
        }
        let mut made = images.published().1;
        made.retain(|path, _| !before_pages.contains_key(path));
        if summary.rendered == summary.files {
            // Every page asked again: what none asked for goes.
            for old in self.made.keys().filter(|old| !made.contains_key(*old)) {
                sink.remove(old)?;
                self.statics.remove(old);
            }
            self.made = made;
        } else {
            self.made.extend(made);
        }
        self.resized = images.templated_sources();
        // An original a template showed for the first time is not published.
        for source in self.resized.iter().filter(|source| !kept.contains(*source)) {
            if self.statics.remove(source).is_some() {
                sink.remove(source)?;
            }
        }
        let findings = images.finish(&self.made);
        if self.keep {
            let new_cards = views.all_cards().map(|(i, lang, card)| (card_key(i, lang), card.clone()));
            self.cards = new_cards.collect();
        }
        self.pages = pages;
        clock.lap("caches");
        Ok(Report {
            diagnostics: diags,
            summary: Some(summary),
            elapsed: started.elapsed(),
            ready: pages_ready,
            images: findings,
        })
    }

    /// The compiled theme, compiled again only when its files changed.
    fn engine(&mut self, config: &Config, theme: &ThemeFiles, diags: &mut Diagnostics) -> Option<(u64, Arc<Engine>)> {
        let mut h = DefaultHasher::new();
        config.language_codes().hash(&mut h);
        for (name, source) in &theme.templates {
            (name, &source.path, &source.text).hash(&mut h);
        }
        for layer in &theme.locales {
            for source in layer {
                (&source.path, &source.lang, &source.text).hash(&mut h);
            }
        }
        let fp = h.finish();
        if let Some((cached, engine)) = &self.engine
            && *cached == fp
        {
            return Some((fp, Arc::clone(engine)));
        }
        let (locales, found) = Locales::load(theme.locales.clone(), &config.language_codes());
        diags.extend(found);
        diags.extend(crate::i18n::missing_messages(&theme.locales, &locales, &config.language_codes()));
        let (engine, found) = Engine::new(&theme.templates, Arc::new(locales));
        diags.extend(found);
        // A theme with errors is compiled again next time, so its
        // diagnostics are reported again until it is fixed.
        self.engine = if diags.has_errors() { None } else { engine.map(|e| (fp, Arc::new(e))) };
        match &self.engine {
            Some((fp, engine)) => Some((*fp, Arc::clone(engine))),
            None => None,
        }
    }

    /// Every content file prepared, reading only those that changed.
    fn sources(&mut self, config: &Config, diags: &mut Diagnostics) -> Vec<Arc<Input>> {
        let placing = {
            let mut h = DefaultHasher::new();
            (config.language_codes(), &config.default_language).hash(&mut h);
            h.finish()
        };
        if placing != self.placing {
            // File names mean other languages now: read everything again.
            self.sources.clear();
            self.placing = placing;
        }
        let changed = self.changed.take();
        let known_changes = changed.filter(|paths| {
            !self.sources.is_empty()
                && paths.iter().all(|p| !p.starts_with("content/") || p.ends_with(".md") || p.ends_with(".yaml"))
        });
        let to_read: Vec<(Found, content::Stamp)> = match known_changes {
            // Only the files the watcher reported can have changed.
            Some(paths) => paths
                .iter()
                .filter(|rel| rel.starts_with("content/") && rel.ends_with(".md") && !content::is_editor_file(rel))
                .filter_map(|rel| {
                    let path = self.options.root.join(rel);
                    match std::fs::metadata(&path) {
                        Ok(meta) if meta.is_file() => {
                            Some((Found { path, rel: rel.clone() }, (meta.modified().ok(), meta.len())))
                        }
                        _ => {
                            self.sources.remove(rel);
                            None
                        }
                    }
                })
                .collect(),
            None => {
                let (found, problems) = content::list(&self.options.root);
                diags.extend(problems);
                let present: HashSet<&String> = found.iter().map(|f| &f.rel).collect();
                self.sources.retain(|rel, _| present.contains(rel));
                if self.keep {
                    let sources = &self.sources;
                    found
                        .into_par_iter()
                        .map(|f| {
                            let stamp = content::stamp(&f.path);
                            (f, stamp)
                        })
                        .filter(|(f, stamp)| {
                            stamp.0.is_none() || sources.get(&f.rel).is_none_or(|(known, _)| known != stamp)
                        })
                        .collect()
                } else {
                    // Read once, for a build with no next one: no stamp is needed.
                    found.into_iter().map(|f| (f, (None, 0))).collect()
                }
            }
        };
        let fresh: Vec<(String, content::Stamp, Result<Arc<Input>, Diagnostic>)> = to_read
            .into_par_iter()
            .map(|(f, stamp)| {
                let read =
                    content::read_one(&f.path, &f.rel, config, self.keep).map(|file| Arc::new(Input::prepare(file)));
                (f.rel, stamp, read)
            })
            .collect();
        for (rel, stamp, result) in fresh {
            self.sources.insert(rel, (stamp, result));
        }
        for (rel, text) in &self.overrides {
            let read = content::from_text(rel, text, config).map(|file| Arc::new(Input::prepare(file)));
            self.sources.insert(rel.clone(), ((None, 0), read));
        }
        let mut all: Vec<(&String, &Result<Arc<Input>, Diagnostic>)> =
            self.sources.iter().map(|(rel, (_, result))| (rel, result)).collect();
        all.sort_by(|a, b| a.0.cmp(b.0));
        let mut inputs = Vec::with_capacity(all.len());
        for (_, result) in all {
            match result {
                Ok(input) => {
                    diags.extend(input.problems().iter().cloned());
                    inputs.push(Arc::clone(input));
                }
                Err(d) => diags.push(d.clone()),
            }
        }
        inputs
    }

    /// Copies the static files that are new or changed since the last
    /// build, but for the `withheld` originals of images, and writes the
    /// `published` renditions of images that are new.
    fn write_statics(
        &mut self,
        theme: &ThemeFiles,
        (withheld, published): (&HashSet<String>, &BTreeMap<String, Published>),
        sink: &dyn Sink,
    ) -> std::io::Result<()> {
        enum Source<'s> {
            Static(&'s StaticSource),
            Image(&'s Published),
        }
        let mut stamped: Vec<(&String, Source, u64)> = theme
            .statics
            .iter()
            .filter(|(path, _)| !withheld.contains(*path))
            .map(|(path, source)| {
                let mut h = DefaultHasher::new();
                match source {
                    StaticSource::Embedded(bytes) => bytes.hash(&mut h),
                    StaticSource::Disk(disk) => {
                        let meta = std::fs::metadata(disk).ok();
                        (disk, meta.as_ref().map(|m| (m.modified().ok(), m.len()))).hash(&mut h);
                    }
                }
                (path, Source::Static(source), h.finish())
            })
            .collect();
        // Their names tell their content.
        stamped.extend(published.iter().map(|(path, image)| (path, Source::Image(image), 0)));
        stamped.par_iter().try_for_each(|(path, source, stamp)| {
            if self.statics.get(*path) == Some(stamp) {
                return Ok(());
            }
            match source {
                Source::Image(image) => sink.write(path, image.bytes()),
                Source::Static(StaticSource::Embedded(bytes)) => sink.write(path, bytes),
                Source::Static(StaticSource::Disk(disk)) => {
                    sink.write(path, &std::fs::read(disk).map_err(|e| crate::output::with_path(e, disk))?)
                }
            }
        })?;
        let now: HashSet<&String> = stamped.iter().map(|(p, _, _)| *p).collect();
        for old in self.statics.keys() {
            if !now.contains(old) && !self.pages.contains_key(old) {
                sink.remove(old)?;
            }
        }
        self.statics = stamped.into_iter().map(|(p, _, s)| (p.clone(), s)).collect();
        Ok(())
    }
}

/// What a shortcode may show: the theme, the surveys, every content
/// file (a map shows partners of any item) and the files of the site (a
/// download's size).
fn shortcode_fingerprint(site: &Site, engine: u64, files: &Files) -> u64 {
    let mut h = DefaultHasher::new();
    (engine, site.surveys.fingerprint(), format!("{:?}", site.config), files.fingerprint()).hash(&mut h);
    for item in &site.items {
        for entry in item.entries.values() {
            (&entry.path, entry.hash, entry.inherited).hash(&mut h);
        }
    }
    h.finish()
}

/// Prints how long each phase took when PASSERELLE_TIMINGS is set (for
/// profiling; benchmarks measure whole commands).
struct Clock {
    enabled: bool,
    last: Instant,
}

impl Clock {
    fn new() -> Clock {
        Clock { enabled: std::env::var_os("PASSERELLE_TIMINGS").is_some(), last: Instant::now() }
    }

    fn lap(&mut self, phase: &str) {
        if self.enabled {
            // Resident memory now (Linux), to see which phase holds it.
            let rss = std::fs::read_to_string("/proc/self/statm")
                .ok()
                .and_then(|statm| statm.split_whitespace().nth(1)?.parse::<u64>().ok())
                .map_or_else(String::new, |pages| format!(", resident {} MiB", (pages * 4096) >> 20));
            eprintln!("timing: {phase}: {:.1} ms{rss}", self.last.elapsed().as_secs_f64() * 1000.0);
        }
        self.last = Instant::now();
    }
}
