//! SQL of communities, households and invites.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use linli_api::community::{Building, CommunityEntry, CommunityInfo, HouseholdEntry, HouseholdLabel};
use linli_api::ids::{BuildingId, CommunityId, HouseholdId, UserId};
use sqlx::AnyConnection;

use crate::db::{placeholders, to_millis};

const HOUSEHOLD_LABEL: &str = "SELECT h.id, b.name, u.name, h.room
     FROM households h JOIN units u ON u.id = h.unit_id JOIN buildings b ON b.id = u.building_id";

type LabelRow = (i64, String, String, String);

fn label((id, building, unit, room): LabelRow) -> HouseholdLabel {
    HouseholdLabel { id: HouseholdId(id), building, unit, room }
}

pub async fn community_info(conn: &mut AnyConnection, id: CommunityId) -> Result<CommunityInfo, sqlx::Error> {
    let (name, service_phone, offset): (String, String, i64) =
        sqlx::query_as("SELECT name, service_phone, utc_offset_minutes FROM communities WHERE id = $1")
            .bind(id.0)
            .fetch_one(conn)
            .await?;
    Ok(CommunityInfo { id, name, service_phone, utc_offset_minutes: offset as i32 })
}

pub async fn household_label(conn: &mut AnyConnection, id: HouseholdId) -> Result<Option<HouseholdLabel>, sqlx::Error> {
    let row: Option<LabelRow> = sqlx::query_as(&format!("{HOUSEHOLD_LABEL} WHERE h.id = $1"))
        .bind(id.0)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(label))
}

/// The labels of these households, by id.
pub async fn household_labels(
    conn: &mut AnyConnection,
    ids: &[HouseholdId],
) -> Result<HashMap<HouseholdId, HouseholdLabel>, sqlx::Error> {
    let ids: BTreeSet<i64> = ids.iter().map(|id| id.0).collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let sql = format!("{HOUSEHOLD_LABEL} WHERE h.id IN ({})", placeholders(1, ids.len()));
    let mut query = sqlx::query_as::<_, LabelRow>(&sql);
    for id in &ids {
        query = query.bind(*id);
    }
    Ok(query.fetch_all(conn).await?.into_iter().map(label).map(|label| (label.id, label)).collect())
}

/// The building a household is in.
pub async fn household_building(conn: &mut AnyConnection, id: HouseholdId) -> Result<Option<BuildingId>, sqlx::Error> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT u.building_id FROM households h JOIN units u ON u.id = h.unit_id WHERE h.id = $1")
            .bind(id.0)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(|(id,)| BuildingId(id)))
}

/// The accounts living in these households (to tell each of them something).
pub async fn people_of(conn: &mut AnyConnection, households: &[HouseholdId]) -> Result<Vec<UserId>, sqlx::Error> {
    let ids: BTreeSet<i64> = households.iter().map(|id| id.0).collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!("SELECT id FROM users WHERE household_id IN ({})", placeholders(1, ids.len()));
    let mut query = sqlx::query_as::<_, (i64,)>(&sql);
    for id in &ids {
        query = query.bind(*id);
    }
    Ok(query.fetch_all(conn).await?.into_iter().map(|(id,)| UserId(id)).collect())
}

pub async fn community_exists(conn: &mut AnyConnection, id: CommunityId) -> Result<bool, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM communities WHERE id = $1").bind(id.0).fetch_optional(conn).await?;
    Ok(row.is_some())
}

pub async fn communities(conn: &mut AnyConnection) -> Result<Vec<CommunityEntry>, sqlx::Error> {
    let rows: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM communities ORDER BY name").fetch_all(conn).await?;
    Ok(rows.into_iter().map(|(id, name)| CommunityEntry { id: CommunityId(id), name }).collect())
}

pub async fn buildings(conn: &mut AnyConnection, community: CommunityId) -> Result<Vec<Building>, sqlx::Error> {
    let rows: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM buildings WHERE community_id = $1 ORDER BY name")
        .bind(community.0)
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(|(id, name)| Building { id: BuildingId(id), name }).collect())
}

/// The buildings by id, only those of `community`.
pub async fn building_names(
    conn: &mut AnyConnection,
    community: CommunityId,
) -> Result<HashMap<BuildingId, String>, sqlx::Error> {
    Ok(buildings(conn, community).await?.into_iter().map(|building| (building.id, building.name)).collect())
}

