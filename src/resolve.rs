//! Turns parsed content files into the immutable [`Site`] graph: pairs
//! translations, applies inheritance from the default-language version,
//! checks required fields and references between items, computes reverse
//! links and tags, and leaves out drafts and future news. No I/O, and it
//! knows nothing of Markdown or Tera.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use rayon::prelude::*;

use jiff::civil::Date;
use serde_yaml::{Mapping, Value};

use crate::config::{Config, is_slug};
use crate::content::{Kind, SourceFile};
use crate::diag::{Diagnostic, Diagnostics};
use crate::frontmatter::{self, FrontMatter, When, field_position, value_position};
use crate::urls;
use crate::{funders, working_groups};

mod order;
pub(crate) use order::sorted_by_key;

/// What a build includes.
#[derive(Debug, Clone)]
pub struct Options {
    pub drafts: bool,
    pub future: bool,
    pub today: Date,
    /// The funder registry, which projects' `funding` names.
    pub funders: std::sync::Arc<crate::funders::Funders>,
}

/// One language version of an item, with its inherited front matter.
#[derive(Debug, Clone)]
pub struct Entry {
    pub lang: String,
    /// Source file, relative to the site root.
    pub path: String,
    pub slug: String,
    /// Site path of the page, e.g. `/coopjop/fr/projets/coopjop/`.
    pub url: String,
    pub title: String,
    pub fm: std::sync::Arc<FrontMatter>,
    pub body: crate::content::Body,
    pub body_line: usize,
    /// Hash of the source file's text.
    pub hash: u64,
    /// Hash of the front matter this version inherits from (its base's).
    pub inherited: u64,
}

/// Items of other types that point at this one.
#[derive(Debug, Clone, Default)]
pub struct Backlinks {
    pub projects: Vec<usize>,
    pub actions: Vec<usize>,
    pub news: Vec<usize>,
}

/// A content item in all its published languages.
#[derive(Debug, Clone)]
pub struct Item {
    pub kind: Kind,
    pub id: String,
    /// The language of the version others inherit from.
    pub base_lang: String,
    /// Published versions by language.
    pub entries: BTreeMap<String, std::sync::Arc<Entry>>,
    pub lead: Option<usize>,
    pub project: Option<usize>,
    pub partners: Vec<usize>,
    pub projects: Vec<usize>,
    pub back: Backlinks,
    /// News date, or action/project start: the order of lists.
    pub when: Option<When>,
    pub end: Option<When>,
}

impl Item {
    pub fn base(&self) -> &Entry {
        &self.entries[&self.base_lang]
    }
}

/// A tag in one language.
#[derive(Debug, Clone)]
pub struct Tag {
    pub name: String,
    pub slug: String,
    /// News items with this tag, newest first.
    pub items: Vec<usize>,
}

/// The whole site: every published item, resolved and cross-linked.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: Config,
    pub items: Vec<Item>,
    pub homes: BTreeMap<String, std::sync::Arc<Entry>>,
    /// Tags by language, then by slug.
    pub tags: BTreeMap<String, BTreeMap<String, Tag>>,
    /// The news of each language's list, newest first: those written in
    /// it, and the others too where the site falls back with a banner.
    pub news: BTreeMap<String, Vec<usize>>,
    pub today: Date,
    /// The surveys of `content/data/`, read by `surveys` (empty here).
    pub surveys: std::sync::Arc<crate::surveys::Surveys>,
    /// The funder registry, `content/data/funders.yaml`.
    pub funders: std::sync::Arc<crate::funders::Funders>,
    /// The pictures of news `image`s and of logos, by source as written
    /// (filled by the builder once images are processed; empty here).
    pub pictures: std::sync::Arc<BTreeMap<String, std::sync::Arc<crate::images::Picture>>>,
    /// The sharing crops (`og:image`) of news images, by source and focus
    /// as written (filled by the builder).
    pub sharing: std::sync::Arc<BTreeMap<(String, Option<String>), crate::images::Resized>>,
    index: Index,
}

impl Site {
    pub fn find(&self, kind: Kind, id: &str) -> Option<usize> {
        self.index.get(&kind).and_then(|ids| ids.get(id)).copied()
    }

