//! The picking list: a campaign's standing orders grouped by how they are handed over (the
//! pickup point, or each delivery round) and by building, with what to bring for each
//! group; each group's households come a page at a time. And the whole list as CSV for the
//! delivery team.

use std::collections::{BTreeMap, HashMap};

use linli_api::community::HouseholdLabel;
use linli_api::groceries::{yuan, DeliveryBatch, Handover, OrderLineView, PickingGroup, PickingHousehold, Product, ProductTotal};
use linli_api::ids::{BuildingId, DeliveryBatchId, OrderId, ProductId};

use super::storage::{GroupFigures, GroupProduct};

/// One standing order as the picking list needs it.
#[derive(Debug, Clone)]
pub struct PickingOrder {
    pub id: OrderId,
    pub household: HouseholdLabel,
    /// `None` for the pickup point.
    pub batch: Option<DeliveryBatchId>,
    pub lines: Vec<OrderLineView>,
    pub total_fen: i64,
    pub picked_up: bool,
}

/// Where a group stands in the list: the pickup point first, then rounds in their order.
fn position(batch: Option<DeliveryBatchId>, batches: &[DeliveryBatch]) -> usize {
    match batch {
        None => 0,
        Some(id) => 1 + batches.iter().position(|known| known.id == id).unwrap_or(batches.len()),
    }
}

/// The groups in handover order (the pickup point first, then rounds by time) and, within
/// a handover, by building name, each with the products it needs in catalogue order.
pub fn groups(
    figures: Vec<GroupFigures>,
    needs: &[GroupProduct],
    catalogue: &[Product],
    buildings: &HashMap<BuildingId, String>,
    pickup_point: Option<&str>,
    batches: &[DeliveryBatch],
) -> Vec<PickingGroup> {
    let mut needed: HashMap<(Option<DeliveryBatchId>, BuildingId, ProductId), i64> = HashMap::new();
    for need in needs {
        *needed.entry((need.batch, need.building, need.product)).or_default() += need.quantity;
    }
    let mut ordered: BTreeMap<(usize, String, BuildingId), GroupFigures> = BTreeMap::new();
    for group in figures {
        let name = buildings.get(&group.building).cloned().unwrap_or_default();
        ordered.insert((position(group.batch, batches), name, group.building), group);
    }
    ordered
        .into_iter()
        .map(|((position, building, _), group)| {
            let handover = match position.checked_sub(1).and_then(|index| batches.get(index)) {
                Some(batch) => Handover::Delivery { batch: batch.clone() },
                None => Handover::Pickup { point: pickup_point.unwrap_or_default().to_owned() },
            };
            let products = catalogue
                .iter()
                .filter_map(|product| {
                    let quantity = needed.get(&(group.batch, group.building, product.id)).copied().unwrap_or(0);
                    (quantity > 0).then(|| ProductTotal { product_id: product.id, name: product.name.clone(), unit: product.unit.clone(), quantity })
                })
                .collect();
            PickingGroup {
                handover,
                building_id: group.building,
                building,
                products,
                households: group.households,
                total_fen: group.total_fen,
                picked_up: group.picked_up,
            }
        })
        .collect()
}

pub fn household(order: PickingOrder) -> PickingHousehold {
    PickingHousehold { order_id: order.id, household: order.household, lines: order.lines, total_fen: order.total_fen, picked_up: order.picked_up }
}

