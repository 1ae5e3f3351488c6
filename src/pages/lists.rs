//! The views of the home page and of list pages: sections, tags, the
//! search page, and their pagination.

use super::*;

impl Views<'_> {
    pub(super) fn home(&self, lang: &str) -> HomeView {
        let config = &self.site.config;
        let content = self.bodies.get(&(HOME, lang.to_string())).map(|b| b.html()).unwrap_or_default();
        let upcoming: Vec<usize> =
            self.listed(Kind::Action, lang).iter().copied().filter(|&i| self.upcoming(i)).take(4).collect();
        let news: Vec<usize> = self.listed(Kind::News, lang).iter().copied().take(4).collect();
        HomeView {
            title: self.identity(&Spec::Home { lang: lang.into() }, lang).1,
            content,
            latest_news: self.cards(&news, lang),
            projects: self.cards(self.listed(Kind::Project, lang), lang),
            upcoming_actions: self.cards(&upcoming, lang),
            news_url: urls::section(config, "news", lang),
            projects_url: urls::section(config, "projects", lang),
            actions_url: urls::section(config, "actions", lang),
            partners_url: urls::section(config, "partners", lang),
        }
    }

    pub(super) fn list(&self, kind: Kind, lang: &str, page: usize) -> ListView {
        let config = &self.site.config;
        let all = self.listed(kind, lang);
        let mut view = empty_list(self.identity(&Spec::List { kind, lang: lang.into(), page }, lang).1);
        match kind {
            Kind::Partner => {
                let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
                for &i in all {
                    let country = match &*entry_in(&self.site.items[i], lang).fm {
                        FrontMatter::Partner(p) => p.country.clone().unwrap_or_default(),
                        _ => String::new(),
                    };
                    groups.entry(country).or_default().push(i);
                }
                view.groups = groups
                    .into_iter()
                    .map(|(country, partners)| CountryGroup { country, partners: self.cards(&partners, lang) })
                    .collect();
                // Countries in the reader's alphabetical order (Bénin, Cameroun, Côte d'Ivoire).
                view.groups.sort_by_cached_key(|g| sort_key(&self.t(lang, &format!("country-{}", g.country))));
                let map = map::partners_map(self.site, self.locales, None, lang);
                view.map = (map.country_count > 0).then_some(map);
            }
            Kind::Action => {
                view.agenda = Some(self.agenda(all, lang, None));
                let (upcoming, mut past): (Vec<usize>, Vec<usize>) = all.iter().partition(|&&i| self.upcoming(i));
                past.reverse();
                view.upcoming = self.cards(&upcoming, lang);
                view.past = self.cards(&past, lang);
            }
            Kind::News => {
                let (slice, paginator) = paginate(all, page, config.paginate, &urls::section(config, "news", lang));
                view.items = self.cards(slice, lang);
                view.paginator = paginator;
            }
            _ => view.items = self.cards(all, lang),
        }
        view
    }

    pub(super) fn tag(&self, lang: &str, slug: &str, page: usize) -> ListView {
        let tag = &self.site.tags[lang][slug];
        let mut view = empty_list(tag.name.clone());
        let first = urls::tag(&self.site.config, lang, slug);
        let (slice, paginator) = paginate(&tag.items, page, self.site.config.paginate, &first);
        view.items = self.cards(slice, lang);
        view.paginator = paginator;
        view
    }

    /// Items shown in a language that search covers; without `all`, news
    /// beyond the latest are left out (the plain list of the search page).
    pub fn searchable(&self, lang: &str, all: bool) -> Vec<usize> {
        let mut found = Vec::new();
        for kind in [Kind::Project, Kind::Partner, Kind::Action, Kind::Page] {
            found.extend(self.listed(kind, lang));
        }
        let news = self.listed(Kind::News, lang);
        found.extend(news.iter().take(if all { news.len() } else { SEARCH_PAGE_NEWS }));
        found
    }

    pub(super) fn search(&self, lang: &str) -> ListView {
        let mut view = empty_list(self.t(lang, "search-title"));
        view.items = self.cards(&self.searchable(lang, false), lang);
        view
    }

    pub(super) fn tags(&self, lang: &str) -> ListView {
        let mut view = empty_list(self.t(lang, "section-tags"));
        view.tags = self.site.tags[lang]
            .values()
            .map(|t| TagLink {
                name: t.name.clone(),
                slug: t.slug.clone(),
                url: urls::tag(&self.site.config, lang, &t.slug),
                count: t.items.len(),
            })
            .collect();
        view.tags.sort_by_key(|t| t.name.to_lowercase());
        view
    }
}

/// Page `page` (1-based) of `all`, and the paginator when there are
/// several pages. The paginator lists the first, last and nearby pages.
pub(super) fn paginate<'l>(
    all: &'l [usize],
    page: usize,
    per_page: usize,
    first: &str,
) -> (&'l [usize], Option<Paginator>) {
    let total = page_count(all.len(), per_page);
    let start = ((page - 1) * per_page).min(all.len());
    let slice = &all[start..(start + per_page).min(all.len())];
    if total == 1 {
        return (slice, None);
    }
    let mut pages = Vec::new();
    let mut previous = 0;
    for n in 1..=total {
        if n == 1 || n == total || n.abs_diff(page) <= 2 {
            pages.push(PageLink {
                number: n,
                url: urls::paginated(first, n),
                current: n == page,
                gap_before: n > previous + 1,
            });
            previous = n;
        }
    }
    let paginator = Paginator {
        current: page,
        total,
        prev_url: (page > 1).then(|| urls::paginated(first, page - 1)),
        next_url: (page < total).then(|| urls::paginated(first, page + 1)),
        pages,
    };
    (slice, Some(paginator))
}

/// Number of pages of a list of `len` items.
pub(super) fn page_count(len: usize, per_page: usize) -> usize {
    len.div_ceil(per_page).max(1)
}

pub(super) fn empty_list(title: String) -> ListView {
    ListView {
        title,
        items: Vec::new(),
        groups: Vec::new(),
        upcoming: Vec::new(),
        past: Vec::new(),
        agenda: None,
        tags: Vec::new(),
        paginator: None,
        map: None,
    }
}
