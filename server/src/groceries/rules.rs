//! Pure rules of group buying: what a campaign must be, where it stands, what an order may
//! hold, how stock moves when an order changes, and what each household pays.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use linli_api::groceries::{CampaignPhase, CampaignStanding, OrderLine, OrderState};
use linli_api::ids::ProductId;
use linli_api::{ApiError, ErrorCode};

/// Where a campaign stands. Before the cut-off, as staff left it; at the cut-off it forms
/// when enough households ordered, else it is cancelled. Withdrawn is final; a campaign
/// still paused at its cut-off is decided like any other (its orders stand).
pub fn phase(standing: CampaignStanding, cut_off: DateTime<Utc>, households: i64, min_households: u32, now: DateTime<Utc>) -> CampaignPhase {
    match standing {
        CampaignStanding::Withdrawn => CampaignPhase::Withdrawn,
        _ if now >= cut_off && households >= i64::from(min_households) => CampaignPhase::Formed,
        _ if now >= cut_off => CampaignPhase::Cancelled,
        CampaignStanding::Paused => CampaignPhase::Paused,
        CampaignStanding::Running => CampaignPhase::Open,
    }
}

/// The phase recorded when the campaign was decided (what buyers were told).
pub fn decided_phase(outcome: &str) -> CampaignPhase {
    match outcome {
        "formed" => CampaignPhase::Formed,
        "withdrawn" => CampaignPhase::Withdrawn,
        _ => CampaignPhase::Cancelled,
    }
}

/// The stored outcome of a decided phase; `None` while it is undecided.
pub fn outcome_of(phase: CampaignPhase) -> Option<&'static str> {
    match phase {
        CampaignPhase::Formed => Some("formed"),
        CampaignPhase::Cancelled => Some("cancelled"),
        CampaignPhase::Withdrawn => Some("withdrawn"),
        CampaignPhase::Open | CampaignPhase::Paused => None,
    }
}

/// Eight random digits: read out as `1234-5678` at the counter and as a QR code.
pub fn new_pickup_code(rng: &mut impl rand::Rng) -> String {
    format!("{:08}", rng.gen_range(0..100_000_000u32))
}

/// A product an open campaign sells now, as buying again sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnSale {
    pub id: ProductId,
    pub name: String,
    pub unit: String,
    pub price_fen: i64,
    pub per_household_limit: i64,
    pub left: i64,
}

/// The lines of a past order (by product name and unit) that an open campaign sells,
/// each capped by its household limit and what is left; products not sold, or sold out,
/// drop out.
pub fn reorder(past: &[(String, String, i64)], on_sale: &[OnSale]) -> Vec<(ProductId, i64)> {
    let mut lines: Vec<(ProductId, i64)> = past
        .iter()
        .filter_map(|(name, unit, quantity)| {
            let product = on_sale.iter().find(|product| &product.name == name && &product.unit == unit)?;
            let quantity = (*quantity).min(product.per_household_limit).min(product.left);
            (quantity > 0).then_some((product.id, quantity))
        })
        .collect();
    lines.sort();
    lines.dedup_by_key(|(product, _)| *product);
    lines
}

/// Why an order cannot be placed, changed or cancelled now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closed {
    Paused,
    /// Past the cut-off, or withdrawn.
    Over,
}

pub fn may_order(phase: CampaignPhase) -> Result<(), Closed> {
    match phase {
        CampaignPhase::Open => Ok(()),
        CampaignPhase::Paused => Err(Closed::Paused),
        CampaignPhase::Withdrawn | CampaignPhase::Formed | CampaignPhase::Cancelled => Err(Closed::Over),
    }
}

/// A product as an order sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offer {
    pub id: ProductId,
    pub price_fen: i64,
    pub per_household_limit: i64,
}

/// The order's lines checked against the campaign's products: each product of this
/// campaign, once, between one and the household limit. Sorted by product, which is also
/// the order stock rows are updated in (so two orders never wait on each other's rows).
pub fn check_lines(lines: &[OrderLine], offers: &[Offer]) -> Result<Vec<(ProductId, i64)>, ApiError> {
    let invalid = || ApiError::on_field(ErrorCode::InvalidValue, "lines");
    if lines.is_empty() {
        return Err(ApiError::on_field(ErrorCode::FieldRequired, "lines"));
    }
    let mut checked = BTreeMap::new();
    for line in lines {
        let offer = offers.iter().find(|offer| offer.id == line.product_id).ok_or_else(invalid)?;
        if !(1..=offer.per_household_limit).contains(&line.quantity) {
            return Err(ApiError::on_field(ErrorCode::OverLimit, "lines"));
        }
        if checked.insert(line.product_id, line.quantity).is_some() {
            return Err(invalid());
        }
    }
    Ok(checked.into_iter().collect())
}

