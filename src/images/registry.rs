//! The images of one build ([`Images`]) and what is kept between builds
//! ([`Cache`]): each source is processed once per build, from any thread,
//! and taken from the cache when its content, the settings and the request
//! did not change.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::SystemTime;

use super::{
    Failure, Findings, Fnv, Heavy, PIXEL_LIMIT, Picture, Processed, Purpose, Request, Resized, Settings, Short,
    Variant, encode, store, url_path, variant,
};
use crate::theme::StaticSource;

/// A source file as the cache knows it: its content's hash and upright
/// size (or why its header cannot be read).
#[derive(Debug)]
struct SourceInfo {
    hash: u64,
    size: Result<(u32, u32), Failure>,
}

type Stamp = (Option<SystemTime>, u64);

/// What processing one source gave, shared by the builds that show it.
type Shared<T> = Arc<Result<Arc<T>, Failure>>;

/// Results kept between builds, by source content, settings and request:
/// in memory, and on disk when the cache has a folder.
#[derive(Debug, Default)]
pub(crate) struct Cache {
    processed: Mutex<HashMap<u64, Shared<Processed>>>,
    variants: Mutex<HashMap<u64, Shared<Variant>>>,
    /// Source files by path, with the stamp they had when read.
    sources: Mutex<HashMap<PathBuf, (Stamp, Arc<SourceInfo>)>>,
    dir: Option<PathBuf>,
}

impl Cache {
    /// A cache that also keeps what it encodes in `dir` (see [`store`]).
    pub(crate) fn on_disk(dir: PathBuf) -> Cache {
        Cache { dir: Some(dir), ..Cache::default() }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|p| p.into_inner())
}

/// A processed source: its picture and the files to publish.
#[derive(Debug)]
struct Done {
    picture: Arc<Picture>,
    /// Output path → file.
    files: Vec<(String, Published)>,
    key: u64,
}

/// A made variant: what templates see and the file to publish.
#[derive(Debug)]
struct MadeFile {
    resized: Resized,
    path: String,
    file: Published,
    key: u64,
}

type Cell<T> = Arc<OnceLock<Result<Arc<T>, Failure>>>;

/// A source path and a request's key.
type MadeKey = (String, Vec<u8>);

/// The images of one build.
pub(crate) struct Images {
    settings: Settings,
    root: String,
    statics: Arc<BTreeMap<String, StaticSource>>,
    cache: Arc<Cache>,
    /// Source path → what showing it gave, computed once.
    shown: Mutex<BTreeMap<String, Cell<Done>>>,
    /// (source path, request) → the file made, computed once.
    made: Mutex<BTreeMap<MadeKey, Cell<MadeFile>>>,
    short: Mutex<HashSet<Short>>,
    /// Sources templates resized.
    templated: Mutex<std::collections::BTreeSet<String>>,
    encoded: AtomicUsize,
    reused: AtomicUsize,
}

impl Images {
    /// `root` is the base_url's path; `statics` the files of the site by
    /// output path.
    pub(crate) fn new(
        settings: &Settings,
        root: &str,
        statics: Arc<BTreeMap<String, StaticSource>>,
        cache: Arc<Cache>,
    ) -> Images {
        Images {
            settings: settings.clone(),
            root: root.to_string(),
            statics,
            cache,
            shown: Mutex::default(),
            made: Mutex::default(),
            short: Mutex::default(),
            templated: Mutex::default(),
            encoded: AtomicUsize::new(0),
            reused: AtomicUsize::new(0),
        }
    }

