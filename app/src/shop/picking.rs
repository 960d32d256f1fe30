//! `/shop/campaigns/:id/picking`: what to pack, group by group. Each group is one handover
//! (the pickup point, or a delivery round with its building and time window) for one
//! building: the product totals to bring, then (a page at a time, once opened) the
//! households with their lines, what they pay on handover, and whether they picked up. "Download CSV" saves the server's CSV for
//! the delivery team, behind the byte order mark Excel needs (`layout::CsvDownload`).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use linli_api::groceries::{yuan, Handover, OrderLineView, PickingGroup, PickingHousehold, PickingHouseholdsQuery, PickingList};
use linli_api::ids::{BuildingId, CampaignId, DeliveryBatchId};
use linli_api::ErrorCode;

use super::{may_oversee, parse_campaign_id, ShopPage};
use crate::hall::new::schedule::to_local_input;
use crate::i18n::{format_datetime, locale, t, t_args, tr};
use crate::layout::{load_into, CsvDownload, ErrorBox, Guarded, ListPage, Loaded, Loading, MoreButton, Pages};
use crate::me::household_text;
use crate::session::Session;

#[component]
pub fn PickingPage() -> impl IntoView {
    let params = use_params_map();
    let id = parse_campaign_id(params.read_untracked().get("id"));
    let back = id.map(|id| format!("/shop/campaigns/{id}")).unwrap_or_else(|| "/shop".into());
    view! {
        <ShopPage id="picking" back>
            <h1 tabindex="-1">{tr("shop-picking-title")}</h1>
            <Guarded allow=may_oversee>
                {match id {
                    Some(id) => view! { <Picking id/> }.into_any(),
                    None => view! { <ErrorBox code=ErrorCode::NotFound/> }.into_any(),
                }}
            </Guarded>
        </ShopPage>
    }
}

/// `14:30` in the community's zone.
pub fn clock(at: chrono::DateTime<chrono::Utc>, utc_offset_minutes: i32) -> String {
    to_local_input(at, utc_offset_minutes).split('T').nth(1).unwrap_or_default().to_owned()
}

/// How a group is handed over, in words: "Pickup at the east gate", "Delivery to 3栋,
/// 6 Dec 2026, 09:00–12:00".
pub fn handover_text(handover: &Handover, utc_offset_minutes: i32) -> String {
    match handover {
        Handover::Pickup { point } => t_args("shop-handover-pickup", &[("point", point.clone().into())]),
        Handover::Delivery { batch } => t_args("shop-handover-delivery", &[
            ("building", batch.building.clone().into()),
            ("from", format_datetime(locale(), batch.window_start, utc_offset_minutes).into()),
            ("until", clock(batch.window_end, utc_offset_minutes).into()),
        ]),
    }
}

/// "土鸡蛋 2 盒、大米 1 袋".
pub fn lines_text(lines: &[OrderLineView]) -> String {
    lines
        .iter()
        .map(|line| t_args("shop-line", &[("name", line.name.clone().into()), ("quantity", line.quantity.into()), ("unit", line.unit.clone().into())]))
        .collect::<Vec<_>>()
        .join(&t("list-separator"))
}

pub fn csv_file_name(id: CampaignId) -> String {
    format!("picking-{id}.csv")
}

/// A group's identity in the list: its building and round (none: the pickup point).
type GroupKey = (BuildingId, Option<DeliveryBatchId>);

fn group_key(group: &PickingGroup) -> GroupKey {
    (group.building_id, group.batch())
}

/// Groups open with their households shown when there are this few of them.
const OPEN_UP_TO: usize = 3;

#[component]
fn Picking(id: CampaignId) -> impl IntoView {
    let session = Session::get();
    let list: Loaded<PickingList> = RwSignal::new(None);
    let load = move || {
        let client = session.client();
        load_into(session, list, async move { client.picking_list(id).await });
    };
    load();
    // Pickups tick off as the shop checks codes.
    session.live.reload_on(session.live.campaign_changed, id, load);
    let retry = Callback::new(move |_| {
        list.set(None);
        load();
    });
    // What the page shows changes only with this, so that a reload keeps the groups (and
    // the households a merchant opened) in place and only their figures change.
    let shape = Memo::new(move |_| list.with(|list| list.as_ref().map(|list| list.as_ref().map(|list| list.groups.is_empty()).map_err(|code| *code))));
    let keys = Memo::new(move |_| {
        list.with(|list| list.as_ref().and_then(|list| list.as_ref().ok()).map(|list| list.groups.iter().map(group_key).collect::<Vec<_>>()).unwrap_or_default())
    });
    view! {
        {move || list.with(|l| l.as_ref().and_then(|l| l.as_ref().ok()).map(|l| l.title.clone())).map(|title| view! {
            <p class="summary" id="picking-campaign">{title}</p>
        })}
        <DownloadCsv id/>
        {move || match shape.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(code)) => view! { <ErrorBox code retry/> }.into_any(),
            Some(Ok(true)) => view! { <p class="empty" id="picking-empty">{tr("shop-picking-none")}</p> }.into_any(),
            Some(Ok(false)) => {
                let open = keys.with_untracked(Vec::len) <= OPEN_UP_TO;
                view! {
                    <div id="picking-groups">
                        <For each=move || keys.get().into_iter().enumerate() key=|(_, key)| *key let:numbered>
                            <Group campaign=id index=numbered.0 key=numbered.1 list open/>
                        </For>
                    </div>
                }.into_any()
            }
        }}
    }
}

