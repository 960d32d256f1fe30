//! Three years of notices, newest first: an urgent one from yesterday that carries the
//! owners' vote and that every resident has read, a few pinned ones, and the rest; each
//! resident has read the newest few, the benchmark's resident the newest thousand.

use linli_api::ids::VoteId;
use linli_api::notices::NoticeCategory;
use sqlx::AnyConnection;

use super::bulk::{row, Ids, Table};
use super::people::Town;
use super::{text, Seeding};
use crate::notices::rules::render_markdown;

pub async fn publish(conn: &mut AnyConnection, seeding: &mut Seeding, town: &Town, owners_vote: VoteId) -> Result<usize, sqlx::Error> {
    let sizes = seeding.sizes;
    let bodies: Vec<(String, String)> = text::NOTICE_BODIES
        .iter()
        .map(|body| {
            let body = body.replace("{b}", "1栋、2栋");
            let html = render_markdown(&body);
            (body, html)
        })
        .collect();
    let first = Ids::of(conn, "notices").await?.take();
    let mut table = Table::new(
        "notices",
        &["id", "community_id", "author_id", "author_name", "title", "body_markdown", "body_html", "category", "pinned", "urgent",
          "published_at", "vote_id"],
    );
    // Oldest first, so that ids grow with time as the server gives them.
    let id_of = |n: usize| first + (sizes.notices - 1 - n) as i64;
    for n in (0..sizes.notices).rev() {
        let urgent = n == 0;
        let author = if n % 3 == 2 { &town.property[n % town.property.len()] } else { &town.staff[n % town.staff.len()] };
        let category = match (urgent, n % 3) {
            (true, _) => NoticeCategory::Urgent,
            (_, 2) => NoticeCategory::Property,
            (_, 1) => NoticeCategory::Activity,
            _ => NoticeCategory::Government,
        };
        let title = if urgent { "紧急：请业主参加续聘物业服务企业表决".to_owned() } else { format!("{}（第{}期）", text::pick(&text::NOTICE_TITLES, n), n) };
        let (body, html) = &bodies[n % bodies.len()];
        let pinned = matches!(n, 5 | 500 | 5_000);
        let published = seeding.ago(if urgent { 1.0 } else { 1.0 + n as f64 * 1_095.0 / sizes.notices as f64 });
        let vote = urgent.then_some(owners_vote.0);
        let row = row![
            id_of(n), town.community.0, author.id.0, author.name.as_str(), title, body.as_str(), html.as_str(), category.as_str(), pinned,
            urgent, published, vote
        ];
        table.add(conn, row).await?;
    }
    let mut rows = table.finish(conn).await?;

    let mut reads = Table::new("notice_reads", &["notice_id", "user_id", "reader_role", "read_at"]);
    let newest = |count: usize| (1..=count.min(sizes.notices - 1)).map(id_of);
    for (r, resident) in town.residents.iter().enumerate() {
        // Everyone within the day of the urgent notice.
        reads.add(conn, row![id_of(0), resident.id.0, "resident", seeding.ago(1.0 - r as f64 / town.residents.len() as f64 * 0.9)]).await?;
        let read_each = if r == 0 { sizes.notices_read_by_resident } else { sizes.notices_read_each };
        for notice in newest(read_each) {
            reads.add(conn, row![notice, resident.id.0, "resident", seeding.ago(0.5)]).await?;
        }
    }
    // Staff open notices too; their reads count for them but not in the residents' figures.
    for notice in newest(50) {
        reads.add(conn, row![notice, town.staff[0].id.0, "staff", seeding.ago(0.5)]).await?;
    }
    rows += reads.finish(conn).await?;
    super::bulk::continue_ids(conn, seeding.backend, &["notices"]).await?;
    Ok(rows)
}
