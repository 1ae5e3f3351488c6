//! Owns the geometry of partner maps: from partners (a country code and
//! maybe a location) to SVG path data of country shapes and marker
//! positions, computed at build time from the Natural Earth shapes embedded
//! in the default theme. Pure: no I/O beyond reading the embedded shapes
//! once per process, nothing fetched from any host, no Tera, no SVG
//! elements (views and templates wrap this data); never panics, whatever
//! the input.
//!
//! How a map is drawn:
//! - Each partner gives a box of the globe to show: the polygon of its
//!   country that contains its location (or the nearest one, for a point
//!   just off the coast), or for a country without any located partner its
//!   largest polygon (metropolitan France, the contiguous United States).
//!   A whole multi-polygon is never framed.
//! - A location must lie in a shape of its country or within
//!   [`NEAR_COUNTRY`] of one; a location elsewhere (latitude and longitude
//!   swapped, a typing slip) is ignored like a missing one rather than put a
//!   marker in another country.
//! - Boxes closer than [`layout::JOIN_DEGREES`] share a panel (single
//!   linkage); each panel is framed on its boxes with padding and a minimum
//!   span, and panels sit side by side or stacked (see [`layout`]).
//! - Every country inside a frame is drawn, muted, and partner countries
//!   highlighted. Shapes are projected (Mercator), clipped to the panel plus
//!   [`CLIP_MARGIN`], simplified (Douglas–Peucker at [`TOLERANCE`]), rings
//!   under [`MIN_RING`] dropped, coordinates written to a tenth. A partner's
//!   own ring too small to see (a microstate, an atoll) is enlarged to
//!   [`MIN_KEPT`] instead.
//! - Partners of one country whose markers would overlap share a marker
//!   (drawn larger, with their count), placed at the member nearest the
//!   group's centroid, until no two markers of a country overlap; a marker is always inside its country's
//!   drawn shape, moved by a small step when simplification left it out.

mod atlas;
mod geometry;
mod layout;
mod path;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use atlas::{Atlas, Polygon};
use geometry::{Point, Rect};
use layout::{Placed, Projection};

/// Radius of a one-partner marker, in user units.
pub(crate) const MARKER_RADIUS: f64 = 6.0;
/// Radius of a marker standing for several partners (it holds their count).
pub(crate) const GROUP_RADIUS: f64 = 11.0;
/// How many drawings [`drawing`] keeps.
const REMEMBERED: usize = 256;
/// Douglas–Peucker tolerance, in user units.
const TOLERANCE: f64 = 0.5;
/// How far shapes run past a panel's edges, in user units.
const CLIP_MARGIN: f64 = 2.0;
/// Rings whose box is smaller than this in both directions are dropped…
const MIN_RING: f64 = 1.0;
/// …but a partner's own ring (a microstate, an atoll) is drawn at least
/// this large, enlarged around its centre, so that it shows and holds the
/// partner's marker.
const MIN_KEPT: f64 = 2.0;
/// A location farther than this many degrees from every shape of its
/// country is taken for a mistake (swapped latitude and longitude, another
/// country) and ignored, like a missing one.
const NEAR_COUNTRY: f64 = 1.0;
/// How far a marker's centre must stay from its country's outline.
const INSIDE_MARGIN: f64 = 0.05;

/// A partner to place on a map.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place<'a> {
    /// The partner's id, as in its file name.
    pub id: &'a str,
    /// ISO 3166-1 alpha-2, upper case.
    pub country: &'a str,
    /// [latitude, longitude] in degrees, as in front matter `location`.
    /// Non-finite or out-of-range values count as no location.
    pub location: Option<[f64; 2]>,
}

/// A whole map: one SVG of `width` × `height` user units (viewBox "0 0
/// width height"). Empty (0 × 0, no panels) when there is nothing to show.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Drawing {
    pub width: f64,
    pub height: f64,
    pub panels: Vec<Panel>,
}

/// One framed region of the map. Shapes and markers use the panel's own
/// coordinates (0..width, 0..height); the panel sits at (x, y) of the
/// drawing (the template draws it as `<g transform="translate(x y)">` with a
/// clip rectangle, since shapes run [`CLIP_MARGIN`] past the edges).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Panel {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// Partner countries (alpha-2) highlighted in this panel, in order of
    /// first appearance in the input.
    pub countries: Vec<String>,
    /// Muted shapes first, then highlighted ones in the order of `countries`;
    /// one shape per country code.
    pub shapes: Vec<Shape>,
    /// In the order of their first partner in the input.
    pub markers: Vec<Marker>,
}

