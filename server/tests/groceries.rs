//! Group buying end to end over HTTP on SQLite and PostgreSQL: shops applying and being
//! approved, households ordering, changing and cancelling, the cut-off forming or
//! cancelling a campaign and telling the buyers, pickup codes used once by their own shop,
//! staff pausing and withdrawing, picking lists, buying again, and the flash sale: 2,000
//! buyers at once for 500 in stock.

mod common;

use chrono::{DateTime, Duration, Utc};
use common::{Backend, TestApp, TestClock, ELDERLY, MERCHANT, OWNER, RESIDENT, STAFF};
use futures_util::StreamExt;
use linli_api::auth::Locale;
use linli_api::events::Event;
use linli_api::groceries::{
    CampaignPhase, CampaignStanding, Fulfilment, MerchantApplication, MerchantStanding, NewCampaign, NewDeliveryBatch, NewProduct,
    OrderLine, OrderState, PickingHouseholdsQuery, PickupRequest, PlaceOrder, ReviewMerchant, SetCampaignStanding,
};
use linli_api::ids::{CampaignId, ProductId};
use linli_api::paging::PageQuery;
use linli_api::{Client, ErrorCode};

fn product(name: &str, price_fen: i64, stock: i64, per_household_limit: i64) -> NewProduct {
    NewProduct { name: name.into(), unit: "盒".into(), price_fen, stock, per_household_limit, photo: None }
}

fn campaign(now: DateTime<Utc>, min_households: u32, products: Vec<NewProduct>) -> NewCampaign {
    NewCampaign {
        title: "周末鲜蛋团".into(),
        description: String::new(),
        products,
        min_households,
        cut_off: now + Duration::days(2),
        pickup_point: Some("东门快递柜旁".into()),
        batches: vec![],
    }
}

fn order(lines: &[(ProductId, i64)]) -> PlaceOrder {
    PlaceOrder {
        lines: lines.iter().map(|(product_id, quantity)| OrderLine { product_id: *product_id, quantity: *quantity }).collect(),
        fulfilment: Fulfilment::Pickup,
    }
}

async fn ordered(shop: &Client, id: CampaignId) -> Vec<i64> {
    shop.campaign(id).await.unwrap().products.iter().map(|product| product.ordered).collect()
}

async fn decide_due(app: &TestApp) {
    linli_server::groceries::cut_off::decide_due(&app.running.state).await.expect("deciding");
}

