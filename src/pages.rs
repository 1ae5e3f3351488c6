//! Owns the list of pages a site publishes and the view each one is
//! rendered with: per language a home, one page per item, section lists
//! (news paginated, partners by country, actions past and upcoming), tag
//! pages; at the root a language chooser and a 404 page. Pure functions of
//! the Site, the rendered bodies and the UI strings; no I/O, no Tera.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use crate::config::Fallback;
use crate::content::Kind;
use crate::frontmatter::{FrontMatter, When};
use crate::i18n::Locales;
use crate::markdown::{Rendered, plain_excerpt};
use crate::resolve::{Entry, Item, Site, sorted_by_key};
use crate::urls;
use crate::views::*;
use crate::working_groups;

/// A rendered Markdown body, with a number that changes whenever it is
/// rendered anew (so pages know whether what they show changed).
#[derive(Debug, Clone)]
pub(crate) struct Body {
    pub rendered: std::sync::Arc<Rendered>,
    pub generation: u64,
}

impl std::ops::Deref for Body {
    type Target = Rendered;
    fn deref(&self) -> &Rendered {
        &self.rendered
    }
}

/// Rendered Markdown bodies by (item index, language); homes use `usize::MAX`.
pub type Bodies = HashMap<(usize, String), Body>;

pub const HOME: usize = usize::MAX;

/// One page to write.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Spec {
    Home {
        lang: String,
    },
    /// `fallback`: shown in `lang` although written in the item's base language.
    Item {
        index: usize,
        lang: String,
        fallback: bool,
    },
    List {
        kind: Kind,
        lang: String,
        page: usize,
    },
    Tag {
        lang: String,
        slug: String,
        page: usize,
    },
    Tags {
        lang: String,
    },
    Chooser,
    NotFound,
    /// A redirect from an old URL (front matter `aliases`) to an item.
    Alias {
        index: usize,
        lang: String,
        from: String,
    },
    /// The Atom feed of a language's news, or of a project's.
    Feed {
        lang: String,
        project: Option<usize>,
    },
    /// The iCalendar agenda of a language, of a project, or of one action.
    Agenda {
        lang: String,
        scope: Option<usize>,
    },
    /// The search page of a language.
    Search {
        lang: String,
    },
    /// The search index of a language: `search-index/meta.json` and the
    /// other files of that folder.
    SearchIndex {
        lang: String,
    },
    /// The data of a survey as CSV, in a language.
    SurveyData {
        lang: String,
        survey: String,
    },
    /// `sitemap.xml` with every page and its translations (an index past the limits).
    Sitemap,
    /// `robots.txt`, pointing to the sitemap.
    Robots,
}

impl Spec {
    /// The language of a page; none for the root pages.
    pub fn lang(&self) -> Option<&str> {
        match self {
            Spec::Home { lang }
            | Spec::Item { lang, .. }
            | Spec::List { lang, .. }
            | Spec::Tag { lang, .. }
            | Spec::Tags { lang }
            | Spec::Alias { lang, .. }
            | Spec::Feed { lang, .. }
            | Spec::Agenda { lang, .. }
            | Spec::Search { lang }
            | Spec::SearchIndex { lang }
            | Spec::SurveyData { lang, .. } => Some(lang),
            Spec::Chooser | Spec::NotFound | Spec::Sitemap | Spec::Robots => None,
        }
    }

    pub fn template(&self, site: &Site) -> String {
        match self {
            Spec::Home { .. } => "home.html".into(),
            Spec::Item { index, .. } => format!("{}.html", site.items[*index].kind.name()),
            Spec::List { kind: Kind::News, .. } => "news_list.html".into(),
            Spec::List { kind, .. } => format!("{}.html", kind.folder()),
            Spec::Tag { .. } => "tag.html".into(),
            Spec::Tags { .. } => "tags.html".into(),
            Spec::Chooser => "chooser.html".into(),
            Spec::NotFound => "404.html".into(),
            Spec::Search { .. } => "search.html".into(),
            Spec::Alias { .. }
            | Spec::Feed { .. }
            | Spec::Agenda { .. }
            | Spec::SearchIndex { .. }
            | Spec::SurveyData { .. }
            | Spec::Sitemap
            | Spec::Robots => String::new(),
        }
    }
}

