//! The results: one table of every case on both databases, the slowest ten, what was not
//! covered and what PostgreSQL scans.

use std::fmt::Write;
use std::time::Duration;

use linli_server::seed::scale::Sizes;

use crate::cases::{Case, Who};
use crate::{Knobs, Run};

/// The goal for every read route.
pub const GOAL_MS: f64 = 50.0;

/// One case's timings on one backend.
pub struct Measured {
    pub route: &'static str,
    pub who: Who,
    pub variant: String,
    pub samples: Vec<Duration>,
    /// The answer's size (up to the first bytes of the event stream).
    pub bytes: usize,
    pub failure: Option<String>,
}

impl Measured {
    pub fn of(case: &Case) -> Self {
        Measured { route: case.route, who: case.who, variant: case.variant.clone(), samples: Vec::new(), bytes: 0, failure: None }
    }

    /// The `p` quantile in milliseconds (nearest rank).
    pub fn percentile(&self, p: f64) -> Option<f64> {
        let mut sorted = self.samples.clone();
        sorted.sort();
        let rank = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len().max(1)) - 1;
        sorted.get(rank).map(|took| took.as_secs_f64() * 1000.0)
    }

    pub fn p95(&self) -> f64 {
        self.percentile(0.95).unwrap_or(f64::INFINITY)
    }

    pub fn summary(&self) -> String {
        match &self.failure {
            Some(failure) => format!("FAILED {failure}"),
            None => format!(
                "p50 {:>8.1} ms  p95 {:>8.1} ms  n={:<3} {:>10}{}",
                self.percentile(0.5).unwrap_or_default(),
                self.p95(),
                self.samples.len(),
                size(self.bytes),
                if self.p95() >= GOAL_MS { "  ≥ 50 ms" } else { "" }
            ),
        }
    }
}

fn size(bytes: usize) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MB", b as f64 / (1 << 20) as f64),
        b if b >= 1 << 10 => format!("{:.1} kB", b as f64 / (1 << 10) as f64),
        b => format!("{b} B"),
    }
}

/// A cell of milliseconds, bold at or over the goal.
fn ms(value: Option<f64>) -> String {
    match value {
        Some(ms) if ms >= GOAL_MS => format!("**{ms:.1}**"),
        Some(ms) => format!("{ms:.1}"),
        None => "–".into(),
    }
}

fn cell(measured: Option<&Measured>, p: f64) -> String {
    match measured {
        Some(Measured { failure: Some(_), .. }) => "failed".into(),
        Some(measured) => ms(measured.percentile(p)),
        None => "–".into(),
    }
}

/// The backends' measurements of case `i`.
fn row(runs: &[Run], i: usize) -> Vec<Option<&Measured>> {
    runs.iter().map(|run| run.measured.get(i)).collect()
}

fn worst_p95(row: &[Option<&Measured>]) -> f64 {
    row.iter().flatten().map(|measured| measured.p95()).fold(0.0, f64::max)
}

