//! Fingerprints: a number per page that changes whenever anything the page
//! shows changes, so a rebuild renders only the pages whose output can
//! differ. Each page hashes the site-wide values of its language and the
//! fingerprints of the items whose cards or content it shows.

use crate::frontmatter::FrontMatter;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use super::lists::page_count;
use super::{Bodies, HOME, RELATED_NEWS, Spec, Views};
use crate::content::Kind;
use crate::resolve::Site;

/// Per language, one number per item covering what its card and page
/// show in that language: the version shown and the one it inherits
/// from, every version's URL (for the switcher), and the rendered body.
pub fn items(site: &Site, bodies: &Bodies) -> HashMap<String, Vec<u64>> {
    use rayon::prelude::*;
    site.config
        .language_codes()
        .into_iter()
        .map(|lang| {
            let fps = site
                .items
                .par_iter()
                .enumerate()
                .map(|(index, item)| {
                    let mut h = DefaultHasher::new();
                    (item.kind, &item.id, &item.base_lang).hash(&mut h);
                    for (code, entry) in &item.entries {
                        (code, &entry.url).hash(&mut h);
                    }
                    // An action's times are shown in its project's zone when it names none.
                    super::time_zone(site, index).hash(&mut h);
                    let shown = super::entry_in(item, &lang);
                    (&shown.lang, shown.hash, shown.inherited).hash(&mut h);
                    // The images it shows.
                    match &*shown.fm {
                        FrontMatter::News(news) => {
                            if let Some(image) = &news.image {
                                site.pictures.get(&image.src).hash(&mut h);
                                site.sharing.get(&(image.src.clone(), image.focus.clone())).hash(&mut h);
                            }
                        }
                        FrontMatter::Project(p) => p.logo.as_ref().and_then(|l| site.pictures.get(l)).hash(&mut h),
                        FrontMatter::Partner(p) => p.logo.as_ref().and_then(|l| site.pictures.get(l)).hash(&mut h),
                        _ => {}
                    }
                    bodies.get(&(index, shown.lang.clone())).map(|b| b.generation).hash(&mut h);
                    h.finish()
                })
                .collect();
            (lang, fps)
        })
        .collect()
}

impl Views<'_> {
    /// Site-wide values of one language: everything a page shows that
    /// belongs to no item (menu, footer links, site title...).
    pub fn global_fingerprint(&self, lang: &str, engine: u64) -> u64 {
        let mut h = DefaultHasher::new();
        engine.hash(&mut h);
        format!("{:?}", self.site.config).hash(&mut h);
        self.site.today.hash(&mut h);
        self.site.funders.fingerprint().hash(&mut h);
        for funder in self.site.funders.iter() {
            funder.logo.as_ref().and_then(|logo| self.site.pictures.get(logo)).hash(&mut h);
        }
        serde_json::to_string(&self.site_view(lang)).unwrap_or_default().hash(&mut h);
        for code in self.site.config.language_codes() {
            page_count(self.listed(Kind::News, &code).len(), self.site.config.paginate).hash(&mut h);
        }
        h.finish()
    }

    /// The fingerprint of one page.
    pub fn fingerprint(&self, spec: &Spec, items: &HashMap<String, Vec<u64>>, global: &HashMap<String, u64>) -> u64 {
        let site = self.site;
        let mut h = DefaultHasher::new();
        spec.hash(&mut h);
        let lang = self.lang_of(spec);
        global.get(&lang).hash(&mut h);
        let mut deps: Vec<usize> = Vec::new();
        match spec {
            Spec::Home { lang } => {
                if let Some(home) = site.homes.get(lang) {
                    home.hash.hash(&mut h);
                    self.bodies.get(&(HOME, lang.clone())).map(|b| b.generation).hash(&mut h);
                }
                deps.extend(self.listed(Kind::News, lang).iter().take(4));
                deps.extend(self.listed(Kind::Project, lang));
                deps.extend(self.listed(Kind::Action, lang));
            }
            Spec::Item { index, .. } | Spec::Alias { index, .. } => {
                let item = &site.items[*index];
                deps.push(*index);
                deps.extend(item.lead.iter().chain(&item.project).chain(&item.partners).chain(&item.projects));
                deps.extend(&item.back.projects);
                deps.extend(&item.back.actions);
                deps.extend(item.back.news.iter().take(RELATED_NEWS));
                item.back.news.len().hash(&mut h);
            }
            Spec::List { kind: Kind::News, lang, page } => {
                let per_page = site.config.paginate;
                deps.extend(self.listed(Kind::News, lang).iter().skip((page - 1) * per_page).take(per_page));
            }
            Spec::List { kind, lang, .. } => deps.extend(self.listed(*kind, lang)),
            Spec::Tag { lang, slug, page } => {
                let per_page = site.config.paginate;
                if let Some(tag) = site.tags[lang].get(slug) {
                    tag.name.hash(&mut h);
                    deps.extend(tag.items.iter().skip((page - 1) * per_page).take(per_page));
                }
                for tags in site.tags.values() {
                    tags.get(slug).map(|t| page_count(t.items.len(), per_page)).hash(&mut h);
                }
            }
            Spec::Tags { lang } => {
                for tag in site.tags[lang].values() {
                    (&tag.name, &tag.slug, tag.items.len()).hash(&mut h);
                }
            }
            Spec::Feed { lang, project } => {
                deps.extend(super::subscriptions::feed_items(self, lang, *project));
                deps.extend(project);
            }
            Spec::Agenda { lang, scope } => {
                for action in super::subscriptions::agenda_items(self, lang, *scope) {
                    deps.push(action);
                    deps.extend(site.items[action].project);
                }
                deps.extend(scope);
            }
            Spec::Search { lang } => deps.extend(self.searchable(lang, false)),
            Spec::SearchIndex { lang } => deps.extend(self.searchable(lang, true)),
            Spec::Sitemap => {
                // Every item in every language: its URLs and dates.
                for lang in site.config.language_codes() {
                    items.get(&lang).hash(&mut h);
                }
                for tags in site.tags.values() {
                    for tag in tags.values() {
                        (&tag.slug, tag.items.len()).hash(&mut h);
                    }
                }
                for lang in site.config.language_codes() {
                    global.get(&lang).hash(&mut h);
                }
            }
            Spec::SurveyData { survey, .. } => site.surveys.get(survey).hash(&mut h),
            Spec::Chooser | Spec::NotFound | Spec::Robots => {}
        }
        if let Some(items) = items.get(&lang) {
            for dep in deps {
                items[dep].hash(&mut h);
            }
        }
        h.finish()
    }
}
