//! Handlers of family codes, links and history.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::Duration;
use linli_api::auth::Role;
use linli_api::family::{
    AcceptFamilyInvite, FamilyActivity, FamilyActivityKind, FamilyHistory, FamilyInvite, FamilyLink,
    FamilyLinks, FamilyRegisterRequest, FamilyRegistration, LinkedPerson, NewFamilyInvite, UpdateGrants,
    FAMILY_CODE_HOURS,
};
use linli_api::ids::{FamilyLinkId, UserId};
use linli_api::paging::PageQuery;
use linli_api::phone::mask_phone;
use linli_api::{validate, ErrorBody};
use sqlx::AnyConnection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::rules::{encode_grants, join_path};
use super::storage::{self, Activity, ClaimedInvite, LinkRow, NewInviteRow};
use crate::auth::storage::{name_of, names_of, profile_of};
use crate::auth::{create_account, password, NewAccount, ResidentsOnly, Signed};
use crate::community::rules::{display_invite_code, new_invite_code, normalize_invite_code, qr_svg};
use crate::community::storage as community;
use crate::db::is_unique_violation;
use crate::error::{AppError, AppResult};
use crate::paging;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;

const HISTORY_PER_PAGE: u32 = 20;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create_invite))
        .routes(routes!(links, accept))
        .routes(routes!(register))
        .routes(routes!(update_grants, revoke))
        .routes(routes!(history))
}

/// A resident asks for a single-use code (valid 72 hours) granting a family member the chosen rights.
#[utoipa::path(post, path = "/family/invites", tag = "family", security(("bearer" = [])), request_body = NewFamilyInvite,
    responses((status = 201, body = FamilyInvite), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_invite(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<ResidentsOnly>,
    ApiJson(invite): ApiJson<NewFamilyInvite>,
) -> AppResult<(StatusCode, Json<FamilyInvite>)> {
    let grants = validate::grants(&invite.grants, true).map_err(AppError::Invalid)?;
    let now = state.clock.now();
    let expires_at = now + Duration::hours(FAMILY_CODE_HOURS);
    let mut conn = state.db.pool.acquire().await?;
    // 40 random bits: a clash is rare, and then a second draw settles it.
    for _ in 0..3 {
        let code = new_invite_code(&mut rand::thread_rng());
        let row = NewInviteRow { community: caller.community_id, resident: caller.user_id, code: &code, grants: &grants, created_at: now, expires_at };
        match storage::insert_invite(&mut conn, &row).await {
            Err(error) if is_unique_violation(&error) => continue,
            other => other?,
        }
        let display = display_invite_code(&code);
        let invite = FamilyInvite { join_path: join_path(&display), qr_svg: qr_svg(&display), code: display, grants, expires_at };
        return Ok((StatusCode::CREATED, Json(invite)));
    }
    Err(AppError::Internal("no free family code after three draws".into()))
}

/// A signed-in person accepts a family code and may then act for the resident as granted.
#[utoipa::path(post, path = "/family/links", tag = "family", security(("bearer" = [])), request_body = AcceptFamilyInvite,
    responses((status = 201, body = FamilyLink), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 422, body = ErrorBody)))]
async fn accept(
    State(state): State<AppState>,
    Signed(caller, ..): Signed,
    ApiJson(accept): ApiJson<AcceptFamilyInvite>,
) -> AppResult<(StatusCode, Json<FamilyLink>)> {
    let code = checked_code(&accept.code)?;
    let mut tx = state.db.begin_write().await?;
    let link = link_with_code(&mut tx, &code, caller.user_id, &state).await?;
    let link = describe(&mut tx, link).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(link)))
}

/// Someone without an account registers as a family member with a code and is signed in.
#[utoipa::path(post, path = "/family/register", tag = "family", request_body = FamilyRegisterRequest,
    responses((status = 201, body = FamilyRegistration), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody),
              (status = 422, body = ErrorBody)))]
async fn register(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<FamilyRegisterRequest>,
) -> AppResult<(StatusCode, Json<FamilyRegistration>)> {
    let checked = validate::family_registration(&request).map_err(AppError::Invalid)?;
    let code = checked_code(&checked.code)?;
    let password_hash = password::hash(checked.password.clone()).await?;
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    // The account joins the resident's community but no household; it sees only what links grant.
    let community = storage::invite_community(&mut tx, &code, now).await?.ok_or(AppError::FamilyCodeInvalid)?;
    let account = NewAccount {
        community,
        household: None,
        role: Role::Family,
        name: &checked.name,
        phone: &checked.phone,
        password_hash: &password_hash,
        is_owner: false,
        locale: checked.locale.unwrap_or_default(),
        consented_at: Some(now),
        now,
    };
    let session = create_account(&mut tx, &account).await?;
    let link = link_with_code(&mut tx, &code, session.me.id, &state).await?;
    let link = describe(&mut tx, link).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(FamilyRegistration { session, link })))
}

/// The caller's live links: family who may act for them, and residents they may act for.
#[utoipa::path(get, path = "/family/links", tag = "family", security(("bearer" = [])),
    responses((status = 200, body = FamilyLinks), (status = 401, body = ErrorBody)))]
async fn links(State(state): State<AppState>, Signed(caller, ..): Signed) -> AppResult<Json<FamilyLinks>> {
    let mut conn = state.db.pool.acquire().await?;
    let mut links = FamilyLinks::default();
    for row in storage::live_links(&mut conn, caller.user_id).await? {
        let mine = row.resident == caller.user_id;
        let link = describe(&mut conn, row).await?;
        if mine { links.my_family.push(link) } else { links.i_help.push(link) }
    }
    Ok(Json(links))
}

