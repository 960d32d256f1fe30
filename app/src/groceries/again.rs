//! `/groceries/again`: "buy again" (再买一次), the group buying of 长辈版. Per shop, one big
//! card: what the household bought there last time that the shop's open campaign sells, in
//! plain words, what it comes to, where it is handed over, and ONE big button that places
//! exactly that order, then says plainly that it is done. Nothing else but the way to all
//! campaigns.

use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::groceries::{yuan, BuyAgain, Campaign, Fulfilment, Order, OrderLine, PlaceOrder};
use linli_api::ErrorCode;

use super::fulfilment::{fulfilment_options, fulfilment_text};
use super::{focus_soon, is_resident, GroceriesPage};
use crate::i18n::{format_datetime, locale, t, t_args, tr};
use crate::layout::{load_into, ErrorBox, Guarded, Loaded, Loading};
use crate::session::Session;

#[component]
pub fn BuyAgainPage() -> impl IntoView {
    view! {
        <GroceriesPage id="buy-again" back="/">
            <h1 tabindex="-1">{tr("groceries-again-title")}</h1>
            <Guarded allow=is_resident>
                <Offers/>
            </Guarded>
            <p><a class="button big" id="all-campaigns-link" href="/groceries">{tr("groceries-all-campaigns")}</a></p>
        </GroceriesPage>
    }
}

/// The items of an offer in plain words, "散养土鸡蛋 2 盒", in the campaign's product order.
pub fn item_words(campaign: &Campaign, lines: &[OrderLine]) -> Vec<String> {
    campaign
        .products
        .iter()
        .filter_map(|product| {
            let line = lines.iter().find(|line| line.product_id == product.id)?;
            Some(t_args("groceries-line", &[
                ("name", product.name.clone().into()),
                ("quantity", line.quantity.into()),
                ("unit", product.unit.clone().into()),
            ]))
        })
        .collect()
}

/// How a bought-again order is handed over: the pickup point when there is one, else the
/// delivery round to the household's building.
pub fn again_fulfilment(campaign: &Campaign, building: Option<&str>) -> Option<Fulfilment> {
    fulfilment_options(campaign, building).first().copied()
}

#[component]
fn Offers() -> impl IntoView {
    let session = Session::get();
    let offers: Loaded<Vec<BuyAgain>> = RwSignal::new(None);
    let load = move || {
        let client = session.client();
        load_into(session, offers, async move { client.buy_again().await });
    };
    load();
    let retry = Callback::new(move |_| {
        offers.set(None);
        load();
    });
    // Loaded once: a card keeps saying "done" after its order is placed (the server would no
    // longer offer it).
    move || match offers.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(code)) => view! { <ErrorBox code retry/> }.into_any(),
        Some(Ok(list)) if list.is_empty() => view! { <p class="empty" id="again-none">{tr("groceries-again-none")}</p> }.into_any(),
        Some(Ok(list)) => view! {
            <p class="hint" id="again-intro">{tr("groceries-again-intro")}</p>
            <ul class="again-list" id="again-list">
                {list.into_iter().map(|offer| view! { <AgainCard offer/> }).collect_view()}
            </ul>
        }
        .into_any(),
    }
}

