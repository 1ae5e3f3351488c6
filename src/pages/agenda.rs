//! The agenda: actions split at the build date into upcoming and past,
//! grouped by the month they start in, with their times shown in the
//! time zone they are held in, and a project's next action. Pure
//! functions of the Site and the UI strings; no I/O.

use super::*;

/// The time zone an action's times are given in: its own `time_zone`,
/// else its project's. None for other items, or when neither sets one
/// (times are then the local time of wherever the action is held).
pub(crate) fn time_zone(site: &Site, index: usize) -> Option<&str> {
    let item = &site.items[index];
    let FrontMatter::Action(action) = &*item.base().fm else { return None };
    action.time_zone.as_deref().or_else(|| match &*site.items[item.project?].base().fm {
        FrontMatter::Project(project) => project.time_zone.as_deref(),
        _ => None,
    })
}

impl Views<'_> {
    /// A date as themes show it; a time is placed in `zone` (an IANA
    /// name), which gives `<time datetime>` its offset at that date and the
    /// zone's name in the page's language.
    pub(super) fn date_in(&self, when: Option<When>, zone: Option<&str>, lang: &str) -> Option<DateView> {
        let when = when?;
        let iso = when.iso();
        let offset = when.time.zip(zone).and_then(|(time, name)| {
            let tz = jiff::tz::TimeZone::get(name).ok()?;
            let at = tz.to_ambiguous_zoned(when.date.to_datetime(time)).compatible().ok()?;
            Some((name, at.offset().seconds()))
        });
        Some(DateView {
            datetime: offset.map_or_else(|| iso.clone(), |(_, seconds)| format!("{iso}{}", iso_offset(seconds))),
            iso,
            text: self.locales.format_date(lang, when.date),
            time: when.time.map(|t| t.strftime("%H:%M").to_string()),
            zone: offset.and_then(|(name, seconds)| self.locales.format_time_zone(lang, name, seconds)),
            year: when.date.year(),
        })
    }

    /// The agenda of `actions` (a language's or a project's, the scope of
    /// the iCalendar file it links to): upcoming soonest first, then past
    /// latest first, each by month.
    pub(super) fn agenda(&self, actions: &[usize], lang: &str, scope: Option<usize>) -> AgendaView {
        let mut sorted = actions.to_vec();
        sorted.sort_by_key(|&i| (self.site.items[i].when, i));
        let (upcoming, mut past): (Vec<usize>, Vec<usize>) = sorted.into_iter().partition(|&i| self.upcoming(i));
        past.reverse();
        let calendar_url = subscriptions::agenda_url(self.site, lang, scope);
        let permalink = urls::permalink(&self.site.config, &calendar_url);
        let host_and_path = permalink.split_once("://").map_or(permalink.as_str(), |(_, rest)| rest);
        AgendaView {
            upcoming: self.months(&upcoming, lang),
            past: self.months(&past, lang),
            webcal_url: format!("webcal://{host_and_path}"),
            calendar_url,
        }
    }

    /// Consecutive actions of `actions` that start in the same month,
    /// under that month's name.
    fn months(&self, actions: &[usize], lang: &str) -> Vec<MonthGroup> {
        let mut groups: Vec<MonthGroup> = Vec::new();
        for &i in actions {
            let Some(when) = self.site.items[i].when else { continue };
            let id = format!("{:04}-{:02}", when.date.year(), when.date.month());
            let card = self.card(i, lang);
            match groups.last_mut() {
                Some(group) if group.id == id => group.actions.push(card),
                _ => groups.push(MonthGroup {
                    id,
                    title: self.locales.format_month(lang, when.date),
                    actions: vec![card],
                }),
            }
        }
        groups
    }

    /// The first action of a project that has not ended yet.
    pub(super) fn next_action(&self, project: usize, lang: &str) -> Option<Card> {
        let actions = &self.site.items[project].back.actions;
        let next = actions.iter().copied().filter(|&i| self.upcoming(i)).min_by_key(|&i| (self.site.items[i].when, i));
        next.map(|i| self.card(i, lang))
    }
}

/// An offset as `<time datetime>` writes it: `+01:00`, `-07:00`.
fn iso_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::iso_offset;

    #[test]
    fn offsets_are_written_with_hours_and_minutes() {
        for (seconds, text) in
            [(3600, "+01:00"), (7200, "+02:00"), (-7 * 3600, "-07:00"), (19800, "+05:30"), (0, "+00:00")]
        {
            assert_eq!(iso_offset(seconds), text);
        }
    }
}
