//! `/shop/campaigns/:id/picking`: what to pack, group by group. Each group is one handover
//! (the pickup point, or a delivery round with its building and time window) for one
//! building: the product totals to bring, then the households with their lines, what they
//! pay on handover, and whether they picked up. "Download CSV" saves the server's CSV for
//! the delivery team, behind the byte order mark Excel needs (`layout::CsvDownload`).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use linli_api::groceries::{yuan, Handover, OrderLineView, PickingGroup, PickingHousehold, PickingList};
use linli_api::ids::CampaignId;
use linli_api::ErrorCode;

use super::{may_oversee, parse_campaign_id, ShopPage};
use crate::hall::new::schedule::to_local_input;
use crate::i18n::{format_datetime, locale, t, t_args, tr};
use crate::layout::{load_into, CsvDownload, ErrorBox, Guarded, Loaded, Loading};
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

/// A group in numbers: households, what they pay together, how many picked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupSummary {
    pub households: usize,
    pub total_fen: i64,
    pub picked_up: usize,
}

pub fn group_summary(group: &PickingGroup) -> GroupSummary {
    GroupSummary {
        households: group.households.len(),
        total_fen: group.households.iter().map(|h| h.total_fen).sum(),
        picked_up: group.households.iter().filter(|h| h.picked_up).count(),
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
    view! {
        {move || list.with(|l| l.as_ref().and_then(|l| l.as_ref().ok()).map(|l| l.title.clone())).map(|title| view! {
            <p class="summary" id="picking-campaign">{title}</p>
        })}
        <DownloadCsv id/>
        {move || match list.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(code)) => view! { <ErrorBox code retry/> }.into_any(),
            Some(Ok(list)) if list.groups.is_empty() => view! { <p class="empty" id="picking-empty">{tr("shop-picking-none")}</p> }.into_any(),
            Some(Ok(list)) => view! {
                <div id="picking-groups">
                    {list.groups.into_iter().enumerate().map(|(index, group)| view! { <Group index group/> }).collect_view()}
                </div>
            }.into_any(),
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
fn Group(index: usize, group: PickingGroup) -> impl IntoView {
    let session = Session::get();
    let summary = group_summary(&group);
    let heading_id = format!("picking-group-{index}-heading");
    let labelled_by = heading_id.clone();
    let handover = group.handover.clone();
    let building = group.building.clone();
    let pickup = matches!(handover, Handover::Pickup { .. });
    view! {
        <section class="picking-group" id=format!("picking-group-{index}") aria-labelledby=labelled_by>
            <h2 id=heading_id>{move || handover_text(&handover, session.utc_offset())}</h2>
            <p class="picking-summary">{move || t_args("shop-group-summary", &[
                ("building", building.clone().into()),
                ("pickup", (if pickup { "yes" } else { "no" }).into()),
                ("households", summary.households.into()),
                ("total", yuan(summary.total_fen).into()),
                ("picked", summary.picked_up.into()),
            ])}</p>
            <h3>{tr("shop-group-products")}</h3>
            <ul class="picking-products">
                {group.products.into_iter().map(|product| view! {
                    <li>{move || t_args("shop-line", &[
                        ("name", product.name.clone().into()),
                        ("quantity", product.quantity.into()),
                        ("unit", product.unit.clone().into()),
                    ])}</li>
                }).collect_view()}
            </ul>
            <h3>{tr("shop-group-households")}</h3>
            <ul class="history picking-households">
                {group.households.into_iter().map(|household| view! { <HouseholdItem household/> }).collect_view()}
            </ul>
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
    use linli_api::community::HouseholdLabel;
    use linli_api::ids::{HouseholdId, OrderId, ProductId};

    fn household(total_fen: i64, picked_up: bool) -> PickingHousehold {
        PickingHousehold {
            order_id: OrderId(1),
            household: HouseholdLabel { id: HouseholdId(1), building: "3栋".into(), unit: "2单元".into(), room: "501".into() },
            lines: vec![OrderLineView { product_id: ProductId(1), name: "土鸡蛋".into(), unit: "盒".into(), price_fen: 2_880, quantity: 2, subtotal_fen: 5_760 }],
            total_fen,
            picked_up,
        }
    }

    #[test]
    fn a_group_adds_up_its_households() {
        let group = PickingGroup {
            handover: Handover::Pickup { point: "东门".into() },
            building: "3栋".into(),
            products: vec![],
            households: vec![household(5_760, true), household(2_880, false), household(100, true)],
        };
        assert_eq!(group_summary(&group), GroupSummary { households: 3, total_fen: 8_740, picked_up: 2 });
    }

    #[test]
    fn the_csv_is_named_after_the_campaign_and_the_window_ends_on_the_clock() {
        assert_eq!(csv_file_name(CampaignId(12)), "picking-12.csv");
        assert_eq!(clock("2026-12-06T04:00:00Z".parse().unwrap(), 480), "12:00");
    }
}
