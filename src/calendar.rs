//! Owns writing iCalendar files (RFC 5545, with RFC 7986's `CONFERENCE` and
//! `NAME`) from plain data: a [`Calendar`] goes in, the `.ics` text comes out.
//! No I/O; it knows nothing of the site, its URLs or Tera. It only reads the
//! time zone database (through jiff: the system's copy, else the copy built
//! into the binary) to check IANA names and to write a `VTIMEZONE` for each
//! zone an event uses, so every client reads the same local times.
//!
//! Conventions: all-day events end on the day after their last day (RFC 5545
//! ends are exclusive); a timed event without an end has no `DTEND`, which
//! makes it an instant; a timed start with an all-day end runs to the end of
//! that day in the start's zone; an all-day end before its start gives a
//! one-day event, and a timed end that does not come after its start is
//! dropped. Output is deterministic: the caller passes `DTSTAMP`, events keep
//! their order and time zones are sorted by name.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};

/// One calendar file: the agenda of a language, of a project, or one action.
pub(crate) struct Calendar {
    /// The calendar's display name (`NAME` and `X-WR-CALNAME`).
    pub name: String,
    /// The language of the texts (`LANGUAGE` parameter); empty for none.
    pub lang: String,
    /// The product identifier, e.g. `-//passerelle//passerelle//FR`.
    pub prodid: String,
    /// `DTSTAMP` of every event: the build time, passed in so that output
    /// is reproducible.
    pub stamp: jiff::Timestamp,
    pub events: Vec<Event>,
}

/// One event: an action of the agenda.
pub(crate) struct Event {
    /// A stable, globally unique id, e.g. `coopr-action-2@example.org`.
    pub uid: String,
    pub summary: String,
    /// Plain text.
    pub description: Option<String>,
    /// The absolute URL of the event's page.
    pub url: Option<String>,
    pub location: Option<String>,
    /// The URL of an online meeting, written as `CONFERENCE` (RFC 7986).
    pub conference: Option<String>,
    pub start: Moment,
    pub end: Option<Moment>,
    /// The action's status: `planned`, `ongoing` and `completed` give
    /// `CONFIRMED`, `tentative` and `cancelled` their own; anything else
    /// writes no `STATUS`.
    pub status: Option<String>,
    pub categories: Vec<String>,
}

/// When an event starts or ends.
pub(crate) enum Moment {
    /// A whole day.
    Date(Date),
    /// A local time, in an IANA time zone (`Europe/Paris`), or floating
    /// (the reader's own local time) when `tz` is `None`.
    Local { at: DateTime, tz: Option<String> },
}

/// Whether `name` is a time zone of the IANA database (`Europe/Paris`).
pub(crate) fn check_time_zone(name: &str) -> bool {
    TimeZone::get(name).is_ok()
}

/// Writes `calendar` as an iCalendar file with CRLF line endings and lines
/// folded at 75 octets. Fails with a message naming the first time zone that
/// is not in the IANA database.
pub(crate) fn ics(calendar: &Calendar) -> Result<String, String> {
    let zones = ZoneTable::collect(&calendar.events)?;
    let mut out = String::with_capacity(1024 + calendar.events.len() * 1024);
    line(&mut out, "BEGIN", "", "VCALENDAR");
    line(&mut out, "VERSION", "", "2.0");
    line(&mut out, "PRODID", "", &text(&calendar.prodid));
    line(&mut out, "CALSCALE", "", "GREGORIAN");
    line(&mut out, "METHOD", "", "PUBLISH");
    if !calendar.name.trim().is_empty() {
        line(&mut out, "NAME", "", &text(&calendar.name));
        line(&mut out, "X-WR-CALNAME", "", &text(&calendar.name));
    }
    for zone in zones.zones.values() {
        write_time_zone(&mut out, zone);
    }
    let stamp = format!("{}Z", basic_datetime(Offset::UTC.to_datetime(calendar.stamp)));
    let language = if calendar.lang.is_empty() { String::new() } else { param("LANGUAGE", &calendar.lang) };
    for event in &calendar.events {
        write_event(&mut out, event, &zones, &stamp, &language);
    }
    line(&mut out, "END", "", "VCALENDAR");
    Ok(out)
}

