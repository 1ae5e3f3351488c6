//! Owns escaping text for the XML and HTML passerelle writes itself
//! (feeds, sitemap, redirect pages); templates are escaped by Tera.

/// Appends `text` escaped for XML element content and attribute values
/// alike, without the characters XML 1.0 forbids (control characters other
/// than tab, newline and carriage return, and U+FFFE, U+FFFF). Carriage
/// returns are written as a character reference so parsers keep them.
pub(crate) fn xml_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {}
            _ => out.push(c),
        }
    }
}

/// `text` escaped for XML or HTML content and double-quoted attributes.
pub(crate) fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    xml_into(&mut out, text);
    out
}