async fn a_shop_applies_and_publishes_once_staff_approve_it(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let communities = app.client().communities().await.unwrap();
    let application = MerchantApplication {
        community_id: communities[0].id,
        shop_name: " 好邻居粮油 ".into(),
        contact_name: "赵老板".into(),
        phone: "137 1234 5678".into(),
        password: "shop password".into(),
        accept_privacy_policy: true,
        locale: Some(Locale::ZhCn),
    };
    let session = app.client().apply_as_merchant(&application).await.unwrap();
    let shop = app.client().with_token(session.token);
    let mine = shop.my_merchant().await.unwrap();
    assert_eq!((mine.shop_name.as_str(), mine.standing, mine.phone.as_str()), ("好邻居粮油", MerchantStanding::Pending, "137****5678"));
    let now = Utc::now();
    let refused = shop.create_campaign(&campaign(now, 1, vec![product("菜籽油", 6_990, 50, 2)])).await.unwrap_err();
    assert_eq!(refused.code(), ErrorCode::MerchantNotApproved);
    let taken = app.client().apply_as_merchant(&application).await.unwrap_err();
    assert_eq!(taken.code(), ErrorCode::PhoneTaken);
    let nowhere = MerchantApplication { community_id: linli_api::ids::CommunityId(999), phone: "13712340000".into(), ..application };
    assert_eq!(app.client().apply_as_merchant(&nowhere).await.unwrap_err().field(), Some("community_id"));

    let staff = app.sign_in(STAFF).await;
    let listed = staff.merchants().await.unwrap();
    assert_eq!((listed[0].id, listed[0].phone.as_str()), (mine.id, "13712345678"), "waiting first, phone in full for staff");
    let no_reason = staff.review_merchant(mine.id, &ReviewMerchant { approve: false, reason: None }).await.unwrap_err();
    assert_eq!((no_reason.code(), no_reason.field()), (ErrorCode::FieldRequired, Some("reason")));
    let resident = app.sign_in(OWNER).await;
    let review = ReviewMerchant { approve: true, reason: None };
    assert_eq!(resident.review_merchant(mine.id, &review).await.unwrap_err().code(), ErrorCode::Forbidden);
    assert_eq!(staff.review_merchant(mine.id, &review).await.unwrap().standing, MerchantStanding::Approved);
    let published = shop.create_campaign(&campaign(now, 1, vec![product("菜籽油", 6_990, 50, 2)])).await.unwrap();
    assert_eq!((published.merchant_name.as_str(), published.phase), ("好邻居粮油", CampaignPhase::Open));
    assert!(resident.campaigns().await.unwrap().iter().any(|c| c.id == published.id));
    // A shop lists only its own campaigns; the demo shop's is not among them.
    assert_eq!(shop.campaigns().await.unwrap().iter().map(|c| c.id).collect::<Vec<_>>(), [published.id]);

    let refusal = ReviewMerchant { approve: false, reason: Some("营业执照过期".into()) };
    let refused = staff.review_merchant(mine.id, &refusal).await.unwrap();
    assert_eq!((refused.standing, refused.reason.as_deref()), (MerchantStanding::Rejected, Some("营业执照过期")));
    let again = shop.create_campaign(&campaign(now, 1, vec![product("花生油", 7_990, 50, 2)])).await.unwrap_err();
    assert_eq!(again.code(), ErrorCode::MerchantNotApproved);
    let bad = NewCampaign { pickup_point: None, ..campaign(now, 1, vec![product("米", 100, 5, 1)]) };
    let merchant = app.sign_in(MERCHANT).await;
    assert_eq!(merchant.create_campaign(&bad).await.unwrap_err().field(), Some("pickup_point"));
}

