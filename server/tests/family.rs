//! Family links end to end: codes, registration, acting for a resident, grants, revocation
//! and the resident's history, on SQLite and PostgreSQL.

mod common;

use common::{Backend, ELDERLY, OWNER, RESIDENT, STAFF};

/// The resident cared for in these tests (the demo's elderly resident already has a
/// family member linked by the seed).
const CARED_FOR: &str = RESIDENT;
use linli_api::auth::Role;
use linli_api::family::{
    AcceptFamilyInvite, FamilyActivityKind, FamilyRegisterRequest, Grant, NewFamilyInvite, UpdateGrants,
    ACTING_FOR_HEADER,
};
use linli_api::paging::PageQuery;
use linli_api::{Client, ErrorCode};

async fn code_for(resident: &Client, grants: &[Grant]) -> String {
    resident.create_family_invite(&NewFamilyInvite { grants: grants.to_vec() }).await.unwrap().code
}

fn family_member(code: &str, phone: &str) -> FamilyRegisterRequest {
    FamilyRegisterRequest {
        code: code.to_lowercase(),
        phone: phone.into(),
        name: "王小明".into(),
        password: "family-2026".into(),
        accept_privacy_policy: true,
        locale: None,
    }
}

async fn a_family_member_reads_for_the_resident_who_sees_it_in_their_history(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let elderly = app.sign_in(CARED_FOR).await;
    let elderly_id = elderly.me().await.unwrap().id;
    let invite = code_for(&elderly, &[Grant::ReadNotices]).await;

    let registered = app.client().register_family_member(&family_member(&invite, "13600000001")).await.unwrap();
    assert_eq!(registered.session.me.role, Role::Family);
    assert_eq!(registered.session.me.household, None);
    assert_eq!(registered.link.resident.id, elderly_id);
    assert_eq!(registered.link.grants, vec![Grant::ReadNotices]);
    let member = app.client().with_token(registered.session.token);

    // A family account sees nothing of the community by itself.
    let error = member.notices(&PageQuery::default()).await.unwrap_err();
    assert_eq!((error.status(), error.code()), (Some(403), ErrorCode::Forbidden));

    let for_elderly = member.clone().acting_for(elderly_id);
    let page = for_elderly.notices(&PageQuery::default()).await.unwrap();
    assert_eq!((page.total, page.unread), (4, 4), "the resident's notices and read state");
    let notice = page.items.iter().find(|n| !n.pinned).unwrap().clone();
    assert_eq!(for_elderly.notice(notice.id).await.unwrap().summary.title, notice.title);
    for_elderly.mark_read(notice.id).await.unwrap();
    for_elderly.mark_read(notice.id).await.unwrap();

    assert_eq!(elderly.notices(&PageQuery::default()).await.unwrap().unread, 3, "read for them");
    let history = elderly.family_history(&PageQuery::default()).await.unwrap();
    let kinds: Vec<_> = history.items.iter().map(|item| item.kind).collect();
    assert_eq!(kinds, [FamilyActivityKind::ReadNotice, FamilyActivityKind::Linked], "newest first, reading twice once");
    let read = &history.items[0];
    assert_eq!((read.member_name.as_str(), read.detail.as_str()), ("王小明", notice.title.as_str()));
    assert_eq!(read.resident_name, elderly.me().await.unwrap().name);
    // The family member sees the same lines from their side.
    assert_eq!(member.family_history(&PageQuery::default()).await.unwrap().items.len(), 2);

    // Paged by cursor, two lines at a time, from either side: every line once, newest first.
    for item in &page.items {
        for_elderly.mark_read(item.id).await.unwrap();
    }
    let whole = elderly.family_history(&PageQuery::default()).await.unwrap();
    assert_eq!((whole.items.len(), whole.next_after.as_deref()), (5, None), "four notices read for them, and the link");
    for side in [&elderly, &member] {
        let (mut paged, mut after) = (Vec::new(), None::<String>);
        loop {
            let page = side.family_history(&PageQuery::after(after.as_deref(), Some(2))).await.unwrap();
            assert!(page.items.len() <= 2);
            paged.extend(page.items);
            match page.next_after {
                Some(next) => after = Some(next),
                None => break,
            }
        }
        assert_eq!(paged, whole.items);
    }
    let error = elderly.family_history(&PageQuery::after(Some("not-a-cursor"), None)).await.unwrap_err();
    assert_eq!((error.status(), error.code()), (Some(400), ErrorCode::InvalidQuery));
}

