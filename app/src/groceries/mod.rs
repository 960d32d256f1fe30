//! Group buying (社区团购) for residents: `/groceries` lists campaigns with live stock, time
//! to the cut-off and progress to the group minimum (`list.rs`); `/groceries/campaigns/:id`
//! is one campaign (`campaign.rs`) with its cart (`cart.rs`, how the order is handed over in
//! `fulfilment.rs`) and, for staff, pause / resume / withdraw (`standing.rs`);
//! `/groceries/orders` the household's orders with their pickup QR codes (`orders.rs`);
//! `/groceries/again` the simplified "buy again" of 长辈版 (`again.rs`).
//!
//! This file holds what the screens share: the page shell, the clock the countdowns follow,
//! and the words for phases, stock, prices and progress.

mod again;
mod campaign;
mod cart;
mod fulfilment;
mod list;
mod orders;
mod standing;

use std::collections::BTreeSet;
use std::time::Duration;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use linli_api::auth::Role;
use linli_api::groceries::{yuan, CampaignPhase, OrderLineView, OrderState, Product};
use linli_api::ids::CampaignId;

use crate::i18n::{format_datetime, locale, t, t_args, tr};
use crate::layout::icons;
use crate::session::{can_invite, Session};

pub use again::BuyAgainPage;
pub use campaign::CampaignPage;
pub use list::CampaignListPage;
pub use orders::MyOrdersPage;

/// Who fills a cart: residents of a household (the server's `ResidentsOnly`).
pub fn is_resident(role: Role) -> bool {
    role == Role::Resident
}

/// Who may pause, resume or withdraw a campaign (the server's `StaffOnly`).
pub fn is_staff(role: Role) -> bool {
    can_invite(role)
}

/// Who may open a campaign's dashboard and picking list: staff, and the shop (its own).
pub fn oversees(role: Role) -> bool {
    is_staff(role) || role == Role::Merchant
}

/// A campaign id from the route: a positive number, or nothing.
pub fn parse_campaign_id(raw: Option<String>) -> Option<CampaignId> {
    raw?.trim().parse().ok().filter(|id| *id > 0).map(CampaignId)
}

/// What is left of a product for households to order (never below zero).
pub fn stock_left(product: &Product) -> i64 {
    (product.stock - product.ordered).max(0)
}

/// Per cent of the group minimum reached, rounded down: 100 once reached (or without one).
pub fn progress_percent(households: i64, min: u32) -> i64 {
    if min == 0 {
        return 100;
    }
    households.clamp(0, i64::from(min)) * 100 / i64::from(min)
}

/// Whether a campaign still takes orders (as far as the reader's clock knows: the server
/// decides it at the cut-off and says so live).
pub fn taking_orders(phase: CampaignPhase, cut_off: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    phase == CampaignPhase::Open && now < cut_off
}

/// Time left until the cut-off, in the two largest units that matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Countdown {
    Days { days: i64, hours: i64 },
    Hours { hours: i64, minutes: i64 },
    Minutes(i64),
    Over,
}

pub fn countdown(now: DateTime<Utc>, cut_off: DateTime<Utc>) -> Countdown {
    let seconds = (cut_off - now).num_seconds();
    if seconds <= 0 {
        return Countdown::Over;
    }
    // A part-minute left counts as a whole one: "1 minute left" until it is over.
    let minutes = (seconds + 59) / 60;
    match minutes {
        m if m >= 24 * 60 => Countdown::Days { days: m / (24 * 60), hours: m % (24 * 60) / 60 },
        m if m >= 60 => Countdown::Hours { hours: m / 60, minutes: m % 60 },
        m => Countdown::Minutes(m),
    }
}

pub fn countdown_text(left: Countdown) -> String {
    match left {
        Countdown::Days { days, hours } => t_args("groceries-left-days", &[("days", days.into()), ("hours", hours.into())]),
        Countdown::Hours { hours, minutes } => {
            t_args("groceries-left-hours", &[("hours", hours.into()), ("minutes", minutes.into())])
        }
        Countdown::Minutes(minutes) => t_args("groceries-left-minutes", &[("minutes", minutes.into())]),
        Countdown::Over => t("groceries-left-over"),
    }
}

/// The Fluent id of a phase's word.
pub fn phase_id(phase: CampaignPhase) -> &'static str {
    match phase {
        CampaignPhase::Open => "groceries-phase-open",
        CampaignPhase::Paused => "groceries-phase-paused",
        CampaignPhase::Withdrawn => "groceries-phase-withdrawn",
        CampaignPhase::Formed => "groceries-phase-formed",
        CampaignPhase::Cancelled => "groceries-phase-cancelled",
    }
}

