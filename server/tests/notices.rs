//! Notices end to end over HTTP: publish, list order, read receipts, live events.

mod common;

use std::time::Duration;

use common::{Backend, ELDERLY, MERCHANT, OWNER, PROPERTY, RESIDENT, STAFF};
use futures_util::StreamExt;
use linli_api::events::Event;
use linli_api::notices::{NewNotice, NoticeCategory, NoticeListQuery};
use linli_api::ErrorCode;

fn urgent(title: &str) -> NewNotice {
    NewNotice {
        title: title.into(),
        body_markdown: "今晚 **20:00** 起停电检修。".into(),
        category: NoticeCategory::Urgent,
        pinned: false,
        urgent: false,
        vote_id: None,
    }
}

async fn residents_see_pinned_first_then_newest(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let newest = staff.publish_notice(&urgent("紧急停电通知")).await.unwrap();
    assert!(newest.urgent, "the urgent category makes a notice urgent");

    let owner = app.sign_in(OWNER).await;
    let page = owner.notices(NoticeListQuery::default()).await.unwrap();
    assert_eq!(page.total, 5);
    assert_eq!(page.unread, 5);
    assert!(page.items[0].pinned, "pinned first");
    assert_eq!(page.items[1].id, newest.id, "then newest");
    let dates: Vec<_> = page.items[1..].iter().map(|n| n.published_at).collect();
    assert!(dates.windows(2).all(|pair| pair[0] >= pair[1]), "newest first: {dates:?}");

    let second = owner.notices(NoticeListQuery { page: Some(2), per_page: Some(2) }).await.unwrap();
    assert_eq!(second.items.len(), 2);
    assert_eq!(second.items[0].id, page.items[2].id);
}

async fn only_staff_and_property_publish(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let before = app.count("notices").await;
    for phone in [OWNER, MERCHANT] {
        let error = app.sign_in(phone).await.publish_notice(&urgent("x")).await.unwrap_err();
        assert_eq!((error.status(), error.code()), (Some(403), ErrorCode::Forbidden), "{phone}");
    }
    let error = app.client().publish_notice(&urgent("x")).await.unwrap_err();
    assert_eq!((error.status(), error.code()), (Some(401), ErrorCode::Unauthenticated));
    assert_eq!(app.count("notices").await, before);
    app.sign_in(PROPERTY).await.publish_notice(&urgent("电梯维修")).await.unwrap();
    assert_eq!(app.count("notices").await, before + 1);
}

async fn markdown_is_rendered_without_script(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let mut notice = urgent("安全提示");
    notice.body_markdown = "**注意** <script>alert('x')</script> <a href=\"javascript:alert(1)\">点我</a>".into();
    let published = staff.publish_notice(&notice).await.unwrap();
    let opened = app.sign_in(OWNER).await.notice(published.id).await.unwrap();
    assert!(opened.body_html.contains("<strong>注意</strong>"), "{}", opened.body_html);
    assert!(!opened.body_html.contains("<script") && !opened.body_html.contains("javascript:"), "{}", opened.body_html);
    assert_eq!(opened.body_markdown, notice.body_markdown, "the source is kept as written");
}

async fn reading_is_counted_once_and_staff_see_who_has_not_read(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let notice = staff.publish_notice(&urgent("燃气检查")).await.unwrap();
    let stats = staff.read_stats(notice.id).await.unwrap();
    assert_eq!((stats.read_count, stats.resident_count), (0, 3));
    let unread: usize = stats.unread_by_building.iter().map(|b| b.residents.len()).sum();
    assert_eq!(unread, 3);
    assert!(stats.unread_by_building.iter().flat_map(|b| &b.residents).all(|r| r.phone_masked.contains("****")));

    let owner = app.sign_in(OWNER).await;
    owner.mark_read(notice.id).await.unwrap();
    owner.mark_read(notice.id).await.unwrap();
    staff.mark_read(notice.id).await.unwrap();
    let stats = staff.read_stats(notice.id).await.unwrap();
    assert_eq!(stats.read_count, 1, "twice by one resident is once; staff do not count");
    let still_unread: Vec<_> = stats.unread_by_building.iter().flat_map(|b| &b.residents).map(|r| r.name.as_str()).collect();
    assert!(!still_unread.contains(&"王建国") && still_unread.contains(&"陈秀英"), "{still_unread:?}");
    assert!(owner.notice(notice.id).await.unwrap().summary.read);
    assert_eq!(app.count("audit_log").await, 2, "each staff view of residents' data is logged");

    let error = owner.read_stats(notice.id).await.unwrap_err();
    assert_eq!(error.code(), ErrorCode::Forbidden, "residents do not see who read what");
}