/// The outline of one country in a panel.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Shape {
    /// ISO 3166-1 alpha-2; None for the few shapes without a code.
    pub country: Option<String>,
    /// A partner country.
    pub highlighted: bool,
    /// SVG path data, e.g. "M12.3 45.6l1.2-.4 3 0z": one closed subpath per
    /// ring, outer rings and holes wound in opposite directions so the
    /// nonzero and even-odd fill rules agree.
    pub d: String,
}

/// A marker standing for one or more partners of one country.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Marker {
    /// Centre, in panel units, rounded to a tenth.
    pub x: f64,
    pub y: f64,
    /// Ids of the partners it stands for, in input order.
    pub partners: Vec<String>,
    /// Country shared by these partners.
    pub country: String,
}

impl Marker {
    /// The radius to draw it with: [`GROUP_RADIUS`] for a group.
    pub(crate) fn radius(&self) -> f64 {
        if self.partners.len() > 1 { GROUP_RADIUS } else { MARKER_RADIUS }
    }
}

/// A place with its code upper-cased and its location checked, as
/// `[longitude, latitude]`.
struct Partner<'a> {
    id: &'a str,
    country: String,
    location: Option<Point>,
}

impl<'a> Partner<'a> {
    fn new(place: &Place<'a>) -> Partner<'a> {
        let location = place.location.and_then(|[lat, lon]| {
            let valid = lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0;
            valid.then_some([lon, lat])
        });
        Partner { id: place.id, country: place.country.trim().to_ascii_uppercase(), location }
    }
}

/// The rounded rings of one country (or of one feature without a code) in
/// a panel.
struct Outline {
    code: Option<&'static str>,
    rings: Vec<path::Ring>,
}

/// A box of the globe that a panel must show, in degrees, and the located
/// partners that it brought.
struct Item {
    bbox: Rect,
    partners: Vec<usize>,
}

/// [`draw`], remembered: a site draws the same map once per language, and
/// `serve` draws unchanged maps again on every rebuild. Drawing is pure, so
/// a drawing made for the same places is reused; the memory is cleared
/// past [`REMEMBERED`] drawings.
pub(crate) fn drawing(places: &[Place]) -> Arc<Drawing> {
    type Key = Vec<(String, String, Option<[u64; 2]>)>;
    static DRAWN: OnceLock<Mutex<HashMap<Key, Arc<Drawing>>>> = OnceLock::new();
    let key: Key = places
        .iter()
        .map(|p| (p.id.to_string(), p.country.to_string(), p.location.map(|l| l.map(f64::to_bits))))
        .collect();
    let drawn = DRAWN.get_or_init(Mutex::default);
    if let Some(found) = drawn.lock().ok().and_then(|d| d.get(&key).cloned()) {
        return found;
    }
    let drawing = Arc::new(draw(places));
    if let Ok(mut drawn) = drawn.lock() {
        if drawn.len() >= REMEMBERED {
            drawn.clear();
        }
        drawn.insert(key, Arc::clone(&drawing));
    }
    drawing
}

/// Draws the places; an empty Drawing (no panels) when there is nothing to show.
pub(crate) fn draw(places: &[Place]) -> Drawing {
    let atlas = Atlas::get();
    let mut partners: Vec<Partner> = places.iter().map(Partner::new).collect();
    for partner in &mut partners {
        if partner.location.is_some_and(|p| !near_country(atlas, &partner.country, p)) {
            partner.location = None;
        }
    }
    let items = items(atlas, &partners);
    let boxes: Vec<Rect> = items.iter().map(|item| item.bbox).collect();
    let groups = layout::group(&boxes);
    let frames: Vec<Rect> =
        groups.iter().map(|g| layout::frame(&g.iter().map(|&i| boxes[i]).collect::<Vec<_>>())).collect();
    let located = |group: &Vec<usize>| -> Vec<&Partner> {
        group.iter().flat_map(|&i| &items[i].partners).map(|&p| &partners[p]).filter(|p| p.location.is_some()).collect()
    };
    let Some((height, placed)) = layout::arrangements(&frames)
        .into_iter()
        .enumerate()
        .min_by_key(|(rank, (_, placed))| {
            let crowded: usize = groups.iter().zip(placed).map(|(g, p)| crowded_pairs(&located(g), p)).sum();
            (crowded, *rank)
        })
        .map(|(_, arrangement)| arrangement)
    else {
        return Drawing { width: 0.0, height: 0.0, panels: Vec::new() };
    };
    let mut highlighted: Vec<&str> = Vec::new();
    for partner in &partners {
        if !highlighted.contains(&partner.country.as_str()) {
            highlighted.push(&partner.country);
        }
    }
    let panels = groups
        .iter()
        .zip(placed)
        .map(|(group, placed)| {
            let mut members: Vec<usize> = group.iter().flat_map(|&i| items[i].partners.iter().copied()).collect();
            members.sort_unstable();
            panel(atlas, &partners, &highlighted, &members, placed)
        })
        .collect();
    Drawing { width: layout::WIDTH, height, panels }
}

/// How many pairs of partners of different countries may have touching
/// markers in this panel (closer than two group markers): they cannot share
/// a marker, so the arrangement with the fewest wins.
fn crowded_pairs(located: &[&Partner], placed: &Placed) -> usize {
    let projection = placed.projection;
    let spots: Vec<(&str, Point)> = located
        .iter()
        .filter_map(|p| {
            let [lon, lat] = p.location?;
            Some((p.country.as_str(), projection.project([lon + projection.shift(lon), lat])))
        })
        .collect();
    spots
        .iter()
        .enumerate()
        .map(|(a, (ca, pa))| {
            spots[a + 1..].iter().filter(|(cb, pb)| ca != cb && distance(*pa, *pb) < 2.0 * GROUP_RADIUS).count()
        })
        .sum()
}

/// Whether a `[longitude, latitude]` point lies in or within
/// [`NEAR_COUNTRY`] of a shape of the country; true for a country without
/// shapes, which nothing can be checked against.
fn near_country(atlas: &Atlas, country: &str, p: Point) -> bool {
    let mut polygons = atlas.polygons(country).peekable();
    if polygons.peek().is_none() {
        return true;
    }
    polygons.any(|(_, polygon)| {
        let p = [p[0] + layout::wrap_shift(p[0], polygon.bbox.center()[0]), p[1]];
        polygon.bbox.grown(NEAR_COUNTRY).contains(p)
            && (polygon.contains(p) || geometry::boundary_distance(&polygon.rings[..1], p) <= NEAR_COUNTRY)
    })
}

/// The boxes to show: one per polygon holding (or nearest to) located
/// partners, one per located partner of a country without shapes, and the
/// largest polygon of a country none of whose partners has a location.
fn items(atlas: &Atlas, partners: &[Partner]) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    let mut by_polygon: Vec<((usize, usize), usize)> = Vec::new();
    let mut add = |items: &mut Vec<Item>, key: (usize, usize), polygon: &Polygon, partner: Option<usize>| {
        let slot = match by_polygon.iter().find(|(k, _)| *k == key) {
            Some(&(_, slot)) => slot,
            None => {
                by_polygon.push((key, items.len()));
                items.push(Item { bbox: polygon.bbox, partners: Vec::new() });
                items.len() - 1
            }
        };
        if let Some(i) = partner {
            if let Some(p) = partners[i].location {
                let shifted = [p[0] + layout::wrap_shift(p[0], polygon.bbox.center()[0]), p[1]];
                items[slot].bbox = items[slot].bbox.with(shifted);
            }
            items[slot].partners.push(i);
        }
    };
    for (i, partner) in partners.iter().enumerate() {
        let Some(point) = partner.location else { continue };
        let polygons: Vec<_> = atlas.polygons(&partner.country).collect();
        let home = polygons.iter().find(|(_, p)| p.contains(point)).or_else(|| {
            let spot = Rect::EMPTY.with(point);
            polygons.iter().min_by(|a, b| layout::gap(&spot, &a.1.bbox).total_cmp(&layout::gap(&spot, &b.1.bbox)))
        });
        match home {
            Some(&(key, polygon)) => add(&mut items, key, polygon, Some(i)),
            None => items.push(Item { bbox: Rect::EMPTY.with(point), partners: vec![i] }),
        }
    }
    for partner in partners {
        if partners.iter().any(|p| p.country == partner.country && p.location.is_some()) {
            continue;
        }
        let largest = atlas.polygons(&partner.country).max_by(|a, b| a.1.area.total_cmp(&b.1.area));
        if let Some((key, polygon)) = largest {
            add(&mut items, key, polygon, None);
        }
    }
    items
}

