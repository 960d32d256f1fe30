//! Staff's household register: import the ledger (preview, then apply), page through it,
//! export it, edit one household, and mark a resident moved out.

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, FromRequest, Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use linli_api::ids::{HouseholdId, UserId};
use linli_api::phone::mask_phone;
use linli_api::register::limits::LEDGER_MAX_BYTES;
use linli_api::register::{
    HouseholdChange, HouseholdDetail, HouseholdResident, ImportQuery, ImportSummary, LedgerColumn, Owner, RegisterEntry, RegisterPage,
    RegisterQuery, LEDGER_TYPES,
};
use linli_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{edit, export, storage};
use crate::auth::{self, Signed, StaffOnly};
use crate::community::ledger::{read_ledger, Ledger, LedgerError, LedgerOwner};
use crate::community::storage as community;
use crate::error::{AppError, AppResult};
use crate::extract::{typed_body, ApiJson, ApiPath, ApiQuery};
use crate::paging;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    let import = OpenApiRouter::new().routes(routes!(import)).layer(DefaultBodyLimit::max(LEDGER_MAX_BYTES));
    OpenApiRouter::new()
        .merge(import)
        .routes(routes!(register_page))
        .routes(routes!(export_csv))
        .routes(routes!(household, change_household))
        .routes(routes!(move_out))
}

/// A ledger file: CSV or a workbook, within the size limit.
pub struct LedgerBody(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for LedgerBody {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        Ok(LedgerBody(typed_body(request, state, &LEDGER_TYPES).await?))
    }
}

/// Reads a ledger off the request threads (a workbook of 10,000 rows is real work).
pub async fn read(bytes: Bytes) -> AppResult<Ledger> {
    tokio::task::spawn_blocking(move || read_ledger(&bytes)).await.map_err(|error| AppError::Internal(error.to_string()))?.map_err(
        |error| match error {
            LedgerError::Unreadable => AppError::LedgerUnreadable,
            LedgerError::MissingColumns(columns) => {
                AppError::LedgerColumnsMissing(columns.first().copied().unwrap_or(LedgerColumn::Building).as_str())
            }
            LedgerError::TooManyRows => AppError::LedgerTooManyRows,
            LedgerError::Empty => AppError::LedgerEmpty,
        },
    )
}

/// Previews (or with `apply=true` applies) the property company's ledger: CSV in UTF-8 or
/// GB18030, or an Excel workbook. Nothing is written while any row has a problem; then the
/// whole file is one transaction. Importing the same file again changes nothing.
#[utoipa::path(post, path = "/community/register/import", tag = "register", security(("bearer" = [])), params(ImportQuery),
    request_body(content((Vec<u8> = "text/csv"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
    responses((status = 200, body = ImportSummary), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 413, body = ErrorBody),
              (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn import(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiQuery(query): ApiQuery<ImportQuery>,
    LedgerBody(bytes): LedgerBody,
) -> AppResult<Json<ImportSummary>> {
    let ledger = read(bytes).await?;
    let apply = query.apply.unwrap_or(false);
    Ok(Json(super::import_ledger(&state.db, caller.community_id, Some(caller.user_id), &ledger, apply, state.clock.now()).await?))
}

/// One page of the register in building, unit and room order, with owners (phones masked)
/// and how many residents registered.
#[utoipa::path(get, path = "/community/register", tag = "register", security(("bearer" = [])), params(RegisterQuery),
    responses((status = 200, body = RegisterPage), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody)))]
async fn register_page(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiQuery(query): ApiQuery<RegisterQuery>,
) -> AppResult<Json<RegisterPage>> {
    let limit = paging::limit(query.limit);
    let after = match query.after.as_deref() {
        None | Some("") => None,
        Some(raw) => Some(storage::Cursor::decode(raw).ok_or_else(|| AppError::InvalidQuery("after".into()))?),
    };
    let mut conn = state.db.pool.acquire().await?;
    let rows = storage::page(&mut conn, caller.community_id, after.as_ref(), limit + 1).await?;
    let (rows, next) = paging::split(rows, limit, |last| storage::Cursor { sort_key: last.sort_key.clone(), id: last.label.id }.encode());
    let ids: Vec<HouseholdId> = rows.iter().map(|row| row.label.id).collect();
    let mut owners = storage::owners_of(&mut conn, &ids).await?;
    let counts = storage::resident_counts(&mut conn, &ids).await?;
    let households_total = storage::household_count(&mut conn, caller.community_id).await?;
    let entries = rows
        .into_iter()
        .map(|row| RegisterEntry {
            resident_count: counts.get(&row.label.id).copied().unwrap_or(0),
            owners: masked(owners.remove(&row.label.id).unwrap_or_default()),
            floor_area_centi_m2: row.area_centi_m2,
            household: row.label,
        })
        .collect();
    Ok(Json(RegisterPage { entries, next, households_total }))
}

fn masked(owners: Vec<LedgerOwner>) -> Vec<Owner> {
    owners.into_iter().map(|owner| Owner { name: owner.name, phone_masked: owner.phone.as_deref().map(mask_phone) }).collect()
}

/// The whole register as CSV in the ledger's own columns (UTF-8 with a byte-order mark, so
/// Excel opens it right), importable again. Owners' phones are in it: the export is audit-logged.
#[utoipa::path(get, path = "/community/register.csv", tag = "register", security(("bearer" = [])),
    responses((status = 200, content_type = "text/csv", body = String), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody)))]