fn write_event(out: &mut String, event: &Event, zones: &ZoneTable, stamp: &str, language: &str) {
    line(out, "BEGIN", "", "VEVENT");
    line(out, "UID", "", &text(&event.uid));
    line(out, "DTSTAMP", "", stamp);
    match &event.start {
        Moment::Date(start) => {
            let last = match &event.end {
                Some(Moment::Date(end)) => *end,
                Some(Moment::Local { at, .. }) => at.date(),
                None => *start,
            };
            line(out, "DTSTART", ";VALUE=DATE", &basic_date(*start));
            line(out, "DTEND", ";VALUE=DATE", &basic_date(next_day(last.max(*start))));
        }
        Moment::Local { at, tz } => {
            let tz = tz.as_deref().map(|name| zones.canonical(name));
            line(out, "DTSTART", &tzid(tz), &basic_datetime(*at));
            let end = match &event.end {
                None => None,
                Some(Moment::Date(last)) => Some((next_day(*last).to_datetime(jiff::civil::Time::midnight()), tz)),
                // A floating start makes a floating end; a zoned start lends
                // its zone to an end that gives none.
                Some(Moment::Local { at: end, tz: end_tz }) => {
                    let end_tz = tz.and_then(|tz| end_tz.as_deref().map(|name| zones.canonical(name)).or(Some(tz)));
                    Some((*end, end_tz))
                }
            };
            if let Some((end, end_tz)) = end.filter(|(end, end_tz)| zones.before((*at, tz), (*end, *end_tz))) {
                line(out, "DTEND", &tzid(end_tz), &basic_datetime(end));
            }
        }
    }
    line(out, "SUMMARY", language, &text(&event.summary));
    if let Some(description) = event.description.as_deref().filter(|d| !d.trim().is_empty()) {
        line(out, "DESCRIPTION", language, &text(description));
    }
    if let Some(location) = event.location.as_deref().filter(|l| !l.trim().is_empty()) {
        line(out, "LOCATION", language, &text(location));
    }
    if let Some(url) = event.url.as_deref().filter(|u| !u.trim().is_empty()) {
        line(out, "URL", ";VALUE=URI", &uri(url));
    }
    if let Some(conference) = event.conference.as_deref().filter(|c| !c.trim().is_empty()) {
        line(out, "CONFERENCE", ";VALUE=URI;FEATURE=VIDEO", &uri(conference));
    }
    if let Some(status) = event.status.as_deref().and_then(status) {
        line(out, "STATUS", "", status);
    }
    let categories: Vec<String> = event.categories.iter().filter(|c| !c.trim().is_empty()).map(|c| text(c)).collect();
    if !categories.is_empty() {
        line(out, "CATEGORIES", language, &categories.join(","));
    }
    line(out, "END", "", "VEVENT");
}

fn status(status: &str) -> Option<&'static str> {
    match status.trim().to_ascii_lowercase().as_str() {
        "planned" | "ongoing" | "completed" | "confirmed" => Some("CONFIRMED"),
        "tentative" => Some("TENTATIVE"),
        "cancelled" | "canceled" => Some("CANCELLED"),
        _ => None,
    }
}

/// The time zones the events use, with the years each must cover.
struct ZoneTable {
    /// By canonical IANA name.
    zones: BTreeMap<String, Zone>,
    /// The names as the events spell them, to their canonical name.
    names: BTreeMap<String, String>,
}

struct Zone {
    name: String,
    tz: TimeZone,
    first_year: i16,
    last_year: i16,
}

impl Zone {
    /// The instant of midnight on 1 January of `year` in this zone.
    fn new_year(&self, year: i16) -> jiff::Timestamp {
        let at = Date::new(year, 1, 1).unwrap_or(Date::MAX).to_datetime(jiff::civil::Time::midnight());
        self.tz.to_ambiguous_timestamp(at).compatible().unwrap_or(jiff::Timestamp::MAX)
    }
}

