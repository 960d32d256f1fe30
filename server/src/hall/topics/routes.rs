//! Handlers of topics: open or propose one, support a proposal, discuss, moderate, and
//! post the follow-up.

use std::collections::HashMap;

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use linli_api::auth::Role;
use linli_api::events::Event;
use linli_api::hall::NewVote;
use linli_api::ids::{CommentId, TopicId, UserId};
use linli_api::topics::{
    mask_name, Comment, FollowUp, HideComment, Hidden, NewComment, NewFollowUp, NewTopic, ProposalRules, Speaker, Support,
    CommentPage, Topic, TopicPage, TopicThread,
};
use linli_api::paging::PageQuery;
use linli_api::{validate, ErrorBody, ErrorCode};
use sqlx::AnyConnection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::rules::{self, TopicFacts};
use super::storage::{self, CommentRow, NewCommentRow, NewTopicRow, TopicRow};
use crate::auth::{Caller, Members, ResidentsOnly, Signed, StaffOnly};
use crate::community::storage::{public_faces, PublicFace};
use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::hall::routes::{open_vote, vote_phase};
use crate::notices::rules::render_markdown;
use crate::events::Audience;
use crate::paging;
use crate::state::AppState;
use crate::uploads::check_attachable;

/// Proposals gathering support that lead the list, at most.
const GATHERING_SHOWN: i64 = 20;
/// Replies a comment comes with; the rest are paged on request.
const REPLIES_SHOWN: i64 = 5;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(one))
        .routes(routes!(support))
        .routes(routes!(attach_vote))
        .routes(routes!(follow_up))
        .routes(routes!(comments, comment))
        .routes(routes!(replies))
        .routes(routes!(hide))
        .routes(routes!(get_rules, set_rules))
}

/// The community's topics a page at a time, newest first; the first page also brings the
/// proposals still gathering support, which lead the list.
#[utoipa::path(get, path = "/hall/topics", tag = "hall", security(("bearer" = [])), params(PageQuery),
    responses((status = 200, body = TopicPage), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody)))]
async fn list(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<Members>,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> AppResult<Json<TopicPage>> {
    let after = paging::decode(page.after.as_deref())?;
    let limit = paging::limit(page.limit);
    let now = state.clock.now();
    let mut conn = state.db.pool.acquire().await?;
    let gathering = match after {
        None => storage::gathering(&mut conn, caller.community_id, now, GATHERING_SHOWN).await?,
        Some(_) => Vec::new(),
    };
    let rows = storage::topics(&mut conn, caller.community_id, after, limit + 1).await?;
    let (rows, next_after) = paging::split(rows, limit, |last| paging::encode(&[last.created_at.timestamp_millis(), last.id.0]));
    let shown = gathering.len();
    // One description of both lists: their people and supports in one statement each.
    let mut described = describe_all(&mut conn, &caller, gathering.into_iter().chain(rows).collect(), now).await?;
    let topics = described.split_off(shown);
    Ok(Json(TopicPage { gathering: described, topics, next_after }))
}

/// Staff open a topic for discussion, optionally with its vote; a resident's topic is a
/// proposal that needs the community's set number of households behind it to go to a vote.
#[utoipa::path(post, path = "/hall/topics", tag = "hall", security(("bearer" = [])), request_body = NewTopic,
    responses((status = 201, body = Topic), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<Members>,
    ApiJson(topic): ApiJson<NewTopic>,
) -> AppResult<(StatusCode, Json<Topic>)> {
    let now = state.clock.now();
    let topic = validate::new_topic(&topic).map_err(AppError::Invalid)?;
    let proposal = match caller.role {
        Role::Staff | Role::Admin => false,
        Role::Resident if topic.vote.is_none() => true,
        Role::Resident => return Err(AppError::invalid(ErrorCode::InvalidValue, "vote")),
        _ => return Err(AppError::Forbidden),
    };
    let mut tx = state.db.begin_write().await?;
    check_attachable(&mut tx, caller.community_id, caller.user_id, &topic.images).await?;
    let proposal_rules = storage::proposal_rules(&mut tx, caller.community_id).await?;
    let vote = match &topic.vote {
        Some(vote) => Some(open_vote(&mut tx, caller.community_id, caller.user_id, vote, now).await?),
        None => None,
    };
    let id = storage::insert_topic(
        &mut tx,
        &NewTopicRow {
            community: caller.community_id,
            author: caller.user_id,
            title: &topic.title,
            body_markdown: &topic.body,
            body_html: &render_markdown(&topic.body),
            images: &topic.images,
            proposal,
            support_needed: if proposal { i64::from(proposal_rules.support_households) } else { 0 },
            support_deadline: if proposal { rules::support_deadline(proposal_rules, now) } else { now },
            vote_days: i64::from(proposal_rules.vote_days),
            vote,
            at: now,
        },
    )
    .await?;
    tx.commit().await?;
    let mut conn = state.db.pool.acquire().await?;
    Ok((StatusCode::CREATED, Json(topic_of(&mut conn, &caller, id, now).await?)))
}

/// A topic with the first page of its discussion: top-level comments oldest first, each
/// with its first replies.
#[utoipa::path(get, path = "/hall/topics/{id}", tag = "hall", security(("bearer" = [])),
    params(("id" = i64, Path, description = "topic id")),
    responses((status = 200, body = TopicThread), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody)))]
