//! Staff's steps on a case still open: send it to another party (or one of its handler
//! pools), where it waits to be accepted anew, saying why; or fold it, as a duplicate, into
//! another open case about the same problem, chosen from the cases staff see.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use linli_api::ids::ReportId;
use linli_api::reports::{limits, MergeReport, Party, ReassignReport, ReportScope, ReportSummary};
use linli_api::validate::reports as check;
use linli_api::{ApiError, ErrorCode};

use super::case::Shown;
use super::hub::live_reports;
use super::steps::{send_step, Unfolding};
use super::{category_label, party_label};
use crate::i18n::{t, t_args, tr};
use crate::layout::{FieldError, FormAlert, FormError, Hint, SubmitButton, TextArea, TextField};
use crate::session::Session;

#[component]
pub fn Reassign(id: ReportId, shown: Shown, party: Party) -> impl IntoView {
    let session = Session::get();
    let to = RwSignal::new(party);
    let pool = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let form = FormError::new(&["party", "pool", "note"]);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let typed = ReassignReport { party: to.get_untracked(), pool: Some(pool.get_untracked()), note: note.get_untracked() };
        let Some(reassignment) = form.checked(check::reassignment(&typed)) else { return };
        let client = session.client();
        send_step(session, form, busy, shown, async move { client.reassign_report(id, &reassignment).await });
    };
    view! {
        <Unfolding id="report-reassign-start" label="report-reassign" focus="#report-reassign-party">
            <form id="report-reassign-form" novalidate on:submit=submit>
                <FormAlert form/>
                <div class="field">
                    <label for="report-reassign-party">{tr("report-reassign-party")}</label>
                    <select id="report-reassign-party" name="party"
                        on:change=move |ev| if let Some(party) = Party::parse(&event_target_value(&ev)) { to.set(party) }>
                        {Party::ALL.into_iter().map(|choice| view! {
                            <option value=choice.as_str() selected=choice == party>{tr(party_label(choice))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <TextField form field="pool" id="report-reassign-pool" label="report-reassign-pool" value=pool autocomplete="off" optional=true
                    maxlength=limits::POOL_NAME_MAX_CHARS hint=Hint { id: "report-reassign-pool-hint", text: Signal::derive(|| t("report-pool-hint")) }/>
                <TextArea form field="note" id="report-reassign-note" label="report-reassign-note" value=note rows=3 required=true/>
                <SubmitButton id="report-reassign" label="report-reassign" busy/>
            </form>
        </Unfolding>
    }
}

/// The case to fold this one into: one of the others still open.
fn merge_target(raw: &str) -> Result<ReportId, ApiError> {
    raw.parse().ok().filter(|id| *id > 0).map(ReportId).ok_or_else(|| ApiError::on_field(ErrorCode::FieldRequired, "into"))
}

/// A case as a choice in the list: its number, kind and place.
fn choice_text(case: &ReportSummary) -> String {
    t_args(
        "report-merge-choice",
        &[("id", case.id.0.into()), ("category", t(category_label(case.category)).into()), ("location", case.location.clone().into())],
    )
}

#[component]
pub fn Merge(id: ReportId, shown: Shown) -> impl IntoView {
    let session = Session::get();
    let cases = live_reports(session, ReportScope::Handling, None);
    let others = Memo::new(move |_| {
        // The open cases, which lead the handling list's first pages.
        cases.pages.items.with(|cases| cases.iter().filter(|case| case.id != id && case.state.is_open()).cloned().collect::<Vec<_>>())
    });
    let into = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let form = FormError::new(&["into"]);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(into) = form.checked(merge_target(&into.get_untracked())) else { return };
        let merge = MergeReport { into };
        let client = session.client();
        send_step(session, form, busy, shown, async move { client.merge_report(id, &merge).await });
    };
    view! {
        <Unfolding id="report-merge-start" label="report-merge" focus="#report-merge-into">
            <form id="report-merge-form" novalidate on:submit=submit>
                <p class="hint">{tr("report-merge-text")}</p>
                <FormAlert form/>
                <div class="field">
                    <label for="report-merge-into">{tr("report-merge-into")}</label>
                    <select id="report-merge-into" name="into"
                        aria-invalid=move || form.invalid("into")
                        aria-describedby=move || form.described_by("into", None)
                        on:change=move |ev| into.set(event_target_value(&ev))>
                        <option value="">{move || t(if others.with(Vec::is_empty) { "report-merge-none" } else { "report-merge-choose" })}</option>
                        {move || others.get().into_iter().map(|case| view! {
                            <option value=case.id.to_string()>{choice_text(&case)}</option>
                        }).collect_view()}
                    </select>
                    <FieldError form field="into"/>
                </div>
                <SubmitButton id="report-merge" label="report-merge" busy class="button danger"/>
            </form>
        </Unfolding>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_merge_needs_the_case_it_goes_into() {
        assert_eq!(merge_target("12"), Ok(ReportId(12)));
        for none in ["", "0", "x"] {
            assert_eq!(merge_target(none), Err(ApiError::on_field(ErrorCode::FieldRequired, "into")), "{none}");
        }
    }
}
