//! A request runs the same number of SQL statements however many rows it returns (no N+1):
//! each list route is asked at two sizes, and the statements it ran are counted from sqlx's
//! own query events (target `sqlx::query`) while it runs, on a server without clock workers.
//!
//! One test, SQLite then PostgreSQL in turn: the count is global to this test binary.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use common::{Backend, STAFF};
use linli_api::hall::{CastBallot, Eligibility, NewVote, VoteKind};
use linli_api::ids::{TopicId, VoteId};
use linli_api::paging::PageQuery;
use linli_api::reports::ReportScope;
use linli_api::Client;
use tracing::Subscriber;
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::Layer;

static STATEMENTS: AtomicUsize = AtomicUsize::new(0);
/// The text of every statement counted, for their query plans.
static SEEN: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Counts sqlx's statement events. SQLite runs statements on a worker thread outside the
/// request's span, so the test counts every statement while one request runs, with the
/// server's clock workers off.
struct CountStatements;

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for CountStatements {
    fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
        if event.metadata().target() != "sqlx::query" {
            return;
        }
        let mut statement = Statement::default();
        event.record(&mut statement);
        let sql = if statement.full.trim().is_empty() { statement.summary } else { statement.full.trim().to_owned() };
        // A new pooled SQLite connection sets itself up with PRAGMAs: not the request's work.
        if !sql.to_ascii_uppercase().starts_with("PRAGMA") {
            STATEMENTS.fetch_add(1, Ordering::SeqCst);
            SEEN.lock().unwrap().push(sql);
        }
    }
}

/// The statement an event is about: sqlx gives its first words as `summary` and the whole
/// text as `db.statement` (empty when the summary is all of it).
#[derive(Default)]
struct Statement {
    summary: String,
    full: String,
}

impl tracing::field::Visit for Statement {
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        match field.name() {
            "summary" => self.summary = value.to_owned(),
            "db.statement" => self.full = value.to_owned(),
            _ => {}
        }
    }

    fn record_debug(&mut self, _: &tracing::field::Field, _: &dyn std::fmt::Debug) {}
}

/// SQLite's plan for each distinct statement seen, and the steps that read a whole table or
/// a whole index (`SCAN`): a list route must reach its rows by searching an index.
async fn full_scans(app: &common::TestApp) -> Vec<String> {
    let mut statements: Vec<String> = SEEN.lock().unwrap().drain(..).collect();
    statements.sort();
    statements.dedup();
    let mut scans = Vec::new();
    for sql in statements.iter().filter(|sql| sql.to_ascii_uppercase().starts_with("SELECT")) {
        let parameters = (1..=99).take_while(|n| sql.contains(&format!("${n}"))).count();
        let explain = format!("EXPLAIN QUERY PLAN {sql}");
        let mut plan = sqlx::query_as::<_, (i64, i64, i64, String)>(&explain);
        for _ in 0..parameters {
            plan = plan.bind(None::<i64>);
        }
        for (_, _, _, step) in plan.fetch_all(&app.db().pool).await.unwrap() {
            // SEARCH reaches rows through an index; SCAN reads a whole table (or a whole index).
            // A bounded subquery's result (`page_N`, or one SQLite names) is read whole by
            // design; its own reads are steps of their own, checked here too.
            let of_subquery = step.starts_with("SCAN (subquery") || step.starts_with("SCAN page_");
            if step.starts_with("SCAN ") && !step.contains("CONSTANT ROW") && !of_subquery {
                scans.push(format!("{step}  in  {sql}"));
            }
        }
    }
    scans
}

/// The statements `request` made the server run.
async fn statements<T>(request: impl std::future::Future<Output = T>) -> (T, usize) {
    STATEMENTS.store(0, Ordering::SeqCst);
    let answer = request.await;
    (answer, STATEMENTS.load(Ordering::SeqCst))
}