async fn one(State(state): State<AppState>, Signed(caller, ..): Signed<Members>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<TopicThread>> {
    let now = state.clock.now();
    let mut conn = state.db.pool.acquire().await?;
    let topic = topic_of(&mut conn, &caller, TopicId(id), now).await?;
    let CommentPage { comments, next_after } = discussion(&mut conn, &caller, topic.id, &PageQuery::default()).await?;
    Ok(Json(TopicThread { topic, comments, next_after }))
}

/// A later page of a topic's discussion.
#[utoipa::path(get, path = "/hall/topics/{id}/comments", tag = "hall", security(("bearer" = [])),
    params(("id" = i64, Path, description = "topic id"), PageQuery),
    responses((status = 200, body = CommentPage), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn comments(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<Members>,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> AppResult<Json<CommentPage>> {
    let mut conn = state.db.pool.acquire().await?;
    let topic = storage::find_topic(&mut conn, caller.community_id, TopicId(id)).await?.ok_or(AppError::NotFound)?;
    Ok(Json(discussion(&mut conn, &caller, topic.id, &page).await?))
}

/// The replies to a comment after those it came with, oldest first.
#[utoipa::path(get, path = "/hall/comments/{id}/replies", tag = "hall", security(("bearer" = [])),
    params(("id" = i64, Path, description = "comment id"), PageQuery),
    responses((status = 200, body = CommentPage), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn replies(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<Members>,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> AppResult<Json<CommentPage>> {
    let after = paging::decode::<1>(page.after.as_deref())?.map_or(0, |[id]| id);
    let limit = paging::limit(page.limit);
    let mut conn = state.db.pool.acquire().await?;
    let parent = storage::find_comment(&mut conn, caller.community_id, CommentId(id)).await?.ok_or(AppError::NotFound)?;
    let rows = storage::replies(&mut conn, parent.id, after, limit + 1).await?;
    let (rows, next_after) = paging::split(rows, limit, |last| paging::encode(&[last.id.0]));
    let faces = faces_of(&mut conn, &caller, &rows).await?;
    let comments = rows.into_iter().map(|reply| comment_view(&caller, &faces, reply, Vec::new(), 0)).collect();
    Ok(Json(CommentPage { comments, next_after }))
}

/// A page of top-level comments after `page.after`, each with its first replies: three
/// statements whatever the page holds.
async fn discussion(conn: &mut AnyConnection, caller: &Caller, topic: TopicId, page: &PageQuery) -> AppResult<CommentPage> {
    let after = paging::decode::<1>(page.after.as_deref())?.map_or(0, |[id]| id);
    let limit = paging::limit(page.limit);
    let rows = storage::top_comments(&mut *conn, topic, after, limit + 1).await?;
    let (top, next_after) = paging::split(rows, limit, |last| paging::encode(&[last.id.0]));
    let parents: Vec<CommentId> = top.iter().filter(|row| row.replies > 0).map(|row| row.id).collect();
    let replies = storage::first_replies(&mut *conn, &parents, REPLIES_SHOWN).await?;
    let faces = faces_of(&mut *conn, caller, top.iter().chain(&replies)).await?;
    let rows = top.into_iter().chain(replies).map(|row| (row.id, row.parent, row)).collect();
    let comments = rules::threads(rows)
        .into_iter()
        .map(|(row, replies)| {
            let more = (row.replies - replies.len() as i64).max(0);
            let replies = replies.into_iter().map(|reply| comment_view(caller, &faces, reply, Vec::new(), 0)).collect();
            comment_view(caller, &faces, row, replies, more)
        })
        .collect();
    Ok(CommentPage { comments, next_after })
}

/// The public faces of the comments' authors and of the staff who hid any of them.
async fn faces_of<'a>(
    conn: &mut AnyConnection,
    caller: &Caller,
    rows: impl IntoIterator<Item = &'a CommentRow>,
) -> AppResult<HashMap<UserId, PublicFace>> {
    let people: Vec<UserId> = rows.into_iter().flat_map(|row| std::iter::once(row.author).chain(row.hidden.as_ref().map(|(_, by, _)| *by))).collect();
    Ok(public_faces(conn, caller.community_id, people).await?)
}

/// Backs a proposal for the caller's household; backing it again changes nothing. The
/// household that reaches the threshold takes the proposal to its vote.
#[utoipa::path(post, path = "/hall/topics/{id}/support", tag = "hall", security(("bearer" = [])),
    params(("id" = i64, Path, description = "topic id")),
    responses((status = 200, body = Topic), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn support(State(state): State<AppState>, Signed(caller, ..): Signed<ResidentsOnly>, ApiPath(id): ApiPath<i64>) -> AppResult<Json<Topic>> {
    let now = state.clock.now();
    let household = caller.household_id.ok_or(AppError::Forbidden)?;
    let mut tx = state.db.begin_write().await?;
    let row = storage::find_topic(&mut tx, caller.community_id, TopicId(id)).await?.ok_or(AppError::NotFound)?;
    if !storage::supports(&mut tx, row.id, household).await? {
        rules::may_support(rules::state(facts(&row), now))?;
        if storage::add_support(&mut tx, row.id, household, caller.user_id, now).await? {
            let (count, vote) = storage::count_support(&mut tx, row.id).await?;
            if rules::goes_to_vote(count, row.support_needed, vote.is_some()) {
                let vote = rules::proposal_vote(&row.title, &row.body_markdown, row.vote_days, now);
                let vote = open_vote(&mut tx, caller.community_id, row.author, &vote, now).await?;
                storage::set_vote(&mut tx, row.id, vote).await?;
            }
        }
    }
    tx.commit().await?;
    changed(&state, &caller, row.id);
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(topic_of(&mut conn, &caller, row.id, now).await?))
}

/// Staff open the vote of a discussion that has none yet.
#[utoipa::path(post, path = "/hall/topics/{id}/vote", tag = "hall", security(("bearer" = [])), request_body = NewVote,
    params(("id" = i64, Path, description = "topic id")),
    responses((status = 200, body = Topic), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
              (status = 422, body = ErrorBody)))]
async fn attach_vote(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(vote): ApiJson<NewVote>,
) -> AppResult<Json<Topic>> {
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let row = storage::find_topic(&mut tx, caller.community_id, TopicId(id)).await?.ok_or(AppError::NotFound)?;
    if row.vote.is_some() {
        return Err(AppError::TopicHasVote);
    }
    let vote = open_vote(&mut tx, caller.community_id, caller.user_id, &vote, now).await?;
    if !storage::set_vote(&mut tx, row.id, vote).await? {
        return Err(AppError::TopicHasVote);
    }
    tx.commit().await?;
    changed(&state, &caller, row.id);
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(topic_of(&mut conn, &caller, row.id, now).await?))
}

/// Staff post (or correct) what was done after the vote; the topic is then concluded.
#[utoipa::path(put, path = "/hall/topics/{id}/follow-up", tag = "hall", security(("bearer" = [])), request_body = NewFollowUp,
    params(("id" = i64, Path, description = "topic id")),
    responses((status = 200, body = Topic), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
              (status = 422, body = ErrorBody)))]
