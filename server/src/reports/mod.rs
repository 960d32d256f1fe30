//! Problem reports (报事报修): report once, routed to whoever answers for it, handled,
//! escalated when nobody accepts it in time, confirmed and rated by the reporter.
//!
//! So far: the rules (`rules.rs`: the state machine and who may take each step, who sees a
//! case and its reporter, the clock of acceptance, escalation and reopening, the monthly
//! figures); reporting, the lists, one case, "me too" and the community's routing
//! (`routes.rs`); what each viewer sees (`view.rs`); the SQL (`storage.rs`). The handlers'
//! steps (accept … confirm), the escalation clock and the figures' route build on them.

pub mod routes;
pub mod rules;
pub mod storage;
pub mod view;

use linli_api::auth::Role;
use linli_api::reports::Party;
use utoipa_axum::router::OpenApiRouter;

use self::rules::Viewer;
use self::storage::ReportRow;
use crate::auth::Caller;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    routes::router()
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

/// How the caller stands to a case.
pub fn viewer(caller: &Caller, row: &ReportRow) -> Viewer {
    Viewer {
        reporter: row.reporter == caller.user_id,
        handler: row.handler == Some(caller.user_id),
        in_charge: party_of(caller.role) == Some(row.party),
        staff: caller.is_staff(),
        neighbour: caller.role != Role::Family,
    }
}
