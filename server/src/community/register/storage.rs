//! SQL of the household register: reading it whole for an import or an export, a page of
//! it, one household, and writing an import in batches (a statement per thousand rows, not
//! per row, so 10,000 households import in a few statements).

use std::collections::HashMap;

use linli_api::community::HouseholdLabel;
use linli_api::ids::{BuildingId, CommunityId, HouseholdId, UserId};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::plan::{sort_key, place_key, ImportPlan, RecordedHousehold};
use crate::community::ledger::LedgerOwner;
use crate::db::{placeholders, value_rows};

/// Rows per multi-row statement: far below either backend's limit on bound values.
const BATCH_ROWS: usize = 1000;

const REGISTER_ROW: &str = "SELECT h.id, b.name, u.name, h.room, h.floor_area_centi_m2, h.sort_key
     FROM households h JOIN units u ON u.id = h.unit_id JOIN buildings b ON b.id = u.building_id";

/// A household with where it is, its area and its place in the register's order.
#[derive(Debug, Clone)]
pub struct RegisterRow {
    pub label: HouseholdLabel,
    pub area_centi_m2: i64,
    pub sort_key: String,
}

fn register_row(row: (i64, String, String, String, i64, String)) -> RegisterRow {
    let (id, building, unit, room, area_centi_m2, sort_key) = row;
    RegisterRow { label: HouseholdLabel { id: HouseholdId(id), building, unit, room }, area_centi_m2, sort_key }
}

/// Every household of the community with its owners, in the register's order.
pub async fn whole_register(conn: &mut AnyConnection, community: CommunityId) -> Result<Vec<(RegisterRow, Vec<LedgerOwner>)>, sqlx::Error> {
    let rows: Vec<(i64, String, String, String, i64, String)> =
        sqlx::query_as(&format!("{REGISTER_ROW} WHERE h.community_id = $1 ORDER BY h.sort_key, h.id"))
            .bind(community.0)
            .fetch_all(&mut *conn)
            .await?;
    let owners: Vec<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT o.household_id, o.name, o.phone FROM household_owners o JOIN households h ON h.id = o.household_id
         WHERE h.community_id = $1 ORDER BY o.household_id, o.position",
    )
    .bind(community.0)
    .fetch_all(&mut *conn)
    .await?;
    let mut owners_by_household: HashMap<i64, Vec<LedgerOwner>> = HashMap::new();
    for (household, name, phone) in owners {
        owners_by_household.entry(household).or_default().push(LedgerOwner { name, phone });
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let owners = owners_by_household.remove(&row.0).unwrap_or_default();
            (register_row(row), owners)
        })
        .collect())
}

/// The register as the import compares it: households, building names, unit names.
pub async fn recorded(
    conn: &mut AnyConnection,
    community: CommunityId,
) -> Result<(Vec<RecordedHousehold>, Vec<String>, Vec<(String, String)>), sqlx::Error> {
    let households = whole_register(&mut *conn, community)
        .await?
        .into_iter()
        .map(|(row, owners)| RecordedHousehold {
            id: row.label.id,
            building: row.label.building,
            unit: row.label.unit,
            room: row.label.room,
            area_centi_m2: row.area_centi_m2,
            owners,
        })
        .collect();
    let buildings: Vec<(String,)> =
        sqlx::query_as("SELECT name FROM buildings WHERE community_id = $1").bind(community.0).fetch_all(&mut *conn).await?;
    let units: Vec<(String, String)> = sqlx::query_as(
        "SELECT b.name, u.name FROM units u JOIN buildings b ON b.id = u.building_id WHERE b.community_id = $1",
    )
    .bind(community.0)
    .fetch_all(&mut *conn)
    .await?;
    Ok((households, buildings.into_iter().map(|(name,)| name).collect(), units))
}

