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
//!
//! The time zones events use are `zones`'; how a value is written on a
//! content line (escaped, folded) is `lines`'.

mod lines;
#[cfg(test)]
mod testing;
mod zones;

use jiff::civil::{Date, DateTime};
use jiff::tz::Offset;

use self::lines::{basic_date, basic_datetime, line, param, text, tzid, uri};
use self::zones::ZoneTable;
pub(crate) use self::zones::check_time_zone;

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
    zones.write(&mut out);
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

fn next_day(date: Date) -> Date {
    date.tomorrow().unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use icalendar::parser::read_calendar;
    use jiff::civil::{date, datetime};

    use super::testing::*;
    use super::*;

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
