//! Problem reports over HTTP on SQLite and PostgreSQL: reporting with photos (their location
//! metadata gone), routing by category to the party responsible, who sees a private and a
//! public case (never a public case's reporter), "me too" once per person even when tapped at
//! once, the whole handling (accept, start, resolve with photos, confirm with a rating, or
//! reopen), one handler of many racing to accept, escalation and the clock's confirmation
//! driven by a test clock, staff's reassignment and merging, the monthly figures, the news
//! each step sends, a family member reporting and confirming for a resident, and bad input
//! that changes nothing.

mod common;

use chrono::Duration;
use common::{Backend, TestClock, ELDERLY, OWNER, PROPERTY, RESIDENT, STAFF};
use futures_util::StreamExt;
use linli_api::paging::PageQuery;
use linli_api::auth::Role;
use linli_api::events::Event;
use linli_api::family::{FamilyActivityKind, Grant, UpdateGrants};
use linli_api::ids::{ReportId, UploadId};
use linli_api::reports::{
    ConfirmReport, FiguresQuery, MergeReport, NewReport, Party, ReassignReport, ReopenReport, ReportAction, ReportCategory, ReportEventKind,
    ReportNews, ReportRules, ReportScope, ReportState, ResolveReport, Route,
};
use linli_api::{Client, ErrorCode};
use linli_server::reports::clock;

fn report(category: ReportCategory, public: bool) -> NewReport {
    NewReport {
        category,
        location: "3栋2单元楼道".into(),
        description: "楼道灯坏了，晚上上下楼看不见。".into(),
        photos: vec![],
        public,
    }
}

async fn listed(client: &Client, scope: ReportScope, id: ReportId) -> bool {
    client.reports(scope, &PageQuery::default()).await.unwrap().reports.iter().any(|summary| summary.id == id)
}

async fn a_report_goes_to_the_party_responsible_with_its_photos(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let resident = app.sign_in(RESIDENT).await;
    let upload = resident.upload_image("image/jpeg", common::photo_with_location()).await.unwrap();
    let sent = resident.report_problem(&NewReport { photos: vec![upload.id], ..report(ReportCategory::CommonAreas, false) }).await.unwrap();
    assert_eq!((sent.summary.state, sent.summary.party), (ReportState::Submitted, Party::PropertyCompany), "common parts go to the property company");
    assert_eq!(sent.photos, [upload.id]);
    assert_eq!(sent.reporter.as_deref(), Some("刘洋"), "the reporter sees their own name");
    let accept_by = sent.summary.accept_by.expect("a deadline to accept it");
    assert_eq!((accept_by - sent.summary.submitted_at).num_hours(), 24, "a day for anything but safety");
    assert_eq!(sent.history.iter().map(|event| event.kind).collect::<Vec<_>>(), [ReportEventKind::Submitted]);
    let stored = resident.image(upload.id).await.unwrap();
    assert!(!stored.windows(11).any(|w| w == b"GPSLatitude"), "no location survives");
    let neighbour = app.sign_in(OWNER).await;
    assert_eq!(neighbour.image(upload.id).await.unwrap_err().code(), ErrorCode::NotFound, "a private case's photo is not the neighbours'");

    let property = app.sign_in(PROPERTY).await;
    assert!(property.image(upload.id).await.is_ok(), "the handlers see it");
    assert!(listed(&property, ReportScope::Handling, sent.summary.id).await, "the property company's list has it");
    let seen = property.problem_report(sent.summary.id).await.unwrap();
    assert_eq!(seen.reporter_phone.as_deref(), Some("13900000003"), "the handler can call the reporter");
    assert!(seen.actions.contains(&linli_api::reports::ReportAction::Accept));

    let safety = resident.report_problem(&report(ReportCategory::Safety, true)).await.unwrap();
    assert_eq!(safety.summary.party, Party::ResidentsCommittee);
    assert_eq!((safety.summary.accept_by.unwrap() - safety.summary.submitted_at).num_minutes(), 120, "safety within two hours");
    assert!(!listed(&property, ReportScope::Handling, safety.summary.id).await, "not the property company's case");
    assert!(listed(&app.sign_in(STAFF).await, ReportScope::Handling, sent.summary.id).await, "staff oversee every case");
    assert_eq!(resident.reports(ReportScope::Mine, &PageQuery::default()).await.unwrap().reports.len(), 3, "the two and the demo's rubbish report");

    // "N waiting" counts every waiting case of the handler's list, not only the page's.
    for (handler, at_least) in [(&app.sign_in(STAFF).await, 2), (&property, 1)] {
        let first = handler.reports(ReportScope::Handling, &PageQuery::first(Some(1))).await.unwrap();
        let (mut cases, mut after) = (first.reports, first.next_after);
        while let Some(cursor) = after {
            let page = handler.reports(ReportScope::Handling, &PageQuery::after(Some(&cursor), Some(1))).await.unwrap();
            assert_eq!(page.waiting, None, "counted on the first page");
            cases.extend(page.reports);
            after = page.next_after;
        }
        let waiting = cases.iter().filter(|case| case.state == ReportState::Submitted).count() as i64;
        assert!(waiting >= at_least);
        assert_eq!(first.waiting, Some(waiting));
    }
    assert_eq!(resident.reports(ReportScope::Mine, &PageQuery::default()).await.unwrap().waiting, None);
}

