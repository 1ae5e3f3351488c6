//! The feeds and agendas a portal offers its subscribers, as pages know
//! them: where each is published (next to its list or project page) and
//! which items it holds, so pages link to them and a feed or agenda is
//! written again when one of its items changes. What they say is written
//! by `syndication`.

use super::{Views, entry_in, url_in};
use crate::content::Kind;
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
