//! `/services/new` and `/services/:id/edit` (staff): one service. Its name, description,
//! documents to bring, whether staff approve each booking, slot length, cancellation cut-off
//! and queue prefix are here; its weekly opening hours and closed days in `schedule.rs`; the
//! form residents fill in `fields.rs`. Once saved, the desk's sign with its code and QR code
//! to print (`sign.rs`) shows above the form.
//!
//! Everything is checked before sending (`draft.rs`); the sentence about what is wrong
//! appears under that very input, also in a row (`rows.rs`), which gets the focus. One error
//! shows at a time.

mod draft;
mod fields;
mod rows;
mod schedule;
mod sign;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;
use linli_api::appointments::{limits, Service};
use linli_api::ids::ServiceId;
use linli_api::{ApiError, ErrorCode};

use self::draft::{build_service, error_sentence, in_a_row, input_id, ServiceDraft};
use self::fields::{FieldDraft, FieldRow, FieldRows};
use self::schedule::{next_day, next_hours, ClosedDays, DayRow, HoursRow, HoursRows};
use self::sign::DeskSign;
use super::{parse_service_id, runs_services};
use crate::native::focus_soon;
use crate::i18n::{t, t_args, tr};
use crate::layout::{field_error_id, load_into, ErrorBox, FormAlert, FormError, Guarded, Hint, Loaded, Loading, Page, TextArea, TextField};
use crate::session::Session;

/// The service's own fields; errors about a row's field (`hours.2.closes`) show at the row.
const FIELDS: &[&str] = &["name", "description", "documents", "duration_minutes", "cancel_hours", "queue_prefix", "hours", "closed_days", "form"];

/// The sentence under one of the service's own fields, clearer than the generic one where it
/// can be, present only while it is wrong.
#[component]
fn ServiceFieldError(form: FormError, field: &'static str) -> impl IntoView {
    move || {
        form.on(field).map(|code| {
            view! { <p id=field_error_id(field) class="field-error" role="alert">{move || error_sentence(field, code)}</p> }
        })
    }
}

/// A short value of the service (slot length, cut-off, prefix) with its hint.
#[component]
fn ShortField(
    form: FormError,
    field: &'static str,
    id: &'static str,
    label: &'static str,
    hint: Signal<String>,
    value: RwSignal<String>,
    #[prop(default = "numeric")] inputmode: &'static str,
    #[prop(optional)] maxlength: Option<usize>,
    /// Letters: typed as capitals, not spell-checked.
    #[prop(optional)]
    letters: bool,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let described_by = {
        let hint_id = hint_id.clone();
        move || form.described_by(field, Some(&hint_id))
    };
    let (autocapitalize, spellcheck) = if letters { (Some("characters"), Some("false")) } else { (None, None) };
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            <input id=id name=field type="text" inputmode=inputmode autocomplete="off" required
                autocapitalize=autocapitalize spellcheck=spellcheck
                maxlength=maxlength.map(|max| max.to_string())
                aria-invalid=move || form.invalid(field) aria-describedby=described_by
                bind:value=value/>
            <p id=hint_id class="hint">{move || hint.get()}</p>
            <ServiceFieldError form field/>
        </div>
    }
}

/// Which service the route names: a new one, one to change, or none that can exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Editing {
    New,
    Existing(ServiceId),
    Unknown,
}

#[component]
pub fn ServiceEditorPage() -> impl IntoView {
    let editing = match use_params_map().read_untracked().get("id") {
        None => Editing::New,
        Some(raw) => parse_service_id(Some(raw)).map_or(Editing::Unknown, Editing::Existing),
    };
    // A new service comes back here to be changed once it is saved (`?saved=1`).
    let just_saved = use_query_map().read_untracked().get("saved").is_some();
    let title = if editing == Editing::New { "staff-editor-new-title" } else { "staff-editor-edit-title" };
    view! {
        <Page back="/services/manage" title=title>
            <Guarded allow=runs_services>
                {match editing {
                    Editing::New => view! { <ServiceForm id=None initial=ServiceDraft::blank() saved_as=None just_saved=false/> }.into_any(),
                    Editing::Existing(id) => view! { <EditService id just_saved/> }.into_any(),
                    Editing::Unknown => view! { <ErrorBox code=ErrorCode::NotFound/> }.into_any(),
                }}
            </Guarded>
        </Page>
    }
}

