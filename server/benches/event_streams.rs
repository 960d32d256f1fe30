//! Benchmark of live updates at a big community's size: N event streams (default 20,000)
//! open on one server process over loopback, staff publish an urgent notice through the
//! real route, and each stream's time until it has the notice is measured; so is the
//! memory an open stream costs. The baseline, in the same run on the same server, is the
//! same notice reaching a handful of streams: what the route and one delivery cost
//! without the fan-out. Then a campaign's cut-off tells every one of them its own news at
//! once (a burst of N events, each for one person), as the cut-off worker does, and the
//! time until each has its own is measured too.
//!
//!     cargo bench -p linli-server --bench event_streams
//!
//! Twenty thousand HTTP/1.1 connections cannot be had in one process here: each takes a
//! descriptor at both ends (the hard limit is 20,000) and a local port (28,000 of them).
//! The streams therefore go over HTTP/2 without TLS (prior knowledge, which the server
//! speaks), 200 to a connection (hyper's default limit of concurrent streams), as a proxy
//! in front of the server would carry them: 100 connections for 20,000 streams, so the
//! descriptor limit needs no raising.
//!
//! Tickets are issued straight from the hub for made-up residents of the demo community,
//! as the other benchmarks make sessions directly: the stream route reads no database, and
//! signing in 20,000 times would benchmark argon2. Client and server share the process and
//! its two cores, so the memory per stream counts both ends of each stream.
//!
//! `LINLI_BENCH_STREAMS` sets N. Fails if a stream never gets the notice or its news, if
//! opening takes longer than two minutes, or if the notice's p99 is 2 s or more.

mod harness;

use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper::client::conn::http2::SendRequest;
use hyper_util::rt::{TokioExecutor, TokioIo};
use linli_api::auth::{Role, SignInRequest};
use linli_api::events::Event;
use linli_api::ids::{CampaignId, CommunityId, UserId};
use linli_api::notices::{NewNotice, NoticeCategory};
use linli_api::Client;
use linli_server::events::{Audience, Subscriber};
use linli_server::Running;
use tokio::net::TcpStream;
use tokio::sync::mpsc;
use tokio::task::JoinSet;

/// hyper's server allows this many concurrent streams on one HTTP/2 connection.
const STREAMS_PER_CONNECTION: usize = 200;
const BASELINE_STREAMS: usize = 10;
const OPEN_WITHIN: Duration = Duration::from_secs(120);
const DELIVER_WITHIN: Duration = Duration::from_secs(60);
const GOAL_P99: Duration = Duration::from_secs(2);

/// Open streams, each a task that reports what it heard and when.
struct Streams {
    tasks: JoinSet<()>,
    heard: mpsc::UnboundedReceiver<(Heard, Instant)>,
    count: usize,
}

/// What a stream listens for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Heard {
    Notice,
    News,
    Resync,
}

/// What one publish cost: publishing, and each stream's wait for what was published.
struct Delivery {
    publish: Duration,
    latencies: Vec<Duration>,
    resyncs: usize,
}

impl Delivery {
    fn percentile_ms(&self, p: f64) -> f64 {
        let mut sorted = self.latencies.clone();
        sorted.sort();
        let index = ((sorted.len() as f64 * p).ceil() as usize).saturating_sub(1).min(sorted.len().saturating_sub(1));
        sorted.get(index).map_or(f64::NAN, |d| d.as_secs_f64() * 1000.0)
    }
}

/// Opens `count` streams for made-up residents of `community`, over HTTP/2 connections of
/// at most [`STREAMS_PER_CONNECTION`], and returns once every one has its response.
async fn open_streams(running: &Running, community: CommunityId, count: usize) -> Streams {
    let (arrived, heard) = mpsc::unbounded_channel();
    let (opened, mut open) = mpsc::unbounded_channel();
    let mut tasks = JoinSet::new();
    for first in (0..count).step_by(STREAMS_PER_CONNECTION) {
        let connection = connect(running).await;
        for i in first..count.min(first + STREAMS_PER_CONNECTION) {
            let subscriber = Subscriber { user: UserId(1_000_000 + i as i64), community, role: Role::Resident };
            let ticket = running.state.events.issue_ticket(subscriber);
            let url = format!("{}/api/v1/events?ticket={ticket}", running.url());
            tasks.spawn(follow(connection.clone(), url, opened.clone(), arrived.clone()));
        }
    }
    let deadline = tokio::time::Instant::now() + OPEN_WITHIN;
    for opened in 0..count {
        let answered = tokio::time::timeout_at(deadline, open.recv()).await;
        assert!(matches!(answered, Ok(Some(()))), "only {opened} of {count} streams opened within {OPEN_WITHIN:?}");
    }
    Streams { tasks, heard, count }
}

