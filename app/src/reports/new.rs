//! `/reports/new`: report a problem. What kind, as big choices; where (a building and unit,
//! or a place in the community); what is wrong; up to six photos; and whether neighbours may
//! see it (never who reported it). Above the button the screen says where the case will go
//! and how soon it must be accepted, as the community routes that kind; once sent, the
//! case's own page opens. A family member reports for the resident (`?for=`), without photos:
//! they would be the family member's own uploads.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use linli_api::ids::{UploadId, UserId};
use linli_api::reports::{limits, NewReport, ReportCategory, ReportRules};
use linli_api::validate::reports as check;

use super::{category_label, reports_problems, route_text};
use crate::hall::images::ImagePicker;
use crate::i18n::{t, tr};
use crate::family::{acting_for, keep_for, ActingBanner};
use crate::layout::{load_into, Choice, FieldError, FormAlert, FormError, Guarded, Hint, Loaded, Page, RadioChoices, SubmitButton, TextArea, TextField};
use crate::session::Session;

#[component]
pub fn NewReportPage() -> impl IntoView {
    let resident = acting_for();
    let allow: fn(linli_api::auth::Role) -> bool = if resident.is_some() { |_| true } else { reports_problems };
    view! {
        <Page back=keep_for("/reports", resident) title="report-new-title">
            <Guarded allow>
                {resident.map(|resident| view! { <ActingBanner resident/> })}
                <ReportForm resident/>
            </Guarded>
        </Page>
    }
}

const FIELDS: &[&str] = &["location", "description", "photos"];

#[component]
fn ReportForm(resident: Option<UserId>) -> impl IntoView {
    let session = Session::get();
    let navigate = use_navigate();
    let category = RwSignal::new(ReportCategory::HomeRepair);
    let location = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let photos = RwSignal::new(Vec::<UploadId>::new());
    let uploading = RwSignal::new(0_usize);
    let public = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let form = FormError::new(FIELDS);
    let rules: Loaded<ReportRules> = RwSignal::new(None);
    let client = session.client_for(resident);
    load_into(session, rules, async move { client.report_rules().await });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() || uploading.get_untracked() > 0 {
            return;
        }
        let typed = NewReport {
            category: category.get_untracked(),
            location: location.get_untracked(),
            description: description.get_untracked(),
            photos: photos.get_untracked(),
            public: public.get_untracked(),
        };
        let Some(report) = form.checked(check::new_report(&typed)) else { return };
        let client = session.client_for(resident);
        let navigate = navigate.clone();
        form.send(session, busy, async move { client.report_problem(&report).await }, move |sent| {
            navigate(&keep_for(&format!("/reports/{}", sent.summary.id), resident), Default::default());
        });
    };
    let goes_to = move || rules.get().and_then(Result::ok).map(|rules| route_text(&rules.route_for(category.get())));
    let categories = ReportCategory::ALL.into_iter().map(|value| Choice { value, key: value.as_str(), label: category_label(value), hint: None }).collect();
    let visibility = vec![
        Choice { value: false, key: "private", label: "report-field-private", hint: Some("report-field-private-hint") },
        Choice { value: true, key: "public", label: "report-field-public", hint: Some("report-field-public-hint") },
    ];
    view! {
        <p class="summary">{tr("report-new-intro")}</p>
        <form id="report-form" novalidate on:submit=submit>
            <FormAlert form/>
            <RadioChoices id="report-category" name="category" legend="report-field-category" choices=categories chosen=category/>
            <TextField form field="location" id="report-location" label="report-field-location" value=location autocomplete="off"
                maxlength=limits::LOCATION_MAX_CHARS
                hint=Hint { id: "report-location-hint", text: Signal::derive(|| t("report-field-location-hint")) }/>
            <TextArea form field="description" id="report-description" label="report-field-description" value=description rows=5 required=true
                hint=Hint { id: "report-description-hint", text: Signal::derive(|| t("report-field-description-hint")) }/>
            {resident.is_none().then(|| view! {
                <ImagePicker id="report-photos" images=photos uploading max=limits::MAX_PHOTOS/>
                <FieldError form field="photos"/>
            })}
            <RadioChoices id="report-visibility" name="public" legend="report-field-visibility" choices=visibility chosen=public/>
            <p class="callout" id="report-goes-to" aria-live="polite">{goes_to}</p>
            <SubmitButton id="report-submit" label="report-submit" busy waiting=Signal::derive(move || uploading.get() > 0) class="button primary big"/>
        </form>
    }
}
