//! Owns the files a site publishes for machines rather than readers: the
//! sitemap with its hreflang alternates and the per-language search
//! index. It maps the site's pages and items to the plain structures
//! `sitemap` and `search` write; no I/O, no HTML.

use crate::content::Kind;
use crate::markdown::plain_excerpt;
use crate::pages::{Spec, Views, entry_in, plan};
use crate::search::{self, Doc};
use crate::sitemap::{self, Url};
use crate::urls;

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

/// The search index of one language's items.
pub fn search_index(views: &Views, lang: &str) -> String {
    let site = views.site;
    let docs: Vec<Doc> = views
        .searchable(lang, true)
        .into_iter()
        .map(|i| {
            let item = &site.items[i];
            let entry = entry_in(item, lang);
            let card = views.card(i, lang);
            let text = views.bodies.get(&(i, entry.lang.clone())).map(|b| plain_excerpt(&b.html, usize::MAX));
            Doc {
                url: card.url,
                title: card.title,
                kind: card.kind,
                date: card.date.map(|d| d.iso),
                summary: card.summary,
                text: text.unwrap_or_default(),
            }
        })
        .collect();
    search::index(&docs)
}
