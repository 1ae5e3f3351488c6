//! Owns the `build` command's contract: writing a whole build atomically
//! to the output folder. The phases themselves run in `builder`, shared
//! with `serve`; the options and reading `site.toml` are `options`'.

use crate::builder::{Builder, Report};
use crate::output;

// Named here by `main` and the integration tests.
pub use crate::options::BuildOptions;

/// `passerelle build`: checks everything, renders into a staging folder,
/// and swaps it in only when there is no error.
pub fn build(options: &BuildOptions) -> std::io::Result<Report> {
    let staging = output::Staging::new(&options.output)?;
    let mut builder = Builder::once(options.clone());
    let _display = crate::progress::Display::start(builder.progress());
    let report = builder.build(&staging)?;
    if report.summary.is_some() {
        staging.commit()?;
    }
    Ok(report)
}