pub fn markdown(knobs: &Knobs, runs: &[Run]) -> String {
    let sizes = Sizes::at(knobs.scale);
    let names: Vec<&str> = runs.iter().map(|run| if run.backend == "sqlite" { "SQLite" } else { "PostgreSQL" }).collect();
    let mut out = String::new();
    let _ = writeln!(out, "# Scale benchmark: every GET route on a community of {} households\n", sizes.households);
    let _ = writeln!(
        out,
        "Written by `cargo bench -p linli-server --bench scale` (scale {}), {}. The data set: one community of {} households and {} \
         residents with {} notices, an owners' vote with {} ballots, {} topics (one with a {}-comment thread), {} problem reports, \
         {} group buys with {} orders, {} bookings, {} wishes, {} help requests and {} family links; {} small communities beside it \
         (`server/src/seed/scale.rs`).\n",
        knobs.scale,
        chrono::Utc::now().format("%Y-%m-%d"),
        sizes.households,
        sizes.residents(),
        sizes.notices,
        sizes.households,
        sizes.topics,
        sizes.thread_comments,
        sizes.reports,
        sizes.campaigns,
        sizes.orders,
        sizes.bookings,
        sizes.wishes,
        sizes.help_requests,
        sizes.family_links,
        sizes.small_communities,
    );
    let _ = writeln!(
        out,
        "Times are the client's wall time in milliseconds from sending a request to the answer's last byte (the event stream: its \
         first bytes), over loopback, one request at a time, client and server in one process on this 2-core machine, after one \
         request to warm up; up to {} requests per case (fewer for a case that took over {} s). The goal is p95 under {GOAL_MS} ms: \
         bold values miss it. Deep pages are {} pages in (following each list's cursor), or the last page of a shorter list.\n",
        knobs.repeats,
        knobs.case_budget.as_secs(),
        knobs.pages
    );
    for run in runs {
        let seeded = match run.seeding {
            Some(took) => format!("seeded in {:.0} s", took.as_secs_f64()),
            None => "seeded earlier (kept file reused)".into(),
        };
        let missed = run.measured.iter().filter(|measured| measured.failure.is_none() && measured.p95() >= GOAL_MS).count();
        let _ = writeln!(out, "- {}: {seeded}; {} of {} cases at or over {GOAL_MS} ms p95.", name_of(run), missed, run.measured.len());
    }

    let mut order: Vec<usize> = (0..runs.first().map_or(0, |run| run.measured.len())).collect();
    order.sort_by(|a, b| worst_p95(&row(runs, *b)).total_cmp(&worst_p95(&row(runs, *a))));
    let _ = writeln!(out, "\n## The slowest ten (by the larger p95)\n");
    let header: String = names.iter().map(|name| format!(" {name} p50 | {name} p95 |")).collect();
    let _ = writeln!(out, "| route | role | variant | answer |{header} n |");
    let _ = writeln!(out, "|---|---|---|---:|{}---:|", "---:|---:|".repeat(names.len()));
    for &i in order.iter().take(10) {
        write_row(&mut out, runs, i);
    }
    let _ = writeln!(out, "\n## At or over the goal (p95 of {GOAL_MS} ms or more on either database), slowest first\n");
    let flagged: Vec<usize> = order.iter().copied().filter(|&i| worst_p95(&row(runs, i)) >= GOAL_MS).collect();
    if flagged.is_empty() {
        let _ = writeln!(out, "None.");
    }
    for i in flagged {
        let measured = row(runs, i);
        let Some(first) = measured.iter().flatten().next() else { continue };
        let p95s: Vec<String> = runs.iter().zip(&measured).map(|(run, m)| format!("{} {}", name_of(run), cell(*m, 0.95))).collect();
        let _ = writeln!(out, "- `{}` as {} ({}): p95 {} ms", first.route, first.who.name(), first.variant, p95s.join(", "));
    }
    let _ = writeln!(out, "\n## Every case\n");
    let _ = writeln!(out, "| route | role | variant | answer |{header} n |");
    let _ = writeln!(out, "|---|---|---|---:|{}---:|", "---:|---:|".repeat(names.len()));
    for i in 0..order.len() {
        write_row(&mut out, runs, i);
    }

    let _ = writeln!(out, "\n## Routes of the OpenAPI document that no case covers\n");
    match runs.iter().flat_map(|run| run.uncovered.iter()).collect::<std::collections::BTreeSet<_>>() {
        uncovered if uncovered.is_empty() => {
            let _ = writeln!(out, "None: every GET route is timed.");
        }
        uncovered => {
            for route in uncovered {
                let _ = writeln!(out, "- `GET {route}`");
            }
        }
    }
    for run in runs {
        let _ = writeln!(out, "\n## {}: whole-table scans of growing tables in the routes' query plans\n", name_of(run));
        let _ = writeln!(out, "{}", crate::explain::describe(&run.plans));
    }
    out
}

fn name_of(run: &Run) -> &'static str {
    if run.backend == "sqlite" { "SQLite" } else { "PostgreSQL" }
}

fn write_row(out: &mut String, runs: &[Run], i: usize) {
    let measured = row(runs, i);
    let Some(first) = measured.iter().flatten().next() else { return };
    let times: String = measured.iter().map(|m| format!(" {} | {} |", cell(*m, 0.5), cell(*m, 0.95))).collect();
    let counts: Vec<String> = measured.iter().flatten().map(|m| m.samples.len().to_string()).collect();
    let _ = writeln!(
        out,
        "| `{}` | {} | {} | {} |{times} {} |",
        first.route,
        first.who.name(),
        first.variant,
        size(first.bytes),
        counts.join("/")
    );
}

/// What makes the run fail: routes no case covers, and answers other than success.
pub fn failures(runs: &[Run]) -> Vec<String> {
    let mut failures = Vec::new();
    for run in runs {
        for route in &run.uncovered {
            failures.push(format!("{}: GET {route} is in the OpenAPI document but no case covers it", run.backend));
        }
        for measured in &run.measured {
            if let Some(failure) = &measured.failure {
                failures.push(format!("{}: {} as {} ({}) failed: {failure}", run.backend, measured.route, measured.who.name(), measured.variant));
            }
        }
    }
    failures
}
