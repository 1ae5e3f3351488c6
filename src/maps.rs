//! Temporary stand-in for the geometry of partner maps (replaced by the maps branch).

pub(crate) struct Place<'a> {
    pub id: &'a str,
    pub country: &'a str,
    pub location: Option<[f64; 2]>,
}
pub(crate) struct Drawing {
    pub width: f64,
    pub height: f64,
    pub panels: Vec<Panel>,
}
pub(crate) struct Panel {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub countries: Vec<String>,
    pub shapes: Vec<Shape>,
    pub markers: Vec<Marker>,
}
pub(crate) struct Shape {
    pub country: Option<String>,
    pub highlighted: bool,
    pub d: String,
}
pub(crate) struct Marker {
    pub x: f64,
    pub y: f64,
    pub partners: Vec<String>,
    pub country: String,
}
pub(crate) fn draw(places: &[Place]) -> Drawing {
    let _ = places.iter().map(|p| (p.id, p.country, p.location)).count();
    Drawing { width: 800.0, height: 400.0, panels: Vec::new() }
}
