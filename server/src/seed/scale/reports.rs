//! Two years of problem reports, about 140 a day, with their handling records: most
//! confirmed and rated, the last days' still open, one in twenty merged into the case
//! before it; a third are public and some of those have neighbours' "me too". The newest
//! public case is the biggest: thousands of "me too" and a record of many rounds of
//! resolving and reopening. One report in twenty has a photo; one photo is phone-sized.

use std::io::Cursor;

use linli_api::reports::{Party, ReportCategory, ReportEventKind as Kind, Route};
use sqlx::AnyConnection;

use super::bulk::{row, Ids, Table};
use super::people::{Person, Town};
use super::{text, Seeding};

const DAY: i64 = 86_400_000;
const HOUR: i64 = 3_600_000;
/// Rounds of "resolved" and "reopened" on the biggest case.
const REOPENED: i64 = 12;

/// Where a case stands and the steps its record holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Submitted,
    Accepted,
    InProgress,
    Resolved,
    Confirmed,
    Merged,
}

impl Stage {
    /// A case's stage by how long ago it was reported (`age` in days) and its number.
    fn of(age: f64, i: usize) -> Stage {
        match (age, i % 20) {
            (_, 7) if age > 2.0 => Stage::Merged,
            (a, n) if a < 2.0 => [Stage::Submitted, Stage::Accepted, Stage::InProgress][n % 3],
            (a, n) if a < 10.0 => [Stage::InProgress, Stage::Resolved, Stage::Resolved, Stage::Confirmed][n % 4],
            _ => Stage::Confirmed,
        }
    }

    fn state(self) -> &'static str {
        match self {
            Stage::Submitted => "submitted",
            Stage::Accepted => "accepted",
            Stage::InProgress => "in_progress",
            Stage::Resolved => "resolved",
            Stage::Confirmed => "confirmed",
            Stage::Merged => "merged",
        }
    }
}

/// A tiny image for most photos, and one of the size a phone sends (both re-encoded as
/// the server stores them).
fn images() -> (Vec<u8>, Vec<u8>) {
    let small = image::RgbImage::from_fn(16, 12, |x, y| image::Rgb([(x * 16) as u8, (y * 20) as u8, 120]));
    let large = image::RgbImage::from_fn(1280, 960, |x, y| image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x * y) % 239) as u8]));
    let encode = |picture: &image::RgbImage, format| {
        let mut bytes = Cursor::new(Vec::new());
        picture.write_to(&mut bytes, format).expect("an image encodes in memory");
        bytes.into_inner()
    };
    (encode(&small, image::ImageFormat::Png), encode(&large, image::ImageFormat::Jpeg))
}

pub async fn report(conn: &mut AnyConnection, seeding: &mut Seeding, town: &Town) -> Result<usize, sqlx::Error> {
    let count = seeding.sizes.reports;
    let first = Ids::of(conn, "reports").await?.take();
    let first_upload = Ids::of(conn, "uploads").await?.take();
    // Report `i` counts back from the newest (0); ids grow with time.
    let id_of = |i: usize| first + (count - 1 - i) as i64;
    let biggest = 3.min(count - 1);
    let has_photo = |i: usize| (count - 1 - i).is_multiple_of(20) || i == biggest;
    // The biggest case's photo is the phone-sized one, after all the others.
    let upload_of = |i: usize| if i == biggest { first_upload + count as i64 / 20 + 1 } else { first_upload + (count - 1 - i) as i64 / 20 };

    let (small, large) = images();
    let mut uploads = Table::new("uploads", &["id", "community_id", "uploader_id", "content_type", "width", "height", "data", "created_at", "private"]);
    let mut reports = Table::new(
        "reports",
        &["id", "community_id", "reporter_id", "reported_by", "household_id", "category", "location", "description", "public", "state", "party",
          "routed_at", "accept_within_minutes", "handler_id", "merged_into", "rating_stars", "rating_comment", "submitted_at", "accepted_at",
          "resolved_at", "confirmed_at"],
    );
    let mut cases = Vec::with_capacity(count);
    for i in (0..count).rev() {
        let age = i as f64 * 730.0 / count as f64 + 0.01;
        let submitted = seeding.ago(age);
        let stage = match i {
            _ if i == biggest => Stage::InProgress,
            // The oldest case has no case before it to be merged into.
            _ if i + 1 == count => Stage::Confirmed,
            _ => Stage::of(age, i),
        };
        let category = ReportCategory::ALL[i % ReportCategory::ALL.len()];
        let route = Route::default_for(category);
        let reporter = town.resident(i);
        let handler = handler(town, route.party, i);
        let public = i % 3 == 0;
        let times = Times::of(stage, submitted, i == biggest);
        if has_photo(i) {
            let (data, kind, width, height) = if i == biggest { (large.clone(), "image/jpeg", 1280_i64, 960_i64) } else { (small.clone(), "image/png", 16, 12) };
            // A private case's photos are private, as `keep_private` makes them.
            uploads.add(conn, row![upload_of(i), town.community.0, reporter.id.0, kind, width, height, data, submitted, !public]).await?;
        }
        let merged_into = (stage == Stage::Merged).then(|| id_of(i + 1));
        let rating = (stage == Stage::Confirmed).then_some(3 + (i % 3) as i64);
        let comment = rating.filter(|_| i % 4 == 0).map(|_| "处理及时，谢谢！");
        let row = row![
            id_of(i), town.community.0, reporter.id.0, reporter.id.0, reporter.household.map(|h| h.0), category.as_str(),
            format!("{}栋{}", i % town.buildings.len() + 1, text::pick(&text::REPORT_PLACES, i)), text::pick(&text::REPORT_DESCRIPTIONS, i), public,
            stage.state(), route.party.as_str(), submitted, i64::from(route.accept_within_minutes),
            (stage != Stage::Submitted && stage != Stage::Merged).then_some(handler.id.0), merged_into, rating, comment, submitted,
            times.accepted, times.resolved, times.confirmed
        ];
        reports.add(conn, row).await?;
        cases.push(Case { i, id: id_of(i), stage, reporter, handler, submitted, times });
    }
    let mut rows = uploads.finish(conn).await?;
    rows += reports.finish(conn).await?;

    let mut photos = Table::new("report_photos", &["report_id", "position", "upload_id"]);
    for case in cases.iter().filter(|case| has_photo(case.i)) {
        photos.add(conn, row![case.id, 0_i64, upload_of(case.i)]).await?;
    }
    rows += photos.finish(conn).await?;
    rows += records(conn, town, &cases).await?;
    rows += me_too(conn, seeding, town, &cases, biggest).await?;
    super::bulk::continue_ids(conn, seeding.backend, &["uploads", "reports", "report_events"]).await?;
    Ok(rows)
}