/// One panel: every shape in its frame, then the markers of `members`.
fn panel(atlas: &Atlas, partners: &[Partner], highlighted: &[&str], members: &[usize], placed: Placed) -> Panel {
    let projection = placed.projection;
    let (width, height) = (layout::snap(placed.at.width()), layout::snap(placed.at.height()));
    let clip = Rect { x0: 0.0, y0: 0.0, x1: width, y1: height }.grown(CLIP_MARGIN);
    let seen = projection.frame.grown(CLIP_MARGIN / projection.scale);
    // Located members in panel units, to keep the tiny rings they stand in.
    let spots: Vec<(usize, Point)> = members
        .iter()
        .filter_map(|&i| {
            let [lon, lat] = partners[i].location?;
            Some((i, projection.project([lon + projection.shift(lon), lat])))
        })
        .collect();
    let mut outlines: Vec<Outline> = Vec::new();
    for feature in &atlas.features {
        let lit = feature.code.is_some_and(|c| highlighted.contains(&c));
        let keep: Vec<Point> = spots
            .iter()
            .filter(|(i, _)| lit && feature.code == Some(partners[*i].country.as_str()))
            .map(|&(_, p)| p)
            .collect();
        let mut rings = Vec::new();
        for polygon in &feature.polygons {
            for shift in [-360.0, 0.0, 360.0] {
                if Projection::projected(&polygon.bbox.shifted(shift)).intersects(&seen) {
                    draw_polygon(polygon, shift, &projection, &clip, &keep, &mut rings);
                }
            }
        }
        if rings.is_empty() {
            continue;
        }
        match outlines.iter_mut().find(|o| o.code.is_some() && o.code == feature.code) {
            Some(outline) => outline.rings.extend(rings),
            None => outlines.push(Outline { code: feature.code, rings }),
        }
    }
    let countries: Vec<String> =
        highlighted.iter().filter(|c| outlines.iter().any(|o| o.code == Some(**c))).map(|c| c.to_string()).collect();
    let shape = |outline: &Outline, highlighted: bool| {
        let mut d = String::new();
        for ring in &outline.rings {
            path::write_ring(&mut d, ring);
        }
        Shape { country: outline.code.map(String::from), highlighted, d }
    };
    let mut shapes: Vec<Shape> = outlines
        .iter()
        .filter(|o| !o.code.is_some_and(|c| countries.iter().any(|h| h == c)))
        .map(|o| shape(o, false))
        .collect();
    for country in &countries {
        if let Some(outline) = outlines.iter().find(|o| o.code == Some(country.as_str())) {
            shapes.push(shape(outline, true));
        }
    }
    let markers = markers(partners, &spots, &outlines, &countries);
    Panel { x: placed.at.x0, y: placed.at.y0, width, height, countries, shapes, markers }
}

