//! `/groceries/orders`: the household's orders, newest first. Each with its campaign and
//! shop, where it stands in words, the pickup code large and as a QR code once the group
//! formed, what it holds and comes to, and how it is handed over. Reloads when one of the
//! household's orders changes on the server (decided, picked up).

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::groceries::{display_pickup_code, yuan, Campaign, Order, OrderState};
use linli_api::ids::CampaignId;
use linli_api::paging::PageQuery;

use super::fulfilment::fulfilment_text;
use super::{is_resident, line_text, order_state_id, order_state_key, GroceriesPage};
use crate::community::svg_data_uri;
use crate::i18n::{format_datetime, locale, t, t_args, tr};
use crate::layout::{ErrorBox, Guarded, ListPage, Loading, MoreButton, Pages};
use crate::session::Session;

#[component]
pub fn MyOrdersPage() -> impl IntoView {
    view! {
        <GroceriesPage id="orders" back="/groceries">
            <h1 tabindex="-1">{tr("groceries-orders-title")}</h1>
            <Guarded allow=is_resident>
                <Orders/>
            </Guarded>
        </GroceriesPage>
    }
}

/// Whether an order is still to be handed over (then where and when matter).
pub fn still_to_come(state: OrderState) -> bool {
    matches!(state, OrderState::Placed | OrderState::AwaitingPickup)
}

/// The campaigns whose handover details the page still needs: those of orders still to
/// come that are not loaded yet, each once.
pub fn campaigns_to_load(orders: &[Order], loaded: &BTreeMap<CampaignId, Campaign>) -> Vec<CampaignId> {
    let mut ids: Vec<CampaignId> = orders
        .iter()
        .filter(|order| still_to_come(order.state) && !loaded.contains_key(&order.campaign_id))
        .map(|order| order.campaign_id)
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// The Fluent id of the sentence under an order's state: what happens next.
fn next_id(state: OrderState) -> &'static str {
    match state {
        OrderState::Placed => "groceries-next-placed",
        OrderState::Cancelled => "groceries-next-cancelled",
        OrderState::AwaitingPickup => "groceries-next-awaiting-pickup",
        OrderState::PickedUp => "groceries-next-picked-up",
        OrderState::Void => "groceries-next-void",
    }
}

#[component]
fn Orders() -> impl IntoView {
    let session = Session::get();
    let pages: Pages<Order> = Pages::new();
    // The campaigns of orders still to come, for where and when they are handed over (an
    // order names its pickup or delivery round, not the place or the time).
    let campaigns = RwSignal::new(BTreeMap::<CampaignId, Campaign>::new());
    let fetch = move |from_start: bool| {
        pages.load(session, from_start, move |client, after| async move {
            let page = client.my_orders(&PageQuery::after(after.as_deref(), None)).await?;
            Ok(ListPage { items: page.orders, next: page.next_after, total: None })
        })
    };
    let load = move || fetch(true);
    load();
    Effect::new(move |_| {
        let wanted = pages.items.with(|list| campaigns.with_untracked(|loaded| campaigns_to_load(list, loaded)));
        for id in wanted {
            let client = session.client();
            spawn_local(async move {
                match client.campaign(id).await {
                    Ok(campaign) => {
                        campaigns.try_update(|loaded| loaded.insert(id, campaign));
                    }
                    // The order still says pickup or delivery, without the place.
                    Err(error) => session.on_error(error.code()),
                }
            });
        }
    });
    // A campaign was decided or an order picked up: show the orders as they are now.
    session.live.reload_on_any(session.live.orders_changed, load);
    let retry = Callback::new(move |_| load());
    view! {
        {move || (pages.loading() && pages.items.with(Vec::is_empty)).then(|| view! { <Loading/> })}
        {move || pages.failed().map(|code| view! { <ErrorBox code retry/> })}
        {move || pages.is_empty().then(|| view! { <p class="empty" id="orders-none">{tr("groceries-orders-none")}</p> })}
        {move || (!pages.items.with(Vec::is_empty)).then(|| view! {
            <ul id="order-list" class="order-list">
                {pages.items.get().into_iter().map(|order| view! { <OrderCard order campaigns/> }).collect_view()}
            </ul>
        })}
        <MoreButton id="more-orders" label="groceries-orders-more" shown=Signal::derive(move || pages.has_more()) more=Callback::new(move |_| fetch(false))/>
        <p><a class="button" id="all-campaigns-link" href="/groceries">{tr("groceries-all-campaigns")}</a></p>
    }
}

