//! `/reports/rules` (staff): where each kind of problem goes. Per category the party that
//! answers for it, optionally one of its handler pools, and within how many hours it must be
//! accepted (from a quarter of an hour to a week; the server counts minutes); and for how
//! many days a resident may reopen a resolved case. Checked with the server's own rule
//! (`validate::reports::rules`) before saving; new cases follow, cases already sent keep
//! their party and clock.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use linli_api::reports::{limits, Party, ReportCategory, ReportRules, Route};
use linli_api::validate::reports as check;
use linli_api::{ApiError, ErrorCode};

use super::{category_label, party_label, sets_report_rules};
use crate::appointments::staff::{half_width, whole_number};
use crate::i18n::{t, t_args, tr};
use crate::layout::{error_text, field_error_id, loaded_view, loading, FormAlert, FormError, Guarded, Page, SubmitButton};
use crate::session::Session;

#[component]
pub fn RulesPage() -> impl IntoView {
    view! {
        <Page back="/reports/handling" title="report-rules-title">
            <Guarded allow=sets_report_rules>
                <Rules/>
            </Guarded>
        </Page>
    }
}

/// Every field the check may name: the time to reopen, and each route's pool and time to
/// accept, in the categories' order.
const FIELDS: &[&str] = &[
    "reopen_days",
    "routes.0.pool",
    "routes.0.accept_within_minutes",
    "routes.1.pool",
    "routes.1.accept_within_minutes",
    "routes.2.pool",
    "routes.2.accept_within_minutes",
    "routes.3.pool",
    "routes.3.accept_within_minutes",
    "routes.4.pool",
    "routes.4.accept_within_minutes",
    "routes.5.pool",
    "routes.5.accept_within_minutes",
    "routes.6.pool",
    "routes.6.accept_within_minutes",
];

/// A route's field name as the check names it.
fn route_field(index: usize, part: &str) -> &'static str {
    let name = format!("routes.{index}.{part}");
    FIELDS.iter().find(|field| **field == name).copied().unwrap_or("routes")
}

/// Hours as staff type them (`2`, `0.5`, `１.５`) in whole minutes, or why not.
fn hours_to_minutes(raw: &str, field: &str) -> Result<u32, ApiError> {
    let text: String = raw.trim().chars().map(half_width).collect();
    if text.is_empty() {
        return Err(ApiError::on_field(ErrorCode::FieldRequired, field));
    }
    let invalid = || ApiError::on_field(ErrorCode::InvalidValue, field);
    if !text.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Err(invalid());
    }
    let hours: f64 = text.parse().map_err(|_| invalid())?;
    let minutes = (hours * 60.0).round();
    if !(0.0..=f64::from(u32::MAX)).contains(&minutes) {
        return Err(invalid());
    }
    Ok(minutes as u32)
}

/// Minutes as hours for the input: `2`, `1.5`, `0.25`.
fn minutes_to_hours(minutes: u32) -> String {
    let hours = format!("{:.2}", f64::from(minutes) / 60.0);
    hours.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// One category's route as the form holds it.
#[derive(Clone, Copy)]
struct RouteFields {
    category: ReportCategory,
    party: RwSignal<Party>,
    pool: RwSignal<String>,
    hours: RwSignal<String>,
}

impl RouteFields {
    fn new(route: &Route) -> Self {
        RouteFields {
            category: route.category,
            party: RwSignal::new(route.party),
            pool: RwSignal::new(route.pool.clone().unwrap_or_default()),
            hours: RwSignal::new(minutes_to_hours(route.accept_within_minutes)),
        }
    }

    fn typed(&self, index: usize) -> Result<Route, ApiError> {
        Ok(Route {
            category: self.category,
            party: self.party.get_untracked(),
            pool: Some(self.pool.get_untracked()),
            accept_within_minutes: hours_to_minutes(&self.hours.get_untracked(), route_field(index, "accept_within_minutes"))?,
        })
    }
}

#[component]
fn Rules() -> impl IntoView {
    let session = Session::get();
    let (current, retry) = loading(session, |client| async move { client.report_rules().await });
    view! {
        <p class="summary">{tr("report-rules-intro")}</p>
        <p class="hint" id="report-rules-hours-range">{tr("report-rules-hours-hint")}</p>
        {loaded_view(current, Some(retry), |rules| view! { <RulesForm rules/> })}
    }
}

#[component]
fn RulesForm(rules: ReportRules) -> impl IntoView {
    let session = Session::get();
    let routes: Vec<RouteFields> = ReportCategory::ALL.into_iter().map(|category| RouteFields::new(&rules.route_for(category))).collect();
    let reopen_days = RwSignal::new(rules.reopen_days.to_string());
    let busy = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let form = FormError::new(FIELDS);
    let fields = routes.clone();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        saved.set(false);
        let typed = (|| {
            let routes = fields.iter().enumerate().map(|(index, route)| route.typed(index)).collect::<Result<Vec<_>, _>>()?;
            check::rules(&ReportRules { routes, reopen_days: whole_number(&reopen_days.get_untracked(), "reopen_days")? })
        })();
        let Some(rules) = form.checked(typed) else { return };
        let client = session.client();
        form.send(session, busy, async move { client.set_report_rules(&rules).await }, move |_| {
            busy.set(false);
            saved.set(true);
        });
    };
    view! {
        <form id="report-rules-form" novalidate on:submit=submit>
            <FormAlert form/>
            {routes.into_iter().enumerate().map(|(index, route)| view! { <RouteRow index route form/> }).collect_view()}
            <div class="field">
                <label for="report-reopen-days">{tr("report-rules-reopen-days")}</label>
                <input id="report-reopen-days" name="reopen_days" type="text" inputmode="numeric" autocomplete="off" required maxlength="2"
                    aria-invalid=move || form.invalid("reopen_days")
                    aria-describedby=move || form.described_by("reopen_days", Some("report-reopen-days-hint"))
                    bind:value=reopen_days/>
                <p id="report-reopen-days-hint" class="hint">
                    {move || t_args("report-rules-reopen-days-hint", &[("min", limits::MIN_REOPEN_DAYS.into()), ("max", limits::MAX_REOPEN_DAYS.into())])}
                </p>
                <RuleError form field="reopen_days" out_of_range="report-rules-reopen-days-hint"/>
            </div>
            <p id="report-rules-saved" class="done" role="status">{move || saved.get().then(|| t("report-rules-saved"))}</p>
            <SubmitButton id="report-rules-save" label="report-rules-save" busy/>
        </form>
    }
}