/// Appends the rings of one polygon, shifted by `shift` degrees of
/// longitude, projected, clipped, simplified and rounded. Rings smaller
/// than [`MIN_RING`] are dropped unless they hold one of the `keep` points;
/// holes go with their outer ring.
fn draw_polygon(
    polygon: &Polygon,
    shift: f64,
    projection: &Projection,
    clip: &Rect,
    keep: &[Point],
    out: &mut Vec<path::Ring>,
) {
    for (index, ring) in polygon.rings.iter().enumerate() {
        let outer = index == 0;
        let projected: Vec<Point> = ring.iter().map(|p| projection.project([p[0] + shift, p[1]])).collect();
        let clipped = geometry::clip(&projected, clip);
        let bbox = Rect::of(&clipped);
        let kept = outer && keep.iter().any(|&p| geometry::contains(&[&clipped], p));
        let size = bbox.width().max(bbox.height());
        let simplified = if kept && size < MIN_KEPT {
            geometry::enlarge(&clipped, MIN_KEPT)
        } else if size < MIN_RING {
            Vec::new()
        } else if kept {
            // Keep the outline of a small partner country recognisable.
            geometry::simplify(&clipped, TOLERANCE.min(size / 10.0))
        } else {
            geometry::simplify(&clipped, TOLERANCE)
        };
        let mut rounded = path::round(&simplified);
        if rounded.len() < 3 || geometry::signed_area(&path::units(&rounded)) == 0.0 {
            if outer {
                return;
            }
            continue;
        }
        path::orient(&mut rounded, outer);
        out.push(rounded);
    }
}

/// The markers of a panel: the located partners, grouped per country while
/// their markers would overlap, each inside its country's drawn shape.
///
/// Grouping repeats until no two markers of one country overlap: a group's
/// marker is larger ([`GROUP_RADIUS`]) and sits elsewhere than its members,
/// so it may come to overlap a neighbour that its members did not.
fn markers(partners: &[Partner], spots: &[(usize, Point)], outlines: &[Outline], countries: &[String]) -> Vec<Marker> {
    let mut cluster: Vec<usize> = (0..spots.len()).collect();
    loop {
        let drawn = place_markers(partners, spots, outlines, countries, &cluster);
        let overlap = drawn.iter().enumerate().find_map(|(a, (ma, la))| {
            drawn[a + 1..].iter().find_map(|(mb, lb)| {
                let close = distance([ma.x, ma.y], [mb.x, mb.y]) < ma.radius() + mb.radius();
                (close && ma.country == mb.country).then_some((*la, *lb))
            })
        });
        let Some((a, b)) = overlap else {
            return drawn.into_iter().map(|(marker, _)| marker).collect();
        };
        let (from, to) = (a.max(b), a.min(b));
        cluster.iter_mut().filter(|c| **c == from).for_each(|c| *c = to);
    }
}

