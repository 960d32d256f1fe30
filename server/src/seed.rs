//! The demo community created on the first start of an empty database, so that `run` shows
//! a living app: buildings and households, one staff member, the property manager, one
//! merchant, residents (one of them elderly, in elderly mode), the street office's officer,
//! a few notices, wishes, services and problem reports (`seed/reports.rs`).

mod reports;
pub mod scale;

use chrono::{DateTime, Duration, Utc};
use linli_api::auth::{Locale, Role};
use linli_api::family::{FamilyActivityKind, Grant};
use linli_api::groceries::{MerchantStanding, NewCampaign, NewDeliveryBatch, NewProduct};
use linli_api::ids::{CommunityId, HouseholdId, UserId};
use linli_api::notices::{NewNotice, NoticeCategory};
use sqlx::AnyConnection;

use crate::auth::password;
use crate::auth::storage::{insert_account, update_preferences, NewAccount};
use crate::community::ledger::LedgerOwner;
use crate::community::storage as community;
use crate::db::Db;
use crate::error::AppError;
use crate::family;
use crate::groceries::storage as groceries;
use crate::notices::{rules as notice_rules, storage as notices};

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "linli2026";
/// An invite code that works on the demo community for a long time.
pub const DEMO_INVITE_CODE: &str = "DEMO-2026";

/// A demo account: who, phone, role.
pub struct DemoAccount {
    pub name: &'static str,
    pub phone: &'static str,
    pub role: Role,
}

pub const DEMO_ACCOUNTS: [DemoAccount; 8] = [
    DemoAccount { name: "李主任", phone: "13800000001", role: Role::Staff },
    DemoAccount { name: "张经理（物业）", phone: "13800000002", role: Role::Property },
    DemoAccount { name: "鲜丰果蔬", phone: "13800000003", role: Role::Merchant },
    DemoAccount { name: "王建国", phone: "13900000001", role: Role::Resident },
    DemoAccount { name: "陈秀英", phone: "13900000002", role: Role::Resident },
    DemoAccount { name: "刘洋", phone: "13900000003", role: Role::Resident },
    DemoAccount { name: "陈小红（女儿）", phone: "13500000001", role: Role::Family },
    DemoAccount { name: "赵科长（街道办）", phone: "13800000004", role: Role::Admin },
];

/// The elderly resident's daughter, linked as family with these grants.
pub const FAMILY_PHONE: &str = "13500000001";
const FAMILY_GRANTS: [Grant; 5] = [Grant::ReadNotices, Grant::BookAppointments, Grant::PostWishes, Grant::VoteProxy, Grant::ReportProblems];

/// The elderly demo resident, whose account starts in elderly mode.
pub const ELDERLY_PHONE: &str = "13900000002";

/// Seeds the demo community unless the database already has a community. Returns whether it did.
pub async fn seed_demo_if_empty(db: &Db, now: DateTime<Utc>) -> Result<bool, AppError> {
    let mut tx = db.begin_write().await?;
    if community::community_count(&mut tx).await? > 0 {
        return Ok(false);
    }
    let community_id = community::insert_community(&mut tx, "阳光花园社区", "021-5555-0100", 480, now).await?;
    let households = seed_buildings(&mut tx, community_id).await?;
    let password_hash = password::hash(DEMO_PASSWORD.to_owned()).await?;
    let mut ids = Vec::new();
    for (index, account) in DEMO_ACCOUNTS.iter().enumerate() {
        let household = (account.role == Role::Resident).then(|| households[index % households.len()]);
        let id = insert_account(
            &mut tx,
            &NewAccount {
                community: community_id,
                household,
                role: account.role,
                name: account.name,
                phone: account.phone,
                password_hash: &password_hash,
                is_owner: account.phone == "13900000001",
                locale: Locale::ZhCn,
                consented_at: Some(now),
                now,
            },
        )
        .await?;
        if account.phone == ELDERLY_PHONE {
            update_preferences(&mut tx, id, Some(true), None).await?;
        }
        if let (Some(household), "13900000001") = (household, account.phone) {
            let owner = LedgerOwner { name: account.name.to_owned(), phone: Some(account.phone.to_owned()) };
            crate::community::register::storage::replace_owners(&mut tx, household, &[owner]).await?;
        }
        ids.push(id);
    }
    community::insert_invite(
        &mut tx,
        &community::NewInviteRow {
            community: community_id,
            household: households[households.len() - 1],
            code: &crate::community::rules::normalize_invite_code(DEMO_INVITE_CODE),
            created_by: ids[0],
            created_at: now,
            expires_at: now + Duration::days(3650),
            max_uses: 1000,
        },
    )
    .await?;
    let phone_of = |phone: &str| DEMO_ACCOUNTS.iter().position(|account| account.phone == phone).map(|index| ids[index]);
    if let (Some(elderly), Some(daughter)) = (phone_of(ELDERLY_PHONE), phone_of(FAMILY_PHONE)) {
        let grant = family::storage::ClaimedInvite { community: community_id, resident: elderly, grants: FAMILY_GRANTS.to_vec() };
        let link = family::storage::upsert_link(&mut tx, &grant, daughter, now).await?;
        let linked = family::storage::Activity {
            community: community_id,
            link: link.id,
            resident: elderly,
            member: daughter,
            kind: FamilyActivityKind::Linked,
            detail: &family::rules::encode_grants(&link.grants),
            at: now,
        };
        family::storage::record(&mut tx, &linked).await?;
    }
    seed_notices(&mut tx, community_id, ids[0], ids[1], now).await?;
    if let Some(shop) = DEMO_ACCOUNTS.iter().position(|account| account.role == Role::Merchant) {
        seed_campaign(&mut tx, community_id, ids[shop], DEMO_ACCOUNTS[shop].name, now).await?;
    }
    let resident = |phone: &str| {
        let index = DEMO_ACCOUNTS.iter().position(|account| account.phone == phone)?;
        Some(DemoResident { id: ids[index], household: households[index % households.len()], account: &DEMO_ACCOUNTS[index] })
    };
    if let (Some(elderly), Some(owner), Some(neighbour)) = (resident(ELDERLY_PHONE), resident("13900000001"), resident("13900000003")) {
        seed_wishes(&mut tx, community_id, ids[0], [&elderly, &owner, &neighbour], now).await?;
        let property = phone_of("13800000002").expect("the property manager is a demo account");
        reports::seed_reports(&mut tx, community_id, property, [&elderly, &owner, &neighbour], now).await?;
    }
    seed_services(&mut tx, community_id, now).await?;
    tx.commit().await?;
    Ok(true)
}

