//! Micro-wishes end to end over HTTP on SQLite and PostgreSQL: posting and approval, the
//! board's privacy, claiming (once, even when many tap at the same moment), fulfilling,
//! confirming and thanking, the volunteer record, family and staff acting for a wisher,
//! the claim's clock (reminder and expiry), and bad input that changes nothing.

mod common;

use chrono::{Duration, NaiveDate, Utc};
use common::{Backend, TestClock, ELDERLY, MERCHANT, OWNER, RESIDENT, STAFF};
use futures_util::StreamExt;
use linli_api::events::Event;
use linli_api::family::FamilyActivityKind;
use linli_api::paging::PageQuery;
use linli_api::ids::{HouseholdId, UploadId, WishId};
use linli_api::wishes::{
    ClaimWish, ConfirmWish, FulfilWish, NewWish, ReviewWish, WishAction, WishBoardQuery, WishCategory, WishEventKind, WishNews,
    WishRules, WishState, WithdrawWish,
};
use linli_api::{Client, ErrorCode};

fn today() -> NaiveDate {
    (Utc::now() + Duration::hours(8)).date_naive()
}

fn wish(what: &str) -> NewWish {
    NewWish {
        what: what.into(),
        why: "老收音机坏了".into(),
        category: WishCategory::Goods,
        photo: None,
        wanted_by: today() + Duration::days(7),
        for_household: None,
        wisher_name: None,
        wisher_phone: None,
    }
}

fn approve() -> ReviewWish {
    ReviewWish { approve: true, reason: None }
}

fn done(note: &str) -> FulfilWish {
    FulfilWish { note: note.into(), photo: None, minutes: Some(60) }
}

async fn on_board(client: &Client, id: WishId) -> bool {
    client.wish_board(&WishBoardQuery::default()).await.unwrap().wishes.iter().any(|wish| wish.id == id)
}

/// The news events `client` hears within a few seconds.
async fn news_heard(mut live: impl futures_util::Stream<Item = Event> + Unpin, wanted: usize) -> Vec<(WishId, WishNews)> {
    let mut heard = Vec::new();
    while let Ok(Some(event)) = tokio::time::timeout(std::time::Duration::from_secs(3), live.next()).await {
        if let Event::WishNews { wish_id, news, .. } = event {
            heard.push((wish_id, news));
            if heard.len() == wanted {
                break;
            }
        }
    }
    heard
}