async fn export_csv(State(state): State<AppState>, Signed(caller, ..): Signed<StaffOnly>) -> AppResult<Response> {
    let mut conn = state.db.pool.acquire().await?;
    let register = storage::whole_register(&mut conn, caller.community_id).await?;
    community::audit_detail(&mut conn, caller.community_id, Some(caller.user_id), "register_exported", "register", "", state.clock.now()).await?;
    let body = export::register_csv(&register).map_err(|error| AppError::Internal(error.to_string()))?;
    let disposition = "attachment; filename=\"register.csv\"".to_owned();
    Ok(([(header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()), (header::CONTENT_DISPOSITION, disposition)], body).into_response())
}

/// One household: area, owners (phones masked), staff's note and the residents registered.
#[utoipa::path(get, path = "/community/households/{id}", tag = "register", security(("bearer" = [])),
    params(("id" = i64, Path, description = "household id")),
    responses((status = 200, body = HouseholdDetail), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody)))]
async fn household(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Json<HouseholdDetail>> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(detail(&mut conn, caller.community_id, HouseholdId(id)).await?))
}

async fn detail(conn: &mut sqlx::AnyConnection, community: linli_api::ids::CommunityId, id: HouseholdId) -> AppResult<HouseholdDetail> {
    let (row, note) = storage::household(&mut *conn, community, id).await?.ok_or(AppError::NotFound)?;
    let owners = storage::owners_of(&mut *conn, &[id]).await?.remove(&id).unwrap_or_default();
    let residents = storage::residents(&mut *conn, id)
        .await?
        .into_iter()
        .map(|(id, name, phone, is_owner)| HouseholdResident { id, name, phone_masked: mask_phone(&phone), is_owner })
        .collect();
    Ok(HouseholdDetail { household: row.label, floor_area_centi_m2: row.area_centi_m2, owners: masked(owners), note, residents })
}

/// Changes a household's area, owners or note; the change and its old values go to the
/// audit log. An owners' vote already published keeps the register it was published with.
#[utoipa::path(patch, path = "/community/households/{id}", tag = "register", security(("bearer" = [])),
    params(("id" = i64, Path, description = "household id")), request_body = HouseholdChange,
    responses((status = 200, body = HouseholdDetail), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn change_household(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(change): ApiJson<HouseholdChange>,
) -> AppResult<Json<HouseholdDetail>> {
    let id = HouseholdId(id);
    let change = edit::check(&change)?;
    let mut tx = state.db.begin_write().await?;
    let (row, note) = storage::household(&mut tx, caller.community_id, id).await?.ok_or(AppError::NotFound)?;
    let recorded = storage::owners_of(&mut tx, &[id]).await?.remove(&id).unwrap_or_default();
    let area = change.area_centi_m2.unwrap_or(row.area_centi_m2);
    let note_after = change.note.clone().unwrap_or_else(|| note.clone());
    storage::set_area_and_note(&mut tx, id, area, &note_after).await?;
    let owners = change.owners.as_ref().map(|owners| edit::owners_after(&recorded, owners));
    if let Some(owners) = &owners {
        storage::replace_owners(&mut tx, id, owners).await?;
        auth::storage::refresh_owner_flags(&mut tx, &[id]).await?;
    }
    let detail_line = edit::describe(row.area_centi_m2, area, &recorded, owners.as_deref(), &note, &note_after);
    if !detail_line.is_empty() {
        let subject = format!("household:{id}");
        community::audit_detail(&mut tx, caller.community_id, Some(caller.user_id), "household_changed", &subject, &detail_line, state.clock.now())
            .await?;
    }
    let detail = detail(&mut tx, caller.community_id, id).await?;
    tx.commit().await?;
    Ok(Json(detail))
}

/// Marks a resident as moved out: their sessions end, they leave the household, and their
/// past records stay (shown without the household).
#[utoipa::path(post, path = "/community/residents/{id}/move-out", tag = "register", security(("bearer" = [])),
    params(("id" = i64, Path, description = "the resident's account id")),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn move_out(State(state): State<AppState>, Signed(caller, ..): Signed<StaffOnly>, ApiPath(id): ApiPath<i64>) -> AppResult<StatusCode> {
    let resident = UserId(id);
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let household = auth::storage::move_out(&mut tx, caller.community_id, resident, now).await?.ok_or(AppError::NotFound)?;
    let detail = format!("household:{household}");
    community::audit_detail(&mut tx, caller.community_id, Some(caller.user_id), "resident_moved_out", &format!("user:{resident}"), &detail, now)
        .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
