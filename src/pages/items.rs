//! The views of item pages and the cards every list shows: dates in the
//! reader's language, summaries, references and reverse links.

use super::*;

impl Views<'_> {
    pub(super) fn date(&self, when: Option<When>, lang: &str) -> Option<DateView> {
        self.date_in(when, None, lang)
    }

    pub(super) fn summary(&self, index: usize, entry: &Entry) -> String {
        if let Some(summary) = fm_summary(&entry.fm) {
            return summary.to_string();
        }
        match self.bodies.get(&(index, entry.lang.clone())) {
            Some(body) => match &body.summary_html {
                Some(summary) => plain_excerpt(summary, 240),
                None => plain_excerpt(&body.html(), 240),
            },
            None => String::new(),
        }
    }

    pub fn card(&self, index: usize, lang: &str) -> Card {
        let slot = self.cards.iter().find(|(l, _)| l == lang).and_then(|(_, cards)| cards.get(index));
        match slot {
            Some(slot) => slot.get_or_init(|| Card::new(self.make_card(index, lang))).clone(),
            None => Card::new(self.make_card(index, lang)),
        }
    }

    pub(super) fn make_card(&self, index: usize, lang: &str) -> ItemCard {
        let item = &self.site.items[index];
        let entry = entry_in(item, lang);
        let (label, status, subkind, country) = match &*entry.fm {
            FrontMatter::Project(p) => (p.acronym.clone(), p.status.clone(), None, None),
            FrontMatter::Partner(p) => (p.short_name.clone(), None, p.kind.clone(), p.country.clone()),
            FrontMatter::Action(a) => (a.number.map(|n| n.to_string()), a.status.clone(), a.kind.clone(), None),
            _ => (None, None, None, None),
        };
        let (location, online) = match &*entry.fm {
            FrontMatter::Action(a) => (a.location.clone(), a.online.unwrap_or(false)),
            _ => (None, false),
        };
        let zone = agenda::time_zone(self.site, index);
        ItemCard {
            id: item.id.clone(),
            kind: item.kind.name().into(),
            title: entry.title.clone(),
            url: url_in(self.site, item, lang),
            summary: self.summary(index, entry),
            date: self.date_in(item.when, zone, lang),
            end: self.date_in(item.end, zone, lang),
            label,
            status,
            subkind,
            country,
            content_lang: (entry.lang != lang).then(|| entry.lang.clone()),
            location,
            online,
        }
    }

    pub(super) fn cards(&self, indices: &[usize], lang: &str) -> Vec<Card> {
        indices.iter().map(|&i| self.card(i, lang)).collect()
    }

    pub(super) fn upcoming(&self, index: usize) -> bool {
        let item = &self.site.items[index];
        item.end.or(item.when).is_some_and(|w| w.date >= self.site.today)
    }

    /// The working group an action or news item names, linked to its
    /// section on the first of its projects that has it.
    fn working_group_link(&self, index: usize, lang: &str) -> Option<WorkingGroupLink> {
        let item = &self.site.items[index];
        let id = working_groups::named_id(&item.base().fm)?;
        item.project.iter().chain(&item.projects).find_map(|&project| {
            let FrontMatter::Project(base) = &*self.site.items[project].base().fm else { return None };
            let position = working_groups::ids(base).iter().position(|g| g == id)?;
            let entry = entry_in(&self.site.items[project], lang);
            let FrontMatter::Project(shown) = &*entry.fm else { return None };
            let group = shown.working_groups.as_ref()?.get(position).or(base.working_groups.as_ref()?.get(position))?;
            let url = format!("{}#{}", url_in(self.site, &self.site.items[project], lang), working_groups::anchor(id));
            Some(WorkingGroupLink { title: group.title.clone(), url })
        })
    }

    pub(super) fn item(&self, index: usize, lang: &str) -> ItemView {
        let item = &self.site.items[index];
        let entry = entry_in(item, lang);
        let body = self.bodies.get(&(index, entry.lang.clone()));
        let mut view = ItemView {
            id: item.id.clone(),
            kind: item.kind.name().into(),
            title: entry.title.clone(),
            summary: self.summary(index, entry),
            summary_html: body.and_then(|b| b.summary_html.clone()),
            summary_is_excerpt: fm_summary(&entry.fm).is_none() && body.is_none_or(|b| b.summary_html.is_none()),
            content: body.map(|b| b.html()).unwrap_or_default(),
            headings: body
                .map(|b| {
                    b.headings
                        .iter()
                        .map(|h| HeadingView { level: h.level, id: h.id.clone(), text: h.text.clone() })
                        .collect()
                })
                .unwrap_or_default(),
            content_lang: entry.lang.clone(),
            extra: extra_json(entry.fm.extra()),
            acronym: None,
            status: None,
            start: None,
            end: None,
            lead: item.lead.map(|i| self.card(i, lang)),
            themes: Vec::new(),
            funding: Vec::new(),
            working_groups: Vec::new(),
            working_group: self.working_group_link(index, lang),
            credits: self.credits(index, lang),
            website: None,
            logo: None,
            logo_picture: None,
            short_name: None,
            official_name: None,
            subkind: None,
            country: None,
            location_coords: None,
            number: None,
            project: item.project.map(|i| self.card(i, lang)),
            location: None,
            online: false,
            upcoming: false,
            date: None,
            author: None,
            image: None,
            tags: Vec::new(),
            partners: self.cards(&item.partners, lang),
            projects: self.cards(if item.kind == Kind::Partner { &item.back.projects } else { &item.projects }, lang),
            actions: self.cards(&item.back.actions, lang),
            news: self.cards(&item.back.news[..item.back.news.len().min(RELATED_NEWS)], lang),
            news_total: item.back.news.len(),
            map: (item.kind == Kind::Project)
                .then(|| map::partners_map(self.site, self.locales, Some(index), lang))
                .filter(|map| map.country_count > 0),
            agenda: (item.kind == Kind::Project && !item.back.actions.is_empty())
                .then(|| self.agenda(&item.back.actions, lang, Some(index))),
            next_action: (item.kind == Kind::Project).then(|| self.next_action(index, lang)).flatten(),
            feed_url: (item.kind == Kind::Project).then(|| subscriptions::feed_url(self.site, lang, Some(index))),
            calendar_url: match item.kind {
                Kind::Project => Some(subscriptions::agenda_url(self.site, lang, Some(index))),
                Kind::Action => Some(subscriptions::action_ics_url(self.site, lang, index)),
                _ => None,
            },
        };
        fill_type_fields(&mut view, self, index, entry, lang);
        view
    }
}