async fn grants_decide_and_revoking_stops_it_at_once(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let elderly = app.sign_in(CARED_FOR).await;
    let elderly_id = elderly.me().await.unwrap().id;
    // The family member here is a resident of the same community with their own account.
    let owner = app.sign_in(OWNER).await;
    let code = code_for(&elderly, &[Grant::VoteProxy]).await;
    let link = owner.accept_family_invite(&AcceptFamilyInvite { code }).await.unwrap();
    let for_elderly = owner.clone().acting_for(elderly_id);

    let error = for_elderly.notices(&PageQuery::default()).await.unwrap_err();
    assert_eq!((error.status(), error.code()), (Some(403), ErrorCode::NotPermitted), "voting is not reading");
    // Without the header the owner still reads their own notices.
    owner.notices(&PageQuery::default()).await.unwrap();

    // Only the resident changes grants.
    let error = owner.update_family_grants(link.id, &UpdateGrants { grants: vec![Grant::ReadNotices] }).await.unwrap_err();
    assert_eq!(error.code(), ErrorCode::NotFound);
    let changed = elderly.update_family_grants(link.id, &UpdateGrants { grants: vec![Grant::ReadNotices, Grant::ReadNotices] }).await.unwrap();
    assert_eq!(changed.grants, vec![Grant::ReadNotices]);
    for_elderly.notices(&PageQuery::default()).await.unwrap();

    let links = elderly.family_links().await.unwrap();
    assert_eq!((links.my_family.len(), links.i_help.len()), (1, 0));
    assert_eq!(links.my_family[0].member.phone_masked, "139****0001", "the other side's phone is masked");
    assert_eq!(links.my_family[0].resident.household.as_ref().map(|h| h.room.is_empty()), Some(false));
    assert_eq!(owner.family_links().await.unwrap().i_help[0].resident.id, elderly_id);

    elderly.revoke_family_link(link.id).await.unwrap();
    let error = for_elderly.notices(&PageQuery::default()).await.unwrap_err();
    assert_eq!((error.status(), error.code()), (Some(403), ErrorCode::NotPermitted));
    assert!(owner.family_links().await.unwrap().i_help.is_empty());
    let error = elderly.revoke_family_link(link.id).await.unwrap_err();
    assert_eq!(error.code(), ErrorCode::NotFound, "revoking twice");

    let kinds: Vec<_> = elderly.family_history(&PageQuery::default()).await.unwrap().items.iter().map(|i| i.kind).collect();
    assert_eq!(kinds, [FamilyActivityKind::Revoked, FamilyActivityKind::GrantsChanged, FamilyActivityKind::Linked]);

    // A new code brings the same pair back, with the new code's grants.
    let code = code_for(&elderly, &[Grant::ReadNotices]).await;
    let again = owner.accept_family_invite(&AcceptFamilyInvite { code }).await.unwrap();
    assert_eq!(again.id, link.id);
    for_elderly.notices(&PageQuery::default()).await.unwrap();
}

async fn a_code_works_once_and_never_for_its_own_resident(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let elderly = app.sign_in(CARED_FOR).await;
    let code = code_for(&elderly, &[Grant::ReadNotices]).await;

    let error = elderly.accept_family_invite(&AcceptFamilyInvite { code: code.clone() }).await.unwrap_err();
    assert_eq!((error.code(), error.field()), (ErrorCode::FamilySelf, Some("code")));

    // Two people race for one code: exactly one gets the link.
    let links = app.count("family_links").await;
    let (owner, neighbour) = (app.sign_in(OWNER).await, app.sign_in(ELDERLY).await);
    let accept = |client: Client, code: String| async move { client.accept_family_invite(&AcceptFamilyInvite { code }).await };
    let (first, second) = tokio::join!(accept(owner, code.clone()), accept(neighbour, code.clone()));
    assert_eq!(usize::from(first.is_ok()) + usize::from(second.is_ok()), 1, "{first:?} {second:?}");
    let loser = first.err().or(second.err()).unwrap();
    assert_eq!(loser.code(), ErrorCode::FamilyCodeInvalid);
    assert_eq!(app.count("family_links").await, links + 1);

    // Registration with a used code creates no account.
    let users = app.count("users").await;
    let error = app.client().register_family_member(&family_member(&code, "13600000002")).await.unwrap_err();
    assert_eq!((error.code(), error.field()), (ErrorCode::FamilyCodeInvalid, Some("code")));
    assert_eq!(app.count("users").await, users);
}

