//! The big community's register and people: 50 buildings of 4 units of 50 rooms (25
//! floors, two doors), each household with its floor area, one or two owners of record and
//! two registered residents (the first of them an owner); staff, the property company,
//! the shops, the street office's administrator, and family members of residents.

use linli_api::auth::Role;
use linli_api::ids::{BuildingId, CommunityId, HouseholdId, UserId};
use sqlx::AnyConnection;

use super::bulk::{row, Ids, Table};
use super::{text, Seeding, ADMIN_PHONE, COMMUNITY_NAME, FAMILY_PHONE, MERCHANT_PHONE, PROPERTY_PHONE, RESIDENT_PHONE, STAFF_PHONE};
use crate::community::register::plan::sort_key;
use crate::community::storage::insert_community;

const UNITS_PER_BUILDING: usize = 4;
const ROOMS_PER_UNIT: usize = 50;

/// An account of the data set.
#[derive(Debug, Clone)]
pub struct Person {
    pub id: UserId,
    pub name: String,
    pub household: Option<HouseholdId>,
}

#[derive(Debug, Clone)]
pub struct Home {
    pub id: HouseholdId,
    pub building: BuildingId,
    pub area: i64,
    /// Indexes into [`Town::residents`]; the first is an owner.
    pub residents: Vec<usize>,
}

/// The big community as the other parts need it.
pub struct Town {
    pub community: CommunityId,
    pub buildings: Vec<(BuildingId, String)>,
    pub homes: Vec<Home>,
    /// Resident 0 is the benchmark's resident ([`RESIDENT_PHONE`]).
    pub residents: Vec<Person>,
    /// Staff 0 is [`STAFF_PHONE`].
    pub staff: Vec<Person>,
    pub property: Vec<Person>,
    /// Approved shops; shop 0 is [`MERCHANT_PHONE`].
    pub merchants: Vec<Person>,
    /// Family member `i` is linked to resident [`Town::relative_of`]`(i)`; member 0 is
    /// [`FAMILY_PHONE`], linked to resident 0.
    pub family: Vec<Person>,
}

impl Town {
    /// The resident family member `i` looks after: resident 0 for the first, then the
    /// second resident of household `i` (the household's elder).
    pub fn relative_of(&self, member: usize) -> usize {
        match member {
            0 => 0,
            i => self.homes[i % self.homes.len()].residents.last().copied().unwrap_or(0),
        }
    }

    /// A resident spread over the community by `index`.
    pub fn resident(&self, index: usize) -> &Person {
        &self.residents[index % self.residents.len()]
    }
}

/// A phone number of `prefix` (three digits) and a sequence number: unique per prefix.
fn phone(prefix: &str, index: usize) -> String {
    format!("{prefix}{index:08}")
}

pub async fn settle(conn: &mut AnyConnection, seeding: &mut Seeding) -> Result<(Town, usize), sqlx::Error> {
    let community = insert_community(&mut *conn, COMMUNITY_NAME, "021-5555-0100", 480, seeding.now).await?;
    let (buildings, mut homes, mut rows) = register(conn, seeding, community).await?;

    let sizes = seeding.sizes;
    let mut users = UserRows::new(conn, seeding, community).await?;
    let mut owners = Table::new("household_owners", &["household_id", "position", "name", "phone"]);
    let mut residents = Vec::with_capacity(sizes.residents());
    for (h, home) in homes.iter_mut().enumerate() {
        for r in 0..sizes.residents_per_household {
            let index = residents.len();
            let owner = r == 0;
            let person = users.add(conn, Role::Resident, text::name(index), &phone("139", index), Some(home.id), owner).await?;
            if owner {
                owners.add(conn, row![home.id.0, 0_i64, person.name.as_str(), phone("139", index)]).await?;
                // A third of the homes have a second owner of record who has not registered.
                if h % 3 == 0 {
                    owners.add(conn, row![home.id.0, 1_i64, text::name(index + 7), phone("136", h)]).await?;
                }
            }
            home.residents.push(index);
            residents.push(person);
        }
    }
    debug_assert_eq!(phone("139", 0), RESIDENT_PHONE);
    let staff = users.several(conn, Role::Staff, "138", 0, sizes.staff, "社区工作人员").await?;
    let property = users.several(conn, Role::Property, "138", 10_000_000, sizes.property, "物业客服").await?;
    let mut merchants = users.several(conn, Role::Merchant, "138", 20_000_000, sizes.merchants + 5, "店主").await?;
    users.add(conn, Role::Admin, "街道办赵科长".into(), ADMIN_PHONE, None, false).await?;
    let family = users.several(conn, Role::Family, "135", 0, sizes.family_links, "家属").await?;
    debug_assert_eq!(
        (phone("138", 0), phone("138", 10_000_000), phone("138", 20_000_000), phone("135", 0)),
        (STAFF_PHONE.into(), PROPERTY_PHONE.into(), MERCHANT_PHONE.into(), FAMILY_PHONE.into())
    );
    rows += users.finish(conn).await?;
    rows += owners.finish(conn).await?;
    rows += shops(conn, seeding, community, &merchants, &staff[0]).await?;
    merchants.truncate(sizes.merchants);
    super::bulk::continue_ids(conn, seeding.backend, &["buildings", "units", "households", "users"]).await?;
    Ok((Town { community, buildings, homes, residents, staff, property, merchants, family }, rows))
}