/// An HTTP/2 connection (prior knowledge, no TLS) to the server.
async fn connect(running: &Running) -> SendRequest<Empty<Bytes>> {
    let tcp = TcpStream::connect(running.address).await.expect("connect");
    tcp.set_nodelay(true).expect("nodelay");
    let (sender, connection) =
        hyper::client::conn::http2::Builder::new(TokioExecutor::new()).handshake(TokioIo::new(tcp)).await.expect("HTTP/2 handshake");
    tokio::spawn(connection);
    sender
}

/// One stream: says when it is open, then what it hears and when, until it is dropped.
async fn follow(
    mut connection: SendRequest<Empty<Bytes>>,
    url: String,
    opened: mpsc::UnboundedSender<()>,
    arrived: mpsc::UnboundedSender<(Heard, Instant)>,
) {
    let request = hyper::Request::get(url).body(Empty::new()).expect("request");
    connection.ready().await.expect("the connection takes a stream");
    let response = connection.send_request(request).await.expect("the stream opens");
    assert_eq!(response.status(), 200, "the ticket is taken");
    let _ = opened.send(());
    let mut body = response.into_body();
    let mut unread = String::new();
    while let Some(Ok(frame)) = body.frame().await {
        let Ok(data) = frame.into_data() else { continue };
        unread.push_str(&String::from_utf8_lossy(&data));
        // Look at whole SSE messages only, so that a word split across frames is found.
        let Some(end) = unread.rfind("\n\n") else { continue };
        for message in unread[..end].split("\n\n") {
            if let Some(heard) = heard_in(message) {
                let _ = arrived.send((heard, Instant::now()));
            }
        }
        unread.drain(..end + 2);
    }
}

fn heard_in(message: &str) -> Option<Heard> {
    [("\"notice_published\"", Heard::Notice), ("\"campaign_decided\"", Heard::News), ("\"resync\"", Heard::Resync)]
        .into_iter()
        .find_map(|(word, heard)| message.contains(word).then_some(heard))
}

/// Publishes an urgent notice as staff and waits until every stream has it.
async fn publish_and_time(staff: &Client, streams: &mut Streams, title: &str) -> Delivery {
    let notice = NewNotice {
        title: title.into(),
        body_markdown: "今晚 20:00–22:00 全小区停水检修，请提前储水。".into(),
        category: NoticeCategory::Urgent,
        pinned: false,
        urgent: true,
        vote_id: None,
    };
    let sent = Instant::now();
    staff.publish_notice(&notice).await.expect("the notice is published");
    let publish = sent.elapsed();
    wait_for(streams, Heard::Notice, sent, publish).await
}

/// A campaign's cut-off telling each stream's resident that the campaign formed, one event
/// for each person, published at once as the cut-off worker publishes them.
async fn tell_everyone(running: &Running, community: CommunityId, streams: &mut Streams) -> Delivery {
    let began = Instant::now();
    for i in 0..streams.count {
        let news = Event::CampaignDecided { campaign_id: CampaignId(1), title: "社区团购：土鸡蛋".into(), formed: true };
        running.state.events.publish(community, Audience::Person(UserId(1_000_000 + i as i64)), news);
    }
    let publish = began.elapsed();
    wait_for(streams, Heard::News, began, publish).await
}

/// Waits until every stream has heard `what`, counting the resyncs heard meanwhile.
async fn wait_for(streams: &mut Streams, what: Heard, since: Instant, publish: Duration) -> Delivery {
    let mut delivery = Delivery { publish, latencies: Vec::with_capacity(streams.count), resyncs: 0 };
    let deadline = tokio::time::Instant::now() + DELIVER_WITHIN;
    while delivery.latencies.len() < streams.count {
        match tokio::time::timeout_at(deadline, streams.heard.recv()).await {
            Ok(Some((heard, at))) if heard == what => delivery.latencies.push(at - since),
            Ok(Some((Heard::Resync, _))) => delivery.resyncs += 1,
            Ok(Some(other)) => panic!("heard {other:?} while waiting for {what:?}"),
            _ => panic!(
                "only {} of {} streams heard {what:?} within {DELIVER_WITHIN:?} ({} resyncs)",
                delivery.latencies.len(),
                streams.count,
                delivery.resyncs
            ),
        }
    }
    delivery
}