#[component]
fn DownloadCsv(id: CampaignId) -> impl IntoView {
    view! {
        <div class="staff-tools picking-download">
            <CsvDownload id="download-picking" label="shop-download-csv" file=csv_file_name(id)
                fetch=move |client: linli_api::Client| async move { client.picking_csv(id).await }/>
        </div>
    }
}

#[component]
fn Group(campaign: CampaignId, index: usize, key: GroupKey, list: Loaded<PickingList>, open: bool) -> impl IntoView {
    let session = Session::get();
    let group = Memo::new(move |_| {
        list.with(|list| list.as_ref().and_then(|list| list.as_ref().ok()).and_then(|list| list.groups.iter().find(|g| group_key(g) == key).cloned()))
    });
    let heading_id = format!("picking-group-{index}-heading");
    let labelled_by = heading_id.clone();
    let pages: Pages<PickingHousehold> = Pages::new();
    let shown = RwSignal::new(false);
    let started = RwSignal::new(false);
    let load = move |from_start: bool| {
        pages.load(session, from_start, move |client, after| async move {
            let query = PickingHouseholdsQuery { building: key.0 .0, batch: key.1.map(|batch| batch.0), after, limit: None };
            let page = client.picking_households(campaign, &query).await?;
            Ok(ListPage { items: page.households, next: page.next_after, total: None })
        })
    };
    let show = move |on: bool| {
        if on && !started.get_untracked() {
            started.set(true);
            load(true);
        }
        shown.set(on);
    };
    if open {
        show(true);
    }
    // A pickup checked at the counter shows on the households already listed.
    session.live.reload_on(session.live.campaign_changed, campaign, move || {
        if shown.get_untracked() {
            load(true);
        }
    });
    let households_id = format!("picking-group-{index}-households");
    let controls = households_id.clone();
    let words = move |id: &str| {
        group.with(|group| group.as_ref().map(|group| t_args(id, &[("count", group.households.into())]))).unwrap_or_default()
    };
    view! {
        <section class="picking-group" id=format!("picking-group-{index}") aria-labelledby=labelled_by>
            <h2 id=heading_id>{move || group.with(|group| group.as_ref().map(|group| handover_text(&group.handover, session.utc_offset())))}</h2>
            <p class="picking-summary">{move || group.with(|group| group.as_ref().map(|group| t_args("shop-group-summary", &[
                ("building", group.building.clone().into()),
                ("pickup", (if group.batch().is_none() { "yes" } else { "no" }).into()),
                ("households", group.households.into()),
                ("total", yuan(group.total_fen).into()),
                ("picked", group.picked_up.into()),
            ])))}</p>
            <h3>{tr("shop-group-products")}</h3>
            <ul class="picking-products">
                {move || group.with(|group| group.as_ref().map(|group| group.products.clone()).unwrap_or_default()).into_iter().map(|product| view! {
                    <li>{move || t_args("shop-line", &[
                        ("name", product.name.clone().into()),
                        ("quantity", product.quantity.into()),
                        ("unit", product.unit.clone().into()),
                    ])}</li>
                }).collect_view()}
            </ul>
            <h3>{tr("shop-group-households")}</h3>
            <div class="form-actions">
                <button type="button" class="button picking-toggle" aria-controls=controls aria-expanded=move || shown.get().to_string()
                    on:click=move |_| show(!shown.get_untracked())>
                    {move || if shown.get() { t("shop-group-hide-households") } else { words("shop-group-show-households") }}
                </button>
            </div>
            <div id=households_id hidden=move || !shown.get()>
                {move || (pages.loading() && pages.items.with(Vec::is_empty)).then(|| view! { <Loading/> })}
                {move || pages.failed().map(|code| view! { <ErrorBox code retry=Callback::new(move |_| load(true))/> })}
                <ul class="history picking-households">
                    <For each=move || pages.items.get() key=|household| (household.order_id, household.picked_up) let:household>
                        <HouseholdItem household/>
                    </For>
                </ul>
                <MoreButton id=format!("picking-group-{index}-more") label="shop-group-more-households" shown=Signal::derive(move || pages.has_more()) more=Callback::new(move |_| load(false))/>
            </div>
        </section>
    }
}

#[component]
fn HouseholdItem(household: PickingHousehold) -> impl IntoView {
    let PickingHousehold { order_id, household, lines, total_fen, picked_up } = household;
    view! {
        <li class="history-item" class:picked-up=picked_up id=format!("picking-order-{order_id}")>
            <p class="participant-name">{move || household_text(&household)}</p>
            <p>{move || lines_text(&lines)}</p>
            <p>{move || t_args("shop-pay-on-pickup", &[("total", yuan(total_fen).into())])}</p>
            <p class=if picked_up { "tag staff" } else { "tag" }>
                {move || if picked_up { t("shop-picked-up") } else { t("shop-not-picked-up") }}
            </p>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_csv_is_named_after_the_campaign_and_the_window_ends_on_the_clock() {
        assert_eq!(csv_file_name(CampaignId(12)), "picking-12.csv");
        assert_eq!(clock("2026-12-06T04:00:00Z".parse().unwrap(), 480), "12:00");
    }
}