async fn follow_up(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(follow_up): ApiJson<NewFollowUp>,
) -> AppResult<Json<Topic>> {
    let now = state.clock.now();
    let body = validate::follow_up(&follow_up.body).map_err(AppError::Invalid)?;
    let mut tx = state.db.begin_write().await?;
    let row = storage::find_topic(&mut tx, caller.community_id, TopicId(id)).await?.ok_or(AppError::NotFound)?;
    let phase = match row.vote {
        Some(vote) => vote_phase(&mut tx, caller.community_id, vote, now).await?,
        None => None,
    };
    rules::may_post_follow_up(phase)?;
    storage::set_follow_up(&mut tx, row.id, &body, &render_markdown(&body), caller.user_id, now).await?;
    tx.commit().await?;
    changed(&state, &caller, row.id);
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(topic_of(&mut conn, &caller, row.id, now).await?))
}

/// Comments on a topic, or replies to a comment (one level: a reply to a reply joins its
/// thread).
#[utoipa::path(post, path = "/hall/topics/{id}/comments", tag = "hall", security(("bearer" = [])), request_body = NewComment,
    params(("id" = i64, Path, description = "topic id")),
    responses((status = 201, body = Comment), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn comment(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<Members>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(comment): ApiJson<NewComment>,
) -> AppResult<(StatusCode, Json<Comment>)> {
    let now = state.clock.now();
    let comment = validate::new_comment(&comment).map_err(AppError::Invalid)?;
    let mut tx = state.db.begin_write().await?;
    let topic = storage::find_topic(&mut tx, caller.community_id, TopicId(id)).await?.ok_or(AppError::NotFound)?;
    let parent = match comment.reply_to {
        Some(target) => match storage::find_comment(&mut tx, caller.community_id, target).await? {
            Some(target) if target.topic == topic.id => Some(rules::reply_parent(target.id, target.parent)),
            _ => return Err(AppError::invalid(ErrorCode::InvalidValue, "reply_to")),
        },
        None => None,
    };
    check_attachable(&mut tx, caller.community_id, caller.user_id, &comment.images).await?;
    let row = NewCommentRow { topic: topic.id, parent, author: caller.user_id, body: &comment.body, images: &comment.images, at: now };
    let id = storage::insert_comment(&mut tx, &row).await?;
    tx.commit().await?;
    changed(&state, &caller, topic.id);
    let mut conn = state.db.pool.acquire().await?;
    Ok((StatusCode::CREATED, Json(one_comment(&mut conn, &caller, id).await?)))
}

/// Staff hide a comment with a reason, which stays visible in its place.
#[utoipa::path(post, path = "/hall/comments/{id}/hide", tag = "hall", security(("bearer" = [])), request_body = HideComment,
    params(("id" = i64, Path, description = "comment id")),
    responses((status = 200, body = Comment), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn hide(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(hide): ApiJson<HideComment>,
) -> AppResult<Json<Comment>> {
    let reason = validate::hide_reason(&hide.reason).map_err(AppError::Invalid)?;
    let mut tx = state.db.begin_write().await?;
    let row = storage::find_comment(&mut tx, caller.community_id, CommentId(id)).await?.ok_or(AppError::NotFound)?;
    storage::hide_comment(&mut tx, row.id, &reason, caller.user_id, state.clock.now()).await?;
    tx.commit().await?;
    changed(&state, &caller, row.topic);
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(one_comment(&mut conn, &caller, row.id).await?))
}

/// How many households a proposal needs and how long it and its vote run.
#[utoipa::path(get, path = "/hall/proposal-rules", tag = "hall", security(("bearer" = [])),
    responses((status = 200, body = ProposalRules), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn get_rules(State(state): State<AppState>, Signed(caller, ..): Signed<Members>) -> AppResult<Json<ProposalRules>> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(storage::proposal_rules(&mut conn, caller.community_id).await?))
}

