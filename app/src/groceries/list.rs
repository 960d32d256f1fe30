//! `/groceries`: the community's campaigns, open ones first (as the server orders them),
//! each a card with its title, shop, phase (and staff's reason), every product's unit price
//! and live stock, the cut-off with the time left, and households towards the group
//! minimum. A card follows its own campaign's live changes; a campaign not listed yet (just
//! published) reloads the list. Residents find their orders here, staff the shops waiting
//! for approval.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::groceries::{Campaign, CampaignPhase, Product};
use linli_api::ids::CampaignId;
use linli_api::ErrorCode;

use super::{
    clock, is_resident, is_staff, phase_sentence, stock_text, unit_price_text, CutOff, GroceriesPage, HouseholdsProgress,
    PhaseTag, Refreshes,
};
use crate::i18n::{t_args, tr};
use crate::layout::{ErrorBox, Guarded, Loaded, Loading};
use crate::session::{is_member, Session};

/// Stands for the whole list among the refreshes (no campaign has id 0).
const WHOLE_LIST: CampaignId = CampaignId(0);

#[component]
pub fn CampaignListPage() -> impl IntoView {
    view! {
        <GroceriesPage id="groceries" back="/">
            <h1 tabindex="-1">{tr("groceries-title")}</h1>
            <Guarded allow=is_member>
                <Campaigns/>
            </Guarded>
        </GroceriesPage>
    }
}

/// What the list shows; the cards inside follow their campaigns without redrawing the list.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Shown {
    Loading,
    Failed(ErrorCode),
    Empty,
    List,
}

fn find(list: &Option<Result<Vec<Campaign>, ErrorCode>>, id: CampaignId) -> Option<Campaign> {
    match list {
        Some(Ok(list)) => list.iter().find(|campaign| campaign.id == id).cloned(),
        _ => None,
    }
}

#[component]
fn Campaigns() -> impl IntoView {
    let session = Session::get();
    let campaigns: Loaded<Vec<Campaign>> = RwSignal::new(None);
    let refreshes = StoredValue::new(Refreshes::default());
    // Fetches the list, or one campaign into its card; a burst of changes to the same one
    // costs one more fetch, not one per change.
    let fetch = move |id: CampaignId| {
        if !refreshes.try_update_value(|r| r.start(id)).unwrap_or(false) {
            return;
        }
        let client = session.client();
        spawn_local(async move {
            loop {
                if id == WHOLE_LIST {
                    let result = client.campaigns().await.map_err(|error| {
                        session.on_error(error.code());
                        error.code()
                    });
                    campaigns.try_set(Some(result));
                } else {
                    match client.campaign(id).await {
                        Ok(fresh) => {
                            campaigns.try_update(|list| {
                                let listed = list.as_mut().and_then(|list| list.as_mut().ok());
                                if let Some(slot) = listed.and_then(|list| list.iter_mut().find(|c| c.id == id)) {
                                    *slot = fresh;
                                }
                            });
                        }
                        // The card keeps what it showed.
                        Err(error) => session.on_error(error.code()),
                    }
                }
                if !refreshes.try_update_value(|r| r.finish(id)).unwrap_or(false) {
                    break;
                }
            }
        });
    };
    fetch(WHOLE_LIST);
    Effect::new(move |first: Option<()>| {
        let Some((changed, _)) = session.live.campaign_changed.get() else { return };
        if first.is_some() {
            let listed = campaigns.with_untracked(|list| find(list, changed).is_some());
            fetch(if listed { changed } else { WHOLE_LIST });
        }
    });
    session.live.reload_on_resync(move || fetch(WHOLE_LIST));
    let retry = Callback::new(move |_| {
        campaigns.set(None);
        fetch(WHOLE_LIST);
    });
    let shown = Memo::new(move |_| match &*campaigns.read() {
        None => Shown::Loading,
        Some(Err(code)) => Shown::Failed(*code),
        Some(Ok(list)) if list.is_empty() => Shown::Empty,
        Some(Ok(_)) => Shown::List,
    });
    let ids = Memo::new(move |_| match &*campaigns.read() {
        Some(Ok(list)) => list.iter().map(|campaign| campaign.id).collect(),
        _ => Vec::new(),
    });
    let role = move || session.me().map(|me| me.role);
    let now = clock();
    view! {
        {move || {
            let role = role()?;
            (is_resident(role) || is_staff(role)).then(|| view! {
                <nav class="groceries-links" aria-label=tr("groceries-links-label")>
                    {is_resident(role).then(|| view! {
                        <a class="button" id="my-orders-link" href="/groceries/orders">{tr("groceries-my-orders")}</a>
                        <a class="button" id="buy-again-link" href="/groceries/again">{tr("groceries-again-title")}</a>
                    })}
                    {is_staff(role).then(|| view! {
                        <a class="button" id="merchants-link" href="/shop/merchants">{tr("groceries-merchants-link")}</a>
                    })}
                </nav>
            })
        }}
        {move || match shown.get() {
            Shown::Loading => view! { <Loading/> }.into_any(),
            Shown::Failed(code) => view! { <ErrorBox code retry/> }.into_any(),
            Shown::Empty => view! { <p class="empty" id="campaigns-none">{tr("groceries-none")}</p> }.into_any(),
            Shown::List => view! {
                <ul id="campaign-list" class="campaign-list">
                    <For each=move || ids.get() key=|id| *id let:id>
                        <CampaignCard id campaigns now/>
                    </For>
                </ul>
            }.into_any(),
        }}
    }
}

