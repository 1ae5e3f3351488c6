//! Heading ids: every heading of a body gets its `{#custom}` id or the
//! slug of its text, unique in the document, and is listed for tables of
//! contents. [`slugify`] is also how tags and working groups get the
//! segment of their URL.

use std::collections::HashSet;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{Heading, Spanned, plain_text};

/// Gives every heading an id (its `{#custom}` id, else the slug of its text),
/// unique in the document, and lists the headings.
pub(super) fn assign_heading_ids(events: &mut [Spanned]) -> Vec<Heading> {
    let mut used = HashSet::new();
    let mut headings = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if matches!(events[i].0, Event::Start(Tag::Heading { .. })) {
            let end = events[i..]
                .iter()
                .position(|(event, _)| matches!(event, Event::End(TagEnd::Heading(_))))
                .map_or(events.len(), |p| i + p);
            let text = plain_text(&events[i + 1..end]);
            if let Event::Start(Tag::Heading { level, id, .. }) = &mut events[i].0 {
                let base = match id.as_deref() {
                    Some(custom) if !custom.is_empty() => custom.to_owned(),
                    _ => Some(slugify(&text)).filter(|slug| !slug.is_empty()).unwrap_or_else(|| "section".to_owned()),
                };
                let unique = unique_id(base, &mut used);
                *id = Some(unique.clone().into());
                headings.push(Heading { level: *level as u8, id: unique, text });
            }
            i = end;
        }
        i += 1;
    }
    headings
}

fn unique_id(base: String, used: &mut HashSet<String>) -> String {
    let mut candidate = base.clone();
    let mut n = 0;
    while used.contains(&candidate) {
        n += 1;
        candidate = format!("{base}-{n}");
    }
    used.insert(candidate.clone());
    candidate
}

/// URL-safe slug of a heading or tag text: lowercase, accents folded to ASCII (é→e, ç→c, œ→oe, æ→ae, ß→ss ...), non-alphanumerics to single '-', trimmed.
///
/// Letters with no ASCII folding (Greek, Cyrillic, CJK...) are kept,
/// lowercased, rather than dropped. The result may be empty.
pub(crate) fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if ('\u{300}'..='\u{36F}').contains(&c) {
            continue; // a combining accent, as in a decomposed "é"
        }
        let folded = fold_to_ascii(c);
        if folded.is_none() && !c.is_alphanumeric() {
            dash = true;
            continue;
        }
        if dash && !slug.is_empty() {
            slug.push('-');
        }
        dash = false;
        match folded {
            Some(ascii) => slug.push_str(ascii),
            None => slug.push(c),
        }
    }
    slug
}

/// ASCII spellings of lowercase Latin letters with diacritics, and of ligatures.
const FOLDS: &str = "a:àáâãäåāăą c:çćĉċč d:ďđð e:èéêëēĕėęě g:ĝğġģ h:ĥħ i:ìíîïĩīĭįı j:ĵ k:ķ l:ĺļľŀł \
                     n:ñńņň o:òóôõöøōŏő r:ŕŗř s:śŝşšș t:ţťŧț u:ùúûüũūŭůűų w:ŵ y:ýÿŷ z:źżž \
                     oe:œ ae:æ ss:ß th:þ";

fn fold_to_ascii(c: char) -> Option<&'static str> {
    if c.is_ascii() {
        return None;
    }
    FOLDS.split(' ').find_map(|entry| {
        let (ascii, accented) = entry.split_once(':')?;
        accented.contains(c).then_some(ascii)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::testing::render_in;

    #[test]
    fn headings_get_unique_ids_from_their_text_or_their_custom_id() {
        let rendered = render_in(
            "fr",
            "# Coopération décentralisée\n\n## Intro\n\n## Intro\n\n## Intro\n\n## Pourquoi ? {#why}\n\n### `code` et *texte*",
        );
        let ids: Vec<(u8, &str, &str)> =
            rendered.headings.iter().map(|h| (h.level, h.id.as_str(), h.text.as_str())).collect();
        assert_eq!(
            ids,
            [
                (1, "cooperation-decentralisee", "Coopération décentralisée"),
                (2, "intro", "Intro"),
                (2, "intro-1", "Intro"),
                (2, "intro-2", "Intro"),
                (2, "why", "Pourquoi\u{202F}?"),
                (3, "code-et-texte", "code et texte"),
            ]
        );
        assert!(rendered.html().contains("<h1 id=\"cooperation-decentralisee\">"));
        assert!(rendered.html().contains("<h2 id=\"intro-2\">Intro</h2>"));
        assert!(rendered.html().contains("<h2 id=\"why\">Pourquoi\u{202F}?</h2>"));
    }

    #[test]
    fn slugs_are_lowercase_ascii_words_joined_by_dashes() {
        let cases = [
            ("Coopération décentralisée", "cooperation-decentralisee"),
            ("L'Œuvre", "l-oeuvre"),
            ("Ça, c'est l’été !", "ca-c-est-l-ete"),
            ("  Straße & Æsir  ", "strasse-aesir"),
            ("COOP'R 2024–2026", "coop-r-2024-2026"),
            ("e\u{301}te\u{301}", "ete"),
            ("Москва", "москва"),
            ("?!", ""),
        ];
        for (text, slug) in cases {
            assert_eq!(slugify(text), slug, "slug of {text:?}");
        }
    }
}