/// One category: the party it goes to, the pool within it, the hours to accept it.
#[component]
fn RouteRow(index: usize, route: RouteFields, form: FormError) -> impl IntoView {
    let key = route.category.as_str();
    let (party_id, pool_id, hours_id) = (format!("rule-{key}-party"), format!("rule-{key}-pool"), format!("rule-{key}-hours"));
    let (pool_field, hours_field) = (route_field(index, "pool"), route_field(index, "accept_within_minutes"));
    view! {
        <fieldset class="rule-row" id=format!("rule-{key}")>
            <legend>{tr(category_label(route.category))}</legend>
            <div class="field">
                <label for=party_id.clone()>{tr("report-rules-party")}</label>
                <select id=party_id name="party" on:change=move |ev| if let Some(party) = Party::parse(&event_target_value(&ev)) { route.party.set(party) }>
                    {Party::ALL.into_iter().map(|choice| view! {
                        <option value=choice.as_str() selected=move || route.party.get() == choice>{tr(party_label(choice))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=pool_id.clone()>{tr("report-rules-pool")}</label>
                <input id=pool_id name="pool" type="text" autocomplete="off" maxlength=limits::POOL_NAME_MAX_CHARS.to_string()
                    aria-invalid=move || form.invalid(pool_field)
                    aria-describedby=move || form.described_by(pool_field, None)
                    bind:value=route.pool/>
                <RuleError form field=pool_field out_of_range="report-pool-hint"/>
            </div>
            <div class="field">
                <label for=hours_id.clone()>{tr("report-rules-hours")}</label>
                <input id=hours_id name="hours" type="text" inputmode="decimal" autocomplete="off" required maxlength="6"
                    aria-invalid=move || form.invalid(hours_field) aria-describedby=move || form.described_by(hours_field, None)
                    bind:value=route.hours/>
                <RuleError form field=hours_field out_of_range="report-rules-hours-hint"/>
            </div>
        </fieldset>
    }
}

/// A field's error; a number out of its range says the range rather than "not allowed".
#[component]
fn RuleError(form: FormError, field: &'static str, out_of_range: &'static str) -> impl IntoView {
    move || {
        form.on(field).map(|code| {
            let text = move || match code {
                ErrorCode::InvalidValue if field == "reopen_days" => {
                    t_args(out_of_range, &[("min", limits::MIN_REOPEN_DAYS.into()), ("max", limits::MAX_REOPEN_DAYS.into())])
                }
                ErrorCode::InvalidValue => t(out_of_range),
                code => error_text(code),
            };
            view! { <p id=field_error_id(field) class="field-error" role="alert">{text}</p> }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_typed_and_shown_as_staff_think_of_them() {
        assert_eq!(hours_to_minutes(" 2 ", "x"), Ok(120));
        assert_eq!(hours_to_minutes("0.25", "x"), Ok(15));
        assert_eq!(hours_to_minutes("１．５", "x"), Ok(90));
        assert_eq!(hours_to_minutes("", "x"), Err(ApiError::on_field(ErrorCode::FieldRequired, "x")));
        for bad in ["-1", "两小时", "1.2.3"] {
            assert_eq!(hours_to_minutes(bad, "x"), Err(ApiError::on_field(ErrorCode::InvalidValue, "x")), "{bad}");
        }
        for minutes in [15, 20, 90, 120, 24 * 60, 7 * 24 * 60] {
            assert_eq!(hours_to_minutes(&minutes_to_hours(minutes), "x"), Ok(minutes), "{minutes} minutes there and back");
        }
        assert_eq!(minutes_to_hours(1440), "24");
    }

    #[test]
    fn every_route_field_the_check_names_is_a_field_of_the_form() {
        for index in 0..ReportCategory::ALL.len() {
            assert_eq!(route_field(index, "pool"), format!("routes.{index}.pool"));
            assert_eq!(route_field(index, "accept_within_minutes"), format!("routes.{index}.accept_within_minutes"));
        }
    }
}
