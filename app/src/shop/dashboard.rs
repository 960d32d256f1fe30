//! `/shop/campaigns/:id`: a campaign as its shop and the community's staff watch it. Phase,
//! households towards the group minimum, orders, what they come to, how many were picked
//! up, and the stock left of each product, all following the server's live events. While
//! orders are open, "end orders now" (截单), confirmed in place; then the picking list.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use linli_api::groceries::{yuan, Campaign, CampaignDashboard, CampaignPhase, Product};
use linli_api::ids::CampaignId;
use linli_api::ErrorCode;

use super::{campaigns_back, is_merchant, may_oversee, parse_campaign_id, phase_tag, unit_price_text, HouseholdsProgress, ShopPage};
use super::picking::handover_text;
use crate::i18n::{format_datetime, locale, t, t_args, tr};
use crate::layout::{ErrorBox, Guarded, Loading};
use crate::session::Session;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let session = Session::get();
    let dashboard = RwSignal::new(None::<CampaignDashboard>);
    let heading = move || dashboard.with(|d| d.as_ref().map(|d| d.campaign.title.clone())).unwrap_or_else(|| t("shop-dashboard-title"));
    view! {
        <ShopPage id="campaign-dashboard" back=campaigns_back(session)>
            <h1 tabindex="-1" id="dashboard-title">{heading}</h1>
            <Guarded allow=may_oversee>
                <Dashboard dashboard/>
            </Guarded>
        </ShopPage>
    }
}

/// Product by product: what is left to order.
pub fn stock_left(product: &Product) -> i64 {
    (product.stock - product.ordered).max(0)
}

/// Whether the households so far make the group (the sentence of the confirmation says what
/// ending orders now will do).
pub fn would_form(campaign: &Campaign) -> bool {
    campaign.households >= i64::from(campaign.min_households)
}

#[component]
fn Dashboard(dashboard: RwSignal<Option<CampaignDashboard>>) -> impl IntoView {
    let session = Session::get();
    let params = use_params_map();
    let Some(id) = parse_campaign_id(params.read_untracked().get("id")) else {
        return view! { <ErrorBox code=ErrorCode::NotFound/> }.into_any();
    };
    let failed = RwSignal::new(None::<ErrorCode>);
    let reload = Callback::new(move |_| {
        let client = session.client();
        spawn_local(async move {
            match client.campaign_dashboard(id).await {
                Ok(loaded) => {
                    failed.try_set(None);
                    dashboard.try_set(Some(loaded));
                }
                Err(error) => {
                    session.on_error(error.code());
                    failed.try_set(Some(error.code()));
                }
            }
        });
    });
    reload.run(());
    // An order, a change, the cut-off or a pickup: the numbers follow.
    session.live.reload_on(session.live.campaign_changed, id, move || reload.run(()));
    let shown = Memo::new(move |_| dashboard.with(Option::is_some));
    let retry = Callback::new(move |_| {
        failed.set(None);
        reload.run(());
    });
    (move || match (shown.get(), failed.get()) {
        (true, _) => view! { <Overview id dashboard reload/> }.into_any(),
        (false, Some(code)) => view! { <ErrorBox code retry/> }.into_any(),
        (false, None) => view! { <Loading/> }.into_any(),
    })
    .into_any()
}

#[component]
fn Overview(id: CampaignId, dashboard: RwSignal<Option<CampaignDashboard>>, reload: Callback<()>) -> impl IntoView {
    let session = Session::get();
    // Drawn once loaded; every part reads the latest load.
    let part = move |read: fn(&CampaignDashboard) -> i64| move || dashboard.with(|d| d.as_ref().map(read).unwrap_or_default());
    let campaign = move || dashboard.with(|d| d.as_ref().map(|d| d.campaign.clone()));
    let phase = Memo::new(move |_| dashboard.with(|d| d.as_ref().map(|d| d.campaign.phase)).unwrap_or(CampaignPhase::Open));
    let households = Signal::derive(part(|d| d.campaign.households));
    let min = Signal::derive(move || dashboard.with(|d| d.as_ref().map(|d| d.campaign.min_households).unwrap_or_default()));
    let orders = part(|d| d.orders);
    let picked_up = part(|d| d.picked_up);
    let total = part(|d| d.total_fen);
    let reason = move || campaign().and_then(|c| c.reason).filter(|r| !r.trim().is_empty());
    let cut_off = move || {
        campaign().map(|c| t_args("shop-cut-off-at", &[("when", format_datetime(locale(), c.cut_off, session.utc_offset()).into())]))
    };
    let merchant = move || session.me().is_some_and(|me| is_merchant(me.role));
    view! {
        <p class="summary">{tr("shop-dashboard-title")}</p>
        <p class="topic-tags" id="dashboard-phase" data-phase=move || super::phase_key(phase.get())>
            {move || phase_tag(phase.get(), None)}
        </p>
        {move || reason().map(|reason| view! {
            <p class="callout" id="dashboard-reason">{move || t_args("shop-phase-reason", &[("reason", reason.clone().into())])}</p>
        })}
        <p class="hint" id="dashboard-cut-off">{cut_off}</p>
        <HouseholdsProgress id="dashboard-households" households min/>
        <dl class="profile dashboard-figures" aria-live="polite">
            <dt>{tr("shop-figure-orders")}</dt>
            <dd id="dashboard-orders">{orders}</dd>
            <dt>{tr("shop-figure-total")}</dt>
            <dd id="dashboard-total">{move || yuan(total())}</dd>
            <dt>{tr("shop-figure-picked-up")}</dt>
            <dd id="dashboard-picked-up">{move || t_args("shop-picked-up-count", &[("picked", picked_up().into()), ("orders", orders().into())])}</dd>
        </dl>
        <Show when=move || phase.get() == CampaignPhase::Open>
            <CloseOrders id dashboard reload/>
        </Show>
        <nav class="shop-actions" aria-label=tr("shop-actions-label")>
            <a class="button" id="picking-link" href=format!("/shop/campaigns/{id}/picking")>{tr("shop-picking-link")}</a>
            {move || merchant().then(|| view! {
                <a class="button" id="scan-link" href="/shop/scan">{tr("shop-scan-link")}</a>
            })}
        </nav>
        <section aria-labelledby="stock-heading">
            <h2 id="stock-heading">{tr("shop-stock-heading")}</h2>
            <ul id="dashboard-stock" class="history">
                {move || campaign().map(|c| c.products).unwrap_or_default().into_iter().map(|product| view! { <StockItem product/> }).collect_view()}
            </ul>
        </section>
        <section aria-labelledby="dashboard-handover-heading">
            <h2 id="dashboard-handover-heading">{tr("shop-handover-heading")}</h2>
            <ul id="dashboard-handover" class="history">
                {move || campaign().map(|campaign| {
                    let offset = session.utc_offset();
                    let pickup = campaign.pickup_point.map(|point| linli_api::groceries::Handover::Pickup { point });
                    let rounds = campaign.batches.into_iter().map(|batch| linli_api::groceries::Handover::Delivery { batch });
                    pickup.into_iter().chain(rounds).map(|handover| {
                        let text = handover_text(&handover, offset);
                        view! { <li class="history-item">{text}</li> }
                    }).collect_view()
                })}
            </ul>
        </section>
    }
}

