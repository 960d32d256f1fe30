//! How a household gets its order: at the campaign's pickup point, or in the delivery round
//! to its own building (the server refuses any other building's round). Which of these a
//! household is offered, which one starts chosen, and how each is said.

use chrono::{DateTime, FixedOffset, Utc};
use leptos::prelude::*;
use linli_api::auth::Locale;
use linli_api::groceries::{Campaign, DeliveryBatch, Fulfilment};

use crate::i18n::{format_datetime, locale, t, t_args, tr, DEFAULT_UTC_OFFSET_MINUTES};
use crate::session::Session;

/// The ways `campaign` hands an order to a household in `building`: the pickup point first
/// (when there is one), then the delivery rounds to that building, earliest first.
///
/// The household's building is known by name only (`HouseholdLabel.building`), which is how
/// the community's buildings are told apart on screen too.
pub fn fulfilment_options(campaign: &Campaign, building: Option<&str>) -> Vec<Fulfilment> {
    let pickup = campaign.pickup_point.is_some().then_some(Fulfilment::Pickup);
    let mut rounds: Vec<&DeliveryBatch> =
        campaign.batches.iter().filter(|batch| building.is_some_and(|building| batch.building == building)).collect();
    rounds.sort_by_key(|batch| batch.window_start);
    pickup.into_iter().chain(rounds.into_iter().map(|batch| Fulfilment::Delivery { batch_id: batch.id })).collect()
}

/// The choice a cart starts with: the household's order's own when it is still offered,
/// else the first on offer.
pub fn initial_choice(options: &[Fulfilment], previous: Option<Fulfilment>) -> Option<Fulfilment> {
    previous.filter(|previous| options.contains(previous)).or_else(|| options.first().copied())
}

/// A stable name for an option, for element ids: `pickup`, `batch-12`.
pub fn option_key(fulfilment: Fulfilment) -> String {
    match fulfilment {
        Fulfilment::Pickup => "pickup".to_owned(),
        Fulfilment::Delivery { batch_id } => format!("batch-{batch_id}"),
    }
}

fn zone(utc_offset_minutes: i32) -> FixedOffset {
    FixedOffset::east_opt(utc_offset_minutes * 60)
        .unwrap_or_else(|| FixedOffset::east_opt(DEFAULT_UTC_OFFSET_MINUTES * 60).expect("CST is valid"))
}

/// A delivery window in the community's zone: `2026年11月24日 18:00 至 20:00`, the end's
/// date said again only when it is another day.
pub fn window_text(locale: Locale, start: DateTime<Utc>, end: DateTime<Utc>, utc_offset_minutes: i32) -> String {
    let zone = zone(utc_offset_minutes);
    let until = if start.with_timezone(&zone).date_naive() == end.with_timezone(&zone).date_naive() {
        end.with_timezone(&zone).format("%H:%M").to_string()
    } else {
        format_datetime(locale, end, utc_offset_minutes)
    };
    let from = format_datetime(locale, start, utc_offset_minutes);
    t_args("groceries-window", &[("from", from.into()), ("until", until.into())])
}

/// How an order is handed over, in words; with the campaign, where and when exactly.
pub fn fulfilment_text(campaign: Option<&Campaign>, fulfilment: Fulfilment, utc_offset_minutes: i32) -> String {
    match fulfilment {
        Fulfilment::Pickup => match campaign.and_then(|c| c.pickup_point.clone()) {
            Some(point) => t_args("groceries-pickup-at", &[("point", point.into())]),
            None => t("groceries-pickup"),
        },
        Fulfilment::Delivery { batch_id } => match campaign.and_then(|c| c.batches.iter().find(|b| b.id == batch_id)) {
            Some(batch) => t_args("groceries-delivery-to", &[
                ("building", batch.building.clone().into()),
                ("window", window_text(locale(), batch.window_start, batch.window_end, utc_offset_minutes).into()),
            ]),
            None => t("groceries-delivery"),
        },
    }
}

