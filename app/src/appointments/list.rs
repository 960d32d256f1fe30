//! `/services`: the community's services as cards: what each is, what to bring, whether staff
//! approve it and how long it takes, each leading to its page where a time is chosen. Residents
//! (and their family, `?for=`) find their bookings here; staff find a new service, approvals
//! and figures, and each service's desk and editor.

use leptos::prelude::*;
use linli_api::appointments::Service;
use linli_api::auth::Role;
use linli_api::ids::UserId;

use super::mine::bookings_title;
use super::service::duration_text;
use super::{books, runs_services};
use crate::family::{acting_for, keep_for, ActingBanner};
use crate::i18n::{t_args, tr};
use crate::layout::{load_into, ErrorBox, Guarded, Loaded, Loading, Page};
use crate::session::{is_member, Session};

#[component]
pub fn ServicesPage() -> impl IntoView {
    let resident = acting_for();
    let back = match resident {
        Some(resident) => format!("/family/for/{resident}"),
        None => "/".to_owned(),
    };
    let allow: fn(Role) -> bool = if resident.is_some() { |_| true } else { is_member };
    view! {
        <Page back title="services-title">
            <Guarded allow>
                {resident.map(|resident| view! { <ActingBanner resident/> })}
                <Services resident/>
            </Guarded>
        </Page>
    }
}

#[component]
fn Services(resident: Option<UserId>) -> impl IntoView {
    let session = Session::get();
    let role = session.me().map(|me| me.role);
    let booking = resident.is_some() || role.is_some_and(books);
    let staff = resident.is_none() && role.is_some_and(runs_services);
    let services: Loaded<Vec<Service>> = RwSignal::new(None);
    let load = move || {
        let client = session.client_for(resident);
        load_into(session, services, async move { client.services().await });
    };
    load();
    let retry = Callback::new(move |_| load());
    view! {
        <p class="summary">{tr("services-intro")}</p>
        {(booking || staff).then(|| view! {
            <nav class="service-links" aria-label=tr("services-links-label")>
                {booking.then(|| view! {
                    <a class="button primary" id="my-bookings-link" href=keep_for("/bookings", resident)>{tr(bookings_title(resident))}</a>
                })}
                {staff.then(|| view! {
                    <a class="button primary" id="service-new-link" href="/services/new">{tr("services-new")}</a>
                    <a class="button" id="services-manage-link" href="/services/manage">{tr("services-manage")}</a>
                })}
            </nav>
        })}
        {move || match services.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(code)) => view! { <ErrorBox code retry/> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <p class="empty" id="services-none">{tr("services-none")}</p> }.into_any(),
            Some(Ok(list)) => view! {
                <ul id="service-list" class="service-list">
                    {list.into_iter().map(|service| view! { <ServiceCard service resident staff/> }).collect_view()}
                </ul>
            }.into_any(),
        }}
    }
}

/// A service in the list: its name (the link), what it is and what to bring, whether staff
/// approve it and how long it takes; for staff, its desk and editor.
#[component]
fn ServiceCard(service: Service, resident: Option<UserId>, staff: bool) -> impl IntoView {
    let id = service.id;
    let documents = service.documents.clone();
    let minutes = service.duration_minutes;
    view! {
        <li class="service-card" id=format!("service-{id}")>
            <h2 class="service-card-title">
                <a class="service-link" href=keep_for(&format!("/services/{id}"), resident)>{service.name.clone()}</a>
            </h2>
            <p class="topic-tags">
                <span class="tag">{move || duration_text(minutes)}</span>
                {service.needs_approval.then(|| view! { <span class="tag pinned" id=format!("service-approval-{id}")>{tr("services-approval-tag")}</span> })}
            </p>
            {(!service.description.is_empty()).then(|| view! { <p class="service-description">{service.description.clone()}</p> })}
            {(!documents.is_empty()).then(|| view! {
                <p class="service-documents" id=format!("service-documents-{id}")>
                    {move || t_args("services-documents", &[("documents", documents.clone().into())])}
                </p>
            })}
            {staff.then(|| view! {
                <p class="service-staff-links">
                    <a class="button" id=format!("service-desk-{id}") href=format!("/services/{id}/desk")>{tr("services-desk")}</a>
                    <a class="button" id=format!("service-edit-{id}") href=format!("/services/{id}/edit")>{tr("services-edit")}</a>
                </p>
            })}
        </li>
    }
}
