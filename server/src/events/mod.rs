//! Live updates: a broadcast channel per community and per person, one SSE stream per
//! open session.
//!
//! Handlers publish after their write committed. An event is serialised to JSON once, when
//! it is published, and goes into its community's channel, or into one person's channel
//! when it is for that person alone, so it wakes only the streams that may want it; each
//! stream then checks the role the audience asks for. A channel exists while someone
//! listens on it. A stream that falls further behind than its channel holds (a burst: a
//! campaign's cut-off telling ten thousand households) is sent one `resync`, which makes
//! the app reload what it shows, and carries on.
//!
//! Browsers' `EventSource` cannot send a bearer token, so a stream is opened with a
//! single-use ticket that expires within a minute.

pub mod routes;

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::pin::Pin;
use std::sync::{Arc, LazyLock, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use futures_util::Stream;
use linli_api::auth::Role;
use linli_api::events::Event;
use linli_api::ids::{CommunityId, UserId};
use tokio::sync::{broadcast, watch};
use tokio_stream::wrappers::errors::BroadcastStreamRecvError;
use tokio_stream::wrappers::BroadcastStream;

use crate::auth::token::new_token;

/// How many events a community's channel keeps for a stream that is behind, unless
/// configured (`--event-buffer`).
pub const DEFAULT_BUFFER: usize = 1024;

/// How many a person's channel keeps. A person hears of few things at once, and a channel's
/// ring is allocated whole when it opens: twenty thousand open people's channels of 1024
/// slots would take over a gigabyte.
const PERSON_BUFFER: usize = 16;

/// Who in a community an event is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// The community's own people (family accounts see a resident's things only on request).
    Members,
    /// Staff, property and admins.
    Publishers,
    /// The residents' committee staff (and admins): who is on duty for help requests.
    Staff,
    /// Everyone of one role (the property company's people, say).
    Role(Role),
    /// One person.
    Person(UserId),
}

impl Audience {
    pub fn admits(self, subscriber: &Subscriber) -> bool {
        match self {
            Audience::Members => subscriber.role != Role::Family,
            Audience::Publishers => matches!(subscriber.role, Role::Staff | Role::Property | Role::Admin),
            Audience::Staff => matches!(subscriber.role, Role::Staff | Role::Admin),
            Audience::Role(role) => subscriber.role == role,
            Audience::Person(user) => subscriber.user == user,
        }
    }
}

/// What a ticket stands for: the stream's person, community and role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subscriber {
    pub user: UserId,
    pub community: CommunityId,
    pub role: Role,
}

/// An event as it travels through a channel: serialised once, shared by every stream.
#[derive(Debug, Clone)]
struct Published {
    audience: Audience,
    json: Arc<str>,
}

/// The open channels of one kind, by whose they are.
type Channels<K> = Mutex<HashMap<K, broadcast::Sender<Published>>>;

/// A person's channel is theirs in one community (an event never crosses communities).
type PersonKey = (CommunityId, UserId);

const TICKET_LIFETIME: Duration = Duration::from_secs(60);

#[derive(Clone)]
pub struct EventHub {
    communities: Arc<Channels<CommunityId>>,
    people: Arc<Channels<PersonKey>>,
    buffer: usize,
    tickets: Arc<Mutex<Tickets>>,
    /// Bumped to end every stream open at that moment (at shutdown, so that graceful
    /// shutdown can finish); streams opened later live on.
    epoch: watch::Sender<u64>,
}

impl Default for EventHub {
    fn default() -> Self {
        Self::new()
    }
}

impl EventHub {
    pub fn new() -> Self {
        Self::with_capacity(DEFAULT_BUFFER)
    }

    /// A hub whose community channels keep `buffer` events for a stream that is behind.
    pub fn with_capacity(buffer: usize) -> Self {
        Self {
            communities: Arc::default(),
            people: Arc::default(),
            buffer: buffer.max(1),
            tickets: Arc::default(),
            epoch: watch::Sender::new(0),
        }
    }

