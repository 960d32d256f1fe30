//! `/households/:id` (staff): one household of the register. What the register holds (area,
//! owners, staff's note), the form that changes it (the area typed in m² and sent in exact
//! hundredths, the owners' rows of `owners.rs`, the note), and the residents registered in
//! it (`residents.rs`).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use linli_api::ids::HouseholdId;
use linli_api::register::limits::NOTE_MAX_CHARS;
use linli_api::register::{HouseholdChange, HouseholdDetail};
use linli_api::{ApiError, ErrorCode};

use super::owners::{OwnerRow, OwnerRows};
use super::residents::Residents;
use super::{area_text, owners_text, parse_area, parse_household_id};
use crate::i18n::{t, t_args, tr};
use crate::layout::{error_text, load_into, loaded_view, ErrorBox, FormAlert, FormError, Guarded, Loaded, Page, SubmitButton};
use crate::me::household_text;
use crate::session::{can_invite, Session};

/// Every field the server's check may name.
pub const FIELDS: &[&str] = &[
    "floor_area_centi_m2",
    "note",
    "owners",
    "owners[0].name",
    "owners[0].phone",
    "owners[1].name",
    "owners[1].phone",
    "owners[2].name",
    "owners[2].phone",
    "owners[3].name",
    "owners[3].phone",
    "owners[4].name",
    "owners[4].phone",
    "owners[5].name",
    "owners[5].phone",
];

const AREA: &str = "floor_area_centi_m2";

#[component]
pub fn HouseholdPage() -> impl IntoView {
    let params = use_params_map();
    let id = parse_household_id(params.read_untracked().get("id"));
    let detail: Loaded<HouseholdDetail> = RwSignal::new(None);
    let heading = move || {
        detail
            .with(|loaded| loaded.as_ref().and_then(|d| d.as_ref().ok()).map(|d| household_text(&d.household)))
            .unwrap_or_else(|| t("households-detail-title"))
    };
    view! {
        <Page back="/households">
            <h1 id="household-heading" tabindex="-1">{heading}</h1>
            <Guarded allow=can_invite>
                {match id {
                    Some(id) => view! { <Household id detail/> }.into_any(),
                    None => view! { <ErrorBox code=ErrorCode::NotFound/> }.into_any(),
                }}
            </Guarded>
        </Page>
    }
}

#[component]
fn Household(id: HouseholdId, detail: Loaded<HouseholdDetail>) -> impl IntoView {
    let session = Session::get();
    let load = move || {
        let client = session.client();
        load_into(session, detail, async move { client.household(id).await });
    };
    load();
    let retry = Callback::new(move |_| {
        detail.set(None);
        load();
    });
    loaded_view(detail, Some(retry), move |loaded| {
        let shown = RwSignal::new(loaded.clone());
        view! {
            <Facts shown/>
            <EditForm id loaded shown/>
            <Residents shown/>
        }
    })
}

/// What the register holds, as it stands after the last save.
#[component]
fn Facts(shown: RwSignal<HouseholdDetail>) -> impl IntoView {
    let fact = move |label: &'static str, id: &'static str, value: Signal<String>| {
        view! {
            <div class="report-fact">
                <dt>{tr(label)}</dt>
                <dd id=id>{move || value.get()}</dd>
            </div>
        }
    };
    let area = Signal::derive(move || t_args("households-area", &[("area", area_text(shown.with(|d| d.floor_area_centi_m2)).into())]));
    let owners = Signal::derive(move || shown.with(|d| owners_text(&d.owners)));
    let note = Signal::derive(move || {
        let text = shown.with(|d| d.note.trim().to_owned());
        if text.is_empty() {
            t("households-note-none")
        } else {
            text
        }
    });
    let residents = Signal::derive(move || t_args("households-residents-count", &[("count", shown.with(|d| d.residents.len()).into())]));
    view! {
        <dl class="report-facts" id="household-facts">
            {fact("households-field-area", "household-area-shown", area)}
            {fact("households-field-owners", "household-owners-shown", owners)}
            {fact("households-field-note", "household-note-shown", note)}
            {fact("households-field-residents", "household-residents-shown", residents)}
        </dl>
    }
}

