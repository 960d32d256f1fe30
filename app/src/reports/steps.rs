//! What the reader may do to a case now, as the server lists it: a handler of the party in
//! charge accepts it, starts the work and says it is done (with a note and photos); the
//! reporter confirms and rates it, or says it is not done and why; staff send it elsewhere or
//! fold it into another case (`staff_steps.rs`); a neighbour says "me too". Each answer
//! replaces the case on screen.

use std::future::Future;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use linli_api::ids::{ReportId, UploadId};
use linli_api::reports::{limits, ConfirmReport, ReopenReport, Report, ReportAction, ResolveReport};
use linli_api::validate::reports as check;
use linli_api::ClientError;

use super::case::Shown;
use super::staff_steps::{Merge, Reassign};
use crate::hall::images::ImagePicker;
use crate::i18n::{t, t_args, tr};
use crate::layout::{FieldError, FormAlert, FormError, RatingForm, SubmitButton, TextArea};
use crate::native;
use crate::session::Session;

/// Sends a step; its answer becomes the case on screen.
pub fn send_step(session: Session, form: FormError, busy: RwSignal<bool>, shown: Shown, request: impl Future<Output = Result<Report, ClientError>> + 'static) {
    form.send(session, busy, request, move |report| shown.replace(report));
}

#[component]
pub fn Steps(case: Report, shown: Shown) -> impl IntoView {
    let may = |action| case.actions.contains(&action);
    let id = case.summary.id;
    let handles = may(ReportAction::Accept) || may(ReportAction::Start) || may(ReportAction::Resolve);
    view! {
        {handles.then(|| view! {
            <section class="report-section" id="report-handle" aria-labelledby="report-handle-heading">
                <h2 id="report-handle-heading">{tr("report-handle-heading")}</h2>
                {may(ReportAction::Accept).then(|| view! { <OneTap id shown action=ReportAction::Accept/> })}
                {may(ReportAction::Start).then(|| view! { <OneTap id shown action=ReportAction::Start/> })}
                {may(ReportAction::Resolve).then(|| view! { <Resolve id shown/> })}
            </section>
        })}
        {may(ReportAction::Confirm).then(|| view! { <Confirm id shown/> })}
        {may(ReportAction::Reopen).then(|| view! { <Reopen id shown/> })}
        {(may(ReportAction::Reassign) || may(ReportAction::Merge)).then(|| view! {
            <section class="report-section" id="report-staff" aria-labelledby="report-staff-heading">
                <h2 id="report-staff-heading">{tr("report-staff-heading")}</h2>
                {may(ReportAction::Reassign).then(|| view! { <Reassign id shown party=case.summary.party/> })}
                {may(ReportAction::Merge).then(|| view! { <Merge id shown/> })}
            </section>
        })}
    }
}

/// A step with nothing to type: accepting the case, or saying work has begun.
#[component]
fn OneTap(id: ReportId, shown: Shown, action: ReportAction) -> impl IntoView {
    let session = Session::get();
    let busy = RwSignal::new(false);
    let form = FormError::new(&[]);
    let (button_id, label) = match action {
        ReportAction::Accept => ("report-accept", "report-accept"),
        _ => ("report-start", "report-start"),
    };
    let tap = move |_| {
        let client = shown.client(session);
        let request = async move {
            match action {
                ReportAction::Accept => client.accept_report(id).await,
                _ => client.start_report(id).await,
            }
        };
        send_step(session, form, busy, shown, request);
    };
    view! {
        <FormAlert form/>
        <button type="button" class="button primary big" id=button_id disabled=move || busy.get() on:click=tap>
            {move || if busy.get() { t("busy") } else { t(label) }}
        </button>
    }
}

/// The handler says it is done: what was done, and photos of it if they like.
#[component]
fn Resolve(id: ReportId, shown: Shown) -> impl IntoView {
    let session = Session::get();
    let note = RwSignal::new(String::new());
    let photos = RwSignal::new(Vec::<UploadId>::new());
    let uploading = RwSignal::new(0_usize);
    let busy = RwSignal::new(false);
    let form = FormError::new(&["note", "photos"]);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if uploading.get_untracked() > 0 {
            return;
        }
        let Some(resolution) = form.checked(check::resolution(&ResolveReport { note: note.get_untracked(), photos: photos.get_untracked() })) else {
            return;
        };
        let client = shown.client(session);
        send_step(session, form, busy, shown, async move { client.resolve_report(id, &resolution).await });
    };
    view! {
        <form id="report-resolve-form" novalidate on:submit=submit>
            <h3>{tr("report-resolve-heading")}</h3>
            <FormAlert form/>
            <TextArea form field="note" id="report-resolve-note" label="report-resolve-note" value=note rows=3 required=true/>
            <ImagePicker id="report-resolve-photos" images=photos uploading max=limits::MAX_PHOTOS/>
            <FieldError form field="photos"/>
            <SubmitButton id="report-resolve" label="report-resolve" busy waiting=Signal::derive(move || uploading.get() > 0)/>
        </form>
    }
}

