//! SQL of uploaded images.

use chrono::{DateTime, Utc};
use linli_api::ids::{CommunityId, UploadId, UserId};
use sqlx::AnyConnection;

use super::image::Reencoded;
use crate::db::{placeholders, to_millis};

pub async fn insert(
    conn: &mut AnyConnection,
    community: CommunityId,
    uploader: UserId,
    image: &Reencoded,
    now: DateTime<Utc>,
) -> Result<UploadId, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO uploads (community_id, uploader_id, content_type, width, height, data, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(community.0)
    .bind(uploader.0)
    .bind(image.content_type)
    .bind(i64::from(image.width))
    .bind(i64::from(image.height))
    .bind(image.bytes.as_slice())
    .bind(to_millis(now))
    .fetch_one(conn)
    .await?;
    Ok(UploadId(id))
}

/// The stored copy and its type, only within `community`, and a private one only for its
/// uploader, a reader it names, or someone who `handles` private matters.
pub async fn find(
    conn: &mut AnyConnection,
    community: CommunityId,
    id: UploadId,
    reader: UserId,
    handles: bool,
) -> Result<Option<(String, Vec<u8>)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT content_type, data FROM uploads u WHERE id = $1 AND community_id = $2
           AND (private = 0 OR $3 = 1 OR uploader_id = $4
                OR EXISTS (SELECT 1 FROM upload_readers r WHERE r.upload_id = u.id AND r.user_id = $4))",
    )
    .bind(id.0)
    .bind(community.0)
    .bind(i64::from(handles))
    .bind(reader.0)
    .fetch_optional(conn)
    .await
}

pub async fn make_private(conn: &mut AnyConnection, ids: &[UploadId], readers: &[UserId]) -> Result<(), sqlx::Error> {
    for id in ids {
        sqlx::query("UPDATE uploads SET private = 1 WHERE id = $1").bind(id.0).execute(&mut *conn).await?;
        for reader in readers {
            sqlx::query("INSERT INTO upload_readers (upload_id, user_id) VALUES ($1, $2) ON CONFLICT (upload_id, user_id) DO NOTHING")
                .bind(id.0)
                .bind(reader.0)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}

pub async fn make_public(conn: &mut AnyConnection, ids: &[UploadId]) -> Result<(), sqlx::Error> {
    for id in ids {
        sqlx::query("UPDATE uploads SET private = 0 WHERE id = $1").bind(id.0).execute(&mut *conn).await?;
    }
    Ok(())
}

/// How many of `ids` `uploader` uploaded in `community`: attaching someone else's image is
/// refused, so an id cannot be used to pull another person's photo into a thread.
pub async fn owned_by(conn: &mut AnyConnection, community: CommunityId, uploader: UserId, ids: &[UploadId]) -> Result<usize, sqlx::Error> {
    if ids.is_empty() {
        return Ok(0);
    }
    let sql = format!(
        "SELECT COUNT(*) FROM uploads WHERE community_id = $1 AND uploader_id = $2 AND id IN ({})",
        placeholders(3, ids.len())
    );
    let mut query = sqlx::query_as::<_, (i64,)>(&sql).bind(community.0).bind(uploader.0);
    for id in ids {
        query = query.bind(id.0);
    }
    let (owned,) = query.fetch_one(conn).await?;
    Ok(usize::try_from(owned).unwrap_or(0))
}