/// A phase as tests and styles read it (`data-phase`).
pub fn phase_key(phase: CampaignPhase) -> &'static str {
    match phase {
        CampaignPhase::Open => "open",
        CampaignPhase::Paused => "paused",
        CampaignPhase::Withdrawn => "withdrawn",
        CampaignPhase::Formed => "formed",
        CampaignPhase::Cancelled => "cancelled",
    }
}

/// The sentence under the phase: why staff paused or withdrew it (their reason), or what
/// the outcome means for the household's order.
pub fn phase_sentence(phase: CampaignPhase, reason: Option<&str>) -> Option<String> {
    let reason = reason.map(str::trim).filter(|reason| !reason.is_empty()).map(str::to_owned);
    Some(match (phase, reason) {
        (CampaignPhase::Open, _) => return None,
        (CampaignPhase::Paused, Some(reason)) => t_args("groceries-paused-reason", &[("reason", reason.into())]),
        (CampaignPhase::Paused, None) => t("groceries-paused-note"),
        (CampaignPhase::Withdrawn, Some(reason)) => t_args("groceries-withdrawn-reason", &[("reason", reason.into())]),
        (CampaignPhase::Withdrawn, None) => t("groceries-withdrawn-note"),
        (CampaignPhase::Formed, _) => t("groceries-formed-note"),
        (CampaignPhase::Cancelled, _) => t("groceries-cancelled-note"),
    })
}

/// The Fluent id of an order's state.
pub fn order_state_id(state: OrderState) -> &'static str {
    match state {
        OrderState::Placed => "groceries-order-placed",
        OrderState::Cancelled => "groceries-order-cancelled",
        OrderState::AwaitingPickup => "groceries-order-awaiting-pickup",
        OrderState::PickedUp => "groceries-order-picked-up",
        OrderState::Void => "groceries-order-void",
    }
}

/// An order's state as tests and styles read it (`data-state`), as the API spells it.
pub fn order_state_key(state: OrderState) -> &'static str {
    match state {
        OrderState::Placed => "placed",
        OrderState::Cancelled => "cancelled",
        OrderState::AwaitingPickup => "awaiting_pickup",
        OrderState::PickedUp => "picked_up",
        OrderState::Void => "void",
    }
}

/// One line of an order in plain words: "散养土鸡蛋 2 盒".
pub fn line_text(line: &OrderLineView) -> String {
    t_args("groceries-line", &[("name", line.name.clone().into()), ("quantity", line.quantity.into()), ("unit", line.unit.clone().into())])
}

/// "¥28.80/盒": the unit price, said clearly.
pub fn unit_price_text(price_fen: i64, unit: &str) -> String {
    t_args("groceries-unit-price", &[("price", yuan(price_fen).into()), ("unit", unit.to_owned().into())])
}

/// "2 盒".
pub fn quantity_text(quantity: i64, unit: &str) -> String {
    t_args("groceries-quantity", &[("quantity", quantity.into()), ("unit", unit.to_owned().into())])
}

/// "还剩 18 盒", or "sold out".
pub fn stock_text(product: &Product) -> String {
    match stock_left(product) {
        0 => t("groceries-sold-out"),
        left => t_args("groceries-stock-left", &[("left", left.into()), ("unit", product.unit.clone().into())]),
    }
}

/// "12 households ordered; 20 make the group".
pub fn households_text(households: i64, min: u32) -> String {
    let reached = if households >= i64::from(min) { "yes" } else { "no" };
    t_args("groceries-households", &[("households", households.into()), ("min", min.into()), ("reached", reached.into())])
}

/// The ids of campaigns being fetched, and of those changed again meanwhile: a burst of live
/// events (a flash sale sends one per order) costs at most one more fetch per campaign.
#[derive(Debug, Default)]
pub struct Refreshes {
    running: BTreeSet<CampaignId>,
    again: BTreeSet<CampaignId>,
}

impl Refreshes {
    /// Whether to fetch `id` now (false: a fetch is under way; it will run once more).
    pub fn start(&mut self, id: CampaignId) -> bool {
        if self.running.insert(id) {
            return true;
        }
        self.again.insert(id);
        false
    }

    /// A fetch of `id` came back; whether to fetch it once more.
    pub fn finish(&mut self, id: CampaignId) -> bool {
        if self.again.remove(&id) {
            return true;
        }
        self.running.remove(&id);
        false
    }
}

/// The shell of a group-buying screen: the header with its back link, then `<main id=…>`.
/// Each screen draws its own `<h1 tabindex="-1">` in every state (loading, failed, shown).
#[component]
pub fn GroceriesPage(id: &'static str, back: &'static str, children: Children) -> impl IntoView {
    view! {
        <header class="bar">
            <a class="back" href=back>{icons::icon(icons::BACK)}<span>{tr("nav-back")}</span></a>
            <span class="brand">{tr("app-name")}</span>
        </header>
        <main id=id class="groceries">{children()}</main>
    }
}