    pub fn publish(&self, community: CommunityId, audience: Audience, event: Event) {
        let sender = match audience {
            Audience::Person(user) => sender_of(&self.people, (community, user)),
            _ => sender_of(&self.communities, community),
        };
        // Nobody has a screen open: nothing to serialise or send.
        let Some(sender) = sender else { return };
        match serde_json::to_string(&event) {
            // The last receiver may have gone since: that is fine too.
            Ok(json) => drop(sender.send(Published { audience, json: json.into() })),
            Err(error) => tracing::error!(%error, "an event could not be serialised"),
        }
    }

    /// The events for `subscriber`, as JSON: their community's and their own.
    pub fn subscribe(&self, subscriber: Subscriber) -> Subscription {
        Subscription {
            subscriber,
            person: Joined::new(&self.people, (subscriber.community, subscriber.user), self.buffer.min(PERSON_BUFFER)),
            community: Joined::new(&self.communities, subscriber.community, self.buffer),
        }
    }

    /// How many event streams are open right now (each listens on its community's channel).
    pub fn subscriber_count(&self) -> usize {
        lock(&self.communities).values().map(broadcast::Sender::receiver_count).sum()
    }

    /// Ends every stream open now; clients reconnect (the server calls it at shutdown).
    pub fn end_open_streams(&self) {
        self.epoch.send_modify(|epoch| *epoch += 1);
    }

    /// For a stream opening now: resolves when [`EventHub::end_open_streams`] is next called.
    pub fn ended(&self) -> impl std::future::Future<Output = ()> + Send + 'static {
        let mut epoch = self.epoch.subscribe();
        epoch.mark_unchanged();
        async move {
            let _ = epoch.changed().await;
        }
    }

    pub fn issue_ticket(&self, subscriber: Subscriber) -> String {
        let ticket = new_token();
        lock(&self.tickets).issue(ticket.clone(), subscriber);
        ticket
    }

    /// Takes the ticket (it works once) if it is still fresh.
    pub fn redeem_ticket(&self, ticket: &str) -> Option<Subscriber> {
        lock(&self.tickets).redeem(ticket)
    }
}

/// The tickets not yet used, and the order they were issued in, so that the expired ones
/// are dropped from the front without reading all of them (twenty thousand residents
/// opening the app within a minute must not cost twenty thousand squared).
#[derive(Default)]
struct Tickets {
    open: HashMap<String, (Subscriber, Instant)>,
    issued: VecDeque<(Instant, String)>,
}

impl Tickets {
    fn issue(&mut self, ticket: String, subscriber: Subscriber) {
        while self.issued.front().is_some_and(|(issued, _)| issued.elapsed() >= TICKET_LIFETIME) {
            if let Some((_, expired)) = self.issued.pop_front() {
                self.open.remove(&expired);
            }
        }
        let now = Instant::now();
        self.issued.push_back((now, ticket.clone()));
        self.open.insert(ticket, (subscriber, now));
    }

    fn redeem(&mut self, ticket: &str) -> Option<Subscriber> {
        let (subscriber, issued) = self.open.remove(ticket)?;
        (issued.elapsed() < TICKET_LIFETIME).then_some(subscriber)
    }
}

/// One stream's events, as JSON: its person's channel and its community's, merged, only
/// what its role may see, and a `resync` wherever it fell behind.
pub struct Subscription {
    subscriber: Subscriber,
    person: Joined<PersonKey>,
    community: Joined<CommunityId>,
}

impl Stream for Subscription {
    type Item = Arc<str>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Arc<str>>> {
        let this = &mut *self;
        loop {
            // The person's few events first, so that a busy community never holds them up.
            let received = match this.person.poll_next(cx) {
                Poll::Pending => this.community.poll_next(cx),
                ready => ready,
            };
            return match received {
                Poll::Pending => Poll::Pending,
                Poll::Ready(None) => Poll::Ready(None),
                Poll::Ready(Some(Err(BroadcastStreamRecvError::Lagged(_)))) => Poll::Ready(Some(resync())),
                Poll::Ready(Some(Ok(published))) if published.audience.admits(&this.subscriber) => {
                    Poll::Ready(Some(published.json))
                }
                // For another role of the community: look at the next.
                Poll::Ready(Some(Ok(_))) => continue,
            };
        }
    }
}

