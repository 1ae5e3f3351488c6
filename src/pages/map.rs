//! The view of a partners map: which partners a map shows (a project's
//! lead and partners, or every partner), the geometry `maps` draws for
//! them, and the text alternative, country by country, in the page's
//! language.

use std::collections::BTreeMap;

use super::{entry_in, listed, sort_key, url_in};
use crate::content::Kind;
use crate::frontmatter::FrontMatter;
use crate::i18n::Locales;
use crate::maps::{self, Place};
use crate::resolve::Site;
use crate::views::{MapCountryView, MapMarkerView, MapPanelView, MapPartnerView, MapShapeView, MapView};

/// The partners a map shows: a project's lead and partners, or every
/// partner listed in `lang`.
pub(crate) fn partners_of(site: &Site, project: Option<usize>, lang: &str) -> Vec<usize> {
    match project {
        Some(index) => {
            let item = &site.items[index];
            let mut partners: Vec<usize> = item.lead.iter().chain(&item.partners).copied().collect();
            let mut seen = std::collections::HashSet::new();
            partners.retain(|i| seen.insert(*i));
            partners
        }
        None => listed(site, Kind::Partner, lang),
    }
}

/// The map of `project`'s partners, or of every partner.
pub(crate) fn partners_map(site: &Site, locales: &Locales, project: Option<usize>, lang: &str) -> MapView {
    let partners = partners_of(site, project, lang);
    // (index, country, location)
    let located: Vec<(usize, String, Option<[f64; 2]>)> = partners
        .iter()
        .filter_map(|&i| match &*entry_in(&site.items[i], lang).fm {
            FrontMatter::Partner(p) => p.country.clone().map(|country| (i, country, p.location)),
            _ => None,
        })
        .collect();
    let places: Vec<Place> = located
        .iter()
        .map(|(i, country, location)| Place { id: &site.items[*i].id, country, location: *location })
        .collect();
    let drawing = maps::drawing(&places);
    let name_of = |i: usize| entry_in(&site.items[i], lang).title.clone();
    let by_id = |id: &str| located.iter().find(|(i, _, _)| site.items[*i].id == id).map(|(i, _, _)| *i);
    let panels = drawing
        .panels
        .iter()
        .map(|panel| MapPanelView {
            x: panel.x,
            y: panel.y,
            width: panel.width,
            height: panel.height,
            shapes: panel
                .shapes
                .iter()
                .map(|s| MapShapeView { country: s.country.clone(), highlighted: s.highlighted, d: s.d.clone() })
                .collect(),
            markers: panel
                .markers
                .iter()
                .map(|m| MapMarkerView {
                    x: m.x,
                    y: m.y,
                    r: m.radius(),
                    count: m.partners.len(),
                    names: m.partners.iter().filter_map(|id| by_id(id)).map(name_of).collect::<Vec<_>>().join(", "),
                    partners: m.partners.join(" "),
                })
                .collect(),
        })
        .collect();

    let mut countries: BTreeMap<&str, Vec<MapPartnerView>> = BTreeMap::new();
    for (i, country, location) in &located {
        let item = &site.items[*i];
        let entry = entry_in(item, lang);
        countries.entry(country).or_default().push(MapPartnerView {
            id: item.id.clone(),
            title: entry.title.clone(),
            url: url_in(site, item, lang),
            content_lang: (entry.lang != lang).then(|| entry.lang.clone()),
            located: location.is_some(),
        });
    }
    let mut countries: Vec<MapCountryView> = countries
        .into_iter()
        .map(|(code, mut partners)| {
            partners.sort_by_cached_key(|p| sort_key(&p.title));
            let name = locales.message(lang, &format!("country-{code}"), &[]).unwrap_or_else(|_| code.to_string());
            MapCountryView { code: code.to_string(), name, partners }
        })
        .collect();
    countries.sort_by_cached_key(|c| sort_key(&c.name));
    MapView {
        id: match project {
            Some(index) => format!("map-{}", site.items[index].id),
            None => "map-partners".to_string(),
        },
        project: project.map(|index| entry_in(&site.items[index], lang).title.clone()),
        width: drawing.width,
        height: drawing.height,
        panels,
        partner_count: located.len(),
        country_count: countries.len(),
        countries,
    }
}