async fn a_household_orders_changes_and_cancels_before_the_cut_off(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let shop = app.sign_in(MERCHANT).await;
    let now = Utc::now();
    let created = shop.create_campaign(&campaign(now, 2, vec![product("土鸡蛋", 2_880, 10, 3), product("豆腐", 350, 10, 5)])).await.unwrap();
    let (eggs, tofu) = (created.products[0].id, created.products[1].id);
    let owner = app.sign_in(OWNER).await;

    let placed = owner.place_order(created.id, &order(&[(eggs, 2), (tofu, 3)])).await.unwrap();
    assert_eq!((placed.state, placed.total_fen), (OrderState::Placed, 2 * 2_880 + 3 * 350));
    assert_eq!(placed.pickup_code, None, "no code before the campaign forms");
    assert_eq!(ordered(&shop, created.id).await, [2, 3]);

    // Refused changes leave the order and the stock as they were.
    let over = owner.place_order(created.id, &order(&[(eggs, 4)])).await.unwrap_err();
    assert_eq!(over.code(), ErrorCode::OverLimit);
    let foreign = owner.place_order(created.id, &order(&[(ProductId(created.products[1].id.0 + 1000), 1)])).await.unwrap_err();
    assert_eq!((foreign.code(), foreign.field()), (ErrorCode::InvalidValue, Some("lines")));
    let no_round = PlaceOrder { fulfilment: Fulfilment::Delivery { batch_id: linli_api::ids::DeliveryBatchId(1) }, ..order(&[(eggs, 1)]) };
    assert_eq!(owner.place_order(created.id, &no_round).await.unwrap_err().field(), Some("fulfilment"));
    assert_eq!(ordered(&shop, created.id).await, [2, 3]);

    let changed = owner.place_order(created.id, &order(&[(eggs, 1)])).await.unwrap();
    assert_eq!((changed.id, changed.total_fen), (placed.id, 2_880), "the same order, replaced");
    assert_eq!(ordered(&shop, created.id).await, [1, 0]);
    let seen = owner.campaign(created.id).await.unwrap();
    assert_eq!((seen.households, seen.my_order), (1, Some(placed.id)));

    let cancelled = owner.cancel_order(created.id).await.unwrap();
    assert_eq!(cancelled.state, OrderState::Cancelled);
    assert_eq!(ordered(&shop, created.id).await, [0, 0]);
    assert_eq!(owner.campaign(created.id).await.unwrap().households, 0);
    assert_eq!(owner.cancel_order(created.id).await.unwrap_err().code(), ErrorCode::NotFound, "nothing left to cancel");
    let again = owner.place_order(created.id, &order(&[(tofu, 5)])).await.unwrap();
    assert_eq!((again.id, again.state), (placed.id, OrderState::Placed));
    assert_eq!(owner.my_orders(&PageQuery::default()).await.unwrap().orders.iter().map(|o| o.id).collect::<Vec<_>>(), [placed.id]);
    assert_eq!(owner.campaign(created.id).await.unwrap().households, 1, "the order stands again, and counts again");
    assert_household_counts_are_true(&app).await;

    // Nobody else's: another household does not see it, a shop cannot order.
    let neighbour = app.sign_in(RESIDENT).await;
    assert_eq!(neighbour.order(placed.id).await.unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(shop.place_order(created.id, &order(&[(tofu, 1)])).await.unwrap_err().code(), ErrorCode::Forbidden);
    let (_, _, outsider) = app.add_other_community().await;
    let outsider = app.sign_in(&outsider).await;
    assert_eq!(outsider.campaign(created.id).await.unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(outsider.place_order(created.id, &order(&[(tofu, 1)])).await.unwrap_err().code(), ErrorCode::NotFound);
}

async fn the_cut_off_forms_or_cancels_and_tells_every_buyer(backend: Backend) {
    let clock = TestClock::default();
    let Some(app) = common::spawn_with_clock(backend, &clock).await else { return };
    let shop = app.sign_in(MERCHANT).await;
    let now = clock.now();
    let forming = shop.create_campaign(&campaign(now, 2, vec![product("土鸡蛋", 2_880, 10, 3)])).await.unwrap();
    let failing = shop.create_campaign(&campaign(now, 2, vec![product("豆腐", 350, 10, 3)])).await.unwrap();
    let (owner, elderly) = (app.sign_in(OWNER).await, app.sign_in(ELDERLY).await);
    owner.place_order(forming.id, &order(&[(forming.products[0].id, 1)])).await.unwrap();
    elderly.place_order(forming.id, &order(&[(forming.products[0].id, 2)])).await.unwrap();
    owner.place_order(failing.id, &order(&[(failing.products[0].id, 1)])).await.unwrap();
    let mut live = owner.events().await.unwrap();

    decide_due(&app).await;
    assert_eq!(owner.campaign(forming.id).await.unwrap().phase, CampaignPhase::Open, "nothing is due before the cut-off");
    clock.advance(Duration::days(2));
    assert_eq!(owner.campaign(forming.id).await.unwrap().phase, CampaignPhase::Formed, "the clock alone decides what is shown");
    let late = owner.place_order(forming.id, &order(&[(forming.products[0].id, 3)])).await.unwrap_err();
    assert_eq!(late.code(), ErrorCode::OrdersClosed);
    assert_eq!(owner.cancel_order(forming.id).await.unwrap_err().code(), ErrorCode::OrdersClosed);
    decide_due(&app).await;
    decide_due(&app).await;

    let mut heard = Vec::new();
    while let Ok(Some(event)) = tokio::time::timeout(std::time::Duration::from_secs(3), live.next()).await {
        if let Event::CampaignDecided { campaign_id, formed, .. } = event {
            heard.push((campaign_id, formed));
        }
        if heard.len() == 2 {
            break;
        }
    }
    heard.sort();
    assert_eq!(heard, [(forming.id, true), (failing.id, false)], "each buyer hears each decision exactly once");

    let orders = owner.my_orders(&PageQuery::default()).await.unwrap().orders;
    // A page at a time, newest first: the same orders.
    let first = owner.my_orders(&PageQuery::first(Some(1))).await.unwrap();
    let next = owner.my_orders(&PageQuery::after(first.next_after.as_deref(), Some(100))).await.unwrap();
    assert_eq!(first.orders.iter().chain(&next.orders).map(|o| o.id).collect::<Vec<_>>(), orders.iter().map(|o| o.id).collect::<Vec<_>>());
    assert!(orders.len() >= 2 && orders.windows(2).all(|pair| pair[0].id > pair[1].id));
    assert_eq!(owner.my_orders(&PageQuery::after(Some("x"), None)).await.unwrap_err().code(), ErrorCode::InvalidQuery);
    let formed = orders.iter().find(|o| o.campaign_id == forming.id).unwrap();
    let void = orders.iter().find(|o| o.campaign_id == failing.id).unwrap();
    assert_eq!((formed.state, void.state), (OrderState::AwaitingPickup, OrderState::Void));
    let code = formed.pickup_code.clone().expect("a formed order shows its code");
    assert!(code.len() == 9 && code.as_bytes()[4] == b'-', "{code}");
    assert!(formed.pickup_qr_svg.as_deref().is_some_and(|svg| svg.contains("<svg")));
    assert_eq!(void.pickup_code, None);
}

/// The worker the server runs decides a campaign shortly after its cut-off by itself.
async fn the_server_decides_at_the_cut_off_by_itself(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let shop = app.sign_in(MERCHANT).await;
    let mut soon = campaign(Utc::now(), 1, vec![product("土鸡蛋", 2_880, 10, 3)]);
    soon.cut_off = Utc::now() + Duration::seconds(2);
    let created = shop.create_campaign(&soon).await.unwrap();
    let owner = app.sign_in(OWNER).await;
    owner.place_order(created.id, &order(&[(created.products[0].id, 1)])).await.unwrap();
    let mut live = owner.events().await.unwrap();
    let mut formed = None;
    while let Ok(Some(event)) = tokio::time::timeout(std::time::Duration::from_secs(15), live.next()).await {
        if let Event::CampaignDecided { campaign_id, formed: outcome, .. } = event {
            assert_eq!(campaign_id, created.id);
            formed = Some(outcome);
            break;
        }
    }
    assert_eq!(formed, Some(true), "the buyer is told within a few seconds of the cut-off");
    let (outcome,): (Option<String>,) =
        sqlx::query_as("SELECT outcome FROM campaigns WHERE id = $1").bind(created.id.0).fetch_one(&app.db().pool).await.unwrap();
    assert_eq!(outcome.as_deref(), Some("formed"));
}

async fn a_pickup_code_works_once_and_only_for_its_own_shop(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let shop = app.sign_in(MERCHANT).await;
    let created = shop.create_campaign(&campaign(Utc::now(), 1, vec![product("土鸡蛋", 2_880, 10, 3)])).await.unwrap();
    let owner = app.sign_in(OWNER).await;
    let placed = owner.place_order(created.id, &order(&[(created.products[0].id, 2)])).await.unwrap();
    let stored: (String,) = sqlx::query_as("SELECT pickup_code FROM orders WHERE id = $1").bind(placed.id.0).fetch_one(&app.db().pool).await.unwrap();
    let typed = format!("{}-{}", &stored.0[..4], &stored.0[4..]);
    let early = shop.pick_up(&PickupRequest { code: typed.clone() }).await.unwrap_err();
    assert_eq!(early.code(), ErrorCode::NotFormed);

    let closed = shop.close_orders_now(created.id).await.unwrap();
    assert_eq!(closed.phase, CampaignPhase::Formed, "ending orders early decides at once");
    let code = owner.my_orders(&PageQuery::default()).await.unwrap().orders[0].pickup_code.clone().unwrap();
    assert_eq!(code, typed);

    // Another approved shop cannot use it, and learns nothing about it.
    let staff = app.sign_in(STAFF).await;
    let other = app
        .client()
        .apply_as_merchant(&MerchantApplication {
            community_id: created_community(&app).await,
            shop_name: "隔壁水果".into(),
            contact_name: "钱".into(),
            phone: "13798765432".into(),
            password: "fruit password".into(),
            accept_privacy_policy: true,
            locale: None,
        })
        .await
        .unwrap();
    staff.review_merchant(other.me.id, &ReviewMerchant { approve: true, reason: None }).await.unwrap();
    let other = app.client().with_token(other.token);
    assert_eq!(other.pick_up(&PickupRequest { code: code.clone() }).await.unwrap_err().code(), ErrorCode::PickupCodeInvalid);
    for garbage in ["12", "abcdefgh", "0000-0000"] {
        let refused = shop.pick_up(&PickupRequest { code: garbage.into() }).await.unwrap_err();
        assert_eq!(refused.code(), ErrorCode::PickupCodeInvalid, "{garbage}");
    }
    assert_eq!(shop.pick_up(&PickupRequest { code: " ".into() }).await.unwrap_err().code(), ErrorCode::FieldRequired);
    assert_eq!(owner.pick_up(&PickupRequest { code: code.clone() }).await.unwrap_err().code(), ErrorCode::Forbidden);

    let mut live = owner.events().await.unwrap();
    let handed = shop.pick_up(&PickupRequest { code: code.replace('-', "") }).await.unwrap();
    assert_eq!((handed.id, handed.state, handed.pickup_code), (placed.id, OrderState::PickedUp, None), "the shop never sees the code back");
    let twice = shop.pick_up(&PickupRequest { code: code.clone() }).await.unwrap_err();
    assert_eq!(twice.code(), ErrorCode::AlreadyPickedUp);
    let mut told = false;
    while let Ok(Some(event)) = tokio::time::timeout(std::time::Duration::from_secs(3), live.next()).await {
        if matches!(event, Event::OrderPickedUp { order_id, .. } if order_id == placed.id) {
            told = true;
            break;
        }
    }
    assert!(told, "the household hears of the pickup");
    assert_eq!(owner.order(placed.id).await.unwrap().state, OrderState::PickedUp);
    assert_eq!(shop.campaign_dashboard(created.id).await.unwrap().picked_up, 1);
}

async fn created_community(app: &TestApp) -> linli_api::ids::CommunityId {
    app.client().communities().await.unwrap().into_iter().find(|c| c.name == "阳光花园社区").unwrap().id
}

async fn staff_pause_resume_and_withdraw_with_a_reason(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let shop = app.sign_in(MERCHANT).await;
    let created = shop.create_campaign(&campaign(Utc::now(), 1, vec![product("土鸡蛋", 2_880, 10, 3)])).await.unwrap();
    let eggs = created.products[0].id;
    let (staff, owner, elderly) = (app.sign_in(STAFF).await, app.sign_in(OWNER).await, app.sign_in(ELDERLY).await);
    owner.place_order(created.id, &order(&[(eggs, 1)])).await.unwrap();
    let pause = |reason: Option<&str>| SetCampaignStanding { standing: CampaignStanding::Paused, reason: reason.map(Into::into) };
    assert_eq!(staff.set_campaign_standing(created.id, &pause(None)).await.unwrap_err().field(), Some("reason"));
    assert_eq!(owner.set_campaign_standing(created.id, &pause(Some("x"))).await.unwrap_err().code(), ErrorCode::Forbidden);
    assert_eq!(shop.set_campaign_standing(created.id, &pause(Some("x"))).await.unwrap_err().code(), ErrorCode::Forbidden);
    let paused = staff.set_campaign_standing(created.id, &pause(Some("核实商品来源"))).await.unwrap();
    assert_eq!((paused.phase, paused.reason.as_deref()), (CampaignPhase::Paused, Some("核实商品来源")));
    assert_eq!(elderly.place_order(created.id, &order(&[(eggs, 1)])).await.unwrap_err().code(), ErrorCode::CampaignPaused);
    let resumed = staff.set_campaign_standing(created.id, &SetCampaignStanding { standing: CampaignStanding::Running, reason: None }).await.unwrap();
    assert_eq!(resumed.phase, CampaignPhase::Open);
    elderly.place_order(created.id, &order(&[(eggs, 1)])).await.unwrap();

    let mut live = owner.events().await.unwrap();
    let withdraw = SetCampaignStanding { standing: CampaignStanding::Withdrawn, reason: Some("商家资质问题".into()) };
    assert_eq!(staff.set_campaign_standing(created.id, &withdraw).await.unwrap().phase, CampaignPhase::Withdrawn);
    let mut decided = None;
    while let Ok(Some(event)) = tokio::time::timeout(std::time::Duration::from_secs(3), live.next()).await {
        if let Event::CampaignDecided { formed, .. } = event {
            decided = Some(formed);
            break;
        }
    }
    assert_eq!(decided, Some(false), "buyers hear of the withdrawal");
    assert_eq!(owner.my_orders(&PageQuery::default()).await.unwrap().orders[0].state, OrderState::Void);
    assert_eq!(staff.set_campaign_standing(created.id, &pause(Some("再暂停"))).await.unwrap_err().code(), ErrorCode::OrdersClosed);
    assert_eq!(owner.place_order(created.id, &order(&[(eggs, 1)])).await.unwrap_err().code(), ErrorCode::OrdersClosed);
    assert_eq!(app.count("audit_log WHERE action LIKE 'campaign.%'").await, 3);
}

async fn the_picking_list_groups_by_round_and_building(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let shop = app.sign_in(MERCHANT).await;
    let now = Utc::now();
    let buildings = shop.buildings().await.unwrap();
    let round = |building: usize, hours| NewDeliveryBatch {
        building_id: buildings[building].id,
        window_start: now + Duration::days(3) + Duration::hours(hours),
        window_end: now + Duration::days(3) + Duration::hours(hours + 2),
    };
    let offer = NewCampaign { batches: vec![round(0, 2), round(1, 6)], ..campaign(now, 1, vec![product("土鸡蛋", 2_880, 50, 3), product("豆腐", 350, 50, 5)]) };
    let created = shop.create_campaign(&offer).await.unwrap();
    let (eggs, tofu) = (created.products[0].id, created.products[1].id);
    let buyers = [app.sign_in(OWNER).await, app.sign_in(ELDERLY).await, app.sign_in(RESIDENT).await];
    for (index, buyer) in buyers.iter().enumerate() {
        let me = buyer.me().await.unwrap();
        let home = me.household.unwrap().building;
        let round = created.batches.iter().find(|batch| batch.building == home);
        let fulfilment = match (index, round) {
            (0, _) | (_, None) => Fulfilment::Pickup,
            (_, Some(round)) => Fulfilment::Delivery { batch_id: round.id },
        };
        buyer.place_order(created.id, &PlaceOrder { fulfilment, ..order(&[(eggs, 1), (tofu, index as i64 + 1)]) }).await.unwrap();
    }
    let list = shop.picking_list(created.id).await.unwrap();
    let households: i64 = list.groups.iter().map(|group| group.households).sum();
    assert_eq!(households, 3);
    assert_eq!(list.groups.iter().map(|group| group.total_fen).sum::<i64>(), 3 * 2_880 + (1 + 2 + 3) * 350);
    // Each group's households, one a page: every order once, with its lines.
    let mut paged = Vec::new();
    for group in &list.groups {
        let mut query = PickingHouseholdsQuery { building: group.building_id.0, batch: group.batch().map(|b| b.0), limit: Some(1), ..Default::default() };
        let mut in_group = 0;
        loop {
            let page = shop.picking_households(created.id, &query).await.unwrap();
            assert!(page.households.len() <= 1);
            in_group += page.households.len() as i64;
            for household in page.households {
                assert_eq!(household.household.building, group.building);
                assert_eq!(household.lines.iter().map(|line| line.subtotal_fen).sum::<i64>(), household.total_fen);
                paged.push(household.order_id);
            }
            match page.next_after {
                Some(next) => query.after = Some(next),
                None => break,
            }
        }
        assert_eq!(in_group, group.households, "{}", group.building);
    }
    paged.sort();
    paged.dedup();
    assert_eq!(paged.len(), 3);
    let bad = PickingHouseholdsQuery { building: list.groups[0].building_id.0, after: Some("x".into()), ..Default::default() };
    assert_eq!(shop.picking_households(created.id, &bad).await.unwrap_err().code(), ErrorCode::InvalidQuery);
    let eggs_total: i64 = list.groups.iter().flat_map(|g| &g.products).filter(|p| p.product_id == eggs).map(|p| p.quantity).sum();
    assert_eq!(eggs_total, 3);
    let csv = shop.picking_csv(created.id).await.unwrap();
    assert_eq!(csv.lines().count(), 1 + 6, "a header and a row per order line: {csv}");
    assert!(csv.contains("¥28.80"), "{csv}");
    let dashboard = app.sign_in(STAFF).await.campaign_dashboard(created.id).await.unwrap();
    assert_eq!((dashboard.orders, dashboard.total_fen), (3, 3 * 2_880 + (1 + 2 + 3) * 350));
    assert_eq!(buyers[0].picking_list(created.id).await.unwrap_err().code(), ErrorCode::Forbidden);
    let query = PickingHouseholdsQuery { building: list.groups[0].building_id.0, ..Default::default() };
    assert_eq!(buyers[0].picking_households(created.id, &query).await.unwrap_err().code(), ErrorCode::Forbidden);
    assert_eq!(buyers[0].campaign_dashboard(created.id).await.unwrap_err().code(), ErrorCode::Forbidden);
}

async fn buying_again_offers_the_last_order_of_a_shop(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let shop = app.sign_in(MERCHANT).await;
    let now = Utc::now();
    let first = shop.create_campaign(&campaign(now, 1, vec![product("土鸡蛋", 2_880, 10, 3), product("豆腐", 350, 10, 5)])).await.unwrap();
    let elderly = app.sign_in(ELDERLY).await;
    elderly.place_order(first.id, &order(&[(first.products[0].id, 3), (first.products[1].id, 2)])).await.unwrap();
    shop.close_orders_now(first.id).await.unwrap();
    let second = shop.create_campaign(&campaign(now, 1, vec![product("豆腐", 400, 10, 5), product("土鸡蛋", 2_980, 10, 2)])).await.unwrap();
    let offers = elderly.buy_again().await.unwrap();
    let offer = offers.iter().find(|offer| offer.campaign.id == second.id).expect("the shop's open campaign is offered");
    let eggs = second.products[1].id;
    let tofu = second.products[0].id;
    let mut lines: Vec<(ProductId, i64)> = offer.lines.iter().map(|line| (line.product_id, line.quantity)).collect();
    lines.sort();
    let mut expected = vec![(tofu, 2), (eggs, 2)];
    expected.sort();
    assert_eq!(lines, expected, "the same products, within today's limit");
    assert_eq!(offer.total_fen, 2 * 400 + 2 * 2_980);
    let placed = elderly.place_order(second.id, &PlaceOrder { lines: offer.lines.clone(), fulfilment: Fulfilment::Pickup }).await.unwrap();
    assert_eq!(placed.total_fen, offer.total_fen);
    assert!(elderly.buy_again().await.unwrap().iter().all(|offer| offer.campaign.id != second.id), "not offered once ordered");
}

/// Two phones of one household order at the same moment, again and again: one order.
/// Each campaign's kept count of households with a standing order equals a recount.
async fn assert_household_counts_are_true(app: &common::TestApp) {
    let counts: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT c.households, (SELECT COUNT(*) FROM orders o WHERE o.campaign_id = c.id AND o.cancelled_at IS NULL) FROM campaigns c",
    )
    .fetch_all(&app.db().pool)
    .await
    .unwrap();
    assert!(counts.iter().all(|(kept, recount)| kept == recount), "kept and recounted households: {counts:?}");
}

async fn one_household_has_one_order_even_at_once(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let shop = app.sign_in(MERCHANT).await;
    let created = shop.create_campaign(&campaign(Utc::now(), 1, vec![product("土鸡蛋", 2_880, 100, 5)])).await.unwrap();
    let eggs = created.products[0].id;
    let phones = [app.sign_in(OWNER).await, app.sign_in(OWNER).await];
    for round in 1..=5 {
        let (first, second) = (order(&[(eggs, round)]), order(&[(eggs, 6 - round)]));
        let (a, b) = tokio::join!(phones[0].place_order(created.id, &first), phones[1].place_order(created.id, &second));
        a.unwrap();
        b.unwrap();
    }
    assert_eq!(app.count("orders").await, 1);
    let (quantity,): (i64,) = sqlx::query_as("SELECT quantity FROM order_lines").fetch_one(&app.db().pool).await.unwrap();
    assert_eq!(ordered(&shop, created.id).await, [quantity], "stock moved exactly as the order that stands");
    assert_household_counts_are_true(&app).await;
}

/// 2,000 households press "order" at once for a product with 500 in stock. Each also
/// takes one of a plentiful product that comes first in the order, so a refused order
/// would leave that line behind if it were half made.
async fn a_flash_sale_sells_exactly_the_stock(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let shop = app.sign_in(MERCHANT).await;
    let offer = campaign(Utc::now(), 1, vec![product("环保袋", 10, 5_000, 1), product("特价鸡蛋", 990, 500, 1)]);
    let created = shop.create_campaign(&offer).await.unwrap();
    let (bags, eggs) = (created.products[0].id, created.products[1].id);
    let buyers = app.residents_of_new_households("团购楼", 2_000).await;
    let before_orders = app.count("orders").await;
    let attempts = buyers.iter().map(|buyer| {
        let buyer = buyer.clone();
        tokio::spawn(async move { buyer.place_order(created.id, &order(&[(bags, 1), (eggs, 1)])).await })
    });
    let answers = futures_util::future::join_all(attempts).await;
    let mut sold = 0;
    for answer in answers {
        match answer.expect("task") {
            Ok(_) => sold += 1,
            Err(error) => assert_eq!(error.code(), ErrorCode::SoldOut, "the only refusal is sold out: {error}"),
        }
    }
    assert_eq!(sold, 500);
    assert_eq!(ordered(&shop, created.id).await, [500, 500], "no bag taken by a refused order");
    assert_eq!(app.count("orders").await - before_orders, 500);
    let (lines,): (i64,) = sqlx::query_as("SELECT CAST(COALESCE(SUM(quantity), 0) AS BIGINT) FROM order_lines WHERE product_id = $1")
        .bind(eggs.0)
        .fetch_one(&app.db().pool)
        .await
        .unwrap();
    assert_eq!(lines, 500);
    assert_eq!(shop.campaign(created.id).await.unwrap().households, 500);
    assert_household_counts_are_true(&app).await;
}

on_both_databases!(
    a_shop_applies_and_publishes_once_staff_approve_it,
    a_household_orders_changes_and_cancels_before_the_cut_off,
    the_cut_off_forms_or_cancels_and_tells_every_buyer,
    the_server_decides_at_the_cut_off_by_itself,
    a_pickup_code_works_once_and_only_for_its_own_shop,
    staff_pause_resume_and_withdraw_with_a_reason,
    the_picking_list_groups_by_round_and_building,
    buying_again_offers_the_last_order_of_a_shop,
    one_household_has_one_order_even_at_once,
    a_flash_sale_sells_exactly_the_stock,
);
