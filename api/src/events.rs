//! Live updates pushed through the one SSE stream per session, `GET /api/v1/events`.
//!
//! Browsers' `EventSource` cannot send an `Authorization` header, so a client first asks
//! for a short-lived, single-use ticket and opens the stream with `?ticket=…`.

use serde::{Deserialize, Serialize};

use crate::help::HelpRequest;
use crate::hall::Tally;
use crate::appointments::BookingNews;
use crate::ids::{BookingId, CampaignId, NoticeId, OrderId, ReportId, ServiceId, TopicId, VoteId, WishId};
use crate::notices::NoticeSummary;
use crate::reports::{ReportCategory, ReportNews};
use crate::wishes::WishNews;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventTicket {
    pub ticket: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct EventStreamQuery {
    pub ticket: String,
}

/// One server-sent event; the SSE `data:` line is this as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// A notice was published in the caller's community.
    NoticePublished { notice: NoticeSummary },
    /// Someone read a notice; only staff and property receive this.
    NoticeReadCount { notice_id: NoticeId, read_count: i64 },
    /// A resident asked for help; only the community's staff receive this.
    HelpRaised { request: HelpRequest },
    /// A help request was acknowledged or closed; the staff and the resident receive this.
    HelpUpdated { request: HelpRequest },
    /// A ballot was cast: the vote's live count.
    VoteTally { vote_id: VoteId, tally: Tally },
    /// A topic changed: new support, a comment, a hidden comment, its vote or follow-up.
    /// Open topic pages load it again (what the reader may see depends on who they are).
    TopicChanged { topic_id: TopicId },
    /// Stock, households or phase of a campaign changed: open campaign pages reload it.
    CampaignChanged { campaign_id: CampaignId },
    /// To each buyer at the cut-off: the campaign formed (成团) or was cancelled (or staff
    /// withdrew it). The app raises an OS notification.
    CampaignDecided { campaign_id: CampaignId, title: String, formed: bool },
    /// To the household: the merchant checked its pickup code.
    OrderPickedUp { order_id: OrderId, campaign_id: CampaignId },
    /// A wish changed state: open boards and wish pages reload it (what each may see
    /// depends on who they are). Neighbours hear only of wishes on the board.
    WishChanged { wish_id: WishId },
    /// To the wisher or the volunteer: news of their wish. The app raises an OS notification.
    WishNews { wish_id: WishId, what: String, news: WishNews },
    /// A place in one of the service's slots was taken or given back: slot lists reload.
    SlotsChanged { service_id: ServiceId },
    /// The service's queue moved (a check-in, a call, a number served): tickets, desks and
    /// "now serving" screens reload.
    QueueChanged { service_id: ServiceId },
    /// A booking changed: to the resident and to staff; open booking pages and lists reload.
    BookingChanged { booking_id: BookingId, service_id: ServiceId },
    /// To the resident: news of their booking. The app raises an OS notification.
    BookingNews { booking_id: BookingId, service_name: String, news: BookingNews },
    /// A problem report changed: open case pages and lists reload (what each may see
    /// depends on who they are). Neighbours hear only of public cases.
    ReportChanged { report_id: ReportId },
    /// To the people a case concerns: its news. The app raises an OS notification.
    ReportNews { report_id: ReportId, category: ReportCategory, location: String, news: ReportNews },
    /// This stream missed events (it fell further behind than the server keeps for it, in a
    /// burst): reload what is shown. The stream carries on after it.
    Resync,
}
