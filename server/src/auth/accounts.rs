//! Running a community's accounts: staff open staff, property and merchant accounts (the
//! person sets a password with a one-time code), disable and re-enable them, and hand a
//! reset code to a resident who forgot their password; everyone changes their own password
//! and signs out everywhere. Every step is in the audit log.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Duration, Utc};
use linli_api::admin::{AccountEntry, AccountPage, AccountQuery, ChangePassword, NewAccountRequest, OneTimeCode, ResetPassword};
use linli_api::auth::{Role, Session};
use linli_api::ids::{CommunityId, UserId};
use linli_api::phone::mask_phone;
use linli_api::{validate, ErrorBody};
use sqlx::AnyConnection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::codes::{code_hash, display_code, new_code, normalize_code, RESET_CODE_LIFETIME, SETUP_CODE_LIFETIME};
use super::storage::{self, AccountRow, NewAccount};
use super::{password, routes::open_session, Caller, Signed, StaffOnly};
use crate::community::storage::audit_detail;
use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::paging;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(accounts, open_account))
        .routes(routes!(disable))
        .routes(routes!(enable))
        .routes(routes!(reset_code))
        .routes(routes!(reset_password))
        .routes(routes!(change_password))
        .routes(routes!(sign_out_everywhere))
}

fn entry(account: AccountRow) -> AccountEntry {
    AccountEntry { id: account.id, name: account.name, phone_masked: mask_phone(&account.phone), role: account.role, disabled: account.disabled }
}

/// The community's staff, property, merchant and administrator accounts, by when they were opened.
#[utoipa::path(get, path = "/community/accounts", tag = "accounts", security(("bearer" = [])), params(AccountQuery),
    responses((status = 200, body = AccountPage), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody)))]
async fn accounts(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiQuery(query): ApiQuery<AccountQuery>,
) -> AppResult<Json<AccountPage>> {
    let limit = paging::limit(query.limit);
    let after = match query.after.as_deref() {
        None | Some("") => UserId(0),
        Some(raw) => UserId(raw.parse().map_err(|_| AppError::InvalidQuery("after".into()))?),
    };
    let mut conn = state.db.pool.acquire().await?;
    let rows = storage::working_accounts(&mut conn, caller.community_id, after, limit + 1).await?;
    let (rows, next) = paging::split(rows, limit, |last| last.id.to_string());
    Ok(Json(AccountPage { accounts: rows.into_iter().map(entry).collect(), next }))
}

/// Opens an account for a colleague, the property company or a shop; the answer carries a
/// one-time setup code (24 hours) with which they choose their password.
#[utoipa::path(post, path = "/community/accounts", tag = "accounts", security(("bearer" = [])), request_body = NewAccountRequest,
    responses((status = 201, body = OneTimeCode), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn open_account(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiJson(request): ApiJson<NewAccountRequest>,
) -> AppResult<(StatusCode, Json<OneTimeCode>)> {
    let request = validate::admin::new_account(&request, caller.role == Role::Admin).map_err(AppError::Invalid)?;
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let issued = open_with_setup_code(&mut tx, caller.community_id, &request, Some(caller.user_id), now).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(issued)))
}

/// Opens an account nobody can sign in to until its setup code is used (shared with the
/// administrator's first staff account of a new community).
pub async fn open_with_setup_code(
    conn: &mut AnyConnection,
    community: CommunityId,
    request: &NewAccountRequest,
    opened_by: Option<UserId>,
    now: DateTime<Utc>,
) -> AppResult<OneTimeCode> {
    // A random password nobody knows: the setup code is the only way in.
    let unusable = password::hash(super::token::new_token()).await?;
    let account = NewAccount {
        community,
        household: None,
        role: request.role,
        name: &request.name,
        phone: &request.phone,
        password_hash: &unusable,
        is_owner: false,
        locale: Default::default(),
        consented_at: None,
        now,
    };
    let user = match storage::insert_account(&mut *conn, &account).await {
        Err(error) if crate::db::is_unique_violation(&error) => return Err(AppError::PhoneTaken),
        other => other?,
    };
    audit_detail(&mut *conn, community, opened_by, "account_opened", &format!("user:{user}"), request.role.as_str(), now).await?;
    let row = AccountRow { id: user, name: request.name.clone(), phone: request.phone.clone(), role: request.role, disabled: false };
    issue_code(conn, row, opened_by, now, SETUP_CODE_LIFETIME).await
}

