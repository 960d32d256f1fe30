//! Finding the data set's well-known accounts and biggest items again, in a database
//! seeded now or earlier: by the accounts' phones and by the counts kept on the rows.

use chrono::{DateTime, Utc};
use linli_api::ids::{
    BookingId, BuildingId, CampaignId, CommentId, CommunityId, HouseholdId, NoticeId, OrderId, ReportId, ServiceId, TopicId, UploadId, UserId, VoteId,
    WishId,
};
use sqlx::AnyConnection;

use super::{ADMIN_PHONE, COMMUNITY_NAME, FAMILY_PHONE, PROPERTY_PHONE, RESIDENT_PHONE, STAFF_PHONE};
use crate::db::from_millis;

#[derive(Debug, Clone)]
pub struct Landmarks {
    pub community: CommunityId,
    /// When the data set was made: its times are relative to this.
    pub seeded_at: DateTime<Utc>,
    pub households: i64,
    pub resident: UserId,
    pub resident_household: HouseholdId,
    pub staff: UserId,
    pub property: UserId,
    /// The shop of the biggest campaign.
    pub merchant: UserId,
    pub admin: UserId,
    pub family: UserId,
    /// The urgent notice every resident has read, and one nobody has.
    pub read_by_all: NoticeId,
    pub read_by_none: NoticeId,
    /// The building with the most residents.
    pub biggest_building: BuildingId,
    /// The owners' vote with a ballot from every owner, and the resident's receipt on it.
    pub owners_vote: VoteId,
    pub receipt: String,
    /// The topic with the most comments, and its comment with the most replies.
    pub thread: TopicId,
    pub most_replied: CommentId,
    pub biggest_campaign: CampaignId,
    /// Its picking group with the most households: the building, and the round (none: the
    /// pickup point).
    pub picking_group: (i64, Option<i64>),
    /// The resident's household's order with the most lines.
    pub order: OrderId,
    /// The resident's wish with the longest history.
    pub wish: WishId,
    /// The service with the most bookings.
    pub busiest_service: ServiceId,
    /// The resident's latest booking.
    pub booking: BookingId,
    /// The case with the most "me too" (and the longest record).
    pub report: ReportId,
    /// The largest and the smallest image anyone in the community may see.
    pub big_photo: UploadId,
    pub small_photo: UploadId,
}

async fn one(conn: &mut AnyConnection, sql: &str, binds: &[i64]) -> Result<i64, sqlx::Error> {
    let mut query = sqlx::query_as::<_, (i64,)>(sql);
    for value in binds {
        query = query.bind(*value);
    }
    Ok(query.fetch_one(conn).await?.0)
}

async fn user(conn: &mut AnyConnection, phone: &str) -> Result<UserId, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM users WHERE phone = $1").bind(phone).fetch_one(conn).await?;
    Ok(UserId(id))
}

