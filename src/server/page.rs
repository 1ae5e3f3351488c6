//! What the dev server adds to HTML pages as it answers them: the live-reload
//! script tag and, while the last build failed, the error overlay. It works on
//! copies of the bytes; the snapshot itself is never changed, and nothing here
//! parses or rewrites the rest of the page.

use std::fmt::Write as _;

use crate::diag::{Diagnostic, Severity};

/// Inserted before the last `</body>`; the path is outside the site's root on purpose.
pub(super) const SCRIPT_TAG: &str = r#"<script src="/__passerelle/live.js" defer></script>"#;

/// White on dark red (contrast above 11:1), pale yellow hints (above 9:1).
const STYLE: &str = "#passerelle-errors{position:fixed;top:0;left:0;right:0;z-index:2147483647;\
max-height:85vh;overflow:auto;box-sizing:border-box;margin:0;padding:1rem 1.25rem;\
background:#7a0000;color:#fff;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;\
text-align:left;border-bottom:4px solid #fff;box-shadow:0 4px 18px rgba(0,0,0,.5)}\
#passerelle-errors *{color:inherit;background:none;font:inherit;margin:0;padding:0;border:0;\
text-transform:none;letter-spacing:normal;float:none;box-shadow:none}\
#passerelle-errors h2{font-size:1.25rem;font-weight:700;margin:0 7rem .25rem 0}\
#passerelle-errors ol{list-style:decimal;margin:.75rem 0 0 1.75rem}\
#passerelle-errors li{display:list-item;margin:0 0 .75rem}\
#passerelle-errors p{display:block}\
#passerelle-errors code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-weight:700;\
overflow-wrap:anywhere}\
#passerelle-errors .passerelle-hint{color:#ffe08a}\
#passerelle-errors button{position:absolute;top:1rem;right:1.25rem;background:#fff;color:#7a0000;\
font-weight:700;padding:.25rem .75rem;border:2px solid #fff;border-radius:4px;cursor:pointer}\
#passerelle-errors button:focus-visible{outline:3px solid #ffe08a;outline-offset:2px}";

const LIVE_JS: &str = include_str!("live.js");

/// `html` with the script tag before its last `</body>` (appended when there
/// is none) and `overlay`, if any, right after its `<body …>` tag.
pub(super) fn decorate(html: &[u8], overlay: Option<&str>, toolbar: Option<&str>) -> Vec<u8> {
    let end = rfind_tag(html, b"</body").unwrap_or(html.len());
    let mut inserts = vec![(end, SCRIPT_TAG)];
    if let Some(toolbar) = toolbar {
        inserts.push((end, toolbar));
    }
    if let Some(overlay) = overlay {
        inserts.push((body_content_start(html), overlay));
    }
    // Stable: the toolbar stays after the script at the same place.
    inserts.sort_by_key(|(at, _)| *at);
    let extra: usize = inserts.iter().map(|(_, text)| text.len()).sum();
    let mut out = Vec::with_capacity(html.len() + extra);
    let mut copied = 0;
    for (at, text) in inserts {
        out.extend_from_slice(&html[copied..at]);
        out.extend_from_slice(text.as_bytes());
        copied = at;
    }
    out.extend_from_slice(&html[copied..]);
    out
}

