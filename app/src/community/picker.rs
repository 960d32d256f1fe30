//! Choosing one household of the community: its building first, then the household among
//! that building's (a building's few hundred, never a community's ten thousand at once).

use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::community::{Building, HouseholdEntry};
use linli_api::ids::BuildingId;
use linli_api::ErrorCode;

use crate::i18n::{t, t_args, tr};
use crate::layout::{ErrorBox, FieldError, FormError};
use crate::me::household_text;
use crate::session::Session;

/// Two selects: the building, then its households. `chosen` holds the household's id
/// (empty until one is chosen); with `choose` the household starts unchosen behind that
/// prompt, otherwise the building's first household is chosen. `with_counts` shows how
/// many residents each household has registered.
#[component]
pub fn HouseholdPicker(
    /// The household select's id; the building select's is `{id}-building`.
    id: &'static str,
    chosen: RwSignal<String>,
    form: FormError,
    field: &'static str,
    #[prop(optional)] choose: Option<&'static str>,
    #[prop(optional)] with_counts: bool,
) -> impl IntoView {
    let session = Session::get();
    let buildings = RwSignal::new(None::<Result<Vec<Building>, ErrorCode>>);
    let building = RwSignal::new(None::<BuildingId>);
    let households = RwSignal::new(None::<Result<Vec<HouseholdEntry>, ErrorCode>>);
    let load_households = move |chosen_building: BuildingId| {
        building.set(Some(chosen_building));
        households.set(None);
        chosen.set(String::new());
        let client = session.client();
        spawn_local(async move {
            let answer = client.households(chosen_building).await.map_err(|error| error.code());
            if building.get_untracked() != Some(chosen_building) {
                return;
            }
            if let (Ok(list), None) = (&answer, choose) {
                chosen.set(list.first().map(|entry| entry.household.id.0.to_string()).unwrap_or_default());
            }
            households.set(Some(answer));
        });
    };
    let load_buildings = move || {
        let client = session.client();
        spawn_local(async move {
            let answer = client.buildings().await.map_err(|error| error.code());
            if let Some(first) = answer.as_ref().ok().and_then(|list| list.first()) {
                load_households(first.id);
            }
            buildings.set(Some(answer));
        });
    };
    load_buildings();
    let retry = Callback::new(move |_| match building.get_untracked() {
        Some(chosen_building) => load_households(chosen_building),
        None => load_buildings(),
    });
    let failed = move || match (buildings.get(), households.get()) {
        (Some(Err(code)), _) | (_, Some(Err(code))) => Some(code),
        _ => None,
    };
    let building_id = format!("{id}-building");
    view! {
        <div class="field">
            <label for=building_id.clone()>{tr("field-building")}</label>
            <select id=building_id on:change=move |ev| {
                if let Ok(raw) = event_target_value(&ev).parse::<i64>() {
                    load_households(BuildingId(raw));
                }
            }>
                {move || buildings.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|entry| {
                    let value = entry.id;
                    view! { <option value=value.0.to_string() prop:selected=move || building.get() == Some(value)>{entry.name}</option> }
                }).collect_view()}
            </select>
        </div>
        <div class="field">
            <label for=id>{tr("field-household")}</label>
            <select id=id name=field required
                aria-invalid=move || form.invalid(field)
                aria-describedby=move || form.described_by(field, None)
                aria-busy=move || households.with(Option::is_none).to_string()
                on:change=move |ev| chosen.set(event_target_value(&ev))>
                {choose.map(|prompt| view! { <option value="">{tr(prompt)}</option> })}
                {move || households.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|entry| {
                    let value = entry.household.id.0.to_string();
                    let label = entry.household.clone();
                    let count = entry.resident_count;
                    let text = move || if with_counts {
                        t_args("invites-household-option", &[("household", household_text(&label).into()), ("count", count.into())])
                    } else {
                        household_text(&label)
                    };
                    view! { <option value=value.clone() prop:selected=move || chosen.get() == value>{text}</option> }
                }).collect_view()}
            </select>
            <FieldError form field/>
        </div>
        {move || failed().map(|code| view! { <ErrorBox code retry/> })}
        {move || buildings.get().and_then(Result::ok).is_some_and(|list| list.is_empty()).then(|| view! {
            <p class="empty">{move || t("invites-none")}</p>
        })}
    }
}
