//! Uploaded images, shared by every module that takes photos (discussion, wishes,
//! bookings, reports). Each is re-encoded on the way in and served only within its
//! community; one attached to something private (a booking's form, a private case) is
//! served only to its uploader, to those who handle such things (staff, property, admins)
//! and to the readers its module names, and to a family member acting for one of them.

pub mod image;
pub mod routes;
pub mod storage;

use linli_api::ids::{CommunityId, UploadId, UserId};
use linli_api::ErrorCode;
use sqlx::AnyConnection;

use crate::error::{AppError, AppResult};

/// Checks that every image to attach is the caller's own upload in their community.
pub async fn check_attachable(conn: &mut AnyConnection, community: CommunityId, uploader: UserId, ids: &[UploadId]) -> AppResult<()> {
    if storage::owned_by(conn, community, uploader, ids).await? != ids.len() {
        return Err(AppError::invalid(ErrorCode::InvalidValue, "images"));
    }
    Ok(())
}

/// Keeps images private to their uploader, the handling roles and `readers`: a module
/// attaching them to something private calls this in the same transaction. Naming more
/// readers later adds to those already named.
pub async fn keep_private(conn: &mut AnyConnection, ids: &[UploadId], readers: &[UserId]) -> AppResult<()> {
    storage::make_private(conn, ids, readers).await?;
    Ok(())
}

/// Serves images to the whole community again, once what they are attached to is public
/// (a wish staff put on the board).
pub async fn make_public(conn: &mut AnyConnection, ids: &[UploadId]) -> AppResult<()> {
    storage::make_public(conn, ids).await?;
    Ok(())
}
