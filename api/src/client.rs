//! `Client`: the typed REST client used by the app (fetch, in wasm), the tests and tools.

use reqwest::{Method, RequestBuilder, StatusCode};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::auth::{Me, RegisterRequest, Session, SignInRequest, UpdatePreferences};
use crate::community::{Building, CommunityEntry, HouseholdEntry, Invite, NewInvite};
use crate::groceries::{
    BuyAgain, Campaign, CampaignDashboard, Merchant, MerchantApplication, NewCampaign, Order, OrderPage, PickingHouseholds, PickingHouseholdsQuery, PickingList, PickupRequest,
    PlaceOrder, ReviewMerchant, SetCampaignStanding,
};
use crate::error::{ApiError, ErrorBody, ErrorCode};
use crate::events::EventTicket;
use crate::family::{
    AcceptFamilyInvite, FamilyHistory, FamilyInvite, FamilyLink, FamilyLinks, FamilyRegisterRequest,
    FamilyRegistration, NewFamilyInvite, UpdateGrants, ACTING_FOR_HEADER,
};
use crate::hall::{CastBallot, ChainEntry, NewVote, ParticipantPage, Vote, VoteRecord};
use crate::paging::PageQuery;
use crate::help::{HelpBoard, HelpRequest, MyHelp};
use crate::ids::{BuildingId, CampaignId, CommentId, FamilyLinkId, HelpRequestId, NoticeId, OrderId, TopicId, UploadId, UserId, VoteId};
use crate::topics::{Comment, CommentPage, HideComment, NewComment, NewFollowUp, NewTopic, ProposalRules, Topic, TopicPage, TopicThread};
use crate::uploads::Upload;
use crate::notices::{BuildingUnread, Notice, NoticePage, NoticeSummary, NewNotice, ReadStats};
use crate::API_PREFIX;

mod appointments;
mod register;
mod reports;
mod wishes;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ClientError {
    /// The server answered with an error body.
    #[error("{status}: {}", error.code)]
    Api { status: u16, error: ApiError },
    /// The server could not be reached.
    #[error("network: {0}")]
    Network(String),
    /// The server answered something that is not the contract.
    #[error("unexpected response ({status}): {detail}")]
    Unexpected { status: u16, detail: String },
}

impl ClientError {
    /// The stable code, for showing a localised sentence.
    pub fn code(&self) -> ErrorCode {
        match self {
            ClientError::Api { error, .. } => error.code,
            ClientError::Network(_) => ErrorCode::Network,
            ClientError::Unexpected { .. } => ErrorCode::UnexpectedResponse,
        }
    }

    pub fn field(&self) -> Option<&str> {
        match self {
            ClientError::Api { error, .. } => error.field.as_deref(),
            _ => None,
        }
    }

    pub fn status(&self) -> Option<u16> {
        match self {
            ClientError::Api { status, .. } | ClientError::Unexpected { status, .. } => Some(*status),
            ClientError::Network(_) => None,
        }
    }
}

pub type ClientResult<T> = Result<T, ClientError>;

/// Talks to one Linli server, optionally as a signed-in session.
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    base_url: String,
    token: Option<String>,
    /// The resident a family member is acting for, sent on every request.
    acting_for: Option<UserId>,
}

impl Client {
    /// `base_url` is the server's origin, e.g. `http://127.0.0.1:8080` (no trailing slash needed).
    pub fn new(base_url: impl Into<String>) -> Self {
        let base_url = base_url.into().trim_end_matches('/').to_owned();
        Self { http: reqwest::Client::new(), base_url, token: None, acting_for: None }
    }

    /// The same session acting for `resident` through a family link (see [`crate::family`]).
    pub fn acting_for(mut self, resident: UserId) -> Self {
        self.acting_for = Some(resident);
        self
    }

