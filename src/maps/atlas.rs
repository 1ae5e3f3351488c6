//! Owns the world's country shapes: Natural Earth 1:50m Admin 0 countries,
//! packaged as TopoJSON by world-atlas 2.0.2 in the default theme's
//! `data/countries-50m.json` (see `themes/default/data/README.md`). The
//! build script decodes that file into a compact list of rings embedded in
//! the binary; this module reads it once per process into immutable
//! polygons in degrees, each tagged with its country's ISO 3166-1 alpha-2
//! code. Nothing is ever fetched; data that cannot be read gives an empty
//! atlas, never a panic.

use std::sync::OnceLock;

use super::geometry::{self, Point, Rect};

/// The shapes as `build.rs` packs them (see its `pack_atlas`).
static PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/atlas.bin"));

/// Every shape of the world, in the order of the file.
#[derive(Debug, Default)]
pub(crate) struct Atlas {
    pub features: Vec<Feature>,
}

/// One feature of the file: a country or territory.
#[derive(Debug)]
pub(crate) struct Feature {
    /// ISO 3166-1 alpha-2, upper case; None for the few features without a
    /// code (Kosovo, Somaliland, Northern Cyprus…).
    pub code: Option<&'static str>,
    pub polygons: Vec<Polygon>,
}

/// One polygon of a feature, in degrees: `[longitude, latitude]` points.
/// A ring that crosses the antimeridian (eastern Russia, Fiji) is made
/// continuous, so its longitudes may run past 180°; only rings that go
/// round a pole (Antarctica) keep their jump.
#[derive(Debug)]
pub(crate) struct Polygon {
    /// The outer ring first, then its holes.
    pub rings: Vec<Vec<Point>>,
    /// Box of the outer ring, in degrees.
    pub bbox: Rect,
    /// Area in square degrees of latitude (longitudes scaled by the cosine
    /// of the latitude), to compare sizes.
    pub area: f64,
}

impl Polygon {
    fn new(rings: Vec<Vec<Point>>) -> Option<Polygon> {
        let outer = rings.first()?;
        let bbox = Rect::of(outer);
        if bbox.is_empty() {
            return None;
        }
        let area = geometry::signed_area(outer).abs() * bbox.center()[1].to_radians().cos();
        Some(Polygon { bbox, area, rings })
    }

    /// Whether the `[longitude, latitude]` point is inside (not in a hole),
    /// on whichever side of the antimeridian the polygon lies.
    pub(crate) fn contains(&self, p: Point) -> bool {
        let p = [p[0] + super::layout::wrap_shift(p[0], self.bbox.center()[0]), p[1]];
        self.bbox.contains(p) && geometry::contains(&self.rings, p)
    }
}

impl Atlas {
    /// The shapes, decoded on first use.
    pub(crate) fn get() -> &'static Atlas {
        static ATLAS: OnceLock<Atlas> = OnceLock::new();
        ATLAS.get_or_init(|| decode(PACKED).unwrap_or_default())
    }

    /// The polygons of a country, in every feature with its code, each with
    /// its place in the atlas: (feature, polygon) indices.
    pub(crate) fn polygons(&self, code: &str) -> impl Iterator<Item = ((usize, usize), &Polygon)> {
        self.features
            .iter()
            .enumerate()
            .filter(move |(_, f)| f.code == Some(code))
            .flat_map(|(i, f)| f.polygons.iter().enumerate().map(move |(j, p)| ((i, j), p)))
    }
}

/// Reads the packed shapes; None when they are cut short or malformed.
fn decode(bytes: &'static [u8]) -> Option<Atlas> {
    let mut reader = Reader(bytes.strip_prefix(b"PSATLAS1")?);
    let features = (0..reader.count()?)
        .map(|_| {
            let code = reader
                .take(2)
                .map(|code| std::str::from_utf8(code).ok().filter(|c| c.bytes().all(|b| b.is_ascii_uppercase())))?;
            let polygons = (0..reader.count()?)
                .map(|_| {
                    let rings = (0..reader.count()?)
                        .map(|_| (0..reader.count()?).map(|_| Some([reader.f32()?, reader.f32()?])).collect())
                        .collect::<Option<Vec<Vec<Point>>>>()?;
                    Some(polygon(rings))
                })
                .collect::<Option<Vec<_>>>()?;
            Some(Feature { code, polygons: polygons.into_iter().flatten().collect() })
        })
        .collect::<Option<Vec<_>>>()?;
    reader.0.is_empty().then_some(Atlas { features })
}

/// A cursor over packed little-endian data.
struct Reader(&'static [u8]);

impl Reader {
    fn take(&mut self, n: usize) -> Option<&'static [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    fn count(&mut self) -> Option<usize> {
        let bytes = self.take(4)?.try_into().ok()?;
        usize::try_from(u32::from_le_bytes(bytes)).ok()
    }

    fn f32(&mut self) -> Option<f64> {
        Some(f64::from(f32::from_le_bytes(self.take(4)?.try_into().ok()?)))
    }
}

