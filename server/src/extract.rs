//! Extractors that turn every kind of bad input into an [`AppError`] with a code, instead
//! of axum's plain-text rejections.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{header, request::Parts};
use serde::de::DeserializeOwned;

use crate::error::AppError;

/// A JSON body. Syntax errors and wrong types are `malformed_body`, naming the field
/// where serde could tell which.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_json = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.split(';').next().is_some_and(|mime| mime.trim().eq_ignore_ascii_case("application/json")));
        if !is_json {
            return Err(AppError::UnsupportedMediaType);
        }
        let bytes = body_bytes(request, state).await?;
        let deserializer = &mut serde_json::Deserializer::from_slice(&bytes);
        serde_path_to_error::deserialize(deserializer).map(ApiJson).map_err(|error| {
            let path = error.path().to_string();
            let field = (path != ".").then_some(path);
            AppError::MalformedBody { detail: error.into_inner().to_string(), field }
        })
    }
}

/// The whole body within the route's size limit; a larger one is `payload_too_large`.
pub async fn body_bytes<S: Send + Sync>(request: Request, state: &S) -> Result<Bytes, AppError> {
    Bytes::from_request(request, state).await.map_err(|rejection| match rejection {
        BytesRejection::FailedToBufferBody(_) => AppError::PayloadTooLarge,
        other => AppError::MalformedBody { detail: other.body_text(), field: None },
    })
}

/// A raw body (a photo, a ledger) whose declared content type is one of `accepted`, within
/// the route's size limit.
pub async fn typed_body<S: Send + Sync>(request: Request, state: &S, accepted: &[&str]) -> Result<Bytes, AppError> {
    let declared = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .map(|mime| mime.trim().to_ascii_lowercase())
        .unwrap_or_default();
    if !accepted.contains(&declared.as_str()) {
        return Err(AppError::UnsupportedMediaType);
    }
    body_bytes(request, state).await
}

/// Path parameters; an id that is not a number is simply not found.
pub struct ApiPath<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiPath<T>
where
    S: Send + Sync,
    T: DeserializeOwned + Send,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Path(value)| ApiPath(value))
            .map_err(|rejection: PathRejection| {
                tracing::debug!(%rejection, "bad path parameter");
                AppError::NotFound
            })
    }
}

/// Query string parameters.
pub struct ApiQuery<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiQuery<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(value)| ApiQuery(value))
            .map_err(|rejection: QueryRejection| AppError::InvalidQuery(rejection.body_text()))
    }
}