#[component]
fn EditForm(id: HouseholdId, loaded: HouseholdDetail, shown: RwSignal<HouseholdDetail>) -> impl IntoView {
    let session = Session::get();
    let area = RwSignal::new(area_text(loaded.floor_area_centi_m2));
    let note = RwSignal::new(loaded.note.clone());
    let next_key = RwSignal::new(loaded.owners.len() as u32);
    let rows = RwSignal::new(loaded.owners.iter().enumerate().map(|(key, owner)| OwnerRow::of(key as u32, key, owner)).collect::<Vec<_>>());
    let busy = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let form = FormError::new(FIELDS);

    let typed = move || -> Result<HouseholdChange, ApiError> {
        let floor_area_centi_m2 = parse_area(&area.get_untracked(), AREA)?;
        let owners = rows.with_untracked(|rows| rows.iter().enumerate().map(|(index, row)| row.input(index)).collect::<Result<Vec<_>, _>>())?;
        let note = note.get_untracked();
        if note.chars().count() > NOTE_MAX_CHARS {
            return Err(ApiError::on_field(ErrorCode::FieldTooLong, "note"));
        }
        Ok(HouseholdChange { floor_area_centi_m2: Some(floor_area_centi_m2), owners: Some(owners), note: Some(note) })
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        saved.set(false);
        let Some(change) = form.checked(typed()) else { return };
        let client = session.client();
        form.send(session, busy, async move { client.change_household(id, &change).await }, move |detail| {
            // The form starts again from what was recorded: phones masked, names trimmed.
            area.set(area_text(detail.floor_area_centi_m2));
            note.set(detail.note.clone());
            let first = next_key.get_untracked();
            next_key.set(first + detail.owners.len() as u32);
            rows.set(detail.owners.iter().enumerate().map(|(n, owner)| OwnerRow::of(first + n as u32, n, owner)).collect());
            shown.set(detail);
            busy.set(false);
            saved.set(true);
        });
    };
    view! {
        <form id="household-form" novalidate on:submit=submit aria-labelledby="household-form-heading">
            <h2 id="household-form-heading">{tr("households-edit-heading")}</h2>
            <FormAlert form/>
            <div class="field">
                <label for="household-area">{tr("households-field-area-input")}</label>
                <input id="household-area" name=AREA type="text" inputmode="decimal" autocomplete="off" required maxlength="12"
                    aria-invalid=move || form.invalid(AREA)
                    aria-describedby=move || form.described_by(AREA, Some("household-area-hint"))
                    bind:value=area/>
                <p id="household-area-hint" class="hint">{tr("households-area-hint")}</p>
                <Sentence form field=AREA/>
            </div>
            <OwnerRows rows form next_key/>
            <div class="field">
                <label for="household-note">{tr("households-field-note")}</label>
                <textarea id="household-note" name="note" rows="3"
                    aria-invalid=move || form.invalid("note")
                    aria-describedby=move || form.described_by("note", Some("household-note-hint"))
                    bind:value=note></textarea>
                <p id="household-note-hint" class="hint">{move || t_args("households-note-hint", &[("max", NOTE_MAX_CHARS.into())])}</p>
                <Sentence form field="note"/>
            </div>
            <p id="household-saved" class="done" role="status">{move || saved.get().then(|| t("households-saved"))}</p>
            <SubmitButton id="household-save" label="households-save" busy/>
        </form>
    }
}

/// A field's error in words; an area that is no area says how to type one.
#[component]
pub fn Sentence(form: FormError, field: &'static str) -> impl IntoView {
    move || {
        form.on(field).map(|code| {
            let text = move || match code {
                ErrorCode::InvalidValue if field == AREA => t("households-area-invalid"),
                ErrorCode::InvalidValue if field == "owners" => t("households-owners-too-many"),
                code => error_text(code),
            };
            view! { <p id=crate::layout::field_error_id(field) class="field-error" role="alert">{text}</p> }
        })
    }
}
