//! The images' cache on disk, `.passerelle-cache/images/` at the site
//! root (not published, ignored by git and by `serve --watch`): one folder
//! per source content and settings, named by their key, holding each
//! rendition's WebP and fallback and a `meta` file (alpha, then one `width
//! height` line per rendition). A folder is written aside and renamed into
//! place whole, so a reader sees it complete or not at all; anything
//! missing or malformed is a miss. It saves a build the encoding of images
//! a previous build encoded; failing to write it only costs time.

use std::fs;
use std::path::Path;

use super::{Processed, Rendition};

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
    let folder = dir.join(format!("{key:016x}"));
    if folder.exists() {
        fs::remove_dir_all(&folder)?;
    }
    let thread = format!("{:?}", std::thread::current().id()).replace(|c: char| !c.is_ascii_alphanumeric(), "");
    let temp = dir.join(format!(".{key:016x}-{}-{thread}", std::process::id()));
    let written = (|| {
        fs::create_dir_all(&temp)?;
        let mut meta = String::from(if processed.alpha { "alpha\n" } else { "opaque\n" });
        for (i, r) in processed.renditions.iter().enumerate() {
            fs::write(temp.join(format!("{i}.webp")), &r.webp)?;
            fs::write(temp.join(format!("{i}.fallback")), &r.fallback)?;
            meta.push_str(&format!("{} {}\n", r.width, r.height));
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
    }
}