#[component]
fn AgainCard(offer: BuyAgain) -> impl IntoView {
    let session = Session::get();
    let BuyAgain { campaign, lines, total_fen, .. } = offer;
    let id = campaign.id;
    let building = untrack(|| session.me()).and_then(|me| me.household).map(|household| household.building);
    let fulfilment = again_fulfilment(&campaign, building.as_deref());
    let cut_off = campaign.cut_off;
    let (shop, title) = (campaign.merchant_name.clone(), campaign.title.clone());
    let offered = StoredValue::new(campaign);
    let order_lines = StoredValue::new(lines);
    let words = move || {
        let words = offered.with_value(|campaign| order_lines.with_value(|lines| item_words(campaign, lines)));
        words.join(&t("groceries-list-separator"))
    };
    let handover = move || fulfilment.map(|f| offered.with_value(|campaign| fulfilment_text(Some(campaign), f, session.utc_offset())));
    let placed = RwSignal::new(None::<Order>);
    let error = RwSignal::new(None::<ErrorCode>);
    let busy = RwSignal::new(false);
    let buy = move |_| {
        let Some(fulfilment) = fulfilment else { return };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let client = session.client();
        let order = PlaceOrder { lines: order_lines.get_value(), fulfilment };
        spawn_local(async move {
            match client.place_order(id, &order).await {
                Ok(order) => {
                    placed.try_set(Some(order));
                    focus_soon(&format!("#bought-{id}"));
                }
                Err(failure) => {
                    session.on_error(failure.code());
                    error.try_set(Some(failure.code()));
                }
            }
            busy.try_set(false);
        });
    };
    let done_text = move || {
        placed.get().map(|order| {
            t_args("groceries-again-done", &[
                ("items", words().into()),
                ("total", yuan(order.total_fen).into()),
                ("handover", handover().unwrap_or_default().into()),
            ])
        })
    };
    view! {
        <li class="again-card" id=format!("again-{id}")>
            <div class="again-body">
                <h2 id=format!("again-shop-{id}")>{shop}</h2>
                <p class="hint">{title}</p>
                <p class="again-items" id=format!("again-items-{id}")>{words}</p>
                <p class="cart-total" id=format!("again-total-{id}")>
                    {move || t_args("groceries-again-total", &[("total", yuan(total_fen).into())])}
                </p>
                <p id=format!("again-handover-{id}")>
                    {move || handover().unwrap_or_else(|| t("groceries-fulfilment-none"))}
                </p>
                <p class="hint">
                    {move || t_args("groceries-cut-off", &[("when", format_datetime(locale(), cut_off, session.utc_offset()).into())])}
                </p>
                {move || error.get().map(|code| view! { <ErrorBox code/> })}
            </div>
            {move || match placed.get() {
                Some(_) => view! {
                    <div class="again-done">
                        <p class="done" id=format!("bought-{id}") role="status" tabindex="-1">{done_text}</p>
                        <a class="button" id=format!("again-orders-{id}") href="/groceries/orders">{tr("groceries-my-orders")}</a>
                    </div>
                }.into_any(),
                None => view! {
                    <button type="button" class="button primary big again-button" id=format!("buy-again-{id}")
                        aria-describedby=format!("again-items-{id} again-total-{id}")
                        disabled=move || busy.get() || fulfilment.is_none() on:click=buy>
                        {move || if busy.get() { t("busy") } else { t("groceries-again-button") }}
                    </button>
                }.into_any(),
            }}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use linli_api::groceries::{CampaignPhase, DeliveryBatch, Product};
    use linli_api::ids::{BuildingId, CampaignId, DeliveryBatchId, ProductId, UserId};

    fn campaign(pickup: Option<&str>) -> Campaign {
        let product = |id: i64, name: &str, unit: &str| Product {
            id: ProductId(id),
            name: name.into(),
            unit: unit.into(),
            price_fen: 100,
            stock: 10,
            ordered: 0,
            per_household_limit: 3,
            photo: None,
        };
        Campaign {
            id: CampaignId(1),
            merchant_id: UserId(2),
            merchant_name: "鲜丰果蔬".into(),
            title: "本周鲜蛋团".into(),
            description: String::new(),
            products: vec![product(1, "散养土鸡蛋", "盒"), product(2, "小白菜", "斤")],
            min_households: 1,
            households: 0,
            cut_off: Utc::now(),
            pickup_point: pickup.map(str::to_owned),
            batches: vec![DeliveryBatch {
                id: DeliveryBatchId(7),
                building_id: BuildingId(3),
                building: "3栋".into(),
                window_start: Utc::now(),
                window_end: Utc::now(),
            }],
            phase: CampaignPhase::Open,
            reason: None,
            my_order: None,
        }
    }

    #[test]
    fn the_items_are_said_in_plain_words_in_the_shops_order() {
        let lines = [OrderLine { product_id: ProductId(2), quantity: 1 }, OrderLine { product_id: ProductId(1), quantity: 2 }];
        assert_eq!(item_words(&campaign(None), &lines), ["散养土鸡蛋 2 盒", "小白菜 1 斤"]);
    }

    #[test]
    fn buying_again_picks_up_where_it_can_else_delivers_to_the_households_building() {
        assert_eq!(again_fulfilment(&campaign(Some("东门")), Some("3栋")), Some(Fulfilment::Pickup));
        assert_eq!(again_fulfilment(&campaign(None), Some("3栋")), Some(Fulfilment::Delivery { batch_id: DeliveryBatchId(7) }));
        assert_eq!(again_fulfilment(&campaign(None), Some("5栋")), None);
    }
}