/// `Event::Resync`, serialised once for every stream that needs it.
fn resync() -> Arc<str> {
    static RESYNC: LazyLock<Arc<str>> =
        LazyLock::new(|| serde_json::to_string(&Event::Resync).expect("a unit variant serialises").into());
    RESYNC.clone()
}

/// A receiver on the channel `key` of `channels`; the channel is closed and forgotten when
/// its last receiver goes, so that a thousand communities and their people leave nothing
/// behind once their screens are closed.
struct Joined<K: Hash + Eq + Copy> {
    /// Always there until dropped (taken out first then, see [`Drop`]).
    receiver: Option<BroadcastStream<Published>>,
    key: K,
    channels: Arc<Channels<K>>,
}

impl<K: Hash + Eq + Copy> Joined<K> {
    fn new(channels: &Arc<Channels<K>>, key: K, buffer: usize) -> Self {
        // Receivers are only made under the lock, which is what makes leaving safe.
        let receiver = lock(channels).entry(key).or_insert_with(|| broadcast::channel(buffer).0).subscribe();
        Self { receiver: Some(BroadcastStream::new(receiver)), key, channels: channels.clone() }
    }

    fn poll_next(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<Published, BroadcastStreamRecvError>>> {
        match &mut self.receiver {
            Some(receiver) => Pin::new(receiver).poll_next(cx),
            None => Poll::Ready(None),
        }
    }
}

impl<K: Hash + Eq + Copy> Drop for Joined<K> {
    fn drop(&mut self) {
        // The receiver goes first, so that of two streams leaving at once the later one
        // counts none and closes the channel; a stream joining meanwhile holds a receiver.
        drop(self.receiver.take());
        let mut channels = lock(&self.channels);
        if channels.get(&self.key).is_some_and(|sender| sender.receiver_count() == 0) {
            channels.remove(&self.key);
        }
    }
}

fn sender_of<K: Hash + Eq>(channels: &Channels<K>, key: K) -> Option<broadcast::Sender<Published>> {
    lock(channels).get(&key).cloned()
}

/// A panic elsewhere while holding the lock leaves the map as it was: carry on with it.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use futures_util::{FutureExt, StreamExt};
    use linli_api::ids::NoticeId;

    use super::*;

    fn subscriber(user: i64, role: Role) -> Subscriber {
        in_community(1, user, role)
    }

    fn in_community(community: i64, user: i64, role: Role) -> Subscriber {
        Subscriber { user: UserId(user), community: CommunityId(community), role }
    }

    fn read_count(n: i64) -> Event {
        Event::NoticeReadCount { notice_id: NoticeId(1), read_count: n }
    }

    /// What the stream has ready now, parsed; None when it has nothing.
    fn next_now(stream: &mut Subscription) -> Option<Event> {
        let json = stream.next().now_or_never()?.expect("streams do not end");
        Some(serde_json::from_str(&json).expect("an event's JSON"))
    }

    /// How many community and person channels are open.
    fn open_channels(hub: &EventHub) -> (usize, usize) {
        (lock(&hub.communities).len(), lock(&hub.people).len())
    }

    #[test]
    fn a_ticket_works_once() {
        let hub = EventHub::new();
        let subscriber = Subscriber { user: UserId(7), community: CommunityId(1), role: Role::Resident };
        let ticket = hub.issue_ticket(subscriber);
        assert_eq!(hub.redeem_ticket(&ticket), Some(subscriber));
        assert_eq!(hub.redeem_ticket(&ticket), None);
        assert_eq!(hub.redeem_ticket("made-up"), None);
    }