async fn neighbours_see_public_cases_but_never_who_reported_them(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let resident = app.sign_in(RESIDENT).await;
    let public = resident.report_problem(&report(ReportCategory::Environment, true)).await.unwrap().summary.id;
    let private = resident.report_problem(&report(ReportCategory::HomeRepair, false)).await.unwrap().summary.id;
    let owner = app.sign_in(OWNER).await;
    assert!(listed(&owner, ReportScope::Public, public).await && !listed(&owner, ReportScope::Public, private).await);
    let seen = owner.problem_report(public).await.unwrap();
    assert_eq!((seen.reporter, seen.reporter_phone), (None, None), "no name, no phone");
    assert!(seen.history.iter().all(|event| event.actor.is_empty()), "not even in the record: {:?}", seen.history);
    assert!(seen.may_second);
    assert_eq!(owner.problem_report(private).await.unwrap_err().code(), ErrorCode::NotFound, "a private case is not there at all");
    assert_eq!(owner.reports(ReportScope::Handling, &PageQuery::default()).await.unwrap_err().code(), ErrorCode::Forbidden, "residents handle nothing");
    let staff = app.sign_in(STAFF).await;
    assert_eq!(staff.problem_report(private).await.unwrap().reporter.as_deref(), Some("刘洋"));
}

/// Every case of a list, a page of `limit` at a time after each page's cursor.
async fn every_page(client: &Client, scope: ReportScope, limit: u32) -> Vec<(ReportId, ReportState)> {
    let mut cases = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let page = client.reports(scope, &PageQuery::after(after.as_deref(), Some(limit))).await.unwrap();
        assert!(page.reports.len() <= limit as usize);
        cases.extend(page.reports.iter().map(|case| (case.id, case.state)));
        match page.next_after {
            Some(next) => after = Some(next),
            None => return cases,
        }
    }
}

/// Lists page by keyset: open cases first, then the rest, each case once, whatever the
/// page size; a page may end one part and begin the next.
async fn case_lists_page_open_cases_first(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let resident = app.sign_in(RESIDENT).await;
    let mut filed = Vec::new();
    for _ in 0..7 {
        filed.push(resident.report_problem(&report(ReportCategory::Environment, true)).await.unwrap().summary.id);
    }
    // Three of them were dealt with long ago.
    for id in &filed[..3] {
        sqlx::query("UPDATE reports SET state = 'confirmed' WHERE id = $1").bind(id.0).execute(&app.db().pool).await.unwrap();
    }
    let open = |state: ReportState| matches!(state, ReportState::Submitted | ReportState::Accepted | ReportState::InProgress);
    let owner = app.sign_in(OWNER).await;
    let staff = app.sign_in(STAFF).await;
    for (client, scope) in [(&owner, ReportScope::Public), (&staff, ReportScope::Handling), (&resident, ReportScope::Mine)] {
        let whole = every_page(client, scope, 100).await;
        for limit in [1, 2, 3] {
            assert_eq!(every_page(client, scope, limit).await, whole, "{scope:?} by {limit}");
        }
        let mut ids: Vec<_> = whole.iter().map(|(id, _)| *id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), whole.len(), "{scope:?}: each case once");
        assert!(filed.iter().all(|id| ids.contains(id)), "{scope:?} has every case filed");
        if scope != ReportScope::Mine {
            let first_closed = whole.iter().position(|(_, state)| !open(*state)).unwrap();
            assert!(whole[first_closed..].iter().all(|(_, state)| !open(*state)), "{scope:?}: open cases first: {whole:?}");
        }
    }
    let refused = owner.reports(ReportScope::Public, &PageQuery::after(Some("7.1.1"), None)).await.unwrap_err();
    assert_eq!(refused.code(), ErrorCode::InvalidQuery, "a cursor of a part the list does not have");
}