    /// Indices of items of one kind, in site order (by identifier).
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = usize> + '_ {
        self.items.iter().enumerate().filter(move |(_, i)| i.kind == kind).map(|(n, _)| n)
    }
}

/// One content file ready for resolution, or the problems that keep it
/// out. Preparing a file looks at that file alone, so it can be cached.
#[derive(Debug)]
pub enum Input {
    Parsed { parsed: Box<Parsed>, checks: Vec<Diagnostic> },
    Broken { kind: Kind, id: String, problems: Vec<Diagnostic> },
}

/// A file with its own front matter as an untyped mapping.
#[derive(Debug)]
pub struct Parsed {
    pub file: SourceFile,
    mapping: Mapping,
    /// This file's own front matter, before inheritance.
    own: FrontMatter,
    /// The ids this file's own front matter refers to: (field, kind, id).
    refs: Vec<(&'static str, Kind, String)>,
}

impl Input {
    /// Parses and checks one file's own front matter.
    pub fn prepare(file: SourceFile) -> Input {
        match frontmatter::parse(&file) {
            Ok((mapping, own)) => {
                let checks = frontmatter::check_values(&file, &own);
                let refs = own_references(file.kind, &mapping);
                Input::Parsed { parsed: Box::new(Parsed { file, mapping, own, refs }), checks }
            }
            Err(problems) => Input::Broken { kind: file.kind, id: file.id, problems },
        }
    }

