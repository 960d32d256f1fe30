//! SQL of accounts and sessions.

use chrono::{DateTime, Utc};
use linli_api::auth::{Locale, Me, Preferences, Role};
use linli_api::ids::{CommunityId, HouseholdId, UserId};
use linli_api::phone::mask_phone;
use sqlx::AnyConnection;

use super::Caller;
use crate::community::storage as community;
use crate::db::{flag, to_millis, Db};

pub async fn caller_for_token(db: &Db, token_hash: &str, now: DateTime<Utc>) -> Result<Option<Caller>, sqlx::Error> {
    let row: Option<(i64, i64, Option<i64>, String)> = sqlx::query_as(
        "SELECT u.id, u.community_id, u.household_id, u.role
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2",
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

/// The account id and password hash for a phone number, if registered.
pub async fn credentials(db: &Db, phone: &str) -> Result<Option<(UserId, String)>, sqlx::Error> {
    let row: Option<(i64, String)> = sqlx::query_as("SELECT id, password_hash FROM users WHERE phone = $1")
        .bind(phone)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.map(|(id, hash)| (UserId(id), hash)))
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
