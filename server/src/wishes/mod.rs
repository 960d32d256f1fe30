//! Micro-wishes (微心愿): residents (or their family, or staff for them) post small wishes,
//! staff approve them for the board, volunteers claim, fulfil and are thanked.
//!
//! `steps.rs` changes wishes (each step a conditional update from the state it saw, in one
//! transaction with its history line); `routes.rs` reads them; `view.rs` decides what each
//! viewer sees; `clock.rs` reminds volunteers and ends claims that ran out; the state machine
//! and the claim's clock are plain functions in `rules.rs`; the SQL is in `storage.rs`.

pub mod clock;
pub mod routes;
pub mod rules;
pub mod steps;
pub mod storage;
pub mod view;

use linli_api::auth::Role;
use linli_api::events::Event;
use linli_api::ids::UserId;
use linli_api::wishes::WishNews;
use sqlx::AnyConnection;
use utoipa_axum::router::OpenApiRouter;

use self::rules::Viewer;
use self::storage::WishRow;
use crate::auth::Caller;
use crate::error::{AppError, AppResult};
use crate::events::Audience;
use crate::family::{Acting, Needs};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().merge(routes::router()).merge(steps::router())
}

/// Who is doing something to a wish: the caller, for themselves or (`acting`) for the
/// resident `subject` through a family link.
pub struct Actor {
    pub caller: Caller,
    pub subject: UserId,
    pub acting: bool,
}

impl Actor {
    pub fn for_self(caller: Caller) -> Self {
        let subject = caller.user_id;
        Actor { caller, subject, acting: false }
    }

    pub fn from_acting<G: Needs>(acting: &Acting<G>) -> Self {
        Actor { caller: acting.caller.clone(), subject: acting.subject.user_id, acting: acting.is_for_someone_else() }
    }

    /// How this actor stands to the wish. Acting for someone, one is only ever the wisher.
    pub fn viewer(&self, row: &WishRow) -> Viewer {
        let own = !self.acting;
        Viewer {
            wisher: row.wisher == Some(self.subject),
            claimer: own && row.claim.as_ref().is_some_and(|claim| claim.claimer == self.caller.user_id),
            staff: own && self.caller.is_staff(),
            volunteer: own && self.caller.role != Role::Family,
        }
    }
}

/// The wish if the actor may see it at all: on the board, or theirs, or they are staff.
/// Anything else is as invisible as a wish that does not exist.
pub async fn visible(conn: &mut AnyConnection, actor: &Actor, id: linli_api::ids::WishId) -> AppResult<(WishRow, Viewer)> {
    let row = storage::wish(conn, actor.caller.community_id, id).await?.ok_or(AppError::NotFound)?;
    let viewer = actor.viewer(&row);
    if !row.state.is_public() && !viewer.sees_unpublished() {
        return Err(AppError::NotFound);
    }
    Ok((row, viewer))
}

/// Tells open screens that the wish changed, and the wisher and the volunteer their news.
/// Neighbours hear only of wishes that are (or were) on the board.
pub fn announce(state: &AppState, row: &WishRow, was_public: bool, news: (Option<WishNews>, Option<WishNews>), volunteer: Option<UserId>) {
    let changed = || Event::WishChanged { wish_id: row.id };
    if was_public || row.state.is_public() {
        state.events.publish(row.community, Audience::Members, changed());
    } else {
        state.events.publish(row.community, Audience::Staff, changed());
        for person in row.wisher.into_iter().chain(volunteer) {
            state.events.publish(row.community, Audience::Person(person), changed());
        }
    }
    let (for_wisher, for_volunteer) = news;
    let tell = |person: UserId, news: WishNews| {
        let event = Event::WishNews { wish_id: row.id, what: row.what.clone(), news };
        state.events.publish(row.community, Audience::Person(person), event);
    };
    if let (Some(wisher), Some(news)) = (row.wisher, for_wisher) {
        tell(wisher, news);
    }
    if let (Some(volunteer), Some(news)) = (volunteer, for_volunteer) {
        tell(volunteer, news);
    }
}