/// Three services: a pension check that staff approve, a residence certificate, and the
/// activity room by the hour.
async fn seed_services(conn: &mut AnyConnection, community_id: CommunityId, now: DateTime<Utc>) -> Result<(), AppError> {
    use crate::appointments::storage as appointments;
    use chrono::NaiveTime;
    use linli_api::appointments::{FieldKind, FormField, NewService, WeeklyHours};
    let time = |hour, minute| NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default();
    let field = |label: &str, kind, required, options: &[&str]| FormField {
        label: label.into(),
        kind,
        required,
        options: options.iter().map(|option| option.to_string()).collect(),
    };
    let office_hours = |capacity| -> Vec<WeeklyHours> {
        let mut hours: Vec<WeeklyHours> = (1..=5)
            .flat_map(|weekday| {
                [
                    WeeklyHours { weekday, opens: time(9, 0), closes: time(11, 30), capacity },
                    WeeklyHours { weekday, opens: time(14, 0), closes: time(17, 0), capacity },
                ]
            })
            .collect();
        hours.push(WeeklyHours { weekday: 6, opens: time(9, 0), closes: time(11, 30), capacity });
        hours
    };
    let services = [
        NewService {
            name: "养老金资格认证".into(),
            description: "每年一次的养老金领取资格认证，社区工作人员审核后为您办理。".into(),
            documents: "本人身份证、社保卡".into(),
            form: vec![
                field("身份证号", FieldKind::IdNumber, true, &[]),
                field("办理方式", FieldKind::SingleChoice, true, &["本人办理", "家属代办"]),
                field("联系电话", FieldKind::Phone, false, &[]),
            ],
            needs_approval: true,
            duration_minutes: 30,
            hours: office_hours(3),
            closed_days: vec![],
            cancel_hours: 2,
            queue_prefix: "A".into(),
        },
        NewService {
            name: "居住证明开具".into(),
            description: "开具在本社区居住的证明。".into(),
            documents: "身份证、户口本或租房合同".into(),
            form: vec![field("身份证号", FieldKind::IdNumber, true, &[]), field("用途", FieldKind::Text, true, &[])],
            needs_approval: false,
            duration_minutes: 20,
            hours: office_hours(2),
            closed_days: vec![],
            cancel_hours: 1,
            queue_prefix: "B".into(),
        },
        NewService {
            name: "社区活动室预约".into(),
            description: "二楼活动室，可坐 30 人，适合兴趣小组和家庭聚会。".into(),
            documents: String::new(),
            form: vec![field("活动内容", FieldKind::Text, true, &[]), field("人数", FieldKind::Number, true, &[])],
            needs_approval: false,
            duration_minutes: 60,
            hours: (1..=7).map(|weekday| WeeklyHours { weekday, opens: time(9, 0), closes: time(21, 0), capacity: 1 }).collect(),
            closed_days: vec![],
            cancel_hours: 12,
            queue_prefix: "C".into(),
        },
    ];
    for service in &services {
        let service = linli_api::validate::appointments::new_service(service).map_err(AppError::Invalid)?;
        let code = crate::community::rules::new_invite_code(&mut rand::thread_rng());
        appointments::insert_service(&mut *conn, community_id, &service, &code, now).await?;
    }
    Ok(())
}