/// Every page of the site.
pub fn plan(site: &Site) -> Vec<Spec> {
    let config = &site.config;
    let mut specs = vec![Spec::Chooser, Spec::NotFound, Spec::Sitemap, Spec::Robots];
    for lang in config.language_codes() {
        specs.push(Spec::Home { lang: lang.clone() });
        for (index, item) in site.items.iter().enumerate() {
            if let Some(entry) = item.entries.get(&lang) {
                specs.push(Spec::Item { index, lang: lang.clone(), fallback: false });
                for from in entry.fm.aliases() {
                    specs.push(Spec::Alias { index, lang: lang.clone(), from: from.clone() });
                }
            } else if config.translation_fallback == Fallback::Banner {
                specs.push(Spec::Item { index, lang: lang.clone(), fallback: true });
            }
        }
        for kind in [Kind::Project, Kind::Partner, Kind::Action] {
            specs.push(Spec::List { kind, lang: lang.clone(), page: 1 });
        }
        let news = site.news.get(&lang).map_or(0, Vec::len);
        for page in 1..=page_count(news, config.paginate) {
            specs.push(Spec::List { kind: Kind::News, lang: lang.clone(), page });
        }
        specs.push(Spec::Search { lang: lang.clone() });
        specs.push(Spec::SearchIndex { lang: lang.clone() });
        for survey in site.surveys.ids() {
            specs.push(Spec::SurveyData { lang: lang.clone(), survey: survey.to_string() });
        }
        specs.push(Spec::Feed { lang: lang.clone(), project: None });
        specs.push(Spec::Agenda { lang: lang.clone(), scope: None });
        for index in listed(site, Kind::Project, &lang) {
            specs.push(Spec::Feed { lang: lang.clone(), project: Some(index) });
            specs.push(Spec::Agenda { lang: lang.clone(), scope: Some(index) });
        }
        for index in listed(site, Kind::Action, &lang) {
            specs.push(Spec::Agenda { lang: lang.clone(), scope: Some(index) });
        }
        specs.push(Spec::Tags { lang: lang.clone() });
        for (slug, tag) in &site.tags[&lang] {
            for page in 1..=page_count(tag.items.len(), config.paginate) {
                specs.push(Spec::Tag { lang: lang.clone(), slug: slug.clone(), page });
            }
        }
    }
    specs
}

/// Builds views for one page at a time, from lists computed once for the
/// whole site and cards made once, when a page first shows them.
pub struct Views<'a> {
    pub site: &'a Site,
    pub bodies: &'a Bodies,
    pub locales: &'a Locales,
    /// Items of each list, by (kind, language), in list order.
    lists: HashMap<(Kind, String), Vec<usize>>,
    /// The card of every item in every language, once made or reused.
    /// Per language (in site order), per item.
    cards: Vec<(String, Vec<OnceLock<Card>>)>,
    /// What every page of a language shows of the site (menu, languages,
    /// links), made once: making it looks at every page of the site.
    site_views: HashMap<String, SiteView>,
}

/// The folder of a language's search index, under the language's home.
pub const SEARCH_INDEX: &str = "search-index/";

/// How many of the latest news the search page lists for readers without
/// JavaScript (the news list pages have them all).
pub const SEARCH_PAGE_NEWS: usize = 20;

/// How many news items an item page lists (newest first).
pub const RELATED_NEWS: usize = 50;

/// The variables of one page.
pub struct PageVars {
    pub url: String,
    pub lang: String,
    pub site: SiteView,
    pub page: PageMeta,
    pub home: Option<HomeView>,
    pub item: Option<ItemView>,
    pub list: Option<ListView>,
}

/// Items of `kind` shown in `lang`'s lists, in list order.
pub fn listed(site: &Site, kind: Kind, lang: &str) -> Vec<usize> {
    if kind == Kind::News {
        return site.news.get(lang).cloned().unwrap_or_default();
    }
    let banner = site.config.translation_fallback == Fallback::Banner;
    let found = site
        .items
        .iter()
        .enumerate()
        .filter(|(_, item)| item.kind == kind && (banner || item.entries.contains_key(lang)));
    match kind {
        Kind::Action | Kind::Project => sorted_by_key(found.map(|(i, item)| (item.when, i))),
        _ => sorted_by_key(found.map(|(i, item)| (sort_key(&entry_in(item, lang).title), i))),
    }
}