impl ZoneTable {
    fn collect(events: &[Event]) -> Result<ZoneTable, String> {
        let mut table = ZoneTable { zones: BTreeMap::new(), names: BTreeMap::new() };
        for event in events {
            let Moment::Local { at, tz: start_tz } = &event.start else { continue };
            table.add(start_tz.as_deref(), at.date())?;
            match &event.end {
                Some(Moment::Local { at, tz }) if start_tz.is_some() => {
                    table.add(tz.as_deref().or(start_tz.as_deref()), at.date())?;
                }
                Some(Moment::Date(last)) => table.add(start_tz.as_deref(), next_day(*last))?,
                _ => {}
            }
        }
        Ok(table)
    }

    fn add(&mut self, name: Option<&str>, date: Date) -> Result<(), String> {
        let Some(name) = name else { return Ok(()) };
        let canonical = match self.names.get(name) {
            Some(canonical) => canonical.clone(),
            None => {
                let tz = TimeZone::get(name).map_err(|_| format!("unknown time zone '{name}'"))?;
                let canonical = tz.iana_name().unwrap_or(name).to_string();
                self.names.insert(name.to_string(), canonical.clone());
                let zone = Zone { name: canonical.clone(), tz, first_year: date.year(), last_year: date.year() };
                self.zones.entry(canonical.clone()).or_insert(zone);
                canonical
            }
        };
        if let Some(zone) = self.zones.get_mut(&canonical) {
            zone.first_year = zone.first_year.min(date.year());
            zone.last_year = zone.last_year.max(date.year());
        }
        Ok(())
    }

    /// The canonical spelling of a name that [`ZoneTable::collect`] checked.
    fn canonical<'a>(&'a self, name: &'a str) -> &'a str {
        self.names.get(name).map_or(name, String::as_str)
    }

    /// Whether `a` comes strictly before `b`, each a local time in a zone
    /// (or floating, compared as civil times).
    fn before(&self, a: (DateTime, Option<&str>), b: (DateTime, Option<&str>)) -> bool {
        let instant = |(at, tz): (DateTime, Option<&str>)| {
            let zone = self.zones.get(tz?)?;
            zone.tz.to_ambiguous_timestamp(at).compatible().ok()
        };
        match (instant(a), instant(b)) {
            (Some(a), Some(b)) => a < b,
            _ => a.0 < b.0,
        }
    }
}

/// Writes a `VTIMEZONE` with one observance per offset change from the
/// rule in force on 1 January of the first year used to the end of the last
/// year used (explicit transitions, no `RRULE`).
fn write_time_zone(out: &mut String, zone: &Zone) {
    let from = zone.new_year(zone.first_year);
    let until = zone.new_year(zone.last_year.saturating_add(1));
    // The change in force on `from` (the last one at or before it), then
    // every change until `until`.
    let in_force = zone.tz.preceding(from.checked_add(jiff::SignedDuration::from_secs(1)).unwrap_or(from)).next();
    let in_force_at = in_force.as_ref().map(|t| t.timestamp());
    let later = zone.tz.following(from).skip_while(|t| in_force_at.is_some_and(|at| t.timestamp() <= at));
    let changes: Vec<_> = in_force.into_iter().chain(later.take_while(|t| t.timestamp() < until)).collect();
    line(out, "BEGIN", "", "VTIMEZONE");
    line(out, "TZID", "", &text(&zone.name));
    for change in &changes {
        let before =
            zone.tz.to_offset(change.timestamp().checked_sub(jiff::SignedDuration::from_secs(1)).unwrap_or(from));
        observance(out, change.timestamp(), before, change.offset(), change.abbreviation(), change.dst().is_dst());
    }
    if changes.is_empty() {
        // A zone that never changed (UTC, Etc/GMT+5): one fixed observance.
        let info = zone.tz.to_offset_info(from);
        let epoch = jiff::Timestamp::UNIX_EPOCH;
        observance(out, epoch, info.offset(), info.offset(), info.abbreviation(), info.dst().is_dst());
    }
    line(out, "END", "", "VTIMEZONE");
}

