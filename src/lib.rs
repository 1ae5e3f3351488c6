//! passerelle: a static site generator for the portals of cooperation
//! programmes between local and regional governments.

pub mod config;
pub mod content;
pub mod countries;
pub mod diag;
pub mod frontmatter;
pub(crate) mod i18n;
pub mod views;