/// The version of an item shown in `lang`: its own, or the base one.
pub fn entry_in<'s>(item: &'s Item, lang: &str) -> &'s Entry {
    item.entries.get(lang).map_or_else(|| item.base(), |e| &**e)
}

/// Where an item is read in `lang`: its translation, the fallback page
/// under `lang`, or its page in its own language.
pub fn url_in(site: &Site, item: &Item, lang: &str) -> String {
    match item.entries.get(lang) {
        Some(entry) => entry.url.clone(),
        None if site.config.translation_fallback == Fallback::Banner => {
            urls::item(&site.config, item.kind, lang, &item.base().slug)
        }
        None => item.base().url.clone(),
    }
}

impl<'a> Views<'a> {
    /// Views of a site; cards that `reuse` still knows are taken from it
    /// instead of being built again.
    pub fn with_cards(
        site: &'a Site,
        bodies: &'a Bodies,
        locales: &'a Locales,
        reuse: &(dyn Fn(usize, &str) -> Option<Card> + Sync),
    ) -> Views<'a> {
        use rayon::prelude::*;
        let langs = site.config.language_codes();
        let mut views =
            Views { site, bodies, locales, lists: HashMap::new(), cards: Vec::new(), site_views: HashMap::new() };
        let lists: Vec<(Kind, &String)> =
            langs.iter().flat_map(|lang| Kind::ITEMS.into_iter().map(move |kind| (kind, lang))).collect();
        views.lists =
            lists.into_par_iter().map(|(kind, lang)| ((kind, lang.clone()), listed(site, kind, lang))).collect();
        views.site_views = langs.iter().map(|lang| (lang.clone(), views.make_site_view(lang))).collect();
        let cards = langs
            .into_iter()
            .map(|lang| {
                let per_item = (0..site.items.len())
                    .into_par_iter()
                    .map(|i| reuse(i, &lang).map_or_else(OnceLock::new, OnceLock::from))
                    .collect();
                (lang, per_item)
            })
            .collect();
        views.cards = cards;
        views
    }

    /// Every card made or reused so far, with its item index and language.
    pub fn all_cards(&self) -> impl Iterator<Item = (usize, &str, &Card)> {
        self.cards.iter().flat_map(|(lang, cards)| {
            cards.iter().enumerate().filter_map(move |(i, c)| Some((i, lang.as_str(), c.get()?)))
        })
    }

    /// The output file of a page, relative to the output root.
    pub fn output_path(&self, spec: &Spec) -> String {
        urls::output_file(&self.site.config, &self.page_url(spec, &self.lang_of(spec)))
    }

    /// The language a page is written in: its own, or the default one for
    /// the root pages.
    pub fn lang_of(&self, spec: &Spec) -> String {
        spec.lang().map_or_else(|| self.site.config.default_language.clone(), str::to_string)
    }

    /// The language a page counts under; none for root pages and redirects.
    pub fn language(&self, spec: &Spec) -> Option<String> {
        if self.is_page(spec) { spec.lang().map(str::to_string) } else { None }
    }

    /// True for the HTML pages people read (not redirects, feeds, agendas,
    /// indexes or files for robots).
    pub fn is_page(&self, spec: &Spec) -> bool {
        !matches!(
            spec,
            Spec::Alias { .. }
                | Spec::Feed { .. }
                | Spec::Agenda { .. }
                | Spec::SearchIndex { .. }
                | Spec::SurveyData { .. }
                | Spec::Sitemap
                | Spec::Robots
        )
    }

    /// Items of one list in one language, in list order.
    pub fn items_of(&self, kind: Kind, lang: &str) -> &[usize] {
        self.listed(kind, lang)
    }

    /// Whether an item is shown in a language (its own version, or the
    /// original with a notice when the site falls back so).
    pub fn shown_in(&self, index: usize, lang: &str) -> bool {
        self.site.items[index].entries.contains_key(lang) || self.site.config.translation_fallback == Fallback::Banner
    }

    fn listed(&self, kind: Kind, lang: &str) -> &[usize] {
        self.lists.get(&(kind, lang.to_string())).map_or(&[], Vec::as_slice)
    }

    pub fn vars(&self, spec: &Spec) -> PageVars {
        let config = &self.site.config;
        let lang = self.lang_of(spec);
        let (url, title, kind) = self.identity(spec, &lang);
        let mut site = self.site_view(&lang);
        for entry in &mut site.menu {
            entry.current = url.starts_with(&entry.url) && (entry.url != site.home_url);
        }
        let (translations, alternates) = self.translations(spec, &lang, &url);
        let mut vars = PageVars {
            page: PageMeta {
                kind: kind.into(),
                title,
                description: String::new(),
                permalink: urls::permalink(config, &url),
                url: url.clone(),
                lang: lang.clone(),
                dir: if crate::config::is_right_to_left(&lang) { "rtl" } else { "ltr" }.into(),
                content_lang: lang.clone(),
                fallback: false,
                translations,
                alternates,
                image: None,
                image_width: None,
                image_height: None,
                image_alt: None,
                json_ld: None,
            },
            url,
            lang: lang.clone(),
            site,
            home: None,
            item: None,
            list: None,
        };
        match spec {
            Spec::Home { .. } => {
                let home = self.home(&lang);
                vars.page.description = plain_excerpt(&home.content, 200);
                vars.home = Some(home);
            }
            Spec::Item { index, fallback, .. } => {
                let item = self.item(*index, &lang);
                vars.page.description = item.summary.clone();
                vars.page.fallback = *fallback;
                vars.page.content_lang = item.content_lang.clone();
                if let Some(image) = &item.image {
                    vars.page.image = Some(if let Some(sharing) = &image.sharing {
                        // The original is not published: its sharing crop is.
                        vars.page.image_width = Some(sharing.width);
                        vars.page.image_height = Some(sharing.height);
                        urls::permalink(config, &sharing.url)
                    } else if image.src.starts_with("http://") || image.src.starts_with("https://") {
                        image.src.clone()
                    } else {
                        urls::permalink(config, &format!("{}{}", config.root(), image.src.trim_start_matches('/')))
                    });
                    vars.page.image_alt = Some(image.alt.clone()).filter(|alt| !alt.is_empty());
                }
                vars.page.json_ld = Some(crate::jsonld::item_page(&item, &vars.page, &vars.site));
                vars.item = Some(item);
            }
            Spec::List { kind, page, .. } => vars.list = Some(self.list(*kind, &lang, *page)),
            Spec::Tag { slug, page, .. } => vars.list = Some(self.tag(&lang, slug, *page)),
            Spec::Tags { .. } => vars.list = Some(self.tags(&lang)),
            Spec::Search { .. } => vars.list = Some(self.search(&lang)),
            _ => {}
        }
        vars
    }

    fn t(&self, lang: &str, key: &str) -> String {
        self.locales.message(lang, key, &[]).unwrap_or_else(|_| key.to_string())
    }

    /// URL, title and page kind.
    /// Where a page is published.
    fn page_url(&self, spec: &Spec, lang: &str) -> String {
        let config = &self.site.config;
        match spec {
            Spec::Home { .. } => urls::home(config, lang),
            Spec::Item { index, .. } => url_in(self.site, &self.site.items[*index], lang),
            Spec::List { kind, page, .. } => urls::paginated(&urls::section(config, kind.folder(), lang), *page),
            Spec::Tag { slug, page, .. } => urls::paginated(&urls::tag(config, lang, slug), *page),
            Spec::Tags { .. } => urls::section(config, "tags", lang),
            Spec::Chooser => config.root().to_string(),
            Spec::NotFound => format!("{}404.html", config.root()),
            Spec::Alias { from, .. } => format!("{}{}", config.root(), from.trim_start_matches('/')),
            Spec::Feed { project, .. } => subscriptions::feed_url(self.site, lang, *project),
            Spec::Agenda { scope: Some(index), .. } if self.site.items[*index].kind == Kind::Action => {
                subscriptions::action_ics_url(self.site, lang, *index)
            }
            Spec::Agenda { scope, .. } => subscriptions::agenda_url(self.site, lang, *scope),
            Spec::Search { .. } => urls::section(config, "search", lang),
            Spec::SearchIndex { .. } => format!("{}{SEARCH_INDEX}meta.json", urls::home(config, lang)),
            Spec::SurveyData { survey, .. } => urls::survey_data(config, lang, survey),
            Spec::Sitemap => format!("{}sitemap.xml", config.root()),
            Spec::Robots => format!("{}robots.txt", config.root()),
        }
    }

    /// URL, title and page kind.
    fn identity(&self, spec: &Spec, lang: &str) -> (String, String, &'static str) {
        let config = &self.site.config;
        let url = self.page_url(spec, lang);
        match spec {
            Spec::Home { .. } => {
                let title = self.site.homes.get(lang).map(|h| h.title.clone()).filter(|t| !t.is_empty());
                (url, title.unwrap_or_else(|| config.title_in(lang).to_string()), "home")
            }
            Spec::Item { index, .. } => {
                let item = &self.site.items[*index];
                (url, entry_in(item, lang).title.clone(), item.kind.name())
            }
            Spec::List { kind, .. } => {
                let page_kind = match kind {
                    Kind::Project => "projects",
                    Kind::Partner => "partners",
                    Kind::Action => "actions",
                    _ => "news_list",
                };
                (url, self.t(lang, &format!("section-{}", kind.folder())), page_kind)
            }
            Spec::Tag { slug, .. } => {
                let name = self.site.tags[lang].get(slug).map(|t| t.name.clone()).unwrap_or_default();
                (url, name, "tag")
            }
            Spec::Tags { .. } => (url, self.t(lang, "section-tags"), "tags"),
            Spec::Chooser => (url, config.title.clone(), "chooser"),
            Spec::NotFound => (url, "404".into(), "404"),
            Spec::Alias { index, .. } => (url, entry_in(&self.site.items[*index], lang).title.clone(), "alias"),
            Spec::Feed { .. } => (url, String::new(), "feed"),
            Spec::Agenda { .. } => (url, String::new(), "agenda"),
            Spec::Search { .. } => (url, self.t(lang, "search-title"), "search"),
            Spec::SearchIndex { .. } => (url, String::new(), "search-index"),
            Spec::SurveyData { .. } => (url, String::new(), "survey-data"),
            Spec::Sitemap => (url, String::new(), "sitemap"),
            Spec::Robots => (url, String::new(), "robots"),
        }
    }

    /// The hreflang alternates of a page (for the sitemap).
    pub fn alternates(&self, spec: &Spec) -> (String, Vec<Alternate>) {
        let lang = self.lang_of(spec);
        let url = self.page_url(spec, &lang);
        let (_, alternates) = self.translations(spec, &lang, &url);
        (url, alternates)
    }

    fn translations(&self, spec: &Spec, lang: &str, own_url: &str) -> (Vec<LanguageLink>, Vec<Alternate>) {
        let config = &self.site.config;
        let mut links = Vec::new();
        let mut alternates = Vec::new();
        for language in &config.languages {
            let code = &language.code;
            let exact_url = match spec {
                Spec::Home { .. } => Some(urls::home(config, code)),
                Spec::Item { index, .. } => self.site.items[*index].entries.get(code).map(|e| e.url.clone()),
                Spec::List { kind, page, .. } => {
                    let pages = if *kind == Kind::News {
                        page_count(self.listed(Kind::News, code).len(), config.paginate)
                    } else {
                        1
                    };
                    (*page <= pages).then(|| urls::paginated(&urls::section(config, kind.folder(), code), *page))
                }
                Spec::Tag { slug, page, .. } => self.site.tags[code]
                    .get(slug)
                    .filter(|tag| *page <= page_count(tag.items.len(), config.paginate))
                    .map(|_| urls::paginated(&urls::tag(config, code, slug), *page)),
                Spec::Tags { .. } => Some(urls::section(config, "tags", code)),
                Spec::Search { .. } => Some(urls::section(config, "search", code)),
                _ => None,
            };
            let exact_url = if code == lang { Some(own_url.to_string()) } else { exact_url };
            if let Some(url) = &exact_url
                && self.is_page(spec)
                && !matches!(spec, Spec::Chooser | Spec::NotFound)
            {
                alternates.push(Alternate { lang: code.clone(), permalink: urls::permalink(config, url) });
            }
            links.push(LanguageLink {
                code: code.clone(),
                name: language.name.clone(),
                current: code == lang,
                exact: exact_url.is_some(),
                url: exact_url.unwrap_or_else(|| urls::home(config, code)),
            });
        }
        (links, alternates)
    }
}

/// A key that sorts text alphabetically regardless of case and accents.
fn sort_key(text: &str) -> String {
    crate::markdown::slugify(text)
}

mod agenda;
mod chrome;
mod credits;
mod items;
mod lists;
pub(crate) mod map;
pub(crate) mod subscriptions;

pub(crate) use agenda::time_zone;
use lists::page_count;

pub mod fingerprint;
