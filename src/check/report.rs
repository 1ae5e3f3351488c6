//! Formats the findings of `check` for people (grouped by file, counts at
//! the end, coloured on request) and for CI (one JSON document). It prints
//! nothing and decides no exit code.

use crate::diag::{self, Diagnostic, Diagnostics, Severity};

/// The report for a terminal or a log: a header line per file, its
/// diagnostics as `path:line:col: message`, then `N errors, M warnings`.
pub fn text(diags: &Diagnostics, colour: bool) -> String {
    let paint = |code: &str, text: &str| if colour { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_string() };
    let mut out = String::new();
    let sorted = diags.sorted();
    let mut current: Option<&str> = None;
    for d in &sorted {
        if current != Some(d.path.as_str()) {
            if current.is_some() {
                out.push('\n');
            }
            out.push_str(&paint("1;4", &d.path));
            out.push('\n');
            current = Some(&d.path);
        }
        if colour {
            let (code, label) = match d.severity {
                Severity::Error => ("1;31", tr!("check-error-label")),
                Severity::Warning => ("1;33", tr!("diag-warning")),
            };
            let label = paint(code, &format!("{label} "));
            out.push_str(&format!("{}:{}:{}: {label}{}\n", d.path, d.line, d.col, d.message));
            if let Some(hint) = &d.hint {
                out.push_str(&format!("  {} {hint}\n", paint("36", &tr!("diag-hint"))));
            }
        } else {
            out.push_str(&format!("{d}\n"));
        }
    }
    if !sorted.is_empty() {
        out.push('\n');
    }
    let (errors, warnings) = counts(&sorted);
    let summary = diag::counts(errors, warnings);
    let code = if errors > 0 {
        "1;31"
    } else if warnings > 0 {
        "1;33"
    } else {
        "1;32"
    };
    out.push_str(&paint(code, &summary));
    out.push('\n');
    out
}

/// The same findings as one JSON document:
/// `{"errors": n, "warnings": m, "diagnostics": [{"severity", "path", "line", "col", "message", "hint"}]}`.
pub fn json(diags: &Diagnostics) -> String {
    let sorted = diags.sorted();
    let (errors, warnings) = counts(&sorted);
    let items: Vec<serde_json::Value> = sorted
        .iter()
        .map(|d| {
            serde_json::json!({
                "severity": match d.severity { Severity::Error => "error", Severity::Warning => "warning" },
                "path": d.path,
                "line": d.line,
                "col": d.col,
                "message": d.message,
                "hint": d.hint,
            })
        })
        .collect();
    let document = serde_json::json!({ "errors": errors, "warnings": warnings, "diagnostics": items });
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

/// Errors and warnings of the deduplicated findings.
fn counts(sorted: &[Diagnostic]) -> (usize, usize) {
    let errors = sorted.iter().filter(|d| d.is_error()).count();
    (errors, sorted.len() - errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings() -> Diagnostics {
        [
            Diagnostic::warning("content/b.md", 2, 1, "w").with_hint("h"),
            Diagnostic::error("content/a.md", 1, 1, "e"),
            Diagnostic::error("content/a.md", 3, 4, "f"),
        ]
        .into_iter()
        .collect()
    }

    #[test]
    fn text_groups_by_file_and_counts() {
        assert_eq!(
            text(&findings(), false),
            "content/a.md\ncontent/a.md:1:1: e\ncontent/a.md:3:4: f\n\ncontent/b.md\ncontent/b.md:2:1: warning: w\n  hint: h\n\n2 errors, 1 warning\n"
        );
        assert_eq!(text(&Diagnostics::new(), false), "0 errors, 0 warnings\n");
    }

    #[test]
    fn colours_paint_the_labels_and_the_counts() {
        assert_eq!(
            text(&findings(), true),
            "\x1b[1;4mcontent/a.md\x1b[0m\ncontent/a.md:1:1: \x1b[1;31merror: \x1b[0me\n\
             content/a.md:3:4: \x1b[1;31merror: \x1b[0mf\n\n\x1b[1;4mcontent/b.md\x1b[0m\n\
             content/b.md:2:1: \x1b[1;33mwarning: \x1b[0mw\n  \x1b[36mhint:\x1b[0m h\n\n\x1b[1;31m2 errors, 1 warning\x1b[0m\n"
        );
    }

    #[test]
    fn json_lists_every_finding() {
        let value: serde_json::Value = serde_json::from_str(&json(&findings())).unwrap();
        assert_eq!(value["errors"], 2);
        assert_eq!(value["warnings"], 1);
        assert_eq!(value["diagnostics"][2]["hint"], "h");
        assert_eq!(value["diagnostics"][0]["hint"], serde_json::Value::Null);
    }
}
