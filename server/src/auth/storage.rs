//! SQL of accounts and sessions.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use linli_api::auth::{Locale, Me, Preferences, Role};
use linli_api::ids::{CommunityId, HouseholdId, UserId};
use linli_api::phone::mask_phone;
use sqlx::AnyConnection;

use super::Caller;
use crate::community::storage as community;
use crate::db::{flag, placeholders, to_millis, Db};

pub async fn caller_for_token(db: &Db, token_hash: &str, now: DateTime<Utc>) -> Result<Option<Caller>, sqlx::Error> {
    let row: Option<(i64, i64, Option<i64>, String)> = sqlx::query_as(
        "SELECT u.id, u.community_id, u.household_id, u.role
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.disabled_at IS NULL",
    )
    .bind(token_hash)
    .bind(to_millis(now))
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.and_then(|(id, community, household, role)| {
        Some(Caller {
            user_id: UserId(id),
            community_id: CommunityId(community),
            household_id: household.map(HouseholdId),
            role: Role::parse(&role)?,
            token_hash: token_hash.to_owned(),
        })
    }))
}

pub async fn create_session(
    conn: &mut AnyConnection,
    user: UserId,
    token_hash: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token_hash)
        .bind(user.0)
        .bind(to_millis(now))
        .bind(to_millis(expires_at))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn revoke_session(db: &Db, token_hash: &str, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL")
        .bind(to_millis(now))
        .bind(token_hash)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// What signing in checks: the account, its password hash, and whether it is disabled.
pub struct Credentials {
    pub user: UserId,
    pub password_hash: String,
    pub disabled: bool,
}

/// The credentials of a phone number, if registered.
pub async fn credentials(db: &Db, phone: &str) -> Result<Option<Credentials>, sqlx::Error> {
    let row: Option<(i64, String, Option<i64>)> = sqlx::query_as("SELECT id, password_hash, disabled_at FROM users WHERE phone = $1")
        .bind(phone)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.map(|(id, password_hash, disabled_at)| Credentials { user: UserId(id), password_hash, disabled: disabled_at.is_some() }))
}

/// The account of a resident who moved out and may move into another household.
pub async fn moved_out_account(db: &Db, phone: &str) -> Result<Option<Credentials>, sqlx::Error> {
    let row: Option<(i64, String)> = sqlx::query_as(
        "SELECT id, password_hash FROM users
         WHERE phone = $1 AND role = 'resident' AND moved_out_at IS NOT NULL AND household_id IS NULL",
    )
    .bind(phone)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|(id, password_hash)| Credentials { user: UserId(id), password_hash, disabled: true }))
}

/// Moves a resident who moved out into `household` (of any community) and enables the
/// account again; false when the account is no longer a moved-out one (a race).
pub async fn move_in(
    conn: &mut AnyConnection,
    user: UserId,
    community: CommunityId,
    household: HouseholdId,
    name: &str,
    is_owner: bool,
) -> Result<bool, sqlx::Error> {
    let moved = sqlx::query(
        "UPDATE users SET community_id = $1, household_id = $2, name = $3, is_owner = $4,
                          moved_out_at = NULL, disabled_at = NULL
         WHERE id = $5 AND moved_out_at IS NOT NULL AND household_id IS NULL",
    )
    .bind(community.0)
    .bind(household.0)
    .bind(name)
    .bind(flag(is_owner))
    .bind(user.0)
    .execute(conn)
    .await?;
    Ok(moved.rows_affected() == 1)
}

pub struct NewAccount<'a> {
    pub community: CommunityId,
    pub household: Option<HouseholdId>,
    pub role: Role,
    pub name: &'a str,
    pub phone: &'a str,
    pub password_hash: &'a str,
    pub is_owner: bool,
    pub locale: Locale,
    pub consented_at: Option<DateTime<Utc>>,
    pub now: DateTime<Utc>,
}

/// Inserts an account; a taken phone number is a unique violation for the caller to map.
pub async fn insert_account(conn: &mut AnyConnection, account: &NewAccount<'_>) -> Result<UserId, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO users (community_id, household_id, role, name, phone, password_hash, is_owner,
                            locale, privacy_consent_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(account.community.0)
    .bind(account.household.map(|h| h.0))
    .bind(account.role.as_str())
    .bind(account.name)
    .bind(account.phone)
    .bind(account.password_hash)
    .bind(flag(account.is_owner))
    .bind(account.locale.tag())
    .bind(account.consented_at.map(to_millis))
    .bind(to_millis(account.now))
    .fetch_one(conn)
    .await?;
    Ok(UserId(id))
}

