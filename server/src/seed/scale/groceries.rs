//! Two years of group buying: about three campaigns a day from forty shops, each with
//! three products, decided at their cut-off (nine in ten formed); a few open now; and the
//! biggest, formed yesterday, with an order from every household and delivery rounds to
//! ten buildings. One order in twenty was cancelled; formed campaigns' orders were mostly
//! picked up. Each product's ordered quantity is the sum of its standing orders' lines.

use sqlx::AnyConnection;

use super::bulk::{row, Ids, Table};
use super::people::Town;
use super::{text, Seeding};

const DAY: i64 = 86_400_000;
const PRODUCTS_PER_CAMPAIGN: usize = 3;
const PER_HOUSEHOLD_LIMIT: i64 = 3;
/// Buildings the biggest campaign delivers to (the others pick up).
const DELIVERED_BUILDINGS: usize = 10;

/// A campaign as planned: when, whose, how many orders and how it ended.
struct Plan {
    id: i64,
    merchant: usize,
    cut_off: i64,
    /// The first of its orders' global numbers, and how many.
    first_order: usize,
    orders: usize,
    /// Where its households start, going round the community.
    first_household: usize,
    outcome: Option<&'static str>,
    min_households: i64,
}

/// One order of a campaign, a pure function of its numbers so that the products' kept
/// quantities and the order rows are computed from the same lines.
struct Order {
    household: usize,
    /// (product position, quantity)
    lines: Vec<(usize, i64)>,
    cancelled: bool,
}

fn order(plan: &Plan, k: usize, households: usize) -> Order {
    let g = plan.first_order + k;
    let lines = (0..1 + g % PRODUCTS_PER_CAMPAIGN).map(|j| ((k + j) % PRODUCTS_PER_CAMPAIGN, 1 + ((g + j) % 2) as i64)).collect();
    Order { household: (plan.first_household + k) % households, lines, cancelled: g % 20 == 19 }
}

pub async fn buy(conn: &mut AnyConnection, seeding: &mut Seeding, town: &Town) -> Result<usize, sqlx::Error> {
    let sizes = seeding.sizes;
    let households = town.homes.len();
    let first = Ids::of(conn, "campaigns").await?.take();
    // Campaign 0 is the biggest; 1..=open are open now; the rest count back two years.
    let biggest_orders = households.min(sizes.orders / 2);
    let others = sizes.campaigns.saturating_sub(1).max(1);
    let mut plans = Vec::with_capacity(sizes.campaigns);
    let mut next_order = 0;
    for c in 0..sizes.campaigns {
        let orders = if c == 0 { biggest_orders } else { ((sizes.orders - biggest_orders) / others).min(households) };
        let open = (1..=sizes.campaigns_open).contains(&c);
        let cut_off = match c {
            0 => seeding.ago(1.0),
            _ if open => seeding.now_millis() + DAY * (1 + c as i64 % 7),
            _ => seeding.ago(1.0 + (c - sizes.campaigns_open) as f64 * 730.0 / others as f64),
        };
        // One past campaign in ten asked for more households than it got.
        let cancelled = !open && c % 10 == 9;
        let outcome = if open { None } else if cancelled { Some("cancelled") } else { Some("formed") };
        let merchant = if c == 0 { 0 } else { c % town.merchants.len() };
        plans.push(Plan {
            id: first + (sizes.campaigns - 1 - c) as i64,
            merchant,
            cut_off,
            first_order: next_order,
            orders,
            first_household: c * 97 % households,
            outcome,
            min_households: if cancelled { orders as i64 + 1 } else { 10 },
        });
        next_order += orders;
    }

    let mut rows = campaigns(conn, seeding, town, &plans).await?;
    let products = products(conn, town, &plans).await?;
    rows += products.1;
    let batches = batches(conn, town, &plans[0]).await?;
    rows += batches.len();
    rows += orders(conn, seeding, town, &plans, &products.0, &batches).await?;
    super::bulk::continue_ids(conn, seeding.backend, &["campaigns", "products", "delivery_batches", "orders"]).await?;
    Ok(rows)
}

async fn campaigns(conn: &mut AnyConnection, seeding: &Seeding, town: &Town, plans: &[Plan]) -> Result<usize, sqlx::Error> {
    let mut table = Table::new(
        "campaigns",
        &["id", "community_id", "merchant_id", "title", "description", "min_households", "cut_off", "pickup_point", "standing", "reason",
          "created_at", "outcome", "decided_at"],
    );
    // Oldest first, so that ids grow with time.
    for (c, plan) in plans.iter().enumerate().rev() {
        let title = if c == 0 { "万家团：年货大礼包".to_owned() } else { format!("{}（第{}团）", text::pick(&text::SHOPS, plan.merchant), c) };
        // The second open campaign is paused by staff, with the reason residents see.
        let (standing, reason) = if c == 2 && plan.outcome.is_none() { ("paused", Some("商家资质复核中")) } else { ("running", None) };
        let created = plan.cut_off - 5 * DAY;
        let decided = plan.outcome.map(|_| plan.cut_off.min(seeding.now_millis()));
        let row = row![
            plan.id, town.community.0, town.merchants[plan.merchant].id.0, title, "本地农场直供，截单后第二天送到。", plan.min_households, plan.cut_off,
            "东门快递柜旁（早 8 点到晚 8 点）", standing, reason, created, plan.outcome, decided
        ];
        table.add(conn, row).await?;
    }
    table.finish(conn).await
}

