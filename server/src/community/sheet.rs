//! Invite codes on paper: staff print, for a building or the whole community, one code per
//! household where nobody has registered yet (an A4 sheet in the app, or a CSV). A code
//! printed before and still valid and unused is printed again, so handing out a second
//! batch never invalidates the first.

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, Duration, Utc};
use linli_api::community::{HouseholdLabel, InviteSheet, InviteSheetRequest, PrintedInvite};
use linli_api::ids::{CommunityId, HouseholdId, UserId};
use linli_api::ErrorBody;
use sqlx::AnyConnection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::register::storage::{awaiting_residents, Cursor};
use super::rules::{display_invite_code, new_invite_code, qr_svg, INVITE_MAX_USES};
use super::storage;
use crate::auth::{Signed, StaffOnly};
use crate::db::is_unique_violation;
use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::state::AppState;

/// Printed codes last a season: long enough to go round every door.
pub const PRINTED_INVITE_DAYS: i64 = 90;
/// Households on one printed page of the app's sheet (its QR codes make it heavy).
const SHEET_PAGE: i64 = 200;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(sheet)).routes(routes!(sheet_csv))
}

/// Up to `limit` households awaiting residents, each with its printed code (reused or new).
async fn printed(
    conn: &mut AnyConnection,
    community: CommunityId,
    staff: UserId,
    request: &InviteSheetRequest,
    limit: i64,
    now: DateTime<Utc>,
) -> AppResult<(Vec<(HouseholdLabel, String, DateTime<Utc>)>, Option<String>)> {
    let after = match request.after.as_deref() {
        None | Some("") => None,
        Some(raw) => Some(Cursor::decode(raw).ok_or(AppError::invalid(linli_api::ErrorCode::InvalidValue, "after"))?),
    };
    if let Some(building) = request.building {
        if !storage::building_names(&mut *conn, community).await?.contains_key(&building) {
            return Err(AppError::NotFound);
        }
    }
    let rows = awaiting_residents(&mut *conn, community, request.building, after.as_ref(), limit + 1).await?;
    let (rows, next) = crate::paging::split(rows, limit, |last| Cursor { sort_key: last.sort_key.clone(), id: last.label.id }.encode());
    let ids: Vec<HouseholdId> = rows.iter().map(|row| row.label.id).collect();
    let mut known = storage::printed_codes(&mut *conn, &ids, now).await?;
    // As stored (milliseconds), so a code reads the same printed now or again later.
    let expires_at = crate::db::from_millis(crate::db::to_millis(now + Duration::days(PRINTED_INVITE_DAYS)));
    let fresh: Vec<(HouseholdId, String)> = ids
        .iter()
        .filter(|id| !known.contains_key(id))
        .map(|id| (*id, new_invite_code(&mut rand::thread_rng())))
        .collect();
    // A fresh code collides with an existing one about once in a trillion: then the whole
    // batch is refused and staff print again.
    match storage::insert_printed_invites(&mut *conn, community, staff, &fresh, now, expires_at, INVITE_MAX_USES).await {
        Err(error) if is_unique_violation(&error) => return Err(AppError::Internal("an invite code was drawn twice".into())),
        other => other?,
    }
    known.extend(fresh.into_iter().map(|(id, code)| (id, (code, expires_at))));
    let printed = rows
        .into_iter()
        .filter_map(|row| {
            let (code, expires_at) = known.remove(&row.label.id)?;
            Some((row.label, display_invite_code(&code), expires_at))
        })
        .collect();
    Ok((printed, next))
}

/// A page (200 households) of invite codes with their QR codes, for the A4 sheet.
#[utoipa::path(post, path = "/community/invites/sheet", tag = "community", security(("bearer" = [])), request_body = InviteSheetRequest,
    responses((status = 200, body = InviteSheet), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn sheet(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiJson(request): ApiJson<InviteSheetRequest>,
) -> AppResult<Json<InviteSheet>> {
    let mut tx = state.db.begin_write().await?;
    let (printed, next) = printed(&mut tx, caller.community_id, caller.user_id, &request, SHEET_PAGE, state.clock.now()).await?;
    tx.commit().await?;
    let invites = printed
        .into_iter()
        .map(|(household, code, expires_at)| PrintedInvite { qr_svg: qr_svg(&code), household, code, expires_at })
        .collect();
    Ok(Json(InviteSheet { invites, next }))
}

/// The same codes as CSV (building, unit, room, code, valid until), for the whole selection.
#[utoipa::path(post, path = "/community/invites/sheet.csv", tag = "community", security(("bearer" = [])), request_body = InviteSheetRequest,
    responses((status = 200, content_type = "text/csv", body = String), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn sheet_csv(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiJson(request): ApiJson<InviteSheetRequest>,
) -> AppResult<Response> {
    let whole = InviteSheetRequest { after: None, ..request };
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    // Bounded by the register itself: one row per household awaiting residents.
    let (printed, _) = printed(&mut tx, caller.community_id, caller.user_id, &whole, i64::MAX - 1, now).await?;
    tx.commit().await?;
    let offset = storage::community_info(&mut *state.db.pool.acquire().await?, caller.community_id).await?.utc_offset_minutes;
    let zone = chrono::FixedOffset::east_opt(offset * 60).unwrap_or(chrono::FixedOffset::east_opt(8 * 3600).expect("UTC+8"));
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let written: Result<(), csv::Error> = (|| {
        writer.write_record(["楼栋", "单元", "房号", "邀请码", "有效期至"])?;
        for (household, code, expires_at) in &printed {
            let until = expires_at.with_timezone(&zone).format("%Y-%m-%d").to_string();
            writer.write_record([household.building.as_str(), household.unit.as_str(), household.room.as_str(), code.as_str(), until.as_str()])?;
        }
        Ok(())
    })();
    written.map_err(|error| AppError::Internal(error.to_string()))?;
    let body = writer.into_inner().map_err(|error| AppError::Internal(error.to_string()))?;
    let disposition = "attachment; filename=\"invites.csv\"".to_owned();
    Ok(([(header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()), (header::CONTENT_DISPOSITION, disposition)], body).into_response())
}
