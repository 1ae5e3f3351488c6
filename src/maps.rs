//! Owns the geometry of partner maps: from partners (a country code and
//! maybe a location) to SVG path data of country shapes and marker
//! positions, computed at build time. Pure: no I/O, nothing fetched from any
//! host, no Tera, no SVG elements (views and templates wrap this data).

#![expect(dead_code, reason = "the drawing that uses these routines comes next")]

mod geometry;
mod layout;
mod path;