    #[test]
    fn expired_tickets_are_forgotten_when_the_next_is_issued() {
        let mut tickets = Tickets::default();
        let long_ago = Instant::now().checked_sub(TICKET_LIFETIME + Duration::from_secs(1)).expect("the clock is past a minute");
        tickets.open.insert("old".into(), (subscriber(1, Role::Resident), long_ago));
        tickets.issued.push_back((long_ago, "old".into()));
        tickets.issue("new".into(), subscriber(2, Role::Resident));
        assert_eq!(tickets.open.keys().collect::<Vec<_>>(), ["new"]);
        assert_eq!(tickets.issued.len(), 1);
        assert_eq!(tickets.redeem("new"), Some(subscriber(2, Role::Resident)));
    }

    #[test]
    fn each_audience_admits_only_its_people() {
        assert!(Audience::Publishers.admits(&subscriber(1, Role::Property)));
        assert!(!Audience::Publishers.admits(&subscriber(1, Role::Resident)));
        assert!(Audience::Members.admits(&subscriber(1, Role::Merchant)));
        assert!(!Audience::Members.admits(&subscriber(1, Role::Family)));
        assert!(Audience::Staff.admits(&subscriber(1, Role::Staff)));
        assert!(!Audience::Staff.admits(&subscriber(1, Role::Property)));
        assert!(Audience::Person(UserId(2)).admits(&subscriber(2, Role::Resident)));
        assert!(!Audience::Person(UserId(2)).admits(&subscriber(3, Role::Staff)));
    }

    #[test]
    fn a_community_event_reaches_every_stream_of_that_community_and_no_other() {
        let hub = EventHub::new();
        let (mut one, mut two) = (hub.subscribe(subscriber(1, Role::Resident)), hub.subscribe(subscriber(2, Role::Staff)));
        let mut elsewhere = hub.subscribe(in_community(2, 3, Role::Staff));
        hub.publish(CommunityId(1), Audience::Members, Event::CampaignChanged { campaign_id: linli_api::ids::CampaignId(5) });
        let expected = Some(Event::CampaignChanged { campaign_id: linli_api::ids::CampaignId(5) });
        assert_eq!(next_now(&mut one), expected);
        assert_eq!(next_now(&mut two), expected);
        assert_eq!(next_now(&mut elsewhere), None, "nothing crosses communities");
    }

    #[test]
    fn a_role_outside_the_audience_hears_nothing() {
        let hub = EventHub::new();
        let (mut resident, mut staff) = (hub.subscribe(subscriber(1, Role::Resident)), hub.subscribe(subscriber(2, Role::Staff)));
        hub.publish(CommunityId(1), Audience::Publishers, read_count(3));
        assert_eq!(next_now(&mut staff), Some(read_count(3)));
        assert_eq!(next_now(&mut resident), None);
    }

    #[test]
    fn an_event_for_one_person_reaches_only_that_person_in_that_community() {
        let hub = EventHub::new();
        let mut wisher = hub.subscribe(subscriber(7, Role::Resident));
        let mut second_tab = hub.subscribe(subscriber(7, Role::Resident));
        let mut neighbour = hub.subscribe(subscriber(8, Role::Resident));
        let mut same_id_elsewhere = hub.subscribe(in_community(2, 7, Role::Resident));
        hub.publish(CommunityId(1), Audience::Person(UserId(7)), read_count(1));
        assert_eq!(next_now(&mut wisher), Some(read_count(1)));
        assert_eq!(next_now(&mut second_tab), Some(read_count(1)));
        assert_eq!(next_now(&mut neighbour), None);
        assert_eq!(next_now(&mut same_id_elsewhere), None);
    }

    #[test]
    fn a_stream_hears_its_community_and_its_person_merged() {
        let hub = EventHub::new();
        let mut stream = hub.subscribe(subscriber(7, Role::Resident));
        hub.publish(CommunityId(1), Audience::Members, read_count(1));
        hub.publish(CommunityId(1), Audience::Person(UserId(7)), read_count(2));
        let mut heard = vec![next_now(&mut stream), next_now(&mut stream)];
        heard.sort_by_key(|event| format!("{event:?}"));
        assert_eq!(heard, [Some(read_count(1)), Some(read_count(2))]);
        assert_eq!(next_now(&mut stream), None);
    }