/// The reporter confirms it is done and rates the handling: five big star buttons and a
/// comment if they like.
#[component]
fn Confirm(id: ReportId, shown: Shown) -> impl IntoView {
    let session = Session::get();
    let busy = RwSignal::new(false);
    let form = FormError::new(&["stars", "comment"]);
    let send = Callback::new(move |(stars, comment)| {
        let confirmation = check::confirmation(&ConfirmReport { stars, comment })?;
        let client = shown.client(session);
        send_step(session, form, busy, shown, async move { client.confirm_report(id, &confirmation).await });
        Ok(())
    });
    view! {
        <RatingForm id="report-confirm-form" class="report-section" heading="report-confirm-heading" text="report-confirm-text"
            submit="report-confirm" form busy send/>
    }
}

/// A step that needs words: a button that unfolds its form in place (the focus goes to the
/// form's first field), and folds it again.
#[component]
pub fn Unfolding(
    /// The unfolding button's id; its "never mind" button's id adds `-cancel`.
    id: &'static str,
    /// Fluent id of the unfolding button's word.
    label: &'static str,
    /// What takes the focus once unfolded.
    focus: &'static str,
    #[prop(optional)] danger: bool,
    children: ChildrenFn,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let unfold = move |_| {
        open.set(true);
        request_animation_frame(move || native::focus(focus));
    };
    view! {
        <div class="report-step">
            <Show
                when=move || open.get()
                fallback=move || view! { <button type="button" class="button" class:danger=danger id=id on:click=unfold>{tr(label)}</button> }
            >
                {children()}
                <button type="button" class="button" id=format!("{id}-cancel") on:click=move |_| open.set(false)>{tr("report-step-cancel")}</button>
            </Show>
        </div>
    }
}

/// "Not done": asks why, in place, before the case goes back to its handler.
#[component]
fn Reopen(id: ReportId, shown: Shown) -> impl IntoView {
    let session = Session::get();
    let reason = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let form = FormError::new(&["reason"]);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(reopening) = form.checked(check::reopening(&ReopenReport { reason: reason.get_untracked() })) else { return };
        let client = shown.client(session);
        send_step(session, form, busy, shown, async move { client.reopen_report(id, &reopening).await });
    };
    view! {
        <section class="report-section" id="report-reopen-section" aria-labelledby="report-reopen-heading">
            <h2 id="report-reopen-heading">{tr("report-reopen-heading")}</h2>
            <Unfolding id="report-reopen-start" label="report-reopen" focus="#report-reopen-reason" danger=true>
                <form id="report-reopen-form" novalidate on:submit=submit>
                    <FormAlert form/>
                    <TextArea form field="reason" id="report-reopen-reason" label="report-reopen-reason" value=reason rows=3 required=true/>
                    <SubmitButton id="report-reopen" label="report-reopen" busy class="button danger"/>
                </form>
            </Unfolding>
        </section>
    }
}

/// On a public case: how many neighbours have the same problem, and for a neighbour who has
/// not said so yet, "me too" (counted once; their name is never shown).
#[component]
pub fn MeToo(case: Report, shown: Shown) -> impl IntoView {
    let session = Session::get();
    let busy = RwSignal::new(false);
    let form = FormError::new(&[]);
    let id = case.summary.id;
    let seconds = Memo::new(move |_| shown.with(|report| report.summary.seconds).unwrap_or_default());
    let second = move |_| {
        let client = shown.client(session);
        send_step(session, form, busy, shown, async move { client.second_report(id).await });
    };
    case.summary.public.then(|| view! {
        <section class="report-section" id="report-me-too" aria-labelledby="report-seconds">
            <p class="report-seconds" id="report-seconds" role="status">
                {move || t_args("report-seconds-page", &[("count", seconds.get().into())])}
            </p>
            {case.seconded.then(|| view! { <p id="report-seconded">{tr("report-seconded")}</p> })}
            <FormAlert form/>
            {case.may_second.then(|| view! {
                <button type="button" class="button big" id="report-second" disabled=move || busy.get() on:click=second>
                    {tr("report-second")}
                </button>
            })}
        </section>
    })
}