async fn a_wish_goes_from_posting_to_public_thanks(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let elderly = app.sign_in(ELDERLY).await;
    let neighbour = app.sign_in(RESIDENT).await;
    let other = app.sign_in(OWNER).await;
    let staff = app.sign_in(STAFF).await;
    let wisher_news = elderly.events().await.unwrap();

    let posted = elderly.post_wish(&wish("  一台收音机 ")).await.unwrap();
    let id = posted.summary.id;
    assert_eq!((posted.summary.what.as_str(), posted.summary.state, posted.is_mine), ("一台收音机", WishState::Pending, true));
    assert_eq!(posted.actions, [WishAction::Withdraw]);
    assert!(!on_board(&neighbour, id).await, "not public before staff approve it");
    assert_eq!(neighbour.wish(id).await.unwrap_err().code(), ErrorCode::NotFound);
    let queue = staff.wishes_to_review().await.unwrap();
    let waiting = queue.iter().find(|wish| wish.summary.id == id).expect("in the review queue");
    let contact = waiting.contact.as_ref().expect("staff see the contact");
    assert_eq!((contact.name.as_str(), contact.phone.as_deref()), ("陈秀英", Some("13900000002")));

    let approved = staff.review_wish(id, &approve()).await.unwrap();
    assert_eq!(approved.summary.state, WishState::Open);
    assert_eq!(staff.review_wish(id, &approve()).await.unwrap_err().code(), ErrorCode::WishChanged, "decided once");
    let seen = neighbour.wish(id).await.unwrap();
    assert_eq!((seen.summary.wisher.initials.as_str(), seen.summary.wisher.building.as_deref()), ("陈**", Some("1栋")));
    assert!(seen.contact.is_none() && seen.history.is_empty(), "neighbours see neither contact nor history");
    assert_eq!(seen.actions, [WishAction::Claim]);
    let board_json = serde_json::to_string(&neighbour.wish_board(&WishBoardQuery::default()).await.unwrap()).unwrap();
    assert!(!board_json.contains("13900000002") && !board_json.contains("陈秀英"), "the board never shows phone or name");
    assert_eq!(elderly.claim_wish(id, &ClaimWish::default()).await.unwrap_err().code(), ErrorCode::OwnWish);

    let claimed = neighbour.claim_wish(id, &ClaimWish { organisation: Some(" 阳光志愿服务队 ".into()) }).await.unwrap();
    assert_eq!(claimed.summary.state, WishState::Claimed);
    let claim = claimed.claim.as_ref().unwrap();
    assert_eq!((claim.volunteer.as_str(), claim.organisation.as_deref()), ("刘洋", Some("阳光志愿服务队")));
    assert_eq!(claim.expires_at - claim.claimed_at, Duration::days(7), "the default claim lasts a week");
    let revealed = claimed.contact.expect("the claimer gets the contact");
    assert_eq!((revealed.phone.as_deref(), revealed.household.map(|h| h.room)), (Some("13900000002"), Some("301".to_owned())));
    assert!(other.wish(id).await.unwrap().contact.is_none(), "only to the claimer");
    assert_eq!(other.claim_wish(id, &ClaimWish::default()).await.unwrap_err().code(), ErrorCode::WishTaken);
    assert!(neighbour.claimed_wishes().await.unwrap().iter().any(|wish| wish.id == id));
    assert_eq!(elderly.confirm_wish(id, &ConfirmWish::default()).await.unwrap_err().code(), ErrorCode::WishChanged, "nothing to confirm yet");

    let fulfilled = neighbour.fulfil_wish(id, &done("送去了一台新收音机，已调好戏曲台")).await.unwrap();
    assert_eq!(fulfilled.summary.state, WishState::Fulfilled);
    assert_eq!(fulfilled.actions, [], "the volunteer does not confirm their own work");
    let to_confirm = elderly.wish(id).await.unwrap();
    assert_eq!(to_confirm.fulfilment.as_ref().map(|f| (f.note.as_str(), f.minutes)), Some(("送去了一台新收音机，已调好戏曲台", Some(60))));
    assert!(to_confirm.actions.contains(&WishAction::Confirm));
    let volunteer_news = neighbour.events().await.unwrap();

    let closed = elderly.confirm_wish(id, &ConfirmWish { thanks: Some("谢谢小刘！".into()) }).await.unwrap();
    assert_eq!((closed.summary.state, closed.thanks.as_deref()), (WishState::Closed, Some("谢谢小刘！")));
    let kinds: Vec<_> = closed.history.iter().map(|event| event.kind).collect();
    assert_eq!(kinds, [WishEventKind::Posted, WishEventKind::Approved, WishEventKind::Claimed, WishEventKind::Fulfilled, WishEventKind::Confirmed]);
    assert_eq!(closed.history[1].actor, "李主任");
    let wall = other.thanks_wall().await.unwrap();
    assert_eq!((wall[0].wish_id, wall[0].thanks.as_str(), wall[0].wisher.initials.as_str()), (id, "谢谢小刘！", "陈**"));
    assert_eq!((wall[0].volunteer.as_str(), wall[0].organisation.as_deref()), ("刘洋", Some("阳光志愿服务队")));
    let record = other.volunteer_record().await.unwrap();
    let liu = record.volunteers.iter().find(|tally| tally.name == "刘洋").unwrap();
    assert_eq!((liu.wishes, liu.minutes, liu.organisation.as_deref()), (2, 105, Some("阳光志愿服务队")), "with the demo's bicycle repair");
    assert_eq!((record.organisations[0].name.as_str(), record.organisations[0].wishes), ("阳光志愿服务队", 2));
    assert!(!on_board(&other, id).await, "the board lists wishes still in need");
    let closed_ones = other.wish_board(&WishBoardQuery { state: Some(WishState::Closed), ..Default::default() }).await.unwrap();
    assert!(closed_ones.wishes.iter().any(|wish| wish.id == id));

    let told = news_heard(wisher_news, 3).await;
    assert_eq!(told, [(id, WishNews::Approved), (id, WishNews::Claimed), (id, WishNews::Fulfilled)]);
    assert_eq!(news_heard(volunteer_news, 1).await, [(id, WishNews::Confirmed)]);
}