/// Closes the streams and waits until the server has let go of them all.
async fn close(running: &Running, mut streams: Streams) {
    streams.tasks.shutdown().await;
    let deadline = Instant::now() + Duration::from_secs(30);
    while running.state.events.subscriber_count() > 0 {
        assert!(Instant::now() < deadline, "the server still holds {} streams", running.state.events.subscriber_count());
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The process's resident memory, in bytes.
fn resident_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let line = status.lines().find(|line| line.starts_with("VmRSS:")).expect("VmRSS");
    let kilobytes: u64 = line.split_whitespace().nth(1).and_then(|n| n.parse().ok()).expect("VmRSS in kB");
    kilobytes * 1024
}

fn report(what: &str, streams: usize, delivery: &Delivery) {
    println!(
        "{what:<10} {streams:>7} {:>10.1} {:>9.1} {:>9.1} {:>9.1} {:>8}",
        delivery.publish.as_secs_f64() * 1000.0,
        delivery.percentile_ms(0.5),
        delivery.percentile_ms(0.99),
        delivery.percentile_ms(1.0),
        delivery.resyncs
    );
}

async fn bench(count: usize) {
    let folder = tempfile::tempdir().expect("temp dir");
    let sqlite = format!("sqlite://{}?mode=rwc", folder.path().join("bench.db").display());
    let running = harness::start(sqlite, &folder).await;
    let (community,): (i64,) = sqlx::query_as("SELECT id FROM communities").fetch_one(&running.state.db.pool).await.expect("community");
    let community = CommunityId(community);
    let base = Client::new(running.url());
    let session = base.sign_in(&SignInRequest { phone: "13800000001".into(), password: "linli2026".into() }).await.expect("staff");
    let staff = base.with_token(session.token);

    let mut few = open_streams(&running, community, BASELINE_STREAMS).await;
    let baseline = publish_and_time(&staff, &mut few, "基准：停水通知").await;
    close(&running, few).await;

    let before = resident_bytes();
    let opening = Instant::now();
    let mut many = open_streams(&running, community, count).await;
    let opened_in = opening.elapsed();
    let per_stream = resident_bytes().saturating_sub(before) as f64 / count as f64;
    assert_eq!(running.state.events.subscriber_count(), count, "the server holds every stream");
    let delivery = publish_and_time(&staff, &mut many, "紧急：全小区停水检修").await;
    let news = tell_everyone(&running, community, &mut many).await;

    println!("{:<10} {:>7} {:>10} {:>9} {:>9} {:>9} {:>8}", "", "streams", "publish ms", "p50 ms", "p99 ms", "max ms", "resyncs");
    report("baseline", BASELINE_STREAMS, &baseline);
    report("fan-out", count, &delivery);
    report("cut-off", count, &news);
    println!(
        "opened {count} streams in {:.1} s on {} HTTP/2 connections; {:.1} KB resident memory per open stream (both ends)",
        opened_in.as_secs_f64(),
        count.div_ceil(STREAMS_PER_CONNECTION),
        per_stream / 1024.0
    );
    println!(
        "fan-out p99 ÷ baseline p99 = {:.1}; p99 {:.0} ms (goal < {} ms)",
        delivery.percentile_ms(0.99) / baseline.percentile_ms(0.99),
        delivery.percentile_ms(0.99),
        GOAL_P99.as_millis()
    );
    assert!(delivery.percentile_ms(0.99) < GOAL_P99.as_secs_f64() * 1000.0, "the p99 goal was missed");
    close(&running, many).await;
    running.stop().await;
}

fn main() {
    let count: usize = std::env::var("LINLI_BENCH_STREAMS").ok().and_then(|v| v.parse().ok()).filter(|n| *n > 0).unwrap_or(20_000);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    runtime.block_on(bench(count));
}
