//! Owns the files a site publishes for machines rather than readers: the
//! sitemap with its hreflang alternates and the per-language search
//! index. It maps the site's pages and items to the plain structures
//! `sitemap` and `search` write; no I/O, no HTML.

use crate::content::Kind;
use rayon::prelude::*;

use crate::markdown::html_text;
use crate::pages::{Spec, Views, entry_in, plan};
use crate::search::{self, Doc};
use crate::sitemap::{self, Url};
use crate::urls;
use crate::views::Card;

/// The sitemap files: every HTML page once, with reciprocal hreflang
/// alternates and `x-default` pointing to the default language, within
/// the protocol's limits: `sitemap.xml` first, then, when past the limits
/// it is an index, its children in order (see [`sitemap::sitemaps`]).
pub fn sitemaps(views: &Views) -> Vec<String> {
    let site = views.site;
    let config = &site.config;
    let urls: Vec<Url> = plan(site)
        .iter()
        .filter(|spec| views.is_page(spec) && !matches!(spec, Spec::Chooser | Spec::NotFound))
        .map(|spec| {
            let (url, alternates) = views.alternates(spec);
            let x_default = alternates.iter().find(|a| a.lang == config.default_language).map(|a| a.permalink.clone());
            let lastmod = match spec {
                Spec::Item { index, .. } if site.items[*index].kind == Kind::News => {
                    site.items[*index].when.map(|w| w.date.to_string())
                }
                _ => None,
            };
            Url {
                loc: urls::permalink(config, &url),
                lastmod,
                alternates: alternates.into_iter().map(|a| (a.lang, a.permalink)).collect(),
                x_default,
            }
        })
        .collect();
    sitemap::sitemaps(&urls, &config.base_url, sitemap::PROTOCOL)
}

/// The files of the search index of one language's items: (path relative
/// to the index folder, JSON text), `meta.json` first. Items are indexed a
/// batch at a time, their texts extracted in parallel, so that the plain
/// text of every body is never held at once.
pub fn search_index(views: &Views, lang: &str) -> Vec<(String, String)> {
    const BATCH: usize = 512;
    let site = views.site;
    let mut cards: Vec<(usize, Card)> =
        views.searchable(lang, true).into_iter().map(|i| (i, views.card(i, lang))).collect();
    search::newest_first(&mut cards, |(_, card)| card.date.as_ref().map(|d| d.iso.as_str()));
    let mut indexer = search::Indexer::new(lang);
    for batch in cards.chunks(BATCH) {
        let docs: Vec<Doc> = batch
            .par_iter()
            .map(|(i, card)| {
                let entry = entry_in(&site.items[*i], lang);
                let text = views.bodies.get(&(*i, entry.lang.clone())).map(|b| html_text(&b.html()));
                Doc {
                    url: card.url.clone(),
                    title: card.title.clone(),
                    kind: card.kind.clone(),
                    date: card.date.as_ref().map(|d| d.iso.clone()),
                    summary: card.summary.clone(),
                    text: text.unwrap_or_default(),
                }
            })
            .collect();
        for doc in &docs {
            indexer.add(doc);
        }
    }
    search::files(indexer, lang)
}