/// How each product's ordered quantity moves when a household's order goes from `before`
/// to `after` (either may be empty), in product order, leaving out what does not move.
pub fn stock_moves(before: &[(ProductId, i64)], after: &[(ProductId, i64)]) -> Vec<(ProductId, i64)> {
    let mut moves: BTreeMap<ProductId, i64> = BTreeMap::new();
    for (product, quantity) in before {
        *moves.entry(*product).or_default() -= quantity;
    }
    for (product, quantity) in after {
        *moves.entry(*product).or_default() += quantity;
    }
    moves.into_iter().filter(|(_, change)| *change != 0).collect()
}

/// What the household pays, in fen: each line's price times quantity. Limits keep this far
/// inside i64 (at most 30 lines of ¥100,000 × 100,000).
pub fn total_fen(lines: &[(i64, i64)]) -> i64 {
    lines.iter().map(|(price, quantity)| price * quantity).sum()
}

/// An order's state from its own facts and its campaign's phase.
pub fn order_state(cancelled: bool, picked_up: bool, phase: CampaignPhase) -> OrderState {
    match (cancelled, picked_up, phase) {
        (true, _, _) => OrderState::Cancelled,
        (_, true, _) => OrderState::PickedUp,
        (_, _, CampaignPhase::Open | CampaignPhase::Paused) => OrderState::Placed,
        (_, _, CampaignPhase::Formed) => OrderState::AwaitingPickup,
        (_, _, CampaignPhase::Cancelled | CampaignPhase::Withdrawn) => OrderState::Void,
    }
}

/// Why a pickup code is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickupRefusal {
    /// The campaign has not formed (or never will): nothing to hand over.
    NotFormed,
    AlreadyPickedUp,
}

