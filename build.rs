//! Embeds the default theme in the binary, so a site without a themes/
//! folder still builds: writes a table of (path, bytes) for every file under
//! themes/default except its map data. That data, the country shapes, is
//! decoded here instead, once, into the compact form `src/maps/atlas.rs`
//! reads at run time: parsing the TopoJSON took 35 ms of every build.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
    println!("cargo:rerun-if-changed={}", theme.display());
    let mut files = Vec::new();
    collect(&theme, &theme, &mut files);
    files.sort();
    let mut out = String::from("/// Every file of the default theme, by path relative to the theme folder.\n");
    out.push_str("pub static FILES: &[(&str, &[u8])] = &[\n");
    for (rel, abs) in &files {
        println!("cargo:rerun-if-changed={abs}");
        writeln!(out, "    ({rel:?}, include_bytes!({abs:?})),").expect("writing to a String cannot fail");
    }
    out.push_str("];\n");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out_dir).join("embedded_theme.rs"), out).expect("cannot write the embedded theme table");
    let shapes = theme.join(ATLAS_SOURCE);
    println!("cargo:rerun-if-changed={}", shapes.display());
    let topojson = std::fs::read(&shapes).unwrap_or_else(|e| panic!("cannot read {}: {e}", shapes.display()));
    std::fs::write(Path::new(&out_dir).join("atlas.bin"), pack_atlas(&topojson)).expect("cannot write atlas.bin");
}

/// The country shapes, relative to the theme; not embedded as they are.
const ATLAS_SOURCE: &str = "data/countries-50m.json";

/// The features of the topology's `countries` object, little-endian:
/// "PSATLAS1", then a u32 count of features; each is its ISO 3166-1 alpha-2
/// code (two bytes, zero for none), a u32 count of polygons; each polygon a
/// u32 count of rings; each ring a u32 count of points, then each point as
/// f32 longitude and latitude in degrees (about a metre of precision).
fn pack_atlas(topojson: &[u8]) -> Vec<u8> {
    let topology: topojson::Topology = serde_json::from_slice(topojson).expect("the map data is TopoJSON");
    let collection = topojson::to_geojson(&topology, "countries").expect("the map data has a 'countries' object");
    let count = |n: usize| u32::try_from(n).expect("fewer than 2^32").to_le_bytes();
    let mut out = b"PSATLAS1".to_vec();
    out.extend(count(collection.features.len()));
    for feature in collection.features {
        let numeric = match &feature.id {
            Some(geojson::feature::Id::String(s)) => s.parse::<usize>().ok(),
            Some(geojson::feature::Id::Number(n)) => n.as_u64().and_then(|n| usize::try_from(n).ok()),
            None => None,
        };
        let alpha2 = numeric.and_then(|n| celes::Country::from_value(n).ok()).map(|c| c.alpha2);
        out.extend(alpha2.map_or([0, 0], |code| <[u8; 2]>::try_from(code.as_bytes()).expect("two letters")));
        let polygons = match feature.geometry.map(|g| g.value) {
            Some(geojson::Value::Polygon(rings)) => vec![rings],
            Some(geojson::Value::MultiPolygon(polygons)) => polygons,
            _ => Vec::new(),
        };
        out.extend(count(polygons.len()));
        for rings in polygons {
            out.extend(count(rings.len()));
            for ring in rings {
                out.extend(count(ring.len()));
                for position in ring {
                    let [x, y] = [position.first(), position.get(1)].map(|v| v.copied().unwrap_or(f64::NAN) as f32);
                    out.extend(x.to_le_bytes());
                    out.extend(y.to_le_bytes());
                }
            }
        }
    }
    out
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(root, &path, files);
        } else {
            let rel = path.strip_prefix(root).expect("walked from root");
            let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            if rel.starts_with("data/") {
                continue; // map data: packed by pack_atlas, documented by its README
            }
            files.push((rel, path.display().to_string()));
        }
    }
}