async fn me_too_counts_each_neighbour_once_even_when_tapped_at_once(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let resident = app.sign_in(RESIDENT).await;
    let id = resident.report_problem(&report(ReportCategory::Parking, true)).await.unwrap().summary.id;
    let (owner, elderly) = (app.sign_in(OWNER).await, app.sign_in(ELDERLY).await);
    let taps = (0..6).map(|n| {
        let client = if n % 2 == 0 { owner.clone() } else { elderly.clone() };
        tokio::spawn(async move { client.second_report(id).await })
    });
    for tap in futures_util::future::join_all(taps).await {
        tap.unwrap().unwrap();
    }
    let seen = owner.problem_report(id).await.unwrap();
    assert_eq!(seen.summary.seconds, 2, "two neighbours, however often they tapped");
    let counts: Vec<(i64, i64)> =
        sqlx::query_as("SELECT r.me_too, (SELECT COUNT(*) FROM report_seconds s WHERE s.report_id = r.id) FROM reports r")
            .fetch_all(&app.db().pool)
            .await
            .unwrap();
    assert!(counts.iter().all(|(kept, recount)| kept == recount), "kept 'me too' counts equal a recount: {counts:?}");
    assert!(seen.seconded && !seen.may_second);
    assert_eq!(resident.second_report(id).await.unwrap_err().code(), ErrorCode::Forbidden, "not on one's own case");
}

async fn staff_set_where_each_category_goes(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let mut rules = staff.report_rules().await.unwrap();
    assert_eq!(rules, ReportRules::default());
    let parking = rules.routes.iter_mut().find(|route| route.category == ReportCategory::Parking).unwrap();
    *parking = Route { category: ReportCategory::Parking, party: Party::ResidentsCommittee, pool: Some("停车协调组".into()), accept_within_minutes: 240 };
    rules.reopen_days = 3;
    staff.set_report_rules(&rules).await.unwrap();
    assert_eq!(app.sign_in(OWNER).await.report_rules().await.unwrap(), rules, "everyone reads the same routing");
    let sent = app.sign_in(RESIDENT).await.report_problem(&report(ReportCategory::Parking, false)).await.unwrap();
    assert_eq!((sent.summary.party, sent.pool.as_deref()), (Party::ResidentsCommittee, Some("停车协调组")));
    assert_eq!((sent.summary.accept_by.unwrap() - sent.summary.submitted_at).num_minutes(), 240);
    let refused = app.sign_in(PROPERTY).await.set_report_rules(&rules).await.unwrap_err();
    assert_eq!(refused.code(), ErrorCode::Forbidden, "only staff route cases");
}

async fn bad_input_gets_a_clear_error_and_changes_nothing(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let resident = app.sign_in(RESIDENT).await;
    let reports_before = app.count("reports").await;
    let owner_photo = app.sign_in(OWNER).await.upload_image("image/jpeg", common::photo_with_location()).await.unwrap().id;
    let cases = [
        (NewReport { location: " ".into(), ..report(ReportCategory::Other, false) }, ErrorCode::FieldRequired, "location"),
        (NewReport { description: "长".repeat(1_001), ..report(ReportCategory::Other, false) }, ErrorCode::FieldTooLong, "description"),
        (NewReport { photos: (1..=7).map(UploadId).collect(), ..report(ReportCategory::Other, false) }, ErrorCode::InvalidValue, "photos"),
        (NewReport { photos: vec![owner_photo], ..report(ReportCategory::Other, false) }, ErrorCode::InvalidValue, "photos"),
    ];
    for (bad, code, field) in cases {
        let refused = resident.report_problem(&bad).await.unwrap_err();
        assert_eq!((refused.code(), refused.field()), (code, Some(field)), "{bad:?}");
    }
    assert_eq!(app.count("reports").await, reports_before, "nothing was reported");
    let staff = app.sign_in(STAFF).await;
    assert_eq!(staff.report_problem(&report(ReportCategory::Other, false)).await.unwrap_err().code(), ErrorCode::Forbidden, "residents report");
    let mut twice = ReportRules::default();
    twice.routes[1].category = twice.routes[0].category;
    let refused = staff.set_report_rules(&twice).await.unwrap_err();
    assert_eq!((refused.code(), refused.field()), (ErrorCode::InvalidValue, Some("routes.1.category")));
    assert_eq!(staff.report_rules().await.unwrap(), ReportRules::default(), "the routing did not change");
    assert_eq!(resident.problem_report(ReportId(999_999)).await.unwrap_err().code(), ErrorCode::NotFound);
}

fn resolution(note: &str) -> ResolveReport {
    ResolveReport { note: note.into(), photos: vec![] }
}

fn stars(stars: u8, comment: &str) -> ConfirmReport {
    ConfirmReport { stars, comment: comment.into() }
}

fn kinds(report: &linli_api::reports::Report) -> Vec<ReportEventKind> {
    report.history.iter().map(|event| event.kind).collect()
}

