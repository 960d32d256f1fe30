//! The no-show rule: this many no-shows within this many days pause a resident's booking for
//! this many days after the last one. Whole numbers, checked with the server's own rule
//! (`validate::appointments::rules`) before saving.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use linli_api::appointments::AppointmentRules;
use linli_api::validate::appointments as check;
use linli_api::{ApiError, ErrorCode};

use crate::appointments::staff::whole_number;
use crate::i18n::{t, t_args, tr};
use crate::layout::{error_text, field_error_id, load_into, ErrorBox, FormAlert, FormError, Loaded, Loading};
use crate::session::Session;

const FIELDS: &[&str] = &["no_show_limit", "window_days", "pause_days"];

/// The rule as typed, or its first wrong field.
pub fn typed_rules(no_show_limit: &str, window_days: &str, pause_days: &str) -> Result<AppointmentRules, ApiError> {
    let rules = AppointmentRules {
        no_show_limit: whole_number(no_show_limit, "no_show_limit")?,
        window_days: whole_number(window_days, "window_days")?,
        pause_days: whole_number(pause_days, "pause_days")?,
    };
    check::rules(&rules)
}

/// The rule in one sentence, as residents will meet it.
fn rule_sentence(rules: AppointmentRules) -> String {
    t_args("staff-rules-summary", &[
        ("limit", rules.no_show_limit.into()),
        ("window", rules.window_days.into()),
        ("pause", rules.pause_days.into()),
    ])
}

/// A clearer sentence than "not allowed" for a number out of its range.
fn rules_sentence(field: &str, code: ErrorCode) -> String {
    match (field, code) {
        ("no_show_limit", ErrorCode::InvalidValue) => t("staff-rules-limit-invalid"),
        (_, ErrorCode::InvalidValue) => t("staff-rules-days-invalid"),
        _ => error_text(code),
    }
}

#[component]
pub fn RulesForm() -> impl IntoView {
    let session = Session::get();
    let current: Loaded<AppointmentRules> = RwSignal::new(None);
    let load = move || {
        current.set(None);
        let client = session.client();
        load_into(session, current, async move { client.appointment_rules().await });
    };
    load();
    let retry = Callback::new(move |_| load());
    view! {
        <section id="no-show-rules" aria-labelledby="no-show-rules-heading">
            <h2 id="no-show-rules-heading">{tr("staff-rules-heading")}</h2>
            {move || match current.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(code)) => view! { <ErrorBox code retry/> }.into_any(),
                Some(Ok(rules)) => view! { <RulesFields rules/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn RulesFields(rules: AppointmentRules) -> impl IntoView {
    let session = Session::get();
    let no_show_limit = RwSignal::new(rules.no_show_limit.to_string());
    let window_days = RwSignal::new(rules.window_days.to_string());
    let pause_days = RwSignal::new(rules.pause_days.to_string());
    let saved_rules = RwSignal::new(rules);
    let busy = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let form = FormError::new(FIELDS);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        saved.set(false);
        let rules = match typed_rules(&no_show_limit.get_untracked(), &window_days.get_untracked(), &pause_days.get_untracked()) {
            Ok(rules) => rules,
            Err(error) => {
                let target = match error.field.as_deref() {
                    Some("window_days") => "#window-days",
                    Some("pause_days") => "#pause-days",
                    _ => "#no-show-limit",
                };
                form.set(Some(error));
                crate::groceries::focus_soon(target);
                return;
            }
        };
        let client = session.client();
        form.send(session, busy, async move { client.set_appointment_rules(&rules).await }, move |rules| {
            busy.set(false);
            saved_rules.set(rules);
            saved.set(true);
        });
    };
    view! {
        <p class="callout" id="rules-summary">{move || rule_sentence(saved_rules.get())}</p>
        <form id="rules-form" novalidate on:submit=submit>
            <FormAlert form/>
            <RuleField form field="no_show_limit" id="no-show-limit" label="staff-rules-limit" hint="staff-rules-limit-hint" value=no_show_limit/>
            <RuleField form field="window_days" id="window-days" label="staff-rules-window" hint="staff-rules-days-hint" value=window_days/>
            <RuleField form field="pause_days" id="pause-days" label="staff-rules-pause" hint="staff-rules-days-hint" value=pause_days/>
            <p id="rules-saved" class="done" role="status">{move || saved.get().then(|| t("staff-rules-saved"))}</p>
            <button type="submit" class="button" id="rules-save" disabled=move || busy.get()>
                {move || if busy.get() { t("busy") } else { t("staff-rules-save") }}
            </button>
        </form>
    }
}

#[component]
fn RuleField(form: FormError, field: &'static str, id: &'static str, label: &'static str, hint: &'static str, value: RwSignal<String>) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let described_by = {
        let hint_id = hint_id.clone();
        move || form.described_by(field, Some(&hint_id))
    };
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            <input id=id name=field type="text" inputmode="numeric" autocomplete="off" required maxlength="3"
                aria-invalid=move || form.invalid(field) aria-describedby=described_by
                bind:value=value/>
            <p id=hint_id class="hint">{tr(hint)}</p>
            {move || form.on(field).map(|code| view! {
                <p id=field_error_id(field) class="field-error" role="alert">{move || rules_sentence(field, code)}</p>
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rule_is_three_whole_numbers_in_their_ranges() {
        assert_eq!(typed_rules("3", " 90 ", "３０"), Ok(AppointmentRules { no_show_limit: 3, window_days: 90, pause_days: 30 }));
        assert_eq!(typed_rules("", "90", "30").unwrap_err(), ApiError::on_field(ErrorCode::FieldRequired, "no_show_limit"));
        assert_eq!(typed_rules("21", "90", "30").unwrap_err().field.as_deref(), Some("no_show_limit"));
        assert_eq!(typed_rules("3", "1.5", "30").unwrap_err().field.as_deref(), Some("window_days"));
        assert_eq!(typed_rules("3", "90", "366").unwrap_err().field.as_deref(), Some("pause_days"));
    }
}
