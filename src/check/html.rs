//! Reads the tags and attributes of rendered HTML, and the URLs of CSS,
//! as far as checking them needs: a small tokenizer that skips comments
//! and the content of scripts, not a full HTML parser. It changes nothing.

/// One start tag: lower-case name and its attributes (values decoded).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Tag {
    pub name: String,
    pub attrs: Vec<(String, String)>,
}

impl Tag {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// What a page holds that can point elsewhere: its start tags, and the
/// text of its `<style>` elements.
#[derive(Debug, Default)]
pub(crate) struct Document {
    pub tags: Vec<Tag>,
    pub styles: Vec<String>,
}

pub(crate) fn parse(html: &str) -> Document {
    let mut doc = Document::default();
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(found) = html[i..].find('<') {
        i += found;
        let rest = &html[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        let name_len = rest[1..].bytes().take_while(|b| b.is_ascii_alphanumeric()).count();
        if name_len == 0 || !bytes[i + 1].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let name = rest[1..=name_len].to_ascii_lowercase();
        let (attrs, len) = attributes(&rest[1 + name_len..]);
        i += 1 + name_len + len;
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            let end = html[i..].to_ascii_lowercase().find(&close).map_or(html.len(), |e| i + e);
            if name == "style" {
                doc.styles.push(html[i..end].to_string());
            }
            i = end;
        }
        doc.tags.push(Tag { name, attrs });
    }
    doc
}

/// The attributes up to the end of the tag, and the length read (`>` included).
fn attributes(text: &str) -> (Vec<(String, String)>, usize) {
    let bytes = text.as_bytes();
    let mut attrs = Vec::new();
    let mut i = 0;
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            return (attrs, i);
        }
        if bytes[i] == b'>' {
            return (attrs, i + 1);
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = text[start..i].to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < bytes.len() && matches!(bytes[i], b'"' | b'\'') {
                let quote = bytes[i] as char;
                let end = text[i + 1..].find(quote).map_or(text.len(), |e| i + 1 + e);
                value = decode(&text[i + 1..end]);
                i = (end + 1).min(text.len());
            } else {
                let start = i;
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                    i += 1;
                }
                value = decode(&text[start..i]);
            }
        }
        if name.is_empty() {
            i += 1;
        } else {
            attrs.push((name, value));
        }
    }
}

/// Decodes the character references templates and Markdown write in attributes.
fn decode(value: &str) -> String {
    if !value.contains('&') {
        return value.to_string();
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&semi| semi <= 10).and_then(|semi| {
            let entity = &rest[1..semi];
            let c = match entity {
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "lt" => Some('<'),
                "gt" => Some('>'),
                _ => entity.strip_prefix('#').and_then(|n| {
                    let code = match n.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => n.parse().ok(),
                    };
                    code.and_then(char::from_u32)
                }),
            };
            c.map(|c| (c, semi + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The URLs a style sheet refers to: `url(...)` and `@import "..."`.
pub(crate) fn css_urls(css: &str) -> Vec<String> {
    let mut urls = Vec::new();
    let lower = css.to_ascii_lowercase();
    let mut i = 0;
    while let Some(found) = lower[i..].find("url(") {
        let start = i + found + 4;
        let end = css[start..].find(')').map_or(css.len(), |e| start + e);
        let url = css[start..end].trim().trim_matches(['"', '\'']).trim();
        urls.push(url.to_string());
        i = end.max(start);
    }
    let mut i = 0;
    while let Some(found) = lower[i..].find("@import") {
        let start = i + found + 7;
        let rest = css[start..].trim_start();
        if let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') {
            let inner = &rest[1..];
            urls.push(inner[..inner.find(quote).unwrap_or(inner.len())].to_string());
        }
        i = start;
    }
    urls
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_attributes_are_read() {
        let doc = parse(
            "<!-- <a href=\"/no\"> --><A HREF='/a?x=1&amp;y=2' class=x>t</a><img src=/i.png alt><script src=\"/s.js\">if (a<b) {}</script><style>body{background:url(\"/b.png\")}</style><br/>",
        );
        let names: Vec<&str> = doc.tags.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["a", "img", "script", "style", "br"]);
        assert_eq!(doc.tags[0].attr("href"), Some("/a?x=1&y=2"));
        assert_eq!(doc.tags[1].attr("src"), Some("/i.png"));
        assert_eq!(doc.tags[1].attr("alt"), Some(""));
        assert_eq!(doc.tags[2].attr("src"), Some("/s.js"));
        assert_eq!(css_urls(&doc.styles[0]), ["/b.png"]);
    }

    #[test]
    fn css_imports_and_urls() {
        let css = "@import 'https://cdn.example.com/a.css';\na { background: URL( img/x.svg ) }";
        assert_eq!(css_urls(css), ["img/x.svg", "https://cdn.example.com/a.css"]);
    }
}