/// One marker per cluster (spots sharing a leader in `cluster`), with its
/// leader, in the order of the clusters' first spots.
fn place_markers(
    partners: &[Partner],
    spots: &[(usize, Point)],
    outlines: &[Outline],
    countries: &[String],
    cluster: &[usize],
) -> Vec<(Marker, usize)> {
    let mut markers = Vec::new();
    for leader in 0..spots.len() {
        let group: Vec<&(usize, Point)> =
            (0..spots.len()).filter(|&i| cluster[i] == leader).map(|i| &spots[i]).collect();
        let Some(&&(first, _)) = group.first() else { continue };
        let country = partners[first].country.clone();
        let n = group.len() as f64;
        let centroid = group.iter().fold([0.0, 0.0], |c, (_, p)| [c[0] + p[0] / n, c[1] + p[1] / n]);
        let mut candidates: Vec<Point> = group.iter().map(|(_, p)| *p).collect();
        candidates.sort_by(|a, b| distance(*a, centroid).total_cmp(&distance(*b, centroid)));
        let rings: Vec<Vec<Point>> = if countries.contains(&country) {
            outlines
                .iter()
                .filter(|o| o.code == Some(country.as_str()))
                .flat_map(|o| o.rings.iter().map(|r| path::units(r)))
                .collect()
        } else {
            Vec::new()
        };
        let [x, y] = place_inside(&rings, &candidates);
        let ids = group.iter().map(|(i, _)| partners[*i].id.to_string()).collect();
        markers.push((Marker { x, y, partners: ids, country }, leader));
    }
    markers
}

/// The first candidate, rounded to a tenth, that lies inside the rings;
/// else a point moved inside from the first candidate; else the centre of
/// the nearest ring that holds its centre; else the first candidate as it
/// is (a country without a drawn shape).
fn place_inside(rings: &[Vec<Point>], candidates: &[Point]) -> Point {
    let round = |p: Point| [path::tenths(p[0]) as f64 / 10.0, path::tenths(p[1]) as f64 / 10.0];
    let first = candidates.first().copied().unwrap_or([0.0, 0.0]);
    if rings.is_empty() {
        return round(first);
    }
    let inside = |p: Point| geometry::contains(rings, p) && geometry::boundary_distance(rings, p) > INSIDE_MARGIN;
    candidates
        .iter()
        .map(|&p| round(p))
        .find(|&p| inside(p))
        .or_else(|| geometry::nearest_inside(rings, first, |p| inside(round(p))).map(round))
        .or_else(|| {
            let mut centres: Vec<Point> = rings.iter().map(|r| round(geometry::centroid(r))).collect();
            centres.sort_by(|a, b| distance(*a, first).total_cmp(&distance(*b, first)));
            centres.into_iter().find(|&c| inside(c))
        })
        .unwrap_or(round(first))
}