    #[test]
    fn every_stream_shares_one_serialisation_of_an_event() {
        let hub = EventHub::new();
        let mut streams: Vec<_> = (1..=3).map(|user| hub.subscribe(subscriber(user, Role::Resident))).collect();
        hub.publish(CommunityId(1), Audience::Members, read_count(1));
        let json: Vec<Arc<str>> = streams.iter_mut().map(|s| s.next().now_or_never().flatten().expect("heard")).collect();
        assert!(json.windows(2).all(|pair| Arc::ptr_eq(&pair[0], &pair[1])), "one string, shared: {json:?}");
    }

    #[test]
    fn a_stream_that_falls_behind_is_told_to_resync_once_and_carries_on() {
        let hub = EventHub::with_capacity(4);
        let mut stream = hub.subscribe(subscriber(1, Role::Staff));
        for n in 1..=10 {
            hub.publish(CommunityId(1), Audience::Members, read_count(n));
        }
        assert_eq!(next_now(&mut stream), Some(Event::Resync));
        let rest: Vec<_> = std::iter::from_fn(|| next_now(&mut stream)).collect();
        assert_eq!(rest, (7..=10).map(read_count).collect::<Vec<_>>(), "the newest it still holds, in order");
        hub.publish(CommunityId(1), Audience::Members, read_count(11));
        assert_eq!(next_now(&mut stream), Some(read_count(11)));
    }

    #[test]
    fn a_person_channel_that_overflows_resyncs_too() {
        let hub = EventHub::new();
        let mut stream = hub.subscribe(subscriber(7, Role::Resident));
        for n in 0..=PERSON_BUFFER as i64 {
            hub.publish(CommunityId(1), Audience::Person(UserId(7)), read_count(n));
        }
        assert_eq!(next_now(&mut stream), Some(Event::Resync));
    }

    #[test]
    fn publishing_to_nobody_opens_no_channel() {
        let hub = EventHub::new();
        hub.publish(CommunityId(1), Audience::Members, read_count(1));
        hub.publish(CommunityId(1), Audience::Person(UserId(7)), read_count(1));
        assert_eq!(open_channels(&hub), (0, 0));
    }

    #[test]
    fn channels_close_with_their_last_stream_across_a_thousand_communities() {
        let hub = EventHub::new();
        let mut streams: Vec<_> = (1..=1000).map(|c| hub.subscribe(in_community(c, c, Role::Resident))).collect();
        streams.push(hub.subscribe(in_community(1, 1, Role::Resident)));
        assert_eq!(open_channels(&hub), (1000, 1000));
        assert_eq!(hub.subscriber_count(), 1001);

        let second_tab = streams.pop();
        drop(second_tab);
        assert_eq!(open_channels(&hub), (1000, 1000), "the first tab still listens");
        assert_eq!(hub.subscriber_count(), 1000);
        drop(streams);
        assert_eq!(open_channels(&hub), (0, 0));
        assert_eq!(hub.subscriber_count(), 0);
    }

    #[test]
    fn streams_closing_on_other_threads_at_once_leave_no_channel_behind() {
        let hub = EventHub::new();
        for _round in 0..50 {
            let streams: Vec<_> = (0..8).map(|user| hub.subscribe(subscriber(user % 2, Role::Resident))).collect();
            std::thread::scope(|scope| {
                for stream in streams {
                    scope.spawn(move || drop(stream));
                }
            });
            assert_eq!(open_channels(&hub), (0, 0));
        }
    }

    #[test]
    fn resync_is_the_resync_event() {
        assert_eq!(serde_json::from_str::<Event>(&resync()).unwrap(), Event::Resync);
    }
}