/// The report news `live` hears within a few seconds, up to `wanted` of them.
async fn news_heard(mut live: impl futures_util::Stream<Item = Event> + Unpin, wanted: usize) -> Vec<(ReportId, ReportNews)> {
    let mut heard = Vec::new();
    while let Ok(Some(event)) = tokio::time::timeout(std::time::Duration::from_secs(3), live.next()).await {
        if let Event::ReportNews { report_id, news, .. } = event {
            heard.push((report_id, news));
            if heard.len() == wanted {
                break;
            }
        }
    }
    heard
}

async fn the_property_company_handles_a_case_and_the_reporter_confirms_and_rates_it(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let resident = app.sign_in(RESIDENT).await;
    let property = app.sign_in(PROPERTY).await;
    let (resident_news, property_news) = (resident.events().await.unwrap(), property.events().await.unwrap());
    let id = resident.report_problem(&report(ReportCategory::CommonAreas, false)).await.unwrap().summary.id;
    assert_eq!(news_heard(property_news, 1).await, [(id, ReportNews::New)], "the party responsible hears of it at once");

    assert_eq!(resident.accept_report(id).await.unwrap_err().code(), ErrorCode::Forbidden, "residents do not accept");
    let accepted = property.accept_report(id).await.unwrap();
    assert_eq!((accepted.summary.state, accepted.handler.as_deref()), (ReportState::Accepted, Some("张经理（物业）")));
    assert_eq!(accepted.actions, [ReportAction::Start, ReportAction::Resolve]);
    assert_eq!(accepted.summary.accept_by, None, "no deadline once someone has it");
    assert_eq!(property.start_report(id).await.unwrap().summary.state, ReportState::InProgress);
    let photo = property.upload_image("image/jpeg", common::photo_with_location()).await.unwrap().id;
    let resolved = property.resolve_report(id, &ResolveReport { note: " 换了楼道灯泡。 ".into(), photos: vec![photo] }).await.unwrap();
    assert_eq!(resolved.summary.state, ReportState::Resolved);
    let step = resolved.history.last().unwrap();
    assert_eq!((step.kind, step.detail.as_str(), step.photos.as_slice()), (ReportEventKind::Resolved, "换了楼道灯泡。", &[photo][..]));
    let reopen_until = resolved.reopen_until.expect("a time to reopen");
    assert_eq!((reopen_until - resolved.history.last().unwrap().at).num_days(), 7);
    assert_eq!(property.confirm_report(id, &stars(5, "")).await.unwrap_err().code(), ErrorCode::Forbidden, "not one's own work");
    assert!(resident.image(photo).await.is_ok(), "the reporter sees the work done");
    assert_eq!(app.sign_in(OWNER).await.image(photo).await.unwrap_err().code(), ErrorCode::NotFound, "on a private case, neighbours do not");

    let seen = resident.problem_report(id).await.unwrap();
    assert_eq!(seen.actions, [ReportAction::Confirm, ReportAction::Reopen]);
    let confirmed = resident.confirm_report(id, &stars(5, "修得很快，谢谢！")).await.unwrap();
    assert_eq!((confirmed.summary.state, confirmed.stars, confirmed.comment.as_deref()), (ReportState::Confirmed, Some(5), Some("修得很快，谢谢！")));
    assert!(confirmed.actions.is_empty());
    assert_eq!(
        kinds(&confirmed),
        [ReportEventKind::Submitted, ReportEventKind::Accepted, ReportEventKind::Started, ReportEventKind::Resolved, ReportEventKind::Confirmed]
    );
    let actors: Vec<&str> = confirmed.history.iter().map(|event| event.actor.as_str()).collect();
    assert_eq!(actors, ["刘洋", "张经理（物业）", "张经理（物业）", "张经理（物业）", "刘洋"], "each step says who took it");
    assert!(confirmed.history.windows(2).all(|pair| pair[0].at <= pair[1].at), "and when");
    assert_eq!(resident.confirm_report(id, &stars(1, "")).await.unwrap_err().code(), ErrorCode::ReportChanged, "confirmed once");
    assert_eq!(news_heard(resident_news, 2).await, [(id, ReportNews::Accepted), (id, ReportNews::Resolved)]);
}

async fn of_many_handlers_tapping_accept_at_once_exactly_one_gets_the_case(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let id = app.sign_in(RESIDENT).await.report_problem(&report(ReportCategory::HomeRepair, false)).await.unwrap().summary.id;
    let handlers = app.colleagues(Role::Property, 12).await;
    let taps = handlers.iter().cloned().map(|handler| tokio::spawn(async move { handler.accept_report(id).await }));
    let answers: Vec<_> = futures_util::future::join_all(taps).await.into_iter().map(Result::unwrap).collect();
    let winners: Vec<_> = answers.iter().filter_map(|answer| answer.as_ref().ok()).collect();
    assert_eq!(winners.len(), 1, "one handler has it");
    for refused in answers.iter().filter_map(|answer| answer.as_ref().err()) {
        assert_eq!(refused.code(), ErrorCode::ReportTaken);
    }
    let case = app.sign_in(STAFF).await.problem_report(id).await.unwrap();
    assert_eq!(case.handler, winners[0].handler);
    assert_eq!(kinds(&case).iter().filter(|kind| **kind == ReportEventKind::Accepted).count(), 1, "one line in the record");
}