pub use crate::native::focus_soon;

/// How often countdowns move on (they show minutes).
const TICK: Duration = Duration::from_secs(30);

/// The time now, moving on every half minute while the screen is open.
pub fn clock() -> Signal<DateTime<Utc>> {
    let now = RwSignal::new(crate::native::now());
    if let Ok(handle) = set_interval_with_handle(
        move || {
            now.try_set(crate::native::now());
        },
        TICK,
    ) {
        on_cleanup(move || handle.clear());
    }
    now.into()
}

/// The cut-off in the community's zone and, while orders are taken, the time left.
#[component]
pub fn CutOff(
    id: String,
    #[prop(into)] cut_off: Signal<DateTime<Utc>>,
    #[prop(into)] phase: Signal<CampaignPhase>,
    now: Signal<DateTime<Utc>>,
) -> impl IntoView {
    let session = Session::get();
    let when = move || format_datetime(locale(), cut_off.get(), session.utc_offset());
    let running = move || matches!(phase.get(), CampaignPhase::Open | CampaignPhase::Paused);
    view! {
        <p class="cut-off" id=id>
            <time datetime=move || cut_off.get().to_rfc3339()>
                {move || t_args("groceries-cut-off", &[("when", when().into())])}
            </time>
            {move || running().then(|| view! {
                " " <strong class="countdown">{move || countdown_text(countdown(now.get(), cut_off.get()))}</strong>
            })}
        </p>
    }
}

/// The phase as a tag, in words (the class only a second hint), with `data-phase` to read.
#[component]
pub fn PhaseTag(id: String, #[prop(into)] phase: Signal<CampaignPhase>) -> impl IntoView {
    let class = move || match phase.get() {
        CampaignPhase::Open | CampaignPhase::Formed => "tag phase good",
        CampaignPhase::Paused | CampaignPhase::Withdrawn | CampaignPhase::Cancelled => "tag phase",
    };
    view! {
        <span class=class id=id data-phase=move || phase_key(phase.get())>{move || t(phase_id(phase.get()))}</span>
    }
}