async fn staff_decline_with_a_reason_and_post_for_a_resident_without_the_app(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let owner = app.sign_in(OWNER).await;
    let staff = app.sign_in(STAFF).await;
    let posted = owner.post_wish(&wish("想要一张麻将桌")).await.unwrap();
    let no_reason = staff.review_wish(posted.summary.id, &ReviewWish { approve: false, reason: None }).await.unwrap_err();
    assert_eq!((no_reason.code(), no_reason.field()), (ErrorCode::FieldRequired, Some("reason")));
    let declined = staff.review_wish(posted.summary.id, &ReviewWish { approve: false, reason: Some("不属于微心愿范围".into()) }).await.unwrap();
    assert_eq!(declined.summary.state, WishState::Rejected);
    let seen = owner.wish(posted.summary.id).await.unwrap();
    assert_eq!((seen.summary.state, seen.reason.as_deref()), (WishState::Rejected, Some("不属于微心愿范围")));
    assert!(seen.actions.is_empty());
    assert!(owner.my_wishes().await.unwrap().iter().any(|wish| wish.id == posted.summary.id && wish.state == WishState::Rejected));

    // 赵奶奶 has no phone app: staff post for her household and confirm for her.
    let households = common::every_household(&staff).await;
    let household = households[7].household.id;
    let for_her = NewWish { for_household: Some(household), wisher_name: Some("赵奶奶".into()), wisher_phone: Some("13912345678".into()), ..wish("有人陪我聊聊天") };
    let refused = owner.post_wish(&for_her).await.unwrap_err();
    assert_eq!(refused.field(), Some("for_household"), "residents post only their own wishes");
    let missing = NewWish { for_household: None, ..for_her.clone() };
    assert_eq!(staff.post_wish(&missing).await.unwrap_err().field(), Some("for_household"));
    let elsewhere = NewWish { for_household: Some(HouseholdId(9_999)), ..for_her.clone() };
    assert_eq!(staff.post_wish(&elsewhere).await.unwrap_err().field(), Some("for_household"));
    let posted = staff.post_wish(&for_her).await.unwrap();
    assert_eq!(posted.summary.state, WishState::Open, "staff's own post needs no approval");
    assert_eq!(posted.summary.wisher.initials, "赵**");
    let volunteer = app.sign_in(MERCHANT).await;
    let claimed = volunteer.claim_wish(posted.summary.id, &ClaimWish { organisation: Some("鲜丰果蔬".into()) }).await.unwrap();
    assert_eq!(claimed.contact.and_then(|contact| contact.phone).as_deref(), Some("13912345678"), "a shop volunteers too");
    volunteer.fulfil_wish(posted.summary.id, &done("陪赵奶奶聊了一下午")).await.unwrap();
    let closed = staff.confirm_wish(posted.summary.id, &ConfirmWish { thanks: Some("赵奶奶说谢谢".into()) }).await.unwrap();
    assert_eq!(closed.summary.state, WishState::Closed);

    // Staff take a wish down only with a reason; the wisher may simply take theirs back.
    let mine = owner.post_wish(&wish("旧书捐给社区书屋")).await.unwrap();
    staff.review_wish(mine.summary.id, &approve()).await.unwrap();
    let silent = staff.withdraw_wish(mine.summary.id, &WithdrawWish::default()).await.unwrap_err();
    assert_eq!(silent.field(), Some("reason"));
    let back = owner.withdraw_wish(mine.summary.id, &WithdrawWish::default()).await.unwrap();
    assert_eq!(back.summary.state, WishState::Withdrawn);
    let neighbour = app.sign_in(RESIDENT).await;
    assert_eq!(neighbour.wish(mine.summary.id).await.unwrap_err().code(), ErrorCode::NotFound, "off the board");
}