pub async fn me(conn: &mut AnyConnection, user: UserId) -> Result<Option<Me>, sqlx::Error> {
    let row: Option<(String, String, String, i64, i64, String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT name, phone, role, is_owner, elderly_mode, locale, community_id, household_id
         FROM users WHERE id = $1",
    )
    .bind(user.0)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((name, phone, role, is_owner, elderly_mode, locale, community_id, household_id)) = row else {
        return Ok(None);
    };
    let community = community::community_info(&mut *conn, CommunityId(community_id)).await?;
    let household = match household_id {
        Some(id) => community::household_label(&mut *conn, HouseholdId(id)).await?,
        None => None,
    };
    Ok(Some(Me {
        id: user,
        name,
        phone_masked: mask_phone(&phone),
        role: Role::parse(&role).unwrap_or(Role::Resident),
        is_owner: is_owner != 0,
        community,
        household,
        preferences: Preferences { elderly_mode: elderly_mode != 0, locale: Locale::parse(&locale).unwrap_or_default() },
    }))
}

pub async fn update_preferences(
    conn: &mut AnyConnection,
    user: UserId,
    elderly_mode: Option<bool>,
    locale: Option<Locale>,
) -> Result<(), sqlx::Error> {
    if let Some(elderly_mode) = elderly_mode {
        sqlx::query("UPDATE users SET elderly_mode = $1 WHERE id = $2")
            .bind(flag(elderly_mode))
            .bind(user.0)
            .execute(&mut *conn)
            .await?;
    }
    if let Some(locale) = locale {
        sqlx::query("UPDATE users SET locale = $1 WHERE id = $2")
            .bind(locale.tag())
            .bind(user.0)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Who someone is, for the people linked to them: name, full phone, community, household.
pub struct Profile {
    pub name: String,
    pub phone: String,
    pub community: CommunityId,
    pub household: Option<HouseholdId>,
    pub role: Role,
    pub is_owner: bool,
}

pub async fn profile_of(conn: &mut AnyConnection, user: UserId) -> Result<Option<Profile>, sqlx::Error> {
    let row: Option<(String, String, i64, Option<i64>, String, i64)> =
        sqlx::query_as("SELECT name, phone, community_id, household_id, role, is_owner FROM users WHERE id = $1")
            .bind(user.0)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(|(name, phone, community, household, role, is_owner)| Profile {
        name,
        phone,
        community: CommunityId(community),
        household: household.map(HouseholdId),
        role: Role::parse(&role).unwrap_or(Role::Resident),
        is_owner: is_owner != 0,
    }))
}

pub async fn name_of(conn: &mut AnyConnection, user: UserId) -> Result<String, sqlx::Error> {
    let (name,): (String,) = sqlx::query_as("SELECT name FROM users WHERE id = $1").bind(user.0).fetch_one(conn).await?;
    Ok(name)
}

/// The names of these accounts, by id, in one statement.
pub async fn names_of(conn: &mut AnyConnection, users: &[UserId]) -> Result<HashMap<UserId, String>, sqlx::Error> {
    let ids: Vec<i64> = users.iter().map(|user| user.0).collect();
    let rows: Vec<(i64, String)> = crate::db::select_in(conn, "SELECT id, name FROM users WHERE id IN ({ids})", &ids, &[]).await?;
    Ok(rows.into_iter().map(|(id, name)| (UserId(id), name)).collect())
}

/// Sets each resident of these households as owner exactly when their phone is an owner's
/// phone on the household's register, in one statement.
pub async fn refresh_owner_flags(conn: &mut AnyConnection, households: &[HouseholdId]) -> Result<(), sqlx::Error> {
    for chunk in households.chunks(1000) {
        let sql = format!(
            "UPDATE users SET is_owner = CASE WHEN EXISTS (
                 SELECT 1 FROM household_owners o WHERE o.household_id = users.household_id AND o.phone = users.phone)
             THEN 1 ELSE 0 END
             WHERE role = 'resident' AND household_id IN ({})",
            placeholders(1, chunk.len())
        );
        let mut query = sqlx::query(&sql);
        for household in chunk {
            query = query.bind(household.0);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Whether `phone` is an owner's phone on the household's register.
pub async fn is_owner_of_record(conn: &mut AnyConnection, household: HouseholdId, phone: &str) -> Result<bool, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT 1 FROM household_owners WHERE household_id = $1 AND phone = $2")
        .bind(household.0)
        .bind(phone)
        .fetch_optional(conn)
        .await?;
    Ok(row.is_some())
}

/// Ends every session of an account (signing out everywhere, disabling, moving out).
pub async fn revoke_all_sessions(conn: &mut AnyConnection, user: UserId, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
        .bind(to_millis(now))
        .bind(user.0)
        .execute(conn)
        .await?;
    Ok(())
}

/// A resident of `community` moves out: no household, disabled, every session ended.
/// Returns the household they left; None when no such resident lives in the community.
pub async fn move_out(
    conn: &mut AnyConnection,
    community: CommunityId,
    resident: UserId,
    now: DateTime<Utc>,
) -> Result<Option<HouseholdId>, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT household_id FROM users WHERE id = $1 AND community_id = $2 AND role = 'resident' AND household_id IS NOT NULL",
    )
    .bind(resident.0)
    .bind(community.0)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((household,)) = row else { return Ok(None) };
    sqlx::query("UPDATE users SET household_id = NULL, is_owner = 0, moved_out_at = $1, disabled_at = $1 WHERE id = $2")
        .bind(to_millis(now))
        .bind(resident.0)
        .execute(&mut *conn)
        .await?;
    revoke_all_sessions(conn, resident, now).await?;
    Ok(Some(HouseholdId(household)))
}