    /// What preparing the file found wrong.
    pub fn problems(&self) -> &[Diagnostic] {
        match self {
            Input::Parsed { checks, .. } => checks,
            Input::Broken { problems, .. } => problems,
        }
    }
}

/// Items merged from their versions by an earlier resolution, by the
/// files they came from: what a rebuild can take again as it is.
pub struct Cache {
    groups: HashMap<(Kind, String), Merged>,
    /// False for a build that will not be followed by another: then
    /// nothing is kept (a copy of every item, on a large site).
    keep: bool,
}

impl Default for Cache {
    fn default() -> Cache {
        Cache { groups: HashMap::new(), keep: true }
    }
}

impl Cache {
    /// A cache that keeps nothing, for a single build.
    pub fn none() -> Cache {
        Cache { groups: HashMap::new(), keep: false }
    }
}

/// An item merged from its versions: the key of the files it came from,
/// the item (none when it cannot be published) and what merging reported.
type Merged = (u64, Option<Item>, Vec<Diagnostic>);

/// Builds the site from every prepared file, taking unchanged items from
/// `cache` and updating it. The diagnostics returned are those of
/// resolution; each input's own problems are its `problems()`.
pub fn resolve<I: std::ops::Deref<Target = Input>>(
    config: &Config,
    inputs: &[I],
    options: &Options,
    cache: &mut Cache,
) -> (Site, Diagnostics) {
    let settings = {
        let mut h = DefaultHasher::new();
        (format!("{config:?}"), options.drafts, options.future, options.today).hash(&mut h);
        h.finish()
    };
    let mut merged_now = HashMap::new();
    let mut diags = Diagnostics::new();
    let mut groups: BTreeMap<(Kind, String), Vec<&Parsed>> = BTreeMap::new();
    // Items with an unreadable version are left out, but their ids stay
    // known so that references to them do not add misleading errors.
    let mut broken: HashSet<(Kind, String)> = HashSet::new();
    for input in inputs {
        match &**input {
            Input::Parsed { parsed, .. } => {
                groups.entry((parsed.file.kind, parsed.file.id.clone())).or_default().push(parsed);
            }
            Input::Broken { kind, id, .. } => {
                broken.insert((*kind, id.clone()));
            }
        }
    }
    groups.retain(|key, _| !broken.contains(key));

    let mut items = Vec::with_capacity(groups.len());
    let mut homes = BTreeMap::new();
    let mut own_refs: Vec<(usize, &Parsed)> = Vec::with_capacity(inputs.len());
    // Merging is independent per item: done in parallel, reusing the items
    // whose files did not change.
    let mut groups: Vec<((Kind, String), Vec<&Parsed>)> = groups.into_iter().collect();
    let previous = &cache.groups;
    let merged: Vec<Merged> = groups
        .par_iter_mut()
        .map(|((kind, id), versions)| {
            versions.sort_by_key(|p| language_rank(config, &p.file.lang));
            let mut h = DefaultHasher::new();
            settings.hash(&mut h);
            for version in versions.iter() {
                (&version.file.path, version.file.hash).hash(&mut h);
            }
            let key = h.finish();
            match previous.get(&(*kind, id.clone())) {
                Some((cached, item, found)) if *cached == key => (key, item.clone(), found.clone()),
                _ => {
                    let mut found = Diagnostics::new();
                    let item = merge_group(config, *kind, id, versions, options, &mut found);
                    (key, item, found.into_iter().collect())
                }
            }
        })
        .collect();
    for (((kind, id), versions), (key, item, found)) in groups.into_iter().zip(merged) {
        diags.extend(found.iter().cloned());
        if cache.keep {
            merged_now.insert((kind, id), (key, item.clone(), found));
        }
        let Some(item) = item else {
            continue;
        };
        if kind == Kind::Home {
            homes = item.entries;
            continue;
        }
        let index = items.len();
        own_refs.extend(versions.into_iter().map(|v| (index, v)));
        items.push(item);
    }

    cache.groups = merged_now;
    let mut index = Index::new();
    for (n, item) in items.iter().enumerate() {
        index.entry(item.kind).or_default().insert(item.id.clone(), n);
    }
    let mut known = Known::new(&items);
    for (kind, id) in broken {
        known.add(kind, &id);
    }
    let mut groups = working_groups::Groups::default();
    for item in &items {
        if let FrontMatter::Project(p) = &*item.base().fm {
            groups.add(&item.id, p);
        }
    }
    for (index, parsed) in &own_refs {
        check_references(parsed, &known, &mut diags);
        working_groups::check(&parsed.file, &parsed.own, &items[*index].base().fm, &groups, &mut diags);
        funders::check_funding(&parsed.file, &parsed.own, &options.funders, &mut diags);
    }
    for item in &mut items {
        link_references(item, &index);
    }
    let (news, tags) = order::backlinks_news_and_tags(config, &mut items);
    check_url_collisions(&items, &homes, &mut diags);

    let site = Site {
        config: config.clone(),
        items,
        homes,
        tags,
        news,
        today: options.today,
        surveys: Default::default(),
        pictures: Default::default(),
        sharing: Default::default(),
        funders: options.funders.clone(),
        index,
    };
    (site, diags)
}

fn language_rank(config: &Config, lang: &str) -> usize {
    config.languages.iter().position(|l| l.code == lang).unwrap_or(usize::MAX)
}

/// Merges the versions of one item (sorted, base first) into an Item.
fn merge_group(
    config: &Config,
    kind: Kind,
    id: &str,
    versions: &[&Parsed],
    options: &Options,
    diags: &mut Diagnostics,
) -> Option<Item> {
    let base = versions.first()?;
    let base_lang = base.file.lang.clone();
    let inherited = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        base.file.front_matter.hash(&mut h);
        h.finish()
    };
    let mut entries = BTreeMap::new();
    // The dates that order the item's lists: its base version's.
    let mut base_dates = None;
    for (n, version) in versions.iter().enumerate() {
        // The base version is its own front matter; a translation is the
        // base's with its own fields over it.
        let merged = match n {
            0 => std::borrow::Cow::Borrowed(&base.mapping),
            _ => {
                let mut merged = base.mapping.clone();
                // A URL segment and old URLs belong to one language: never inherited.
                merged.remove("slug");
                merged.remove("aliases");
                warn_contradictions(kind, base, version, diags);
                for (key, value) in &version.mapping {
                    merged.insert(key.clone(), value.clone());
                }
                std::borrow::Cow::Owned(merged)
            }
        };
        let Some(fm) = frontmatter::typed(kind, &merged) else {
            continue;
        };
        if n == 0 {
            // An item missing a required field is still kept, so that
            // references to it do not add misleading errors.
            check_required(&base.file, &merged, diags);
            base_dates = Some(dates(&fm));
        }
        if !published(&fm, options) {
            continue;
        }
        let file = &version.file;
        let slug = match fm.slug() {
            Some(slug) if is_slug(slug) => slug.to_string(),
            Some(slug) => {
                let (line, col) = value_position(file, "slug", slug);
                diags.push(
                    Diagnostic::error(&file.path, line, col, tr!("content-invalid-slug", slug = slug))
                        .with_hint(tr!("content-invalid-slug-hint")),
                );
                id.to_string()
            }
            None => id.to_string(),
        };
        let title = fm.title().unwrap_or_default().to_string();
        let entry = Entry {
            lang: file.lang.clone(),
            path: file.path.clone(),
            url: urls::item(config, kind, &file.lang, &slug),
            slug,
            title,
            fm: std::sync::Arc::new(fm),
            body: file.body.clone(),
            body_line: file.body_line,
            hash: file.hash,
            inherited,
        };
        entries.insert(file.lang.clone(), std::sync::Arc::new(entry));
    }
    let (when, end) = base_dates?;
    if entries.is_empty() {
        return None;
    }
    let base_lang = if entries.contains_key(&base_lang) {
        base_lang
    } else {
        entries.keys().min_by_key(|l| language_rank(config, l))?.clone()
    };
    Some(Item {
        kind,
        id: id.to_string(),
        base_lang,
        entries,
        lead: None,
        project: None,
        partners: Vec::new(),
        projects: Vec::new(),
        back: Backlinks::default(),
        when,
        end,
    })
}

