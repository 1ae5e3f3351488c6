//! Owns one site's build state between builds: caches keyed by input, so a
//! rebuild redoes only what a change touches. Content files are re-read
//! only when their time stamp or size changed, Markdown bodies re-rendered
//! only when their text, the links they resolved or the shortcode templates
//! changed, cards rebuilt only when their item changed, and pages rendered
//! only when their fingerprint (what they show) changed. A fresh Builder is
//! a full build: `build` and `serve` go through this one path.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::Config;
use crate::content::{self, Found, Kind};
use crate::diag::Diagnostics;
use crate::i18n::Locales;
use crate::pages::{Views, fingerprint};
use crate::pipeline::{BuildOptions, load_config};
use crate::render::{self, BodyCache, Fingerprints, Sink, Summary};
use crate::resolve::{self, Input};
use crate::templates::Engine;
use crate::theme::{self, StaticSource, ThemeFiles};
use crate::views::ItemCard;

/// The result of one build.
#[derive(Debug)]
pub struct Report {
    pub diagnostics: Diagnostics,
    /// Present when the site was written (no error).
    pub summary: Option<Summary>,
    pub elapsed: Duration,
}

/// One site's caches, kept between builds.
pub struct Builder {
    options: BuildOptions,
    /// Content files by path: their stamp when read, and what preparing gave.
    sources: HashMap<String, (content::Stamp, Arc<Input>)>,
    /// The compiled theme and the fingerprint of the files it came from.
    engine: Option<(u64, Arc<Engine>)>,
    bodies: BodyCache,
    /// Cards by (kind, id, language): the fingerprint they were built for.
    cards: HashMap<(Kind, String, String), (u64, ItemCard)>,
    /// Output path → fingerprint of the pages the sink holds.
    pages: HashMap<String, u64>,
    /// Static files the sink holds, by output path, with their stamp.
    statics: HashMap<String, u64>,
}

impl Builder {
    pub fn new(options: BuildOptions) -> Builder {
        Builder {
            options,
            sources: HashMap::new(),
            engine: None,
            bodies: BodyCache::default(),
            cards: HashMap::new(),
            pages: HashMap::new(),
            statics: HashMap::new(),
        }
    }

    pub fn options(&self) -> &BuildOptions {
        &self.options
    }

