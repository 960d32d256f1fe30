//! The event stream over real HTTP: a stream that falls behind is told to resync, and many
//! streams share one HTTP/2 connection. The database plays no part here: SQLite only.

mod common;

use std::time::Duration;

use common::{Backend, RESIDENT, STAFF};
use futures_util::StreamExt;
use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::rt::{TokioExecutor, TokioIo};
use linli_api::events::Event;
use linli_api::ids::CampaignId;
use linli_api::notices::{NewNotice, NoticeCategory};
use linli_server::events::Audience;

fn notice(title: &str) -> NewNotice {
    NewNotice {
        title: title.into(),
        body_markdown: "正文".into(),
        category: NoticeCategory::Activity,
        pinned: false,
        urgent: false,
        vote_id: None,
    }
}

async fn next<S: futures_util::Stream<Item = Event> + Unpin>(stream: &mut S) -> Event {
    tokio::time::timeout(Duration::from_secs(5), stream.next()).await.expect("an event within 5 s").expect("the stream is open")
}

/// On a current-thread runtime the server's tasks run only while the test awaits, so a
/// burst published without awaiting is one the stream cannot keep up with, every time.
#[tokio::test(flavor = "current_thread")]
async fn a_stream_that_falls_behind_is_told_to_resync_and_carries_on() {
    let app = common::spawn_with(Backend::Sqlite, |config| config.event_buffer = 4).await.unwrap();
    let staff = app.sign_in(STAFF).await;
    let mut events = app.sign_in(RESIDENT).await.events().await.unwrap();

    // A flash sale: every order changes the campaign's stock.
    let community = staff.me().await.unwrap().community.id;
    for n in 1..=10 {
        app.running.state.events.publish(community, Audience::Members, Event::CampaignChanged { campaign_id: CampaignId(n) });
    }
    assert_eq!(next(&mut events).await, Event::Resync, "first word that events were missed");
    for n in 7..=10 {
        assert_eq!(next(&mut events).await, Event::CampaignChanged { campaign_id: CampaignId(n) }, "then the newest it still holds");
    }
    let published = staff.publish_notice(&notice("缺货补货通知")).await.unwrap();
    match next(&mut events).await {
        Event::NoticePublished { notice } => assert_eq!(notice.id, published.id, "and the stream carries on"),
        other => panic!("expected the notice, got {other:?}"),
    }
}

/// Over HTTP/2 without TLS (as a proxy would speak it), one connection carries many event
/// streams, each with its own subscriber.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_event_streams_share_one_http2_connection() {
    let app = common::spawn(Backend::Sqlite).await.unwrap();
    let staff = app.sign_in(STAFF).await;
    let tcp = tokio::net::TcpStream::connect(app.running.address).await.unwrap();
    let (sender, connection) = hyper::client::conn::http2::Builder::new(TokioExecutor::new()).handshake(TokioIo::new(tcp)).await.unwrap();
    tokio::spawn(connection);

    let mut bodies = Vec::new();
    for phone in [RESIDENT, STAFF, RESIDENT] {
        let ticket = app.sign_in(phone).await.event_ticket().await.unwrap().ticket;
        let request = hyper::Request::get(format!("{}/api/v1/events?ticket={ticket}", app.running.url())).body(Empty::<Bytes>::new()).unwrap();
        let response = sender.clone().send_request(request).await.unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(response.version(), hyper::Version::HTTP_2);
        bodies.push(response.into_body());
    }
    assert_eq!(app.running.state.events.subscriber_count(), 3);

    let published = staff.publish_notice(&notice("楼道清洁")).await.unwrap();
    for body in &mut bodies {
        let mut received = String::new();
        while !received.contains("notice_published") {
            let frame = tokio::time::timeout(Duration::from_secs(5), body.frame()).await.expect("within 5 s").unwrap().unwrap();
            received.push_str(&String::from_utf8_lossy(&frame.into_data().unwrap_or_default()));
        }
        assert!(received.contains(&format!("\"id\":{}", published.id.0)), "{received}");
    }
}