/// A demo resident as seeded: account, household and who they are.
pub(crate) struct DemoResident {
    id: UserId,
    household: HouseholdId,
    account: &'static DemoAccount,
}

/// Three wishes: the elderly resident's radio on the board, a lift to hospital waiting for
/// staff, and a bicycle repair that a neighbour did and was thanked for on the wall.
async fn seed_wishes(
    conn: &mut AnyConnection,
    community_id: CommunityId,
    staff: UserId,
    [elderly, owner, neighbour]: [&DemoResident; 3],
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    use crate::wishes::storage::{self as wishes, ClaimOutcome, NewClaim, NewEvent, NewWishRow, StateChange};
    use linli_api::wishes::{WishCategory, WishEventKind as Kind, WishState};
    let today = (now + Duration::hours(8)).date_naive();
    let wish = |wisher: &DemoResident, what: &'static str, why: &'static str, category, days, state| NewWishRow {
        community: community_id,
        wisher: Some(wisher.id),
        wisher_name: wisher.account.name,
        wisher_phone: Some(wisher.account.phone),
        household: Some(wisher.household),
        posted_by: wisher.id,
        what,
        why,
        category,
        photo: None,
        wanted_by: today + Duration::days(days),
        state,
        at: now - Duration::days(2),
    };
    let event = |wish, kind, actor: &DemoResident, detail, at| NewEvent { wish, kind, actor: Some(actor.id), actor_name: actor.account.name, detail, at };
    let approved = |wish, at| NewEvent { wish, kind: Kind::Approved, actor: Some(staff), actor_name: DEMO_ACCOUNTS[0].name, detail: "", at };
    let radio = wishes::insert_wish(&mut *conn, &wish(elderly, "想要一台能听戏曲的收音机", "家里的老收音机坏了，每天早上想听越剧。", WishCategory::Goods, 10, WishState::Open)).await?;
    wishes::record(&mut *conn, &event(radio, Kind::Posted, elderly, "", now - Duration::days(2))).await?;
    wishes::record(&mut *conn, &approved(radio, now - Duration::days(1))).await?;
    let lift = wishes::insert_wish(&mut *conn, &wish(owner, "下周三想请人陪我去医院复查", "腿脚不便，需要有人陪同挂号取药。", WishCategory::Task, 7, WishState::Pending)).await?;
    wishes::record(&mut *conn, &event(lift, Kind::Posted, owner, "", now - Duration::days(2))).await?;
    let bicycle = wishes::insert_wish(&mut *conn, &wish(owner, "帮忙修一下自行车的刹车", "", WishCategory::Task, 3, WishState::Open)).await?;
    let claimed_at = now - Duration::days(1);
    let organisation = "阳光志愿服务队";
    let claim = NewClaim { wish: bicycle, claimer: neighbour.id, claimer_name: neighbour.account.name, organisation: Some(organisation), claimed_at, expires_at: claimed_at + Duration::days(7) };
    wishes::insert_claim(&mut *conn, &claim).await?;
    let fix = wishes::Fulfilment { note: "换了刹车片，已经调好。", photo: None, minutes: Some(45), at: now - Duration::hours(20) };
    wishes::fulfil_claim(&mut *conn, bicycle, neighbour.id, &fix).await?;
    let thanks = "谢谢小刘，车修好了，骑起来很稳！";
    let closed_at = now - Duration::hours(18);
    let closed = StateChange { thanks: Some(thanks), closed_at: Some(closed_at), ..StateChange::default() };
    wishes::move_state(&mut *conn, bicycle, WishState::Open, WishState::Closed, &closed).await?;
    wishes::end_claim(&mut *conn, bicycle, ClaimOutcome::Confirmed, closed_at).await?;
    wishes::record(&mut *conn, &event(bicycle, Kind::Posted, owner, "", now - Duration::days(2))).await?;
    wishes::record(&mut *conn, &approved(bicycle, now - Duration::days(2))).await?;
    wishes::record(&mut *conn, &event(bicycle, Kind::Claimed, neighbour, organisation, claimed_at)).await?;
    wishes::record(&mut *conn, &event(bicycle, Kind::Fulfilled, neighbour, fix.note, fix.at)).await?;
    wishes::record(&mut *conn, &event(bicycle, Kind::Confirmed, owner, thanks, closed_at)).await?;
    Ok(())
}