/// The household, only if it belongs to `community`.
pub async fn household_in(
    conn: &mut AnyConnection,
    community: CommunityId,
    id: HouseholdId,
) -> Result<Option<HouseholdLabel>, sqlx::Error> {
    let row: Option<LabelRow> = sqlx::query_as(&format!("{HOUSEHOLD_LABEL} WHERE h.id = $1 AND h.community_id = $2"))
        .bind(id.0)
        .bind(community.0)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(label))
}

/// The households of one building of the community, in unit and room order, with how many
/// accounts live in each.
pub async fn households(conn: &mut AnyConnection, community: CommunityId, building: BuildingId) -> Result<Vec<HouseholdEntry>, sqlx::Error> {
    let rows: Vec<(i64, String, String, String, i64)> = sqlx::query_as(
        "SELECT h.id, b.name, u.name, h.room,
                (SELECT COUNT(*) FROM users r WHERE r.household_id = h.id)
         FROM buildings b JOIN units u ON u.building_id = b.id JOIN households h ON h.unit_id = u.id
         WHERE b.id = $1 AND b.community_id = $2
         ORDER BY u.name, h.room",
    )
    .bind(building.0)
    .bind(community.0)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, building, unit, room, resident_count)| HouseholdEntry {
            household: label((id, building, unit, room)),
            resident_count,
        })
        .collect())
}

pub struct NewInviteRow<'a> {
    pub community: CommunityId,
    pub household: HouseholdId,
    pub code: &'a str,
    pub created_by: UserId,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub max_uses: i64,
}

pub async fn insert_invite(conn: &mut AnyConnection, invite: &NewInviteRow<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO invites (community_id, household_id, code, created_by, created_at, expires_at, max_uses)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(invite.community.0)
    .bind(invite.household.0)
    .bind(invite.code)
    .bind(invite.created_by.0)
    .bind(to_millis(invite.created_at))
    .bind(to_millis(invite.expires_at))
    .bind(invite.max_uses)
    .execute(conn)
    .await?;
    Ok(())
}

/// The valid, unused printed codes of these households, newest first: printing again
/// hands out the same code rather than a second one.
pub async fn printed_codes(
    conn: &mut AnyConnection,
    households: &[HouseholdId],
    now: DateTime<Utc>,
) -> Result<HashMap<HouseholdId, (String, DateTime<Utc>)>, sqlx::Error> {
    let ids: Vec<i64> = households.iter().map(|id| id.0).collect();
    let rows: Vec<(i64, String, i64)> = crate::db::select_in(
        conn,
        "SELECT household_id, code, expires_at FROM invites
         WHERE household_id IN ({ids}) AND printed = 1 AND uses = 0 AND expires_at > {next}
         ORDER BY created_at",
        &ids,
        &[to_millis(now)],
    )
    .await?;
    // Ordered oldest first, so the newest code of a household is the one that stays.
    Ok(rows.into_iter().map(|(household, code, expires)| (HouseholdId(household), (code, crate::db::from_millis(expires)))).collect())
}

/// Inserts printed invites (household, code) in multi-row statements.
pub async fn insert_printed_invites(
    conn: &mut AnyConnection,
    community: CommunityId,
    created_by: UserId,
    invites: &[(HouseholdId, String)],
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    max_uses: i64,
) -> Result<(), sqlx::Error> {
    for chunk in invites.chunks(1000) {
        let sql = format!(
            "INSERT INTO invites (community_id, household_id, code, created_by, created_at, expires_at, max_uses, printed) VALUES {}",
            crate::db::value_rows(chunk.len(), 8)
        );
        let mut query = sqlx::query(&sql);
        for (household, code) in chunk {
            query = query
                .bind(community.0)
                .bind(household.0)
                .bind(code.as_str())
                .bind(created_by.0)
                .bind(to_millis(now))
                .bind(to_millis(expires_at))
                .bind(max_uses)
                .bind(1_i64);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Takes one use of a valid invite in a single conditional update, so two people racing
/// for the last use cannot both get it. Returns where the code leads.
pub async fn consume_invite(
    conn: &mut AnyConnection,
    code: &str,
    now: DateTime<Utc>,
) -> Result<Option<(CommunityId, HouseholdId)>, sqlx::Error> {
    let code = super::rules::normalize_invite_code(code);
    let row: Option<(i64, i64)> = sqlx::query_as(
        "UPDATE invites SET uses = uses + 1
         WHERE code = $1 AND uses < max_uses AND expires_at > $2
         RETURNING community_id, household_id",
    )
    .bind(code)
    .bind(to_millis(now))
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(community, household)| (CommunityId(community), HouseholdId(household))))
}

// --- creating the structure (seeding, admin tools) ------------------------------------

pub async fn insert_community(
    conn: &mut AnyConnection,
    name: &str,
    service_phone: &str,
    utc_offset_minutes: i32,
    now: DateTime<Utc>,
) -> Result<CommunityId, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO communities (name, service_phone, utc_offset_minutes, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(name)
    .bind(service_phone)
    .bind(i64::from(utc_offset_minutes))
    .bind(to_millis(now))
    .fetch_one(conn)
    .await?;
    Ok(CommunityId(id))
}

/// Whether a community of this name exists (names are how staff and shops tell them apart).
pub async fn community_named(conn: &mut AnyConnection, name: &str) -> Result<bool, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM communities WHERE name = $1").bind(name).fetch_optional(conn).await?;
    Ok(row.is_some())
}

