//! Family links (亲情账号) and [`Acting`], the one way any module lets a family member do
//! something for a resident.
//!
//! A handler that may be used on someone's behalf takes `Acting<G>` instead of `Signed`:
//! without the `linli-acting-for` header the caller acts for themselves; with it, a live
//! link from that resident to the caller must grant `G`, and the handler scopes every
//! query to [`Acting::subject`] and calls [`Acting::record`] for what it did.

pub mod routes;
pub mod rules;
pub mod storage;

use std::marker::PhantomData;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use chrono::{DateTime, Utc};
use linli_api::auth::Role;
use linli_api::family::{FamilyActivityKind, Grant, ACTING_FOR_HEADER};
use linli_api::ids::{CommunityId, FamilyLinkId, HouseholdId, UserId};
use sqlx::AnyConnection;

use crate::auth::storage::profile_of;
use crate::auth::{Anyone, Caller, Signed};
use crate::error::AppError;
use crate::state::AppState;

/// What a link must grant for an endpoint to be used through it.
pub trait Needs {
    fn allowed_by(grants: &[Grant]) -> bool;
}

macro_rules! grant_markers {
    ($($(#[$doc:meta])* $name:ident => $grant:ident),* $(,)?) => {$(
        $(#[$doc])*
        pub struct $name;
        impl Needs for $name {
            fn allowed_by(grants: &[Grant]) -> bool {
                grants.contains(&Grant::$grant)
            }
        }
    )*};
}

grant_markers!(
    ReadNotices => ReadNotices,
    BookAppointments => BookAppointments,
    OrderGroceries => OrderGroceries,
    PostWishes => PostWishes,
    VoteProxy => VoteProxy,
    ReportProblems => ReportProblems,
);

/// Seeing what the resident is shown (the photos on her cases, wishes and bookings): every
/// grant leads to screens with photos on them, so any grant at all allows it.
pub struct SeeForThem;
impl Needs for SeeForThem {
    fn allowed_by(grants: &[Grant]) -> bool {
        !grants.is_empty()
    }
}

/// The person an action is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    pub user_id: UserId,
    pub community_id: CommunityId,
    pub household_id: Option<HouseholdId>,
    pub role: Role,
}

impl From<&Caller> for Subject {
    /// The caller acting for themselves.
    fn from(caller: &Caller) -> Self {
        Subject { user_id: caller.user_id, community_id: caller.community_id, household_id: caller.household_id, role: caller.role }
    }
}

/// A signed-in caller acting for themselves or, through a link granting `G`, for a resident.
pub struct Acting<G: Needs> {
    pub caller: Caller,
    pub subject: Subject,
    /// The link used, when acting for someone else.
    pub link: Option<FamilyLinkId>,
    grant: PhantomData<G>,
}

impl<G: Needs> Acting<G> {
    pub fn is_for_someone_else(&self) -> bool {
        self.link.is_some()
    }

    /// Writes what was done into the resident's history, when done for them.
    pub async fn record(
        &self,
        conn: &mut AnyConnection,
        kind: FamilyActivityKind,
        detail: &str,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        match self.history_entry(kind, detail) {
            Some(entry) => entry.write(conn, now).await,
            None => Ok(()),
        }
    }

    /// The history entry to write when this is done for someone else, for work that is
    /// written later in another transaction (e.g. a ballot waiting in the ballot box).
    pub fn history_entry(&self, kind: FamilyActivityKind, detail: &str) -> Option<HistoryEntry> {
        Some(HistoryEntry {
            community: self.subject.community_id,
            link: self.link?,
            resident: self.subject.user_id,
            member: self.caller.user_id,
            kind,
            detail: detail.to_owned(),
        })
    }
}

/// Something a family member did for a resident, to go into the resident's history.
#[derive(Debug, Clone)]
pub struct HistoryEntry {
    community: CommunityId,
    link: FamilyLinkId,
    resident: UserId,
    member: UserId,
    kind: FamilyActivityKind,
    detail: String,
}

impl HistoryEntry {
    pub async fn write(&self, conn: &mut AnyConnection, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
        let activity = storage::Activity {
            community: self.community,
            link: self.link,
            resident: self.resident,
            member: self.member,
            kind: self.kind,
            detail: &self.detail,
            at: now,
        };
        storage::record(conn, &activity).await
    }
}

impl<G: Needs> FromRequestParts<AppState> for Acting<G> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Signed(caller, ..) = Signed::<Anyone>::from_request_parts(parts, state).await?;
        let acting_for = match parts.headers.get(ACTING_FOR_HEADER) {
            None => None,
            // Unreadable or unknown ids get the same answer as a missing grant: nothing
            // tells a stranger whether that person exists.
            Some(value) => Some(rules::parse_acting_for(value.to_str().ok()).ok_or(AppError::NotPermitted)?),
        };
        match acting_for {
            None => for_self(caller),
            Some(resident) if resident == caller.user_id => for_self(caller),
            Some(resident) => {
                let mut conn = state.db.pool.acquire().await?;
                let link = storage::live_link(&mut conn, resident, caller.user_id).await?.ok_or(AppError::NotPermitted)?;
                if !G::allowed_by(&link.grants) {
                    return Err(AppError::NotPermitted);
                }
                let profile = profile_of(&mut conn, resident).await?.ok_or(AppError::NotPermitted)?;
                let subject = Subject {
                    user_id: resident,
                    community_id: profile.community,
                    household_id: profile.household,
                    role: profile.role,
                };
                Ok(Acting { caller, subject, link: Some(link.id), grant: PhantomData })
            }
        }
    }
}

/// A family account belongs to no household: it only ever acts for someone.
fn for_self<G: Needs>(caller: Caller) -> Result<Acting<G>, AppError> {
    if caller.role == Role::Family {
        return Err(AppError::Forbidden);
    }
    let subject = Subject::from(&caller);
    Ok(Acting { caller, subject, link: None, grant: PhantomData })
}

/// The header of every endpoint a family member may use for a resident (for the OpenAPI
/// document; [`Acting`] reads it).
#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Header)]
pub struct ActingFor {
    /// The resident's user id, when acting for them through a family link.
    #[serde(rename = "linli-acting-for")]
    #[allow(dead_code)]
    acting_for: Option<i64>,
}