    /// Builds the site into `sink`. With any error nothing is written, and
    /// the sink keeps what the last good build wrote.
    pub fn build(&mut self, sink: &dyn Sink) -> std::io::Result<Report> {
        let started = Instant::now();
        let mut diags = Diagnostics::new();
        let failed = |diags: Diagnostics| Ok(Report { diagnostics: diags, summary: None, elapsed: started.elapsed() });
        let Some(config) = load_config(&self.options.root, self.options.base_url.as_deref(), &mut diags) else {
            return failed(diags);
        };
        let (theme, found) = theme::load(&self.options.root, &config.theme);
        diags.extend(found);
        let engine = self.engine(&config, &theme, &mut diags);

        let inputs = self.sources(&config, &mut diags);
        let today = self.options.today.unwrap_or_else(|| jiff::Zoned::now().date());
        let resolve_options = resolve::Options { drafts: self.options.drafts, future: self.options.future, today };
        let (site, found) = resolve::resolve(&config, &inputs, &resolve_options);
        diags.extend(found);
        let Some((engine_fp, engine)) = engine else { return failed(diags) };

        // Shortcode templates may use anything of the theme, UI strings included.
        let (bodies, found, _) = render::bodies(&site, &engine, engine_fp, &mut self.bodies);
        diags.extend(found);
        if diags.has_errors() {
            // Rendering pages from invalid content would only add noise
            // (a template tripping on a value already reported).
            return failed(diags);
        }

        let items = fingerprint::items(&site, &bodies);
        let config_fp = {
            let mut h = DefaultHasher::new();
            (format!("{:?}", site.config), engine_fp).hash(&mut h);
            h.finish()
        };
        let card_key = |i: usize, lang: &str| {
            let mut h = DefaultHasher::new();
            (items.get(lang).map(|fps| fps[i]), config_fp).hash(&mut h);
            h.finish()
        };
        let cards = &self.cards;
        let reuse = |i: usize, lang: &str| {
            let item = &site.items[i];
            cards
                .get(&(item.kind, item.id.clone(), lang.to_string()))
                .filter(|(fp, _)| *fp == card_key(i, lang))
                .map(|(_, card)| card.clone())
        };
        let views = Views::with_cards(&site, &bodies, &engine.locales, &reuse);
        let global = config.language_codes().into_iter().map(|l| (views.global_fingerprint(&l, engine_fp), l));
        let fingerprints = Fingerprints { items: &items, global: global.map(|(f, l)| (l, f)).collect() };
        let (summary, found, pages) = render::pages(&views, &engine, &fingerprints, &self.pages, sink)?;
        diags.extend(found);
        if diags.has_errors() {
            return failed(diags);
        }
        let new_cards = views.all_cards().map(|((i, lang), card)| {
            let item = &site.items[*i];
            ((item.kind, item.id.clone(), lang.clone()), (card_key(*i, lang), card.clone()))
        });
        self.cards = new_cards.collect();
        self.pages = pages;
        self.write_statics(&theme, sink)?;
        Ok(Report { diagnostics: diags, summary: Some(summary), elapsed: started.elapsed() })
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
        for code in config.language_codes() {
            if !theme.locales.iter().flatten().any(|source| source.lang == code) {
                diags.push(
                    crate::diag::Diagnostic::error(
                        crate::config::FILE,
                        1,
                        1,
                        format!("no UI strings for language '{code}'"),
                    )
                    .with_hint(format!(
                        "add locales/{code}/main.ftl with the theme's messages in that language \
                             (start from a copy of the theme's locales/en/main.ftl)"
                    )),
                );
            }
        }
        let (locales, found) = Locales::load(theme.locales.clone(), &config.language_codes());
        diags.extend(found);
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
        let (found, problems) = content::list(&self.options.root);
        diags.extend(problems);
        let (reuse, read): (Vec<&Found>, Vec<&Found>) = found
            .iter()
            .partition(|f| self.sources.get(&f.rel).is_some_and(|(stamp, _)| *stamp == f.stamp && f.stamp.0.is_some()));
        let fresh: Vec<(String, content::Stamp, Result<Input, crate::diag::Diagnostic>)> = read
            .par_iter()
            .map(|f| (f.rel.clone(), f.stamp, content::read_one(&f.path, &f.rel, config).map(Input::prepare)))
            .collect();
        let mut sources = HashMap::with_capacity(found.len());
        for f in reuse {
            if let Some(entry) = self.sources.remove(&f.rel) {
                sources.insert(f.rel.clone(), entry);
            }
        }
        for (rel, stamp, result) in fresh {
            match result {
                Ok(input) => {
                    sources.insert(rel, (stamp, Arc::new(input)));
                }
                Err(d) => diags.push(d),
            }
        }
        self.sources = sources;
        let mut inputs: Vec<(&String, Arc<Input>)> =
            self.sources.iter().map(|(rel, (_, input))| (rel, Arc::clone(input))).collect();
        inputs.sort_by(|a, b| a.0.cmp(b.0));
        for (_, input) in &inputs {
            diags.extend(input.problems().iter().cloned());
        }
        inputs.into_iter().map(|(_, input)| input).collect()
    }

    /// Copies the static files that are new or changed since the last build.
    fn write_statics(&mut self, theme: &ThemeFiles, sink: &dyn Sink) -> std::io::Result<()> {
        let stamped: Vec<(&String, &StaticSource, u64)> = theme
            .statics
            .iter()
            .map(|(path, source)| {
                let mut h = DefaultHasher::new();
                match source {
                    StaticSource::Embedded(bytes) => bytes.hash(&mut h),
                    StaticSource::Disk(disk) => {
                        let meta = std::fs::metadata(disk).ok();
                        (disk, meta.as_ref().map(|m| (m.modified().ok(), m.len()))).hash(&mut h);
                    }
                }
                (path, source, h.finish())
            })
            .collect();
        stamped.par_iter().try_for_each(|(path, source, stamp)| {
            if self.statics.get(*path) == Some(stamp) {
                return Ok(());
            }
            match source {
                StaticSource::Embedded(bytes) => sink.write(path, bytes),
                StaticSource::Disk(disk) => {
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