pub async fn insert_building(conn: &mut AnyConnection, community: CommunityId, name: &str) -> Result<BuildingId, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as("INSERT INTO buildings (community_id, name) VALUES ($1, $2) RETURNING id")
        .bind(community.0)
        .bind(name)
        .fetch_one(conn)
        .await?;
    Ok(BuildingId(id))
}

/// Adds a unit to a building and the given rooms to the unit; returns the households.
pub async fn insert_unit_with_rooms(
    conn: &mut AnyConnection,
    community: CommunityId,
    building: BuildingId,
    unit: &str,
    rooms: &[(&str, i64)],
) -> Result<Vec<HouseholdId>, sqlx::Error> {
    let (unit_id,): (i64,) = sqlx::query_as("INSERT INTO units (building_id, name) VALUES ($1, $2) RETURNING id")
        .bind(building.0)
        .bind(unit)
        .fetch_one(&mut *conn)
        .await?;
    let (building_name,): (String,) =
        sqlx::query_as("SELECT name FROM buildings WHERE id = $1").bind(building.0).fetch_one(&mut *conn).await?;
    let mut households = Vec::with_capacity(rooms.len());
    for (room, floor_area_centi_m2) in rooms {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO households (community_id, unit_id, room, floor_area_centi_m2, sort_key) VALUES ($1, $2, $3, $4, $5)
             RETURNING id",
        )
        .bind(community.0)
        .bind(unit_id)
        .bind(*room)
        .bind(*floor_area_centi_m2)
        .bind(super::register::plan::sort_key(&building_name, unit, room))
        .fetch_one(&mut *conn)
        .await?;
        households.push(HouseholdId(id));
    }
    Ok(households)
}

pub async fn community_count(conn: &mut AnyConnection) -> Result<i64, sqlx::Error> {
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM communities").fetch_one(conn).await?;
    Ok(count)
}

/// A resident with what staff need to reach them (masked before it leaves the server).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResidentContact {
    pub id: UserId,
    pub name: String,
    pub phone: String,
    pub building: String,
    pub unit: String,
    pub room: String,
}

/// The residents of one building of the community, in unit and room order (a building's
/// few hundred people, never the whole community).
pub async fn residents_of_building(
    conn: &mut AnyConnection,
    community: CommunityId,
    building: BuildingId,
) -> Result<Option<(String, Vec<ResidentContact>)>, sqlx::Error> {
    let name: Option<(String,)> = sqlx::query_as("SELECT name FROM buildings WHERE id = $1 AND community_id = $2")
        .bind(building.0)
        .bind(community.0)
        .fetch_optional(&mut *conn)
        .await?;
    let Some((building_name,)) = name else { return Ok(None) };
    let rows: Vec<(i64, String, String, String, String)> = sqlx::query_as(
        "SELECT p.id, p.name, p.phone, u.name, h.room
         FROM units u JOIN households h ON h.unit_id = u.id JOIN users p ON p.household_id = h.id
         WHERE u.building_id = $1 AND p.role = 'resident'
         ORDER BY u.name, h.room, p.id",
    )
    .bind(building.0)
    .fetch_all(conn)
    .await?;
    let residents = rows
        .into_iter()
        .map(|(id, name, phone, unit, room)| ResidentContact {
            id: UserId(id),
            name,
            phone,
            building: building_name.clone(),
            unit,
            room,
        })
        .collect();
    Ok(Some((building_name, residents)))
}

