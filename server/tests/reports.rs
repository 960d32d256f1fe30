//! Problem reports over HTTP on SQLite and PostgreSQL, so far: reporting with photos (their
//! location metadata gone), routing by category to the party responsible, who sees a private
//! and a public case (never a public case's reporter), "me too" once per person even when
//! tapped at once, the community's routing, and bad input that changes nothing.

mod common;

use common::{Backend, ELDERLY, OWNER, PROPERTY, RESIDENT, STAFF};
use linli_api::ids::{ReportId, UploadId};
use linli_api::reports::{NewReport, Party, ReportCategory, ReportEventKind, ReportRules, ReportScope, ReportState, Route};
use linli_api::{Client, ErrorCode};

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
    client.reports(scope).await.unwrap().iter().any(|summary| summary.id == id)
}

async fn a_report_goes_to_the_party_responsible_with_its_photos(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let resident = app.sign_in(RESIDENT).await;
    let upload = resident.upload_image("image/jpeg", common::photo_with_location()).await.unwrap();
    let sent = resident.report_problem(&NewReport { photos: vec![upload.id], ..report(ReportCategory::CommonAreas, false) }).await.unwrap();
    assert_eq!((sent.summary.state, sent.summary.party), (ReportState::Submitted, Party::PropertyCompany), "common parts go to the property company");
    assert_eq!(sent.photos, [upload.id]);
    assert_eq!(sent.reporter.as_deref(), Some("刘洋"), "the reporter sees their own name");
    let accept_by = sent.accept_by.expect("a deadline to accept it");
    assert_eq!((accept_by - sent.summary.submitted_at).num_hours(), 24, "a day for anything but safety");
    assert_eq!(sent.history.iter().map(|event| event.kind).collect::<Vec<_>>(), [ReportEventKind::Submitted]);
    let stored = resident.image(upload.id).await.unwrap();
    assert!(!stored.windows(11).any(|w| w == b"GPSLatitude"), "no location survives");

    let property = app.sign_in(PROPERTY).await;
    assert!(listed(&property, ReportScope::Handling, sent.summary.id).await, "the property company's list has it");
    let seen = property.problem_report(sent.summary.id).await.unwrap();
    assert_eq!(seen.reporter_phone.as_deref(), Some("13900000003"), "the handler can call the reporter");
    assert!(seen.actions.contains(&linli_api::reports::ReportAction::Accept));

    let safety = resident.report_problem(&report(ReportCategory::Safety, true)).await.unwrap();
    assert_eq!(safety.summary.party, Party::ResidentsCommittee);
    assert_eq!((safety.accept_by.unwrap() - safety.summary.submitted_at).num_minutes(), 120, "safety within two hours");
    assert!(!listed(&property, ReportScope::Handling, safety.summary.id).await, "not the property company's case");
    assert!(listed(&app.sign_in(STAFF).await, ReportScope::Handling, sent.summary.id).await, "staff oversee every case");
    assert_eq!(resident.reports(ReportScope::Mine).await.unwrap().len(), 2);
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
    assert_eq!(owner.reports(ReportScope::Handling).await.unwrap_err().code(), ErrorCode::Forbidden, "residents handle nothing");
    let staff = app.sign_in(STAFF).await;
    assert_eq!(staff.problem_report(private).await.unwrap().reporter.as_deref(), Some("刘洋"));
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
    assert_eq!((sent.accept_by.unwrap() - sent.summary.submitted_at).num_minutes(), 240);
    let refused = app.sign_in(PROPERTY).await.set_report_rules(&rules).await.unwrap_err();
    assert_eq!(refused.code(), ErrorCode::Forbidden, "only staff route cases");
}

async fn bad_input_gets_a_clear_error_and_changes_nothing(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let resident = app.sign_in(RESIDENT).await;
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
    assert!(resident.reports(ReportScope::Mine).await.unwrap().is_empty(), "nothing was reported");
    let staff = app.sign_in(STAFF).await;
    assert_eq!(staff.report_problem(&report(ReportCategory::Other, false)).await.unwrap_err().code(), ErrorCode::Forbidden, "residents report");
    let mut twice = ReportRules::default();
    twice.routes[1].category = twice.routes[0].category;
    let refused = staff.set_report_rules(&twice).await.unwrap_err();
    assert_eq!((refused.code(), refused.field()), (ErrorCode::InvalidValue, Some("routes.1.category")));
    assert_eq!(staff.report_rules().await.unwrap(), ReportRules::default(), "the routing did not change");
    assert_eq!(resident.problem_report(ReportId(999_999)).await.unwrap_err().code(), ErrorCode::NotFound);
}

on_both_databases!(
    a_report_goes_to_the_party_responsible_with_its_photos,
    neighbours_see_public_cases_but_never_who_reported_them,
    me_too_counts_each_neighbour_once_even_when_tapped_at_once,
    staff_set_where_each_category_goes,
    bad_input_gets_a_clear_error_and_changes_nothing,
);