/// One `STANDARD` or `DAYLIGHT` block; its `DTSTART` is the local time of
/// the change as read before it, as RFC 5545 §3.6.5 asks.
fn observance(out: &mut String, at: jiff::Timestamp, before: Offset, after: Offset, name: &str, dst: bool) {
    let kind = if dst { "DAYLIGHT" } else { "STANDARD" };
    line(out, "BEGIN", "", kind);
    line(out, "DTSTART", "", &basic_datetime(before.to_datetime(at)));
    line(out, "TZOFFSETFROM", "", &utc_offset(before));
    line(out, "TZOFFSETTO", "", &utc_offset(after));
    if !name.is_empty() {
        line(out, "TZNAME", "", &text(name));
    }
    line(out, "END", "", kind);
}

fn next_day(date: Date) -> Date {
    date.tomorrow().unwrap_or(date)
}

fn basic_date(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

fn basic_datetime(at: DateTime) -> String {
    format!("{}T{:02}{:02}{:02}", basic_date(at.date()), at.hour(), at.minute(), at.second())
}

/// `+0100`, `-0700`, or `+053730` when the offset has seconds.
fn utc_offset(offset: Offset) -> String {
    let seconds = offset.seconds();
    let sign = if seconds < 0 { '-' } else { '+' };
    let seconds = seconds.unsigned_abs();
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let mut out = format!("{sign}{hours:02}{minutes:02}");
    if seconds != 0 {
        let _ = write!(out, "{seconds:02}");
    }
    out
}

fn tzid(tz: Option<&str>) -> String {
    tz.map_or_else(String::new, |name| param("TZID", name))
}

/// `;NAME=value`, the value quoted when it holds `;`, `:` or `,`, with the
/// characters a parameter cannot hold (double quotes, controls) removed.
fn param(name: &str, value: &str) -> String {
    let value: String = value.chars().filter(|c| *c != '"' && !c.is_control()).collect();
    if value.contains([';', ':', ',']) { format!(";{name}=\"{value}\"") } else { format!(";{name}={value}") }
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and
/// line breaks; other control characters, which TEXT cannot hold, dropped.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A URI value: written as given, less control characters and spaces at the ends.
fn uri(value: &str) -> String {
    value.trim().chars().filter(|c| !c.is_control()).collect()
}

/// Appends `NAME` + `params` + `:` + `value` as one content line, folded
/// so that no line exceeds 75 octets (a continuation line starts with a
/// space, which counts), never inside a UTF-8 character, ended by CRLF.
fn line(out: &mut String, name: &str, params: &str, value: &str) {
    const LIMIT: usize = 75;
    let mut width = 0;
    for part in [name, params, ":", value] {
        for c in part.chars() {
            if width + c.len_utf8() > LIMIT {
                out.push_str("\r\n ");
                width = 1;
            }
            out.push(c);
            width += c.len_utf8();
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use icalendar::parser::{Component, read_calendar, unfold};
    use jiff::civil::{date, datetime};

    fn stamp() -> jiff::Timestamp {
        "2026-01-15T09:30:00Z".parse().unwrap()
    }

    fn event(uid: &str, start: Moment, end: Option<Moment>) -> Event {
        Event {
            uid: uid.to_string(),
            summary: "Séminaire de lancement".to_string(),
            description: Some("Deux jours d'ateliers.".to_string()),
            url: Some("https://example.org/coop/fr/agenda/seminaire/".to_string()),
            location: Some("Marseille".to_string()),
            conference: None,
            start,
            end,
            status: Some("planned".to_string()),
            categories: vec!["jeunesse".to_string()],
        }
    }

    fn calendar(events: Vec<Event>) -> Calendar {
        Calendar {
            name: "COOPJOP — agenda".to_string(),
            lang: "fr".to_string(),
            prodid: "-//passerelle//passerelle//FR".to_string(),
            stamp: stamp(),
            events,
        }
    }

    fn zoned(at: DateTime, tz: &str) -> Moment {
        Moment::Local { at, tz: Some(tz.to_string()) }
    }

    /// Writes the calendar, checks the line rules, and parses it with the
    /// icalendar crate; returns the text and the unfolded text.
    fn write(calendar: &Calendar) -> (String, String) {
        let ics = ics(calendar).expect("the calendar is written");
        assert!(ics.ends_with("\r\n"));
        for content_line in ics.split("\r\n") {
            assert!(content_line.len() <= 75, "line over 75 octets: {content_line:?}");
            assert!(!content_line.contains('\n') && !content_line.contains('\r'));
        }
        let unfolded = unfold(&ics);
        read_calendar(&unfolded).expect("the icalendar crate reads the calendar");
        (ics, unfolded)
    }

    fn events<'a>(parsed: &'a icalendar::parser::Calendar<'a>) -> Vec<&'a Component<'a>> {
        parsed.components.iter().filter(|c| c.name.as_str() == "VEVENT").collect()
    }

    fn calendar_prop(parsed: &icalendar::parser::Calendar, name: &str) -> String {
        parsed
            .properties
            .iter()
            .find(|p| p.name.as_str() == name)
            .map(|p| p.val.as_str().to_string())
            .unwrap_or_default()
    }

    fn prop(component: &Component, name: &str) -> String {
        component.find_prop(name).map(|p| p.val.as_str().to_string()).unwrap_or_default()
    }

    fn param_of(component: &Component, name: &str, key: &str) -> Option<String> {
        let property = component.find_prop(name)?;
        property.params.iter().find(|p| p.key.as_str() == key).and_then(|p| p.val.as_ref()).map(|v| v.as_str().into())
    }

    #[test]
    fn a_calendar_has_its_header_and_every_event_its_required_properties() {
        let cal = calendar(vec![
            event("a@example.org", Moment::Date(date(2026, 2, 6)), Some(Moment::Date(date(2026, 2, 8)))),
            event("b@example.org", zoned(datetime(2026, 2, 6, 18, 30, 0, 0), "Europe/Paris"), None),
            event("c@example.org", Moment::Local { at: datetime(2026, 3, 1, 9, 0, 0, 0), tz: None }, None),
        ]);
        let (ics, unfolded) = write(&cal);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//passerelle//passerelle//FR\r\n"));
        let parsed = read_calendar(&unfolded).unwrap();
        assert_eq!(calendar_prop(&parsed, "CALSCALE"), "GREGORIAN");
        assert_eq!(calendar_prop(&parsed, "METHOD"), "PUBLISH");
        assert_eq!(calendar_prop(&parsed, "X-WR-CALNAME"), "COOPJOP — agenda");
        let found = events(&parsed);
        assert_eq!(found.len(), 3);
        for vevent in &found {
            for required in ["UID", "DTSTAMP", "DTSTART"] {
                assert!(vevent.find_prop(required).is_some(), "{required} missing");
            }
            assert_eq!(prop(vevent, "DTSTAMP"), "20260115T093000Z");
            assert_eq!(prop(vevent, "STATUS"), "CONFIRMED");
        }
        assert_eq!(prop(found[1], "UID"), "b@example.org");
        assert_eq!(prop(found[1], "DTSTART"), "20260206T183000");
        assert_eq!(param_of(found[1], "DTSTART", "TZID").as_deref(), Some("Europe/Paris"));
        assert!(found[1].find_prop("DTEND").is_none(), "a timed event without an end is an instant");
        assert_eq!(prop(found[2], "DTSTART"), "20260301T090000");
        assert_eq!(param_of(found[2], "DTSTART", "TZID"), None, "floating time");
        assert_eq!(param_of(found[0], "SUMMARY", "LANGUAGE").as_deref(), Some("fr"));
        assert_eq!(prop(found[0], "URL"), "https://example.org/coop/fr/agenda/seminaire/");
        assert_eq!(prop(found[0], "LOCATION"), "Marseille");
    }

    #[test]
    fn all_day_ends_are_exclusive() {
        let cases = [
            (date(2026, 2, 6), Some(date(2026, 2, 8)), "20260209"),
            (date(2026, 2, 6), None, "20260207"),
            (date(2026, 2, 6), Some(date(2026, 2, 6)), "20260207"),
            (date(2026, 12, 31), None, "20270101"),
            (date(2026, 2, 6), Some(date(2026, 2, 1)), "20260207"),
        ];
        for (start, end, expected) in cases {
            let cal = calendar(vec![event("x@example.org", Moment::Date(start), end.map(Moment::Date))]);
            let (_, unfolded) = write(&cal);
            let parsed = read_calendar(&unfolded).unwrap();
            let vevent = events(&parsed)[0];
            assert_eq!(prop(vevent, "DTSTART"), basic_date(start));
            assert_eq!(param_of(vevent, "DTSTART", "VALUE").as_deref(), Some("DATE"));
            assert_eq!(prop(vevent, "DTEND"), expected, "{start} to {end:?}");
            assert_eq!(param_of(vevent, "DTEND", "VALUE").as_deref(), Some("DATE"));
        }
    }

    #[test]
    fn timed_ends_keep_or_lend_their_zone() {
        let start = || zoned(datetime(2026, 2, 6, 18, 30, 0, 0), "Europe/Paris");
        let cases: [(Option<Moment>, Option<&str>); 4] = [
            (Some(Moment::Local { at: datetime(2026, 2, 6, 20, 0, 0, 0), tz: None }), Some("20260206T200000")),
            (Some(Moment::Date(date(2026, 2, 7))), Some("20260208T000000")),
            (Some(Moment::Local { at: datetime(2026, 2, 6, 9, 0, 0, 0), tz: None }), None),
            (None, None),
        ];
        for (end, expected) in cases {
            let (_, unfolded) = write(&calendar(vec![event("t@example.org", start(), end)]));
            let parsed = read_calendar(&unfolded).unwrap();
            let vevent = events(&parsed)[0];
            match expected {
                Some(expected) => {
                    assert_eq!(prop(vevent, "DTEND"), expected);
                    assert_eq!(param_of(vevent, "DTEND", "TZID").as_deref(), Some("Europe/Paris"));
                }
                None => assert!(vevent.find_prop("DTEND").is_none()),
            }
        }
    }

    /// The offsets of the observances of `tzid`, by the month they start.
    fn offsets_in(parsed: &icalendar::parser::Calendar, tzid: &str) -> Vec<(String, String, String)> {
        let zone = parsed
            .components
            .iter()
            .find(|c| c.name.as_str() == "VTIMEZONE" && prop(c, "TZID") == tzid)
            .unwrap_or_else(|| panic!("no VTIMEZONE for {tzid}"));
        zone.components
            .iter()
            .map(|o| (o.name.as_str().to_string(), prop(o, "DTSTART"), prop(o, "TZOFFSETTO")))
            .collect()
    }

    /// The offset the observances give for a local date-time (`YYYYMMDDTHHMMSS`).
    fn offset_at(observances: &[(String, String, String)], at: &str) -> String {
        observances
            .iter()
            .filter(|(_, start, _)| start.as_str() <= at)
            .map(|(_, _, to)| to.clone())
            .next_back()
            .unwrap()
    }

    #[test]
    fn paris_has_a_time_zone_with_winter_and_summer_offsets() {
        let cal = calendar(vec![
            event("w@example.org", zoned(datetime(2026, 2, 6, 18, 30, 0, 0), "Europe/Paris"), None),
            event("s@example.org", zoned(datetime(2026, 7, 10, 10, 0, 0, 0), "Europe/Paris"), None),
        ]);
        let (ics, unfolded) = write(&cal);
        assert_eq!(ics.matches("BEGIN:VTIMEZONE").count(), 1);
        let parsed = read_calendar(&unfolded).unwrap();
        let observances = offsets_in(&parsed, "Europe/Paris");
        assert_eq!(offset_at(&observances, "20260206T183000"), "+0100");
        assert_eq!(offset_at(&observances, "20260710T100000"), "+0200");
        assert!(observances.contains(&("DAYLIGHT".into(), "20260329T020000".into(), "+0200".into())));
        assert!(observances.contains(&("STANDARD".into(), "20261025T030000".into(), "+0100".into())));
        let zone = parsed.components.iter().find(|c| c.name.as_str() == "VTIMEZONE").unwrap();
        for observance in &zone.components {
            for required in ["DTSTART", "TZOFFSETFROM", "TZOFFSETTO", "TZNAME"] {
                assert!(observance.find_prop(required).is_some(), "{required} missing");
            }
        }
        assert!(ics.contains("TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n"));
    }

    #[test]
    fn utah_is_on_denver_time() {
        let cal = calendar(vec![
            event("u@example.org", zoned(datetime(2026, 1, 20, 9, 0, 0, 0), "America/Denver"), None),
            event("v@example.org", zoned(datetime(2026, 8, 3, 9, 0, 0, 0), "america/denver"), None),
            event("p@example.org", zoned(datetime(2026, 2, 6, 18, 30, 0, 0), "Europe/Paris"), None),
        ]);
        let (ics, unfolded) = write(&cal);
        assert_eq!(ics.matches("BEGIN:VTIMEZONE").count(), 2);
        let parsed = read_calendar(&unfolded).unwrap();
        let observances = offsets_in(&parsed, "America/Denver");
        assert_eq!(offset_at(&observances, "20260120T090000"), "-0700");
        assert_eq!(offset_at(&observances, "20260803T090000"), "-0600");
        assert_eq!(param_of(events(&parsed)[1], "DTSTART", "TZID").as_deref(), Some("America/Denver"));
    }

    #[test]
    fn a_zone_spanning_years_covers_each_year() {
        let cal = calendar(vec![event(
            "y@example.org",
            zoned(datetime(2026, 12, 30, 9, 0, 0, 0), "Europe/Paris"),
            Some(zoned(datetime(2028, 7, 1, 9, 0, 0, 0), "Europe/Paris")),
        )]);
        let (_, unfolded) = write(&cal);
        let parsed = read_calendar(&unfolded).unwrap();
        let observances = offsets_in(&parsed, "Europe/Paris");
        assert_eq!(offset_at(&observances, "20270715T090000"), "+0200");
        assert_eq!(offset_at(&observances, "20280701T090000"), "+0200");
        assert_eq!(offset_at(&observances, "20281201T090000"), "+0100");
    }

    #[test]
    fn a_zone_without_transitions_has_one_observance() {
        let cal = calendar(vec![event("z@example.org", zoned(datetime(2026, 2, 6, 9, 0, 0, 0), "UTC"), None)]);
        let (_, unfolded) = write(&cal);
        let parsed = read_calendar(&unfolded).unwrap();
        let observances = offsets_in(&parsed, "UTC");
        assert_eq!(observances.len(), 1);
        assert_eq!(offset_at(&observances, "20260206T090000"), "+0000");
    }

    #[test]
    fn long_utf8_lines_are_folded_without_splitting_a_character() {
        let summary: String = "Coopération é à 🎉 ü ; ".chars().cycle().take(300).collect();
        let mut long = event("l@example.org", Moment::Date(date(2026, 2, 6)), None);
        long.summary = summary.clone();
        let (ics, unfolded) = write(&calendar(vec![long]));
        assert!(ics.lines().filter(|l| l.starts_with(' ')).count() >= 5, "the summary is folded");
        let parsed = read_calendar(&unfolded).unwrap();
        let vevent = events(&parsed)[0];
        let parsed_summary = vevent.find_prop("SUMMARY").unwrap().val.clone().unescape_text();
        assert_eq!(parsed_summary.as_str(), summary);
    }

    #[test]
    fn text_values_are_escaped() {
        let cases = [
            ("plain", "plain"),
            ("a;b,c", "a\\;b\\,c"),
            ("back\\slash", "back\\\\slash"),
            ("two\nlines\r\nand\rmore", "two\\nlines\\nand\\nmore"),
            ("tab\tbell\u{7}", "tab\tbell"),
        ];
        for (input, expected) in cases {
            assert_eq!(text(input), expected, "escaping {input:?}");
        }
        let mut tricky = event("e@example.org", Moment::Date(date(2026, 2, 6)), None);
        tricky.summary = "Atelier; salle 2, étage\\3".to_string();
        tricky.description = Some("Ligne 1\nLigne 2".to_string());
        tricky.categories = vec!["a,b".to_string(), "c".to_string()];
        let (ics, unfolded) = write(&calendar(vec![tricky]));
        assert!(ics.contains("SUMMARY;LANGUAGE=fr:Atelier\\; salle 2\\, étage\\\\3\r\n"));
        assert!(ics.contains("DESCRIPTION;LANGUAGE=fr:Ligne 1\\nLigne 2\r\n"));
        assert!(ics.contains("CATEGORIES;LANGUAGE=fr:a\\,b,c\r\n"));
        let parsed = read_calendar(&unfolded).unwrap();
        let vevent = events(&parsed)[0];
        let summary = vevent.find_prop("SUMMARY").unwrap().val.clone().unescape_text();
        assert_eq!(summary.as_str(), "Atelier; salle 2, étage\\3");
        let description = vevent.find_prop("DESCRIPTION").unwrap().val.clone().unescape_text();
        assert_eq!(description.as_str(), "Ligne 1\nLigne 2");
    }

    #[test]
    fn online_events_have_a_conference_link() {
        let mut online = event("o@example.org", Moment::Date(date(2026, 2, 6)), None);
        online.conference = Some("https://visio.example.org/room?id=1;x=2".to_string());
        let (_, unfolded) = write(&calendar(vec![online]));
        let parsed = read_calendar(&unfolded).unwrap();
        let vevent = events(&parsed)[0];
        assert_eq!(prop(vevent, "CONFERENCE"), "https://visio.example.org/room?id=1;x=2");
        assert_eq!(param_of(vevent, "CONFERENCE", "VALUE").as_deref(), Some("URI"));
        assert_eq!(param_of(vevent, "CONFERENCE", "FEATURE").as_deref(), Some("VIDEO"));
    }

    #[test]
    fn statuses_map_to_icalendar_or_nothing() {
        let cases = [
            ("planned", Some("CONFIRMED")),
            ("ongoing", Some("CONFIRMED")),
            ("completed", Some("CONFIRMED")),
            ("Cancelled", Some("CANCELLED")),
            ("postponed", None),
        ];
        for (input, expected) in cases {
            assert_eq!(status(input), expected, "status {input}");
        }
    }

    #[test]
    fn an_unknown_time_zone_is_an_error() {
        let cal =
            calendar(vec![event("bad@example.org", zoned(datetime(2026, 2, 6, 9, 0, 0, 0), "Europe/Pariss"), None)]);
        assert_eq!(ics(&cal).unwrap_err(), "unknown time zone 'Europe/Pariss'");
        assert!(!check_time_zone("Europe/Pariss"));
        assert!(!check_time_zone("../../etc/passwd"));
        assert!(check_time_zone("Europe/Paris"));
        assert!(check_time_zone("America/Denver"));
    }

    /// Guards jiff's `tzdb-bundle-always` feature: a machine without tzdata
    /// (a fresh CI image) still knows the zones, from the copy in the binary.
    #[test]
    fn time_zones_work_without_a_system_database() {
        let bundled = jiff::tz::TimeZoneDatabase::bundled();
        assert!(bundled.get("Europe/Paris").is_ok() && bundled.get("America/Denver").is_ok());
    }

    #[test]
    fn an_empty_calendar_is_valid() {
        let (ics, unfolded) = write(&calendar(vec![]));
        assert!(!ics.contains("VTIMEZONE") && !ics.contains("VEVENT"));
        let parsed = read_calendar(&unfolded).unwrap();
        assert_eq!(calendar_prop(&parsed, "VERSION"), "2.0");
    }

    #[test]
    fn output_is_reproducible() {
        let build = || {
            ics(&calendar(vec![event("r@example.org", zoned(datetime(2026, 2, 6, 9, 0, 0, 0), "Europe/Paris"), None)]))
        };
        assert_eq!(build(), build());
    }
}