pub(super) fn fm_summary(fm: &FrontMatter) -> Option<&str> {
    match fm {
        FrontMatter::Project(p) => p.summary.as_deref(),
        FrontMatter::Partner(p) => p.summary.as_deref(),
        FrontMatter::Action(a) => a.summary.as_deref(),
        FrontMatter::News(n) => n.summary.as_deref(),
        FrontMatter::Page(p) => p.summary.as_deref(),
        FrontMatter::Home(h) => h.summary.as_deref(),
    }
}

pub(super) fn extra_json(extra: Option<&serde_yaml::Value>) -> serde_json::Value {
    extra.and_then(|v| serde_json::to_value(v).ok()).unwrap_or(serde_json::Value::Null)
}

pub(super) fn fill_type_fields(view: &mut ItemView, views: &Views, index: usize, entry: &Entry, lang: &str) {
    let item = &views.site.items[index];
    match &*entry.fm {
        FrontMatter::Project(p) => {
            view.acronym = p.acronym.clone();
            view.status = p.status.clone();
            view.start = views.date(item.when, lang);
            view.end = views.date(item.end, lang);
            view.themes = p.themes.clone().unwrap_or_default();
            view.funding = views.funding(p, lang);
            let ids = match &*item.base().fm {
                FrontMatter::Project(base) => working_groups::ids(base),
                _ => Vec::new(),
            };
            let members = |of: &[usize], id: &str| -> Vec<usize> {
                of.iter()
                    .copied()
                    .filter(|&i| working_groups::named_id(&views.site.items[i].base().fm) == Some(id))
                    .collect()
            };
            view.working_groups = p
                .working_groups
                .iter()
                .flatten()
                .zip(ids)
                .map(|(w, id)| WorkingGroupView {
                    anchor: working_groups::anchor(&id),
                    title: w.title.clone(),
                    summary: w.summary.clone(),
                    actions: views.cards(&members(&item.back.actions, &id), lang),
                    news: views.cards(&members(&item.back.news, &id), lang),
                    id,
                })
                .collect();
            view.website = p.website.clone();
            (view.logo, view.logo_picture) = views.logo(p.logo.as_deref());
        }
        FrontMatter::Partner(p) => {
            view.short_name = p.short_name.clone();
            view.official_name = p.official_name.as_ref().map(|name| {
                let name_lang = p.official_lang.clone().unwrap_or_else(|| entry.lang.clone());
                let dir = crate::config::dir_within(&name_lang, lang).map(str::to_owned);
                OfficialName { text: name.clone(), foreign: name_lang != lang, lang: name_lang, dir }
            });
            view.subkind = p.kind.clone();
            view.country = p.country.clone();
            view.location_coords = p.location;
            view.website = p.website.clone();
            (view.logo, view.logo_picture) = views.logo(p.logo.as_deref());
        }
        FrontMatter::Action(a) => {
            view.number = a.number;
            view.subkind = a.kind.clone();
            view.status = a.status.clone();
            let zone = agenda::time_zone(views.site, index);
            view.start = views.date_in(item.when, zone, lang);
            view.end = views.date_in(item.end, zone, lang);
            view.location = a.location.clone();
            view.online = a.online.unwrap_or(false);
            view.upcoming = views.upcoming(index);
        }
        FrontMatter::News(n) => {
            view.date = views.date(item.when, lang);
            view.author = n.author.clone();
            view.image = n.image.as_ref().map(|i| crate::views::ImageView {
                src: i.src.clone(),
                alt: i.alt.clone().unwrap_or_default(),
                credit: i.credit.clone(),
                picture: views.site.pictures.get(&i.src).map(|p| (**p).clone()),
                sharing: views.site.sharing.get(&(i.src.clone(), i.focus.clone())).cloned(),
            });
            let tag_lang = entry.lang.as_str();
            view.tags = n
                .tags
                .iter()
                .flatten()
                .map(|name| {
                    let slug = crate::markdown::slugify(name);
                    TagLink { url: urls::tag(&views.site.config, tag_lang, &slug), name: name.clone(), slug, count: 0 }
                })
                .collect();
        }
        FrontMatter::Page(_) | FrontMatter::Home(_) => {}
    }
}
