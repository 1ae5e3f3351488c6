//! The time zones a calendar's events use: each IANA name checked and
//! spelled canonically, the years it must cover, and the `VTIMEZONE` that
//! gives its offsets over those years as explicit transitions, so every
//! client reads the same local times whatever its own time zone database.

use std::collections::BTreeMap;

use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};

use super::lines::{basic_datetime, line, text, utc_offset};
use super::{Event, Moment, next_day};

/// Whether `name` is a time zone of the IANA database (`Europe/Paris`).
pub(crate) fn check_time_zone(name: &str) -> bool {
    TimeZone::get(name).is_ok()
}

/// The time zones the events use, with the years each must cover.
pub(super) struct ZoneTable {
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
    pub(super) fn collect(events: &[Event]) -> Result<ZoneTable, String> {
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

    /// Writes a `VTIMEZONE` for each zone, in the order of their names.
    pub(super) fn write(&self, out: &mut String) {
        for zone in self.zones.values() {
            write_time_zone(out, zone);
        }
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
    pub(super) fn canonical<'a>(&'a self, name: &'a str) -> &'a str {
        self.names.get(name).map_or(name, String::as_str)
    }

    /// Whether `a` comes strictly before `b`, each a local time in a zone
    /// (or floating, compared as civil times).
    pub(super) fn before(&self, a: (DateTime, Option<&str>), b: (DateTime, Option<&str>)) -> bool {
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

#[cfg(test)]
mod tests {
    use icalendar::parser::read_calendar;
    use jiff::civil::datetime;

    use super::*;
    use crate::calendar::ics;
    use crate::calendar::testing::*;

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
}