/// The resident changes what the family member may do for them.
#[utoipa::path(patch, path = "/family/links/{id}", tag = "family", security(("bearer" = [])), request_body = UpdateGrants,
    params(("id" = i64, Path, description = "family link id")),
    responses((status = 200, body = FamilyLink), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_grants(
    State(state): State<AppState>,
    Signed(caller, ..): Signed,
    ApiPath(id): ApiPath<i64>,
    ApiJson(change): ApiJson<UpdateGrants>,
) -> AppResult<Json<FamilyLink>> {
    let grants = validate::grants(&change.grants, false).map_err(AppError::Invalid)?;
    let mut tx = state.db.begin_write().await?;
    let link = storage::live_link_of(&mut tx, FamilyLinkId(id), caller.user_id).await?;
    // Only the resident decides what is done in their name.
    let link = link.filter(|link| link.resident == caller.user_id).ok_or(AppError::NotFound)?;
    storage::set_grants(&mut tx, link.id, &grants).await?;
    record(&mut tx, &link, FamilyActivityKind::GrantsChanged, &encode_grants(&grants), &state).await?;
    let link = describe(&mut tx, LinkRow { grants, ..link }).await?;
    tx.commit().await?;
    Ok(Json(link))
}

/// Ends a link at once; the resident or the family member may.
#[utoipa::path(delete, path = "/family/links/{id}", tag = "family", security(("bearer" = [])),
    params(("id" = i64, Path, description = "family link id")),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn revoke(State(state): State<AppState>, Signed(caller, ..): Signed, ApiPath(id): ApiPath<i64>) -> AppResult<StatusCode> {
    let mut tx = state.db.begin_write().await?;
    let link = storage::live_link_of(&mut tx, FamilyLinkId(id), caller.user_id).await?.ok_or(AppError::NotFound)?;
    if storage::revoke(&mut tx, link.id, state.clock.now()).await? {
        let by = name_of(&mut tx, caller.user_id).await?;
        record(&mut tx, &link, FamilyActivityKind::Revoked, &by, &state).await?;
    }
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// What family members did for the caller, and what the caller did for others, newest first.
#[utoipa::path(get, path = "/family/history", tag = "family", security(("bearer" = [])), params(PageQuery),
    responses((status = 200, body = FamilyHistory), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
async fn history(
    State(state): State<AppState>,
    Signed(caller, ..): Signed,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> AppResult<Json<FamilyHistory>> {
    let after = paging::decode(page.after.as_deref())?;
    let limit = paging::limit(page.limit.or(Some(HISTORY_PER_PAGE)));
    let mut conn = state.db.pool.acquire().await?;
    let rows = storage::history(&mut conn, caller.user_id, after, limit + 1).await?;
    let (rows, next_after) = paging::split(rows, limit, |row| paging::encode(&[row.at.timestamp_millis(), row.id]));
    let people: Vec<UserId> = rows.iter().flat_map(|row| [row.resident, row.member]).collect();
    let names = names_of(&mut conn, &people).await?;
    let name = |person: UserId| names.get(&person).cloned().unwrap_or_default();
    let items = rows
        .into_iter()
        .map(|row| FamilyActivity {
            at: row.at,
            kind: row.kind,
            resident_name: name(row.resident),
            member_name: name(row.member),
            detail: row.detail,
        })
        .collect();
    Ok(Json(FamilyHistory { items, next_after }))
}

fn checked_code(raw: &str) -> AppResult<String> {
    let code = validate::required_text(raw, linli_api::auth::limits::INVITE_CODE_MAX_CHARS, "code").map_err(AppError::Invalid)?;
    Ok(normalize_invite_code(&code))
}

/// Uses the code for `member` and links them to the resident, inside the caller's transaction.
async fn link_with_code(conn: &mut AnyConnection, code: &str, member: UserId, state: &AppState) -> AppResult<LinkRow> {
    let invite: ClaimedInvite =
        storage::claim_invite(&mut *conn, code, member, state.clock.now()).await?.ok_or(AppError::FamilyCodeInvalid)?;
    if invite.resident == member {
        // The transaction rolls back: the code stays usable by the right person.
        return Err(AppError::FamilySelf);
    }
    let link = storage::upsert_link(&mut *conn, &invite, member, state.clock.now()).await?;
    record(&mut *conn, &link, FamilyActivityKind::Linked, &encode_grants(&link.grants), state).await?;
    Ok(link)
}

async fn record(
    conn: &mut AnyConnection,
    link: &LinkRow,
    kind: FamilyActivityKind,
    detail: &str,
    state: &AppState,
) -> AppResult<()> {
    let activity = Activity {
        community: link.community,
        link: link.id,
        resident: link.resident,
        member: link.member,
        kind,
        detail,
        at: state.clock.now(),
    };
    Ok(storage::record(conn, &activity).await?)
}

async fn describe(conn: &mut AnyConnection, link: LinkRow) -> AppResult<FamilyLink> {
    Ok(FamilyLink {
        id: link.id,
        resident: person(&mut *conn, link.resident).await?,
        member: person(&mut *conn, link.member).await?,
        grants: link.grants,
        since: link.since,
    })
}

async fn person(conn: &mut AnyConnection, user: UserId) -> AppResult<LinkedPerson> {
    let profile = profile_of(&mut *conn, user).await?.ok_or_else(|| AppError::Internal("linked account vanished".into()))?;
    let household = match profile.household {
        Some(household) => community::household_label(&mut *conn, household).await?,
        None => None,
    };
    let community_name = community::community_info(&mut *conn, profile.community).await?.name;
    Ok(LinkedPerson { id: user, name: profile.name, phone_masked: mask_phone(&profile.phone), household, community_name })
}
