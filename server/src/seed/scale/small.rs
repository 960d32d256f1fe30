//! The small communities beside the big one: each a building of six households, eight
//! residents and a staff member, with a few notices, problem reports (with their records)
//! and a topic. They make every query of the big community pass over other communities'
//! rows unless it reaches its own by index.

use linli_api::reports::{ReportCategory, Route};
use sqlx::AnyConnection;

use super::bulk::{row, Ids, Table};
use super::{text, Seeding};
use crate::community::register::plan::sort_key;

const HOUSEHOLDS: usize = 6;
const RESIDENTS: usize = 8;
const NOTICES: usize = 5;
const REPORTS: usize = 5;
const DAY: i64 = 86_400_000;

/// Ids handed out for each table the small communities fill.
struct Next {
    community: Ids,
    building: Ids,
    unit: Ids,
    household: Ids,
    user: Ids,
    notice: Ids,
    report: Ids,
    event: Ids,
    topic: Ids,
    comment: Ids,
}

/// Rows of each table, held until all are made and then written parents first.
struct Tables {
    communities: Table,
    buildings: Table,
    units: Table,
    households: Table,
    users: Table,
    notices: Table,
    reports: Table,
    events: Table,
    topics: Table,
    comments: Table,
}

pub async fn communities(conn: &mut AnyConnection, seeding: &mut Seeding) -> Result<usize, sqlx::Error> {
    let mut next = Next {
        community: Ids::of(conn, "communities").await?,
        building: Ids::of(conn, "buildings").await?,
        unit: Ids::of(conn, "units").await?,
        household: Ids::of(conn, "households").await?,
        user: Ids::of(conn, "users").await?,
        notice: Ids::of(conn, "notices").await?,
        report: Ids::of(conn, "reports").await?,
        event: Ids::of(conn, "report_events").await?,
        topic: Ids::of(conn, "topics").await?,
        comment: Ids::of(conn, "topic_comments").await?,
    };
    let mut tables = Tables {
        communities: Table::new("communities", &["id", "name", "service_phone", "utc_offset_minutes", "created_at"]),
        buildings: Table::new("buildings", &["id", "community_id", "name"]),
        units: Table::new("units", &["id", "building_id", "name"]),
        households: Table::new("households", &["id", "community_id", "unit_id", "room", "floor_area_centi_m2", "sort_key"]),
        users: Table::new(
            "users",
            &["id", "community_id", "household_id", "role", "name", "phone", "password_hash", "is_owner", "locale", "privacy_consent_at", "created_at"],
        ),
        notices: Table::new(
            "notices",
            &["id", "community_id", "author_id", "author_name", "title", "body_markdown", "body_html", "category", "pinned", "urgent", "published_at"],
        ),
        reports: Table::new(
            "reports",
            &["id", "community_id", "reporter_id", "reported_by", "household_id", "category", "location", "description", "public", "state", "party",
              "routed_at", "accept_within_minutes", "submitted_at"],
        ),
        events: Table::new("report_events", &["id", "report_id", "kind", "actor_id", "actor_name", "detail", "at"]),
        topics: Table::new(
            "topics",
            &["id", "community_id", "title", "body_markdown", "body_html", "images", "author_id", "created_at", "proposal", "support_needed",
              "support_deadline", "vote_days"],
        ),
        comments: Table::new("topic_comments", &["id", "topic_id", "author_id", "body", "images", "created_at"]),
    };
    let body_html = crate::notices::rules::render_markdown(text::NOTICE_BODIES[1]);
    for c in 0..seeding.sizes.small_communities {
        community(seeding, c, &mut next, &mut tables, &body_html);
    }
    // Parents before children: each table's rows point only at tables written before it.
    let Tables { communities, buildings, units, households, users, notices, reports, events, topics, comments } = tables;
    let mut rows = 0;
    for table in [communities, buildings, units, households, users, notices, reports, events, topics, comments] {
        rows += table.finish(conn).await?;
    }
    super::bulk::continue_ids(
        conn,
        seeding.backend,
        &["communities", "buildings", "units", "households", "users", "notices", "reports", "report_events", "topics", "topic_comments"],
    )
    .await?;
    Ok(rows)
}

