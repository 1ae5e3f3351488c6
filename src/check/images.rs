//! What `check` says of the images a build processed: a source smaller
//! than the size it is shown at (blurred when the browser enlarges it, or
//! published smaller than asked, never enlarged) and a published file
//! still heavier than `[images] budget_kb`. Each warning is put where a
//! content file (or else a template) names the image.

use crate::diag::Diagnostic;
use crate::images::{Findings, Purpose};

use super::Site;

pub(crate) fn check(site: &Site, findings: &Findings) -> Vec<Diagnostic> {
    let place = |source: &str| {
        let found = site.locate(source).into_iter().next();
        found.unwrap_or_else(|| (format!("static/{source}"), 1, 1))
    };
    let url = |source: &str| format!("/{source}");
    let mut out = Vec::new();
    for short in &findings.short {
        let (path, line, col) = place(&short.source);
        let (width, height) = short.has;
        let url = url(&short.source);
        let asked = short.asked.0;
        let (message, hint) = match short.purpose {
            Purpose::Column => (
                tr!("check-image-short-column", url = url, width = width, height = height, asked = asked),
                tr!("check-image-short-column-hint", asked = asked),
            ),
            Purpose::Sharing => (
                tr!("check-image-short-sharing", url = url, width = width, height = height),
                tr!("check-image-short-sharing-hint"),
            ),
            Purpose::Template => {
                let asked = format!("{}×{}", short.asked.0, short.asked.1);
                let message =
                    tr!("check-image-short-template", url = url, width = width, height = height, asked = asked);
                (message, tr!("check-image-short-template-hint"))
            }
        };
        out.push(Diagnostic::warning(path, line, col, message).with_hint(hint));
    }
    let budget = site.config.images.budget_kb;
    for heavy in &findings.heavy {
        let (path, line, col) = place(&heavy.source);
        let kb = heavy.bytes.div_ceil(1000);
        let message =
            tr!("check-image-heavy", url = url(&heavy.source), size = kb, budget = budget, file = url(&heavy.file));
        out.push(Diagnostic::warning(path, line, col, message).with_hint(tr!("check-image-heavy-hint")));
    }
    out
}