#[component]
fn EditService(id: ServiceId, just_saved: bool) -> impl IntoView {
    let session = Session::get();
    let service: Loaded<Service> = RwSignal::new(None);
    let load = move || {
        service.set(None);
        let client = session.client();
        load_into(session, service, async move { client.service(id).await });
    };
    load();
    let retry = Callback::new(move |_| load());
    move || match service.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(code)) => view! { <ErrorBox code retry/> }.into_any(),
        Some(Ok(loaded)) => {
            if just_saved {
                focus_soon("#desk-sign-heading");
            }
            view! { <ServiceForm id=Some(id) initial=ServiceDraft::of(&loaded) saved_as=Some(loaded) just_saved/> }.into_any()
        }
    }
}

#[component]
fn ServiceForm(
    /// The service being changed; none for a new one.
    id: Option<ServiceId>,
    initial: ServiceDraft,
    /// The service as saved last, whose desk sign shows above the form.
    saved_as: Option<Service>,
    just_saved: bool,
) -> impl IntoView {
    let session = Session::get();
    let navigate = use_navigate();
    let owner = Owner::current().expect("the form has an owner");
    // Row keys, never reused while the form is open.
    let next_key = StoredValue::new(0_u32);
    let take_key = move || {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        key
    };
    let ServiceDraft { name, description, documents, needs_approval, duration, cancel_hours, queue_prefix, hours, closed_days, form: fields } = initial;
    let name = RwSignal::new(name);
    let description = RwSignal::new(description);
    let documents = RwSignal::new(documents);
    let needs_approval = RwSignal::new(needs_approval);
    let duration = RwSignal::new(duration);
    let cancel_hours = RwSignal::new(cancel_hours);
    let queue_prefix = RwSignal::new(queue_prefix);
    let hours = RwSignal::new(hours.iter().map(|draft| HoursRow::new(take_key(), draft)).collect::<Vec<_>>());
    let days = RwSignal::new(closed_days.into_iter().map(|day| DayRow::new(take_key(), day)).collect::<Vec<_>>());
    let fields = RwSignal::new(fields.iter().map(|draft| FieldRow::new(take_key(), draft)).collect::<Vec<_>>());
    let form = FormError::new(FIELDS);
    // The error about a row's field; `form` holds the others. One of the two at a time.
    let errors = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let shown = RwSignal::new(saved_as);
    let saved = RwSignal::new(just_saved);

    let show = move |error: ApiError| {
        let field = error.field.clone().unwrap_or_default();
        if in_a_row(&field) {
            form.clear();
            errors.set(Some(error));
        } else {
            errors.set(None);
            form.set(Some(error));
        }
        focus_soon(&format!("#{}", input_id(&field)));
    };

    let add_hours = {
        let owner = owner.clone();
        Callback::new(move |_| {
            let last = hours.with_untracked(|rows| rows.last().map(HoursRow::draft));
            let row = owner.with(|| HoursRow::new(take_key(), &next_hours(last.as_ref())));
            hours.update(|rows| rows.push(row));
            focus_soon(&format!("#hours-weekday-{}", hours.with_untracked(Vec::len) - 1));
        })
    };
    let add_day = {
        let owner = owner.clone();
        Callback::new(move |_| {
            let last = days.with_untracked(|rows| rows.last().map(|row| row.date.get_untracked()));
            let day = last.as_deref().and_then(next_day).unwrap_or_else(|| crate::wishes::community_today(session).to_string());
            let row = owner.with(|| DayRow::new(take_key(), day));
            days.update(|rows| rows.push(row));
            focus_soon(&format!("#closed-day-{}", days.with_untracked(Vec::len) - 1));
        })
    };
    let add_field = Callback::new(move |_| {
        let row = owner.with(|| FieldRow::new(take_key(), &FieldDraft::default()));
        fields.update(|rows| rows.push(row));
        focus_soon(&format!("#form-field-label-{}", fields.with_untracked(Vec::len) - 1));
    });

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        saved.set(false);
        let draft = ServiceDraft {
            name: name.get_untracked(),
            description: description.get_untracked(),
            documents: documents.get_untracked(),
            needs_approval: needs_approval.get_untracked(),
            duration: duration.get_untracked(),
            cancel_hours: cancel_hours.get_untracked(),
            queue_prefix: queue_prefix.get_untracked(),
            hours: hours.with_untracked(|rows| rows.iter().map(HoursRow::draft).collect()),
            closed_days: days.with_untracked(|rows| rows.iter().map(|row| row.date.get_untracked()).collect()),
            form: fields.with_untracked(|rows| rows.iter().map(FieldRow::draft).collect()),
        };
        let service = match build_service(&draft) {
            Ok(service) => service,
            Err(error) => return show(error),
        };
        form.clear();
        errors.set(None);
        busy.set(true);
        let client = session.client();
        let navigate = navigate.clone();
        spawn_local(async move {
            let result = match id {
                Some(id) => client.update_service(id, &service).await,
                None => client.create_service(&service).await,
            };
            match (result, id) {
                (Ok(service), Some(_)) => {
                    shown.try_set(Some(service));
                    saved.try_set(true);
                    busy.try_set(false);
                    focus_soon("#desk-sign-heading");
                }
                // From now on the service is changed, not created again: its own address.
                (Ok(created), None) => {
                    navigate(&format!("/services/{}/edit?saved=1", created.id), NavigateOptions { replace: true, ..Default::default() });
                }
                (Err(error), _) => {
                    session.on_error(error.code());
                    show(ApiError { code: error.code(), field: error.field().map(str::to_owned) });
                    busy.try_set(false);
                }
            }
        });
    };

    let description_hint = Hint { id: "service-description-hint", text: Signal::derive(|| t("staff-editor-description-hint")) };
    let documents_hint = Hint { id: "service-documents-hint", text: Signal::derive(|| t("staff-editor-documents-hint")) };
    let duration_hint = Signal::derive(|| {
        t_args("staff-editor-duration-hint", &[("min", limits::MIN_DURATION_MINUTES.into()), ("max", limits::MAX_DURATION_MINUTES.into())])
    });
    let cancel_hint = Signal::derive(|| t_args("staff-editor-cancel-hint", &[("hours", limits::MAX_CANCEL_HOURS.into())]));
    let prefix_hint = Signal::derive(|| t("staff-editor-prefix-hint"));
    view! {
        {move || shown.get().map(|service| view! { <DeskSign service saved/> })}
        <form id="service-form" novalidate on:submit=submit>
            <FormAlert form/>
            <TextField form field="name" id="service-name" label="staff-editor-name" value=name
                autocomplete="off" maxlength=limits::NAME_MAX_CHARS/>
            <TextArea form field="description" id="service-description" label="staff-editor-description" value=description rows=4
                hint=description_hint/>
            <TextArea form field="documents" id="service-documents" label="staff-editor-documents" value=documents rows=3
                hint=documents_hint/>
            <div class="check">
                <input id="service-needs-approval" name="needs_approval" type="checkbox"
                    aria-describedby="service-needs-approval-hint" bind:checked=needs_approval/>
                <label for="service-needs-approval">{tr("staff-editor-needs-approval")}</label>
            </div>
            <p id="service-needs-approval-hint" class="hint editor-check-hint">{tr("staff-editor-needs-approval-hint")}</p>
            <div class="field-pair">
                <ShortField form field="duration_minutes" id="service-duration" label="staff-editor-duration" hint=duration_hint value=duration/>
                <ShortField form field="cancel_hours" id="service-cancel-hours" label="staff-editor-cancel" hint=cancel_hint value=cancel_hours/>
            </div>
            <ShortField form field="queue_prefix" id="service-queue-prefix" label="staff-editor-prefix" hint=prefix_hint value=queue_prefix
                inputmode="text" maxlength=limits::PREFIX_MAX_CHARS letters=true/>

            <HoursRows rows=hours errors add=add_hours/>
            <ServiceFieldError form field="hours"/>
            <ClosedDays rows=days errors add=add_day/>
            <ServiceFieldError form field="closed_days"/>
            <FieldRows rows=fields errors add=add_field/>
            <ServiceFieldError form field="form"/>

            <button type="submit" id="service-save" class="button primary big" disabled=move || busy.get()>
                {move || if busy.get() { t("busy") } else { t("staff-editor-save") }}
            </button>
        </form>
    }
}