async fn a_family_member_posts_and_confirms_for_the_resident(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let elderly = app.sign_in(ELDERLY).await;
    let elderly_id = elderly.me().await.unwrap().id;
    let daughter = app.sign_in(linli_server::seed::FAMILY_PHONE).await;
    assert_eq!(daughter.post_wish(&wish("收音机")).await.unwrap_err().code(), ErrorCode::Forbidden, "not for herself");
    let for_mother = daughter.clone().acting_for(elderly_id);
    let posted = for_mother.post_wish(&wish("想请人帮忙换个灯泡")).await.unwrap();
    assert!(posted.is_mine && posted.summary.state == WishState::Pending);
    assert_eq!(posted.history[0].actor, "陈小红（女儿）", "the history names who typed it");
    assert!(elderly.my_wishes().await.unwrap().iter().any(|wish| wish.id == posted.summary.id), "the wish is the resident's");
    assert!(for_mother.my_wishes().await.unwrap().iter().any(|wish| wish.id == posted.summary.id));
    // She cannot attach a photo she could not have uploaded, nor volunteer in her mother's name.
    let with_photo = NewWish { photo: Some(UploadId(1)), ..wish("灯泡") };
    assert_eq!(for_mother.post_wish(&with_photo).await.unwrap_err().field(), Some("photo"));

    let staff = app.sign_in(STAFF).await;
    staff.review_wish(posted.summary.id, &approve()).await.unwrap();
    let volunteer = app.sign_in(OWNER).await;
    assert_eq!(for_mother.claim_wish(posted.summary.id, &ClaimWish::default()).await.unwrap_err().code(), ErrorCode::Forbidden);
    volunteer.claim_wish(posted.summary.id, &ClaimWish::default()).await.unwrap();
    volunteer.fulfil_wish(posted.summary.id, &done("换好了")).await.unwrap();
    let closed = for_mother.confirm_wish(posted.summary.id, &ConfirmWish::default()).await.unwrap();
    assert_eq!((closed.summary.state, closed.thanks), (WishState::Closed, None), "thanks are optional");
    let history = elderly.family_history(&PageQuery::default()).await.unwrap();
    let kinds: Vec<_> = history.items.iter().take(2).map(|item| (item.kind, item.detail.as_str())).collect();
    assert_eq!(kinds, [(FamilyActivityKind::ConfirmedWish, "想请人帮忙换个灯泡"), (FamilyActivityKind::PostedWish, "想请人帮忙换个灯泡")]);
}