/// The landmarks of the data set in this database; `RowNotFound` when it holds none.
pub async fn find(conn: &mut AnyConnection) -> Result<Landmarks, sqlx::Error> {
    let (community, created): (i64, i64) =
        sqlx::query_as("SELECT id, created_at FROM communities WHERE name = $1").bind(COMMUNITY_NAME).fetch_one(&mut *conn).await?;
    let c = &[community];
    let resident = user(conn, RESIDENT_PHONE).await?;
    let household = one(conn, "SELECT household_id FROM users WHERE id = $1", &[resident.0]).await?;
    let owners_vote = one(conn, "SELECT id FROM votes WHERE community_id = $1 AND eligibility = 'owners' ORDER BY id DESC LIMIT 1", c).await?;
    let (receipt,): (String,) = sqlx::query_as(
        "SELECT c.receipt FROM vote_participation p JOIN ballot_chain c ON c.vote_id = p.vote_id AND c.sequence = p.counted_sequence
         WHERE p.vote_id = $1 AND p.resident_id = $2",
    )
    .bind(owners_vote)
    .bind(resident.0)
    .fetch_one(&mut *conn)
    .await?;
    let thread = one(conn, "SELECT id FROM topics WHERE community_id = $1 ORDER BY comment_count DESC, id LIMIT 1", c).await?;
    let biggest_campaign = one(
        conn,
        "SELECT c.id FROM campaigns c WHERE c.community_id = $1 ORDER BY (SELECT COUNT(*) FROM orders o WHERE o.campaign_id = c.id) DESC, c.id LIMIT 1",
        c,
    )
    .await?;
    let picking_group: (i64, Option<i64>) = sqlx::query_as(
        "SELECT building_id, batch_id FROM orders WHERE campaign_id = $1 AND cancelled_at IS NULL
         GROUP BY building_id, batch_id ORDER BY COUNT(*) DESC, building_id LIMIT 1",
    )
    .bind(biggest_campaign)
    .fetch_one(&mut *conn)
    .await?;
    Ok(Landmarks {
        community: CommunityId(community),
        seeded_at: from_millis(created),
        households: one(conn, "SELECT COUNT(*) FROM households WHERE community_id = $1", c).await?,
        resident,
        resident_household: HouseholdId(household),
        staff: user(conn, STAFF_PHONE).await?,
        property: user(conn, PROPERTY_PHONE).await?,
        merchant: UserId(one(conn, "SELECT merchant_id FROM campaigns WHERE id = $1", &[biggest_campaign]).await?),
        admin: user(conn, ADMIN_PHONE).await?,
        family: user(conn, FAMILY_PHONE).await?,
        read_by_all: NoticeId(one(conn, "SELECT id FROM notices WHERE community_id = $1 ORDER BY resident_reads DESC, id LIMIT 1", c).await?),
        read_by_none: NoticeId(one(conn, "SELECT id FROM notices WHERE community_id = $1 ORDER BY resident_reads, published_at, id LIMIT 1", c).await?),
        biggest_building: BuildingId(
            one(
                conn,
                "SELECT u.building_id FROM users p JOIN households h ON h.id = p.household_id JOIN units u ON u.id = h.unit_id
                 WHERE p.community_id = $1 AND p.role = 'resident' GROUP BY u.building_id ORDER BY COUNT(*) DESC, u.building_id LIMIT 1",
                c,
            )
            .await?,
        ),
        owners_vote: VoteId(owners_vote),
        receipt,
        thread: TopicId(thread),
        most_replied: CommentId(one(conn, "SELECT id FROM topic_comments WHERE topic_id = $1 ORDER BY reply_count DESC, id LIMIT 1", &[thread]).await?),
        biggest_campaign: CampaignId(biggest_campaign),
        picking_group,
        order: OrderId(
            one(
                conn,
                "SELECT o.id FROM orders o WHERE o.household_id = $1
                 ORDER BY (SELECT COUNT(*) FROM order_lines l WHERE l.order_id = o.id) DESC, o.id DESC LIMIT 1",
                &[household],
            )
            .await?,
        ),
        wish: WishId(
            one(
                conn,
                "SELECT w.id FROM wishes w WHERE w.wisher_id = $1 ORDER BY (SELECT COUNT(*) FROM wish_events e WHERE e.wish_id = w.id) DESC, w.id DESC LIMIT 1",
                &[resident.0],
            )
            .await?,
        ),
        busiest_service: ServiceId(
            one(
                conn,
                "SELECT s.id FROM services s WHERE s.community_id = $1 ORDER BY (SELECT COUNT(*) FROM bookings b WHERE b.service_id = s.id) DESC, s.id LIMIT 1",
                c,
            )
            .await?,
        ),
        booking: BookingId(one(conn, "SELECT id FROM bookings WHERE resident_id = $1 ORDER BY starts_at DESC, id DESC LIMIT 1", &[resident.0]).await?),
        report: ReportId(one(conn, "SELECT id FROM reports WHERE community_id = $1 ORDER BY me_too DESC, id LIMIT 1", c).await?),
        big_photo: UploadId(one(conn, "SELECT id FROM uploads WHERE community_id = $1 AND private = 0 ORDER BY width DESC, id LIMIT 1", c).await?),
        small_photo: UploadId(one(conn, "SELECT id FROM uploads WHERE community_id = $1 AND private = 0 ORDER BY width, id LIMIT 1", c).await?),
    })
}
