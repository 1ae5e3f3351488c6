//! passerelle: a static site generator for the portals of cooperation
//! programmes between local and regional governments.
//!
//! The build is a chain of phases over plain data (see `pipeline`):
//! `config` → `theme` + `i18n` → `templates`; `content` → `frontmatter` →
//! `resolve` → `markdown` (in `render`) → `pages` → `render` → `output`.

#[macro_use]
pub mod messages;

pub mod builder;
pub(crate) mod calendar;
pub(crate) mod charts;
pub mod check;
pub mod config;
pub(crate) mod content;
pub(crate) mod countries;
pub(crate) mod data;
pub mod diag;
pub(crate) mod downloads;
pub mod editor;
pub(crate) mod escape;
pub(crate) mod feeds;
pub(crate) mod frontmatter;
pub(crate) mod funders;
pub(crate) mod i18n;
pub mod images;
pub(crate) mod jsonld;
pub(crate) mod maps;
pub(crate) mod markdown;
pub(crate) mod options;
pub mod output;
pub(crate) mod pages;
pub mod pipeline;
pub mod progress;
pub(crate) mod publish;
pub mod render;
pub(crate) mod resolve;
pub mod scaffold;
pub(crate) mod search;
pub mod serve;
pub mod server;
pub(crate) mod shortcodes;
pub(crate) mod sitemap;
pub(crate) mod surveys;
pub(crate) mod syndication;
pub(crate) mod templates;
pub(crate) mod theme;
pub(crate) mod urls;
pub mod views;
pub mod watch;
pub(crate) mod working_groups;
