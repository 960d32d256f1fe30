//! `/reports/figures`: how the community's problems were handled in a month, for everyone
//! to see. Per category and the party that had them: how many were reported, how soon they
//! were accepted and resolved (medians) and how satisfied their reporters were (the mean of
//! their stars, and how many rated). One card each, so a phone never scrolls sideways; the
//! previous and next month are one tap away (not beyond this month).

use chrono::Datelike;
use leptos::prelude::*;
use linli_api::reports::{FiguresQuery, MonthFigures, ReportFigures};

use super::{category_label, duration_text, party_label};
use crate::i18n::{t, t_args, tr};
use crate::layout::{load_into, loaded_view, Guarded, Loaded, Page};
use crate::session::{is_member, Session};
use crate::wishes::community_today;

#[component]
pub fn FiguresPage() -> impl IntoView {
    view! {
        <Page back="/reports" title="report-figures-title">
            <Guarded allow=is_member>
                <Figures/>
            </Guarded>
        </Page>
    }
}

/// The month before or after `(year, month)`.
fn step_month((year, month): (i32, u32), forward: bool) -> (i32, u32) {
    match (forward, month) {
        (true, 12) => (year + 1, 1),
        (true, _) => (year, month + 1),
        (false, 1) => (year - 1, 12),
        (false, _) => (year, month - 1),
    }
}

fn month_text((year, month): (i32, u32)) -> String {
    t_args("report-month", &[("year", year.into()), ("month", month.into())])
}

#[component]
fn Figures() -> impl IntoView {
    let session = Session::get();
    let today = community_today(session);
    let this_month = (today.year(), today.month());
    let month = RwSignal::new(this_month);
    let figures: Loaded<MonthFigures> = RwSignal::new(None);
    Effect::new(move |_| {
        let (year, month) = month.get();
        figures.set(None);
        let client = session.client();
        load_into(session, figures, async move { client.report_figures(&FiguresQuery { year: Some(year), month: Some(month) }).await });
    });
    let go = move |forward: bool| month.update(|shown| *shown = step_month(*shown, forward));
    let at_this_month = move || month.get() >= this_month;
    view! {
        <p class="summary">{tr("report-figures-intro")}</p>
        <nav class="month-picker" aria-label=tr("report-month-picker")>
            <button type="button" class="button" id="report-month-previous" on:click=move |_| go(false)>
                {move || t_args("report-month-previous", &[("month", month_text(step_month(month.get(), false)).into())])}
            </button>
            <p class="month-shown" id="report-month" aria-live="polite">{move || month_text(month.get())}</p>
            <button type="button" class="button" id="report-month-next" disabled=at_this_month on:click=move |_| go(true)>
                {move || t_args("report-month-next", &[("month", month_text(step_month(month.get(), true)).into())])}
            </button>
        </nav>
        {loaded_view(figures, None, |shown: MonthFigures| if shown.rows.is_empty() {
            view! { <p class="empty" id="report-figures-none">{tr("report-figures-none")}</p> }.into_any()
        } else {
            view! {
                <ul id="report-figures" class="staff-cards">
                    {shown.rows.into_iter().map(|row| view! { <FiguresCard row/> }).collect_view()}
                </ul>
            }.into_any()
        })}
    }
}

/// The mean of the stars to one decimal, with how many rated; or that nobody did.
fn satisfaction_text(satisfaction: Option<f64>, ratings: u32) -> String {
    match satisfaction.filter(|_| ratings > 0) {
        Some(mean) => t_args("report-figures-stars", &[("stars", format!("{mean:.1}").into()), ("count", ratings.into())]),
        None => t("report-figures-no-ratings"),
    }
}

/// A median in words, or a dash said as "none yet".
fn median_text(minutes: Option<i64>) -> String {
    minutes.map_or_else(|| t("report-figures-no-median"), duration_text)
}

#[component]
fn FiguresCard(row: ReportFigures) -> impl IntoView {
    let ReportFigures { category, party, cases, median_accept_minutes, median_resolve_minutes, satisfaction, ratings } = row;
    let key = format!("{}-{}", category.as_str(), party.as_str());
    let figure = |label: &'static str, part: &'static str, value: Signal<String>| {
        view! {
            <div class="staff-figure wide">
                <dt>{tr(label)}</dt>
                <dd id=format!("figures-{part}-{key}")>{move || value.get()}</dd>
            </div>
        }
    };
    view! {
        <li class="staff-card" id=format!("figures-{key}")>
            <h2 class="staff-card-title figures-title">
                {tr(category_label(category))}<span class="figures-party">{tr(party_label(party))}</span>
            </h2>
            <dl class="staff-figures">
                <div class="staff-figure">
                    <dt>{tr("report-figures-cases")}</dt>
                    <dd id=format!("figures-cases-{key}")>{cases}</dd>
                </div>
                {figure("report-figures-accept", "accept", Signal::derive(move || median_text(median_accept_minutes)))}
                {figure("report-figures-resolve", "resolve", Signal::derive(move || median_text(median_resolve_minutes)))}
                {figure("report-figures-satisfaction", "satisfaction", Signal::derive(move || satisfaction_text(satisfaction, ratings)))}
            </dl>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_step_over_the_year() {
        assert_eq!(step_month((2026, 12), true), (2027, 1));
        assert_eq!(step_month((2027, 1), false), (2026, 12));
        assert_eq!(step_month((2026, 5), true), (2026, 6));
    }

    #[test]
    fn satisfaction_is_said_to_one_decimal_with_its_count() {
        let said = satisfaction_text(Some(4.666), 3);
        assert!(said.contains("4.7") && said.contains('3'), "{said}");
        assert_eq!(satisfaction_text(Some(5.0), 0), t("report-figures-no-ratings"));
        assert_eq!(satisfaction_text(None, 0), t("report-figures-no-ratings"));
    }
}
