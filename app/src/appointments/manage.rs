//! `/services/manage` (staff): bookings waiting for approval (each opened to approve or
//! decline it, following bookings live), every service's figures with the way to its desk,
//! its editor and its hall screen, a new service, and the rule that pauses booking for
//! residents who repeatedly do not come (`rules.rs`).

mod rules;

use leptos::prelude::*;
use linli_api::appointments::{Booking, ServiceStats};

use self::rules::RulesForm;
use super::{runs_services, slot_text};
use crate::i18n::{t, t_args, tr};
use crate::layout::{load_into, ErrorBox, Guarded, Loaded, Loading, Page};
use crate::session::Session;

#[component]
pub fn ManagePage() -> impl IntoView {
    view! {
        <Page back="/services" title="staff-manage-title">
            <Guarded allow=runs_services>
                <p class="staff-links">
                    <a class="button primary" id="service-new" href="/services/new">{tr("staff-manage-new")}</a>
                </p>
                <Pending/>
                <Figures/>
                <RulesForm/>
            </Guarded>
        </Page>
    }
}

#[component]
fn Pending() -> impl IntoView {
    let session = Session::get();
    let pending: Loaded<Vec<Booking>> = RwSignal::new(None);
    let load = move || {
        let client = session.client();
        load_into(session, pending, async move { client.pending_bookings().await });
    };
    load();
    session.live.reload_on_any(session.live.booking_changed, load);
    let retry = Callback::new(move |_| load());
    view! {
        <section id="pending" aria-labelledby="pending-heading">
            <h2 id="pending-heading">{tr("staff-pending-heading")}</h2>
            {move || match pending.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(code)) => view! { <ErrorBox code retry/> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p class="empty" id="pending-none">{tr("staff-pending-none")}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul id="pending-bookings" class="staff-cards">
                        {list.into_iter().map(|booking| view! { <PendingCard booking/> }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn PendingCard(booking: Booking) -> impl IntoView {
    let session = Session::get();
    let Booking { id, service_name, resident_name, starts_at, ends_at, .. } = booking;
    view! {
        <li class="staff-card" id=format!("pending-{id}")>
            <a class="staff-card-link" id=format!("pending-link-{id}") href=format!("/bookings/{id}")>{service_name}</a>
            <p class="staff-card-meta">
                <span>{move || slot_text(starts_at, ends_at, session.utc_offset())}</span>
                <span class="staff-card-who">{resident_name}</span>
            </p>
            <p class="hint">{tr("staff-pending-open")}</p>
        </li>
    }
}

/// The mean of the ratings to one decimal, in words: `4.5 星` / `no ratings yet`.
pub fn stars_text(ratings: i64, average: Option<f64>) -> String {
    match average.filter(|_| ratings > 0) {
        Some(average) => t_args("staff-stats-stars", &[("stars", format!("{average:.1}").into())]),
        None => t("staff-stats-no-ratings"),
    }
}

#[component]
fn Figures() -> impl IntoView {
    let session = Session::get();
    let stats: Loaded<Vec<ServiceStats>> = RwSignal::new(None);
    let load = move || {
        let client = session.client();
        load_into(session, stats, async move { client.service_stats().await });
    };
    load();
    let retry = Callback::new(move |_| load());
    view! {
        <section id="services-figures" aria-labelledby="figures-heading">
            <h2 id="figures-heading">{tr("staff-stats-heading")}</h2>
            {move || match stats.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(code)) => view! { <ErrorBox code retry/> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p class="empty" id="services-none">{tr("staff-stats-none")}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul id="service-stats" class="staff-cards">
                        {list.into_iter().map(|figures| view! { <ServiceFigures figures/> }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn ServiceFigures(figures: ServiceStats) -> impl IntoView {
    let ServiceStats { service_id: id, service_name, bookings, served, no_shows, ratings, average_stars } = figures;
    let figure = |label: &'static str, value: i64, id_part: &'static str| {
        view! {
            <div class="staff-figure">
                <dt>{tr(label)}</dt>
                <dd id=format!("stats-{id_part}-{id}")>{value}</dd>
            </div>
        }
    };
    let whose = {
        let name = service_name.clone();
        move || view! { <span class="visually-hidden">" "{name.clone()}</span> }
    };
    view! {
        <li class="staff-card" id=format!("service-stats-{id}")>
            <h3 class="staff-card-title">{service_name}</h3>
            <dl class="staff-figures">
                {figure("staff-stats-bookings", bookings, "bookings")}
                {figure("staff-stats-served", served, "served")}
                {figure("staff-stats-no-shows", no_shows, "no-shows")}
                {figure("staff-stats-ratings", ratings, "ratings")}
                <div class="staff-figure wide">
                    <dt>{tr("staff-stats-rating")}</dt>
                    <dd id=format!("stats-stars-{id}")>{move || stars_text(ratings, average_stars)}</dd>
                </div>
            </dl>
            // The same three words on every card: the service's name tells them apart when heard.
            <p class="staff-links">
                <a class="button primary" id=format!("desk-link-{id}") href=format!("/services/{id}/desk")>{tr("staff-open-desk")}{whose()}</a>
                <a class="button" id=format!("edit-link-{id}") href=format!("/services/{id}/edit")>{tr("staff-manage-edit")}{whose()}</a>
                <a class="button" id=format!("display-link-{id}") href=format!("/display/{id}")>{tr("staff-open-display")}{whose()}</a>
            </p>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_average_is_said_to_one_decimal_or_not_at_all() {
        assert_eq!(stars_text(0, None), t("staff-stats-no-ratings"));
        assert!(stars_text(3, Some(4.666)).contains("4.7"));
        assert_eq!(stars_text(0, Some(5.0)), t("staff-stats-no-ratings"), "no ratings, no average");
    }
}