/// Each building of the community with how many residents live in it, in building order.
pub async fn residents_per_building(conn: &mut AnyConnection, community: CommunityId) -> Result<Vec<(Building, i64)>, sqlx::Error> {
    let rows: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT b.id, b.name, COUNT(p.id)
         FROM buildings b LEFT JOIN units u ON u.building_id = b.id LEFT JOIN households h ON h.unit_id = u.id
              LEFT JOIN users p ON p.household_id = h.id AND p.role = 'resident'
         WHERE b.community_id = $1
         GROUP BY b.id, b.name ORDER BY b.name",
    )
    .bind(community.0)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(id, name, residents)| (Building { id: BuildingId(id), name }, residents)).collect())
}

/// How a person appears in public: name, role and building (if they have a household).
pub struct PublicFace {
    pub name: String,
    pub role: String,
    pub building: Option<String>,
}

/// The public faces of `people` who belong to `community`, in one query.
pub async fn public_faces(
    conn: &mut AnyConnection,
    community: CommunityId,
    people: impl IntoIterator<Item = UserId>,
) -> Result<HashMap<UserId, PublicFace>, sqlx::Error> {
    let people: BTreeSet<UserId> = people.into_iter().collect();
    if people.is_empty() {
        return Ok(HashMap::new());
    }
    let sql = format!(
        "SELECT p.id, p.name, p.role, b.name
         FROM users p LEFT JOIN households h ON h.id = p.household_id
              LEFT JOIN units u ON u.id = h.unit_id LEFT JOIN buildings b ON b.id = u.building_id
         WHERE p.community_id = $1 AND p.id IN ({})",
        placeholders(2, people.len())
    );
    let mut query = sqlx::query_as::<_, (i64, String, String, Option<String>)>(&sql).bind(community.0);
    for person in &people {
        query = query.bind(person.0);
    }
    let rows = query.fetch_all(conn).await?;
    Ok(rows.into_iter().map(|(id, name, role, building)| (UserId(id), PublicFace { name, role, building })).collect())
}

/// Every unit's exclusive floor area (hundredths of m²): the owners' electorate, each unit
/// counted as one owner.
pub async fn unit_areas(conn: &mut AnyConnection, community: CommunityId) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    sqlx::query_as("SELECT id, floor_area_centi_m2 FROM households WHERE community_id = $1")
        .bind(community.0)
        .fetch_all(conn)
        .await
}

/// Takes the register as it stands (every household and its area) and returns its id.
pub async fn snapshot_register(conn: &mut AnyConnection, community: CommunityId, now: DateTime<Utc>) -> Result<i64, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO register_snapshots (community_id, taken_at, households, area)
         SELECT $1, $2, COUNT(*), CAST(COALESCE(SUM(floor_area_centi_m2), 0) AS BIGINT) FROM households WHERE community_id = $1
         RETURNING id",
    )
    .bind(community.0)
    .bind(to_millis(now))
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO register_snapshot_units (snapshot_id, household_id, area)
         SELECT $1, id, floor_area_centi_m2 FROM households WHERE community_id = $2",
    )
    .bind(id)
    .bind(community.0)
    .execute(conn)
    .await?;
    Ok(id)
}

/// How many households a snapshot holds and their total area.
pub async fn snapshot_totals(conn: &mut AnyConnection, snapshot: i64) -> Result<(i64, i64), sqlx::Error> {
    sqlx::query_as("SELECT households, area FROM register_snapshots WHERE id = $1").bind(snapshot).fetch_one(conn).await
}

/// A household's area in a snapshot; None when it was not on the register then.
pub async fn snapshot_area(conn: &mut AnyConnection, snapshot: i64, household: HouseholdId) -> Result<Option<i64>, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT area FROM register_snapshot_units WHERE snapshot_id = $1 AND household_id = $2")
        .bind(snapshot)
        .bind(household.0)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(|(area,)| area))
}