fn dates(fm: &FrontMatter) -> (Option<When>, Option<When>) {
    let parse = |d: &Option<frontmatter::DateText>| d.as_ref().and_then(|d| When::parse(&d.0));
    match fm {
        FrontMatter::Project(p) => (parse(&p.start), parse(&p.end)),
        FrontMatter::Action(a) => (parse(&a.start), parse(&a.end)),
        FrontMatter::News(n) => (parse(&n.date), None),
        _ => (None, None),
    }
}

fn published(fm: &FrontMatter, options: &Options) -> bool {
    let draft = match fm {
        FrontMatter::Project(p) => p.draft,
        FrontMatter::Partner(p) => p.draft,
        FrontMatter::Action(a) => a.draft,
        FrontMatter::News(n) => n.draft,
        FrontMatter::Page(p) => p.draft,
        FrontMatter::Home(_) => None,
    };
    if draft == Some(true) && !options.drafts {
        return false;
    }
    if let FrontMatter::News(n) = fm
        && !options.future
        && let Some(when) = n.date.as_ref().and_then(|d| When::parse(&d.0))
        && when.date > options.today
    {
        return false;
    }
    true
}

fn check_required(file: &SourceFile, merged: &Mapping, diags: &mut Diagnostics) {
    for field in frontmatter::required(file.kind) {
        let missing = match merged.get(*field) {
            None | Some(Value::Null) => true,
            Some(Value::String(s)) => s.trim().is_empty(),
            Some(_) => false,
        };
        if missing {
            let example = match *field {
                "start" | "date" => "2026-02-06",
                "country" => "FR",
                "kind" if file.kind == Kind::Partner => "region",
                _ => "...",
            };
            let hint = match *field {
                "project" => tr!("content-missing-project-hint"),
                _ => tr!("content-missing-field-hint", field = *field, example = example),
            };
            let message = tr!("content-missing-field", field = *field, kind = file.kind.name());
            diags.push(
                Diagnostic::error(&file.path, file.front_matter_line.saturating_sub(1), 1, message).with_hint(hint),
            );
        }
    }
}

fn warn_contradictions(kind: Kind, base: &Parsed, version: &Parsed, diags: &mut Diagnostics) {
    for (key, value) in &version.mapping {
        let Some(name) = key.as_str() else { continue };
        if frontmatter::translatable(kind, name) {
            continue;
        }
        if let Some(base_value) = base.mapping.get(key)
            && base_value != value
        {
            let (line, col) = field_position(&version.file, name);
            let base_path = &base.file.path;
            let message = tr!("content-translation-differs", field = name, base = base_path);
            let hint = tr!("content-translation-differs-hint", field = name, base = base_path);
            diags.push(Diagnostic::warning(&version.file.path, line, col, message).with_hint(hint));
        }
    }
}

/// Every id that exists, by kind, for reference checks.
struct Known {
    by_kind: HashMap<Kind, std::collections::BTreeSet<String>>,
}