/// A polygon from rings of `[longitude, latitude]` points, dropping the
/// repeated closing point and any malformed position.
fn polygon(rings: Vec<Vec<Point>>) -> Option<Polygon> {
    let rings = rings
        .into_iter()
        .map(|ring| {
            let mut points: Vec<Point> = ring.into_iter().filter(|[x, y]| x.is_finite() && y.is_finite()).collect();
            points.dedup();
            if points.len() > 1 && points.first() == points.last() {
                points.pop();
            }
            unwrap(points)
        })
        .filter(|ring| ring.len() >= 3)
        .collect::<Vec<_>>();
    // Holes on the same side of the antimeridian as their outer ring.
    let outer = Rect::of(rings.first()?).center()[0];
    let rings = rings
        .into_iter()
        .map(|ring| {
            let shift = super::layout::wrap_shift(Rect::of(&ring).center()[0], outer);
            ring.into_iter().map(|[x, y]| [x + shift, y]).collect()
        })
        .collect();
    Polygon::new(rings)
}

/// A ring whose longitudes jump by more than 180° between neighbours made
/// continuous, centred on the -180°..180° side where most of it lies; a ring
/// that goes round a pole is returned as it is.
fn unwrap(ring: Vec<Point>) -> Vec<Point> {
    let step = |from: f64, to: f64| match to - from {
        d if d > 180.0 => -360.0,
        d if d < -180.0 => 360.0,
        _ => 0.0,
    };
    let Some(&first) = ring.first() else { return ring };
    let (mut offset, mut jumps) = (0.0, false);
    let mut out = vec![first];
    for pair in ring.windows(2) {
        let jump = step(pair[0][0], pair[1][0]);
        jumps |= jump != 0.0;
        offset += jump;
        out.push([pair[1][0] + offset, pair[1][1]]);
    }
    if !jumps || offset + step(ring[ring.len() - 1][0], first[0]) != 0.0 {
        return ring;
    }
    let centre = Rect::of(&out).center()[0];
    let shift = if centre > 180.0 {
        -360.0
    } else if centre < -180.0 {
        360.0
    } else {
        0.0
    };
    out.into_iter().map(|[x, y]| [x + shift, y]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_shapes_decode_with_their_codes() {
        let atlas = Atlas::get();
        assert!(atlas.features.len() > 230, "{} features", atlas.features.len());
        let cases = [
            ("FR", [2.35, 48.86], true),
            ("BJ", [2.39, 6.37], true),
            ("MA", [-6.85, 34.02], true),
            // Western Sahara is split along the berm: Laâyoune, west of it,
            // falls in Morocco's shape; Bir Lehlou, east of it, in EH's.
            ("MA", [-13.2, 27.15], true),
            ("EH", [-13.2, 27.15], false),
            ("EH", [-9.57, 26.33], true),
            ("MA", [-9.57, 26.33], false),
            ("US", [-111.89, 40.76], true),
            ("RU", [-178.0, 66.5], true), // Chukotka, east of the antimeridian
            ("RU", [37.62, 55.76], true),
            ("IT", [2.35, 48.86], false),
        ];
        for (code, point, inside) in cases {
            assert_eq!(atlas.polygons(code).any(|(_, p)| p.contains(point)), inside, "{code} {point:?}");
        }
        assert!(atlas.features.iter().any(|f| f.code.is_none()), "features without a code are kept");
        assert_eq!(atlas.polygons("ZZ").count(), 0);
    }

    #[test]
    fn rings_across_the_antimeridian_are_made_continuous() {
        let across = vec![[178.0, 0.0], [180.0, 0.0], [-178.0, 0.0], [-178.0, 1.0], [180.0, 1.0], [178.0, 1.0]];
        let around_the_pole = vec![[-180.0, -80.0], [0.0, -70.0], [180.0, -80.0], [180.0, -90.0], [-180.0, -90.0]];
        let cases = [
            (across, vec![[178.0, 0.0], [180.0, 0.0], [182.0, 0.0], [182.0, 1.0], [180.0, 1.0], [178.0, 1.0]]),
            (around_the_pole.clone(), around_the_pole),
            (vec![[1.0, 1.0], [2.0, 1.0], [2.0, 2.0]], vec![[1.0, 1.0], [2.0, 1.0], [2.0, 2.0]]),
            (vec![], vec![]),
        ];
        for (ring, expected) in cases {
            assert_eq!(unwrap(ring.clone()), expected, "{ring:?}");
        }
        // Eastern Russia runs on past 180°: one main polygon, not the globe.
        let atlas = Atlas::get();
        let (_, russia) = atlas.polygons("RU").max_by(|a, b| a.1.area.total_cmp(&b.1.area)).expect("Russia");
        assert!(russia.bbox.width() < 180.0 && russia.bbox.x1 > 180.0, "{:?}", russia.bbox);
    }

    #[test]
    fn packed_data_cut_short_or_malformed_gives_no_atlas() {
        assert!(decode(PACKED).is_some());
        for bytes in [&b""[..], b"{}", b"PSATLAS1", b"PSATLAS1\x01\0\0\0FR\x01\0\0\0", &PACKED[..PACKED.len() - 1]] {
            assert!(decode(bytes).is_none(), "{:?}", &bytes[..bytes.len().min(20)]);
        }
        let mut longer = PACKED.to_vec();
        longer.push(0);
        assert!(decode(Box::leak(longer.into_boxed_slice())).is_none(), "trailing bytes");
    }
}
