//! The images' cache on disk, `.passerelle-cache/images/` at the site
//! root (not published, ignored by git and by `serve --watch`): one folder
//! per source content, settings and request, named by their key. A
//! responsive set holds each rendition's WebP and fallback and a `meta`
//! file (alpha, then one `width height` line per rendition); a variant
//! holds `data` and a `meta` file (`variant width height extension`). A folder is written aside and renamed into
//! place whole, so a reader sees it complete or not at all; anything
//! missing or malformed is a miss. It saves a build the encoding of images
//! a previous build encoded; failing to write it only costs time.

use std::fs;
use std::path::Path;

use super::{Format, Processed, Rendition, Variant};

/// The renditions stored under `key`, if a complete folder is there.
pub(super) fn load(dir: &Path, key: u64) -> Option<Processed> {
    let folder = dir.join(format!("{key:016x}"));
    let meta = fs::read_to_string(folder.join("meta")).ok()?;
    let mut lines = meta.lines();
    let alpha = match lines.next()? {
        "alpha" => true,
        "opaque" => false,
        _ => return None,
    };
    let renditions = lines
        .enumerate()
        .map(|(i, line)| {
            let (width, height) = line.split_once(' ')?;
            Some(Rendition {
                width: width.parse().ok()?,
                height: height.parse().ok()?,
                webp: fs::read(folder.join(format!("{i}.webp"))).ok()?,
                fallback: fs::read(folder.join(format!("{i}.fallback"))).ok()?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    (!renditions.is_empty()).then_some(Processed { alpha, renditions })
}

/// Stores `processed` under `key`, in place of an incomplete folder
/// (`load` missed it).
pub(super) fn save(dir: &Path, key: u64, processed: &Processed) -> std::io::Result<()> {
    let mut meta = String::from(if processed.alpha { "alpha\n" } else { "opaque\n" });
    let mut files = Vec::new();
    for (i, r) in processed.renditions.iter().enumerate() {
        files.push((format!("{i}.webp"), &r.webp[..]));
        files.push((format!("{i}.fallback"), &r.fallback[..]));
        meta.push_str(&format!("{} {}\n", r.width, r.height));
    }
    write_folder(dir, key, &meta, &files)
}

/// The variant stored under `key`, if a complete folder is there.
pub(super) fn load_variant(dir: &Path, key: u64) -> Option<Variant> {
    let folder = dir.join(format!("{key:016x}"));
    let meta = fs::read_to_string(folder.join("meta")).ok()?;
    let mut words = meta.split_whitespace();
    if words.next()? != "variant" {
        return None;
    }
    let width = words.next()?.parse().ok()?;
    let height = words.next()?.parse().ok()?;
    let format = Format::parse(words.next()?)?;
    Some(Variant { width, height, format, bytes: fs::read(folder.join("data")).ok()? })
}

/// Stores `variant` under `key`.
pub(super) fn save_variant(dir: &Path, key: u64, variant: &Variant) -> std::io::Result<()> {
    let meta = format!("variant {} {} {}\n", variant.width, variant.height, variant.format.extension());
    write_folder(dir, key, &meta, &[("data".to_string(), &variant.bytes[..])])
}

/// Writes the folder of `key` aside, then renames it into place whole.
fn write_folder(dir: &Path, key: u64, meta: &str, files: &[(String, &[u8])]) -> std::io::Result<()> {
    let folder = dir.join(format!("{key:016x}"));
    if folder.exists() {
        fs::remove_dir_all(&folder)?;
    }
    let thread = format!("{:?}", std::thread::current().id()).replace(|c: char| !c.is_ascii_alphanumeric(), "");
    let temp = dir.join(format!(".{key:016x}-{}-{thread}", std::process::id()));
    let written = (|| {
        fs::create_dir_all(&temp)?;
        for (name, bytes) in files {
            fs::write(temp.join(name), bytes)?;
        }
        fs::write(temp.join("meta"), meta)?;
        fs::rename(&temp, &folder)
    })();
    if written.is_err() {
        // Another build may have stored the same folder meanwhile.
        let _ = fs::remove_dir_all(&temp);
    }
    written
}

/// Removes the folders of keys not in `keep`: what the images of a site
/// used to be before they were replaced or removed.
pub(super) fn prune(dir: &Path, keep: &std::collections::HashSet<u64>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(key) = name.to_str().filter(|n| n.len() == 16).and_then(|n| u64::from_str_radix(n, 16).ok()) else {
            continue;
        };
        if !keep.contains(&key) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_saved_loads_back_and_an_incomplete_folder_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let rendition = |w| Rendition { width: w, height: w / 2, webp: vec![1, 2, w as u8], fallback: vec![3] };
        let processed = Processed { alpha: true, renditions: vec![rendition(10), rendition(20)] };
        save(dir.path(), 7, &processed).unwrap();
        let loaded = load(dir.path(), 7).unwrap();
        assert!(loaded.alpha);
        let sizes: Vec<(u32, u32, Vec<u8>)> =
            loaded.renditions.iter().map(|r| (r.width, r.height, r.webp.clone())).collect();
        assert_eq!(sizes, [(10, 5, vec![1, 2, 10]), (20, 10, vec![1, 2, 20])]);
        assert!(load(dir.path(), 8).is_none());
        fs::remove_file(dir.path().join(format!("{:016x}/1.fallback", 7))).unwrap();
        assert!(load(dir.path(), 7).is_none());
        let variant = Variant { width: 12, height: 6, format: Format::Png, bytes: vec![4, 5] };
        save_variant(dir.path(), 9, &variant).unwrap();
        let loaded = load_variant(dir.path(), 9).unwrap();
        assert_eq!((loaded.width, loaded.height, loaded.format, loaded.bytes), (12, 6, Format::Png, vec![4, 5]));
        assert!(load(dir.path(), 9).is_none(), "a variant is not a set of renditions");
        prune(dir.path(), &[9].into_iter().collect());
        assert!(load_variant(dir.path(), 9).is_some());
        assert!(!dir.path().join(format!("{:016x}", 7)).exists());
    }
}
