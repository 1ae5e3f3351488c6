//! passerelle: a static site generator for the portals of cooperation
//! programmes between local and regional governments.

pub mod diag;
