//! What every page of a language shows of the site around its own content:
//! the menu (sections and the pages that ask for a place in it), the
//! language links, and the links of the header and footer. It is made once
//! per language, since finding the menu pages looks at every item.

use super::*;

impl Views<'_> {
    pub(super) fn site_view(&self, lang: &str) -> SiteView {
        match self.site_views.get(lang) {
            Some(view) => view.clone(),
            None => self.make_site_view(lang),
        }
    }

    pub(super) fn make_site_view(&self, lang: &str) -> SiteView {
        let config = &self.site.config;
        let mut menu: Vec<MenuEntry> = [Kind::Project, Kind::Partner, Kind::Action, Kind::News]
            .iter()
            .map(|kind| MenuEntry {
                title: self.t(lang, &format!("section-{}", kind.folder())),
                url: urls::section(config, kind.folder(), lang),
                current: false,
            })
            .collect();
        let mut pages: Vec<(i64, String, String)> = self
            .site
            .of_kind(Kind::Page)
            .filter_map(|i| {
                let item = &self.site.items[i];
                let entry = item.entries.get(lang)?;
                match &*entry.fm {
                    FrontMatter::Page(p) => p.menu.map(|w| (w, entry.title.clone(), entry.url.clone())),
                    _ => None,
                }
            })
            .collect();
        pages.sort();
        menu.extend(pages.into_iter().map(|(_, title, url)| MenuEntry { title, url, current: false }));
        let page_url = |id: &str| {
            let item = &self.site.items[self.site.find(Kind::Page, id)?];
            Some(url_in(self.site, item, lang))
        };
        SiteView {
            title: config.title_in(lang).to_string(),
            description: config.description_in(lang).map(str::to_string),
            lang: lang.to_string(),
            default_lang: config.default_language.clone(),
            base_url: config.base_url.clone(),
            root: config.root().to_string(),
            home_url: urls::home(config, lang),
            languages: config
                .languages
                .iter()
                .map(|l| LanguageLink {
                    code: l.code.clone(),
                    name: l.name.clone(),
                    url: urls::home(config, &l.code),
                    current: l.code == lang,
                    exact: true,
                })
                .collect(),
            menu,
            legal_url: page_url("legal-notice"),
            accessibility_url: page_url("accessibility"),
            tags_url: urls::section(config, "tags", lang),
            news_url: urls::section(config, "news", lang),
            search_url: urls::section(config, "search", lang),
            search_index_url: format!("{}{SEARCH_INDEX}meta.json", urls::home(config, lang)),
            feed_url: subscriptions::feed_url(self.site, lang, None),
            calendar_url: subscriptions::agenda_url(self.site, lang, None),
            build_date: self.site.today.to_string(),
        }
    }
}
