//! Profiling aid: rebuilds a site in-process after editing one news file,
//! RUNS times, so a profiler sees only incremental rebuilds.
//!
//!     PASSERELLE_TIMINGS=1 target/release/examples/rebuild_profile /tmp/site-4000 20

use passerelle::builder::Builder;
use passerelle::output::Memory;
use passerelle::pipeline::BuildOptions;

fn main() {
    let mut args = std::env::args().skip(1);
    let root = std::path::PathBuf::from(args.next().expect("usage: rebuild_profile SITE [RUNS]"));
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(20);
    let options = BuildOptions {
        root: root.clone(),
        output: root.join("public"),
        base_url: None,
        drafts: false,
        future: false,
        today: None,
    };
    let memory = Memory::default();
    let mut builder = Builder::new(options);
    builder.build(&memory).expect("first build");
    let rel = "content/news/news-00100.fr.md".to_string();
    let path = root.join(&rel);
    let original = std::fs::read_to_string(&path).expect("news file");
    let mut times = Vec::new();
    for run in 0..runs {
        std::fs::write(&path, format!("{original}\nrun {run}\n")).expect("write");
        builder.note_changes([&rel]);
        let report = builder.build(&memory).expect("rebuild");
        times.push(report.elapsed.as_secs_f64() * 1000.0);
    }
    std::fs::write(&path, original).expect("restore");
    times.sort_by(f64::total_cmp);
    println!("{runs} rebuilds: median {:.1} ms, min {:.1} ms", times[runs / 2], times[0]);
}
