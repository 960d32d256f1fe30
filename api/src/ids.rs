//! Typed identifiers, so a notice id can never be passed where a user id belongs.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

id_type!(
    /// A community (社区).
    CommunityId,
    /// A building (楼栋) of a community.
    BuildingId,
    /// A household (户), the unit residents register into.
    HouseholdId,
    /// Any account: resident, staff, property, merchant or admin.
    UserId,
    /// A published notice.
    NoticeId,
    /// A family link (亲情账号) between a resident and a family member.
    FamilyLinkId,
    /// A one-tap help request (一键求助).
    HelpRequestId,
    /// A vote of the discussion hall.
    VoteId,
    /// A topic of the discussion hall: a discussion or a resident's proposal.
    TopicId,
    /// A comment (or reply) in a topic's discussion.
    CommentId,
    /// An uploaded image, re-encoded and stripped of its metadata.
    UploadId,
    /// A group-buy campaign (团购) of a merchant.
    CampaignId,
    /// A product of a campaign.
    ProductId,
    /// A delivery round of a campaign to one building.
    DeliveryBatchId,
    /// A household's order in a campaign.
    OrderId,
    /// A micro-wish (微心愿) of a resident.
    WishId,
    /// A service residents book (预约办事): a certificate, a check, a venue.
    ServiceId,
    /// A resident's booking of a service's slot: one case with its handling record.
    BookingId,
    /// A queue number (叫号) at a service's desk.
    TicketId,
    /// A problem report (报事报修): one case from report to rating.
    ReportId,
);