/// The register: buildings of four units of fifty rooms, each household with its floor area.
async fn register(conn: &mut AnyConnection, seeding: &Seeding, community: CommunityId) -> Result<(Vec<(BuildingId, String)>, Vec<Home>, usize), sqlx::Error> {
    let households = seeding.sizes.households;
    let (mut building_ids, mut unit_ids, mut household_ids) = (Ids::of(conn, "buildings").await?, Ids::of(conn, "units").await?, Ids::of(conn, "households").await?);
    let mut table = Table::new("buildings", &["id", "community_id", "name"]);
    let mut buildings = Vec::new();
    for b in 0..households.div_ceil(UNITS_PER_BUILDING * ROOMS_PER_UNIT) {
        let (id, name) = (building_ids.take(), format!("{}栋", b + 1));
        table.add(conn, row![id, community.0, name.as_str()]).await?;
        buildings.push((BuildingId(id), name));
    }
    let mut rows = table.finish(conn).await?;

    // Units, then households: a unit's rows exist before households point at them.
    let mut table = Table::new("units", &["id", "building_id", "name"]);
    let mut units = Vec::new();
    for (building, building_name) in &buildings {
        for u in 0..UNITS_PER_BUILDING {
            let (id, name) = (unit_ids.take(), format!("{}单元", u + 1));
            table.add(conn, row![id, building.0, name.as_str()]).await?;
            units.push((id, *building, building_name.clone(), name));
        }
    }
    rows += table.finish(conn).await?;

    let mut table = Table::new("households", &["id", "community_id", "unit_id", "room", "floor_area_centi_m2", "sort_key"]);
    let mut homes = Vec::with_capacity(households);
    for h in 0..households {
        let (unit, building, building_name, unit_name) = &units[h / ROOMS_PER_UNIT];
        let in_unit = h % ROOMS_PER_UNIT;
        let room = format!("{}{:02}", in_unit / 2 + 1, in_unit % 2 + 1);
        let id = household_ids.take();
        // 60 to 150 m², as a ledger gives them: hundredths of a square metre.
        let area = 6_000 + (h * 7_919 % 9_000) as i64;
        table.add(conn, row![id, community.0, *unit, room.as_str(), area, sort_key(building_name, unit_name, &room)]).await?;
        homes.push(Home { id: HouseholdId(id), building: *building, area, residents: Vec::new() });
    }
    rows += table.finish(conn).await?;
    Ok((buildings, homes, rows))
}

/// The shops' standing: all approved but the last five, which wait for staff.
async fn shops(conn: &mut AnyConnection, seeding: &Seeding, community: CommunityId, merchants: &[Person], reviewer: &Person) -> Result<usize, sqlx::Error> {
    let mut table = Table::new("merchants", &["user_id", "community_id", "shop_name", "standing", "applied_at", "reviewed_at", "reviewed_by"]);
    for (i, shop) in merchants.iter().enumerate() {
        let applied = seeding.ago(800.0 - i as f64);
        let name = format!("{}（{}号店）", text::pick(&text::SHOPS, i), i + 1);
        let row = if i >= seeding.sizes.merchants {
            row![shop.id.0, community.0, name, "pending", applied, None::<i64>, None::<i64>]
        } else {
            row![shop.id.0, community.0, name, "approved", applied, applied + 86_400_000, reviewer.id.0]
        };
        table.add(conn, row).await?;
    }
    table.finish(conn).await
}

/// Accounts written in bulk, all with the data set's password, all made now.
struct UserRows {
    table: Table,
    ids: Ids,
    community: CommunityId,
    password_hash: String,
    now: i64,
}

impl UserRows {
    async fn new(conn: &mut AnyConnection, seeding: &Seeding, community: CommunityId) -> Result<Self, sqlx::Error> {
        let table = Table::new(
            "users",
            &["id", "community_id", "household_id", "role", "name", "phone", "password_hash", "is_owner", "elderly_mode", "locale",
              "privacy_consent_at", "created_at"],
        );
        Ok(UserRows { table, ids: Ids::of(conn, "users").await?, community, password_hash: seeding.password_hash.clone(), now: seeding.now_millis() })
    }

    async fn add(
        &mut self,
        conn: &mut AnyConnection,
        role: Role,
        name: String,
        phone: &str,
        household: Option<HouseholdId>,
        owner: bool,
    ) -> Result<Person, sqlx::Error> {
        let id = self.ids.take();
        // Every tenth resident who is not an owner is elderly and reads in elderly mode.
        let elderly = role == Role::Resident && !owner && id % 10 == 0;
        let row = row![
            id, self.community.0, household.map(|h| h.0), role.as_str(), name.as_str(), phone, self.password_hash.as_str(), owner, elderly,
            "zh-CN", self.now, self.now
        ];
        self.table.add(conn, row).await?;
        Ok(Person { id: UserId(id), name, household })
    }

    /// `count` accounts of one role, phones `prefix` + `first`, `first + 1`, …
    async fn several(&mut self, conn: &mut AnyConnection, role: Role, prefix: &str, first: usize, count: usize, title: &str) -> Result<Vec<Person>, sqlx::Error> {
        let mut people = Vec::with_capacity(count);
        for i in 0..count {
            let name = format!("{}{}", text::name(first + i + 3), title);
            people.push(self.add(conn, role, name, &phone(prefix, first + i), None, false).await?);
        }
        Ok(people)
    }

    async fn finish(self, conn: &mut AnyConnection) -> Result<usize, sqlx::Error> {
        self.table.finish(conn).await
    }
}
