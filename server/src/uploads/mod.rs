//! Uploaded images, shared by every module that takes photos (discussion, wishes,
//! reports). Each is re-encoded on the way in and served only within its community.

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
