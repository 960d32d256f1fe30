//! The picking list: a campaign's standing orders grouped by how they are handed over (the
//! pickup point, or each delivery round) and by building, with what to bring for each
//! group and for each household; and the same as CSV for the delivery team.

use std::collections::BTreeMap;

use linli_api::community::HouseholdLabel;
use linli_api::groceries::{yuan, DeliveryBatch, Handover, OrderLineView, PickingGroup, PickingHousehold, ProductTotal};
use linli_api::ids::{DeliveryBatchId, OrderId};

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

/// Groups in handover order (the pickup point first, then rounds by time) and, within a
/// handover, by building; households by unit and room.
pub fn groups(orders: Vec<PickingOrder>, pickup_point: Option<&str>, batches: &[DeliveryBatch]) -> Vec<PickingGroup> {
    // Key: (position of the handover, building name); position 0 is the pickup point.
    let position = |batch: Option<DeliveryBatchId>| match batch {
        None => 0,
        Some(id) => 1 + batches.iter().position(|known| known.id == id).unwrap_or(batches.len()),
    };
    let mut grouped: BTreeMap<(usize, String), Vec<PickingOrder>> = BTreeMap::new();
    for order in orders {
        grouped.entry((position(order.batch), order.household.building.clone())).or_default().push(order);
    }
    grouped
        .into_iter()
        .map(|((position, building), mut orders)| {
            orders.sort_by(|a, b| (&a.household.unit, &a.household.room).cmp(&(&b.household.unit, &b.household.room)));
            let handover = match position.checked_sub(1).and_then(|index| batches.get(index)) {
                Some(batch) => Handover::Delivery { batch: batch.clone() },
                None => Handover::Pickup { point: pickup_point.unwrap_or_default().to_owned() },
            };
            PickingGroup { handover, building, products: product_totals(&orders), households: orders.into_iter().map(household).collect() }
        })
        .collect()
}

fn product_totals(orders: &[PickingOrder]) -> Vec<ProductTotal> {
    let mut totals: BTreeMap<_, ProductTotal> = BTreeMap::new();
    for line in orders.iter().flat_map(|order| &order.lines) {
        totals
            .entry(line.product_id)
            .or_insert_with(|| ProductTotal { product_id: line.product_id, name: line.name.clone(), unit: line.unit.clone(), quantity: 0 })
            .quantity += line.quantity;
    }
    totals.into_values().collect()
}

fn household(order: PickingOrder) -> PickingHousehold {
    PickingHousehold { order_id: order.id, household: order.household, lines: order.lines, total_fen: order.total_fen, picked_up: order.picked_up }
}

/// One row per order line, with the household's total on each (a spreadsheet can filter
/// by building or round and still see what each household pays).
pub fn csv(groups: &[PickingGroup], zone: chrono::FixedOffset) -> Result<String, csv::Error> {
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
        for household in &group.households {
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
    use linli_api::ids::{BuildingId, HouseholdId, ProductId};

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

    #[test]
    fn orders_group_by_handover_then_building_with_totals() {
        let rounds = [round(7, "2栋", 2), round(8, "1栋", 6)];
        let orders = vec![
            order(1, label(1, "2栋", "301"), Some(7), vec![line(1, 2), line(2, 1)]),
            order(2, label(2, "2栋", "101"), Some(7), vec![line(1, 1)]),
            order(3, label(3, "3栋", "202"), None, vec![line(2, 4)]),
            order(4, label(4, "1栋", "102"), None, vec![line(1, 1)]),
            order(5, label(5, "1栋", "201"), Some(8), vec![line(2, 1)]),
        ];
        let groups = groups(orders, Some("东门"), &rounds);
        let shape: Vec<(String, &str, Vec<&str>)> = groups
            .iter()
            .map(|group| {
                let handover = match &group.handover {
                    Handover::Pickup { point } => point.clone(),
                    Handover::Delivery { batch } => format!("round {}", batch.id.0),
                };
                (handover, group.building.as_str(), group.households.iter().map(|h| h.household.room.as_str()).collect())
            })
            .collect();
        assert_eq!(
            shape,
            [
                ("东门".to_owned(), "1栋", vec!["102"]),
                ("东门".to_owned(), "3栋", vec!["202"]),
                ("round 7".to_owned(), "2栋", vec!["101", "301"]),
                ("round 8".to_owned(), "1栋", vec!["201"]),
            ]
        );
        let round_seven = &groups[2].products;
        assert_eq!(round_seven.iter().map(|p| (p.product_id.0, p.quantity)).collect::<Vec<_>>(), [(1, 3), (2, 1)]);
    }

    #[test]
    fn the_csv_has_a_row_per_line_with_exact_money() {
        let rounds = [round(7, "2栋", 2)];
        let groups = groups(vec![order(1, label(1, "2栋", "301"), Some(7), vec![line(1, 2), line(2, 1)])], None, &rounds);
        let text = csv(&groups, chrono::FixedOffset::east_opt(8 * 3600).unwrap()).unwrap();
        let rows: Vec<&str> = text.lines().collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1], "delivery 2栋,2026-12-06 10:00 – 12:00,2栋,1单元,301,商品1,盒,2,¥2.50,¥5.00,¥7.50,no");
    }
}