impl Known {
    fn new(items: &[Item]) -> Known {
        let mut known = Known { by_kind: HashMap::new() };
        for item in items {
            known.add(item.kind, &item.id);
        }
        known
    }

    fn add(&mut self, kind: Kind, id: &str) {
        self.by_kind.entry(kind).or_default().insert(id.to_string());
    }

    fn contains(&self, kind: Kind, id: &str) -> bool {
        self.by_kind.get(&kind).is_some_and(|ids| ids.contains(id))
    }

    fn ids(&self, kind: Kind) -> impl Iterator<Item = &str> {
        self.by_kind.get(&kind).into_iter().flatten().map(String::as_str)
    }
}

/// The reference fields a file sets itself, with their target kind.
fn reference_fields(kind: Kind) -> &'static [(&'static str, Kind)] {
    match kind {
        Kind::Project => &[("lead", Kind::Partner), ("partners", Kind::Partner)],
        Kind::Action => &[("project", Kind::Project), ("partners", Kind::Partner)],
        Kind::News => &[("projects", Kind::Project), ("partners", Kind::Partner)],
        _ => &[],
    }
}

/// The references a front matter makes, as (field, target kind, id).
fn own_references(kind: Kind, mapping: &Mapping) -> Vec<(&'static str, Kind, String)> {
    let mut refs = Vec::new();
    for (field, target) in reference_fields(kind) {
        match mapping.get(*field) {
            Some(Value::String(s)) => refs.push((*field, *target, s.clone())),
            Some(Value::Sequence(seq)) => {
                refs.extend(seq.iter().filter_map(Value::as_str).map(|id| (*field, *target, id.to_string())));
            }
            _ => {}
        }
    }
    refs
}

fn check_references(parsed: &Parsed, known: &Known, diags: &mut Diagnostics) {
    for (field, target, id) in &parsed.refs {
        let (field, target, id) = (*field, target, id.as_str());
        {
            if known.contains(*target, id) {
                continue;
            }
            let (line, col) = value_position(&parsed.file, field, id);
            let message = tr!("content-unknown-reference", kind = target.name(), id = id);
            let mut d =
                Diagnostic::error(&parsed.file.path, line, col, message).with_suggestion(id, known.ids(*target));
            if d.hint.is_none() {
                d = d.with_hint(tr!("content-unknown-reference-hint", folder = target.folder(), id = id));
            }
            diags.push(d);
        }
    }
}

/// Item indices by kind and id.
type Index = HashMap<Kind, HashMap<String, usize>>;

fn link_references(item: &mut Item, index: &Index) {
    let find = |kind: Kind, id: &str| index.get(&kind).and_then(|ids| ids.get(id)).copied();
    let many = |kind: Kind, ids: &Option<Vec<String>>| -> Vec<usize> {
        ids.iter().flatten().filter_map(|id| find(kind, id)).collect()
    };
    let fm = item.base().fm.clone();
    match &*fm {
        FrontMatter::Project(p) => {
            item.lead = p.lead.as_deref().and_then(|id| find(Kind::Partner, id));
            item.partners = many(Kind::Partner, &p.partners);
        }
        FrontMatter::Action(a) => {
            item.project = a.project.as_deref().and_then(|id| find(Kind::Project, id));
            item.partners = many(Kind::Partner, &a.partners);
        }
        FrontMatter::News(n) => {
            item.projects = many(Kind::Project, &n.projects);
            item.partners = many(Kind::Partner, &n.partners);
        }
        _ => {}
    }
}

fn check_url_collisions(items: &[Item], homes: &BTreeMap<String, std::sync::Arc<Entry>>, diags: &mut Diagnostics) {
    let mut seen: HashMap<&str, &str> = homes.values().map(|e| (e.url.as_str(), e.path.as_str())).collect();
    for entry in items.iter().flat_map(|i| i.entries.values()) {
        if let Some(other) = seen.insert(&entry.url, &entry.path) {
            diags.push(
                Diagnostic::error(&entry.path, 1, 1, tr!("content-url-collision", url = &entry.url, other = other))
                    .with_hint(tr!("content-url-collision-hint")),
            );
        }
    }
}