/// Writes an import's plan, inside the caller's transaction.
pub async fn apply(conn: &mut AnyConnection, community: CommunityId, plan: &ImportPlan<'_>) -> Result<(), sqlx::Error> {
    for chunk in plan.new_buildings.chunks(BATCH_ROWS) {
        let sql = format!("INSERT INTO buildings (community_id, name) VALUES {}", value_rows(chunk.len(), 2));
        let mut query = sqlx::query(&sql);
        for name in chunk {
            query = query.bind(community.0).bind(name.trim());
        }
        query.execute(&mut *conn).await?;
    }
    let buildings: HashMap<String, i64> = sqlx::query_as::<_, (i64, String)>("SELECT id, name FROM buildings WHERE community_id = $1")
        .bind(community.0)
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|(id, name)| (place_key(&name), id))
        .collect();
    for chunk in plan.new_units.chunks(BATCH_ROWS) {
        let sql = format!("INSERT INTO units (building_id, name) VALUES {}", value_rows(chunk.len(), 2));
        let mut query = sqlx::query(&sql);
        for (building, unit) in chunk {
            query = query.bind(buildings[&place_key(building)]).bind(unit.trim());
        }
        query.execute(&mut *conn).await?;
    }
    let units: HashMap<(i64, String), i64> = sqlx::query_as::<_, (i64, i64, String)>(
        "SELECT u.id, u.building_id, u.name FROM units u JOIN buildings b ON b.id = u.building_id WHERE b.community_id = $1",
    )
    .bind(community.0)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|(id, building, name)| ((building, place_key(&name)), id))
    .collect();
    let mut owners_to_write: Vec<(i64, &[LedgerOwner])> = Vec::new();
    for chunk in plan.new_households.chunks(BATCH_ROWS) {
        let sql = format!(
            "INSERT INTO households (community_id, unit_id, room, floor_area_centi_m2, sort_key) VALUES {} RETURNING id, unit_id, room",
            value_rows(chunk.len(), 5)
        );
        let mut query = sqlx::query(&sql);
        let mut by_place: HashMap<(i64, String), &[LedgerOwner]> = HashMap::new();
        for row in chunk {
            let unit = units[&(buildings[&place_key(&row.building)], place_key(&row.unit))];
            by_place.insert((unit, place_key(&row.room)), &row.owners);
            query = query
                .bind(community.0)
                .bind(unit)
                .bind(row.room.trim())
                .bind(row.area_centi_m2)
                .bind(sort_key(&row.building, &row.unit, &row.room));
        }
        for created in query.fetch_all(&mut *conn).await? {
            let (id, unit, room) = id_unit_room(&created)?;
            if let Some(owners) = by_place.get(&(unit, place_key(&room))).filter(|owners| !owners.is_empty()) {
                owners_to_write.push((id, owners));
            }
        }
    }
    let areas: Vec<(i64, i64)> =
        plan.corrections.iter().filter_map(|correction| Some((correction.household.0, correction.area?.1))).collect();
    for chunk in areas.chunks(BATCH_ROWS) {
        // One statement per chunk: CASE picks each household's new area.
        let cases: String = (0..chunk.len()).map(|i| format!(" WHEN ${} THEN ${}", 2 * i + 1, 2 * i + 2)).collect();
        let sql = format!(
            "UPDATE households SET floor_area_centi_m2 = CASE id{cases} END WHERE id IN ({})",
            placeholders(2 * chunk.len() + 1, chunk.len())
        );
        let mut query = sqlx::query(&sql);
        for (household, area) in chunk {
            query = query.bind(*household).bind(*area);
        }
        for (household, _) in chunk {
            query = query.bind(*household);
        }
        query.execute(&mut *conn).await?;
    }
    let replaced: Vec<(i64, &[LedgerOwner])> = plan
        .corrections
        .iter()
        .filter_map(|correction| Some((correction.household.0, correction.owners.as_deref()?)))
        .collect();
    for chunk in replaced.chunks(BATCH_ROWS) {
        let ids: Vec<i64> = chunk.iter().map(|(id, _)| *id).collect();
        delete_owners(&mut *conn, &ids).await?;
    }
    owners_to_write.extend(replaced);
    insert_owners(conn, &owners_to_write).await
}