/// Small community `c` and everything in it.
fn community(seeding: &Seeding, c: usize, next: &mut Next, tables: &mut Tables, body_html: &str) {
    let now = seeding.now_millis();
    let id = next.community.take();
    // Created over the last five years, so the street office's list spans them.
    let created = seeding.ago(1_825.0 - c as f64 * 1_825.0 / seeding.sizes.small_communities as f64);
    let name = format!("{}小区{}号", text::pick(&text::SHOPS, c).chars().take(2).collect::<String>(), c + 1);
    tables.communities.hold(row![id, name, format!("021-6{:03}-{:04}", c % 1000, c), 480_i64, created]);
    let building = next.building.take();
    tables.buildings.hold(row![building, id, "1栋"]);
    let unit = next.unit.take();
    tables.units.hold(row![unit, building, "1单元"]);
    let mut households = Vec::with_capacity(HOUSEHOLDS);
    for h in 0..HOUSEHOLDS {
        let household = next.household.take();
        let room = format!("{}{:02}", h / 2 + 1, h % 2 + 1);
        tables.households.hold(row![household, id, unit, room.as_str(), 9_000_i64, sort_key("1栋", "1单元", &room)]);
        households.push(household);
    }
    let mut residents = Vec::with_capacity(RESIDENTS);
    for r in 0..RESIDENTS {
        let user = next.user.take();
        let (household, owner) = (households[r % HOUSEHOLDS], r < HOUSEHOLDS);
        let name = text::name(c * RESIDENTS + r + 5);
        let row = row![user, id, household, "resident", name.as_str(), format!("137{:08}", c * RESIDENTS + r), seeding.password_hash.as_str(), owner, "zh-CN", now, now];
        tables.users.hold(row);
        residents.push((user, name, household));
    }
    let staff = next.user.take();
    let staff_name = format!("{}主任", text::name(c + 11));
    let row = row![staff, id, None::<i64>, "staff", staff_name.as_str(), format!("134{:08}", c), seeding.password_hash.as_str(), false, "zh-CN", now, now];
    tables.users.hold(row);

    for n in (0..NOTICES).rev() {
        let row = row![
            next.notice.take(), id, staff, staff_name.as_str(), text::pick(&text::NOTICE_TITLES, c + n), text::NOTICE_BODIES[1], body_html, "activity",
            false, false, seeding.ago(n as f64 * 30.0 + 1.0)
        ];
        tables.notices.hold(row);
    }
    for n in (0..REPORTS).rev() {
        let report = next.report.take();
        let (reporter, name, household) = &residents[n % RESIDENTS];
        let category = ReportCategory::ALL[(c + n) % ReportCategory::ALL.len()];
        let route = Route::default_for(category);
        let at = seeding.ago(n as f64 * 20.0 + 0.5);
        let row = row![
            report, id, *reporter, *reporter, *household, category.as_str(), text::pick(&text::REPORT_PLACES, n), text::pick(&text::REPORT_DESCRIPTIONS, n),
            n % 2 == 0, "submitted", route.party.as_str(), at, i64::from(route.accept_within_minutes), at
        ];
        tables.reports.hold(row);
        tables.events.hold(row![next.event.take(), report, "submitted", *reporter, name.as_str(), "", at]);
    }
    let topic = next.topic.take();
    let created = seeding.ago(15.0);
    let row = row![topic, id, text::pick(&text::TOPIC_TITLES, c), text::COMMENTS[0], body_html, "", staff, created, false, 0_i64, created, 7_i64];
    tables.topics.hold(row);
    for (k, (resident, ..)) in residents.iter().take(2).enumerate() {
        let row = row![next.comment.take(), topic, *resident, text::pick(&text::COMMENTS, c + k), "", created + DAY * (k as i64 + 1)];
        tables.comments.hold(row);
    }
}