/// The overlay markup for `errors`, every text escaped, in the language of
/// the process; `has_site` tells whether a last good site is shown under it.
pub(super) fn overlay(errors: &[Diagnostic], has_site: bool) -> String {
    let mut html = format!(
        r#"<div id="passerelle-errors" role="alert" aria-live="assertive" lang="{}"><style>{STYLE}</style><button type="button" data-passerelle-dismiss onclick="this.parentNode.remove()">{}</button><h2>{}</h2><p>{}</p><ol>"#,
        crate::messages::locale().code(),
        escape(&tr!("serve-overlay-dismiss")),
        escape(&heading(has_site)),
        escape(&count(errors))
    );
    for error in errors {
        let _ = write!(
            html,
            "<li><code>{}:{}:{}</code><p>{}</p>",
            escape(&error.path),
            error.line,
            error.col,
            escape(&message(error))
        );
        if let Some(hint) = &error.hint {
            let _ = write!(html, r#"<p class="passerelle-hint">{} {}</p>"#, escape(&tr!("diag-hint")), escape(hint));
        }
        html.push_str("</li>");
    }
    html.push_str("</ol></div>");
    html
}

/// The data of an `errors` event: the overlay's heading and count, and the
/// errors as an array of `{path, line, col, message, hint}`.
pub(super) fn errors_json(errors: &[Diagnostic], has_site: bool) -> String {
    let items: Vec<_> = errors
        .iter()
        .map(|error| {
            serde_json::json!({
                "path": error.path,
                "line": error.line,
                "col": error.col,
                "message": message(error),
                "hint": error.hint,
            })
        })
        .collect();
    serde_json::json!({ "heading": heading(has_site), "count": count(errors), "errors": items }).to_string()
}

/// The live-reload script, told which generation of the site the page came
/// from and the overlay's fixed texts in the language of the process.
pub(super) fn live_js(generation: u64) -> String {
    let config = serde_json::json!({
        "generation": generation,
        "style": STYLE,
        "lang": crate::messages::locale().code(),
        "dismiss": tr!("serve-overlay-dismiss"),
        "hint": tr!("diag-hint"),
    });
    LIVE_JS.replacen("/*config*/", &config.to_string(), 1)
}

fn heading(has_site: bool) -> String {
    if has_site { tr!("serve-overlay-heading-last-good") } else { tr!("serve-overlay-heading-no-site") }
}

/// "2 errors", or "1 error, 1 warning" when there are warnings too.
fn count(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    tr!("serve-overlay-count", errors = errors, warnings = warnings)
}

fn message(error: &Diagnostic) -> String {
    match error.severity {
        Severity::Error => error.message.clone(),
        Severity::Warning => format!("{} {}", tr!("diag-warning"), error.message),
    }
}

pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Where the body's content starts: after `<body …>`, else after `</head>`, else 0.
fn body_content_start(html: &[u8]) -> usize {
    let open = find_tag(html, b"<body").or_else(|| find_tag(html, b"</head"));
    match open {
        Some(at) => html[at..].iter().position(|&b| b == b'>').map_or(html.len(), |end| at + end + 1),
        None => 0,
    }
}

/// First `tag` (ASCII case-insensitive) that is followed by the end of its name.
fn find_tag(html: &[u8], tag: &[u8]) -> Option<usize> {
    (0..html.len()).find(|&at| tag_at(html, at, tag))
}

fn rfind_tag(html: &[u8], tag: &[u8]) -> Option<usize> {
    (0..html.len()).rev().find(|&at| tag_at(html, at, tag))
}

fn tag_at(html: &[u8], at: usize, tag: &[u8]) -> bool {
    html.len() >= at + tag.len()
        && html[at..at + tag.len()].eq_ignore_ascii_case(tag)
        && html.get(at + tag.len()).is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_last_body_end_tag() {
        let s = SCRIPT_TAG;
        let cases = [
            ("<html><body><p>hi</p></body></html>", format!("<html><body><p>hi</p>{s}</body></html>")),
            ("<BODY>x</BODY >", format!("<BODY>x{s}</BODY >")),
            ("<body><pre>&lt;/body></pre></body>", format!("<body><pre>&lt;/body></pre>{s}</body>")),
            ("<p>fragment</p>", format!("<p>fragment</p>{s}")),
            ("<body>x</bodyguard>", format!("<body>x</bodyguard>{s}")),
            ("", s.to_owned()),
        ];
        for (html, expected) in cases {
            assert_eq!(String::from_utf8_lossy(&decorate(html.as_bytes(), None, None)), expected, "{html}");
        }
    }

    #[test]
    fn the_overlay_goes_right_after_the_body_start_tag() {
        let (s, o) = (SCRIPT_TAG, "[O]");
        let cases = [
            (r#"<head></head><body class="a">x</body>"#, format!(r#"<head></head><body class="a">{o}x{s}</body>"#)),
            ("<Body\n>x</body>", format!("<Body\n>{o}x{s}</body>")),
            ("<head><title>t</title></head><p>x", format!("<head><title>t</title></head>{o}<p>x{s}")),
            ("<bodyx><p>x", format!("{o}<bodyx><p>x{s}")),
        ];
        for (html, expected) in cases {
            assert_eq!(String::from_utf8_lossy(&decorate(html.as_bytes(), Some(o), None)), expected, "{html}");
        }
    }

    #[test]
    fn the_overlay_escapes_everything_and_counts_errors_and_warnings() {
        let errors = vec![
            Diagnostic::error("content/<a>.md", 4, 13, "unknown partner '<script>'").with_hint("did you mean \"x&y\"?"),
            Diagnostic::warning("site.toml", 1, 1, "old"),
        ];
        let html = overlay(&errors, true);
        assert!(html.starts_with(r#"<div id="passerelle-errors" role="alert" aria-live="assertive" lang="en">"#));
        assert!(html.contains(r#"onclick="this.parentNode.remove()">Dismiss</button>"#));
        assert!(
            html.contains(
                "<h2>Build failed — the last good version of the site is shown</h2><p>1 error, 1 warning</p>"
            )
        );
        assert!(html.contains("<code>content/&lt;a&gt;.md:4:13</code><p>unknown partner &#39;&lt;script&gt;&#39;</p>"));
        assert!(html.contains(r#"<p class="passerelle-hint">hint: did you mean &quot;x&amp;y&quot;?</p>"#));
        assert!(html.contains("<p>warning: old</p>"));
        assert!(!html.contains("<script"));
        assert!(overlay(&errors[..1], true).contains("<p>1 error</p>"));
    }

    #[test]
    fn the_overlay_says_when_no_build_ever_succeeded() {
        let errors = [Diagnostic::error("a.md", 1, 1, "x"), Diagnostic::error("b.md", 1, 1, "y")];
        assert!(
            overlay(&errors, false)
                .contains("<h2>Build failed — there is no version of the site to show yet</h2><p>2 errors</p>")
        );
    }

    #[test]
    fn errors_travel_as_json_with_the_heading_and_the_count() {
        let errors =
            vec![Diagnostic::error("a.md", 2, 3, "bad \"x\"").with_hint("h"), Diagnostic::warning("b.md", 1, 1, "c")];
        let parsed: serde_json::Value = serde_json::from_str(&errors_json(&errors, false)).expect("valid JSON");
        let expected = serde_json::json!({
            "heading": "Build failed — there is no version of the site to show yet",
            "count": "1 error, 1 warning",
            "errors": [
                {"path": "a.md", "line": 2, "col": 3, "message": "bad \"x\"", "hint": "h"},
                {"path": "b.md", "line": 1, "col": 1, "message": "warning: c", "hint": null},
            ],
        });
        assert_eq!(parsed, expected);
    }

    #[test]
    fn the_script_is_configured_with_the_generation_and_the_overlay_texts() {
        let js = live_js(42);
        assert!(js.contains(r#"})({"dismiss":"Dismiss","generation":42,"hint":"hint:","lang":"en","style":"#));
        assert!(!js.contains("/*config*/"));
    }

    #[test]
    fn the_overlay_texts_exist_in_french() {
        use crate::messages::{Locale, text_in};
        let fr = |id: &str| text_in(Locale::Fr, id, &[]);
        assert_eq!(
            fr("serve-overlay-heading-last-good"),
            "La construction a échoué — la dernière version correcte du site est affichée"
        );
        assert_eq!(
            fr("serve-overlay-heading-no-site"),
            "La construction a échoué — aucune version du site à afficher pour l'instant"
        );
        assert_eq!(fr("serve-overlay-dismiss"), "Fermer");
        let count = |errors: usize, warnings: usize| {
            text_in(Locale::Fr, "serve-overlay-count", &[("errors", errors.into()), ("warnings", warnings.into())])
        };
        assert_eq!(count(1, 0), "1 erreur");
        assert_eq!(count(3, 0), "3 erreurs");
        assert_eq!(count(2, 1), "2 erreurs, 1 avertissement");
        assert_eq!(count(1, 4), "1 erreur, 4 avertissements");
    }
}
