//! The cart on a campaign's page: a big −/+ stepper per product, then what the household is
//! ordering, how it gets it, the exact total in fen, "pay on pickup or delivery", and the
//! one button that places the order (or replaces it); cancelling is confirmed in place.
//! Every answer from the server is what is shown next: the placed order, or why not.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::groceries::{yuan, Fulfilment, Order, OrderLine, OrderState, PlaceOrder, Product};
use linli_api::ids::ProductId;
use linli_api::ErrorCode;

use super::campaign::CampaignScreen;
use super::fulfilment::{fulfilment_text, FulfilmentChoice};
use super::{line_text, order_state_id, order_state_key, quantity_text, stock_left};
use crate::i18n::{t, t_args, tr};
use crate::layout::ErrorBox;
use crate::session::Session;

/// What the household is about to order: a quantity per product (absent: none).
pub type Quantities = BTreeMap<ProductId, i64>;

/// Whether an order still stands as placed (it can be changed or cancelled).
pub fn is_placed(order: Option<&Order>) -> bool {
    order.is_some_and(|order| order.state == OrderState::Placed)
}

/// What the household's standing order holds, per product (nothing once cancelled).
pub fn held(order: Option<&Order>) -> Quantities {
    match order {
        Some(order) if order.state == OrderState::Placed => {
            order.lines.iter().map(|line| (line.product_id, line.quantity)).collect()
        }
        _ => Quantities::new(),
    }
}

/// The most of `product` the household may order: its limit, and what is left plus what its
/// standing order already holds (a replaced order gives that back first).
pub fn max_quantity(product: &Product, held: i64) -> i64 {
    product.per_household_limit.min(stock_left(product) + held.max(0)).max(0)
}

/// One press of − (`delta` −1) or + (+1): never below zero, and + never past `max` (a
/// quantity above a shrunken `max` can still come down one at a time).
pub fn step(quantity: i64, delta: i64, max: i64) -> i64 {
    let next = quantity + delta;
    if delta > 0 && next > max { quantity } else { next.max(0) }
}

/// What the cart comes to, in fen, at the campaign's prices.
pub fn cart_total(products: &[Product], cart: &Quantities) -> i64 {
    cart.iter()
        .filter_map(|(id, quantity)| products.iter().find(|p| p.id == *id).map(|p| p.price_fen.saturating_mul(*quantity)))
        .fold(0, i64::saturating_add)
}

/// The lines to send: each product with a quantity, in product order.
pub fn order_lines(cart: &Quantities) -> Vec<OrderLine> {
    cart.iter().filter(|(_, quantity)| **quantity > 0).map(|(id, quantity)| OrderLine { product_id: *id, quantity: *quantity }).collect()
}

/// Whether the cart and the choice are what the standing order already is.
pub fn unchanged(cart: &Quantities, choice: Option<Fulfilment>, order: Option<&Order>) -> bool {
    match order {
        Some(order) if order.state == OrderState::Placed => {
            choice == Some(order.fulfilment) && order_lines(cart) == order_lines(&held(Some(order)))
        }
        _ => false,
    }
}

/// The big − and + of one product, and the quantity between them (announced as it changes).
#[component]
pub fn Stepper(screen: CampaignScreen, product: Memo<Option<Product>>) -> impl IntoView {
    let id = product.with_untracked(|p| p.as_ref().map(|p| p.id)).unwrap_or(ProductId(0));
    let name = move || product.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let unit = move || product.with(|p| p.as_ref().map(|p| p.unit.clone()).unwrap_or_default());
    let quantity = Memo::new(move |_| screen.cart.with(|cart| cart.get(&id).copied().unwrap_or(0)));
    let max = Memo::new(move |_| {
        let held = screen.order.with(|order| held(order.as_ref()).get(&id).copied().unwrap_or(0));
        product.with(|p| p.as_ref().map(|p| max_quantity(p, held)).unwrap_or(0))
    });
    let press = move |delta: i64| {
        screen.cart.update(|cart| {
            let next = step(cart.get(&id).copied().unwrap_or(0), delta, max.get_untracked());
            if next == 0 {
                cart.remove(&id);
            } else {
                cart.insert(id, next);
            }
        });
        screen.touched.set(true);
    };
    let named = move |message: &'static str| move || t_args(message, &[("name", name().into()), ("unit", unit().into())]);
    view! {
        <div class="stepper" role="group" aria-labelledby=format!("product-name-{id}")>
            <button type="button" class="button step" id=format!("qty-minus-{id}")
                disabled=move || quantity.get() == 0 on:click=move |_| press(-1)>
                <span aria-hidden="true">"−"</span>
                <span class="visually-hidden">{named("groceries-less")}</span>
            </button>
            <output class="qty" id=format!("qty-{id}") aria-live="polite">{move || quantity_text(quantity.get(), &unit())}</output>
            <button type="button" class="button step" id=format!("qty-plus-{id}")
                disabled=move || { quantity.get() >= max.get() } on:click=move |_| press(1)>
                <span aria-hidden="true">"+"</span>
                <span class="visually-hidden">{named("groceries-more")}</span>
            </button>
        </div>
        {move || (quantity.get() > max.get()).then(|| view! {
            <p class="field-error" id=format!("qty-over-{id}")>
                {move || t_args("groceries-too-many", &[("max", max.get().into()), ("unit", unit().into())])}
            </p>
        })}
    }
}

