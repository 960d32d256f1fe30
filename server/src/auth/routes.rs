//! Registration, sign-in, sign-out and the caller's own account.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::Duration;
use linli_api::auth::{Me, RegisterRequest, Role, Session, SignInRequest, UpdatePreferences};
use linli_api::ids::UserId;
use linli_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::storage::{self, NewAccount};
use super::{password, rules, token, Signed};
use crate::community::storage as community;
use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::state::AppState;

/// How long a session lasts before the person signs in again.
pub const SESSION_DAYS: i64 = 30;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(register))
        .routes(routes!(sign_in))
        .routes(routes!(sign_out))
        .routes(routes!(me))
        .routes(routes!(update_preferences))
        .merge(super::accounts::router())
}

/// Registers a resident into the household of an invite code and signs them in.
///
/// A resident who moved out of a Linli household keeps their account (their records and data
/// rights stay with it); registering again with the same phone and the password they had
/// moves that account into the new household instead of refusing the phone.
#[utoipa::path(post, path = "/auth/register", tag = "accounts", request_body = RegisterRequest,
    responses(
        (status = 201, body = Session),
        (status = 400, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody),
        (status = 429, body = ErrorBody),
    ))]
async fn register(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    ApiJson(request): ApiJson<RegisterRequest>,
) -> AppResult<(StatusCode, Json<Session>)> {
    let registration = rules::check_registration(&request)?;
    let phone = registration.phone.as_str();
    let former = storage::moved_out_account(&state.db, phone).await?;
    let password_hash = match &former {
        // Guessing a former resident's password through invites is limited like sign-in.
        Some(_) if !state.sign_in_limiter.allow(phone, address.ip()) => return Err(AppError::TooManyAttempts),
        Some(former) => {
            if !password::verify(registration.password.clone(), Some(former.password_hash.clone())).await {
                return Err(AppError::PhoneTaken);
            }
            None
        }
        None => Some(password::hash(registration.password.clone()).await?),
    };
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    // Taking a use of the invite and creating the account commit together or not at all.
    let (community_id, household_id) =
        community::consume_invite(&mut tx, &registration.invite_code, now).await?.ok_or(AppError::InviteInvalid)?;
    // An owner is recognised by the phone the register has for them.
    let is_owner = storage::is_owner_of_record(&mut tx, household_id, phone).await?;
    let session = match (former, password_hash) {
        (Some(former), _) => {
            let moved_in = storage::move_in(&mut tx, former.user, community_id, household_id, &registration.name, is_owner).await?;
            if !moved_in {
                return Err(AppError::PhoneTaken);
            }
            let subject = format!("user:{}", former.user.0);
            let detail = format!("household:{}", household_id.0);
            community::audit_detail(&mut tx, community_id, Some(former.user), "resident_moved_in", &subject, &detail, now).await?;
            open_session(&mut tx, former.user, now).await?
        }
        (None, password_hash) => {
            let account = NewAccount {
                community: community_id,
                household: Some(household_id),
                role: Role::Resident,
                name: &registration.name,
                phone,
                password_hash: password_hash.as_deref().unwrap_or_default(),
                is_owner,
                locale: request.locale.unwrap_or_default(),
                consented_at: Some(now),
                now,
            };
            super::create_account(&mut tx, &account).await?
        }
    };
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(session)))
}

/// Signs in with phone number and password.
#[utoipa::path(post, path = "/auth/sign-in", tag = "accounts", request_body = SignInRequest,
    responses(
        (status = 200, body = Session),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody),
        (status = 429, body = ErrorBody),
    ))]
async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    ApiJson(request): ApiJson<SignInRequest>,
) -> AppResult<Json<Session>> {
    let phone = rules::parse_phone(&request.phone)?;
    if !state.sign_in_limiter.allow(phone.as_str(), address.ip()) {
        return Err(AppError::TooManyAttempts);
    }
    let account = storage::credentials(&state.db, phone.as_str()).await?;
    let stored_hash = account.as_ref().map(|account| account.password_hash.clone());
    let verified = password::verify(request.password, stored_hash).await;
    let account = account.filter(|_| verified).ok_or(AppError::InvalidCredentials)?;
    // Only someone who knows the password learns that the account is disabled.
    if account.disabled {
        return Err(AppError::AccountDisabled);
    }
    let user = account.user;
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(open_session(&mut conn, user, state.clock.now()).await?))
}

/// Ends the current session; its token stops working at once.
#[utoipa::path(post, path = "/auth/sign-out", tag = "accounts", security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ErrorBody)))]
async fn sign_out(State(state): State<AppState>, Signed(caller, ..): Signed) -> AppResult<StatusCode> {
    storage::revoke_session(&state.db, &caller.token_hash, state.clock.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The signed-in person's account, household and preferences.
#[utoipa::path(get, path = "/me", tag = "accounts", security(("bearer" = [])),
    responses((status = 200, body = Me), (status = 401, body = ErrorBody)))]
async fn me(State(state): State<AppState>, Signed(caller, ..): Signed) -> AppResult<Json<Me>> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(storage::me(&mut conn, caller.user_id).await?.ok_or(AppError::Unauthenticated)?))
}

/// Changes elderly mode or language; they follow the person to any device.
#[utoipa::path(patch, path = "/me/preferences", tag = "accounts", security(("bearer" = [])),
    request_body = UpdatePreferences,
    responses((status = 200, body = Me), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
async fn update_preferences(
    State(state): State<AppState>,
    Signed(caller, ..): Signed,
    ApiJson(change): ApiJson<UpdatePreferences>,
) -> AppResult<Json<Me>> {
    let mut conn = state.db.pool.acquire().await?;
    storage::update_preferences(&mut conn, caller.user_id, change.elderly_mode, change.locale).await?;
    Ok(Json(storage::me(&mut conn, caller.user_id).await?.ok_or(AppError::Unauthenticated)?))
}

pub(super) async fn open_session(
    conn: &mut sqlx::AnyConnection,
    user: UserId,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<Session> {
    let token = token::new_token();
    let expires_at = now + Duration::days(SESSION_DAYS);
    storage::create_session(&mut *conn, user, &token::hash_token(&token), now, expires_at).await?;
    let me = storage::me(&mut *conn, user).await?.ok_or_else(|| AppError::Internal("account vanished".into()))?;
    Ok(Session { token, expires_at, me })
}