#[component]
fn StockItem(product: Product) -> impl IntoView {
    let left = stock_left(&product);
    let Product { id, name, unit, price_fen, stock, ordered, .. } = product;
    let price = unit_price_text(price_fen, &unit);
    view! {
        <li class="history-item stock-item" id=format!("stock-{id}")>
            <p class="participant-name">{name}</p>
            <p class="hint">{price}</p>
            <p class="stock-figures">{move || t_args("shop-stock-figures", &[
                ("stock", stock.into()),
                ("ordered", ordered.into()),
                ("left", left.into()),
            ])}</p>
        </li>
    }
}

/// "End orders now", confirmed in place: the campaign is decided at once.
#[component]
fn CloseOrders(id: CampaignId, dashboard: RwSignal<Option<CampaignDashboard>>, reload: Callback<()>) -> impl IntoView {
    let session = Session::get();
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ErrorCode>);
    let close = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let client = session.client();
        spawn_local(async move {
            match client.close_orders_now(id).await {
                Ok(campaign) => {
                    dashboard.try_update(|d| {
                        if let Some(d) = d.as_mut() {
                            d.campaign = campaign;
                        }
                    });
                    reload.run(());
                    super::focus_soon("#dashboard-title");
                }
                Err(failure) => {
                    session.on_error(failure.code());
                    error.try_set(Some(failure.code()));
                    busy.try_set(false);
                }
            }
        });
    };
    let question = move || {
        dashboard.with(|d| {
            d.as_ref().map(|d| {
                t_args("shop-close-question", &[
                    ("households", d.campaign.households.into()),
                    ("min", d.campaign.min_households.into()),
                    ("forms", (if would_form(&d.campaign) { "yes" } else { "no" }).into()),
                ])
            })
        })
    };
    view! {
        <section class="close-orders" aria-labelledby="close-orders-heading">
            <h2 id="close-orders-heading" class="visually-hidden">{tr("shop-close-heading")}</h2>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="button danger" id="close-orders" on:click=move |_| {
                        confirming.set(true);
                        super::focus_soon("#close-orders-confirm");
                    }>
                        {tr("shop-close-orders")}
                    </button>
                }
            >
                <div class="confirm" id="close-orders-box">
                    <p id="close-orders-question">{question}</p>
                    <button type="button" class="button danger" id="close-orders-confirm" aria-describedby="close-orders-question"
                        disabled=move || busy.get() on:click=close>
                        {move || if busy.get() { t("busy") } else { t("shop-close-yes") }}
                    </button>
                    <button type="button" class="button" id="close-orders-cancel" on:click=move |_| {
                        confirming.set(false);
                        super::focus_soon("#close-orders");
                    }>{tr("shop-close-no")}</button>
                </div>
            </Show>
            {move || error.get().map(|code| view! { <ErrorBox code/> })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use linli_api::ids::{ProductId, UserId};

    fn campaign(households: i64, min: u32) -> Campaign {
        Campaign {
            id: CampaignId(1),
            merchant_id: UserId(2),
            merchant_name: "鲜丰果蔬".into(),
            title: "鸡蛋".into(),
            description: String::new(),
            products: vec![],
            min_households: min,
            households,
            cut_off: Utc::now(),
            pickup_point: None,
            batches: vec![],
            phase: CampaignPhase::Open,
            reason: None,
            my_order: None,
        }
    }

    #[test]
    fn ending_orders_forms_the_group_only_at_the_minimum() {
        assert!(would_form(&campaign(10, 10)));
        assert!(would_form(&campaign(11, 10)));
        assert!(!would_form(&campaign(9, 10)));
    }

    #[test]
    fn what_is_left_never_goes_below_zero() {
        let product = |stock, ordered| Product { id: ProductId(1), name: "蛋".into(), unit: "盒".into(), price_fen: 100, stock, ordered, per_household_limit: 1, photo: None };
        assert_eq!(stock_left(&product(500, 120)), 380);
        assert_eq!(stock_left(&product(5, 5)), 0);
        assert_eq!(stock_left(&product(5, 7)), 0);
    }
}