#[component]
fn OrderCard(order: Order, campaigns: RwSignal<BTreeMap<CampaignId, Campaign>>) -> impl IntoView {
    let session = Session::get();
    let Order { id, campaign_id, campaign_title, merchant_name, lines, total_fen, fulfilment, state, pickup_code, pickup_qr_svg, picked_up_at, .. } =
        order;
    let handover = move || campaigns.with(|loaded| fulfilment_text(loaded.get(&campaign_id), fulfilment, session.utc_offset()));
    let code = pickup_code.map(|code| display_pickup_code(&code));
    view! {
        <li class="order-card" id=format!("order-{id}") data-state=order_state_key(state)>
            <h2 class="order-title">
                <a class="campaign-link" href=format!("/groceries/campaigns/{campaign_id}")>{campaign_title}</a>
            </h2>
            <p class="campaign-shop">{move || t_args("groceries-shop", &[("shop", merchant_name.clone().into())])}</p>
            <p><span class="tag phase" id=format!("order-state-{id}")>{move || t(order_state_id(state))}</span></p>
            <p class="order-next">{move || t(next_id(state))}</p>
            {picked_up_at.map(|at| view! {
                <p id=format!("picked-up-at-{id}")>
                    {move || t_args("groceries-picked-up-at", &[("when", format_datetime(locale(), at, session.utc_offset()).into())])}
                </p>
            })}
            {code.map(|code| view! { <PickupCode id=id.0 code qr=pickup_qr_svg.clone()/> })}
            <ul class="order-lines" id=format!("order-lines-{id}")>
                {lines.into_iter().map(|line| {
                    let subtotal = yuan(line.subtotal_fen);
                    view! {
                        <li>
                            <span class="cart-line-name">{move || line_text(&line)}</span>
                            <span class="cart-line-subtotal">{subtotal}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="cart-total" id=format!("order-total-{id}")>{move || t_args("groceries-total", &[("total", yuan(total_fen).into())])}</p>
            {still_to_come(state).then(|| view! { <p class="hint">{tr("groceries-pay-note")}</p> })}
            <p id=format!("order-handover-{id}")>{handover}</p>
            {(state == OrderState::Placed).then(|| view! {
                <p><a class="button" id=format!("change-order-{id}") href=format!("/groceries/campaigns/{campaign_id}")>{tr("groceries-change-link")}</a></p>
            })}
        </li>
    }
}

/// The pickup code, large, and its QR code for the shop to scan.
#[component]
fn PickupCode(id: i64, code: String, qr: Option<String>) -> impl IntoView {
    let alt_code = code.clone();
    view! {
        <div class="pickup">
            <p class="pickup-label" id=format!("pickup-label-{id}")>{tr("groceries-pickup-code")}</p>
            <p class="pickup-code" id=format!("pickup-code-{id}")>{code}</p>
            {qr.map(|svg| view! {
                <img class="qr" src=svg_data_uri(&svg) width="240" height="240"
                    alt=move || t_args("groceries-qr-alt", &[("code", alt_code.clone().into())])/>
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use linli_api::community::HouseholdLabel;
    use linli_api::groceries::{CampaignPhase, Fulfilment};
    use linli_api::ids::{HouseholdId, OrderId, UserId};

    fn order(id: i64, campaign: i64, state: OrderState) -> Order {
        Order {
            id: OrderId(id),
            campaign_id: CampaignId(campaign),
            campaign_title: "鲜蛋团".into(),
            merchant_name: "鲜丰果蔬".into(),
            cut_off: Utc::now(),
            household: HouseholdLabel { id: HouseholdId(1), building: "3栋".into(), unit: "2单元".into(), room: "501".into() },
            lines: vec![],
            total_fen: 0,
            fulfilment: Fulfilment::Pickup,
            state,
            pickup_code: None,
            pickup_qr_svg: None,
            picked_up_at: None,
        }
    }

    #[test]
    fn only_the_campaigns_of_orders_still_to_come_are_loaded_once_each() {
        let orders = [
            order(1, 10, OrderState::AwaitingPickup),
            order(2, 11, OrderState::PickedUp),
            order(3, 12, OrderState::Placed),
            order(4, 10, OrderState::Placed),
            order(5, 13, OrderState::Void),
        ];
        let mut loaded = BTreeMap::new();
        assert_eq!(campaigns_to_load(&orders, &loaded), [CampaignId(10), CampaignId(12)]);
        let campaign = Campaign {
            id: CampaignId(10),
            merchant_id: UserId(2),
            merchant_name: "鲜丰果蔬".into(),
            title: "鲜蛋团".into(),
            description: String::new(),
            products: vec![],
            min_households: 1,
            households: 1,
            cut_off: Utc::now(),
            pickup_point: Some("东门".into()),
            batches: vec![],
            phase: CampaignPhase::Formed,
            reason: None,
            my_order: Some(OrderId(1)),
        };
        loaded.insert(CampaignId(10), campaign);
        assert_eq!(campaigns_to_load(&orders, &loaded), [CampaignId(12)]);
    }
}