/// Adds `n` ballots to `vote` straight into its chain and participation, as `n` different
/// voters (the demo has a few dozen residents; these borrow one resident's account).
async fn add_ballots(app: &common::TestApp, vote: VoteId, n: i64) {
    let pool = &app.db().pool;
    let (resident, household): (i64, i64) =
        sqlx::query_as("SELECT id, household_id FROM users WHERE role = 'resident' AND household_id IS NOT NULL ORDER BY id LIMIT 1")
            .fetch_one(pool)
            .await
            .unwrap();
    let (start,): (Option<i64>,) =
        sqlx::query_as("SELECT MAX(sequence) FROM ballot_chain WHERE vote_id = $1").bind(vote.0).fetch_one(pool).await.unwrap();
    let start = start.unwrap_or(0);
    // One transaction: a synchronous commit per row would take minutes on SQLite.
    let mut tx = pool.begin().await.unwrap();
    for sequence in start + 1..=start + n {
        sqlx::query("INSERT INTO ballot_chain (vote_id, sequence, receipt, choices, cast_at, hash) VALUES ($1, $2, $3, '0', $4, 'x')")
            .bind(vote.0)
            .bind(sequence)
            .bind(format!("R{sequence:07}"))
            .bind(1_000 * sequence)
            .execute(&mut *tx)
            .await
            .unwrap();
        sqlx::query(
            "INSERT INTO vote_participation (vote_id, voter_key, resident_id, cast_by, household_id, area, counted_sequence, cast_at)
             VALUES ($1, $2, $3, $3, $4, 0, $5, $6)",
        )
        .bind(vote.0)
        .bind(format!("test:{sequence}"))
        .bind(resident)
        .bind(household)
        .bind(sequence)
        .bind(1_000 * sequence)
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
}

/// The statements of each list route of a vote, in a fixed order.
async fn vote_routes(staff: &Client, vote: VoteId) -> Vec<(&'static str, usize)> {
    let mut counted = Vec::new();
    let (page, n) = statements(staff.vote_record(vote, &PageQuery::first(Some(100)))).await;
    let page = page.unwrap();
    counted.push(("record, first page", n));
    let (_, n) = statements(staff.vote_record(vote, &PageQuery::after(Some("10"), Some(100)))).await;
    counted.push(("record, a later page", n));
    let receipt = page.chain.last().unwrap().receipt.clone();
    let (_, n) = statements(staff.vote_receipt(vote, &receipt)).await;
    counted.push(("a receipt", n));
    let (people, n) = statements(staff.vote_participants(vote, &PageQuery::first(Some(100)))).await;
    counted.push(("participants, first page", n));
    let next = people.unwrap().next_after;
    let (_, n) = statements(staff.vote_participants(vote, &PageQuery::after(next.as_deref(), Some(100)))).await;
    counted.push(("participants, a later page", n));
    let (_, n) = statements(staff.vote(vote)).await;
    counted.push(("the vote", n));
    let (_, n) = statements(staff.votes()).await;
    counted.push(("the votes", n));
    counted
}

/// The CSV export reads the chain a thousand entries per statement: one more per thousand.
async fn export_statements(staff: &Client, vote: VoteId) -> usize {
    statements(staff.export_vote_csv(vote)).await.1
}

/// Adds `n` notices to the demo community, each read by one resident, and `n` residents to
/// the first household (so that its building's list of who has not read grows too).
async fn add_notices_and_residents(app: &common::TestApp, n: i64) {
    let pool = &app.db().pool;
    let (community, author, household): (i64, i64, i64) = sqlx::query_as(
        "SELECT p.community_id, s.id, p.household_id FROM users p JOIN users s ON s.community_id = p.community_id AND s.role = 'staff'
         WHERE p.role = 'resident' AND p.household_id IS NOT NULL ORDER BY p.id, s.id LIMIT 1",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    let (first,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users").fetch_one(pool).await.unwrap();
    let mut tx = pool.begin().await.unwrap();
    for i in first..first + n {
        let (notice,): (i64,) = sqlx::query_as(
            "INSERT INTO notices (community_id, author_id, author_name, title, body_markdown, body_html, category, published_at)
             VALUES ($1, $2, '居委会', $3, 'x', '<p>x</p>', 'activity', $4) RETURNING id",
        )
        .bind(community)
        .bind(author)
        .bind(format!("通知 {i}"))
        .bind(1_000 * i)
        .fetch_one(&mut *tx)
        .await
        .unwrap();
        let (resident,): (i64,) = sqlx::query_as(
            "INSERT INTO users (community_id, household_id, role, name, phone, password_hash, created_at)
             VALUES ($1, $2, 'resident', $3, $4, 'x', 0) RETURNING id",
        )
        .bind(community)
        .bind(household)
        .bind(format!("居民{i}"))
        .bind(format!("177{i:08}"))
        .fetch_one(&mut *tx)
        .await
        .unwrap();
        sqlx::query("INSERT INTO notice_reads (notice_id, user_id, reader_role, read_at) VALUES ($1, $2, 'resident', 0)")
            .bind(notice)
            .bind(resident)
            .execute(&mut *tx)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
}

/// Adds `n` topics to the demo community and to the first of them `n` comments, each
/// tenth a reply to the first comment (made the first time). Answers that topic.
async fn add_topics_and_comments(app: &common::TestApp, n: i64) -> TopicId {
    let pool = &app.db().pool;
    let (community, author): (i64, i64) =
        sqlx::query_as("SELECT community_id, id FROM users WHERE role = 'resident' ORDER BY id LIMIT 1").fetch_one(pool).await.unwrap();
    let mut tx = pool.begin().await.unwrap();
    for i in 0..n {
        sqlx::query(
            "INSERT INTO topics (community_id, title, body_markdown, body_html, images, author_id, created_at, proposal,
                                 support_needed, support_deadline, vote_days)
             VALUES ($1, $2, 'x', '<p>x</p>', '', $3, $4, $5, 10, $6, 7)",
        )
        .bind(community)
        .bind(format!("议题 {i}"))
        .bind(author)
        .bind(1_000 * i)
        .bind(i % 2)
        .bind(i64::MAX / 2)
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    let (topic,): (i64,) = sqlx::query_as("SELECT MIN(id) FROM topics WHERE title = '议题 0'").fetch_one(&mut *tx).await.unwrap();
    let (first,): (Option<i64>,) =
        sqlx::query_as("SELECT MIN(id) FROM topic_comments WHERE topic_id = $1").bind(topic).fetch_one(&mut *tx).await.unwrap();
    let mut first = first;
    for i in 0..n {
        let parent = if i % 10 == 9 { first } else { None };
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO topic_comments (topic_id, parent_id, author_id, body, images, created_at) VALUES ($1, $2, $3, 'x', '', $4) RETURNING id",
        )
        .bind(topic)
        .bind(parent)
        .bind(author)
        .bind(1_000 * i)
        .fetch_one(&mut *tx)
        .await
        .unwrap();
        first.get_or_insert(id);
    }
    sqlx::query("UPDATE topic_comments SET reply_count = (SELECT COUNT(*) FROM topic_comments r WHERE r.parent_id = topic_comments.id)")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    TopicId(topic)
}

/// Adds `n` public reports by the resident who signs in, every other one long closed, each with a
/// "me too" from the next resident.
async fn add_reports(app: &common::TestApp, n: i64) {
    let pool = &app.db().pool;
    let (community, reporter): (i64, i64) =
        sqlx::query_as("SELECT community_id, id FROM users WHERE phone = $1").bind(common::RESIDENT).fetch_one(pool).await.unwrap();
    let mut tx = pool.begin().await.unwrap();
    for i in 0..n {
        let state = if i % 2 == 0 { "submitted" } else { "confirmed" };
        sqlx::query(
            "INSERT INTO reports (community_id, reporter_id, reported_by, category, location, description, public, state, party,
                                  routed_at, accept_within_minutes, submitted_at, me_too)
             VALUES ($1, $2, $2, 'environment', '3栋', '垃圾', 1, $3, 'property_company', $4, 1440, $4, 1)",
        )
        .bind(community)
        .bind(reporter)
        .bind(state)
        .bind(1_000 * i)
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
}

/// The statements of each report list's first page and of the page that goes from its
/// open cases on to the rest (the most a page runs: one statement per part), in order.
async fn report_routes(staff: &Client, resident: &Client) -> Vec<(&'static str, usize)> {
    let mut counted = Vec::new();
    for (who, client, scope) in [("public", resident, ReportScope::Public), ("handling", staff, ReportScope::Handling), ("mine", resident, ReportScope::Mine)] {
        let (page, n) = statements(client.reports(scope, &PageQuery::first(Some(100)))).await;
        counted.push((who, n));
        let mut next = page.unwrap().next_after;
        // The cursor names its part first: "0.…" open cases, "1.…" the rest.
        loop {
            let after = next.clone().expect("more than a page");
            let (page, n) = statements(client.reports(scope, &PageQuery::after(Some(&after), Some(100)))).await;
            next = page.unwrap().next_after;
            let crossed = after.starts_with("0.") && next.as_deref().is_none_or(|next| next.starts_with("1."));
            if scope == ReportScope::Mine || crossed {
                counted.push((who, n));
                break;
            }
        }
    }
    counted
}

/// The statements of each topic route that lists, in a fixed order.
async fn topic_routes(staff: &Client, topic: TopicId) -> Vec<(&'static str, usize)> {
    let mut counted = Vec::new();
    let (page, n) = statements(staff.topics(&PageQuery::first(Some(100)))).await;
    counted.push(("topics, first page", n));
    let next = page.unwrap().next_after;
    let (_, n) = statements(staff.topics(&PageQuery::after(next.as_deref(), Some(100)))).await;
    counted.push(("topics, a later page", n));
    let (thread, n) = statements(staff.topic(topic)).await;
    counted.push(("a topic and its first comments", n));
    let thread = thread.unwrap();
    let (_, n) = statements(staff.topic_comments(topic, &PageQuery::after(thread.next_after.as_deref(), Some(100)))).await;
    counted.push(("comments, a later page", n));
    let head = &thread.comments[0];
    let after = head.replies.last().unwrap().id.to_string();
    let (_, n) = statements(staff.comment_replies(head.id, &PageQuery::after(Some(&after), Some(100)))).await;
    counted.push(("replies, a later page", n));
    counted
}

/// The statements of each notice route that lists, in a fixed order.
async fn notice_routes(staff: &Client) -> Vec<(&'static str, usize)> {
    let mut counted = Vec::new();
    let (page, n) = statements(staff.notices(&PageQuery::first(Some(100)))).await;
    counted.push(("notices, first page", n));
    let page = page.unwrap();
    let (_, n) = statements(staff.notices(&PageQuery::after(page.next_after.as_deref(), Some(100)))).await;
    counted.push(("notices, a later page", n));
    let notice = page.items[0].id;
    let (stats, n) = statements(staff.read_stats(notice)).await;
    counted.push(("read statistics", n));
    let building = stats.unwrap().buildings.iter().max_by_key(|building| building.residents).unwrap().building_id;
    let (_, n) = statements(staff.unread_in_building(notice, building)).await;
    counted.push(("who has not read, one building", n));
    let (_, n) = statements(staff.households(building)).await;
    counted.push(("a building's households (the invite desk)", n));
    counted
}

async fn list_routes_run_as_many_statements_at_any_size(backend: Backend) {
    let Some(app) = common::spawn_with(backend, |config| config.no_clock_workers = true).await else { return };
    // Every clock pass once: what each reads to find due rows must search an index too.
    SEEN.lock().unwrap().clear();
    for pass in linli_server::clock_passes() {
        (pass.run)(app.running.state.clone()).await.unwrap();
    }
    if backend == Backend::Sqlite {
        let selects = SEEN.lock().unwrap().iter().filter(|sql| sql.starts_with("SELECT")).count();
        assert!(selects >= linli_server::clock_passes().len(), "each pass's reading is seen ({selects})");
        let scans = full_scans(&app).await;
        assert!(scans.is_empty(), "clock passes read whole tables:\n{}", scans.join("\n"));
    }
    let staff = app.sign_in(STAFF).await;
    let now = chrono::Utc::now();
    let vote = staff
        .create_vote(&NewVote {
            question: "加装电梯".into(),
            description: String::new(),
            kind: VoteKind::YesNoAbstain,
            options: vec![],
            max_choices: None,
            eligibility: Eligibility::Residents,
            matter: None,
            secret: false,
            final_on_cast: false,
            opens_at: now - chrono::Duration::minutes(1),
            closes_at: now + chrono::Duration::days(1),
        })
        .await
        .unwrap();
    // A real ballot first, so that the chain and the totals exist as the server keeps them.
    app.sign_in(common::OWNER).await.cast_ballot(vote.id, &CastBallot { choices: vec![0] }).await.unwrap();

    add_ballots(&app, vote.id, 150).await;
    add_notices_and_residents(&app, 150).await;
    let topic = add_topics_and_comments(&app, 150).await;
    add_reports(&app, 250).await;
    let resident = app.sign_in(common::RESIDENT).await;
    let mut small = vote_routes(&staff, vote.id).await;
    small.extend(notice_routes(&staff).await);
    small.extend(topic_routes(&staff, topic).await);
    small.extend(report_routes(&staff, &resident).await);
    let export_small = export_statements(&staff, vote.id).await;
    add_ballots(&app, vote.id, 1_500).await;
    add_notices_and_residents(&app, 1_500).await;
    add_topics_and_comments(&app, 1_500).await;
    add_reports(&app, 1_500).await;
    SEEN.lock().unwrap().clear();
    let mut large = vote_routes(&staff, vote.id).await;
    large.extend(notice_routes(&staff).await);
    large.extend(topic_routes(&staff, topic).await);
    large.extend(report_routes(&staff, &resident).await);
    let export_large = export_statements(&staff, vote.id).await;
    if backend == Backend::Sqlite {
        let selects = SEEN.lock().unwrap().iter().filter(|sql| sql.starts_with("SELECT")).count();
        assert!(selects >= 10, "the routes' statements are seen ({selects})");
        let scans = full_scans(&app).await;
        assert!(scans.is_empty(), "list routes read whole tables:\n{}", scans.join("\n"));
        // The check itself finds a whole-table read when there is one.
        SEEN.lock().unwrap().push("SELECT id FROM users WHERE name = $1".into());
        assert_eq!(full_scans(&app).await.len(), 1, "a search by an unindexed column is a full scan");
    }
    assert!(small.iter().all(|(_, n)| *n > 0), "statements are counted at all ({backend:?}): {small:?}");
    assert_eq!(small, large, "statements per request at 151 and 1,651 ballots, notices and residents ({backend:?})");
    assert_eq!(export_large, export_small + 1, "the export at 151 and 1,651 ballots: one statement per thousand more");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_routes_run_as_many_statements_at_any_size_on_both_databases() {
    tracing_subscriber::registry().with(CountStatements).init();
    list_routes_run_as_many_statements_at_any_size(Backend::Sqlite).await;
    if common::postgres_url().is_some() {
        list_routes_run_as_many_statements_at_any_size(Backend::Postgres).await;
    }
}