/// Households towards the group minimum: a bar with its words for screen readers, and the
/// words for everyone.
#[component]
pub fn HouseholdsProgress(
    #[prop(into)] id: String,
    #[prop(into)] households: Signal<i64>,
    #[prop(into)] min: Signal<u32>,
) -> impl IntoView {
    let text = move || households_text(households.get(), min.get());
    view! {
        <div class="support-progress" id=id>
            <p class="support-count">{text}</p>
            <div class="support-bar" role="progressbar" aria-valuemin="0"
                aria-valuemax=move || min.get().max(1).to_string()
                aria-valuenow=move || households.get().clamp(0, i64::from(min.get().max(1))).to_string()
                aria-valuetext=text aria-label=move || t("groceries-progress-label")>
                <span style=move || format!("width:{}%", progress_percent(households.get(), min.get()))></span>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;
    use linli_api::ids::ProductId;

    fn at(raw: &str) -> DateTime<Utc> {
        raw.parse().unwrap()
    }

    #[test]
    fn campaign_ids_are_positive_numbers() {
        assert_eq!(parse_campaign_id(Some(" 7".into())), Some(CampaignId(7)));
        for bad in ["0", "-1", "eggs", ""] {
            assert_eq!(parse_campaign_id(Some(bad.into())), None, "{bad}");
        }
        assert_eq!(parse_campaign_id(None), None);
    }

    #[test]
    fn progress_stops_at_the_minimum() {
        assert_eq!(progress_percent(0, 20), 0);
        assert_eq!(progress_percent(5, 20), 25);
        assert_eq!(progress_percent(1, 3), 33);
        assert_eq!(progress_percent(7, 3), 100);
        assert_eq!(progress_percent(-2, 3), 0);
        assert_eq!(progress_percent(0, 0), 100, "no minimum: formed by anyone");
    }

    #[test]
    fn the_countdown_uses_the_two_largest_units_and_never_says_zero_too_early() {
        let now = at("2026-11-23T06:00:00Z");
        let left = |d: Duration| countdown(now, now + d);
        assert_eq!(left(Duration::days(2) + Duration::hours(5) + Duration::minutes(9)), Countdown::Days { days: 2, hours: 5 });
        assert_eq!(left(Duration::hours(3) + Duration::minutes(20)), Countdown::Hours { hours: 3, minutes: 20 });
        assert_eq!(left(Duration::minutes(59) + Duration::seconds(30)), Countdown::Hours { hours: 1, minutes: 0 });
        assert_eq!(left(Duration::seconds(10)), Countdown::Minutes(1));
        assert_eq!(left(Duration::zero()), Countdown::Over);
        assert_eq!(left(-Duration::minutes(5)), Countdown::Over);
    }

    #[test]
    fn the_countdown_is_said_in_words() {
        assert_eq!(countdown_text(Countdown::Days { days: 1, hours: 3 }), "还剩 1 天 3 小时");
        assert_eq!(countdown_text(Countdown::Minutes(4)), "还剩 4 分钟");
        assert_eq!(countdown_text(Countdown::Over), "已到截单时间");
    }

    #[test]
    fn english_counts_agree_with_their_numbers() {
        use fluent_bundle::FluentArgs;
        use linli_api::auth::Locale;
        let say = |id: &str, args: &[(&'static str, fluent_bundle::FluentValue<'static>)]| {
            let mut fluent = FluentArgs::new();
            for (name, value) in args {
                fluent.set(*name, value.clone());
            }
            crate::i18n::translate(Locale::En, id, Some(&fluent))
        };
        assert_eq!(say("groceries-left-days", &[("days", 1.into()), ("hours", 2.into())]), "1 day 2 hours left");
        assert_eq!(say("groceries-left-minutes", &[("minutes", 1.into())]), "1 minute left");
        let households = |households: i64, reached: &'static str| {
            say("groceries-households", &[("households", households.into()), ("min", 3.into()), ("reached", reached.into())])
        };
        assert_eq!(households(1, "no"), "1 household has ordered; 3 needed to form");
        assert_eq!(households(4, "yes"), "4 households have ordered; enough to form (it needs 3)");
        assert_eq!(households_text(2, 5), "已有 2 户下单，满 5 户成团");
        let too_many = |max: i64| say("groceries-too-many", &[("max", max.into()), ("unit", "box".into())]);
        assert_eq!(too_many(0), "Sold out now: please take it out of the cart.");
        assert_eq!(too_many(2), "Only 2 box can be ordered now: please order fewer.");
    }

    #[test]
    fn orders_are_taken_while_open_and_before_the_cut_off() {
        let now = at("2026-11-23T06:00:00Z");
        let later = now + Duration::hours(1);
        assert!(taking_orders(CampaignPhase::Open, later, now));
        assert!(!taking_orders(CampaignPhase::Open, now, now), "the cut-off itself is too late");
        assert!(!taking_orders(CampaignPhase::Paused, later, now));
        assert!(!taking_orders(CampaignPhase::Formed, later, now));
    }

    #[test]
    fn stock_left_never_goes_below_zero_and_prices_show_the_unit() {
        let product = |stock, ordered| Product {
            id: ProductId(1),
            name: "散养土鸡蛋".into(),
            unit: "盒".into(),
            price_fen: 2_880,
            stock,
            ordered,
            per_household_limit: 3,
            photo: None,
        };
        assert_eq!(stock_left(&product(20, 2)), 18);
        assert_eq!(stock_left(&product(5, 7)), 0);
        assert_eq!(stock_text(&product(20, 2)), "还剩 18 盒");
        assert_eq!(stock_text(&product(5, 5)), "已售完");
        assert_eq!(unit_price_text(2_880, "盒"), "¥28.80/盒");
    }

    #[test]
    fn order_states_read_as_the_api_spells_them() {
        assert_eq!(order_state_key(OrderState::AwaitingPickup), "awaiting_pickup");
        assert_eq!(order_state_key(OrderState::PickedUp), "picked_up");
        let key = serde_json::to_value(OrderState::PickedUp).unwrap();
        assert_eq!(key, order_state_key(OrderState::PickedUp));
    }

    #[test]
    fn a_burst_of_changes_costs_one_more_fetch() {
        let mut refreshes = Refreshes::default();
        let (a, b) = (CampaignId(1), CampaignId(2));
        assert!(refreshes.start(a));
        assert!(refreshes.start(b));
        assert!(!refreshes.start(a));
        assert!(!refreshes.start(a));
        assert!(refreshes.finish(a), "changed meanwhile: once more");
        assert!(!refreshes.finish(a), "then done");
        assert!(!refreshes.finish(b));
        assert!(refreshes.start(a), "a later change fetches again");
    }

    #[test]
    fn only_staff_change_a_campaign_and_only_residents_order() {
        assert!(is_staff(Role::Staff) && is_staff(Role::Admin) && !is_staff(Role::Property));
        assert!(is_resident(Role::Resident) && !is_resident(Role::Staff) && !is_resident(Role::Family));
        assert!(oversees(Role::Merchant) && oversees(Role::Admin) && !oversees(Role::Resident));
    }
}