    pub fn with_token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(token.into());
        self
    }

    pub fn set_token(&mut self, token: Option<String>) {
        self.token = token;
    }

    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The absolute URL of an API path such as `/notices`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{API_PREFIX}{path}", self.base_url)
    }

    // --- accounts -------------------------------------------------------------------

    pub async fn register(&self, request: &RegisterRequest) -> ClientResult<Session> {
        self.send(self.request(Method::POST, "/auth/register").json(request)).await
    }

    pub async fn sign_in(&self, request: &SignInRequest) -> ClientResult<Session> {
        self.send(self.request(Method::POST, "/auth/sign-in").json(request)).await
    }

    pub async fn sign_out(&self) -> ClientResult<()> {
        self.send_empty(self.request(Method::POST, "/auth/sign-out")).await
    }

    pub async fn me(&self) -> ClientResult<Me> {
        self.send(self.request(Method::GET, "/me")).await
    }

    pub async fn update_preferences(&self, change: &UpdatePreferences) -> ClientResult<Me> {
        self.send(self.request(Method::PATCH, "/me/preferences").json(change)).await
    }

    // --- community ------------------------------------------------------------------

    /// The households of one building of the community (staff).
    pub async fn households(&self, building: BuildingId) -> ClientResult<Vec<HouseholdEntry>> {
        self.send(self.request(Method::GET, "/community/households").query(&[("building", building.0)])).await
    }

    pub async fn create_invite(&self, invite: &NewInvite) -> ClientResult<Invite> {
        self.send(self.request(Method::POST, "/invites").json(invite)).await
    }

    // --- notices --------------------------------------------------------------------

    /// A page of the community's notices: the first with `PageQuery::default()`.
    pub async fn notices(&self, page: &PageQuery) -> ClientResult<NoticePage> {
        self.send(self.request(Method::GET, "/notices").query(page)).await
    }

    pub async fn notice(&self, id: NoticeId) -> ClientResult<Notice> {
        self.send(self.request(Method::GET, &format!("/notices/{id}"))).await
    }

    pub async fn publish_notice(&self, notice: &NewNotice) -> ClientResult<NoticeSummary> {
        self.send(self.request(Method::POST, "/notices").json(notice)).await
    }

    pub async fn mark_read(&self, id: NoticeId) -> ClientResult<()> {
        self.send_empty(self.request(Method::POST, &format!("/notices/{id}/read"))).await
    }

    pub async fn read_stats(&self, id: NoticeId) -> ClientResult<ReadStats> {
        self.send(self.request(Method::GET, &format!("/notices/{id}/reads"))).await
    }

    /// Who in one building has not read the notice yet (staff and property).
    pub async fn unread_in_building(&self, id: NoticeId, building: BuildingId) -> ClientResult<BuildingUnread> {
        self.send(self.request(Method::GET, &format!("/notices/{id}/reads/{building}"))).await
    }

    // --- family links ---------------------------------------------------------------

    pub async fn create_family_invite(&self, invite: &NewFamilyInvite) -> ClientResult<FamilyInvite> {
        self.send(self.request(Method::POST, "/family/invites").json(invite)).await
    }

    pub async fn accept_family_invite(&self, accept: &AcceptFamilyInvite) -> ClientResult<FamilyLink> {
        self.send(self.request(Method::POST, "/family/links").json(accept)).await
    }

    pub async fn register_family_member(&self, request: &FamilyRegisterRequest) -> ClientResult<FamilyRegistration> {
        self.send(self.request(Method::POST, "/family/register").json(request)).await
    }

    pub async fn family_links(&self) -> ClientResult<FamilyLinks> {
        self.send(self.request(Method::GET, "/family/links")).await
    }

    pub async fn update_family_grants(&self, link: FamilyLinkId, grants: &UpdateGrants) -> ClientResult<FamilyLink> {
        self.send(self.request(Method::PATCH, &format!("/family/links/{link}")).json(grants)).await
    }

    /// Ends a link; either side may.
    pub async fn revoke_family_link(&self, link: FamilyLinkId) -> ClientResult<()> {
        self.send_empty(self.request(Method::DELETE, &format!("/family/links/{link}"))).await
    }

    /// A page of family history: the first with `PageQuery::default()`.
    pub async fn family_history(&self, page: &PageQuery) -> ClientResult<FamilyHistory> {
        self.send(self.request(Method::GET, "/family/history").query(page)).await
    }

    // --- one-tap help ---------------------------------------------------------------

    /// Asks the staff on duty for help; asking again while a request is open returns it.
    pub async fn ask_for_help(&self) -> ClientResult<HelpRequest> {
        self.send(self.request(Method::POST, "/help")).await
    }

    pub async fn my_help(&self) -> ClientResult<MyHelp> {
        self.send(self.request(Method::GET, "/help/mine")).await
    }

    pub async fn help_board(&self) -> ClientResult<HelpBoard> {
        self.send(self.request(Method::GET, "/help")).await
    }

    pub async fn acknowledge_help(&self, id: HelpRequestId) -> ClientResult<HelpRequest> {
        self.send(self.request(Method::POST, &format!("/help/{id}/acknowledge"))).await
    }

    /// Staff mark it dealt with, or the resident calls it off.
    pub async fn close_help(&self, id: HelpRequestId) -> ClientResult<HelpRequest> {
        self.send(self.request(Method::POST, &format!("/help/{id}/close"))).await
    }

    // --- discussion hall ------------------------------------------------------------

    pub async fn create_vote(&self, vote: &NewVote) -> ClientResult<Vote> {
        self.send(self.request(Method::POST, "/hall/votes").json(vote)).await
    }

    pub async fn votes(&self) -> ClientResult<Vec<Vote>> {
        self.send(self.request(Method::GET, "/hall/votes")).await
    }

    pub async fn vote(&self, id: VoteId) -> ClientResult<Vote> {
        self.send(self.request(Method::GET, &format!("/hall/votes/{id}"))).await
    }

    /// One tap: casts (or changes) the ballot and answers with the vote as it now stands.
    pub async fn cast_ballot(&self, id: VoteId, ballot: &CastBallot) -> ClientResult<Vote> {
        self.send(self.request(Method::POST, &format!("/hall/votes/{id}/ballot")).json(ballot)).await
    }

    /// A page of the vote's record: its first with `PageQuery::default()`.
    pub async fn vote_record(&self, id: VoteId, page: &PageQuery) -> ClientResult<VoteRecord> {
        self.send(self.request(Method::GET, &format!("/hall/votes/{id}/record")).query(page)).await
    }

    /// The record's entry for a receipt as typed; `not_found` when there is none.
    pub async fn vote_receipt(&self, id: VoteId, receipt: &str) -> ClientResult<ChainEntry> {
        let receipt: String = receipt.chars().filter(char::is_ascii_alphanumeric).collect();
        self.send(self.request(Method::GET, &format!("/hall/votes/{id}/receipts/{receipt}"))).await
    }

    /// A page of who took part (staff).
    pub async fn vote_participants(&self, id: VoteId, page: &PageQuery) -> ClientResult<ParticipantPage> {
        self.send(self.request(Method::GET, &format!("/hall/votes/{id}/participants")).query(page)).await
    }

    /// The result as CSV text (staff).
    pub async fn export_vote_csv(&self, id: VoteId) -> ClientResult<String> {
        let bytes = self.send_bytes(self.request(Method::GET, &format!("/hall/votes/{id}/export.csv"))).await?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// A page of the community's topics, newest first (the first page with the proposals
    /// still gathering support).
    pub async fn topics(&self, page: &PageQuery) -> ClientResult<TopicPage> {
        self.send(self.request(Method::GET, "/hall/topics").query(page)).await
    }

    /// Staff open a topic; a resident's new topic is a proposal.
    pub async fn create_topic(&self, topic: &NewTopic) -> ClientResult<Topic> {
        self.send(self.request(Method::POST, "/hall/topics").json(topic)).await
    }

    /// The topic and the first page of its discussion.
    pub async fn topic(&self, id: TopicId) -> ClientResult<TopicThread> {
        self.send(self.request(Method::GET, &format!("/hall/topics/{id}"))).await
    }

    /// A later page of a topic's discussion (top-level comments with their first replies).
    pub async fn topic_comments(&self, id: TopicId, page: &PageQuery) -> ClientResult<CommentPage> {
        self.send(self.request(Method::GET, &format!("/hall/topics/{id}/comments")).query(page)).await
    }

    /// The replies to a comment after those it came with.
    pub async fn comment_replies(&self, id: CommentId, page: &PageQuery) -> ClientResult<CommentPage> {
        self.send(self.request(Method::GET, &format!("/hall/comments/{id}/replies")).query(page)).await
    }

    /// Backs a proposal for the caller's household (again is harmless).
    pub async fn support_topic(&self, id: TopicId) -> ClientResult<Topic> {
        self.send(self.request(Method::POST, &format!("/hall/topics/{id}/support"))).await
    }

    /// Staff open the vote of a discussion that has none yet.
    pub async fn open_topic_vote(&self, id: TopicId, vote: &NewVote) -> ClientResult<Topic> {
        self.send(self.request(Method::POST, &format!("/hall/topics/{id}/vote")).json(vote)).await
    }

    pub async fn post_follow_up(&self, id: TopicId, follow_up: &NewFollowUp) -> ClientResult<Topic> {
        self.send(self.request(Method::PUT, &format!("/hall/topics/{id}/follow-up")).json(follow_up)).await
    }

    pub async fn comment(&self, topic: TopicId, comment: &NewComment) -> ClientResult<Comment> {
        self.send(self.request(Method::POST, &format!("/hall/topics/{topic}/comments")).json(comment)).await
    }

    pub async fn hide_comment(&self, id: CommentId, hide: &HideComment) -> ClientResult<Comment> {
        self.send(self.request(Method::POST, &format!("/hall/comments/{id}/hide")).json(hide)).await
    }

    pub async fn proposal_rules(&self) -> ClientResult<ProposalRules> {
        self.send(self.request(Method::GET, "/hall/proposal-rules")).await
    }

    pub async fn set_proposal_rules(&self, rules: &ProposalRules) -> ClientResult<ProposalRules> {
        self.send(self.request(Method::PUT, "/hall/proposal-rules").json(rules)).await
    }

    // --- group buying ---------------------------------------------------------------

    /// Every community, for a shop choosing where to apply (no session needed).
    pub async fn communities(&self) -> ClientResult<Vec<CommunityEntry>> {
        self.send(self.request(Method::GET, "/communities")).await
    }

    /// The community's buildings (for delivery rounds).
    pub async fn buildings(&self) -> ClientResult<Vec<Building>> {
        self.send(self.request(Method::GET, "/community/buildings")).await
    }

    /// A shop applies to a community and is signed in, pending staff approval.
    pub async fn apply_as_merchant(&self, application: &MerchantApplication) -> ClientResult<Session> {
        self.send(self.request(Method::POST, "/groceries/merchants").json(application)).await
    }

    /// Staff: the community's shops, applications first.
    pub async fn merchants(&self) -> ClientResult<Vec<Merchant>> {
        self.send(self.request(Method::GET, "/groceries/merchants")).await
    }

    /// A shop's own standing.
    pub async fn my_merchant(&self) -> ClientResult<Merchant> {
        self.send(self.request(Method::GET, "/groceries/merchants/me")).await
    }

    pub async fn review_merchant(&self, id: UserId, review: &ReviewMerchant) -> ClientResult<Merchant> {
        self.send(self.request(Method::POST, &format!("/groceries/merchants/{id}/review")).json(review)).await
    }

    /// Residents: campaigns open now and recently decided; a shop: its own; staff: all.
    pub async fn campaigns(&self) -> ClientResult<Vec<Campaign>> {
        self.send(self.request(Method::GET, "/groceries/campaigns")).await
    }

    pub async fn create_campaign(&self, campaign: &NewCampaign) -> ClientResult<Campaign> {
        self.send(self.request(Method::POST, "/groceries/campaigns").json(campaign)).await
    }

    pub async fn campaign(&self, id: CampaignId) -> ClientResult<Campaign> {
        self.send(self.request(Method::GET, &format!("/groceries/campaigns/{id}"))).await
    }

    /// Staff pause, resume or withdraw a campaign.
    pub async fn set_campaign_standing(&self, id: CampaignId, standing: &SetCampaignStanding) -> ClientResult<Campaign> {
        self.send(self.request(Method::POST, &format!("/groceries/campaigns/{id}/standing")).json(standing)).await
    }

    /// The shop (or staff) ends ordering now instead of at the cut-off; the campaign is
    /// decided at once.
    pub async fn close_orders_now(&self, id: CampaignId) -> ClientResult<Campaign> {
        self.send(self.request(Method::POST, &format!("/groceries/campaigns/{id}/close"))).await
    }

    /// Places the household's order, or replaces it, before the cut-off.
    pub async fn place_order(&self, campaign: CampaignId, order: &PlaceOrder) -> ClientResult<Order> {
        self.send(self.request(Method::PUT, &format!("/groceries/campaigns/{campaign}/order")).json(order)).await
    }

    pub async fn cancel_order(&self, campaign: CampaignId) -> ClientResult<Order> {
        self.send(self.request(Method::DELETE, &format!("/groceries/campaigns/{campaign}/order"))).await
    }

    /// The household's orders, newest first.
    /// A page of the household's orders: the first with `PageQuery::default()`.
    pub async fn my_orders(&self, page: &PageQuery) -> ClientResult<OrderPage> {
        self.send(self.request(Method::GET, "/groceries/orders").query(page)).await
    }

    pub async fn order(&self, id: OrderId) -> ClientResult<Order> {
        self.send(self.request(Method::GET, &format!("/groceries/orders/{id}"))).await
    }

    /// The household's last orders, matched to what their shops sell now.
    pub async fn buy_again(&self) -> ClientResult<Vec<BuyAgain>> {
        self.send(self.request(Method::GET, "/groceries/buy-again")).await
    }

    /// The shop marks an order handed over by its pickup code.
    pub async fn pick_up(&self, pickup: &PickupRequest) -> ClientResult<Order> {
        self.send(self.request(Method::POST, "/groceries/pickups").json(pickup)).await
    }

    pub async fn campaign_dashboard(&self, id: CampaignId) -> ClientResult<CampaignDashboard> {
        self.send(self.request(Method::GET, &format!("/groceries/campaigns/{id}/dashboard"))).await
    }

    pub async fn picking_list(&self, id: CampaignId) -> ClientResult<PickingList> {
        self.send(self.request(Method::GET, &format!("/groceries/campaigns/{id}/picking"))).await
    }

    /// A page of one picking group's households: the first with `after: None`.
    pub async fn picking_households(&self, id: CampaignId, query: &PickingHouseholdsQuery) -> ClientResult<PickingHouseholds> {
        self.send(self.request(Method::GET, &format!("/groceries/campaigns/{id}/picking/households")).query(query)).await
    }

    /// The picking list as CSV text, for the delivery team.
    pub async fn picking_csv(&self, id: CampaignId) -> ClientResult<String> {
        let bytes = self.send_bytes(self.request(Method::GET, &format!("/groceries/campaigns/{id}/picking.csv"))).await?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    // --- uploads --------------------------------------------------------------------

    /// Uploads an image (`image/jpeg`, `image/png` or `image/webp`); the server keeps a
    /// re-encoded copy without metadata.
    pub async fn upload_image(&self, content_type: &str, bytes: Vec<u8>) -> ClientResult<Upload> {
        self.send(self.request(Method::POST, "/uploads").header(reqwest::header::CONTENT_TYPE, content_type).body(bytes))
            .await
    }

    /// The stored copy of an image, as served.
    pub async fn image(&self, id: UploadId) -> ClientResult<Vec<u8>> {
        self.send_bytes(self.request(Method::GET, &format!("/uploads/{id}"))).await
    }

    // --- live events ----------------------------------------------------------------

    pub async fn event_ticket(&self) -> ClientResult<EventTicket> {
        self.send(self.request(Method::POST, "/events/ticket")).await
    }

    /// The URL an `EventSource` opens with a ticket from [`Client::event_ticket`].
    pub fn events_url(&self, ticket: &str) -> String {
        format!("{}?ticket={ticket}", self.url("/events"))
    }

    // --- plumbing -------------------------------------------------------------------

    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        let mut builder = self.http.request(method, self.url(path));
        if let Some(token) = &self.token {
            builder = builder.bearer_auth(token);
        }
        if let Some(resident) = self.acting_for {
            builder = builder.header(ACTING_FOR_HEADER, resident.to_string());
        }
        builder
    }

    async fn send<T: DeserializeOwned>(&self, builder: RequestBuilder) -> ClientResult<T> {
        let response = builder.send().await.map_err(|e| ClientError::Network(e.to_string()))?;
        let status = response.status();
        let bytes = response.bytes().await.map_err(|e| ClientError::Network(e.to_string()))?;
        if status.is_success() {
            serde_json::from_slice(&bytes)
                .map_err(|e| ClientError::Unexpected { status: status.as_u16(), detail: e.to_string() })
        } else {
            Err(error_from(status, &bytes))
        }
    }

    async fn send_bytes(&self, builder: RequestBuilder) -> ClientResult<Vec<u8>> {
        let response = builder.send().await.map_err(|e| ClientError::Network(e.to_string()))?;
        let status = response.status();
        let bytes = response.bytes().await.map_err(|e| ClientError::Network(e.to_string()))?;
        if status.is_success() {
            Ok(bytes.to_vec())
        } else {
            Err(error_from(status, &bytes))
        }
    }

    async fn send_empty(&self, builder: RequestBuilder) -> ClientResult<()> {
        let response = builder.send().await.map_err(|e| ClientError::Network(e.to_string()))?;
        let status = response.status();
        if status.is_success() {
            return Ok(());
        }
        let bytes = response.bytes().await.map_err(|e| ClientError::Network(e.to_string()))?;
        Err(error_from(status, &bytes))
    }

    /// Sends any JSON-serialisable body to any path and returns the raw status and body.
    /// For tests of bad input and for tools; the app uses the typed methods.
    pub async fn raw<B: Serialize + ?Sized>(
        &self,
        method: Method,
        path: &str,
        body: Option<&B>,
    ) -> ClientResult<(u16, serde_json::Value)> {
        let mut builder = self.request(method, path);
        if let Some(body) = body {
            builder = builder.json(body);
        }
        let response = builder.send().await.map_err(|e| ClientError::Network(e.to_string()))?;
        let status = response.status().as_u16();
        let bytes = response.bytes().await.map_err(|e| ClientError::Network(e.to_string()))?;
        let value = if bytes.is_empty() { serde_json::Value::Null } else {
            serde_json::from_slice(&bytes).unwrap_or_else(|_| serde_json::Value::String(String::from_utf8_lossy(&bytes).into_owned()))
        };
        Ok((status, value))
    }
}

