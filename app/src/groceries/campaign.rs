//! `/groceries/campaigns/:id`: one campaign. Its shop, phase (with staff's reason), cut-off
//! with the time left, households towards the group minimum and description (read aloud on
//! request); each product with its photo, unit price, stock left and limit; then, for a
//! resident while orders are taken, the cart (`cart.rs`), filled from the household's order
//! when it has one. Staff get pause / resume / withdraw (`standing.rs`) and the way to the
//! dashboard and picking list. Live changes of the campaign reload it in place.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use linli_api::groceries::{Campaign, CampaignPhase, Fulfilment, Order, Product};
use linli_api::ids::{CampaignId, OrderId, ProductId};
use linli_api::ErrorCode;

use super::cart::{held, is_placed, CartPanel, OrderNote, Quantities, Stepper};
use super::fulfilment::{fulfilment_options, initial_choice};
use super::standing::StaffControls;
use super::{
    clock, is_resident, is_staff, oversees, parse_campaign_id, phase_sentence, stock_text, taking_orders, unit_price_text,
    CutOff, GroceriesPage, HouseholdsProgress, PhaseTag, Refreshes,
};
use crate::hall::images::AuthImage;
use crate::i18n::{t, t_args, tr};
use crate::layout::{ErrorBox, Guarded, Loading};
use crate::session::{is_member, Session};
use crate::speech::{reading_text, ReadAloud};

/// The campaign on screen, shared by its parts.
#[derive(Clone, Copy)]
pub struct CampaignScreen {
    pub id: CampaignId,
    pub campaign: RwSignal<Option<Campaign>>,
    /// The household's order in this campaign, as last loaded, placed or cancelled.
    pub order: RwSignal<Option<Order>>,
    pub cart: RwSignal<Quantities>,
    pub choice: RwSignal<Option<Fulfilment>>,
    /// Whether the reader changed the cart since it was filled from the order.
    pub touched: RwSignal<bool>,
    /// How this household may get its order from this campaign.
    pub options: Memo<Vec<Fulfilment>>,
    pub now: Signal<DateTime<Utc>>,
    /// Fetches the campaign again (after every action and live change).
    pub reload: Callback<()>,
}

impl CampaignScreen {
    /// A part of the loaded campaign (tracked).
    pub fn with<T>(&self, part: impl FnOnce(&Campaign) -> T) -> T {
        self.campaign.with(|campaign| part(campaign.as_ref().expect("shown once loaded")))
    }
}

#[component]
pub fn CampaignPage() -> impl IntoView {
    let campaign = RwSignal::new(None::<Campaign>);
    let heading = move || campaign.with(|c| c.as_ref().map(|c| c.title.clone())).unwrap_or_else(|| t("groceries-campaign-heading"));
    view! {
        <GroceriesPage id="campaign" back="/groceries">
            <h1 tabindex="-1" id="campaign-title">{heading}</h1>
            <Guarded allow=is_member>
                <CampaignView campaign/>
            </Guarded>
        </GroceriesPage>
    }
}