pub fn may_pick_up(state: OrderState) -> Result<(), PickupRefusal> {
    match state {
        OrderState::AwaitingPickup => Ok(()),
        OrderState::PickedUp => Err(PickupRefusal::AlreadyPickedUp),
        OrderState::Placed | OrderState::Cancelled | OrderState::Void => Err(PickupRefusal::NotFormed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use linli_api::groceries::limits::{MAX_PRICE_FEN, MAX_PRODUCTS, MAX_STOCK};

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, day, hour, 0, 0).unwrap()
    }

    #[test]
    fn a_decision_is_stored_and_read_back() {
        for phase in [CampaignPhase::Formed, CampaignPhase::Cancelled, CampaignPhase::Withdrawn] {
            assert_eq!(decided_phase(outcome_of(phase).unwrap()), phase);
        }
        assert_eq!(outcome_of(CampaignPhase::Open), None);
    }

    #[test]
    fn pickup_codes_are_eight_digits() {
        let mut rng = rand::thread_rng();
        for _ in 0..200 {
            let code = new_pickup_code(&mut rng);
            assert!(code.len() == 8 && code.chars().all(|c| c.is_ascii_digit()), "{code}");
        }
    }

    #[test]
    fn buying_again_takes_what_is_sold_now_within_limits() {
        let on_sale = |id, name: &str, limit, left| OnSale {
            id: ProductId(id),
            name: name.into(),
            unit: "盒".into(),
            price_fen: 100,
            per_household_limit: limit,
            left,
        };
        let past = |name: &str, quantity| (name.to_owned(), "盒".to_owned(), quantity);
        let sale = [on_sale(9, "土鸡蛋", 2, 100), on_sale(4, "豆腐", 5, 1), on_sale(5, "牛奶", 5, 0)];
        assert_eq!(
            reorder(&[past("土鸡蛋", 3), past("豆腐", 2), past("牛奶", 1), past("大米", 1)], &sale),
            [(ProductId(4), 1), (ProductId(9), 2)],
            "capped by the limit and the stock; sold out and unsold products drop out"
        );
        assert_eq!(reorder(&[("土鸡蛋".into(), "斤".into(), 1)], &sale), [], "another unit is another product");
    }

    #[test]
    fn the_cut_off_decides_by_households() {
        assert_eq!(phase(CampaignStanding::Running, at(5, 20), 3, 10, at(5, 19)), CampaignPhase::Open);
        assert_eq!(phase(CampaignStanding::Running, at(5, 20), 10, 10, at(5, 20)), CampaignPhase::Formed, "exactly the minimum forms");
        assert_eq!(phase(CampaignStanding::Running, at(5, 20), 9, 10, at(5, 20)), CampaignPhase::Cancelled);
        assert_eq!(phase(CampaignStanding::Paused, at(5, 20), 12, 10, at(5, 19)), CampaignPhase::Paused);
        assert_eq!(phase(CampaignStanding::Paused, at(5, 20), 12, 10, at(6, 0)), CampaignPhase::Formed);
        assert_eq!(phase(CampaignStanding::Withdrawn, at(5, 20), 12, 10, at(6, 0)), CampaignPhase::Withdrawn);
        assert_eq!(may_order(CampaignPhase::Paused), Err(Closed::Paused));
        assert_eq!(may_order(CampaignPhase::Formed), Err(Closed::Over));
    }

    #[test]
    fn lines_respect_the_household_limit_and_come_in_product_order() {
        let offers = [
            Offer { id: ProductId(7), price_fen: 100, per_household_limit: 2 },
            Offer { id: ProductId(3), price_fen: 250, per_household_limit: 5 },
        ];
        let line = |id, quantity| OrderLine { product_id: ProductId(id), quantity };
        assert_eq!(check_lines(&[line(7, 2), line(3, 1)], &offers), Ok(vec![(ProductId(3), 1), (ProductId(7), 2)]));
        assert_eq!(check_lines(&[line(7, 3)], &offers).unwrap_err().code, ErrorCode::OverLimit);
        assert_eq!(check_lines(&[line(7, 0)], &offers).unwrap_err().code, ErrorCode::OverLimit);
        assert_eq!(check_lines(&[line(9, 1)], &offers).unwrap_err().code, ErrorCode::InvalidValue, "another campaign's product");
        assert_eq!(check_lines(&[line(7, 1), line(7, 1)], &offers).unwrap_err().code, ErrorCode::InvalidValue);
        assert_eq!(check_lines(&[], &offers).unwrap_err().code, ErrorCode::FieldRequired);
    }

    #[test]
    fn changing_an_order_moves_only_the_difference() {
        let (a, b, c) = (ProductId(1), ProductId(2), ProductId(3));
        assert_eq!(stock_moves(&[], &[(a, 2)]), [(a, 2)]);
        assert_eq!(stock_moves(&[(a, 2), (b, 1)], &[(a, 1), (c, 4)]), [(a, -1), (b, -1), (c, 4)]);
        assert_eq!(stock_moves(&[(a, 2)], &[(a, 2)]), []);
        assert_eq!(stock_moves(&[(a, 2)], &[]), [(a, -2)], "cancelling gives it all back");
    }

    #[test]
    fn totals_are_exact_fen() {
        assert_eq!(total_fen(&[(2_880, 2), (199, 3)]), 6_357);
        assert_eq!(total_fen(&[(MAX_PRICE_FEN, MAX_STOCK); MAX_PRODUCTS]), 30_000_000_000_000);
    }

    #[test]
    fn an_order_follows_its_campaign_and_is_handed_over_once() {
        assert_eq!(order_state(false, false, CampaignPhase::Open), OrderState::Placed);
        assert_eq!(order_state(false, false, CampaignPhase::Formed), OrderState::AwaitingPickup);
        assert_eq!(order_state(false, false, CampaignPhase::Cancelled), OrderState::Void);
        assert_eq!(order_state(true, false, CampaignPhase::Formed), OrderState::Cancelled);
        assert_eq!(may_pick_up(OrderState::AwaitingPickup), Ok(()));
        assert_eq!(may_pick_up(OrderState::PickedUp), Err(PickupRefusal::AlreadyPickedUp));
        assert_eq!(may_pick_up(OrderState::Void), Err(PickupRefusal::NotFormed));
    }
}