/// Each campaign's products with the quantity its standing orders hold, and stock to spare.
/// Returns the product ids by campaign (in position order) and the rows written.
async fn products(conn: &mut AnyConnection, town: &Town, plans: &[Plan]) -> Result<(Vec<[i64; PRODUCTS_PER_CAMPAIGN]>, usize), sqlx::Error> {
    let mut ids = Ids::of(conn, "products").await?;
    let mut table = Table::new("products", &["id", "campaign_id", "position", "name", "unit", "price_fen", "stock", "ordered", "per_household_limit"]);
    let mut by_campaign = vec![[0; PRODUCTS_PER_CAMPAIGN]; plans.len()];
    for (c, plan) in plans.iter().enumerate().rev() {
        let mut ordered = [0_i64; PRODUCTS_PER_CAMPAIGN];
        for k in 0..plan.orders {
            let order = order(plan, k, town.homes.len());
            if !order.cancelled {
                for (position, quantity) in order.lines {
                    ordered[position] += quantity;
                }
            }
        }
        for (position, ordered) in ordered.iter().enumerate() {
            let (name, unit, price) = text::PRODUCTS[(c * PRODUCTS_PER_CAMPAIGN + position) % text::PRODUCTS.len()];
            let id = ids.take();
            table.add(conn, row![id, plan.id, position as i64, name, unit, price, ordered + 50, *ordered, PER_HOUSEHOLD_LIMIT]).await?;
            by_campaign[c][position] = id;
        }
    }
    Ok((by_campaign, table.finish(conn).await?))
}

/// The biggest campaign's delivery rounds, the day after its cut-off: one per building of
/// the first ten. Returns their ids by building index.
async fn batches(conn: &mut AnyConnection, town: &Town, biggest: &Plan) -> Result<Vec<i64>, sqlx::Error> {
    let mut ids = Ids::of(conn, "delivery_batches").await?;
    let mut table = Table::new("delivery_batches", &["id", "campaign_id", "building_id", "window_start", "window_end"]);
    let mut batches = Vec::new();
    for (b, (building, _)) in town.buildings.iter().take(DELIVERED_BUILDINGS).enumerate() {
        let id = ids.take();
        let start = biggest.cut_off + DAY / 2 + b as i64 * 3_600_000;
        table.add(conn, row![id, biggest.id, building.0, start, start + 3_600_000]).await?;
        batches.push(id);
    }
    table.finish(conn).await?;
    Ok(batches)
}

async fn orders(
    conn: &mut AnyConnection,
    seeding: &Seeding,
    town: &Town,
    plans: &[Plan],
    products: &[[i64; PRODUCTS_PER_CAMPAIGN]],
    batches: &[i64],
) -> Result<usize, sqlx::Error> {
    let mut ids = Ids::of(conn, "orders").await?;
    let mut table = Table::new(
        "orders",
        &["id", "campaign_id", "household_id", "placed_by", "fulfilment", "batch_id", "total_fen", "pickup_code", "created_at", "updated_at",
          "cancelled_at", "picked_up_at", "picked_up_by", "building_id"],
    );
    let mut lines = Table::new("order_lines", &["order_id", "product_id", "quantity", "price_fen"]);
    let building_index: std::collections::HashMap<_, _> = town.buildings.iter().enumerate().map(|(i, (id, _))| (*id, i)).collect();
    for (c, plan) in plans.iter().enumerate().rev() {
        let merchant = town.merchants[plan.merchant].id.0;
        for k in 0..plan.orders {
            let order = order(plan, k, town.homes.len());
            let home = &town.homes[order.household];
            let g = plan.first_order + k;
            let id = ids.take();
            let created = plan.cut_off - 5 * DAY + (k as i64 * 4 * DAY) / plan.orders.max(1) as i64;
            let building = building_index[&home.building];
            let batch = (c == 0 && building < batches.len() && g % 2 == 0).then(|| batches[building]);
            let fulfilment = if batch.is_some() { "delivery" } else { "pickup" };
            let priced: Vec<(i64, i64, i64)> = order
                .lines
                .iter()
                .map(|(position, quantity)| {
                    let (_, _, price) = text::PRODUCTS[(c * PRODUCTS_PER_CAMPAIGN + position) % text::PRODUCTS.len()];
                    (products[c][*position], *quantity, price)
                })
                .collect();
            let total: i64 = priced.iter().map(|(_, quantity, price)| quantity * price).sum();
            // Eight digits, distinct for every order of the data set.
            let code = format!("{:08}", (g as u64 * 7_919 + 13) % 100_000_000);
            let cancelled = order.cancelled.then_some(created + DAY / 2);
            let picked = (plan.outcome == Some("formed") && !order.cancelled && (c > 0 || g % 3 == 0) && g % 10 != 0).then_some(plan.cut_off + DAY);
            let picked = picked.filter(|at| *at <= seeding.now_millis());
            let row = row![
                id, plan.id, home.id.0, town.residents[home.residents[0]].id.0, fulfilment, batch, total, code, created, cancelled.unwrap_or(created),
                cancelled, picked, picked.map(|_| merchant), home.building.0
            ];
            table.add(conn, row).await?;
            for (product, quantity, price) in priced {
                lines.add_under(conn, &mut table, row![id, product, quantity, price]).await?;
            }
        }
    }
    // Orders before their lines: the lines point at them.
    let rows = table.finish(conn).await?;
    Ok(rows + lines.finish(conn).await?)
}