#[component]
fn CampaignView(campaign: RwSignal<Option<Campaign>>) -> impl IntoView {
    let session = Session::get();
    let params = use_params_map();
    let Some(id) = parse_campaign_id(params.read_untracked().get("id")) else {
        return view! { <ErrorBox code=ErrorCode::NotFound/> }.into_any();
    };
    let resident = move || session.me().is_some_and(|me| is_resident(me.role));
    let building = move || session.me().and_then(|me| me.household).map(|household| household.building);
    let order = RwSignal::new(None::<Order>);
    let cart = RwSignal::new(Quantities::new());
    let choice = RwSignal::new(None::<Fulfilment>);
    let touched = RwSignal::new(false);
    let failed = RwSignal::new(None::<ErrorCode>);
    // Whether the household's order, if any, has been looked up: the cart starts from it.
    let order_checked = RwSignal::new(false);
    let refreshes = StoredValue::new(Refreshes::default());
    let options = Memo::new(move |_| {
        campaign.with(|c| c.as_ref().map(|c| fulfilment_options(c, building().as_deref())).unwrap_or_default())
    });
    let load_order = move |order_id: OrderId| {
        let client = session.client();
        spawn_local(async move {
            match client.order(order_id).await {
                Ok(loaded) => {
                    if touched.try_get_untracked() == Some(false) {
                        cart.try_set(held(Some(&loaded)));
                        choice.try_set(is_placed(Some(&loaded)).then_some(loaded.fulfilment));
                    }
                    order.try_set(Some(loaded));
                }
                Err(error) => {
                    session.on_error(error.code());
                    failed.try_set(Some(error.code()));
                }
            }
            order_checked.try_set(true);
        });
    };
    // The household's order is (re)loaded when the campaign names one not loaded yet, or when
    // the campaign's phase moved on (the order's state moves with it).
    let apply = move |loaded: Campaign| {
        let before = campaign.try_with_untracked(|c| c.as_ref().map(|c| c.phase)).flatten();
        let known = order.try_with_untracked(|o| o.as_ref().map(|o| o.id)).flatten();
        match loaded.my_order.filter(|_| untrack(resident)) {
            Some(wanted) if Some(wanted) != known || before.is_some_and(|phase| phase != loaded.phase) => load_order(wanted),
            Some(_) => {}
            None => {
                order_checked.try_set(true);
            }
        }
        if failed.try_get_untracked().flatten().is_some() {
            failed.try_set(None);
        }
        campaign.try_set(Some(loaded));
    };
    let reload = Callback::new(move |_| {
        if !refreshes.try_update_value(|r| r.start(id)).unwrap_or(false) {
            return;
        }
        let client = session.client();
        spawn_local(async move {
            loop {
                match client.campaign(id).await {
                    Ok(loaded) => apply(loaded),
                    Err(error) => {
                        session.on_error(error.code());
                        failed.try_set(Some(error.code()));
                    }
                }
                if !refreshes.try_update_value(|r| r.finish(id)).unwrap_or(false) {
                    break;
                }
            }
        });
    });
    reload.run(());
    // Someone ordered, staff paused it, the cut-off decided it: load it again.
    session.live.reload_on(session.live.campaign_changed, id, move || reload.run(()));
    // The choice of handover stays one on offer: the order's own, else the first.
    Effect::new(move |_| {
        let options = options.get();
        let current = choice.get();
        if current.is_some_and(|current| options.contains(&current)) {
            return;
        }
        let previous = order.with_untracked(|o| o.as_ref().filter(|o| is_placed(Some(o))).map(|o| o.fulfilment));
        let next = initial_choice(&options, previous);
        if next != current {
            choice.set(next);
        }
    });
    let screen = CampaignScreen { id, campaign, order, cart, choice, touched, options, now: clock(), reload };
    // Drawn once, when the campaign (and the household's order) first arrive; its parts
    // follow later loads (a later failure shows inside).
    let stage = Memo::new(move |_| match (campaign.with(Option::is_some) && order_checked.get(), failed.get()) {
        (true, _) => Stage::Shown,
        (false, Some(code)) => Stage::Failed(code),
        (false, None) => Stage::Loading,
    });
    let retry = Callback::new(move |_| {
        failed.set(None);
        reload.run(());
    });
    (move || match stage.get() {
        Stage::Shown => view! { <CampaignDetails screen failed retry/> }.into_any(),
        Stage::Failed(code) => view! { <ErrorBox code retry/> }.into_any(),
        Stage::Loading => view! { <Loading/> }.into_any(),
    })
    .into_any()
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Stage {
    Loading,
    Failed(ErrorCode),
    Shown,
}

#[component]
fn CampaignDetails(screen: CampaignScreen, failed: RwSignal<Option<ErrorCode>>, retry: Callback<()>) -> impl IntoView {
    let session = Session::get();
    let id = screen.id;
    let role = move || session.me().map(|me| me.role);
    let phase = Memo::new(move |_| screen.with(|c| c.phase));
    let cut_off = Memo::new(move |_| screen.with(|c| c.cut_off));
    let households = Signal::derive(move || screen.with(|c| c.households));
    let min = Signal::derive(move || screen.with(|c| c.min_households));
    let sentence = move || screen.with(|c| phase_sentence(c.phase, c.reason.as_deref()));
    let description = move || screen.with(|c| c.description.trim().to_owned());
    let shop = move || screen.with(|c| t_args("groceries-shop", &[("shop", c.merchant_name.clone().into())]));
    let reading = Signal::derive(move || {
        screen.with(|c| reading_text(&[&c.title, &shop(), &c.description, &sentence().unwrap_or_default()]))
    });
    let products = Memo::new(move |_| screen.with(|c| c.products.iter().map(|p| p.id).collect::<Vec<_>>()));
    let ordering = Memo::new(move |_| {
        role().is_some_and(is_resident) && taking_orders(phase.get(), cut_off.get(), screen.now.get())
    });
    view! {
        <p class="campaign-shop" id="campaign-shop">{shop}</p>
        <ReadAloud text=reading/>
        {move || failed.get().map(|code| view! { <ErrorBox code retry/> })}
        <div class="campaign-status" aria-live="polite">
            <p class="topic-tags"><PhaseTag id="campaign-phase".to_owned() phase/></p>
            {move || sentence().map(|text| view! { <p class="callout" id="campaign-reason">{text}</p> })}
        </div>
        <CutOff id="campaign-cut-off".to_owned() cut_off phase now=screen.now/>
        <HouseholdsProgress id="campaign-households".to_owned() households min/>
        {move || {
            let text = description();
            (!text.is_empty()).then(|| view! { <p class="campaign-description" id="campaign-description">{text}</p> })
        }}
        <section class="products" aria-labelledby="products-heading">
            <h2 id="products-heading">{tr("groceries-products-heading")}</h2>
            <ul class="product-list" id="products">
                <For each=move || products.get() key=|id| *id let:product>
                    <ProductCard screen id=product ordering/>
                </For>
            </ul>
        </section>
        {move || match (ordering.get(), role()) {
            (true, _) => view! { <CartPanel screen/> }.into_any(),
            (false, Some(role)) if is_resident(role) => view! { <OrderNote screen/> }.into_any(),
            (false, Some(_)) if phase.get() == CampaignPhase::Open => view! {
                <p class="hint" id="residents-order">{tr("groceries-residents-order")}</p>
            }.into_any(),
            _ => ().into_any(),
        }}
        {move || role().is_some_and(is_staff).then(|| view! { <StaffControls screen/> })}
        {move || role().is_some_and(oversees).then(|| view! {
            <nav class="campaign-links" aria-label=tr("groceries-oversee-label")>
                <a class="button" id="dashboard-link" href=format!("/shop/campaigns/{id}")>{tr("groceries-dashboard-link")}</a>
                <a class="button" id="picking-link" href=format!("/shop/campaigns/{id}/picking")>{tr("groceries-picking-link")}</a>
            </nav>
        })}
    }
}

/// One product: its photo, name, unit price, what is left and the household limit, and the
/// stepper while the household can order.
#[component]
fn ProductCard(screen: CampaignScreen, id: ProductId, ordering: Memo<bool>) -> impl IntoView {
    let product: Memo<Option<Product>> =
        Memo::new(move |_| screen.campaign.with(|c| c.as_ref().and_then(|c| c.products.iter().find(|p| p.id == id).cloned())));
    let part = move |read: fn(&Product) -> String| move || product.with(|p| p.as_ref().map(read).unwrap_or_default());
    let name = part(|p| p.name.clone());
    // A product's photo does not change once published.
    let photo = product.with_untracked(|p| p.as_ref().and_then(|p| p.photo));
    let alt = Signal::derive(move || t_args("groceries-photo-alt", &[("name", name().into())]));
    view! {
        <li class="product-card" id=format!("product-{id}") class:with-photo=photo.is_some()>
            {photo.map(|photo| view! { <div class="product-photo-box"><AuthImage id=photo alt/></div> })}
            <div class="product-text">
                <h3 class="product-name" id=format!("product-name-{id}")>{name}</h3>
                <p class="unit-price" id=format!("price-{id}")>{part(|p| unit_price_text(p.price_fen, &p.unit))}</p>
                <p class="product-stock" id=format!("stock-{id}")>{part(stock_text)}</p>
                <p class="hint" id=format!("limit-{id}")>
                    {part(|p| t_args("groceries-limit", &[("limit", p.per_household_limit.into()), ("unit", p.unit.clone().into())]))}
                </p>
            </div>
            {move || ordering.get().then(|| view! { <div class="product-stepper"><Stepper screen product/></div> })}
        </li>
    }
}