async fn a_case_nobody_accepts_in_time_goes_up_a_level_and_staff_are_alerted(backend: Backend) {
    let clock = TestClock::default();
    let Some(app) = common::spawn_with_clock(backend, &clock).await else { return };
    let state = &app.running.state;
    let resident = app.sign_in(RESIDENT).await;
    let staff = app.sign_in(STAFF).await;
    let staff_news = staff.events().await.unwrap();
    let repair = resident.report_problem(&report(ReportCategory::CommonAreas, false)).await.unwrap().summary.id;
    let safety = resident.report_problem(&report(ReportCategory::Safety, true)).await.unwrap().summary.id;
    let accepted = resident.report_problem(&report(ReportCategory::Parking, false)).await.unwrap().summary.id;
    app.sign_in(PROPERTY).await.accept_report(accepted).await.unwrap();

    clock.advance(Duration::minutes(119));
    assert_eq!(clock::escalate_due(state).await.unwrap(), 0, "not yet");
    clock.advance(Duration::minutes(1));
    assert_eq!(clock::escalate_due(state).await.unwrap(), 1, "safety: two hours");
    assert_eq!(clock::escalate_due(state).await.unwrap(), 0, "once");
    let up = staff.problem_report(safety).await.unwrap();
    assert_eq!((up.summary.party, up.summary.state, up.summary.escalations), (Party::StreetOffice, ReportState::Submitted, 1));
    let line = up.history.last().unwrap();
    assert_eq!((line.kind, line.party, line.actor.as_str()), (ReportEventKind::Escalated, Some(Party::StreetOffice), ""), "the clock did it");
    assert_eq!((up.summary.accept_by.unwrap() - line.at).num_minutes(), 120, "the street office's clock starts anew");
    let heard = news_heard(staff_news, 4).await;
    assert!(heard.contains(&(safety, ReportNews::Escalated)), "staff are alerted live: {heard:?}");

    clock.advance(Duration::hours(22));
    // The demo's leaking pipe, reported three hours before the test began, goes up too.
    assert_eq!(clock::escalate_due(state).await.unwrap(), 3, "the repairs after a day, the safety case again; the accepted case never");
    let repair = staff.problem_report(repair).await.unwrap();
    assert_eq!((repair.summary.party, repair.summary.escalations), (Party::ResidentsCommittee, 1));
    assert!(repair.actions.contains(&ReportAction::Accept), "now staff's to accept");
    assert_eq!(app.sign_in(PROPERTY).await.accept_report(repair.summary.id).await.unwrap_err().code(), ErrorCode::NotFound, "no longer the property company's");
    let top = staff.problem_report(safety).await.unwrap();
    assert_eq!((top.summary.party, top.summary.escalations), (Party::StreetOffice, 2), "at the top it stays, and staff are alerted again");
    assert_eq!(staff.problem_report(accepted).await.unwrap().summary.escalations, 0);
    let handling = staff.reports(ReportScope::Handling, &PageQuery::default()).await.unwrap().reports;
    let card = handling.iter().find(|case| case.id == safety).expect("the handling list has it");
    assert_eq!((card.escalations, card.accept_by), (2, top.summary.accept_by), "the list shows how often it went up and by when");
}