/// Where the household's order is handed over: said plainly when there is one way, a choice
/// of big radio buttons when there are several, and why not when there is none.
#[component]
pub fn FulfilmentChoice(
    #[prop(into)] campaign: Signal<Campaign>,
    #[prop(into)] options: Signal<Vec<Fulfilment>>,
    choice: RwSignal<Option<Fulfilment>>,
) -> impl IntoView {
    let session = Session::get();
    let text = move |fulfilment: Fulfilment| campaign.with(|c| fulfilment_text(Some(c), fulfilment, session.utc_offset()));
    let count = Memo::new(move |_| options.with(Vec::len));
    move || match count.get() {
        0 => view! {
            <p class="callout" id="fulfilment-none">{tr("groceries-fulfilment-none")}</p>
        }.into_any(),
        1 => view! {
            <div class="fulfilment" id="fulfilment">
                <h3>{tr("groceries-fulfilment-legend")}</h3>
                <p id="fulfilment-only">{move || options.get().first().map(|only| text(*only))}</p>
            </div>
        }.into_any(),
        _ => view! {
            <fieldset class="grants fulfilment" id="fulfilment">
                <legend>{tr("groceries-fulfilment-legend")}</legend>
                <For each=move || options.get() key=|option| option_key(*option) let:option>
                    {
                        let id = format!("fulfilment-{}", option_key(option));
                        view! {
                            <div class="check">
                                <input type="radio" name="fulfilment" id=id.clone()
                                    prop:checked=move || choice.get() == Some(option)
                                    on:change=move |_| choice.set(Some(option))/>
                                <label for=id>{move || text(option)}</label>
                            </div>
                        }
                    }
                </For>
            </fieldset>
        }.into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use linli_api::groceries::CampaignPhase;
    use linli_api::ids::{BuildingId, CampaignId, DeliveryBatchId, UserId};

    fn at(raw: &str) -> DateTime<Utc> {
        raw.parse().unwrap()
    }

    fn batch(id: i64, building: &str, start: &str) -> DeliveryBatch {
        DeliveryBatch {
            id: DeliveryBatchId(id),
            building_id: BuildingId(id),
            building: building.into(),
            window_start: at(start),
            window_end: at(start) + chrono::Duration::hours(2),
        }
    }

    fn campaign(pickup: Option<&str>, batches: Vec<DeliveryBatch>) -> Campaign {
        Campaign {
            id: CampaignId(1),
            merchant_id: UserId(2),
            merchant_name: "鲜丰果蔬".into(),
            title: "鲜蛋团".into(),
            description: String::new(),
            products: vec![],
            min_households: 5,
            households: 0,
            cut_off: at("2026-11-23T12:00:00Z"),
            pickup_point: pickup.map(str::to_owned),
            batches,
            phase: CampaignPhase::Open,
            reason: None,
            my_order: None,
        }
    }

    #[test]
    fn a_household_is_offered_the_pickup_point_and_its_own_buildings_rounds() {
        let rounds = vec![
            batch(1, "3栋", "2026-11-25T10:00:00Z"),
            batch(2, "5栋", "2026-11-24T10:00:00Z"),
            batch(3, "3栋", "2026-11-24T10:00:00Z"),
        ];
        let both = campaign(Some("东门快递柜旁"), rounds.clone());
        let delivery = |id| Fulfilment::Delivery { batch_id: DeliveryBatchId(id) };
        assert_eq!(fulfilment_options(&both, Some("3栋")), [Fulfilment::Pickup, delivery(3), delivery(1)]);
        assert_eq!(fulfilment_options(&both, Some("9栋")), [Fulfilment::Pickup]);
        assert_eq!(fulfilment_options(&both, None), [Fulfilment::Pickup]);
        let delivery_only = campaign(None, rounds);
        assert_eq!(fulfilment_options(&delivery_only, Some("5栋")), [delivery(2)]);
        assert!(fulfilment_options(&delivery_only, Some("9栋")).is_empty(), "nothing for this household");
    }

    #[test]
    fn the_orders_own_choice_stays_while_it_is_offered() {
        let round = Fulfilment::Delivery { batch_id: DeliveryBatchId(3) };
        let options = [Fulfilment::Pickup, round];
        assert_eq!(initial_choice(&options, Some(round)), Some(round));
        assert_eq!(initial_choice(&options, None), Some(Fulfilment::Pickup));
        let gone = Fulfilment::Delivery { batch_id: DeliveryBatchId(9) };
        assert_eq!(initial_choice(&options, Some(gone)), Some(Fulfilment::Pickup));
        assert_eq!(initial_choice(&[], Some(round)), None);
    }

    #[test]
    fn a_window_says_its_date_once_in_the_community_zone() {
        // 10:00-12:00 UTC is 18:00-20:00 in Beijing, the same day.
        let same_day = window_text(Locale::ZhCn, at("2026-11-24T10:00:00Z"), at("2026-11-24T12:00:00Z"), 480);
        assert_eq!(same_day, "2026年11月24日 18:00 至 20:00");
        // Until 01:00 Beijing time the next day: the end's date is said too.
        let overnight = window_text(Locale::ZhCn, at("2026-11-24T10:00:00Z"), at("2026-11-24T17:00:00Z"), 480);
        assert_eq!(overnight, "2026年11月24日 18:00 至 2026年11月25日 01:00");
    }

    #[test]
    fn options_have_stable_names() {
        assert_eq!(option_key(Fulfilment::Pickup), "pickup");
        assert_eq!(option_key(Fulfilment::Delivery { batch_id: DeliveryBatchId(12) }), "batch-12");
    }
}
