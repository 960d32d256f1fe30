//! The router: API routes under `/api/v1`, the OpenAPI document, health, the web app, and
//! the tower-http layers around them.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::middleware::map_response;
use axum::routing::any;
use axum::{Extension, Json, Router};
use linli_api::{ApiError, ErrorCode};
use tower_http::compression::CompressionLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::config::Config;
use crate::error::error_response;
use crate::state::AppState;
use crate::{admin, appointments, auth, community, events, family, groceries, hall, help, notices, reports, uploads, wishes};

/// The largest JSON body accepted (a long notice is ~60 KB of UTF-8).
pub const BODY_LIMIT_BYTES: usize = 256 * 1024;
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Where the Tauri shell's webview loads the app from, per platform.
const TAURI_ORIGINS: [&str; 3] = ["tauri://localhost", "http://tauri.localhost", "https://tauri.localhost"];

#[derive(OpenApi)]
#[openapi(
    info(title = "Linli API", description = "The REST API of Linli (邻里), a resident app for urban communities."),
    modifiers(&BearerAuth),
    components(schemas(linli_api::ErrorCode, linli_api::ErrorBody, linli_api::events::Event))
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("bearer", SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()));
    }
}

/// The API routes and their OpenAPI document, before layers and the web app.
pub fn api() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let requests = OpenApiRouter::new()
        .merge(auth::routes::router())
        .merge(admin::routes::router())
        .merge(community::routes::router())
        .merge(notices::routes::router())
        .merge(family::routes::router())
        .merge(help::routes::router())
        .merge(hall::routes::router())
        .merge(hall::topics::routes::router())
        .merge(uploads::routes::router())
        .merge(groceries::router())
        .merge(wishes::router())
        .merge(appointments::router())
        .merge(reports::router())
        .merge(events::routes::ticket_router())
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
        .layer(map_response(timeout_as_error_body));
    let versioned = requests.merge(events::routes::stream_router()).routes(routes!(openapi_json));
    let (router, openapi) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .nest("/api/v1", versioned)
        .routes(routes!(healthz))
        .split_for_parts();
    (router, openapi)
}

pub fn router(state: AppState, config: &Config) -> Router {
    router_with(state, config, Router::new())
}

/// The router with `extra` routes behind the same layers (the benchmarks' baseline route).
pub fn router_with(state: AppState, config: &Config, extra: Router<AppState>) -> Router {
    let (api, openapi) = api();
    let api = api.merge(extra);
    let openapi = Arc::new(openapi.to_json().unwrap_or_default());
    let index = config.web_dir.join("index.html");
    let web = ServeDir::new(&config.web_dir).fallback(ServeFile::new(index));
    // Unknown API paths answer in JSON; every other path is the web app (a client-side route).
    api.route("/api/{*rest}", any(unknown_route))
        .method_not_allowed_fallback(method_not_allowed)
        .fallback_service(web)
        .layer(Extension(openapi))
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        .layer(CompressionLayer::new())
        .layer(cors(&config.cors_origins))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

fn cors(extra_origins: &[String]) -> CorsLayer {
    let origins: Vec<HeaderValue> = TAURI_ORIGINS
        .iter()
        .map(|origin| origin.to_string())
        .chain(extra_origins.iter().cloned())
        .filter_map(|origin| HeaderValue::from_str(&origin).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::PATCH, Method::DELETE])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::HeaderName::from_static(linli_api::family::ACTING_FOR_HEADER),
        ])
        .max_age(Duration::from_secs(3600))
}

/// The OpenAPI document of every route.
#[utoipa::path(get, path = "/openapi.json", tag = "meta", responses((status = 200, content_type = "application/json")))]
async fn openapi_json(Extension(document): Extension<Arc<String>>) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], document.as_str().to_owned()).into_response()
}

#[derive(serde::Serialize, utoipa::ToSchema)]
struct Health {
    status: &'static str,
    database: &'static str,
}

/// Liveness and database reachability.
#[utoipa::path(get, path = "/healthz", tag = "meta", responses((status = 200, body = Health), (status = 503, body = Health)))]
async fn healthz(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    match sqlx::query("SELECT 1").execute(&state.db.pool).await {
        Ok(_) => (StatusCode::OK, Json(Health { status: "ok", database: "ok" })),
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, Json(Health { status: "degraded", database: "unreachable" })),
    }
}

/// The timeout layer answers with an empty 408; give it the error body every failure has.
async fn timeout_as_error_body(response: Response) -> Response {
    if response.status() == StatusCode::REQUEST_TIMEOUT && !response.headers().contains_key(header::CONTENT_TYPE) {
        return error_response(StatusCode::REQUEST_TIMEOUT, ApiError::new(ErrorCode::Timeout));
    }
    response
}

async fn unknown_route() -> Response {
    error_response(StatusCode::NOT_FOUND, ApiError::new(ErrorCode::NotFound))
}

async fn method_not_allowed() -> Response {
    error_response(StatusCode::METHOD_NOT_ALLOWED, ApiError::new(ErrorCode::MethodNotAllowed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_bare_timeout_gets_the_error_body() {
        let bare = StatusCode::REQUEST_TIMEOUT.into_response();
        let answered = timeout_as_error_body(bare).await;
        assert_eq!(answered.status(), StatusCode::REQUEST_TIMEOUT);
        let body = axum::body::to_bytes(answered.into_body(), 1024).await.unwrap();
        assert_eq!(&body[..], br#"{"error":{"code":"timeout","field":null}}"#);
    }
}