    pub(crate) fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The picture of the raster image at output path `path` (a file of
    /// the site, e.g. `images/photo.jpg`), processing it on first use.
    pub(crate) fn show(&self, path: &str) -> Result<Arc<Picture>, Failure> {
        let cell = Arc::clone(lock(&self.shown).entry(path.to_string()).or_default());
        let done = cell.get_or_init(|| self.compute(path).map(Arc::new));
        done.as_ref().map(|done| Arc::clone(&done.picture)).map_err(Clone::clone)
    }

    /// The file `request` makes of the raster image at output path `path`.
    pub(crate) fn resize(&self, path: &str, request: &Request, purpose: Purpose) -> Result<Resized, Failure> {
        if purpose == Purpose::Template {
            lock(&self.templated).insert(path.to_string());
        }
        let cell = Arc::clone(lock(&self.made).entry((path.to_string(), request.key())).or_default());
        let made = cell.get_or_init(|| self.make(path, request).map(Arc::new));
        let made = made.as_ref().map_err(Clone::clone)?;
        if let Some(asked) =
            variant::geometry(made.resized.orig_width, made.resized.orig_height, request).and_then(|g| g.short_of)
        {
            self.note_short(Short {
                source: path.to_string(),
                purpose,
                asked,
                has: (made.resized.orig_width, made.resized.orig_height),
            });
        }
        Ok(made.resized.clone())
    }

    /// Notes that the source at `path` is shown larger than it is.
    pub(crate) fn note_short(&self, short: Short) {
        lock(&self.short).insert(short);
    }

    /// The content hash and upright size of a source, from the cache
    /// when its file did not change; the bytes when they had to be read.
    fn source(&self, path: &str) -> Result<(Arc<SourceInfo>, Option<Vec<u8>>), Failure> {
        let describe = |bytes: &[u8]| {
            let mut hash = Fnv::default();
            hash.write(bytes);
            Arc::new(SourceInfo { hash: hash.0, size: encode::upright_size(bytes) })
        };
        match self.statics.get(path) {
            Some(StaticSource::Embedded(bytes)) => Ok((describe(bytes), Some(bytes.to_vec()))),
            Some(StaticSource::Disk(disk)) => {
                let meta = std::fs::metadata(disk).map_err(|_| Failure::Unreadable)?;
                let stamp = (meta.modified().ok(), meta.len());
                if let Some((known, info)) = lock(&self.cache.sources).get(disk)
                    && *known == stamp
                    && stamp.0.is_some()
                {
                    return Ok((Arc::clone(info), None));
                }
                let bytes = std::fs::read(disk).map_err(|_| Failure::Unreadable)?;
                let info = describe(&bytes);
                lock(&self.cache.sources).insert(disk.clone(), (stamp, Arc::clone(&info)));
                Ok((info, Some(bytes)))
            }
            None => Err(Failure::Unreadable),
        }
    }

    /// The bytes of a source, read now unless `read` has them.
    fn bytes(&self, path: &str, read: Option<Vec<u8>>) -> Result<Vec<u8>, Failure> {
        match (read, self.statics.get(path)) {
            (Some(bytes), _) => Ok(bytes),
            (None, Some(StaticSource::Disk(disk))) => std::fs::read(disk).map_err(|_| Failure::Unreadable),
            (None, Some(StaticSource::Embedded(bytes))) => Ok(bytes.to_vec()),
            (None, None) => Err(Failure::Unreadable),
        }
    }

    /// The upright size of a source, refusing one too large to decode.
    fn checked_size(info: &SourceInfo) -> Result<(u32, u32), Failure> {
        let (width, height) = info.size.clone()?;
        if u64::from(width) * u64::from(height) > PIXEL_LIMIT {
            return Err(Failure::TooLarge { width, height });
        }
        Ok((width, height))
    }

    fn compute(&self, path: &str) -> Result<Done, Failure> {
        let (info, read) = self.source(path)?;
        Self::checked_size(&info)?;
        let mut hash = Fnv::default();
        // The encoding's version: a change of encoders or of the way they
        // are called gives new names and cache entries.
        hash.write(b"passerelle-images-2");
        hash.write(&info.hash.to_le_bytes());
        hash.write(&[self.settings.quality]);
        for w in &self.settings.widths {
            hash.write(&w.to_le_bytes());
        }
        let key = hash.0;
        let processed = self.cached(
            &self.cache.processed,
            key,
            |dir| store::load(dir, key),
            || self.bytes(path, read).and_then(|bytes| encode::process(&bytes, &self.settings)),
            |dir, processed| store::save(dir, key, processed),
        );
        let processed = Arc::clone(processed.as_ref().as_ref().map_err(Clone::clone)?);
        let stem = path.rsplit_once('.').map_or(path, |(stem, _)| stem);
        let fallback = if processed.alpha { "png" } else { "jpg" };
        let name = |w: u32, ext: &str| format!("{stem}-{:08x}-{w}.{ext}", key >> 32);
        let srcset = |ext: &str| {
            let urls = processed
                .renditions
                .iter()
                .map(|r| format!("{}{} {}w", self.root, url_path(&name(r.width, ext)), r.width));
            urls.collect::<Vec<_>>().join(", ")
        };
        let largest = processed.renditions.last().ok_or(Failure::Unreadable)?;
        let picture = Picture {
            src: format!("{}{}", self.root, url_path(&name(largest.width, fallback))),
            srcset: srcset(fallback),
            webp_srcset: srcset("webp"),
            sizes: self.settings.sizes.clone(),
            width: largest.width,
            height: largest.height,
        };
        let mut files = Vec::new();
        for (i, r) in processed.renditions.iter().enumerate() {
            let published = |webp| Published::Rendition { processed: Arc::clone(&processed), index: i, webp };
            files.push((name(r.width, "webp"), published(true)));
            files.push((name(r.width, fallback), published(false)));
        }
        Ok(Done { picture: Arc::new(picture), files, key })
    }

    fn make(&self, path: &str, request: &Request) -> Result<MadeFile, Failure> {
        let (info, read) = self.source(path)?;
        let (width, height) = Self::checked_size(&info)?;
        let geometry = variant::geometry(width, height, request).ok_or(Failure::Unreadable)?;
        let mut hash = Fnv::default();
        hash.write(b"passerelle-variant-1");
        hash.write(&info.hash.to_le_bytes());
        hash.write(&request.key());
        hash.write(&[self.settings.quality]);
        let key = hash.0;
        let made = self.cached(
            &self.cache.variants,
            key,
            |dir| store::load_variant(dir, key),
            || {
                let bytes = self.bytes(path, read)?;
                encode::variant(&bytes, &geometry, request.format, self.settings.quality)
            },
            |dir, made| store::save_variant(dir, key, made),
        );
        let made = Arc::clone(made.as_ref().as_ref().map_err(Clone::clone)?);
        let stem = path.rsplit_once('.').map_or(path, |(stem, _)| stem);
        let file = format!("{stem}-{:08x}-{}x{}.{}", key >> 32, made.width, made.height, made.format.extension());
        let resized = Resized {
            url: format!("{}{}", self.root, url_path(&file)),
            width: made.width,
            height: made.height,
            orig_width: width,
            orig_height: height,
        };
        Ok(MadeFile { resized, path: file, file: Published::Variant { made, key }, key })
    }

    /// The source of a file this build published (a rendition or a
    /// variant), so that a theme may resize `item.logo` as well as the
    /// file it names.
    pub(crate) fn source_of(&self, file: &str) -> Option<String> {
        let shown = lock(&self.shown);
        let rendition = shown.iter().find(|(_, cell)| match cell.get() {
            Some(Ok(done)) => done.files.iter().any(|(path, _)| path == file),
            _ => false,
        });
        if let Some((source, _)) = rendition {
            return Some(source.clone());
        }
        let made = lock(&self.made);
        let variant = made.iter().find(|(_, cell)| matches!(cell.get(), Some(Ok(m)) if m.path == file));
        variant.map(|((source, _), _)| source.clone())
    }

    /// The sources templates resized (`resize_image`).
    pub(crate) fn templated_sources(&self) -> Vec<String> {
        lock(&self.templated).iter().cloned().collect()
    }

    /// What `key` gave: from memory, else from the disk (`load`), else
    /// encoded now (`encode`) and stored (`save`); counted as reused or
    /// encoded.
    fn cached<T>(
        &self,
        memory: &Mutex<HashMap<u64, Shared<T>>>,
        key: u64,
        load: impl FnOnce(&std::path::Path) -> Option<T>,
        encode: impl FnOnce() -> Result<T, Failure>,
        save: impl FnOnce(&std::path::Path, &T) -> std::io::Result<()>,
    ) -> Shared<T> {
        if let Some(known) = lock(memory).get(&key) {
            self.reused.fetch_add(1, Ordering::Relaxed);
            return Arc::clone(known);
        }
        let dir = self.cache.dir.as_deref();
        let result = match dir.and_then(load) {
            Some(stored) => {
                self.reused.fetch_add(1, Ordering::Relaxed);
                Ok(stored)
            }
            None => {
                self.encoded.fetch_add(1, Ordering::Relaxed);
                let result = encode();
                if let (Some(dir), Ok(value)) = (dir, &result) {
                    // Failing to store only costs time next build.
                    let _ = save(dir, value);
                }
                result
            }
        };
        let result = Arc::new(result.map(Arc::new));
        lock(memory).insert(key, Arc::clone(&result));
        result
    }

    /// The content hash of a source, for fingerprints of what shows it.
    pub(crate) fn source_hash(&self, path: &str) -> Option<u64> {
        self.source(path).ok().map(|(info, _)| info.hash)
    }

    /// The files to publish, by output path: the responsive sets of the
    /// sources shown and the files templates made (`made`).
    pub(crate) fn published(&self) -> (BTreeMap<String, Published>, BTreeMap<String, Published>) {
        let mut shown = BTreeMap::new();
        for cell in lock(&self.shown).values() {
            if let Some(Ok(done)) = cell.get() {
                shown.extend(done.files.iter().cloned());
            }
        }
        let mut made = BTreeMap::new();
        for cell in lock(&self.made).values() {
            if let Some(Ok(file)) = cell.get() {
                made.insert(file.path.clone(), file.file.clone());
            }
        }
        (shown, made)
    }

    /// The sources shown as pictures or resized (their originals are
    /// published only when something links to them).
    pub(crate) fn sources(&self) -> Vec<String> {
        let mut all: Vec<String> = Vec::new();
        let shown = lock(&self.shown);
        all.extend(shown.iter().filter(|(_, c)| matches!(c.get(), Some(Ok(_)))).map(|(s, _)| s.clone()));
        let made = lock(&self.made);
        all.extend(made.iter().filter(|(_, c)| matches!(c.get(), Some(Ok(_)))).map(|((s, _), _)| s.clone()));
        all.sort();
        all.dedup();
        all
    }

    /// What this build did, and the published files over budget. Drops
    /// from the cache (memory and disk) what this build did not use.
    pub(crate) fn finish(&self, kept_made: &BTreeMap<String, Published>) -> Findings {
        let budget = u64::from(self.settings.budget_kb) * 1000;
        let mut keys = HashSet::new();
        let mut heavy = Vec::new();
        for (source, cell) in lock(&self.shown).iter() {
            let Some(Ok(done)) = cell.get() else { continue };
            keys.insert(done.key);
            // What most visitors load: the WebP renditions.
            if let Some((file, published)) =
                done.files.iter().filter(|(f, _)| f.ends_with(".webp")).max_by_key(|(_, p)| p.bytes().len())
                && published.bytes().len() as u64 > budget
            {
                heavy.push(Heavy { source: source.clone(), file: file.clone(), bytes: published.bytes().len() as u64 });
            }
        }
        for ((source, _), cell) in lock(&self.made).iter() {
            let Some(Ok(made)) = cell.get() else { continue };
            keys.insert(made.key);
            if made.file.bytes().len() as u64 > budget {
                heavy.push(Heavy {
                    source: source.clone(),
                    file: made.path.clone(),
                    bytes: made.file.bytes().len() as u64,
                });
            }
        }
        // Files pages rendered by an earlier build still show.
        keys.extend(kept_made.values().filter_map(|published| match published {
            Published::Variant { key, .. } => Some(*key),
            Published::Rendition { .. } => None,
        }));
        lock(&self.cache.processed).retain(|k, _| keys.contains(k));
        lock(&self.cache.variants).retain(|k, _| keys.contains(k));
        if let Some(dir) = &self.cache.dir {
            store::prune(dir, &keys);
        }
        let mut short: Vec<Short> = lock(&self.short).iter().cloned().collect();
        short.sort();
        Findings {
            shown: self.sources().len(),
            encoded: self.encoded.load(Ordering::Relaxed),
            reused: self.reused.load(Ordering::Relaxed),
            short,
            heavy,
        }
    }
}

/// One published image file.
#[derive(Debug, Clone)]
pub(crate) enum Published {
    Rendition { processed: Arc<Processed>, index: usize, webp: bool },
    Variant { made: Arc<Variant>, key: u64 },
}

impl Published {
    pub(crate) fn bytes(&self) -> &[u8] {
        match self {
            Published::Rendition { processed, index, webp } => {
                let r = &processed.renditions[*index];
                if *webp { &r.webp } else { &r.fallback }
            }
            Published::Variant { made, .. } => &made.bytes,
        }
    }
}