async fn seed_buildings(conn: &mut AnyConnection, community_id: CommunityId) -> Result<Vec<HouseholdId>, sqlx::Error> {
    let rooms: [(&str, i64); 6] =
        [("101", 8_950), ("102", 12_030), ("201", 8_950), ("202", 12_030), ("301", 8_950), ("302", 12_030)];
    let mut households = Vec::new();
    for building in ["1栋", "2栋", "3栋"] {
        let building_id = community::insert_building(&mut *conn, community_id, building).await?;
        for unit in ["1单元", "2单元"] {
            households.extend(community::insert_unit_with_rooms(&mut *conn, community_id, building_id, unit, &rooms).await?);
        }
    }
    Ok(households)
}

/// The demo shop, approved, with one open campaign: pickup at the east gate, and delivery
/// to building 1 the day after the cut-off.
async fn seed_campaign(conn: &mut AnyConnection, community_id: CommunityId, shop: UserId, shop_name: &str, now: DateTime<Utc>) -> Result<(), AppError> {
    groceries::insert_merchant(&mut *conn, shop, community_id, shop_name, MerchantStanding::Approved, now).await?;
    let product = |name: &str, unit: &str, price_fen, stock, per_household_limit| NewProduct {
        name: name.into(),
        unit: unit.into(),
        price_fen,
        stock,
        per_household_limit,
        photo: None,
    };
    let cut_off = now + Duration::days(3);
    let building_one = community::buildings(&mut *conn, community_id).await?.into_iter().next().map(|building| building.id);
    let campaign = NewCampaign {
        title: "周末鲜蛋蔬菜团".into(),
        description: "本地农场直供，截单后第二天送到。".into(),
        products: vec![
            product("土鸡蛋（30枚）", "盒", 2_880, 200, 3),
            product("有机青菜", "斤", 650, 300, 5),
            product("东北大米（5kg）", "袋", 4_500, 100, 2),
        ],
        min_households: 10,
        cut_off,
        pickup_point: Some("东门快递柜旁（早 8 点到晚 8 点）".into()),
        batches: building_one
            .map(|building_id| NewDeliveryBatch {
                building_id,
                window_start: cut_off + Duration::hours(14),
                window_end: cut_off + Duration::hours(16),
            })
            .into_iter()
            .collect(),
    };
    let campaign = linli_api::validate::new_campaign(&campaign, now).map_err(AppError::Invalid)?;
    groceries::insert_campaign(&mut *conn, community_id, shop, &campaign, now).await?;
    Ok(())
}

async fn seed_notices(
    conn: &mut AnyConnection,
    community_id: CommunityId,
    staff: UserId,
    property: UserId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    struct Demo {
        author: UserId,
        author_name: &'static str,
        title: &'static str,
        body: &'static str,
        category: NoticeCategory,
        pinned: bool,
    }
    let demo = [
        Demo {
            author: staff,
            author_name: "李主任",
            title: "欢迎使用邻里",
            body: "社区的通知、议事和服务都在这里。\n\n- 重要通知会**置顶**显示\n- 长辈可以在「我的」里打开**长辈版**，字更大、按钮更大",
            category: NoticeCategory::Government,
            pinned: true,
        },
        Demo {
            author: property,
            author_name: "张经理（物业）",
            title: "周三上午 9:00–12:00 停水检修",
            body: "因二次供水设备检修，**1栋、2栋**周三上午停水，请提前储水。给您带来不便，敬请谅解。",
            category: NoticeCategory::Property,
            pinned: false,
        },
        Demo {
            author: staff,
            author_name: "李主任",
            title: "重阳节敬老活动报名",
            body: "社区将于本周六下午在活动室举办重阳节敬老茶话会，欢迎 60 岁以上居民参加。报名请联系社区服务中心。",
            category: NoticeCategory::Activity,
            pinned: false,
        },
        Demo {
            author: staff,
            author_name: "李主任",
            title: "垃圾分类新规提醒",
            body: "自下月起，厨余垃圾请在每天 7:00–9:00、18:00–20:00 投放至各楼栋分类点。",
            category: NoticeCategory::Government,
            pinned: false,
        },
    ];
    // Oldest first, an hour apart, so the list shows a believable history.
    let count = demo.len() as i64;
    for (index, notice) in demo.into_iter().enumerate() {
        let checked = notice_rules::check_notice(&NewNotice {
            title: notice.title.into(),
            body_markdown: notice.body.into(),
            category: notice.category,
            pinned: notice.pinned,
            urgent: false,
            vote_id: None,
        })?;
        let published_at = now - Duration::hours(count - index as i64);
        notices::insert(&mut *conn, community_id, notice.author, notice.author_name, &checked, published_at).await?;
    }
    Ok(())
}