async fn bad_requests_change_nothing(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let (invites, links) = (app.count("family_invites").await, app.count("family_links").await);
    let elderly = app.sign_in(CARED_FOR).await;
    let error = elderly.create_family_invite(&NewFamilyInvite { grants: vec![] }).await.unwrap_err();
    assert_eq!((error.status(), error.code(), error.field()), (Some(422), ErrorCode::FieldRequired, Some("grants")));
    let error = app.sign_in(STAFF).await.create_family_invite(&NewFamilyInvite { grants: vec![Grant::ReadNotices] }).await.unwrap_err();
    assert_eq!(error.code(), ErrorCode::Forbidden, "staff have no household to be cared for");
    let (status, body) = elderly
        .raw(reqwest::Method::POST, "/family/invites", Some(&serde_json::json!({ "grants": ["launch_rockets"] })))
        .await
        .unwrap();
    assert_eq!((status, body["error"]["code"].as_str()), (400, Some("malformed_body")));
    let mut bad = family_member("", "13600000003");
    let error = app.client().register_family_member(&bad).await.unwrap_err();
    assert_eq!((error.code(), error.field()), (ErrorCode::FieldRequired, Some("code")));
    bad.code = "NOPE-NOPE".into();
    let error = app.client().register_family_member(&bad).await.unwrap_err();
    assert_eq!(error.code(), ErrorCode::FamilyCodeInvalid);
    assert_eq!(app.count("family_invites").await, invites);
    assert_eq!(app.count("family_links").await, links);

    // A header naming nobody, someone unlinked, or garbage: refused alike, never a 5xx.
    let staff = app.sign_in(STAFF).await;
    let unlinked = elderly.me().await.unwrap().id.to_string();
    for value in ["abc", "0", "-1", "999999", "", unlinked.as_str()] {
        let response = reqwest::Client::new()
            .get(staff.url("/notices"))
            .bearer_auth(staff.token().unwrap())
            .header(ACTING_FOR_HEADER, value)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 403, "acting for {value}");
    }
}

async fn links_cross_communities_but_strangers_get_nothing(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let (_, other_staff, other_resident) = app.add_other_community().await;
    let elderly = app.sign_in(CARED_FOR).await;
    let elderly_id = elderly.me().await.unwrap().id;

    let stranger = app.sign_in(&other_staff).await.acting_for(elderly_id);
    assert_eq!(stranger.notices(&PageQuery::default()).await.unwrap_err().code(), ErrorCode::NotPermitted);

    // A daughter living in another community can care for her mother here.
    let daughter = app.sign_in(&other_resident).await;
    let link = daughter.accept_family_invite(&AcceptFamilyInvite { code: code_for(&elderly, &[Grant::ReadNotices]).await }).await.unwrap();
    assert_eq!(link.resident.community_name, elderly.me().await.unwrap().community.name);
    let mothers = daughter.clone().acting_for(elderly_id).notices(&PageQuery::default()).await.unwrap();
    let own = daughter.notices(&PageQuery::default()).await.unwrap();
    assert_ne!(mothers.total, own.total, "each community's notices stay its own");

    let outsider = app.sign_in(&other_staff).await;
    assert_eq!(outsider.revoke_family_link(link.id).await.unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(outsider.update_family_grants(link.id, &UpdateGrants { grants: vec![] }).await.unwrap_err().code(), ErrorCode::NotFound);
    // The family member may leave on their own.
    daughter.revoke_family_link(link.id).await.unwrap();
    assert!(elderly.family_links().await.unwrap().my_family.is_empty());
}

on_both_databases!(
    a_family_member_reads_for_the_resident_who_sees_it_in_their_history,
    grants_decide_and_revoking_stops_it_at_once,
    a_code_works_once_and_never_for_its_own_resident,
    bad_requests_change_nothing,
    links_cross_communities_but_strangers_get_nothing,
);