/// Every household of a snapshot with its area.
pub async fn snapshot_units(conn: &mut AnyConnection, snapshot: i64) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    sqlx::query_as("SELECT household_id, area FROM register_snapshot_units WHERE snapshot_id = $1").bind(snapshot).fetch_all(conn).await
}

/// How many units the community has and their total floor area (hundredths of m²).
pub async fn unit_totals(conn: &mut AnyConnection, community: CommunityId) -> Result<(i64, i64), sqlx::Error> {
    sqlx::query_as("SELECT COUNT(*), CAST(COALESCE(SUM(floor_area_centi_m2), 0) AS BIGINT) FROM households WHERE community_id = $1")
        .bind(community.0)
        .fetch_one(conn)
        .await
}

pub async fn household_area(conn: &mut AnyConnection, household: HouseholdId) -> Result<i64, sqlx::Error> {
    let (area,): (i64,) = sqlx::query_as("SELECT floor_area_centi_m2 FROM households WHERE id = $1")
        .bind(household.0)
        .fetch_one(conn)
        .await?;
    Ok(area)
}

/// How many residents, and how many households with a resident, the community has.
pub async fn resident_and_household_counts(conn: &mut AnyConnection, community: CommunityId) -> Result<(i64, i64), sqlx::Error> {
    sqlx::query_as(
        "SELECT COUNT(*), COUNT(DISTINCT household_id) FROM users
         WHERE community_id = $1 AND role = 'resident' AND household_id IS NOT NULL",
    )
    .bind(community.0)
    .fetch_one(conn)
    .await
}

/// Records that a staff member looked at residents' personal data (PIPL: processing is logged).
pub async fn audit(
    conn: &mut AnyConnection,
    community: CommunityId,
    actor: UserId,
    action: &str,
    subject: &str,
    at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    audit_detail(conn, community, Some(actor), action, subject, "", at).await
}

/// Records what someone did or looked at, with a line of detail (old and new values); no
/// actor means the server's operator, on the command line.
pub async fn audit_detail(
    conn: &mut AnyConnection,
    community: CommunityId,
    actor: Option<UserId>,
    action: &str,
    subject: &str,
    detail: &str,
    at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO audit_log (community_id, actor_id, action, subject, detail, at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(community.0)
        .bind(actor.map(|actor| actor.0))
        .bind(action)
        .bind(subject)
        .bind(detail)
        .bind(to_millis(at))
        .execute(conn)
        .await?;
    Ok(())
}

/// Per community: households on record, households with a registered resident, residents.
pub async fn register_counts(conn: &mut AnyConnection, communities: &[CommunityId]) -> Result<HashMap<CommunityId, (i64, i64, i64)>, sqlx::Error> {
    let ids: Vec<i64> = communities.iter().map(|id| id.0).collect();
    let on_record: Vec<(i64, i64)> =
        crate::db::select_in(&mut *conn, "SELECT community_id, COUNT(*) FROM households WHERE community_id IN ({ids}) GROUP BY community_id", &ids, &[])
            .await?;
    let registered: Vec<(i64, i64, i64)> = crate::db::select_in(
        conn,
        "SELECT community_id, COUNT(DISTINCT household_id), COUNT(*) FROM users
         WHERE community_id IN ({ids}) AND role = 'resident' AND household_id IS NOT NULL GROUP BY community_id",
        &ids,
        &[],
    )
    .await?;
    let mut counts: HashMap<CommunityId, (i64, i64, i64)> = HashMap::new();
    for (community, households) in on_record {
        counts.entry(CommunityId(community)).or_default().0 = households;
    }
    for (community, households, residents) in registered {
        let entry = counts.entry(CommunityId(community)).or_default();
        (entry.1, entry.2) = (households, residents);
    }
    Ok(counts)
}

/// Communities by id after `after`, at most `limit`.
pub async fn communities_after(conn: &mut AnyConnection, after: i64, limit: i64) -> Result<Vec<CommunityInfo>, sqlx::Error> {
    let rows: Vec<(i64, String, String, i64)> =
        sqlx::query_as("SELECT id, name, service_phone, utc_offset_minutes FROM communities WHERE id > $1 ORDER BY id LIMIT $2")
            .bind(after)
            .bind(limit)
            .fetch_all(conn)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, service_phone, offset)| CommunityInfo { id: CommunityId(id), name, service_phone, utc_offset_minutes: offset as i32 })
        .collect())
}