/// Who handles a case of `party`: the property company's people or the residents'
/// committee's staff, in turn.
fn handler(town: &Town, party: Party, i: usize) -> &Person {
    match party {
        Party::PropertyCompany => &town.property[i % town.property.len()],
        _ => &town.staff[i % town.staff.len()],
    }
}

struct Case<'a> {
    i: usize,
    id: i64,
    stage: Stage,
    reporter: &'a Person,
    handler: &'a Person,
    submitted: i64,
    times: Times,
}

/// When a case's steps happened, as far as it got.
#[derive(Clone, Copy)]
struct Times {
    accepted: Option<i64>,
    started: Option<i64>,
    resolved: Option<i64>,
    confirmed: Option<i64>,
}

impl Times {
    fn of(stage: Stage, submitted: i64, reopened: bool) -> Times {
        let reached = |stages: &[Stage]| stages.contains(&stage);
        let resolved_at = submitted + if reopened { 2 * REOPENED * HOUR } else { DAY };
        Times {
            accepted: reached(&[Stage::Accepted, Stage::InProgress, Stage::Resolved, Stage::Confirmed]).then_some(submitted + HOUR / 2),
            started: reached(&[Stage::InProgress, Stage::Resolved, Stage::Confirmed]).then_some(submitted + 2 * HOUR),
            resolved: (reached(&[Stage::Resolved, Stage::Confirmed]) || reopened).then_some(resolved_at),
            confirmed: reached(&[Stage::Confirmed]).then_some(resolved_at + 2 * DAY),
        }
    }
}

/// Each case's record: reported, then each step it took; the biggest also goes round
/// resolving and reopening.
async fn records(conn: &mut AnyConnection, town: &Town, cases: &[Case<'_>]) -> Result<usize, sqlx::Error> {
    let mut events = Table::new("report_events", &["id", "report_id", "kind", "actor_id", "actor_name", "detail", "party", "at"]);
    let mut ids = Ids::of(conn, "report_events").await?;
    for case in cases {
        let mut step = |kind: Kind, actor: &Person, detail: &str, at: i64| {
            row![ids.take(), case.id, kind.as_str(), actor.id.0, actor.name.as_str(), detail, None::<String>, at]
        };
        let mut steps = vec![step(Kind::Submitted, case.reporter, "", case.submitted)];
        if case.stage == Stage::Merged {
            let into = format!("#{}", case.id - 1);
            steps.push(step(Kind::Merged, &town.staff[0], &into, case.submitted + HOUR));
        }
        if let Some(at) = case.times.accepted {
            steps.push(step(Kind::Accepted, case.handler, "", at));
        }
        if let Some(at) = case.times.started {
            steps.push(step(Kind::Started, case.handler, "", at));
        }
        if case.stage == Stage::InProgress && case.times.resolved.is_some() {
            // The biggest case: resolved and reopened round after round.
            for round in 0..REOPENED {
                let at = case.submitted + (2 * round + 3) * HOUR;
                steps.push(step(Kind::Resolved, case.handler, "已处理，请确认。", at));
                steps.push(step(Kind::Reopened, case.reporter, "还是不行，问题没有解决。", at + HOUR));
            }
        } else if let Some(at) = case.times.resolved {
            steps.push(step(Kind::Resolved, case.handler, "已修复，请确认。", at));
        }
        if let Some(at) = case.times.confirmed {
            steps.push(step(Kind::Confirmed, case.reporter, "", at));
        }
        for row in steps {
            events.add(conn, row).await?;
        }
    }
    events.finish(conn).await
}

/// Neighbours' "me too" on public cases: one to five on one in five, and the biggest
/// case's crowd. A reporter never seconds their own case.
async fn me_too(conn: &mut AnyConnection, seeding: &Seeding, town: &Town, cases: &[Case<'_>], biggest: usize) -> Result<usize, sqlx::Error> {
    let mut seconds = Table::new("report_seconds", &["report_id", "user_id", "at"]);
    for case in cases.iter().filter(|case| case.i % 3 == 0 && case.stage != Stage::Merged) {
        let count = if case.i == biggest { seeding.sizes.me_too_on_biggest } else if case.i % 5 == 0 { 1 + case.i % 5 } else { 0 };
        let count = count.min(town.residents.len() - 1);
        for s in 0..count {
            let neighbour = town.resident(case.i + 1 + s);
            seconds.add(conn, row![case.id, neighbour.id.0, case.submitted + 60_000 * (s as i64 + 1)]).await?;
        }
    }
    seconds.finish(conn).await
}