async fn issue_code(
    conn: &mut AnyConnection,
    account: AccountRow,
    issued_by: Option<UserId>,
    now: DateTime<Utc>,
    lifetime: Duration,
) -> AppResult<OneTimeCode> {
    let code = new_code(&mut rand::thread_rng());
    let expires_at = now + lifetime;
    storage::insert_one_time_code(conn, account.id, &code_hash(account.id.0, &code), issued_by, now, expires_at).await?;
    Ok(OneTimeCode { account: entry(account), code: display_code(&code), expires_at })
}

/// An account of the caller's community that the caller may manage: not their own, and an
/// administrator's only if the caller is one.
async fn managed_account(conn: &mut AnyConnection, caller: &Caller, id: i64) -> AppResult<AccountRow> {
    let account = storage::account_in(conn, caller.community_id, UserId(id)).await?.ok_or(AppError::NotFound)?;
    if account.id == caller.user_id || (account.role == Role::Admin && caller.role != Role::Admin) || account.role == Role::Family {
        return Err(AppError::Forbidden);
    }
    Ok(account)
}

/// Disables a staff, property or merchant account: it cannot sign in, and its sessions end
/// at once. (Residents who leave are marked moved out in the register instead.)
#[utoipa::path(post, path = "/community/accounts/{id}/disable", tag = "accounts", security(("bearer" = [])),
    params(("id" = i64, Path, description = "account id")),
    responses((status = 200, body = AccountEntry), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody)))]
async fn disable(State(state): State<AppState>, Signed(caller, ..): Signed<StaffOnly>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<AccountEntry>> {
    set_disabled(&state, &caller, id, true).await
}

/// Lets a disabled staff, property or merchant account sign in again.
#[utoipa::path(post, path = "/community/accounts/{id}/enable", tag = "accounts", security(("bearer" = [])),
    params(("id" = i64, Path, description = "account id")),
    responses((status = 200, body = AccountEntry), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody)))]
async fn enable(State(state): State<AppState>, Signed(caller, ..): Signed<StaffOnly>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<AccountEntry>> {
    set_disabled(&state, &caller, id, false).await
}

async fn set_disabled(state: &AppState, caller: &Caller, id: i64, disabled: bool) -> AppResult<Json<AccountEntry>> {
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let account = managed_account(&mut tx, caller, id).await?;
    if account.role == Role::Resident {
        return Err(AppError::Forbidden);
    }
    storage::set_disabled(&mut tx, account.id, disabled, now).await?;
    let action = if disabled { "account_disabled" } else { "account_enabled" };
    audit_detail(&mut tx, caller.community_id, Some(caller.user_id), action, &format!("user:{}", account.id), "", now).await?;
    tx.commit().await?;
    Ok(Json(entry(AccountRow { disabled, ..account })))
}

/// A one-time reset code (30 minutes) for someone of the community who forgot their
/// password; shown once, and any earlier code stops working.
#[utoipa::path(post, path = "/community/accounts/{id}/reset-code", tag = "accounts", security(("bearer" = [])),
    params(("id" = i64, Path, description = "account id")),
    responses((status = 201, body = OneTimeCode), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody)))]
async fn reset_code(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<(StatusCode, Json<OneTimeCode>)> {
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let account = managed_account(&mut tx, &caller, id).await?;
    audit_detail(&mut tx, caller.community_id, Some(caller.user_id), "reset_code_issued", &format!("user:{}", account.id), "", now).await?;
    let issued = issue_code(&mut tx, account, Some(caller.user_id), now, RESET_CODE_LIFETIME).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(issued)))
}