/// Stores a fresh one-time code for `user`; any earlier unused code stops working.
pub async fn insert_one_time_code(
    conn: &mut AnyConnection,
    user: UserId,
    code_hash: &str,
    created_by: Option<UserId>,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE reset_codes SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
        .bind(to_millis(now))
        .bind(user.0)
        .execute(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO reset_codes (user_id, code_hash, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(user.0)
        .bind(code_hash)
        .bind(created_by.map(|id| id.0))
        .bind(to_millis(now))
        .bind(to_millis(expires_at))
        .execute(conn)
        .await?;
    Ok(())
}

/// Uses the code if it is `user`'s, unused and unexpired, in one conditional update, so
/// two people racing with the same code cannot both use it.
pub async fn use_one_time_code(conn: &mut AnyConnection, user: UserId, code_hash: &str, now: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as(
        "UPDATE reset_codes SET used_at = $1 WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL AND expires_at > $1 RETURNING id",
    )
    .bind(to_millis(now))
    .bind(user.0)
    .bind(code_hash)
    .fetch_optional(conn)
    .await?;
    Ok(row.is_some())
}

pub async fn set_password(conn: &mut AnyConnection, user: UserId, password_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2").bind(password_hash).bind(user.0).execute(conn).await?;
    Ok(())
}

/// Ends every session of an account but one (changing one's password keeps this device).
pub async fn revoke_other_sessions(conn: &mut AnyConnection, user: UserId, keep: &str, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET revoked_at = $1 WHERE user_id = $2 AND token_hash <> $3 AND revoked_at IS NULL")
        .bind(to_millis(now))
        .bind(user.0)
        .bind(keep)
        .execute(conn)
        .await?;
    Ok(())
}

/// An account of a community, as staff manage it.
#[derive(Debug, Clone)]
pub struct AccountRow {
    pub id: UserId,
    pub name: String,
    pub phone: String,
    pub role: Role,
    pub disabled: bool,
}

type AccountTuple = (i64, String, String, String, Option<i64>);

fn account_row((id, name, phone, role, disabled_at): AccountTuple) -> AccountRow {
    AccountRow { id: UserId(id), name, phone, role: Role::parse(&role).unwrap_or(Role::Resident), disabled: disabled_at.is_some() }
}

/// The account, only if it belongs to `community`.
pub async fn account_in(conn: &mut AnyConnection, community: CommunityId, user: UserId) -> Result<Option<AccountRow>, sqlx::Error> {
    let row: Option<AccountTuple> =
        sqlx::query_as("SELECT id, name, phone, role, disabled_at FROM users WHERE id = $1 AND community_id = $2")
            .bind(user.0)
            .bind(community.0)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(account_row))
}

/// The community's staff, property, merchant and admin accounts after `after`, by id.
pub async fn working_accounts(
    conn: &mut AnyConnection,
    community: CommunityId,
    after: UserId,
    limit: i64,
) -> Result<Vec<AccountRow>, sqlx::Error> {
    let rows: Vec<AccountTuple> = sqlx::query_as(
        "SELECT id, name, phone, role, disabled_at FROM users
         WHERE community_id = $1 AND role IN ('staff', 'property', 'merchant', 'admin') AND id > $2
         ORDER BY id LIMIT $3",
    )
    .bind(community.0)
    .bind(after.0)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(account_row).collect())
}

/// Disables or re-enables an account; disabling ends its sessions at once.
pub async fn set_disabled(conn: &mut AnyConnection, user: UserId, disabled: bool, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET disabled_at = $1 WHERE id = $2")
        .bind(disabled.then(|| to_millis(now)))
        .bind(user.0)
        .execute(&mut *conn)
        .await?;
    if disabled {
        revoke_all_sessions(conn, user, now).await?;
    }
    Ok(())
}
