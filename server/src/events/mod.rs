//! Live updates: one broadcast bus in the process, one SSE stream per open session.
//!
//! Handlers publish after their write committed; each stream forwards only what belongs
//! to its caller's community and role. Browsers' `EventSource` cannot send a bearer token,
//! so a stream is opened with a single-use ticket that expires within a minute.

pub mod routes;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use linli_api::auth::Role;
use linli_api::events::Event;
use linli_api::ids::{CommunityId, UserId};
use tokio::sync::{broadcast, watch};

use crate::auth::token::new_token;

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

#[derive(Debug, Clone)]
pub struct Envelope {
    pub community: CommunityId,
    pub audience: Audience,
    pub event: Event,
}

impl Envelope {
    pub fn is_for(&self, subscriber: &Subscriber) -> bool {
        self.community == subscriber.community && self.audience.admits(subscriber)
    }
}

/// What a ticket stands for: the stream's person, community and role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subscriber {
    pub user: UserId,
    pub community: CommunityId,
    pub role: Role,
}

const TICKET_LIFETIME: Duration = Duration::from_secs(60);

#[derive(Clone)]
pub struct EventHub {
    sender: broadcast::Sender<Envelope>,
    tickets: Arc<Mutex<HashMap<String, (Subscriber, Instant)>>>,
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
        // A slow stream that falls this far behind skips ahead (the app reloads lists then).
        let (sender, _) = broadcast::channel(1024);
        Self { sender, tickets: Arc::default(), epoch: watch::Sender::new(0) }
    }

    pub fn publish(&self, community: CommunityId, audience: Audience, event: Event) {
        // No receivers is fine: nobody has a screen open.
        let _ = self.sender.send(Envelope { community, audience, event });
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Envelope> {
        self.sender.subscribe()
    }

    /// How many event streams are open right now.
    pub fn subscriber_count(&self) -> usize {
        self.sender.receiver_count()
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
        let mut tickets = self.tickets.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        tickets.retain(|_, (_, issued)| issued.elapsed() < TICKET_LIFETIME);
        tickets.insert(ticket.clone(), (subscriber, Instant::now()));
        ticket
    }

    /// Takes the ticket (it works once) if it is still fresh.
    pub fn redeem_ticket(&self, ticket: &str) -> Option<Subscriber> {
        let mut tickets = self.tickets.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let (subscriber, issued) = tickets.remove(ticket)?;
        (issued.elapsed() < TICKET_LIFETIME).then_some(subscriber)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ticket_works_once() {
        let hub = EventHub::new();
        let subscriber = Subscriber { user: UserId(7), community: CommunityId(1), role: Role::Resident };
        let ticket = hub.issue_ticket(subscriber);
        assert_eq!(hub.redeem_ticket(&ticket), Some(subscriber));
        assert_eq!(hub.redeem_ticket(&ticket), None);
        assert_eq!(hub.redeem_ticket("made-up"), None);
    }

    fn subscriber(user: i64, role: Role) -> Subscriber {
        Subscriber { user: UserId(user), community: CommunityId(1), role }
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
    fn nothing_crosses_communities() {
        let envelope = Envelope {
            community: CommunityId(2),
            audience: Audience::Members,
            event: Event::NoticeReadCount { notice_id: linli_api::ids::NoticeId(1), read_count: 1 },
        };
        assert!(!envelope.is_for(&subscriber(1, Role::Resident)));
    }
}