async fn one_volunteer_holds_a_wish_even_when_many_claim_at_once(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let owner = app.sign_in(OWNER).await;
    let posted = owner.post_wish(&wish("帮忙搬一下冰箱")).await.unwrap();
    staff.review_wish(posted.summary.id, &approve()).await.unwrap();
    let volunteers = app.residents_of_new_households("8栋", 24).await;
    let anyone = ClaimWish::default();
    let claims = volunteers.iter().map(|volunteer| volunteer.claim_wish(posted.summary.id, &anyone));
    let results = futures_util::future::join_all(claims).await;
    let won = results.iter().filter(|result| result.is_ok()).count();
    let lost: Vec<_> = results.iter().filter_map(|result| result.as_ref().err()).map(|error| error.code()).collect();
    assert_eq!(won, 1, "exactly one claim wins: {lost:?}");
    assert!(lost.iter().all(|code| *code == ErrorCode::WishTaken), "the others are told someone was first: {lost:?}");
    let (live,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM wish_claims WHERE wish_id = $1 AND ended_at IS NULL")
        .bind(posted.summary.id.0)
        .fetch_one(&app.db().pool)
        .await
        .unwrap();
    assert_eq!(live, 1);
    let claimed_events: Vec<_> = owner.wish(posted.summary.id).await.unwrap().history.into_iter().filter(|e| e.kind == WishEventKind::Claimed).collect();
    assert_eq!(claimed_events.len(), 1, "one history line");
}

async fn a_claim_reminds_then_runs_out_and_the_wish_returns_to_the_board(backend: Backend) {
    let clock = TestClock::default();
    let Some(app) = common::spawn_with_clock(backend, &clock).await else { return };
    let staff = app.sign_in(STAFF).await;
    assert_eq!(staff.wish_rules().await.unwrap(), WishRules { claim_days: 7 });
    assert_eq!(staff.set_wish_rules(&WishRules { claim_days: 0 }).await.unwrap_err().field(), Some("claim_days"));
    let owner = app.sign_in(OWNER).await;
    assert_eq!(owner.set_wish_rules(&WishRules { claim_days: 3 }).await.unwrap_err().code(), ErrorCode::Forbidden);
    staff.set_wish_rules(&WishRules { claim_days: 2 }).await.unwrap();
    let posted = owner.post_wish(&wish("帮忙取个快递")).await.unwrap();
    staff.review_wish(posted.summary.id, &approve()).await.unwrap();
    let volunteer = app.sign_in(RESIDENT).await;
    let claimed = volunteer.claim_wish(posted.summary.id, &ClaimWish::default()).await.unwrap();
    assert_eq!(claimed.summary.claim_expires_at, Some(claimed.claim.unwrap().claimed_at + Duration::days(2)));
    let heard = volunteer.events().await.unwrap();
    let state = &app.running.state;

    assert_eq!(linli_server::wishes::clock::remind_due(state).await.unwrap(), 0, "not yet");
    clock.advance(Duration::hours(25));
    assert_eq!(linli_server::wishes::clock::remind_due(state).await.unwrap(), 1, "a day before the end");
    assert_eq!(linli_server::wishes::clock::remind_due(state).await.unwrap(), 0, "once");
    assert_eq!(linli_server::wishes::clock::expire_due(state).await.unwrap(), 0);
    clock.advance(Duration::hours(24));
    let late = volunteer.fulfil_wish(posted.summary.id, &done("取到了")).await.unwrap_err();
    assert_eq!(late.code(), ErrorCode::ClaimExpired, "a claim that ran out fulfils nothing, even before the worker notices");
    assert_eq!(linli_server::wishes::clock::expire_due(state).await.unwrap(), 1);
    assert_eq!(linli_server::wishes::clock::expire_due(state).await.unwrap(), 0, "once");
    let back = owner.wish(posted.summary.id).await.unwrap();
    assert_eq!((back.summary.state, back.claim.is_none()), (WishState::Open, true));
    assert_eq!(back.history.iter().map(|e| e.kind).filter(|k| matches!(k, WishEventKind::Reminded | WishEventKind::Expired)).count(), 2);
    assert!(on_board(&volunteer, posted.summary.id).await);
    assert_eq!(news_heard(heard, 2).await, [(posted.summary.id, WishNews::ClaimEndingSoon), (posted.summary.id, WishNews::ClaimExpired)]);
    // Someone else may take it on now.
    let other = app.sign_in(ELDERLY).await;
    assert_eq!(other.claim_wish(posted.summary.id, &ClaimWish::default()).await.unwrap().summary.state, WishState::Claimed);
}

async fn bad_input_gets_a_clear_error_and_changes_nothing(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let owner = app.sign_in(OWNER).await;
    let before = app.count("wishes").await;
    let cases = [
        (NewWish { what: " ".into(), ..wish("") }, ErrorCode::FieldRequired, "what"),
        (NewWish { what: "愿".repeat(81), ..wish("") }, ErrorCode::FieldTooLong, "what"),
        (NewWish { why: "因".repeat(501), ..wish("收音机") }, ErrorCode::FieldTooLong, "why"),
        (NewWish { wanted_by: today() - Duration::days(1), ..wish("收音机") }, ErrorCode::InvalidValue, "wanted_by"),
        (NewWish { photo: Some(UploadId(424_242)), ..wish("收音机") }, ErrorCode::InvalidValue, "photo"),
    ];
    for (bad, code, field) in cases {
        let error = owner.post_wish(&bad).await.unwrap_err();
        assert_eq!((error.status(), error.code(), error.field()), (Some(422), code, Some(field)));
    }
    let (status, body) = owner.raw(reqwest::Method::POST, "/wishes", Some(&serde_json::json!({"what": "x", "category": "cake", "wanted_by": "2026-12-31"}))).await.unwrap();
    assert_eq!((status, body["error"]["code"].as_str()), (400, Some("malformed_body")));
    let (status, _) = owner.raw(reqwest::Method::GET, "/wishes?state=pending", None::<&()>).await.unwrap();
    assert_eq!(status, 422, "the board shows no unpublished wishes");
    let (status, _) = owner.raw(reqwest::Method::GET, "/wishes?category=cake", None::<&()>).await.unwrap();
    assert_eq!(status, 400);
    let merchant = app.sign_in(MERCHANT).await;
    assert_eq!(merchant.post_wish(&wish("收音机")).await.unwrap_err().code(), ErrorCode::Forbidden, "residents post wishes");
    assert_eq!(app.count("wishes").await, before);

    let posted = owner.post_wish(&wish("收音机")).await.unwrap();
    assert_eq!(owner.review_wish(posted.summary.id, &approve()).await.unwrap_err().code(), ErrorCode::Forbidden);
    let staff = app.sign_in(STAFF).await;
    staff.review_wish(posted.summary.id, &approve()).await.unwrap();
    let neighbour = app.sign_in(RESIDENT).await;
    assert_eq!(neighbour.fulfil_wish(posted.summary.id, &done("x")).await.unwrap_err().code(), ErrorCode::Forbidden, "not the claimer");
    assert_eq!(neighbour.release_wish(posted.summary.id).await.unwrap_err().code(), ErrorCode::Forbidden);
    assert_eq!(neighbour.withdraw_wish(posted.summary.id, &WithdrawWish::default()).await.unwrap_err().code(), ErrorCode::Forbidden);
    neighbour.claim_wish(posted.summary.id, &ClaimWish::default()).await.unwrap();
    let silent = neighbour.fulfil_wish(posted.summary.id, &FulfilWish { note: " ".into(), photo: None, minutes: None }).await.unwrap_err();
    assert_eq!(silent.field(), Some("note"));
    let odd = neighbour.fulfil_wish(posted.summary.id, &FulfilWish { minutes: Some(0), ..done("x") }).await.unwrap_err();
    assert_eq!(odd.field(), Some("minutes"));
    assert_eq!(owner.wish(posted.summary.id).await.unwrap().summary.state, WishState::Claimed, "unchanged");
    assert_eq!(neighbour.wish(WishId(9_999)).await.unwrap_err().code(), ErrorCode::NotFound);

    // Another community sees nothing of it.
    let (_, other_staff, other_resident) = app.add_other_community().await;
    let stranger = app.sign_in(&other_staff).await;
    assert_eq!(stranger.wish(posted.summary.id).await.unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(stranger.review_wish(posted.summary.id, &approve()).await.unwrap_err().code(), ErrorCode::NotFound);
    assert!(stranger.wishes_to_review().await.unwrap().is_empty());
    assert!(stranger.thanks_wall().await.unwrap().is_empty());
    let outsider = app.sign_in(&other_resident).await;
    assert!(outsider.wish_board(&WishBoardQuery::default()).await.unwrap().wishes.is_empty());
    assert_eq!(outsider.claim_wish(posted.summary.id, &ClaimWish::default()).await.unwrap_err().code(), ErrorCode::NotFound);
}

async fn photos_are_stored_without_their_metadata_and_shown_once_on_the_board(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let owner = app.sign_in(OWNER).await;
    let upload = owner.upload_image("image/jpeg", common::photo_with_location()).await.unwrap();
    let posted = owner.post_wish(&NewWish { photo: Some(upload.id), ..wish("想要一个这样的台灯") }).await.unwrap();
    assert_eq!(posted.summary.photo, Some(upload.id));
    let stored = owner.image(upload.id).await.unwrap();
    assert!(!stored.windows(11).any(|w| w == b"GPSLatitude"), "no location survives");
    assert_eq!(owner.upload_image("image/png", b"not an image".to_vec()).await.unwrap_err().code(), ErrorCode::NotAnImage);

    let neighbour = app.sign_in(RESIDENT).await;
    let staff = app.sign_in(STAFF).await;
    assert_eq!(neighbour.image(upload.id).await.unwrap_err().code(), ErrorCode::NotFound, "a wish waiting for staff is not the neighbours' yet");
    assert!(staff.image(upload.id).await.is_ok(), "staff see what they approve");
    staff.review_wish(posted.summary.id, &approve()).await.unwrap();
    assert!(neighbour.image(upload.id).await.is_ok(), "on the board, its photo is too");

    let declined_photo = owner.upload_image("image/jpeg", common::photo_with_location()).await.unwrap().id;
    let declined = owner.post_wish(&NewWish { photo: Some(declined_photo), ..wish("想要一副麻将") }).await.unwrap();
    staff.review_wish(declined.summary.id, &ReviewWish { approve: false, reason: Some("不属于微心愿范围".into()) }).await.unwrap();
    assert_eq!(neighbour.image(declined_photo).await.unwrap_err().code(), ErrorCode::NotFound, "a declined wish's photo stays hers");
}

async fn board_filters_by_category_and_state(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let resident = app.sign_in(RESIDENT).await;
    let goods = resident.wish_board(&WishBoardQuery { category: Some(WishCategory::Goods), state: None, ..Default::default() }).await.unwrap().wishes;
    assert!(!goods.is_empty() && goods.iter().all(|wish| wish.category == WishCategory::Goods));
    let tasks = resident.wish_board(&WishBoardQuery { category: Some(WishCategory::Task), state: None, ..Default::default() }).await.unwrap().wishes;
    assert!(tasks.is_empty(), "the demo's task wishes are pending or closed");
    let closed = resident.wish_board(&WishBoardQuery { category: Some(WishCategory::Task), state: Some(WishState::Closed), ..Default::default() }).await.unwrap().wishes;
    assert_eq!(closed.len(), 1);
    assert_eq!(closed[0].volunteer.as_deref(), Some("刘洋"), "the board names who fulfilled it");

    // A page at a time, one wish a page: the same board, open wishes before claimed ones.
    let (owner, staff) = (app.sign_in(OWNER).await, app.sign_in(STAFF).await);
    for what in ["想借一把梯子", "想请人陪去医院", "想要几本旧书"] {
        let posted = owner.post_wish(&wish(what)).await.unwrap();
        staff.review_wish(posted.summary.id, &ReviewWish { approve: true, reason: None }).await.unwrap();
        if what == "想要几本旧书" {
            resident.claim_wish(posted.summary.id, &ClaimWish::default()).await.unwrap();
        }
    }
    for state in [None, Some(WishState::Closed)] {
        let whole = resident.wish_board(&WishBoardQuery { state, ..Default::default() }).await.unwrap();
        assert_eq!(whole.next_after, None);
        let (mut paged, mut after) = (Vec::new(), None);
        loop {
            let page = resident.wish_board(&WishBoardQuery { state, after, limit: Some(1), ..Default::default() }).await.unwrap();
            assert!(page.wishes.len() <= 1);
            paged.extend(page.wishes);
            after = page.next_after;
            if after.is_none() {
                break;
            }
        }
        assert_eq!(paged, whole.wishes);
        let ranks: Vec<_> = paged.iter().map(|wish| [WishState::Open, WishState::Claimed, WishState::Fulfilled, WishState::Closed].iter().position(|s| *s == wish.state)).collect();
        assert!(ranks.windows(2).all(|pair| pair[0] <= pair[1]), "{ranks:?}");
    }
    let bad = WishBoardQuery { after: Some("1.2".into()), ..Default::default() };
    assert_eq!(resident.wish_board(&bad).await.unwrap_err().code(), ErrorCode::InvalidQuery);
}

async fn the_demo_has_a_wish_on_the_board_one_waiting_and_one_thanked(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    assert_eq!(staff.wish_board(&WishBoardQuery::default()).await.unwrap().wishes.len(), 1);
    assert_eq!(staff.wishes_to_review().await.unwrap().len(), 1);
    assert_eq!(staff.thanks_wall().await.unwrap().len(), 1);
}

on_both_databases!(
    a_wish_goes_from_posting_to_public_thanks,
    staff_decline_with_a_reason_and_post_for_a_resident_without_the_app,
    a_family_member_posts_and_confirms_for_the_resident,
    one_volunteer_holds_a_wish_even_when_many_claim_at_once,
    a_claim_reminds_then_runs_out_and_the_wish_returns_to_the_board,
    bad_input_gets_a_clear_error_and_changes_nothing,
    photos_are_stored_without_their_metadata_and_shown_once_on_the_board,
    board_filters_by_category_and_state,
    the_demo_has_a_wish_on_the_board_one_waiting_and_one_thanked,
);
