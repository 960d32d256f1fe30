//! The SSE stream and its tickets.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::Json;
use futures_util::Stream;
use linli_api::events::{Event, EventStreamQuery, EventTicket};
use linli_api::ErrorBody;
use tokio_stream::StreamExt;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Subscriber;
use crate::auth::Signed;
use crate::error::{AppError, AppResult};
use crate::extract::ApiQuery;
use crate::state::AppState;

pub fn ticket_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(ticket))
}

/// Kept apart from the others: a stream is long-lived and must not get the request timeout.
pub fn stream_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(stream))
}

/// A single-use ticket, valid for a minute, to open the event stream with.
#[utoipa::path(post, path = "/events/ticket", tag = "events", security(("bearer" = [])),
    responses((status = 200, body = EventTicket), (status = 401, body = ErrorBody)))]
async fn ticket(State(state): State<AppState>, Signed(caller, ..): Signed) -> Json<EventTicket> {
    let ticket = state.events.issue_ticket(Subscriber { user: caller.user_id, community: caller.community_id, role: caller.role });
    Json(EventTicket { ticket })
}

/// Server-sent events for the caller's community; each `data:` line is an `Event` as JSON.
#[utoipa::path(get, path = "/events", tag = "events", params(EventStreamQuery),
    responses((status = 200, content_type = "text/event-stream", body = Event), (status = 401, body = ErrorBody)))]
async fn stream(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<EventStreamQuery>,
) -> AppResult<Sse<impl Stream<Item = Result<SseEvent, Infallible>>>> {
    let subscriber = state.events.redeem_ticket(&query.ticket).ok_or(AppError::Unauthenticated)?;
    // Each event arrives serialised already (once for every stream); only the framing is ours.
    let events = state.events.subscribe(subscriber).map(|json| Ok(SseEvent::default().data(&*json)));
    // An opening comment tells the client the stream is live before the first event.
    let opened = tokio_stream::once(Ok(SseEvent::default().comment("open")));
    let until_shutdown = futures_util::StreamExt::take_until(opened.chain(events), state.events.ended());
    Ok(Sse::new(until_shutdown).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}