fn error_from(status: StatusCode, bytes: &[u8]) -> ClientError {
    match serde_json::from_slice::<ErrorBody>(bytes) {
        Ok(body) => ClientError::Api { status: status.as_u16(), error: body.error },
        Err(_) => ClientError::Unexpected {
            status: status.as_u16(),
            detail: String::from_utf8_lossy(bytes).chars().take(200).collect(),
        },
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native_events {
    use futures_util::{Stream, StreamExt};

    use super::{Client, ClientError};
    use crate::events::Event;

    impl Client {
        /// Opens the SSE stream natively and yields each event as it arrives.
        pub async fn events(&self) -> Result<impl Stream<Item = Event> + Unpin, ClientError> {
            let ticket = self.event_ticket().await?;
            let response = self
                .http
                .get(self.events_url(&ticket.ticket))
                .send()
                .await
                .map_err(|e| ClientError::Network(e.to_string()))?;
            let status = response.status();
            if !status.is_success() {
                return Err(ClientError::Unexpected { status: status.as_u16(), detail: "event stream refused".into() });
            }
            let mut buffer = String::new();
            let lines = response.bytes_stream().flat_map(move |chunk| {
                let mut events = Vec::new();
                if let Ok(chunk) = chunk {
                    buffer.push_str(&String::from_utf8_lossy(&chunk));
                    while let Some(end) = buffer.find("\n\n") {
                        let frame: String = buffer.drain(..end + 2).collect();
                        events.extend(parse_frame(&frame));
                    }
                }
                futures_util::stream::iter(events)
            });
            Ok(Box::pin(lines))
        }
    }

    /// One SSE frame's `data:` lines joined, parsed as an [`Event`]; comments are skipped.
    pub(super) fn parse_frame(frame: &str) -> Option<Event> {
        let data: Vec<&str> = frame
            .lines()
            .filter_map(|line| line.strip_prefix("data:"))
            .map(|data| data.strip_prefix(' ').unwrap_or(data))
            .collect();
        if data.is_empty() {
            return None;
        }
        serde_json::from_str(&data.join("\n")).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_have_the_versioned_prefix() {
        let client = Client::new("http://127.0.0.1:8080/");
        assert_eq!(client.url("/notices"), "http://127.0.0.1:8080/api/v1/notices");
        assert_eq!(client.events_url("abc"), "http://127.0.0.1:8080/api/v1/events?ticket=abc");
    }

    #[test]
    fn error_bodies_become_codes() {
        let error = error_from(StatusCode::UNPROCESSABLE_ENTITY, br#"{"error":{"code":"invalid_phone","field":"phone"}}"#);
        assert_eq!(error.code(), ErrorCode::InvalidPhone);
        assert_eq!(error.field(), Some("phone"));
        let garbage = error_from(StatusCode::BAD_GATEWAY, b"<html>");
        assert_eq!(garbage.code(), ErrorCode::UnexpectedResponse);
    }

    #[test]
    fn sse_frames_parse_and_comments_are_skipped() {
        let frame = "data: {\"type\":\"notice_read_count\",\"notice_id\":3,\"read_count\":2}\n\n";
        assert!(matches!(
            native_events::parse_frame(frame),
            Some(crate::events::Event::NoticeReadCount { read_count: 2, .. })
        ));
        assert_eq!(native_events::parse_frame(": keep-alive\n\n"), None);
    }
}
