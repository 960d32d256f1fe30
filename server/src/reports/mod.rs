//! Problem reports (报事报修): report once, routed to whoever answers for it, handled,
//! escalated when nobody accepts it in time, confirmed and rated by the reporter.
//!
//! `routes.rs` reports a problem and reads cases, the routing and the monthly figures;
//! `steps.rs` moves a case along (accept, start, resolve, confirm, reopen, reassign, merge),
//! each step a conditional update from the state it saw, in one transaction with its line of
//! the record; `clock.rs` escalates cases nobody accepted in time and confirms resolutions
//! their reporter left unanswered; `view.rs` decides what each viewer sees; the state machine,
//! the clocks, who hears what and the figures are plain functions in `rules.rs`; the SQL is
//! in `storage.rs`.

pub mod clock;
pub mod routes;
pub mod rules;
pub mod steps;
pub mod storage;
pub mod view;

use linli_api::auth::Role;
use linli_api::events::Event;
use linli_api::ids::{CommunityId, ReportId, UserId};
use linli_api::reports::{Party, ReportEventKind};
use sqlx::AnyConnection;
use utoipa_axum::router::OpenApiRouter;

use self::rules::{Viewer, Whom};
use self::storage::ReportRow;
use crate::auth::Caller;
use crate::error::{AppError, AppResult};
use crate::events::Audience;
use crate::family::{Acting, Needs};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().merge(routes::router()).merge(steps::router())
}

/// The party a role works for: the property company's people, the residents' committee's
/// staff, the street office's admins.
pub fn party_of(role: Role) -> Option<Party> {
    match role {
        Role::Property => Some(Party::PropertyCompany),
        Role::Staff => Some(Party::ResidentsCommittee),
        Role::Admin => Some(Party::StreetOffice),
        Role::Resident | Role::Merchant | Role::Family => None,
    }
}

/// Who does something to a case: the caller for themselves or, through a family link granting
/// `ReportProblems`, for the resident `subject`, who is then only ever its reporter or a
/// follower: a family member handles nothing and is nobody's neighbour.
pub struct Actor {
    pub caller: Caller,
    pub subject: UserId,
    /// The subject's community, where every case the actor touches must be.
    pub community: CommunityId,
    pub acting: bool,
}

impl Actor {
    pub fn for_self(caller: Caller) -> Self {
        let (subject, community) = (caller.user_id, caller.community_id);
        Actor { caller, subject, community, acting: false }
    }

    pub fn from_acting<G: Needs>(acting: &Acting<G>) -> Self {
        let (subject, community) = (acting.subject.user_id, acting.subject.community_id);
        Actor { caller: acting.caller.clone(), subject, community, acting: acting.is_for_someone_else() }
    }
}

/// How the actor stands to a case.
pub async fn viewer(conn: &mut AnyConnection, actor: &Actor, row: &ReportRow) -> Result<Viewer, sqlx::Error> {
    let (caller, own) = (&actor.caller, !actor.acting);
    let reporter = row.reporter == actor.subject;
    Ok(Viewer {
        reporter,
        handler: own && row.handler == Some(caller.user_id),
        in_charge: own && party_of(caller.role) == Some(row.party),
        staff: own && caller.is_staff(),
        neighbour: own && caller.role != Role::Family,
        follower: !reporter && storage::follows(conn, row.id, actor.subject).await?,
    })
}

/// The case and how the actor stands to it, if they may see it; anything else is as
/// invisible as a case that does not exist.
pub async fn visible(conn: &mut AnyConnection, actor: &Actor, id: ReportId) -> AppResult<(ReportRow, Viewer)> {
    let row = storage::report(&mut *conn, actor.community, id).await?.ok_or(AppError::NotFound)?;
    let viewer = viewer(conn, actor, &row).await?;
    if !viewer.sees_case(row.public) {
        return Err(AppError::NotFound);
    }
    Ok((row, viewer))
}

/// Who a case's news reaches, once each: the people named, or the party it is with and the
/// staff who oversee every case.
pub struct Recipients {
    pub reporter: UserId,
    pub handler: Option<UserId>,
    pub followers: Vec<UserId>,
}

/// After a step committed: open pages reload the case, and whoever the step concerns hears
/// its news. Neighbours hear only of public cases.
pub fn announce(state: &AppState, row: &ReportRow, kind: ReportEventKind, recipients: &Recipients) {
    let changed = || Event::ReportChanged { report_id: row.id };
    if row.public {
        state.events.publish(row.community, Audience::Members, changed());
    } else {
        state.events.publish(row.community, Audience::Publishers, changed());
        for person in std::iter::once(recipients.reporter).chain(recipients.followers.iter().copied()) {
            state.events.publish(row.community, Audience::Person(person), changed());
        }
    }
    for (whom, news) in rules::news_of(kind) {
        let event = || Event::ReportNews { report_id: row.id, category: row.category, location: row.location.clone(), news: *news };
        let people: Vec<UserId> = match whom {
            Whom::Reporter => vec![recipients.reporter],
            Whom::Followers => recipients.followers.clone(),
            Whom::Handler => recipients.handler.into_iter().collect(),
            Whom::InCharge => {
                // Staff (and the street office's admins) oversee every case; the property
                // company hears of its own.
                state.events.publish(row.community, Audience::Staff, event());
                if row.party == Party::PropertyCompany {
                    state.events.publish(row.community, Audience::Role(Role::Property), event());
                }
                Vec::new()
            }
        };
        for person in people {
            state.events.publish(row.community, Audience::Person(person), event());
        }
    }
}