/// Staff set the proposal rules; proposals already made keep the rules they were made under.
#[utoipa::path(put, path = "/hall/proposal-rules", tag = "hall", security(("bearer" = [])), request_body = ProposalRules,
    responses((status = 200, body = ProposalRules), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
              (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn set_rules(
    State(state): State<AppState>,
    Signed(caller, ..): Signed<StaffOnly>,
    ApiJson(proposal_rules): ApiJson<ProposalRules>,
) -> AppResult<Json<ProposalRules>> {
    let proposal_rules = validate::proposal_rules(&proposal_rules).map_err(AppError::Invalid)?;
    let mut tx = state.db.begin_write().await?;
    storage::set_proposal_rules(&mut tx, caller.community_id, proposal_rules).await?;
    tx.commit().await?;
    Ok(Json(proposal_rules))
}

/// Tells the community's open pages that the topic changed.
fn changed(state: &AppState, caller: &Caller, topic_id: TopicId) {
    state.events.publish(caller.community_id, Audience::Members, Event::TopicChanged { topic_id });
}

fn facts(row: &TopicRow) -> TopicFacts {
    TopicFacts {
        proposal: row.proposal,
        support_count: row.support_count,
        support_needed: row.support_needed,
        support_deadline: row.support_deadline,
        has_vote: row.vote.is_some(),
        has_follow_up: row.follow_up.is_some(),
    }
}

/// Residents appear by a masked name and their building; staff, property and merchants
/// by name, since they speak for their organisation.
fn speaker(faces: &HashMap<UserId, PublicFace>, person: UserId) -> Speaker {
    match faces.get(&person) {
        Some(face) => {
            let role = Role::parse(&face.role);
            let public = matches!(role, Some(Role::Resident | Role::Family) | None);
            Speaker {
                name: if public { mask_name(&face.name) } else { face.name.clone() },
                building: if public { face.building.clone() } else { None },
                staff: matches!(role, Some(Role::Staff | Role::Admin)),
            }
        }
        None => Speaker { name: String::new(), building: None, staff: false },
    }
}

async fn topic_of(conn: &mut AnyConnection, caller: &Caller, id: TopicId, now: DateTime<Utc>) -> AppResult<Topic> {
    let row = storage::find_topic(&mut *conn, caller.community_id, id).await?.ok_or(AppError::NotFound)?;
    Ok(describe_all(conn, caller, vec![row], now).await?.remove(0))
}

async fn describe_all(conn: &mut AnyConnection, caller: &Caller, rows: Vec<TopicRow>, now: DateTime<Utc>) -> AppResult<Vec<Topic>> {
    let people = rows.iter().flat_map(|row| std::iter::once(row.author).chain(row.follow_up.as_ref().map(|f| f.by)));
    let faces = public_faces(&mut *conn, caller.community_id, people.collect::<Vec<_>>()).await?;
    let proposals: Vec<TopicId> = rows.iter().filter(|row| row.proposal).map(|row| row.id).collect();
    let supported = match caller.household_id {
        Some(household) => storage::supported_by(&mut *conn, household, &proposals).await?,
        None => Default::default(),
    };
    let mut topics = Vec::with_capacity(rows.len());
    for row in rows {
        let support = row.proposal.then(|| Support {
            households: row.support_count,
            needed: row.support_needed,
            deadline: row.support_deadline,
            mine: supported.contains(&row.id),
        });
        topics.push(Topic {
            id: row.id,
            state: rules::state(facts(&row), now),
            title: row.title,
            body_html: row.body_html,
            images: row.images,
            author: speaker(&faces, row.author),
            created_at: row.created_at,
            support,
            vote_id: row.vote,
            follow_up: row.follow_up.map(|f| FollowUp { body_html: f.body_html, posted_by: speaker(&faces, f.by), posted_at: f.at }),
            comments: row.comments,
        });
    }
    Ok(topics)
}

async fn one_comment(conn: &mut AnyConnection, caller: &Caller, id: CommentId) -> AppResult<Comment> {
    let row = storage::find_comment(&mut *conn, caller.community_id, id).await?.ok_or(AppError::NotFound)?;
    let faces = faces_of(&mut *conn, caller, [&row]).await?;
    Ok(comment_view(caller, &faces, row, Vec::new(), 0))
}

/// A hidden comment keeps its place and reason; its words reach only staff and its author.
fn comment_view(caller: &Caller, faces: &HashMap<UserId, PublicFace>, row: CommentRow, replies: Vec<Comment>, more_replies: i64) -> Comment {
    let mine = row.author == caller.user_id;
    let hidden = row.hidden.map(|(reason, by, at)| Hidden { reason, by: speaker(faces, by), at });
    let readable = hidden.is_none() || mine || caller.is_staff();
    Comment {
        id: row.id,
        author: speaker(faces, row.author),
        body: readable.then_some(row.body),
        images: if readable { row.images } else { Vec::new() },
        created_at: row.created_at,
        hidden,
        mine,
        replies,
        more_replies,
    }
}
