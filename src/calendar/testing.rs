//! What the calendar tests share: sample events and calendars, and a
//! writer that checks the line rules and reads the result back with the
//! icalendar crate.

use icalendar::parser::{Component, read_calendar, unfold};
use jiff::civil::DateTime;

use super::{Calendar, Event, Moment, ics};

pub(super) fn stamp() -> jiff::Timestamp {
    "2026-01-15T09:30:00Z".parse().unwrap()
}

pub(super) fn event(uid: &str, start: Moment, end: Option<Moment>) -> Event {
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

pub(super) fn calendar(events: Vec<Event>) -> Calendar {
    Calendar {
        name: "COOPJOP — agenda".to_string(),
        lang: "fr".to_string(),
        prodid: "-//passerelle//passerelle//FR".to_string(),
        stamp: stamp(),
        events,
    }
}

pub(super) fn zoned(at: DateTime, tz: &str) -> Moment {
    Moment::Local { at, tz: Some(tz.to_string()) }
}

/// Writes the calendar, checks the line rules, and parses it with the
/// icalendar crate; returns the text and the unfolded text.
pub(super) fn write(calendar: &Calendar) -> (String, String) {
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

pub(super) fn events<'a>(parsed: &'a icalendar::parser::Calendar<'a>) -> Vec<&'a Component<'a>> {
    parsed.components.iter().filter(|c| c.name.as_str() == "VEVENT").collect()
}

pub(super) fn calendar_prop(parsed: &icalendar::parser::Calendar, name: &str) -> String {
    parsed.properties.iter().find(|p| p.name.as_str() == name).map(|p| p.val.as_str().to_string()).unwrap_or_default()
}

pub(super) fn prop(component: &Component, name: &str) -> String {
    component.find_prop(name).map(|p| p.val.as_str().to_string()).unwrap_or_default()
}

pub(super) fn param_of(component: &Component, name: &str, key: &str) -> Option<String> {
    let property = component.find_prop(name)?;
    property.params.iter().find(|p| p.key.as_str() == key).and_then(|p| p.val.as_ref()).map(|v| v.as_str().into())
}