#[component]
fn CampaignCard(id: CampaignId, campaigns: Loaded<Vec<Campaign>>, now: Signal<DateTime<Utc>>) -> impl IntoView {
    let Some(first) = campaigns.with_untracked(|list| find(list, id)) else { return ().into_any() };
    // The card's campaign as last listed (kept while the list drops it, until the card goes).
    let campaign = Memo::new(move |previous: Option<&Campaign>| {
        campaigns.with(|list| find(list, id)).or_else(|| previous.cloned()).unwrap_or_else(|| first.clone())
    });
    let phase = Memo::new(move |_| campaign.with(|c| c.phase));
    let cut_off = Memo::new(move |_| campaign.with(|c| c.cut_off));
    let households = Signal::derive(move || campaign.with(|c| c.households));
    let min = Signal::derive(move || campaign.with(|c| c.min_households));
    // Staff's reason when paused or withdrawn; the tag says the rest.
    let reason = move || {
        campaign.with(|c| match c.phase {
            CampaignPhase::Paused | CampaignPhase::Withdrawn => phase_sentence(c.phase, c.reason.as_deref()),
            _ => None,
        })
    };
    view! {
        <li class="campaign-card" id=format!("campaign-{id}")>
            <h2 class="campaign-card-title">
                <a class="campaign-link" href=format!("/groceries/campaigns/{id}")>{move || campaign.with(|c| c.title.clone())}</a>
            </h2>
            <p class="campaign-shop">{move || campaign.with(|c| t_args("groceries-shop", &[("shop", c.merchant_name.clone().into())]))}</p>
            <p class="topic-tags"><PhaseTag id=format!("campaign-phase-{id}") phase/></p>
            {move || reason().map(|text| view! { <p class="callout" id=format!("campaign-reason-{id}")>{text}</p> })}
            <ul class="stock-list" id=format!("campaign-stock-{id}")>
                {move || campaign.with(|c| c.products.clone()).into_iter().map(|product| view! { <StockLine campaign=id product/> }).collect_view()}
            </ul>
            <CutOff id=format!("campaign-cut-off-{id}") cut_off phase now/>
            <HouseholdsProgress id=format!("campaign-households-{id}") households min/>
        </li>
    }
    .into_any()
}

/// "散养土鸡蛋 ¥28.80/盒，还剩 18 盒".
#[component]
fn StockLine(campaign: CampaignId, product: Product) -> impl IntoView {
    let id = format!("campaign-{campaign}-product-{}", product.id);
    let name = product.name.clone();
    let price = {
        let (price_fen, unit) = (product.price_fen, product.unit.clone());
        move || unit_price_text(price_fen, &unit)
    };
    view! {
        <li id=id>
            <span class="stock-name">{name}</span>" "
            <span class="stock-price">{price}</span>" · "
            <span class="stock-left">{move || stock_text(&product)}</span>
        </li>
    }
}