/// One row per order line, with the household's total on each (a spreadsheet can filter
/// by building or round and still see what each household pays): the groups in the list's
/// order, each group's households by unit and room.
pub fn csv(groups: &[PickingGroup], orders: Vec<PickingOrder>, zone: chrono::FixedOffset) -> Result<String, csv::Error> {
    let mut by_group: HashMap<(Option<DeliveryBatchId>, String), Vec<PickingOrder>> = HashMap::new();
    for order in orders {
        by_group.entry((order.batch, order.household.building.clone())).or_default().push(order);
    }
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record([
        "handover", "window", "building", "unit", "room", "product", "unit_of_sale", "quantity", "price", "subtotal", "order_total",
        "picked_up",
    ])?;
    for group in groups {
        let (handover, window) = match &group.handover {
            Handover::Pickup { point } => (point.clone(), String::new()),
            Handover::Delivery { batch } => (
                format!("delivery {}", batch.building),
                format!(
                    "{} – {}",
                    batch.window_start.with_timezone(&zone).format("%Y-%m-%d %H:%M"),
                    batch.window_end.with_timezone(&zone).format("%H:%M")
                ),
            ),
        };
        let mut households = by_group.remove(&(group.batch(), group.building.clone())).unwrap_or_default();
        households.sort_by(|a, b| (&a.household.unit, &a.household.room).cmp(&(&b.household.unit, &b.household.room)));
        for household in &households {
            for line in &household.lines {
                out.write_record([
                    handover.as_str(),
                    window.as_str(),
                    group.building.as_str(),
                    household.household.unit.as_str(),
                    household.household.room.as_str(),
                    line.name.as_str(),
                    line.unit.as_str(),
                    &line.quantity.to_string(),
                    &yuan(line.price_fen),
                    &yuan(line.subtotal_fen),
                    &yuan(household.total_fen),
                    if household.picked_up { "yes" } else { "no" },
                ])?;
            }
        }
    }
    let bytes = out.into_inner().map_err(|error| error.into_error())?;
    Ok(String::from_utf8(bytes).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use linli_api::ids::HouseholdId;

    fn label(id: i64, building: &str, room: &str) -> HouseholdLabel {
        HouseholdLabel { id: HouseholdId(id), building: building.into(), unit: "1单元".into(), room: room.into() }
    }

    fn line(product: i64, quantity: i64) -> OrderLineView {
        OrderLineView {
            product_id: ProductId(product),
            name: format!("商品{product}"),
            unit: "盒".into(),
            price_fen: 250,
            quantity,
            subtotal_fen: 250 * quantity,
        }
    }

    fn order(id: i64, household: HouseholdLabel, batch: Option<i64>, lines: Vec<OrderLineView>) -> PickingOrder {
        let total_fen = lines.iter().map(|line| line.subtotal_fen).sum();
        PickingOrder { id: OrderId(id), household, batch: batch.map(DeliveryBatchId), lines, total_fen, picked_up: false }
    }

    fn round(id: i64, building: &str, hour: u32) -> DeliveryBatch {
        DeliveryBatch {
            id: DeliveryBatchId(id),
            building_id: BuildingId(id),
            building: building.into(),
            window_start: Utc.with_ymd_and_hms(2026, 12, 6, hour, 0, 0).unwrap(),
            window_end: Utc.with_ymd_and_hms(2026, 12, 6, hour + 2, 0, 0).unwrap(),
        }
    }

    fn product(id: i64) -> Product {
        Product { id: ProductId(id), name: format!("商品{id}"), unit: "盒".into(), price_fen: 250, stock: 10, ordered: 0, per_household_limit: 5, photo: None }
    }

    fn figures(batch: Option<i64>, building: i64, households: i64) -> GroupFigures {
        GroupFigures { batch: batch.map(DeliveryBatchId), building: BuildingId(building), households, total_fen: households * 250, picked_up: 0 }
    }

    fn need(batch: Option<i64>, building: i64, product: i64, quantity: i64) -> GroupProduct {
        GroupProduct { batch: batch.map(DeliveryBatchId), building: BuildingId(building), product: ProductId(product), quantity }
    }

    fn buildings() -> HashMap<BuildingId, String> {
        [(1, "1栋"), (2, "2栋"), (3, "3栋")].into_iter().map(|(id, name)| (BuildingId(id), name.to_owned())).collect()
    }

    #[test]
    fn groups_come_by_handover_then_building_with_what_each_needs() {
        let rounds = [round(7, "2栋", 2), round(8, "1栋", 6)];
        let found = vec![figures(Some(8), 1, 1), figures(None, 3, 1), figures(Some(7), 2, 2), figures(None, 1, 1)];
        let needs = [need(Some(7), 2, 1, 3), need(Some(7), 2, 2, 1), need(None, 3, 2, 4), need(None, 1, 1, 1), need(Some(8), 1, 2, 1)];
        let groups = groups(found, &needs, &[product(1), product(2)], &buildings(), Some("东门"), &rounds);
        let shape: Vec<(String, &str, i64)> = groups
            .iter()
            .map(|group| {
                let handover = match &group.handover {
                    Handover::Pickup { point } => point.clone(),
                    Handover::Delivery { batch } => format!("round {}", batch.id.0),
                };
                (handover, group.building.as_str(), group.households)
            })
            .collect();
        assert_eq!(
            shape,
            [("东门".to_owned(), "1栋", 1), ("东门".to_owned(), "3栋", 1), ("round 7".to_owned(), "2栋", 2), ("round 8".to_owned(), "1栋", 1)]
        );
        let round_seven = &groups[2].products;
        assert_eq!(round_seven.iter().map(|p| (p.product_id.0, p.quantity)).collect::<Vec<_>>(), [(1, 3), (2, 1)]);
        assert_eq!(groups[1].products.iter().map(|p| (p.product_id.0, p.quantity)).collect::<Vec<_>>(), [(2, 4)]);
        assert_eq!((groups[2].batch(), groups[0].batch()), (Some(DeliveryBatchId(7)), None));
    }

    #[test]
    fn the_csv_has_a_row_per_line_with_exact_money_by_unit_and_room() {
        let rounds = [round(7, "2栋", 2)];
        let listed = groups(vec![figures(Some(7), 2, 2)], &[], &[], &buildings(), None, &rounds);
        let orders = vec![
            order(1, label(1, "2栋", "301"), Some(7), vec![line(1, 2), line(2, 1)]),
            order(2, label(2, "2栋", "101"), Some(7), vec![line(1, 1)]),
        ];
        let text = csv(&listed, orders, chrono::FixedOffset::east_opt(8 * 3600).unwrap()).unwrap();
        let rows: Vec<&str> = text.lines().collect();
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[1], "delivery 2栋,2026-12-06 10:00 – 12:00,2栋,1单元,101,商品1,盒,1,¥2.50,¥2.50,¥2.50,no");
        assert_eq!(rows[2], "delivery 2栋,2026-12-06 10:00 – 12:00,2栋,1单元,301,商品1,盒,2,¥2.50,¥5.00,¥7.50,no");
    }
}