fn id_unit_room(row: &AnyRow) -> Result<(i64, i64, String), sqlx::Error> {
    Ok((row.try_get(0)?, row.try_get(1)?, row.try_get(2)?))
}

async fn delete_owners(conn: &mut AnyConnection, households: &[i64]) -> Result<(), sqlx::Error> {
    if households.is_empty() {
        return Ok(());
    }
    let sql = format!("DELETE FROM household_owners WHERE household_id IN ({})", placeholders(1, households.len()));
    let mut query = sqlx::query(&sql);
    for id in households {
        query = query.bind(*id);
    }
    query.execute(conn).await?;
    Ok(())
}

/// Inserts owners in the given order, numbered from 0 per household.
async fn insert_owners(conn: &mut AnyConnection, owners: &[(i64, &[LedgerOwner])]) -> Result<(), sqlx::Error> {
    let flat: Vec<(i64, i64, &LedgerOwner)> = owners
        .iter()
        .flat_map(|(household, owners)| owners.iter().enumerate().map(move |(position, owner)| (*household, position as i64, owner)))
        .collect();
    for chunk in flat.chunks(BATCH_ROWS) {
        let sql = format!("INSERT INTO household_owners (household_id, position, name, phone) VALUES {}", value_rows(chunk.len(), 4));
        let mut query = sqlx::query(&sql);
        for (household, position, owner) in chunk {
            query = query.bind(*household).bind(*position).bind(owner.name.as_str()).bind(owner.phone.as_deref());
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Replaces one household's owners.
pub async fn replace_owners(conn: &mut AnyConnection, household: HouseholdId, owners: &[LedgerOwner]) -> Result<(), sqlx::Error> {
    delete_owners(&mut *conn, &[household.0]).await?;
    insert_owners(conn, &[(household.0, owners)]).await
}

/// Where the next page starts: after this household in the register's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub sort_key: String,
    pub id: HouseholdId,
}

impl Cursor {
    pub fn encode(&self) -> String {
        format!("{}:{}", self.id, self.sort_key)
    }

    pub fn decode(raw: &str) -> Option<Self> {
        let (id, sort_key) = raw.split_once(':')?;
        Some(Self { id: HouseholdId(id.parse().ok()?), sort_key: sort_key.to_owned() })
    }
}

/// Up to `limit` households after `after`, read off the register's index.
pub async fn page(
    conn: &mut AnyConnection,
    community: CommunityId,
    after: Option<&Cursor>,
    limit: i64,
) -> Result<Vec<RegisterRow>, sqlx::Error> {
    let rows: Vec<(i64, String, String, String, i64, String)> = match after {
        None => {
            sqlx::query_as(&format!("{REGISTER_ROW} WHERE h.community_id = $1 ORDER BY h.sort_key, h.id LIMIT $2"))
                .bind(community.0)
                .bind(limit)
                .fetch_all(conn)
                .await?
        }
        Some(cursor) => {
            sqlx::query_as(&format!(
                "{REGISTER_ROW} WHERE h.community_id = $1 AND (h.sort_key, h.id) > ($2, $3)
                 ORDER BY h.sort_key, h.id LIMIT $4"
            ))
            .bind(community.0)
            .bind(&cursor.sort_key)
            .bind(cursor.id.0)
            .bind(limit)
            .fetch_all(conn)
            .await?
        }
    };
    Ok(rows.into_iter().map(register_row).collect())
}

/// Up to `limit` households where nobody has registered yet, of one building or all, after
/// `after` in the register's order: those that still need an invite code on paper.
pub async fn awaiting_residents(
    conn: &mut AnyConnection,
    community: CommunityId,
    building: Option<BuildingId>,
    after: Option<&Cursor>,
    limit: i64,
) -> Result<Vec<RegisterRow>, sqlx::Error> {
    let (sort_key, id) = after.map_or((String::new(), 0), |cursor| (cursor.sort_key.clone(), cursor.id.0));
    let rows: Vec<(i64, String, String, String, i64, String)> = sqlx::query_as(&format!(
        "{REGISTER_ROW} WHERE h.community_id = $1 AND (h.sort_key, h.id) > ($2, $3)
           AND ($4 = 0 OR u.building_id = $4)
           AND NOT EXISTS (SELECT 1 FROM users r WHERE r.household_id = h.id)
         ORDER BY h.sort_key, h.id LIMIT $5"
    ))
    .bind(community.0)
    .bind(sort_key)
    .bind(id)
    .bind(building.map_or(0, |building| building.0))
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(register_row).collect())
}

/// The owners of these households, in order, in one query.
pub async fn owners_of(conn: &mut AnyConnection, households: &[HouseholdId]) -> Result<HashMap<HouseholdId, Vec<LedgerOwner>>, sqlx::Error> {
    if households.is_empty() {
        return Ok(HashMap::new());
    }
    let sql = format!(
        "SELECT household_id, name, phone FROM household_owners WHERE household_id IN ({}) ORDER BY household_id, position",
        placeholders(1, households.len())
    );
    let mut query = sqlx::query_as::<_, (i64, String, Option<String>)>(&sql);
    for id in households {
        query = query.bind(id.0);
    }
    let mut owners: HashMap<HouseholdId, Vec<LedgerOwner>> = HashMap::new();
    for (household, name, phone) in query.fetch_all(conn).await? {
        owners.entry(HouseholdId(household)).or_default().push(LedgerOwner { name, phone });
    }
    Ok(owners)
}

/// How many accounts live in each of these households, in one query.
pub async fn resident_counts(conn: &mut AnyConnection, households: &[HouseholdId]) -> Result<HashMap<HouseholdId, i64>, sqlx::Error> {
    if households.is_empty() {
        return Ok(HashMap::new());
    }
    let sql = format!(
        "SELECT household_id, COUNT(*) FROM users WHERE household_id IN ({}) GROUP BY household_id",
        placeholders(1, households.len())
    );
    let mut query = sqlx::query_as::<_, (i64, i64)>(&sql);
    for id in households {
        query = query.bind(id.0);
    }
    Ok(query.fetch_all(conn).await?.into_iter().map(|(id, count)| (HouseholdId(id), count)).collect())
}

pub async fn household_count(conn: &mut AnyConnection, community: CommunityId) -> Result<i64, sqlx::Error> {
    let (count,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM households WHERE community_id = $1").bind(community.0).fetch_one(conn).await?;
    Ok(count)
}

/// One household of the community with its note.
pub async fn household(conn: &mut AnyConnection, community: CommunityId, id: HouseholdId) -> Result<Option<(RegisterRow, String)>, sqlx::Error> {
    let row: Option<(i64, String, String, String, i64, String, String)> = sqlx::query_as(
        "SELECT h.id, b.name, u.name, h.room, h.floor_area_centi_m2, h.sort_key, h.note
         FROM households h JOIN units u ON u.id = h.unit_id JOIN buildings b ON b.id = u.building_id
         WHERE h.id = $1 AND h.community_id = $2",
    )
    .bind(id.0)
    .bind(community.0)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(id, building, unit, room, area, sort_key, note)| (register_row((id, building, unit, room, area, sort_key)), note)))
}

pub async fn set_area_and_note(conn: &mut AnyConnection, id: HouseholdId, area_centi_m2: i64, note: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE households SET floor_area_centi_m2 = $1, note = $2 WHERE id = $3")
        .bind(area_centi_m2)
        .bind(note)
        .bind(id.0)
        .execute(conn)
        .await?;
    Ok(())
}

/// The accounts living in a household: id, name, phone, owner.
pub async fn residents(conn: &mut AnyConnection, household: HouseholdId) -> Result<Vec<(UserId, String, String, bool)>, sqlx::Error> {
    let rows: Vec<(i64, String, String, i64)> =
        sqlx::query_as("SELECT id, name, phone, is_owner FROM users WHERE household_id = $1 ORDER BY id")
            .bind(household.0)
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().map(|(id, name, phone, owner)| (UserId(id), name, phone, owner != 0)).collect())
}
