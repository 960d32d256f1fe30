//! Shops: a shop applies to a community (and is signed in, pending), staff approve or
//! refuse it, and only an approved shop publishes campaigns.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use linli_api::auth::{Role, Session};
use linli_api::groceries::{Merchant, MerchantApplication, MerchantStanding, ReviewMerchant};
use linli_api::ids::{CommunityId, UserId};
use linli_api::phone::mask_phone;
use linli_api::{validate, ErrorBody};
use sqlx::AnyConnection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::storage::{self, MerchantRow};
use crate::auth::{create_account, password, Admits, NewAccount, Signed, StaffOnly};
use crate::community::storage::{audit, community_exists};
use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, ApiPath};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list, apply)).routes(routes!(mine)).routes(routes!(review))
}

/// Shops only.
pub struct MerchantsOnly;
impl Admits for MerchantsOnly {
    const ROLES: &'static [Role] = &[Role::Merchant];
}

fn view(row: MerchantRow, full_phone: bool) -> Merchant {
    Merchant {
        id: row.user,
        shop_name: row.shop_name,
        contact_name: row.contact_name,
        phone: if full_phone { row.phone } else { mask_phone(&row.phone) },
        standing: row.standing,
        reason: row.reason,
        applied_at: row.applied_at,
        reviewed_at: row.reviewed_at,
    }
}

/// The caller's shop, only if staff approved it.
pub async fn approved(conn: &mut AnyConnection, community: CommunityId, user: UserId) -> AppResult<MerchantRow> {
    match storage::merchant(conn, community, user).await? {
        Some(row) if row.standing == MerchantStanding::Approved => Ok(row),
        _ => Err(AppError::MerchantNotApproved),
    }
}

/// A shop applies to a community; it is signed in at once and may publish once approved.
#[utoipa::path(post, path = "/groceries/merchants", tag = "groceries", request_body = MerchantApplication,
    responses((status = 201, body = Session), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody),
              (status = 422, body = ErrorBody)))]
async fn apply(State(state): State<AppState>, ApiJson(application): ApiJson<MerchantApplication>) -> AppResult<(StatusCode, Json<Session>)> {
    let checked = validate::merchant_application(&application).map_err(AppError::Invalid)?;
    let password_hash = password::hash(checked.password.clone()).await?;
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    if !community_exists(&mut tx, checked.community_id).await? {
        return Err(AppError::invalid(linli_api::ErrorCode::InvalidValue, "community_id"));
    }
    let account = NewAccount {
        community: checked.community_id,
        household: None,
        role: Role::Merchant,
        name: &checked.contact_name,
        phone: &checked.phone,
        password_hash: &password_hash,
        is_owner: false,
        locale: checked.locale.unwrap_or_default(),
        consented_at: Some(now),
        now,
    };
    let session = create_account(&mut tx, &account).await?;
    storage::insert_merchant(&mut tx, session.me.id, checked.community_id, &checked.shop_name, MerchantStanding::Pending, now).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(session)))
}

/// Staff: the community's shops, applications waiting first, with their phone in full.
#[utoipa::path(get, path = "/groceries/merchants", tag = "groceries", security(("bearer" = [])),
    responses((status = 200, body = [Merchant]), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn list(State(state): State<AppState>, Signed(caller, ..): Signed<StaffOnly>) -> AppResult<Json<Vec<Merchant>>> {
    let mut conn = state.db.pool.acquire().await?;
    let rows = storage::merchants(&mut conn, caller.community_id).await?;
    Ok(Json(rows.into_iter().map(|row| view(row, true)).collect()))
}

/// A shop's own standing.
#[utoipa::path(get, path = "/groceries/merchants/me", tag = "groceries", security(("bearer" = [])),
    responses((status = 200, body = Merchant), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody)))]
async fn mine(State(state): State<AppState>, Signed(caller, ..): Signed<MerchantsOnly>) -> AppResult<Json<Merchant>> {
    let mut conn = state.db.pool.acquire().await?;
    let row = storage::merchant(&mut conn, caller.community_id, caller.user_id).await?.ok_or(AppError::NotFound)?;
    Ok(Json(view(row, false)))
}

/// Staff approve a shop, or refuse it with a reason the shop sees (also later: a refused
/// shop's open campaigns stay as they are, but it publishes no new ones).
#[utoipa::path(post, path = "/groceries/merchants/{id}/review", tag = "groceries", security(("bearer" = [])),
    params(("id" = i64, Path, description = "the shop's account id")), request_body = ReviewMerchant,
    responses((status = 200, body = Merchant), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn review(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(review): ApiJson<ReviewMerchant>,
) -> AppResult<Json<Merchant>> {
    let reason = validate::reason(review.reason.as_deref(), !review.approve).map_err(AppError::Invalid)?;
    let standing = if review.approve { MerchantStanding::Approved } else { MerchantStanding::Rejected };
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let shop = UserId(id);
    if !storage::review_merchant(&mut tx, caller.community_id, shop, standing, reason.as_deref(), caller.user_id, now).await? {
        return Err(AppError::NotFound);
    }
    let action = if review.approve { "merchant.approve" } else { "merchant.reject" };
    audit(&mut tx, caller.community_id, caller.user_id, action, &format!("merchant:{id}"), now).await?;
    let row = storage::merchant(&mut tx, caller.community_id, shop).await?.ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(Json(view(row, true)))
}