async fn a_published_notice_reaches_open_streams_live(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let resident = app.sign_in(RESIDENT).await;
    let staff = app.sign_in(STAFF).await;
    let mut resident_events = resident.events().await.unwrap();
    let mut staff_events = staff.events().await.unwrap();
    let (_, other_staff, _) = app.add_other_community().await;
    let mut other_events = app.sign_in(&other_staff).await.events().await.unwrap();

    let published = staff.publish_notice(&urgent("暴雨预警")).await.unwrap();
    match next(&mut resident_events).await {
        Ok(Some(Event::NoticePublished { notice })) => assert_eq!((notice.id, notice.urgent), (published.id, true)),
        other => panic!("resident got {other:?}"),
    }
    assert!(matches!(next(&mut staff_events).await, Ok(Some(Event::NoticePublished { .. }))));

    app.sign_in(ELDERLY).await.mark_read(published.id).await.unwrap();
    match next(&mut staff_events).await {
        Ok(Some(Event::NoticeReadCount { notice_id, read_count })) => assert_eq!((notice_id, read_count), (published.id, 1)),
        other => panic!("staff got {other:?}"),
    }
    let quiet = tokio::time::timeout(Duration::from_millis(300), StreamExt::next(&mut resident_events)).await;
    assert!(quiet.is_err(), "residents do not receive read counts: {quiet:?}");
    let quiet = tokio::time::timeout(Duration::from_millis(300), StreamExt::next(&mut other_events)).await;
    assert!(quiet.is_err(), "another community hears nothing: {quiet:?}");
}

async fn an_event_ticket_works_once(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let resident = app.sign_in(RESIDENT).await;
    let ticket = resident.event_ticket().await.unwrap().ticket;
    let http = reqwest::Client::new();
    let first = http.get(resident.events_url(&ticket)).send().await.unwrap();
    assert_eq!(first.status(), 200);
    let second = http.get(resident.events_url(&ticket)).send().await.unwrap();
    assert_eq!(second.status(), 401);
    let body: serde_json::Value = second.json().await.unwrap();
    assert_eq!(body["error"]["code"], "unauthenticated");
}

async fn next<S: futures_util::Stream<Item = Event> + Unpin>(stream: &mut S) -> Result<Option<Event>, tokio::time::error::Elapsed> {
    tokio::time::timeout(Duration::from_secs(5), stream.next()).await
}

/// Many readers marking notices read at the same moment: every request succeeds (the
/// schemathesis run once found a 500 here, from two SQLite transactions that read first
/// and then both wanted to write).
async fn everyone_reading_at_once_is_fine(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let readers = [app.sign_in(OWNER).await, app.sign_in(ELDERLY).await, app.sign_in(RESIDENT).await, app.sign_in(STAFF).await];
    let notices = readers[0].notices(NoticeListQuery::default()).await.unwrap().items;
    let mut reads = Vec::new();
    for _round in 0..3 {
        for reader in &readers {
            for notice in &notices {
                let (reader, id) = (reader.clone(), notice.id);
                reads.push(tokio::spawn(async move { reader.mark_read(id).await }));
            }
        }
    }
    for read in futures_util::future::join_all(reads).await {
        read.unwrap().unwrap();
    }
    assert_eq!(app.count("notice_reads").await, (readers.len() * notices.len()) as i64);
    // Each notice's kept read count equals a recount: three residents read each (staff do
    // not count), whatever the order of the racing first reads.
    let counts: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT n.resident_reads, (SELECT COUNT(*) FROM notice_reads r WHERE r.notice_id = n.id AND r.reader_role = 'resident')
         FROM notices n",
    )
    .fetch_all(&app.db().pool)
    .await
    .unwrap();
    assert_eq!(counts.len(), notices.len());
    assert!(counts.iter().all(|(kept, recount)| *kept == 3 && kept == recount), "kept and recounted: {counts:?}");
}

on_both_databases!(
    everyone_reading_at_once_is_fine,
    residents_see_pinned_first_then_newest,
    only_staff_and_property_publish,
    markdown_is_rendered_without_script,
    reading_is_counted_once_and_staff_see_who_has_not_read,
    a_published_notice_reaches_open_streams_live,
    an_event_ticket_works_once,
);

/// Open event streams must not keep the server from stopping (Ctrl-C, SIGTERM).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_stops_promptly_with_event_streams_open() {
    let app = common::spawn(Backend::Sqlite).await.unwrap();
    let resident = app.sign_in(RESIDENT).await;
    let mut events = resident.events().await.unwrap();
    let stopped = tokio::time::timeout(Duration::from_secs(5), app.running.stop()).await;
    assert!(stopped.is_ok(), "the server was still waiting for an open stream after 5 s");
    let ended = tokio::time::timeout(Duration::from_secs(5), events.next()).await;
    assert!(matches!(ended, Ok(None)), "the stream ended: {ended:?}");
}