fn distance(a: Point, b: Point) -> f64 {
    let [dx, dy] = [a[0] - b[0], a[1] - b[1]];
    (dx * dx + dy * dy).sqrt() // not hypot: several times slower, and no overflow to guard here
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place<'a>(id: &'a str, country: &'a str, location: Option<[f64; 2]>) -> Place<'a> {
        Place { id, country, location }
    }

    /// COOPJOP: Marseille, Lyon and Nice, Milan, and three partners in Salt Lake City.
    fn coopjop() -> Vec<Place<'static>> {
        vec![
            place("marseille", "FR", Some([43.3046, 5.3803])),
            place("lyon", "FR", Some([45.7386, 4.8176])),
            place("nice", "FR", Some([43.70, 7.27])),
            place("milano", "IT", Some([45.4851, 9.195])),
            place("slc", "US", Some([40.7594, -111.8863])),
            place("utah-university", "US", Some([40.7649, -111.8421])),
            place("utah-capitol", "US", Some([40.7775, -111.888])),
        ]
    }

    /// COOP'R: partners in Benin, Cameroon, Côte d'Ivoire, France, Morocco and Senegal.
    fn coopr() -> Vec<Place<'static>> {
        let spots: [(&str, &str, f64, f64); 17] = [
            ("bj-cotonou", "BJ", 6.3703, 2.3912),
            ("bj-kandi", "BJ", 11.1342, 2.9386),
            ("bj-zou", "BJ", 6.98, 2.66),
            ("bj-mono", "BJ", 6.6386, 1.7167),
            ("cm-dschang", "CM", 5.4781, 10.4176),
            ("ci-odienne", "CI", 9.5051, -7.5643),
            ("ci-bassam", "CI", 5.4677, -3.2074),
            ("ci-korhogo", "CI", 9.5928, -5.1944),
            ("fr-strasbourg", "FR", 48.5734, 7.7521),
            ("fr-marseille", "FR", 43.3046, 5.3803),
            ("fr-annecy", "FR", 45.6856, 6.1367),
            ("fr-isere", "FR", 45.1283, 5.5881),
            ("ma-beni-mellal", "MA", 32.3373, -6.3498),
            ("ma-fes", "MA", 34.0331, -5.0003),
            ("ma-oujda", "MA", 34.6814, -1.9086),
            ("sn-thies", "SN", 14.4939, -16.0661),
            ("sn-saint-louis", "SN", 15.6144, -16.2286),
        ];
        spots.into_iter().map(|(id, country, lat, lon)| place(id, country, Some([lat, lon]))).collect()
    }

    fn highlighted<'d>(panel: &'d Panel, country: &str) -> Option<&'d Shape> {
        panel.shapes.iter().find(|s| s.highlighted && s.country.as_deref() == Some(country))
    }

    /// Every marker's centre is inside the path of its country, read back
    /// from the path data, under the even-odd rule.
    fn assert_markers_inside(drawing: &Drawing) {
        for panel in &drawing.panels {
            for marker in &panel.markers {
                let shape = highlighted(panel, &marker.country).expect("a highlighted shape for each marker");
                let rings = path::parse(&shape.d).expect("path data that reads back");
                assert!(geometry::contains(&rings, [marker.x, marker.y]), "{marker:?} outside its country");
                assert!(marker.x >= 0.0 && marker.x <= panel.width && marker.y >= 0.0 && marker.y <= panel.height);
            }
            for (a, ma) in panel.markers.iter().enumerate() {
                for mb in panel.markers[a + 1..].iter().filter(|m| m.country == ma.country) {
                    let gap = distance([ma.x, ma.y], [mb.x, mb.y]) - ma.radius() - mb.radius();
                    assert!(gap >= 0.0, "markers of one country overlap: {ma:?} {mb:?}");
                }
            }
        }
    }

    fn bytes(drawing: &Drawing) -> usize {
        drawing.panels.iter().flat_map(|p| &p.shapes).map(|s| s.d.len()).sum()
    }

    #[test]
    fn coopjop_gets_a_panel_for_europe_and_one_for_utah() {
        let drawing = draw(&coopjop());
        assert_eq!(drawing.width, 800.0);
        assert!((300.0..=900.0).contains(&drawing.height), "{}", drawing.height);
        let countries: Vec<&[String]> = drawing.panels.iter().map(|p| p.countries.as_slice()).collect();
        assert_eq!(countries, [&["FR".to_string(), "IT".to_string()][..], &["US".to_string()][..]]);
        for panel in &drawing.panels {
            for v in [panel.x, panel.y, panel.width, panel.height] {
                assert_eq!(v, layout::snap(v), "panels are placed on tenths: {v}");
            }
            for country in &panel.countries {
                assert!(highlighted(panel, country).is_some_and(|s| !s.d.is_empty()), "{country}");
            }
            let first_lit = panel.shapes.iter().position(|s| s.highlighted).unwrap_or(panel.shapes.len());
            assert!(panel.shapes[first_lit..].iter().all(|s| s.highlighted), "muted shapes come first");
            assert!(panel.shapes.iter().any(|s| !s.highlighted), "neighbours are drawn muted");
        }
        let markers: Vec<Vec<&str>> = drawing
            .panels
            .iter()
            .flat_map(|p| &p.markers)
            .map(|m| m.partners.iter().map(String::as_str).collect())
            .collect();
        assert_eq!(
            markers,
            [
                vec!["marseille"],
                vec!["lyon"],
                vec!["nice"],
                vec!["milano"],
                vec!["slc", "utah-university", "utah-capitol"]
            ]
        );
        assert_markers_inside(&drawing);
        let [europe, utah] = [&drawing.panels[0], &drawing.panels[1]];
        assert!(europe.y == utah.y && europe.x + europe.width < utah.x, "side by side: {europe:?} {utah:?}");
    }

    #[test]
    fn coopr_fits_one_panel_in_few_bytes() {
        let drawing = draw(&coopr());
        assert_eq!(drawing.panels.len(), 1);
        let panel = &drawing.panels[0];
        assert_eq!(panel.countries, ["BJ", "CM", "CI", "FR", "MA", "SN"]);
        assert!(bytes(&drawing) < 100_000, "{} bytes of path data", bytes(&drawing));
        let ids: usize = panel.markers.iter().map(|m| m.partners.len()).sum();
        assert_eq!(ids, 17);
        for marker in &panel.markers {
            let countries: Vec<&str> = marker.partners.iter().map(|id| &id[..2]).collect();
            assert!(countries.iter().all(|c| c.eq_ignore_ascii_case(&marker.country)), "{marker:?}");
        }
        assert_markers_inside(&drawing);
    }

    #[test]
    fn crowded_panels_stack_rather_than_overlap_markers_of_neighbouring_countries() {
        let mut places = coopr();
        places.extend(coopjop());
        let drawing = draw(&places);
        assert_eq!(drawing.panels.len(), 2);
        let [africa, utah] = [&drawing.panels[0], &drawing.panels[1]];
        assert!(africa.width == 800.0 && utah.width == 800.0 && utah.y > africa.y, "stacked: {africa:?} {utah:?}");
        for panel in &drawing.panels {
            for (a, ma) in panel.markers.iter().enumerate() {
                for mb in &panel.markers[a + 1..] {
                    let gap = distance([ma.x, ma.y], [mb.x, mb.y]) - ma.radius() - mb.radius();
                    assert!(gap >= 0.0, "{ma:?} {mb:?}");
                }
            }
        }
        assert_markers_inside(&drawing);
    }

    #[test]
    fn coastal_partners_stay_inside_their_country() {
        // Dakar and Marseille on the coast; the last two a few kilometres
        // offshore, outside the shapes even before simplification.
        let cases = [
            ("dakar", "SN", [14.69, -17.44], true),
            ("marseille", "FR", [43.3046, 5.3803], true),
            ("brest", "FR", [48.39, -4.49], true),
            ("almadies-offshore", "SN", [14.72, -17.58], false),
            ("frioul-offshore", "FR", [43.22, 5.28], false),
        ];
        for (id, country, [lat, lon], on_land) in cases {
            let in_data = Atlas::get().polygons(country).any(|(_, p)| p.contains([lon, lat]));
            assert_eq!(in_data, on_land, "{id}");
            for others in [vec![], coopr()] {
                let mut places = others;
                places.push(place(id, country, Some([lat, lon])));
                let drawing = draw(&places);
                assert!(drawing.panels.iter().flat_map(|p| &p.markers).any(|m| m.partners.iter().any(|p| p == id)));
                assert_markers_inside(&drawing);
            }
        }
    }

    #[test]
    fn a_marker_goes_to_the_first_candidate_inside_or_steps_in_from_the_edge() {
        let square = vec![vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]]];
        let cases: [(&[Point], Point); 5] = [
            (&[[2.04, 3.06]], [2.0, 3.1]),
            (&[[12.0, 5.0], [9.0, 5.0]], [9.0, 5.0]),
            (&[[10.2, 5.0]], [9.4, 5.0]),
            (&[[-0.5, -0.5]], [0.4, 0.4]),
            (&[[5.0, 10.0]], [5.0, 9.4]),
        ];
        for (candidates, expected) in cases {
            let [x, y] = place_inside(&square, candidates);
            assert!((x - expected[0]).abs() < 1e-9 && (y - expected[1]).abs() < 1e-9, "{candidates:?} → {x} {y}");
        }
        assert_eq!(place_inside(&[], &[[12.04, 5.0]]), [12.0, 5.0]);
        assert!(place_inside(&square, &[]).iter().all(|v| v.is_finite()), "no candidate, no panic");
    }

    #[test]
    fn partners_without_a_usable_location_still_highlight_their_country() {
        let cases = [None, Some([f64::NAN, 2.0]), Some([95.0, 2.0]), Some([10.0, 200.0]), Some([f64::INFINITY, 0.0])];
        for location in cases {
            let drawing = draw(&[place("cotonou", "BJ", location)]);
            assert_eq!(drawing.panels.len(), 1, "{location:?}");
            assert_eq!(drawing.panels[0].countries, ["BJ"]);
            assert!(drawing.panels[0].markers.is_empty());
        }
    }

    #[test]
    fn unknown_or_shapeless_countries_and_empty_input_do_not_panic() {
        let cases: [(Vec<Place>, usize); 6] = [
            (vec![], 0),
            (vec![place("x", "ZZ", None)], 0),
            (vec![place("x", "ZZ", Some([10.0, 10.0]))], 1),
            (vec![place("x", "", Some([f64::NAN, f64::NAN]))], 0),
            (vec![place("gibraltar", "GI", None), place("x", "ZZ", None)], 0),
            (vec![place("x", "ZZ", Some([0.0, 179.9])), place("fiji", "FJ", Some([-18.14, 178.44]))], 1),
        ];
        for (places, panels) in cases {
            let drawing = draw(&places);
            assert_eq!(drawing.panels.len(), panels, "{places:?}");
            for panel in &drawing.panels {
                assert!(!panel.shapes.iter().any(|s| s.highlighted && s.country.as_deref() == Some("ZZ")));
                assert!(!panel.countries.iter().any(|c| c == "ZZ"));
            }
        }
    }

    #[test]
    fn partners_across_the_antimeridian_share_one_compact_frame() {
        let cases = [
            vec![place("suva", "FJ", Some([-18.14, 178.44])), place("lakeba", "FJ", Some([-18.2, -178.8]))],
            vec![place("anadyr", "RU", Some([64.73, 177.5])), place("uelen", "RU", Some([66.16, -169.8]))],
        ];
        for places in cases {
            let drawing = draw(&places);
            assert_eq!(drawing.panels.len(), 1, "{places:?}");
            let markers = &drawing.panels[0].markers;
            assert_eq!(markers.len(), 2, "{places:?}");
            assert!((markers[0].x - markers[1].x).abs() < drawing.width / 2.0, "{markers:?}");
            assert_markers_inside(&drawing);
        }
    }

    #[test]
    fn lower_case_codes_and_repeated_places_are_accepted() {
        let drawing = draw(&[place("a", "fr", Some([45.0, 5.0])), place("b", "FR", Some([45.0, 5.0]))]);
        assert_eq!(drawing.panels[0].countries, ["FR"]);
        assert_eq!(drawing.panels[0].markers.len(), 1);
        assert_eq!(drawing.panels[0].markers[0].partners, ["a", "b"]);
        assert_markers_inside(&drawing);
    }

    #[test]
    fn wrong_locations_are_ignored_rather_than_drawn_in_another_country() {
        let cases = [
            ("marseille-swapped", [5.3803, 43.3046], 0), // in Somalia
            ("marseille-in-spain", [40.4, -3.7], 0),
            ("marseille-offshore", [43.1, 5.4], 1), // some twenty kilometres off: kept
        ];
        for (id, location, markers) in cases {
            let drawing = draw(&[place(id, "FR", Some(location))]);
            assert_eq!(drawing.panels[0].countries, ["FR"], "{id}");
            assert_eq!(drawing.panels[0].markers.len(), markers, "{id}");
            assert_markers_inside(&drawing);
        }
    }

    #[test]
    fn any_mix_of_places_draws_within_bounds_with_markers_inside() {
        const CODES: [&str; 24] = [
            "FR", "IT", "US", "BJ", "SN", "VA", "LI", "MC", "SM", "AW", "KI", "FJ", "RU", "CA", "CL", "NZ", "GI", "ZZ",
            "JP", "BR", "NO", "ID", "EH", "AQ",
        ];
        let mut seed: u64 = 2024;
        let mut random = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        for case in 0..40 {
            let ids: Vec<String> = (0..1 + (random() * 7.0) as usize).map(|k| format!("p{case}-{k}")).collect();
            let places: Vec<Place> = ids
                .iter()
                .map(|id| {
                    let country = CODES[(random() * CODES.len() as f64) as usize % CODES.len()];
                    // Mostly a point of the country, sometimes none or anywhere.
                    let polygons: Vec<_> = Atlas::get().polygons(country).map(|(_, p)| p).collect();
                    let location = match (random(), polygons.len()) {
                        (r, n) if r < 0.7 && n > 0 => {
                            let p = polygons[(random() * n as f64) as usize % n];
                            (0..100)
                                .map(|_| {
                                    [p.bbox.y0 + random() * p.bbox.height(), p.bbox.x0 + random() * p.bbox.width()]
                                })
                                .find(|&[lat, lon]| p.contains([lon, lat]))
                        }
                        (r, _) if r < 0.85 => Some([random() * 200.0 - 100.0, random() * 400.0 - 200.0]),
                        _ => None,
                    };
                    place(id, country, location)
                })
                .collect();
            let drawing = draw(&places);
            assert!(drawing.panels.is_empty() || (300.0..=900.0).contains(&drawing.height), "{places:?}");
            for panel in &drawing.panels {
                assert!(panel.x + panel.width <= drawing.width && panel.y + panel.height <= drawing.height);
                for marker in &panel.markers {
                    if let Some(shape) = highlighted(panel, &marker.country) {
                        let rings = path::parse(&shape.d).expect("path data that reads back");
                        assert!(geometry::contains(&rings, [marker.x, marker.y]), "{marker:?} in {places:?}");
                    }
                }
            }
        }
    }

    /// `cargo test --release --lib -- --ignored --nocapture programme_maps`
    #[test]
    #[ignore = "a measurement, not a check"]
    fn programme_maps_size_and_time() {
        let started = std::time::Instant::now();
        Atlas::get();
        println!("shapes decoded in {:?}", started.elapsed());
        for (name, places) in [("COOPJOP", coopjop()), ("COOP'R", coopr())] {
            let started = std::time::Instant::now();
            let drawing = draw(&places);
            let elapsed = started.elapsed();
            let shapes: usize = drawing.panels.iter().map(|p| p.shapes.len()).sum();
            println!(
                "{name}: {} panels, {shapes} shapes, {} bytes of path data, drawn in {elapsed:?}",
                drawing.panels.len(),
                bytes(&drawing)
            );
        }
    }
}