/// What the order came to, said after the server took it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Done {
    Placed(i64),
    Changed(i64),
    Cancelled,
}

/// The cart: its lines, how the order is handed over, the total, and the buttons.
#[component]
pub fn CartPanel(screen: CampaignScreen) -> impl IntoView {
    let session = Session::get();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ErrorCode>);
    let done = RwSignal::new(None::<Done>);
    let placed = Memo::new(move |_| screen.order.with(|order| is_placed(order.as_ref())));
    let products = move || screen.with(|c| c.products.clone());
    let total = Memo::new(move |_| screen.cart.with(|cart| screen.with(|c| cart_total(&c.products, cart))));
    let lines = Memo::new(move |_| screen.cart.with(order_lines));
    let same = Memo::new(move |_| {
        screen.cart.with(|cart| screen.order.with(|order| unchanged(cart, screen.choice.get(), order.as_ref())))
    });
    let can_place = move || !busy.get() && !lines.with(Vec::is_empty) && screen.choice.get().is_some() && !same.get();
    let place = move |_| {
        let (lines, Some(fulfilment)) = (lines.get_untracked(), screen.choice.get_untracked()) else { return };
        if lines.is_empty() || busy.get_untracked() {
            return;
        }
        let replacing = placed.get_untracked();
        busy.set(true);
        error.set(None);
        done.set(None);
        let client = session.client();
        let id = screen.id;
        spawn_local(async move {
            match client.place_order(id, &PlaceOrder { lines, fulfilment }).await {
                Ok(order) => {
                    let total = order.total_fen;
                    screen.order.try_set(Some(order));
                    screen.touched.try_set(false);
                    done.try_set(Some(if replacing { Done::Changed(total) } else { Done::Placed(total) }));
                    super::focus_soon("#order-status");
                }
                Err(failure) => {
                    session.on_error(failure.code());
                    error.try_set(Some(failure.code()));
                }
            }
            busy.try_set(false);
            // Stock, households or the phase moved: show them as they are now.
            screen.reload.run(());
        });
    };
    let status = move || {
        done.get().map(|done| match done {
            Done::Placed(total) => t_args("groceries-placed", &[("total", yuan(total).into())]),
            Done::Changed(total) => t_args("groceries-changed", &[("total", yuan(total).into())]),
            Done::Cancelled => t("groceries-cancelled"),
        })
    };
    view! {
        <section id="cart" class="cart" aria-labelledby="cart-heading">
            <h2 id="cart-heading">{move || if placed.get() { t("groceries-cart-heading-placed") } else { t("groceries-cart-heading") }}</h2>
            {move || placed.get().then(|| view! { <p class="callout" id="order-placed-note">{tr("groceries-order-placed-note")}</p> })}
            {move || if lines.with(Vec::is_empty) {
                view! { <p class="hint" id="cart-empty">{tr("groceries-cart-empty")}</p> }.into_any()
            } else {
                view! {
                    <ul class="cart-lines" id="cart-lines">
                        {move || lines.get().into_iter().filter_map(|line| {
                            let product = products().into_iter().find(|p| p.id == line.product_id)?;
                            Some(view! { <CartLine product quantity=line.quantity/> })
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <FulfilmentChoice campaign=Signal::derive(move || screen.with(Clone::clone)) options=screen.options choice=screen.choice/>
            <p class="cart-total" id="cart-total" aria-live="polite">
                {move || t_args("groceries-total", &[("total", yuan(total.get()).into())])}
            </p>
            <p class="hint" id="pay-note">{tr("groceries-pay-note")}</p>
            <div id="order-error">{move || error.get().map(|code| view! { <ErrorBox code/> })}</div>
            <button type="button" class="button primary big" id="place-order" disabled=move || !can_place() on:click=place>
                {move || match (busy.get(), placed.get()) {
                    (true, _) => t("busy"),
                    (false, true) => t("groceries-change-order"),
                    (false, false) => t("groceries-place-order"),
                }}
            </button>
            {move || placed.get().then(|| view! { <CancelOrder screen error done=Callback::new(move |_| done.set(Some(Done::Cancelled)))/> })}
            <p class="done" id="order-status" role="status" tabindex="-1">{status}</p>
            <p><a class="button" id="my-orders-link" href="/groceries/orders">{tr("groceries-my-orders")}</a></p>
        </section>
    }
}

#[component]
fn CartLine(product: Product, quantity: i64) -> impl IntoView {
    let Product { id, name, unit, price_fen, .. } = product;
    let subtotal = price_fen.saturating_mul(quantity);
    view! {
        <li id=format!("cart-line-{id}")>
            <span class="cart-line-name">{name}" "{move || quantity_text(quantity, &unit)}</span>
            <span class="cart-line-subtotal">{yuan(subtotal)}</span>
        </li>
    }
}

/// "Cancel the order", then "really?" in place: one more press to be sure.
#[component]
fn CancelOrder(screen: CampaignScreen, error: RwSignal<Option<ErrorCode>>, done: Callback<()>) -> impl IntoView {
    let session = Session::get();
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let cancel = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let client = session.client();
        let id = screen.id;
        spawn_local(async move {
            match client.cancel_order(id).await {
                Ok(order) => {
                    screen.order.try_set(Some(order));
                    screen.cart.try_set(Quantities::new());
                    screen.touched.try_set(false);
                    done.run(());
                    super::focus_soon("#order-status");
                }
                Err(failure) => {
                    session.on_error(failure.code());
                    error.try_set(Some(failure.code()));
                    busy.try_set(false);
                    confirming.try_set(false);
                }
            }
            screen.reload.run(());
        });
    };
    view! {
        <Show
            when=move || confirming.get()
            fallback=move || view! {
                <button type="button" class="button danger wide" id="cancel-order" on:click=move |_| {
                    confirming.set(true);
                    super::focus_soon("#cancel-order-confirm");
                }>{tr("groceries-cancel-order")}</button>
            }
        >
            <div class="confirm" id="cancel-order-box">
                <p id="cancel-order-question">{tr("groceries-cancel-question")}</p>
                <button type="button" class="button danger" id="cancel-order-confirm" aria-describedby="cancel-order-question"
                    disabled=move || busy.get() on:click=cancel>
                    {move || if busy.get() { t("busy") } else { t("groceries-cancel-yes") }}
                </button>
                <button type="button" class="button" id="cancel-order-keep" on:click=move |_| {
                    confirming.set(false);
                    super::focus_soon("#cancel-order");
                }>{tr("groceries-cancel-no")}</button>
            </div>
        </Show>
    }
}

/// The household's order when it can no longer be changed here (the campaign is paused,
/// decided or withdrawn): what it holds, what it comes to, and where it stands.
#[component]
pub fn OrderNote(screen: CampaignScreen) -> impl IntoView {
    let session = Session::get();
    let standing = Memo::new(move |_| screen.order.get().filter(|order| order.state != OrderState::Cancelled));
    move || {
        standing.get().map(|order| {
            let lines = order.lines.iter().map(line_text).collect::<Vec<_>>().join(t("groceries-list-separator").as_str());
            let Order { total_fen, state, fulfilment, .. } = order;
            let handover = move || screen.with(|c| fulfilment_text(Some(c), fulfilment, session.utc_offset()));
            view! {
                <section id="my-order" class="my-order" aria-labelledby="my-order-heading">
                    <h2 id="my-order-heading">{tr("groceries-my-order-heading")}</h2>
                    <p><span class="tag" id="my-order-state" data-state=order_state_key(state)>{move || t(order_state_id(state))}</span></p>
                    <p id="my-order-lines">{lines}</p>
                    <p class="cart-total" id="my-order-total">{move || t_args("groceries-total", &[("total", yuan(total_fen).into())])}</p>
                    <p id="my-order-handover">{handover}</p>
                    <p><a class="button" id="my-orders-link" href="/groceries/orders">{tr("groceries-my-orders")}</a></p>
                </section>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use linli_api::community::HouseholdLabel;
    use linli_api::groceries::OrderLineView;
    use linli_api::ids::{CampaignId, HouseholdId, OrderId};

    fn product(id: i64, price_fen: i64, stock: i64, ordered: i64, limit: i64) -> Product {
        Product { id: ProductId(id), name: format!("p{id}"), unit: "盒".into(), price_fen, stock, ordered, per_household_limit: limit, photo: None }
    }

    fn order(state: OrderState, lines: &[(i64, i64)], fulfilment: Fulfilment) -> Order {
        Order {
            id: OrderId(9),
            campaign_id: CampaignId(1),
            campaign_title: "鲜蛋团".into(),
            merchant_name: "鲜丰果蔬".into(),
            cut_off: Utc::now(),
            household: HouseholdLabel { id: HouseholdId(1), building: "3栋".into(), unit: "2单元".into(), room: "501".into() },
            lines: lines
                .iter()
                .map(|(id, quantity)| OrderLineView {
                    product_id: ProductId(*id),
                    name: format!("p{id}"),
                    unit: "盒".into(),
                    price_fen: 100,
                    quantity: *quantity,
                    subtotal_fen: 100 * quantity,
                })
                .collect(),
            total_fen: 0,
            fulfilment,
            state,
            pickup_code: None,
            pickup_qr_svg: None,
            picked_up_at: None,
        }
    }

    fn cart(pairs: &[(i64, i64)]) -> Quantities {
        pairs.iter().map(|(id, quantity)| (ProductId(*id), *quantity)).collect()
    }

    #[test]
    fn the_total_is_exact_in_fen() {
        let products = [product(1, 2_880, 20, 0, 3), product(2, 199, 50, 0, 5)];
        assert_eq!(cart_total(&products, &cart(&[(1, 2)])), 5_760);
        assert_eq!(cart_total(&products, &cart(&[(1, 2), (2, 3)])), 6_357);
        assert_eq!(cart_total(&products, &cart(&[])), 0);
        // A product the campaign does not sell adds nothing.
        assert_eq!(cart_total(&products, &cart(&[(7, 4)])), 0);
    }

    #[test]
    fn a_household_may_order_up_to_its_limit_within_what_is_left_plus_what_it_holds() {
        assert_eq!(max_quantity(&product(1, 100, 20, 0, 3), 0), 3, "the limit");
        assert_eq!(max_quantity(&product(1, 100, 20, 19, 3), 0), 1, "what is left");
        assert_eq!(max_quantity(&product(1, 100, 20, 20, 3), 2), 2, "its own order's share comes back");
        assert_eq!(max_quantity(&product(1, 100, 20, 20, 3), 0), 0, "sold out");
        assert_eq!(max_quantity(&product(1, 100, 5, 9, 3), 0), 0, "never negative");
    }

    #[test]
    fn steppers_stay_between_zero_and_the_most_allowed() {
        assert_eq!(step(0, 1, 3), 1);
        assert_eq!(step(3, 1, 3), 3);
        assert_eq!(step(0, -1, 3), 0);
        assert_eq!(step(2, -1, 3), 1);
        // Stock shrank below what is in the cart: + does nothing, − comes down by one.
        assert_eq!(step(5, 1, 2), 5);
        assert_eq!(step(5, -1, 2), 4);
    }

    #[test]
    fn only_products_with_a_quantity_are_sent_in_product_order() {
        let lines = order_lines(&cart(&[(3, 1), (1, 0), (2, 2)]));
        assert_eq!(lines, [OrderLine { product_id: ProductId(2), quantity: 2 }, OrderLine { product_id: ProductId(3), quantity: 1 }]);
    }

    #[test]
    fn a_placed_order_fills_the_cart_and_a_cancelled_one_does_not() {
        let placed = order(OrderState::Placed, &[(1, 2)], Fulfilment::Pickup);
        assert_eq!(held(Some(&placed)), cart(&[(1, 2)]));
        assert!(is_placed(Some(&placed)));
        let cancelled = order(OrderState::Cancelled, &[(1, 2)], Fulfilment::Pickup);
        assert!(held(Some(&cancelled)).is_empty());
        assert!(!is_placed(Some(&cancelled)) && !is_placed(None));
    }

    #[test]
    fn the_same_cart_and_choice_is_no_change() {
        let placed = order(OrderState::Placed, &[(1, 2)], Fulfilment::Pickup);
        assert!(unchanged(&cart(&[(1, 2)]), Some(Fulfilment::Pickup), Some(&placed)));
        assert!(!unchanged(&cart(&[(1, 3)]), Some(Fulfilment::Pickup), Some(&placed)));
        let round = Fulfilment::Delivery { batch_id: linli_api::ids::DeliveryBatchId(4) };
        assert!(!unchanged(&cart(&[(1, 2)]), Some(round), Some(&placed)));
        assert!(!unchanged(&cart(&[(1, 2)]), Some(Fulfilment::Pickup), None), "no order yet: placing is a change");
    }
}