async fn a_resolution_may_be_reopened_for_a_while_then_the_clock_confirms_it(backend: Backend) {
    let clock = TestClock::default();
    let Some(app) = common::spawn_with_clock(backend, &clock).await else { return };
    let state = &app.running.state;
    let resident = app.sign_in(RESIDENT).await;
    let property = app.sign_in(PROPERTY).await;
    let property_news = property.events().await.unwrap();
    let id = resident.report_problem(&report(ReportCategory::HomeRepair, false)).await.unwrap().summary.id;
    property.accept_report(id).await.unwrap();
    property.resolve_report(id, &resolution("拧紧了接头。")).await.unwrap();
    let reopened = resident.reopen_report(id, &ReopenReport { reason: "还是在滴水。".into() }).await.unwrap();
    assert_eq!((reopened.summary.state, reopened.handler.as_deref()), (ReportState::InProgress, Some("张经理（物业）")), "back to whoever handled it");
    assert_eq!(reopened.history.last().unwrap().detail, "还是在滴水。");
    property.resolve_report(id, &resolution("换了新的水管。")).await.unwrap();

    clock.advance(Duration::days(7));
    let late = resident.reopen_report(id, &ReopenReport { reason: "又漏了".into() }).await.unwrap_err();
    assert_eq!(late.code(), ErrorCode::ReopenTooLate);
    assert_eq!(clock::confirm_due(state).await.unwrap(), 1);
    assert_eq!(clock::confirm_due(state).await.unwrap(), 0, "once");
    let closed = resident.problem_report(id).await.unwrap();
    assert_eq!((closed.summary.state, closed.stars), (ReportState::Confirmed, None), "no rating the resident did not give");
    assert_eq!(closed.history.last().unwrap().kind, ReportEventKind::AutoConfirmed);
    let heard: Vec<ReportNews> = news_heard(property_news, 2).await.into_iter().map(|(_, news)| news).collect();
    assert_eq!(heard, [ReportNews::New, ReportNews::Reopened]);
}

async fn staff_send_a_case_elsewhere_and_fold_duplicates_into_one(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let resident = app.sign_in(RESIDENT).await;
    let owner = app.sign_in(OWNER).await;
    let staff = app.sign_in(STAFF).await;
    let property = app.sign_in(PROPERTY).await;
    let manhole = NewReport { location: "东门岗亭旁".into(), description: "井盖不见了".into(), ..report(ReportCategory::CommonAreas, false) };
    let first = resident.report_problem(&manhole).await.unwrap().summary.id;
    let second = owner.report_problem(&manhole).await.unwrap().summary.id;
    property.accept_report(first).await.unwrap();

    let to_street = ReassignReport { party: Party::StreetOffice, pool: Some("市政协调".into()), note: "涉及市政井盖，请街道协调。".into() };
    assert_eq!(property.reassign_report(first, &to_street).await.unwrap_err().code(), ErrorCode::Forbidden, "staff reassign");
    let sent = staff.reassign_report(first, &to_street).await.unwrap();
    assert_eq!((sent.summary.state, sent.summary.party, sent.pool.as_deref(), sent.handler), (ReportState::Submitted, Party::StreetOffice, Some("市政协调"), None));
    let line = sent.history.last().unwrap();
    assert_eq!((line.kind, line.party, line.detail.as_str()), (ReportEventKind::Reassigned, Some(Party::StreetOffice), "涉及市政井盖，请街道协调。"));
    assert_eq!(property.problem_report(first).await.unwrap_err().code(), ErrorCode::NotFound, "a private case leaves the property company's sight");
    let same = staff.reassign_report(first, &to_street).await.unwrap_err();
    assert_eq!((same.code(), same.field()), (ErrorCode::InvalidValue, Some("party")), "already there");

    let owner_news = owner.events().await.unwrap();
    let merged = staff.merge_report(second, &MergeReport { into: first }).await.unwrap();
    assert_eq!((merged.summary.state, merged.merged_into), (ReportState::Merged, Some(first)));
    let followed = owner.problem_report(first).await.unwrap();
    assert_eq!((followed.reporter, followed.reporter_phone), (None, None), "the owner follows the case without learning who else reported it");
    assert!(followed.seconded && followed.summary.seconds == 1, "their report counts as a 'me too'");
    assert!(followed.actions.is_empty());
    assert_eq!(news_heard(owner_news, 1).await, [(second, ReportNews::Merged)]);
    assert_eq!(staff.merge_report(second, &MergeReport { into: first }).await.unwrap_err().code(), ErrorCode::ReportChanged, "merged once");
    for into in [first, ReportId(999_999)] {
        let refused = staff.merge_report(first, &MergeReport { into }).await.unwrap_err();
        assert_eq!((refused.code(), refused.field()), (ErrorCode::InvalidValue, Some("into")), "not into itself nor a case that is not there");
    }
}

