//! Owns what a portal publishes for subscribers: the Atom feeds of news
//! (per language and per project) and the iCalendar agendas of actions
//! (per language, per project, and one file per action), built from the
//! Site. It maps site data to the plain structures `feeds` and `calendar`
//! write; it renders no HTML and does no I/O. Where each one is published
//! and which items it holds is `pages::subscriptions`', which pages share.

use jiff::civil::Date;

use crate::calendar::{self, Calendar, Event, Moment};
use crate::feeds::{Feed, FeedEntry};
use crate::frontmatter::{FrontMatter, When};
use crate::pages::subscriptions::{agenda_items, feed_items, feed_url};
use crate::pages::{Views, entry_in, url_in};
use crate::urls;

/// The Atom feed of a language's news, or of a project's.
pub fn feed(views: &Views, lang: &str, project: Option<usize>) -> String {
    let site = views.site;
    let config = &site.config;
    let items = feed_items(views, lang, project);
    let list_url = match project {
        Some(index) => url_in(site, &site.items[index], lang),
        None => urls::section(config, "news", lang),
    };
    let title = match project {
        Some(index) => format!("{} — {}", entry_in(&site.items[index], lang).title, config.title_in(lang)),
        None => config.title_in(lang).to_string(),
    };
    let entries: Vec<FeedEntry> = items
        .iter()
        .map(|&i| {
            let item = &site.items[i];
            let entry = entry_in(item, lang);
            let date = item.when.map_or(site.today, |w| w.date);
            let card = views.card(i, lang);
            let (authors, categories) = match &*entry.fm {
                FrontMatter::News(n) => (n.author.iter().cloned().collect(), n.tags.clone().unwrap_or_default()),
                _ => (Vec::new(), Vec::new()),
            };
            let permalink = urls::permalink(config, &url_in(site, item, lang));
            FeedEntry {
                id: permalink.clone(),
                title: entry.title.clone(),
                url: permalink,
                published: date,
                updated: date,
                summary: card.summary.clone(),
                content_html: views.bodies.get(&(i, entry.lang.clone())).map(|b| b.html()),
                authors,
                categories,
                lang: entry.lang.clone(),
            }
        })
        .collect();
    let updated = entries.iter().map(|e| e.updated).max().unwrap_or(site.today);
    crate::feeds::atom(&Feed {
        title,
        subtitle: config.description_in(lang).map(str::to_string),
        lang: lang.to_string(),
        id: urls::permalink(config, &list_url),
        self_url: urls::permalink(config, &feed_url(site, lang, project)),
        alternate_url: urls::permalink(config, &list_url),
        updated,
        generator: "passerelle".into(),
        entries,
    })
}

/// The iCalendar agenda of a language, a project or one action.
pub fn agenda(views: &Views, lang: &str, scope: Option<usize>) -> Result<String, String> {
    let site = views.site;
    let config = &site.config;
    let host = config.base_url.split("://").nth(1).and_then(|rest| rest.split('/').next()).unwrap_or("localhost");
    let events = agenda_items(views, lang, scope)
        .into_iter()
        .filter_map(|i| {
            let item = &site.items[i];
            let entry = entry_in(item, lang);
            let FrontMatter::Action(action) = &*entry.fm else { return None };
            let zone = crate::pages::time_zone(site, i).map(str::to_string);
            let start = moment(item.when?, &zone);
            let permalink = urls::permalink(config, &url_in(site, item, lang));
            let online = action.online.unwrap_or(false);
            Some(Event {
                uid: format!("{}@{host}", item.id),
                summary: entry.title.clone(),
                description: Some(views.card(i, lang).summary.clone()).filter(|s| !s.is_empty()),
                url: Some(permalink.clone()),
                location: action.location.clone(),
                conference: online.then(|| permalink.clone()),
                start,
                end: item.end.map(|end| moment(end, &zone)),
                status: action.status.clone(),
                categories: action.kind.iter().cloned().collect(),
            })
        })
        .collect();
    let name = match scope {
        Some(index) => entry_in(&site.items[index], lang).title.clone(),
        None => config.title_in(lang).to_string(),
    };
    calendar::ics(&Calendar {
        name,
        lang: lang.to_string(),
        prodid: format!("-//passerelle//{}//{}", config.title, lang.to_uppercase()),
        stamp: stamp(site.today),
        events,
    })
}

fn moment(when: When, zone: &Option<String>) -> Moment {
    match when.time {
        Some(time) => Moment::Local { at: when.date.to_datetime(time), tz: zone.clone() },
        None => Moment::Date(when.date),
    }
}

/// DTSTAMP: the build day at midnight UTC, so a build's output depends
/// only on its inputs and its day.
fn stamp(today: Date) -> jiff::Timestamp {
    today.to_zoned(jiff::tz::TimeZone::UTC).map(|z| z.timestamp()).unwrap_or(jiff::Timestamp::UNIX_EPOCH)
}