/// Sets a new password with a code from staff, and signs in; every other session of the
/// account ends. Tried under the same limits as signing in.
#[utoipa::path(post, path = "/auth/reset-password", tag = "accounts", request_body = ResetPassword,
    responses((status = 200, body = Session), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
async fn reset_password(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    ApiJson(request): ApiJson<ResetPassword>,
) -> AppResult<Json<Session>> {
    let phone = validate::phone(&request.phone).map_err(AppError::Invalid)?;
    validate::new_password(&request.new_password, "new_password").map_err(AppError::Invalid)?;
    if !state.sign_in_limiter.allow(phone.as_str(), address.ip()) {
        return Err(AppError::TooManyAttempts);
    }
    let account = storage::credentials(&state.db, phone.as_str()).await?;
    let code = normalize_code(&request.code);
    let hash = password::hash(request.new_password).await?;
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let Some(account) = account else { return Err(AppError::ResetCodeInvalid) };
    if !storage::use_one_time_code(&mut tx, account.user, &code_hash(account.user.0, &code), now).await? {
        return Err(AppError::ResetCodeInvalid);
    }
    if account.disabled {
        return Err(AppError::AccountDisabled);
    }
    storage::set_password(&mut tx, account.user, &hash).await?;
    storage::revoke_all_sessions(&mut tx, account.user, now).await?;
    let community = storage::profile_of(&mut tx, account.user).await?.ok_or(AppError::NotFound)?.community;
    audit_detail(&mut tx, community, Some(account.user), "password_reset", &format!("user:{}", account.user), "", now).await?;
    let session = open_session(&mut tx, account.user, now).await?;
    tx.commit().await?;
    Ok(Json(session))
}

/// Changes one's own password; the other devices signed in are signed out.
#[utoipa::path(post, path = "/me/password", tag = "accounts", security(("bearer" = [])), request_body = ChangePassword,
    responses((status = 204), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody),
              (status = 429, body = ErrorBody)))]
async fn change_password(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    Signed(caller, ..): Signed,
    ApiJson(request): ApiJson<ChangePassword>,
) -> AppResult<StatusCode> {
    validate::new_password(&request.new_password, "new_password").map_err(AppError::Invalid)?;
    let mut conn = state.db.pool.acquire().await?;
    let profile = storage::profile_of(&mut conn, caller.user_id).await?.ok_or(AppError::Unauthenticated)?;
    drop(conn);
    if !state.sign_in_limiter.allow(&profile.phone, address.ip()) {
        return Err(AppError::TooManyAttempts);
    }
    let stored = storage::credentials(&state.db, &profile.phone).await?.map(|account| account.password_hash);
    if !password::verify(request.current_password, stored).await {
        return Err(AppError::WrongPassword);
    }
    let hash = password::hash(request.new_password).await?;
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    storage::set_password(&mut tx, caller.user_id, &hash).await?;
    storage::revoke_other_sessions(&mut tx, caller.user_id, &caller.token_hash, now).await?;
    audit_detail(&mut tx, caller.community_id, Some(caller.user_id), "password_changed", &format!("user:{}", caller.user_id), "", now).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Ends every session of the caller's account, this one included (a lost phone).
#[utoipa::path(post, path = "/auth/sign-out-everywhere", tag = "accounts", security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ErrorBody)))]
async fn sign_out_everywhere(State(state): State<AppState>, Signed(caller, ..): Signed) -> AppResult<StatusCode> {
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    storage::revoke_all_sessions(&mut tx, caller.user_id, now).await?;
    audit_detail(&mut tx, caller.community_id, Some(caller.user_id), "signed_out_everywhere", &format!("user:{}", caller.user_id), "", now)
        .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