async fn the_community_sees_monthly_figures_per_category_and_party(backend: Backend) {
    let clock = TestClock::default();
    let Some(app) = common::spawn_with_clock(backend, &clock).await else { return };
    let (resident, property) = (app.sign_in(RESIDENT).await, app.sign_in(PROPERTY).await);
    let before = resident.report_figures(&FiguresQuery::default()).await.unwrap();
    for (accept_after, resolve_after, rating) in [(30, 90, 4), (90, 270, 2)] {
        let id = resident.report_problem(&report(ReportCategory::HomeRepair, false)).await.unwrap().summary.id;
        clock.advance(Duration::minutes(accept_after));
        property.accept_report(id).await.unwrap();
        clock.advance(Duration::minutes(resolve_after - accept_after));
        property.resolve_report(id, &resolution("修好了")).await.unwrap();
        resident.confirm_report(id, &stars(rating, "")).await.unwrap();
        clock.advance(-Duration::minutes(resolve_after));
    }
    let figures = app.sign_in(OWNER).await.report_figures(&FiguresQuery::default()).await.unwrap();
    assert_eq!((figures.year, figures.month), (before.year, before.month), "this month in the community's calendar");
    let repairs = figures.rows.iter().find(|row| row.category == ReportCategory::HomeRepair && row.party == Party::PropertyCompany).unwrap();
    let earlier = before.rows.iter().find(|row| row.category == ReportCategory::HomeRepair).map_or(0, |row| row.cases);
    assert_eq!(repairs.cases, earlier + 2, "the demo's waiting repair, if this month, counts as a case but has no times yet");
    assert_eq!((repairs.median_accept_minutes, repairs.median_resolve_minutes), (Some(60), Some(180)));
    assert_eq!((repairs.satisfaction, repairs.ratings), (Some(3.0), 2));
    let long_ago = resident.report_figures(&FiguresQuery { year: Some(2001), month: Some(1) }).await.unwrap();
    assert!(long_ago.rows.is_empty());
    let refused = resident.report_figures(&FiguresQuery { year: Some(2026), month: Some(13) }).await.unwrap_err();
    assert_eq!((refused.code(), refused.field()), (ErrorCode::InvalidValue, Some("month")));
}

async fn steps_with_bad_input_change_nothing(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let resident = app.sign_in(RESIDENT).await;
    let property = app.sign_in(PROPERTY).await;
    let id = resident.report_problem(&report(ReportCategory::HomeRepair, false)).await.unwrap().summary.id;
    assert_eq!(property.resolve_report(id, &resolution("修好了")).await.unwrap_err().code(), ErrorCode::Forbidden, "accept first");
    property.accept_report(id).await.unwrap();
    let someone_elses = resident.upload_image("image/jpeg", common::photo_with_location()).await.unwrap().id;
    let bad = [
        (resolution(" "), ErrorCode::FieldRequired, "note"),
        (ResolveReport { note: "好".into(), photos: vec![someone_elses] }, ErrorCode::InvalidValue, "photos"),
        (ResolveReport { note: "好".into(), photos: (1..=7).map(UploadId).collect() }, ErrorCode::InvalidValue, "photos"),
    ];
    for (resolution, code, field) in bad {
        let refused = property.resolve_report(id, &resolution).await.unwrap_err();
        assert_eq!((refused.code(), refused.field()), (code, Some(field)), "{resolution:?}");
    }
    property.resolve_report(id, &resolution("修好了")).await.unwrap();
    for rating in [0, 6] {
        let refused = resident.confirm_report(id, &stars(rating, "")).await.unwrap_err();
        assert_eq!((refused.code(), refused.field()), (ErrorCode::InvalidValue, Some("stars")));
    }
    let refused = resident.reopen_report(id, &ReopenReport { reason: "".into() }).await.unwrap_err();
    assert_eq!((refused.code(), refused.field()), (ErrorCode::FieldRequired, Some("reason")));
    let unchanged = resident.problem_report(id).await.unwrap();
    assert_eq!((unchanged.summary.state, unchanged.stars), (ReportState::Resolved, None), "still waiting for a real answer");
    assert_eq!(kinds(&unchanged), [ReportEventKind::Submitted, ReportEventKind::Accepted, ReportEventKind::Resolved]);
    let (_, other_staff, _) = app.add_other_community().await;
    let outsider = app.sign_in(&other_staff).await;
    assert_eq!(outsider.reassign_report(id, &ReassignReport { party: Party::StreetOffice, pool: None, note: "x".into() }).await.unwrap_err().code(), ErrorCode::NotFound, "another community's staff do not see it");
}

