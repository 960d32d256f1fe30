//! Handlers of uploads: the body is the image itself, typed by `Content-Type`.

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, FromRequest, Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use linli_api::auth::Role;
use linli_api::ids::UploadId;
use linli_api::uploads::{Upload, ACCEPTED_TYPES, MAX_UPLOAD_BYTES};
use linli_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::image::{reencode, ImageError};
use super::storage;
use crate::auth::{Members, Signed};
use crate::error::{AppError, AppResult};
use crate::extract::{typed_body, ApiPath};
use crate::family::{Acting, ActingFor, SeeForThem};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(upload))
        .routes(routes!(download))
        .layer(DefaultBodyLimit::max(MAX_UPLOAD_BYTES))
}

/// An image body: one of the accepted types, within the size limit.
pub struct ImageBody(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for ImageBody {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        Ok(ImageBody(typed_body(request, state, &ACCEPTED_TYPES).await?))
    }
}

/// Uploads a photo (JPEG, PNG or WebP, up to 10 MB); the server keeps a re-encoded copy
/// without metadata, at most 1600 px a side, and answers with its id to attach.
#[utoipa::path(post, path = "/uploads", tag = "uploads", security(("bearer" = [])),
    request_body(content((Vec<u8> = "image/jpeg"), (Vec<u8> = "image/png"), (Vec<u8> = "image/webp"))),
    responses((status = 201, body = Upload), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 413, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn upload(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<Members>,
    ImageBody(bytes): ImageBody,
) -> AppResult<(StatusCode, Json<Upload>)> {
    // Decoding is CPU work; it must not hold up the request threads.
    let image = tokio::task::spawn_blocking(move || reencode(&bytes))
        .await
        .map_err(|error| AppError::Internal(error.to_string()))?
        .map_err(|error| match error {
            ImageError::NotAnImage => AppError::NotAnImage,
            ImageError::TooLarge => AppError::ImageTooLarge,
        })?;
    let mut conn = state.db.pool.acquire().await?;
    let id = storage::insert(&mut conn, caller.community_id, caller.user_id, &image, state.clock.now()).await?;
    let upload = Upload {
        id,
        content_type: image.content_type.to_owned(),
        width: image.width,
        height: image.height,
        bytes: image.bytes.len() as u64,
    };
    Ok((StatusCode::CREATED, Json(upload)))
}

/// The stored copy of an image of the reader's community (a private one only for those it
/// is meant for; for anyone else it is not there). A family member sees, for the resident
/// she acts for, what that resident is shown.
#[utoipa::path(get, path = "/uploads/{id}", tag = "uploads", security(("bearer" = [])),
    params(("id" = i64, Path, description = "upload id"), ActingFor),
    responses((status = 200, content((Vec<u8> = "image/jpeg"), (Vec<u8> = "image/png"))), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn download(State(state): State<AppState>, acting: Acting<SeeForThem>, ApiPath(id): ApiPath<i64>) -> AppResult<Response> {
    let mut conn = state.db.pool.acquire().await?;
    let reader = &acting.subject;
    let handles = !acting.is_for_someone_else() && matches!(reader.role, Role::Staff | Role::Property | Role::Admin);
    let (content_type, data) =
        storage::find(&mut conn, reader.community_id, UploadId(id), reader.user_id, handles).await?.ok_or(AppError::NotFound)?;
    let headers = [
        (header::CONTENT_TYPE, content_type),
        // Private to the community: never kept by shared caches.
        (header::CACHE_CONTROL, "private, max-age=86400, immutable".to_owned()),
        (header::HeaderName::from_static("x-content-type-options"), "nosniff".to_owned()),
    ];
    Ok((headers, data).into_response())
}
