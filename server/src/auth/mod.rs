//! Accounts and sessions: registration with an invite code, sign-in, and [`Signed`], the one
//! extractor through which every handler states which roles it admits.

pub mod accounts;
pub mod codes;
pub mod limiter;
pub mod password;
pub mod rules;
pub mod routes;
pub mod storage;
pub mod token;

use std::marker::PhantomData;

use axum::extract::FromRequestParts;
use axum::http::{header, request::Parts};
use linli_api::auth::{Role, Session};
use linli_api::ids::{CommunityId, HouseholdId, UserId};
use sqlx::AnyConnection;

use crate::db::is_unique_violation;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

pub use storage::NewAccount;

/// Creates an account and opens its first session, inside the caller's transaction (so a
/// registration that fails later leaves no account behind).
pub async fn create_account(conn: &mut AnyConnection, account: &NewAccount<'_>) -> AppResult<Session> {
    let user = match storage::insert_account(&mut *conn, account).await {
        Err(error) if is_unique_violation(&error) => return Err(AppError::PhoneTaken),
        other => other?,
    };
    routes::open_session(conn, user, account.now).await
}

/// Who is calling, resolved from the bearer token.
#[derive(Debug, Clone)]
pub struct Caller {
    pub user_id: UserId,
    pub community_id: CommunityId,
    pub household_id: Option<HouseholdId>,
    pub role: Role,
    pub token_hash: String,
}

impl Caller {
    pub fn is_staff(&self) -> bool {
        matches!(self.role, Role::Staff | Role::Admin)
    }
}

/// The set of roles a handler admits.
pub trait Admits {
    const ROLES: &'static [Role];
}

/// Any signed-in account.
pub struct Anyone;
impl Admits for Anyone {
    const ROLES: &'static [Role] = &Role::ALL;
}

/// The community's own people: everyone but family accounts, who act only for someone.
pub struct Members;
impl Admits for Members {
    const ROLES: &'static [Role] = &Role::MEMBERS;
}

/// Residents of a household.
pub struct ResidentsOnly;
impl Admits for ResidentsOnly {
    const ROLES: &'static [Role] = &[Role::Resident];
}

/// Residents' committee staff (and admins, who can do what staff do).
pub struct StaffOnly;
impl Admits for StaffOnly {
    const ROLES: &'static [Role] = &[Role::Staff, Role::Admin];
}

/// The street office's administrator, who sets communities up.
pub struct AdminOnly;
impl Admits for AdminOnly {
    const ROLES: &'static [Role] = &[Role::Admin];
}

/// Those who publish notices: staff and the property company.
pub struct Publishers;
impl Admits for Publishers {
    const ROLES: &'static [Role] = &[Role::Staff, Role::Property, Role::Admin];
}

/// A signed-in caller whose role is one of `R::ROLES`; anyone else gets 401 or 403.
pub struct Signed<R: Admits = Anyone>(pub Caller, pub PhantomData<R>);

impl<R: Admits> FromRequestParts<AppState> for Signed<R> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let token = bearer_token(parts).ok_or(AppError::Unauthenticated)?;
        let caller = storage::caller_for_token(&state.db, &token::hash_token(token), state.clock.now())
            .await?
            .ok_or(AppError::Unauthenticated)?;
        if !R::ROLES.contains(&caller.role) {
            return Err(AppError::Forbidden);
        }
        Ok(Signed(caller, PhantomData))
    }
}

fn bearer_token(parts: &Parts) -> Option<&str> {
    let value = parts.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    (scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty()).then(|| token.trim())
}