async fn a_family_member_reports_for_the_resident_and_confirms_it(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let elderly = app.sign_in(ELDERLY).await;
    let mother = elderly.me().await.unwrap().id;
    let daughter = app.sign_in(linli_server::seed::FAMILY_PHONE).await;
    let problem = NewReport { location: "5栋1单元301厨房".into(), ..report(ReportCategory::HomeRepair, true) };
    assert_eq!(daughter.report_problem(&problem).await.unwrap_err().code(), ErrorCode::Forbidden, "not for herself: she lives elsewhere");
    let for_mother = daughter.clone().acting_for(mother);
    // She cannot attach a photo she could not have uploaded in the community.
    let with_photo = NewReport { photos: vec![UploadId(1)], ..problem.clone() };
    assert_eq!(for_mother.report_problem(&with_photo).await.unwrap_err().field(), Some("photos"));
    assert_eq!(for_mother.report_rules().await.unwrap().route_for(ReportCategory::HomeRepair).party, Party::PropertyCompany, "she sees where it will go");

    let sent = for_mother.report_problem(&problem).await.unwrap();
    let id = sent.summary.id;
    assert_eq!(sent.reporter.as_deref(), Some("陈秀英"), "the case is her mother's");
    assert_eq!(sent.history[0].actor, "陈小红（女儿）", "the record names who typed it");
    assert!(listed(&elderly, ReportScope::Mine, id).await && listed(&for_mother, ReportScope::Mine, id).await);
    assert_eq!(for_mother.reports(ReportScope::Public, &PageQuery::default()).await.unwrap_err().code(), ErrorCode::Forbidden, "she is nobody's neighbour here");
    let property = app.sign_in(PROPERTY).await;
    let handled = property.problem_report(id).await.unwrap();
    assert_eq!((handled.reporter.as_deref(), handled.reporter_phone.as_deref()), (Some("陈秀英"), Some(ELDERLY)), "the handler calls the resident");
    // Neighbours learn neither who reported it nor who typed it for her.
    let neighbour = app.sign_in(RESIDENT).await;
    let seen = neighbour.problem_report(id).await.unwrap();
    assert_eq!((seen.reporter.as_deref(), seen.history[0].actor.as_str()), (None, ""));

    property.accept_report(id).await.unwrap();
    assert_eq!(for_mother.accept_report(id).await.unwrap_err().code(), ErrorCode::Forbidden, "she handles nothing");
    let work = property.upload_image("image/jpeg", common::photo_with_location()).await.unwrap().id;
    property.resolve_report(id, &ResolveReport { note: "换了水龙头的阀芯。".into(), photos: vec![work] }).await.unwrap();
    assert!(for_mother.image(work).await.is_ok(), "she sees the work done on her mother's private case");
    assert_eq!(daughter.image(work).await.unwrap_err().code(), ErrorCode::Forbidden, "only in her mother's name");
    let neighbours_private = neighbour.upload_image("image/jpeg", common::photo_with_location()).await.unwrap().id;
    neighbour.report_problem(&NewReport { photos: vec![neighbours_private], ..report(ReportCategory::Other, false) }).await.unwrap();
    assert_eq!(for_mother.image(neighbours_private).await.unwrap_err().code(), ErrorCode::NotFound, "nothing her mother may not see");
    let confirmed = for_mother.confirm_report(id, &stars(5, "替妈妈谢谢师傅")).await.unwrap();
    assert_eq!((confirmed.summary.state, confirmed.stars), (ReportState::Confirmed, Some(5)));
    let history = elderly.family_history(&PageQuery::default()).await.unwrap();
    let kinds: Vec<_> = history.items.iter().take(2).map(|item| (item.kind, item.detail.as_str())).collect();
    assert_eq!(kinds, [(FamilyActivityKind::ConfirmedReport, "5栋1单元301厨房"), (FamilyActivityKind::ReportedProblem, "5栋1单元301厨房")], "her mother sees what was done in her name");

    // Without the grant, nothing in her mother's name.
    let link = elderly.family_links().await.unwrap().my_family.remove(0);
    elderly.update_family_grants(link.id, &UpdateGrants { grants: vec![Grant::ReadNotices] }).await.unwrap();
    assert_eq!(for_mother.report_problem(&problem).await.unwrap_err().code(), ErrorCode::NotPermitted);
    assert_eq!(for_mother.problem_report(id).await.unwrap_err().code(), ErrorCode::NotPermitted);
    assert!(for_mother.image(work).await.is_ok(), "any grant still shows her what her mother is shown");
    elderly.revoke_family_link(link.id).await.unwrap();
    assert_eq!(for_mother.image(work).await.unwrap_err().code(), ErrorCode::NotPermitted, "a revoked link shows nothing");
}

on_both_databases!(
    case_lists_page_open_cases_first,
    a_report_goes_to_the_party_responsible_with_its_photos,
    neighbours_see_public_cases_but_never_who_reported_them,
    me_too_counts_each_neighbour_once_even_when_tapped_at_once,
    staff_set_where_each_category_goes,
    bad_input_gets_a_clear_error_and_changes_nothing,
    the_property_company_handles_a_case_and_the_reporter_confirms_and_rates_it,
    of_many_handlers_tapping_accept_at_once_exactly_one_gets_the_case,
    a_case_nobody_accepts_in_time_goes_up_a_level_and_staff_are_alerted,
    a_resolution_may_be_reopened_for_a_while_then_the_clock_confirms_it,
    staff_send_a_case_elsewhere_and_fold_duplicates_into_one,
    the_community_sees_monthly_figures_per_category_and_party,
    steps_with_bad_input_change_nothing,
    a_family_member_reports_for_the_resident_and_confirms_it,
);
