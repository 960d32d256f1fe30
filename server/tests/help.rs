//! One-tap help end to end: ask, staff see it live, acknowledge, the resident sees who is
//! coming; one open request per resident under concurrent taps; roles and scoping.

mod common;

use std::time::Duration;

use common::{Backend, ELDERLY, OWNER, PROPERTY, STAFF};
use futures_util::{Stream, StreamExt};
use linli_api::events::Event;
use linli_api::help::HelpState;
use linli_api::ids::HelpRequestId;
use linli_api::ErrorCode;

async fn next_event(stream: &mut (impl Stream<Item = Event> + Unpin)) -> Event {
    tokio::time::timeout(Duration::from_secs(5), stream.next()).await.expect("an event within 5 s").expect("stream open")
}

async fn staff_see_it_live_acknowledge_and_the_resident_sees_who_is_coming(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let staff = app.sign_in(STAFF).await;
    let elderly = app.sign_in(ELDERLY).await;
    let mut staff_events = staff.events().await.unwrap();
    let mut elderly_events = elderly.events().await.unwrap();
    let mut property_events = app.sign_in(PROPERTY).await.events().await.unwrap();

    let mine = elderly.my_help().await.unwrap();
    assert!(mine.request.is_none());
    assert!(!mine.service_phone.is_empty(), "a number to phone meanwhile");

    let asked = elderly.ask_for_help().await.unwrap();
    assert_eq!(asked.state, HelpState::Open);
    assert_eq!(asked.callback_phone, ELDERLY, "staff get the number in full to call back");
    assert!(asked.household.is_some());
    let again = elderly.ask_for_help().await.unwrap();
    assert_eq!(again.id, asked.id, "a second tap finds the open request");

    match next_event(&mut staff_events).await {
        Event::HelpRaised { request } => assert_eq!((request.id, request.callback_phone.as_str()), (asked.id, ELDERLY)),
        other => panic!("staff got {other:?}"),
    }
    let audits = app.count("audit_log").await;
    let board = staff.help_board().await.unwrap();
    assert_eq!(board.open.iter().map(|r| r.id).collect::<Vec<_>>(), [asked.id]);
    assert_eq!(app.count("audit_log").await, audits + 1, "viewing callback numbers is logged");

    let taken = staff.acknowledge_help(asked.id).await.unwrap();
    assert_eq!(taken.state, HelpState::Acknowledged);
    let staff_name = staff.me().await.unwrap().name;
    assert_eq!(taken.acknowledged_by.as_deref(), Some(staff_name.as_str()));
    match next_event(&mut elderly_events).await {
        Event::HelpUpdated { request } => {
            assert_eq!((request.state, request.acknowledged_by.as_deref()), (HelpState::Acknowledged, Some(staff_name.as_str())))
        }
        other => panic!("the resident got {other:?}"),
    }
    // Acknowledging again changes nothing; the property company is not paged for help.
    assert_eq!(staff.acknowledge_help(asked.id).await.unwrap().acknowledged_at, taken.acknowledged_at);
    let quiet = tokio::time::timeout(Duration::from_millis(300), property_events.next()).await;
    assert!(quiet.is_err(), "property received {quiet:?}");

    let closed = staff.close_help(asked.id).await.unwrap();
    assert_eq!(closed.state, HelpState::Closed);
    assert_eq!(elderly.my_help().await.unwrap().request.unwrap().state, HelpState::Closed);
    let error = staff.acknowledge_help(asked.id).await.unwrap_err();
    assert_eq!((error.status(), error.code()), (Some(409), ErrorCode::HelpClosed));
    let board = staff.help_board().await.unwrap();
    assert!(board.open.is_empty() && board.recently_closed.len() == 1);

    // After it is closed, asking again is a new request.
    assert_ne!(elderly.ask_for_help().await.unwrap().id, asked.id);
}

async fn many_taps_at_once_page_the_staff_once(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let elderly = app.sign_in(ELDERLY).await;
    let taps = (0..12).map(|_| {
        let elderly = elderly.clone();
        tokio::spawn(async move { elderly.ask_for_help().await })
    });
    let answers = futures_util::future::join_all(taps).await;
    let ids: Vec<HelpRequestId> = answers.into_iter().map(|answer| answer.unwrap().unwrap().id).collect();
    assert!(ids.windows(2).all(|pair| pair[0] == pair[1]), "{ids:?}");
    assert_eq!(app.count("help_requests").await, 1);
}

async fn only_residents_ask_and_only_their_staff_answer(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let (_, other_staff, _) = app.add_other_community().await;
    let elderly = app.sign_in(ELDERLY).await;
    let asked = elderly.ask_for_help().await.unwrap();

    let staff = app.sign_in(STAFF).await;
    assert_eq!(staff.ask_for_help().await.unwrap_err().code(), ErrorCode::Forbidden);
    let owner = app.sign_in(OWNER).await;
    assert_eq!(owner.help_board().await.unwrap_err().code(), ErrorCode::Forbidden);
    assert_eq!(owner.acknowledge_help(asked.id).await.unwrap_err().code(), ErrorCode::Forbidden);
    assert_eq!(owner.close_help(asked.id).await.unwrap_err().code(), ErrorCode::NotFound, "not their request");
    let property = app.sign_in(PROPERTY).await;
    assert_eq!(property.acknowledge_help(asked.id).await.unwrap_err().code(), ErrorCode::Forbidden);
    let outsider = app.sign_in(&other_staff).await;
    assert_eq!(outsider.acknowledge_help(asked.id).await.unwrap_err().code(), ErrorCode::NotFound);
    assert!(outsider.help_board().await.unwrap().open.is_empty());
    assert_eq!(app.client().ask_for_help().await.unwrap_err().code(), ErrorCode::Unauthenticated);
    let (status, _) = staff.raw::<()>(reqwest::Method::POST, "/help/not-a-number/acknowledge", None).await.unwrap();
    assert_eq!(status, 404);

    // The resident may call it off themselves.
    assert_eq!(elderly.close_help(asked.id).await.unwrap().state, HelpState::Closed);
    assert_eq!(elderly.my_help().await.unwrap().request.unwrap().acknowledged_by, None);
}

on_both_databases!(
    staff_see_it_live_acknowledge_and_the_resident_sees_who_is_coming,
    many_taps_at_once_page_the_staff_once,
    only_residents_ask_and_only_their_staff_answer,
);
