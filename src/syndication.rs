//! Owns what a portal publishes for subscribers: the Atom feeds of news
//! (per language and per project) and the iCalendar agendas of actions
//! (per language, per project, and one file per action), built from the
//! Site. It maps site data to the plain structures `feeds` and `calendar`
//! write; it renders no HTML and does no I/O.

use jiff::civil::Date;

use crate::calendar::{self, Calendar, Event, Moment};
use crate::content::Kind;
use crate::feeds::{Feed, FeedEntry};
use crate::frontmatter::{FrontMatter, When};
use crate::pages::{Views, entry_in, url_in};
use crate::resolve::Site;
use crate::urls;

/// How many news items a feed carries, newest first.
pub const FEED_ENTRIES: usize = 30;

/// The file name of a project's or a language's feed and agenda.
pub const FEED_FILE: &str = "atom.xml";
pub const AGENDA_FILE: &str = "agenda.ics";

/// Where a feed or agenda is published: next to its list or project page.
pub fn feed_url(site: &Site, lang: &str, project: Option<usize>) -> String {
    format!("{}{FEED_FILE}", scope_url(site, lang, project))
}

pub fn agenda_url(site: &Site, lang: &str, project: Option<usize>) -> String {
    format!("{}{AGENDA_FILE}", scope_url(site, lang, project))
}

/// The `.ics` of one action: `<action page>/<slug>.ics`.
pub fn action_ics_url(site: &Site, lang: &str, action: usize) -> String {
    let item = &site.items[action];
    format!("{}{}.ics", url_in(site, item, lang), entry_in(item, lang).slug)
}

fn scope_url(site: &Site, lang: &str, project: Option<usize>) -> String {
    match project {
        Some(index) => url_in(site, &site.items[index], lang),
        None => urls::home(&site.config, lang),
    }
}

/// News of a feed: the language's, or a project's, newest first.
pub fn feed_items(views: &Views, lang: &str, project: Option<usize>) -> Vec<usize> {
    let site = views.site;
    let all: Vec<usize> = match project {
        Some(index) => site.items[index].back.news.clone(),
        None => views.items_of(Kind::News, lang).to_vec(),
    };
    all.into_iter().filter(|&i| views.shown_in(i, lang)).take(FEED_ENTRIES).collect()
}

/// Actions of an agenda: the language's, a project's, or one action.
pub fn agenda_items(views: &Views, lang: &str, scope: Option<usize>) -> Vec<usize> {
    let site = views.site;
    match scope {
        Some(index) if site.items[index].kind == Kind::Action => vec![index],
        Some(index) => site.items[index].back.actions.iter().copied().filter(|&i| views.shown_in(i, lang)).collect(),
        None => views.items_of(Kind::Action, lang).to_vec(),
    }
}

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
                summary: card.summary,
                content_html: views.bodies.get(&(i, entry.lang.clone())).map(|b| b.html.clone()),
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
                description: Some(views.card(i, lang).summary).filter(|s| !s.is_empty()),
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
